package org.strokemeta;

import java.util.List;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.TrimFillResult;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.plot.BubblePlot;
import org.strokemeta.plot.ForestPlot;
import org.strokemeta.plot.FunnelSvg;
import org.strokemeta.plot.GrottaPlot;
import org.strokemeta.plot.MetaForest;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.subgroup.SubgroupResult;

/**
 * The figures of the analyses as standalone SVG documents (UTF-8 text, sizes in CSS pixels): forest
 * plots of a meta-analysis (with subgroups) and of the mRS shift, funnel plots (plain,
 * contour-enhanced, with the studies filled in by trim-and-fill), Grotta bars and the bubble plot of a
 * meta-regression. The command line's {@code plot} command and the web application draw with these;
 * equal inputs give the same document, character for character.
 *
 * <p>Effect axes of ratio measures are drawn on the log scale with ratio labels; the axis caption is
 * the measure's name with "(log scale)", or its description for measures on the natural scale.
 */
public final class Figures {
    private Figures() {
    }

    /**
     * The forest plot of a meta-analysis: a row per study with its weight, the pooled estimate(s), the
     * prediction interval, heterogeneity and the test for the overall effect.
     *
     * @param result  the analysis
     * @param options the order of the studies, a second model's diamond, the "favours" labels and the
     *                longest study name shown in full
     * @return the SVG document
     */
    public static String forest(MetaResult result, MetaForest.Options options) {
        return ForestPlot.svg(MetaForest.of(result, options));
    }

    /**
     * The forest plot of a meta-analysis in subgroup blocks, each with its subtotal and heterogeneity,
     * then the overall estimate and the test for subgroup differences.
     *
     * @param subgroups the subgroup analysis
     * @param overall   the analysis of all studies
     * @param options   the order of the studies within each block, a second model's diamond, the
     *                  "favours" labels and the longest study name shown in full
     * @return the SVG document
     */
    public static String forest(SubgroupResult subgroups, MetaResult overall, MetaForest.Options options) {
        return ForestPlot.svg(MetaForest.of(subgroups, overall, options));
    }

    /**
     * The forest plot of the two-stage mRS shift: each trial's common odds ratio and the pooled one,
     * on a log axis (a ratio above 1 is a shift toward better mRS with treatment).
     *
     * @param pooled      the pooled analysis of the trials' log common odds ratios (the second stage)
     * @param options     the order of the trials, the "favours" labels and the longest name shown in full
     * @param effectLabel the caption of the effect axis
     * @return the SVG document
     */
    public static String shiftForest(MetaResult pooled, MetaForest.Options options, String effectLabel) {
        ForestPlot.Spec spec = MetaForest.of(pooled, options);
        return ForestPlot.svg(new ForestPlot.Spec(spec.rows(), spec.columns(), true, effectLabel, options.favoursLeft(),
                options.favoursRight(), spec.footer(), spec.maxLabel()));
    }

    /**
     * A funnel plot from its data (for example {@link org.strokemeta.bias.BiasAnalysis#funnel()}).
     *
     * @param funnel  the funnel-plot data
     * @param measure the effect measure of the studies (decides the axis scale and caption)
     * @return the SVG document
     */
    public static String funnel(FunnelPlot funnel, Measure measure) {
        return FunnelSvg.svg(funnel, measure.logScale(), effectAxis(measure));
    }

    /**
     * The funnel plot of an analysis.
     *
     * @param result  the analysis
     * @param options the pseudo-confidence regions to draw
     * @return the SVG document
     */
    public static String funnel(MetaResult result, FunnelOptions options) {
        return funnel(FunnelPlot.of(result, options), result.effects().measure());
    }

    /**
     * The funnel plot of trim-and-fill: the observed studies and, as open circles, those filled in,
     * around the adjusted estimate.
     *
     * @param trimFill the trim-and-fill analysis
     * @param options  the pseudo-confidence regions to draw
     * @return the SVG document
     */
    public static String funnel(TrimFillResult trimFill, FunnelOptions options) {
        return funnel(FunnelPlot.of(trimFill, options), trimFill.observed().effects().measure());
    }

    /**
     * Grotta bars of the two arms labelled "Treatment" and "Control", categories labelled mRS 0 to 6
     * (the last "mRS k-6" when categories were merged).
     *
     * @param arms the distribution of the outcome in the two arms
     * @return the SVG document
     */
    public static String grotta(ArmDistribution arms) {
        return grotta(arms, "Treatment", "Control");
    }

    /**
     * Grotta bars of the two arms, treatment on top, with the percentage of each arm in each category.
     *
     * @param arms           the distribution of the outcome in the two arms
     * @param treatmentLabel the label of the treatment arm (for example "Thrombectomy")
     * @param controlLabel   the label of the control arm
     * @return the SVG document
     */
    public static String grotta(ArmDistribution arms, String treatmentLabel, String controlLabel) {
        return GrottaPlot.svg(List.of(new GrottaPlot.Bar(treatmentLabel, arms.treatment()), new GrottaPlot.Bar(controlLabel, arms.control())),
                GrottaPlot.mrsLabels(arms.categories()));
    }

    /**
     * Grotta bars of the two arms with the categories labelled as given (for an ordinal outcome that is not
     * the mRS, or categories merged other than at the end: {@link GrottaPlot#labels}).
     *
     * @param arms   the distribution of the outcome in the two arms
     * @param labels one label per category
     * @return the SVG document
     * @throws IllegalArgumentException when there is not one label per category
     */
    public static String grotta(ArmDistribution arms, List<String> labels) {
        if (labels.size() != arms.categories()) {
            throw new IllegalArgumentException(arms.categories() + " categories need as many labels, not " + labels.size());
        }
        return GrottaPlot.svg(List.of(new GrottaPlot.Bar("Treatment", arms.treatment()), new GrottaPlot.Bar("Control", arms.control())), labels);
    }

