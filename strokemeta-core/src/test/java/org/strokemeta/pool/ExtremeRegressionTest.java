package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Meta-regression (one numeric moderator) where one study's sampling variance is 1e-10 or 1e-300, or
 * the variances range from 1e-6 to 1e6: the general (p &gt; 1) path once solved X'WX and took tr(PP)
 * from sums of powers of the weights, which gave a DL tau² of 0.888 for 0.814 at 1e-10, 0 at 1e-12,
 * and an internal error at 1e-300. Reference values: strokemeta-core/src/test/r/extreme_regression_reference.R, which
 * prints metafor 3.8.1 (at its default threshold and at threshold 1e-12, maxiter 1000) beside an
 * independent cancellation-free computation by error contrasts (P = K (K'VK)⁻¹ K').
 *
 * <p>Where metafor is itself imprecise the test says so and uses the error-contrast reference:
 * metafor's P = W − WX(X'WX)⁻¹X'W loses digits at tau² = 0 with a weight of 1e10 (its QE is 210.50
 * where Q(0) is 213.90, so its DL tau² is 0.8279 for 0.8139), it stops at 1e-300 ("singular matrix
 * 'a' in solve"), and its PM is found by uniroot at tolerance 1.2e-4. The timeouts are hang guards.
 */
class ExtremeRegressionTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final double REL = 1e-6;

    private static final double[] Y = {-0.8, 0.5, -1.5, 0.2, 0.9, -0.3};
    private static final double[] X = {1, 2, 3, 4, 5, 6};

    static MetaModel tiny(double vb) {
        return MetaModel.withModerators(Y, new double[] {vb, 0.01, 0.02, 0.05, 0.03, 0.04}, List.of("x"), new double[][] {X});
    }

    static MetaModel huge() {
        return MetaModel.withModerators(new double[] {0.3, -0.2, 1.1, 0.4, -0.9, 0.7, 0.05, 2.5},
                new double[] {1e6, 1e-6, 0.02, 0.5, 1e3, 0.04, 0.3, 3e-6}, List.of("x"),
                new double[][] {{0.5, 1.5, 2, 3.5, 4, 5, 6.5, 8}});
    }

    /** Fits and compares tau², b0, b1, se0, se1 at relative tolerance {@code rel}. */
    static ModelFit check(MetaModel m, Tau2Method method, CiMethod ci, double rel, double... expected) {
        MetaOptions o = MetaOptions.defaults().withTau2(method).withCi(ci);
        ModelFit f = assertTimeoutPreemptively(GUARD, () -> InverseVariance.fit(m, o, false));
        String what = method + " " + ci;
        assertThat(f.converged()).as(what).isTrue();
        assertThat(f.heterogeneity().tau2()).as(what + " tau2").isCloseTo(expected[0], within(rel * expected[0] + 1e-300));
        assertThat(f.beta()[0]).as(what + " b0").isCloseTo(expected[1], within(rel * Math.abs(expected[1])));
        assertThat(f.beta()[1]).as(what + " b1").isCloseTo(expected[2], within(rel * Math.abs(expected[2])));
        assertThat(f.se()[0]).as(what + " se0").isCloseTo(expected[3], within(rel * expected[3]));
        assertThat(f.se()[1]).as(what + " se1").isCloseTo(expected[4], within(rel * expected[4]));
        return f;
    }

    @Test
    void fisher_scoring_estimators_with_a_variance_of_1e_minus_10_match_metafor_at_a_tight_threshold() {
        MetaModel m = tiny(1e-10);
        check(m, Tau2Method.REML, CiMethod.Z, REL,
                0.85719627071510041, -0.70889863493418337, 0.1547914867985149, 0.8669270944594607, 0.22392392306148901);
        check(m, Tau2Method.ML, CiMethod.Z, REL,
                0.5645844475531745, -0.70995377234521495, 0.15503456952093742, 0.70561735928127933, 0.18280374312511152);
        check(m, Tau2Method.EB, CiMethod.Z, REL,
                0.85270467607753397, -0.70890968364817974, 0.15479401820960492, 0.86467864070698719, 0.22334999271044714);
        check(m, Tau2Method.REML, CiMethod.KNHA, REL,
                0.85719627071510041, -0.70889863493418337, 0.1547914867985149, 0.8647082224330509, 0.22335079697960677);
    }

    @Test
    void moment_estimators_with_a_variance_of_1e_minus_10_match_the_cancellation_free_reference() {
        MetaModel m = tiny(1e-10);
        // Q and tr(P) at tau² = 0, with a weight of 1e10 (metafor: QE 210.50052627704105)
        MetaModel.Weighted fe = m.at(0, true);
        assertThat(fe.rss()).isCloseTo(213.89572706583368, within(1e-8 * 213.9));
        assertThat(fe.trP()).isCloseTo(257.88402754006461, within(1e-8 * 257.9));
        ModelFit dl = check(m, Tau2Method.DL, CiMethod.Z, 1e-8,
                0.81391518919575001, -0.70900985820528784, 0.15481698276988751, 0.84501186816582641, 0.21833071224657513);
        // metafor's DL, from its imprecise QE, is 0.82792442288760593
        assertThat(dl.heterogeneity().tau2()).isNotCloseTo(0.82792442288760593, within(1e-3));
        ModelFit pm = check(m, Tau2Method.PM, CiMethod.Z, 1e-8,
                0.85270467607753053, -0.70890968364817919, 0.15479401820960484, 0.86467864070698508, 0.22334999271044664);
        // metafor's PM (uniroot, tolerance 1.2e-4): 0.85271566241432228
        assertThat(pm.heterogeneity().tau2()).isCloseTo(0.85271566241432228, within(1e-4));
    }

    @Test
    void a_variance_of_1e_minus_300_gives_the_limit_that_metafor_cannot_compute() {
        MetaModel m = tiny(1e-300);
        check(m, Tau2Method.REML, CiMethod.Z, 1e-8,
                0.85719627070655546, -0.70889863495352901, 0.15479148680266833, 0.86692709442901583, 0.22392392305572822);
        check(m, Tau2Method.REML, CiMethod.KNHA, 1e-8,
                0.85719627070655546, -0.70889863495352901, 0.15479148680266833, 0.86470822240778289, 0.22335079697517782);
        check(m, Tau2Method.EB, CiMethod.Z, 1e-8,
                0.85270467607934763, -0.7089096836676011, 0.15479401821377442, 0.86467864068165157, 0.22334999270599615);
        check(m, Tau2Method.PM, CiMethod.Z, 1e-8,
                0.85270467607934763, -0.7089096836676011, 0.15479401821377442, 0.86467864068165157, 0.22334999270599615);
        check(m, Tau2Method.DL, CiMethod.Z, 1e-8,
                0.81391518737672575, -0.70900985823055107, 0.15481698277538364, 0.8450118672059358, 0.21833071200369364);
        MetaModel.Weighted fe = m.at(0, true);
        assertThat(fe.rss()).isCloseTo(213.89572736520859, within(1e-8 * 213.9));
        assertThat(fe.trP()).isCloseTo(257.88402848423203, within(1e-8 * 257.9));
        // ML: the likelihood at tau² = 0 (where the study of variance 1e-300 is fitted exactly) is higher
        // than at the root of the score equation, so tau² = 0 (metafor's rule), with that study's effect as the fit
        ModelFit ml = assertTimeoutPreemptively(GUARD, () -> InverseVariance.fit(m, MetaOptions.defaults().withTau2(Tau2Method.ML), false));
        assertThat(ml.converged()).isTrue();
        assertThat(ml.heterogeneity().tau2()).isZero();
        assertThat(ml.beta()[0]).isCloseTo(-1.0497456765005087, within(1e-12));
        assertThat(ml.beta()[1]).isCloseTo(0.24974567650050852, within(1e-12));
        assertThat(ml.se()[0]).isCloseTo(0.024705796865902688, within(1e-8 * 0.0247));
        assertThat(ml.se()[1]).isCloseTo(0.024705796865902688, within(1e-8 * 0.0247));
    }

    @Test
    void variances_from_1e_minus_6_to_1e6_match_metafor() {
        MetaModel m = huge();
        check(m, Tau2Method.REML, CiMethod.Z, REL,
                0.69508243444101347, -0.21935119056561281, 0.2390411011672515, 0.75175961744792208, 0.15008382121472555);
        check(m, Tau2Method.REML, CiMethod.KNHA, REL,
                0.69508243444101347, -0.21935119056561281, 0.2390411011672515, 0.60576396105752051, 0.12093675680308674);
        check(m, Tau2Method.EB, CiMethod.Z, REL,
                0.41310647425320779, -0.23362744906704502, 0.25056225110700325, 0.58678751332119972, 0.11714698336450814);
        check(m, Tau2Method.DL, CiMethod.Z, REL,
                0.52162807369781916, -0.22664541026251062, 0.24501375604698253, 0.65552790999672905, 0.13086571340769229);
        // PM: metafor's uniroot answer is 0.41308495201518042; the root of Q = k − p is EB's
        check(m, Tau2Method.PM, CiMethod.Z, REL,
                0.41310647425947378, -0.23362744906655941, 0.25056225110662278, 0.58678751332541856, 0.11714698336534994);
        // ML: Fisher scoring starts at HE = 0, where the score is negative (Σw = 1.3e6), and stays there as in
        // metafor, a maximum on the boundary (the interior root of the score equation is 0.4026)
        ModelFit ml = assertTimeoutPreemptively(GUARD, () -> InverseVariance.fit(m, MetaOptions.defaults().withTau2(Tau2Method.ML), false));
        assertThat(ml.heterogeneity().tau2()).isZero();
        assertThat(ml.beta()[0]).isCloseTo(-0.82301927148010867, within(REL * 0.823));
        assertThat(ml.beta()[1]).isCloseTo(0.41537437827602458, within(REL * 0.415));
        assertThat(ml.se()[0]).isCloseTo(0.0012940230340602989, within(REL * 0.00129));
        assertThat(ml.se()[1]).isCloseTo(0.00030768954872870824, within(REL * 0.000308));
        assertThat(m.at(0, true).rss()).isCloseTo(78.558483884076992, within(REL * 78.56));
    }

    @Test
    void a_saturated_fixed_effect_regression_is_fitted_with_qe_on_zero_df_as_metafor() {
        // src/test/r/saturated_fixed_regression_reference.R: two double-zero studies (0.5 added), mods = ~ x, method = "FE"
        org.strokemeta.data.Table t = org.strokemeta.data.CsvReader.parse("sat.csv",
                "study,events_treat,total_treat,events_ctrl,total_ctrl,x\ns1,0,20,0,25,1\ns2,0,30,0,31,2\n");
        org.strokemeta.study.MetaRequest r = org.strokemeta.study.MetaRequest.defaults()
                .withOptions(MetaOptions.defaults().withModel(Model.FIXED)).withModerators(List.of("x"))
                .withPermutations(org.strokemeta.study.MetaRequest.EXACT, 1);
        org.strokemeta.study.MetaRun.Outcome o = assertTimeoutPreemptively(GUARD, () -> org.strokemeta.Meta.analyze(t, r).get(0));
        var reg = o.regression();
        assertThat(reg.coefficients().get(0).estimate()).isCloseTo(0.404246269821814, within(REL * 0.404246269821814));
        assertThat(reg.coefficients().get(1).estimate()).isCloseTo(-0.185992703801797, within(REL * 0.185992703801797));
        assertThat(reg.coefficients().get(0).se()).isCloseTo(4.51846407679750, within(REL * 4.51846407679750));
        assertThat(reg.coefficients().get(1).se()).isCloseTo(2.85526340134694, within(REL * 2.85526340134694));
        assertThat(reg.omnibus().statistic()).isCloseTo(0.00424325819399891, within(REL * 0.00424325819399891));
        assertThat(reg.heterogeneity().q()).isCloseTo(0, within(1e-12));
        assertThat(o.permutation().qmP()).isEqualTo(1.0);
    }
}

