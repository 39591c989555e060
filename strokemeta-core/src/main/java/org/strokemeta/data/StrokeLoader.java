package org.strokemeta.data;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads patient-level thrombectomy trial data by the {@link StrokeField} dictionary: header names are
 * matched to fields (their own names or aliases, case and punctuation ignored), every cell is checked
 * against its field's range or code list, and the fields are checked against each other (M2 details
 * only for M2 occlusions, death at 90 days agreeing with mRS 6, one row per patient identifier within a
 * trial). A wrong cell stops with file, line, column and the problem; a blank optional cell is a
 * missing value, counted in the notes; columns that are not in the dictionary are kept as numeric
 * covariates when every value is a number, and listed in a note otherwise.
 */
public final class StrokeLoader {
    private StrokeLoader() {
    }

    /**
     * True when the table is data of this dictionary: {@link DataKind#of(Table)} is
     * {@link DataKind#STROKE_PATIENTS} (an arm and a 90-day mRS column, at least one column under its
     * dictionary name, and no study-level or tabulated columns, which take precedence).
     *
     * @param t the table
     * @return whether {@link #load(Table)} is the reading for it
     */
    public static boolean recognises(Table t) {
        return DataKind.of(t) == DataKind.STROKE_PATIENTS;
    }

    /**
     * Reads and checks the patients.
     *
     * @param t the table, one row per patient
     * @return the cohort
     * @throws InputException for a missing required column or a wrong cell
     */
    public static StrokeCohort load(Table t) {
        String src = t.source();
        if (t.rows() == 0) {
            throw InputException.of(src, "the file has a header but no data rows");
        }
        Map<StrokeField, String> column = new EnumMap<>(StrokeField.class);
        List<String> other = new ArrayList<>();
        for (String h : t.columnNames()) {
            StrokeField f = StrokeField.ofHeader(h);
            if (f == null) {
                other.add(h);
                continue;
            }
            String before = column.put(f, h);
            if (before != null) {
                throw new InputException(src, 1, h, "this column and '" + before + "' both give " + f.column()
                        + "; keep one of them");
            }
        }
        for (StrokeField f : StrokeField.values()) {
            if (f.required() && !column.containsKey(f)) {
                throw InputException.of(src, "the column " + f.column() + " is missing (" + f.description()
                        + " Also read as: " + String.join(", ", f.aliases()) + ")");
            }
        }
        int n = t.rows();
        List<Note> notes = new ArrayList<>(t.notes());
        Map<StrokeField, double[]> numbers = new EnumMap<>(StrokeField.class);
        Map<StrokeField, int[]> categories = new EnumMap<>(StrokeField.class);
        Map<StrokeField, Integer> missing = new LinkedHashMap<>();
        for (Map.Entry<StrokeField, String> e : column.entrySet()) {
            StrokeField f = e.getKey();
            String col = e.getValue();
            int blanks = 0;
            switch (f.type()) {
                case NUMBER -> {
                    double[] v = t.numbersOrNaN(col);
                    for (int i = 0; i < n; i++) {
                        if (t.isBlank(i, col)) {
                            blanks++;
                            continue;
                        }
                        if (Double.isNaN(v[i])) {
                            throw new InputException(src, t.line(i), t.headerName(col), "'" + t.text(i, col) + "' is not a number ("
                                    + f.description() + ")");
                        }
                        if (v[i] < f.min() || v[i] > f.max() || f.integer() && v[i] != Math.floor(v[i])) {
                            throw new InputException(src, t.line(i), t.headerName(col), "the value " + t.text(i, col)
                                    + " lies outside " + range(f) + " (" + f.description() + ")");
                        }
                    }
                    numbers.put(f, v);
                }
                case BINARY -> {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        if (t.isBlank(i, col)) {
                            v[i] = Double.NaN;
                            blanks++;
                            continue;
                        }
                        v[i] = binary(t.text(i, col));
                        if (Double.isNaN(v[i])) {
                            throw new InputException(src, t.line(i), t.headerName(col), "'" + t.text(i, col)
                                    + "' is not 1/0 (yes/no, true/false) (" + f.description() + ")");
                        }
                    }
                    numbers.put(f, v);
                }
                case CATEGORY -> {
                    List<String> list = f.codeList();
                    int[] v = new int[n];
                    for (int i = 0; i < n; i++) {
                        if (t.isBlank(i, col)) {
                            v[i] = -1;
                            blanks++;
                            continue;
                        }
                        String code = f.code(t.text(i, col));
                        if (code == null) {
                            throw new InputException(src, t.line(i), t.headerName(col), "'" + t.text(i, col)
                                    + "' is not a code of " + f.column() + " (" + String.join(", ", list) + ")");
                        }
                        v[i] = list.indexOf(code);
                    }
                    categories.put(f, v);
                }
                case TEXT -> {
                    for (int i = 0; i < n; i++) {
                        if (t.isBlank(i, col)) {
                            blanks++;
                        }
                    }
                }
            }
            if (blanks > 0) {
                if (f == StrokeField.TRIAL || f == StrokeField.ARM) {
                    int i = firstBlank(t, col);
                    throw new InputException(src, t.line(i), t.headerName(col), "the value is missing (" + f.description() + ")");
                }
                missing.put(f, blanks);
            }
        }
        // trials in natural order of their names
        String[] names = t.requiredText(column.get(StrokeField.TRIAL));
        TreeSet<String> sorted = new TreeSet<>(PatientLoader::naturalOrder);
        for (String s : names) {
            sorted.add(s);
        }
        Map<String, Integer> code = new HashMap<>();
        for (String s : sorted) {
            code.put(s, code.size());
        }
        int[] trial = new int[n];
        for (int i = 0; i < n; i++) {
            trial[i] = code.get(names[i]);
        }
        int[] armCodes = categories.remove(StrokeField.ARM);
        int[] arm = new int[n];
        for (int i = 0; i < n; i++) {
            arm[i] = armCodes[i] == 0 ? 1 : 0;
        }
        double[] mrsValues = numbers.remove(StrokeField.MRS90);
        int[] mrs = new int[n];
        for (int i = 0; i < n; i++) {
            mrs[i] = Double.isNaN(mrsValues[i]) ? -1 : (int) mrsValues[i];
        }
        String[] ids = null;
        if (column.containsKey(StrokeField.PATIENT_ID)) {
            ids = new String[n];
            Set<String> seen = new HashSet<>();
            String col = column.get(StrokeField.PATIENT_ID);
            for (int i = 0; i < n; i++) {
                if (t.isBlank(i, col)) {
                    continue;
                }
                ids[i] = t.text(i, col);
                if (!seen.add(trial[i] + "\u0000" + ids[i])) {
                    throw new InputException(src, t.line(i), t.headerName(col), "patient " + ids[i] + " of trial " + names[i]
                            + " appears twice");
                }
            }
        }
        crossChecks(t, column, numbers, categories, mrs);
        int[] reperfusion = categories.get(StrokeField.REPERFUSION);
        if (reperfusion != null) {
            int inControl = 0;
            int first = 0;
            for (int i = 0; i < n; i++) {
                if (reperfusion[i] >= 0 && arm[i] == 0) {
                    if (inControl == 0) {
                        first = t.line(i);
                    }
                    inControl++;
                }
            }
            if (inControl > 0) {
                notes.add(new Note(first, null, Note.Kind.INFO, inControl + " control patient"
                        + (inControl == 1 ? " has" : "s have") + " a reperfusion grade (first on line " + first
                        + "); reperfusion is summarised in the thrombectomy arm only"));
            }
        }
        // fields that describe only some patients count as missing only there: M2 details for M2 occlusions,
        // the reperfusion grade in the thrombectomy arm
        int[] site = categories.get(StrokeField.OCCLUSION_SITE);
        int m2 = StrokeField.OCCLUSION_SITE.codeList().indexOf("M2");
        for (Map.Entry<StrokeField, Integer> e : missing.entrySet()) {
            StrokeField f = e.getKey();
            boolean m2Detail = f == StrokeField.M2_SEGMENT || f == StrokeField.M2_DIVISION || f == StrokeField.M2_DOMINANCE;
            String of = n + " patients";
            int count = e.getValue();
            if (m2Detail || f == StrokeField.REPERFUSION) {
                int[] v = categories.get(f);
                int among = 0;
                count = 0;
                for (int i = 0; i < n; i++) {
                    boolean applies = m2Detail ? site != null && site[i] == m2 : arm[i] == 1;
                    if (applies) {
                        among++;
                        count += v[i] < 0 ? 1 : 0;
                    }
                }
                of = among + (m2Detail ? " patients with an M2 occlusion" : " thrombectomy patients");
            }
            if (count > 0) {
                notes.add(new Note(0, null, Note.Kind.INFO, count + " of " + of + " have no " + f.column()
                        + (f == StrokeField.MRS90 ? " (left out of the outcome analyses)"
                        : " (missing values; analyses that use it leave these patients out, with a note)")));
            }
        }
        Map<String, double[]> extra = new LinkedHashMap<>();
        List<String> textColumns = new ArrayList<>();
        for (String h : other) {
            double[] v = t.numbersOrNaN(h);
            boolean numeric = true;
            for (int i = 0; i < n && numeric; i++) {
                numeric = !Double.isNaN(v[i]) || t.isBlank(i, h);
            }
            if (numeric) {
                extra.put(h.trim().toLowerCase(Locale.ROOT), v);
            } else {
                textColumns.add(h);
            }
        }
        if (!textColumns.isEmpty()) {
            notes.add(new Note(0, null, Note.Kind.INFO, "columns not in the data dictionary and not numeric, not used: "
                    + String.join(", ", textColumns)));
        }
        return new StrokeCohort(src, sorted.toArray(new String[0]), trial, ids, arm, mrs, lineNumbers(t), numbers, categories,
                extra, notes);
    }

    /** M2 details only for M2 occlusions; death at 90 days agreeing with mRS 6. */
    private static void crossChecks(Table t, Map<StrokeField, String> column, Map<StrokeField, double[]> numbers,
                                    Map<StrokeField, int[]> categories, int[] mrs) {
        String src = t.source();
        int n = t.rows();
        int[] site = categories.get(StrokeField.OCCLUSION_SITE);
        int m2 = StrokeField.OCCLUSION_SITE.codeList().indexOf("M2");
        for (StrokeField f : List.of(StrokeField.M2_SEGMENT, StrokeField.M2_DIVISION, StrokeField.M2_DOMINANCE)) {
            int[] v = categories.get(f);
            if (v == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (v[i] >= 0 && (site == null || site[i] != m2)) {
                    throw new InputException(src, t.line(i), t.headerName(column.get(f)), f.column() + " is given for a patient "
                            + (site == null ? "without an occlusion_site column" : site[i] < 0 ? "whose occlusion site is missing"
                            : "with an " + StrokeField.OCCLUSION_SITE.codeList().get(site[i]) + " occlusion")
                            + ": it describes M2 occlusions only");
                }
            }
        }
        double[] death = numbers.get(StrokeField.DEATH90);
        if (death != null) {
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(death[i]) && mrs[i] >= 0 && (death[i] == 1) != (mrs[i] == 6)) {
                    throw new InputException(src, t.line(i), t.headerName(column.get(StrokeField.DEATH90)), "death90 is "
                            + (int) death[i] + " but the 90-day mRS is " + mrs[i] + " (death within 90 days is mRS 6)");
                }
            }
        }
    }

    private static int firstBlank(Table t, String col) {
        for (int i = 0; i < t.rows(); i++) {
            if (t.isBlank(i, col)) {
                return i;
            }
        }
        return 0;
    }

    private static int[] lineNumbers(Table t) {
        int[] out = new int[t.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t.line(i);
        }
        return out;
    }

    /** 1, 0 or NaN for text other than 1/0, yes/no, y/n, true/false. */
    static double binary(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "y", "true" -> 1;
            case "0", "no", "n", "false" -> 0;
            default -> Double.NaN;
        };
    }

    /** The range of a numeric field in words. */
    static String range(StrokeField f) {
        return (f.integer() ? "the whole numbers " : "the range ") + plain(f.min()) + " to " + plain(f.max());
    }

    private static String plain(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
