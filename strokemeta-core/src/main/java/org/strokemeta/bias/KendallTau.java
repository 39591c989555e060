package org.strokemeta.bias;

import java.util.Arrays;
import org.strokemeta.internal.Dist;

/**
 * Kendall's rank correlation tau-b and its two-sided test, computed as R's
 * {@code cor.test(x, y, method = "kendall", exact = TRUE)}: the exact null distribution of the
 * number of concordant pairs when neither variable has ties, otherwise the normal approximation with
 * the variance of S corrected for ties (Kendall 1970, Rank Correlation Methods, ch. 4), without a
 * continuity correction.
 *
 * <p>The pair counts use Knight's O(n log n) algorithm (Knight 1966, JASA 61:436): sort by (x, y),
 * count the discordant pairs as the swaps of a merge sort of y, and the tied pairs from runs of
 * equal values. The exact law is the distribution of inversions of a random permutation, built level
 * by level on probabilities rather than on counts, so that it does not overflow: R's
 * {@code ckendall} counts permutations in doubles and returns NaN beyond 170 observations.
 */
final class KendallTau {
    /**
     * Above this many observations the exact law (O(n³) work) gives way to the normal approximation;
     * at that size the two differ in the third significant digit of p at most.
     */
    public static final int EXACT_MAX_N = 1000;

    private KendallTau() {
    }

    /**
     * Pair counts of two samples.
     *
     * @param n       the number of observations
     * @param pairs   n(n−1)/2
     * @param tiedX   pairs tied in x
     * @param tiedY   pairs tied in y
     * @param tiedXY  pairs tied in both
     * @param s       concordant minus discordant pairs (Kendall's S)
     * @param tiesX   the sizes of the groups of tied x values
     * @param tiesY   the sizes of the groups of tied y values
     * @serial exclude
     */
    public record Counts(int n, long pairs, long tiedX, long tiedY, long tiedXY, long s, long[] tiesX, long[] tiesY) implements java.io.Serializable {
        /**
         * Copies the tie arrays.
         *
         * @param n the number of observations
         * @param pairs n(n−1)/2
         * @param tiedX pairs tied in x
         * @param tiedY pairs tied in y
         * @param tiedXY pairs tied in both
         * @param s concordant minus discordant pairs (Kendall's S)
         * @param tiesX the sizes of the groups of tied x values
         * @param tiesY the sizes of the groups of tied y values
         */
        public Counts {
            tiesX = tiesX.clone();
            tiesY = tiesY.clone();
        }

        /**
         * The {@code tiesX} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code tiesX}
         */
        @Override
        public long[] tiesX() {
            return tiesX.clone();
        }

        /**
         * Element {@code i} of {@link #tiesX()}, without a copy.
         *
         * @param i the 0-based position
         * @return {@code tiesX()[i]}
         */
        public long tiesX(int i) {
            return tiesX[i];
        }

        /**
         * The {@code tiesY} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code tiesY}
         */
        @Override
        public long[] tiesY() {
            return tiesY.clone();
        }

        /**
         * Element {@code i} of {@link #tiesY()}, without a copy.
         *
         * @param i the 0-based position
         * @return {@code tiesY()[i]}
         */
        public long tiesY(int i) {
            return tiesY[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Counts r
                    && n == r.n
                    && pairs == r.pairs
                    && tiedX == r.tiedX
                    && tiedY == r.tiedY
                    && tiedXY == r.tiedXY
                    && s == r.s
                    && java.util.Arrays.equals(tiesX, r.tiesX)
                    && java.util.Arrays.equals(tiesY, r.tiesY);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(n, pairs, tiedX, tiedY, tiedXY, s, java.util.Arrays.hashCode(tiesX),
                    java.util.Arrays.hashCode(tiesY));
        }

        @Override
        public String toString() {
            return "Counts[n=" + n + ", pairs=" + pairs + ", tiedX=" + tiedX + ", tiedY=" + tiedY + ", tiedXY="
                    + tiedXY + ", s=" + s + ", tiesX=" + java.util.Arrays.toString(tiesX) + ", tiesY="
                    + java.util.Arrays.toString(tiesY) + "]";
        }

        /**
         * Kendall's tau-b, S/√((n0−n1)(n0−n2)); NaN when either variable is constant (as R's cor()).
         *
         * @return tau-b in [−1, 1], or NaN
         */
        public double tauB() {
            double d = Math.sqrt((double) (pairs - tiedX)) * Math.sqrt((double) (pairs - tiedY));
            return d > 0 ? s / d : Double.NaN;
        }

        /**
         * True when either variable has tied values.
         *
         * @return whether {@code tiesX} or {@code tiesY} is not empty
         */
        public boolean hasTies() {
            return tiesX.length > 0 || tiesY.length > 0;
        }

        /**
         * The number of concordant pairs: with no ties, (n0 + S)/2.
         *
         * @return (n0 − n1 − n2 + n3 + S)/2 with n0 pairs, n1 and n2 pairs tied in x and in y, n3 tied in both
         */
        public long concordant() {
            return (pairs - tiedX - tiedY + tiedXY + s) / 2;
        }
    }

