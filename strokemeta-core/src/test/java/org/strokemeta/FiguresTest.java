package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.bias.BiasAnalysis;
import org.strokemeta.bias.BiasRequest;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.data.Examples;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.plot.GrottaPlot;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** {@link Figures}: the figures of the analyses' results, with what a reader must see. */
class FiguresTest {
    private static final MetaRequest RR = MetaRequest.defaults().withMeasure(Measure.RR);

    @Test
    void grotta_bars_of_mrs_sim_show_both_arms_with_their_totals() {
        OrdinalTable t = OrdinalTableLoader.load(Examples.table(Examples.get("mrs_sim")));
        String svg = Figures.grotta(ArmDistribution.pooled(t));
        assertThat(svg).startsWith("<svg").contains("Treatment (n=1134)").contains("Control (n=948)").contains("mRS 6");
        assertThat(svg).isEqualTo(GrottaPlot.svg(List.of(
                new GrottaPlot.Bar("Treatment", new double[] {61, 136, 200, 213, 243, 107, 174}),
                new GrottaPlot.Bar("Control", new double[] {28, 61, 121, 151, 228, 116, 243})), GrottaPlot.mrsLabels(7)));
        String merged = Figures.grotta(ArmDistribution.pooled(t.mergeCategories(5, 6)), "Thrombectomy", "Medical care");
        assertThat(merged).contains("Thrombectomy (n=1134)").contains("Medical care (n=948)").contains("mRS 5-6");
    }

    @Test
    void the_funnel_of_a_small_study_analysis_is_the_funnel_of_its_analysis() {
        var bcg = Examples.table(Examples.get("bcg"));
        BiasAnalysis b = Bias.analyze(bcg, BiasRequest.of(RR));
        String fromData = Figures.funnel(b.funnel(), Measure.RR);
        assertThat(fromData).isEqualTo(Figures.funnel(b.analysis(), FunnelOptions.aroundEstimate(0.95).withResolution(BiasRequest.RESOLUTION)));
        assertThat(fromData).startsWith("<svg").contains("RR (log scale)");
        String filled = Figures.funnel(b.trimFill(), FunnelOptions.contourEnhanced());
        assertThat(filled).isNotEqualTo(Figures.funnel(b.analysis(), FunnelOptions.contourEnhanced()));
    }

    @Test
    void forest_and_bubble_plots_label_the_effect_axis_by_the_measure() {
        var bcg = Examples.table(Examples.get("bcg"));
        MetaRun.Outcome o = MetaRun.run(bcg, RR.withModerators(List.of("ablat"))).get(0);
        assertThat(Figures.bubble(o.regression())).startsWith("<svg").contains("RR (log scale)");
        MetaRun.Outcome plain = MetaRun.run(bcg, RR).get(0);
        assertThat(Figures.forest(plain.result(), org.strokemeta.plot.MetaForest.Options.defaults()))
                .contains("Risk ratio (log scale)").contains("4/123");
        String shift = Figures.shiftForest(plain.result(), org.strokemeta.plot.MetaForest.Options.defaults(), "Common odds ratio (log scale)");
        assertThat(shift).contains("Common odds ratio (log scale)").doesNotContain("Risk ratio (log scale)");
    }
}
