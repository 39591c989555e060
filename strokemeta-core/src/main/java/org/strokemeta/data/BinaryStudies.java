package org.strokemeta.data;

import java.util.List;

/**
 * Two-arm studies with a binary outcome: events and totals in the treatment and control arms
 * (columns {@code events_treat, total_treat, events_ctrl, total_ctrl}).
 */
public record BinaryStudies(String source, String[] study, int[] lines,
                            double[] eventsTreat, double[] totalTreat,
                            double[] eventsCtrl, double[] totalCtrl,
                            List<Note> notes) implements Studies {
    public BinaryStudies {
        int k = study.length;
        if (lines.length != k || eventsTreat.length != k || totalTreat.length != k
                || eventsCtrl.length != k || totalCtrl.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
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
