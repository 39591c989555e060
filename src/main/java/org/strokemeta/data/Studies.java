package org.strokemeta.data;

import java.util.List;

/**
 * Study-level (aggregate) input of a meta-analysis: one row per study, labelled, with the file line
 * each study came from, and notes gathered while reading (never an unreported drop).
 */
public sealed interface Studies permits BinaryStudies, ContinuousStudies, GenericStudies {
    /** The study labels, in input order. */
    String[] study();

    /** The 1-based file line of each study. */
    int[] lines();

    /** Notes gathered while reading. */
    List<Note> notes();

    /** The name of the file (or data set) the studies came from. */
    String source();

    /** The number of studies. */
    default int size() {
        return study().length;
    }
}
