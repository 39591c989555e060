package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.pool.CountingExecutor;
import org.strokemeta.pool.Execution;

class StratifiedLogisticExecutionTest {
    private static void assertSameToTheBit(BinaryResult a, BinaryResult b) {
        // records compare their doubles bit by bit (Double.compare)
        assertThat(b.coefficients()).isEqualTo(a.coefficients());
        assertThat(b.intercepts()).isEqualTo(a.intercepts());
        assertThat(b.riskDifference()).isEqualTo(a.riskDifference());
        assertThat(b.logLik()).isEqualTo(a.logLik());
        assertThat(b.maxGradient()).isEqualTo(a.maxGradient());
        assertThat(b.iterations()).isEqualTo(a.iterations());
        assertThat(b.converged()).isEqualTo(a.converged());
    }

    @Test
    void the_stratified_model_with_covariates_on_200000_patients_is_the_same_to_the_bit_on_any_execution() {
        // 200,000 patients: beyond 65,536 each evaluation sums blocks of 32,768 patients as parallel tasks
        PatientData d = SimulatedTrials.make(new Random(40), 8, 25_000, 0.3, 0);
        BinaryOutcome y = BinaryOutcome.atMost(d, 2);
        BinaryOptions o = BinaryOptions.defaults().withCovariates(List.of("age", "nihss"));
        BinaryResult pooled = IpdLogistic.fit(d, y, o);
        assertThat(pooled.converged()).as(pooled.convergence()).isTrue();
        assertThat(pooled.logOddsRatio().estimate()).isCloseTo(0.8, within(0.05));
        assertSameToTheBit(pooled, IpdLogistic.fit(d, y, o.withExecution(Execution.singleThread())));
        try (CountingExecutor ex = new CountingExecutor()) {
            BinaryResult counted = IpdLogistic.fit(d, y, o.withExecution(Execution.on(ex, 2)));
            assertSameToTheBit(pooled, counted);
            // one helper task per evaluation, on the caller's executor
            assertThat(ex.handed()).isGreaterThanOrEqualTo(pooled.iterations());
            assertThat(ex.threads()).allMatch(n -> n.startsWith("counting-"));
        }
    }

    @Test
    void starting_from_a_subsample_fit_gives_the_estimates_of_the_fit_from_the_usual_start() {
        PatientData d = SimulatedTrials.make(new Random(41), 6, 50_000, 0.3, 0);
        BinaryOutcome y = BinaryOutcome.atLeast(d, 6);
        BinaryOptions o = BinaryOptions.defaults().withCovariates(List.of("age", "nihss"));
        BinaryResult sub = StratifiedLogistic.fit(d, y, o);
        BinaryResult full = StratifiedLogistic.fit(d, y, o, Integer.MAX_VALUE);
        assertThat(sub.converged()).as(sub.convergence()).isTrue();
        assertThat(full.converged()).as(full.convergence()).isTrue();
        assertThat(sub.iterations()).isLessThan(full.iterations());
        for (int j = 0; j < full.coefficients().size(); j++) {
            double est = full.coefficients().get(j).estimate();
            double se = full.coefficients().get(j).se();
            assertThat(sub.coefficients().get(j).estimate()).isCloseTo(est, within(1e-9 * Math.abs(est)));
            assertThat(sub.coefficients().get(j).se()).isCloseTo(se, within(1e-9 * se));
        }
        for (int t = 0; t < full.intercepts().size(); t++) {
            double est = full.intercepts().get(t).estimate();
            assertThat(sub.intercepts().get(t).estimate()).isCloseTo(est, within(1e-9 * Math.max(1, Math.abs(est))));
        }
        assertThat(sub.riskDifference().estimate()).isCloseTo(full.riskDifference().estimate(), within(1e-10));
        assertThat(sub.logLik()).isCloseTo(full.logLik(), within(1e-12 * Math.abs(full.logLik())));
    }
}
