package org.strokemeta.bias;

import java.util.Locale;

/**
 * The side of the funnel plot on which trim-and-fill supposes studies to be missing (Duval and
 * Tweedie 2000). The algorithm is written for studies missing on the left; for the right side the
 * effects are mirrored (multiplied by −1) before and after, as metafor::trimfill does.
 */
public enum Side {
    /** Studies are missing among the smaller effects; the largest effects are trimmed and mirrored. */
    LEFT("left") {
        @Override
        public double orient(double y) {
            return y;
        }
    },
    /** Studies are missing among the larger effects; the smallest effects are trimmed and mirrored. */
    RIGHT("right") {
        @Override
        public double orient(double y) {
            return -y;
        }
    };

    private final String label;

    Side(String label) {
        this.label = label;
    }

    /**
     * Maps an effect to the scale on which studies are missing on the left (and back: the map is its
     * own inverse).
     *
     * @param y an effect on the analysis scale
     * @return {@code y} for the left side, {@code −y} for the right
     */
    public abstract double orient(double y);

    /**
     * "left" or "right", as metafor prints it.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The side metafor::trimfill chooses when none is given: from the sign of the slope of the
     * meta-regression of the effects on their standard errors (the regression test's slope). A
     * negative slope means that the less precise studies report smaller effects, so small studies
     * with larger effects seem to be missing: the right side; otherwise the left side.
     *
     * @param slope the slope of the effects on their standard errors
     * @return {@link #RIGHT} for a negative slope, {@link #LEFT} otherwise
     */
    public static Side fromSlope(double slope) {
        return slope < 0 ? RIGHT : LEFT;
    }

    /**
     * Parses a side: {@code left} or {@code right}, case-insensitive.
     *
     * @param s the name, surrounding blanks ignored
     * @return the side
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Side parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "left" -> LEFT;
            case "right" -> RIGHT;
            default -> throw new IllegalArgumentException("unknown side '" + s + "' (expected left or right)");
        };
    }
}
