package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.Network;
import org.strokemeta.multivariate.NetworkOptions;
import org.strokemeta.multivariate.NetworkResult;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.MultivariateReport;

/** {@code strokemeta network}: network meta-analysis of several treatments. */
final class NetworkCommand extends Command {
    @Override
    String name() {
        return "network";
    }

    @Override
    String summary() {
        return "Network meta-analysis: every treatment against every other from arm-level (binary, continuous) or contrast-level data, "
                + "league table, P-scores and SUCRA, design-by-treatment inconsistency and node splitting.";
    }

    @Override
    String description() {
        return summary() + "\n\nArm-level input: study, treatment and events, total (log odds ratios) or mean, sd, n (mean differences),\n"
                + "one row per arm. Contrast-level input: study, treat1, treat2, yi, vi (treat1 relative to treat2), and vbase\n"
                + "for trials of three or more arms (their contrasts share treat2). The consistency model of rma.mv with one\n"
                + "heterogeneity variance (two contrasts of a trial covary tau²/2); docs/methods.md.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, List.of(
                Opt.value("--treatments", "T,T", "The treatments' order (league table, ranking; a trial's first arm in this order is its "
                        + "baseline). Default: their order in the file.", null),
                Opt.value("--reference", "T", "The treatment every relative effect is against (default: the first).", null),
                Opt.value("--model", "random|fixed", "Random effects (a common tau²) or fixed effects.", "random"),
                Opt.value("--method", "REML|ML", "Estimation of tau².", "REML"),
                Opt.flag("--small-better", "For the ranking: smaller effects are better (a harmful event)."),
                Opt.flag("--no-node-split", "Skip node splitting (direct vs indirect evidence of every comparison that has both)."),
                Opt.value("--simulations", "N", "Draws for the rank probabilities and SUCRA (0: P-scores only).",
                        Integer.toString(NetworkOptions.DEFAULT_SIMULATIONS)),
                Opt.value("--seed", "S", "Seed of those draws.", Long.toString(NetworkOptions.DEFAULT_SEED)),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.value("--plot", "FILE", "Also write the network graph (.svg, .png or .pdf).", null),
                Opt.value("--plot-forest", "FILE", "Also write the forest plot against the reference (.svg, .png or .pdf).", null),
                Opt.value("--html", "FILE", "Also write the report as one self-contained HTML file (graph, relative effects and forest plot, "
                        + "league table, ranking, inconsistency and node splitting, methods, provenance).", null),
                Opt.value("--dpi", "N", "Resolution of a PNG plot.", "300"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        NetworkOptions o;
        try {
            String model = a.get("--model").trim().toLowerCase(java.util.Locale.ROOT);
            if (!model.equals("random") && !model.equals("fixed")) {
                throw new IllegalArgumentException("--model is random or fixed, not '" + a.get("--model") + "'");
            }
            o = new NetworkOptions(Options.split(a.get("--treatments")), a.get("--reference"), model.equals("random"),
                    MultilevelOptions.Method.parse(a.get("--method")), a.number("--level"), a.flag("--small-better"), !a.flag("--no-node-split"),
                    a.integer("--simulations"), (long) a.number("--seed"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        NetworkResult r = Network.fit(t, o);
        Options.figure(a, "--plot", org.strokemeta.Figures.networkGraph(r), err);
        Options.figure(a, "--plot-forest", org.strokemeta.Figures.networkForest(r), err);
        if (a.get("--html") != null) {
            java.nio.file.Path input = a.path("--input");
            byte[] bytes = input != null ? ReportCommand.readFile(input) : org.strokemeta.data.Examples.bytes(org.strokemeta.data.Examples.get(a.get("--example")));
            var prov = new org.strokemeta.report.NetworkHtml.Provenance(input != null ? input.toString() : "bundled example " + a.get("--example"),
                    ReportCommand.sha256(bytes), org.strokemeta.report.Version.get(),
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "strokemeta network " + String.join(" ", a.raw()));
            java.nio.file.Path html = a.path("--html");
            try {
                if (html.toAbsolutePath().getParent() != null) {
                    java.nio.file.Files.createDirectories(html.toAbsolutePath().getParent());
                }
                java.nio.file.Files.writeString(html, org.strokemeta.report.NetworkHtml.render(r, prov));
            } catch (java.io.IOException e) {
                throw new UsageException("cannot write " + html + ": " + e.getMessage());
            }
            err.println("Wrote " + html);
        }
        Options.write(a, out, format.equals("json") ? JsonReport.write(MultivariateReport.json(t.source(), r)) : MultivariateReport.text(r));
        return r.converged() ? 0 : 3;
    }
}
