package org.strokemeta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Adaptive Gauss-Kronrod against integrals known in closed form. */
class QuadratureTest {
    @Test
    void known_integrals() {
        assertThat(Quadrature.integrate(Math::exp, 0, 1, 1e-15)).isCloseTo(Math.E - 1, within(1e-14));
        assertThat(Quadrature.integrate(x -> 1 / (1 + x * x), 0, 1000, 1e-15)).isCloseTo(Math.atan(1000), within(1e-13));
        // a peak the first rule barely sees: the halving finds it
        assertThat(Quadrature.integrate(x -> Math.exp(-1e4 * (x - 0.3) * (x - 0.3)), 0, 1, 1e-15))
                .isCloseTo(Math.sqrt(Math.PI / 1e4), within(1e-13));
        assertThat(Quadrature.integrate(Math::sqrt, 0, 1, 1e-14)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void an_integrand_that_is_not_finite_gives_nan() {
        assertThat(Quadrature.integrate(x -> 1 / (x - 0.5), 0, 1, 1e-12)).isNaN();
    }
}
