package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.internal.CumulativeLogit;
import org.strokemeta.pool.CountingExecutor;
import org.strokemeta.pool.Execution;
import org.strokemeta.data.PatientData;

class LikelihoodTest {
    /** A small data set with two trials, two covariates and every category used. */
    private static PatientData data(int n, double scale) {
        Random r = new Random(11);
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        double[] nihss = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = i % 2;
            tr[i] = (i / 2) % 2;
            age[i] = 40 + r.nextInt(50);
            nihss[i] = 2 + r.nextInt(25);
            double lat = scale * (-0.6 * tr[i] + 0.03 * (age[i] - 65) + 0.1 * (nihss[i] - 14)) + Math.log(1 / r.nextDouble() - 1);
            y[i] = Math.max(0, Math.min(4, (int) Math.floor(lat + 2)));
        }
        return Tables.patients(new String[] {"A", "B"}, st, tr, y, 5, List.of("age", "nihss"), age, nihss);
    }

    @Test
    void analytic_gradient_and_hessian_match_finite_differences_of_the_log_likelihood() {
        for (boolean nominal : new boolean[] {false, true}) {
            OrdinalDesign d = OrdinalDesign.build(OrdinalRows.of(data(400, 1)), Thresholds.STRATIFIED, EmptyCategories.REJECT,
                    nominal);
            Likelihood lik = new Likelihood(d);
            double[] par = d.start();
            // move away from the start so that no derivative vanishes by symmetry
            for (int k = 0; k < d.p(); k++) {
                par[d.betaStart + k] = 0.01 * (k + 1);
            }
            for (int j = 0; j < d.nominalCount(); j++) {
                par[d.nominalStart + j] = 0.2 + 0.05 * j;
            }
            Likelihood.Value v = lik.evaluate(par);
            int np = d.parameters;
            for (int i = 0; i < np; i++) {
                double h = 1e-5 * Math.max(1, Math.abs(par[i]));
                double[] up = par.clone();
                double[] dn = par.clone();
                up[i] += h;
                dn[i] -= h;
                Likelihood.Value vu = lik.evaluate(up);
                Likelihood.Value vd = lik.evaluate(dn);
                double g = (vu.nll() - vd.nll()) / (2 * h);
                assertThat(v.gradient()[i]).as("gradient %d (nominal %s)", i, nominal)
                        .isCloseTo(g, within(1e-5 * Math.max(1, Math.abs(g))));
                for (int j = 0; j < np; j++) {
                    double hd = (vu.gradient()[j] - vd.gradient()[j]) / (2 * h);
                    assertThat(v.hessian()[i * np + j]).as("hessian %d,%d (nominal %s)", i, j, nominal)
                            .isCloseTo(hd, within(1e-5 * Math.max(1, Math.abs(hd))));
                }
            }
        }
    }

    @Test
    void log_likelihood_equals_the_sum_of_cumulative_logit_log_probabilities_even_far_in_the_tails() {
        // a linear predictor up to several hundred on the logit scale exercises the log-scale fallback
        PatientData pd = data(200, 1);
        for (double scale : new double[] {1, 40, 300}) {
            OrdinalDesign d = OrdinalDesign.build(OrdinalRows.of(pd), Thresholds.COMMON, EmptyCategories.REJECT, false);
            double[] par = d.start();
            par[d.betaStart] = -0.6 * scale;
            par[d.covariateStart] = 0.03 * scale;
            par[d.covariateStart + 1] = 0.1 * scale;
            double expected = 0;
            CumulativeLogit.Terms t = new CumulativeLogit.Terms();
            for (int i = 0; i < pd.size(); i++) {
                double eta = par[d.betaStart] * pd.treatment()[i] + par[d.covariateStart] * pd.covariates()[0][i]
                        + par[d.covariateStart + 1] * pd.covariates()[1][i];
                int y = pd.outcome()[i];
                double a = y < 4 ? par[y] - eta : Double.POSITIVE_INFINITY;
                double b = y > 0 ? par[y - 1] - eta : Double.NEGATIVE_INFINITY;
                expected += CumulativeLogit.terms(a, b, t).logP;
            }
            double actual = -new Likelihood(d).evaluate(par).nll();
            assertThat(actual).as("scale %s", scale).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
        }
    }

    @Test
    void cut_points_out_of_order_give_an_infinite_negative_log_likelihood() {
        OrdinalDesign d = OrdinalDesign.build(OrdinalRows.of(data(100, 1)), Thresholds.COMMON, EmptyCategories.REJECT, false);
        double[] par = d.start();
        par[1] = par[0] - 0.1;
        assertThat(new Likelihood(d).evaluate(par).finite()).isFalse();
    }

    @Test
    void the_sum_over_blocks_does_not_depend_on_how_many_processors_run_them() {
        // more observations than one block, so the blocks are summed in parallel
        OrdinalDesign d = OrdinalDesign.build(OrdinalRows.of(data(3 * Likelihood.BLOCK + 17, 1)), Thresholds.STRATIFIED,
                EmptyCategories.REJECT, false);
        Likelihood lik = new Likelihood(d);
        double[] par = d.start();
        Likelihood.Value a = lik.evaluate(par);
        for (int r = 0; r < 5; r++) {
            Likelihood.Value b = lik.evaluate(par);
            assertThat(b.nll()).isEqualTo(a.nll());
            assertThat(b.gradient()).containsExactly(a.gradient());
            assertThat(b.hessian()).containsExactly(a.hessian());
        }
    }

    @Test
    void the_blocks_and_design_columns_give_the_same_sums_to_the_bit_on_any_execution() {
        PatientData pd = data(2 * Likelihood.BLOCK + 5, 1);
        OrdinalDesign pooled = OrdinalDesign.build(OrdinalRows.of(pd), Thresholds.STRATIFIED, EmptyCategories.REJECT, false);
        OrdinalDesign single = OrdinalDesign.build(OrdinalRows.of(pd), Thresholds.STRATIFIED, EmptyCategories.REJECT, false,
                Execution.singleThread());
        double[] par = pooled.start();
        assertThat(single.start()).containsExactly(par);
        Likelihood.Value a = new Likelihood(pooled).evaluate(par);
        Likelihood.Value b = new Likelihood(single, Execution.singleThread()).evaluate(par);
        assertThat(b.nll()).isEqualTo(a.nll());
        assertThat(b.gradient()).containsExactly(a.gradient());
        assertThat(b.hessian()).containsExactly(a.hessian());
        try (CountingExecutor ex = new CountingExecutor()) {
            OrdinalDesign counted = OrdinalDesign.build(OrdinalRows.of(pd), Thresholds.STRATIFIED, EmptyCategories.REJECT, false,
                    Execution.on(ex, 2));
            Likelihood.Value c = new Likelihood(counted, Execution.on(ex, 2)).evaluate(par);
            assertThat(c.nll()).isEqualTo(a.nll());
            assertThat(c.hessian()).containsExactly(a.hessian());
            // the design's two column passes and the likelihood's blocks each handed one task to the executor
            assertThat(ex.handed()).isEqualTo(3);
        }
    }
}
