package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.strokemeta.data.OrdinalTable;

/** Properties of proportional-odds fits to tables of counts, whatever the counts. */
class ProportionalOddsProperties {
    /** 2 to 6 trials, 4 to 7 categories, 1 to 60 patients in every cell (so every category is used). */
    @Provide
    Arbitrary<OrdinalTable> tables() {
        return Arbitraries.integers().between(2, 6).flatMap(k -> Arbitraries.integers().between(4, 7).flatMap(cats ->
                Arbitraries.integers().between(1, 60).array(int[].class).ofSize(2 * k * cats).map(c -> {
                    double[][][] trials = new double[k][2][cats];
                    for (int i = 0; i < c.length; i++) {
                        trials[i / (2 * cats)][(i / cats) % 2][i % cats] = c[i];
                    }
                    return Tables.table(trials);
                })));
    }

    private static ProportionalOddsFit fit(OrdinalTable t, Thresholds th) {
        return ProportionalOdds.fit(t, PoOptions.defaults().withThresholds(th));
    }

    @Property(tries = 60)
    void trial_order_does_not_change_results(@ForAll("tables") OrdinalTable t, @ForAll long seed) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < t.size(); i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(seed));
        OrdinalTable p = t.subset(idx.stream().mapToInt(Integer::intValue).toArray());
        for (Thresholds th : Thresholds.values()) {
            ProportionalOddsFit a = fit(t, th);
            ProportionalOddsFit b = fit(p, th);
            assertThat(a.converged()).isTrue();
            assertThat(b.logCor()).as(th.name()).isCloseTo(a.logCor(), within(1e-9));
            assertThat(b.logCorSe()).as(th.name()).isCloseTo(a.logCorSe(), within(1e-9));
            assertThat(b.logLik()).as(th.name()).isCloseTo(a.logLik(), within(1e-8 * Math.abs(a.logLik())));
        }
    }

    @Property(tries = 60)
    void swapping_the_arms_negates_the_log_common_odds_ratio(@ForAll("tables") OrdinalTable t) {
        OrdinalTable s = new OrdinalTable(t.source(), t.study(), t.lines(), t.control(), t.treatment(), t.categories(), t.notes());
        for (Thresholds th : Thresholds.values()) {
            ProportionalOddsFit a = fit(t, th);
            ProportionalOddsFit b = fit(s, th);
            assertThat(b.logCor()).as(th.name()).isCloseTo(-a.logCor(), within(1e-9));
            assertThat(b.logCorSe()).as(th.name()).isCloseTo(a.logCorSe(), within(1e-9));
            assertThat(b.logLik()).as(th.name()).isCloseTo(a.logLik(), within(1e-8 * Math.abs(a.logLik())));
        }
    }

    @Property(tries = 60)
    void reversing_the_scale_negates_the_log_common_odds_ratio(@ForAll("tables") OrdinalTable t) {
        int k = t.size();
        double[][] tr = new double[k][];
        double[][] co = new double[k][];
        for (int s = 0; s < k; s++) {
            tr[s] = reverse(t.treatment()[s]);
            co[s] = reverse(t.control()[s]);
        }
        OrdinalTable r = new OrdinalTable(t.source(), t.study(), t.lines(), tr, co, t.categories(), t.notes());
        ProportionalOddsFit a = fit(t, Thresholds.STRATIFIED);
        ProportionalOddsFit b = fit(r, Thresholds.STRATIFIED);
        assertThat(b.logCor()).isCloseTo(-a.logCor(), within(1e-9));
        assertThat(b.logCorSe()).isCloseTo(a.logCorSe(), within(1e-9));
    }

    @Property(tries = 60)
    void with_no_treatment_effect_the_estimate_stays_zero_after_merging_categories(@ForAll("tables") OrdinalTable t) {
        // the same distribution in both arms of every trial: the maximum lies exactly at log cOR = 0
        OrdinalTable same = new OrdinalTable(t.source(), t.study(), t.lines(), t.control(), t.control(), t.categories(), t.notes());
        for (Thresholds th : Thresholds.values()) {
            assertThat(fit(same, th).logCor()).as(th.name()).isCloseTo(0, within(1e-9));
            int last = t.categories() - 1;
            assertThat(fit(same.mergeCategories(last - 1, last), th).logCor()).isCloseTo(0, within(1e-9));
            assertThat(fit(same.mergeCategories(0, 1), th).logCor()).isCloseTo(0, within(1e-9));
        }
    }

    @Property(tries = 60)
    void doubling_every_count_keeps_the_estimate_and_halves_the_variance(@ForAll("tables") OrdinalTable t) {
        int k = t.size();
        double[][] tr = new double[k][];
        double[][] co = new double[k][];
        for (int s = 0; s < k; s++) {
            tr[s] = t.treatment()[s].clone();
            co[s] = t.control()[s].clone();
            for (int j = 0; j < tr[s].length; j++) {
                tr[s][j] *= 2;
                co[s][j] *= 2;
            }
        }
        OrdinalTable d = new OrdinalTable(t.source(), t.study(), t.lines(), tr, co, t.categories(), t.notes());
        ProportionalOddsFit a = fit(t, Thresholds.STRATIFIED);
        ProportionalOddsFit b = fit(d, Thresholds.STRATIFIED);
        assertThat(b.logCor()).isCloseTo(a.logCor(), within(1e-9));
        assertThat(b.logCorSe() * b.logCorSe() * 2).isCloseTo(a.logCorSe() * a.logCorSe(), within(1e-10));
        assertThat(b.logLik()).isCloseTo(2 * a.logLik(), within(1e-8 * Math.abs(a.logLik())));
    }

    @Property(tries = 40)
    void the_proportional_odds_test_statistic_is_never_negative(@ForAll("tables") OrdinalTable t) {
        ProportionalOddsCheck c = PartialProportionalOdds.test(t, PoOptions.defaults());
        assertThat(c.valid()).isTrue();
        assertThat(c.statistic()).isGreaterThanOrEqualTo(0);
        assertThat(c.df()).isEqualTo(t.categories() - 2);
        assertThat(c.p()).isBetween(0.0, 1.0);
    }

    private static double[] reverse(double[] x) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            r[i] = x[x.length - 1 - i];
        }
        return r;
    }
}
