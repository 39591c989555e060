package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class KendallTauTest {
    @Test
    void inversion_law_of_four_elements_is_the_mahonian_row() {
        // Permutations of 4 elements by number of inversions: 1, 3, 5, 6, 5, 3, 1 (of 24).
        double[] p = KendallTau.inversionLaw(4);
        double[] counts = {1, 3, 5, 6, 5, 3, 1};
        assertThat(p).hasSize(7);
        for (int t = 0; t < 7; t++) {
            assertThat(p[t] * 24).isCloseTo(counts[t], within(1e-12));
        }
    }

    @Test
    void exact_p_of_perfect_agreement_is_two_over_n_factorial() {
        double[] x = {1, 2, 3, 4, 5};
        KendallTau.Test t = KendallTau.test(x, x);
        // R gives 0.99999999999999978 too: S/(√n0·√n0) with n0 = 10.
        assertThat(t.tau()).isCloseTo(1.0, within(1e-15));
        assertThat(t.exact()).isTrue();
        assertThat(t.p()).isCloseTo(2.0 / 120, within(1e-15));
    }

    @Test
    void tau_b_with_ties_uses_the_tie_corrected_denominator() {
        // Of the 6 pairs, one is tied in x only, one in y only, the other 4 concordant: S = 4, tau-b = 4/√(5·5).
        double[] x = {1, 2, 2, 3};
        double[] y = {1, 1, 2, 3};
        KendallTau.Counts c = KendallTau.counts(x, y);
        assertThat(c.tiedX()).isEqualTo(1);
        assertThat(c.tiedY()).isEqualTo(1);
        assertThat(c.tiedXY()).isZero();
        assertThat(c.s()).isEqualTo(4);
        assertThat(c.tauB()).isCloseTo(4.0 / 5.0, within(1e-15));
        assertThat(KendallTau.test(x, y).exact()).isFalse();
    }

    @Test
    void negative_zero_ties_with_zero() {
        KendallTau.Counts c = KendallTau.counts(new double[] {-0.0, 0.0, 1}, new double[] {1, 2, 3});
        assertThat(c.tiedX()).isEqualTo(1);
    }

    @Test
    void tau_is_undefined_when_a_variable_is_constant() {
        KendallTau.Test t = KendallTau.test(new double[] {1, 2, 3}, new double[] {4, 4, 4});
        assertThat(t.tau()).isNaN();
        assertThat(t.p()).isNaN();
    }
}
