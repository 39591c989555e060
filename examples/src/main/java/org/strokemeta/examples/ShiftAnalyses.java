package org.strokemeta.examples;

import org.strokemeta.Shift;
import org.strokemeta.data.Examples;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;

/**
 * The mRS shift analysis of per-arm 90-day mRS distributions (the bundled simulated trials): two-stage
 * (a proportional-odds model per trial, pooled by REML) and one-stage (one model with cut-points
 * stratified by trial), as R's ordinal::clm with metafor::rma.
 */
public final class ShiftAnalyses {
    private ShiftAnalyses() {
    }

    static OrdinalTable table() {
        return OrdinalTableLoader.load(Examples.table(Examples.get("mrs_sim")));
    }

    /** Per-trial common odds ratios pooled by random-effects meta-analysis. */
    public static ShiftAnalysis.Outcome twoStage() {
        return Shift.analyze(table(), ShiftRequest.defaults());
    }

    /** One proportional-odds model of all trials, cut-points stratified by trial. */
    public static ShiftAnalysis.Outcome oneStage() {
        return Shift.analyze(table(), ShiftRequest.defaults().withTwoStage(false));
    }

    public static void main(String[] args) {
        for (ShiftAnalysis.Outcome o : new ShiftAnalysis.Outcome[] {twoStage(), oneStage()}) {
            System.out.printf("%s: common OR %.3f [%.3f, %.3f]%n", o.twoStage() != null ? "two-stage" : "one-stage",
                    o.effect().cor(), o.effect().corLower(), o.effect().corUpper());
        }
    }
}
