package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExecutionTest {
    @Test
    void the_default_pool_runs_tasks_on_named_daemon_threads_of_the_library_not_the_common_pool() throws Exception {
        Thread caller = Thread.currentThread();
        Set<Thread> seen = ConcurrentHashMap.newKeySet();
        CountDownLatch both = new CountDownLatch(2);
        // two tasks that wait for each other: they must run at the same time, so one is on a pool thread
        Execution.defaults().forEach(2, i -> {
            seen.add(Thread.currentThread());
            both.countDown();
            try {
                assertThat(both.await(30, TimeUnit.SECONDS)).as("hang guard").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(seen).hasSize(2).contains(caller);
        for (Thread t : seen) {
            assertThat(t).isNotInstanceOf(ForkJoinWorkerThread.class);
            if (t != caller) {
                assertThat(t.getName()).matches("strokemeta-worker-\\d+");
                assertThat(t.isDaemon()).isTrue();
            }
        }
    }

    @Test
    void single_thread_runs_every_task_in_the_calling_thread_in_order() {
        Thread caller = Thread.currentThread();
        int[] order = new int[50];
        AtomicInteger next = new AtomicInteger();
        Execution.singleThread().forEach(50, i -> {
            assertThat(Thread.currentThread()).isSameAs(caller);
            order[next.getAndIncrement()] = i;
        });
        for (int i = 0; i < 50; i++) {
            assertThat(order[i]).isEqualTo(i);
        }
        assertThat(Execution.singleThread().isSingleThreaded()).isTrue();
        assertThat(Execution.defaults().parallelism()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    @Test
    void a_callers_executor_takes_part_and_every_task_runs_once() {
        try (CountingExecutor ex = new CountingExecutor()) {
            AtomicInteger[] runs = new AtomicInteger[1000];
            for (int i = 0; i < runs.length; i++) {
                runs[i] = new AtomicInteger();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            Execution.on(ex, 2).forEach(runs.length, i -> {
                runs[i].incrementAndGet();
                // the first tasks wait until the executor's helper has started (a hang guard bounds the wait)
                while (ex.started() == 0 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            });
            for (AtomicInteger r : runs) {
                assertThat(r.get()).isEqualTo(1);
            }
            assertThat(ex.handed()).isEqualTo(1);
            assertThat(ex.threads()).containsExactly("counting-1");
        }
    }

    @Test
    void an_executor_that_refuses_work_leaves_it_to_the_caller() {
        int[] done = new int[20];
        Execution.on(r -> {
            throw new RejectedExecutionException("full");
        }, 4).forEach(done.length, i -> done[i] = i + 1);
        for (int i = 0; i < done.length; i++) {
            assertThat(done[i]).isEqualTo(i + 1);
        }
    }

    @Test
    void an_exception_of_a_task_reaches_the_caller_unchanged() {
        try (CountingExecutor ex = new CountingExecutor()) {
            IllegalArgumentException boom = new IllegalArgumentException("boom");
            assertThatThrownBy(() -> Execution.on(ex, 2).forEach(100, i -> {
                if (i == 57) {
                    throw boom;
                }
            })).isSameAs(boom);
        }
    }

    @Test
    void rejects_a_missing_executor_and_a_negative_parallelism() {
        assertThatThrownBy(() -> Execution.on(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> Execution.on(Runnable::run, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }

    /**
     * The rule of the library, checked on its sources: no parallel stream, common pool, thread or
     * executor of its own anywhere but in {@link Execution}.
     */
    @Test
    void the_core_starts_no_threads_and_uses_no_common_pool_outside_execution() throws IOException {
        Path main = Path.of("strokemeta-core/src/main/java");
        if (!Files.isDirectory(main)) {
            main = Path.of("src/main/java");
        }
        Pattern hidden = Pattern.compile("\\.parallel\\(\\)\\s*\\.|parallelStream|ForkJoinPool|commonPool|new Thread\\b|Executors\\."
                + "|CompletableFuture|ExecutorService|Arrays\\.parallel");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(main)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !p.getFileName().toString().equals("Execution.java"))
                    .flatMap(p -> {
                        try {
                            List<String> lines = Files.readAllLines(p);
                            return java.util.stream.IntStream.range(0, lines.size())
                                    .filter(i -> hidden.matcher(lines.get(i)).find())
                                    .mapToObj(i -> p + ":" + (i + 1) + ": " + lines.get(i).trim());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        }
        assertThat(Files.isDirectory(main)).isTrue();
        assertThat(offenders).isEmpty();
    }
}
