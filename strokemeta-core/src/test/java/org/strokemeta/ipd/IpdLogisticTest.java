package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;

class IpdLogisticTest {
    private static BinaryResult fit(PatientData d, StudyEffect e) {
        // outcome category 0 is the event
        return IpdLogistic.fit(d, BinaryOutcome.atMost(d, 0), new BinaryOptions(e, List.of(), 1, 0.95));
    }

    private static PatientData arms(int[][] trials) {
        List<int[]> rows = new ArrayList<>();
        for (int s = 0; s < trials.length; s++) {
            int[] t = trials[s];
            SimulatedTrials.arms(rows, s, t[0], t[1], t[2], t[3]);
        }
        return SimulatedTrials.rows(2, rows.toArray(new int[0][]));
    }

    @Test
    void one_trial_gives_the_two_by_two_odds_ratio_and_risk_difference_with_their_wald_errors() {
        // saturated model: log OR = log(a d / b c), SE² = 1/a + 1/b + 1/c + 1/d; RD = p1 − p0, SE² = p1q1/n1 + p0q0/n0
        BinaryResult r = fit(arms(new int[][] {{30, 80, 18, 75}}), StudyEffect.STRATIFIED);
        assertThat(r.valid()).isTrue();
        double lor = Math.log(30.0 * 57 / (50.0 * 18));
        assertThat(r.logOddsRatio().estimate()).isCloseTo(lor, within(1e-12));
        assertThat(r.logOddsRatio().se()).isCloseTo(Math.sqrt(1 / 30.0 + 1 / 50.0 + 1 / 18.0 + 1 / 57.0), within(1e-12));
        double p1 = 30 / 80.0;
        double p0 = 18 / 75.0;
        assertThat(r.riskDifference().estimate()).isCloseTo(p1 - p0, within(1e-12));
        assertThat(r.riskDifference().se()).isCloseTo(Math.sqrt(p1 * (1 - p1) / 80 + p0 * (1 - p0) / 75), within(1e-12));
    }

    @Test
    void a_treatment_arm_without_events_in_every_trial_is_reported_as_separation_not_as_a_number() {
        PatientData d = arms(new int[][] {{0, 40, 10, 40}, {0, 35, 6, 33}, {0, 50, 12, 52}});
        for (StudyEffect e : StudyEffect.values()) {
            BinaryResult r = fit(d, e);
            assertThat(r.separation()).isTrue();
            assertThat(r.valid()).isFalse();
            assertThat(r.logOddsRatio().estimate()).isEqualTo(Double.NEGATIVE_INFINITY);
            assertThat(r.logOddsRatio().se()).isNaN();
            assertThat(r.riskDifference().estimate()).isNaN();
            assertThat(r.notes()).anySatisfy(n -> {
                assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
                assertThat(n.message()).contains("separated by treatment").contains("Firth");
            });
        }
    }

