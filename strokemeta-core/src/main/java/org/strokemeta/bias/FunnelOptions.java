package org.strokemeta.bias;

import java.io.Serializable;
import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What a funnel plot shows.
 *
 * @param levels     the confidence levels of the contours, each strictly between 0 and 1
 * @param centre     the centre of the contours; empty for the pooled estimate (metafor's default refline)
 * @param addTau2    add the estimated tau² to the sampling variance of the contours (metafor's {@code addtau2})
 * @param resolution the number of standard errors at which each contour is computed (metafor's {@code ci.res})
 * @serial exclude
 */
public record FunnelOptions(double[] levels, OptionalDouble centre, boolean addTau2, int resolution) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks the options and keeps a sorted copy of the levels.
     *
     * @param levels     the confidence levels of the contours
     * @param centre     the centre of the contours; empty for the pooled estimate
     * @param addTau2    add the estimated tau² to the sampling variance of the contours
     * @param resolution the number of standard errors at which each contour is computed
     * @throws IllegalArgumentException when there is no level or no centre, a level is not strictly
     *                                  between 0 and 1, or the resolution is below 2
     */
    public FunnelOptions {
        if (levels == null || levels.length == 0 || centre == null) {
            throw new IllegalArgumentException("a funnel plot needs at least one level and a centre (empty: the estimate)");
        }
        for (double l : levels) {
            if (!(l > 0 && l < 1)) {
                throw new IllegalArgumentException("contour levels must lie strictly between 0 and 1 (got " + l + ")");
            }
        }
        if (resolution < 2) {
            throw new IllegalArgumentException("a contour needs at least 2 points (got " + resolution + ")");
        }
        levels = levels.clone();
        Arrays.sort(levels);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FunnelOptions r
                && java.util.Arrays.equals(levels, r.levels)
                && java.util.Objects.equals(centre, r.centre)
                && addTau2 == r.addTau2
                && resolution == r.resolution;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(java.util.Arrays.hashCode(levels), centre, addTau2, resolution);
    }

    @Override
    public String toString() {
        return "FunnelOptions[levels=" + java.util.Arrays.toString(levels) + ", centre=" + centre + ", addTau2="
                + addTau2 + ", resolution=" + resolution + "]";
    }

    /**
     * One pseudo-confidence region at the given level around the pooled estimate (metafor's funnel()),
     * computed at 1000 standard errors.
     *
     * @param level the confidence level, strictly between 0 and 1
     * @return the options
     * @throws IllegalArgumentException when the level is not strictly between 0 and 1
     */
    public static FunnelOptions aroundEstimate(double level) {
        return new FunnelOptions(new double[] {level}, OptionalDouble.empty(), false, 1000);
    }

    /**
     * The contour-enhanced funnel plot: regions of 90, 95 and 99% around 0 (Peters et al. 2008;
     * metafor's {@code funnel(level = c(90, 95, 99), refline = 0)}), computed at 1000 standard errors.
     *
     * @return the options
     */
    public static FunnelOptions contourEnhanced() {
        return new FunnelOptions(new double[] {0.90, 0.95, 0.99}, OptionalDouble.of(0), false, 1000);
    }

    /**
     * The same options with or without tau² added to the sampling variance of the contours.
     *
     * @param add true to add the estimated tau² (metafor's {@code addtau2 = TRUE})
     * @return the changed options
     */
    public FunnelOptions withAddTau2(boolean add) {
        return new FunnelOptions(levels, centre, add, resolution);
    }

    /**
     * The same options with another number of points per contour.
     *
     * @param n the number of standard errors at which each contour is computed, at least 2
     * @return the changed options
     * @throws IllegalArgumentException when {@code n} is below 2
     */
    public FunnelOptions withResolution(int n) {
        return new FunnelOptions(levels, centre, addTau2, n);
    }

    /**
     * The contour levels.
     *
     * @return a copy, in increasing order
     */
    @Override
    public double[] levels() {
        return levels.clone();
    }

    /** Serialized through {@link Serial}: {@link OptionalDouble} is not serializable. */
    private Object writeReplace() {
        return new Serial(levels, centre.isPresent(), centre.orElse(0), addTau2, resolution);
    }

    /** The serialized form of {@link FunnelOptions}: the centre as a flag and a value. */
    private record Serial(double[] levels, boolean hasCentre, double centre, boolean addTau2, int resolution) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return new FunnelOptions(levels, hasCentre ? OptionalDouble.of(centre) : OptionalDouble.empty(), addTau2, resolution);
        }
    }
}
