package org.strokemeta.data;

import java.util.TreeMap;

/**
 * The kind of data a table holds, told from its column names: the one place where the product decides
 * which analysis a file is for. Every front end and every entry point asks {@link #of(Table)}.
 *
 * <p>The rules are tried in this order, and the first that matches decides:
 * <ol>
 *   <li>{@link #MRS_TABLE}: a column {@code arm} and count columns of categories 0 and 1 with a common
 *       prefix ({@code mrs0, mrs1, ...}, {@code cat0, ...} or {@code n0, ...});</li>
 *   <li>{@link #BINARY}: every column of {@link BinaryStudies#COLUMNS};</li>
 *   <li>{@link #CONTINUOUS}: every column of {@link ContinuousStudies#COLUMNS};</li>
 *   <li>{@link #GENERIC}: {@code yi} with {@code vi} or {@code sei}, or {@code estimate} with {@code ci_lower};</li>
 *   <li>{@link #TWO_ARM_RATES}: every column of {@link TwoArmRateStudies#COLUMNS} ({@code x1i, t1i, x2i, t2i});</li>
 *   <li>{@link #PRE_POST}: {@code m1i, m2i, sd1i} and {@code ni} (the correlation {@code ri} and, for SMCC,
 *       {@code sd2i} are then required by the reader, which names them when missing);</li>
 *   <li>{@link #CORRELATIONS}: {@code ri} and {@code ni};</li>
 *   <li>{@link #RATES}: {@code xi} and {@code ti};</li>
 *   <li>{@link #PROPORTIONS}: {@code xi} and {@code ni};</li>
 *   <li>{@link #STROKE_PATIENTS}: an arm and a 90-day mRS column of the {@link StrokeField} dictionary, at
 *       least one of them (or {@code occlusion_site}) under its dictionary name;</li>
 *   <li>{@link #PATIENTS}: a column {@code treatment} with {@code mrs} or {@code outcome};</li>
 *   <li>{@link #UNKNOWN} otherwise.</li>
 * </ol>
 * Study-level columns thus win over patient-level ones, and tabulated mRS counts over both; a table of
 * generic estimates that also holds the data of another kind ({@code yi, vi} beside {@code ri, ni}) is
 * read as generic estimates unless a measure says otherwise.
 */
public enum DataKind {
    /** Study-level binary data: events and totals per arm (a 2x2 table per study). */
    BINARY,
    /** Study-level continuous data: means, standard deviations and sizes per arm. */
    CONTINUOUS,
    /** Study-level effect estimates given directly (yi with vi or sei, or an estimate with its confidence interval). */
    GENERIC,
    /** Single-arm studies with a binary outcome: events and patients ({@code xi, ni}), for proportions. */
    PROPORTIONS,
    /** Single-arm studies of events over person-time ({@code xi, ti}), for incidence rates. */
    RATES,
    /** Two-arm studies of events over person-time ({@code x1i, t1i, x2i, t2i}), for incidence rate ratios and differences. */
    TWO_ARM_RATES,
    /** One group measured twice: means, standard deviations, size and pre-post correlation ({@code m1i, m2i, sd1i, sd2i, ni, ri}). */
    PRE_POST,
    /** Correlation coefficients with their sample sizes ({@code ri, ni}). */
    CORRELATIONS,
    /** Tabulated ordinal outcomes: per trial and arm, the number of patients in each mRS category. */
    MRS_TABLE,
    /** Arms of a network of treatments: {@code study}, {@code treatment} and events/total, mean/sd/n or mRS counts (mrs0, mrs1, ...) per arm (strokemeta network). */
    NETWORK_ARMS,
    /** Contrasts of a network of treatments: {@code study}, {@code treat1}, {@code treat2}, {@code yi}, {@code vi} (strokemeta network). */
    NETWORK_CONTRASTS,
    /** Patient-level thrombectomy trial data in the columns of the {@link StrokeField} data dictionary. */
    STROKE_PATIENTS,
    /** Generic patient-level data: one row per patient with a treatment column (1/0) and an ordinal outcome. */
    PATIENTS,
    /** None of the above: the columns do not say what the data are. */
    UNKNOWN;

