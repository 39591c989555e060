package org.strokemeta.ordinal;

/** The negative log-likelihood of a cumulative-logit model with its derivatives at given parameters, however the data are held. */
interface LikelihoodEvaluator {
    /**
     * The value at {@code par}.
     *
     * @param par the parameters
     * @return the negative log-likelihood, its gradient and Hessian, or +∞ where it cannot be computed
     */
    Likelihood.Value evaluate(double[] par);
}
