package org.strokemeta;

import org.strokemeta.bias.BiasAnalysis;
import org.strokemeta.bias.BiasRequest;
import org.strokemeta.bias.EggerModel;
import org.strokemeta.bias.EggerTest;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.RankTest;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.bias.TrimFillResult;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.study.StudyInput;

/**
 * Small-study effects (funnel-plot asymmetry) of one set of studies in one call: the analysis of the
 * observed studies, Egger's regression test (classic, and as a meta-regression with the analysis'
 * options), Begg and Mazumdar's rank correlation, Duval and Tweedie's trim-and-fill, and the data of the
 * funnel plot and of the contour-enhanced funnel plot, each as metafor 3.8 computes it (regtest,
 * ranktest, trimfill, funnel; see {@link SmallStudyEffects} for the references).
 *
 * <pre>{@code
 * BiasAnalysis b = Bias.analyze(table, BiasRequest.defaults());
 * double p = b.eggerLm().p();
 * }</pre>
 *
 * <p>These tests have little power with fewer than ten studies (Sterne et al. 2011, BMJ 343:d4002); they
 * are computed from three studies on, and the caller decides whether to show them.
 */
public final class Bias {
    private Bias() {
    }

    /**
     * The small-study analyses of a table of studies: the effects are computed as the request's
     * {@code meta} says (measure, continuity correction, generic input), then analysed as
     * {@link #analyze(EffectSizes, BiasRequest)} does.
     *
     * @param table   the studies, one row each (binary, continuous or generic columns)
     * @param request what to compute
     * @return the analyses
     * @throws org.strokemeta.data.InputException when the table cannot give the effects asked for (a
     *                                             column missing, a value out of range), naming the problem
     * @throws IllegalArgumentException            when the table or the request is missing, or the studies
     *                                             cannot be analysed
     */
    public static BiasAnalysis analyze(Table table, BiasRequest request) {
        if (table == null || request == null) {
            throw new IllegalArgumentException("the table and the request are required");
        }
        return analyze(StudyInput.effects(table, request.meta()), request);
    }

    /**
     * The small-study analyses of per-study effects. Of the request's {@code meta}, only the pooling
     * options and the choice of the Q-profile interval of tau² apply (the effects are already computed).
     *
     * <ul>
     * <li>{@link BiasAnalysis#analysis()}: the analysis with {@code meta.options()} (and the Q-profile
     *     interval of tau² when {@code meta.tau2Ci()});</li>
     * <li>{@link BiasAnalysis#eggerLm()}: {@link SmallStudyEffects#eggerClassic} at the analysis' level;</li>
     * <li>{@link BiasAnalysis#eggerRma()}: {@link SmallStudyEffects#egger(EffectSizes, MetaOptions, EggerModel)}
     *     with the model {@link EggerModel#RMA};</li>
     * <li>{@link BiasAnalysis#rank()}: {@link SmallStudyEffects#rankTest};</li>
     * <li>{@link BiasAnalysis#trimFill()}: trim-and-fill with {@code request.trimFill()};</li>
     * <li>{@link BiasAnalysis#funnel()} and {@link BiasAnalysis#contours()}: funnel-plot data with
     *     {@code request.funnel()} and {@code request.contours()}.</li>
     * </ul>
     *
     * @param effects the per-study effects (log scale for ratio measures) and their sampling variances
     * @param request what to compute
     * @return the analyses
     * @throws IllegalArgumentException when the studies cannot be analysed (for example too few)
     */
    public static BiasAnalysis analyze(EffectSizes effects, BiasRequest request) {
        if (effects == null || request == null) {
            throw new IllegalArgumentException("the effects and the request are required");
        }
        MetaOptions o = request.meta().options().requireDefaultEstimation("small-study effects analyses");
        MetaResult analysis = MetaAnalysis.run(effects, o, request.meta().tau2Ci());
        TrimFillResult trim = SmallStudyEffects.trimFill(effects, o, request.trimFill());
        EggerTest lm = SmallStudyEffects.eggerClassic(effects, o.level());
        EggerTest rma = SmallStudyEffects.egger(effects, o, EggerModel.RMA);
        RankTest rank = SmallStudyEffects.rankTest(effects);
        FunnelPlot funnel = SmallStudyEffects.funnel(effects, o, request.funnel());
        FunnelPlot contours = SmallStudyEffects.funnel(effects, o, request.contours());
        return new BiasAnalysis(analysis, lm, rma, rank, trim, funnel, contours);
    }
}
