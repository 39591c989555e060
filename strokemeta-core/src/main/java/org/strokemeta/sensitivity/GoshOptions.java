package org.strokemeta.sensitivity;

import java.io.Serializable;

/**
 * How many subsets a GOSH analysis fits (metafor's {@code gosh(res, subsets=)}): every one of the 2^k − 1
 * subsets of the studies when there are at most {@code subsets} of them, otherwise {@code subsets} subsets
 * drawn at random with the seeded generator, each study in each drawn subset with probability 1/2 (metafor
 * draws the size from the binomial distribution and then the studies, which is the same distribution).
 *
 * @param subsets the most subsets fitted, from 2 to {@link #MAX_SUBSETS}
 * @param seed    the seed of the random subsets
 * @serial exclude
 */
public record GoshOptions(int subsets, long seed) implements Serializable {
    /** The most subsets one analysis fits (metafor's default number of random subsets). */
    public static final int MAX_SUBSETS = 1_000_000;

    /**
     * Checks the number of subsets.
     *
     * @param subsets the most subsets fitted
     * @param seed    the seed
     * @throws IllegalArgumentException when subsets is below 2 or above {@link #MAX_SUBSETS}
     */
    public GoshOptions {
        if (subsets < 2 || subsets > MAX_SUBSETS) {
            throw new IllegalArgumentException("subsets must be from 2 to " + MAX_SUBSETS + " (every subset when there are no more, else a "
                    + "random sample of that many), not " + subsets);
        }
    }

    /**
     * metafor's default: every subset up to a million of them, else a million at random (seed 1).
     *
     * @return the default options
     */
    public static GoshOptions defaults() {
        return new GoshOptions(MAX_SUBSETS, 1);
    }

    /**
     * With another bound on the number of subsets.
     *
     * @param n the most subsets fitted
     * @return the options with that bound
     */
    public GoshOptions withSubsets(int n) {
        return new GoshOptions(n, seed);
    }

    /**
     * With another seed for the random subsets.
     *
     * @param s the seed
     * @return the options with that seed
     */
    public GoshOptions withSeed(long s) {
        return new GoshOptions(subsets, s);
    }
}
