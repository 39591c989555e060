package org.strokemeta.ipd;

/**
 * The estimated between-trial variance components of a mixed model (clmm's and glmer's
 * {@code VarCorr}).
 *
 * @param structure          the random-effects structure
 * @param interceptVariance  the variance of the random trial intercept (NaN when the model has none)
 * @param treatmentVariance  the variance of the random treatment effect (NaN when the model has none)
 * @param correlation        the correlation of intercept and treatment effect (NaN unless correlated)
 * @param atBoundary         true when the estimate lies on the boundary of the parameter space: a
 *                           variance of 0, or a correlation of ±1
 * @serial exclude
 */
public record VarianceComponents(RandomEffects structure, double interceptVariance, double treatmentVariance,
                                 double correlation, boolean atBoundary) implements java.io.Serializable {
    /**
     * The standard deviation of the random intercept.
     *
     * @return √interceptVariance, on the log odds scale
     */
    public double interceptSd() {
        return Math.sqrt(interceptVariance);
    }

    /**
     * The standard deviation of the random treatment effect.
     *
     * @return √treatmentVariance, on the log odds ratio scale
     */
    public double treatmentSd() {
        return Math.sqrt(treatmentVariance);
    }
}
