package org.strokemeta.study;

import java.util.List;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;

/**
 * What a user asks of a patient-level analysis of randomised trials: the ordinal shift analysis of
 * the outcome (adjusted and unadjusted), binary outcomes, effect modification, and the clinical
 * summaries.
 *
 * @param covariates     adjustment covariates (columns of the patient data)
 * @param ordinalModel   how trials enter the ordinal model
 * @param randomEffects  the random effects of a mixed ordinal model (when {@code ordinalModel} is MIXED)
 * @param nAGQ           quadrature points of mixed models (1 = Laplace)
 * @param merge          outcome categories merged for the ordinal analysis (for example 5-6), or null
 * @param binary         binary outcomes: {@code "0-2"} (mRS 0-2), {@code "0-1"}, {@code "death"} (the worst
 *                       category), or the name of a 0/1 column of the file
 * @param binaryModel    how trials enter the logistic models
 * @param interactions   covariates tested for effect modification (within-trial interactions)
 * @param twoStage       the pooling of the two-stage analysis (per-trial cOR, then pooled), or null for none
 * @param poTest         test the proportional-odds assumption
 * @param utility        utility weights (null to skip)
 * @param level          confidence level
 * @param ordinal        run the ordinal (shift) analyses; false for binary outcomes only
 * @param unadjusted     also fit the ordinal model without covariates (always when there are none)
 * @param dropEmpty      a category with no patient in a trial drops its cut-point there (as R drops an
 *                       unused level) instead of stopping with a message
 * @param execution      where the parallel parts of the models run (the trials of a mixed model's likelihood
 *                       from 30,000 patients, the halves of its Hessian, the blocks of a proportional-odds
 *                       likelihood from 32,768 patients): the library's pool by default, the caller's executor,
 *                       or the calling thread alone; the estimates do not depend on it
 */
public record IpdRequest(List<String> covariates, OrdinalModel ordinalModel, RandomEffects randomEffects, int nAGQ,
                         CategoryMerge merge, List<String> binary, StudyEffect binaryModel, List<String> interactions,
                         MetaOptions twoStage, boolean poTest, UtilityWeights utility, double level, boolean ordinal, boolean unadjusted,
                         boolean dropEmpty, Execution execution) {
    /** How trials enter the ordinal model. */
    public enum OrdinalModel {
        /** Cut-points per trial (clm with nominal = ~study): the treatment effect is estimated within trials. */
        STRATIFIED,
        /** Cut-points common to all trials, no trial term (clm). */
        COMMON,
        /** Common cut-points and random trial effects (clmm). */
        MIXED;

        /**
         * Parses a model's name: {@code stratified}, {@code common} or {@code mixed}, any case.
         *
         * @param s the name
         * @return the model
         * @throws IllegalArgumentException if the name is unknown
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
     * Copies the lists and checks the request.
     *
     * @param covariates adjustment covariates (columns of the patient data)
     * @param ordinalModel how trials enter the ordinal model
     * @param randomEffects the random effects of a mixed ordinal model (when {@code ordinalModel} is MIXED)
     * @param nAGQ quadrature points of mixed models (1 = Laplace)
     * @param merge outcome categories merged for the ordinal analysis (for example 5-6), or null
     * @param binary binary outcomes: {@code "0-2"} (mRS 0-2), {@code "0-1"}, {@code "death"} (the worst
     *                              category), or the name of a 0/1 column of the file
     * @param binaryModel how trials enter the logistic models
     * @param interactions covariates tested for effect modification (within-trial interactions)
     * @param twoStage the pooling of the two-stage analysis (per-trial cOR, then pooled), or null for none
     * @param poTest test the proportional-odds assumption
     * @param utility utility weights (null to skip)
     * @param level confidence level
     * @param ordinal run the ordinal (shift) analyses; false for binary outcomes only
     * @param unadjusted also fit the ordinal model without covariates (always when there are none)
     * @param dropEmpty a category with no patient in a trial drops its cut-point there (as R drops an
     *                              unused level) instead of stopping with a message
     * @param execution where the parallel parts of the models run (the trials of a mixed model's likelihood
     *                              from 30,000 patients, the halves of its Hessian, the blocks of a proportional-odds
     *                              likelihood from 32,768 patients): the library's pool by default, the caller's executor,
     *                              or the calling thread alone; the estimates do not depend on it
     * @throws IllegalArgumentException if a model is missing or an option is out of range
     */
    public IpdRequest {
        covariates = List.copyOf(covariates);
        binary = List.copyOf(binary);
        interactions = List.copyOf(interactions);
        if (ordinalModel == null || randomEffects == null || binaryModel == null) {
            throw new IllegalArgumentException("the models are required");
        }
        if (execution == null) {
            throw new IllegalArgumentException("the execution is missing");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
    }

    /**
     * A request on the library's pool ({@link Execution#defaults()}).
     *
     * @param covariates adjustment covariates (columns of the patient data)
     * @param ordinalModel how trials enter the ordinal model
     * @param randomEffects the random effects of a mixed ordinal model (when {@code ordinalModel} is MIXED)
     * @param nAGQ quadrature points of mixed models (1 = Laplace)
     * @param merge outcome categories merged for the ordinal analysis (for example 5-6), or null
     * @param binary binary outcomes: {@code "0-2"} (mRS 0-2), {@code "0-1"}, {@code "death"} (the worst
     *                              category), or the name of a 0/1 column of the file
     * @param binaryModel how trials enter the logistic models
     * @param interactions covariates tested for effect modification (within-trial interactions)
     * @param twoStage the pooling of the two-stage analysis (per-trial cOR, then pooled), or null for none
     * @param poTest test the proportional-odds assumption
     * @param utility utility weights (null to skip)
     * @param level confidence level
     * @param ordinal run the ordinal (shift) analyses; false for binary outcomes only
     * @param unadjusted also fit the ordinal model without covariates (always when there are none)
     * @param dropEmpty a category with no patient in a trial drops its cut-point there (as R drops an
     *                              unused level) instead of stopping with a message
     */
    public IpdRequest(List<String> covariates, OrdinalModel ordinalModel, RandomEffects randomEffects, int nAGQ,
                      CategoryMerge merge, List<String> binary, StudyEffect binaryModel, List<String> interactions,
                      MetaOptions twoStage, boolean poTest, UtilityWeights utility, double level, boolean ordinal,
                      boolean unadjusted, boolean dropEmpty) {
        this(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions, twoStage, poTest,
                utility, level, ordinal, unadjusted, dropEmpty, Execution.defaults());
    }

    /**
     * Stratified ordinal model, mRS 0-2, 0-1 and death as stratified logistic models, PO test, utility, 95%.
     *
     * @return the default request
     */
    public static IpdRequest defaults() {
        return new IpdRequest(List.of(), OrdinalModel.STRATIFIED, RandomEffects.INTERCEPT, 1, null,
                List.of("0-2", "0-1", "death"), StudyEffect.STRATIFIED, List.of(), null, true,
                UtilityWeights.chaisinanunkul2015(), 0.95, true, true, false);
    }

    /**
     * A copy whose parallel parts run on {@code e}.
     *
     * @param e the execution
     * @return this request with {@code execution = e}
     */
    public IpdRequest withExecution(Execution e) {
        return new IpdRequest(covariates, ordinalModel, randomEffects, nAGQ, merge, binary, binaryModel, interactions,
                twoStage, poTest, utility, level, ordinal, unadjusted, dropEmpty, e);
    }
}
