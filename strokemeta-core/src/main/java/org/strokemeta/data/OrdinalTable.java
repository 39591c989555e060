package org.strokemeta.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Tabulated ordinal outcomes of several trials: the number of patients in each outcome category
 * (0 = best, as mRS 0) for the treatment and the control arm of each trial, as publications report
 * 90-day mRS distributions.
 *
 * @param source     the file name
 * @param study      the trial labels
 * @param lines      the file line of each trial's treatment row (or its only row)
 * @param treatment  counts per category in the treatment arm, {@code [trial][category]}
 * @param control    counts per category in the control arm
 * @param categories the number of categories
 * @param notes      remarks (empty categories, merged categories)
 * @serial exclude
 */
public record OrdinalTable(String source, String[] study, int[] lines, double[][] treatment, double[][] control,
                           int categories, List<Note> notes) implements Serializable {
    /**
     * Checks the shapes and copies the arrays.
     *
     * @param source the file name
     * @param study the trial labels
     * @param lines the file line of each trial's treatment row (or its only row)
     * @param treatment counts per category in the treatment arm, {@code [trial][category]}
     * @param control counts per category in the control arm
     * @param categories the number of categories
     * @param notes remarks (empty categories, merged categories)
     * @throws IllegalArgumentException if the arrays differ in length or an arm does not have
     *         {@code categories} counts
     */
    public OrdinalTable {
        int k = study.length;
        if (lines.length != k || treatment.length != k || control.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        for (int s = 0; s < k; s++) {
            if (treatment[s].length != categories || control[s].length != categories) {
                throw new IllegalArgumentException("every arm needs one count per category");
            }
        }
        study = study.clone();
        lines = lines.clone();
        treatment = deepCopy(treatment);
        control = deepCopy(control);
        notes = List.copyOf(notes);
    }

    private static double[][] deepCopy(double[][] x) {
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i].clone();
        }
        return o;
    }

    /**
     * The study labels (a copy).
     *
     * @return a fresh copy
     */
    @Override
    public String[] study() {
        return study.clone();
    }

    /**
     * The file lines (a copy).
     *
     * @return a fresh copy
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }

    /**
     * The treatment-arm counts, one row per study (a deep copy).
     *
     * @return a fresh copy, {@code [study][category]}
     */
    @Override
    public double[][] treatment() {
        return deepCopy(treatment);
    }

    /**
     * The control-arm counts, one row per study (a deep copy).
     *
     * @return a fresh copy, {@code [study][category]}
     */
    @Override
    public double[][] control() {
        return deepCopy(control);
    }

    /**
     * The label of study {@code s}.
     *
     * @param s the 0-based study
     * @return its label
     */
    public String study(int s) {
        return study[s];
    }

    /**
     * The file line of study {@code s}.
     *
     * @param s the 0-based study
     * @return its 1-based file line
     */
    public int line(int s) {
        return lines[s];
    }

    /**
     * The treatment-arm count of study {@code s} in category {@code j}.
     *
     * @param s the 0-based study
     * @param j the 0-based category
     * @return the number of patients
     */
    public double treatment(int s, int j) {
        return treatment[s][j];
    }

    /**
     * The control-arm count of study {@code s} in category {@code j}.
     *
     * @param s the 0-based study
     * @param j the 0-based category
     * @return the number of patients
     */
    public double control(int s, int j) {
        return control[s][j];
    }

    /**
     * The treatment-arm counts of study {@code s} (a copy).
     *
     * @param s the 0-based study
     * @return the counts, one per category
     */
    public double[] treatment(int s) {
        return treatment[s].clone();
    }

    /**
     * The control-arm counts of study {@code s} (a copy).
     *
     * @param s the 0-based study
     * @return the counts, one per category
     */
    public double[] control(int s) {
        return control[s].clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrdinalTable t && Objects.equals(source, t.source) && Arrays.equals(study, t.study)
                && Arrays.equals(lines, t.lines) && Arrays.deepEquals(treatment, t.treatment)
                && Arrays.deepEquals(control, t.control) && categories == t.categories && notes.equals(t.notes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, Arrays.hashCode(study), Arrays.hashCode(lines), Arrays.deepHashCode(treatment),
                Arrays.deepHashCode(control), categories, notes);
    }

    @Override
    public String toString() {
        return "OrdinalTable[source=" + source + ", study=" + Arrays.toString(study) + ", lines=" + Arrays.toString(lines)
                + ", treatment=" + Arrays.deepToString(treatment) + ", control=" + Arrays.deepToString(control)
                + ", categories=" + categories + ", notes=" + notes + "]";
    }

    /**
     * The number of trials.
     *
     * @return k
     */
    public int size() {
        return study.length;
    }

    /**
     * The trials at the given positions.
     *
     * @param rows the 0-based positions, in the order wanted
     * @return the selected trials, with the same notes
     */
    public OrdinalTable subset(int[] rows) {
        String[] s = new String[rows.length];
        int[] l = new int[rows.length];
        double[][] t = new double[rows.length][];
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            s[i] = study[rows[i]];
            l[i] = lines[rows[i]];
            t[i] = treatment[rows[i]];
            c[i] = control[rows[i]];
        }
        return new OrdinalTable(source, s, l, t, c, categories, notes);
    }

    /**
     * Categories {@code from..to} merged into {@code from} (for example mRS 5 and 6).
     *
     * @param from the first category merged (0-based)
     * @param to   the last category merged, above {@code from}
     * @return the table with {@code categories − (to − from)} categories
     * @throws IllegalArgumentException if the range is not within the categories
     */
    public OrdinalTable mergeCategories(int from, int to) {
        if (from < 0 || to <= from || to >= categories) {
            throw new IllegalArgumentException("cannot merge categories " + from + " to " + to + " of " + categories);
        }
        int width = to - from;
        double[][] t = new double[study.length][];
        double[][] c = new double[study.length][];
        for (int s = 0; s < study.length; s++) {
            t[s] = merge(treatment[s], from, to, width);
            c[s] = merge(control[s], from, to, width);
        }
        List<Note> n = new java.util.ArrayList<>(notes);
        n.add(new Note(0, null, Note.Kind.INFO, "outcome categories " + from + " to " + to + " merged"));
        return new OrdinalTable(source, study, lines, t, c, categories - width, n);
    }

    private static double[] merge(double[] x, int from, int to, int width) {
        double[] o = new double[x.length - width];
        for (int j = 0; j < x.length; j++) {
            o[j <= from ? j : j <= to ? from : j - width] += x[j];
        }
        return o;
    }
}
