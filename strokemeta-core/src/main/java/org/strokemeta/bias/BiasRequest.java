package org.strokemeta.bias;

import java.io.Serializable;
import java.util.OptionalDouble;
import org.strokemeta.study.MetaRequest;

/**
 * Everything a user asks of the small-study analyses of one set of studies, as one immutable value:
 * how the effects are computed and pooled ({@link MetaRequest}), how trim-and-fill looks for missing
 * studies (side, estimator of the number missing, fit settings), and what the funnel plot and the
 * contour-enhanced funnel plot show. {@code org.strokemeta.Bias.analyze} runs it.
 *
 * @param meta     the effects and the pooling of the analysis (measure, continuity correction, model,
 *                 tau² estimator, test, level, control, Q-profile interval of tau²); it asks for no
 *                 batch groups ({@code by}), subgroups, moderators or permutations
 * @param trimFill trim-and-fill: the side on which studies are missing (empty: chosen from the data
 *                 as metafor::trimfill does), the estimator of their number (L0 or R0) and the options
 *                 of its fits
 * @param funnel   the funnel plot of the observed studies (usually one pseudo-confidence region at the
 *                 analysis' level around the pooled estimate, see {@link #of(MetaRequest)})
 * @param contours the contour-enhanced funnel plot (regions of significance around 0; Peters et al. 2008)
 * @serial exclude
 */
public record BiasRequest(MetaRequest meta, TrimFillOptions trimFill, FunnelOptions funnel, FunnelOptions contours)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The number of standard errors at which each funnel contour is computed by default. */
    public static final int RESOLUTION = 101;

    /**
     * Checks the request.
     *
     * @param meta     the effects and the pooling of the analysis
     * @param trimFill the settings of trim-and-fill
     * @param funnel   the options of the funnel plot
     * @param contours the options of the contour-enhanced funnel plot
     * @throws IllegalArgumentException when a component is missing, or {@code meta} asks for batch
     *                                  groups, subgroups, moderators or permutations
     */
    public BiasRequest {
        if (meta == null) {
            throw new IllegalArgumentException("meta is required (the effects and the pooling of the analysis)");
        }
        if (trimFill == null) {
            throw new IllegalArgumentException("trimFill is required (the settings of trim-and-fill)");
        }
        if (funnel == null) {
            throw new IllegalArgumentException("funnel is required (the options of the funnel plot)");
        }
        if (contours == null) {
            throw new IllegalArgumentException("contours is required (the options of the contour-enhanced funnel plot)");
        }
        if (meta.by() != null) {
            throw new IllegalArgumentException("meta.by must be empty: the small-study analyses take one set of studies, "
                    + "not batch groups (got '" + meta.by() + "')");
        }
        if (meta.subgroup() != null) {
            throw new IllegalArgumentException("meta.subgroup must be empty: the small-study analyses take no subgroups "
                    + "(got '" + meta.subgroup() + "')");
        }
        if (!meta.moderators().isEmpty()) {
            throw new IllegalArgumentException("meta.moderators must be empty: the small-study analyses fit no meta-regression "
                    + "on moderators (got " + meta.moderators() + ")");
        }
    }

    /**
     * The defaults: metafor's analysis ({@link MetaRequest#defaults()}), trim-and-fill as metafor
     * (L0, side chosen from the data, metafor's fit settings), a 95% region around the pooled estimate
     * and contours of 90, 95 and 99% around 0, each computed at {@value #RESOLUTION} standard errors.
     *
     * @return the default request
     */
    public static BiasRequest defaults() {
        return of(MetaRequest.defaults());
    }

    /**
     * The defaults for an analysis: the funnel plot's region at the analysis' confidence level
     * ({@code meta.options().level()}), everything else as {@link #defaults()}.
     *
     * @param meta the effects and the pooling of the analysis
     * @return the request
     * @throws IllegalArgumentException when {@code meta} is null or asks for batch groups, subgroups or moderators
     */
    public static BiasRequest of(MetaRequest meta) {
        if (meta == null) {
            throw new IllegalArgumentException("meta is required (the effects and the pooling of the analysis)");
        }
        return new BiasRequest(meta, TrimFillOptions.defaults(),
                FunnelOptions.aroundEstimate(meta.options().level()).withResolution(RESOLUTION),
                contours(new double[] {0.90, 0.95, 0.99}));
    }

    /**
     * The options of a contour-enhanced funnel plot at the given levels: regions around 0, without tau²,
     * at {@value #RESOLUTION} standard errors (metafor's {@code funnel(level = ..., refline = 0)}).
     *
     * @param levels the confidence levels, each strictly between 0 and 1
     * @return the funnel options
     * @throws IllegalArgumentException when there is no level or a level is not strictly between 0 and 1
     */
    public static FunnelOptions contours(double... levels) {
        return new FunnelOptions(levels, OptionalDouble.of(0), false, RESOLUTION);
    }

    /**
     * The same request with another analysis; the funnel and contour options are kept as they are.
     *
     * @param m the effects and the pooling of the analysis
     * @return the changed request
     * @throws IllegalArgumentException when {@code m} is null or asks for batch groups, subgroups or moderators
     */
    public BiasRequest withMeta(MetaRequest m) {
        return new BiasRequest(m, trimFill, funnel, contours);
    }

    /**
     * The same request with other trim-and-fill settings.
     *
     * @param t the settings of trim-and-fill
     * @return the changed request
     * @throws IllegalArgumentException when {@code t} is null
     */
    public BiasRequest withTrimFill(TrimFillOptions t) {
        return new BiasRequest(meta, t, funnel, contours);
    }

    /**
     * The same request with trim-and-fill looking for missing studies on the given side.
     *
     * @param s the side on which studies are missing
     * @return the changed request
     */
    public BiasRequest withSide(Side s) {
        return withTrimFill(trimFill.withSide(s));
    }

    /**
     * The same request with another estimator of the number of missing studies.
     *
     * @param e the estimator (L0 or R0)
     * @return the changed request
     */
    public BiasRequest withK0Estimator(K0Estimator e) {
        return withTrimFill(trimFill.withEstimator(e));
    }

    /**
     * The same request with another funnel plot of the observed studies.
     *
     * @param f the funnel options
     * @return the changed request
     * @throws IllegalArgumentException when {@code f} is null
     */
    public BiasRequest withFunnel(FunnelOptions f) {
        return new BiasRequest(meta, trimFill, f, contours);
    }

    /**
     * The same request with another contour-enhanced funnel plot.
     *
     * @param c the funnel options of the contours
     * @return the changed request
     * @throws IllegalArgumentException when {@code c} is null
     */
    public BiasRequest withContours(FunnelOptions c) {
        return new BiasRequest(meta, trimFill, funnel, c);
    }
}
