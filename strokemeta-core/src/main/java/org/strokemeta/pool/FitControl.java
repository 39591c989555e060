package org.strokemeta.pool;

/**
 * Settings of the iterative tau² estimators.
 *
 * @param threshold convergence threshold on the change in tau² between Fisher-scoring iterations
 *                  (metafor's {@code threshold}; its default is 1e-5, strokemeta converges further by default)
 * @param maxIter   the most iterations before non-convergence is reported (metafor's {@code maxiter})
 * @param stepAdj   step length factor of Fisher scoring (metafor's {@code stepadj})
 * @param ll0Check  for ML and REML, compare the likelihood at tau² = 0 with the one at the solution
 *                  and take tau² = 0 when it is higher (metafor's {@code ll0check})
 * @param scoreFallback when Fisher scoring does not settle within {@code maxIter} iterations, solve
 *                  the score equation by a bracketing method instead (with a note); when false the fit
 *                  is reported as not converged, as metafor does
 * @param tau2Init  the start value of the iterative estimators (metafor's {@code tau2.init}): Fisher scoring of
 *                  ML, REML and EB, DLIT, SJIT, and the first step of SJ; NaN for each estimator's own start
 * @serial exclude
 */
public record FitControl(double threshold, int maxIter, double stepAdj, boolean ll0Check, boolean scoreFallback, double tau2Init)
        implements java.io.Serializable {
    /**
     * Checks the settings.
     *
     * @param threshold convergence threshold on the change in tau² between Fisher-scoring iterations
     *                         (metafor's {@code threshold}; its default is 1e-5, strokemeta converges further by default)
     * @param maxIter the most iterations before non-convergence is reported (metafor's {@code maxiter})
     * @param stepAdj step length factor of Fisher scoring (metafor's {@code stepadj})
     * @param ll0Check for ML and REML, compare the likelihood at tau² = 0 with the one at the solution
     *                         and take tau² = 0 when it is higher (metafor's {@code ll0check})
     * @param scoreFallback when Fisher scoring does not settle within {@code maxIter} iterations, solve
     *                         the score equation by a bracketing method instead (with a note); when false the fit
     *                         is reported as not converged, as metafor does
     * @param tau2Init the start value of the iterative estimators, NaN for each estimator's own start
     * @throws IllegalArgumentException if {@code threshold} or {@code stepAdj} is not positive, {@code maxIter} is below 1,
     *         or the start value is negative or infinite
     */
    public FitControl {
        if (!Double.isNaN(tau2Init) && !(tau2Init >= 0 && tau2Init < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the start value of tau² must be a finite number of at least 0 (got " + tau2Init + ")");
        }
        if (!(threshold > 0)) {
            throw new IllegalArgumentException("the convergence threshold must be positive");
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("the iteration limit must be at least 1");
        }
        if (!(stepAdj > 0)) {
            throw new IllegalArgumentException("the step adjustment must be positive");
        }
    }

    /**
     * Settings with each estimator's own start value.
     *
     * @param threshold convergence threshold on the change in tau² between iterations
     * @param maxIter the most iterations before non-convergence is reported
     * @param stepAdj step length factor of Fisher scoring
     * @param ll0Check for ML and REML, the tau² = 0 likelihood check
     * @param scoreFallback solve the score equation by bracketing when Fisher scoring does not settle
     * @throws IllegalArgumentException if {@code threshold} or {@code stepAdj} is not positive, or {@code maxIter} is below 1
     */
    public FitControl(double threshold, int maxIter, double stepAdj, boolean ll0Check, boolean scoreFallback) {
        this(threshold, maxIter, stepAdj, ll0Check, scoreFallback, Double.NaN);
    }

    /**
     * Tight convergence (1e-10), metafor's limit of 100 iterations, full steps, the tau² = 0 check.
     *
     * @return threshold 1e-10, 100 iterations, step factor 1, the tau² = 0 check and the score-equation fallback on
     */
    public static FitControl defaults() {
        return new FitControl(1e-10, 100, 1.0, true, true);
    }

    /**
     * metafor's own defaults (threshold 1e-5, 100 iterations, no fallback), for reproducing its iterates.
     *
     * @return threshold 1e-5, 100 iterations, step factor 1, the tau² = 0 check on, no fallback
     */
    public static FitControl metafor() {
        return new FitControl(1e-5, 100, 1.0, true, false);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param n the most Fisher-scoring iterations, at least 1
     * @return these settings with {@code maxIter = n}
     */
    public FitControl withMaxIter(int n) {
        return new FitControl(threshold, n, stepAdj, ll0Check, scoreFallback, tau2Init);
    }

    /**
     * A copy with the score-equation fallback switched on or off.
     *
     * @param on whether to solve the score equation by bracketing when Fisher scoring does not settle
     * @return these settings with {@code scoreFallback = on}
     */
    public FitControl withScoreFallback(boolean on) {
        return new FitControl(threshold, maxIter, stepAdj, ll0Check, on, tau2Init);
    }

    /**
     * A copy with another start value of the iterative estimators (metafor's {@code tau2.init}).
     *
     * @param t the start value, at least 0; NaN for each estimator's own
     * @return these settings with {@code tau2Init = t}
     * @throws IllegalArgumentException if {@code t} is negative or infinite
     */
    public FitControl withTau2Init(double t) {
        return new FitControl(threshold, maxIter, stepAdj, ll0Check, scoreFallback, t);
    }

    /** The start value when one is set, else the estimator's own. */
    double start(double own) {
        return Double.isNaN(tau2Init) ? own : tau2Init;
    }
}
