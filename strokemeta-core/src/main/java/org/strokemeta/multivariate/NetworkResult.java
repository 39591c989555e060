package org.strokemeta.multivariate;

import java.util.List;
import org.strokemeta.regression.Coefficient;

/**
 * A fitted network meta-analysis (the consistency model).
 *
 * @param options       what was asked
 * @param measure       the effect measure: {@code OR} (log odds ratios of binary arms), {@code MD} (mean differences)
 *                      or the contrast data's own
 * @param treatments    the treatments, in output order
 * @param reference     the reference treatment
 * @param relative      each other treatment's effect against the reference (named by the treatment)
 * @param vb            the covariance of those effects (row-major, in the order of {@code relative})
 * @param tau2          the common heterogeneity variance (0 for fixed effects)
 * @param qe            the test of heterogeneity and inconsistency together (fixed-effect QE)
 * @param qeDf          its degrees of freedom
 * @param qeP           its p-value
 * @param studies       the trials analysed
 * @param contrasts     the contrasts analysed (k)
 * @param league        every pair of treatments (treat1 before treat2 in output order): treat1 relative to treat2
 * @param ranking       each treatment's P-score (Rücker and Schwarzer 2015), in output order
 * @param edges         the comparisons with direct evidence: the network graph
 * @param inconsistency the design-by-treatment interaction test, or null when the network has no loop and no
 *                      multi-arm design sharing a comparison with another design
 * @param logLik        the (restricted) log-likelihood of the consistency model
 * @param converged     whether the estimation of tau² converged
 * @param message       the optimiser's last word
 * @param notes         trials left out and other remarks
 * @serial exclude
 */
public record NetworkResult(NetworkOptions options, String measure, List<String> treatments, String reference, List<Coefficient> relative,
                            double[] vb, double tau2, double qe, int qeDf, double qeP, int studies, int contrasts, List<Pair> league,
                            List<Rank> ranking, List<Edge> edges, Inconsistency inconsistency, double logLik, boolean converged,
                            String message, List<String> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param options       the options
     * @param measure       the measure
     * @param treatments    the treatments
     * @param reference     the reference
     * @param relative      the relative effects
     * @param vb            their covariance
     * @param tau2          tau²
     * @param qe            QE
     * @param qeDf          its df
     * @param qeP           its p
     * @param studies       trials
     * @param contrasts     contrasts
     * @param league        the league table
     * @param ranking       the P-scores
     * @param edges         the graph
     * @param inconsistency the design-by-treatment test, or null
     * @param logLik        the log-likelihood
     * @param converged     convergence
     * @param message       the optimiser's message
     * @param notes         notes
     */
    public NetworkResult {
        treatments = List.copyOf(treatments);
        relative = List.copyOf(relative);
        league = List.copyOf(league);
        ranking = List.copyOf(ranking);
        edges = List.copyOf(edges);
        notes = List.copyOf(notes);
    }

    /**
     * One pair of the league table.
     *
     * @param treat1   the first treatment
     * @param treat2   the second
     * @param estimate d(treat1) − d(treat2): treat1 relative to treat2, on the analysis scale
     * @param se       its standard error
     * @param z        its z statistic
     * @param p        its p-value
     * @param ciLower  its lower confidence limit
     * @param ciUpper  its upper confidence limit
     * @serial exclude
     */
    public record Pair(String treat1, String treat2, double estimate, double se, double z, double p, double ciLower, double ciUpper)
            implements java.io.Serializable {
    }

    /**
     * A treatment's rank score.
     *
     * @param treatment the treatment
     * @param pScore    the mean over the other treatments of the one-sided probability that it is better
     * @serial exclude
     */
    public record Rank(String treatment, double pScore) implements java.io.Serializable {
    }

    /**
     * A comparison with direct evidence.
     *
     * @param treat1  one treatment
     * @param treat2  the other
     * @param studies the trials comparing them directly
     * @serial exclude
     */
    public record Edge(String treat1, String treat2, int studies) implements java.io.Serializable {
    }

    /**
     * The design-by-treatment interaction test (Higgins et al. 2012, Res Synth Methods 3:98-110): the consistency model
     * against one free mean per design-specific contrast.
     *
     * @param qTotal             the fixed-effect QE of the consistency model
     * @param qTotalDf           its df
     * @param qWithin            the fixed-effect QE of the design-by-treatment model (heterogeneity within designs)
     * @param qWithinDf          its df
     * @param qBetween           the difference (inconsistency between designs)
     * @param qBetweenDf         its df
     * @param qBetweenP          its p-value
     * @param lrt                twice the difference of the ML log-likelihoods with the random structure
     * @param lrtDf              its df
     * @param lrtP               its p-value
     * @param tau2MlConsistency  tau² of the consistency model by ML
     * @param tau2MlInconsistency tau² of the design-by-treatment model by ML
     * @serial exclude
     */
    public record Inconsistency(double qTotal, int qTotalDf, double qWithin, int qWithinDf, double qBetween, int qBetweenDf, double qBetweenP,
                                double lrt, int lrtDf, double lrtP, double tau2MlConsistency, double tau2MlInconsistency)
            implements java.io.Serializable {
    }

    /**
     * A treatment's effect against the reference.
     *
     * @param treatment the treatment
     * @return its coefficient
     * @throws IllegalArgumentException for the reference or an unknown treatment
     */
    public Coefficient relative(String treatment) {
        return relative.stream().filter(c -> c.name().equals(treatment)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no relative effect of " + treatment));
    }
}
