package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.strokemeta.cli.MainTest.Run;
import org.strokemeta.fuzz.GeneratedFiles;

/**
 * Fuzzing of every command's reading and analysis path: generated CSV files of every input kind,
 * with extreme, tiny, huge, repeated, missing and malformed values and broken structure, run through
 * the command line as a user runs it. Each run must end within a time bound with either a result
 * (exit 0, or 3 for a result reported as not valid) or one clear sentence (exit 2); never a stack
 * trace, an internal error, a hang, or a row dropped without a note.
 *
 * <p>The seeds are fixed so that the test command is reproducible; to explore further, change or remove
 * a seed and run the class (every failure jqwik finds is shrunk to a small file and printed).
 */
class CommandLineFuzzProperties {
    /** A hang guard, not a timing test: the slowest legitimate run here takes well under a second. */
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    @BeforeContainer
    static void folder() throws IOException {
        dir = Files.createTempDirectory("strokemeta-fuzz");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                p.toFile().delete(); // best effort
            }
        }
    }

    @Provide
    Arbitrary<GeneratedFiles.Input> studyFiles() {
        return Arbitraries.oneOf(GeneratedFiles.files("binary", 12), GeneratedFiles.files("continuous", 12), GeneratedFiles.files("generic_vi", 12), GeneratedFiles.files("generic_sei", 12),
                GeneratedFiles.files("generic_ci", 12));
    }

    @Provide
    Arbitrary<String[]> studyCommands() {
        return Arbitraries.of(
                new String[] {"meta", "--format", "json"},
                new String[] {"meta", "--format", "json", "--tau2", "DL"},
                new String[] {"meta", "--format", "json", "--tau2", "PM", "--ci", "knha"},
                new String[] {"meta", "--format", "json", "--tau2", "ML"},
                new String[] {"meta", "--format", "json", "--tau2", "EB"},
                new String[] {"meta", "--format", "json", "--tau2", "SJ"},
                new String[] {"meta", "--format", "json", "--tau2", "HE"},
                new String[] {"meta", "--format", "json", "--tau2", "HS"},
                new String[] {"meta", "--format", "json", "--model", "fixed", "--fixed-method", "MH", "--measure", "RR"},
                new String[] {"meta", "--format", "json", "--model", "fixed", "--fixed-method", "PETO", "--measure", "OR"},
                new String[] {"meta", "--format", "json", "--measure", "RD"},
                new String[] {"meta", "--format", "json", "--measure", "SMD"},
                new String[] {"meta", "--format", "json", "--subgroup", "group"},
                new String[] {"meta", "--format", "json", "--moderators", "year", "--permutations", "200", "--seed", "1"},
                new String[] {"meta", "--format", "csv"},
                new String[] {"meta"},
                new String[] {"meta", "--scale", "ratio"},
                new String[] {"bias"},
                new String[] {"loo"},
                new String[] {"cumulative"},
                new String[] {"plot", "forest"},
                new String[] {"plot", "funnel", "--trim-fill", "--contour"});
    }

    @Provide
    Arbitrary<GeneratedFiles.Input> ordinalFiles() {
        return GeneratedFiles.files("ordinal", 6);
    }

    @Provide
    Arbitrary<String[]> ordinalCommands() {
        return Arbitraries.of(new String[] {"meta"}, new String[] {"meta", "--format", "json"}, new String[] {"meta", "--stage", "one"},
                new String[] {"meta", "--merge", "5-6", "--tau2", "DL"}, new String[] {"plot", "grotta"}, new String[] {"plot", "forest"});
    }

    @Provide
    Arbitrary<GeneratedFiles.Input> patientFiles() {
        return Arbitraries.oneOf(GeneratedFiles.files("ipd", 1, 20), GeneratedFiles.files("ipd", 60, 200));
    }

    @Provide
    Arbitrary<String[]> patientCommands() {
        return Arbitraries.of(new String[] {"ipd", "--format", "json"}, new String[] {"ipd", "--covariates", "age,nihss", "--format", "json"},
                new String[] {"ipd", "--model", "mixed", "--format", "json"}, new String[] {"ipd", "--two-stage"},
                new String[] {"ipd", "--drop-empty", "--format", "json"}, new String[] {"ipd", "--merge", "5-6", "--format", "json"},
                new String[] {"ipd", "--binary", "0-2", "--interactions", "nihss", "--covariates", "nihss"});
    }

    @Provide
    Arbitrary<GeneratedFiles.Input> strokeFiles() {
        return Arbitraries.oneOf(GeneratedFiles.files("stroke", 1, 20), GeneratedFiles.files("stroke", 60, 200));
    }

    // ---- properties ------------------------------------------------------------------------------

    @Property(seed = "20261205", tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void study_level_files_end_with_a_result_or_one_sentence(@ForAll("studyFiles") GeneratedFiles.Input in, @ForAll("studyCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.label("why not analysed").collect(r.code() == Main.EXIT_INPUT ? gist(r.err()) : "analysed");
        // the generator must reach the analyses, not only the input checks
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 15));
        if (r.code() == 0 && cmd.length > 2 && cmd[0].equals("meta") && cmd[2].equals("json") && in.wellFormed()) {
            everyRowIsAccountedFor(in, r);
        }
    }

    @Property(seed = "20261206", tries = 120, edgeCases = EdgeCasesMode.MIXIN)
    void tabulated_mrs_files_end_with_a_result_or_one_sentence(@ForAll("ordinalFiles") GeneratedFiles.Input in, @ForAll("ordinalCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 5));
    }

    @Property(seed = "20261207", tries = 80, edgeCases = EdgeCasesMode.MIXIN)
    void patient_level_files_end_with_a_result_or_one_sentence(@ForAll("patientFiles") GeneratedFiles.Input in, @ForAll("patientCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 5));
        if (r.code() == 0 && cmd[cmd.length - 1].equals("json") && in.wellFormed()) {
            JsonNode j = parse(r.out());
            assertThat(j.path("patients").asInt() + j.path("excluded").asInt()).as("patients analysed + excluded").isEqualTo(in.rows());
        }
    }

    @Property(seed = "20261208", tries = 25, edgeCases = EdgeCasesMode.MIXIN)
    void thrombectomy_trial_files_end_with_a_report_or_one_sentence(@ForAll("strokeFiles") GeneratedFiles.Input in) {
        Run r = run(in, new String[] {"report", "--skip-missing", "--out-dir", dir.toString(), "--name", "fuzz"});
        Statistics.label("report").collect(r.code());
        run(in, new String[] {"ipd", "--format", "json", "--binary", "0-2,sich"});
    }

    /** Runs a command on the input file and checks how it ended. */
    static Run run(GeneratedFiles.Input in, String[] cmd) {
        Path f;
        try {
            f = Files.createTempFile(dir, "in", ".csv");
            Files.writeString(f, in.csv(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] args = new String[cmd.length + 2];
        int i = 0;
        args[i++] = cmd[0];
        if (cmd[0].equals("plot")) {
            args[i++] = cmd[1];
            args[i++] = "--input";
            args[i++] = f.toString();
            System.arraycopy(cmd, 2, args, i, cmd.length - 2);
        } else {
            args[i++] = "--input";
            args[i++] = f.toString();
            System.arraycopy(cmd, 1, args, i, cmd.length - 1);
        }
        Run r = assertTimeoutPreemptively(BOUND, () -> MainTest.run(args), () -> "did not finish within " + BOUND + ": " + String.join(" ", args));
        endsCleanly(r, String.join(" ", cmd));
        try {
            Files.deleteIfExists(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return r;
    }

    /** Exit 0 or 3 with a result, or exit 2 with one sentence; never an internal error or a trace. */
    static void endsCleanly(Run r, String what) {
        assertThat(r.code()).as(what + "\nstderr: " + r.err()).isIn(0, Main.EXIT_INPUT, Main.EXIT_INVALID);
        assertThat(r.err()).as(what).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("internal error");
        if (r.code() == Main.EXIT_INPUT) {
            List<String> lines = r.err().lines().filter(l -> !l.startsWith("(see: ")).filter(l -> !l.startsWith("warning: ")).toList();
            assertThat(lines).as(what + ": one sentence").hasSize(1);
            assertThat(lines.get(0)).startsWith("error: ").hasSizeGreaterThan(15);
        }
    }

    /** The kind of an error message: its words without file, line, column and quoted values. */
    static String gist(String err) {
        String m = err.lines().findFirst().orElse("");
        m = m.replaceFirst("^error: ", "").replaceFirst("^[^:]*\\.csv(, line \\d+)?(, column [^:]+)?: ", "");
        m = m.replaceAll("'[^']*'", "'…'").replaceAll("\\([^)]*\\)", "(…)").replaceAll("-?[0-9][0-9.eE+-]*", "N");
        return m.length() > 70 ? m.substring(0, 70) : m;
    }

    /** Every data row is either analysed or excluded with a note. */
    static void everyRowIsAccountedFor(GeneratedFiles.Input in, Run r) {
        JsonNode j = parse(r.out());
        for (JsonNode res : j.path("results")) {
            if (!res.path("error").isNull() && !res.path("error").isMissingNode()) {
                continue;
            }
            if (res.has("subgroups") && !res.path("subgroups").isNull() && res.path("k").isMissingNode()) {
                continue;
            }
            int k = res.path("k").asInt();
            int excluded = res.path("k_excluded").asInt();
            assertThat(k + excluded).as("studies pooled + excluded\n" + in).isEqualTo(in.rows());
            long excludedNotes = 0;
            for (JsonNode n : res.path("notes")) {
                if (n.path("kind").asText().equals("excluded")) {
                    excludedNotes++;
                }
            }
            assertThat(excludedNotes).as("a note for every excluded study\n" + in).isEqualTo(excluded);
        }
    }

    static JsonNode parse(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }
}
