package org.strokemeta.pool;

/**
 * A pooled effect on the analysis scale with its test, confidence and prediction intervals.
 *
 * @param estimate  the pooled effect
 * @param se        its standard error (Hartung-Knapp-scaled under KNHA)
 * @param ciLower   lower confidence limit
 * @param ciUpper   upper confidence limit
 * @param statistic z, or t under Hartung-Knapp
 * @param df        degrees of freedom of t, NaN for z
 * @param p         two-sided p-value
 * @param piLower   lower prediction limit (metafor predict()); NaN for fixed-effect models
 * @param piUpper   upper prediction limit; NaN for fixed-effect models
 * @serial exclude
 */
public record PooledEstimate(double estimate, double se, double ciLower, double ciUpper, double statistic,
                             double df, double p, double piLower, double piUpper) implements java.io.Serializable {
    /**
     * True when the statistic is a t (Hartung-Knapp) rather than a z.
     *
     * @return true when {@code df} is a number
     */
    public boolean isT() {
        return !Double.isNaN(df);
    }
}
