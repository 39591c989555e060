package org.strokemeta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The logistic models' log(1 + x) is within a few units in the last place of StrictMath.log1p. */
class Log1pTest {
    @Test
    void log1p_is_within_two_units_in_the_last_place_on_its_range() {
        SplittableRandom r = new SplittableRandom(20261206);
        double worst = 0;
        for (int i = 0; i < 2_000_000; i++) {
            // the arguments the likelihoods use: e^-|eta| over its whole range, and -e^x for log(1 - e^x)
            double x = switch (i % 3) {
                case 0 -> Math.exp(-r.nextDouble(0, 745));
                case 1 -> r.nextDouble(-0.5, 1.0);
                default -> -Math.exp(r.nextDouble(-745, -0.6931471805599453));
            };
            double exact = StrictMath.log1p(x);
            if (exact != 0) {
                worst = Math.max(worst, Math.abs(CumulativeLogit.log1p(x) - exact) / Math.ulp(exact));
            }
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
        for (double x : new double[] {0.0, -0.0, Double.MIN_VALUE, 1e-300, 1e-17, 1e-16, 2.220446049250313E-16, 1.0, -0.5}) {
            assertThat(Math.abs(CumulativeLogit.log1p(x) - StrictMath.log1p(x))).isLessThanOrEqualTo(2 * Math.ulp(StrictMath.log1p(x)));
        }
    }
}
