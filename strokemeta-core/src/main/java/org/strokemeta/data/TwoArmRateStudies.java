package org.strokemeta.data;

import java.util.List;

/**
 * Two-arm studies of events over time at risk: events and person-time in the treatment and control
 * arms (columns {@code x1i, t1i, x2i, t2i}, metafor::escalc's names), the data of incidence rate ratios and
 * differences (IRR, IRD).
 *
 * @param source      the name of the file (or data set) the studies came from
 * @param study       the study labels, in input order
 * @param lines       the 1-based file line of each study
 * @param eventsTreat the number of events in the treatment arm ({@code x1i})
 * @param timeTreat   the person-time of the treatment arm ({@code t1i})
 * @param eventsCtrl  the number of events in the control arm ({@code x2i})
 * @param timeCtrl    the person-time of the control arm ({@code t2i})
 * @param notes       remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record TwoArmRateStudies(String source, String[] study, int[] lines,
                                double[] eventsTreat, double[] timeTreat, double[] eventsCtrl, double[] timeCtrl,
                                List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param eventsTreat the number of events in the treatment arm ({@code x1i})
     * @param timeTreat the person-time of the treatment arm ({@code t1i})
     * @param eventsCtrl the number of events in the control arm ({@code x2i})
     * @param timeCtrl the person-time of the control arm ({@code t2i})
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public TwoArmRateStudies {
        int k = study.length;
        if (lines.length != k || eventsTreat.length != k || timeTreat.length != k || eventsCtrl.length != k || timeCtrl.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        eventsTreat = eventsTreat.clone();
        timeTreat = timeTreat.clone();
        eventsCtrl = eventsCtrl.clone();
        timeCtrl = timeCtrl.clone();
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
     * The {@code timeTreat} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code timeTreat}
     */
    @Override
    public double[] timeTreat() {
        return timeTreat.clone();
    }

    /**
     * Element {@code i} of {@link #timeTreat()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code timeTreat()[i]}
     */
    public double timeTreat(int i) {
        return timeTreat[i];
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
     * The {@code timeCtrl} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code timeCtrl}
     */
    @Override
    public double[] timeCtrl() {
        return timeCtrl.clone();
    }

    /**
     * Element {@code i} of {@link #timeCtrl()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code timeCtrl()[i]}
     */
    public double timeCtrl(int i) {
        return timeCtrl[i];
    }

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TwoArmRateStudies that
                && java.util.Objects.equals(source, that.source)
                && java.util.Arrays.equals(study, that.study)
                && java.util.Arrays.equals(lines, that.lines)
                && java.util.Arrays.equals(eventsTreat, that.eventsTreat)
                && java.util.Arrays.equals(timeTreat, that.timeTreat)
                && java.util.Arrays.equals(eventsCtrl, that.eventsCtrl)
                && java.util.Arrays.equals(timeCtrl, that.timeCtrl)
                && java.util.Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(eventsTreat), java.util.Arrays.hashCode(timeTreat), java.util.Arrays.hashCode(eventsCtrl), java.util.Arrays.hashCode(timeCtrl), notes);
    }

    @Override
    public String toString() {
        return "TwoArmRateStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines)
                + ", eventsTreat=" + java.util.Arrays.toString(eventsTreat)
                + ", timeTreat=" + java.util.Arrays.toString(timeTreat)
                + ", eventsCtrl=" + java.util.Arrays.toString(eventsCtrl)
                + ", timeCtrl=" + java.util.Arrays.toString(timeCtrl)
                + ", notes=" + notes + "]";
    }

    /** The columns this kind of data needs (metafor::escalc's argument names). */
    public static final List<String> COLUMNS = List.of("x1i", "t1i", "x2i", "t2i");

    @Override
    public TwoArmRateStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new TwoArmRateStudies(source, s, l, Studies.pick(eventsTreat, rows), Studies.pick(timeTreat, rows), Studies.pick(eventsCtrl, rows), Studies.pick(timeCtrl, rows), Studies.subsetNotes(notes, s, l));
    }
}
