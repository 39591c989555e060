package org.strokemeta.bayes;

import java.util.List;

/**
 * Options of a Bayesian random-effects meta-analysis.
 *
 * @param muPrior    the prior of the overall effect mu
 * @param tauPrior   the prior of the between-trial standard deviation tau
 * @param level      the credible level of every interval
 * @param thresholds effects (on the analysis scale: log odds ratios for ratio measures) for which the posterior
 *                   probability that mu exceeds them is reported, for example log(1) and log(1.2)
 * @serial exclude
 */
public record BayesOptions(MuPrior muPrior, TauPrior tauPrior, double level, List<Double> thresholds)
        implements java.io.Serializable {
    /**
     * Checks the options.
     *
     * @param muPrior the prior of mu
     * @param tauPrior the prior of tau
     * @param level the credible level
     * @param thresholds the effects whose exceedance probabilities are reported (null for none)
     * @throws IllegalArgumentException when a prior is missing, the level is not in (0, 1) or a threshold is not finite
     */
    public BayesOptions {
        if (muPrior == null || tauPrior == null) {
            throw new IllegalArgumentException("both priors (mu and tau) are required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the credible level must lie strictly between 0 and 1, not " + level);
        }
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        for (double t : thresholds) {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("a probability threshold must be a finite effect, not " + t);
            }
        }
    }

    /**
     * A flat mu prior, the given tau prior, 95% intervals, P(mu > 0) reported.
     *
     * @param tau the tau prior
     * @return the options
     */
    public static BayesOptions of(TauPrior tau) {
        return new BayesOptions(MuPrior.FLAT, tau, 0.95, List.of(0.0));
    }

    /**
     * A copy with another mu prior.
     *
     * @param m the prior
     * @return these options with {@code muPrior = m}
     */
    public BayesOptions withMuPrior(MuPrior m) {
        return new BayesOptions(m, tauPrior, level, thresholds);
    }

    /**
     * A copy with another credible level.
     *
     * @param l the level, in (0, 1)
     * @return these options with {@code level = l}
     */
    public BayesOptions withLevel(double l) {
        return new BayesOptions(muPrior, tauPrior, l, thresholds);
    }

    /**
     * A copy with other thresholds.
     *
     * @param t the effects on the analysis scale
     * @return these options with {@code thresholds = t}
     */
    public BayesOptions withThresholds(List<Double> t) {
        return new BayesOptions(muPrior, tauPrior, level, t);
    }
}
