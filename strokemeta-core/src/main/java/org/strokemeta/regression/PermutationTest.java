package org.strokemeta.regression;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FitControl;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Estimate;

/**
 * Permutation tests of a meta-regression, as metafor::permutest.rma.uni (Higgins and Thompson 2004,
 * Stat Med 23:1663; Viechtbauer et al. 2015, Res Synth Methods 6:287): the rows of the moderator
 * design are permuted over the studies (effects and variances stay), the model is refitted (tau²
 * re-estimated) for every permutation, and the p-value of coefficient j is the share of permutations
 * with |z_j| ≥ |z_j,observed| − √ε (ε the machine epsilon); for QM, the share with QM ≥ QM_observed − √ε.
 * Under Hartung-Knapp the statistics are the t values and QM / m, as in the observed fit.
 *
 * <p>The exact test evaluates every distinct arrangement of the design rows once: when several studies
 * share the same row (ties, or a categorical moderator), arrangements that only swap identical rows are
 * the same model, so there are k! / Π n_g! of them (n_g studies sharing distinct row g), the observed
 * arrangement among them. The random test evaluates the observed arrangement plus iterations − 1
 * uniformly random permutations of the k studies; as in metafor, it becomes the exact test when the
 * exact one needs no more permutations than asked for. Permutations whose model cannot be fitted
 * (tau² does not converge) are left out of the p-values and counted.
 *
 * <p>Refits use the observed fit's settings, so the identity permutation reproduces the observed
 * statistics exactly. Some permuted designs put the REML or ML optimum where Fisher scoring converges
 * only slowly: at strokemeta's threshold (1e-10) they need more than 100 iterations, and with
 * {@link FitControl#scoreFallback()} (the default) their estimate is then the root of the score
 * equation rather than a failure. Dropping them would change the p-value (8 of the 10080 permutations
 * of the corpus case mr_bcg8_ablat_perm, which metafor fits at its looser threshold of 1e-5).
 *
 * <p>The work is bounded: at most {@value #MAX_PERMUTATIONS} permutations, at most
 * {@value #MAX_WORK} study refits (studies × permutations) asked for up front, and a time limit on the
 * whole test ({@link #DEFAULT_TIME_LIMIT} unless set by {@link #timeLimit(Duration)}), after which the
 * test stops and its result says so ({@link PermutationResult#stopped()}), never silently.
 *
 * <p>An instance holds work buffers and is not thread-safe.
 */
public final class PermutationTest {
    /** The most permutations the exact test evaluates unless told otherwise. */
    public static final long DEFAULT_EXACT_LIMIT = 1_000_000L;

    /** The most permutations a random test evaluates (as many as the exact test at most). */
    public static final int MAX_PERMUTATIONS = 1_000_000;

    /**
     * The most study refits (studies × permutations) a test may ask for: each permutation refits the
     * model on all k studies, so a million studies allow a thousand permutations, a thousand studies a
     * million.
     */
    public static final long MAX_WORK = 1_000_000_000L;

    /** The time a whole test may take unless told otherwise. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(10);

    /** metafor's comparison tolerance {@code .Machine$double.eps^0.5}. */
    static final double COMPTOL = Math.sqrt(Math.ulp(1.0));

    private final RegressionResult observed;
    private final MetaModel model;
    private final MetaOptions options;
    private final int k;
    private final int p;
    /** The distinct design row of each study, numbered in sorted order of the rows. */
    private final int[] group;
    /** For each distinct row, a study holding it. */
    private final int[] representative;
    private final int[] groupSize;
    private final QmStatistic qmStatistic;
    private final double[] observedStat;
    private final double observedQm;
    /** QM of the last evaluated permutation (a work field, to avoid allocating a result per permutation). */
    private double qmOut;
    private Duration timeLimit = DEFAULT_TIME_LIMIT;
    /** Nanoseconds, as System.nanoTime (replaced in tests to reach the limit without waiting). */
    private LongSupplier clock = System::nanoTime;

    private PermutationTest(RegressionResult r) {
        this.observed = r;
        this.model = r.fit().model();
        this.options = r.options();
        this.k = model.k();
        this.p = model.p();
        this.qmStatistic = new QmStatistic(p);
        this.observedStat = r.fit().statistic().clone();
        this.observedQm = r.omnibus().statistic();
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Comparator<Integer> byRow = (a, b) -> compareRows(a, b);
        Arrays.sort(order, byRow);
        group = new int[k];
        int[] rep = new int[k];
        int[] size = new int[k];
        int g = -1;
        for (int n = 0; n < k; n++) {
            int i = order[n];
            if (n == 0 || compareRows(order[n - 1], i) != 0) {
                g++;
                rep[g] = i;
            }
            group[i] = g;
            size[g]++;
        }
        representative = Arrays.copyOf(rep, g + 1);
        groupSize = Arrays.copyOf(size, g + 1);
    }

