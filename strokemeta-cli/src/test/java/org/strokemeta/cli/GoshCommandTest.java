package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strokemeta gosh} and {@code plot gosh}, as a user runs them. */
class GoshCommandTest {
    @TempDir
    Path dir;

    @Test
    void fits_every_subset_and_writes_text_csv_and_json() throws Exception {
        MainTest.Run text = MainTest.run("gosh", "--example", "bcg", "--measure", "RR", "--tau2", "DL");
        assertThat(text.code()).isZero();
        assertThat(text.out()).startsWith("GOSH analysis: log risk ratio").contains("13 studies: 8191 subsets, every one")
                .contains("estimate with").contains("TPT Madras 1980");
        String csv = MainTest.run("gosh", "--example", "bcg", "--measure", "RR", "--tau2", "DL", "--format", "csv").out();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("k,estimate,q,i2,h2,tau2,Aronson 1948,");
        assertThat(csv.lines()).hasSize(8192);
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("1,").endsWith(",1,0,0,0,0,0,0,0,0,0,0,0,0");
        JsonNode j = new ObjectMapper().readTree(MainTest.run("gosh", "--example", "bcg", "--measure", "RR", "--tau2", "DL", "--subsets", "300",
                "--seed", "7", "--format", "json").out());
        assertThat(j.path("schema").asText()).isEqualTo("strokemeta.gosh/1");
        assertThat(j.path("exact").asBoolean()).isFalse();
        assertThat(j.path("seed").asLong()).isEqualTo(7);
        assertThat(j.path("possible").asDouble()).isEqualTo(8191);
        assertThat(j.path("studies").size()).isEqualTo(13);
        assertThat(j.path("subsets").size()).isEqualTo(300);
        JsonNode s = j.path("subsets").get(299);
        assertThat(s.path("studies").size()).isEqualTo(s.path("k").asInt());
        for (String k : new String[] {"estimate", "q", "i2", "h2", "tau2"}) {
            assertThat(s.has(k)).as(k).isTrue();
        }
        assertThat(j.path("all_studies").path("pooled").has("estimate")).isTrue();
    }

    @Test
    void draws_the_gosh_plot_and_refuses_too_many_subsets_and_a_single_study() throws Exception {
        Path svg = dir.resolve("g.svg");
        assertThat(MainTest.run("plot", "gosh", "--example", "bcg", "--measure", "RR", "--out", svg.toString()).code()).isZero();
        assertThat(Files.readString(svg)).contains("aria-label=\"GOSH plot\"").contains("data-subsets=\"8191\"");
        MainTest.Run many = MainTest.run("gosh", "--example", "bcg", "--subsets", "2000000");
        assertThat(many.code()).isEqualTo(2);
        assertThat(many.err()).contains("--subsets must be from 2 to 1000000");
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "study,yi,vi\nA,0.1,0.04\n");
        MainTest.Run r = MainTest.run("gosh", "--input", one.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("at least two studies");
    }
}
