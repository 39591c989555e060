package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaOptions;

/**
 * Egger's regression tests and trim-and-fill (whose side regression is Egger's meta-regression) when one
 * study's sampling variance is 1e-10 or 1e-300: metafor's answer, not an internal error. Reference:
 * metafor 3.8.1 regtest and trimfill (threshold 1e-12), printed by strokemeta-core/src/test/r/extreme_regression_reference.R.
 * The timeouts are hang guards.
 */
class ExtremeBiasTest {
    private static final Duration GUARD = Duration.ofSeconds(20);
    private static final double[] Y = {-0.8, 0.5, -1.5, 0.2, 0.9, -0.3};

    private static double[] v(double tiny) {
        return new double[] {tiny, 0.01, 0.02, 0.05, 0.03, 0.04};
    }

    @Test
    void regression_test_on_the_standard_error_matches_metafor_with_a_nearly_exact_study() {
        double[][] metafor = {
            {0.69733324260743401, 0.48559426884390011, -0.6683668962259034, 0.8566026180744154},
            {0.69734208714205692, 0.48558873507871347, -0.66834508039930318, 0.85660029986359509}};
        double[] tiny = {1e-10, 1e-300};
        for (int c = 0; c < 2; c++) {
            int i = c;
            EggerTest t = assertTimeoutPreemptively(GUARD, () -> EggerModel.RMA.test(Y, v(tiny[i]), MetaOptions.defaults()));
            String what = "vi = " + tiny[c];
            assertThat(t.converged()).as(what).isTrue();
            assertThat(t.statistic()).as(what).isCloseTo(metafor[c][0], within(1e-6 * metafor[c][0]));
            assertThat(t.p()).as(what).isCloseTo(metafor[c][1], within(1e-6 * metafor[c][1]));
            assertThat(t.intercept()).as(what).isCloseTo(metafor[c][2], within(1e-6 * Math.abs(metafor[c][2])));
            assertThat(t.tau2()).as(what).isCloseTo(metafor[c][3], within(1e-6 * metafor[c][3]));
        }
    }

    @Test
    void classic_egger_test_matches_metafor_with_a_nearly_exact_study() {
        double[][] metafor = {
            {1.6002848401155625, 0.18478713303162667, -0.80004967506036151},
            {1.6003098411915759, 0.18478169110275774, -0.80000000000000004}};
        double[] tiny = {1e-10, 1e-300};
        for (int c = 0; c < 2; c++) {
            EggerTest t = EggerModel.LM.test(Y, v(tiny[c]), MetaOptions.defaults());
            String what = "vi = " + tiny[c];
            assertThat(t.statistic()).as(what).isCloseTo(metafor[c][0], within(1e-6 * metafor[c][0]));
            assertThat(t.p()).as(what).isCloseTo(metafor[c][1], within(1e-6 * metafor[c][1]));
            assertThat(t.intercept()).as(what).isCloseTo(metafor[c][2], within(1e-6 * 0.8));
        }
    }

    @Test
    void trim_and_fill_matches_metafor_with_a_nearly_exact_study() {
        double[][] metafor = {
            {-0.17195051372796372, 0.36300324597930422, 0.76599699829662671},
            {-0.17195051374204018, 0.36300324597619116, 0.7659969983008198}};
        String[] tiny = {"1e-10", "1e-300"};
        for (int c = 0; c < 2; c++) {
            EffectSizes es = EffectCalculator.generic(StudyLoader.generic(CsvReader.parse("t.csv",
                    "study,yi,vi\nA,-0.8," + tiny[c] + "\nB,0.5,0.01\nC,-1.5,0.02\nD,0.2,0.05\nE,0.9,0.03\nF,-0.3,0.04\n"),
                    StudyLoader.GenericInput.defaults()));
            TrimFillResult r = assertTimeoutPreemptively(GUARD,
                    () -> SmallStudyEffects.trimFill(es, MetaOptions.defaults(), TrimFillOptions.defaults()));
            String what = "vi = " + tiny[c];
            assertThat(r.side()).as(what).isEqualTo(Side.LEFT);
            assertThat(r.k0()).as(what).isZero();
            assertThat(r.adjusted().pooled().estimate()).as(what).isCloseTo(metafor[c][0], within(1e-6 * 0.172));
            assertThat(r.adjusted().pooled().se()).as(what).isCloseTo(metafor[c][1], within(1e-6 * 0.363));
            assertThat(r.adjusted().heterogeneity().tau2()).as(what).isCloseTo(metafor[c][2], within(1e-6 * 0.766));
        }
    }
}
