package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strokemeta mixed} as a user runs it: formulas on bundled and own data, JSON, and what it refuses. */
class MixedCommandTest {
    @TempDir
    Path dir;

    @Test
    void fits_an_interaction_with_occlusion_site_inside_the_mixed_model() throws Exception {
        MainTest.Run r = MainTest.run("mixed", "--example", "hermes_sim", "--formula", "mrs90 ~ arm * occlusion_site + age + (1 | trial)");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("cumulative logit mixed model (as ordinal::clmm)").contains("simulated data")
                .contains("trial (7)").contains("armevt:occlusion_siteM2").contains("0|1");
        MainTest.Run j = MainTest.run("mixed", "--example", "hermes_sim", "--formula", "death90 ~ arm + age + (1 | trial)",
                "--family", "binomial", "--format", "json");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.mixed/1");
        assertThat(n.path("intercept").get(0).path("name").asText()).isEqualTo("(Intercept)");
        assertThat(n.path("coefficients").get(0).path("name").asText()).isEqualTo("armevt");
        assertThat(n.path("conditional_modes").get(0).path("levels").size()).isEqualTo(7);
    }

    @Test
    void takes_case_weights_and_reference_levels() throws Exception {
        Path f = dir.resolve("counts.csv");
        StringBuilder sb = new StringBuilder("study,arm,mrs,n\n");
        String[] studies = {"A", "B", "C", "D"};
        int[][] counts = {{6, 9, 8, 7, 5, 4, 3}, {3, 5, 8, 9, 9, 6, 5}};
        for (int s = 0; s < studies.length; s++) {
            for (int a = 0; a < 2; a++) {
                for (int m = 0; m < 7; m++) {
                    sb.append(studies[s]).append(a == 0 ? ",evt," : ",control,").append(m).append(',')
                            .append(counts[a][m] + (s + m) % 3).append('\n');
                }
            }
        }
        Files.writeString(f, sb.toString());
        MainTest.Run r = MainTest.run("mixed", "--input", f.toString(), "--formula", "mrs ~ arm + (1 | study)", "--weights", "n",
                "--reference", "arm=evt", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.path("coefficients").get(0).path("name").asText()).isEqualTo("armcontrol");
        assertThat(n.path("coefficients").get(0).path("estimate").asDouble()).isPositive();
        assertThat(n.path("rows").asInt()).isEqualTo(56);
        assertThat(n.path("weight_total").asDouble()).isGreaterThan(400);
    }

    @Test
    void says_what_is_wrong_with_the_formula_or_the_data() throws Exception {
        MainTest.Run none = MainTest.run("mixed", "--example", "hermes_sim");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("--formula is required");
        MainTest.Run bad = MainTest.run("mixed", "--example", "hermes_sim", "--formula", "mrs90 ~ arm + (1 | trial");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("expected ')'");
        MainTest.Run col = MainTest.run("mixed", "--example", "hermes_sim", "--formula", "mrs90 ~ arm + centre + (1 | trial)");
        assertThat(col.code()).isEqualTo(2);
        assertThat(col.err()).contains("column 'centre'");
        MainTest.Run ref = MainTest.run("mixed", "--example", "hermes_sim", "--formula", "mrs90 ~ arm + (1 | trial)", "--reference", "arm");
        assertThat(ref.err()).contains("COLUMN=LEVEL");
    }
}
