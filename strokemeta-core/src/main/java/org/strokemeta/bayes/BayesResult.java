package org.strokemeta.bayes;

import java.util.List;

/**
 * The posterior of a Bayesian normal-normal random-effects meta-analysis, as bayesmeta reports it.
 *
 * @param options            the priors and level
 * @param studies            the trials' names
 * @param y                  the trials' estimates (analysis scale)
 * @param v                  their sampling variances
 * @param mu                 the marginal posterior of the overall effect mu
 * @param tau                the marginal posterior of the between-trial standard deviation tau
 * @param predictive         the posterior predictive distribution of the true effect of a new trial
 * @param shrinkage          each trial's posterior (shrinkage) effect, in data order
 * @param exceedance         P(mu &gt; t | y) for each threshold of the options, in their order
 * @param probMuNegative     P(mu &lt; 0 | y)
 * @param logMarginalLikelihood log p(y) with every normalising constant (a normal mu prior only; NaN for a flat one)
 * @param bayesFactorMu0     p(y | mu = 0) / p(y), above 1 in favour of mu = 0 (a normal mu prior only; NaN otherwise)
 * @param notes              what a reader should know (an improper prior's consequences, a posterior piled at a prior's limit)
 * @param densities          the posterior densities on grids, for plots
 * @serial exclude
 */
public record BayesResult(BayesOptions options, List<String> studies, double[] y, double[] v, Summary mu, Summary tau,
                          Summary predictive, List<Summary> shrinkage, double[] exceedance, double probMuNegative,
                          double logMarginalLikelihood,
                          double bayesFactorMu0, List<String> notes, Densities densities) implements java.io.Serializable {

    /**
     * Posterior densities on grids (for the plots): the marginal densities of mu and tau and the joint density.
     *
     * @param mu        grid of mu (analysis scale)
     * @param muDensity p(mu | y) at each grid point
     * @param tau       grid of tau, from 0
     * @param tauDensity p(tau | y) at each grid point
     * @param joint     p(mu, tau | y), row-major: tau rows (as {@code tau}), mu columns (as {@code mu})
     * @serial exclude
     */
    public record Densities(double[] mu, double[] muDensity, double[] tau, double[] tauDensity, double[] joint)
            implements java.io.Serializable {
    }

    /**
     * A one-dimensional posterior summary.
     *
     * @param mean          the posterior mean
     * @param sd            the posterior standard deviation
     * @param median        the posterior median
     * @param lower         the lower end of the equal-tailed credible interval
     * @param upper         its upper end
     * @param shortestLower the lower end of the shortest credible interval of the same level
     * @param shortestUpper its upper end
     * @serial exclude
     */
    public record Summary(double mean, double sd, double median, double lower, double upper, double shortestLower,
                          double shortestUpper) implements java.io.Serializable {
    }

    /**
     * The marginal likelihood p(y).
     *
     * @return exp of {@link #logMarginalLikelihood()}
     */
    public double marginalLikelihood() {
        return Math.exp(logMarginalLikelihood);
    }

}
