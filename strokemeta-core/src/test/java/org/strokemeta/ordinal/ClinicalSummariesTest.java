package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

class ClinicalSummariesTest {
    /** Reference values: strokemeta-core/src/test/r/clinical_summaries_reference.R (R 4.2.2, wilcox.test and t.test for each trial). */
    private static final Offset<Double> TOL = within(1e-12);

    /** Mild strokes randomised 1:1; severe strokes randomised 4:1 to treatment; a registry of treated patients only. */
    static final String[] TRIALS = {"Good", "Poor", "Registry"};
    static final double[][] TREATMENT = {{30, 25, 15, 10, 8, 7, 5}, {4, 12, 24, 40, 50, 34, 36}, {2, 3, 4, 5, 6, 5, 5}};
    static final double[][] CONTROL = {{18, 20, 17, 15, 12, 10, 8}, {0, 1, 3, 7, 14, 11, 14}, {0, 0, 0, 0, 0, 0, 0}};

    /** The three trials as patient rows, in the order of a file with the trials interleaved. */
    static PatientData patients() {
        List<int[]> rows = new ArrayList<>();
        for (int j = 0; j < 7; j++) {
            for (int s = 0; s < TRIALS.length; s++) {
                for (int i = 0; i < TREATMENT[s][j]; i++) {
                    rows.add(new int[] {s, 1, j});
                }
                for (int i = 0; i < CONTROL[s][j]; i++) {
                    rows.add(new int[] {s, 0, j});
                }
            }
        }
        int n = rows.size();
        int[] study = new int[n];
        int[] trt = new int[n];
        int[] y = new int[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            study[i] = rows.get(i)[0];
            trt[i] = rows.get(i)[1];
            y[i] = rows.get(i)[2];
            lines[i] = i + 2;
        }
        return new PatientData("simpson.csv", TRIALS.clone(), study, trt, y, 7, List.of(), new double[0][], lines, 0, List.of());
    }

    @Test
    void net_benefit_and_nnt_are_combined_within_trials_with_mantel_haenszel_weights() {
        ClinicalSummaries c = ClinicalSummaries.of(patients(), UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(c.combination()).isEqualTo(ArmCombination.WITHIN_TRIALS);
        NetBenefit b = c.benefit();
        assertThat(b.pBetter()).isCloseTo(0.518188888888889, TOL);
        assertThat(b.pWorse()).isCloseTo(0.303777777777778, TOL);
        assertThat(b.difference()).isCloseTo(0.214411111111111, TOL);
        assertThat(b.se()).isCloseTo(0.0569272200508338, TOL);
        assertThat(b.ciLower()).isCloseTo(0.10283581007149, TOL);
        assertThat(b.ciUpper()).isCloseTo(0.325986412150732, TOL);
        assertThat(b.nnt()).isCloseTo(4.66393739959579, within(1e-10));
        assertThat(b.nntLimitA()).isCloseTo(3.06761252225941, within(1e-10));
        assertThat(b.nntLimitB()).isCloseTo(9.7242390496541, within(1e-10));
        assertThat(b.nTreatment()).isEqualTo(300);
        assertThat(b.nControl()).isEqualTo(150);
        ClinicalSummaries.Trial good = c.trials().get(0);
        ClinicalSummaries.Trial poor = c.trials().get(1);
        assertThat(good.benefitWeight()).isCloseTo(0.555555555555556, TOL);
        assertThat(poor.benefitWeight()).isCloseTo(0.444444444444444, TOL);
        assertThat(good.benefit().difference()).isCloseTo(0.2021, TOL);
        assertThat(good.benefit().se()).isCloseTo(0.0784285139474158, TOL);
        assertThat(poor.benefit().difference()).isCloseTo(0.2298, TOL);
        assertThat(poor.benefit().se()).isCloseTo(0.0824323904785006, TOL);
    }

    @Test
    void adding_arms_across_trials_reverses_the_nnt_that_every_trial_shows() {
        // treatment helps in both randomised trials, yet the arms added together make it look harmful:
        // the severe trial put 200 patients into the treatment arm and 50 into the control arm
        PatientData d = patients();
        NetBenefit crude = NetBenefit.of(d, -1, 0.95);
        assertThat(crude.nnt()).isCloseTo(-50.925925925926, within(1e-9));
        ClinicalSummaries within = ClinicalSummaries.of(d, UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(within.benefit().nnt()).isCloseTo(4.66393739959579, within(1e-10));
        ClinicalSummaries asCrude = ClinicalSummaries.of(d, UtilityWeights.chaisinanunkul2015(), 0.95, ArmCombination.CRUDE);
        assertThat(asCrude.benefit().nnt()).isCloseTo(-50.925925925926, within(1e-9));
        assertThat(asCrude.utility().difference()).isCloseTo(-0.0105090909090909, TOL);
        assertThat(asCrude.notes()).extracting(Note::message).anyMatch(m -> m.contains("crude: arms added across trials"));
    }

    @Test
    void utility_weighted_mrs_difference_is_combined_within_trials() {
        UtilityWeightedOutcome u = ClinicalSummaries.of(patients(), UtilityWeights.chaisinanunkul2015(), 0.95).utility();
        assertThat(u.meanTreatment()).isCloseTo(0.5753, TOL);
        assertThat(u.meanControl()).isCloseTo(0.458922222222222, TOL);
        assertThat(u.difference()).isCloseTo(0.116377777777778, TOL);
        assertThat(u.se()).isCloseTo(0.0339801606302213, TOL);
        assertThat(u.ciLower()).isCloseTo(0.0497778867536582, TOL);
        assertThat(u.ciUpper()).isCloseTo(0.182977668801897, TOL);
    }

    @Test
    void a_trial_with_one_arm_is_named_with_the_reason_and_not_dropped_silently() {
        ClinicalSummaries c = ClinicalSummaries.of(patients(), UtilityWeights.chaisinanunkul2015(), 0.95);
        ClinicalSummaries.Trial registry = c.trials().get(2);
        assertThat(c.trials()).extracting(ClinicalSummaries.Trial::study).containsExactly("Good", "Poor", "Registry");
        assertThat(registry.benefit()).isNull();
        assertThat(registry.benefitWeight()).isZero();
        assertThat(registry.utilityWeight()).isZero();
        assertThat(registry.reason()).contains("all 30 patients in the treatment arm").contains("cannot contribute");
        assertThat(c.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.EXCLUDED);
            assertThat(n.study()).isEqualTo("Registry");
            assertThat(n.message()).contains("net benefit, NNT or utility-weighted mRS");
        });
    }

