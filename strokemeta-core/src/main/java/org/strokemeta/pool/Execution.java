package org.strokemeta.pool;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Where the parallel parts of an analysis run: the only place in the library that hands work to other
 * threads. The core starts no thread of its own and never uses {@code ForkJoinPool.commonPool()}.
 *
 * <p>The parallel parts are: the groups of a batch meta-analysis ({@code MetaRun} with a {@code by}
 * column), the trials of a mixed-model likelihood evaluation (from 30,000 patients), the two halves of
 * the columns of a mixed model's finite-difference Hessian, the blocks of a proportional-odds
 * likelihood and the columns of its design (from 32,768 patients), and the blocks of 32,768 patients of
 * a stratified logistic regression with covariates (beyond 65,536 patients). Each is split into independent
 * tasks whose results are combined in a fixed order, so every number is the same, to the bit, whatever
 * the execution: the caller's thread alone, the library's pool, or the caller's own executor.
 *
 * <ul>
 * <li>{@link #defaults()}: a pool the library owns, created on first use, of as many daemon threads as
 *     there are processors, named {@code strokemeta-worker-N}; idle threads end after a minute.</li>
 * <li>{@link #singleThread()}: everything in the calling thread.</li>
 * <li>{@link #on(Executor)}: the caller's executor (a server's job pool, a test's counting executor).</li>
 * </ul>
 *
 * <p>As in a fork-join pool, the calling thread takes part in the work: it submits at most
 * {@code parallelism − 1} helpers to the executor and takes tasks itself until none is left. A helper
 * the executor rejects or has not started when the work is done simply does nothing, so a saturated or
 * shared executor (even the one the caller runs in) slows a run down but never deadlocks it. A
 * task's exception is rethrown in the calling thread; an interrupt of the calling thread while it
 * waits stops the tasks not yet started and ends the run with a {@link CancellationException}.
 *
 * <p>Carried by the requests that have parallel parts ({@code MetaRequest}, {@code IpdRequest},
 * {@code MixedOptions}, {@code BinaryOptions}, {@code PoOptions}); their defaults use {@link #defaults()}.
 */
public final class Execution implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final Execution DEFAULTS = new Execution(null, 0);
    private static final Execution SINGLE = new Execution(null, 1);

    /** The executor, or null for the library's pool (parallelism 0) or the calling thread (parallelism 1). */
    private final transient Executor executor;
    /** Tasks run at once at most, the calling thread included; 0 for the processors' count. */
    private final int parallelism;

    private Execution(Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = parallelism;
    }

    /**
     * The library's pool: as many daemon threads ({@code strokemeta-worker-N}) as processors, created on first use.
     *
     * @return the shared default execution (the same instance at every call)
     */
    public static Execution defaults() {
        return DEFAULTS;
    }

    /**
     * Every task in the calling thread, one after another.
     *
     * @return the single-threaded execution
     */
    public static Execution singleThread() {
        return SINGLE;
    }

    /**
     * The given executor, with at most as many tasks at once as there are processors (the caller's thread included).
     *
     * @param executor where tasks run; the caller's thread runs tasks too
     * @return an execution on {@code executor}
     * @throws NullPointerException if {@code executor} is null
     */
    public static Execution on(Executor executor) {
        return on(executor, 0);
    }

    /**
     * The given executor, with at most {@code parallelism} tasks at once (the caller's thread included);
     * 1 runs everything in the calling thread.
     *
     * @param executor    where tasks run; the caller's thread runs tasks too
     * @param parallelism the most tasks at once; 0 for the number of processors
     * @return an execution on {@code executor}
     * @throws NullPointerException if {@code executor} is null
     * @throws IllegalArgumentException if {@code parallelism} is negative
     */
    public static Execution on(Executor executor, int parallelism) {
        Objects.requireNonNull(executor, "the executor is missing");
        if (parallelism < 0) {
            throw new IllegalArgumentException("the parallelism must be positive (or 0 for the number of processors)");
        }
        return new Execution(executor, parallelism);
    }

    /**
     * True when every task runs in the calling thread.
     *
     * @return true when {@link #parallelism()} is 1
     */
    public boolean isSingleThreaded() {
        return parallelism == 1;
    }

    /**
     * The number of tasks run at once at most, the calling thread included.
     *
     * @return at least 1
     */
    public int parallelism() {
        return parallelism == 0 ? Runtime.getRuntime().availableProcessors() : parallelism;
    }

    /**
     * Runs {@code task.accept(i)} for every i in {@code 0..count−1} and returns when all have ended.
     * Tasks must be independent (each writes only its own slot of a result); the order in which they
     * run, and the thread, are not specified.
     *
     * @param count the number of tasks
     * @param task  the task, called once with each index
     */
    public void forEach(int count, IntConsumer task) {
        int helpers = Math.min(parallelism(), count) - 1;
        if (helpers <= 0) {
            for (int i = 0; i < count; i++) {
                task.accept(i);
            }
            return;
        }
        Batch b = new Batch(count, task);
        Executor e = executor == null ? LibraryPool.POOL : executor;
        for (int k = 0; k < helpers; k++) {
            try {
                e.execute(b);
            } catch (RejectedExecutionException full) {
                break;
            }
        }
        b.run();
        try {
            b.done.await();
        } catch (InterruptedException ie) {
            b.stop = true;
            Thread.currentThread().interrupt();
            throw new CancellationException("the analysis was stopped before it ended (its time limit was reached or it was cancelled)");
        }
        Throwable t = b.failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Tasks handed out one index at a time to whichever thread asks next. */
    private static final class Batch implements Runnable {
        private final int count;
        private final IntConsumer task;
        private final AtomicInteger next = new AtomicInteger();
        final CountDownLatch done;
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        volatile boolean stop;

        Batch(int count, IntConsumer task) {
            this.count = count;
            this.task = task;
            this.done = new CountDownLatch(count);
        }

        @Override
        public void run() {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    if (!stop) {
                        task.accept(i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                    stop = true;
                } finally {
                    done.countDown();
                }
            }
        }
    }

    /**
     * The library's own pool, created when first used (class initialisation is lazy and thread-safe).
     * Its threads are daemons, so it never keeps a program alive, and end when idle for a minute.
     */
    private static final class LibraryPool {
        static final ExecutorService POOL = create();

        private static ExecutorService create() {
            int n = Runtime.getRuntime().availableProcessors();
            AtomicInteger id = new AtomicInteger();
            ThreadPoolExecutor p = new ThreadPoolExecutor(n, n, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "strokemeta-worker-" + id.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            p.allowCoreThreadTimeOut(true);
            return p;
        }
    }

    /**
     * An execution read back from a stream (a request carried by a cache or a cluster job) runs on that
     * process's library pool, or single-threaded when it was: an executor does not travel.
     *
     * @return {@link #singleThread()} or {@link #defaults()}
     */
    private Object readResolve() {
        return parallelism == 1 ? SINGLE : DEFAULTS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Execution e && e.executor == executor && e.parallelism == parallelism;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(executor) * 31 + parallelism;
    }

    @Override
    public String toString() {
        if (executor == null) {
            return parallelism == 1 ? "Execution[single thread]" : "Execution[library pool]";
        }
        return "Execution[" + executor + ", parallelism " + parallelism() + "]";
    }
}
