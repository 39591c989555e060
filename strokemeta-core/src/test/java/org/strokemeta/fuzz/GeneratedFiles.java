package org.strokemeta.fuzz;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generated CSV files of every input kind for the fuzz suites of the command line and the web
 * application: mostly written with care (valid, possibly extreme values), some with hostile cells,
 * some with a broken structure.
 */
public final class GeneratedFiles {
    private GeneratedFiles() {
    }

    /**
     * A generated input file.
     *
     * @param kind    the kind of data the header describes
     * @param csv     the file's text
     * @param rows    its data rows (lines that are neither the header nor blank)
     * @param wellFormed true when the generator broke no structural rule (then a result must account for every row)
     */
    public record Input(String kind, String csv, int rows, boolean wellFormed) {
        @Override
        public String toString() {
            return kind + " (" + rows + " rows):\n" + (csv.length() > 2_000 ? csv.substring(0, 2_000) + "..." : csv);
        }
    }

    // ---- values ----------------------------------------------------------------------------------

    /** Values a careless or hostile file holds in a numeric cell. */
    public static Arbitrary<String> hostile() {
        return Arbitraries.of("", " ", "NA", "na", ".", "-", "abc", "1..2", "1e308", "-1e308", "1e-308", "4.9e-324", "1e10", "1e15",
                "-1", "0", "-0", "0.0", "NaN", "Infinity", "-Infinity", "1,5", "1 000", "\"2\"", "0x1F", "+3", "1e", "e5", "3.", ".5",
                "99999999999999999999", "=1+1", "<script>alert(1)</script>", "Étude Zürich", "\"a,b\"", "\"\"\"\"", "１２");
    }

    public static Arbitrary<String> label() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of("A", "B", "C", "D", "Trial 1", "Trial 2", "MR CLEAN", "ESCAPE")),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(12)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", "\"x, y\"", "<b>&amp;</b>", "Étude Zürich", "'; DROP TABLE x;--",
                        "x".repeat(5_000), "\"He said \"\"no\"\"\""))).map(GeneratedFiles::csvCell);
    }

    /** A cell as it must be written in CSV (quoted when it holds a comma, quote or line end, unless already quoted). */
    public static String csvCell(String s) {
        if (s.startsWith("\"") && s.endsWith("\"") && s.length() > 1) {
            return s;
        }
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    // ---- files -----------------------------------------------------------------------------------

    public static Arbitrary<String> num(double lo, double hi, int decimals) {
        double f = Math.pow(10, decimals);
        return Arbitraries.doubles().between(lo, hi).ofScale(6).map(d -> {
            double v = Math.round(d * f) / f;
            return decimals == 0 ? String.valueOf((long) v) : String.valueOf(v);
        });
    }

    public static Arbitrary<String> extremeOr(Arbitrary<String> usual, String... extremes) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, usual), net.jqwik.api.Tuple.of(1, Arbitraries.of(extremes)));
    }

    /** The header of a kind of file. */
    public static List<String> header(String kind) {
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
    public static Arbitrary<List<List<String>>> validUnit(String kind) {
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
    public static Arbitrary<String[]> counts() {
        Arbitrary<long[]> usual = Arbitraries.integers().between(1, 500).flatMap(n -> Arbitraries.integers().between(0, n).map(e -> new long[] {e, n}));
        Arbitrary<long[]> extreme = Arbitraries.of(new long[] {0, 10}, new long[] {10, 10}, new long[] {1, 1}, new long[] {0, 1},
                new long[] {10_000_000_000L, 100_000_000_000L}, new long[] {2_147_483_647L, 2_147_483_648L});
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, usual), net.jqwik.api.Tuple.of(1, extreme))
                .map(x -> new String[] {String.valueOf(x[0]), String.valueOf(x[1])});
    }

    public static Arbitrary<List<String>> mrsCounts() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.integers().between(0, 80)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0, 1, 100_000))).map(String::valueOf).list().ofSize(7);
    }

    /**
     * Files of one kind: most written with care, some with a few hostile cells, some with a
     * structural fault (a missing column, an extra cell, a duplicated header name, blank lines, CRLF).
     */
    public static Arbitrary<Input> files(String kind, int maxUnits) {
        return files(kind, 1, maxUnits);
    }

    public static Arbitrary<Input> files(String kind, int minUnits, int maxUnits) {
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

}
