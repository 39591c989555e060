package org.strokemeta.bias;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;

/**
 * Small-study effects and publication bias: the regression and rank correlation tests for funnel
 * plot asymmetry, trim-and-fill, and the data of (contour-enhanced) funnel plots, as metafor's
 * regtest, ranktest, trimfill and funnel compute them.
 *
 * <p>References: Egger M, Davey Smith G, Schneider M, Minder C (1997), Bias in meta-analysis
 * detected by a simple, graphical test, BMJ 315:629. Begg CB, Mazumdar M (1994), Operating
 * characteristics of a rank correlation test for publication bias, Biometrics 50:1088. Duval S,
 * Tweedie R (2000), Trim and fill, Biometrics 56:455, and A nonparametric "trim and fill" method of
 * accounting for publication bias, JASA 95:89. Sterne JAC, Egger M (2001), Funnel plots for
 * detecting bias in meta-analysis, J Clin Epidemiol 54:1046. Peters JL, Sutton AJ, Jones DR, Abrams
 * KR, Rushton L (2008), Contour-enhanced meta-analysis funnel plots, J Clin Epidemiol 61:991.
 *
 * <p>As in pooling, studies with a sampling variance of 0 cannot be weighted and are left out
 * ({@link MetaAnalysis#weightable}); the results say so in their notes.
 *
 * <p>These tests have little power with fewer than ten studies (Sterne et al. 2011, BMJ 343:d4002);
 * they are computed from three studies on, and the caller decides whether to show them.
 */
public final class SmallStudyEffects {
    private SmallStudyEffects() {
    }

    /**
     * The classic Egger test: weighted linear regression of the effects on their standard errors,
     * t test of the slope with k − 2 degrees of freedom (metafor::regtest(rma(method = "FE"), model = "lm")).
     *
     * @param level the confidence level of the limit estimate's interval
     * @param es the per-study effects (studies with a sampling variance of 0 are left out with a note)
     * @return the slope and intercept with their tests and the limit estimate
     */
    public static EggerTest eggerClassic(EffectSizes es, double level) {
        return egger(es, MetaOptions.defaults().withLevel(level), EggerModel.LM);
    }

    /**
     * The regression test as metafor::regtest's default: a meta-regression on the standard error with
     * the analysis' model, tau² estimator and test.
     *
     * @param es the per-study effects (studies with a sampling variance of 0 are left out with a note)
     * @param o  the analysis options: model, tau² estimator, test and level
     * @return the test of the slope and the limit estimate
     */
    public static EggerTest egger(EffectSizes es, MetaOptions o) {
        return egger(es, o, EggerModel.RMA);
    }

    /**
     * Either regression test (see {@link EggerModel}).
     *
     * @param es    the per-study effects (studies with a sampling variance of 0 are left out with a note)
     * @param o     the analysis options
     * @param model the classic linear model or the meta-regression
     * @return the test, with notes for the studies left out first
     */
    public static EggerTest egger(EffectSizes es, MetaOptions o, EggerModel model) {
        EffectSizes w = MetaAnalysis.weightable(es);
        return model.test(w.yi(), w.vi(), o).withNotesFirst(leftOut(es, w));
    }

    /** The predictor of a regression test (metafor's regtest {@code predictor}). */
    public enum Predictor {
        /** The standard error (Egger's test; the PET limit estimate). */
        SEI,
        /** The sampling variance (the PEESE limit estimate; Stanley and Doucouliagos 2014). */
        VI,
        /** The inverse of the total sample size (Peters et al. 2006 with the linear model). */
        NINV,
        /** The inverse square root of the total sample size. */
        SQRTNINV;

