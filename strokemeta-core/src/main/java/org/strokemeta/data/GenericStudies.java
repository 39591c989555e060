package org.strokemeta.data;

import java.util.List;

/**
 * Studies given directly as an effect estimate {@code yi} on the analysis scale and its sampling
 * variance {@code vi} (after any conversion from a standard error or a confidence interval).
 *
 * @param source the name of the file (or data set) the studies came from
 * @param study  the study labels, in input order
 * @param lines  the 1-based file line of each study
 * @param yi     the estimates, on the analysis scale (log for ratios)
 * @param vi     their sampling variances (variances, not standard errors)
 * @param ratio  true when the estimates are log ratios (read from ratios), to be shown as ratios
 * @param notes  remarks made while reading (conversions, duplicate labels)
 * @serial exclude
 */
public record GenericStudies(String source, String[] study, int[] lines, double[] yi, double[] vi, boolean ratio,
                             List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param yi the estimates, on the analysis scale (log for ratios)
     * @param vi their sampling variances (variances, not standard errors)
     * @param ratio true when the estimates are log ratios (read from ratios), to be shown as ratios
     * @param notes remarks made while reading (conversions, duplicate labels)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public GenericStudies {
        int k = study.length;
        if (lines.length != k || yi.length != k || vi.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        yi = yi.clone();
        vi = vi.clone();
    }

    static {
        org.strokemeta.internal.SharedArrays.registerGeneric(new org.strokemeta.internal.SharedArrays.Generic() {
            @Override
            public String[] study(GenericStudies g) {
                return g.study;
            }

            @Override
            public int[] lines(GenericStudies g) {
                return g.lines;
            }

            @Override
            public double[] yi(GenericStudies g) {
                return g.yi;
            }

            @Override
            public double[] vi(GenericStudies g) {
                return g.vi;
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
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericStudies r
                && java.util.Objects.equals(source, r.source)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(lines, r.lines)
                && java.util.Arrays.equals(yi, r.yi)
                && java.util.Arrays.equals(vi, r.vi)
                && ratio == r.ratio
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(yi), java.util.Arrays.hashCode(vi), ratio, notes);
    }

    @Override
    public String toString() {
        return "GenericStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines) + ", yi=" + java.util.Arrays.toString(yi) + ", vi="
                + java.util.Arrays.toString(vi) + ", ratio=" + ratio + ", notes=" + notes + "]";
    }

    /**
     * Estimates on their own scale (not ratios).
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study  the study labels, in input order
     * @param lines  the 1-based file line of each study
     * @param yi     the estimates
     * @param vi     their sampling variances
     * @param notes  remarks made while reading
     */
    public GenericStudies(String source, String[] study, int[] lines, double[] yi, double[] vi, List<Note> notes) {
        this(source, study, lines, yi, vi, false, notes);
    }

    @Override
    public GenericStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new GenericStudies(source, s, l, Studies.pick(yi, rows), Studies.pick(vi, rows), ratio, Studies.subsetNotes(notes, s, l));
    }
}
