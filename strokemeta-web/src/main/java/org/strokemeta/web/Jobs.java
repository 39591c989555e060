package org.strokemeta.web;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Admission and time limit for one class of analyses: at most {@code slots} run at once, at most
 * {@code queue} more wait (each at most {@code wait}) for a slot, and the rest are refused at once with
 * 503 and a Retry-After header. Each admitted job runs on a thread of its own and must finish within
 * {@code timeLimit}: after that the client receives 504, the job is interrupted and its slot is given
 * back. A job that ignores the interruption keeps its thread until it ends; there are at most twice as
 * many threads as slots, so such jobs cannot pile up (while they all run, new jobs are refused with 503).
 * The web application runs each analysis single-threaded in its job's thread ({@code Execution.singleThread()}),
 * so a job never uses more than the one thread of its slot.
 */
final class Jobs implements AutoCloseable {
    /** Seconds a refused client is asked to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final String what;
    private final int slots;
    private final int queue;
    private final Duration wait;
    private final Duration timeLimit;
    private final Semaphore free;
    private final AtomicInteger waiting = new AtomicInteger();
    private final ThreadPoolExecutor threads;

    /**
     * @param what      the jobs in words, for messages ("analyses of patient-level data")
     * @param slots     jobs running at once (at least 1)
     * @param queue     jobs waiting for a slot (0 or more)
     * @param wait      longest wait for a slot
     * @param timeLimit longest run of one job
     */
    Jobs(String what, int slots, int queue, Duration wait, Duration timeLimit) {
        this.what = what;
        this.slots = slots;
        this.queue = queue;
        this.wait = wait;
        this.timeLimit = timeLimit;
        this.free = new Semaphore(slots, true);
        AtomicInteger n = new AtomicInteger();
        this.threads = new ThreadPoolExecutor(0, 2 * slots, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "strokemeta-job-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the work within the limits and returns its result; its runtime exceptions pass through unchanged. */
    <T> T run(Callable<T> work) {
        acquire();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                free.release();
            }
        };
        Future<T> future;
        try {
            future = threads.submit(() -> {
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RejectedExecutionException e) {
            release.run();
            throw busy("the server is still stopping " + what + " that ran out of time");
        }
        try {
            return future.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            release.run();
            throw new HttpError(504, "the analysis took longer than the time limit of " + seconds(timeLimit)
                    + " and was stopped; use the command line for analyses this large");
        } catch (InterruptedException e) {
            future.cancel(true);
            release.run();
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is stopping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void acquire() {
        if (free.tryAcquire()) {
            return;
        }
        if (waiting.incrementAndGet() > queue) {
            waiting.decrementAndGet();
            throw busy("the server is busy: its slots for " + what + " (" + slots + ") and their queue (" + queue + ") are full");
        }
        try {
            if (!free.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy("the server has been busy with " + what + " for " + seconds(wait));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is stopping");
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static HttpError busy(String why) {
        return new HttpError(503, why + "; try again in a moment", RETRY_AFTER_SECONDS);
    }

    static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + (ms == 1000 ? " second" : " seconds") : ms / 1000.0 + " seconds";
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
