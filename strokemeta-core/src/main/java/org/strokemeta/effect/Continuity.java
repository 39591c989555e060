package org.strokemeta.effect;

import java.util.Locale;

/**
 * The continuity correction for binary data with zero cells, as metafor::escalc's {@code add},
 * {@code to} and {@code drop00} arguments.
 *
 * @param add    the amount added to each of the four cells
 * @param to     which studies receive it
 * @param drop00 leave out studies with no events (or only events) in both arms
 * @serial exclude
 */
public record Continuity(double add, To to, boolean drop00) implements java.io.Serializable {
    /** Which studies receive the correction. */
    public enum To {
        /** Studies with at least one zero cell (metafor's default). */
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
}
