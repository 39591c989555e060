package org.strokemeta.data;

import java.util.List;

/**
 * One group measured twice (before and after, or two matched conditions): the means and standard
 * deviations at the two time points, the number of patients and the correlation of the two measurements
 * (columns {@code m1i, m2i, sd1i, sd2i, ni, ri}, metafor::escalc's names), the data of standardised mean
 * changes (SMCC, SMCR). The change is {@code m1i - m2i}; SMCR standardises it by {@code sd1i}, SMCC by the
 * standard deviation of the changes, which needs {@code sd2i} as well ({@code sd2i} may be NaN for SMCR).
 *
 * @param source the name of the file (or data set) the studies came from
 * @param study  the study labels, in input order
 * @param lines  the 1-based file line of each study
 * @param mean1  the mean at the first time point ({@code m1i})
 * @param mean2  the mean at the second time point ({@code m2i})
 * @param sd1    the standard deviation at the first time point ({@code sd1i})
 * @param sd2    the standard deviation at the second time point ({@code sd2i}), NaN when not given
 * @param n      the number of patients ({@code ni})
 * @param r      the correlation of the two measurements ({@code ri})
 * @param notes  remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record PrePostStudies(String source, String[] study, int[] lines,
                             double[] mean1, double[] mean2, double[] sd1, double[] sd2, double[] n, double[] r,
                             List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param mean1 the mean at the first time point ({@code m1i})
     * @param mean2 the mean at the second time point ({@code m2i})
     * @param sd1 the standard deviation at the first time point ({@code sd1i})
     * @param sd2 the standard deviation at the second time point ({@code sd2i}), NaN when not given
     * @param n the number of patients ({@code ni})
     * @param r the correlation of the two measurements ({@code ri})
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public PrePostStudies {
        int k = study.length;
        if (lines.length != k || mean1.length != k || mean2.length != k || sd1.length != k || sd2.length != k || n.length != k || r.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        mean1 = mean1.clone();
        mean2 = mean2.clone();
        sd1 = sd1.clone();
        sd2 = sd2.clone();
        n = n.clone();
        r = r.clone();
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
     * The {@code mean1} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code mean1}
     */
    @Override
    public double[] mean1() {
        return mean1.clone();
    }

    /**
     * Element {@code i} of {@link #mean1()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code mean1()[i]}
     */
    public double mean1(int i) {
        return mean1[i];
    }

    /**
     * The {@code mean2} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code mean2}
     */
    @Override
    public double[] mean2() {
        return mean2.clone();
    }

    /**
     * Element {@code i} of {@link #mean2()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code mean2()[i]}
     */
    public double mean2(int i) {
        return mean2[i];
    }

    /**
     * The {@code sd1} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code sd1}
     */
    @Override
    public double[] sd1() {
        return sd1.clone();
    }

    /**
     * Element {@code i} of {@link #sd1()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code sd1()[i]}
     */
    public double sd1(int i) {
        return sd1[i];
    }

    /**
     * The {@code sd2} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code sd2}
     */
    @Override
    public double[] sd2() {
        return sd2.clone();
    }

    /**
     * Element {@code i} of {@link #sd2()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code sd2()[i]}
     */
    public double sd2(int i) {
        return sd2[i];
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

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrePostStudies that
                && java.util.Objects.equals(source, that.source)
                && java.util.Arrays.equals(study, that.study)
                && java.util.Arrays.equals(lines, that.lines)
                && java.util.Arrays.equals(mean1, that.mean1)
                && java.util.Arrays.equals(mean2, that.mean2)
                && java.util.Arrays.equals(sd1, that.sd1)
                && java.util.Arrays.equals(sd2, that.sd2)
                && java.util.Arrays.equals(n, that.n)
                && java.util.Arrays.equals(r, that.r)
                && java.util.Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(mean1), java.util.Arrays.hashCode(mean2), java.util.Arrays.hashCode(sd1), java.util.Arrays.hashCode(sd2), java.util.Arrays.hashCode(n), java.util.Arrays.hashCode(r), notes);
    }

    @Override
    public String toString() {
        return "PrePostStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines)
                + ", mean1=" + java.util.Arrays.toString(mean1)
                + ", mean2=" + java.util.Arrays.toString(mean2)
                + ", sd1=" + java.util.Arrays.toString(sd1)
                + ", sd2=" + java.util.Arrays.toString(sd2)
                + ", n=" + java.util.Arrays.toString(n)
                + ", r=" + java.util.Arrays.toString(r)
                + ", notes=" + notes + "]";
    }

    /**
     * The columns this kind of data is read from (metafor::escalc's argument names); {@code sd2i} is
     * needed by SMCC only.
     */
    public static final List<String> COLUMNS = List.of("m1i", "m2i", "sd1i", "sd2i", "ni", "ri");

    @Override
    public PrePostStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new PrePostStudies(source, s, l, Studies.pick(mean1, rows), Studies.pick(mean2, rows), Studies.pick(sd1, rows), Studies.pick(sd2, rows), Studies.pick(n, rows), Studies.pick(r, rows), Studies.subsetNotes(notes, s, l));
    }
}
