package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;

/** {@link Shift} gives the numbers of {@link ShiftAnalysis}, and {@link ShiftRequest}'s with... methods change one field each. */
class ShiftTest {
    private static Table mrs() {
        return Examples.table(Examples.get("mrs_sim"));
    }

    private static void sameNumbers(ShiftAnalysis.Outcome a, ShiftAnalysis.Outcome b) {
        assertThat(a.effect()).isEqualTo(b.effect());
        assertThat(a.poCheck()).isEqualTo(b.poCheck());
        assertThat(a.twoStage()).isEqualTo(b.twoStage());
        assertThat(a.oneStage() == null).isEqualTo(b.oneStage() == null);
        assertThat(a.notes()).isEqualTo(b.notes());
    }

    @Test
    void two_stage_analysis_equals_shift_analysis_run() {
        OrdinalTable t = OrdinalTableLoader.load(mrs());
        sameNumbers(Shift.analyze(t, ShiftRequest.defaults()), ShiftAnalysis.run(t, ShiftRequest.defaults()));
        sameNumbers(Shift.analyze(mrs(), ShiftRequest.defaults()), ShiftAnalysis.run(t, ShiftRequest.defaults()));
    }

    @Test
    void one_stage_by_with_two_stage_false_equals_the_positional_request() {
        OrdinalTable t = OrdinalTableLoader.load(mrs());
        ShiftRequest d = ShiftRequest.defaults();
        ShiftRequest positional = new ShiftRequest(false, d.thresholds(), d.merge(), d.poTest(), d.utility(), d.options());
        assertThat(d.withTwoStage(false)).isEqualTo(positional);
        ShiftAnalysis.Outcome api = Shift.analyze(t, d.withTwoStage(false));
        ShiftAnalysis.Outcome engine = ShiftAnalysis.run(t, positional);
        assertThat(api.oneStage()).isNotNull();
        assertThat(api.effect()).isEqualTo(engine.effect());
        assertThat(api.oneStage().commonOddsRatio()).isEqualTo(engine.oneStage().commonOddsRatio());
    }

    @Test
    void each_with_method_changes_its_own_field() {
        ShiftRequest d = ShiftRequest.defaults();
        CategoryMerge m = new CategoryMerge(5, 6);
        MetaOptions o = MetaOptions.defaults().withTau2(Tau2Method.DL);
        assertThat(d.withTwoStage(false)).isEqualTo(new ShiftRequest(false, d.thresholds(), d.merge(), d.poTest(), d.utility(), d.options()));
        assertThat(d.withThresholds(Thresholds.COMMON))
                .isEqualTo(new ShiftRequest(d.twoStage(), Thresholds.COMMON, d.merge(), d.poTest(), d.utility(), d.options()));
        assertThat(d.withMerge(m)).isEqualTo(new ShiftRequest(d.twoStage(), d.thresholds(), m, d.poTest(), d.utility(), d.options()));
        assertThat(d.withPoTest(false)).isEqualTo(new ShiftRequest(d.twoStage(), d.thresholds(), d.merge(), false, d.utility(), d.options()));
        assertThat(d.withUtility(UtilityWeights.dawn()))
                .isEqualTo(new ShiftRequest(d.twoStage(), d.thresholds(), d.merge(), d.poTest(), UtilityWeights.dawn(), d.options()));
        assertThat(d.withUtility(null).utility()).isNull();
        assertThat(d.withOptions(o)).isEqualTo(new ShiftRequest(d.twoStage(), d.thresholds(), d.merge(), d.poTest(), d.utility(), o));
        assertThatThrownBy(() -> d.withOptions(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options");
    }

    @Test
    void merged_categories_give_the_merged_table() {
        ShiftAnalysis.Outcome o = Shift.analyze(mrs(), ShiftRequest.defaults().withMerge(new CategoryMerge(5, 6)));
        assertThat(o.table().categories()).isEqualTo(6);
    }
}
