package org.strokemeta.pool;

import java.util.Locale;

/** Fixed-effect (common-effect) or random-effects pooling. */
public enum Model {
    /** One common effect; weights 1/v (metafor rma(method = "FE")). */
    FIXED,
    /** Effects drawn from a normal distribution with variance tau²; weights 1/(v + tau²). */
    RANDOM;

    /**
     * Parses a model as users type it: {@code fixed}, {@code fe} or {@code common}; {@code random} or {@code re}.
     *
     * @param s the name, case-insensitive, surrounding blanks ignored
     * @return the model
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Model parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "fixed", "fe", "common" -> FIXED;
            case "random", "re" -> RANDOM;
            default -> throw new IllegalArgumentException("unknown model '" + s + "' (expected fixed or random)");
        };
    }

    /**
     * The model's name for reports.
     *
     * @return "fixed-effect" or "random-effects"
     */
    public String label() {
        return this == FIXED ? "fixed-effect" : "random-effects";
    }
}
