package org.strokemeta.study;

import java.util.List;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.Link;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;

/**
 * What a user asks of a patient-level analysis of randomised trials: the ordinal shift analysis of
 * the outcome (adjusted and unadjusted), binary outcomes, effect modification, and the clinical
 * summaries. An immutable value: start from {@link #defaults()} and change what differs with the
 * {@code with...} methods.
 *
 * @param covariates     adjustment covariates (columns of the patient data)
 * @param ordinalModel   how trials enter the ordinal model
 * @param randomEffects  the random effects of a mixed ordinal model (when {@code ordinalModel} is MIXED)
 * @param nAGQ           quadrature points of mixed models (1 = Laplace)
 * @param merge          outcome categories merged for the ordinal analysis (for example 5-6), or null
 * @param binary         binary outcomes: mRS 0-K, death (the worst category), or a 0/1 column of the data
 * @param binaryModel    how trials enter the logistic models
 * @param interactions   covariates tested for effect modification (within-trial interactions)
 * @param twoStage       the pooling of the two-stage analysis (per-trial cOR, then pooled), or null for none
 * @param poTest         test the proportional-odds assumption
 * @param utility        utility weights (null to skip)
 * @param level          confidence level, in (0, 1)
 * @param ordinal        run the ordinal (shift) analyses; false for binary outcomes only
 * @param unadjusted     also fit the ordinal model without covariates (always when there are none)
 * @param dropEmpty      a category with no patient in a trial drops its cut-point there (as R drops an
 *                       unused level) instead of stopping with a message
 * @param execution      where the parallel parts of the models run (the trials of a mixed model's likelihood
 *                       from 30,000 patients, the halves of its Hessian, the blocks of a proportional-odds
 *                       likelihood from 32,768 patients): the library's pool by default, the caller's executor,
 *                       or the calling thread alone; the estimates do not depend on it
 * @param link           the link of the fixed-effects ordinal models (clm's {@code link}): logit, the
 *                       proportional-odds model, by default; probit or cloglog; the mixed model takes the logit only
 * @param nominal        covariates with a nominal effect (one per cut-point, clm's {@code nominal = ~x}) in the primary
 *                       fixed-effects ordinal model (adjusted when there are covariates); empty for none
 * @param scale          covariates, or treatment, with a scale effect (clm's {@code scale = ~z}) in that model; empty for none
 * @serial exclude
 */
