package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.report.InfluenceReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.sensitivity.Influence;
import org.strokemeta.sensitivity.StudyDiagnostics;
import org.strokemeta.study.MetaRequest;

/** {@code strokemeta influence}: case diagnostics of the model, as metafor's influence() and baujat(). */
final class InfluenceCommand extends Command {
    @Override
    String name() {
        return "influence";
    }

    @Override
    String summary() {
        return "Influence diagnostics of each study (studentised residuals, DFFITS, Cook's distance, hat values, DFBETAS, Baujat coordinates), "
                + "residuals and BLUPs.";
    }

    @Override
    String description() {
        return summary() + "\n\nAs metafor's influence() and baujat() for a model without moderators: every quantity \"without study i\"\n"
                + "refits the model on the other studies with the same options. A study is flagged influential (*) by metafor's\n"
                + "criteria. Then, as rstandard(), blup() and ranef(): residuals, standardised residuals, the predicted true effect\n"
                + "of each study with its prediction interval, and its random effect. The Baujat plot: strokemeta plot baujat.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--format", "text|json|csv", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, true);
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        EffectSizes es = Meta.effects(t, req);
        Influence inf;
        try {
            inf = Meta.influence(es, req);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (" + es.size() + (es.size() == 1 ? " study" : " studies") + " in " + t.source() + ")");
        }
        StudyDiagnostics d = Meta.diagnostics(inf.full());
        String text = switch (format) {
            case "json" -> JsonReport.write(InfluenceReport.json(t.source(), inf, d));
            case "csv" -> InfluenceReport.csv(inf, d);
            default -> InfluenceReport.text(inf, d);
        };
        Options.write(a, out, text);
        return inf.full().converged() ? 0 : Main.EXIT_INVALID;
    }
}
