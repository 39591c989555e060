package org.strokemeta.effect;

import java.util.Locale;

/**
 * The effect measures, with the data each needs and the scale it is analysed on (as metafor::escalc).
 */
public enum Measure {
    /** Log odds ratio. */
    OR(DataKind.BINARY, true, "log odds ratio", "OR"),
    /** Log risk ratio. */
    RR(DataKind.BINARY, true, "log risk ratio", "RR"),
    /** Risk difference. */
    RD(DataKind.BINARY, false, "risk difference", "RD"),
    /** Peto's one-step log odds ratio (Yusuf et al. 1985). */
    PETO(DataKind.BINARY, true, "Peto log odds ratio", "OR"),
    /** Raw mean difference. */
    MD(DataKind.CONTINUOUS, false, "mean difference", "MD"),
    /** Standardised mean difference, Hedges' g with the exact small-sample correction. */
    SMD(DataKind.CONTINUOUS, false, "standardised mean difference (Hedges' g)", "SMD"),
    /** Log ratio of means. */
    ROM(DataKind.CONTINUOUS, true, "log ratio of means", "ROM"),
    /** Generic estimates given with their variances (or SEs or confidence intervals). */
    GEN(DataKind.GENERIC, false, "generic effect", "effect"),
    /** Generic ratios (hazard, odds or risk ratios as papers print them), analysed as log ratios and shown as ratios. */
    RATIO(DataKind.GENERIC, true, "log ratio", "ratio");

    /** The kind of study data a measure is computed from. */
    public enum DataKind {
        /** Events and totals in each arm. */
        BINARY,
        /** Means, standard deviations and sizes of each arm. */
        CONTINUOUS,
        /** An estimate and its sampling variance per study. */
        GENERIC
    }

    private final DataKind kind;
    private final boolean logScale;
    private final String description;
    private final String ratioLabel;

    Measure(DataKind kind, boolean logScale, String description, String ratioLabel) {
        this.kind = kind;
        this.logScale = logScale;
        this.description = description;
        this.ratioLabel = ratioLabel;
    }

    /**
     * The kind of study data the measure is computed from.
     *
     * @return binary, continuous or generic
     */
    public DataKind kind() {
        return kind;
    }

    /**
     * True when the measure is a log ratio, shown to readers exponentiated.
     *
     * @return true for OR, RR, PETO, ROM and RATIO
     */
    public boolean logScale() {
        return logScale;
    }

    /**
     * The measure's name in words, as reports print it ("log odds ratio").
     *
     * @return the description
     */
    public String description() {
        return description;
    }

    /**
     * The short name of the back-transformed effect (OR, RR, ...).
     *
     * @return the label of the exponentiated effect for log-scale measures, of the effect itself otherwise
     */
    public String displayName() {
        return ratioLabel;
    }

    /**
     * Parses a measure name as users type it (case-insensitive).
     *
     * @param s the name (OR, RR, RD, PETO, MD, SMD, ROM, GEN or RATIO), surrounding blanks ignored
     * @return the measure
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Measure parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown measure '" + s + "' (expected one of OR, RR, RD, PETO, MD, SMD, ROM, GEN, RATIO)");
        }
    }
}
