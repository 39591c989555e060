package org.strokemeta.sequential;

/**
 * Options of a trial sequential analysis of a binary outcome.
 *
 * @param controlRisk           the anticipated event proportion in the control arm, pC
 * @param relativeRiskReduction the anticipated relative risk reduction, RRR (pI = pC (1 − RRR))
 * @param alpha                 the two-sided type I error
 * @param power                 1 − beta
 * @param heterogeneity         the correction of the required information size
 * @param i2                    the stated I² in percent, for {@link Heterogeneity#I2}
 * @param futility              whether beta-spending futility boundaries are computed
 * @serial exclude
 */
public record TsaOptions(double controlRisk, double relativeRiskReduction, double alpha, double power, Heterogeneity heterogeneity,
                         double i2, boolean futility) implements java.io.Serializable {

    /** How the required information size allows for heterogeneity. */
    public enum Heterogeneity {
        /** No correction: the fixed-effect information size. */
        NONE,
        /** Multiplied by 1/(1 − D²), the diversity of the data (Wetterslev et al. 2009). */
        D2,
        /** Multiplied by 1/(1 − I²), a stated I². */
        I2;

        /**
         * Reads a correction: none, D2 or I2 (any case).
         *
         * @param s the name
         * @return the correction
         * @throws IllegalArgumentException for another name
         */
        public static Heterogeneity parse(String s) {
            return switch (s.trim().toUpperCase(java.util.Locale.ROOT)) {
                case "NONE" -> NONE;
                case "D2", "DIVERSITY" -> D2;
                case "I2" -> I2;
                default -> throw new IllegalArgumentException("unknown heterogeneity correction '" + s + "' (expected none, D2 or I2)");
            };
        }
    }

    /**
     * Checks the options.
     *
     * @param controlRisk pC, in (0, 1)
     * @param relativeRiskReduction RRR, in (0, 1) (or negative for an anticipated harm, above −(1 − pC)/pC)
     * @param alpha the two-sided type I error, in (0, 1)
     * @param power the power, in (0, 1)
     * @param heterogeneity the correction
     * @param i2 the stated I² in percent (0 ≤ I² &lt; 100) for the I2 correction
     * @param futility whether futility boundaries are computed
     * @throws IllegalArgumentException when a value is out of range
     */
    public TsaOptions {
        if (!(controlRisk > 0 && controlRisk < 1)) {
            throw new IllegalArgumentException("the control event proportion must lie strictly between 0 and 1, not " + controlRisk);
        }
        double pi = controlRisk * (1 - relativeRiskReduction);
        if (!(relativeRiskReduction != 0 && pi > 0 && pi < 1)) {
            throw new IllegalArgumentException("the relative risk reduction must be non-zero and give an intervention proportion in (0, 1), "
                    + "not " + relativeRiskReduction);
        }
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must lie strictly between 0 and 1");
        }
        if (heterogeneity == null) {
            throw new IllegalArgumentException("the heterogeneity correction is missing");
        }
        if (heterogeneity == Heterogeneity.I2 && !(i2 >= 0 && i2 < 100)) {
            throw new IllegalArgumentException("the stated I² must lie in [0, 100) percent, not " + i2);
        }
    }

    /**
     * The anticipated intervention proportion.
     *
     * @return pC (1 − RRR)
     */
    public double interventionRisk() {
        return controlRisk * (1 - relativeRiskReduction);
    }
}
