package org.strokemeta.data;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Turns a {@link Table} into checked study-level data. Every problem is an {@link InputException}
 * naming file, line and column; nothing is dropped. Duplicate study labels are kept and reported.
 */
public final class StudyLoader {
    /** The column holding study labels. */
    public static final String STUDY = "study";

    private StudyLoader() {
    }

    /**
     * How generic estimates are given: {@code yi} with {@code vi}, {@code yi} with its standard error
     * {@code sei}, or an estimate with a confidence interval ({@code estimate, ci_lower, ci_upper}).
     *
     * @param scale   whether the estimates are ratios (analysed on the log scale) or differences;
     *                {@link Scale#AUTO} tells it from the intervals' symmetry ({@link IntervalScale})
     * @param ciLevel the level of the given confidence intervals, 0.95 when papers print 95% CIs
     * @serial exclude
     */
    public record GenericInput(Scale scale, double ciLevel) implements java.io.Serializable {
        /**
         * Checks the settings.
         *
         * @param scale whether the estimates are ratios (analysed on the log scale) or differences;
         *                       {@link Scale#AUTO} tells it from the intervals' symmetry ({@link IntervalScale})
         * @param ciLevel the level of the given confidence intervals, 0.95 when papers print 95% CIs
         * @throws NullPointerException if {@code scale} is null
         * @throws IllegalArgumentException if {@code ciLevel} is not in (0, 1)
         */
        public GenericInput {
            java.util.Objects.requireNonNull(scale, "scale");
            if (!(ciLevel > 0 && ciLevel < 1)) {
                throw new IllegalArgumentException("the confidence level of the input intervals must lie between 0 and 1");
            }
        }

        /**
         * Told from the intervals; 95% intervals.
         *
         * @return {@link Scale#AUTO}, level 0.95
         */
        public static GenericInput defaults() {
            return new GenericInput(Scale.AUTO, 0.95);
        }

        /**
         * A copy with another scale.
         *
         * @param s the scale
         * @return this input with {@code scale = s}
         */
        public GenericInput withScale(Scale s) {
            return new GenericInput(s, ciLevel);
        }
    }

    /** The scale of generic estimates as the user gives them. */
    public enum Scale {
        /**
         * Estimates with intervals: ratios when the intervals are symmetric on the log scale, differences
         * when symmetric on the natural scale (an error when they cannot tell); {@code yi} as given.
         */
        AUTO,
        /** Ratios (hazard, odds or risk ratios as papers print them): analysed on the log scale, shown as ratios. */
        RATIO,
        /** Differences or other effects: analysed as given. */
        ABSOLUTE;

