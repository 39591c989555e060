package org.strokemeta.pool;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An executor for tests that counts the tasks handed to it and remembers the threads they ran in: one
 * thread of its own, named {@code counting-N}, so that work handed to it is visibly not on the common pool.
 */
public final class CountingExecutor implements Executor, AutoCloseable {
    private final AtomicInteger created = new AtomicInteger();
    private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "counting-" + created.incrementAndGet());
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger handed = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();

    @Override
    public void execute(Runnable command) {
        handed.incrementAndGet();
        pool.execute(() -> {
            started.incrementAndGet();
            threads.add(Thread.currentThread().getName());
            command.run();
        });
    }

    /** Tasks handed to it so far (each runs in its thread). */
    public int handed() {
        return handed.get();
    }

    /** Tasks that have started in its thread so far. */
    public int started() {
        return started.get();
    }

    /** Names of the threads the tasks ran in. */
    public Set<String> threads() {
        return Set.copyOf(threads);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
