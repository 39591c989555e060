package org.strokemeta.pool;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The reference distributions of the tests, computed on the accurate side of the tail (Apache
 * Commons Statistics survival functions), so that p-values as small as 1e-30 keep their digits.
 */
public final class Dist {
    private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

    private Dist() {
    }

    /**
     * Two-sided p-value of a z statistic.
     *
     * @param z a standard normal statistic
     * @return 2 P(Z &gt; |z|)
     */
    public static double pNormal2(double z) {
        return 2 * STD_NORMAL.survivalProbability(Math.abs(z));
    }

    /**
     * The upper (1 − level)/2 quantile of the standard normal.
     *
     * @param level the confidence level, in (0, 1) (0.95, not 95)
     * @return z such that P(Z &gt; z) = (1 − level)/2 (1.96 for 0.95)
     */
    public static double zCrit(double level) {
        return STD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * Standard normal upper-tail probability.
     *
     * @param z the value
     * @return P(Z &gt; z)
     */
    public static double normalSurvival(double z) {
        return STD_NORMAL.survivalProbability(z);
    }

    /**
     * Two-sided p-value of a t statistic.
     *
     * @param t  the t statistic
     * @param df the degrees of freedom
     * @return 2 P(T &gt; |t|), or NaN when {@code df} is not positive
     */
    public static double pT2(double t, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    /**
     * The upper (1 − level)/2 quantile of t with df degrees of freedom.
     *
     * @param level the confidence level, in (0, 1)
     * @param df    the degrees of freedom
     * @return t such that P(T &gt; t) = (1 − level)/2, or NaN when {@code df} is not positive
     */
    public static double tCrit(double level, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * Upper-tail probability of a chi-square statistic.
     *
     * @param x  the statistic
     * @param df the degrees of freedom
     * @return P(X &gt; x), or NaN when {@code df} is not positive
     */
    public static double pChisq(double x, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return ChiSquaredDistribution.of(df).survivalProbability(x);
    }

    /**
     * The chi-square quantile with upper-tail probability {@code upper}. The inversion is costly
     * (tens of microseconds) and batch runs ask for the same few quantiles thousands of times, so
     * values are remembered; the memo only caches a pure function and never changes a result.
     *
     * @param upper the upper-tail probability, in (0, 1)
     * @param df    the degrees of freedom, positive
     * @return x such that P(X &gt; x) = {@code upper}
     */
    public static double chisqUpperQuantile(double upper, double df) {
        if (QUANTILES.size() > 10_000) {
            QUANTILES.clear();
        }
        return QUANTILES.computeIfAbsent(new QuantileKey(upper, df),
                k -> ChiSquaredDistribution.of(k.df()).inverseSurvivalProbability(k.upper()));
    }

    private record QuantileKey(double upper, double df) {
    }

    private static final java.util.concurrent.ConcurrentHashMap<QuantileKey, Double> QUANTILES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Upper-tail probability of an F statistic.
     *
     * @param x   the statistic
     * @param df1 the numerator degrees of freedom
     * @param df2 the denominator degrees of freedom
     * @return P(F &gt; x), or NaN when a degree of freedom is not positive
     */
    public static double pF(double x, double df1, double df2) {
        if (!(df1 > 0 && df2 > 0)) {
            return Double.NaN;
        }
        return FDistribution.of(df1, df2).survivalProbability(x);
    }
}
