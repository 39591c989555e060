package org.strokemeta.pool;

import org.strokemeta.internal.Dist;

/**
 * The Q-profile confidence interval for tau² (Viechtbauer 2007, Stat Med 26:37-52; metafor
 * confint.rma.uni type "QP"): the values of tau² at which the generalised Q statistic
 * Σ w(tau²) r(tau²)² equals the chi-square quantiles with k − p degrees of freedom. Q is decreasing in
 * tau² (and convex), so each bound is a single root, found to machine precision by Newton's method
 * from tau² = 0 ({@link Tau2Method#solveQ}).
 */
final class QProfile {
    private QProfile() {
    }

    /**
     * @param m     the model
     * @param level the confidence level
     * @param q0    the Q statistic at tau² = 0
     * @return the interval; a bound at zero when Q(0) is already below the quantile; null when k ≤ p
     */
    public static Heterogeneity.Interval tau2Interval(MetaModel m, double level, double q0) {
        int df = m.k() - m.p();
        if (df < 1) {
            return null;
        }
        double alpha = 1 - level;
        double critUpper = Dist.chisqUpperQuantile(alpha / 2, df);
        double critLower = Dist.chisqUpperQuantile(1 - alpha / 2, df);
        if (q0 < critLower) {
            return new Heterogeneity.Interval(0, 0, "Q at tau² = 0 is below the lower quantile: the interval is {0}");
        }
        // the lower bound (the larger quantile) first; its root lies left of the upper bound's root,
        // so Newton's method for the upper bound can start there
        double lower = 0;
        boolean ok = true;
        if (q0 >= critUpper) {
            Tau2Method.QRoot lo = Tau2Method.solveQ(m, critUpper);
            lower = lo.tau2();
            ok = lo.converged();
        }
        Tau2Method.QRoot up = Tau2Method.solveQ(m, critLower, lower);
        ok &= up.converged();
        if (!ok) {
            return new Heterogeneity.Interval(lower, up.tau2(), "the Q-profile search did not converge");
        }
        return new Heterogeneity.Interval(lower, up.tau2(), null);
    }
}
