package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strokemeta cumulative --order COLUMN [--decreasing] [--collapse]}, as a user runs it. */
class CumulativeCommandTest {
    @TempDir
    Path dir;

    @Test
    void adds_the_trials_of_one_year_together_and_names_the_step_by_the_year() throws Exception {
        JsonNode j = new ObjectMapper().readTree(MainTest.run("cumulative", "--example", "bcg", "--measure", "RR", "--order", "year", "--collapse",
                "--format", "json").out());
        assertThat(j.path("order").path("column").asText()).isEqualTo("year");
        assertThat(j.path("order").path("collapse").asBoolean()).isTrue();
        JsonNode steps = j.path("steps");
        // 13 trials in 12 years: the two of 1973 come in one step
        assertThat(steps.size()).isEqualTo(12);
        assertThat(steps.get(0).path("study").asText()).isEqualTo("1948");
        JsonNode y1973 = steps.get(7);
        assertThat(y1973.path("order").asText()).isEqualTo("1973");
        assertThat(y1973.path("k").asInt()).isEqualTo(9);
        assertThat(y1973.path("added")).hasSize(2);
        assertThat(steps.get(11).path("k").asInt()).isEqualTo(13);
        String text = MainTest.run("cumulative", "--example", "bcg", "--measure", "RR", "--order", "year", "--decreasing").out();
        assertThat(text).startsWith("Cumulative meta-analysis (by year, decreasing)");
        assertThat(text.lines().skip(2).findFirst().orElseThrow()).startsWith("TPT Madras 1980");
    }

    @Test
    void leaves_out_a_study_without_a_value_with_a_note_and_needs_a_column_to_collapse() throws Exception {
        Path csv = dir.resolve("years.csv");
        Files.writeString(csv, "study,yi,vi,year\nA,0.1,0.04,2001\nB,0.3,0.05,\nC,0.2,0.03,2001\nD,-0.1,0.06,1999\n");
        MainTest.Run r = MainTest.run("cumulative", "--input", csv.toString(), "--order", "year", "--collapse");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Left out: B (line 3): no value in column year");
        assertThat(r.out().lines().filter(l -> l.startsWith("1999") || l.startsWith("2001"))).hasSize(2);
        MainTest.Run bad = MainTest.run("cumulative", "--input", csv.toString(), "--collapse");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--collapse needs --order COLUMN");
        MainTest.Run missing = MainTest.run("cumulative", "--input", csv.toString(), "--order", "published");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("no column 'published'");
    }
}
