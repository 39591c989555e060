package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.ordinal.ClinicalSummaries;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.NetBenefit;
import org.strokemeta.ordinal.PartialProportionalOdds;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.TwoStage;
import org.strokemeta.ordinal.TwoStageResult;
import org.strokemeta.ordinal.UtilityWeightedOutcome;

/**
 * The ordinal shift analysis of tabulated trial results (per-arm mRS distributions): the common
 * odds ratio, pooled in two stages or fitted in one, with the proportional-odds check and the
 * clinical summaries (net benefit with its NNT, utility-weighted mRS; within trials, combined by
 * {@link ClinicalSummaries}).
 */
public final class ShiftAnalysis {
    private ShiftAnalysis() {
    }

    /**
     * The result of a shift analysis.
     *
     * @param request   what was asked
     * @param table     the data (after merging, when asked)
     * @param twoStage  the two-stage result, or null for one stage
     * @param oneStage  the one-stage fit, or null for two stages
     * @param effect    the common odds ratio (pooled or one-stage), positive log = better with treatment
     * @param poCheck   the proportional-odds test, or null
     * @param clinical  net benefit with its NNT and the utility-weighted mRS, within trials and combined
     * @param notes     remarks (those of the clinical summaries included)
     */
    public record Outcome(ShiftRequest request, OrdinalTable table, TwoStageResult twoStage, ProportionalOddsFit oneStage,
                          CommonOddsRatio effect, ProportionalOddsCheck poCheck, ClinicalSummaries clinical, List<Note> notes) {
        /**
         * The combined net benefit and NNT (null when no trial has both arms).
         *
         * @return the net benefit, or null
         */
        public NetBenefit benefit() {
            return clinical.benefit();
        }

        /**
         * The combined utility-weighted mRS (null when not asked, not mRS 0-6, or no trial could contribute).
         *
         * @return the utility-weighted outcome, or null
         */
        public UtilityWeightedOutcome utility() {
            return clinical.utility();
        }

        /**
         * True when every model converged.
         *
         * @return whether the fit or the pooling converged and the effect is finite
         */
        public boolean valid() {
            boolean ok = twoStage != null ? twoStage.pooled().converged() : oneStage.converged();
            return ok && Double.isFinite(effect.logCor());
        }
    }

    /**
     * Runs the analysis.
     *
     * @param original the table, before any merge of categories
     * @param r        the request
     * @return the common odds ratio (two- or one-stage), proportional-odds test and clinical summaries
     */
    public static Outcome run(OrdinalTable original, ShiftRequest r) {
        List<Note> notes = new ArrayList<>(original.notes());
        OrdinalTable t = r.merge() == null ? original : original.mergeCategories(r.merge().from(), r.merge().to());
        TwoStageResult two = null;
        ProportionalOddsFit one = null;
        CommonOddsRatio effect;
        // the fitters merge themselves when asked; they receive the original table
        if (r.twoStage()) {
            two = TwoStage.run(original, r.poOptions(), r.options());
            effect = CommonOddsRatio.of(two.pooled().pooled().estimate(), two.pooled().pooled().se(), r.options().level());
            notes.addAll(two.notes());
        } else {
            one = ProportionalOdds.fit(original, r.poOptions());
            effect = one.commonOddsRatio();
            notes.addAll(one.notes());
        }
        ProportionalOddsCheck po = r.poTest() ? PartialProportionalOdds.test(original,
                r.poOptions().withThresholds(r.twoStage() ? org.strokemeta.ordinal.Thresholds.STRATIFIED : r.thresholds())) : null;
        ClinicalSummaries clinical = ClinicalSummaries.of(t, original, r.utility(), r.options().level());
        notes.addAll(clinical.notes());
        return new Outcome(r, t, two, one, effect, po, clinical, notes);
    }
}
