package org.strokemeta.ordinal;

import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.pool.Execution;

/**
 * Settings of a proportional-odds fit.
 *
 * <p>Newton-Raphson stops when the largest absolute gradient of the log-likelihood is below
 * {@code gradientTolerance} (ordinal::clm's {@code gradTol}) and the largest Newton step is below
 * clm's {@code relTol} = 1e-6 and below {@code stepTolerance} standard errors of its parameter; this
 * second, scale-free step criterion is far tighter than clm's default, so that estimates agree with a
 * tightly converged clm to many digits whatever the units of the covariates.
 *
 * @param thresholds        common or trial-stratified cut-points
 * @param emptyCategories   what to do with a category that has no patient in a stratum
 * @param level             confidence level of the reported intervals
 * @param maxIterations     Newton iterations before non-convergence is reported (clm: {@code maxIter = 100})
 * @param gradientTolerance largest absolute gradient accepted at convergence (clm: {@code gradTol = 1e-6})
 * @param stepTolerance     largest Newton step, in standard errors of its parameter, accepted at convergence
 * @param maxHalvings       step halvings per iteration before giving up (clm: {@code maxLineIter = 15})
 * @param divergenceBound   a coefficient whose effect over one standard deviation of its covariate
 *                          exceeds this on the log-odds scale is taken as diverging (separation)
 * @param merge             outcome categories merged before fitting, or null for none
 * @param execution         where the blocks of the likelihood (from 32,768 patients) and the design's
 *                          columns run in parallel: the library's pool by default; the estimates do not depend on it
 * @param link              the link function (clm's {@code link}): logit, the proportional-odds model, by default
 * @serial exclude
 */
public record PoOptions(Thresholds thresholds, EmptyCategories emptyCategories, double level, int maxIterations,
                        double gradientTolerance, double stepTolerance, int maxHalvings, double divergenceBound,
                        CategoryMerge merge, Execution execution, Link link) implements java.io.Serializable {
    /**
     * Checks the options.
     *
     * @param thresholds common or trial-stratified cut-points
     * @param emptyCategories what to do with a category that has no patient in a stratum
     * @param level confidence level of the reported intervals
     * @param maxIterations Newton iterations before non-convergence is reported (clm: {@code maxIter = 100})
     * @param gradientTolerance largest absolute gradient accepted at convergence (clm: {@code gradTol = 1e-6})
     * @param stepTolerance largest Newton step, in standard errors of its parameter, accepted at convergence
     * @param maxHalvings step halvings per iteration before giving up (clm: {@code maxLineIter = 15})
     * @param divergenceBound a coefficient whose effect over one standard deviation of its covariate
     *                                 exceeds this on the log-odds scale is taken as diverging (separation)
     * @param merge outcome categories merged before fitting, or null for none
     * @param execution where the blocks of the likelihood (from 32,768 patients) and the design's
     *                                 columns run in parallel: the library's pool by default; the estimates do not depend on it
     * @param link the link function
     * @throws IllegalArgumentException if an option is missing or out of range
     */
    public PoOptions {
        if (link == null) {
            throw new IllegalArgumentException("the link is missing");
        }
        if (thresholds == null || emptyCategories == null) {
            throw new IllegalArgumentException("thresholds and the empty-category rule need a value");
        }
        if (execution == null) {
            throw new IllegalArgumentException("the execution is missing");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1 (got " + level + ")");
        }
        if (maxIterations < 1 || maxHalvings < 0) {
            throw new IllegalArgumentException("the iteration limits must be positive");
        }
        if (!(gradientTolerance > 0) || !(stepTolerance > 0) || !(divergenceBound > 0)) {
            throw new IllegalArgumentException("the tolerances and the divergence bound must be positive");
        }
    }

    /**
     * Options on the library's pool ({@link Execution#defaults()}).
     *
     * @param thresholds        common or trial-stratified cut-points
     * @param emptyCategories   what to do with a category that has no patient in a stratum
     * @param level             confidence level of the reported intervals, in (0, 1)
     * @param maxIterations     Newton iterations before non-convergence is reported
     * @param gradientTolerance largest absolute gradient accepted at convergence
     * @param stepTolerance     largest Newton step, in standard errors, accepted at convergence
     * @param maxHalvings       step halvings per iteration before giving up
     * @param divergenceBound   the bound on a coefficient's effect beyond which the fit is called divergent
     * @param merge             outcome categories merged before fitting, or null for none
     */
    public PoOptions(Thresholds thresholds, EmptyCategories emptyCategories, double level, int maxIterations,
                     double gradientTolerance, double stepTolerance, int maxHalvings, double divergenceBound,
                     CategoryMerge merge) {
        this(thresholds, emptyCategories, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, Execution.defaults(), Link.LOGIT);
    }

    /**
     * Stratified cut-points, empty categories rejected, 95%, clm's limits with a tight step criterion, no merging.
     *
     * @return the default options
     */
    public static PoOptions defaults() {
        return new PoOptions(Thresholds.STRATIFIED, EmptyCategories.REJECT, 0.95, 100, 1e-6, 1e-9, 15, 20, null);
    }

    /**
     * A copy with other cut-points.
     *
     * @param t common or stratified
     * @return these options with {@code thresholds = t}
     */
    public PoOptions withThresholds(Thresholds t) {
        return new PoOptions(t, emptyCategories, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, execution, link);
    }

    /**
     * A copy with another rule for empty categories.
     *
     * @param e the rule
     * @return these options with {@code emptyCategories = e}
     */
    public PoOptions withEmptyCategories(EmptyCategories e) {
        return new PoOptions(thresholds, e, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, execution, link);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1) (0.95, not 95)
     * @return these options with {@code level = l}
     */
    public PoOptions withLevel(double l) {
        return new PoOptions(thresholds, emptyCategories, l, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, execution, link);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param n the most Newton iterations
     * @return these options with {@code maxIterations = n}
     */
    public PoOptions withMaxIterations(int n) {
        return new PoOptions(thresholds, emptyCategories, level, n, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, execution, link);
    }

    /**
     * A copy with another merge of categories.
     *
     * @param m the merge, or null for none
     * @return these options with {@code merge = m}
     */
    public PoOptions withMerge(CategoryMerge m) {
        return new PoOptions(thresholds, emptyCategories, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, m, execution, link);
    }

    /**
     * A copy whose parallel parts run on {@code e}.
     *
     * @param e the execution
     * @return these options with {@code execution = e}
     */
    public PoOptions withExecution(Execution e) {
        return new PoOptions(thresholds, emptyCategories, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, e, link);
    }

    /**
     * A copy with another link function.
     *
     * @param l logit (the proportional-odds model), probit or cloglog
     * @return these options with {@code link = l}
     */
    public PoOptions withLink(Link l) {
        return new PoOptions(thresholds, emptyCategories, level, maxIterations, gradientTolerance, stepTolerance, maxHalvings,
                divergenceBound, merge, execution, l);
    }

    /** The patients with the merge applied (unchanged without one). */
    PatientData prepare(PatientData d) {
        return merge == null ? d : merge.apply(d);
    }

    /** The table with the merge applied (unchanged without one). */
    OrdinalTable prepare(OrdinalTable t) {
        return merge == null ? t : merge.apply(t);
    }
}
