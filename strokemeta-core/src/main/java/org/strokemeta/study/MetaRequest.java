package org.strokemeta.study;

import java.util.List;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.subgroup.SubgroupTest;

/**
 * Everything a user asks of an aggregate-data meta-analysis, as one immutable value: what to
 * compute from the table (measure, continuity correction, how generic estimates are given), how to
 * pool, and what to add (subgroups, moderators, batch column).
 *
 * @param measure      the effect measure, or null to choose from the columns present (binary: OR,
 *                     continuous: MD, generic: GEN)
 * @param continuity   the continuity correction for counts (metafor's default for the measure unless set)
 * @param genericInput how generic estimates are given
 * @param options      pooling options
 * @param tau2Ci       compute the Q-profile confidence interval of tau²
 * @param by           a column whose values each get their own analysis (batch mode), or null
 * @param subgroup     a column defining subgroups, or null
 * @param subgroupTest the test for subgroup differences
 * @param moderators   meta-regression moderators (empty for none)
 * @param permutations permutation test of the meta-regression: 0 none, -1 exact, n > 0 random with n permutations
 * @param seed         seed of the random permutations
 * @param execution    where the groups of a batch ({@code by}) run in parallel: the library's pool by
 *                     default, the caller's executor, or the calling thread alone; results do not depend on it
 * @param robust       cluster-robust inference on the fitted model (metafor's robust()), or null for none
 * @param permutationCi with the exact sign-flip test of a model without moderators, the permutation-based confidence interval of
 *                     the average effect (metafor's permci)
 * @serial exclude
 */
