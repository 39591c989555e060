package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
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
 * clinical summaries (net benefit with its NNT, utility-weighted mRS).
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
     * @param benefit   net benefit and NNT from all trials' arms added together
     * @param utility   the utility-weighted mRS from all trials' arms (null when not asked or not 7 categories)
     * @param notes     remarks
     */
    public record Outcome(ShiftRequest request, OrdinalTable table, TwoStageResult twoStage, ProportionalOddsFit oneStage,
                          CommonOddsRatio effect, ProportionalOddsCheck poCheck, NetBenefit benefit,
                          UtilityWeightedOutcome utility, List<Note> notes) {
        /** True when every model converged. */
        public boolean valid() {
            boolean ok = twoStage != null ? twoStage.pooled().converged() : oneStage.converged();
            return ok && Double.isFinite(effect.logCor());
        }
    }

    /** Runs the analysis. */
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
        NetBenefit benefit = NetBenefit.ofAllTrials(t, r.options().level());
        UtilityWeightedOutcome utility = null;
        if (r.utility() != null) {
            if (original.categories() == r.utility().categories()) {
                double[] tr = new double[original.categories()];
                double[] co = new double[original.categories()];
                for (int s = 0; s < original.size(); s++) {
                    for (int j = 0; j < tr.length; j++) {
                        tr[j] += original.treatment()[s][j];
                        co[j] += original.control()[s][j];
                    }
                }
                utility = UtilityWeightedOutcome.of(tr, co, r.utility(), r.options().level());
            } else {
                notes.add(new Note(0, null, Note.Kind.INFO, "no utility-weighted mRS: the weights need "
                        + r.utility().categories() + " categories (mRS 0-6), the data have " + original.categories()));
            }
        }
        return new Outcome(r, t, two, one, effect, po, benefit, utility, notes);
    }
}
