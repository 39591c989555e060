package org.strokemeta.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.internal.Quadrature;

class BayesMetaTest {
    // log odds ratios and variances of six trials (the lidocaine trials of metadat's dat.hine1989)
    private static final double[] Y = {0.8198988862, 0, 0.6225296, 0.5184537, 0.7646646, 0.4228807};
    private static final double[] V = {1.5508365508, 0.55, 0.3142857, 0.2733813, 0.4346429, 0.6318182};

    @Test
    void every_tau_prior_is_a_density() {
        for (TauPrior p : List.of(TauPrior.halfNormal(0.5), TauPrior.halfCauchy(0.5), TauPrior.halfStudentT(0.5, 3),
                TauPrior.uniform(2), TauPrior.exponential(0.3), TauPrior.logNormalTau2(-2.56, 1.74))) {
            double upper = Math.min(p.upper(), 50);
            double mass = Quadrature.integrate(t -> Math.exp(p.logDensity(t)), 0, Math.min(upper, 1), 1e-12)
                    + (upper > 1 ? Quadrature.integrate(u -> {
                        double t = 1 / u;
                        return Math.exp(p.logDensity(t)) / (u * u);
                    }, 1 / upper, 1, 1e-12) : 0);
            if (p.kind() == TauPrior.Kind.HALF_CAUCHY || p.kind() == TauPrior.Kind.HALF_STUDENT_T) {
                // the mass beyond 50: 2/π atan(s/50) for the half-Cauchy; about the same for the t
                mass += p.kind() == TauPrior.Kind.HALF_CAUCHY ? 2 / Math.PI * Math.atan(0.5 / 50) : 0;
                assertThat(mass).as(p.describe()).isCloseTo(1, within(1e-4));
            } else {
                if (p.kind() == TauPrior.Kind.LOGNORMAL_TAU2) {
                    // the mass beyond 50: P(log tau² > 2 log 50)
                    mass += org.apache.commons.statistics.distribution.NormalDistribution.of(p.mean(), p.sd())
                            .survivalProbability(2 * Math.log(50));
                }
                assertThat(mass).as(p.describe()).isCloseTo(1, within(1e-9));
            }
            assertThat(p.quantile(0.5)).isPositive();
        }
    }

    @Test
    void a_pinned_tau_gives_the_random_effects_estimate_with_that_tau() {
        double tau2 = 0.04;
        BayesResult r = BayesMeta.fit(null, Y, V, new BayesOptions(MuPrior.FLAT, TauPrior.logNormalTau2(Math.log(tau2), 1e-4), 0.95,
                List.of()));
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < Y.length; i++) {
            sw += 1 / (V[i] + tau2);
            swy += Y[i] / (V[i] + tau2);
        }
        assertThat(r.mu().mean()).isCloseTo(swy / sw, within(1e-6));
        assertThat(r.mu().sd()).isCloseTo(Math.sqrt(1 / sw), within(1e-6));
        assertThat(r.mu().lower()).isCloseTo(swy / sw - 1.959963984540054 * Math.sqrt(1 / sw), within(1e-5));
        assertThat(r.tau().median()).isCloseTo(0.2, within(1e-5));
    }

    @Test
    void shortest_intervals_are_no_wider_than_equal_tailed_ones_and_the_order_of_trials_does_not_matter() {
        BayesOptions o = BayesOptions.of(TauPrior.halfNormal(0.5)).withMuPrior(MuPrior.normal(0, 4)).withLevel(0.9)
                .withThresholds(List.of(0.0, Math.log(1.2)));
        BayesResult r = BayesMeta.fit(null, Y, V, o);
        for (BayesResult.Summary s : List.of(r.mu(), r.tau(), r.predictive())) {
            assertThat(s.shortestUpper() - s.shortestLower()).isLessThanOrEqualTo(s.upper() - s.lower() + 1e-9);
            assertThat(s.lower()).isLessThan(s.median());
            assertThat(s.median()).isLessThan(s.upper());
        }
        assertThat(r.exceedance()[0]).isCloseTo(1 - r.probMuNegative(), within(1e-12));
        assertThat(r.exceedance()[1]).isLessThan(r.exceedance()[0]);
        double[] y2 = {Y[5], Y[4], Y[3], Y[2], Y[1], Y[0]};
        double[] v2 = {V[5], V[4], V[3], V[2], V[1], V[0]};
        BayesResult q = BayesMeta.fit(null, y2, v2, o);
        assertThat(q.mu().mean()).isCloseTo(r.mu().mean(), within(1e-10));
        assertThat(q.tau().upper()).isCloseTo(r.tau().upper(), within(1e-9));
        assertThat(q.shrinkage().get(0).mean()).isCloseTo(r.shrinkage().get(5).mean(), within(1e-10));
        assertThat(q.logMarginalLikelihood()).isCloseTo(r.logMarginalLikelihood(), within(1e-10));
        // each shrunken effect lies between its trial's estimate and the overall mean
        for (int i = 0; i < Y.length; i++) {
            double s = r.shrinkage().get(i).mean();
            assertThat(s).isBetween(Math.min(Y[i], r.mu().mean()) - 1e-9, Math.max(Y[i], r.mu().mean()) + 1e-9);
        }
    }

    @Test
    void the_bayes_factor_is_the_savage_dickey_density_ratio() {
        // p(mu = 0 | y) / p(mu = 0), the posterior density from differences of the posterior probability
        MuPrior prior = MuPrior.normal(0, 2);
        BayesOptions o = new BayesOptions(prior, TauPrior.halfCauchy(0.5), 0.95, List.of(-1e-4, 1e-4));
        BayesResult r = BayesMeta.fit(null, Y, V, o);
        double density = (r.exceedance()[0] - r.exceedance()[1]) / 2e-4;
        double priorDensity = 1 / (2 * Math.sqrt(2 * Math.PI));
        assertThat(r.bayesFactorMu0()).isCloseTo(density / priorDensity, within(1e-6 * r.bayesFactorMu0()));
    }

    @Test
    void says_what_it_cannot_take() {
        assertThatThrownBy(() -> TauPrior.halfNormal(0)).hasMessageContaining("positive, finite scale");
        assertThatThrownBy(() -> TauPrior.parse("gamma:1")).hasMessageContaining("unknown tau prior");
        assertThatThrownBy(() -> TauPrior.parse("half-normal")).hasMessageContaining("lacks a number");
        assertThat(TauPrior.parse("lognormal:-2.56:1.74")).isEqualTo(TauPrior.logNormalTau2(-2.56, 1.74));
        assertThatThrownBy(() -> MuPrior.normal(0, -1)).hasMessageContaining("positive sd");
        assertThatThrownBy(() -> BayesMeta.fit(null, new double[] {0.1}, new double[] {0}, BayesOptions.of(TauPrior.halfNormal(1))))
                .hasMessageContaining("variance that is not positive");
        BayesResult flat = BayesMeta.fit(null, Y, V, BayesOptions.of(TauPrior.halfNormal(1)));
        assertThat(flat.logMarginalLikelihood()).isNaN();
        assertThat(flat.notes()).anySatisfy(n -> assertThat(n).contains("improper"));
    }
}
