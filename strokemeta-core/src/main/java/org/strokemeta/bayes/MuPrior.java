package org.strokemeta.bayes;

/**
 * The prior of the overall effect mu: flat (improper uniform) or normal, as bayesmeta's
 * {@code mu.prior.mean}, {@code mu.prior.sd}.
 *
 * @param mean the normal prior's mean (NaN when flat)
 * @param sd   the normal prior's standard deviation (+∞ when flat)
 * @serial exclude
 */
public record MuPrior(double mean, double sd) implements java.io.Serializable {
    /** The flat, improper prior: the posterior of mu given tau is the likelihood's. */
    public static final MuPrior FLAT = new MuPrior(Double.NaN, Double.POSITIVE_INFINITY);

    /**
     * Checks the prior.
     *
     * @param mean the mean (NaN for flat)
     * @param sd the standard deviation (+∞ for flat)
     * @throws IllegalArgumentException when a normal prior's mean is not finite or its sd not positive
     */
    public MuPrior {
        if (sd != Double.POSITIVE_INFINITY && (!Double.isFinite(mean) || !(sd > 0))) {
            throw new IllegalArgumentException("a normal prior for mu needs a finite mean and a positive sd, not " + mean + " and " + sd);
        }
    }

    /**
     * A normal prior.
     *
     * @param mean its mean
     * @param sd   its standard deviation
     * @return the prior
     */
    public static MuPrior normal(double mean, double sd) {
        return new MuPrior(mean, sd);
    }

    /**
     * Whether the prior is flat.
     *
     * @return true for the improper uniform prior
     */
    public boolean flat() {
        return sd == Double.POSITIVE_INFINITY;
    }

    /**
     * The prior in words.
     *
     * @return {@code flat} or {@code normal(mean, sd)}
     */
    public String describe() {
        return flat() ? "flat (improper uniform)" : "normal(mean " + mean + ", sd " + sd + ")";
    }
}
