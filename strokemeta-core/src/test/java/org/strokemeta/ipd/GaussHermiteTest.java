package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.Gamma;
import org.junit.jupiter.api.Test;

class GaussHermiteTest {
    /** ∫ x^k e^{−x²} dx over the real line: Γ((k+1)/2) for even k, 0 for odd k. */
    private static double moment(int k) {
        return k % 2 == 1 ? 0 : Gamma.value((k + 1) / 2.0);
    }

    @Test
    void integrates_every_polynomial_of_degree_up_to_2n_minus_1_exactly() {
        for (int n = 1; n <= 30; n++) {
            GaussHermite g = GaussHermite.of(n);
            for (int k = 0; k <= 2 * n - 1; k++) {
                final int kk = k;
                double got = g.integrate(x -> Math.pow(x, kk));
                double want = moment(k);
                // relative to the size of the terms summed (the odd moments cancel to 0)
                double scale = g.integrate(x -> Math.abs(Math.pow(x, kk)));
                assertThat(got).as("n=%d, degree %d", n, k).isCloseTo(want, within(1e-13 * Math.max(scale, 1)));
            }
        }
    }

    @Test
    void is_not_exact_for_degree_2n() {
        for (int n = 1; n <= 10; n++) {
            GaussHermite g = GaussHermite.of(n);
            final int k = 2 * n;
            assertThat(Math.abs(g.integrate(x -> Math.pow(x, k)) - moment(k))).as("n=%d", n).isGreaterThan(1e-6 * moment(k));
        }
    }

    @Test
    void matches_the_closed_forms_of_the_two_and_three_point_rules() {
        GaussHermite two = GaussHermite.of(2);
        assertThat(two.node(1)).isCloseTo(Math.sqrt(0.5), within(1e-15));
        assertThat(two.weight(0)).isCloseTo(Math.sqrt(Math.PI) / 2, within(1e-15));
        GaussHermite three = GaussHermite.of(3);
        assertThat(three.node(0)).isCloseTo(-Math.sqrt(1.5), within(1e-15));
        assertThat(three.node(1)).isEqualTo(0.0);
        assertThat(three.weight(1)).isCloseTo(2 * Math.sqrt(Math.PI) / 3, within(1e-15));
        assertThat(three.weight(2)).isCloseTo(Math.sqrt(Math.PI) / 6, within(1e-15));
    }

    @Test
    void outermost_weights_keep_their_relative_accuracy() {
        // for n = 20 the outer weight is about 2.2e-22; the Christoffel form keeps it to full relative accuracy,
        // checked against the closed form w = 2^{n-1} n! sqrt(pi) / (n^2 H_{n-1}(x)^2) with H by its recurrence
        int n = 20;
        GaussHermite g = GaussHermite.of(n);
        double x = g.node(n - 1);
        double hPrev = 1;
        double h = 2 * x;
        for (int j = 1; j < n - 1; j++) {
            double next = 2 * x * h - 2 * j * hPrev;
            hPrev = h;
            h = next;
        }
        double logW = (n - 1) * Math.log(2) + org.apache.commons.numbers.gamma.LogGamma.value(n + 1) + 0.5 * Math.log(Math.PI)
                - 2 * Math.log(n) - 2 * Math.log(Math.abs(h));
        assertThat(g.weight(n - 1)).isCloseTo(Math.exp(logW), within(1e-12 * Math.exp(logW)));
    }

    @Test
    void the_normal_expectation_of_z_squared_is_one() {
        assertThat(GaussHermite.of(5).expectNormal(z -> z * z)).isCloseTo(1.0, within(1e-14));
    }

    @Test
    void refuses_a_rule_without_points_or_with_too_many() {
        assertThatThrownBy(() -> GaussHermite.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and");
        assertThatThrownBy(() -> GaussHermite.of(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
