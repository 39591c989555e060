package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.report.InfluenceReport;

/** {@code strokemeta influence} and {@code plot baujat}, as a user runs them. */
class InfluenceCommandTest {
    @TempDir
    Path dir;

    @Test
    void prints_the_diagnostics_as_text_csv_and_json() throws Exception {
        MainTest.Run text = MainTest.run("influence", "--example", "bcg", "--measure", "RR", "--model", "fixed");
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("Influence diagnostics: log risk ratio").contains("rstudent").contains("cook.d")
                .contains("3 studies are influential (*)").contains("Residuals and predicted true effects (BLUPs), on the analysis scale (log)");
        assertThat(text.out().lines().filter(l -> l.endsWith("*"))).hasSize(3);
        String csv = MainTest.run("influence", "--example", "bcg", "--measure", "RR", "--format", "csv").out();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", InfluenceReport.COLUMNS));
        assertThat(csv.lines()).hasSize(14);
        JsonNode json = new ObjectMapper().readTree(MainTest.run("influence", "--example", "bcg", "--measure", "RR", "--format", "json").out());
        assertThat(json.path("schema").asText()).isEqualTo("strokemeta.influence/1");
        assertThat(json.path("studies").size()).isEqualTo(13);
        for (String k : InfluenceReport.COLUMNS) {
            assertThat(json.path("studies").get(0).has(k)).as(k).isTrue();
        }
    }

    @Test
    void draws_the_baujat_plot_and_refuses_two_studies() throws Exception {
        Path svg = dir.resolve("b.svg");
        assertThat(MainTest.run("plot", "baujat", "--example", "bcg", "--measure", "RR", "--out", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).startsWith("<svg").contains("aria-label=\"Baujat plot\"");
        Path two = dir.resolve("two.csv");
        Files.writeString(two, "study,yi,vi\nA,0.1,0.04\nB,0.3,0.05\n");
        MainTest.Run r = MainTest.run("influence", "--input", two.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at least three studies").contains("2 studies in two.csv");
    }

    @Test
    void bias_reports_the_fail_safe_numbers_of_metafor() throws Exception {
        // metafor fsn() on dat.hackshaw1998: Rosenthal 393, Orwin 37, Rosenberg 202 (validation case fsn_hackshaw_gen)
        MainTest.Run r = MainTest.run("bias", "--example", "hackshaw");
        assertThat(r.out()).contains("Rosenthal 393, Orwin 37 (target 0.1476, half the unweighted mean), Rosenberg 202");
        JsonNode j = new ObjectMapper().readTree(MainTest.run("bias", "--example", "hackshaw", "--format", "json").out());
        assertThat(j.path("fail_safe_n").path("rosenberg").asInt()).isEqualTo(202);
        // metafor: regtest(rma(yi, vi, data = dat.hackshaw1998))$est = 0.02160967, predictor = "vi": 0.1405468
        assertThat(r.out()).contains("PET 0.0216 [-0.1774, 0.2207], PEESE 0.1405 [0.0195, 0.2616]; conditional estimate: PET");
        assertThat(j.path("pet_peese").path("conditional").asText()).isEqualTo("PET");
    }

    @Test
    void grotta_bars_of_an_ordinal_scale_that_is_not_the_mrs_carry_no_mrs_labels() throws Exception {
        Path csv = dir.resolve("scale.csv");
        Files.writeString(csv, "study,arm,cat0,cat1,cat2,cat3\nA,treatment,10,20,15,5\nA,control,5,15,20,10\n");
        Path svg = dir.resolve("g.svg");
        assertThat(MainTest.run("plot", "grotta", "--input", csv.toString(), "--merge", "0-1", "--out", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).contains(">category 0-1<").contains(">category 3<").doesNotContain("mRS");
        assertThat(org.strokemeta.plot.GrottaPlot.labels(true, 7, 5, 6)).containsExactly("mRS 0", "mRS 1", "mRS 2", "mRS 3", "mRS 4", "mRS 5-6");
        assertThat(org.strokemeta.plot.GrottaPlot.labels(true, 7, -1, -1)).isEqualTo(org.strokemeta.plot.GrottaPlot.mrsLabels(7));
    }

    @Test
    void the_labbe_plot_draws_a_point_per_study_and_refuses_data_without_arm_counts() throws Exception {
        Path svg = dir.resolve("l.svg");
        assertThat(MainTest.run("plot", "labbe", "--example", "bcg", "--measure", "OR", "--out", svg.toString()).code()).isZero();
        String s = Files.readString(svg);
        assertThat(s.split("<circle class=\"study\"", -1)).hasSize(14);
        assertThat(s).contains("class=\"pooled\"").contains("Control arm (log odds)");
        MainTest.Run generic = MainTest.run("plot", "labbe", "--example", "hackshaw", "--out", svg.toString());
        assertThat(generic.code()).isEqualTo(2);
        assertThat(generic.err()).contains("a L'Abbé plot shows arm counts pooled as OR, RR or RD");
    }

    @Test
    void the_radial_plot_draws_a_point_per_study_and_centres_on_request() throws Exception {
        Path svg = dir.resolve("r.svg");
        assertThat(MainTest.run("plot", "radial", "--example", "bcg", "--measure", "RR", "--out", svg.toString()).code()).isZero();
        String s = Files.readString(svg);
        assertThat(s.split("<circle class=\"study\"", -1)).hasSize(14);
        assertThat(s).contains("aria-label=\"Radial plot\"").contains("z = y / sqrt(v + tau²)");
        assertThat(MainTest.run("plot", "radial", "--example", "bcg", "--measure", "RR", "--center", "--out", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).contains("z = (y - estimate) / sqrt(v + tau²)");
        assertThat(MainTest.run("plot", "--help").out()).contains("radial").contains("--center");
    }
}
