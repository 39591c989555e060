package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code strokemeta tsa} as a user runs it. */
class TsaCommandTest {
    @Test
    void gives_the_information_size_the_z_curve_and_the_boundaries() throws Exception {
        MainTest.Run r = MainTest.run("tsa", "--example", "hine", "--measure", "RR", "--control-risk", "0.07", "--rrr", "0.5",
                "--power", "0.9", "--futility");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("required information size: 1706.7 patients").contains("O'Brien et al.")
                .contains("No boundary was crossed");
        MainTest.Run j = MainTest.run("tsa", "--example", "hine", "--measure", "RR", "--control-risk", "0.07", "--rrr", "0.5",
                "--power", "0.9", "--futility", "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.tsa/1");
        // the shared reference case tsa_hine_rr_dl_d2_futility, through the command line
        assertThat(n.path("ris").asDouble()).isCloseTo(1706.70571726543, within(1e-8));
        assertThat(n.path("looks").get(5).path("alpha_boundary").asDouble()).isCloseTo(2.57560381416338, within(1e-4));
        assertThat(n.path("looks").get(5).path("futility_boundary").asDouble()).isCloseTo(0.807003519761359, within(1e-4));
        assertThat(n.path("crossed").asBoolean()).isFalse();
        // the adjusted interval: the last boundary in place of 1.96
        JsonNode p = n.path("pooled");
        assertThat(p.path("adjusted_ci_upper").asDouble() - p.path("estimate").asDouble())
                .isCloseTo(n.path("looks").get(5).path("alpha_boundary").asDouble() * p.path("se").asDouble(), within(1e-12));
        assertThat(p.path("estimate").asDouble() / p.path("se").asDouble()).isCloseTo(n.path("looks").get(5).path("z").asDouble(), within(1e-9));
    }

    @Test
    void asks_for_the_anticipated_effect_and_refuses_other_data() throws Exception {
        MainTest.Run none = MainTest.run("tsa", "--example", "hine", "--measure", "RR");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--control-risk and --rrr are required for a binary outcome");
        MainTest.Run i2 = MainTest.run("tsa", "--example", "hine", "--measure", "RR", "--control-risk", "0.07", "--rrr", "0.5",
                "--heterogeneity", "I2");
        assertThat(i2.err()).contains("--i2");
        MainTest.Run cont = MainTest.run("tsa", "--example", "normand", "--control-risk", "0.07", "--rrr", "0.5");
        assertThat(cont.code()).isEqualTo(2);
        assertThat(cont.err()).contains("the data are a continuous outcome");
    }

    @Test
    void runs_on_continuous_outcomes_and_on_the_mrs_shift() throws Exception {
        MainTest.Run c = MainTest.run("tsa", "--example", "normand", "--mean-difference", "-2", "--sd", "8", "--format", "json");
        assertThat(c.code()).as(c.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(c.out());
        assertThat(n.path("options").path("outcome").asText()).isEqualTo("continuous");
        MainTest.Run m = MainTest.run("tsa", "--example", "mrs_sim", "--cor", "1.5", "--spending", "pocock");
        assertThat(m.code()).as(m.err()).isZero();
        assertThat(m.out()).contains("anticipated control distribution: the pooled control arms of the data")
                .contains("log common odds ratio (mRS shift").contains("Pocock-type alpha spending");
        MainTest.Run no = MainTest.run("tsa", "--example", "mrs_sim");
        assertThat(no.err()).contains("--cor");
    }
}
