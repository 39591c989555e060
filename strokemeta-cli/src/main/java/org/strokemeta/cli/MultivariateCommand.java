package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.Multivariate;
import org.strokemeta.multivariate.MultivariateOptions;
import org.strokemeta.multivariate.MultivariateResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.MultivariateReport;

/** {@code strokemeta multivariate}: several outcomes per trial with known within-trial covariances (metafor rma.mv). */
final class MultivariateCommand extends Command {
    @Override
    String name() {
        return "multivariate";
    }

    @Override
    String summary() {
        return "Multivariate model of several outcomes per trial (mRS 0-2, death, sICH; or time points) with within-trial "
                + "covariances and a CS, HCS, UN or DIAG between-trial covariance (as metafor's rma.mv).";
    }

    @Override
    String description() {
        return summary() + "\n\nOne row per effect: study, outcome, yi, vi, and each row's covariance with its trial's effect of every\n"
                + "outcome in cov_<outcome> columns, or --within-rho R to build them as R*sqrt(vi*vj) (metafor's vcalc).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(
                Opt.value("--struct", "CS|HCS|UN|DIAG", "Between-trial covariance of the outcomes' true effects.", "UN"),
                Opt.value("--within-rho", "R", "Build the within-trial covariances from this correlation instead of cov_ columns.", null),
                Opt.value("--mods", "COLUMNS", "Moderator columns (a common slope; each outcome has its own intercept).", null),
                Opt.value("--method", "REML|ML", "Estimation of the covariance parameters.", "REML"),
                Opt.value("--test", "z|t", "z tests, or t tests with k - p df (and an F test of the coefficients).", "z"),
                Opt.flag("--profile-ci", "Also the profile-likelihood confidence interval of each variance and correlation (metafor's confint)."),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MultivariateOptions o;
        try {
            o = new MultivariateOptions(MultivariateOptions.Struct.parse(a.get("--struct")),
                    a.get("--within-rho") == null ? Double.NaN : a.number("--within-rho"), Options.split(a.get("--mods")),
                    MultilevelOptions.Method.parse(a.get("--method")), MultilevelOptions.Test.parse(a.get("--test")), a.number("--level"),
                    a.flag("--profile-ci"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        MultivariateResult r = Multivariate.fit(t, o);
        Options.write(a, out, format.equals("json") ? JsonReport.write(MultivariateReport.json(t.source(), r)) : MultivariateReport.text(r));
        return r.converged() ? 0 : 3;
    }
}
