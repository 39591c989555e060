package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;

class NetBenefitTest {
    @Test
    void probability_of_a_better_outcome_matches_a_hand_count_of_pairs() {
        // treatment 2, 1, 1 and control 1, 1, 2 patients in categories 0, 1, 2 (0 best): of the
        // 4 x 4 = 16 pairs, 8 favour treatment, 3 favour control and 5 are ties
        NetBenefit b = NetBenefit.of(new double[] {2, 1, 1}, new double[] {1, 1, 2}, 0.95);
        assertThat(b.pBetter()).isCloseTo(8.0 / 16, within(1e-15));
        assertThat(b.pWorse()).isCloseTo(3.0 / 16, within(1e-15));
        assertThat(b.pTie()).isCloseTo(5.0 / 16, within(1e-15));
        assertThat(b.difference()).isCloseTo(5.0 / 16, within(1e-15));
        assertThat(b.nnt()).isCloseTo(3.2, within(1e-12));
        // delta method by hand: g_T = (0.75, 0.25, -0.5), g_C = (-0.5, 0.25, 0.75)
        double d = 5.0 / 16;
        double vt = (0.5 * 0.5625 + 0.25 * 0.0625 + 0.25 * 0.25 - d * d) / 4;
        double vc = (0.25 * 0.25 + 0.25 * 0.0625 + 0.5 * 0.5625 - d * d) / 4;
        assertThat(b.se()).isCloseTo(Math.sqrt(vt + vc), within(1e-15));
    }

    @Test
    void complete_benefit_gives_an_nnt_of_one() {
        NetBenefit b = NetBenefit.of(new double[] {10, 0}, new double[] {0, 10}, 0.95);
        assertThat(b.difference()).isEqualTo(1.0);
        assertThat(b.nnt()).isEqualTo(1.0);
        assertThat(b.ciUpper()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void swapping_the_arms_turns_benefit_into_harm() {
        double[] t = {5, 12, 20, 18, 10, 4, 6};
        double[] c = {3, 8, 15, 20, 14, 8, 10};
        NetBenefit a = NetBenefit.of(t, c, 0.95);
        NetBenefit b = NetBenefit.of(c, t, 0.95);
        assertThat(b.difference()).isCloseTo(-a.difference(), within(1e-15));
        assertThat(b.se()).isCloseTo(a.se(), within(1e-15));
        assertThat(b.pBetter()).isCloseTo(a.pWorse(), within(1e-15));
        assertThat(b.nnt()).isCloseTo(-a.nnt(), within(1e-9));
    }

    @Test
    void an_interval_through_zero_is_described_through_infinity() {
        NetBenefit b = NetBenefit.of(new double[] {6, 7, 8, 9}, new double[] {5, 7, 9, 9}, 0.95);
        assertThat(b.nntIntervalFinite()).isFalse();
        assertThat(b.describeNnt()).contains("to benefit, through infinity").contains("to harm");
        NetBenefit clear = NetBenefit.of(new double[] {60, 50, 30, 10}, new double[] {20, 30, 50, 50}, 0.95);
        assertThat(clear.nntIntervalFinite()).isTrue();
        assertThat(clear.describeNnt()).startsWith("NNT ").contains("95% CI");
    }

    @Test
    void identical_arms_give_no_net_benefit() {
        double[] x = {4, 7, 9, 3};
        NetBenefit b = NetBenefit.of(x, x, 0.95);
        assertThat(b.difference()).isCloseTo(0, within(1e-15));
        assertThat(Math.abs(b.nnt())).isGreaterThan(1e12);
    }

    @Test
    void rejects_an_arm_without_patients() {
        assertThatThrownBy(() -> NetBenefit.of(new double[] {0, 0, 0}, new double[] {1, 2, 3}, 0.95))
                .isInstanceOf(InputException.class).hasMessageContaining("both arms");
    }

    @org.junit.jupiter.api.Test
    void a_shift_toward_control_is_a_number_needed_to_harm_never_a_negative_nnt() {
        // the arms of a trial swapped: the same |difference|, the other direction
        double[] better = {30, 20, 20, 10, 10, 5, 5};
        double[] worse = {10, 10, 15, 20, 20, 12, 13};
        NetBenefit good = NetBenefit.of(better, worse, 0.95);
        NetBenefit bad = NetBenefit.of(worse, better, 0.95);
        org.assertj.core.api.Assertions.assertThat(good.harm()).isFalse();
        org.assertj.core.api.Assertions.assertThat(bad.harm()).isTrue();
        org.assertj.core.api.Assertions.assertThat(bad.numberNeeded()).isEqualTo(good.numberNeeded()).isPositive();
        org.assertj.core.api.Assertions.assertThat(bad.numberNeededWords()).startsWith("NNH for one more patient to be worse by at least one category: ")
                .doesNotContain("-");
        org.assertj.core.api.Assertions.assertThat(good.numberNeededWords()).startsWith("NNT for one more patient to be better");
    }
}
