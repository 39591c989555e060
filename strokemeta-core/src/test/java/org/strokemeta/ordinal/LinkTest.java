package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.internal.CumulativeLogit;

class LinkTest {
    @Test
    void parses_r_names_in_any_case_and_names_the_choices_of_an_unknown_one() {
        assertThat(Link.parse(" Probit ")).isEqualTo(Link.PROBIT);
        assertThat(Link.parse("CLOGLOG")).isEqualTo(Link.CLOGLOG);
        assertThat(Link.parse("logit").rName()).isEqualTo("logit");
        assertThatThrownBy(() -> Link.parse("cauchit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cauchit'").hasMessageContaining("logit, probit or cloglog");
    }

    @Test
    void options_require_a_link() {
        assertThatThrownBy(() -> PoOptions.defaults().withLink(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("link");
        assertThat(PoOptions.defaults().link()).isEqualTo(Link.LOGIT);
    }

    @Test
    void density_and_its_derivative_are_those_of_the_distribution_function() {
        double h = 1e-5;
        for (Link l : Link.values()) {
            for (double x : new double[] {-4, -1.3, 0, 0.7, 2.5}) {
                assertThat(l.cdf(x) + l.survival(x)).as(l + " F + S at " + x).isCloseTo(1, within(1e-15));
                assertThat(l.pdf(x)).as(l + " f at " + x).isCloseTo((l.cdf(x + h) - l.cdf(x - h)) / (2 * h), within(1e-9));
                assertThat(l.pdfDerivative(x)).as(l + " f' at " + x).isCloseTo((l.pdf(x + h) - l.pdf(x - h)) / (2 * h), within(1e-8));
                double p = l.cdf(x);
                assertThat(l.quantile(p)).as(l + " quantile at " + x).isCloseTo(x, within(1e-9));
            }
        }
    }

    @Test
    void logit_terms_agree_with_the_cumulative_logit_ones() {
        CumulativeLogit.Terms a = new CumulativeLogit.Terms();
        CumulativeLogit.Terms b = new CumulativeLogit.Terms();
        double[][] cuts = {{0.4, -0.8}, {3.1, 2.2}, {-1.5, Double.NEGATIVE_INFINITY}, {Double.POSITIVE_INFINITY, 1.2}};
        for (double[] c : cuts) {
            Link.LOGIT.terms(c[0], c[1], a);
            CumulativeLogit.terms(c[0], c[1], b);
            assertThat(a.logP).isCloseTo(b.logP, within(1e-14));
            assertThat(a.da).isCloseTo(b.da, within(1e-14));
            assertThat(a.db).isCloseTo(b.db, within(1e-14));
            assertThat(a.daa).isCloseTo(b.daa, within(1e-14));
            assertThat(a.dbb).isCloseTo(b.dbb, within(1e-14));
            assertThat(a.dab).isCloseTo(b.dab, within(1e-14));
        }
    }
}
