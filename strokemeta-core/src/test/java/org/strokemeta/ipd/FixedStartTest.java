package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;

class FixedStartTest {
    private static final PatientData DATA = SimulatedTrials.make(new Random(5), 7, 150, 0.6, 0.0);

    private static TrialBlocks blocks() {
        return TrialBlocks.of(DATA, DATA.outcome(), 7, List.of("age", "nihss"));
    }

    private static double[] point() {
        return new double[] {-1.3, -0.2, 0.7, 1.5, 2.6, 3.4, -0.6, 0.02, 0.1};
    }

    @Test
    void log_likelihood_and_gradient_are_those_of_the_mixed_model_without_random_effects() {
        TrialBlocks tb = blocks();
        double[] x = point();
        int n = x.length;
        double[] g = new double[n];
        double[] h = new double[n * n];
        double v = FixedStart.evaluate(tb, 1, x, g, h, new double[14], new double[14]);
        MixedLikelihood ml = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1);
        double[] psi = java.util.Arrays.copyOf(x, n + 1);
        double[] gm = new double[n + 1];
        // with the standard deviation 0 the Laplace approximation is the exact fixed-effects likelihood
        assertThat(ml.evaluate(psi, gm)).isCloseTo(v, within(1e-9 * Math.abs(v)));
        for (int i = 0; i < n; i++) {
            assertThat(g[i]).as("gradient %d", i).isCloseTo(gm[i], within(1e-8 * Math.max(1, Math.abs(gm[i]))));
        }
    }

    @Test
    void hessian_matches_central_differences_of_the_gradient() {
        TrialBlocks tb = blocks();
        double[] x = point();
        int n = x.length;
        double[] g = new double[n];
        double[] h = new double[n * n];
        FixedStart.evaluate(tb, 1, x, g, h, new double[14], new double[14]);
        double[] gp = new double[n];
        double[] gm = new double[n];
        double[] scratch = new double[n * n];
        for (int i = 0; i < n; i++) {
            double step = 1e-5;
            double[] xp = x.clone();
            xp[i] += step;
            double[] xm = x.clone();
            xm[i] -= step;
            FixedStart.evaluate(tb, 1, xp, gp, scratch, new double[14], new double[14]);
            FixedStart.evaluate(tb, 1, xm, gm, scratch, new double[14], new double[14]);
            for (int k = 0; k < n; k++) {
                double fd = (gp[k] - gm[k]) / (2 * step);
                assertThat(h[k * n + i]).as("H[%d][%d]", k, i).isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
            }
        }
    }

    @Test
    void fit_reaches_the_proportional_odds_estimate_with_common_cut_points() {
        TrialBlocks tb = blocks();
        double[] x0 = {-1, 0, 0.5, 1, 2, 3, 0, 0, 0};
        FixedStart.Fit f = FixedStart.fit(tb, x0);
        assertThat(f).isNotNull();
        ProportionalOddsFit po = ProportionalOdds.fit(DATA.withCovariatesOnly(List.of("age", "nihss")),
                PoOptions.defaults().withThresholds(Thresholds.COMMON));
        assertThat(f.x()[6]).isCloseTo(po.coefficient("treatment"), within(1e-7));
        assertThat(f.x()[7]).isCloseTo(po.coefficient("age"), within(1e-7));
        assertThat(f.x()[8]).isCloseTo(po.coefficient("nihss"), within(1e-7));
        // thresholds for centred covariates: theta_c = theta − mean'beta
        double shift = tb.mean[0] * po.coefficient("age") + tb.mean[1] * po.coefficient("nihss");
        for (int j = 0; j < 6; j++) {
            assertThat(f.x()[j]).isCloseTo(po.cutPoints()[0][j] - shift, within(1e-6));
        }
    }

    @Test
    void moment_estimate_of_the_trial_standard_deviation_sees_heterogeneity_and_its_absence() {
        FixedStart.Fit het = FixedStart.fit(blocks(), new double[] {-1, 0, 0.5, 1, 2, 3, 0, 0, 0});
        assertThat(het.sd(false)).isBetween(0.2, 1.5);
        PatientData flat = SimulatedTrials.make(new Random(8), 7, 150, 0.0, 0.0);
        FixedStart.Fit hom = FixedStart.fit(TrialBlocks.of(flat, flat.outcome(), 7, List.of("age", "nihss")),
                new double[] {-1, 0, 0.5, 1, 2, 3, 0, 0, 0});
        assertThat(hom.sd(false)).isLessThan(het.sd(false));
        assertThat(hom.sd(true)).isGreaterThanOrEqualTo(0);
    }
}
