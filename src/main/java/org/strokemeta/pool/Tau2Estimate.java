package org.strokemeta.pool;

/**
 * An estimate of the between-study variance with how it was obtained.
 *
 * @param method     the estimator
 * @param tau2       the estimate (truncated at zero, as metafor does)
 * @param iterations iterations used by iterative estimators (0 for closed forms)
 * @param converged  false when an iterative estimator stopped without converging; the value is then not valid
 * @param message    why it did not converge, or a remark (such as the tau² = 0 check), or null
 */
public record Tau2Estimate(Tau2Method method, double tau2, int iterations, boolean converged, String message) {
    static Tau2Estimate closedForm(Tau2Method m, double tau2) {
        return new Tau2Estimate(m, Math.max(0, tau2), 0, true, null);
    }
}
