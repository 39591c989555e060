package org.strokemeta.sequential;

/**
 * Options of a trial sequential analysis.
 *
 * @param target        the anticipated effect (binary, continuous or ordinal), which sets the required information size
 * @param alpha         the two-sided type I error
 * @param power         1 − beta
 * @param heterogeneity the correction of the required information size
 * @param i2            the stated I² in percent, for {@link Heterogeneity#I2}
 * @param futility      whether beta-spending futility boundaries are computed
 * @param spending      the alpha- (and beta-) spending function
 * @serial exclude
 */
public record TsaOptions(Target target, double alpha, double power, Heterogeneity heterogeneity, double i2, boolean futility,
                         Spending spending) implements java.io.Serializable {

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
     * @param target the anticipated effect
     * @param alpha the two-sided type I error, in (0, 1)
     * @param power the power, in (0, 1)
     * @param heterogeneity the correction
     * @param i2 the stated I² in percent (0 ≤ I² &lt; 100) for the I2 correction
     * @param futility whether futility boundaries are computed
     * @param spending the spending function
     * @throws IllegalArgumentException when a value is out of range
     */
    public TsaOptions {
        if (target == null || heterogeneity == null || spending == null) {
            throw new IllegalArgumentException("the anticipated effect, the heterogeneity correction and the spending function are required");
        }
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must lie strictly between 0 and 1");
        }
        if (heterogeneity == Heterogeneity.I2 && !(i2 >= 0 && i2 < 100)) {
            throw new IllegalArgumentException("the stated I² must lie in [0, 100) percent, not " + i2);
        }
    }

    /**
     * Options for a binary outcome with O'Brien-Fleming-type spending (the TSA program's default).
     *
     * @param controlRisk the anticipated control event proportion
     * @param relativeRiskReduction the anticipated relative risk reduction
     * @param alpha the two-sided type I error
     * @param power the power
     * @param heterogeneity the correction
     * @param i2 the stated I² in percent
     * @param futility whether futility boundaries are computed
     */
    public TsaOptions(double controlRisk, double relativeRiskReduction, double alpha, double power, Heterogeneity heterogeneity,
                      double i2, boolean futility) {
        this(new Target.Binary(controlRisk, relativeRiskReduction), alpha, power, heterogeneity, i2, futility, Spending.OBRIEN_FLEMING);
    }

    /**
     * A copy with another spending function.
     *
     * @param s the spending function
     * @return these options with {@code spending = s}
     */
    public TsaOptions withSpending(Spending s) {
        return new TsaOptions(target, alpha, power, heterogeneity, i2, futility, s);
    }
}
