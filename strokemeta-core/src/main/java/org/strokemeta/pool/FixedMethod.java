package org.strokemeta.pool;

import java.util.Locale;

/** How a fixed-effect model pools: inverse variance, Mantel-Haenszel or Peto. */
public enum FixedMethod {
    /** Inverse-variance weighting of the per-study effects (metafor rma(method="FE")). */
    IV("inverse variance"),
    /** Mantel-Haenszel (metafor rma.mh): OR, RR, RD from the 2x2 tables. */
    MH("Mantel-Haenszel"),
    /** Peto's one-step odds ratio (metafor rma.peto). */
    PETO("Peto");

    private final String label;

    FixedMethod(String label) {
        this.label = label;
    }

    /**
     * The method's name for reports ("inverse variance", "Mantel-Haenszel", "Peto").
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Parses a method as users type it: {@code IV}, {@code MH} or {@code PETO}, case-insensitive.
     *
     * @param s the name, surrounding blanks ignored
     * @return the method
     * @throws IllegalArgumentException if the name is unknown
     */
    public static FixedMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fixed-effect method '" + s + "' (expected IV, MH or PETO)");
        }
    }
}
