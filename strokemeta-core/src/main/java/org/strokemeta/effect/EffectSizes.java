package org.strokemeta.effect;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.Studies;

/**
 * Per-study effect sizes and sampling variances on the analysis scale (metafor::escalc's output),
 * for the studies that enter the analysis, with the notes saying which studies were corrected or
 * left out and why.
 *
 * @param measure the effect measure
 * @param study   labels of the included studies
 * @param lines   file lines of the included studies
 * @param rows    for each included study, its row in the input (to align moderators and subgroups)
 * @param yi      effect sizes
 * @param vi      sampling variances
 * @param input   the study data the effects came from (arm-level counts are needed by Mantel-Haenszel and Peto)
 * @param notes   what happened to individual studies
 */
public record EffectSizes(Measure measure, String[] study, int[] lines, int[] rows, double[] yi, double[] vi,
                          Studies input, List<Note> notes) {
    public EffectSizes {
        int k = yi.length;
        if (study.length != k || vi.length != k || rows.length != k || lines.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        notes = List.copyOf(notes);
    }

    public int size() {
        return yi.length;
    }

    /** The studies excluded from the analysis, as notes. */
    public List<Note> excluded() {
        return notes.stream().filter(n -> n.kind() == Note.Kind.EXCLUDED).toList();
    }

    /** A subset of these effect sizes (by position), keeping notes. */
    public EffectSizes subset(int[] positions) {
        int m = positions.length;
        String[] s = new String[m];
        int[] l = new int[m];
        int[] r = new int[m];
        double[] y = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            int p = positions[i];
            s[i] = study[p];
            l[i] = lines[p];
            r[i] = rows[p];
            y[i] = yi[p];
            v[i] = vi[p];
        }
        return new EffectSizes(measure, s, l, r, y, v, input, notes);
    }
}
