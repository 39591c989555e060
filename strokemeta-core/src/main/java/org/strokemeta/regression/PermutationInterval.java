package org.strokemeta.regression;

import java.util.function.DoubleUnaryOperator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.study.MetaRequest;

/**
 * Permutation-based confidence intervals of the average effect (metafor's {@code permutest(..., permci = TRUE)}
 * for a model without moderators): the bounds are the values b at which the exact sign-flip test of the
 * outcomes shifted by b has p equal to 1 − level (Good 2000; Follmann and Proschan 1999). The p-value
 * is a step function of b, so each bound is the end of the set of values the test does not reject: found by
 * bisection between a value the test rejects (from the Wald bound moved outwards by its distance to the
 * estimate, then further while needed) and the estimate itself, to 1e-10 of the interval's scale. metafor
 * searches the same equation with uniroot at its default tolerance and penalises p below the level, which
 * lands within that tolerance of these bounds. Exact permutations only (random ones would make the bound
 * depend on the draws of each evaluation). Meta-regression coefficients are not offered: with the few
 * permutations of small meta-analyses their p-value is not monotone in b, so the equation has several roots and
 * metafor's answer depends on its search path.
 */
public final class PermutationInterval {
    private PermutationInterval() {
    }

    /** The most bisection steps of one bound. */
    private static final int MAX_BISECTIONS = 200;
    /** The most outward moves of the start that the test must reject. */
    private static final int MAX_EXTENSIONS = 30;

    /**
     * The interval of the average effect of a model without moderators, by the exact sign-flip test.
     *
     * @param es the per-study effects (at most {@link InterceptPermutationTest#MAX_EXACT_STUDIES})
     * @param o  the options of the model (level included)
     * @return the lower and upper bound; a bound is NaN when no value is rejected (too few sign patterns for the level)
     */
    public static double[] intercept(EffectSizes es, MetaOptions o) {
        org.strokemeta.pool.MetaResult fit = org.strokemeta.pool.MetaAnalysis.run(es, o, false);
        double b = fit.pooled().estimate();
        double lo = fit.pooled().ciLower();
        double hi = fit.pooled().ciUpper();
        double alpha = 1 - o.level();
        DoubleUnaryOperator p = val -> {
            double[] y = es.yi();
            for (int i = 0; i < y.length; i++) {
                y[i] -= val;
            }
            EffectSizes shifted = new EffectSizes(es.measure(), es.study(), es.lines(), es.rows(), y, es.vi(), es.input(), es.notes(),
                    es.covariates());
            return InterceptPermutationTest.run(shifted, o, MetaRequest.EXACT, 1L).p(0);
        };
        return new double[] {bound(p, b, lo, alpha, -1), bound(p, b, hi, alpha, +1)};
    }

    /**
     * One bound: the end, in direction {@code side}, of the values whose test has p ≥ alpha.
     *
     * @param p     the p-value of the test at a value
     * @param b     the estimate (not rejected)
     * @param wald  the Wald bound on that side
     * @param alpha the level of the test
     * @param side  −1 for the lower bound, +1 for the upper
     */
    private static double bound(DoubleUnaryOperator p, double b, double wald, double alpha, int side) {
        double width = Math.abs(wald - b);
        if (!(width > 0) || !Double.isFinite(width)) {
            return Double.NaN;
        }
        double out = b + side * 2 * width;
        int moves = 0;
        while (!(p.applyAsDouble(out) < alpha)) {
            if (++moves > MAX_EXTENSIONS) {
                return Double.NaN;
            }
            out += side * width;
        }
        double in = b;
        double tol = 1e-10 * Math.max(Math.abs(b), width);
        for (int i = 0; i < MAX_BISECTIONS && Math.abs(out - in) > tol; i++) {
            double mid = (in + out) / 2;
            if (p.applyAsDouble(mid) < alpha) {
                out = mid;
            } else {
                in = mid;
            }
        }
        return in;
    }
}
