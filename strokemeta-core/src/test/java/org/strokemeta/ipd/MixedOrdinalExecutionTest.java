package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.pool.CountingExecutor;
import org.strokemeta.pool.Execution;

class MixedOrdinalExecutionTest {
    private static void assertSameToTheBit(MixedOrdinalResult a, MixedOrdinalResult b) {
        // records compare their doubles bit by bit (Double.compare)
        assertThat(b.logCommonOddsRatio()).isEqualTo(a.logCommonOddsRatio());
        assertThat(b.coefficients()).isEqualTo(a.coefficients());
        assertThat(b.thresholds()).isEqualTo(a.thresholds());
        assertThat(b.variance()).isEqualTo(a.variance());
        assertThat(b.logLik()).isEqualTo(a.logLik());
        assertThat(b.maxGradient()).isEqualTo(a.maxGradient());
        assertThat(b.iterations()).isEqualTo(a.iterations());
        assertThat(b.evaluations()).isEqualTo(a.evaluations());
        assertThat(b.converged()).isEqualTo(a.converged());
    }

    @Test
    void a_fit_large_enough_to_split_its_trials_is_the_same_to_the_bit_on_any_execution() {
        // 30,000 patients: from there an evaluation runs the trials as parallel tasks
        PatientData d = SimulatedTrials.make(new Random(30), 6, 5_000, 0.3, 0);
        TrialBlocks tb = TrialBlocks.of(d, d.outcome(), 7, List.of());
        assertThat(new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1).parallel()).isTrue();
        MixedOptions o = MixedOptions.defaults();
        MixedOrdinalResult pooled = MixedOrdinal.fit(d, o);
        assertThat(pooled.converged()).isTrue();
        assertSameToTheBit(pooled, MixedOrdinal.fit(d, o.withExecution(Execution.singleThread())));
        try (CountingExecutor ex = new CountingExecutor()) {
            MixedOrdinalResult counted = MixedOrdinal.fit(d, o.withExecution(Execution.on(ex, 2)));
            assertSameToTheBit(pooled, counted);
            // one helper task per likelihood evaluation, all on the caller's executor
            assertThat(ex.handed()).isGreaterThanOrEqualTo(pooled.evaluations() / 2);
            assertThat(ex.threads()).allMatch(n -> n.startsWith("counting-"));
        }
    }

    @Test
    void a_smaller_fit_computes_half_its_hessian_on_the_callers_executor_with_the_same_numbers() {
        PatientData d = SimulatedTrials.make(new Random(31), 5, 200, 0.4, 0);
        MixedOptions o = MixedOptions.defaults().withCovariates(List.of("age", "nihss"));
        MixedOrdinalResult pooled = MixedOrdinal.fit(d, o);
        assertThat(pooled.converged()).isTrue();
        assertSameToTheBit(pooled, MixedOrdinal.fit(d, o.withExecution(Execution.singleThread())));
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            assertSameToTheBit(pooled, MixedOrdinal.fit(d, o.withExecution(Execution.on(one))));
        } finally {
            one.shutdownNow();
        }
        try (CountingExecutor ex = new CountingExecutor()) {
            assertSameToTheBit(pooled, MixedOrdinal.fit(d, o.withExecution(Execution.on(ex, 2))));
            assertThat(ex.handed()).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void the_random_intercept_logistic_model_is_the_same_to_the_bit_on_a_single_thread() {
        PatientData d = SimulatedTrials.make(new Random(32), 5, 200, 0.4, 0);
        BinaryOptions o = BinaryOptions.defaults().withStudyEffect(StudyEffect.RANDOM_INTERCEPT);
        BinaryResult pooled = IpdLogistic.fit(d, BinaryOutcome.atMost(d, 2), o);
        BinaryResult single = IpdLogistic.fit(d, BinaryOutcome.atMost(d, 2), o.withExecution(Execution.singleThread()));
        assertThat(single.coefficients()).isEqualTo(pooled.coefficients());
        assertThat(single.logLik()).isEqualTo(pooled.logLik());
        assertThat(single.variance()).isEqualTo(pooled.variance());
    }
}
