package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.TrimFill;
import org.strokemeta.bias.TrimFillOptions;
import org.strokemeta.data.Examples;
import org.strokemeta.data.Table;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** Structural checks of the figures: what a reader must see is there, where it must be. */
class PlotTest {
    private static MetaRun.Outcome bcg(MetaRequest r) {
        Table t = Examples.table(Examples.get("bcg"));
        return MetaRun.run(t, r).get(0);
    }

    private static int count(String svg, String regex) {
        Matcher m = Pattern.compile(regex).matcher(svg);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void forest_has_one_square_per_study_and_the_diamond_at_the_pooled_estimate() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR));
        String svg = ForestPlot.svg(MetaForest.of(o.result(), MetaForest.Options.defaults()));
        assertThat(count(svg, "class=\"study\"")).isEqualTo(13);
        Matcher d = Pattern.compile("class=\"diamond\" data-estimate=\"([^\"]+)\"").matcher(svg);
        assertThat(d.find()).isTrue();
        assertThat(Double.parseDouble(d.group(1))).isCloseTo(o.result().pooled().estimate(), within(1e-12));
        assertThat(svg).contains("4/123").contains("11/139").contains("Risk ratio (log scale)").contains("Prediction interval")
                .contains("Heterogeneity: I² = 92.2%").doesNotContain("favours");
    }

    @Test
    void the_favours_labels_follow_the_outcome_direction_and_are_left_out_when_it_is_not_stated() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR));
        // tuberculosis is a harmful event: a risk ratio below 1 (left of the null line) favours vaccination
        String harmful = ForestPlot.svg(MetaForest.of(o.result(), MetaForest.Options.defaults().withDirection(MetaForest.Direction.HARMFUL)));
        assertThat(harmful).contains("← favours treatment").contains("favours control →");
        String beneficial = ForestPlot.svg(MetaForest.of(o.result(), MetaForest.Options.defaults().withDirection(MetaForest.Direction.BENEFICIAL)));
        assertThat(beneficial).contains("← favours control").contains("favours treatment →");
        String unstated = ForestPlot.svg(MetaForest.of(o.result(), MetaForest.Options.defaults()));
        assertThat(unstated).doesNotContain("favours").doesNotContain("←");
    }

    @Test
    void the_axis_covers_every_interval_or_marks_it_clipped() {
        List<ForestPlot.Row> rows = new ArrayList<>();
        rows.add(ForestPlot.Row.study("wide", 0.5, Math.log(1e-6), Math.log(1e6), 10, List.of()));
        rows.add(ForestPlot.Row.study("narrow", 0.2, 0.1, 0.3, 90, List.of()));
        String svg = ForestPlot.svg(new ForestPlot.Spec(rows, List.of(), true, "OR", "a", "b", List.of(), 40));
        assertThat(count(svg, "class=\"clipped\"")).isEqualTo(2);
        List<ForestPlot.Row> inside = List.of(ForestPlot.Row.study("x", 0.5, 0.1, 0.9, 50, List.of()));
        assertThat(ForestPlot.svg(new ForestPlot.Spec(inside, List.of(), true, "OR", "a", "b", List.of(), 40))).doesNotContain("clipped");
    }

    @Test
    void labels_from_the_data_are_escaped_and_long_names_cut_with_the_full_name_kept() {
        String name = "<script>alert('x')</script> & a very long name of a multicentre trial in ninety-nine hospitals";
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            rows.add(ForestPlot.Row.study(name + " " + i, 0.01 * i - 0.5, 0.01 * i - 0.9, 0.01 * i - 0.1, 1, List.of("1/2", "<3>")));
        }
        String svg = ForestPlot.svg(new ForestPlot.Spec(rows, List.of("T", "C"), true, "OR", "a", "b", List.of(), 40));
        assertThat(svg).doesNotContain("<script>").doesNotContain("<3>").contains("&lt;script&gt;").contains("&amp;").contains("&lt;3&gt;");
        assertThat(count(svg, "class=\"study\"")).isEqualTo(100);
        assertThat(count(svg, "<title>")).isEqualTo(100);
        assertThat(svg).contains("…");
        assertThat(ForestPlot.shorten("Multicentre randomised trial of endovascular thrombectomy number 42 in a network", 40))
                .hasSize(40).startsWith("Multicentre randomised").endsWith("42 in a network");
    }

    @Test
    void subgroup_forest_has_subtotals_and_the_test_for_differences() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR).withSubgroup("alloc"));
        String svg = ForestPlot.svg(MetaForest.of(o.subgroups(), o.result(), MetaForest.Options.defaults()));
        assertThat(count(svg, "Subtotal")).isEqualTo(3);
        assertThat(svg).contains("Test for subgroup differences: Q = ");
        assertThat(count(svg, "class=\"diamond\"")).isEqualTo(4);
    }

    @Test
    void grotta_bars_have_a_segment_per_category_and_arm_with_n() {
        String svg = GrottaPlot.svg(List.of(new GrottaPlot.Bar("EVT", new double[] {10, 20, 30, 20, 10, 5, 5}),
                new GrottaPlot.Bar("Control", new double[] {5, 10, 20, 25, 20, 10, 10})), GrottaPlot.mrsLabels(7));
        assertThat(count(svg, "class=\"segment\"")).isEqualTo(14);
        assertThat(svg).contains("EVT (n=100)").contains("Control (n=100)").contains("mRS 6");
        assertThat(count(svg, "<line ")).isEqualTo(6);
        assertThat(GrottaPlot.mrsLabels(6)).endsWith("mRS 5-6");
    }

    @Test
    void funnel_shows_every_study_the_filled_ones_open_and_the_contours() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR));
        var tf = TrimFill.run(o.effects(), o.result().options(), TrimFillOptions.defaults());
        String svg = FunnelSvg.svg(FunnelPlot.of(tf, FunnelOptions.aroundEstimate(0.95)), true, "RR");
        assertThat(count(svg, "class=\"study\"")).isEqualTo(13);
        assertThat(count(svg, "class=\"filled\"")).isEqualTo(tf.filled().size());
        String contour = FunnelSvg.svg(FunnelPlot.of(o.result(), FunnelOptions.contourEnhanced()), true, "RR");
        assertThat(count(contour, "class=\"contour\"")).isEqualTo(3);
    }

    @Test
    void bubble_plot_has_a_circle_per_study_and_refuses_a_categorical_moderator() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR).withModerators(List.of("ablat")));
        String svg = BubblePlot.svg(o.regression(), true, "RR");
        assertThat(count(svg, "class=\"study\"")).isEqualTo(13);
        assertThat(svg).contains("class=\"fit\"").contains("class=\"band\"").contains(">ablat<");
        MetaRun.Outcome c = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR).withModerators(List.of("alloc")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BubblePlot.svg(c.regression(), true, "RR"))
                .hasMessageContaining("one numeric moderator");
    }

    @Test
    void a_logit_proportion_is_drawn_on_its_scale_and_labelled_as_a_proportion() {
        // Pritz 1997 (metafor's dat.pritz1997) as in validation/extra/escalc_plo_pritz.json
        String csv = "study,xi,ni\n1,16,17\n2,10,12\n3,4,8\n4,43,58\n5,10,10\n6,25,42\n7,13,14\n8,12,12\n9,22,41\n10,4,5\n11,5,6\n"
                + "12,18,23\n13,58,68\n14,6,10\n";
        Table t = org.strokemeta.data.CsvReader.parse("pritz.csv", csv);
        MetaRun.Outcome o = MetaRun.run(t, MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.PLO)).get(0);
        String svg = ForestPlot.svg(MetaForest.of(o.result(), MetaForest.Options.defaults()));
        assertThat(svg).contains(">Proportion (logit scale)<");
        // predict(res, transf=transf.ilogit): 0.7575 [0.6605, 0.8337], two significant digits in the figure
        assertThat(svg).contains(">0.76 [0.66, 0.83]<");
        // the diamond stays on the analysis scale
        assertThat(svg).containsPattern("class=\"diamond\" data-estimate=\"1\\.13");
        assertThat(ForestPlot.natural(0.0192)).isEqualTo("0.019");
        assertThat(ForestPlot.natural(1)).isEqualTo("1.00");
        assertThat(ForestPlot.natural(0)).isEqualTo("0");
    }

    @Test
    void radial_plot_has_a_point_per_study_on_the_precision_scale_and_the_pooled_line_as_their_slope() {
        MetaRun.Outcome o = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR));
        RadialPlot.Coordinates c = RadialPlot.coordinates(o.result(), false);
        // the regression of z on x through the origin has the pooled estimate as its slope: sum x z / sum x² = sum w y / sum w
        double xz = 0;
        double xx = 0;
        for (RadialPlot.Point p : c.points()) {
            xz += p.x() * p.z();
            xx += p.x() * p.x();
        }
        assertThat(xz / xx).isCloseTo(o.result().pooled().estimate(), within(1e-12));
        assertThat(c.slope()).isEqualTo(o.result().pooled().estimate());
        assertThat(c.zcrit()).isCloseTo(1.959963984540054, within(1e-12));
        String svg = org.strokemeta.Figures.radial(o.result());
        assertThat(count(svg, "<circle class=\"study\"")).isEqualTo(13);
        assertThat(count(svg, "class=\"limit\"")).isEqualTo(2);
        assertThat(count(svg, "<text class=\"effect\"")).isBetween(5, 7);
        assertThat(svg).contains("aria-label=\"Radial plot\"").contains("class=\"band\"").contains("class=\"pooled\"")
                .contains("x = 1 / sqrt(v + tau²)").contains("z = y / sqrt(v + tau²)").contains(">RR<");
        // centred: the pooled line is horizontal and the effects are the studies' minus the estimate
        RadialPlot.Coordinates centred = RadialPlot.coordinates(o.result(), true);
        assertThat(centred.slope()).isZero();
        assertThat(centred.points().get(0).z()).isCloseTo(c.points().get(0).z() - o.result().pooled().estimate() * c.points().get(0).x(),
                within(1e-12));
        MetaRun.Outcome fixed = bcg(MetaRequest.defaults().withMeasure(org.strokemeta.effect.Measure.RR)
                .withOptions(org.strokemeta.pool.MetaOptions.defaults().withModel(org.strokemeta.pool.Model.FIXED)));
        assertThat(org.strokemeta.Figures.radial(fixed.result())).contains("x = 1 / sqrt(v)").doesNotContain("tau²");
    }
}
