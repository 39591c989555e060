package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.Shift;
import org.strokemeta.data.Table;
import org.strokemeta.regression.PermutationTest;
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
            Opt.value("--permutations", "exact|N", "Permutation test of the meta-regression: all distinct permutations, or N random ones (2 to 1,000,000; the test stops after 10 minutes and says so).", null),
            Opt.value("--seed", "S", "Seed of the random permutations.", "1"));

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
        Table t = Options.read(a);
        if (DataKind.of(t) == DataKind.MRS_TABLE) {
            return shift(a, t, out, format);
        }
        String by = a.get("--by");
        MetaRequest req = Options.request(a).withBy(by)
                .withSubgroup(a.get("--subgroup"))
                .withSubgroupTest(SubgroupTest.parse(a.get("--subgroup-test")))
                .withModerators(Options.split(a.get("--moderators")));
        if (by != null && format.equals("text")) {
            // the one-line-per-analysis table does not show the tau² interval: do not compute it
            req = req.withTau2Ci(false);
        }
        String perms = a.get("--permutations");
        if (perms != null) {
            int n = perms.trim().equalsIgnoreCase("exact") ? MetaRequest.EXACT : permutations(perms);
            req = req.withPermutations(n, (long) a.number("--seed"));
        }
        List<MetaRun.Outcome> outcomes = Meta.analyze(t, req);
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
}
