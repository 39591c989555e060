package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.glmm.BinaryGlmm;
import org.strokemeta.glmm.GlmmOptions;
import org.strokemeta.glmm.GlmmResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.MultivariateReport;

/** {@code strokemeta glmm}: logistic mixed models of 2×2 tables for sparse events (metafor rma.glmm). */
final class GlmmCommand extends Command {
    @Override
    String name() {
        return "glmm";
    }

    @Override
    String summary() {
        return "Logistic mixed model of 2x2 tables for sparse events (symptomatic ICH, death): the pooled odds ratio without "
                + "continuity corrections (metafor's rma.glmm: UM.FS, UM.RS, or CM.EL, the exact conditional likelihood).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(
                Opt.value("--model", "UM.FS|UM.RS|CM.EL", "Fixed trial intercepts (UM.FS) or random ones (UM.RS), with a random treatment "
                        + "effect; or the conditional model with the exact non-central hypergeometric likelihood (CM.EL).", "UM.FS"),
                Opt.value("--method", "ML|FE", "Random effects by ML, or the fixed-effect model (CM.EL only).", "ML"),
                Opt.value("--nagq", "N", "Adaptive Gauss-Hermite points of UM.FS (1: Laplace); UM.RS uses the Laplace approximation.", "7"),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        GlmmOptions o;
        try {
            GlmmOptions.Model m = GlmmOptions.Model.parse(a.get("--model"));
            int q = (int) a.number("--nagq");
            String method = a.get("--method").trim().toUpperCase(java.util.Locale.ROOT);
            if (!method.equals("ML") && !method.equals("FE")) {
                throw new IllegalArgumentException("--method is ML or FE, not '" + a.get("--method") + "'");
            }
            o = new GlmmOptions(m, m == GlmmOptions.Model.UM_RS ? 1 : q, a.number("--level"), method.equals("FE"));
            if (m == GlmmOptions.Model.UM_RS && q > 1 && a.get("--nagq") != null && !a.get("--nagq").equals("7")) {
                err.println("note: UM.RS has two random effects per trial and uses the Laplace approximation (as glmer)");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        GlmmResult r = BinaryGlmm.fit(t, o);
        Options.write(a, out, format.equals("json") ? JsonReport.write(MultivariateReport.json(t.source(), r)) : MultivariateReport.text(r));
        return r.converged() ? 0 : 3;
    }
}
