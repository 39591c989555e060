package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.Shift;
import org.strokemeta.data.Table;
import org.strokemeta.regression.PermutationTest;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.regression.RegressionTests;
import org.strokemeta.report.RegressionTestsReport;
import org.strokemeta.report.CsvReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.TextReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.data.DataKind;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.report.ShiftReport;
import org.strokemeta.study.MetaRun;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftSubgroups;
import org.strokemeta.study.ShiftRequest;
import org.strokemeta.subgroup.SubgroupTest;

/** {@code strokemeta meta}: pooled meta-analysis of study-level data, one or many. */
final class MetaCommand extends Command {
    static final Opt BY = Opt.value("--by", "COLUMN", "Run one meta-analysis per value of this column (batch mode).", null);

    @Override
    String name() {
        return "meta";
    }

    @Override
    String summary() {
        return "Meta-analysis of study-level data: effects, pooled estimate, heterogeneity.";
    }

    @Override
    String description() {
        return "Meta-analysis of study-level data: per-study effects, pooled estimate, heterogeneity and\n"
                + "prediction interval. With --by, one analysis per value of a column (many outcomes or reviews in one file).";
    }

    static final List<Opt> MODELS = List.of(
            Opt.value("--subgroup", "COLUMN", "Subgroup analysis by the values of this column, with the test for subgroup differences.", null),
            Opt.value("--subgroup-test", "separate|common", "Test for subgroup differences: Q between subgroups pooled with their own "
                    + "tau² (separate; as RevMan), or the moderator test of a meta-regression with one common tau² (common).", "separate"),
            Opt.value("--moderators", "A,B", "Meta-regression on these columns (numeric, or text columns as indicator variables).", null),
            Opt.value("--permutations", "exact|N", "Permutation test of the meta-regression (all distinct permutations, or N random ones: 2 to "
                    + "1,000,000; the test stops after 10 minutes and says so); without --moderators, the sign-flip test of the average effect "
                    + "(exact: 2^k refits, up to 20 studies).", null),
            Opt.value("--seed", "S", "Seed of the random permutations.", "1"),
            Opt.value("--outcome", "ID", "A RevMan review's outcome (comparison.outcome, e.g. 1.2); without it the review's outcomes are listed. "
                    + "RevMan's method (measure, Mantel-Haenszel/inverse variance/Peto, fixed or random) applies unless given.", null),
            Opt.value("--revman", "FILE.rm5", "Also write the analysis as a RevMan 5 review (.rm5) that RevMan 5 opens and RevMan Web imports: "
                    + "the studies' data (dichotomous or continuous, in subgroups with --subgroup, one outcome per group with --by) and the results "
                    + "as RevMan computes them.", null),
            Opt.value("--revman-labels", "TITLE|COMPARISON|OUTCOME|EXPERIMENTAL|CONTROL", "Names in the RevMan review, separated by '|' "
                    + "(blank parts keep RevMan's placeholders).", null),
            Opt.flag("--permci", "With --permutations exact and no moderators: the permutation-based confidence interval of the average "
                    + "effect (metafor's permutest permci)."),
            Opt.value("--test-coefficients", "LIST", "Meta-regression: Wald test that these coefficients are all zero (positions from 1 = "
                    + "intercept, or names such as ablat), as metafor anova(res, btt=).", null),
            Opt.value("--contrasts", "W;W", "Meta-regression: linear combinations of the coefficients to test, each a comma-separated row of "
                    + "weights (one per coefficient), rows separated by ';' (metafor anova(res, X=)).", null),
            Opt.value("--predict", "X;X", "Meta-regression: predicted effects at these moderator values (comma-separated, in design order), "
                    + "rows separated by ';' (metafor predict(res, newmods=)).", null),
            Opt.flag("--lrt", "Meta-regression: likelihood-ratio test against the model without moderators (fit both by ML: --tau2 ML)."),
            Opt.value("--cluster", "COLUMN", "Cluster-robust inference for several effects per trial: the column naming each effect's "
                    + "cluster (metafor's robust()).", null),
            Opt.value("--robust", "CR1|CR0|CR2", "With --cluster: the sandwich estimator: CR1 (metafor's default, factor n/(n-p)), CR0, or "
                    + "CR2 with Satterthwaite degrees of freedom and the HTZ test (clubSandwich).", "CR1"));