public record MetaRequest(Measure measure, Continuity continuity, StudyLoader.GenericInput genericInput,
                          MetaOptions options, boolean tau2Ci, String by, String subgroup, SubgroupTest subgroupTest,
                          List<String> moderators, int permutations, long seed, Execution execution,
                          Robust robust, boolean permutationCi)
        implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** {@code permutations} value asking for the exact permutation test. */
    public static final int EXACT = -1;

    /**
     * Cluster-robust inference (metafor's {@code robust()}): the column naming each study's cluster (for example
     * the trial of several effects) and the sandwich estimator.
     *
     * @param cluster the cluster column
     * @param method  CR1 (metafor's default), CR0, or CR2 (clubSandwich)
     * @serial exclude
     */
    public record Robust(String cluster, org.strokemeta.regression.RobustInference.Method method) implements java.io.Serializable {
        /**
         * Checks the settings.
         *
         * @param cluster the cluster column
         * @param method the sandwich estimator
         * @throws IllegalArgumentException if either is missing
         */
        public Robust {
            if (cluster == null || cluster.isBlank() || method == null) {
                throw new IllegalArgumentException("cluster-robust inference needs a cluster column and a method");
            }
        }
    }

    /**
     * A request as the canonical constructor, without cluster-robust inference and permutation-based intervals.
     *
     * @param measure the effect measure, or null to choose from the columns present
     * @param continuity the continuity correction for binary data
     * @param genericInput how generic estimates are given
     * @param options pooling options
     * @param tau2Ci compute the Q-profile confidence interval of tau²
     * @param by a column whose values each get their own analysis (batch mode), or null
     * @param subgroup a column defining subgroups, or null
     * @param subgroupTest the test for subgroup differences
     * @param moderators meta-regression moderators (empty for none)
     * @param permutations permutation test of the meta-regression: 0 none, -1 exact, n > 0 random with n permutations
     * @param seed seed of the random permutations
     * @param execution where the groups of a batch run in parallel
     */
    public MetaRequest(Measure measure, Continuity continuity, StudyLoader.GenericInput genericInput, MetaOptions options,
                       boolean tau2Ci, String by, String subgroup, SubgroupTest subgroupTest, List<String> moderators,
                       int permutations, long seed, Execution execution) {
        this(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, execution, null,
                false);
    }

    /**
     * A copy that adds, or not, the permutation-based confidence intervals to the exact permutation test (metafor's
     * {@code permutest(..., permci = TRUE)}).
     *
     * @param b whether to compute them
     * @return this request with {@code permutationCi = b}
     */
    public MetaRequest withPermutationCi(boolean b) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed,
                execution, robust, b);
    }

    /**
     * A copy with cluster-robust inference (metafor's {@code robust()}).
     *
     * @param r the cluster column and estimator, or null for none
     * @return this request with {@code robust = r}
     */
    public MetaRequest withRobust(Robust r) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed,
                execution, r, permutationCi);
    }

    /**
     * Checks the request and copies the moderators (null means none).
     *
     * @param measure the effect measure, or null to choose from the columns present (binary: OR,
     *                            continuous: MD, generic: GEN)
     * @param continuity the continuity correction for binary data
     * @param genericInput how generic estimates are given
     * @param options pooling options
     * @param tau2Ci compute the Q-profile confidence interval of tau²
     * @param by a column whose values each get their own analysis (batch mode), or null
     * @param subgroup a column defining subgroups, or null
     * @param subgroupTest the test for subgroup differences
     * @param moderators meta-regression moderators (empty for none)
     * @param permutations permutation test of the meta-regression: 0 none, -1 exact, n > 0 random with n permutations
     * @param seed seed of the random permutations
     * @param execution where the groups of a batch ({@code by}) run in parallel: the library's pool by
     *                            default, the caller's executor, or the calling thread alone; results do not depend on it
     * @param robust cluster-robust inference on the fitted model, or null for none
     * @param permutationCi with the exact permutation test, the permutation-based confidence intervals
     * @throws IllegalArgumentException if a required option is missing, {@code permutations} is below {@link #EXACT}, or
     *         permutation-based intervals are asked for without the exact permutation test
     */
    public MetaRequest {
        if (continuity == null || genericInput == null || options == null || subgroupTest == null || execution == null) {
            throw new IllegalArgumentException("continuity, generic input, options, subgroup test and execution are required");
        }
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
        if (permutations < EXACT) {
            throw new IllegalArgumentException("the number of permutations must be positive (or exact)");
        }
        if (permutationCi && permutations != EXACT) {
            throw new IllegalArgumentException("permutation-based confidence intervals need the exact permutation test (permutations exact)");
        }
        if (permutationCi && !moderators.isEmpty()) {
            throw new IllegalArgumentException("permutation-based confidence intervals are given for the average effect of a model without "
                    + "moderators: for meta-regression coefficients the permutation p-value is not monotone in the shift, so the bound is "
                    + "not unique");
        }
        if (permutations != 0 && moderators.isEmpty() && subgroup != null) {
            throw new IllegalArgumentException("a permutation test belongs to a meta-regression or to the model without moderators, not to "
                    + "a subgroup analysis");
        }
    }

    /**
     * A request on the library's pool ({@link Execution#defaults()}).
     *
     * @param measure the effect measure, or null to choose from the columns present (binary: OR,
     *                            continuous: MD, generic: GEN)
     * @param continuity the continuity correction for binary data
     * @param genericInput how generic estimates are given
     * @param options pooling options
     * @param tau2Ci compute the Q-profile confidence interval of tau²
     * @param by a column whose values each get their own analysis (batch mode), or null
     * @param subgroup a column defining subgroups, or null
     * @param subgroupTest the test for subgroup differences
     * @param moderators meta-regression moderators (empty for none)
     * @param permutations permutation test of the meta-regression: 0 none, -1 exact, n > 0 random with n permutations
     * @param seed seed of the random permutations
     */
    public MetaRequest(Measure measure, Continuity continuity, StudyLoader.GenericInput genericInput, MetaOptions options,
                       boolean tau2Ci, String by, String subgroup, SubgroupTest subgroupTest, List<String> moderators,
                       int permutations, long seed) {
        this(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed,
                Execution.defaults());
    }

    /**
     * metafor's defaults, measure chosen from the data, Q-profile interval on.
     *
     * @return the default request
     */
    public static MetaRequest defaults() {
        return new MetaRequest(null, Continuity.defaults(), StudyLoader.GenericInput.defaults(), MetaOptions.defaults(),
                true, null, null, SubgroupTest.SEPARATE_TAU2_WALD, List.of(), 0, 1L);
    }

    /**
     * A copy with another measure. A continuity correction left at the default of the request's measure
     * ({@link Continuity#defaults(Measure)}) becomes the default of the new one, as metafor::escalc's
     * {@code add} follows the measure when it is not given (none for AS, PAS, PFT, IRS and IRFT); a
     * correction set with {@link #withContinuity} after the measure is kept as set.
     *
     * @param m the measure, or null to choose it from the columns present
     * @return this request with {@code measure = m}
     */
    public MetaRequest withMeasure(Measure m) {
        Continuity c = continuity.equals(Continuity.defaults(measure)) ? Continuity.defaults(m) : continuity;
        return new MetaRequest(m, c, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with other pooling options.
     *
     * @param o the options
     * @return this request with {@code options = o}
     */
    public MetaRequest withOptions(MetaOptions o) {
        return new MetaRequest(measure, continuity, genericInput, o, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another continuity correction.
     *
     * @param c the correction
     * @return this request with {@code continuity = c}
     */
    public MetaRequest withContinuity(Continuity c) {
        return new MetaRequest(measure, c, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another way of giving generic estimates.
     *
     * @param g how generic estimates are given
     * @return this request with {@code genericInput = g}
     */
    public MetaRequest withGenericInput(StudyLoader.GenericInput g) {
        return new MetaRequest(measure, continuity, g, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy that computes the Q-profile interval of tau², or not.
     *
     * @param b whether to compute it
     * @return this request with {@code tau2Ci = b}
     */
    public MetaRequest withTau2Ci(boolean b) {
        return new MetaRequest(measure, continuity, genericInput, options, b, by, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another batch column.
     *
     * @param column the column whose values each get their own analysis, or null
     * @return this request with {@code by = column}
     */
    public MetaRequest withBy(String column) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, column, subgroup, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another subgroup column.
     *
     * @param column the column defining subgroups, or null
     * @return this request with {@code subgroup = column}
     */
    public MetaRequest withSubgroup(String column) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, column, subgroupTest, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with other moderators.
     *
     * @param mods the moderators' columns
     * @return this request with {@code moderators = mods}
     */
    public MetaRequest withModerators(List<String> mods) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, mods, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another test for subgroup differences.
     *
     * @param t the test
     * @return this request with {@code subgroupTest = t}
     */
    public MetaRequest withSubgroupTest(SubgroupTest t) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, t, moderators, permutations, seed, execution, robust, permutationCi);
    }

    /**
     * A copy with another permutation test of the meta-regression.
     *
     * @param n 0 for none, {@link #EXACT} for the exact test, n &gt; 0 for n random permutations
     * @param s the seed of the random permutations
     * @return this request with {@code permutations = n} and {@code seed = s}
     */
    public MetaRequest withPermutations(int n, long s) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, n, s, execution, robust, permutationCi);
    }

    /**
     * A copy whose batch groups run on {@code e}.
     *
     * @param e the execution
     * @return this request with {@code execution = e}
     */
    public MetaRequest withExecution(Execution e) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, subgroupTest, moderators, permutations, seed, e, robust, permutationCi);
    }
}
