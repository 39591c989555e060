package org.strokemeta;

import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.Table;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;
import org.strokemeta.study.ShiftSubgroups;
import org.strokemeta.subgroup.SubgroupTest;

/**
 * The mRS shift analysis of tabulated trial results (per trial and arm, the number of patients in each
 * category): the common odds ratio of the proportional-odds model, per trial and pooled by random-effects
 * meta-analysis (two stages: ordinal::clm per trial with metafor::rma) or fitted over all trials at once
 * (one stage), with the proportional-odds check, the net benefit with its NNT and the utility-weighted mRS.
 *
 * <pre>{@code
 * OrdinalTable mrs = OrdinalTableLoader.load(Examples.table(Examples.get("mrs_sim")));
 * ShiftAnalysis.Outcome two = Shift.analyze(mrs, ShiftRequest.defaults());
 * ShiftAnalysis.Outcome one = Shift.analyze(mrs, ShiftRequest.defaults().withTwoStage(false));
 * }</pre>
 */
public final class Shift {
    private Shift() {
    }

    /**
     * Runs the shift analysis on tabulated distributions.
     *
     * @param t the per-arm category counts of each trial
     * @param r the request ({@link ShiftRequest#defaults()}: two stages, REML)
     * @return the common odds ratio (above 1: a shift toward better outcomes with treatment), the
     *         proportional-odds check and the clinical summaries
     * @throws org.strokemeta.data.InputException when a trial's data cannot be fitted as asked
     */
    public static ShiftAnalysis.Outcome analyze(OrdinalTable t, ShiftRequest r) {
        return ShiftAnalysis.run(t, r);
    }

    /**
     * Reads tabulated distributions from a table (columns {@code study}, {@code arm}, {@code mrs0 ... mrs6})
     * and runs the shift analysis on them.
     *
     * @param t the table, one row per trial and arm
     * @param r the request
     * @return the analysis
     * @throws org.strokemeta.data.InputException when the table is not tabulated distributions or has an
     *                                            error (file, line and column named)
     */
    public static ShiftAnalysis.Outcome analyze(Table t, ShiftRequest r) {
        return analyze(OrdinalTableLoader.load(t), r);
    }

    /**
     * The two-stage shift analysis within each value of a column (distributions published per subgroup,
     * for example by occlusion site), with the test for subgroup differences.
     *
     * @param t      the table, one row per trial, arm and subgroup
     * @param column the subgrouping column
     * @param r      the request; it must be two-stage
     * @param test   the test for subgroup differences
     * @return each subgroup's analysis and the pooled subgroup analysis
     * @throws IllegalArgumentException when the request is one-stage
     * @throws org.strokemeta.data.InputException when the column is missing or the data have an error
     */
    public static ShiftSubgroups subgroups(Table t, String column, ShiftRequest r, SubgroupTest test) {
        return ShiftSubgroups.run(t, column, r, test);
    }
}
