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

    public String label() {
        return label;
    }

    public static FixedMethod parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fixed-effect method '" + s + "' (expected IV, MH or PETO)");
        }
    }
}
