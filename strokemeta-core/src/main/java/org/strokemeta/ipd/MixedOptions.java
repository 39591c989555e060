package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.pool.Execution;

/**
 * Options of a one-stage mixed model on patient-level data.
 *
 * @param covariates     the adjustment covariates (columns of the patient data), besides treatment
 * @param randomEffects  the random trial effects
 * @param nAGQ           quadrature points: 1 for the Laplace approximation (clmm's and glmer's default),
 *                       more for adaptive Gauss-Hermite quadrature (a single random intercept only)
 * @param level          the confidence level of the intervals
 * @param maxIterations  the most quasi-Newton iterations of the outer maximisation
 * @param execution      where the parallel parts of the fit run (the trials of an evaluation from 30,000
 *                       patients, otherwise the two halves of the Hessian): the library's pool by default;
 *                       the estimates do not depend on it
 * @serial exclude
 */
public record MixedOptions(List<String> covariates, RandomEffects randomEffects, int nAGQ, double level, int maxIterations,
                           Execution execution) implements java.io.Serializable {
    /**
     * Checks the options and copies the covariates (null means none).
     *
     * @param covariates the adjustment covariates (columns of the patient data), besides treatment
     * @param randomEffects the random trial effects
     * @param nAGQ quadrature points: 1 for the Laplace approximation (clmm's and glmer's default),
     *                              more for adaptive Gauss-Hermite quadrature (a single random intercept only)
     * @param level the confidence level of the intervals
     * @param maxIterations the most quasi-Newton iterations of the outer maximisation
     * @param execution where the parallel parts of the fit run (the trials of an evaluation from 30,000
     *                              patients, otherwise the two halves of the Hessian): the library's pool by default;
     *                              the estimates do not depend on it
     * @throws IllegalArgumentException if an option is missing or out of range
     */
    public MixedOptions {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        if (randomEffects == null) {
            throw new IllegalArgumentException("the random-effects structure is missing");
        }
        if (execution == null) {
            throw new IllegalArgumentException("the execution is missing");
        }
        if (nAGQ < 1 || nAGQ > GaussHermite.MAX_POINTS) {
            throw new IllegalArgumentException("the number of quadrature points (nAGQ) must lie between 1 (the Laplace "
                    + "approximation) and " + GaussHermite.MAX_POINTS + ", not " + nAGQ);
        }
        if (nAGQ > 1 && !randomEffects.allowsQuadrature()) {
            throw new IllegalArgumentException("adaptive Gauss-Hermite quadrature (nAGQ = " + nAGQ + ") is available only "
                    + "for a single random trial intercept; a model with a random treatment effect " + randomEffects.formula()
                    + " is fitted by the Laplace approximation (nAGQ = 1), as ordinal::clmm does");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1, not " + level);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be at least 1");
        }
    }

    /**
     * Options on the library's pool ({@link Execution#defaults()}).
     *
     * @param covariates    the adjustment covariates besides treatment, or null for none
     * @param randomEffects the random trial effects
     * @param nAGQ          quadrature points: 1 for the Laplace approximation
     * @param level         the confidence level of the intervals, in (0, 1)
     * @param maxIterations the most quasi-Newton iterations of the outer maximisation
     */
    public MixedOptions(List<String> covariates, RandomEffects randomEffects, int nAGQ, double level, int maxIterations) {
        this(covariates, randomEffects, nAGQ, level, maxIterations, Execution.defaults());
    }

    /**
     * A random trial intercept, no covariates, the Laplace approximation, 95% intervals (clmm's defaults).
     *
     * @return the default options
     */
    public static MixedOptions defaults() {
        return new MixedOptions(List.of(), RandomEffects.INTERCEPT, 1, 0.95, 200);
    }

    /**
     * A copy with other adjustment covariates.
     *
     * @param c the covariates besides treatment
     * @return these options with {@code covariates = c}
     */
    public MixedOptions withCovariates(List<String> c) {
        return new MixedOptions(c, randomEffects, nAGQ, level, maxIterations, execution);
    }

    /**
     * A copy with other random effects.
     *
     * @param r the random-effects structure
     * @return these options with {@code randomEffects = r}
     */
    public MixedOptions withRandomEffects(RandomEffects r) {
        return new MixedOptions(covariates, r, nAGQ, level, maxIterations, execution);
    }

    /**
     * A copy with another number of quadrature points.
     *
     * @param n 1 for the Laplace approximation, more for adaptive Gauss-Hermite quadrature
     * @return these options with {@code nAGQ = n}
     */
    public MixedOptions withNagq(int n) {
        return new MixedOptions(covariates, randomEffects, n, level, maxIterations, execution);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1) (0.95, not 95)
     * @return these options with {@code level = l}
     */
    public MixedOptions withLevel(double l) {
        return new MixedOptions(covariates, randomEffects, nAGQ, l, maxIterations, execution);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param n the most quasi-Newton iterations
     * @return these options with {@code maxIterations = n}
     */
    public MixedOptions withMaxIterations(int n) {
        return new MixedOptions(covariates, randomEffects, nAGQ, level, n, execution);
    }

    /**
     * A copy whose parallel parts run on {@code e}.
     *
     * @param e the execution
     * @return these options with {@code execution = e}
     */
    public MixedOptions withExecution(Execution e) {
        return new MixedOptions(covariates, randomEffects, nAGQ, level, maxIterations, e);
    }

    /**
     * The approximation in words.
     *
     * @return "Laplace approximation" or the number of quadrature points
     */
    public String approximation() {
        return nAGQ == 1 ? "Laplace approximation" : "adaptive Gauss-Hermite quadrature with " + nAGQ + " points";
    }
}
