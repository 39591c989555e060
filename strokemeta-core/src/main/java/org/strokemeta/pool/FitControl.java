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
 * @serial exclude
 */
public record FitControl(double threshold, int maxIter, double stepAdj, boolean ll0Check, boolean scoreFallback) implements java.io.Serializable {
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
     * @throws IllegalArgumentException if {@code threshold} or {@code stepAdj} is not positive, or {@code maxIter} is below 1
     */
    public FitControl {
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
        return new FitControl(threshold, n, stepAdj, ll0Check, scoreFallback);
    }

    /**
     * A copy with the score-equation fallback switched on or off.
     *
     * @param on whether to solve the score equation by bracketing when Fisher scoring does not settle
     * @return these settings with {@code scoreFallback = on}
     */
    public FitControl withScoreFallback(boolean on) {
        return new FitControl(threshold, maxIter, stepAdj, ll0Check, on);
    }
}
