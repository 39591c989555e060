package org.strokemeta.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.plot.BaujatPlot;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.study.MetaRequest;

/**
 * Influence diagnostics of a fixed-effect model (the random-effects ones are the qualification cases
 * {@code infl_*}): metafor 3.8.1 {@code influence(rma(yi, vi, method = "FE"))} and {@code baujat()} on the
 * BCG trials (src/test/r/influence_fixed_reference.R).
 */
class InfluenceTest {
    private static final double[] RSTUDENT = {-0.806495713109908, -2.62971489180185, -1.42687197197949, -7.4612608258244, 0.955509890714077,
        -4.9037071078386, -2.53048808282277, 9.17862716223338, -0.167174749714508, -3.52220595161209, 0.876072813427201, 1.2025695577517,
        1.56351663148779};
    private static final double[] COOK = {0.00329318883591554, 0.0587863021702261, 0.00807120852395956, 4.97051430416415, 0.0302088731365047,
        7.49023101280534, 0.0474415834263761, 59.5227604136775, 0.000836548537576087, 0.285041414941083, 0.116859685330293, 0.00446806027416129,
        0.0574716587308364};
    private static final double[] COVR = {1.00506305340034, 1.00850078067306, 1.00396431862885, 1.08928466714007, 1.03308751502678,
        1.31149147661974, 1.00740884626234, 1.70652511689018, 1.02993296797226, 1.02297621423354, 1.15225946721831, 1.00308957407031,
        1.02350978845082};
    private static final double[] DFBETAS = {-0.0573863122697002, -0.242458866965566, -0.0898399049641058, -2.2294650264501, 0.173806999676379,
        -2.73682864147636, -0.21781088913637, 7.71509950769772, -0.0289231488184825, -0.533892699838725, 0.341847459154362, 0.0668435507297547,
        0.239732473250572};
    private static final double[] BX = {0.647158736025662, 6.85710962717268, 2.02792428639419, 51.1073136255054, 0.883757801708366,
        18.3351122200536, 6.35627725631524, 49.3676862704565, 0.0271351610358987, 12.1272954277502, 0.666085717897455, 1.44171924284176,
        2.38843270921625};
    private static final double[] BY = {0.00327659923899697, 0.0582907849917506, 0.00803933802645762, 4.56309948547637, 0.0292413495440621,
        5.7112311794132, 0.0470926809928191, 34.8795103128319, 0.000812235906209592, 0.278639337821407, 0.101417856528796, 0.0044542983893561,
        0.05615154772269};
    private static final boolean[] INF = {false, false, false, true, false, true, false, true, false, false, false, false, false};

    private static EffectSizes bcg(MetaRequest r) {
        return Meta.effects(Examples.table(Examples.get("bcg")), r);
    }

    private static void close(double a, double e) {
        assertThat(a).isCloseTo(e, within(1e-6 * Math.max(1e-3, Math.abs(e))));
    }

    @Test
    void a_fixed_effect_model_matches_metafor() {
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.RR).withOptions(MetaOptions.defaults().withModel(Model.FIXED));
        Influence inf = Meta.influence(bcg(r), r);
        assertThat(inf.studies()).hasSize(13);
        for (int i = 0; i < 13; i++) {
            Influence.Case c = inf.studies().get(i);
            close(c.rstudent(), RSTUDENT[i]);
            close(c.dffits(), DFBETAS[i]); // with tau² = 0, DFFITS and DFBETAS coincide (metafor prints the same numbers)
            close(c.cookD(), COOK[i]);
            close(c.covRatio(), COVR[i]);
            close(c.dfbetas(), DFBETAS[i]);
            close(c.baujatX(), BX[i]);
            close(c.baujatY(), BY[i]);
            assertThat(c.tau2Deleted()).isZero();
            assertThat(c.influential()).as(c.study()).isEqualTo(INF[i]);
        }
        assertThat(inf.studies().stream().mapToDouble(Influence.Case::weight).sum()).isCloseTo(100, within(1e-9));
    }

    @Test
    void the_baujat_plot_has_a_labelled_point_per_study_and_marks_the_influential_ones() {
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.RR).withOptions(MetaOptions.defaults().withModel(Model.FIXED));
        String svg = BaujatPlot.svg(Meta.influence(bcg(r), r));
        assertThat(svg.split("<g class=\"study\">", -1)).hasSize(14);
        assertThat(svg.split("#b30000", -1)).hasSize(4);
        assertThat(svg).contains("Hart &amp; Sutherland 1977").contains("Contribution to overall heterogeneity").doesNotContain("00000000");
    }

    @Test
    void fewer_than_three_studies_are_refused() {
        EffectSizes two = bcg(MetaRequest.defaults().withMeasure(Measure.RR)).subset(new int[] {0, 1});
        assertThatThrownBy(() -> Influence.of(two, MetaOptions.defaults())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least three studies");
    }

    @Test
    void residuals_and_predictions_need_an_inverse_variance_model() {
        MetaRequest mh = MetaRequest.defaults().withMeasure(Measure.RR)
                .withOptions(MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(org.strokemeta.pool.FixedMethod.MH));
        var model = Meta.analyze(Examples.table(Examples.get("bcg")), mh).get(0).result();
        assertThatThrownBy(() -> Meta.diagnostics(model)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inverse-variance models, not Mantel-Haenszel");
        // with tau² = 0 every prediction is the pooled estimate and every random effect 0
        MetaRequest fe = MetaRequest.defaults().withMeasure(Measure.RR).withOptions(MetaOptions.defaults().withModel(Model.FIXED));
        StudyDiagnostics d = Meta.diagnostics(Meta.analyze(bcg(fe), fe).result());
        assertThat(d.studies()).allSatisfy(x -> {
            assertThat(x.blup()).isEqualTo(d.model().pooled().estimate());
            assertThat(x.ranef()).isZero();
        });
    }
}
