package org.strokemeta.ordinal;

import java.util.Locale;

/**
 * Utility weights for the categories of the modified Rankin scale (0 best to 6, death), turning the
 * ordinal outcome into a patient-centred value on a common scale.
 *
 * @param name   a short name
 * @param source the publication the weights come from
 * @param values the weight of each category, 0 first
 * @serial exclude
 */
public record UtilityWeights(String name, String source, double[] values) implements java.io.Serializable {
    /**
     * Checks the weights and copies them.
     *
     * @param name a short name
     * @param source the publication the weights come from
     * @param values the weight of each category, 0 first
     * @throws IllegalArgumentException if the name, source or values are missing, there are fewer than two
     *         values, or a value is not finite
     */
    public UtilityWeights {
        if (name == null || source == null || values == null || values.length < 2) {
            throw new IllegalArgumentException("utility weights need a name, a source and one value per category");
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("utility weights must be finite numbers");
            }
        }
        values = values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UtilityWeights r
                && java.util.Objects.equals(name, r.name)
                && java.util.Objects.equals(source, r.source)
                && java.util.Arrays.equals(values, r.values);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, source, java.util.Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "UtilityWeights[name=" + name + ", source=" + source + ", values="
                + java.util.Arrays.toString(values) + "]";
    }

    /**
     * mRS 0..6 = 1.00, 0.91, 0.76, 0.65, 0.33, 0, 0: Chaisinanunkul N, Adeoye O, Lewis RJ, et al.
     * Adopting a patient-centered approach to primary outcome analysis of acute stroke trials using a
     * utility-weighted modified Rankin scale. Stroke 2015;46:2238–2243.
     *
     * @return the weights on a 0–1 scale
     */
    public static UtilityWeights chaisinanunkul2015() {
        return new UtilityWeights("UW-mRS", "Chaisinanunkul et al., Stroke 2015;46:2238-2243",
                new double[] {1.00, 0.91, 0.76, 0.65, 0.33, 0, 0});
    }

    /**
     * The same weights on a 0–10 scale (10, 9.1, 7.6, 6.5, 3.3, 0, 0), as the DAWN trial reported
     * them: Nogueira RG, Jadhav AP, Haussen DC, et al. N Engl J Med 2018;378:11–21.
     *
     * @return the weights on a 0–10 scale
     */
    public static UtilityWeights dawn() {
        return new UtilityWeights("UW-mRS (DAWN, 0-10)", "Nogueira et al., N Engl J Med 2018;378:11-21 (weights of"
                + " Chaisinanunkul et al. 2015 times 10)", new double[] {10, 9.1, 7.6, 6.5, 3.3, 0, 0});
    }

    /**
     * Reads {@code chaisinanunkul2015} (or {@code uwmrs}) or {@code dawn}.
     *
     * @param s the name, any case
     * @return the weights
     * @throws IllegalArgumentException if the name is unknown
     */
    public static UtilityWeights parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "chaisinanunkul2015", "chaisinanunkul", "uwmrs", "uw-mrs" -> chaisinanunkul2015();
            case "dawn" -> dawn();
            default -> throw new IllegalArgumentException("unknown utility weights '" + s
                    + "' (expected chaisinanunkul2015 or dawn)");
        };
    }

    /**
     * The weight of a category.
     *
     * @param category the 0-based category (mRS)
     * @return its weight
     */
    public double weight(int category) {
        return values[category];
    }

    /**
     * The number of categories the weights are for.
     *
     * @return the number of values
     */
    public int categories() {
        return values.length;
    }

    /**
     * The {@code values} component, as a copy.
     *
     * @return a fresh copy of {@code values}
     */
    @Override
    public double[] values() {
        return values.clone();
    }
}
