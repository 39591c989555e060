package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code strokemeta bayes} as a user runs it. */
class BayesCommandTest {
    @Test
    void gives_the_posterior_on_the_ratio_scale_with_exceedance_probabilities() throws Exception {
        MainTest.Run r = MainTest.run("bayes", "--example", "hine", "--measure", "OR", "--tau-prior", "half-normal:0.5",
                "--prob-above", "1,1.2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("priors: mu flat (improper uniform); tau half-normal(scale 0.5)")
                .contains("95% CrI").contains("P(ratio > 1.000 | data)").contains("P(ratio > 1.200 | data)").contains("Mogensen");
        MainTest.Run j = MainTest.run("bayes", "--example", "hine", "--measure", "OR", "--tau-prior", "lognormal:-2.56:1.74",
                "--mu-prior", "normal:0:10", "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.bayes/1");
        assertThat(n.path("tau_prior").path("type").asText()).isEqualTo("lognormal_tau2");
        // the shared reference case bayes_hine_or_lognormal_normal, through the command line
        assertThat(n.path("mu").path("mean").asDouble()).isCloseTo(0.565523869493022, within(1e-5));
        assertThat(n.path("tau").path("median").asDouble()).isCloseTo(0.202947778867251, within(1e-5));
        assertThat(n.path("bayes_factor_mu0").isNumber()).isTrue();
        assertThat(n.path("studies")).hasSize(6);
        assertThat(n.path("ratio_scale").path("mu").path("median").asDouble()).isCloseTo(Math.exp(n.path("mu").path("median").asDouble()),
                within(1e-12));
    }

    @Test
    void takes_tabulated_mrs_distributions_through_the_two_stage_shift_estimates() throws Exception {
        MainTest.Run r = MainTest.run("bayes", "--example", "mrs_sim", "--tau-prior", "half-normal:0.5", "--prob-above", "1,1.5",
                "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.path("k").asInt()).isEqualTo(7);
        assertThat(n.path("scale").asText()).isEqualTo("log");
        MainTest.Run s = MainTest.run("meta", "--example", "mrs_sim", "--format", "json");
        // the trials' estimates are those of the two-stage shift analysis
        JsonNode m = new ObjectMapper().readTree(s.out());
        assertThat(m.toString()).contains(Double.toString(n.path("studies").get(0).path("yi").asDouble()));
        MainTest.Run t = MainTest.run("bayes", "--example", "mrs_sim", "--tau-prior", "half-normal:0.5");
        assertThat(t.out()).startsWith("mRS shift: each trial's log common odds ratio");
    }

    @Test
    void asks_for_the_tau_prior_and_names_bad_priors() throws Exception {
        MainTest.Run none = MainTest.run("bayes", "--example", "hine", "--measure", "OR");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--tau-prior is required");
        MainTest.Run bad = MainTest.run("bayes", "--example", "hine", "--measure", "OR", "--tau-prior", "gamma:2");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown tau prior 'gamma:2'");
        MainTest.Run ratio = MainTest.run("bayes", "--example", "hine", "--measure", "OR", "--tau-prior", "half-normal:1",
                "--prob-above", "-1");
        assertThat(ratio.err()).contains("must be positive");
    }
}