    /**
     * The bubble plot of a meta-regression on one numeric moderator: each study's effect against the
     * moderator, circles sized by weight, with the fitted line and its confidence band (as metafor's regplot).
     *
     * @param regression the meta-regression (one moderator)
     * @return the SVG document
     * @throws IllegalArgumentException when the model has more than one moderator column
     */
    public static String bubble(RegressionResult regression) {
        Measure m = regression.effects().measure();
        return BubblePlot.svg(regression, m.logScale(), effectAxis(m));
    }

    /** The caption of the effect axis: the measure's name "(log scale)" for ratios, else its description. */
    private static String effectAxis(Measure m) {
        return m.logScale() ? m.displayName() + " (log scale)" : m.description();
    }

    /**
     * The Baujat plot of influence diagnostics: each study's contribution to heterogeneity against its
     * influence on the pooled estimate.
     *
     * @param influence the diagnostics ({@link org.strokemeta.Meta#influence})
     * @return the SVG document
     */
    public static String baujat(org.strokemeta.sensitivity.Influence influence) {
        return org.strokemeta.plot.BaujatPlot.svg(influence);
    }

    /**
     * The L'Abbé plot of a pooled analysis of arm counts (OR, RR or RD): each study's treatment arm against
     * its control arm, with the lines of no effect and of the pooled effect.
     *
     * @param result     the pooled result
     * @param continuity the continuity correction of the arms (metafor's add and to)
     * @return the SVG document
     * @throws IllegalArgumentException for another measure or without arm counts
     */
    public static String labbe(MetaResult result, org.strokemeta.effect.Continuity continuity) {
        return org.strokemeta.plot.LabbePlot.svg(result, continuity);
    }

    /**
     * The radial (Galbraith) plot of a pooled analysis (metafor's {@code radial()}): each study's standardised
     * effect against its precision, the pooled estimate as the slope of a line through the origin with the
     * band of ± the normal quantile around it, and the effects on an arc to the right.
     *
     * @param result  the pooled result
     * @param centred take the pooled estimate off every effect (metafor's {@code center = TRUE})
     * @return the SVG document
     * @throws IllegalArgumentException when a study has neither a sampling variance nor tau² to weigh it
     */
    public static String radial(MetaResult result, boolean centred) {
        Measure m = result.effects().measure();
        return org.strokemeta.plot.RadialPlot.svg(org.strokemeta.plot.RadialPlot.coordinates(result, centred), result.effects().backTransform(),
                m.logScale() ? m.displayName() : m.description());
    }

    /**
     * The radial (Galbraith) plot of a pooled analysis, not centred.
     *
     * @param result the pooled result
     * @return the SVG document
     * @throws IllegalArgumentException when a study has neither a sampling variance nor tau² to weigh it
     */
    public static String radial(MetaResult result) {
        return radial(result, false);
    }

    /**
     * The GOSH plot of a GOSH analysis (metafor's {@code plot(gosh(res))}): every subset's pooled estimate
     * against its I², with their histograms; more than {@link org.strokemeta.plot.GoshPlot#MAX_POINTS} subsets
     * are drawn as a density raster.
     *
     * @param gosh the analysis ({@link org.strokemeta.sensitivity.Sensitivity#gosh})
     * @return the SVG document
     * @throws IllegalArgumentException when no subset could be fitted
     */
    public static String gosh(org.strokemeta.sensitivity.Gosh gosh) {
        return org.strokemeta.plot.GoshPlot.svg(gosh, effectAxis(gosh.full().effects().measure()).replace(" (log scale)", " (log)"));
    }

    /**
     * The trial sequential analysis plot: the cumulative z-curve against the patients, the monitoring and futility
     * boundaries, the conventional limits and the required information size.
     *
     * @param r the analysis
     * @return the SVG document
     */
    public static String tsa(org.strokemeta.sequential.TsaResult r) {
        return org.strokemeta.plot.TsaPlot.svg(r);
    }

    /**
     * The joint and marginal posteriors of mu and tau of a Bayesian random-effects meta-analysis.
     *
     * @param r       the posterior
     * @param measure the effect measure (its description labels the mu axis)
     * @return the SVG document
     */
    public static String bayesPosterior(org.strokemeta.bayes.BayesResult r, Measure measure) {
        return org.strokemeta.plot.BayesPlot.posterior(r, measure.description());
    }

    /**
     * The forest plot of a Bayesian random-effects meta-analysis: each trial's estimate and its shrinkage
     * interval, the overall effect and a new trial's effect (ratio axis for ratio measures).
     *
     * @param r       the posterior
     * @param measure the effect measure
     * @return the SVG document
     */
    public static String bayesForest(org.strokemeta.bayes.BayesResult r, Measure measure) {
        return org.strokemeta.plot.BayesPlot.forest(r, measure.logScale() ? Math::exp : x -> x, measure.logScale(),
                measure.logScale() ? measure.displayName() + " (log scale)" : measure.description());
    }

    /**
     * The network graph of a network meta-analysis: a line per comparison with direct evidence.
     *
     * @param r the network
     * @return the SVG document
     */
    public static String networkGraph(org.strokemeta.multivariate.NetworkResult r) {
        return org.strokemeta.plot.NetworkPlot.graph(r);
    }

    /**
     * The forest plot of every treatment of a network against its reference, with P-scores.
     *
     * @param r the network
     * @return the SVG document
     */
    public static String networkForest(org.strokemeta.multivariate.NetworkResult r) {
        return org.strokemeta.plot.ForestPlot.svg(org.strokemeta.plot.NetworkPlot.forest(r));
    }
}
