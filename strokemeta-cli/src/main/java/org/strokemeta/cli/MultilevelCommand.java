package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.multivariate.Multilevel;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.MultilevelResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.MultivariateReport;

/** {@code strokemeta multilevel}: several effects per trial, nested random effects (metafor rma.mv). */
final class MultilevelCommand extends Command {
    @Override
    String name() {
        return "multilevel";
    }

    @Override
    String summary() {
        return "Multilevel model of several effects per trial (effects within trials within countries...): nested random effects, "
                + "moderators, REML or ML (as metafor's rma.mv).";
    }

    @Override
    String description() {
        return summary() + "\n\nThe input has one row per effect: yi and vi (or sei), the grouping columns of --random and the\n"
                + "moderators (numbers). A row with a missing value is left out and named by its line.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(
                Opt.value("--random", "FORMULA", "The nested random structure, outermost first, as in metafor: ~ 1 | study/es_id.",
                        "~ 1 | study/es_id"),
                Opt.value("--mods", "COLUMNS", "Moderator columns (comma-separated numbers; an intercept is always included).", null),
                Opt.value("--method", "REML|ML", "Estimation of the variance components.", "REML"),
                Opt.value("--test", "z|t", "z tests, or t tests with k - p df (and an F test of the moderators).", "z"),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.flag("--profile-ci", "Also the profile-likelihood confidence interval of each variance (metafor's confint)."),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MultilevelOptions o;
        try {
            o = new MultilevelOptions(MultilevelOptions.parseRandom(a.get("--random")), Options.split(a.get("--mods")),
                    MultilevelOptions.Method.parse(a.get("--method")), MultilevelOptions.Test.parse(a.get("--test")), a.number("--level"), a.flag("--profile-ci"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MultilevelResult r = Multilevel.fit(t, o);
        Options.write(a, out, format.equals("json") ? JsonReport.write(MultivariateReport.json(t.source(), r)) : MultivariateReport.text(r));
        return r.converged() ? 0 : 3;
    }
}
