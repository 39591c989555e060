package org.strokemeta.data;

import java.util.List;

/**
 * Single-arm studies with a binary outcome: the number of patients with the event and the number of
 * patients (columns {@code xi, ni}, metafor::escalc's names), the data of proportions (PR, PLN, PLO, PAS, PFT).
 *
 * @param source the name of the file (or data set) the studies came from
 * @param study  the study labels, in input order
 * @param lines  the 1-based file line of each study
 * @param events the number of patients with the event ({@code xi})
 * @param total  the number of patients ({@code ni})
 * @param notes  remarks made while reading (duplicate labels, how the file was read)
 * @serial exclude
 */
public record ProportionStudies(String source, String[] study, int[] lines,
                                double[] events, double[] total,
                                List<Note> notes) implements Studies {
    /**
     * Checks that the arrays have one entry per study and copies them.
     *
     * @param source the name of the file (or data set) the studies came from
     * @param study the study labels, in input order
     * @param lines the 1-based file line of each study
     * @param events the number of patients with the event ({@code xi})
     * @param total the number of patients ({@code ni})
     * @param notes remarks made while reading (duplicate labels, how the file was read)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public ProportionStudies {
        int k = study.length;
        if (lines.length != k || events.length != k || total.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
        study = study.clone();
        lines = lines.clone();
        events = events.clone();
        total = total.clone();
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
     * The {@code events} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code events}
     */
    @Override
    public double[] events() {
        return events.clone();
    }

    /**
     * Element {@code i} of {@link #events()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code events()[i]}
     */
    public double events(int i) {
        return events[i];
    }

    /**
     * The {@code total} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code total}
     */
    @Override
    public double[] total() {
        return total.clone();
    }

    /**
     * Element {@code i} of {@link #total()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code total()[i]}
     */
    public double total(int i) {
        return total[i];
    }

    @Override
    public int size() {
        return study.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProportionStudies that
                && java.util.Objects.equals(source, that.source)
                && java.util.Arrays.equals(study, that.study)
                && java.util.Arrays.equals(lines, that.lines)
                && java.util.Arrays.equals(events, that.events)
                && java.util.Arrays.equals(total, that.total)
                && java.util.Objects.equals(notes, that.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(events), java.util.Arrays.hashCode(total), notes);
    }

    @Override
    public String toString() {
        return "ProportionStudies[source=" + source + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines)
                + ", events=" + java.util.Arrays.toString(events)
                + ", total=" + java.util.Arrays.toString(total)
                + ", notes=" + notes + "]";
    }

    /** The columns this kind of data needs (metafor::escalc's argument names). */
    public static final List<String> COLUMNS = List.of("xi", "ni");

    @Override
    public ProportionStudies subset(int[] rows) {
        String[] s = Studies.pick(study, rows);
        int[] l = Studies.pick(lines, rows);
        return new ProportionStudies(source, s, l, Studies.pick(events, rows), Studies.pick(total, rows), Studies.subsetNotes(notes, s, l));
    }
}
