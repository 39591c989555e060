package org.strokemeta.glmm;

import java.util.List;

/**
 * A logistic mixed model of 2×2 tables: the pooled log odds ratio, the heterogeneity, and the tests of heterogeneity
 * metafor prints (Wald and likelihood-ratio tests of the model with one treatment effect per trial).
 *
 * @param options   what was asked
 * @param studies   the trials used
 * @param estimate  the pooled log odds ratio
 * @param se        its standard error
 * @param z         its z statistic
 * @param p         its p-value
 * @param ciLower   the lower confidence limit
 * @param ciUpper   the upper confidence limit
 * @param tau2      the variance of the treatment effect between trials
 * @param sigma2    the variance of the random intercepts (UM.RS; NaN for UM.FS and CM.EL)
 * @param tau2Se    the standard error of tau² (CM.EL, by the delta rule from log tau² as metafor; NaN otherwise)
 * @param qeDf      the degrees of freedom of the heterogeneity tests, k − 1
 * @param qeWald    the Wald test of the trials' treatment effects being equal (NaN when not computed)
 * @param qeWaldP   its p-value
 * @param qeLrt     the likelihood-ratio test of the model with one treatment effect per trial against the model without
 *                  the random treatment effect (metafor's QE.LRT)
 * @param qeLrtP    its p-value
 * @param logLik    the maximised log-likelihood (binomial constants included)
 * @param converged whether the optimiser converged
 * @param message   its last word
 * @param notes     the trials left out (no events in either arm, or only events) and other remarks
 * @serial exclude
 */
public record GlmmResult(GlmmOptions options, List<String> studies, double estimate, double se, double z, double p, double ciLower,
                         double ciUpper, double tau2, double sigma2, double tau2Se, int qeDf, double qeWald, double qeWaldP, double qeLrt, double qeLrtP,
                         double logLik, boolean converged, String message, List<String> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param options   the options
     * @param studies   the trials
     * @param estimate  the log OR
     * @param se        its SE
     * @param z         z
     * @param p         p
     * @param ciLower   lower limit
     * @param ciUpper   upper limit
     * @param tau2      tau²
     * @param sigma2    sigma²
     * @param tau2Se    the SE of tau²
     * @param qeDf      df
     * @param qeWald    Wald QE
     * @param qeWaldP   its p
     * @param qeLrt     LRT QE
     * @param qeLrtP    its p
     * @param logLik    log-likelihood
     * @param converged convergence
     * @param message   message
     * @param notes     notes
     */
    public GlmmResult {
        studies = List.copyOf(studies);
        notes = List.copyOf(notes);
    }

    /**
     * The trials used.
     *
     * @return k
     */
    public int k() {
        return studies.size();
    }
}
