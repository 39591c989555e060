package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.SensitivityReport;
import org.strokemeta.sensitivity.CumulativeOptions;
import org.strokemeta.sensitivity.Sensitivity;
import org.strokemeta.study.MetaRequest;

/** {@code strokemeta loo} and {@code strokemeta cumulative}: sensitivity series. */
final class SeriesCommand extends Command {
    private final boolean cumulative;

    SeriesCommand(boolean cumulative) {
        this.cumulative = cumulative;
    }

    @Override
    String name() {
        return cumulative ? "cumulative" : "loo";
    }

    @Override
    List<String> aliases() {
        return cumulative ? List.of("cumul") : List.of("leave-one-out");
    }

    @Override
    String summary() {
        return cumulative ? "Cumulative meta-analysis, studies added in file order or by a column (--order), ties one by one or together."
                : "Leave-one-out analysis: the meta-analysis without each study in turn.";
    }

    @Override
    String description() {
        return cumulative ? "Cumulative meta-analysis (as metafor cumul): the studies are added one at a time in the order\n"
                + "of the file, or sorted by a column with --order (for example the year of publication; ties keep the\n"
                + "file's order, studies without a value are left out with a note). With --collapse the studies that\n"
                + "share a value are added in one step, named by that value (metafor's collapse = TRUE)."
                : "Leave-one-out analysis (as metafor leave1out): the meta-analysis repeated without each study in turn.";
    }

    @Override
    List<Opt> options() {
        if (!cumulative) {
            return Options.concat(Options.INPUT, Options.ANALYSIS, Options.OUTPUT);
        }
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--order", "COLUMN", "Add the studies sorted by this column (numbers by value, text in character order).", null),
                Opt.flag("--decreasing", "With --order: from the largest value."),
                Opt.flag("--collapse", "With --order: add the studies that share a value together, one step per value.")), Options.OUTPUT);
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        EffectSizes es = Meta.effects(t, req);
        MetaResult full = Meta.analyze(es, req).result();
        List<Sensitivity.Step> steps;
        String text;
        if (cumulative) {
            Sensitivity.Cumulative c = Sensitivity.cumulative(es, req.options(), cumulativeOptions(a));
            steps = c.steps();
            text = format.equals("json") ? JsonReport.write(SensitivityReport.json(t.source(), full, c)) : SensitivityReport.text(full, c);
        } else {
            steps = Sensitivity.leaveOneOut(es, req.options());
            text = format.equals("json") ? JsonReport.write(SensitivityReport.json("leave_one_out", t.source(), full, steps))
                    : SensitivityReport.text("Leave-one-out analysis", "Study left out", full, steps);
        }
        Options.write(a, out, text);
        boolean invalid = !full.converged() || steps.stream().anyMatch(s -> !s.result().converged());
        return invalid ? Main.EXIT_INVALID : 0;
    }

    private static CumulativeOptions cumulativeOptions(Args a) {
        if (a.get("--order") == null) {
            if (a.flag("--collapse") || a.flag("--decreasing")) {
                throw new UsageException((a.flag("--collapse") ? "--collapse" : "--decreasing") + " needs --order COLUMN (the column whose values "
                        + "order the studies)");
            }
            return CumulativeOptions.defaults();
        }
        return CumulativeOptions.defaults().withOrder(a.get("--order")).withDecreasing(a.flag("--decreasing")).withCollapse(a.flag("--collapse"));
    }
}
