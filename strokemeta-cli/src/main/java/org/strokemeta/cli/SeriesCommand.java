package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.SensitivityReport;
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
        return cumulative ? "Cumulative meta-analysis, studies added in file order."
                : "Leave-one-out analysis: the meta-analysis without each study in turn.";
    }

    @Override
    String description() {
        return cumulative ? "Cumulative meta-analysis (as metafor cumul): the studies are added one at a time in the order\n"
                + "of the file. Sort the file (for example by year) to see how the evidence accumulated."
                : "Leave-one-out analysis (as metafor leave1out): the meta-analysis repeated without each study in turn.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, Options.OUTPUT);
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        EffectSizes es = Meta.effects(t, req);
        MetaResult full = Meta.analyze(es, req).result();
        List<Sensitivity.Step> steps = cumulative ? Sensitivity.cumulative(es, req.options()) : Sensitivity.leaveOneOut(es, req.options());
        String text = format.equals("json")
                ? JsonReport.write(SensitivityReport.json(cumulative ? "cumulative" : "leave_one_out", t.source(), full, steps))
                : cumulative ? SensitivityReport.text("Cumulative meta-analysis (in file order)", "Study added", full, steps)
                : SensitivityReport.text("Leave-one-out analysis", "Study left out", full, steps);
        Options.write(a, out, text);
        boolean invalid = !full.converged() || steps.stream().anyMatch(s -> !s.result().converged());
        return invalid ? Main.EXIT_INVALID : 0;
    }
}
