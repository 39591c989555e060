package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaResult;

/**
 * The data of a funnel plot, ready to draw: each study's effect against its standard error, the
 * reference line, and pseudo-confidence regions ("contours") centre ± z·√(se² + τ²) over standard
 * errors from 0 to 1.1 times the largest one, as metafor::funnel draws them (Sterne and Egger 2001,
 * J Clin Epidemiol 54:1046). Contours around 0 at several levels give the contour-enhanced funnel
 * plot of Peters et al. 2008 (J Clin Epidemiol 61:991), metafor's
 * {@code funnel(level = c(90, 95, 99), refline = 0)}.
 *
 * @param estimate the pooled estimate of the analysis the plot shows
 * @param centre   the centre of the contours (the pooled estimate, or 0 for a contour-enhanced plot)
 * @param tau2     the between-study variance added to the sampling variance of the contours (0 unless asked for)
 * @param seMax    the top of the standard-error axis (1.1 times the largest standard error)
 * @param points   the studies, in the analysis' order
 * @param contours one region per level, from the widest (highest level) to the narrowest
 * @serial exclude
 */
public record FunnelPlot(double estimate, double centre, double tau2, double seMax, List<Point> points,
                         List<Contour> contours) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param estimate the pooled estimate of the analysis the plot shows
     * @param centre the centre of the contours (the pooled estimate, or 0 for a contour-enhanced plot)
     * @param tau2 the between-study variance added to the sampling variance of the contours (0 unless asked for)
     * @param seMax the top of the standard-error axis (1.1 times the largest standard error)
     * @param points the studies, in the analysis' order
     * @param contours one region per level, from the widest (highest level) to the narrowest
     */
    public FunnelPlot {
        points = List.copyOf(points);
        contours = List.copyOf(contours);
    }

    /**
     * The funnel plot of an analysis.
     *
     * @param r the analysis
     * @param f what the plot shows
     * @return the studies (effect against standard error) and the contours around the centre
     */
    public static FunnelPlot of(MetaResult r, FunnelOptions f) {
        return build(r, f, r.k());
    }

    /**
     * The funnel plot of a trim-and-fill analysis: observed and filled studies around the adjusted estimate.
     *
     * @param t the trim-and-fill analysis
     * @param f what the plot shows
     * @return the observed and filled studies and the contours around the adjusted estimate
     */
    public static FunnelPlot of(TrimFillResult t, FunnelOptions f) {
        return build(t.adjusted(), f, t.adjusted().k() - t.filled().size());
    }

    private static FunnelPlot build(MetaResult r, FunnelOptions f, int firstFilled) {
        EffectSizes es = r.effects();
        List<Point> pts = new ArrayList<>(es.size());
        double maxSe = 0;
        for (int i = 0; i < es.size(); i++) {
            double se = Math.sqrt(es.vi(i));
            maxSe = Math.max(maxSe, se);
            pts.add(new Point(es.study(i), es.yi(i), se, i >= firstFilled));
        }
        double estimate = r.pooled().estimate();
        double centre = f.centre().orElse(estimate);
        double tau2 = f.addTau2() ? r.heterogeneity().tau2() : 0;
        // metafor extends the standard-error axis by 10% beyond the largest standard error.
        double seMax = 1.1 * maxSe;
        int n = f.resolution();
        double[] se = new double[n];
        for (int j = 0; j < n; j++) {
            se[j] = seMax * j / (n - 1);
        }
        double[] levels = f.levels();
        List<Contour> cs = new ArrayList<>(levels.length);
        for (int m = levels.length - 1; m >= 0; m--) {
            double z = Dist.zCrit(levels[m]);
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int j = 0; j < n; j++) {
                double half = z * Math.sqrt(se[j] * se[j] + tau2);
                lo[j] = centre - half;
                hi[j] = centre + half;
            }
            cs.add(new Contour(levels[m], z, se, lo, hi));
        }
        return new FunnelPlot(estimate, centre, tau2, seMax, pts, cs);
    }

    /**
     * One study of the plot.
     *
     * @param study  its label
     * @param yi     its effect (x axis)
     * @param sei    its standard error (y axis, drawn downwards)
     * @param filled true for a study filled in by trim-and-fill
     * @serial exclude
     */
    public record Point(String study, double yi, double sei, boolean filled) implements java.io.Serializable {
    }

    /**
     * A pseudo-confidence region: for each standard error se, the effects between {@code lower} and
     * {@code upper} are not significant at 1 − level against the centre.
     *
     * @param level the confidence level, for example 0.95
     * @param z     the normal quantile used (metafor uses the normal quantile whatever the test)
     * @param se    the standard errors, ascending from 0 to seMax
     * @param lower centre − z·√(se² + τ²)
     * @param upper centre + z·√(se² + τ²)
     * @serial exclude
     */
    public record Contour(double level, double z, double[] se, double[] lower, double[] upper) implements java.io.Serializable {
        /**
         * Copies the arrays.
         *
         * @param level the confidence level, for example 0.95
         * @param z the normal quantile used (metafor uses the normal quantile whatever the test)
         * @param se the standard errors, ascending from 0 to seMax
         * @param lower centre − z·√(se² + τ²)
         * @param upper centre + z·√(se² + τ²)
         */
        public Contour {
            se = se.clone();
            lower = lower.clone();
            upper = upper.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Contour r
                    && Double.compare(level, r.level) == 0
                    && Double.compare(z, r.z) == 0
                    && java.util.Arrays.equals(se, r.se)
                    && java.util.Arrays.equals(lower, r.lower)
                    && java.util.Arrays.equals(upper, r.upper);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(level, z, java.util.Arrays.hashCode(se),
                    java.util.Arrays.hashCode(lower), java.util.Arrays.hashCode(upper));
        }

        @Override
        public String toString() {
            return "Contour[level=" + level + ", z=" + z + ", se=" + java.util.Arrays.toString(se) + ", lower="
                    + java.util.Arrays.toString(lower) + ", upper=" + java.util.Arrays.toString(upper) + "]";
        }

        /**
         * The {@code se} component, as a copy.
         *
         * @return a fresh copy of {@code se}
         */
        @Override
        public double[] se() {
            return se.clone();
        }

        /**
         * The {@code lower} component, as a copy.
         *
         * @return a fresh copy of {@code lower}
         */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /**
         * The {@code upper} component, as a copy.
         *
         * @return a fresh copy of {@code upper}
         */
        @Override
        public double[] upper() {
            return upper.clone();
        }
    }
}
