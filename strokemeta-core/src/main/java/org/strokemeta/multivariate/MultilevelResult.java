package org.strokemeta.multivariate;

import java.util.List;
import org.strokemeta.regression.Coefficient;

/**
 * A fitted multilevel model (metafor's {@code rma.mv} with nested random intercepts).
 *
 * @param options      what was asked
 * @param coefficients the fixed effects (intercept first), with tests and intervals
 * @param vb           their covariance matrix (row-major, p×p)
 * @param sigma2       the variance of each level, outermost first
 * @param sigma2Ci     each variance's profile-likelihood interval {lower, upper} (NaN when not computed)
 * @param clusters     the number of clusters of each level
 * @param k            the effects analysed
 * @param qe           the test of residual heterogeneity (sampling covariance only)
 * @param qeDf         its degrees of freedom, k − p
 * @param qeP          its p-value
 * @param qm           the test of the moderators (Wald chi-square; F with t tests), NaN without moderators
 * @param qmDf         its (numerator) degrees of freedom
 * @param qmP          its p-value
 * @param logLik       the log-likelihood of the method (REML with metafor's constants)
 * @param aic          Akaike's criterion, counting the fixed effects and the variances
 * @param bic          Bayes' criterion (with k − p observations for REML, as metafor)
 * @param converged    whether the optimiser converged
 * @param message      the optimiser's last word
 * @param notes        the effects left out (with their lines) and other remarks
 * @serial exclude
 */
public record MultilevelResult(MultilevelOptions options, List<Coefficient> coefficients, double[] vb, double[] sigma2,
                               double[][] sigma2Ci, int[] clusters, int k, double qe, int qeDf, double qeP, double qm, int qmDf, double qmP,
                               double logLik, double aic, double bic, boolean converged, String message, List<String> notes)
        implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param options      the options
     * @param coefficients the coefficients
     * @param vb           their covariance
     * @param sigma2       the variances
     * @param sigma2Ci     their profile intervals
     * @param clusters     clusters per level
     * @param k            effects
     * @param qe           QE
     * @param qeDf         its df
     * @param qeP          its p
     * @param qm           QM
     * @param qmDf         its df
     * @param qmP          its p
     * @param logLik       the log-likelihood
     * @param aic          AIC
     * @param bic          BIC
     * @param converged    convergence
     * @param message      the optimiser's message
     * @param notes        notes
     */
    public MultilevelResult {
        coefficients = List.copyOf(coefficients);
        notes = List.copyOf(notes);
    }

    /**
     * A coefficient by name.
     *
     * @param name {@code intercept} or a moderator
     * @return the coefficient
     * @throws IllegalArgumentException when there is none of that name
     */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient " + name));
    }
}
