package org.strokemeta.effect;

import java.util.Locale;

/**
 * The effect measures, with the data each needs and the scale it is analysed on (as metafor::escalc).
 */
public enum Measure {
    /** Log odds ratio. */
    OR(DataKind.BINARY, true, BackTransform.EXP, "log odds ratio", "OR"),
    /** Log risk ratio. */
    RR(DataKind.BINARY, true, BackTransform.EXP, "log risk ratio", "RR"),
    /** Risk difference. */
    RD(DataKind.BINARY, false, BackTransform.IDENTITY, "risk difference", "RD"),
    /** Peto's one-step log odds ratio (Yusuf et al. 1985). */
    PETO(DataKind.BINARY, true, BackTransform.EXP, "Peto log odds ratio", "OR"),
    /** Arcsine square-root risk difference (Rücker et al. 2009); no continuity correction unless one is asked for. */
    AS(DataKind.BINARY, false, BackTransform.IDENTITY, "arcsine square root risk difference", "AS"),
    /** Raw mean difference. */
    MD(DataKind.CONTINUOUS, false, BackTransform.IDENTITY, "mean difference", "MD"),
    /** Standardised mean difference, Hedges' g with the exact small-sample correction. */
    SMD(DataKind.CONTINUOUS, false, BackTransform.IDENTITY, "standardised mean difference (Hedges' g)", "SMD"),
    /** Standardised mean difference with heteroscedastic standard deviations (Bonett 2009). */
    SMDH(DataKind.CONTINUOUS, false, BackTransform.IDENTITY, "standardised mean difference (heteroscedastic, Bonett)", "SMDH"),
    /** Log ratio of means. */
    ROM(DataKind.CONTINUOUS, true, BackTransform.EXP, "log ratio of means", "ROM"),
    /** Generic estimates given with their variances (or SEs or confidence intervals). */
    GEN(DataKind.GENERIC, false, BackTransform.IDENTITY, "generic effect", "effect"),
    /** Generic ratios (hazard, odds or risk ratios as papers print them), analysed as log ratios and shown as ratios. */
    RATIO(DataKind.GENERIC, true, BackTransform.EXP, "log ratio", "ratio"),
    /** Raw proportion. */
    PR(DataKind.PROPORTIONS, false, BackTransform.IDENTITY, "proportion", "proportion"),
    /** Log proportion, shown as a proportion. */
    PLN(DataKind.PROPORTIONS, false, BackTransform.EXP, "log proportion", "proportion"),
    /** Logit proportion (log odds), shown as a proportion. */
    PLO(DataKind.PROPORTIONS, false, BackTransform.ILOGIT, "logit proportion", "proportion"),
    /** Arcsine square-root proportion, shown as a proportion; no continuity correction unless one is asked for. */
    PAS(DataKind.PROPORTIONS, false, BackTransform.IARCSIN, "arcsine square root proportion", "proportion"),
    /**
     * Freeman-Tukey double arcsine proportion (Freeman and Tukey 1950), shown as a proportion by Miller's
     * (1978) inverse with the harmonic mean of the sample sizes; no continuity correction unless one is asked for.
     */
    PFT(DataKind.PROPORTIONS, false, BackTransform.IPFT_HM, "Freeman-Tukey double arcsine proportion", "proportion"),
    /** Raw incidence rate (events per unit of person-time). */
    IR(DataKind.RATES, false, BackTransform.IDENTITY, "incidence rate", "rate"),
    /** Log incidence rate, shown as a rate. */
    IRLN(DataKind.RATES, false, BackTransform.EXP, "log incidence rate", "rate"),
    /** Square-root incidence rate, shown as a rate; no continuity correction unless one is asked for. */
    IRS(DataKind.RATES, false, BackTransform.ISQRT, "square root incidence rate", "rate"),
    /** Freeman-Tukey incidence rate, shown as a rate; no continuity correction unless one is asked for. */
    IRFT(DataKind.RATES, false, BackTransform.IIRFT, "Freeman-Tukey incidence rate", "rate"),
    /** Log incidence rate ratio of two arms. */
    IRR(DataKind.TWO_ARM_RATES, true, BackTransform.EXP, "log incidence rate ratio", "IRR"),
    /** Incidence rate difference of two arms. */
    IRD(DataKind.TWO_ARM_RATES, false, BackTransform.IDENTITY, "incidence rate difference", "IRD"),
    /** Standardised mean change of one group, standardised by the standard deviation of the changes (change-score standardisation). */
    SMCC(DataKind.PRE_POST, false, BackTransform.IDENTITY, "standardised mean change (change-score standardisation)", "SMCC"),
    /** Standardised mean change of one group, standardised by the first time point's standard deviation (raw-score standardisation, Becker 1988). */
    SMCR(DataKind.PRE_POST, false, BackTransform.IDENTITY, "standardised mean change (raw-score standardisation)", "SMCR"),
    /** Raw correlation coefficient. */
    COR(DataKind.CORRELATIONS, false, BackTransform.IDENTITY, "correlation coefficient", "correlation"),
    /** Fisher's r-to-z transformed correlation, shown as a correlation. */
    ZCOR(DataKind.CORRELATIONS, false, BackTransform.ZTOR, "Fisher's z transformed correlation", "correlation");

