package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;

class UtilityWeightedOutcomeTest {
    @Test
    void published_weights_are_those_of_chaisinanunkul_2015_and_dawn() {
        assertThat(UtilityWeights.chaisinanunkul2015().values()).containsExactly(1.00, 0.91, 0.76, 0.65, 0.33, 0, 0);
        assertThat(UtilityWeights.dawn().values()).containsExactly(10, 9.1, 7.6, 6.5, 3.3, 0, 0);
        assertThat(UtilityWeights.parse("dawn").source()).contains("2018");
        assertThat(UtilityWeights.chaisinanunkul2015().source()).contains("Stroke 2015");
    }

    @Test
    void mean_utility_and_welch_standard_error_match_a_hand_calculation() {
        // treatment: mRS 0 and 1 (utilities 1 and 0.91); control: mRS 4, 5 and 6 (0.33, 0, 0)
        UtilityWeightedOutcome u = UtilityWeightedOutcome.of(new double[] {1, 1, 0, 0, 0, 0, 0},
                new double[] {0, 0, 0, 0, 1, 1, 1}, UtilityWeights.chaisinanunkul2015(), 0.95);
        assertThat(u.meanTreatment()).isCloseTo(0.955, within(1e-15));
        assertThat(u.meanControl()).isCloseTo(0.11, within(1e-15));
        double st = Math.sqrt(2 * 0.045 * 0.045 / 1);
        double sc = Math.sqrt((0.22 * 0.22 + 2 * 0.11 * 0.11) / 2);
        assertThat(u.sdTreatment()).isCloseTo(st, within(1e-15));
        assertThat(u.sdControl()).isCloseTo(sc, within(1e-15));
        assertThat(u.difference()).isCloseTo(0.845, within(1e-15));
        assertThat(u.se()).isCloseTo(Math.sqrt(st * st / 2 + sc * sc / 3), within(1e-15));
    }

    @Test
    void the_dawn_scale_is_ten_times_the_original() {
        double[] t = {5, 12, 20, 18, 10, 4, 6};
        double[] c = {3, 8, 15, 20, 14, 8, 10};
        UtilityWeightedOutcome a = UtilityWeightedOutcome.of(t, c, UtilityWeights.chaisinanunkul2015(), 0.95);
        UtilityWeightedOutcome b = UtilityWeightedOutcome.of(t, c, UtilityWeights.dawn(), 0.95);
        assertThat(b.difference()).isCloseTo(10 * a.difference(), within(1e-12));
        assertThat(b.se()).isCloseTo(10 * a.se(), within(1e-12));
        assertThat(b.z()).isCloseTo(a.z(), within(1e-12));
    }

    @Test
    void rejects_an_outcome_with_other_categories_than_the_weights() {
        assertThatThrownBy(() -> UtilityWeightedOutcome.of(new double[] {1, 2, 3, 4, 5, 6}, new double[] {1, 2, 3, 4, 5, 6},
                UtilityWeights.chaisinanunkul2015(), 0.95))
                .isInstanceOf(InputException.class).hasMessageContaining("7 categories");
    }
}