public record IpdRequest(List<String> covariates, OrdinalModel ordinalModel, RandomEffects randomEffects, int nAGQ,
                         CategoryMerge merge, List<BinaryEndpoint> binary, StudyEffect binaryModel, List<String> interactions,
                         MetaOptions twoStage, boolean poTest, UtilityWeights utility, double level, boolean ordinal, boolean unadjusted,
                         boolean dropEmpty, Execution execution, Link link, List<String> nominal, List<String> scale)
        implements java.io.Serializable {
    /** How trials enter the ordinal model. */
    public enum OrdinalModel {
        /** Cut-points per trial (clm with nominal = ~study): the treatment effect is estimated within trials. */
        STRATIFIED,
        /** Cut-points common to all trials, no trial term (clm). */
        COMMON,
        /** Common cut-points and random trial effects (clmm). */
        MIXED;

        /**
         * Reads a model as users write it: {@code stratified}, {@code common}, or {@code mixed} (also
         * {@code random}), in any case.
         *
         * @param s the name
         * @return the model
         * @throws IllegalArgumentException when the name is none of these
         */
        public static OrdinalModel parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "stratified" -> STRATIFIED;
                case "common" -> COMMON;
                case "mixed", "random" -> MIXED;
                default -> throw new IllegalArgumentException("unknown ordinal model '" + s + "' (expected stratified, common or mixed)");
            };
        }
    }

    /**
     * Checks the request and copies its lists; see the record's description for each component.
     *
     * @param covariates    adjustment covariates
     * @param ordinalModel  how trials enter the ordinal model
     * @param randomEffects the random effects of a mixed ordinal model
     * @param nAGQ          quadrature points of mixed models
     * @param merge         outcome categories merged, or null
     * @param binary        binary outcomes
     * @param binaryModel   how trials enter the logistic models
     * @param interactions  covariates tested for effect modification
     * @param twoStage      the pooling of the two-stage analysis, or null
     * @param poTest        test the proportional-odds assumption
     * @param utility       utility weights, or null
     * @param level         confidence level, in (0, 1)
     * @param ordinal       run the ordinal analyses
     * @param unadjusted    also fit the ordinal model without covariates
     * @param dropEmpty     drop the cut-point of a category empty in a trial
     * @param execution     where the parallel parts of the models run
     * @param link          the link of the fixed-effects ordinal models
     * @param nominal       covariates with a nominal effect in the primary fixed-effects ordinal model
     * @param scale         covariates, or treatment, with a scale effect in that model
     * @throws IllegalArgumentException when a list, a model, the execution or the link is null, a list holds null,
     *                                  or the level is not in (0, 1)
     */
    public IpdRequest {
        if (link == null) {
            throw new IllegalArgumentException("link is required (logit for the proportional-odds model)");
        }
        if (covariates == null || binary == null || interactions == null) {
            throw new IllegalArgumentException("covariates, binary and interactions are required (empty for none)");
        }
        if (covariates.stream().anyMatch(java.util.Objects::isNull) || binary.stream().anyMatch(java.util.Objects::isNull)
                || interactions.stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("covariates, binary and interactions must not hold null");
        }
        covariates = List.copyOf(covariates);
        nominal = nominal == null ? List.of() : List.copyOf(nominal);
        scale = scale == null ? List.of() : List.copyOf(scale);
        for (String x : nominal) {
            if (!covariates.contains(x)) {
                throw new IllegalArgumentException("nominal effects are for covariates of the model: '" + x + "' is not one of "
                        + covariates);
            }
        }
        for (String x : scale) {
            if (!"treatment".equals(x) && !covariates.contains(x)) {
                throw new IllegalArgumentException("scale effects are for treatment or covariates of the model: '" + x
                        + "' is neither");
            }
        }
        binary = List.copyOf(binary);
        interactions = List.copyOf(interactions);
        if (ordinalModel == null || randomEffects == null || binaryModel == null) {
            throw new IllegalArgumentException("ordinalModel, randomEffects and binaryModel are required");
        }
        if (execution == null) {
            throw new IllegalArgumentException("execution is required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), not " + level);
        }
    }

    /**
     * A request without nominal or scale effects; see the record's description for each component.
     *
     * @param covariates    adjustment covariates
     * @param ordinalModel  how trials enter the ordinal model
     * @param randomEffects the random effects of a mixed ordinal model
     * @param nAGQ          quadrature points of mixed models
     * @param merge         outcome categories merged, or null
     * @param binary        binary outcomes
     * @param binaryModel   how trials enter the logistic models
     * @param interactions  covariates tested for effect modification
     * @param twoStage      the pooling of the two-stage analysis, or null
     * @param poTest        test the proportional-odds assumption
     * @param utility       utility weights, or null
     * @param level         confidence level, in (0, 1)
     * @param ordinal       run the ordinal analyses
     * @param unadjusted    also fit the ordinal model without covariates
     * @param dropEmpty     drop the cut-point of a category empty in a trial
     * @param execution     where the parallel parts of the models run
     * @param link          the link of the fixed-effects ordinal models
     * @throws IllegalArgumentException as the canonical constructor
     */
    public IpdRequest(List<String> covariates, OrdinalModel ordinalModel, RandomEffects randomEffects, int nAGQ,
                      CategoryMerge merge, List<BinaryEndpoint> binary, StudyEffect binaryModel, List<String> interactions,
                      MetaOptions twoStage, boolean poTest, UtilityWeights utility, double level, boolean ordinal,
                      boolean unadjusted, boolean dropEmpty, Execution execution, Link link) {
        this(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, List.of(), List.of());
    }

    /**
     * The usual request: stratified ordinal model without covariates, mRS 0-2, 0-1 and death as stratified
     * logistic models, PO test, Chaisinanunkul utility weights, 95% level, on the library's pool.
     *
     * @return the default request
     */
    public static IpdRequest defaults() {
        return new IpdRequest(List.of(), OrdinalModel.STRATIFIED, RandomEffects.INTERCEPT, 1, null,
                List.of(BinaryEndpoint.mrsAtMost(2), BinaryEndpoint.mrsAtMost(1), BinaryEndpoint.death()), StudyEffect.STRATIFIED,
                List.of(), null, true, UtilityWeights.chaisinanunkul2015(), 0.95, true, true, false, Execution.defaults(),
                Link.LOGIT, List.of(), List.of());
    }

    /**
     * A copy adjusted for other covariates.
     *
     * @param c the adjustment covariates (columns of the patient data; empty for none)
     * @return the changed request
     * @throws IllegalArgumentException when {@code c} is null or holds null
     */
    public IpdRequest withCovariates(List<String> c) {
        return new IpdRequest(c, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with another ordinal model.
     *
     * @param m how trials enter the ordinal model
     * @return the changed request
     * @throws IllegalArgumentException when {@code m} is null
     */
    public IpdRequest withOrdinalModel(OrdinalModel m) {
        return new IpdRequest(covariates, m, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with other random effects for the mixed ordinal model.
     *
     * @param re the random trial effects
     * @return the changed request
     * @throws IllegalArgumentException when {@code re} is null
     */
    public IpdRequest withRandomEffects(RandomEffects re) {
        return new IpdRequest(covariates, ordinalModel, re, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with another number of quadrature points for mixed models.
     *
     * @param n quadrature points (1 = Laplace; more = adaptive Gauss-Hermite)
     * @return the changed request
     */
    public IpdRequest withNAGQ(int n) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, n, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy that merges outcome categories for the ordinal analysis.
     *
     * @param m the categories merged (for example 5-6), or null for none
     * @return the changed request
     */
    public IpdRequest withMerge(CategoryMerge m) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, m, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with other binary outcomes.
     *
     * @param b the binary outcomes, in the order they are reported (empty for none)
     * @return the changed request
     * @throws IllegalArgumentException when {@code b} is null or holds null
     */
    public IpdRequest withBinary(List<BinaryEndpoint> b) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, b, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy whose logistic models take trials another way.
     *
     * @param m an intercept per trial, or a random trial intercept
     * @return the changed request
     * @throws IllegalArgumentException when {@code m} is null
     */
    public IpdRequest withBinaryModel(StudyEffect m) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, m, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy testing other covariates for effect modification.
     *
     * @param i the covariates (columns of the patient data; empty for none)
     * @return the changed request
     * @throws IllegalArgumentException when {@code i} is null or holds null
     */
    public IpdRequest withInteractions(List<String> i) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, i, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy that adds (or drops) the two-stage analysis: per-trial common odds ratios, pooled.
     *
     * @param pooling the pooling of the per-trial estimates, or null for no two-stage analysis
     * @return the changed request
     */
    public IpdRequest withTwoStage(MetaOptions pooling) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, pooling, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy that tests the proportional-odds assumption, or not.
     *
     * @param test true to run the test
     * @return the changed request
     */
    public IpdRequest withPoTest(boolean test) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, test,
                utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with other utility weights for the utility-weighted mRS.
     *
     * @param u the weights, or null to skip the utility-weighted mRS
     * @return the changed request
     */
    public IpdRequest withUtility(UtilityWeights u) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                u, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the confidence level, in (0, 1) (0.95 for 95% intervals)
     * @return the changed request
     * @throws IllegalArgumentException when {@code l} is not in (0, 1)
     */
    public IpdRequest withLevel(double l) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, l, ordinal, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy that runs the ordinal (shift) analyses, or the binary outcomes only.
     *
     * @param o true to run the ordinal analyses, false for the binary outcomes only
     * @return the changed request
     */
    public IpdRequest withOrdinal(boolean o) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, o, unadjusted, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy that also fits the ordinal model without covariates, or not (it is always fitted when there
     * are no covariates).
     *
     * @param u true to fit the unadjusted model beside the adjusted one
     * @return the changed request
     */
    public IpdRequest withUnadjusted(boolean u) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, u, dropEmpty, execution, link, nominal, scale);
    }

    /**
     * A copy in which a category with no patient in a trial drops its cut-point there (true) or stops the
     * analysis with a message (false).
     *
     * @param drop true to drop empty categories' cut-points, as R drops unused levels
     * @return the changed request
     */
    public IpdRequest withDropEmpty(boolean drop) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, drop, execution, link, nominal, scale);
    }

    /**
     * A copy whose fixed-effects ordinal models take another link.
     *
     * @param l logit (the proportional-odds model), probit or cloglog
     * @return the changed request
     * @throws IllegalArgumentException when {@code l} is null
     */
    public IpdRequest withLink(Link l) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions,
                twoStage, poTest, utility, level, ordinal, unadjusted, dropEmpty, execution, l, nominal, scale);
    }

    /**
     * A copy whose parallel parts run on {@code e}.
     *
     * @param e the execution (the library's pool, the caller's executor, or the calling thread)
     * @return the changed request
     * @throws IllegalArgumentException when {@code e} is null
     */
    public IpdRequest withExecution(Execution e) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions,
                twoStage, poTest, utility, level, ordinal, unadjusted, dropEmpty, e, link, nominal, scale);
    }

    /**
     * A copy whose primary fixed-effects ordinal model has nominal effects of these covariates (clm's
     * {@code nominal = ~x}: an effect per cut-point instead of a location coefficient).
     *
     * @param n covariates of the request (not treatment); empty for none
     * @return the changed request
     * @throws IllegalArgumentException when a name is not a covariate of the request
     */
    public IpdRequest withNominal(List<String> n) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions,
                twoStage, poTest, utility, level, ordinal, unadjusted, dropEmpty, execution, link, n, scale);
    }

    /**
     * A copy whose primary fixed-effects ordinal model has scale effects of these variables (clm's
     * {@code scale = ~z}: the linear predictor divided by exp(z'zeta)).
     *
     * @param z treatment or covariates of the request; empty for none
     * @return the changed request
     * @throws IllegalArgumentException when a name is neither treatment nor a covariate of the request
     */
    public IpdRequest withScale(List<String> z) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions,
                twoStage, poTest, utility, level, ordinal, unadjusted, dropEmpty, execution, link, nominal, z);
    }
}