    static final List<Opt> ORDINAL = List.of(
            Opt.value("--stage", "two|one", "Ordinal (mRS shift) data: a common odds ratio per trial then pooled (two), or one "
                    + "proportional-odds model over all trials (one).", "two"),
            Opt.value("--thresholds", "stratified|common", "Ordinal, one stage: cut-points per trial or common to all.", "stratified"),
            Opt.value("--merge", "A-B", "Ordinal: merge outcome categories A to B before fitting (for example 5-6).", null),
            Opt.value("--utility", "WEIGHTS", "Ordinal: utility weights of the utility-weighted mRS: chaisinanunkul2015 or dawn.", "chaisinanunkul2015"),
            Opt.flag("--no-po-test", "Ordinal: skip the test of the proportional-odds assumption."));

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(BY), Options.ANALYSIS, MODELS, ORDINAL, Options.OUTPUT);
    }

    /** Tabulated mRS distributions (study, arm, mrs0..mrs6): the ordinal shift analysis. */
    private int shift(Args a, Table t, PrintWriter out, String format) {
        if (a.get("--by") != null || a.get("--moderators") != null) {
            throw new UsageException("--by and --moderators are not available for tabulated ordinal data");
        }
        if (format.equals("csv")) {
            throw new UsageException("csv output is for pooled binary, continuous or generic data; use --format json");
        }
        ShiftRequest r = ShiftRequest.defaults().withTwoStage(!a.get("--stage").equalsIgnoreCase("one"))
                .withThresholds(Thresholds.parse(a.get("--thresholds"))).withMerge(Options.merge(a.get("--merge")))
                .withPoTest(!a.flag("--no-po-test")).withUtility(UtilityWeights.parse(a.get("--utility"))).withOptions(Options.metaOptions(a));
        if (a.get("--subgroup") != null) {
            if (!r.twoStage()) {
                throw new UsageException("--subgroup with tabulated ordinal data needs the two-stage analysis (leave out --stage one)");
            }
            ShiftSubgroups s = Shift.subgroups(t, a.get("--subgroup"), r, SubgroupTest.parse(a.get("--subgroup-test")));
            Options.write(a, out, format.equals("json") ? JsonReport.write(ShiftReport.json(s)) : ShiftReport.text(s));
            return s.pooled().groups().stream().allMatch(g -> g.result().converged()) ? 0 : Main.EXIT_INVALID;
        }
        ShiftAnalysis.Outcome o = Shift.analyze(t, r);
        Options.write(a, out, format.equals("json") ? JsonReport.write(ShiftReport.json(o)) : ShiftReport.text(o));
        return o.valid() ? 0 : Main.EXIT_INVALID;
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, true);
        Engine engine = a.engine();
        Engine.Input input = null;
        org.strokemeta.formats.RevMan.Outcome rm5 = null;
        Table t;
        if (engine != null) {
            if (a.get("--revman") != null || a.get("--outcome") != null) {
                throw new UsageException("--revman and --outcome write and read RevMan files: run them with ./strokemeta");
            }
            input = Options.engineInput(a);
            // one analysis takes the (study-level) data in one place; --by runs the groups where the data are
            t = a.get("--by") == null ? engine.table(input) : engine.header(input);
        } else {
            rm5 = revman(a);
            t = rm5 != null ? rm5.table() : Options.read(a);
        }
        if (DataKind.of(t) == DataKind.MRS_TABLE) {
            if (a.get("--revman") != null) {
                throw new UsageException("--revman writes dichotomous or continuous study data; RevMan has no ordinal (mRS shift) outcome");
            }
            return shift(a, t, out, format);
        }
        String by = a.get("--by");
        MetaRequest req = Options.request(a);
        if (rm5 != null) {
            req = revmanMethod(a, req, rm5.stored());
        }
        // a RevMan outcome in subgroups is analysed in them, as RevMan shows it
        String subgroup = a.get("--subgroup") == null && rm5 != null && t.has("subgroup") ? "subgroup" : a.get("--subgroup");
        req = req.withBy(by)
                .withSubgroup(subgroup)
                .withSubgroupTest(SubgroupTest.parse(a.get("--subgroup-test")))
                .withModerators(Options.split(a.get("--moderators")));
        if (by != null && format.equals("text")) {
            // the one-line-per-analysis table does not show the tau² interval: do not compute it
            req = req.withTau2Ci(false);
        }
        if (a.get("--cluster") != null) {
            org.strokemeta.regression.RobustInference.Method method;
            try {
                method = org.strokemeta.regression.RobustInference.Method.parse(a.get("--robust"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--robust must be CR1, CR0 or CR2, not '" + a.get("--robust") + "'");
            }
            req = req.withRobust(new MetaRequest.Robust(a.get("--cluster"), method));
        }
        String perms = a.get("--permutations");
        if (perms != null) {
            int n = perms.trim().equalsIgnoreCase("exact") ? MetaRequest.EXACT : permutations(perms);
            req = req.withPermutations(n, (long) a.number("--seed"));
        }
        if (a.flag("--permci")) {
            if (req.permutations() != MetaRequest.EXACT) {
                throw new UsageException("--permci needs the exact permutation test: give --permutations exact");
            }
            req = req.withPermutationCi(true);
        }
        if (a.get("--revman") != null) {
            revmanExport(a, t, req, rm5, err);
        }
        List<MetaRun.Outcome> outcomes = engine != null && by != null ? engine.meta(input, req) : Meta.analyze(t, req);
        boolean tests = a.get("--test-coefficients") != null || a.get("--contrasts") != null || a.get("--predict") != null || a.flag("--lrt");
        if (tests) {
            if (req.moderators().isEmpty() || by != null) {
                throw new UsageException("--test-coefficients, --contrasts, --predict and --lrt belong to one meta-regression: give --moderators"
                        + (by != null ? ", without --by" : ""));
            }
            MetaRun.Outcome o = outcomes.get(0);
            RegressionTestsReport.Parts parts = regressionTests(a, o, req);
            if (format.equals("csv")) {
                throw new UsageException("the tests of a meta-regression are printed as text or JSON, not CSV");
            }
            if (format.equals("json")) {
                com.fasterxml.jackson.databind.node.ObjectNode doc = JsonReport.document(t.source(), req, outcomes);
                ((com.fasterxml.jackson.databind.node.ObjectNode) doc.path("results").get(0).path("metaregression"))
                        .set("regression_tests", RegressionTestsReport.json(parts));
                Options.write(a, out, JsonReport.write(doc));
            } else {
                Options.write(a, out, TextReport.outcome(o, Options.maxRows(a)) + RegressionTestsReport.text(o.regression(), parts));
            }
            return o.valid() ? 0 : Main.EXIT_INVALID;
        }
        if (format.equals("json")) {
            MetaRequest request = req;
            Options.write(a, out, w -> JsonReport.write(t.source(), request, outcomes, w),
                    o -> JsonReport.write(t.source(), request, outcomes, o));
        } else if (format.equals("csv")) {
            MetaRequest request = req;
            Options.write(a, out, w -> CsvReport.batch(outcomes, w), o -> CsvReport.batch(outcomes, o, request.execution()));
        } else {
            Options.write(a, out, by == null ? TextReport.outcome(outcomes.get(0), Options.maxRows(a)) : TextReport.batch(outcomes, by));
        }
        boolean invalid = outcomes.stream().anyMatch(o -> !o.valid());
        return invalid ? Main.EXIT_INVALID : 0;
    }

    private static RegressionTestsReport.Parts regressionTests(Args a, MetaRun.Outcome o, MetaRequest req) {
        RegressionResult r = o.regression();
        List<String> names = r.names();
        org.strokemeta.regression.OmnibusTest coef = null;
        if (a.get("--test-coefficients") != null) {
            List<String> items = Options.split(a.get("--test-coefficients"));
            int[] btt = new int[items.size()];
            for (int i = 0; i < btt.length; i++) {
                String s = items.get(i).trim();
                int pos = names.indexOf(s);
                if (pos < 0) {
                    try {
                        pos = Integer.parseInt(s) - 1;
                    } catch (NumberFormatException e) {
                        throw new UsageException("--test-coefficients: no coefficient '" + s + "' (the model's coefficients: "
                                + String.join(", ", names) + "; or give positions from 1)");
                    }
                }
                btt[i] = pos;
            }
            try {
                coef = RegressionTests.coefficients(r, btt);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--test-coefficients: " + e.getMessage() + " (" + String.join(", ", names) + ")");
            }
        }
        RegressionTests.LinearTests linear = null;
        if (a.get("--contrasts") != null) {
            try {
                linear = RegressionTests.linear(r, rows(a.get("--contrasts"), "--contrasts"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--contrasts: " + e.getMessage() + " (coefficients: " + String.join(", ", names) + ")");
            }
        }
        List<RegressionTests.Prediction> predictions = List.of();
        if (a.get("--predict") != null) {
            try {
                predictions = RegressionTests.predict(r, rows(a.get("--predict"), "--predict"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--predict: " + e.getMessage());
            }
        }
        RegressionTests.LikelihoodRatio lrt = null;
        if (a.flag("--lrt")) {
            lrt = RegressionTests.lrt(r, Meta.analyze(r.effects(), req.withModerators(List.of()).withSubgroup(null)).result());
        }
        return new RegressionTestsReport.Parts(coef, linear, predictions, lrt);
    }

    /** Rows of numbers: rows separated by ';', values by ','. */
    private static double[][] rows(String text, String option) {
        String[] parts = text.split(";");
        double[][] out = new double[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            String[] v = parts[i].trim().split(",");
            out[i] = new double[v.length];
            for (int j = 0; j < v.length; j++) {
                try {
                    out[i][j] = Double.parseDouble(v[j].trim());
                } catch (NumberFormatException e) {
                    throw new UsageException(option + ": '" + v[j].trim() + "' in row " + (i + 1) + " is not a number");
                }
            }
        }
        return out;
    }

    /** The number of random permutations: a whole number from 2 to {@link PermutationTest#MAX_PERMUTATIONS}. */
    static int permutations(String value) {
        String what = "the option --permutations needs 'exact' or a whole number of permutations from 2 to "
                + String.format(java.util.Locale.ROOT, "%,d", PermutationTest.MAX_PERMUTATIONS) + ", not '" + value + "'";
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(what);
        }
        if (n < 2 || n > PermutationTest.MAX_PERMUTATIONS) {
            throw new UsageException(what);
        }
        return (int) n;
    }

    /** Writes the analysis as a RevMan 5 review (--revman FILE), saying on err what RevMan computes differently. */
    private static void revmanExport(Args a, Table t, MetaRequest req, org.strokemeta.formats.RevMan.Outcome source, PrintWriter err) {
        String[] l = a.get("--revman-labels") == null ? new String[0] : a.get("--revman-labels").split("\\|", -1);
        if (l.length > 5) {
            throw new UsageException("--revman-labels takes at most five names separated by '|': title|comparison|outcome|experimental|control");
        }
        String[] n = java.util.Arrays.copyOf(l, 5);
        if (source != null) {
            n[1] = n[1] == null || n[1].isBlank() ? source.comparison() : n[1];
            n[2] = n[2] == null || n[2].isBlank() ? source.name() : n[2];
            n[3] = n[3] == null || n[3].isBlank() ? source.groups().get(0) : n[3];
            n[4] = n[4] == null || n[4].isBlank() ? source.groups().get(1) : n[4];
        }
        var labels = new org.strokemeta.formats.RevManExport.Labels(n[0], n[1], n[2], n[3], n[4]);
        var result = org.strokemeta.formats.RevManExport.write(t, req, labels);
        java.nio.file.Path file = a.path("--revman");
        try {
            org.strokemeta.data.FileProblem.checkWritable(file);
            java.nio.file.Files.write(file, result.xml());
        } catch (java.io.IOException e) {
            throw org.strokemeta.data.FileProblem.writing(file, e);
        }
        for (String note : result.notes()) {
            err.println("RevMan review: " + note);
        }
        err.println("Wrote " + file + " (RevMan 5 review, " + result.analyses().size() + " outcome" + (result.analyses().size() == 1 ? "" : "s") + ")");
        err.flush();
    }

    /** A RevMan review's outcome (--input review.rm5 --outcome 1.2), or null for other input. */
    private static org.strokemeta.formats.RevMan.Outcome revman(Args a) {
        java.nio.file.Path in = a.path("--input");
        if (in == null) {
            return null;
        }
        org.strokemeta.formats.FileFormat f = a.get("--input-format") != null ? org.strokemeta.formats.FileFormat.parse(a.get("--input-format"))
                : in.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".rm5") ? org.strokemeta.formats.FileFormat.RM5
                : in.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? org.strokemeta.formats.FileFormat.CDP : null;
        boolean rm5 = f == org.strokemeta.formats.FileFormat.RM5 || f == org.strokemeta.formats.FileFormat.CDP;
        if (!rm5) {
            if (a.get("--outcome") != null) {
                throw new UsageException("--outcome chooses an outcome of a RevMan review (.rm5)");
            }
            return null;
        }
        String name = in.getFileName().toString();
        if (f == org.strokemeta.formats.FileFormat.CDP && !name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            name += ".zip";
        }
        return org.strokemeta.formats.RevMan.outcome(name, ReportCommand.readFile(in), a.get("--outcome"));
    }

    /**
     * The method RevMan used for the outcome, where the user did not choose: its measure, fixed effect by Mantel-Haenszel,
     * inverse variance or Peto, or random effects by DerSimonian-Laird.
     */
    private static MetaRequest revmanMethod(Args a, MetaRequest req, org.strokemeta.formats.RevMan.Stored s) {
        if (!a.given("--measure")) {
            String m = switch (s.measure().toUpperCase(java.util.Locale.ROOT)) {
                case "PETO_OR" -> "PETO";
                case "OR", "RR", "RD", "MD", "SMD" -> s.measure().toUpperCase(java.util.Locale.ROOT);
                default -> null;
            };
            if (m != null) {
                req = req.withMeasure(org.strokemeta.effect.Measure.parse(m));
            }
        }
        var o = req.options();
        if (!a.given("--model")) {
            o = o.withModel(s.random() ? org.strokemeta.pool.Model.RANDOM : org.strokemeta.pool.Model.FIXED);
        }
        if (!a.given("--fixed-method") && !s.random()) {
            o = o.withFixedMethod(switch (s.method()) {
                case "MH" -> org.strokemeta.pool.FixedMethod.MH;
                case "PETO" -> org.strokemeta.pool.FixedMethod.PETO;
                default -> org.strokemeta.pool.FixedMethod.IV;
            });
        }
        if (!a.given("--tau2") && s.random()) {
            o = o.withTau2(org.strokemeta.pool.Tau2Method.DL);
        }
        return req.withOptions(o);
    }
}
