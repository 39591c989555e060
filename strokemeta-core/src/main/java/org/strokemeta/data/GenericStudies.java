package org.strokemeta.data;

import java.util.List;

/**
 * Studies given directly as an effect estimate {@code yi} on the analysis scale and its sampling
 * variance {@code vi} (after any conversion from a standard error or a confidence interval).
 *
 * @param ratio true when the estimates are log ratios (read from ratios), to be shown as ratios
 */
public record GenericStudies(String source, String[] study, int[] lines, double[] yi, double[] vi, boolean ratio,
                             List<Note> notes) implements Studies {
    public GenericStudies {
        int k = study.length;
        if (lines.length != k || yi.length != k || vi.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
    }

    /** Estimates on their own scale (not ratios). */
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