    /**
     * The two-sided test of Kendall's tau.
     *
     * @param tau       tau-b
     * @param p         two-sided p-value
     * @param exact     true when p comes from the exact null distribution
     * @param statistic the number of concordant pairs T (exact) or the z statistic S/√var(S) (normal)
     * @param counts    the pair counts
     * @serial exclude
     */
    public record Test(double tau, double p, boolean exact, double statistic, Counts counts) implements java.io.Serializable {
    }

    /**
     * The pair counts of x and y (same length, finite values).
     *
     * @param x the first variable
     * @param y the second variable, of the same length
     * @return the number of pairs, of tied pairs and the statistic S (concordant minus discordant pairs)
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Counts counts(double[] x, double[] y) {
        int n = x.length;
        if (y.length != n) {
            throw new IllegalArgumentException("x and y differ in length");
        }
        double[] xs = new double[n];
        double[] ys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            // + 0.0 turns −0.0 into 0.0, so that the two zeros form one tie as in R.
            xs[i] = x[i] + 0.0;
            ys[i] = y[i] + 0.0;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(xs[a], xs[b]);
            return c != 0 ? c : Double.compare(ys[a], ys[b]);
        });
        double[] xo = new double[n];
        double[] yo = new double[n];
        for (int i = 0; i < n; i++) {
            xo[i] = xs[order[i]];
            yo[i] = ys[order[i]];
        }
        long[] tiesX = runs(xo, null);
        long[] tiesXY = runs(xo, yo);
        long discordant = mergeSortSwaps(yo, new double[n], 0, n);
        long[] tiesY = runs(yo, null);
        long pairs = (long) n * (n - 1) / 2;
        long tx = tiedPairs(tiesX);
        long ty = tiedPairs(tiesY);
        long txy = tiedPairs(tiesXY);
        long concordant = pairs - tx - ty + txy - discordant;
        return new Counts(n, pairs, tx, ty, txy, concordant - discordant, tiesX, tiesY);
    }

    /**
     * Kendall's tau-b with the two-sided p-value of {@code cor.test(method = "kendall", exact = TRUE)}.
     *
     * @param x the first variable
     * @param y the second variable, of the same length
     * @return tau-b, the p-value (exact without ties for small n, else the normal approximation with the
     *         tie-corrected variance) and the pair counts
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static Test test(double[] x, double[] y) {
        Counts c = counts(x, y);
        double tau = c.tauB();
        if (Double.isNaN(tau)) {
            return new Test(Double.NaN, Double.NaN, false, Double.NaN, c);
        }
        if (!c.hasTies() && c.n() <= EXACT_MAX_N) {
            long q = c.concordant();
            return new Test(tau, exactTwoSided(q, c.n()), true, q, c);
        }
        double z = c.s() / Math.sqrt(varianceOfS(c));
        return new Test(tau, Dist.pNormal2(z), false, z, c);
    }

    /**
     * Var(S) under independence with the correction for ties in both variables (Kendall 1970, eq. 4.3;
     * the formula of R's cor.test).
     */
    static double varianceOfS(Counts c) {
        double n = c.n();
        double v0 = n * (n - 1) * (2 * n + 5);
        double vt = 0;
        double vu = 0;
        double t1 = 0;
        double u1 = 0;
        double t2 = 0;
        double u2 = 0;
        for (long t : c.tiesX()) {
            vt += (double) t * (t - 1) * (2 * t + 5);
            t1 += (double) t * (t - 1);
            t2 += (double) t * (t - 1) * (t - 2);
        }
        for (long u : c.tiesY()) {
            vu += (double) u * (u - 1) * (2 * u + 5);
            u1 += (double) u * (u - 1);
            u2 += (double) u * (u - 1) * (u - 2);
        }
        return (v0 - vt - vu) / 18 + t1 * u1 / (2 * n * (n - 1)) + t2 * u2 / (9 * n * (n - 1) * (n - 2));
    }