    @Test
    void an_arm_without_events_in_one_trial_is_noted_and_the_pooled_estimate_stays_finite() {
        PatientData d = arms(new int[][] {{0, 40, 5, 40}, {12, 35, 6, 33}, {20, 50, 12, 52}});
        BinaryResult r = fit(d, StudyEffect.STRATIFIED);
        assertThat(r.valid()).isTrue();
        assertThat(r.logOddsRatio().estimate()).isBetween(-5.0, 5.0);
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.study()).isEqualTo("Trial 1");
            assertThat(n.message()).contains("no patient in the treatment arm had the event").contains("0 of 40");
        });
    }

    @Test
    void a_trial_where_nobody_had_the_event_is_left_out_of_the_stratified_fit_with_a_note() {
        PatientData with = arms(new int[][] {{20, 60, 10, 60}, {15, 40, 9, 41}, {0, 30, 0, 30}});
        PatientData without = arms(new int[][] {{20, 60, 10, 60}, {15, 40, 9, 41}});
        BinaryResult a = fit(with, StudyEffect.STRATIFIED);
        BinaryResult b = fit(without, StudyEffect.STRATIFIED);
        assertThat(a.logOddsRatio().estimate()).isCloseTo(b.logOddsRatio().estimate(), within(1e-12));
        assertThat(a.logOddsRatio().se()).isCloseTo(b.logOddsRatio().se(), within(1e-12));
        assertThat(a.intercepts().get(2).estimate()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(a.notes()).anySatisfy(n -> assertThat(n.message()).contains("adds no information"));
        // its 60 patients (of 261) count in the standardised risk difference with risk 0 in both arms
        assertThat(a.riskDifference().estimate() * 261).isCloseTo(b.riskDifference().estimate() * 201, within(1e-9));
    }

    @Test
    void a_stratified_model_needs_a_trial_with_both_arms_and_both_outcomes() {
        PatientData d = arms(new int[][] {{0, 30, 0, 30}, {30, 30, 30, 30}});
        assertThatThrownBy(() -> fit(d, StudyEffect.STRATIFIED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no trial has patients in both arms with and without the event");
    }

    @Test
    void a_random_intercept_needs_three_trials() {
        PatientData d = arms(new int[][] {{20, 60, 10, 60}, {15, 40, 9, 41}});
        assertThatThrownBy(() -> fit(d, StudyEffect.RANDOM_INTERCEPT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 trials");
    }

    @Test
    void homogeneous_trials_put_the_random_intercept_variance_at_zero_where_quadrature_equals_laplace() {
        PatientData d = arms(new int[][] {{30, 100, 20, 100}, {30, 100, 20, 100}, {30, 100, 20, 100}, {30, 100, 20, 100}});
        BinaryResult laplace = fit(d, StudyEffect.RANDOM_INTERCEPT);
        BinaryResult agq = IpdLogistic.fit(d, BinaryOutcome.atMost(d, 0),
                new BinaryOptions(StudyEffect.RANDOM_INTERCEPT, List.of(), 11, 0.95));
        assertThat(laplace.variance().interceptVariance()).isEqualTo(0.0);
        assertThat(laplace.variance().atBoundary()).isTrue();
        assertThat(agq.variance().interceptVariance()).isEqualTo(0.0);
        assertThat(agq.logOddsRatio().estimate()).isCloseTo(laplace.logOddsRatio().estimate(), within(1e-8));
        // with no between-trial variation the model is one 2×2 table
        assertThat(laplace.logOddsRatio().estimate()).isCloseTo(Math.log(120.0 * 320 / (280.0 * 80)), within(1e-7));
        assertThat(laplace.notes()).anySatisfy(n -> assertThat(n.message()).contains("boundary"));
    }

    @Test
    void random_intercept_and_stratified_fits_converge_on_simulated_trials() {
        PatientData d = SimulatedTrials.make(new Random(31), 7, 140, 0.6, 0);
        for (StudyEffect e : StudyEffect.values()) {
            BinaryResult r = IpdLogistic.fit(d, BinaryOutcome.atMost(d, 2), new BinaryOptions(e, List.of("age", "nihss"), 5, 0.95));
            assertThat(r.valid()).as(e.name()).isTrue();
            assertThat(r.logOddsRatio().estimate()).as(e.name()).isPositive();
            assertThat(r.riskDifference().ciLower()).isLessThan(r.riskDifference().estimate());
            assertThat(r.riskDifference().riskTreated() - r.riskDifference().riskControl())
                    .isCloseTo(r.riskDifference().estimate(), within(1e-15));
        }
    }

    @Test
    void a_binary_outcome_must_be_zero_or_one() {
        assertThatThrownBy(() -> new BinaryOutcome("sICH", new int[] {0, 1, 2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be 0 or 1");
    }

    @Test
    void death_is_the_top_category_of_the_mrs() {
        PatientData d = SimulatedTrials.make(new Random(2), 3, 50, 0, 0);
        BinaryOutcome death = BinaryOutcome.atLeast(d, 6);
        assertThat(death.name()).isEqualTo("death (mRS 6)");
        int deaths = 0;
        for (int v : d.outcome()) {
            deaths += v == 6 ? 1 : 0;
        }
        assertThat(death.events()).isEqualTo(deaths);
    }
}
