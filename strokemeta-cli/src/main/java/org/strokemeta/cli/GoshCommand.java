package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.report.GoshReport;
import org.strokemeta.sensitivity.Gosh;
import org.strokemeta.sensitivity.GoshOptions;
import org.strokemeta.sensitivity.Sensitivity;
import org.strokemeta.study.MetaRequest;

/** {@code strokemeta gosh}: the model fitted to every subset of the studies, as metafor's gosh(). */
final class GoshCommand extends Command {
    static final Opt SUBSETS = Opt.value("--subsets", "N", "Fit every subset when there are at most N (2^k - 1), otherwise N random subsets "
            + "(at most " + GoshOptions.MAX_SUBSETS + ").", Integer.toString(GoshOptions.MAX_SUBSETS));
    static final Opt SEED = Opt.value("--seed", "S", "Seed of the random subsets.", "1");

    @Override
    String name() {
        return "gosh";
    }

    @Override
    String summary() {
        return "GOSH analysis: the pooled estimate, Q, I², H² and tau² of every subset of the studies (or of random subsets).";
    }

    @Override
    String description() {
        return summary() + "\n\nAs metafor's gosh() (Olkin, Dahabreh and Trikalinos 2012): the model is fitted to all 2^k - 1 subsets when\n"
                + "there are at most --subsets of them, otherwise to that many random subsets drawn with --seed (each study in with\n"
                + "probability 1/2). Text: the spread of the estimates and I² and each study's pull on them; csv: one row per subset\n"
                + "with a 0/1 column per study; json: every subset with its studies. The plot: strokemeta plot gosh.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(SUBSETS, SEED,
                Opt.value("--format", "text|json|csv", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    /** The GOSH analysis of a table with the command line's options. */
    static Gosh analyze(Args a, Table t) {
        MetaRequest req = Options.request(a);
        EffectSizes es = Meta.effects(t, req);
        GoshOptions g;
        try {
            g = GoshOptions.defaults().withSubsets(a.integer("--subsets")).withSeed((long) a.number("--seed"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--" + e.getMessage());
        }
        try {
            return Sensitivity.gosh(es, req.options(), g);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (" + es.size() + (es.size() == 1 ? " study" : " studies") + " in " + t.source() + ")");
        }
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, true);
        Table t = Options.read(a);
        Gosh g = analyze(a, t);
        switch (format) {
            case "json" -> Options.write(a, out, w -> GoshReport.json(t.source(), g, w));
            case "csv" -> Options.write(a, out, w -> GoshReport.csv(g, w));
            default -> Options.write(a, out, GoshReport.text(g));
        }
        return g.full().converged() && g.failed() == 0 ? 0 : Main.EXIT_INVALID;
    }
}
