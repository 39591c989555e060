package org.strokemeta.sequential;

import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Group-sequential boundaries at given information fractions: Lan-DeMets alpha spending ({@link Spending}) with
 * two-sided symmetric boundaries and beta-spending futility boundaries, computed exactly by the
 * recursive numerical integration of Armitage, McPherson and Rowe (1969) over the continuation regions
 * (Jennison and Turnbull 2000, chapter 19), as the ldbounds/ld98 programs and the RTSA package compute them.
 *
 * <p>With S(t) = Z(t)·√t a Brownian motion in the information fraction t (drift θ under the alternative),
 * the density of Z_k on the continuation region is carried from look to look by Simpson's rule on a grid of
 * {@value #GRID} points per look; exit probabilities use the normal survival function, so the tiny spending of
 * early looks (1e-24) keeps its relative accuracy.
 */
public final class GroupSequential {
    /** Simpson points per look (odd). */
    static final int GRID = 2001;
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private GroupSequential() {
    }

    /**
     * Cumulative two-sided alpha spent at t by the Lan-DeMets O'Brien-Fleming-type function ({@link Spending#OBRIEN_FLEMING}).
     *
     * @param alpha the two-sided level
     * @param t     the information fraction
     * @return the alpha spent by t
     */
    public static double alphaSpent(double alpha, double t) {
        return Spending.OBRIEN_FLEMING.alpha(alpha, t);
    }

    /**
     * Cumulative beta spent at t by the O'Brien-Fleming-type function ({@link Spending#OBRIEN_FLEMING}).
     *
     * @param beta the type II error (1 − power)
     * @param t    the information fraction
     * @return the beta spent by t
     */
    public static double betaSpent(double beta, double t) {
        return Spending.OBRIEN_FLEMING.beta(beta, t);
    }

    /** A density of Z_k on a grid over its continuation interval [lo, hi] (Simpson weights included). */
    private record Density(double t, double[] z, double[] w) {
    }

    /** Before the first look: no density (the first look's distribution is the unconditional normal). */
    private static Density start() {
        return null;
    }

    /**
     * The two-sided efficacy boundaries b_k: P_0(|Z_j| &lt; b_j for j &lt; k, |Z_k| ≥ b_k) = spent_k − spent_{k−1}.
     *
     * @param t     the information fractions, increasing
     * @param spent the cumulative two-sided alpha at each look
     * @return the boundaries (at a look where nothing more is spent, the previous look's; +∞ before any is spent)
     */
    public static double[] efficacy(double[] t, double[] spent) {
        int k = t.length;
        double[] b = new double[k];
        Density d = start();
        double prev = 0;
        for (int i = 0; i < k; i++) {
            double inc = spent[i] - prev;
            prev = spent[i];
            final Density dd = d;
            final double ti = t[i];
            if (!(inc > 0)) {
                // nothing left to spend (the information size reached, or no new information): the boundary stays where it
                // was, as the TSA program draws it on beyond the required information size
                b[i] = i > 0 ? b[i - 1] : Double.POSITIVE_INFINITY;
            } else if (dd == null) {
                b[i] = N01.inverseSurvivalProbability(inc / 2);
            } else {
                double target = inc;
                if (exit(dd, ti, 0, 1e-9, true) <= target) {
                    // even a boundary at 0 would not spend the increment: every path still going stops here
                    b[i] = 0;
                } else {
                    b[i] = new BrentSolver(1e-14, 1e-15, 0).findRoot(x -> logRatio(exit(dd, ti, 0, x, true), target), 1e-9, 40);
                }
            }
            d = carry(d, t[i], 0, -b[i], b[i]);
        }
        return b;
    }

    /**
     * The futility boundaries f_k under the alternative of drift θ (E[Z_k] = θ√t_k), non-binding:
     * P_1(max(f_j, −b_j) &lt; Z_j &lt; b_j for j &lt; k, Z_k &lt; f_k) = spent_k − spent_{k−1}.
     *
     * @param t     the information fractions, increasing
     * @param b     the efficacy boundaries
     * @param spent the cumulative beta at each look
     * @param theta the drift, z_{1−α/2} + z_{1−β}
     * @return the futility boundaries (at a look where nothing more is spent, the previous look's; −∞ before any is spent)
     */
    public static double[] futility(double[] t, double[] b, double[] spent, double theta) {
        int k = t.length;
        double[] f = new double[k];
        Density d = start();
        double prev = 0;
        for (int i = 0; i < k; i++) {
            double inc = spent[i] - prev;
            prev = spent[i];
            final Density dd = d;
            final double ti = t[i];
            if (!(inc > 0)) {
                f[i] = i > 0 ? f[i - 1] : Double.NEGATIVE_INFINITY;
            } else if (dd == null) {
                f[i] = theta * Math.sqrt(ti) - N01.inverseSurvivalProbability(inc);
            } else {
                double target = inc;
                double centre = theta * Math.sqrt(ti);
                double top = Math.min(b[i], centre + 40);
                if (lower(dd, ti, theta, top) <= target) {
                    // the futility boundary reaches the efficacy boundary: the two meet
                    f[i] = top;
                } else {
                    f[i] = new BrentSolver(1e-14, 1e-15, 0).findRoot(x -> logRatio(lower(dd, ti, theta, x), target), centre - 40, top);
                }
            }
            double lo = Math.max(f[i], -b[i]);
            d = carry(d, t[i], theta, lo, b[i]);
        }
        return f;
    }

    /** log(p/target), finite where p underflows (the root lies where p is about the target). */
    private static double logRatio(double p, double target) {
        return p > 0 ? Math.log(p) - Math.log(target) : -1e3;
    }

    /** The conditional density of Z at t given Z_prev = u at tp, under drift theta. */
    private static double transition(double z, double t, double u, double tp, double theta) {
        double dt = t - tp;
        double s = Math.sqrt(dt);
        double x = (z * Math.sqrt(t) - u * Math.sqrt(tp) - theta * dt) / s;
        return Math.sqrt(t) / s * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** P(continue until d, then Z_t ≥ b or Z_t ≤ −b (two-sided) or Z_t ≥ b only). */
    private static double exit(Density d, double t, double theta, double b, boolean twoSided) {
        double sum = 0;
        double dt = t - d.t();
        double s = Math.sqrt(dt);
        double st = Math.sqrt(t);
        double sp = Math.sqrt(d.t());
        for (int i = 0; i < d.z().length; i++) {
            double m = d.z()[i] * sp + theta * dt;
            double up = N01.survivalProbability((b * st - m) / s);
            double down = twoSided ? N01.cumulativeProbability((-b * st - m) / s) : 0;
            sum += d.w()[i] * (up + down);
        }
        return sum;
    }

    /** P(continue until d, then Z_t < f) under drift theta. */
    private static double lower(Density d, double t, double theta, double f) {
        double sum = 0;
        double dt = t - d.t();
        double s = Math.sqrt(dt);
        double st = Math.sqrt(t);
        double sp = Math.sqrt(d.t());
        for (int i = 0; i < d.z().length; i++) {
            double m = d.z()[i] * sp + theta * dt;
            sum += d.w()[i] * N01.cumulativeProbability((f * st - m) / s);
        }
        return sum;
    }

    /** The (sub-)density of Z_t on [lo, hi], having continued at every earlier look; Simpson weights folded in. */
    private static Density carry(Density d, double t, double theta, double lo, double hi) {
        double centre = theta * Math.sqrt(t);
        double a = Math.max(lo, centre - 12);
        double c = Math.min(hi, centre + 12);
        if (!(c > a)) {
            // an empty continuation region: nothing continues
            return new Density(t, new double[] {0}, new double[] {0});
        }
        int n = GRID;
        double h = (c - a) / (n - 1);
        double[] z = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = a + i * h;
            double simpson = (i == 0 || i == n - 1 ? 1 : i % 2 == 1 ? 4 : 2) * h / 3;
            double dens;
            if (d == null) {
                double x = z[i] - centre;
                dens = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            } else {
                dens = 0;
                for (int j = 0; j < d.z().length; j++) {
                    if (d.w()[j] != 0) {
                        dens += d.w()[j] * transition(z[i], t, d.z()[j], d.t(), theta);
                    }
                }
            }
            w[i] = simpson * dens;
        }
        return new Density(t, z, w);
    }
}