    /**
     * Tells the kind of data in a table from its column names (the rows are not read), by the rules in
     * the order given in the class description.
     *
     * @param t the table
     * @return the kind of data, {@link #UNKNOWN} when no rule matches
     * @throws NullPointerException when {@code t} is null
     */
    public static DataKind of(Table t) {
        if (mrsTable(t)) {
            return MRS_TABLE;
        }
        if (BinaryStudies.COLUMNS.stream().allMatch(t::has)) {
            return BINARY;
        }
        if (ContinuousStudies.COLUMNS.stream().allMatch(t::has)) {
            return CONTINUOUS;
        }
        if (t.has("treat1") && t.has("treat2") && t.has("yi") && t.has("vi")) {
            return NETWORK_CONTRASTS;
        }
        if ((t.has("yi") && (t.has("vi") || t.has("sei"))) || (t.has("estimate") && t.has("ci_lower"))) {
            return GENERIC;
        }
        if (TwoArmRateStudies.COLUMNS.stream().allMatch(t::has)) {
            return TWO_ARM_RATES;
        }
        if (t.has("m1i") && t.has("m2i") && t.has("sd1i") && t.has("ni")) {
            return PRE_POST;
        }
        if (t.has("ri") && t.has("ni")) {
            return CORRELATIONS;
        }
        if (t.has("xi") && t.has("ti")) {
            return RATES;
        }
        if (t.has("xi") && t.has("ni")) {
            return PROPORTIONS;
        }
        if (t.has("study") && t.has("treatment") && (t.has("events") && t.has("total") || t.has("mean") && t.has("sd") && t.has("n")
                || OrdinalTableLoader.categoryColumns(t).size() >= 2)) {
            return NETWORK_ARMS;
        }
        if (strokeDictionary(t)) {
            return STROKE_PATIENTS;
        }
        if (t.has("treatment") && (t.has("mrs") || t.has("outcome"))) {
            return PATIENTS;
        }
        return UNKNOWN;
    }

    /**
     * Whether the data hold one row per study (binary, continuous, generic, proportions, rates, pre-post
     * or correlations), the input of an aggregate-data meta-analysis.
     *
     * @return true for {@link #BINARY}, {@link #CONTINUOUS}, {@link #GENERIC}, {@link #PROPORTIONS},
     *         {@link #RATES}, {@link #TWO_ARM_RATES}, {@link #PRE_POST} and {@link #CORRELATIONS}
     */
    public boolean studyLevel() {
        return this == BINARY || this == CONTINUOUS || this == GENERIC || this == PROPORTIONS || this == RATES
                || this == TWO_ARM_RATES || this == PRE_POST || this == CORRELATIONS;
    }

    /**
     * Whether the data hold one row per patient, the input of a patient-level analysis.
     *
     * @return true for {@link #STROKE_PATIENTS} and {@link #PATIENTS}
     */
    public boolean patientLevel() {
        return this == STROKE_PATIENTS || this == PATIENTS;
    }

    /** An arm column and category count columns from 0 (a lone "mrs90" is a patient's 90-day mRS, not a category). */
    private static boolean mrsTable(Table t) {
        TreeMap<Integer, String> c = OrdinalTableLoader.categoryColumns(t);
        return t.has("arm") && c.containsKey(0) && c.containsKey(1);
    }

    /**
     * An arm and a 90-day mRS column of the dictionary, and at least one column under its dictionary name
     * ({@code arm}, {@code mrs90} or {@code occlusion_site}), so that generic patient files (study,
     * treatment 1/0, mrs) keep their own reading.
     */
    private static boolean strokeDictionary(Table t) {
        boolean arm = false;
        boolean mrs = false;
        boolean named = false;
        for (String h : t.columnNames()) {
            StrokeField f = StrokeField.ofHeader(h);
            arm |= f == StrokeField.ARM;
            mrs |= f == StrokeField.MRS90;
            String k = StrokeField.headerKey(h);
            named |= k.equals("arm") || k.equals("mrs90") || k.equals("occlusion_site");
        }
        return arm && mrs && named;
    }
}
