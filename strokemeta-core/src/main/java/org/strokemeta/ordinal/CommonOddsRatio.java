package org.strokemeta.ordinal;

import org.strokemeta.internal.Dist;

/**
 * The treatment effect of a proportional-odds model as a common odds ratio, with the sign that
 * stroke trials report: {@code logCor = −beta_treatment} of the model
 * {@code logit P(Y <= j) = theta_j − x'beta} (R's ordinal::clm and MASS::polr), so that a common odds
 * ratio above 1 means the treatment shifts patients toward lower, better categories (as HERMES,
 * Goyal et al. Lancet 2016, reports it). The interval and test are Wald's, on the log scale.
 *
 * @param logCor  the log common odds ratio (positive = better outcomes with treatment)
 * @param se      its standard error, from the inverse observed information
 * @param ciLower lower confidence limit of the log common odds ratio
 * @param ciUpper upper confidence limit
 * @param z       logCor / se
 * @param p       two-sided p-value of z
 * @param level   the confidence level
 * @serial exclude
 */
public record CommonOddsRatio(double logCor, double se, double ciLower, double ciUpper, double z, double p,
                              double level) implements java.io.Serializable {
    /**
     * Checks the level.
     *
     * @param logCor the log common odds ratio (positive = better outcomes with treatment)
     * @param se its standard error, from the inverse observed information
     * @param ciLower lower confidence limit of the log common odds ratio
     * @param ciUpper upper confidence limit
     * @param z logCor / se
     * @param p two-sided p-value of z
     * @param level the confidence level
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public CommonOddsRatio {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
    }

    /**
     * The Wald summary of an estimate of the log common odds ratio and its standard error.
     *
     * @param logCor the log common odds ratio (positive = better with treatment)
     * @param se     its standard error
     * @param level  the confidence level, in (0, 1)
     * @return the estimate with its Wald interval (log scale), z and two-sided p-value
     */
    public static CommonOddsRatio of(double logCor, double se, double level) {
        double q = Dist.zCrit(level);
        double z = logCor / se;
        return new CommonOddsRatio(logCor, se, logCor - q * se, logCor + q * se, z, Dist.pNormal2(z), level);
    }

    /** An effect that could not be estimated: every value NaN. */
    static CommonOddsRatio unavailable(double level) {
        return new CommonOddsRatio(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, level);
    }

    /**
     * True when the values are estimates (the fit converged).
     *
     * @return whether {@code logCor} is a number
     */
    public boolean available() {
        return !Double.isNaN(logCor);
    }

    /**
     * The common odds ratio exp(logCor).
     *
     * @return the odds ratio, on the ratio scale
     */
    public double cor() {
        return Math.exp(logCor);
    }

    /**
     * The lower confidence limit on the ratio scale.
     *
     * @return exp(ciLower)
     */
    public double corLower() {
        return Math.exp(ciLower);
    }

    /**
     * The upper confidence limit on the ratio scale.
     *
     * @return exp(ciUpper)
     */
    public double corUpper() {
        return Math.exp(ciUpper);
    }
}
