package org.strokemeta.pool;

/**
 * An estimate of the between-study variance with how it was obtained.
 *
 * @param method     the estimator
 * @param tau2       the estimate (truncated at zero, as metafor does)
 * @param iterations iterations used by iterative estimators (0 for closed forms)
 * @param converged  false when an iterative estimator stopped without converging; the value is then not valid
 * @param message    why it did not converge, or a remark (such as the tau² = 0 check), or null
 * @serial exclude
 */
public record Tau2Estimate(Tau2Method method, double tau2, int iterations, boolean converged, String message) implements java.io.Serializable {
    /**
     * A closed-form estimate; one that double precision cannot hold (sums of weights overflow for
     * sampling variances near the smallest double, squared residuals for effects near the largest) is
     * reported as not valid rather than passed on as infinite or NaN.
     */
    static Tau2Estimate closedForm(Tau2Method m, double tau2) {
        if (!Double.isFinite(tau2)) {
            return new Tau2Estimate(m, tau2, 0, false, m.name() + ": tau² cannot be computed in double precision ("
                    + tau2 + "); the effects or sampling variances are too extreme");
        }
        return new Tau2Estimate(m, Math.max(0, tau2), 0, true, null);
    }
}
