package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Reference values from strokemeta-core/src/test/r/power_reference.R (R 4.2.2, Hmisc 4.8-0). */
class ShiftPowerTest {
    private static final double[] CONTROL = {0.050, 0.079, 0.136, 0.164, 0.247, 0.135, 0.189};

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 + 1e-9 * Math.abs(expected)));
    }

    @Test
    void treatment_distribution_is_the_proportional_odds_shift() {
        double[] t = ShiftPower.treatmentDistribution(CONTROL, 2.49);
        double[] r = {0.115867845509539, 0.153556165361029, 0.203637608658414, 0.178599851545499, 0.186922853669944,
                0.0758329656798206, 0.0855827095757543};
        for (int j = 0; j < r.length; j++) {
            close(t[j], r[j]);
        }
    }

    @Test
    void whitehead_power_matches_hmisc_popower() {
        close(ShiftPower.whitehead(new ShiftPower.Design(CONTROL, 2.49, 100, 100, 0.05)), 0.955181875120855);
        close(ShiftPower.whitehead(new ShiftPower.Design(CONTROL, 1.5, 150, 75, 0.05)), 0.368580083419979);
        close(ShiftPower.whitehead(new ShiftPower.Design(CONTROL, 1.3, 400, 400, 0.05)), 0.55851939699659);
    }

    @Test
    void whitehead_sample_size_matches_hmisc_posamsize() {
        close(ShiftPower.whiteheadSampleSize(CONTROL, 2.49, 0.9, 0.05, 0.5), 155.552434514571);
        close(ShiftPower.whiteheadSampleSize(CONTROL, 1.5, 0.8, 0.05, 2.0 / 3), 663.407548066276);
    }

    @Test
    void simulated_power_agrees_with_the_formula_and_is_reproducible() {
        ShiftPower.Design d = new ShiftPower.Design(CONTROL, 1.5, 150, 150, 0.05);
        ShiftPower.Simulated s = ShiftPower.simulate(d, 2000, 7);
        assertThat(s.power()).isCloseTo(ShiftPower.whitehead(d), within(4 * s.mcSe() + 0.02));
        assertThat(ShiftPower.simulate(d, 2000, 7)).isEqualTo(s);
        ShiftPower.Simulated nul = ShiftPower.simulate(new ShiftPower.Design(CONTROL, 1.0, 150, 150, 0.05), 2000, 8);
        assertThat(nul.power()).isCloseTo(0.05, within(4 * nul.mcSe()));
    }

    @Test
    void rejects_impossible_designs() {
        assertThatThrownBy(() -> new ShiftPower.Design(new double[] {0.5, 0.4}, 2, 10, 10, 0.05)).hasMessageContaining("sums to 0.9");
        assertThatThrownBy(() -> new ShiftPower.Design(CONTROL, 0, 10, 10, 0.05)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new ShiftPower.Design(CONTROL, 2, 0, 10, 0.05)).hasMessageContaining("at least one patient");
    }

    @Test
    void a_share_of_m2_patients_with_their_own_outcomes_changes_the_simulated_power() {
        ShiftPower.Design d = new ShiftPower.Design(CONTROL, 2.0, 150, 150, 0.05);
        ShiftPower.Simulated plain = ShiftPower.simulate(d, 400, 11);
        // no subgroup, or a share of 0: the same trials on the same random stream
        assertThat(ShiftPower.simulate(d, null, 400, 11)).isEqualTo(plain);
        assertThat(ShiftPower.simulate(d, new ShiftPower.Subgroup(0, CONTROL, 1.0), 400, 11)).isEqualTo(plain);
        // every patient an M2 patient without effect: power near alpha; and the result is repeatable by seed
        ShiftPower.Simulated none = ShiftPower.simulate(d, new ShiftPower.Subgroup(1, CONTROL, 1.0), 400, 11);
        assertThat(none.power()).isLessThan(0.12);
        assertThat(ShiftPower.simulate(d, new ShiftPower.Subgroup(1, CONTROL, 1.0), 400, 11)).isEqualTo(none);
        // half of them: in between, well apart from both (Monte Carlo SE about 0.025)
        ShiftPower.Simulated half = ShiftPower.simulate(d, new ShiftPower.Subgroup(0.5, CONTROL, 1.0), 400, 11);
        assertThat(half.power()).isGreaterThan(none.power() + 0.15).isLessThan(plain.power() - 0.15);
        assertThatThrownBy(() -> new ShiftPower.Subgroup(1.5, CONTROL, 1.0)).hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ShiftPower.simulate(d, new ShiftPower.Subgroup(0.5, new double[] {0.5, 0.5}, 1.0), 10, 1))
                .hasMessageContaining("categories");
    }
}
