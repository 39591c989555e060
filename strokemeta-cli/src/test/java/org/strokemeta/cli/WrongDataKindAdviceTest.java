package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Data of another kind than a command takes: the command line names the command that takes them. */
class WrongDataKindAdviceTest {
    @Test
    void stroke_patients_given_to_meta_point_to_report_and_ipd() {
        MainTest.Run r = MainTest.run("meta", "--example", "hermes_sim");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).isEqualTo("error: hermes_sim.csv: these are patient-level thrombectomy trial data (one row per patient): "
                + "use strokemeta report, or strokemeta ipd, with --input hermes_sim.csv" + System.lineSeparator());
    }

    @Test
    void generic_patients_given_to_a_funnel_plot_point_to_ipd() {
        MainTest.Run r = MainTest.run("plot", "funnel", "--example", "ipd_sim");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("ipd_sim.csv: these look like patient-level data (one row per patient): use strokemeta ipd --input ipd_sim.csv")
                .doesNotContain("org.strokemeta");
    }

    @Test
    void tabulated_distributions_given_to_the_bias_command_point_to_meta() {
        MainTest.Run r = MainTest.run("bias", "--example", "mrs_sim");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("mrs_sim.csv: these are tabulated mRS distributions").contains("use strokemeta meta --input mrs_sim.csv")
                .doesNotContain("org.strokemeta");
    }
}
