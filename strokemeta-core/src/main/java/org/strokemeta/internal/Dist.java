package org.strokemeta.internal;

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

    /** Two-sided p-value of a z statistic. */
    public static double pNormal2(double z) {
        return 2 * STD_NORMAL.survivalProbability(Math.abs(z));
    }

    /** The upper (1 − level)/2 quantile of the standard normal. */
    public static double zCrit(double level) {
        return STD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /** Standard normal upper-tail probability. */
    public static double normalSurvival(double z) {
        return STD_NORMAL.survivalProbability(z);
    }

    /** Two-sided p-value of a t statistic. */
    public static double pT2(double t, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    /** The upper (1 − level)/2 quantile of t with df degrees of freedom. */
    public static double tCrit(double level, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }

    /** Upper-tail probability of a chi-square statistic. */
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

    /** Upper-tail probability of an F statistic. */
    public static double pF(double x, double df1, double df2) {
        if (!(df1 > 0 && df2 > 0)) {
            return Double.NaN;
        }
        return FDistribution.of(df1, df2).survivalProbability(x);
    }
}
