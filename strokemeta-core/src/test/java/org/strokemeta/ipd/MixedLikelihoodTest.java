package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;

class MixedLikelihoodTest {
    private static final PatientData DATA = SimulatedTrials.make(new Random(11), 6, 120, 0.5, 0.4);

    private static TrialBlocks blocks(PatientData d) {
        return TrialBlocks.of(d, d.outcome(), 7, List.of("age", "nihss"));
    }

    private static double[] point(MixedLikelihood ml, double... lambda) {
        double[] x = new double[ml.dimension()];
        for (int j = 0; j < ml.nth; j++) {
            x[j] = -1.1 + 0.8 * j;
        }
        x[ml.nth] = -0.7;
        x[ml.nth + 1] = 0.02;
        x[ml.nth + 2] = 0.1;
        System.arraycopy(lambda, 0, x, ml.lambdaOffset(), lambda.length);
        return x;
    }

    private static void assertGradientMatchesDifferences(MixedLikelihood ml, double[] x) {
        double[] g = new double[x.length];
        ml.evaluate(x, g);
        double[] tmp = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double h = 1e-6;
            double[] xp = x.clone();
            xp[i] += h;
            double[] xm = x.clone();
            xm[i] -= h;
            double fd = (ml.evaluate(xp, tmp) - ml.evaluate(xm, tmp)) / (2 * h);
            assertThat(g[i]).as("component %d", i).isCloseTo(fd, within(1e-6 * Math.max(1, Math.abs(fd))));
        }
    }

    @Test
    void analytic_gradient_matches_finite_differences_for_every_structure_and_rule() {
        TrialBlocks tb = blocks(DATA);
        assertGradientMatchesDifferences(new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1), point(new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1), 0.4));
        MixedLikelihood agq = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 7);
        assertGradientMatchesDifferences(agq, point(agq, 0.6));
        MixedLikelihood slope = new MixedLikelihood(tb, RandomEffects.TREATMENT, 1);
        assertGradientMatchesDifferences(slope, point(slope, 0.3));
        MixedLikelihood corr = new MixedLikelihood(tb, RandomEffects.CORRELATED, 1);
        assertGradientMatchesDifferences(corr, point(corr, 0.5, 0.3, -0.2));
        MixedLikelihood ind = new MixedLikelihood(tb, RandomEffects.INDEPENDENT, 1);
        assertGradientMatchesDifferences(ind, point(ind, 0.5, 0.3));
    }

    @Test
    void quadrature_with_one_point_is_the_laplace_approximation() {
        TrialBlocks tb = blocks(DATA);
        MixedLikelihood laplace = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1);
        MixedLikelihood onePoint = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1, true);
        double[] x = point(laplace, 0.45);
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        double v1 = laplace.evaluate(x, g1);
        double v2 = onePoint.evaluate(x, g2);
        assertThat(v2).isCloseTo(v1, within(1e-9));
        for (int i = 0; i < x.length; i++) {
            assertThat(g2[i]).isCloseTo(g1[i], within(1e-7));
        }
    }

    @Test
    void laplace_and_quadrature_agree_when_the_variance_is_zero() {
        TrialBlocks tb = blocks(DATA);
        MixedLikelihood laplace = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 1);
        MixedLikelihood agq = new MixedLikelihood(tb, RandomEffects.INTERCEPT, 12);
        double[] x = point(laplace, 0.0);
        double[] g1 = new double[x.length];
        double[] g2 = new double[x.length];
        assertThat(agq.evaluate(x, g2)).isCloseTo(laplace.evaluate(x, g1), within(1e-9));
        for (int i = 0; i < x.length; i++) {
            assertThat(g2[i]).isCloseTo(g1[i], within(1e-7));
        }
    }

    @Test
    void thresholds_out_of_order_have_no_likelihood() {
        MixedLikelihood ml = new MixedLikelihood(blocks(DATA), RandomEffects.INTERCEPT, 1);
        double[] x = point(ml, 0.3);
        x[2] = x[1] - 0.1;
        assertThat(ml.evaluate(x, new double[x.length])).isEqualTo(Double.NEGATIVE_INFINITY);
    }
}
