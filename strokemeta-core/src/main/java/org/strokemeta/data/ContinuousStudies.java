package org.strokemeta.data;

import java.util.List;

/**
 * Two-arm studies with a continuous outcome: mean, standard deviation and size of each arm
 * (columns {@code mean_treat, sd_treat, n_treat, mean_ctrl, sd_ctrl, n_ctrl}).
 */
public record ContinuousStudies(String source, String[] study, int[] lines,
                                double[] meanTreat, double[] sdTreat, double[] nTreat,
                                double[] meanCtrl, double[] sdCtrl, double[] nCtrl,
                                List<Note> notes) implements Studies {
    public ContinuousStudies {
        int k = study.length;
        if (lines.length != k || meanTreat.length != k || sdTreat.length != k || nTreat.length != k
                || meanCtrl.length != k || sdCtrl.length != k || nCtrl.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
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
