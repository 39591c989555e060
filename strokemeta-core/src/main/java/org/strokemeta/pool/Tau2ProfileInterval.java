package org.strokemeta.pool;

import org.strokemeta.internal.Dist;

/**
 * The profile-likelihood confidence interval of tau² of an ML or REML fit (metafor's
 * {@code confint(res, type = "PL")}; Hardy and Thompson, Stat Med 1996;15:619-29): the values of tau² at
 * which twice the drop of the (restricted) log-likelihood, the coefficients at their weighted
 * least-squares values for each tau², equals the chi-square quantile with 1 df. A bound is 0 when the drop
 * at tau² = 0 is below the quantile. Each root is found by bisection to a relative width of 1e-12.
 */
public final class Tau2ProfileInterval {
    private Tau2ProfileInterval() {
    }

    /**
     * The interval.
     *
     * @param m      the model
     * @param method ML or REML
     * @param tau2   the estimate (the maximum of the likelihood)
     * @param level  the confidence level
     * @return {lower, upper}
     * @throws IllegalArgumentException for another estimator
     */
    public static double[] of(MetaModel m, Tau2Method method, double tau2, double level) {
        if (method != Tau2Method.ML && method != Tau2Method.REML) {
            throw new IllegalArgumentException("the profile-likelihood interval belongs to ML and REML fits, not " + method);
        }
        boolean reml = method == Tau2Method.REML;
        double max = ll(m, tau2, reml);
        double crit = Dist.chisqUpperQuantile(1 - level, 1) / 2;
        java.util.function.DoubleUnaryOperator drop = t -> max - ll(m, t, reml) - crit;
        double lower = 0;
        if (drop.applyAsDouble(0) > 0) {
            lower = bisect(drop, 0, tau2);
        }
        double hi = Math.max(tau2, 1e-4) * 2;
        int guard = 0;
        while (drop.applyAsDouble(hi) < 0 && guard++ < 200) {
            hi *= 2;
        }
        double upper = bisect(drop, tau2, hi);
        return new double[] {lower, upper};
    }

    private static double ll(MetaModel m, double tau2, boolean reml) {
        FitStatistics f = FitStatistics.of(m, tau2, true);
        return reml ? f.llReml() : f.llMl();
    }

    /** The root of f between a (f below 0 on one side) and b, to a relative width of 1e-12. */
    private static double bisect(java.util.function.DoubleUnaryOperator f, double a, double b) {
        double fa = f.applyAsDouble(a);
        for (int i = 0; i < 200 && (b - a) > 1e-12 * Math.max(1e-12, Math.abs(b)); i++) {
            double mid = (a + b) / 2;
            double fm = f.applyAsDouble(mid);
            if ((fm > 0) == (fa > 0)) {
                a = mid;
                fa = fm;
            } else {
                b = mid;
            }
        }
        return (a + b) / 2;
    }
}
