package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strokemeta.bias.Near.near;

import org.junit.jupiter.api.Test;
import org.strokemeta.pool.MetaOptions;

/** Reference values: strokemeta-core/src/test/r/bias_reference.R (qnorm of metafor::funnel, the REML fit of hackshaw). */
class FunnelPlotTest {
    private static final MetaOptions REML = MetaOptions.defaults();
    private static final double[] Z_90_95_99 = {1.6448536269514726, 1.9599639845400538, 2.5758293035488999};

    @Test
    void contour_enhanced_funnel_has_90_95_99_regions_around_zero_widest_first() {
        FunnelPlot f = SmallStudyEffects.contourFunnel(BiasData.hackshaw(), REML);
        assertThat(f.centre()).isZero();
        near("estimate", f.estimate(), 0.21888923161349433);
        assertThat(f.contours()).extracting(FunnelPlot.Contour::level).containsExactly(0.99, 0.95, 0.90);
        near("z 99%", f.contours().get(0).z(), Z_90_95_99[2]);
        near("z 95%", f.contours().get(1).z(), Z_90_95_99[1]);
        near("z 90%", f.contours().get(2).z(), Z_90_95_99[0]);
        FunnelPlot.Contour c95 = f.contours().get(1);
        double[] se = c95.se();
        assertThat(se[0]).isZero();
        near("top of the axis", se[se.length - 1], f.seMax());
        int mid = se.length / 2;
        near("lower at se", c95.lower()[mid], -Z_90_95_99[1] * se[mid]);
        near("upper at se", c95.upper()[mid], Z_90_95_99[1] * se[mid]);
    }

    @Test
    void standard_error_axis_reaches_ten_percent_beyond_the_least_precise_study() {
        FunnelPlot f = SmallStudyEffects.funnel(BiasData.hackshaw(), REML);
        double maxSe = f.points().stream().mapToDouble(FunnelPlot.Point::sei).max().orElseThrow();
        near("largest se", maxSe, Math.sqrt(0.540195865342449));
        near("seMax", f.seMax(), 1.1 * maxSe);
        assertThat(f.points()).hasSize(37).noneMatch(FunnelPlot.Point::filled);
    }

    @Test
    void pseudo_confidence_region_is_centred_on_the_pooled_estimate() {
        FunnelPlot f = SmallStudyEffects.funnel(BiasData.hackshaw(), REML);
        near("centre", f.centre(), 0.21888923161349433);
        assertThat(f.contours()).hasSize(1);
        FunnelPlot.Contour c = f.contours().get(0);
        assertThat(c.level()).isEqualTo(0.95);
        assertThat(c.lower()[0]).isEqualTo(f.centre());
    }

    @Test
    void adding_tau2_widens_the_region_at_zero_standard_error() {
        FunnelPlot f = SmallStudyEffects.funnel(BiasData.hackshaw(), REML,
                FunnelOptions.aroundEstimate(0.95).withAddTau2(true));
        near("tau2", f.tau2(), 0.022394530977419353);
        FunnelPlot.Contour c = f.contours().get(0);
        near("upper at se 0", c.upper()[0], 0.21888923161349433 + Z_90_95_99[1] * Math.sqrt(0.022394530977419353));
    }

    @Test
    void trim_and_fill_funnel_marks_the_filled_studies_and_centres_on_the_adjusted_estimate() {
        TrimFillResult t = SmallStudyEffects.trimFill(BiasData.hackshaw(), REML);
        FunnelPlot f = SmallStudyEffects.funnel(t, FunnelOptions.aroundEstimate(0.95));
        assertThat(f.points()).hasSize(44);
        assertThat(f.points().stream().filter(FunnelPlot.Point::filled).count()).isEqualTo(7);
        assertThat(f.points().get(37).study()).isEqualTo("Filled 1");
        near("centre", f.centre(), 0.17447117205470997);
    }

    @Test
    void contour_arrays_cannot_be_changed_from_outside() {
        FunnelPlot f = SmallStudyEffects.contourFunnel(BiasData.hine(), REML);
        double[] lower = f.contours().get(0).lower();
        double first = lower[1];
        lower[1] = 42;
        assertThat(f.contours().get(0).lower()[1]).isEqualTo(first);
    }
}
