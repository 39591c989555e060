package org.strokemeta.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patient-level data of thrombectomy trials as read by {@link StrokeLoader}: every field of the
 * {@link StrokeField} dictionary held column-wise (numbers as doubles with NaN when missing,
 * categories as code indices with −1 when missing), plus any further numeric columns of the file,
 * and the notes made while reading. {@link #patients} turns it into the {@link PatientData} that the
 * ordinal and binary models take, with named covariates derived from the fields.
 */
public final class StrokeCohort implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** Covariates derived from the dictionary, by the names analyses use. */
    public static final List<String> DERIVED = List.of("age", "female", "nihss", "prestroke_mrs", "ivt",
            "onset_to_randomisation", "aspects", "ica", "m1", "m2", "m2_proximal", "m2_anterior", "m2_dominant",
            "sich", "death90");

    /** The name of the file the patients came from. */
    private final String source;
    /** The trial names, in natural order (numbers by value), indexed by trial index. */
    private final String[] trials;
    /** The trial index of each patient, into {@link #trials}. */
    private final int[] trial;
    /** The patient identifier of each patient; null when the file has no identifier column. */
    private final String[] patientId;
    /** 1 for the thrombectomy arm, 0 for control, one value per patient. */
    private final int[] arm;
    /** The 90-day mRS of each patient, 0-6; −1 when missing. */
    private final int[] mrs90;
    /** The 1-based file line of each patient. */
    private final int[] lines;
    /** The numeric and binary fields the file has, one value per patient in the field's units (NaN when missing). */
    private final Map<StrokeField, double[]> numbers;
    /** The category fields the file has, as indices into {@link StrokeField#codeList()} (−1 when missing). */
    private final Map<StrokeField, int[]> categories;
    /**
     * Further numeric columns of the file, not in the dictionary, by lower-case name in file order; one value
     * per patient, NaN when blank.
     */
    private final Map<String, double[]> extra;
    /** Remarks made while reading. */
    private final List<Note> notes;

    StrokeCohort(String source, String[] trials, int[] trial, String[] patientId, int[] arm, int[] mrs90, int[] lines,
                 Map<StrokeField, double[]> numbers, Map<StrokeField, int[]> categories, Map<String, double[]> extra,
                 List<Note> notes) {
        this.source = source;
        this.trials = trials.clone();
        this.trial = trial;
        this.patientId = patientId;
        this.arm = arm;
        this.mrs90 = mrs90;
        this.lines = lines;
        this.numbers = new EnumMap<>(numbers);
        this.categories = new EnumMap<>(categories);
        this.extra = new LinkedHashMap<>(extra);
        this.notes = List.copyOf(notes);
    }

    /**
     * The name of the file the patients came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * The number of patients.
     *
     * @return the number of rows
     */
    public int size() {
        return trial.length;
    }

    /**
     * The trials, in natural order of their names.
     *
     * @return the trial names, indexed as {@link #trial()}
     */
    public List<String> trials() {
        return List.of(trials);
    }

    /**
     * The trial index of each patient.
     *
     * @return a copy, one index into {@link #trials()} per patient
     */
    public int[] trial() {
        return trial.clone();
    }

    /**
     * 1 for the thrombectomy arm, 0 for control.
     *
     * @return a copy, one value per patient
     */
    public int[] arm() {
        return arm.clone();
    }

    /**
     * The 90-day mRS, 0-6; −1 when missing.
     *
     * @return a copy, one value per patient
     */
    public int[] mrs90() {
        return mrs90.clone();
    }

    /**
     * The file line of each patient.
     *
     * @return a copy, one 1-based line per patient
     */
    public int[] lines() {
        return lines.clone();
    }

    /**
     * Patient identifiers (null entries where a cell is blank).
     *
     * @return a copy, one entry per patient; null when the file has no patient identifier column
     */
    public String[] patientIds() {
        return patientId == null ? null : patientId.clone();
    }

    /**
     * True when the file has the field's column.
     *
     * @param f the field
     * @return whether the cohort holds it
     */
    public boolean has(StrokeField f) {
        return f == StrokeField.TRIAL || f == StrokeField.ARM || f == StrokeField.MRS90
                || f == StrokeField.PATIENT_ID && patientId != null || numbers.containsKey(f) || categories.containsKey(f);
    }

    /**
     * A numeric or binary field (NaN when missing); an error when the file does not have it.
     *
     * @param f the field
     * @return a copy of its values, one per patient, in the field's units
     * @throws InputException if the file does not have the field
     */
    public double[] number(StrokeField f) {
        double[] v = numbers.get(f);
        if (v == null) {
            throw missingField(f);
        }
        return v.clone();
    }

    /**
     * A category field as indices into {@link StrokeField#codeList()} (−1 when missing).
     *
     * @param f the field
     * @return a copy of the indices, one per patient
     * @throws InputException if the file does not have the field
     */
    public int[] category(StrokeField f) {
        int[] v = categories.get(f);
        if (v == null) {
            throw missingField(f);
        }
        return v.clone();
    }

    /**
     * True when any row is marked as simulated ({@link StrokeField#SIMULATED}).
     *
     * @return whether the data are simulated
     */
    public boolean simulated() {
        double[] v = numbers.get(StrokeField.SIMULATED);
        if (v != null) {
            for (double x : v) {
                if (x == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Further numeric columns of the file, not in the dictionary.
     *
     * @return their names, in file order
     */
    public List<String> extraColumns() {
        return List.copyOf(extra.keySet());
    }

    /**
     * Remarks made while reading: missing values per field, derived values.
     *
     * @return the notes, an unmodifiable list in the order they were made
     */
    public List<Note> notes() {
        return notes;
    }

    private InputException missingField(StrokeField f) {
        return InputException.of(source, "the file has no " + f.column() + " column (" + f.description() + ")");
    }

    /**
     * A covariate by name: a derived one of {@link #DERIVED} (female = 1 for women; ica, m1, m2 = 1 for
     * that occlusion site; m2_proximal, m2_anterior, m2_dominant = 1 or 0 for M2 occlusions and NaN for
     * others; sich and death90 as 0/1, death90 from mRS 6 when not given), or a further numeric column
     * of the file. NaN where missing.
     *
     * @param name a name of {@link #DERIVED} or of an extra column
     * @return a fresh array, one value per patient, NaN where missing
     * @throws InputException if the cohort has no data for that name
     */
    public double[] covariate(String name) {
        int n = size();
        double[] out = new double[n];
        switch (name) {
            case "female" -> {
                if (!categories.containsKey(StrokeField.SEX) && extra.containsKey("female")) {
                    return extra.get("female").clone();
                }
                indicator(StrokeField.SEX, "female", out, null);
            }
            case "ica" -> indicator(StrokeField.OCCLUSION_SITE, "ICA", out, null);
            case "m1" -> indicator(StrokeField.OCCLUSION_SITE, "M1", out, null);
            case "m2" -> indicator(StrokeField.OCCLUSION_SITE, "M2", out, null);
            case "m2_proximal" -> indicator(StrokeField.M2_SEGMENT, "proximal", out, "M2");
            case "m2_anterior" -> indicator(StrokeField.M2_DIVISION, "anterior", out, "M2");
            case "m2_dominant" -> indicator(StrokeField.M2_DOMINANCE, "dominant", out, "M2");
            case "death90" -> {
                if (numbers.containsKey(StrokeField.DEATH90)) {
                    return number(StrokeField.DEATH90);
                }
                for (int i = 0; i < n; i++) {
                    out[i] = mrs90[i] < 0 ? Double.NaN : mrs90[i] == 6 ? 1 : 0;
                }
            }
            default -> {
                StrokeField f = StrokeField.ofHeader(name);
                if (f != null && (f.type() == StrokeField.Type.NUMBER || f.type() == StrokeField.Type.BINARY)
                        && f != StrokeField.MRS90) {
                    return number(f);
                }
                double[] x = extra.get(name.toLowerCase(java.util.Locale.ROOT));
                if (x == null) {
                    throw InputException.of(source, "no covariate '" + name + "': use a column of the data dictionary ("
                            + String.join(", ", DERIVED) + ") or a numeric column of the file" + (extra.isEmpty() ? ""
                            : " (" + String.join(", ", extra.keySet()) + ")"));
                }
                return x.clone();
            }
        }
        return out;
    }

    /**
     * Tells whether {@link #covariate} can give the named covariate from these data: a derived one of
     * {@link #DERIVED} whose fields the file has (death90 always, from the mRS when not given), a numeric
     * field of the dictionary the file has, or a further numeric column of the file.
     *
     * @param name a covariate name, as {@link #covariate} takes it
     * @return true when {@link #covariate}{@code (name)} returns values, false when it would report
     *         the covariate as missing
     */
    public boolean hasCovariate(String name) {
        return switch (name) {
            case "female" -> categories.containsKey(StrokeField.SEX) || extra.containsKey("female");
            case "ica", "m1", "m2" -> categories.containsKey(StrokeField.OCCLUSION_SITE);
            case "m2_proximal" -> categories.containsKey(StrokeField.M2_SEGMENT) && categories.containsKey(StrokeField.OCCLUSION_SITE);
            case "m2_anterior" -> categories.containsKey(StrokeField.M2_DIVISION) && categories.containsKey(StrokeField.OCCLUSION_SITE);
            case "m2_dominant" -> categories.containsKey(StrokeField.M2_DOMINANCE) && categories.containsKey(StrokeField.OCCLUSION_SITE);
            case "death90" -> true;
            default -> {
                StrokeField f = StrokeField.ofHeader(name);
                if (f != null && (f.type() == StrokeField.Type.NUMBER || f.type() == StrokeField.Type.BINARY)
                        && f != StrokeField.MRS90) {
                    yield numbers.containsKey(f);
                }
                yield extra.containsKey(name.toLowerCase(java.util.Locale.ROOT));
            }
        };
    }

    /** 1 where the field has the code, 0 where another, NaN where missing; with {@code onlySite}, NaN outside that occlusion site. */
    private void indicator(StrokeField f, String code, double[] out, String onlySite) {
        int[] c = category(f);
        int k = f.codeList().indexOf(code);
        int[] site = onlySite == null ? null : category(StrokeField.OCCLUSION_SITE);
        int siteCode = StrokeField.OCCLUSION_SITE.codeList().indexOf(onlySite);
        for (int i = 0; i < out.length; i++) {
            boolean outside = site != null && site[i] != siteCode;
            out[i] = c[i] < 0 || outside ? Double.NaN : c[i] == k ? 1 : 0;
        }
    }

    /**
     * A covariate of the given patients by name, as {@link #covariate(String)} names it, read from the
     * columns the patients carry ({@link PatientData#columns()}), so it stays aligned with them whatever
     * patients were left out or selected since.
     *
     * @param d    patients made by {@link #patients} (or a selection of them)
     * @param name a derived covariate of {@link #DERIVED}, a numeric or binary field of the dictionary, or
     *             a further numeric column of the file
     * @return one value per patient of {@code d}, NaN where missing
     * @throws InputException when the cohort has no such covariate
     */
    public double[] covariate(PatientData d, String name) {
        String key = carriedName(name);
        if (!d.columns().has(key)) {
            covariate(name); // the cohort's own message for an unknown covariate
            throw new IllegalArgumentException("the patients do not carry the covariate " + name + " (not made by patients())");
        }
        return d.columns().numbersOrNaN(key);
    }

    /**
     * A category field of the given patients, read from the columns they carry ({@link PatientData#columns()}).
     *
     * @param d patients made by {@link #patients} (or a selection of them)
     * @param f a field of type {@link StrokeField.Type#CATEGORY}
     * @return one index into {@link StrokeField#codeList()} per patient of {@code d}, −1 where missing
     * @throws InputException when the file has no such column
     */
    public int[] category(PatientData d, StrokeField f) {
        if (!categories.containsKey(f)) {
            throw missingField(f);
        }
        String[] text = d.columns().text(f.column());
        int[] out = new int[text.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = text[i] == null ? -1 : f.codeList().indexOf(text[i]);
        }
        return out;
    }

    /** The name under which {@link #patients} carries a covariate given by any of its names. */
    private static String carriedName(String name) {
        if (DERIVED.contains(name)) {
            return name;
        }
        StrokeField f = StrokeField.ofHeader(name);
        if (f != null && (f.type() == StrokeField.Type.NUMBER || f.type() == StrokeField.Type.BINARY) && f != StrokeField.MRS90) {
            return f.column();
        }
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The cohort's variables for every patient, carried with the patients: each derived covariate the
     * data allow, each numeric, binary and category field of the file, and each further numeric column.
     */
    private DataColumns variables() {
        DataColumns c = DataColumns.of(source, lines);
        for (String name : DERIVED) {
            try {
                c = c.with(name, covariate(name));
            } catch (InputException e) {
                // not in this file
            }
        }
        for (Map.Entry<StrokeField, double[]> e : numbers.entrySet()) {
            if (!c.has(e.getKey().column())) {
                c = c.with(e.getKey().column(), e.getValue());
            }
        }
        for (Map.Entry<StrokeField, int[]> e : categories.entrySet()) {
            if (!c.has(e.getKey().column())) {
                List<String> codes = e.getKey().codeList();
                String[] text = new String[e.getValue().length];
                for (int i = 0; i < text.length; i++) {
                    int k = e.getValue()[i];
                    text[i] = k < 0 ? null : codes.get(k);
                }
                c = c.with(e.getKey().column(), text);
            }
        }
        for (Map.Entry<String, double[]> e : extra.entrySet()) {
            if (!c.has(e.getKey())) {
                c = c.with(e.getKey(), e.getValue());
            }
        }
        return c;
    }

    /**
     * The patients with a 90-day mRS for the ordinal and binary models (treatment = thrombectomy),
     * adjusted for the named covariates: patients missing the mRS or a covariate are left out
     * (complete-case analysis), counted by reason in the notes. The patients carry the cohort's other
     * variables ({@link PatientData#columns()}: derived covariates, dictionary fields, further columns),
     * read with {@link #covariate(PatientData, String)} and {@link #category(PatientData, StrokeField)}.
     *
     * @param covariateNames the adjustment covariates, by the names {@link #covariate(String)} takes
     * @return the complete cases, with the cohort's variables carried
     * @throws InputException when a covariate is unknown or no patient has every value needed
     */
    public PatientData patients(List<String> covariateNames) {
        int n = size();
        double[][] x = new double[covariateNames.size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = covariate(covariateNames.get(j));
        }
        Map<String, int[]> missing = new LinkedHashMap<>();
        int[] keep = new int[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            String why = mrs90[i] < 0 ? "mrs90" : null;
            for (int j = 0; why == null && j < x.length; j++) {
                if (Double.isNaN(x[j][i])) {
                    why = covariateNames.get(j);
                }
            }
            if (why == null) {
                keep[m++] = i;
            } else {
                int[] count = missing.get(why);
                if (count == null) {
                    count = new int[] {0, lines[i]};
                    missing.put(why, count);
                }
                count[0]++;
            }
        }
        List<Note> out = new ArrayList<>(notes);
        for (Map.Entry<String, int[]> e : missing.entrySet()) {
            int c = e.getValue()[0];
            out.add(new Note(e.getValue()[1], null, Note.Kind.EXCLUDED, c + " patient" + (c == 1 ? "" : "s") + " left out: "
                    + e.getKey() + " is missing (first on line " + e.getValue()[1] + "; complete-case analysis)"));
        }
        if (m == 0) {
            throw InputException.of(source, "no patient has a 90-day mRS" + (x.length > 0 ? " and every covariate" : ""));
        }
        int[] st = new int[m];
        int[] tr = new int[m];
        int[] y = new int[m];
        int[] ln = new int[m];
        double[][] cx = new double[x.length][m];
        boolean[] present = new boolean[trials.length];
        for (int r = 0; r < m; r++) {
            int i = keep[r];
            present[trial[i]] = true;
        }
        int[] code = new int[trials.length];
        List<String> names = new ArrayList<>();
        for (int s = 0; s < trials.length; s++) {
            code[s] = present[s] ? names.size() : -1;
            if (present[s]) {
                names.add(trials[s]);
            }
        }
        for (int r = 0; r < m; r++) {
            int i = keep[r];
            st[r] = code[trial[i]];
            tr[r] = arm[i];
            y[r] = mrs90[i];
            ln[r] = lines[i];
            for (int j = 0; j < x.length; j++) {
                cx[j][r] = x[j][i];
            }
        }
        String label = simulated() ? source + " (simulated data)" : source;
        return new PatientData(label, names.toArray(new String[0]), st, tr, y, 7, covariateNames, cx, ln, n - m, out,
                variables().subset(java.util.Arrays.copyOf(keep, m)));
    }
    /**
     * Compares two cohorts by value: the same source, trials, patients, fields, further columns and notes.
     *
     * @param o another object
     * @return true when o is a cohort with equal contents
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof StrokeCohort c && java.util.Objects.equals(source, c.source) && java.util.Arrays.equals(trials, c.trials)
                && java.util.Arrays.equals(trial, c.trial) && java.util.Arrays.equals(patientId, c.patientId)
                && java.util.Arrays.equals(arm, c.arm) && java.util.Arrays.equals(mrs90, c.mrs90)
                && java.util.Arrays.equals(lines, c.lines) && sameArrays(numbers, c.numbers) && sameArrays(categories, c.categories)
                && sameArrays(extra, c.extra) && notes.equals(c.notes);
    }

    private static boolean sameArrays(Map<?, ?> a, Map<?, ?> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<?, ?> e : a.entrySet()) {
            if (!java.util.Objects.deepEquals(e.getValue(), b.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A hash code consistent with {@link #equals}.
     *
     * @return the hash of the patients' trials, arms, outcomes and the columns' names
     */
    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(trial), java.util.Arrays.hashCode(arm),
                java.util.Arrays.hashCode(mrs90), java.util.Arrays.hashCode(lines), numbers.keySet(), categories.keySet(), extra.keySet());
    }
}
