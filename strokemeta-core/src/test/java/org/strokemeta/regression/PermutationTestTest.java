package org.strokemeta.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.regression.Bcg.close;

import java.math.BigInteger;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Table;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;

/**
 * Permutation tests against metafor 3.8.1 permutest(exact = TRUE). Reference values are printed by
 * strokemeta-core/src/test/r/regression_reference.R (blocks perm_*); the first also is the corpus case
 * validation/cases/mr_bcg8_ablat_perm.json.
 */
class PermutationTestTest {
    private static RegressionResult fit(Table t, MetaOptions o, Moderator... mods) {
        return MetaRegression.fit(Bcg.rr(t), List.of(mods), o);
    }

    private static RegressionResult bcg8() {
        return fit(Bcg.table(1, 2, 3, 4, 5, 6, 7, 8), MetaOptions.defaults(), Moderator.numeric("ablat"));
    }

    @Test
    void exact_test_with_tied_latitudes_matches_metafor() {
        // regression_reference.R, block perm_bcg8_ablat: 8!/(2! 2!) = 10080 distinct arrangements.
        PermutationTest test = PermutationTest.of(bcg8());
        assertThat(test.exactCount()).isEqualTo(BigInteger.valueOf(10080));
        PermutationResult r = test.exact();
        assertThat(r.exact()).isTrue();
        assertThat(r.permutations()).isEqualTo(10080);
        assertThat(r.failed()).isZero();
        close(r.p("intercept"), 0.936309523809524);
        close(r.p("ablat"), 0.0438492063492063);
        close(r.qmP(), 0.0438492063492063);
    }

    @Test
    void exact_test_of_a_categorical_moderator_visits_each_distinct_arrangement_once() {
        // regression_reference.R, block perm_bcg_alloc: 13!/(2! 7! 4!) = 25740 arrangements of the design rows.
        PermutationTest test = PermutationTest.of(fit(Bcg.table(), MetaOptions.defaults(), Moderator.categorical("alloc")));
        assertThat(test.exactCount()).isEqualTo(BigInteger.valueOf(25740));
        PermutationResult r = test.exact();
        assertThat(r.permutations()).isEqualTo(25740);
        close(r.p("intercept"), 0.658818958818959);
        close(r.p("alloc[random]"), 0.422610722610723);
        close(r.p("alloc[systematic]"), 0.869619269619270);
        close(r.qmP(), 0.461227661227661);
    }

    @Test
    void exact_test_under_dersimonian_laird_and_knha_compares_t_and_f_statistics() {
        // regression_reference.R, block perm_bcg6_dl_knha: 6!/2! = 360 arrangements.
        RegressionResult fit = fit(Bcg.table(1, 2, 3, 4, 5, 6),
                MetaOptions.defaults().withTau2(Tau2Method.DL).withCi(CiMethod.KNHA), Moderator.numeric("ablat"));
        close(fit.omnibus().statistic(), 16.8106847480159);
        PermutationResult r = PermutationTest.of(fit).exact();
        assertThat(r.permutations()).isEqualTo(360);
        close(r.p("intercept"), 0.725);
        close(r.p("ablat"), 0.0194444444444444);
        close(r.qmP(), 0.0194444444444444);
    }

    @Test
    void random_test_is_within_monte_carlo_error_of_the_exact_one() {
        // The exact p-values are those of exact_test_with_tied_latitudes_matches_metafor.
        int n = 4000;
        PermutationResult r = PermutationTest.of(bcg8()).random(n, new SplittableRandom(20240521L));
        assertThat(r.exact()).isFalse();
        assertThat(r.permutations()).isEqualTo(n);
        double[] exact = {0.936309523809524, 0.0438492063492063};
        for (int j = 0; j < 2; j++) {
            double se = Math.sqrt(exact[j] * (1 - exact[j]) / n);
            assertThat(Math.abs(r.p()[j] - exact[j])).as("coefficient %d: %s vs %s", j, r.p()[j], exact[j])
                    .isLessThan(4 * se);
        }
        double se = Math.sqrt(exact[1] * (1 - exact[1]) / n);
        assertThat(Math.abs(r.qmP() - exact[1])).isLessThan(4 * se);
    }

    @Test
    void random_test_is_reproducible_with_the_same_seed() {
        PermutationTest test = PermutationTest.of(bcg8());
        PermutationResult a = test.random(300, new SplittableRandom(7));
        PermutationResult b = test.random(300, new SplittableRandom(7));
        assertThat(a.p()).containsExactly(b.p());
        assertThat(a.qmP()).isEqualTo(b.qmP());
    }

    @Test
    void random_test_counts_the_observed_arrangement_so_p_is_never_below_one_over_iterations() {
        PermutationResult r = PermutationTest.of(bcg8()).random(50, new SplittableRandom(3));
        for (double p : r.p()) {
            assertThat(p).isGreaterThanOrEqualTo(1.0 / 50);
        }
        assertThat(r.qmP()).isGreaterThanOrEqualTo(1.0 / 50);
    }

    @Test
    void random_test_becomes_exact_when_the_iterations_cover_every_arrangement() {
        RegressionResult fit = fit(Bcg.table(1, 2, 3, 4, 5, 6),
                MetaOptions.defaults().withTau2(Tau2Method.DL).withCi(CiMethod.KNHA), Moderator.numeric("ablat"));
        PermutationResult r = PermutationTest.of(fit).random(1000, new SplittableRandom(1));
        assertThat(r.exact()).isTrue();
        assertThat(r.permutations()).isEqualTo(360);
        close(r.p("ablat"), 0.0194444444444444);
    }

    @Test
    void refuses_an_exact_test_above_the_limit_and_suggests_the_random_one() {
        // 13 trials, four tied pairs of latitudes: 13!/2^4 = 389,188,800 arrangements.
        PermutationTest test = PermutationTest.of(fit(Bcg.table(), MetaOptions.defaults(), Moderator.numeric("ablat")));
        assertThat(test.exactCount()).isEqualTo(BigInteger.valueOf(389_188_800L));
        assertThatThrownBy(test::exact).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("389,188,800").hasMessageContaining("1,000,000").hasMessageContaining("random");
        assertThatThrownBy(() -> PermutationTest.of(bcg8()).exact(10_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10,080");
    }

    @Test
    void identity_permutation_gives_the_observed_statistics() {
        RegressionResult fit = bcg8();
        PermutationTest.Statistics s = PermutationTest.of(fit).statistics(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        assertThat(s.fitted()).isTrue();
        assertThat(s.statistic()).containsExactly(fit.fit().statistic());
        assertThat(s.qm()).isEqualTo(fit.omnibus().statistic());
    }

    @Test
    void rejects_an_array_that_is_not_a_permutation() {
        PermutationTest test = PermutationTest.of(bcg8());
        assertThatThrownBy(() -> test.statistics(new int[] {0, 1, 2, 3, 4, 5, 6, 6}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> test.statistics(new int[] {0, 1})).isInstanceOf(IllegalArgumentException.class);
    }
}
