package org.strokemeta.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * {@code strokemeta selftest}: runs every kind of analysis once on the bundled data and checks that
 * each ends without error. It is a smoke test of an installation, and the launcher runs it once
 * after each build to record the class-data-sharing archive that makes later starts fast.
 */
final class SelfTestCommand extends Command {
    static final List<List<String>> RUNS = List.of(
            List.of("meta", "--example", "bcg"),
            List.of("meta", "--example", "bcg", "--format", "json"),
            List.of("meta", "--example", "bcg", "--by", "alloc", "--tau2", "DL"),
            List.of("meta", "--example", "bcg", "--by", "alloc", "--format", "csv"),
            List.of("meta", "--example", "bcg", "--subgroup", "alloc", "--moderators", "ablat", "--permutations", "200"),
            List.of("meta", "--example", "hine", "--model", "fixed", "--fixed-method", "MH"),
            List.of("meta", "--example", "normand", "--ci", "knha"),
            List.of("meta", "--example", "mrs_sim"),
            List.of("bias", "--example", "hackshaw"),
            List.of("loo", "--example", "bcg"),
            List.of("cumulative", "--example", "bcg", "--format", "json"),
            List.of("ipd", "--example", "ipd_sim", "--covariates", "age,nihss,sex", "--interactions", "nihss"),
            List.of("ipd", "--example", "ipd_sim", "--covariates", "age,nihss", "--model", "mixed", "--binary", "0-2",
                    "--binary-model", "random", "--format", "json"),
            List.of("ipd", "--example", "hermes_sim", "--covariates", "age,nihss,m2", "--model", "mixed", "--binary", "0-2,sich"),
            List.of("mixed", "--example", "hermes_sim", "--formula", "mrs90 ~ arm * occlusion_site + age + (1 | trial)"),
            List.of("bayes", "--example", "hine", "--measure", "OR", "--tau-prior", "half-normal:0.5", "--prob-above", "1,1.2"),
            List.of("tsa", "--example", "hine", "--measure", "RR", "--control-risk", "0.07", "--rrr", "0.5", "--futility"),
            List.of("network", "--example", "af_stroke_nma", "--small-better"),
            List.of("glmm", "--example", "hine", "--model", "UM.RS"),
            List.of("power", "--cor", "2", "--simulations", "50"),
            List.of("dictionary"),
            List.of("evidence", "--format", "json"));

    @Override
    String name() {
        return "selftest";
    }

    @Override
    String summary() {
        return "Run every kind of analysis once on the bundled data (a smoke test of the installation).";
    }

    @Override
    List<Opt> options() {
        return List.of();
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        int failed = 0;
        for (List<String> args : RUNS) {
            StringWriter o = new StringWriter();
            StringWriter e = new StringWriter();
            int code = Main.run(args.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
            if (code != 0) {
                failed++;
                out.println("FAIL (exit " + code + "): strokemeta " + String.join(" ", args));
                out.print(e);
            }
        }
        // the report writes files: into a temporary directory, removed afterwards
        java.nio.file.Path dir = null;
        try {
            dir = java.nio.file.Files.createTempDirectory("strokemeta-selftest");
            for (String[] report : new String[][] {{"report", "--out-dir", dir.toString()}, {"report", "--published", "--out-dir", dir.toString()}}) {
                StringWriter e = new StringWriter();
                int code = Main.run(report, new PrintWriter(new StringWriter()), new PrintWriter(e));
                if (code != 0) {
                    failed++;
                    out.println("FAIL (exit " + code + "): strokemeta " + String.join(" ", report).replace(" --out-dir " + dir, ""));
                    out.print(e);
                }
            }
            failed += batch(dir, out);
        } catch (java.io.IOException ex) {
            failed++;
            out.println("FAIL: no temporary directory for the report: " + ex.getMessage());
        } finally {
            deleteTree(dir);
        }
        int total = RUNS.size() + 2 + BATCH_FORMATS.size();
        out.println("selftest: " + (total - failed) + " of " + total + " analyses ran without error");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    static final List<String> BATCH_FORMATS = List.of("json", "csv");

    /**
     * A batch of more analyses than a document shows indented (150 generated 2x2 meta-analyses) written to
     * files in JSON and CSV, the path of large batches; returns the number of runs that failed.
     */
    private static int batch(java.nio.file.Path dir, PrintWriter out) throws java.io.IOException {
        StringBuilder csv = new StringBuilder("review,study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (int g = 0; g < 150; g++) {
            for (int s = 0; s < 4; s++) {
                csv.append(g).append(",s").append(s).append(',').append(3 + (g + s) % 9).append(",50,")
                        .append(5 + (g * s) % 11).append(",52\n");
            }
        }
        java.nio.file.Path in = dir.resolve("batch.csv");
        java.nio.file.Files.writeString(in, csv);
        int failed = 0;
        for (String format : BATCH_FORMATS) {
            String[] args = {"meta", "--input", in.toString(), "--by", "review", "--format", format,
                "--out", dir.resolve("batch." + format).toString()};
            StringWriter e = new StringWriter();
            int code = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(e));
            if (code != 0) {
                failed++;
                out.println("FAIL (exit " + code + "): strokemeta meta --by review --format " + format + " (150 analyses)");
                out.print(e);
            }
        }
        return failed;
    }

    private static void deleteTree(java.nio.file.Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            for (java.nio.file.Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(p);
            }
        } catch (java.io.IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
