package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.ValueSemanticsTest;

/** Ordinal results are values: equal by content, unchanged through returned arrays, serializable. */
class OrdinalValuesTest {
    @Test
    void two_stage_results_are_equal_for_equal_tables_and_survive_serialization() {
        TwoStageResult a = TwoStage.run(Tables.threeTrials(), PoOptions.defaults(), MetaOptions.defaults());
        TwoStageResult b = TwoStage.run(Tables.threeTrials(), PoOptions.defaults(), MetaOptions.defaults());
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(ValueSemanticsTest.roundTrip(a)).isEqualTo(a);
        ProportionalOddsFit f = a.trials().get(0).fit();
        double beta0 = f.beta(0);
        f.beta()[0] = 99;
        f.vcov()[0][0] = 99;
        f.cutPoints()[0][0] = 99;
        assertThat(f.beta(0)).isEqualTo(beta0);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void clinical_summaries_survive_serialization() {
        OrdinalTable t = Tables.threeTrials();
        ClinicalSummaries c = ClinicalSummaries.of(t, t, UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(c).isEqualTo(ClinicalSummaries.of(Tables.threeTrials(), Tables.threeTrials(),
                UtilityWeights.chaisinanunkul2015(), 0.95));
        assertThat(ValueSemanticsTest.roundTrip(c)).isEqualTo(c);
    }
}