    /**
     * A permutation test of the fitted meta-regression.
     *
     * @throws IllegalArgumentException when the fit itself did not converge (there is no valid observed statistic)
     * @param fitted the fitted meta-regression whose moderators are permuted
     * @return a test ready to run (exact or random)
     */
    public static PermutationTest of(RegressionResult fitted) {
        fitted.options().requireDefaultEstimation("permutation tests");
        if (!fitted.converged()) {
            throw new IllegalArgumentException("the meta-regression did not converge, so there is no observed statistic "
                    + "to compare with: " + fitted.tau2().message());
        }
        return new PermutationTest(fitted);
    }

    /**
     * Sets the time the whole test may take; when it is reached the test stops and reports how many
     * permutations it evaluated ({@link PermutationResult#stopped()}).
     *
     * @return this test
     * @param limit the time allowed, positive
     * @throws IllegalArgumentException if {@code limit} is null, zero or negative
     */
    public PermutationTest timeLimit(Duration limit) {
        if (limit == null || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the time limit of a permutation test must be positive");
        }
        this.timeLimit = limit;
        return this;
    }

    /** Replaces the clock (nanoseconds), for tests of the time limit. */
    PermutationTest clock(LongSupplier nanos) {
        this.clock = nanos;
        return this;
    }

    /** The deadline of a test started now, in the clock's nanoseconds. */
    private final class Deadline {
        private final long start = clock.getAsLong();
        private final long nanos = timeLimit.toNanos();

        /** Null while there is time left, otherwise why the test stops. */
        String reached() {
            if (clock.getAsLong() - start < nanos) {
                return null;
            }
            return "the time limit of " + describe(timeLimit) + " was reached";
        }
    }

    private static String describe(Duration d) {
        long s = d.getSeconds();
        if (s >= 60 && s % 60 == 0 && d.getNano() == 0) {
            return (s / 60) + (s == 60 ? " minute" : " minutes");
        }
        return d.toMillis() >= 1000 ? (d.toMillis() / 1000.0) + " seconds" : d.toMillis() + " ms";
    }

