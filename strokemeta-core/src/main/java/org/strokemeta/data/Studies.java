package org.strokemeta.data;

import java.io.Serializable;
import java.util.List;

/**
 * Study-level (aggregate) input of a meta-analysis: one row per study, labelled, with the file line
 * each study came from, and notes gathered while reading (never an unreported drop).
 *
 * <p>Every kind is a deeply immutable, serializable value: arrays are copied in and out.
 */
public sealed interface Studies extends Serializable permits BinaryStudies, ContinuousStudies, GenericStudies {
    /** The study labels, in input order (a copy). */
    String[] study();

    /** The 1-based file line of each study (a copy). */
    int[] lines();

    /** The label of study {@code i}, without a copy. */
    String study(int i);

    /** The file line of study {@code i}, without a copy. */
    int lines(int i);

    /** Notes gathered while reading. */
    List<Note> notes();

    /** The name of the file (or data set) the studies came from. */
    String source();

    /**
     * The studies at the given positions, in that order (one analysis of a table holding many),
     * with the notes of the whole that are not about duplicates and a fresh duplicate-label check.
     */
    Studies subset(int[] rows);

    /** Helper for {@link #subset}: picks entries. */
    static double[] pick(double[] x, int[] rows) {
        double[] o = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /** Helper for {@link #subset}: picks labels. */
    static String[] pick(String[] x, int[] rows) {
        String[] o = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /** Helper for {@link #subset}: picks lines. */
    static int[] pick(int[] x, int[] rows) {
        int[] o = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /** Helper for {@link #subset}: the notes of a subset. */
    static List<Note> subsetNotes(List<Note> whole, String[] study, int[] lines) {
        List<Note> out = new java.util.ArrayList<>();
        for (Note n : whole) {
            if (n.kind() != Note.Kind.DUPLICATE_LABEL && n.line() == 0) {
                out.add(n);
            }
        }
        out.addAll(StudyLoader.duplicates(study, lines));
        return out;
    }

    /** The number of studies. */
    int size();
}
