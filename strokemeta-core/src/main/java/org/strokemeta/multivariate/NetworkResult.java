package org.strokemeta.multivariate;

import java.util.List;
import org.strokemeta.regression.Coefficient;

/**
 * A fitted network meta-analysis (the consistency model).
 *
 * @param options       what was asked
 * @param measure       the effect measure: {@code OR} (log odds ratios of binary arms), {@code cOR} (log common odds ratios
 *                      of mRS distributions, > 0 favouring the first treatment: a better mRS), {@code MD} (mean
 *                      differences) or {@code contrast} (the contrast data's own)
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
 * @param ranking       each treatment's P-score (Rücker and Schwarzer 2015), rank probabilities and SUCRA, in output
 *                      order
 * @param edges         the comparisons with direct evidence: the network graph
 * @param inconsistency the design-by-treatment interaction test, or null when the network has no loop and no
 *                      multi-arm design sharing a comparison with another design
 * @param splits        node splitting of every comparison with both direct and indirect evidence (empty when not asked)
 * @param directOnly    the comparisons with direct evidence but no indirect evidence, which cannot be split
 * @param logLik        the (restricted) log-likelihood of the consistency model
 * @param converged     whether the estimation of tau² converged
 * @param message       the optimiser's last word
 * @param notes         trials left out and other remarks
 * @serial exclude
 */
public record NetworkResult(NetworkOptions options, String measure, List<String> treatments, String reference, List<Coefficient> relative,
                            double[] vb, double tau2, double qe, int qeDf, double qeP, int studies, int contrasts, List<Pair> league,
                            List<Rank> ranking, List<Edge> edges, Inconsistency inconsistency, List<Split> splits, List<Edge> directOnly,
                            double logLik, boolean converged, String message, List<String> notes) implements java.io.Serializable {
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
     * @param splits        the node splits
     * @param directOnly    the comparisons that cannot be split
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
        splits = List.copyOf(splits);
        directOnly = List.copyOf(directOnly);
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
     * A treatment's rank scores.
     *
     * @param treatment     the treatment
     * @param pScore        the mean over the other treatments of the one-sided probability that it is better (the exact
     *                      expectation of SUCRA under the estimates' normal distribution: Rücker and Schwarzer 2015)
     * @param sucra         the surface under the cumulative ranking curve (Salanti et al. 2011, J Clin Epidemiol
     *                      64:163-171), (T − mean rank)/(T − 1), from the draws; NaN without draws
     * @param sucraSe       its Monte Carlo standard error
     * @param meanRank      the mean rank over the draws (1 = best)
     * @param probabilities the probability of each rank, 1 (best) to T, over the draws; empty without draws
     * @serial exclude
     */
    public record Rank(String treatment, double pScore, double sucra, double sucraSe, double meanRank, double[] probabilities)
            implements java.io.Serializable {
        /**
         * Copies the probabilities.
         *
         * @param treatment     the treatment
         * @param pScore        the P-score
         * @param sucra         SUCRA
         * @param sucraSe       its Monte Carlo SE
         * @param meanRank      the mean rank
         * @param probabilities the rank probabilities
         */
        public Rank {
            probabilities = probabilities.clone();
        }

        /**
         * The rank probabilities.
         *
         * @return a copy
         */
        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /**
     * Node splitting of one comparison (Dias et al. 2010, Stat Med 29:932-944): the consistency model refitted with
     * one more parameter for the direct evidence on treat1 versus treat2. A trial containing both takes treat1 as its
     * baseline arm and its contrast of treat2 against treat1 carries the parameter; tau² is re-estimated.
     *
     * @param treat1        the first treatment (in output order)
     * @param treat2        the second; every estimate is treat1 relative to treat2
     * @param studies       the trials comparing them directly
     * @param network       the consistency model's estimate
     * @param networkSe     its SE
     * @param direct        the estimate from the direct evidence
     * @param directSe      its SE
     * @param indirect      the estimate from the rest of the network
     * @param indirectSe    its SE
     * @param difference    direct − indirect
     * @param differenceSe  its SE
     * @param z             its z statistic
     * @param p             its two-sided p-value
     * @param ciLevel       the level of the intervals
     * @param tau2          tau² of the split model (0 for fixed effects)
     * @param converged     whether the split model's tau² converged
     * @serial exclude
     */
    public record Split(String treat1, String treat2, int studies, double network, double networkSe, double direct, double directSe,
                        double indirect, double indirectSe, double difference, double differenceSe, double z, double p, double ciLevel,
                        double tau2, boolean converged) implements java.io.Serializable {
        /**
         * The network estimate's confidence limits.
         *
         * @return lower and upper
         */
        public double[] networkCi() {
            return ci(network, networkSe);
        }

        /**
         * The direct estimate's confidence limits.
         *
         * @return lower and upper
         */
        public double[] directCi() {
            return ci(direct, directSe);
        }

        /**
         * The indirect estimate's confidence limits.
         *
         * @return lower and upper
         */
        public double[] indirectCi() {
            return ci(indirect, indirectSe);
        }

        private double[] ci(double est, double se) {
            double q = org.strokemeta.internal.Dist.zCrit(ciLevel);
            return new double[] {est - q * se, est + q * se};
        }
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
     * Whether the effects are log ratios (log odds ratios of binary arms, log common odds ratios of mRS distributions):
     * shown exponentiated, on a log axis.
     *
     * @return true for OR and cOR
     */
    public boolean logRatio() {
        return measure.equals("OR") || measure.equals("cOR");
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
