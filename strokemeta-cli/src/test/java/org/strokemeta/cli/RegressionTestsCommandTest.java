package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * {@code meta --moderators ... --test-coefficients/--contrasts/--predict/--lrt}: the tests of a
 * meta-regression as a user asks for them; the numbers are those of the qualification cases {@code rt_*}
 * (metafor anova, predict).
 */
class RegressionTestsCommandTest {
    @Test
    void prints_the_tests_predictions_and_likelihood_ratio_test() throws Exception {
        MainTest.Run r = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat,year", "--test-coefficients", "2,year",
                "--contrasts", "0,1,0;1,30,1970", "--predict", "30,1970;50,1950");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Test of coefficients ablat, year: QM = 12.2045 (df = 2), p = 0.0022")
                .contains("[30.0, 1970.0]      -0.6280 (SE 0.1228), 95% CI [-0.8686, -0.3873], 95% PI [-1.3233, 0.0674]");
        MainTest.Run lrt = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--tau2", "ML", "--lrt", "--format", "json");
        JsonNode t = new ObjectMapper().readTree(lrt.out()).path("results").get(0).path("metaregression").path("regression_tests");
        assertThat(t.path("lrt").path("likelihood").asText()).isEqualTo("ML");
        assertThat(t.path("lrt").path("df").asInt()).isEqualTo(1);
        assertThat(t.path("lrt").path("statistic").asDouble()).isBetween(9.958, 9.959);
        assertThat(t.path("coefficients").isNull()).isTrue();
    }

    @Test
    void wrong_requests_name_the_problem() {
        MainTest.Run none = MainTest.run("meta", "--example", "bcg", "--lrt");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("belong to one meta-regression: give --moderators");
        MainTest.Run name = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--test-coefficients", "latitude");
        assertThat(name.err()).contains("no coefficient 'latitude' (the model's coefficients: intercept, ablat");
        MainTest.Run width = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--predict", "30,1970");
        assertThat(width.err()).contains("--predict: a prediction needs 1 moderator values (ablat), not 2");
        MainTest.Run text = MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--contrasts", "0,x");
        assertThat(text.err()).contains("--contrasts: 'x' in row 1 is not a number");
    }

    @Test
    void without_moderators_permutations_give_the_sign_flip_test_of_the_average_effect() throws Exception {
        // metafor: permutest(rma(yi, vi, data = dat.normand1999 MD), exact = TRUE)$pval = 0.13671875 (case iperm_normand_md_reml)
        MainTest.Run r = MainTest.run("meta", "--example", "normand", "--permutations", "exact");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Sign-flip exact permutation test (512 permutations) of the average effect: p = 0.1367");
        JsonNode j = new ObjectMapper().readTree(MainTest.run("meta", "--example", "normand", "--permutations", "exact", "--format", "json").out());
        assertThat(j.path("results").get(0).path("permutation").path("p").asDouble()).isEqualTo(0.13671875);
        // permutation-based interval of the average effect (validation/extra/pci_normand_md_reml.json)
        JsonNode ci = new ObjectMapper().readTree(MainTest.run("meta", "--example", "normand", "--permutations", "exact", "--permci",
                "--format", "json").out()).path("results").get(0).path("permutation");
        assertThat(ci.path("ci_lower").asDouble()).isCloseTo(-37.3307174526857, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(ci.path("ci_upper").asDouble()).isCloseTo(2.9779292408128, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(MainTest.run("meta", "--example", "normand", "--permutations", "100", "--permci").err())
                .contains("--permci needs the exact permutation test");
        assertThat(MainTest.run("meta", "--example", "bcg", "--moderators", "ablat", "--permutations", "exact", "--permci").err())
                .contains("permutation-based confidence intervals are given for the average effect of a model without moderators");
        MainTest.Run mh = MainTest.run("meta", "--example", "bcg", "--model", "fixed", "--fixed-method", "MH", "--permutations", "50");
        assertThat(mh.code()).isEqualTo(2);
        assertThat(mh.err()).contains("does not apply to Mantel-Haenszel pooling");
    }
}
