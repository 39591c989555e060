package org.strokemeta.effect;

import java.util.Locale;

/**
 * The continuity correction for counts with zeros, as metafor::escalc's {@code add}, {@code to} and
 * {@code drop00} arguments: for 2x2 tables it is added to the four cells, for single-arm counts to the
 * events and the non-events, for event counts over person-time (single-arm or two-arm) to the events.
 * Continuous data, generic estimates and correlations take none.
 *
 * @param add    the amount added to each cell (or count) of a study that receives it
 * @param to     which studies receive it
 * @param drop00 leave out two-arm studies with no events (or only events) in both arms
 * @serial exclude
 */
public record Continuity(double add, To to, boolean drop00) implements java.io.Serializable {
    /** Which studies receive the correction. */
    public enum To {
        /** Studies with at least one zero cell (or zero count; metafor's default). */
        ONLY0,
        /** Every study. */
        ALL,
        /** Every study, when at least one study has a zero cell. */
        IF0ALL,
        /** No study. */
        NONE;

        /**
         * Parses a target as users type it: {@code only0}, {@code all}, {@code if0all} or {@code none}, case-insensitive.
         *
         * @param s the name, surrounding blanks ignored
         * @return the target
         * @throws IllegalArgumentException if the name is none of the four
         */
        public static To parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown continuity target '" + s + "' (expected only0, all, if0all or none)");
            }
        }

        /**
         * The lower-case name of the target, as metafor's {@code to} argument spells it.
         *
         * @return {@code only0}, {@code all}, {@code if0all} or {@code none}
         */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the correction.
     *
     * @param add the amount added to each of the four cells
     * @param to which studies receive it
     * @param drop00 leave out studies with no events (or only events) in both arms
     * @throws IllegalArgumentException if {@code add} is negative, NaN or infinite, or {@code to} is null
     */
    public Continuity {
        if (!(add >= 0) || Double.isInfinite(add)) {
            throw new IllegalArgumentException("the continuity correction must be a non-negative number");
        }
        if (to == null) {
            throw new IllegalArgumentException("the continuity target is required");
        }
    }

    /**
     * metafor's defaults: add 1/2 to studies with a zero cell; keep double-zero studies.
     *
     * @return add 0.5 to the four cells of studies with a zero cell, keep double-zero studies
     */
    public static Continuity defaults() {
        return new Continuity(0.5, To.ONLY0, false);
    }

    /**
     * metafor::escalc's defaults for a measure: as {@link #defaults()}, except that nothing is added for the
     * measures escalc computes without a correction unless {@code add} is given (AS, PAS, PFT, IRS and
     * IRFT, which are defined with zero counts; see {@link Measure#defaultAdd()}).
     *
     * @param m the measure, or null for one chosen from the data (whose default is {@link #defaults()})
     * @return the default correction of the measure
     */
    public static Continuity defaults(Measure m) {
        return m == null ? defaults() : new Continuity(m.defaultAdd(), To.ONLY0, false);
    }
}
