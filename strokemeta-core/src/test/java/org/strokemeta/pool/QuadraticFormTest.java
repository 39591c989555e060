package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

/** Ruben's series for the distribution of Σ λ_j χ²₁ against closed forms. */
class QuadraticFormTest {
    @Test
    void equal_weights_give_the_scaled_chi_squared_distribution() {
        ChiSquaredDistribution c3 = ChiSquaredDistribution.of(3);
        for (double q : new double[] {0.01, 0.5, 3, 7.5, 30}) {
            assertThat(QuadraticForm.cdf(new double[] {2, 2, 2}, q)).isCloseTo(c3.cumulativeProbability(q / 2), within(1e-14));
        }
    }

    @Test
    void two_different_weights_match_the_convolution_of_their_laws() {
        double[] l = {1, 4};
        for (double q : new double[] {0.2, 1, 5, 20}) {
            assertThat(QuadraticForm.cdf(l, q)).isCloseTo(convolution(q), within(1e-13));
        }
    }

    /**
     * P(X + 4Y ≤ q) for independent χ²₁ X and Y: with 4Y = q sin²θ the integral over Y's density becomes
     * (2π)^-½ √q ∫ cos θ e^(−q sin²θ / 8) erf(√(q/2) cos θ) dθ on [0, π/2], a smooth integrand (Simpson's rule).
     */
    private static double convolution(double q) {
        int n = 20_000;
        double h = Math.PI / 2 / n;
        double s = 0;
        for (int i = 0; i <= n; i++) {
            double t = i * h;
            double f = Math.cos(t) * Math.exp(-q * Math.sin(t) * Math.sin(t) / 8)
                    * org.apache.commons.numbers.gamma.Erf.value(Math.sqrt(q / 2) * Math.cos(t));
            s += f * (i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2);
        }
        return s * h / 3 * Math.sqrt(q) / Math.sqrt(2 * Math.PI);
    }

    @Test
    void edges_are_what_a_distribution_function_gives() {
        assertThat(QuadraticForm.cdf(new double[] {1, 2}, 0)).isZero();
        assertThat(QuadraticForm.cdf(new double[] {1, 2}, -1)).isZero();
        assertThat(QuadraticForm.cdf(new double[] {1, 2}, Double.NaN)).isNaN();
        // a spread of weights the series cannot reach in its terms is reported as not computable, never as a number
        double wide = QuadraticForm.cdf(new double[] {1, 1e-9}, 1);
        assertThat(Double.isNaN(wide) || (wide >= 0 && wide <= 1)).isTrue();
        assertThat(QuadraticForm.cdf(new double[] {1, 2}, 1e6)).isCloseTo(1.0, within(1e-13));
    }
}
