package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;

class PartialProportionalOddsTest {
    @Test
    void with_two_categories_both_models_coincide_and_the_test_is_refused() {
        OrdinalTable t = Tables.table(Tables.trial(new double[] {20, 30}, new double[] {30, 20}));
        assertThatThrownBy(() -> PartialProportionalOdds.test(t, PoOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("three or more");
    }

    @Test
    void a_cut_point_effect_equals_the_log_odds_ratio_of_the_dichotomised_table_for_one_trial() {
        // one trial, common cut-points: the partial model is saturated in the arms, so gamma_j is the
        // empirical log odds ratio of P(Y <= j), treatment against control
        double[] tr = {14, 16, 30, 39, 46};
        double[] co = {4, 9, 18, 30, 44};
        OrdinalTable t = Tables.table(Tables.trial(tr, co));
        ProportionalOddsCheck c = PartialProportionalOdds.test(t, PoOptions.defaults().withThresholds(Thresholds.COMMON));
        double nt = 145;
        double nc = 105;
        double ct = 0;
        double cc = 0;
        for (int j = 0; j < 4; j++) {
            ct += tr[j];
            cc += co[j];
            double lor = Math.log(ct / (nt - ct)) - Math.log(cc / (nc - cc));
            assertThat(c.cutLogOr()[j]).as("cut %d", j).isCloseTo(lor, within(1e-8));
            double se = Math.sqrt(1 / ct + 1 / (nt - ct) + 1 / cc + 1 / (nc - cc));
            assertThat(c.cutSe()[j]).as("cut %d", j).isCloseTo(se, within(1e-8));
        }
        assertThat(c.df()).isEqualTo(3);
        assertThat(c.proportional().logCor()).isBetween(c.cutLogOr()[0] - 1, c.cutLogOr()[3] + 1);
    }
}