    @Test
    void one_trial_gives_its_own_values() {
        double[][] t = {TREATMENT[0]};
        double[][] c = {CONTROL[0]};
        ClinicalSummaries s = ClinicalSummaries.of(new String[] {"Good"}, t, c, t, c, UtilityWeights.chaisinanunkul2015(), 0.95,
                ArmCombination.WITHIN_TRIALS);
        NetBenefit own = NetBenefit.of(TREATMENT[0], CONTROL[0], 0.95);
        assertThat(s.benefit().difference()).isCloseTo(own.difference(), TOL);
        assertThat(s.benefit().se()).isCloseTo(own.se(), TOL);
        assertThat(s.utility().se()).isCloseTo(UtilityWeightedOutcome.of(TREATMENT[0], CONTROL[0], UtilityWeights.chaisinanunkul2015(),
                0.95).se(), TOL);
    }

    @Test
    void tables_and_patients_give_the_same_summaries() {
        OrdinalTable t = new OrdinalTable("simpson.csv", TRIALS.clone(), new int[] {2, 4, 6}, TREATMENT, CONTROL, 7, List.of());
        ClinicalSummaries fromTable = ClinicalSummaries.of(t, t, UtilityWeights.chaisinanunkul2015(), 0.95);
        ClinicalSummaries fromPatients = ClinicalSummaries.of(patients(), UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(fromTable.benefit().difference()).isCloseTo(fromPatients.benefit().difference(), TOL);
        assertThat(fromTable.utility().difference()).isCloseTo(fromPatients.utility().difference(), TOL);
        assertThat(fromTable.notes()).isEqualTo(fromPatients.notes());
    }

    @Test
    void a_trial_with_a_single_patient_in_an_arm_is_left_out_of_the_utility_only() {
        double[][] t = {TREATMENT[0], {0, 1, 0, 2, 0, 0, 0}};
        double[][] c = {CONTROL[0], {0, 0, 1, 0, 0, 0, 0}};
        ClinicalSummaries s = ClinicalSummaries.of(new String[] {"Good", "Tiny"}, t, c, t, c, UtilityWeights.chaisinanunkul2015(),
                0.95, ArmCombination.WITHIN_TRIALS);
        assertThat(s.trials().get(1).benefitWeight()).isGreaterThan(0);
        assertThat(s.trials().get(1).utility()).isNull();
        assertThat(s.utility().difference()).isCloseTo(s.trials().get(0).utility().difference(), TOL);
        assertThat(s.notes()).singleElement().extracting(Note::message).asString().contains("fewer than two patients");
    }

    @Test
    void no_trial_with_both_arms_gives_no_net_benefit_and_says_so() {
        double[][] t = {TREATMENT[2], {0, 0, 0, 0, 0, 0, 0}};
        double[][] c = {CONTROL[2], {1, 2, 3, 4, 5, 6, 7}};
        ClinicalSummaries s = ClinicalSummaries.of(new String[] {"Treated", "Untreated"}, t, c, t, c, null, 0.95,
                ArmCombination.WITHIN_TRIALS);
        assertThat(s.benefit()).isNull();
        assertThat(s.utility()).isNull();
        assertThat(s.notes()).extracting(Note::message).anyMatch(m -> m.contains("no trial has patients in both arms"))
                .anyMatch(m -> m.contains("all 28 patients in the control arm"));
    }

    @Test
    void weights_for_another_scale_are_reported_not_applied() {
        double[][] t = {{3, 4, 5}};
        double[][] c = {{5, 4, 3}};
        ClinicalSummaries s = ClinicalSummaries.of(new String[] {"A"}, t, c, t, c, UtilityWeights.chaisinanunkul2015(), 0.95,
                ArmCombination.WITHIN_TRIALS);
        assertThat(s.benefit()).isNotNull();
        assertThat(s.utility()).isNull();
        assertThat(s.notes()).singleElement().extracting(Note::message).asString().contains("the outcome has 3");
    }

    @Test
    void trial_order_does_not_matter() {
        String[] names = {"Registry", "Poor", "Good"};
        double[][] t = {TREATMENT[2], TREATMENT[1], TREATMENT[0]};
        double[][] c = {CONTROL[2], CONTROL[1], CONTROL[0]};
        ClinicalSummaries reversed = ClinicalSummaries.of(names, t, c, t, c, UtilityWeights.chaisinanunkul2015(), 0.95,
                ArmCombination.WITHIN_TRIALS);
        ClinicalSummaries forward = ClinicalSummaries.of(patients(), UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(reversed.benefit().difference()).isCloseTo(forward.benefit().difference(), TOL);
        assertThat(reversed.benefit().se()).isCloseTo(forward.benefit().se(), TOL);
        assertThat(reversed.utility().difference()).isCloseTo(forward.utility().difference(), TOL);
    }
}
