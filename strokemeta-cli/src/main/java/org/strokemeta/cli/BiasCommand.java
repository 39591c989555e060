package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.Bias;
import org.strokemeta.bias.BiasAnalysis;
import org.strokemeta.bias.BiasRequest;
import org.strokemeta.bias.K0Estimator;
import org.strokemeta.bias.Side;
import org.strokemeta.bias.TrimFillOptions;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.report.BiasReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.StudyInput;

/** {@code strokemeta bias}: small-study effects. */
final class BiasCommand extends Command {
    @Override
    String name() {
        return "bias";
    }

    @Override
    List<String> aliases() {
        return List.of("small-study");
    }

    @Override
    String summary() {
        return "Small-study effects: Egger's test, rank correlation, trim-and-fill, funnel data.";
    }

    @Override
    String description() {
        return "Small-study effects (funnel-plot asymmetry): Egger's regression test (classic, and as a meta-regression\n"
                + "with the analysis' options), Begg and Mazumdar's rank correlation, Duval and Tweedie's trim-and-fill,\n"
                + "and the data of the funnel plot and of the contour-enhanced funnel plot (in --format json).";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, List.of(
                Opt.value("--side", "auto|left|right", "Side on which trim-and-fill looks for missing studies (auto: chosen as metafor does).", "auto"),
                Opt.value("--k0", "L0|R0", "Estimator of the number of missing studies.", "L0"),
                Opt.value("--trimfill-fits", "metafor|analysis", "Fits inside trim-and-fill: as metafor 3.8 (z test, 95%, its default"
                        + " convergence), or with this analysis' options.", "metafor"),
                Opt.value("--contour-levels", "L,...", "Levels of the contour-enhanced funnel plot.", "0.90,0.95,0.99"),
                Opt.value("--selection-model", "step|beta|halfnorm|negexp|logistic|power", "The selection model: a step function of the "
                        + "one-sided p-value (metafor's selmodel type stepfun), or a continuous function of it (types beta, halfnorm, negexp, "
                        + "logistic, power).", "step"),
                Opt.value("--selection-steps", "P,...", "Cut-points of the one-sided p-value for the step-function selection model.", "0.025")),
                Options.OUTPUT);
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        Table t = Options.read(a);
        MetaRequest req = Options.request(a);
        EffectSizes es = StudyInput.effects(t, req);
        TrimFillOptions tf = TrimFillOptions.defaults().withEstimator(K0Estimator.parse(a.get("--k0")))
                .withFitSettings(parseFits(a.get("--trimfill-fits")));
        if (!a.get("--side").equalsIgnoreCase("auto")) {
            tf = tf.withSide(Side.parse(a.get("--side")));
        }
        List<String> lv = Options.split(a.get("--contour-levels"));
        double[] levels = new double[lv.size()];
        for (int i = 0; i < levels.length; i++) {
            try {
                levels[i] = Double.parseDouble(lv.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("--contour-levels needs levels such as 0.9,0.95,0.99, not '" + lv.get(i) + "'");
            }
            if (!(levels[i] > 0 && levels[i] < 1)) {
                throw new UsageException("--contour-levels must lie between 0 and 1, not " + lv.get(i));
            }
        }
        BiasAnalysis r = Bias.analyze(es, BiasRequest.of(req).withTrimFill(tf).withContours(BiasRequest.contours(levels)));
        List<String> st = Options.split(a.get("--selection-steps"));
        double[] steps = new double[st.size()];
        for (int i = 0; i < steps.length; i++) {
            try {
                steps[i] = Double.parseDouble(st.get(i));
            } catch (NumberFormatException e) {
                throw new UsageException("--selection-steps needs one-sided p-values such as 0.025,0.5, not '" + st.get(i) + "'");
            }
            if (!(steps[i] > 0 && steps[i] < 1)) {
                throw new UsageException("--selection-steps must lie between 0 and 1, not " + st.get(i));
            }
        }
        org.strokemeta.bias.SelectionModel.Type type;
        try {
            type = org.strokemeta.bias.SelectionModel.Type.parse(a.get("--selection-model"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--selection-model must be step, beta, halfnorm, negexp, logistic or power, not '"
                    + a.get("--selection-model") + "'");
        }
        String text = format.equals("json") ? JsonReport.write(BiasReport.json(t.source(), r, type, steps)) : BiasReport.text(r, type, steps);
        Options.write(a, out, text);
        return r.converged() ? 0 : Main.EXIT_INVALID;
    }

    private static TrimFillOptions.FitSettings parseFits(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "metafor" -> TrimFillOptions.FitSettings.METAFOR;
            case "analysis" -> TrimFillOptions.FitSettings.ANALYSIS;
            default -> throw new UsageException("unknown --trimfill-fits '" + s + "' (expected metafor or analysis)");
        };
    }
}
