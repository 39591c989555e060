package org.strokemeta.pool;

/**
 * The Q-profile confidence interval for tau² (Viechtbauer 2007, Stat Med 26:37-52; metafor
 * confint.rma.uni type "QP"): the values of tau² at which the generalised Q statistic
 * Σ w(tau²) r(tau²)² equals the chi-square quantiles with k − p degrees of freedom. Q is decreasing in
 * tau², so each bound is a single root, found to machine precision by Brent's method.
 */
public final class QProfile {
    private QProfile() {
    }

    /**
     * @param m     the model
     * @param level the confidence level
     * @param tau2  the point estimate (sets the search range as metafor does: max(100, 10 tau²))
     * @param q0    the Q statistic at tau² = 0
     * @return the interval; a bound at zero when Q(0) is already below the quantile; null when k ≤ p
     */
    public static Heterogeneity.Interval tau2Interval(MetaModel m, double level, double tau2, double q0) {
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
        double hi = Math.max(100, tau2 * 10);
        while (m.at(hi, false).rss() > critLower) {
            hi *= 10;
            if (hi > 1e15) {
                return new Heterogeneity.Interval(Double.NaN, Double.NaN, "the upper bound could not be found");
            }
        }
        double upper = Tau2Method.solve(t -> m.at(t, false).rss() - critLower, 0, hi);
        double lower;
        if (q0 < critUpper) {
            lower = 0;
        } else {
            lower = Tau2Method.solve(t -> m.at(t, false).rss() - critUpper, 0, upper);
        }
        return new Heterogeneity.Interval(lower, upper, null);
    }
}
