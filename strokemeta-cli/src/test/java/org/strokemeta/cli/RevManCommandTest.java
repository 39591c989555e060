package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A published RevMan 5 review: Fleiss1993.rm5, shipped with R's meta package (inst/extdata, GPL >= 2; saved by RevMan
 * 5.0.23), read and its stored RevMan results reproduced by strokemeta with RevMan's method.
 */
class RevManCommandTest {
    @TempDir
    Path dir;

    private Path review() throws Exception {
        Path p = dir.resolve("Fleiss1993.rm5");
        try (InputStream in = RevManCommandTest.class.getResourceAsStream("/org/strokemeta/data/revman/Fleiss1993.rm5")) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void the_outcomes_are_listed_and_revmans_stored_mantel_haenszel_result_is_reproduced() throws Exception {
        Path f = review();
        MainTest.Run list = MainTest.run("meta", "--input", f.toString());
        assertThat(list.code()).isEqualTo(2);
        assertThat(list.err()).contains("1.1 Aspirin for Preventing Death after Myocardial Infarction").contains("dichotomous, 7 studies, OR by MH")
                .contains("1.2 Mental Health Treatment versus Control").contains("continuous, 5 studies, SMD by IV");
        MainTest.Run r = MainTest.run("meta", "--input", f.toString(), "--outcome", "1.1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode res = new ObjectMapper().readTree(r.out()).path("results").get(0);
        // RevMan 5.0.23's stored values (DICH_OUTCOME CMP-001.01: METHOD MH, RANDOM NO, EFFECT_MEASURE OR)
        JsonNode exp = res.path("pooled").path("exp");
        assertThat(exp.path("estimate").asDouble()).isCloseTo(0.8968655609130709, within(1e-12));
        assertThat(exp.path("ci_lower").asDouble()).isCloseTo(0.8405144008917793, within(1e-12));
        assertThat(exp.path("ci_upper").asDouble()).isCloseTo(0.9569947088336491, within(1e-12));
        assertThat(Math.abs(res.path("pooled").path("z").asDouble())).isCloseTo(3.287633061337987, within(1e-10));
        assertThat(res.path("heterogeneity").path("q").asDouble()).isCloseTo(9.946055983220074, within(1e-10));
        assertThat(res.path("heterogeneity").path("i2").asDouble()).isCloseTo(39.67458045558399, within(1e-9));
        assertThat(res.path("heterogeneity").path("q_p").asDouble()).isCloseTo(0.1269422521561745, within(1e-6));
        assertThat(res.path("k").asInt()).isEqualTo(7);
        // the continuous outcome (RevMan stored no pooled result): analysed with RevMan's SMD, fixed effect
        MainTest.Run c = MainTest.run("meta", "--input", f.toString(), "--outcome", "1.2");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("SMD").contains("RevMan 5.0.23 stored no pooled result for SMD (IV, fixed effect)");
        // a method given on the command line wins
        MainTest.Run dl = MainTest.run("meta", "--input", f.toString(), "--outcome", "1.1", "--model", "random", "--tau2", "DL");
        assertThat(dl.out()).contains("random-effects");
        MainTest.Run none = MainTest.run("meta", "--input", f.toString(), "--outcome", "3.1");
        assertThat(none.err()).contains("the review has no outcome 3.1");
    }

    @Test
    void a_cochrane_data_package_from_revman_web_is_read_and_its_estimates_reproduced() throws Exception {
        Path p = dir.resolve("Fleiss1993.zip");
        try (InputStream in = RevManCommandTest.class.getResourceAsStream("/org/strokemeta/data/revman/Fleiss1993.zip")) {
            Files.copy(in, p);
        }
        MainTest.Run r = MainTest.run("meta", "--input", p.toString(), "--outcome", "1.1", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode res = new ObjectMapper().readTree(r.out()).path("results").get(0);
        // the package's overall-estimates-and-settings.csv, written to 6 significant digits
        assertThat(res.path("pooled").path("exp").path("estimate").asDouble()).isCloseTo(0.896866, within(5e-7));
        assertThat(res.path("pooled").path("exp").path("ci_lower").asDouble()).isCloseTo(0.840514, within(5e-7));
        assertThat(res.path("pooled").path("exp").path("ci_upper").asDouble()).isCloseTo(0.956995, within(5e-7));
        assertThat(res.path("heterogeneity").path("q").asDouble()).isCloseTo(9.946056, within(5e-7));
        assertThat(res.path("heterogeneity").path("i2").asDouble()).isCloseTo(39.67458, within(5e-6));
        assertThat(res.path("notes").toString()).contains("Cochrane data package analysis 1.1");
        MainTest.Run c = MainTest.run("meta", "--input", p.toString(), "--outcome", "1.2");
        assertThat(c.code()).as(c.err()).isZero();
        assertThat(c.out()).contains("stored no pooled result for SMD (IV, fixed effect)");
    }

    @Test
    void an_analysis_is_written_as_a_revman_review_that_reads_back_to_the_same_result() throws Exception {
        Path rm5 = dir.resolve("bcg.rm5");
        MainTest.Run w = MainTest.run("meta", "--example", "bcg", "--measure", "RR", "--tau2", "DL", "--subgroup", "alloc", "--format", "json",
                "--revman", rm5.toString(), "--revman-labels", "BCG vaccine|BCG versus no vaccine|Tuberculosis|BCG|No vaccine");
        assertThat(w.code()).as(w.err()).isZero();
        assertThat(w.err()).contains("Wrote " + rm5 + " (RevMan 5 review, 1 outcome)");
        JsonNode original = new ObjectMapper().readTree(w.out()).path("results").get(0);
        MainTest.Run list = MainTest.run("meta", "--input", rm5.toString(), "--format", "json");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode back = new ObjectMapper().readTree(list.out()).path("results").get(0);
        assertThat(back.path("pooled").path("estimate").asDouble()).isCloseTo(original.path("pooled").path("estimate").asDouble(), within(1e-14));
        assertThat(back.path("heterogeneity").path("tau2").asDouble()).isCloseTo(original.path("heterogeneity").path("tau2").asDouble(), within(1e-14));
        assertThat(back.path("notes").toString()).contains("RevMan outcome 1.1 'Tuberculosis' of comparison 'BCG versus no vaccine' (BCG vs No vaccine)")
                .contains("RR (IV, random effects)");
        assertThat(back.path("subgroups").path("groups")).hasSize(3);
        // REML is not RevMan's: the review stores DerSimonian-Laird and says so
        MainTest.Run reml = MainTest.run("meta", "--example", "bcg", "--revman", dir.resolve("reml.rm5").toString());
        assertThat(reml.code()).as(reml.err()).isZero();
        assertThat(reml.err()).contains("RevMan review: tau² by REML in the request; RevMan 5 estimates it by DerSimonian-Laird");
        MainTest.Run mrs = MainTest.run("meta", "--example", "mrs_sim", "--revman", dir.resolve("m.rm5").toString());
        assertThat(mrs.code()).isEqualTo(2);
        assertThat(mrs.err()).contains("RevMan has no ordinal (mRS shift) outcome");
        assertThat(Files.exists(dir.resolve("m.rm5"))).isFalse();
    }
}
