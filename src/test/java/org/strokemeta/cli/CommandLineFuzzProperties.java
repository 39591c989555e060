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
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.strokemeta.cli.MainTest.Run;

/**
 * Fuzzing of every command's reading and analysis path: generated CSV files of every input kind,
 * with extreme, tiny, huge, repeated, missing and malformed values and broken structure, run through
 * the command line as a user runs it. Each run must end within a time bound with either a result
 * (exit 0, or 3 for a result reported as not valid) or one clear sentence (exit 2); never a stack
 * trace, an internal error, a hang, or a row dropped without a note.
 */
class CommandLineFuzzProperties {
    /** A hang guard, not a timing test: the slowest legitimate run here takes well under a second. */
    static final Duration BOUND = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    /**
     * A generated input file.
     *
     * @param kind    the kind of data the header describes
     * @param csv     the file's text
     * @param rows    its data rows (lines that are neither the header nor blank)
     * @param wellFormed true when the generator broke no structural rule (then a result must account for every row)
     */
    record Input(String kind, String csv, int rows, boolean wellFormed) {
        @Override
        public String toString() {
            return kind + " (" + rows + " rows):\n" + (csv.length() > 2_000 ? csv.substring(0, 2_000) + "..." : csv);
        }
    }

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

    // ---- values ----------------------------------------------------------------------------------

    /** Values a careless or hostile file holds in a numeric cell. */
    static Arbitrary<String> hostile() {
        return Arbitraries.of("", " ", "NA", "na", ".", "-", "abc", "1..2", "1e308", "-1e308", "1e-308", "4.9e-324", "1e10", "1e15",
                "-1", "0", "-0", "0.0", "NaN", "Infinity", "-Infinity", "1,5", "1 000", "\"2\"", "0x1F", "+3", "1e", "e5", "3.", ".5",
                "99999999999999999999", "=1+1", "<script>alert(1)</script>", "Étude Zürich", "\"a,b\"", "\"\"\"\"", "１２");
    }