    /**
     * Two-sided exact p-value for q concordant pairs among n untied observations: twice the smaller
     * tail, at most 1, as cor.test. The tail is summed on the side where it is small (the law is
     * symmetric about n(n−1)/4), so tiny p-values keep their digits.
     */
    static double exactTwoSided(long q, int n) {
        long max = (long) n * (n - 1) / 2;
        double[] p = inversionLaw(n);
        // Lower tail P(T ≤ q) when q is at or below the centre, else the upper tail P(T ≥ q) = P(T ≤ max − q).
        long upTo = 2 * q > max ? max - q : q;
        double tail = 0;
        for (int t = 0; t <= upTo; t++) {
            tail += p[t];
        }
        return Math.min(2 * tail, 1.0);
    }

    /**
     * The probabilities of 0, 1, ..., n(n−1)/2 inversions of a random permutation of n elements (the
     * null law of the number of concordant pairs): the law for n is that for n−1 convolved with the
     * uniform law on 0..n−1. Each level is computed on its lower half with a moving window sum (the
     * law is unimodal, so the window only ever holds values no larger than the current one) and
     * mirrored, the law being symmetric.
     */
    static double[] inversionLaw(int n) {
        double[] prev = {1.0};
        for (int i = 2; i <= n; i++) {
            int m = i * (i - 1) / 2;
            int prevMax = prev.length - 1;
            double[] cur = new double[m + 1];
            int half = m / 2;
            double window = 0;
            for (int t = 0; t <= half; t++) {
                if (t <= prevMax) {
                    window += prev[t];
                }
                if (t - i >= 0) {
                    window -= prev[t - i];
                }
                cur[t] = window / i;
            }
            for (int t = half + 1; t <= m; t++) {
                cur[t] = cur[m - t];
            }
            prev = cur;
        }
        return prev;
    }

    /** Sizes (≥ 2) of runs of equal values in a sorted sequence (of pairs when b is given). */
    private static long[] runs(double[] a, double[] b) {
        int n = a.length;
        long[] out = new long[n / 2 + 1];
        int m = 0;
        int start = 0;
        for (int i = 1; i <= n; i++) {
            boolean same = i < n && a[i] == a[start] && (b == null || b[i] == b[start]);
            if (!same) {
                int len = i - start;
                if (len >= 2) {
                    out[m++] = len;
                }
                start = i;
            }
        }
        return Arrays.copyOf(out, m);
    }

    private static long tiedPairs(long[] groups) {
        long s = 0;
        for (long t : groups) {
            s += t * (t - 1) / 2;
        }
        return s;
    }

    /** Sorts a[lo, hi) and returns the number of pairs i < j with a[i] > a[j] (strictly). */
    private static long mergeSortSwaps(double[] a, double[] buf, int lo, int hi) {
        if (hi - lo < 2) {
            return 0;
        }
        int mid = (lo + hi) >>> 1;
        long swaps = mergeSortSwaps(a, buf, lo, mid) + mergeSortSwaps(a, buf, mid, hi);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            if (a[j] < a[i]) {
                swaps += mid - i;
                buf[k++] = a[j++];
            } else {
                buf[k++] = a[i++];
            }
        }
        while (i < mid) {
            buf[k++] = a[i++];
        }
        while (j < hi) {
            buf[k++] = a[j++];
        }
        System.arraycopy(buf, lo, a, lo, hi - lo);
        return swaps;
    }
}
