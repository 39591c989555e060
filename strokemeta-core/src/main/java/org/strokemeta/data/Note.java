package org.strokemeta.data;

/**
 * Something the user should know about one study or row that did not stop the analysis: a study
 * left out (and why), a continuity correction applied, a duplicated label.
 *
 * @param line    the 1-based file line, or 0 when not tied to a line
 * @param study   the study label, or null
 * @param kind    what happened
 * @param message a sentence describing it
 * @serial exclude
 */
public record Note(int line, String study, Kind kind, String message) implements java.io.Serializable {
    /** The kinds of notes, so that front ends can group or count them. */
    public enum Kind {
        /** The study was left out of the analysis. */
        EXCLUDED,
        /** A continuity correction was added to the study's cells. */
        CORRECTED,
        /** The study has no events (or only events) in both arms. */
        DOUBLE_ZERO,
        /** The study label appears more than once. */
        DUPLICATE_LABEL,
        /** A problem with a fit (such as non-convergence): results so marked are not valid. */
        WARNING,
        /** Anything else worth reporting. */
        INFO
    }

    @Override
    public String toString() {
        return (line > 0 ? "line " + line + ": " : "") + (study != null ? study + ": " : "") + message;
    }
}
