package org.strokemeta.pool;

/**
 * Heterogeneity statistics of a pooled analysis, defined as in metafor.
 *
 * <p>Q is Cochran's Q with inverse-variance fixed-effect weights (for Mantel-Haenszel around the MH
 * estimate, for Peto the Peto statistic). For random-effects fits I² = 100 tau²/(tau² + s²) and
 * H² = (tau² + s²)/s² with the typical within-study variance s² = (k−p)/tr(P) (Higgins and Thompson
 * 2002); for fixed-effect fits I² = max(0, 100 (Q − df)/Q) and H² = Q/df.
 *
 * @param q           Q statistic
 * @param qDf         its degrees of freedom
 * @param qP          its p-value (chi-square)
 * @param i2          I² in percent
 * @param h2          H²
 * @param tau2        tau² (0 for fixed-effect fits)
 * @param tau         sqrt(tau²)
 * @param typicalVariance s² (NaN when undefined)
 * @param tau2Ci      Q-profile confidence interval of tau², or null when not computed
 * @param i2Ci        the matching interval of I², or null
 * @param h2Ci        the matching interval of H², or null
 * @serial exclude
 */
public record Heterogeneity(double q, int qDf, double qP, double i2, double h2, double tau2, double tau,
                           double typicalVariance, Interval tau2Ci, Interval i2Ci, Interval h2Ci) implements java.io.Serializable {
    /** A confidence interval; the bounds may sit at the search limits (see the flags).
     *
     * @serial exclude
     */
    public record Interval(double lower, double upper, String remark) implements java.io.Serializable {
    }
}
