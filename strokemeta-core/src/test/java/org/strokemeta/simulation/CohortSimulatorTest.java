package org.strokemeta.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;

class CohortSimulatorTest {
    private static final SimulationSpec SPEC = SimulationSpec.hermes();

    private static StrokeCohort cohort(long seed, double scale) {
        return StrokeLoader.load(CsvReader.parse("sim.csv", new String(CohortSimulator.simulate(SPEC, seed, scale),
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void a_seed_always_gives_the_same_file_and_another_seed_another() {
        assertThat(CohortSimulator.simulate(SPEC, 5, 1)).isEqualTo(CohortSimulator.simulate(SPEC, 5, 1));
        assertThat(CohortSimulator.simulate(SPEC, 5, 1)).isNotEqualTo(CohortSimulator.simulate(SPEC, 6, 1));
    }

    @Test
    void the_cohort_has_the_published_arm_sizes_reads_by_the_dictionary_and_is_marked_simulated() {
        StrokeCohort c = cohort(1, 1);
        assertThat(c.simulated()).isTrue();
        assertThat(c.size()).isEqualTo(SPEC.patients()).isEqualTo(1764);
        int[][] arms = c.patients(List.of()).armSizes();
        for (SimulationSpec.TrialSpec t : SPEC.trials()) {
            int s = c.trials().indexOf(t.name());
            assertThat(arms[s]).as(t.name()).containsExactly(t.nControl(), t.nEvt());
        }
        assertThat(c.patients(List.of()).source()).endsWith("(simulated data)");
        assertThat(c.notes()).isEmpty();
    }

    @Test
    void occlusion_mix_and_control_outcomes_follow_the_calibration() {
        StrokeCohort c = cohort(3, 20);
        double[] m2 = c.covariate("m2");
        double share = java.util.Arrays.stream(m2).average().orElseThrow();
        assertThat(share).isCloseTo(SPEC.value("share_m2"), within(0.006));
        int[] arm = c.arm();
        int[] mrs = c.mrs90();
        double[] target = SPEC.values("control_mrs", 7);
        double[] seen = new double[7];
        int n = 0;
        for (int i = 0; i < arm.length; i++) {
            if (arm[i] == 0) {
                seen[mrs[i]]++;
                n++;
            }
        }
        for (int j = 0; j < 7; j++) {
            assertThat(seen[j] / n).as("mRS %d", j).isCloseTo(target[j], within(0.012));
        }
    }

    @Test
    void the_adjusted_common_odds_ratio_recovers_the_simulated_one() {
        StrokeCohort c = cohort(4, 20);
        PatientData d = c.patients(List.of("age", "nihss", "aspects", "ica", "m2", "ivt"));
        ProportionalOddsFit f = ProportionalOdds.fit(d, PoOptions.defaults());
        assertThat(f.converged()).isTrue();
        assertThat(f.logCor()).isCloseTo(SPEC.value("log_cor"), within(4 * f.logCorSe()));
    }

    @Test
    void the_bundled_example_is_the_simulation_with_seed_2016() throws Exception {
        try (java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("org/strokemeta/examples/hermes_sim.csv")) {
            assertThat(in).isNotNull();
            assertThat(in.readAllBytes()).isEqualTo(CohortSimulator.simulate(SPEC, 2016, 1));
        }
    }

    @Test
    void every_parameter_has_a_source_and_assumptions_say_so() {
        for (SimulationSpec.Parameter p : SPEC.parameters().values()) {
            assertThat(p.source()).as(p.name()).isNotBlank();
        }
        assertThat(SPEC.parameters().get("effect_age").assumed()).isTrue();
        assertThat(SPEC.parameters().get("log_cor").assumed()).isFalse();
        for (SimulationSpec.TrialSpec t : SPEC.trials()) {
            assertThat(t.source()).as(t.name()).isNotBlank();
        }
    }
}
