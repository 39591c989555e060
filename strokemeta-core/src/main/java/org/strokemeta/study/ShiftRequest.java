package org.strokemeta.study;

import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.MetaOptions;

/**
 * What a user asks of an ordinal (mRS shift) analysis of tabulated trial results, as one immutable
 * value: start from {@link #defaults()} and change what differs with the {@code with...} methods.
 *
 * @param twoStage    true: a common odds ratio per trial, then pooled (the meta-analysis of published
 *                    distributions); false: one proportional-odds model over all trials
 * @param thresholds  cut-points per trial (stratified) or common to all trials (one-stage only; the
 *                    two-stage analysis always fits each trial with its own)
 * @param merge       categories merged before fitting (for example mRS 5 and 6), or null
 * @param poTest      test the proportional-odds assumption (likelihood ratio against partial PO)
 * @param utility     utility weights for the utility-weighted mRS (null to skip)
 * @param options     pooling options of the two-stage analysis (tau² estimator, CI method, level); the
 *                    level is also that of the one-stage model and of the clinical summaries
 * @serial exclude
 */
public record ShiftRequest(boolean twoStage, Thresholds thresholds, CategoryMerge merge, boolean poTest,
                           UtilityWeights utility, MetaOptions options) implements java.io.Serializable {
    /**
     * Checks the request; see the record's description for each component.
     *
     * @param twoStage   pooled per-trial common odds ratios (true) or one model (false)
     * @param thresholds cut-points per trial or common to all trials
     * @param merge      categories merged before fitting, or null
     * @param poTest     test the proportional-odds assumption
     * @param utility    utility weights, or null
     * @param options    pooling options
     * @throws IllegalArgumentException when {@code thresholds} or {@code options} is null
     */
    public ShiftRequest {
        if (thresholds == null || options == null) {
            throw new IllegalArgumentException("thresholds and options are required");
        }
    }

    /**
     * The usual request: two-stage, stratified cut-points, no merging, PO test, Chaisinanunkul weights,
     * metafor's pooling defaults.
     *
     * @return the default request
     */
    public static ShiftRequest defaults() {
        return new ShiftRequest(true, Thresholds.STRATIFIED, null, true, UtilityWeights.chaisinanunkul2015(), MetaOptions.defaults());
    }

    /**
     * A copy that pools per-trial common odds ratios (true) or fits one model over all trials (false).
     *
     * @param two true for the two-stage analysis, false for one stage
     * @return the changed request
     */
    public ShiftRequest withTwoStage(boolean two) {
        return new ShiftRequest(two, thresholds, merge, poTest, utility, options);
    }

    /**
     * A copy with other cut-points for the one-stage model (the two-stage analysis always stratifies).
     *
     * @param t cut-points per trial or common to all trials
     * @return the changed request
     * @throws IllegalArgumentException when {@code t} is null
     */
    public ShiftRequest withThresholds(Thresholds t) {
        return new ShiftRequest(twoStage, t, merge, poTest, utility, options);
    }

    /**
     * A copy that merges outcome categories before fitting.
     *
     * @param m the categories merged (for example 5-6), or null for none
     * @return the changed request
     */
    public ShiftRequest withMerge(CategoryMerge m) {
        return new ShiftRequest(twoStage, thresholds, m, poTest, utility, options);
    }

    /**
     * A copy that tests the proportional-odds assumption, or not.
     *
     * @param test true to run the likelihood-ratio test against partial proportional odds
     * @return the changed request
     */
    public ShiftRequest withPoTest(boolean test) {
        return new ShiftRequest(twoStage, thresholds, merge, test, utility, options);
    }

    /**
     * A copy with other utility weights for the utility-weighted mRS.
     *
     * @param u the weights of mRS 0 to 6, or null to skip the utility-weighted mRS
     * @return the changed request
     */
    public ShiftRequest withUtility(UtilityWeights u) {
        return new ShiftRequest(twoStage, thresholds, merge, poTest, u, options);
    }

    /**
     * A copy with other pooling options (tau² estimator, interval method, confidence level).
     *
     * @param o the pooling options
     * @return the changed request
     * @throws IllegalArgumentException when {@code o} is null
     */
    public ShiftRequest withOptions(MetaOptions o) {
        return new ShiftRequest(twoStage, thresholds, merge, poTest, utility, o);
    }

    /**
     * The proportional-odds options these settings imply.
     *
     * @return cut-points (stratified for two stages), level and merging of the proportional-odds fits
     */
    public PoOptions poOptions() {
        PoOptions p = PoOptions.defaults().withThresholds(twoStage ? Thresholds.STRATIFIED : thresholds).withLevel(options.level());
        return merge == null ? p : p.withMerge(merge);
    }
}
