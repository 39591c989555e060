package org.strokemeta.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GroupSequentialTest {
    @Test
    void five_equal_looks_give_the_published_obrien_fleming_type_boundaries() {
        // DeMets and Lan 1994 (Stat Med 13:1341-52), Table I; Reboussin et al. 2000 (Control Clin Trials 21:190-207):
        // Lan-DeMets O'Brien-Fleming-type spending, alpha 0.05 two-sided, five equally spaced looks
        double[] t = {0.2, 0.4, 0.6, 0.8, 1.0};
        double[] spent = new double[5];
        for (int i = 0; i < 5; i++) {
            spent[i] = GroupSequential.alphaSpent(0.05, t[i]);
        }
        double[] b = GroupSequential.efficacy(t, spent);
        double[] published = {4.877, 3.357, 2.680, 2.290, 2.031};
        for (int i = 0; i < 5; i++) {
            assertThat(b[i]).as("look " + (i + 1)).isCloseTo(published[i], within(5e-4));
        }
        assertThat(spent[4]).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void pocock_type_spending_gives_nearly_equal_boundaries_that_spend_all_of_alpha() {
        double[] t = {0.2, 0.4, 0.6, 0.8, 1.0};
        double[] spent = new double[5];
        for (int i = 0; i < 5; i++) {
            spent[i] = Spending.POCOCK.alpha(0.05, t[i]);
        }
        assertThat(spent[4]).isCloseTo(0.05, within(1e-15));
        assertThat(spent[0]).isCloseTo(0.05 * Math.log1p((Math.E - 1) * 0.2), within(1e-15));
        double[] b = GroupSequential.efficacy(t, spent);
        // DeMets and Lan 1994 (Stat Med 13:1341-52), Table I, Pocock-type spending, five equally spaced looks
        double[] published = {2.438, 2.427, 2.410, 2.397, 2.386};
        for (int i = 0; i < 5; i++) {
            assertThat(b[i]).as("look " + (i + 1)).isCloseTo(published[i], within(5e-4));
            if (i > 0) {
                assertThat(b[i]).isLessThan(b[i - 1]);
            }
        }
        // the first boundary spends exactly its share: 2(1 − Φ(b_1)) = α(0.2)
        assertThat(2 * org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).survivalProbability(b[0]))
                .isCloseTo(spent[0], within(1e-12));
        assertThat(Spending.parse("pocock")).isEqualTo(Spending.POCOCK);
        assertThat(Spending.parse("lan_demets_obf")).isEqualTo(Spending.OBRIEN_FLEMING);
    }

    @Test
    void one_look_at_full_information_is_the_fixed_design() {
        double[] b = GroupSequential.efficacy(new double[] {1}, new double[] {GroupSequential.alphaSpent(0.05, 1)});
        assertThat(b[0]).isCloseTo(1.959963984540054, within(1e-12));
        // futility at full information with all beta spent: the boundary is theta − z_{1−beta}, here the efficacy boundary
        double theta = 1.959963984540054 + 0.8416212335729143;
        double[] f = GroupSequential.futility(new double[] {1}, b, new double[] {GroupSequential.betaSpent(0.2, 1)}, theta);
        assertThat(f[0]).isCloseTo(1.959963984540054, within(1e-9));
    }

    @Test
    void the_options_say_what_is_out_of_range() {
        assertThatThrownBy(() -> new TsaOptions(1.2, 0.2, 0.05, 0.8, TsaOptions.Heterogeneity.NONE, 0, false))
                .hasMessageContaining("control event proportion");
        assertThatThrownBy(() -> new TsaOptions(0.2, 0, 0.05, 0.8, TsaOptions.Heterogeneity.NONE, 0, false))
                .hasMessageContaining("relative risk reduction");
        assertThatThrownBy(() -> new TsaOptions(0.2, 0.2, 0.05, 0.8, TsaOptions.Heterogeneity.I2, 100, false))
                .hasMessageContaining("I²");
        assertThatThrownBy(() -> TsaOptions.Heterogeneity.parse("tau")).hasMessageContaining("none, D2 or I2");
    }
}
