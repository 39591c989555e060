package org.strokemeta.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads tabulated ordinal outcomes (per trial and arm, the number of patients in each category, as
 * published 90-day mRS distributions) into an {@link OrdinalTable}.
 *
 * <p>Layout: one row per trial and arm with the columns {@code study}, {@code arm} (treatment or
 * control; also 1/0) and one count column per category, named with a common prefix and the category
 * number from 0: {@code mrs0 ... mrs6} (or {@code cat0 ...}, {@code n0 ...}). Every trial needs one
 * treatment and one control row. Counts are whole numbers ≥ 0; an arm without patients is an error.
 */
public final class OrdinalTableLoader {
    /** A category count column's name: mrs, cat or n (any case), an optional underscore, the category. */
    private record Category(String prefix, int number) {
        /** The category a column name gives, or null when it is not such a name. */
        static Category of(String name) {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            for (String prefix : new String[] {"mrs", "cat", "n"}) {
                if (!lower.startsWith(prefix)) {
                    continue;
                }
                int at = prefix.length();
                if (at < lower.length() && lower.charAt(at) == '_') {
                    at++;
                }
                if (at == lower.length() || lower.length() - at > 9) {
                    return null;
                }
                int number = 0;
                for (int i = at; i < lower.length(); i++) {
                    char c = lower.charAt(i);
                    if (c < '0' || c > '9') {
                        return null;
                    }
                    number = number * 10 + (c - '0');
                }
                return new Category(prefix, number);
            }
            return null;
        }
    }

    private OrdinalTableLoader() {
    }

    /**
     * True when the table's category count columns are named for the modified Rankin scale ({@code mrs0},
     * {@code mrs1}, ...), false for another ordinal scale ({@code cat0}, {@code n0}, ...).
     *
     * @param t the table
     * @return whether the outcome is the mRS
     */
    public static boolean mrsColumns(Table t) {
        for (String name : t.columnNames()) {
            Category c = Category.of(name);
            if (c != null) {
                return c.prefix().equals("mrs");
            }
        }
        return false;
    }

    /**
     * True when the table holds tabulated mRS distributions: {@link DataKind#of(Table)} is
     * {@link DataKind#MRS_TABLE} (an arm column and category count columns from 0).
     *
     * @param t the table
     * @return whether {@link #load(Table)} is the reading for it
     */
    public static boolean looksOrdinal(Table t) {
        return DataKind.of(t) == DataKind.MRS_TABLE;
    }

    /**
     * The category count columns of a table (mrs0, mrs1, ... or another prefix followed by the category number), in
     * category order.
     *
     * @param t the table
     * @return category number to column name (the longest run of one prefix), empty when there is none
     */
    public static java.util.SortedMap<Integer, String> categories(Table t) {
        return java.util.Collections.unmodifiableSortedMap(categoryColumns(t));
    }

    /** The category columns in category order (a map from category number to column name). */
    static TreeMap<Integer, String> categoryColumns(Table t) {
        Map<String, TreeMap<Integer, String>> byPrefix = new LinkedHashMap<>();
        for (String c : t.columnNames()) {
            Category m = Category.of(c.trim());
            if (m != null) {
                byPrefix.computeIfAbsent(m.prefix(), k -> new TreeMap<>()).put(m.number(), c);
            }
        }
        TreeMap<Integer, String> best = new TreeMap<>();
        for (TreeMap<Integer, String> cols : byPrefix.values()) {
            if (cols.size() > best.size()) {
                best = cols;
            }
        }
        return best;
    }

    /**
     * Reads and checks the table.
     *
     * @param t the table: one row per trial and arm, one count column per category
     * @return the trials with their treatment and control counts
     * @throws InputException if a column is missing, an arm is not treatment or control, a trial lacks an
     *         arm, or a count is not a non-negative whole number
     */
    public static OrdinalTable load(Table t) {
        if (t.rows() == 0) {
            throw InputException.of(t.source(), "the file has a header but no data rows");
        }
        if (!t.has("arm")) {
            throw InputException.of(t.source(), "the column 'arm' (treatment or control) is missing");
        }
        TreeMap<Integer, String> cols = categoryColumns(t);
        if (cols.size() < 2) {
            throw InputException.of(t.source(), "tabulated ordinal data need one count column per category, "
                    + "named mrs0, mrs1, ... (or cat0, ... / n0, ...)");
        }
        int cats = cols.lastKey() + 1;
        for (int j = 0; j < cats; j++) {
            if (!cols.containsKey(j)) {
                throw InputException.of(t.source(), "the count column for category " + j + " is missing (found: "
                        + String.join(", ", cols.values()) + ")");
            }
        }
        String studyCol = t.has("study") ? "study" : t.has("trial") ? "trial" : "study";
        String[] study = t.requiredText(studyCol);
        String[] arm = t.requiredText("arm");
        double[][] counts = new double[cats][];
        for (int j = 0; j < cats; j++) {
            counts[j] = t.counts(cols.get(j));
        }
        Map<String, int[]> rows = new LinkedHashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            int a = armCode(t, i, arm[i]);
            int[] r = rows.computeIfAbsent(study[i], k -> new int[] {-1, -1});
            if (r[a] >= 0) {
                throw new InputException(t.source(), t.line(i), t.headerName("arm"), "trial " + study[i] + " has a second "
                        + (a == 1 ? "treatment" : "control") + " row (the first is on line " + t.line(r[a]) + ")");
            }
            r[a] = i;
        }
        List<Note> notes = new ArrayList<>(t.notes());
        int k = rows.size();
        String[] names = new String[k];
        int[] lines = new int[k];
        double[][] tr = new double[k][cats];
        double[][] co = new double[k][cats];
        int s = 0;
        for (Map.Entry<String, int[]> e : rows.entrySet()) {
            int[] r = e.getValue();
            if (r[0] < 0 || r[1] < 0) {
                int present = r[0] >= 0 ? r[0] : r[1];
                throw new InputException(t.source(), t.line(present), t.headerName("arm"), "trial " + e.getKey()
                        + " has no " + (r[1] < 0 ? "treatment" : "control") + " row: both arms are needed");
            }
            names[s] = e.getKey();
            lines[s] = t.line(r[1]);
            double nt = 0;
            double nc = 0;
            for (int j = 0; j < cats; j++) {
                tr[s][j] = counts[j][r[1]];
                co[s][j] = counts[j][r[0]];
                nt += tr[s][j];
                nc += co[s][j];
            }
            if (nt == 0 || nc == 0) {
                int row = nt == 0 ? r[1] : r[0];
                throw new InputException(t.source(), t.line(row), null, "the " + (nt == 0 ? "treatment" : "control")
                        + " arm of trial " + e.getKey() + " has no patients");
            }
            for (int j = 0; j < cats; j++) {
                if (tr[s][j] + co[s][j] == 0) {
                    notes.add(new Note(lines[s], e.getKey(), Note.Kind.INFO, "no patient in category " + j + " in either arm"));
                }
            }
            s++;
        }
        return new OrdinalTable(t.source(), names, lines, tr, co, cats, notes);
    }

    private static int armCode(Table t, int row, String v) {
        return switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "treatment", "treated", "intervention", "evt", "1" -> 1;
            case "control", "placebo", "medical", "usual care", "0" -> 0;
            default -> throw new InputException(t.source(), t.line(row), t.headerName("arm"),
                    "the arm must be treatment or control (or 1/0), not '" + v + "'");
        };
    }
}
