package org.strokemeta.data;

import java.util.List;

/**
 * Studies reporting a correlation coefficient and their number of patients (columns {@code ri, ni},
 * metafor::escalc's names), the data of raw and Fisher-transformed correlations (COR, ZCOR).
 *
 * @param source the name of the file (or data set) the studies came from
 * @param study  the study labels, in input order
 * @param lines  the 1-based file line of each study
 * @param r      the correlation coefficient ({@code ri}), between -1 and 1
 * @param n      the number of patients ({@code ni})
 * @param notes  remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record CorrelationStudies(String source, String[] study, int[] lines,
                                 double[] r, double[] n,
                                 List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param r the correlation coefficient ({@code ri}), between -1 and 1
     * @param n the number of patients ({@code ni})
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public CorrelationStudies {
        int k = study.length;
        if (lines.length != k || r.length != k || n.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        r = r.clone();
        n = n.clone();
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
    @Override
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
    @Override
    public int lines(int i) {
        return lines[i];
    }

    /**
     * The {@code r} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code r}
     */
    @Override
    public double[] r() {
        return r.clone();
    }

    /**
     * Element {@code i} of {@link #r()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code r()[i]}
     */
    public double r(int i) {
        return r[i];
    }

    /**
     * The {@code n} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code n}
     */
    @Override
    public double[] n() {
        return n.clone();
    }

    /**
     * Element {@code i} of {@link #n()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code n()[i]}
     */
    public double n(int i) {
        return n[i];
    }

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CorrelationStudies that
                && java.util.Objects.equals(source, that.source)
                && java.util.Arrays.equals(study, that.study)
                && java.util.Arrays.equals(lines, that.lines)
                && java.util.Arrays.equals(r, that.r)
                && java.util.Arrays.equals(n, that.n)
                && java.util.Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(r), java.util.Arrays.hashCode(n), notes);
    }

    @Override
    public String toString() {
        return "CorrelationStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines)
                + ", r=" + java.util.Arrays.toString(r)
                + ", n=" + java.util.Arrays.toString(n)
                + ", notes=" + notes + "]";
    }

    /** The columns this kind of data needs (metafor::escalc's argument names). */
    public static final List<String> COLUMNS = List.of("ri", "ni");

    @Override
    public CorrelationStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new CorrelationStudies(source, s, l, Studies.pick(r, rows), Studies.pick(n, rows), Studies.subsetNotes(notes, s, l));
    }
}