    static Arbitrary<String> label() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("A", "B", "C", "D", "Trial 1", "Trial 2", "MR CLEAN", "ESCAPE")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "\"x, y\"", "<b>&amp;</b>", "Étude Zürich", "'; DROP TABLE x;--",
                        "x".repeat(5_000), "\"He said \"\"no\"\"\""))).map(CommandLineFuzzProperties::csvCell);
    }

    /** A cell as it must be written in CSV (quoted when it holds a comma, quote or line end, unless already quoted). */
    static String csvCell(String s) {
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1) {
            return s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- files -----------------------------------------------------------------------------------

    static Arbitrary<String> num(double lo, double hi, int decimals) {
        double f = Math.pow(10, decimals);
        return Arbitraries.doubles().between(lo, hi).ofScale(6).map(d -> {
            double v = Math.round(d * f) / f;
            return decimals == 0 ? String.valueOf((long) v) : String.valueOf(v);
        });
    }

    static Arbitrary<String> extremeOr(Arbitrary<String> usual, String... extremes) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, usual), net.jqwik.api.Tuple.of(1, Arbitraries.of(extremes)));
    }

    /** The header of a kind of file. */
    static List<String> header(String kind) {
        return switch (kind) {
            case "binary" -> List.of("study", "events_treat", "total_treat", "events_ctrl", "total_ctrl", "group");
            case "continuous" -> List.of("study", "mean_treat", "sd_treat", "n_treat", "mean_ctrl", "sd_ctrl", "n_ctrl");
            case "generic_vi" -> List.of("study", "yi", "vi", "year");
            case "generic_sei" -> List.of("study", "yi", "sei");
            case "generic_ci" -> List.of("study", "estimate", "ci_lower", "ci_upper");
            case "ordinal" -> List.of("study", "arm", "mrs0", "mrs1", "mrs2", "mrs3", "mrs4", "mrs5", "mrs6");
            case "ipd" -> List.of("study", "treatment", "age", "nihss", "mrs");
            case "stroke" -> List.of("trial", "arm", "age", "sex", "nihss", "occlusion_site", "mrs90", "sich");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /**
     * Rows a careful user could write (valid, though possibly extreme: zero cells, huge counts, tiny
     * variances, repeated values); an ordinal file's unit is a pair of arms.
     */
    static Arbitrary<List<List<String>>> validUnit(String kind) {
        Arbitrary<String> study = label();
        return switch (kind) {
            case "binary" -> Combinators.combine(study, counts(), counts(), Arbitraries.of("a", "b"))
                    .as((st, t, c, g) -> List.of(List.of(st, t[0], t[1], c[0], c[1], g)));
            case "continuous" -> Combinators.combine(study, num(-50, 50, 2), extremeOr(num(0.1, 30, 2), "1e-8", "1e6"), extremeOr(num(2, 400, 0), "2", "1000000"),
                    num(-50, 50, 2), extremeOr(num(0.1, 30, 2), "1e-8", "1e6"), extremeOr(num(2, 400, 0), "2", "1000000"))
                    .as((st, m1, s1, n1, m2, s2, n2) -> List.of(List.of(st, m1, s1, n1, m2, s2, n2)));
            case "generic_vi" -> Combinators.combine(study, extremeOr(num(-3, 3, 3), "1e300", "-1e300", "0"),
                    extremeOr(num(0.001, 2, 4), "1e-10", "1e-300", "1e300", "4.9e-324"), num(1950, 2025, 0))
                    .as((st, y, v, yr) -> List.of(List.of(st, y, v, yr)));
            case "generic_sei" -> Combinators.combine(study, extremeOr(num(-3, 3, 3), "1e300", "0"), extremeOr(num(0.01, 2, 3), "1e-150", "1e150"))
                    .as((st, y, se) -> List.of(List.of(st, y, se)));
            case "generic_ci" -> Combinators.combine(study, Arbitraries.doubles().between(-2, 2).ofScale(6), Arbitraries.doubles().between(0.01, 1.5).ofScale(6),
                    Arbitraries.of(true, false), Arbitraries.integers().between(1, 4)).as((st, m, se, ratio, d) -> {
                        double lo = m - 1.96 * se;
                        double hi = m + 1.96 * se;
                        String f = "%." + d + "f";
                        return ratio ? List.of(List.of(st, String.format(java.util.Locale.ROOT, f, Math.exp(m)),
                                String.format(java.util.Locale.ROOT, f, Math.exp(lo)), String.format(java.util.Locale.ROOT, f, Math.exp(hi))))
                                : List.of(List.of(st, String.format(java.util.Locale.ROOT, f, m), String.format(java.util.Locale.ROOT, f, lo),
                                String.format(java.util.Locale.ROOT, f, hi)));
                    });
            case "ordinal" -> Combinators.combine(study, mrsCounts(), mrsCounts()).as((st, t, c) -> {
                List<String> a = new ArrayList<>(List.of(st, "treatment"));
                List<String> b = new ArrayList<>(List.of(st, "control"));
                a.addAll(t);
                b.addAll(c);
                return List.of(a, b);
            });
            case "ipd" -> Combinators.combine(Arbitraries.of("T1", "T2", "T3"), Arbitraries.of("0", "1"), num(18, 100, 0), num(0, 42, 0),
                    Arbitraries.integers().between(0, 6).map(String::valueOf)).as((t, tr, age, n, m) -> List.of(List.of(t, tr, age, n, m)));
            case "stroke" -> Combinators.combine(Arbitraries.of("MR CLEAN", "ESCAPE", "REVASCAT"), Arbitraries.of("evt", "control"),
                    num(18, 100, 0), Arbitraries.of("male", "female"), num(0, 42, 0), Arbitraries.of("ICA", "M1", "M2", "M1"),
                    Arbitraries.integers().between(0, 6).map(String::valueOf), Arbitraries.of("0", "0", "0", "1"))
                    .as((t, a, age, sex, n, site, m, sich) -> List.of(List.of(t, a, age, sex, n, site, m, sich)));
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** Events and total of one arm: events never above the total, sometimes zero or all, sometimes huge. */
    static Arbitrary<String[]> counts() {
        Arbitrary<long[]> usual = Arbitraries.integers().between(1, 500).flatMap(n -> Arbitraries.integers().between(0, n).map(e -> new long[] {e, n}));
        Arbitrary<long[]> extreme = Arbitraries.of(new long[] {0, 10}, new long[] {10, 10}, new long[] {1, 1}, new long[] {0, 1},
                new long[] {10_000_000_000L, 100_000_000_000L}, new long[] {2_147_483_647L, 2_147_483_648L});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, usual), net.jqwik.api.Tuple.of(1, extreme))
                .map(x -> new String[] {String.valueOf(x[0]), String.valueOf(x[1])});
    }

    static Arbitrary<List<String>> mrsCounts() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 100_000))).map(String::valueOf).list().ofSize(7);
    }

    /**
     * Files of one kind: most written with care, some with a few hostile cells, some with a
     * structural fault (a missing column, an extra cell, a duplicated header name, blank lines, CRLF).
     */
    static Arbitrary<Input> files(String kind, int maxUnits) {
        return files(kind, 1, maxUnits);
    }

    static Arbitrary<Input> files(String kind, int minUnits, int maxUnits) {
        Arbitrary<List<List<List<String>>>> units = validUnit(kind).list().ofMinSize(minUnits).ofMaxSize(maxUnits);
        Arbitrary<Integer> fault = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(12, 0), net.jqwik.api.Tuple.of(4, 6), net.jqwik.api.Tuple.of(1, 1), net.jqwik.api.Tuple.of(1, 2),
                net.jqwik.api.Tuple.of(1, 3), net.jqwik.api.Tuple.of(1, 4), net.jqwik.api.Tuple.of(1, 5), net.jqwik.api.Tuple.of(1, 7));
        return Combinators.combine(units, fault, hostile().list().ofMinSize(1).ofMaxSize(3), Arbitraries.randoms()).as((us, f, bad, rnd) -> {
            List<String> header = new ArrayList<>(header(kind));
            List<List<String>> body = new ArrayList<>();
            for (List<List<String>> u : us) {
                for (List<String> r : u) {
                    body.add(new ArrayList<>(r));
                }
            }
            switch (f) {
                case 1 -> { // a required column missing
                    header.remove(1);
                    body.forEach(r -> r.remove(1));
                }
                case 2 -> body.get(0).add("9"); // a row with an extra cell
                case 3 -> header.set(header.size() - 1, header.get(0)); // a duplicated header name
                case 6 -> { // a few hostile cells
                    for (String v : bad) {
                        List<String> r = body.get(rnd.nextInt(body.size()));
                        r.set(rnd.nextInt(r.size()), csvCell(v));
                    }
                }
                case 7 -> body.clear(); // a header alone
                default -> { }
            }
            StringBuilder sb = new StringBuilder(String.join(",", header)).append('\n');
            for (int i = 0; i < body.size(); i++) {
                if (f == 4 && i == body.size() / 2) {
                    sb.append("\n\n"); // blank lines between data rows
                }
                sb.append(String.join(",", body.get(i))).append(f == 5 ? "\r\n" : "\n");
            }
            return new Input(kind, sb.toString(), body.size(), f == 0 || f == 4 || f == 5);
        });
    }

    @Provide
    Arbitrary<Input> studyFiles() {
        return Arbitraries.oneOf(files("binary", 12), files("continuous", 12), files("generic_vi", 12), files("generic_sei", 12),
                files("generic_ci", 12));
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
    Arbitrary<Input> ordinalFiles() {
        return files("ordinal", 6);
    }

    @Provide
    Arbitrary<String[]> ordinalCommands() {
        return Arbitraries.of(new String[] {"meta"}, new String[] {"meta", "--format", "json"}, new String[] {"meta", "--stage", "one"},
                new String[] {"meta", "--merge", "5-6", "--tau2", "DL"}, new String[] {"plot", "grotta"}, new String[] {"plot", "forest"});
    }

    @Provide
    Arbitrary<Input> patientFiles() {
        return Arbitraries.oneOf(files("ipd", 1, 20), files("ipd", 60, 200));
    }

    @Provide
    Arbitrary<String[]> patientCommands() {
        return Arbitraries.of(new String[] {"ipd", "--format", "json"}, new String[] {"ipd", "--covariates", "age,nihss", "--format", "json"},
                new String[] {"ipd", "--model", "mixed", "--format", "json"}, new String[] {"ipd", "--two-stage"},
                new String[] {"ipd", "--drop-empty", "--format", "json"}, new String[] {"ipd", "--merge", "5-6", "--format", "json"},
                new String[] {"ipd", "--binary", "0-2", "--interactions", "nihss", "--covariates", "nihss"});
    }

    @Provide
    Arbitrary<Input> strokeFiles() {
        return Arbitraries.oneOf(files("stroke", 1, 20), files("stroke", 60, 200));
    }

    // ---- properties ------------------------------------------------------------------------------

    @Property(tries = 400, edgeCases = EdgeCasesMode.MIXIN)
    void study_level_files_end_with_a_result_or_one_sentence(@ForAll("studyFiles") Input in, @ForAll("studyCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.label("why not analysed").collect(r.code() == Main.EXIT_INPUT ? gist(r.err()) : "analysed");
        // the generator must reach the analyses, not only the input checks
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 15));
        if (r.code() == 0 && cmd.length > 2 && cmd[0].equals("meta") && cmd[2].equals("json") && in.wellFormed()) {
            everyRowIsAccountedFor(in, r);
        }
    }

    @Property(tries = 120, edgeCases = EdgeCasesMode.MIXIN)
    void tabulated_mrs_files_end_with_a_result_or_one_sentence(@ForAll("ordinalFiles") Input in, @ForAll("ordinalCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 5));
    }

    @Property(tries = 80, edgeCases = EdgeCasesMode.MIXIN)
    void patient_level_files_end_with_a_result_or_one_sentence(@ForAll("patientFiles") Input in, @ForAll("patientCommands") String[] cmd) {
        Run r = run(in, cmd);
        Statistics.collect(r.code());
        Statistics.coverage(c -> c.check(0).percentage(p -> p >= 5));
        if (r.code() == 0 && cmd[cmd.length - 1].equals("json") && in.wellFormed()) {
            JsonNode j = parse(r.out());
            assertThat(j.path("patients").asInt() + j.path("excluded").asInt()).as("patients analysed + excluded").isEqualTo(in.rows());
        }
    }

    @Property(tries = 25, edgeCases = EdgeCasesMode.MIXIN)
    void thrombectomy_trial_files_end_with_a_report_or_one_sentence(@ForAll("strokeFiles") Input in) {
        Run r = run(in, new String[] {"report", "--skip-missing", "--out-dir", dir.toString(), "--name", "fuzz"});
        Statistics.label("report").collect(r.code());
        run(in, new String[] {"ipd", "--format", "json", "--binary", "0-2,sich"});
    }

    /** Runs a command on the input file and checks how it ended. */
    static Run run(Input in, String[] cmd) {
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
    static void everyRowIsAccountedFor(Input in, Run r) {
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
