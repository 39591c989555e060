package org.strokemeta.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.pool.MetaOptions;

/**
 * The work of a permutation test is bounded: a most number of permutations, a most number of study
 * refits asked for up front, and a time limit after which the test stops and says so. The time limit
 * is tested with a clock that advances one second per reading, not by waiting.
 */
class PermutationBoundsTest {
    /** k studies with effects and variances varying, moderator x = 1 for the first {@code ones}, else 0 or i. */
    private static RegressionResult fit(int k, int ones) {
        StringBuilder csv = new StringBuilder("study,yi,vi,x\n");
        for (int i = 0; i < k; i++) {
            double x = ones > 0 ? (i < ones ? 1 : 0) : i;
            csv.append("S").append(i).append(',').append(0.1 * (i % 7) - 0.3).append(',').append(0.02 + 0.01 * (i % 5))
                    .append(',').append(x).append('\n');
        }
        Table t = CsvReader.parse("p.csv", csv.toString());
        var es = EffectCalculator.generic(StudyLoader.generic(t, StudyLoader.GenericInput.defaults()));
        return MetaRegression.fit(es.withInputCovariates(org.strokemeta.data.DataColumns.read(t, List.of("x"))), List.of(Moderator.numeric("x")), MetaOptions.defaults());
    }

    /** A clock that advances one second each time it is read. */
    private static long[] ticking() {
        return new long[] {0};
    }

    @Test
    void more_than_a_million_random_permutations_are_refused() {
        PermutationTest test = PermutationTest.of(fit(12, 0));
        assertThatThrownBy(() -> test.random(PermutationTest.MAX_PERMUTATIONS + 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a random permutation test evaluates at most 1,000,000 permutations (asked for 1,000,001)");
    }

    @Test
    void studies_times_permutations_beyond_the_work_limit_are_refused_before_any_refit() {
        PermutationTest random = PermutationTest.of(fit(2000, 0));
        assertThatThrownBy(() -> random.random(600_000, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2000 studies")
                .hasMessageContaining("more than the limit of 1,000,000,000: ask for at most 500,000 permutations");
        // exact: 1400 studies, two with x = 1: 979,300 arrangements (under the exact limit), 1.4e9 study fits
        PermutationTest exact = PermutationTest.of(fit(1400, 2));
        assertThat(exact.exactCount().longValue()).isEqualTo(979_300L);
        assertThatThrownBy(exact::exact)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("an exact permutation test of 1400 studies would refit the model 979,300 times");
    }

    @Test
    void a_random_test_that_reaches_its_time_limit_stops_and_says_its_p_values_rest_on_the_permutations_done() {
        long[] now = ticking();
        PermutationTest test = PermutationTest.of(fit(12, 0)).timeLimit(Duration.ofSeconds(10))
                .clock(() -> now[0]++ * 1_000_000_000L);
        PermutationResult r = test.random(1000, new SplittableRandom(1));
        assertThat(r.complete()).isFalse();
        assertThat(r.stopped()).isEqualTo("the time limit of 10.0 seconds was reached");
        assertThat(r.requested()).isEqualTo(1000);
        assertThat(r.permutations() + r.failed()).isBetween(2L, 11L);
        assertThat(r.qmP()).isBetween(0.0, 1.0);
        assertThat(r.describe()).startsWith("random permutation test (STOPPED EARLY after " + (r.permutations() + r.failed())
                + " of 1000 permutations: the time limit of 10.0 seconds was reached")
                .endsWith("the p-values are based on the " + r.permutations() + " done)");
    }

    @Test
    void an_exact_test_that_reaches_its_time_limit_has_no_p_values() {
        long[] now = ticking();
        PermutationTest test = PermutationTest.of(fit(8, 0)).timeLimit(Duration.ofMinutes(1))
                .clock(() -> now[0]++ * 1_000_000_000L);
        PermutationResult r = test.exact();
        assertThat(r.complete()).isFalse();
        assertThat(r.requested()).isEqualTo(40320);
        assertThat(r.permutations() + r.failed()).isEqualTo(59);
        assertThat(r.qmP()).isNaN();
        assertThat(java.util.Arrays.stream(r.p()).allMatch(Double::isNaN)).isTrue();
        assertThat(r.describe()).contains("STOPPED EARLY after 59 of 40320 permutations: the time limit of 1 minute was reached")
                .contains("an incomplete exact test has no p-values");
    }

    @Test
    void a_test_within_its_limits_is_complete() {
        PermutationResult r = PermutationTest.of(fit(12, 0)).random(200, new SplittableRandom(1));
        assertThat(r.complete()).isTrue();
        assertThat(r.stopped()).isNull();
        assertThat(r.requested()).isEqualTo(200);
        assertThat(r.describe()).doesNotContain("STOPPED");
    }
}
