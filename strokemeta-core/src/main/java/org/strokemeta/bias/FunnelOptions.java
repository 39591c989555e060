package org.strokemeta.bias;

import java.util.Arrays;
import java.util.OptionalDouble;

/**
 * What a funnel plot shows.
 *
 * @param levels     the confidence levels of the contours, each strictly between 0 and 1
 * @param centre     the centre of the contours; empty for the pooled estimate (metafor's default refline)
 * @param addTau2    add the estimated tau² to the sampling variance of the contours (metafor's {@code addtau2})
 * @param resolution the number of standard errors at which each contour is computed (metafor's {@code ci.res})
 */
public record FunnelOptions(double[] levels, OptionalDouble centre, boolean addTau2, int resolution) {
    /**
     * Checks the options and copies the levels.
     *
     * @param levels the confidence levels of the contours, each strictly between 0 and 1
     * @param centre the centre of the contours; empty for the pooled estimate (metafor's default refline)
     * @param addTau2 add the estimated tau² to the sampling variance of the contours (metafor's {@code addtau2})
     * @param resolution the number of standard errors at which each contour is computed (metafor's {@code ci.res})
     * @throws IllegalArgumentException if there is no level, a level is not in (0, 1), the centre is null
     *         or the resolution is below 2
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
     * One pseudo-confidence region at the given level around the pooled estimate (metafor's funnel()).
     *
     * @param level the confidence level, in (0, 1) (0.95, not 95)
     * @return the options of one region around the pooled estimate, at 1000 standard errors, without tau²
     */
    public static FunnelOptions aroundEstimate(double level) {
        return new FunnelOptions(new double[] {level}, OptionalDouble.empty(), false, 1000);
    }

    /**
     * The contour-enhanced funnel plot: regions of 90, 95 and 99% around 0 (Peters et al. 2008;
     * metafor's {@code funnel(level = c(90, 95, 99), refline = 0)}).
     *
     * @return the options of the three regions around 0, at 1000 standard errors, without tau²
     */
    public static FunnelOptions contourEnhanced() {
        return new FunnelOptions(new double[] {0.90, 0.95, 0.99}, OptionalDouble.of(0), false, 1000);
    }

    /**
     * A copy that adds tau² to the sampling variances of the contours, or not.
     *
     * @param add whether to add tau²
     * @return these options with {@code addTau2 = add}
     */
    public FunnelOptions withAddTau2(boolean add) {
        return new FunnelOptions(levels, centre, add, resolution);
    }

    /**
     * A copy with another resolution of the contours.
     *
     * @param n the number of standard errors at which each contour is computed
     * @return these options with {@code resolution = n}
     */
    public FunnelOptions withResolution(int n) {
        return new FunnelOptions(levels, centre, addTau2, n);
    }

    /**
     * The {@code levels} component, as a copy (the options cannot be changed through it).
     *
     * @return a fresh copy of {@code levels}
     */
    @Override
    public double[] levels() {
        return levels.clone();
    }
}