        /**
         * Parses auto, ratio or absolute (also "log" and "difference").
         *
         * @param s the name, any case
         * @return the scale
         * @throws IllegalArgumentException if the name is unknown
         */
        public static Scale parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> AUTO;
                case "ratio", "log" -> RATIO;
                case "absolute", "difference", "identity", "natural" -> ABSOLUTE;
                default -> throw new IllegalArgumentException("unknown scale '" + s + "' (expected auto, ratio or absolute)");
            };
        }
    }

    /** Study labels, or row numbers when the table has no {@code study} column (with a note). */
    static String[] labels(Table t, List<Note> notes) {
        String[] labels;
        if (t.has(STUDY)) {
            labels = t.requiredText(STUDY);
        } else {
            labels = new String[t.rows()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = String.valueOf(i + 1);
            }
            notes.add(new Note(0, null, Note.Kind.INFO, "no 'study' column: studies are labelled by row number"));
        }
        return labels;
    }

    /**
     * A note for every study label that appeared before (duplicates are kept, not dropped).
     *
     * @param study the labels
     * @param lines their 1-based lines
     * @return one note per repeated label, in input order
     */
    public static List<Note> duplicates(String[] study, int[] lines) {
        List<Note> notes = new ArrayList<>();
        if (study.length <= 32) {
            // small analyses (the common case, and thousands of them in batch runs): no hash table
            for (int i = 1; i < study.length; i++) {
                for (int j = 0; j < i; j++) {
                    if (study[i].equals(study[j])) {
                        notes.add(new Note(lines[i], study[i], Note.Kind.DUPLICATE_LABEL,
                                "the study label also appears on line " + lines[j]));
                        break;
                    }
                }
            }
            return notes;
        }
        // open addressing on the labels' hash codes: one int array instead of a node per study
        int cap = Integer.highestOneBit(study.length * 2 - 1) << 1;
        int[] slots = new int[cap];
        java.util.Arrays.fill(slots, -1);
        for (int i = 0; i < study.length; i++) {
            int h = study[i].hashCode();
            h = (h ^ (h >>> 16)) & (cap - 1);
            while (true) {
                int j = slots[h];
                if (j < 0) {
                    slots[h] = i;
                    break;
                }
                if (study[j].equals(study[i])) {
                    notes.add(new Note(lines[i], study[i], Note.Kind.DUPLICATE_LABEL,
                            "the study label also appears on line " + lines[j]));
                    break;
                }
                h = (h + 1) & (cap - 1);
            }
        }
        return notes;
    }

    private static int[] lines(Table t) {
        int[] l = new int[t.rows()];
        for (int i = 0; i < l.length; i++) {
            l[i] = t.line(i);
        }
        return l;
    }

    private static void requireRows(Table t) {
        if (t.rows() == 0) {
            throw InputException.of(t.source(), "the file has a header but no data rows");
        }
    }

    /**
     * Binary outcome per arm; events must not exceed totals and every arm needs patients.
     *
     * @param t the table, one row per study
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static BinaryStudies binary(Table t) {
        return binary(t, true);
    }

    /**
     * Binary outcome per arm.
     *
     * @param duplicates report duplicate study labels (off when the table holds many analyses and
     *                   each subset is checked on its own, see {@link Studies#subset})
     * @param t the table, one row per study
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static BinaryStudies binary(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        for (String c : BinaryStudies.COLUMNS) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "the column '" + c + "' is missing; binary data need the columns "
                        + String.join(", ", BinaryStudies.COLUMNS));
            }
        }
        double[] et = t.counts("events_treat");
        double[] nt = t.counts("total_treat");
        double[] ec = t.counts("events_ctrl");
        double[] nc = t.counts("total_ctrl");
        for (int i = 0; i < et.length; i++) {
            checkArm(t, i, et[i], nt[i], "events_treat", "total_treat");
            checkArm(t, i, ec[i], nc[i], "events_ctrl", "total_ctrl");
        }
        String[] labels = labels(t, notes);
        int[] lines = lines(t);
        if (duplicates) {
            notes.addAll(duplicates(labels, lines));
        }
        return new BinaryStudies(t.source(), labels, lines, et, nt, ec, nc, notes);
    }

    private static void checkArm(Table t, int i, double events, double total, String ec, String tc) {
        if (total == 0) {
            throw new InputException(t.source(), t.line(i), t.headerName(tc), "the arm has no patients (total is 0)");
        }
        if (events > total) {
            throw new InputException(t.source(), t.line(i), t.headerName(ec),
                    "events (" + fmt(events) + ") exceed the total (" + fmt(total) + ")");
        }
    }

    /**
     * Continuous outcome per arm; standard deviations must be non-negative and arms non-empty.
     *
     * @param t the table, one row per study
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static ContinuousStudies continuous(Table t) {
        return continuous(t, true);
    }

    /**
     * Continuous outcome per arm, optionally without the duplicate-label check (see {@link #binary(Table, boolean)}).
     *
     * @param t          the table, one row per study
     * @param duplicates report duplicate study labels
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static ContinuousStudies continuous(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        for (String c : ContinuousStudies.COLUMNS) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "the column '" + c + "' is missing; continuous data need the columns "
                        + String.join(", ", ContinuousStudies.COLUMNS));
            }
        }
        double[] m1 = t.numbers("mean_treat");
        double[] s1 = t.numbers("sd_treat");
        double[] n1 = t.counts("n_treat");
        double[] m2 = t.numbers("mean_ctrl");
        double[] s2 = t.numbers("sd_ctrl");
        double[] n2 = t.counts("n_ctrl");
        for (int i = 0; i < m1.length; i++) {
            if (s1[i] < 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("sd_treat"), "a standard deviation cannot be negative");
            }
            if (s2[i] < 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("sd_ctrl"), "a standard deviation cannot be negative");
            }
            if (n1[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("n_treat"), "the arm has no patients (n is 0)");
            }
            if (n2[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("n_ctrl"), "the arm has no patients (n is 0)");
            }
        }
        String[] labels = labels(t, notes);
        int[] lines = lines(t);
        if (duplicates) {
            notes.addAll(duplicates(labels, lines));
        }
        return new ContinuousStudies(t.source(), labels, lines, m1, s1, n1, m2, s2, n2, notes);
    }

    /** Stops with the first column of {@code columns} the table lacks, naming what the kind of data needs. */
    private static void requireColumns(Table t, List<String> columns, String what) {
        for (String c : columns) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "the column '" + c + "' is missing; " + what + " need the columns "
                        + String.join(", ", columns));
            }
        }
    }

    /** The labels, lines and duplicate-label notes of a table's studies, in that order. */
    private record Labelled(String[] labels, int[] lines) {
    }

    private static Labelled labelled(Table t, List<Note> notes, boolean duplicates) {
        String[] labels = labels(t, notes);
        int[] lines = lines(t);
        if (duplicates) {
            notes.addAll(duplicates(labels, lines));
        }
        return new Labelled(labels, lines);
    }

    /**
     * Single-arm counts ({@code xi} patients with the event of {@code ni}), the data of proportions;
     * events must not exceed the number of patients, and every study needs patients.
     *
     * @param t          the table, one row per study
     * @param duplicates report duplicate study labels (see {@link #binary(Table, boolean)})
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static ProportionStudies proportions(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        requireColumns(t, ProportionStudies.COLUMNS, "proportions");
        double[] x = t.counts("xi");
        double[] n = t.counts("ni");
        for (int i = 0; i < x.length; i++) {
            if (n[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("ni"), "the study has no patients (ni is 0)");
            }
            if (x[i] > n[i]) {
                throw new InputException(t.source(), t.line(i), t.headerName("xi"),
                        "events (" + fmt(x[i]) + ") exceed the number of patients (" + fmt(n[i]) + ")");
            }
        }
        Labelled l = labelled(t, notes, duplicates);
        return new ProportionStudies(t.source(), l.labels(), l.lines(), x, n, notes);
    }

    /**
     * Single-arm events over person-time ({@code xi} events in {@code ti}), the data of incidence rates;
     * person-times must be positive.
     *
     * @param t          the table, one row per study
     * @param duplicates report duplicate study labels (see {@link #binary(Table, boolean)})
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static RateStudies rates(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        requireColumns(t, RateStudies.COLUMNS, "incidence rates");
        double[] x = t.counts("xi");
        double[] time = personTime(t, "ti");
        Labelled l = labelled(t, notes, duplicates);
        return new RateStudies(t.source(), l.labels(), l.lines(), x, time, notes);
    }

    /**
     * Events over person-time in two arms ({@code x1i} events in {@code t1i} with treatment, {@code x2i}
     * in {@code t2i} in the control arm), the data of incidence rate ratios and differences; person-times
     * must be positive.
     *
     * @param t          the table, one row per study
     * @param duplicates report duplicate study labels (see {@link #binary(Table, boolean)})
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static TwoArmRateStudies twoArmRates(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        requireColumns(t, TwoArmRateStudies.COLUMNS, "incidence rate ratios and differences");
        double[] x1 = t.counts("x1i");
        double[] t1 = personTime(t, "t1i");
        double[] x2 = t.counts("x2i");
        double[] t2 = personTime(t, "t2i");
        Labelled l = labelled(t, notes, duplicates);
        return new TwoArmRateStudies(t.source(), l.labels(), l.lines(), x1, t1, x2, t2, notes);
    }

    /** A column of person-times: numbers above zero. */
    private static double[] personTime(Table t, String column) {
        double[] v = t.numbers(column);
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new InputException(t.source(), t.line(i), t.headerName(column), "a person-time cannot be negative ("
                        + t.text(i, column) + ")");
            }
            if (v[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName(column), "the person-time is 0: a rate needs time at risk");
            }
        }
        return v;
    }

    /**
     * One group measured twice ({@code m1i, m2i, sd1i, sd2i, ni, ri}), the data of standardised mean
     * changes: standard deviations are non-negative, every study has patients, and the correlation of the
     * two measurements is given and lies in [-1, 1]. The second standard deviation {@code sd2i} is read
     * when the column is present and required when {@code sd2Required} (SMCC standardises by the standard
     * deviation of the changes, which needs both); elsewhere it is NaN.
     *
     * @param t           the table, one row per study
     * @param sd2Required whether every study needs {@code sd2i}
     * @param duplicates  report duplicate study labels (see {@link #binary(Table, boolean)})
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static PrePostStudies prePost(Table t, boolean sd2Required, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        requireColumns(t, List.of("m1i", "m2i", "sd1i", "ni"), "standardised mean changes");
        if (!t.has("ri")) {
            throw InputException.of(t.source(), "the column 'ri' is missing; standardised mean changes need the correlation "
                    + "between the two measurements of each study (ri)");
        }
        if (sd2Required && !t.has("sd2i")) {
            throw InputException.of(t.source(), "the column 'sd2i' is missing; the change-score standardised mean change (SMCC) "
                    + "needs the standard deviations at both time points (sd1i and sd2i)");
        }
        double[] m1 = t.numbers("m1i");
        double[] m2 = t.numbers("m2i");
        double[] s1 = standardDeviations(t, "sd1i", t.numbers("sd1i"));
        double[] s2;
        if (t.has("sd2i")) {
            s2 = standardDeviations(t, "sd2i", t.optionalNumbers("sd2i"));
            for (int i = 0; sd2Required && i < s2.length; i++) {
                if (Double.isNaN(s2[i])) {
                    throw new InputException(t.source(), t.line(i), t.headerName("sd2i"), "the standard deviation at the second time "
                            + "point is missing: the change-score standardised mean change (SMCC) needs it");
                }
            }
        } else {
            s2 = new double[m1.length];
            java.util.Arrays.fill(s2, Double.NaN);
        }
        double[] n = t.counts("ni");
        double[] r = t.optionalNumbers("ri");
        for (int i = 0; i < n.length; i++) {
            if (n[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("ni"), "the study has no patients (ni is 0)");
            }
            if (Double.isNaN(r[i])) {
                throw new InputException(t.source(), t.line(i), t.headerName("ri"), "the correlation between the two measurements "
                        + "is missing: standardised mean changes (SMCC, SMCR) need it");
            }
            checkCorrelation(t, i, r[i], "ri");
        }
        Labelled l = labelled(t, notes, duplicates);
        return new PrePostStudies(t.source(), l.labels(), l.lines(), m1, m2, s1, s2, n, r, notes);
    }

    private static double[] standardDeviations(Table t, String column, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new InputException(t.source(), t.line(i), t.headerName(column), "a standard deviation cannot be negative");
            }
        }
        return v;
    }

    private static void checkCorrelation(Table t, int i, double r, String column) {
        if (!(Math.abs(r) <= 1)) {
            throw new InputException(t.source(), t.line(i), t.headerName(column), "a correlation must lie between -1 and 1 ("
                    + t.text(i, column) + ")");
        }
    }

    /**
     * Correlation coefficients with their sample sizes ({@code ri, ni}): correlations lie in [-1, 1] and
     * every study has patients.
     *
     * @param t          the table, one row per study
     * @param duplicates report duplicate study labels (see {@link #binary(Table, boolean)})
     * @return the studies
     * @throws InputException if a column is missing or a cell is wrong
     */
    public static CorrelationStudies correlations(Table t, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        requireColumns(t, CorrelationStudies.COLUMNS, "correlations");
        double[] r = t.numbers("ri");
        double[] n = t.counts("ni");
        for (int i = 0; i < r.length; i++) {
            checkCorrelation(t, i, r[i], "ri");
            if (n[i] == 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("ni"), "the study has no patients (ni is 0)");
            }
        }
        Labelled l = labelled(t, notes, duplicates);
        return new CorrelationStudies(t.source(), l.labels(), l.lines(), r, n, notes);
    }

    /**
     * Generic estimates: {@code yi, vi}, {@code yi, sei} or {@code estimate, ci_lower, ci_upper}.
     *
     * @param t   the table, one row per study
     * @param how how the estimates are given
     * @return the estimates on the analysis scale (log for ratios) with their sampling variances
     * @throws InputException if the columns are missing or a cell is wrong
     */
    public static GenericStudies generic(Table t, GenericInput how) {
        return generic(t, how, true);
    }

    /**
     * Generic estimates, optionally without the duplicate-label check (see {@link #binary(Table, boolean)}).
     *
     * @param t          the table, one row per study
     * @param how        how the estimates are given
     * @param duplicates report duplicate study labels
     * @return the estimates on the analysis scale (log for ratios) with their sampling variances
     * @throws InputException if the columns are missing or a cell is wrong
     */
    public static GenericStudies generic(Table t, GenericInput how, boolean duplicates) {
        requireRows(t);
        List<Note> notes = new ArrayList<>(t.notes());
        double[] yi;
        double[] vi;
        boolean ratio = false;
        if (t.has("yi") && t.has("vi")) {
            yi = t.numbers("yi");
            vi = t.numbers("vi");
            for (int i = 0; i < vi.length; i++) {
                if (!(vi[i] > 0)) {
                    throw new InputException(t.source(), t.line(i), t.headerName("vi"), "the sampling variance must be positive (" + vi[i] + ")");
                }
            }
            if (how.scale() == Scale.RATIO) {
                yi = logOf(t, yi, "yi");
                ratio = true;
            }
        } else if (t.has("yi") && t.has("sei")) {
            yi = t.numbers("yi");
            double[] se = t.numbers("sei");
            vi = new double[se.length];
            for (int i = 0; i < se.length; i++) {
                if (!(se[i] > 0)) {
                    throw new InputException(t.source(), t.line(i), t.headerName("sei"), "the standard error must be positive (" + se[i] + ")");
                }
                vi[i] = se[i] * se[i];
            }
            if (how.scale() == Scale.RATIO) {
                yi = logOf(t, yi, "yi");
                ratio = true;
            }
        } else if (t.has("estimate") && t.has("ci_lower") && t.has("ci_upper")) {
            double[] est = t.numbers("estimate");
            double[] lo = t.numbers("ci_lower");
            double[] hi = t.numbers("ci_upper");
            for (int i = 0; i < est.length; i++) {
                if (!(lo[i] < hi[i])) {
                    throw new InputException(t.source(), t.line(i), t.headerName("ci_lower"), "the lower confidence limit must be below the upper one");
                }
                if (est[i] < lo[i] || est[i] > hi[i]) {
                    throw new InputException(t.source(), t.line(i), t.headerName("estimate"), "the estimate lies outside its confidence interval");
                }
            }
            ratio = intervalsAreRatios(t, how.scale(), est, lo, hi, notes);
            double z = NormalDistribution.of(0, 1).inverseSurvivalProbability((1 - how.ciLevel()) / 2);
            if (ratio) {
                est = logOf(t, est, "estimate");
                lo = logOf(t, lo, "ci_lower");
                hi = logOf(t, hi, "ci_upper");
            }
            yi = est;
            vi = new double[est.length];
            for (int i = 0; i < est.length; i++) {
                double se = (hi[i] - lo[i]) / (2 * z);
                vi[i] = se * se;
            }
            notes.add(new Note(0, null, Note.Kind.INFO, "variances derived from " + Math.round(how.ciLevel() * 100)
                    + "% confidence intervals" + (ratio ? " on the log scale" : "")));
        } else {
            throw InputException.of(t.source(), "generic estimates need the columns yi and vi, yi and sei, or estimate, ci_lower and ci_upper");
        }
        String[] labels = labels(t, notes);
        int[] lines = lines(t);
        if (duplicates) {
            notes.addAll(duplicates(labels, lines));
        }
        return new GenericStudies(t.source(), labels, lines, yi, vi, ratio, notes);
    }

    /**
     * Whether estimates given with intervals are ratios: as the user says, or told from the intervals
     * ({@link IntervalScale}); either way a note says which reading was used and why, and a choice
     * the intervals contradict is noted.
     */
    private static boolean intervalsAreRatios(Table t, Scale scale, double[] est, double[] lo, double[] hi, List<Note> notes) {
        double[] unit = new double[est.length];
        for (int i = 0; i < est.length; i++) {
            unit[i] = Math.max(IntervalScale.roundingAllowance(t.text(i, "estimate")),
                    Math.max(IntervalScale.roundingAllowance(t.text(i, "ci_lower")), IntervalScale.roundingAllowance(t.text(i, "ci_upper"))));
        }
        IntervalScale.Verdict v = IntervalScale.judge(est, lo, hi, unit);
        boolean ratio;
        if (scale == Scale.AUTO) {
            switch (v.reading()) {
                case RATIO -> notes.add(new Note(0, null, Note.Kind.INFO, "estimates read as ratios and analysed on the log scale: "
                        + v.reason()));
                case ABSOLUTE -> notes.add(new Note(0, null, Note.Kind.INFO, "estimates read as differences (analysed as given, not as "
                        + "ratios): " + v.reason()));
                case UNDECIDED -> throw InputException.of(t.source(), "cannot tell whether the estimates are ratios or differences: "
                        + v.reason() + "; give the scale (ratio or absolute)");
                default -> throw InputException.of(t.source(), "cannot tell whether the estimates are ratios or differences: " + v.reason()
                        + " (lines " + lineList(t, v.ratioStudies()) + " look like ratios, lines " + lineList(t, v.absoluteStudies())
                        + " like differences); check those rows, or give the scale (ratio or absolute)");
            }
            ratio = v.reading() == IntervalScale.Reading.RATIO;
            List<Integer> odd = ratio ? v.absoluteStudies() : v.ratioStudies();
            for (int i : odd) {
                notes.add(new Note(t.line(i), null, Note.Kind.WARNING, "this interval is symmetric on the "
                        + (ratio ? "natural" : "log") + " scale, unlike the others: check the row"));
            }
        } else {
            ratio = scale == Scale.RATIO;
            notes.add(new Note(0, null, Note.Kind.INFO, ratio ? "estimates analysed as ratios, on the log scale, as asked"
                    : "estimates analysed as given (not as ratios), as asked"));
            IntervalScale.Reading against = ratio ? IntervalScale.Reading.ABSOLUTE : IntervalScale.Reading.RATIO;
            if (v.reading() == against && !v.reason().startsWith("some estimates")) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "the intervals suggest otherwise: " + v.reason()));
            }
        }
        return ratio;
    }

    private static String lineList(Table t, List<Integer> rows) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < 10; i++) {
            out.add(Integer.toString(t.line(rows.get(i))));
        }
        return String.join(", ", out) + (rows.size() > 10 ? ", ..." : "");
    }

    private static double[] logOf(Table t, double[] x, String column) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0)) {
                throw new InputException(t.source(), t.line(i), t.headerName(column), "a ratio must be positive to be analysed on the log scale (" + x[i] + ")");
            }
            out[i] = Math.log(x[i]);
        }
        return out;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
