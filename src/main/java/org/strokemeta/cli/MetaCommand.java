package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.report.CsvReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.TextReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

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

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(BY), Options.ANALYSIS, Options.OUTPUT);
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, true);
        Table t = Options.read(a);
        String by = a.get("--by");
        MetaRequest req = Options.request(a).withBy(by);
        List<MetaRun.Outcome> outcomes = MetaRun.run(t, req);
        String text = switch (format) {
            case "json" -> JsonReport.write(JsonReport.document(t.source(), req, outcomes));
            case "csv" -> CsvReport.batch(outcomes);
            default -> by == null ? TextReport.meta(outcomes.get(0).result(), Options.maxRows(a)) : TextReport.batch(outcomes, by);
        };
        Options.write(a, out, text);
        boolean invalid = outcomes.stream().anyMatch(o -> o.failed() || !o.result().converged());
        return invalid ? Main.EXIT_INVALID : 0;
    }
}
