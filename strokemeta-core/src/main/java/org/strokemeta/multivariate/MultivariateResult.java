package org.strokemeta.multivariate;

import java.util.List;
import org.strokemeta.regression.Coefficient;

/**
 * A fitted multivariate model.
 *
 * @param options      what was asked
 * @param outcomes     the outcomes, sorted (the order of tau2 and of the correlations)
 * @param coefficients each outcome's pooled effect, then the moderators
 * @param vb           their covariance (row-major)
 * @param tau2         the between-trial variance of each outcome (one value for CS)
 * @param rho          the between-trial correlations: one for CS and HCS, the pairs (1,2), (1,3), ..., (2,3), ... for UN,
 *                     none for DIAG
 * @param k            the effects analysed
 * @param studies      the trials
 * @param qe           the test of residual heterogeneity (sampling covariances only)
 * @param qeDf         its df
 * @param qeP          its p-value
 * @param qm           the Wald test of all coefficients (no common intercept)
 * @param qmDf         its df
 * @param qmP          its p-value
 * @param logLik       the (restricted) log-likelihood
 * @param converged    whether the optimiser converged
 * @param message      its last word
 * @param notes        the rows left out and other remarks
 * @param tau2Ci       the profile-likelihood interval {lower, upper} of each variance, or empty when not asked
 * @param rhoCi        the profile-likelihood interval of each correlation (−1 or 1 when the profile stays within), or
 *                     empty
 * @serial exclude
 */
public record MultivariateResult(MultivariateOptions options, List<String> outcomes, List<Coefficient> coefficients, double[] vb, double[] tau2,
                                 double[] rho, int k, int studies, double qe, int qeDf, double qeP, double qm, int qmDf, double qmP,
                                 double logLik, boolean converged, String message, List<String> notes, double[][] tau2Ci,
                                 double[][] rhoCi) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param options      options
     * @param outcomes     outcomes
     * @param coefficients coefficients
     * @param vb           their covariance
     * @param tau2         variances
     * @param rho          correlations
     * @param k            effects
     * @param studies      trials
     * @param qe           QE
     * @param qeDf         df
     * @param qeP          p
     * @param qm           QM
     * @param qmDf         df
     * @param qmP          p
     * @param logLik       log-likelihood
     * @param converged    convergence
     * @param message      message
     * @param notes        notes
     * @param tau2Ci       intervals of the variances
     * @param rhoCi        intervals of the correlations
     */
    public MultivariateResult {
        tau2Ci = tau2Ci == null ? new double[0][] : tau2Ci;
        rhoCi = rhoCi == null ? new double[0][] : rhoCi;
        outcomes = List.copyOf(outcomes);
        coefficients = List.copyOf(coefficients);
        notes = List.copyOf(notes);
    }
}
