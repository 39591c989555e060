package org.strokemeta.effect;

import java.util.List;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Note;
import org.strokemeta.data.Studies;
import org.strokemeta.internal.SharedArrays;

/**
 * Per-study effect sizes and sampling variances on the analysis scale (metafor::escalc's output),
 * for the studies that enter the analysis, with the notes saying which studies were corrected or
 * left out and why.
 *
 * @param measure the effect measure
 * @param study   labels of the included studies
 * @param lines   file lines of the included studies
 * @param rows    for each included study, its row in the input (to align moderators and subgroups)
 * @param yi      effect sizes
 * @param vi      sampling variances
 * @param input   the study data the effects came from (arm-level counts are needed by Mantel-Haenszel and Peto)
 * @param notes   what happened to individual studies
 * @serial exclude
 */
public record EffectSizes(Measure measure, String[] study, int[] lines, int[] rows, double[] yi, double[] vi,
                          Studies input, List<Note> notes) implements java.io.Serializable {
    /**
     * Checks that the arrays have one entry per study and copies them (arrays already held by an immutable
     * {@code input} are shared).
     *
     * @param measure the effect measure
     * @param study labels of the included studies
     * @param lines file lines of the included studies
     * @param rows for each included study, its row in the input (to align moderators and subgroups)
     * @param yi effect sizes
     * @param vi sampling variances
     * @param input the study data the effects came from (arm-level counts are needed by Mantel-Haenszel and Peto)
     * @param notes what happened to individual studies
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public EffectSizes {
        int k = yi.length;
        if (study.length != k || vi.length != k || rows.length != k || lines.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        // Arrays already held by the immutable input (which never hands them out) are shared, not copied.
        study = input != null && study == SharedArrays.study(input) ? study : study.clone();
        lines = input != null && lines == SharedArrays.lines(input) ? lines : lines.clone();
        rows = rows.clone();
        SharedArrays.Generic in = input instanceof GenericStudies g ? SharedArrays.of(g) : null;
        yi = in != null && yi == in.yi((GenericStudies) input) ? yi : yi.clone();
        vi = in != null && vi == in.vi((GenericStudies) input) ? vi : vi.clone();
    }

    static {
        SharedArrays.registerEffects(new SharedArrays.Effects() {
            @Override
            public double[] yi(EffectSizes e) {
                return e.yi;
            }

            @Override
            public double[] vi(EffectSizes e) {
                return e.vi;
            }
        });
    }

    /**
     * The {@code study} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code study}
     */
    @Override
    public String[] study() {
        return study.clone();
    }

    /**
     * Element {@code i} of {@link #study()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code study()[i]}
     */
    public String study(int i) {
        return study[i];
    }

    /**
     * The {@code lines} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code lines}
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }

    /**
     * Element {@code i} of {@link #lines()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code lines()[i]}
     */
    public int lines(int i) {
        return lines[i];
    }

    /**
     * The {@code rows} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code rows}
     */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /**
     * Element {@code i} of {@link #rows()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code rows()[i]}
     */
    public int rows(int i) {
        return rows[i];
    }

    /**
     * The {@code yi} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code yi}
     */
    @Override
    public double[] yi() {
        return yi.clone();
    }

    /**
     * Element {@code i} of {@link #yi()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code yi()[i]}
     */
    public double yi(int i) {
        return yi[i];
    }

    /**
     * The {@code vi} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code vi}
     */
    @Override
    public double[] vi() {
        return vi.clone();
    }

    /**
     * Element {@code i} of {@link #vi()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code vi()[i]}
     */
    public double vi(int i) {
        return vi[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectSizes r
                && java.util.Objects.equals(measure, r.measure)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(lines, r.lines)
                && java.util.Arrays.equals(rows, r.rows)
                && java.util.Arrays.equals(yi, r.yi)
                && java.util.Arrays.equals(vi, r.vi)
                && java.util.Objects.equals(input, r.input)
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(measure, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(rows), java.util.Arrays.hashCode(yi), java.util.Arrays.hashCode(vi), input, notes);
    }

    @Override
    public String toString() {
        return "EffectSizes[measure=" + measure + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines) + ", rows=" + java.util.Arrays.toString(rows) + ", yi="
                + java.util.Arrays.toString(yi) + ", vi=" + java.util.Arrays.toString(vi) + ", input=" + input
                + ", notes=" + notes + "]";
    }

    /**
     * The number of included studies.
     *
     * @return the length of {@link #yi()}
     */
    public int size() {
        return yi.length;
    }

    /**
     * The studies excluded from the analysis, as notes.
     *
     * @return the notes of kind {@link Note.Kind#EXCLUDED}, in input order
     */
    public List<Note> excluded() {
        return notes.stream().filter(n -> n.kind() == Note.Kind.EXCLUDED).toList();
    }

    /**
     * A subset of these effect sizes (by position), keeping notes.
     *
     * @param positions 0-based positions among the included studies, in the order wanted
     * @return the selected studies, with the same measure, input and notes
     */
    public EffectSizes subset(int[] positions) {
        int m = positions.length;
        String[] s = new String[m];
        int[] l = new int[m];
        int[] r = new int[m];
        double[] y = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            int p = positions[i];
            s[i] = study[p];
            l[i] = lines[p];
            r[i] = rows[p];
            y[i] = yi[p];
            v[i] = vi[p];
        }
        return new EffectSizes(measure, s, l, r, y, v, input, notes);
    }
}