        /**
         * Parses sei, vi, ninv or sqrtninv (any case).
         *
         * @param s the name
         * @return the predictor
         * @throws IllegalArgumentException for another name
         */
        public static Predictor parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown predictor '" + s + "' (expected sei, vi, ninv or sqrtninv)");
            }
        }
    }

    /**
     * The regression test with a chosen predictor (metafor::regtest(..., predictor = )).
     *
     * @param es        the per-study effects (studies with a sampling variance of 0 are left out with a note)
     * @param o         the analysis options
     * @param model     the classic linear model or the meta-regression
     * @param predictor the standard error, the variance, or the (square root of the) inverse total sample size
     * @return the test of the slope and the limit estimate (the intercept)
     * @throws IllegalArgumentException when a sample-size predictor is asked of data without arm sizes
     */
    public static EggerTest regtest(EffectSizes es, MetaOptions o, EggerModel model, Predictor predictor) {
        EffectSizes w = MetaAnalysis.weightable(es);
        double[] vi = w.vi();
        double[] x = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            x[i] = switch (predictor) {
                case SEI -> Math.sqrt(vi[i]);
                case VI -> vi[i];
                case NINV -> 1 / total(w, i);
                case SQRTNINV -> 1 / Math.sqrt(total(w, i));
            };
        }
        return model.test(w.yi(), vi, x, o).withNotesFirst(leftOut(es, w));
    }

    private static double total(EffectSizes es, int i) {
        int r = es.rows(i);
        if (es.input() instanceof org.strokemeta.data.BinaryStudies b) {
            return b.totalTreat(r) + b.totalCtrl(r);
        }
        if (es.input() instanceof org.strokemeta.data.ContinuousStudies c) {
            return c.nTreat(r) + c.nCtrl(r);
        }
        throw new IllegalArgumentException("a sample-size predictor needs the arms' sizes (binary or continuous data), which these effects do not carry");
    }

    /**
     * Begg and Mazumdar's rank correlation test (metafor::ranktest).
     *
     * @param es the per-study effects (studies with a sampling variance of 0 are left out with a note)
     * @return Kendall's tau between standardised effects and variances, and its p-value
     */
    public static RankTest rankTest(EffectSizes es) {
        EffectSizes w = MetaAnalysis.weightable(es);
        return RankCorrelation.test(w.yi(), w.vi()).withNotesFirst(leftOut(es, w));
    }

    /**
     * Trim-and-fill with metafor's defaults: L0, side chosen from the data.
     *
     * @param es the per-study effects
     * @param o  the analysis options (model and tau² estimator)
     * @return the number of filled studies and the adjusted analysis
     */
    public static TrimFillResult trimFill(EffectSizes es, MetaOptions o) {
        return TrimFill.run(es, o, TrimFillOptions.defaults());
    }

    /**
     * Trim-and-fill with the given settings.
     *
     * @param es the per-study effects
     * @param o  the analysis options
     * @param t  the trim-and-fill settings
     * @return the number of filled studies and the adjusted analysis
     */
    public static TrimFillResult trimFill(EffectSizes es, MetaOptions o, TrimFillOptions t) {
        return TrimFill.run(es, o, t);
    }

    /**
     * The funnel plot of the analysis with its pseudo-confidence region at the analysis' level.
     *
     * @param es the per-study effects
     * @param o  the analysis options
     * @return the studies and the region around the pooled estimate
     */
    public static FunnelPlot funnel(EffectSizes es, MetaOptions o) {
        return funnel(es, o, FunnelOptions.aroundEstimate(o.level()));
    }

    /**
     * The contour-enhanced funnel plot: 90, 95 and 99% regions around 0 (Peters et al. 2008).
     *
     * @param es the per-study effects
     * @param o  the analysis options
     * @return the studies and the three regions around 0
     */
    public static FunnelPlot contourFunnel(EffectSizes es, MetaOptions o) {
        return funnel(es, o, FunnelOptions.contourEnhanced());
    }

    /**
     * A funnel plot with the given contours.
     *
     * @param es the per-study effects
     * @param o  the analysis options
     * @param f  what the plot shows
     * @return the studies and the contours
     */
    public static FunnelPlot funnel(EffectSizes es, MetaOptions o, FunnelOptions f) {
        return FunnelPlot.of(MetaAnalysis.run(es, o, false), f);
    }

    /**
     * The funnel plot of a trim-and-fill analysis, filled studies marked, around the adjusted estimate.
     *
     * @param t the trim-and-fill analysis
     * @param f what the plot shows
     * @return the observed and filled studies and the contours
     */
    public static FunnelPlot funnel(TrimFillResult t, FunnelOptions f) {
        return FunnelPlot.of(t, f);
    }

    /** The notes of the studies that {@link MetaAnalysis#weightable} left out. */
    private static List<Note> leftOut(EffectSizes all, EffectSizes used) {
        return used == all ? List.of() : used.notes().subList(all.notes().size(), used.notes().size());
    }
}
