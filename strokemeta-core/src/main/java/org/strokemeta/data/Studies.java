package org.strokemeta.data;

import java.io.Serializable;
import java.util.List;

/**
 * Study-level (aggregate) input of a meta-analysis: one row per study, labelled, with the file line
 * each study came from, and notes gathered while reading (never an unreported drop).
 *
 * <p>Every kind is a deeply immutable, serializable value: arrays are copied in and out.
 */
public sealed interface Studies extends Serializable permits BinaryStudies, ContinuousStudies, GenericStudies, ProportionStudies,
        RateStudies, TwoArmRateStudies, PrePostStudies, CorrelationStudies {
    /**
     * The study labels, in input order (a copy).
     *
     * @return a fresh array
     */
    String[] study();

    /**
     * The 1-based file line of each study (a copy).
     *
     * @return a fresh array
     */
    int[] lines();

    /**
     * The label of study {@code i}, without a copy.
     *
     * @param i the 0-based study
     * @return its label
     */
    String study(int i);

    /**
     * The file line of study {@code i}, without a copy.
     *
     * @param i the 0-based study
     * @return its 1-based line
     */
    int lines(int i);

    /**
     * Notes gathered while reading.
     *
     * @return the notes, in reading order
     */
    List<Note> notes();

    /**
     * The name of the file (or data set) the studies came from.
     *
     * @return the source
     */
    String source();

    /**
     * The studies at the given positions, in that order (one analysis of a table holding many),
     * with the notes of the whole that are not about duplicates and a fresh duplicate-label check.
     *
     * @param rows the 0-based positions, in the order wanted
     * @return the selected studies
     */
    Studies subset(int[] rows);

    /**
     * Helper for {@link #subset}: picks entries.
     *
     * @param x    the values
     * @param rows the positions
     * @return {@code x[rows[i]]} for each i
     */
    static double[] pick(double[] x, int[] rows) {
        double[] o = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /**
     * Helper for {@link #subset}: picks labels.
     *
     * @param x    the labels
     * @param rows the positions
     * @return {@code x[rows[i]]} for each i
     */
    static String[] pick(String[] x, int[] rows) {
        String[] o = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /**
     * Helper for {@link #subset}: picks lines.
     *
     * @param x    the lines
     * @param rows the positions
     * @return {@code x[rows[i]]} for each i
     */
    static int[] pick(int[] x, int[] rows) {
        int[] o = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            o[i] = x[rows[i]];
        }
        return o;
    }

    /**
     * Helper for {@link #subset}: the notes of a subset.
     *
     * @param whole the notes of the whole table
     * @param study the subset's labels
     * @param lines the subset's lines
     * @return the notes about the whole table plus the duplicate-label notes of the subset
     */
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

    /**
     * The number of studies.
     *
     * @return k
     */
    int size();
}
