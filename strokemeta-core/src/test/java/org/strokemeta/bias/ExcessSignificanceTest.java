package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;

/** The exact distribution of O and the settings' checks. */
class ExcessSignificanceTest {
    @Test
    void equal_powers_give_the_binomial_distribution() {
        double[] pow = new double[12];
        java.util.Arrays.fill(pow, 0.3);
        BinomialDistribution b = BinomialDistribution.of(12, 0.3);
        assertThat(ExcessSignificance.exact(pow, 6, ExcessSignificance.Alternative.GREATER)).isCloseTo(b.survivalProbability(5), within(1e-15));
        assertThat(ExcessSignificance.exact(pow, 2, ExcessSignificance.Alternative.LESS)).isCloseTo(b.cumulativeProbability(2), within(1e-15));
        assertThat(ExcessSignificance.exact(pow, 0, ExcessSignificance.Alternative.GREATER)).isCloseTo(1.0, within(1e-15));
    }

    @Test
    void bad_settings_and_data_are_refused() {
        assertThatThrownBy(() -> ExcessSignificance.Alternative.parse("both")).hasMessageContaining("two.sided, greater or less");
        assertThatThrownBy(() -> ExcessSignificance.Test.parse("fisher")).hasMessageContaining("auto, exact, chi2 or binom");
        ExcessSignificance.Settings d = ExcessSignificance.Settings.defaults();
        assertThatThrownBy(() -> new ExcessSignificance.Settings(0, d.alternative(), 1.5, d.tesAlternative(), 0.1, d.test(), true))
                .hasMessageContaining("between 0 and 1");
        assertThatThrownBy(() -> ExcessSignificance.of(new double[] {0.1}, new double[] {0}, 0, 0, d))
                .hasMessageContaining("positive sampling variances");
    }
}
