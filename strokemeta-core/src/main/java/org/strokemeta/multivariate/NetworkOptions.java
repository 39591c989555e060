package org.strokemeta.multivariate;

import java.util.List;

/**
 * What a network meta-analysis is asked.
 *
 * @param treatments the treatments in the order of the output (league table, ranking), or empty for their order of
 *                   appearance; within a trial the arm first in this order is its baseline
 * @param reference  the treatment every relative effect is against (the first treatment when null)
 * @param random     true for the random-effects consistency model with one common heterogeneity variance (every
 *                   contrast variance tau², two contrasts of one trial covarying tau²/2), false for fixed effects
 * @param method     REML (default) or ML for tau²
 * @param level      the confidence level
 * @param smallBetter for the ranking: true when a smaller effect is better (a harmful event's log odds), false when
 *                   larger is better
 * @param nodeSplit  whether to split every comparison with direct and indirect evidence (one more model each)
 * @param simulations the draws from the estimates' normal distribution for the rank probabilities and SUCRA (0: none)
 * @param seed       the seed of those draws (the same seed gives the same draws)
 * @serial exclude
 */
public record NetworkOptions(List<String> treatments, String reference, boolean random, MultilevelOptions.Method method, double level,
                             boolean smallBetter, boolean nodeSplit, int simulations, long seed) implements java.io.Serializable {
    /** The default number of draws for the rank probabilities: the Monte Carlo SE of a SUCRA is then at most 0.0016. */
    public static final int DEFAULT_SIMULATIONS = 100_000;

    /** The default seed of those draws. */
    public static final long DEFAULT_SEED = 20_150_731L;

    /**
     * Options with node splitting and the default draws for the rank probabilities.
     *
     * @param treatments the treatments' order, or empty
     * @param reference  the reference, or null
     * @param random     random effects
     * @param method     REML or ML
     * @param level      the confidence level
     * @param smallBetter whether smaller effects are better
     */
    public NetworkOptions(List<String> treatments, String reference, boolean random, MultilevelOptions.Method method, double level,
                          boolean smallBetter) {
        this(treatments, reference, random, method, level, smallBetter, true, DEFAULT_SIMULATIONS, DEFAULT_SEED);
    }

    /**
     * Checks and copies.
     *
     * @param treatments the treatments' order, or empty
     * @param reference  the reference, or null
     * @param random     random effects
     * @param method     REML or ML
     * @param level      the confidence level
     * @param smallBetter whether smaller effects are better
     * @param nodeSplit  whether to split the comparisons
     * @param simulations the draws for the rank probabilities (0: none)
     * @param seed       their seed
     */
    public NetworkOptions {
        treatments = List.copyOf(treatments == null ? List.of() : treatments);
        if (method == null) {
            throw new IllegalArgumentException("the method is required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie between 0 and 1, not " + level);
        }
        if (simulations < 0) {
            throw new IllegalArgumentException("the number of draws for the ranking must not be negative, not " + simulations);
        }
    }

    /**
     * Random effects by REML, 95%, the treatments in their order of appearance, the first as reference, larger
     * effects better, node splitting, {@value #DEFAULT_SIMULATIONS} draws for the rank probabilities.
     *
     * @return the options
     */
    public static NetworkOptions defaults() {
        return new NetworkOptions(List.of(), null, true, MultilevelOptions.Method.REML, 0.95, false);
    }

    /**
     * A copy with the treatments' order and reference.
     *
     * @param order     the order
     * @param ref       the reference (null: the first)
     * @return a copy
     */
    public NetworkOptions withTreatments(List<String> order, String ref) {
        return new NetworkOptions(order, ref, random, method, level, smallBetter, nodeSplit, simulations, seed);
    }

    /**
     * A copy with fixed or random effects.
     *
     * @param r true for random effects
     * @return a copy
     */
    public NetworkOptions withRandom(boolean r) {
        return new NetworkOptions(treatments, reference, r, method, level, smallBetter, nodeSplit, simulations, seed);
    }

    /**
     * A copy with another method.
     *
     * @param m REML or ML
     * @return a copy
     */
    public NetworkOptions withMethod(MultilevelOptions.Method m) {
        return new NetworkOptions(treatments, reference, random, m, level, smallBetter, nodeSplit, simulations, seed);
    }

    /**
     * A copy with another level.
     *
     * @param l the level
     * @return a copy
     */
    public NetworkOptions withLevel(double l) {
        return new NetworkOptions(treatments, reference, random, method, l, smallBetter, nodeSplit, simulations, seed);
    }

    /**
     * A copy with the direction of benefit for the ranking.
     *
     * @param small true when smaller effects are better
     * @return a copy
     */
    public NetworkOptions withSmallBetter(boolean small) {
        return new NetworkOptions(treatments, reference, random, method, level, small, nodeSplit, simulations, seed);
    }

    /**
     * A copy with or without node splitting.
     *
     * @param split true to split every comparison with direct and indirect evidence
     * @return a copy
     */
    public NetworkOptions withNodeSplit(boolean split) {
        return new NetworkOptions(treatments, reference, random, method, level, smallBetter, split, simulations, seed);
    }

    /**
     * A copy with other draws for the rank probabilities.
     *
     * @param n    the number of draws (0: no rank probabilities or SUCRA)
     * @param s    their seed
     * @return a copy
     */
    public NetworkOptions withSimulations(int n, long s) {
        return new NetworkOptions(treatments, reference, random, method, level, smallBetter, nodeSplit, n, s);
    }
}