    /** Refuses a test whose refits (studies × permutations) exceed {@link #MAX_WORK}. */
    private void checkWork(BigInteger permutations, String what) {
        BigInteger work = permutations.multiply(BigInteger.valueOf(k));
        if (work.compareTo(BigInteger.valueOf(MAX_WORK)) > 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%s of %d studies would refit the model %,d times on all studies (%,d study fits), more than the "
                            + "limit of %,d: ask for at most %,d permutations", what, k, permutations, work, MAX_WORK,
                    Math.max(1, MAX_WORK / k)));
        }
    }

    private int compareRows(int a, int b) {
        for (int j = 1; j < p; j++) {
            int c = Double.compare(model.x(a, j), model.x(b, j));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /**
     * The number of distinct arrangements of the design rows: k! / Π n_g!.
     *
     * @return the number of distinct permutations, where studies with equal design rows are not told apart
     */
    public BigInteger exactCount() {
        BigInteger n = factorial(k);
        for (int s : groupSize) {
            n = n.divide(factorial(s));
        }
        return n;
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }

    /**
     * The exact test, refused above {@link #DEFAULT_EXACT_LIMIT} permutations.
     *
     * @return the exact test's p-values
     * @throws IllegalArgumentException when more than {@link #DEFAULT_EXACT_LIMIT} permutations would be needed
     */
    public PermutationResult exact() {
        return exact(DEFAULT_EXACT_LIMIT);
    }

    /**
     * The exact test over every distinct arrangement of the design rows.
     *
     * @param limit the most permutations to evaluate
     * @throws IllegalArgumentException when more than {@code limit} permutations would be needed
     * @return the p-values: for each coefficient the share of arrangements whose |z| (or |t|) is at least
     *         the observed one, and the same for QM, as metafor::permutest(exact = TRUE)
     */
    public PermutationResult exact(long limit) {
        BigInteger count = exactCount();
        if (count.compareTo(BigInteger.valueOf(limit)) > 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "an exact permutation test of these %d studies needs %,d permutations of the moderators, more than "
                            + "the limit of %,d: use the random permutation test (for example with 10,000 iterations)",
                    k, count, limit));
        }
        checkWork(count, "an exact permutation test");
        Deadline deadline = new Deadline();
        String stopped = null;
        Tally tally = new Tally();
        int[] arrangement = new int[k];
        for (int i = 0; i < k; i++) {
            arrangement[i] = group[i];
        }
        Arrays.sort(arrangement);
        int[] perm = new int[k];
        double[] stat = new double[p];
        do {
            org.strokemeta.internal.Cancellation.check();
            stopped = deadline.reached();
            if (stopped != null) {
                break;
            }
            for (int i = 0; i < k; i++) {
                perm[i] = representative[arrangement[i]];
            }
            boolean ok = evaluate(perm, stat);
            tally.add(ok, qmOut, stat);
        } while (nextArrangement(arrangement));
        return tally.result(true, count.longValue(), stopped);
    }

    /**
     * The random test: the observed arrangement plus {@code iterations − 1} random permutations (the
     * exact test when it needs at most {@code iterations} permutations, as metafor decides).
     *
     * @param iterations the number of permutations, the observed one included (2 to {@value #MAX_PERMUTATIONS})
     * @param rng        the source of randomness (seeded by the caller for reproducible results)
     * @throws IllegalArgumentException for fewer than 2 or more than {@value #MAX_PERMUTATIONS} iterations,
     *                                  or more than {@value #MAX_WORK} study refits
     * @return the p-values over the random permutations (the observed arrangement counted once), as
     *         metafor::permutest(exact = FALSE)
     */
    public PermutationResult random(int iterations, RandomGenerator rng) {
        if (iterations < 2) {
            throw new IllegalArgumentException("a random permutation test needs at least 2 iterations (got " + iterations + ")");
        }
        if (iterations > MAX_PERMUTATIONS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "a random permutation test evaluates at most %,d permutations (asked for %,d)", MAX_PERMUTATIONS, iterations));
        }
        if (exactCount().compareTo(BigInteger.valueOf(iterations)) <= 0) {
            return exact(iterations);
        }
        checkWork(BigInteger.valueOf(iterations), "a random permutation test with " + iterations + " permutations");
        Deadline deadline = new Deadline();
        String stopped = null;
        Tally tally = new Tally();
        double[] stat = observedStat.clone();
        tally.add(true, observedQm, stat);
        int[] perm = new int[k];
        long attempts = 0;
        long maxAttempts = 100L * iterations;
        for (int done = 1; done < iterations; ) {
            org.strokemeta.internal.Cancellation.check();
            stopped = deadline.reached();
            if (stopped != null) {
                break;
            }
            if (++attempts > maxAttempts) {
                throw new IllegalArgumentException("the permutation test cannot be computed: the meta-regression could not be "
                        + "fitted in most permuted arrangements (" + tally.failed + " of " + attempts + "), for example because a "
                        + "moderator is constant in most of them");
            }
            for (int i = 0; i < k; i++) {
                perm[i] = i;
            }
            // Fisher-Yates shuffle: a uniformly random permutation (R's sample(k)).
            for (int i = k - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[j];
                perm[j] = t;
            }
            boolean ok = evaluate(perm, stat);
            tally.add(ok, qmOut, stat);
            if (ok) {
                done++;
            }
        }
        return tally.result(false, iterations, stopped);
    }

    /**
     * The statistics of the model refitted with the moderators permuted: study i takes the design row
     * of study {@code perm[i]}. The identity gives the observed statistics.
     *
     * @param perm a permutation of 0..k−1
     * @return the test statistic of each coefficient and the omnibus QM of the refitted model
     * @throws IllegalArgumentException if {@code perm} is not a permutation of 0..k−1
     */
    public Statistics statistics(int[] perm) {
        if (perm.length != k) {
            throw new IllegalArgumentException("a permutation of the " + k + " studies is needed");
        }
        boolean[] seen = new boolean[k];
        for (int i : perm) {
            if (i < 0 || i >= k || seen[i]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (k - 1) + ": " + Arrays.toString(perm));
            }
            seen[i] = true;
        }
        double[] stat = new double[p];
        boolean fitted = evaluate(perm, stat);
        return new Statistics(stat, qmOut, fitted);
    }

    /**
     * The statistics of one permuted model, in the same arithmetic as InverseVariance.fit and
     * MetaRegression.fit so that the identity reproduces the observed values.
     *
     * @param stat receives the z (or t) statistics; all NaN when the model could not be fitted
     * @return false when the model could not be fitted; QM (QM / m under Hartung-Knapp) is left in
     *         {@link #qmOut}, NaN when not fitted
     */
    private boolean evaluate(int[] perm, double[] stat) {
        MetaModel m = model.withPermutedModerators(perm);
        double tau2 = 0;
        if (options.model() == Model.RANDOM) {
            Tau2Estimate est = options.tau2Method().fit(m, options.control());
            if (!est.converged()) {
                return notFitted(stat);
            }
            tau2 = Double.isNaN(est.tau2()) ? 0 : est.tau2();
        }
        MetaModel.Weighted w;
        try {
            w = m.at(tau2, false);
        } catch (MetaModel.SingularDesignException e) {
            return notFitted(stat);
        }
        double scale = 1;
        boolean knha = options.ciMethod() == CiMethod.KNHA;
        if (knha) {
            scale = w.rss() <= Math.ulp(1.0) ? 0 : w.rss() / (k - p);
        }
        double[] beta = w.beta();
        double[][] vb = w.vb();
        for (int j = 0; j < p; j++) {
            stat[j] = beta[j] / Math.sqrt(vb[j][j] * scale);
        }
        double qm = qmStatistic.qm(beta, vb, scale);
        qmOut = knha ? qm / (p - 1) : qm;
        return true;
    }

    private boolean notFitted(double[] stat) {
        Arrays.fill(stat, Double.NaN);
        qmOut = Double.NaN;
        return false;
    }

    /**
     * The next arrangement of a multiset in lexicographic order (Narayana Pandita's algorithm), so
     * that each distinct arrangement is visited once; false after the last.
     */
    static boolean nextArrangement(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    /**
     * The statistics of one permuted model.
     *
     * @param statistic the z (or t) statistic of each coefficient
     * @param qm        QM (QM / m under Hartung-Knapp)
     * @param fitted    false when the model could not be fitted (the values are then NaN)
     * @serial exclude
     */
    public record Statistics(double[] statistic, double qm, boolean fitted) implements java.io.Serializable {
        /**
         * Copies the statistics.
         *
         * @param statistic the z (or t) statistic of each coefficient
         * @param qm QM (QM / m under Hartung-Knapp)
         * @param fitted false when the model could not be fitted (the values are then NaN)
         */
        public Statistics {
            statistic = statistic.clone();
        }

        /**
         * The {@code statistic} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code statistic}
         */
        @Override
        public double[] statistic() {
            return statistic.clone();
        }

        /**
         * Element {@code i} of {@link #statistic()}, without a copy.
         *
         * @param i the 0-based position
         * @return {@code statistic()[i]}
         */
        public double statistic(int i) {
            return statistic[i];
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Statistics r
                    && java.util.Arrays.equals(statistic, r.statistic)
                    && Double.compare(qm, r.qm) == 0
                    && fitted == r.fitted;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(java.util.Arrays.hashCode(statistic), qm, fitted);
        }

        @Override
        public String toString() {
            return "Statistics[statistic=" + java.util.Arrays.toString(statistic) + ", qm=" + qm + ", fitted="
                    + fitted + "]";
        }
    }

    /** Counts, per statistic, the permutations at least as extreme as the observed one. */
    private final class Tally {
        final long[] hits = new long[p];
        final long[] valid = new long[p];
        long qmHits;
        long qmValid;
        long fitted;
        long failed;

        void add(boolean ok, double qm, double[] stat) {
            if (!ok) {
                failed++;
                return;
            }
            fitted++;
            for (int j = 0; j < p; j++) {
                if (!Double.isNaN(stat[j])) {
                    valid[j]++;
                    if (Math.abs(stat[j]) >= Math.abs(observedStat[j]) - COMPTOL) {
                        hits[j]++;
                    }
                }
            }
            if (!Double.isNaN(qm)) {
                qmValid++;
                if (qm >= observedQm - COMPTOL) {
                    qmHits++;
                }
            }
        }

        PermutationResult result(boolean exact, long requested, String stopped) {
            // an exact test stopped early visited the arrangements in lexicographic order, not a sample
            boolean none = exact && stopped != null;
            double[] pv = new double[p];
            for (int j = 0; j < p; j++) {
                pv[j] = valid[j] == 0 || none ? Double.NaN : (double) hits[j] / valid[j];
            }
            double qp = qmValid == 0 || none ? Double.NaN : (double) qmHits / qmValid;
            return new PermutationResult(exact, fitted, failed, observed.names(), pv, qp, requested, stopped);
        }
    }
}
