package org.strokemeta.evidence;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How a published number is known. */
public enum Confidence {
    /** Read in the primary publication (abstract, full text, tables, figures, supplement) or its registry results. */
    PRIMARY,
    /** Read in a secondary source (a review, a meta-analysis, a report) because the primary text could not be read. */
    SECONDARY,
    /** Computed by arithmetic from other published numbers, as the entry's note says. */
    DERIVED;

    /**
     * The name used in the files.
     *
     * @return the name in lower case
     */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads a name of the files.
     *
     * @param s primary, secondary or derived (any case)
     * @return the confidence
     * @throws IllegalArgumentException for any other text
     */
    @JsonCreator
    public static Confidence of(String s) {
        for (Confidence c : values()) {
            if (c.label().equalsIgnoreCase(s.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException("confidence must be primary, secondary or derived, not '" + s + "'");
    }
}
