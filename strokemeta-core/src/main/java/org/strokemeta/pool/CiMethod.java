package org.strokemeta.pool;

import java.util.Locale;

/** How the pooled estimate is tested and its confidence interval built. */
public enum CiMethod {
    /** Wald-type z test and normal-quantile interval. */
    Z("Wald z"),
    /**
     * Hartung-Knapp / Sidik-Jonkman: variance scaled by the weighted residual mean square and t with
     * k−p degrees of freedom (Hartung and Knapp 2001; Sidik and Jonkman 2002; metafor test="knha").
     */
    KNHA("Hartung-Knapp-Sidik-Jonkman");

    private final String label;

    CiMethod(String label) {
        this.label = label;
    }

    /**
     * The method's name for reports ("Wald z", "Hartung-Knapp-Sidik-Jonkman").
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Parses a method as users type it: {@code z} or {@code wald}; {@code knha}, {@code hksj}, {@code hk} or {@code t}.
     *
     * @param s the name, case-insensitive, surrounding blanks ignored
     * @return the method
     * @throws IllegalArgumentException if the name is unknown
     */
    public static CiMethod parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "z", "wald" -> Z;
            case "knha", "hksj", "hk", "t" -> KNHA;
            default -> throw new IllegalArgumentException("unknown CI method '" + s + "' (expected z or knha)");
        };
    }
}
