package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.CountingExecutor;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaResult;

class MetaRunExecutionTest {
    /** 200 meta-analyses of 3 to 12 trials each, with events drawn from a seeded generator. */
    private static Table groups() {
        StringBuilder sb = new StringBuilder("ma_id,study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        SplittableRandom rng = new SplittableRandom(20240611L);
        for (int g = 1; g <= 200; g++) {
            int k = 3 + rng.nextInt(10);
            for (int s = 1; s <= k; s++) {
                int nt = 40 + rng.nextInt(300);
                int nc = 40 + rng.nextInt(300);
                int et = 1 + rng.nextInt(nt / 2);
                int ec = 1 + rng.nextInt(nc / 2);
                sb.append(g).append(',').append(s).append(',').append(et).append(',').append(nt).append(',')
                        .append(ec).append(',').append(nc).append('\n');
            }
        }
        return CsvReader.parse("groups.csv", sb.toString());
    }

    private static void assertSameToTheBit(List<MetaRun.Outcome> a, List<MetaRun.Outcome> b) {
        assertThat(b).hasSameSizeAs(a);
        for (int g = 0; g < a.size(); g++) {
            assertThat(b.get(g).group()).isEqualTo(a.get(g).group());
            MetaResult x = a.get(g).result();
            MetaResult y = b.get(g).result();
            // records compare their doubles bit by bit (Double.compare)
            assertThat(y.pooled()).isEqualTo(x.pooled());
            assertThat(y.heterogeneity()).isEqualTo(x.heterogeneity());
            assertThat(y.weights()).isEqualTo(x.weights());
        }
    }

    @Test
    void a_batch_gives_the_same_numbers_to_the_bit_on_a_single_thread_a_callers_executor_and_the_default_pool() {
        Table t = groups();
        MetaRequest r = MetaRequest.defaults().withBy("ma_id").withMeasure(Measure.OR);
        List<MetaRun.Outcome> pooled = MetaRun.run(t, r);
        assertThat(pooled).hasSize(200).noneMatch(MetaRun.Outcome::failed);
        List<MetaRun.Outcome> single = MetaRun.run(t, r.withExecution(Execution.singleThread()));
        assertSameToTheBit(pooled, single);
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            assertSameToTheBit(pooled, MetaRun.run(t, r.withExecution(Execution.on(one))));
        } finally {
            one.shutdownNow();
        }
    }

    @Test
    void the_groups_of_a_batch_run_on_the_executor_the_caller_passes() {
        Table t = groups();
        MetaRequest r = MetaRequest.defaults().withBy("ma_id").withMeasure(Measure.OR);
        try (CountingExecutor ex = new CountingExecutor()) {
            List<MetaRun.Outcome> out = MetaRun.run(t, r.withExecution(Execution.on(ex, 2)));
            assertThat(ex.handed()).isEqualTo(1);
            assertThat(ex.threads()).allMatch(n -> n.startsWith("counting-"));
            assertSameToTheBit(MetaRun.run(t, r.withExecution(Execution.singleThread())), out);
        }
    }

    @Test
    void the_request_carries_the_library_pool_by_default_and_keeps_the_execution_through_its_copies() {
        assertThat(MetaRequest.defaults().execution()).isEqualTo(Execution.defaults());
        assertThat(MetaRequest.defaults().withExecution(Execution.singleThread()).withBy("x").withMeasure(Measure.RR).execution())
                .isEqualTo(Execution.singleThread());
    }
}
