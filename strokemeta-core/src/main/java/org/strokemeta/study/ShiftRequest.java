package org.strokemeta.study;

import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.MetaOptions;

/**
 * What a user asks of an ordinal (mRS shift) analysis of tabulated trial results.
 *
 * @param twoStage    true: a common odds ratio per trial, then pooled (the meta-analysis of published
 *                    distributions); false: one proportional-odds model over all trials
 * @param thresholds  cut-points per trial (stratified) or common to all trials (one-stage only; the
 *                    two-stage analysis always fits each trial with its own)
 * @param merge       categories merged before fitting (for example mRS 5 and 6), or null
 * @param poTest      test the proportional-odds assumption (likelihood ratio against partial PO)
 * @param utility     utility weights for the utility-weighted mRS (null to skip)
 * @param options     pooling options of the two-stage analysis (tau² estimator, CI method, level)
 */
public record ShiftRequest(boolean twoStage, Thresholds thresholds, CategoryMerge merge, boolean poTest,
                           UtilityWeights utility, MetaOptions options) {
    /**
     * Checks the request.
     *
     * @param twoStage true: a common odds ratio per trial, then pooled (the meta-analysis of published
     *                           distributions); false: one proportional-odds model over all trials
     * @param thresholds cut-points per trial (stratified) or common to all trials (one-stage only; the
     *                           two-stage analysis always fits each trial with its own)
     * @param merge categories merged before fitting (for example mRS 5 and 6), or null
     * @param poTest test the proportional-odds assumption (likelihood ratio against partial PO)
     * @param utility utility weights for the utility-weighted mRS (null to skip)
     * @param options pooling options of the two-stage analysis (tau² estimator, CI method, level)
     * @throws IllegalArgumentException if {@code thresholds} or {@code options} is null
     */
    public ShiftRequest {
        if (thresholds == null || options == null) {
            throw new IllegalArgumentException("thresholds and options are required");
        }
    }

    /**
     * Two-stage, stratified cut-points, no merging, PO test, Chaisinanunkul weights, metafor's pooling defaults.
     *
     * @return the default request
     */
    public static ShiftRequest defaults() {
        return new ShiftRequest(true, Thresholds.STRATIFIED, null, true, UtilityWeights.chaisinanunkul2015(), MetaOptions.defaults());
    }

    /**
     * The proportional-odds options these settings imply.
     *
     * @return stratified cut-points for a two-stage analysis, the request's otherwise, at its level, with its merge
     */
    public PoOptions poOptions() {
        PoOptions p = PoOptions.defaults().withThresholds(twoStage ? Thresholds.STRATIFIED : thresholds).withLevel(options.level());
        return merge == null ? p : p.withMerge(merge);
    }
}
