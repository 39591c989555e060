package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

class ProportionalOddsTest {
    private static final PoOptions STRAT = PoOptions.defaults();
    private static final PoOptions COMMON = PoOptions.defaults().withThresholds(Thresholds.COMMON);

    @Test
    void rejects_an_empty_category_in_a_trial_naming_the_trial_and_category() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {4, 6, 8, 9}, new double[] {2, 5, 9, 12}),
                Tables.trial(new double[] {0, 7, 10, 8}, new double[] {0, 4, 9, 13}));
        assertThatThrownBy(() -> ProportionalOdds.fit(t, STRAT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Trial 2: category 0")
                .hasMessageContaining("Merge the empty category")
                .hasMessageContaining("common cut-points");
    }

    @Test
    void common_cut_points_accept_a_category_empty_in_one_trial_only() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {4, 6, 8, 9}, new double[] {2, 5, 9, 12}),
                Tables.trial(new double[] {0, 7, 10, 8}, new double[] {0, 4, 9, 13}));
        ProportionalOddsFit f = ProportionalOdds.fit(t, COMMON);
        assertThat(f.converged()).isTrue();
        assertThat(f.cutPoints()).hasDimensions(1, 3);
    }

    @Test
    void dropping_an_empty_category_equals_merging_it_with_its_neighbour() {
        OrdinalTable t = Tables.table(Tables.trial(new double[] {0, 7, 10, 8, 3}, new double[] {0, 4, 9, 13, 6}));
        ProportionalOddsFit dropped = ProportionalOdds.fit(t, COMMON.withEmptyCategories(EmptyCategories.DROP));
        ProportionalOddsFit merged = ProportionalOdds.fit(t.mergeCategories(0, 1), COMMON);
        assertThat(dropped.converged()).isTrue();
        assertThat(dropped.logCor()).isCloseTo(merged.logCor(), within(1e-10));
        assertThat(dropped.logCorSe()).isCloseTo(merged.logCorSe(), within(1e-10));
        assertThat(dropped.logLik()).isCloseTo(merged.logLik(), within(1e-9));
        assertThat(dropped.cutPoints()[0][0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(dropped.notes()).anyMatch(n -> n.message().contains("category 0 has no patient"));
    }

    @Test
    void a_single_arm_trial_is_kept_with_stratified_cut_points_and_left_out_with_common_ones() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {4, 6, 8, 9}, new double[] {2, 5, 9, 12}),
                Tables.trial(new double[] {5, 7, 10, 8}, new double[] {3, 4, 9, 13}),
                Tables.trial(new double[] {0, 0, 0, 0}, new double[] {3, 8, 9, 10}));
        ProportionalOddsFit s = ProportionalOdds.fit(t, STRAT);
        assertThat(s.converged()).isTrue();
        assertThat(s.strata()).contains("Trial 3");
        assertThat(s.notes()).anyMatch(n -> "Trial 3".equals(n.study()) && n.message().contains("no patient in the treatment arm"));
        // with its own cut-points and no covariates the control-only trial carries no information on treatment
        ProportionalOddsFit two = ProportionalOdds.fit(t.subset(new int[] {0, 1}), STRAT);
        assertThat(s.logCor()).isCloseTo(two.logCor(), within(1e-9));
        assertThat(s.logCorSe()).isCloseTo(two.logCorSe(), within(1e-9));

        ProportionalOddsFit c = ProportionalOdds.fit(t, COMMON);
        assertThat(c.notes()).anyMatch(n -> n.kind() == Note.Kind.EXCLUDED && "Trial 3".equals(n.study()));
        ProportionalOddsFit c2 = ProportionalOdds.fit(t.subset(new int[] {0, 1}), COMMON);
        assertThat(c.logCor()).isCloseTo(c2.logCor(), within(1e-9));
    }

    @Test
    void rejects_data_in_which_no_trial_has_both_arms() {
        OrdinalTable t = Tables.table(Tables.trial(new double[] {4, 6, 8}, new double[] {0, 0, 0}));
        assertThatThrownBy(() -> ProportionalOdds.fit(t, STRAT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no trial has patients in both arms")
                .hasMessageContaining("only in the treatment arm");
    }

    @Test
    void complete_separation_is_reported_as_divergence_not_as_an_estimate() {
        // every treated patient in mRS 0-2, every control patient in mRS 3-6
        OrdinalTable t = Tables.table(Tables.trial(new double[] {5, 8, 6, 0, 0, 0, 0}, new double[] {0, 0, 0, 7, 9, 4, 6}));
        ProportionalOddsFit f = ProportionalOdds.fit(t, COMMON);
        assertThat(f.converged()).isFalse();
        assertThat(f.diverged()).isTrue();
        assertThat(f.message()).contains("separation").contains("treatment");
        assertThat(f.logCor()).isNaN();
        assertThat(f.commonOddsRatio().available()).isFalse();
        assertThat(f.notes()).anyMatch(n -> n.kind() == Note.Kind.WARNING && n.message().contains("not valid"));
    }

    @Test
    void quasi_separation_sharing_one_category_is_also_detected() {
        OrdinalTable t = Tables.table(Tables.trial(new double[] {5, 8, 6, 3, 0, 0}, new double[] {0, 0, 0, 4, 9, 4}));
        ProportionalOddsFit f = ProportionalOdds.fit(t, COMMON);
        assertThat(f.diverged()).isTrue();
        assertThat(f.logCor()).isNaN();
    }

    @Test
    void an_iteration_limit_that_is_too_low_is_reported_as_non_convergence() {
        ProportionalOddsFit f = ProportionalOdds.fit(Tables.threeTrials(), STRAT.withMaxIterations(1));
        assertThat(f.converged()).isFalse();
        assertThat(f.diverged()).isFalse();
        assertThat(f.message()).contains("did not converge in 1 iterations");
        assertThat(f.logCor()).isNaN();
        assertThat(f.coefficientSe("treatment")).isNaN();
        assertThat(f.iterations()).isEqualTo(1);
    }

    @Test
    void a_covariate_constant_within_every_trial_is_rejected_under_stratified_cut_points() {
        Random r = new Random(1);
        int n = 200;
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] trialLevel = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = i % 2;
            tr[i] = (i / 2) % 2;
            y[i] = r.nextInt(4);
            trialLevel[i] = st[i] == 0 ? 10 : 20;
        }
        PatientData d = Tables.patients(new String[] {"A", "B"}, st, tr, y, 4, List.of("year"), trialLevel);
        assertThatThrownBy(() -> ProportionalOdds.fit(d, STRAT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("'year' does not vary within any trial");
        // with common cut-points it varies across the patients and is estimable
        assertThat(ProportionalOdds.fit(d, COMMON).converged()).isTrue();
    }

    @Test
    void collinear_covariates_are_reported_as_not_identifiable() {
        Random r = new Random(2);
        int n = 300;
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        double[] ageMonths = new double[n];
        for (int i = 0; i < n; i++) {
            tr[i] = i % 2;
            y[i] = r.nextInt(5);
            age[i] = 50 + r.nextInt(40);
            ageMonths[i] = 12 * age[i];
        }
        PatientData d = Tables.patients(new String[] {"A"}, st, tr, y, 5, List.of("age", "age_months"), age, ageMonths);
        ProportionalOddsFit f = ProportionalOdds.fit(d, COMMON);
        assertThat(f.converged()).isFalse();
        assertThat(f.message()).containsAnyOf("singular", "indefinite", "not identifiable");
        assertThat(f.logCor()).isNaN();
    }

    @Test
    void rejects_negative_counts_with_the_trial_and_arm() {
        OrdinalTable t = Tables.table(Tables.trial(new double[] {4, -1, 8}, new double[] {2, 5, 9}));
        assertThatThrownBy(() -> ProportionalOdds.fit(t, COMMON))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("Trial 1, treatment arm")
                .hasMessageContaining("category 1");
    }

    @Test
    void counts_as_weights_give_the_fit_of_the_expanded_patients() {
        OrdinalTable t = Tables.threeTrials();
        for (PoOptions o : List.of(STRAT, COMMON)) {
            ProportionalOddsFit tab = ProportionalOdds.fit(t, o);
            ProportionalOddsFit ipd = ProportionalOdds.fit(Tables.patients(t), o);
            assertThat(ipd.logCor()).isCloseTo(tab.logCor(), within(1e-10));
            assertThat(ipd.logCorSe()).isCloseTo(tab.logCorSe(), within(1e-10));
            assertThat(ipd.logLik()).isCloseTo(tab.logLik(), within(1e-8));
            assertThat(ipd.patients()).isEqualTo(tab.patients());
            // without covariates identical patients collapse into one weighted row per cell
            assertThat(ipd.observations()).isEqualTo(tab.observations());
        }
    }

    @Test
    void log_common_odds_ratio_is_minus_the_treatment_coefficient_with_a_wald_interval() {
        ProportionalOddsFit f = ProportionalOdds.fit(Tables.threeTrials(), STRAT);
        CommonOddsRatio c = f.commonOddsRatio();
        assertThat(c.logCor()).isEqualTo(-f.beta()[f.indexOf("treatment")]);
        assertThat(c.logCor()).isPositive();
        assertThat(c.cor()).isGreaterThan(1);
        assertThat(c.ciUpper() - c.logCor()).isCloseTo(1.959963984540054 * c.se(), within(1e-12));
        assertThat(c.z()).isCloseTo(c.logCor() / c.se(), within(1e-12));
        assertThat(f.conditionNumber()).isGreaterThan(1).isFinite();
        assertThat(f.maxGradient()).isLessThan(1e-6);
    }

    @Test
    void a_large_data_set_starts_from_a_subsample_and_reaches_the_same_maximum() {
        // more than the subsample threshold: the start comes from a subsample fit
        Random r = new Random(7);
        int n = ProportionalOdds.SUBSAMPLE_ABOVE + 20_000;
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = r.nextInt(3);
            tr[i] = r.nextInt(2);
            age[i] = 40 + r.nextInt(50);
            double lat = -0.5 * tr[i] + 0.03 * age[i] + 0.3 * st[i] + Math.log(1 / r.nextDouble() - 1);
            y[i] = Math.max(0, Math.min(4, (int) Math.floor(lat)));
        }
        PatientData d = Tables.patients(new String[] {"A", "B", "C"}, st, tr, y, 5, List.of("age"), age);
        OrdinalDesign design = OrdinalDesign.build(OrdinalRows.of(d), Thresholds.STRATIFIED, EmptyCategories.REJECT, false);
        ProportionalOddsFit fromSub = ProportionalOdds.fit(design, STRAT, null);
        ProportionalOddsFit fromMarginals = ProportionalOdds.fit(design, STRAT, design.start());
        assertThat(fromSub.converged()).isTrue();
        assertThat(fromSub.logCor()).isCloseTo(fromMarginals.logCor(), within(1e-9));
        assertThat(fromSub.coefficientSe("age")).isCloseTo(fromMarginals.coefficientSe("age"), within(1e-12));
        assertThat(fromSub.logLik()).isCloseTo(fromMarginals.logLik(), within(1e-6));
        assertThat(fromSub.logCor()).isCloseTo(0.5, within(0.05));
    }
}
