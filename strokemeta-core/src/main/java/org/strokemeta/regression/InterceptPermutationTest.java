package org.strokemeta.regression;

import java.util.List;
import java.util.SplittableRandom;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.InverseVariance;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.ModelFit;

/**
 * The permutation test of a model without moderators (metafor's {@code permutest} of an intercept-only
 * {@code rma.uni}; Follmann and Proschan, Biometrics 1999;55:1221-5): under the null hypothesis of no
 * average effect the signs of the effects are exchangeable, so the model is refitted with every
 * combination of signs (exact: 2^k fits) or with random ones, the observed result counting as one of
 * them, and the p-value is the share of |z| (or |t|) at least as large as the observed one, to within
 * sqrt(machine epsilon) as metafor compares.
 */
public final class InterceptPermutationTest {
    /** The most studies of an exact test (2^20 fits). */
    public static final int MAX_EXACT_STUDIES = 20;
    private static final double COMPTOL = Math.sqrt(Math.ulp(1.0));

    private InterceptPermutationTest() {
    }

    /**
     * The test.
     *
     * @param es           the per-study effects
     * @param o            the pooling options (refitted the same way each time)
     * @param permutations {@link org.strokemeta.study.MetaRequest#EXACT} for all 2^k sign combinations, or
     *                     the number of random ones (the observed one included), at least 2
     * @param seed         the seed of the random signs
     * @return the p-value of the intercept (and of QM, the same test without moderators)
     * @throws IllegalArgumentException for an exact test of more than {@link #MAX_EXACT_STUDIES} studies, or
     *                                  fewer than 2 permutations
     */
    public static PermutationResult run(EffectSizes es, MetaOptions o, int permutations, long seed) {
        o.requireDefaultEstimation("permutation tests");
        int k = es.size();
        double[] y = es.yi();
        double[] v = es.vi();
        double observed = fit(y, v, o);
        if (Double.isNaN(observed)) {
            throw new IllegalArgumentException("the model did not converge, so there is no observed statistic to permute");
        }
        boolean exact = permutations == org.strokemeta.study.MetaRequest.EXACT;
        if (exact && k > MAX_EXACT_STUDIES) {
            throw new IllegalArgumentException("an exact sign-flip test of " + k + " studies needs 2^" + k + " fits; give a number of random "
                    + "permutations instead (at most " + MAX_EXACT_STUDIES + " studies for the exact test)");
        }
        if (!exact && permutations < 2) {
            throw new IllegalArgumentException("a random permutation test needs at least 2 permutations");
        }
        long total = exact ? 1L << k : permutations;
        long count = 0;
        long done = 0;
        long failed = 0;
        double[] flipped = new double[k];
        SplittableRandom rng = new SplittableRandom(seed);
        for (long i = 0; i < total; i++) {
            double z;
            if (!exact && i == 0) {
                z = observed;
            } else {
                for (int j = 0; j < k; j++) {
                    // exact: the sign pattern of R's expand.grid(c(1, -1), ...) in row i (first study varies fastest)
                    boolean minus = exact ? ((i >> j) & 1L) == 1L : rng.nextBoolean();
                    flipped[j] = minus ? -y[j] : y[j];
                }
                z = fit(flipped, v, o);
            }
            if (Double.isNaN(z)) {
                failed++;
                continue;
            }
            done++;
            if (Math.abs(z) >= Math.abs(observed) - COMPTOL) {
                count++;
            }
        }
        double p = done == 0 ? Double.NaN : Math.min(1, (double) count / done);
        return new PermutationResult(exact, done, failed, List.of("intercept"), new double[] {p}, p, total, null);
    }

    /** The z (or t) of the intercept, NaN when tau² did not converge. */
    private static double fit(double[] y, double[] v, MetaOptions o) {
        ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(y, v), o, false);
        return f.converged() ? f.statistic(0) : Double.NaN;
    }
}