    /** The kind of study data a measure is computed from. */
    public enum DataKind {
        /** Events and totals in each arm. */
        BINARY,
        /** Means, standard deviations and sizes of each arm. */
        CONTINUOUS,
        /** An estimate and its sampling variance per study. */
        GENERIC,
        /** Events and patients of one arm. */
        PROPORTIONS,
        /** Events and person-time of one arm. */
        RATES,
        /** Events and person-time in each of two arms. */
        TWO_ARM_RATES,
        /** Means and standard deviations of one group at two time points, its size and the correlation of the two. */
        PRE_POST,
        /** A correlation coefficient and the sample size. */
        CORRELATIONS
    }

    private final DataKind kind;
    private final boolean logScale;
    private final BackTransform backTransform;
    private final String description;
    private final String ratioLabel;

    Measure(DataKind kind, boolean logScale, BackTransform backTransform, String description, String ratioLabel) {
        this.kind = kind;
        this.logScale = logScale;
        this.backTransform = backTransform;
        this.description = description;
        this.ratioLabel = ratioLabel;
    }

    /**
     * The kind of study data the measure is computed from.
     *
     * @return binary, continuous, generic, proportions, rates, two-arm rates, pre-post or correlations
     */
    public DataKind kind() {
        return kind;
    }

    /**
     * True when the measure is a log ratio, shown to readers as a ratio (exponentiated, with ratio axes
     * in figures). Log proportions and log rates (PLN, IRLN) are exponentiated too, but are not ratios:
     * {@link #backTransform()} says how any measure is shown.
     *
     * @return true for OR, RR, PETO, ROM, RATIO and IRR
     */
    public boolean logScale() {
        return logScale;
    }

    /**
     * How an effect of this measure is shown on the natural scale (metafor's {@code transf} for it).
     *
     * @return {@link BackTransform#EXP} for log ratios, log proportions and log rates; the inverse of the
     *         transformation for PLO, PAS, PFT, IRS, IRFT and ZCOR; {@link BackTransform#IDENTITY} otherwise
     */
    public BackTransform backTransform() {
        return backTransform;
    }

    /**
     * The continuity correction metafor::escalc adds by default for this measure: 1/2, or none for the
     * measures that are defined with zero counts and whose escalc default is {@code add = 0} (AS, PAS,
     * PFT, IRS, IRFT). See {@link Continuity#defaults(Measure)}.
     *
     * @return 0.5, or 0 for AS, PAS, PFT, IRS and IRFT
     */
    public double defaultAdd() {
        return this == AS || this == PAS || this == PFT || this == IRS || this == IRFT ? 0 : 0.5;
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
     * The short name of the effect as readers see it (OR, RR, proportion, rate, correlation, ...).
     *
     * @return the label of the back-transformed effect for transformed measures, of the effect itself otherwise
     */
    public String displayName() {
        return ratioLabel;
    }

    /**
     * Parses a measure name as users type it (case-insensitive).
     *
     * @param s the name (one of {@link #names()}), surrounding blanks ignored
     * @return the measure
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Measure parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown measure '" + s + "' (expected one of " + names() + ")");
        }
    }

    /**
     * The names of all measures, as users type them, in the order of their kinds of data.
     *
     * @return "OR, RR, RD, PETO, AS, MD, SMD, SMDH, ROM, GEN, RATIO, PR, PLN, ..."
     */
    public static String names() {
        StringBuilder b = new StringBuilder();
        for (Measure m : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(m.name());
        }
        return b.toString();
    }
}
