package org.strokemeta.data;

import java.util.List;

/**
 * Two-arm studies with a binary outcome: events and totals in the treatment and control arms
 * (columns {@code events_treat, total_treat, events_ctrl, total_ctrl}).
 *
 * @param source      the name of the file (or data set) the studies came from
 * @param study       the study labels, in input order
 * @param lines       the 1-based file line of each study
 * @param eventsTreat the number of patients with the event in the treatment arm
 * @param totalTreat  the number of patients in the treatment arm
 * @param eventsCtrl  the number of patients with the event in the control arm
 * @param totalCtrl   the number of patients in the control arm
 * @param notes       remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record BinaryStudies(String source, String[] study, int[] lines,
                            double[] eventsTreat, double[] totalTreat,
                            double[] eventsCtrl, double[] totalCtrl,
                            List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param eventsTreat the number of patients with the event in the treatment arm
     * @param totalTreat the number of patients in the treatment arm
     * @param eventsCtrl the number of patients with the event in the control arm
     * @param totalCtrl the number of patients in the control arm
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public BinaryStudies {
        int k = study.length;
        if (lines.length != k || eventsTreat.length != k || totalTreat.length != k
                || eventsCtrl.length != k || totalCtrl.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        eventsTreat = eventsTreat.clone();
        totalTreat = totalTreat.clone();
        eventsCtrl = eventsCtrl.clone();
        totalCtrl = totalCtrl.clone();
    }

    static {
        org.strokemeta.internal.SharedArrays.registerBinary(new org.strokemeta.internal.SharedArrays.StudyArrays<BinaryStudies>() {
            @Override
            public String[] study(BinaryStudies s) {
                return s.study;
            }

            @Override
            public int[] lines(BinaryStudies s) {
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
     * The {@code eventsTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code eventsTreat}
     */
    @Override
    public double[] eventsTreat() {
        return eventsTreat.clone();
    }

    /**
     * Element {@code i} of {@link #eventsTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code eventsTreat()[i]}
     */
    public double eventsTreat(int i) {
        return eventsTreat[i];
    }

    /**
     * The {@code totalTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code totalTreat}
     */
    @Override
    public double[] totalTreat() {
        return totalTreat.clone();
    }

    /**
     * Element {@code i} of {@link #totalTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code totalTreat()[i]}
     */
    public double totalTreat(int i) {
        return totalTreat[i];
    }

    /**
     * The {@code eventsCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code eventsCtrl}
     */
    @Override
    public double[] eventsCtrl() {
        return eventsCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #eventsCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code eventsCtrl()[i]}
     */
    public double eventsCtrl(int i) {
        return eventsCtrl[i];
    }

    /**
     * The {@code totalCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code totalCtrl}
     */
    @Override
    public double[] totalCtrl() {
        return totalCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #totalCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code totalCtrl()[i]}
     */
    public double totalCtrl(int i) {
        return totalCtrl[i];
    }

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryStudies r
                && java.util.Objects.equals(source, r.source)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(lines, r.lines)
                && java.util.Arrays.equals(eventsTreat, r.eventsTreat)
                && java.util.Arrays.equals(totalTreat, r.totalTreat)
                && java.util.Arrays.equals(eventsCtrl, r.eventsCtrl)
                && java.util.Arrays.equals(totalCtrl, r.totalCtrl)
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(eventsTreat), java.util.Arrays.hashCode(totalTreat), java.util.Arrays.hashCode(eventsCtrl), java.util.Arrays.hashCode(totalCtrl), notes);
    }

    @Override
    public String toString() {
        return "BinaryStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines) + ", eventsTreat=" + java.util.Arrays.toString(eventsTreat)
                + ", totalTreat=" + java.util.Arrays.toString(totalTreat) + ", eventsCtrl="
                + java.util.Arrays.toString(eventsCtrl) + ", totalCtrl=" + java.util.Arrays.toString(totalCtrl)
                + ", notes=" + notes + "]";
    }

    /** The columns this kind of data needs. */
    public static final List<String> COLUMNS = List.of("events_treat", "total_treat", "events_ctrl", "total_ctrl");

    @Override
    public BinaryStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new BinaryStudies(source, s, l, Studies.pick(eventsTreat, rows), Studies.pick(totalTreat, rows), Studies.pick(eventsCtrl, rows), Studies.pick(totalCtrl, rows), Studies.subsetNotes(notes, s, l));
    }
}
