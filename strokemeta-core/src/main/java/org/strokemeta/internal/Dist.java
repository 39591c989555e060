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

    /**
     * The two-sided p-value of a z statistic.
     *
     * @param z the statistic
     * @return P(|Z| ≥ |z|) for a standard normal Z
     */
    public static double pNormal2(double z) {
        return 2 * STD_NORMAL.survivalProbability(Math.abs(z));
    }

    /**
     * The critical value of a two-sided normal confidence interval.
     *
     * @param level the confidence level, in (0, 1) (0.95 for 95%)
     * @return the upper (1 − level)/2 quantile of the standard normal (1.959964 for 0.95)
     */
    public static double zCrit(double level) {
        return STD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * The standard normal upper-tail probability.
     *
     * @param z the value
     * @return P(Z &gt; z)
     */
    public static double normalSurvival(double z) {
        return STD_NORMAL.survivalProbability(z);
    }

    /**
     * The two-sided p-value of a t statistic.
     *
     * @param t  the statistic
     * @param df its degrees of freedom
     * @return P(|T| ≥ |t|), NaN when df is not positive
     */
    public static double pT2(double t, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return 2 * TDistribution.of(df).survivalProbability(Math.abs(t));
    }

    /**
     * The critical value of a two-sided t confidence interval.
     *
     * @param level the confidence level, in (0, 1)
     * @param df    the degrees of freedom
     * @return the upper (1 − level)/2 quantile of t with df degrees of freedom, NaN when df is not positive
     */
    public static double tCrit(double level, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return TDistribution.of(df).inverseSurvivalProbability((1 - level) / 2);
    }

    /**
     * The upper-tail probability of a chi-square statistic.
     *
     * @param x  the statistic
     * @param df its degrees of freedom
     * @return P(X &gt; x), NaN when df is not positive
     */
    public static double pChisq(double x, double df) {
        if (!(df > 0)) {
            return Double.NaN;
        }
        return chiSquared(df).survivalProbability(x);
    }

    /** The chi-square distributions of whole degrees of freedom up to 256, made once each (making one computes log Γ). */
    private static final ChiSquaredDistribution[] CHI_SQUARED = new ChiSquaredDistribution[257];

    private static ChiSquaredDistribution chiSquared(double df) {
        int i = (int) df;
        if (i != df || i >= CHI_SQUARED.length) {
            return ChiSquaredDistribution.of(df);
        }
        ChiSquaredDistribution d = CHI_SQUARED[i];
        if (d == null) {
            // made twice at worst by two threads, the same distribution; it is immutable
            d = ChiSquaredDistribution.of(df);
            CHI_SQUARED[i] = d;
        }
        return d;
    }

    /**
     * The chi-square quantile with upper-tail probability {@code upper}. The inversion is costly
     * (tens of microseconds) and batch runs ask for the same few quantiles thousands of times, so
     * values are remembered; the memo only caches a pure function and never changes a result.
     *
     * @param upper the upper-tail probability, in (0, 1)
     * @param df    the degrees of freedom (positive)
     * @return the quantile q with P(X &gt; q) = upper
     */
    public static double chisqUpperQuantile(double upper, double df) {
        int slot = (Double.hashCode(upper) * 31 + Double.hashCode(df)) & (RECENT.length - 1);
        Quantile last = RECENT[slot];
        if (last != null && last.upper == upper && last.df == df) {
            return last.value;
        }
        if (QUANTILES.size() > 10_000) {
            QUANTILES.clear();
        }
        double v = QUANTILES.computeIfAbsent(new QuantileKey(upper, df),
                k -> chiSquared(k.df()).inverseSurvivalProbability(k.upper()));
        RECENT[slot] = new Quantile(upper, df, v);
        return v;
    }

    /** A quantile looked up (final fields: a thread that sees the object sees its values). */
    private record Quantile(double upper, double df, double value) {
    }

    /**
     * Quantiles looked up lately, by a hash of their arguments: the Q-profile asks for the same two for
     * each analysis of a batch. Entries are replaced without locking; each is whole and correct, so a
     * thread finds the quantile it wants or looks in the memo.
     */
    private static final Quantile[] RECENT = new Quantile[16];

    /**
     * A quantile's arguments. Equality and hash are written out: a record's generated ones are linked
     * through method handles on first use, which costs more than the quantiles they look up.
     */
    private record QuantileKey(double upper, double df) {
        @Override
        public boolean equals(Object o) {
            return o instanceof QuantileKey k && Double.compare(k.upper, upper) == 0 && Double.compare(k.df, df) == 0;
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(upper) + Double.hashCode(df);
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<QuantileKey, Double> QUANTILES =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The upper-tail probability of an F statistic.
     *
     * @param x   the statistic
     * @param df1 its numerator degrees of freedom
     * @param df2 its denominator degrees of freedom
     * @return P(F &gt; x), NaN when a degree of freedom is not positive
     */
    public static double pF(double x, double df1, double df2) {
        if (!(df1 > 0 && df2 > 0)) {
            return Double.NaN;
        }
        return FDistribution.of(df1, df2).survivalProbability(x);
    }
}
