package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties every pooled analysis must have, whatever the data. */
class PoolingProperties {
    record Data(double[] y, double[] v) {
        @Override
        public String toString() {
            return "y=" + java.util.Arrays.toString(y) + " v=" + java.util.Arrays.toString(v);
        }
    }

    @Provide
    Arbitrary<Data> studies() {
        return Arbitraries.integers().between(2, 25).flatMap(k -> Combinators.combine(
                Arbitraries.doubles().between(-3, 3).ofScale(6).array(double[].class).ofSize(k),
                Arbitraries.doubles().between(0.005, 2).ofScale(6).array(double[].class).ofSize(k)).as(Data::new));
    }

    static double[] permute(double[] x, int[] p) {
        double[] o = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[p[i]];
        }
        return o;
    }

    @Property(tries = 200)
    void study_order_does_not_change_results(@ForAll("studies") Data d, @ForAll long seed) {
        int k = d.y().length;
        List<Integer> idx = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            idx.add(i);
        }
        java.util.Collections.shuffle(idx, new java.util.Random(seed));
        int[] p = idx.stream().mapToInt(Integer::intValue).toArray();
        for (Tau2Method t : Tau2Method.values()) {
            MetaOptions o = MetaOptions.defaults().withTau2(t);
            ModelFit a = InverseVariance.fit(MetaModel.interceptOnly(d.y(), d.v()).withUserWeights(weights(d.v())), o, true);
            ModelFit b = InverseVariance.fit(MetaModel.interceptOnly(permute(d.y(), p), permute(d.v(), p))
                    .withUserWeights(permute(weights(d.v()), p)), o, true);
            if (!a.converged() || !b.converged()) {
                // only the iterated DerSimonian-Laird estimator may cycle without settling (as metafor's does); it says so
                assertThat(t).isEqualTo(Tau2Method.DLIT);
                assertThat(a.converged()).isEqualTo(b.converged());
                continue;
            }
            double scale = 1e-8 * (1 + Math.abs(a.heterogeneity().tau2()));
            assertThat(b.heterogeneity().tau2()).as(t.name()).isCloseTo(a.heterogeneity().tau2(), within(scale));
            assertThat(b.beta()[0]).as(t.name()).isCloseTo(a.beta()[0], within(1e-8));
            assertThat(b.heterogeneity().q()).isCloseTo(a.heterogeneity().q(), within(1e-8 * (1 + a.heterogeneity().q())));
        }
    }

    @Property(tries = 200)
    void tau2_is_never_negative_and_i2_lies_between_0_and_100(@ForAll("studies") Data d) {
        for (Tau2Method t : Tau2Method.values()) {
            ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(d.y(), d.v()).withUserWeights(weights(d.v())),
                    MetaOptions.defaults().withTau2(t), true);
            assertThat(f.heterogeneity().tau2()).isGreaterThanOrEqualTo(0);
            assertThat(f.heterogeneity().i2()).isBetween(0.0, 100.0);
            // the iterated DerSimonian-Laird estimator can cycle without settling, as metafor's does: it is then reported
            assertThat(f.converged() || t == Tau2Method.DLIT).as(t.name()).isTrue();
            if (!f.converged()) {
                assertThat(f.tau2().message()).contains("did not converge");
            }
            if (f.heterogeneity().tau2Ci() != null) {
                assertThat(f.heterogeneity().tau2Ci().lower()).isLessThanOrEqualTo(f.heterogeneity().tau2Ci().upper());
            }
        }
    }

    @Property(tries = 200)
    void a_fixed_effect_ci_is_never_wider_than_the_random_effects_one_when_tau2_is_positive(@ForAll("studies") Data d) {
        MetaModel m = MetaModel.interceptOnly(d.y(), d.v());
        ModelFit re = InverseVariance.fit(m, MetaOptions.defaults(), false);
        ModelFit fe = InverseVariance.fit(m, MetaOptions.defaults().withModel(Model.FIXED), false);
        if (re.heterogeneity().tau2() > 0) {
            assertThat(fe.ciUpper()[0] - fe.ciLower()[0]).isLessThan(re.ciUpper()[0] - re.ciLower()[0]);
        }
    }

    @Property(tries = 100)
    void duplicating_every_study_halves_the_variance_of_the_fixed_effect_estimate(@ForAll("studies") Data d) {
        int k = d.y().length;
        double[] y2 = new double[2 * k];
        double[] v2 = new double[2 * k];
        for (int i = 0; i < k; i++) {
            y2[i] = y2[i + k] = d.y()[i];
            v2[i] = v2[i + k] = d.v()[i];
        }
        MetaOptions fe = MetaOptions.defaults().withModel(Model.FIXED);
        ModelFit one = InverseVariance.fit(MetaModel.interceptOnly(d.y(), d.v()), fe, false);
        ModelFit two = InverseVariance.fit(MetaModel.interceptOnly(y2, v2), fe, false);
        assertThat(two.se()[0] * two.se()[0]).isCloseTo(one.se()[0] * one.se()[0] / 2, within(1e-12 * one.se()[0] * one.se()[0]));
        assertThat(two.beta()[0]).isCloseTo(one.beta()[0], within(1e-12));
    }

    @Property(tries = 100)
    void the_reml_estimate_solves_its_score_equation(@ForAll("studies") Data d, @ForAll @IntRange(min = 0, max = 1) int ml) {
        Tau2Method t = ml == 1 ? Tau2Method.ML : Tau2Method.REML;
        MetaModel m = MetaModel.interceptOnly(d.y(), d.v());
        Tau2Estimate e = t.fit(m, FitControl.defaults());
        double tau2 = e.tau2();
        if (e.message() != null && e.message().startsWith("the likelihood is higher at tau² = 0")) {
            // metafor's rule for a multimodal likelihood: when Fisher scoring ends at a point whose likelihood is
            // below that at tau² = 0, tau² is set to 0 (rma warns "may have gotten stuck at a local maximum");
            // the score at 0 need not vanish then (jqwik seed -1952759178105601030 gives such data)
            assertThat(tau2).isZero();
            return;
        }
        MetaModel.Weighted w = m.at(tau2, true);
        double score = ml == 1 ? w.yppy() - w.sumW() : w.yppy() - w.trP();
        double scale = ml == 1 ? w.sumW() : w.trP();
        if (score < -1e-6 * scale) {
            // a maximum on the boundary: the iterates approach tau² = 0 from above (as in metafor)
            assertThat(tau2).isLessThan(1e-8);
        } else {
            assertThat(Math.abs(score)).isLessThan(1e-6 * scale);
        }
    }

    /** User weights for GENQ and GENQM (the other estimators ignore them): 1/sqrt(v), as sample sizes would be. */
    private static double[] weights(double[] v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = 1 / Math.sqrt(v[i]);
        }
        return a;
    }
}
