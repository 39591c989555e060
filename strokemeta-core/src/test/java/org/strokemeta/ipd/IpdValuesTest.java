package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.pool.ValueSemanticsTest;

/** Patient-level results are values: equal for equal data, serializable. */
class IpdValuesTest {
    @Test
    void logistic_and_mixed_ordinal_results_are_equal_for_equal_data_and_survive_serialization() {
        PatientData d = SimulatedTrials.make(new Random(5), 4, 60, 0.4, 0.0);
        PatientData same = SimulatedTrials.make(new Random(5), 4, 60, 0.4, 0.0);
        assertThat(d).isEqualTo(same).hasSameHashCodeAs(same);
        BinaryOptions o = new BinaryOptions(StudyEffect.values()[0], List.of(), 1, 0.95);
        BinaryResult a = IpdLogistic.fit(d, BinaryOutcome.atMost(d, 2), o);
        BinaryResult b = IpdLogistic.fit(same, BinaryOutcome.atMost(same, 2), o);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(ValueSemanticsTest.roundTrip(a)).isEqualTo(a);
        MixedOrdinalResult m = MixedOrdinal.fit(d, MixedOptions.defaults());
        assertThat(m).isEqualTo(MixedOrdinal.fit(same, MixedOptions.defaults()));
        assertThat(ValueSemanticsTest.roundTrip(m)).isEqualTo(m);
    }
}
