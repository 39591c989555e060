package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;

class TwoStageTest {
    @Test
    void each_trial_effect_is_the_trials_own_fit() {
        OrdinalTable t = Tables.threeTrials();
        TwoStageResult r = TwoStage.run(t, PoOptions.defaults(), MetaOptions.defaults());
        for (int s = 0; s < t.size(); s++) {
            ProportionalOddsFit own = ProportionalOdds.fit(t.subset(new int[] {s}), PoOptions.defaults());
            assertThat(r.trials().get(s).effect().logCor()).isCloseTo(own.logCor(), within(1e-12));
            assertThat(r.trials().get(s).effect().se()).isCloseTo(own.logCorSe(), within(1e-12));
        }
        assertThat(r.pooled().k()).isEqualTo(3);
    }

    @Test
    void a_trial_without_a_control_arm_is_left_out_with_the_reason() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {14, 16, 30, 39}, new double[] {2, 6, 14, 18}),
                Tables.trial(new double[] {5, 9, 12, 15}, new double[] {0, 0, 0, 0}),
                Tables.trial(new double[] {9, 21, 25, 30}, new double[] {6, 15, 20, 27}));
        TwoStageResult r = TwoStage.run(t, PoOptions.defaults(), MetaOptions.defaults().withModel(Model.FIXED));
        assertThat(r.pooled().k()).isEqualTo(2);
        assertThat(r.trials().get(1).included()).isFalse();
        assertThat(r.trials().get(1).reason()).contains("no patient in the control arm");
        assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.EXCLUDED && "Trial 2".equals(n.study()));
    }

    @Test
    void a_separated_trial_is_left_out_instead_of_pooled_with_a_huge_estimate() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {14, 16, 30, 39}, new double[] {2, 6, 14, 18}),
                Tables.trial(new double[] {5, 9, 0, 0}, new double[] {0, 0, 12, 15}),
                Tables.trial(new double[] {9, 21, 25, 30}, new double[] {6, 15, 20, 27}));
        TwoStageResult r = TwoStage.run(t, PoOptions.defaults(), MetaOptions.defaults().withTau2(Tau2Method.DL));
        assertThat(r.pooled().k()).isEqualTo(2);
        assertThat(r.trials().get(1).reason()).contains("diverges");
        assertThat(r.trials().get(1).effect().available()).isFalse();
    }

    @Test
    void an_empty_category_in_a_trial_stops_with_its_name_unless_dropped() {
        OrdinalTable t = Tables.table(
                Tables.trial(new double[] {14, 16, 30, 39}, new double[] {2, 6, 14, 18}),
                Tables.trial(new double[] {0, 9, 12, 15}, new double[] {0, 5, 10, 14}));
        assertThatThrownBy(() -> TwoStage.run(t, PoOptions.defaults(), MetaOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("Trial 2: category 0");
        TwoStageResult r = TwoStage.run(t, PoOptions.defaults().withEmptyCategories(EmptyCategories.DROP),
                MetaOptions.defaults());
        assertThat(r.pooled().k()).isEqualTo(2);
        assertThat(r.notes()).anyMatch(n -> "Trial 2".equals(n.study()) && n.message().contains("category 0 has no patient"));
    }
}
