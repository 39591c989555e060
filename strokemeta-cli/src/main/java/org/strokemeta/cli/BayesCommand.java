package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.bayes.BayesMeta;
import org.strokemeta.bayes.BayesOptions;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.report.BayesReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.study.MetaRequest;

/** {@code strokemeta bayes}: Bayesian random-effects meta-analysis, as the R package bayesmeta. */
final class BayesCommand extends Command {
    @Override
    String name() {
        return "bayes";
    }

    @Override
    String summary() {
        return "Bayesian random-effects meta-analysis by exact numerical integration (as bayesmeta): posteriors of mu and tau, "
                + "prediction, shrinkage, P(effect > threshold), Bayes factors.";
    }

    @Override
    String description() {
        return summary() + "\n\nThe normal-normal model y_i ~ N(theta_i, v_i), theta_i ~ N(mu, tau²) with the priors given (Röver 2020).\n"
                + "The tau prior must be stated: half-normal:S, half-cauchy:S, half-t:S:DF, uniform:U, exponential:MEAN or\n"
                + "lognormal:M:SD (log tau² ~ N(M, SD²)), or one of Turner et al.'s (2015) empirical priors for log odds ratios,\n"
                + "turner:OUTCOME:COMPARISON (--list-priors lists the 80 settings with their source; thrombectomy added to medical\n"
                + "care is nonpharma-vs-control). For log odds ratios Röver et al. (2021) discuss half-normal scales of 0.5 and 1.\n"
                + "Thresholds of --prob-above are on the ratio scale for ratio measures.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--tau-prior", "PRIOR", "Prior of tau (required): half-normal:S, half-cauchy:S, half-t:S:DF, uniform:U, "
                        + "exponential:MEAN, lognormal:M:SD (of log tau²), turner:OUTCOME:COMPARISON.", null),
                Opt.flag("--list-priors", "List Turner et al.'s empirical priors (outcome and comparison keys, log tau² ~ N(mean, sd²)) "
                        + "with their source, and exit."),
                Opt.value("--mu-prior", "flat|normal:M:SD", "Prior of mu (analysis scale: log for ratio measures).", "flat"),
                Opt.value("--merge", "A-B", "Tabulated mRS distributions: merge categories A to B before the shift analysis.", null),
                Opt.value("--prob-above", "T,T", "Report P(effect > T | data) (ratios for ratio measures, e.g. 1,1.2).", null),
                Opt.value("--plot", "FILE", "Also write the joint and marginal posteriors (.svg, .png or .pdf).", null),
                Opt.value("--plot-forest", "FILE", "Also write the forest plot with shrinkage intervals (.svg, .png or .pdf).", null),
                Opt.value("--dpi", "N", "Resolution of a PNG plot.", "300"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null)));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        if (a.flag("--list-priors")) {
            Options.write(a, out, BayesReport.priorsTable());
            return 0;
        }
        if (a.get("--tau-prior") == null) {
            throw new UsageException("--tau-prior is required (a Bayesian analysis states its priors), for example --tau-prior "
                    + "half-normal:0.5 for log odds ratios (Röver et al. 2021) or --tau-prior lognormal:-2.56:1.74");
        }
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        boolean shift = org.strokemeta.data.DataKind.of(t) == org.strokemeta.data.DataKind.MRS_TABLE;
        // tabulated mRS distributions: the trials' log common odds ratios of the two-stage shift analysis
        EffectSizes es = shift ? org.strokemeta.Shift.analyze(t, org.strokemeta.study.ShiftRequest.defaults().withPoTest(false)
                .withMerge(Options.merge(a.get("--merge")))).twoStage().pooled().effects() : Meta.effects(t, req);
        org.strokemeta.effect.Measure measure = shift ? org.strokemeta.effect.Measure.RATIO : es.measure();
        boolean log = measure.logScale();
        BayesOptions o;
        try {
            TauPrior tau = TauPrior.parse(a.get("--tau-prior"));
            MuPrior mu = muPrior(a.get("--mu-prior"));
            List<Double> thresholds = new ArrayList<>();
            List<String> given = Options.split(a.get("--prob-above"));
            if (given.isEmpty()) {
                thresholds.add(0.0);
            }
            for (String s : given) {
                double v = Double.parseDouble(s);
                if (log && !(v > 0)) {
                    throw new IllegalArgumentException("--prob-above takes ratios for a ratio measure (" + measure.name() + "), so "
                            + "each must be positive, not " + s);
                }
                thresholds.add(log ? Math.log(v) : v);
            }
            o = new BayesOptions(mu, tau, req.options().level(), thresholds);
        } catch (NumberFormatException e) {
            throw new UsageException("--prob-above and --mu-prior take numbers: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (o.tauPrior().source() != null && !shift && measure != org.strokemeta.effect.Measure.OR) {
            err.println("warning: Turner et al.'s priors were derived for log odds ratios; for " + measure.description()
                    + " they are an approximation to justify");
        }
        BayesResult r = BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(), o);
        Options.figure(a, "--plot", org.strokemeta.Figures.bayesPosterior(r, measure), err);
        Options.figure(a, "--plot-forest", org.strokemeta.Figures.bayesForest(r, measure), err);
        String head = shift ? "mRS shift: each trial's log common odds ratio from its proportional-odds model (two-stage; above 0: "
                + "better outcomes with treatment)\n" : "";
        Options.write(a, out, format.equals("json") ? JsonReport.write(BayesReport.json(t.source(), measure, r))
                : head + BayesReport.text(measure, r));
        return 0;
    }

    static MuPrior muPrior(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("flat") || v.equals("uniform")) {
            return MuPrior.FLAT;
        }
        String[] p = v.split(":");
        if (p.length == 3 && p[0].equals("normal")) {
            return MuPrior.normal(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
        }
        throw new IllegalArgumentException("--mu-prior is flat or normal:MEAN:SD, not '" + s + "'");
    }
}
