package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;

/**
 * One study with a sampling variance far below the others' (1e-10 against 0.1): Fisher scoring once
 * took infinite steps here and halved them for ever. Reference values: strokemeta-core/src/test/r/extreme_variance_reference.R
 * (metafor answers these data at once). The timeouts are hang guards, not timing tests.
 */
class ExtremeInputTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    static EffectSizes generic(String csv) {
        return EffectCalculator.generic(StudyLoader.generic(CsvReader.parse("h.csv", csv), StudyLoader.GenericInput.defaults()));
    }

    static final String NO_HETEROGENEITY = "study,yi,vi\nA,-0.8,1e-10\nB,-0.6,0.12\nC,-0.7,0.36\n";
    static final String HETEROGENEITY = "study,yi,vi\nA,-0.8,1e-10\nB,0.5,0.01\nC,-1.5,0.02\nD,0.2,0.05\n";

    @Test
    void reml_with_one_nearly_exact_study_ends_and_matches_metafor() {
        MetaResult r = assertTimeoutPreemptively(GUARD, () -> MetaAnalysis.run(generic(NO_HETEROGENEITY), MetaOptions.defaults()));
        assertThat(r.converged()).isTrue();
        assertThat(r.heterogeneity().tau2()).isZero();
        assertThat(r.pooled().estimate()).isCloseTo(-0.79999999980555558, within(1e-12));
        assertThat(r.pooled().se()).isCloseTo(9.9999999944444439e-06, within(1e-15));
        // metafor's Q-profile bounds come from uniroot at tolerance 1.2e-4; strokemeta's from Newton's method
        assertThat(r.heterogeneity().tau2Ci().lower()).isZero();
        assertThat(r.heterogeneity().tau2Ci().upper()).isCloseTo(0.33699095598826473, within(1e-4 * 0.337));
    }

    @Test
    void every_fisher_scoring_estimator_with_one_nearly_exact_study_matches_metafor_and_its_fallback_is_not_needed() {
        EffectSizes es = generic(HETEROGENEITY);
        double[][] metafor = {
            {0.82733171113355009, -0.4048571576292575, 0.4601425648781583},
            {0.61557637141236909, -0.40640791275196636, 0.39844584489088558},
            {0.82704584724246855, -0.40485874498277946, 0.46006486520672529}};
        Tau2Method[] methods = {Tau2Method.REML, Tau2Method.ML, Tau2Method.EB};
        for (int i = 0; i < methods.length; i++) {
            for (boolean fallback : new boolean[] {true, false}) {
                MetaOptions o = MetaOptions.defaults().withTau2(methods[i])
                        .withControl(FitControl.defaults().withScoreFallback(fallback));
                MetaResult r = assertTimeoutPreemptively(GUARD, () -> MetaAnalysis.run(es, o));
                String what = methods[i] + ", fallback " + fallback;
                assertThat(r.converged()).as(what).isTrue();
                assertThat(r.tau2().message()).as(what).isNull();
                // metafor stops at a change below 1e-5, strokemeta at 1e-10: agreement to 1e-8 relative
                assertThat(r.heterogeneity().tau2()).as(what).isCloseTo(metafor[i][0], within(1e-8 * metafor[i][0]));
                assertThat(r.pooled().estimate()).as(what).isCloseTo(metafor[i][1], within(1e-8));
                assertThat(r.pooled().se()).as(what).isCloseTo(metafor[i][2], within(1e-8));
            }
        }
        MetaResult reml = MetaAnalysis.run(es, MetaOptions.defaults());
        assertThat(reml.heterogeneity().tau2Ci().lower()).isCloseTo(0.2524595810, within(1e-4 * 0.2525));
        assertThat(reml.heterogeneity().tau2Ci().upper()).isCloseTo(11.750625974, within(1e-4 * 11.75));
    }

    @Test
    void counts_of_ten_billion_end_and_match_metafor() {
        String csv = "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,1e10,1e11,2e10,1e11\nB,10,100,20,100\nC,5,50,9,50\n";
        EffectSizes es = EffectCalculator.binary(Measure.OR, StudyLoader.binary(CsvReader.parse("hb.csv", csv)), Continuity.defaults());
        for (Tau2Method t : Tau2Method.values()) {
            if (t.needsWeights()) {
                continue; // GENQ and GENQM need a weights column (their extremes: PoolingProperties, WeightsTest)
            }
            MetaResult r = assertTimeoutPreemptively(GUARD, () -> MetaAnalysis.run(es, MetaOptions.defaults().withTau2(t)));
            assertThat(r.converged()).as(t.name()).isTrue();
            if (t == Tau2Method.REML) {
                assertThat(r.heterogeneity().tau2()).isZero();
                assertThat(r.pooled().estimate()).isCloseTo(-0.81093021615321081, within(1e-10));
                assertThat(r.pooled().se()).isCloseTo(1.3176156907582829e-05, within(1e-12));
            }
        }
    }

    @Test
    void traces_of_p_keep_their_digits_when_one_study_holds_nearly_all_the_weight() {
        // tr(P) and tr(PP) from P's elements, here with w = 1e10, 1/0.12, 1/0.36 at tau² = 0
        double[] w = {1e10, 1 / 0.12, 1 / 0.36};
        double sw = w[0] + w[1] + w[2];
        double trP = 0;
        double trPP = 0;
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double pij = (i == j ? w[i] : 0) - w[i] * w[j] / sw;
                if (i == j) {
                    // w_i (Σw − w_i) / Σw with Σw − w_i summed exactly
                    pij = w[i] * ((i == 0 ? w[1] + w[2] : sw - w[i])) / sw;
                    trP += pij;
                }
                trPP += pij * pij;
            }
        }
        MetaModel.Weighted x = MetaModel.interceptOnly(new double[] {-0.8, -0.6, -0.7}, new double[] {1e-10, 0.12, 0.36}).at(0, true);
        assertThat(x.trP()).isCloseTo(trP, within(1e-9 * trP));
        assertThat(x.trPP()).isCloseTo(trPP, within(1e-9 * trPP));
    }

    @Test
    void a_step_that_cannot_be_computed_ends_fisher_scoring_as_not_converged_when_the_fallback_is_off() {
        // effects of 1e300 apart: Q, the score and the information overflow at every tau²
        MetaModel m = MetaModel.interceptOnly(new double[] {-1e300, 1e300, 0}, new double[] {1, 2, 3});
        for (Tau2Method t : new Tau2Method[] {Tau2Method.REML, Tau2Method.ML, Tau2Method.EB}) {
            Tau2Estimate strict = assertTimeoutPreemptively(GUARD, () -> t.fit(m, FitControl.defaults().withScoreFallback(false)));
            assertThat(strict.converged()).as(t.name()).isFalse();
            assertThat(strict.message()).as(t.name()).contains("Fisher scoring for " + t.name());
            Tau2Estimate fallback = assertTimeoutPreemptively(GUARD, () -> t.fit(m, FitControl.defaults()));
            assertThat(fallback.converged() && !Double.isFinite(fallback.tau2())).as(t.name()).isFalse();
        }
    }

    @Test
    void brent_gives_up_on_a_score_it_cannot_evaluate() {
        assertThat(Tau2Method.solve(t -> Double.NaN, 0, 1)).isNaN();
        assertThat(Tau2Method.solve(t -> t < 0.5 ? Double.POSITIVE_INFINITY : -1, 0, 1)).isNaN();
        assertThat(Tau2Method.solve(t -> 0.25 - t, 0, 1)).isCloseTo(0.25, within(1e-15));
    }
}
