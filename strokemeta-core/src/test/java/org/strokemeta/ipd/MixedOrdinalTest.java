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

class MixedOrdinalTest {
    private static final MixedOptions ADJUSTED = MixedOptions.defaults().withCovariates(List.of("age", "nihss"));

    @Test
    void refuses_quadrature_for_a_random_treatment_effect_as_clmm_does() {
        assertThatThrownBy(() -> ADJUSTED.withRandomEffects(RandomEffects.CORRELATED).withNagq(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Laplace approximation (nAGQ = 1)")
                .hasMessageContaining("(1 + treatment | study)");
        assertThatThrownBy(() -> MixedOptions.defaults().withRandomEffects(RandomEffects.TREATMENT).withNagq(3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_random_trial_effect_with_fewer_than_three_trials() {
        PatientData two = SimulatedTrials.make(new Random(1), 2, 100, 0.3, 0);
        assertThatThrownBy(() -> MixedOrdinal.fit(two, ADJUSTED)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3 trials").hasMessageContaining("the data have 2")
                .hasMessageContaining("stratified");
    }

    @Test
    void refuses_a_random_treatment_effect_without_three_two_arm_trials() {
        List<int[]> rows = new ArrayList<>();
        Random r = new Random(5);
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 60; i++) {
                int arm = s < 2 ? i % 2 : 0;
                rows.add(new int[] {s, arm, r.nextInt(7)});
            }
        }
        PatientData d = SimulatedTrials.rows(7, rows.toArray(new int[0][]));
        assertThatThrownBy(() -> MixedOrdinal.fit(d, MixedOptions.defaults().withRandomEffects(RandomEffects.CORRELATED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both arms");
    }

    @Test
    void refuses_data_where_every_patient_is_treated() {
        PatientData d = SimulatedTrials.rows(3, new int[][] {{0, 1, 0}, {1, 1, 2}, {2, 1, 1}, {2, 1, 0}});
        assertThatThrownBy(() -> MixedOrdinal.fit(d, MixedOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("every patient is in the treatment arm");
    }

    @Test
    void notes_a_single_arm_trial_and_a_one_patient_trial_and_still_fits() {
        PatientData base = SimulatedTrials.make(new Random(3), 5, 150, 0.4, 0);
        // trial 6: controls only; trial 7: one patient
        int n = base.size();
        int[] study = new int[n + 31];
        int[] trt = new int[n + 31];
        int[] y = new int[n + 31];
        double[] age = new double[n + 31];
        double[] nihss = new double[n + 31];
        int[] lines = new int[n + 31];
        for (int i = 0; i < n; i++) {
            study[i] = base.study()[i];
            trt[i] = base.treatment()[i];
            y[i] = base.outcome()[i];
            age[i] = base.covariate("age")[i];
            nihss[i] = base.covariate("nihss")[i];
            lines[i] = i + 2;
        }
        for (int i = n; i < n + 31; i++) {
            study[i] = i == n + 30 ? 6 : 5;
            trt[i] = i == n + 30 ? 1 : 0;
            y[i] = (i * 7) % 7;
            age[i] = 60 + i % 20;
            nihss[i] = 10 + i % 9;
            lines[i] = i + 2;
        }
        String[] names = {"Trial 1", "Trial 2", "Trial 3", "Trial 4", "Trial 5", "Controls only", "One patient"};
        PatientData d = new PatientData("x", names, study, trt, y, 7, List.of("age", "nihss"), new double[][] {age, nihss},
                lines, 0, List.of());
        MixedOrdinalResult r = MixedOrdinal.fit(d, ADJUSTED);
        assertThat(r.converged()).isTrue();
        assertThat(r.notes()).anySatisfy(nt -> {
            assertThat(nt.study()).isEqualTo("Controls only");
            assertThat(nt.message()).contains("no treated patients");
        });
        assertThat(r.notes()).anySatisfy(nt -> {
            assertThat(nt.study()).isEqualTo("One patient");
            assertThat(nt.message()).contains("single patient");
        });
    }

    @Test
    void a_homogeneous_set_of_trials_has_its_variance_at_the_boundary_zero() {
        PatientData d = SimulatedTrials.make(new Random(8), 6, 150, 0.0, 0);
        MixedOrdinalResult laplace = MixedOrdinal.fit(d, ADJUSTED);
        assertThat(laplace.converged()).isTrue();
        assertThat(laplace.variance().atBoundary()).isTrue();
        assertThat(laplace.variance().interceptVariance()).isEqualTo(0.0);
        assertThat(laplace.notes()).anySatisfy(n -> assertThat(n.message()).contains("estimated at 0, its boundary"));
        // at variance 0 the quadrature and the Laplace approximation are the same likelihood
        MixedOrdinalResult agq = MixedOrdinal.fit(d, ADJUSTED.withNagq(9));
        assertThat(agq.variance().interceptVariance()).isEqualTo(0.0);
        assertThat(agq.logLik()).isCloseTo(laplace.logLik(), within(1e-7));
        assertThat(agq.logCommonOddsRatio().estimate()).isCloseTo(laplace.logCommonOddsRatio().estimate(), within(1e-7));
        assertThat(agq.logCommonOddsRatio().se()).isCloseTo(laplace.logCommonOddsRatio().se(), within(1e-7));
    }

    @Test
    void reports_an_outcome_separated_by_treatment_as_not_converged_never_as_an_estimate() {
        List<int[]> rows = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < 30; i++) {
                rows.add(new int[] {s, 1, i % 3});       // treated: mRS 0-2
                rows.add(new int[] {s, 0, 3 + i % 4});   // controls: mRS 3-6
            }
        }
        MixedOrdinalResult r = MixedOrdinal.fit(SimulatedTrials.rows(7, rows.toArray(new int[0][])), MixedOptions.defaults());
        assertThat(r.converged()).isFalse();
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
            assertThat(n.message()).contains("did not converge").contains("not valid");
        });
    }

    @Test
    void uses_only_the_categories_that_occur_and_says_so() {
        PatientData d = SimulatedTrials.make(new Random(4), 5, 120, 0.3, 0);
        int[] y = d.outcome().clone();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 4) {
                y[i] = 5;
            }
        }
        PatientData merged = new PatientData(d.source(), d.studyNames(), d.study(), d.treatment(), y, 7, d.covariateNames(),
                d.covariates(), d.lines(), 0, List.of());
        MixedOrdinalResult r = MixedOrdinal.fit(merged, ADJUSTED);
        assertThat(r.thresholds()).extracting(c -> c.name()).containsExactly("0|1", "1|2", "2|3", "3|5", "5|6");
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("no patient has outcome 4"));
    }

    @Test
    void reports_iterations_gradient_and_convergence_of_a_regular_fit() {
        MixedOrdinalResult r = MixedOrdinal.fit(SimulatedTrials.make(new Random(6), 6, 150, 0.5, 0), ADJUSTED.withNagq(5));
        assertThat(r.converged()).isTrue();
        assertThat(r.convergence()).isEqualTo("converged");
        assertThat(r.iterations()).isPositive();
        assertThat(r.maxGradient()).isLessThan(1e-4);
        assertThat(r.logCommonOddsRatio().estimate()).isEqualTo(-r.coefficient("treatment").estimate());
        assertThat(r.method()).contains("(1 | study)").contains("5 points");
    }
}
