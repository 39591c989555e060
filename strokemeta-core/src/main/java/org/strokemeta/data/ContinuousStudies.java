package org.strokemeta.data;

import java.util.List;

/**
 * Two-arm studies with a continuous outcome: mean, standard deviation and size of each arm
 * (columns {@code mean_treat, sd_treat, n_treat, mean_ctrl, sd_ctrl, n_ctrl}).
 *
 * @param source    the name of the file (or data set) the studies came from
 * @param study     the study labels, in input order
 * @param lines     the 1-based file line of each study
 * @param meanTreat the mean outcome of the treatment arm, in the outcome's units
 * @param sdTreat   the standard deviation (not the variance or standard error) in the treatment arm
 * @param nTreat    the number of patients in the treatment arm
 * @param meanCtrl  the mean outcome of the control arm
 * @param sdCtrl    the standard deviation in the control arm
 * @param nCtrl     the number of patients in the control arm
 * @param notes     remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record ContinuousStudies(String source, String[] study, int[] lines,
                                double[] meanTreat, double[] sdTreat, double[] nTreat,
                                double[] meanCtrl, double[] sdCtrl, double[] nCtrl,
                                List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param meanTreat the mean outcome of the treatment arm, in the outcome's units
     * @param sdTreat the standard deviation (not the variance or standard error) in the treatment arm
     * @param nTreat the number of patients in the treatment arm
     * @param meanCtrl the mean outcome of the control arm
     * @param sdCtrl the standard deviation in the control arm
     * @param nCtrl the number of patients in the control arm
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public ContinuousStudies {
        int k = study.length;
        if (lines.length != k || meanTreat.length != k || sdTreat.length != k || nTreat.length != k
                || meanCtrl.length != k || sdCtrl.length != k || nCtrl.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        meanTreat = meanTreat.clone();
        sdTreat = sdTreat.clone();
        nTreat = nTreat.clone();
        meanCtrl = meanCtrl.clone();
        sdCtrl = sdCtrl.clone();
        nCtrl = nCtrl.clone();
    }

    static {
        org.strokemeta.internal.SharedArrays.registerContinuous(new org.strokemeta.internal.SharedArrays.StudyArrays<ContinuousStudies>() {
            @Override
            public String[] study(ContinuousStudies s) {
                return s.study;
            }

            @Override
            public int[] lines(ContinuousStudies s) {
                return s.lines;
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
     * The {@code meanTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code meanTreat}
     */
    @Override
    public double[] meanTreat() {
        return meanTreat.clone();
    }

    /**
     * Element {@code i} of {@link #meanTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code meanTreat()[i]}
     */
    public double meanTreat(int i) {
        return meanTreat[i];
    }

    /**
     * The {@code sdTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code sdTreat}
     */
    @Override
    public double[] sdTreat() {
        return sdTreat.clone();
    }

    /**
     * Element {@code i} of {@link #sdTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code sdTreat()[i]}
     */
    public double sdTreat(int i) {
        return sdTreat[i];
    }

    /**
     * The {@code nTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code nTreat}
     */
    @Override
    public double[] nTreat() {
        return nTreat.clone();
    }

    /**
     * Element {@code i} of {@link #nTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code nTreat()[i]}
     */
    public double nTreat(int i) {
        return nTreat[i];
    }

    /**
     * The {@code meanCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code meanCtrl}
     */
    @Override
    public double[] meanCtrl() {
        return meanCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #meanCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code meanCtrl()[i]}
     */
    public double meanCtrl(int i) {
        return meanCtrl[i];
    }

    /**
     * The {@code sdCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code sdCtrl}
     */
    @Override
    public double[] sdCtrl() {
        return sdCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #sdCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code sdCtrl()[i]}
     */
    public double sdCtrl(int i) {
        return sdCtrl[i];
    }

    /**
     * The {@code nCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code nCtrl}
     */
    @Override
    public double[] nCtrl() {
        return nCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #nCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code nCtrl()[i]}
     */
    public double nCtrl(int i) {
        return nCtrl[i];
    }

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ContinuousStudies r
                && java.util.Objects.equals(source, r.source)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(lines, r.lines)
                && java.util.Arrays.equals(meanTreat, r.meanTreat)
                && java.util.Arrays.equals(sdTreat, r.sdTreat)
                && java.util.Arrays.equals(nTreat, r.nTreat)
                && java.util.Arrays.equals(meanCtrl, r.meanCtrl)
                && java.util.Arrays.equals(sdCtrl, r.sdCtrl)
                && java.util.Arrays.equals(nCtrl, r.nCtrl)
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(meanTreat), java.util.Arrays.hashCode(sdTreat), java.util.Arrays.hashCode(nTreat), java.util.Arrays.hashCode(meanCtrl), java.util.Arrays.hashCode(sdCtrl), java.util.Arrays.hashCode(nCtrl), notes);
    }

    @Override
    public String toString() {
        return "ContinuousStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines) + ", meanTreat=" + java.util.Arrays.toString(meanTreat)
                + ", sdTreat=" + java.util.Arrays.toString(sdTreat) + ", nTreat="
                + java.util.Arrays.toString(nTreat) + ", meanCtrl=" + java.util.Arrays.toString(meanCtrl)
                + ", sdCtrl=" + java.util.Arrays.toString(sdCtrl) + ", nCtrl="
                + java.util.Arrays.toString(nCtrl) + ", notes=" + notes + "]";
    }

    /** The columns this kind of data needs. */
    public static final List<String> COLUMNS = List.of("mean_treat", "sd_treat", "n_treat", "mean_ctrl", "sd_ctrl", "n_ctrl");

    @Override
    public ContinuousStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new ContinuousStudies(source, s, l, Studies.pick(meanTreat, rows), Studies.pick(sdTreat, rows), Studies.pick(nTreat, rows), Studies.pick(meanCtrl, rows), Studies.pick(sdCtrl, rows), Studies.pick(nCtrl, rows), Studies.subsetNotes(notes, s, l));
    }
}
