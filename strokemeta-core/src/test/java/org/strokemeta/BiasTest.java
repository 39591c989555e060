package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.strokemeta.bias.BiasAnalysis;
import org.strokemeta.bias.BiasRequest;
import org.strokemeta.bias.EggerModel;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.K0Estimator;
import org.strokemeta.bias.Side;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.bias.TrimFillOptions;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.StudyInput;

/**
 * {@link Bias#analyze}: the same numbers as the individual analyses, and the reference values of
 * strokemeta-core/src/test/r/bias_reference.R (metafor 3.8.1) on the BCG trials (log risk ratios).
 */
class BiasTest {
    private static final Table BCG = Examples.table(Examples.get("bcg"));
    private static final MetaRequest RR = MetaRequest.defaults().withMeasure(Measure.RR);

    /** The comparison of the validation corpus: |actual − expected| ≤ 1e-9 + 1e-6·|expected|. */
    private static void near(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(1e-9 + 1e-6 * Math.abs(expected)));
    }

    @Test
    void egger_tests_of_bias_analyze_match_metafor_regtest_on_bcg() {
        BiasAnalysis b = Bias.analyze(BCG, BiasRequest.of(RR));
        // metafor::regtest(rma(yi, vi, method = "FE"), model = "lm")
        assertThat(b.eggerLm().model()).isEqualTo(EggerModel.LM);
        near(b.eggerLm().statistic(), -1.4012820022893326);
        near(b.eggerLm().p(), 0.18870699508197877);
        near(b.eggerLm().intercept(), -0.19092864235982013);
        near(b.eggerLm().ciLower(), -0.67533235027608185);
        near(b.eggerLm().ciUpper(), 0.29347506555644165);
        // metafor::regtest(rma(yi, vi)) with REML
        assertThat(b.eggerRma().model()).isEqualTo(EggerModel.RMA);
        near(b.eggerRma().statistic(), -0.80332919308976369);
        near(b.eggerRma().p(), 0.42178448885592007);
        near(b.eggerRma().intercept(), -0.51043187410316138);
        near(b.eggerRma().tau2(), 0.30824911110759223);
    }

    @Test
    void rank_test_and_trim_and_fill_of_bias_analyze_match_metafor_on_bcg() {
        BiasAnalysis b = Bias.analyze(BCG, BiasRequest.of(RR));
        near(b.rank().tau(), 0.02564102564102564);
        near(b.rank().p(), 0.95236190796086628);
        // metafor::trimfill(rma(yi, vi)): one study filled on the right, refitted with z and 95%
        assertThat(b.trimFill().side()).isEqualTo(Side.RIGHT);
        assertThat(b.trimFill().k0()).isEqualTo(1);
        near(b.trimFill().adjusted().pooled().estimate(), -0.65708280076036463);
        near(b.trimFill().adjusted().pooled().ciLower(), -1.0069921662084513);
        near(b.trimFill().adjusted().heterogeneity().tau2(), 0.33128803733657952);
        assertThat(b.converged()).isTrue();
    }

    @Test
    void bias_analyze_equals_the_individual_analyses() {
        MetaOptions o = MetaOptions.defaults().withCi(CiMethod.KNHA).withLevel(0.90);
        MetaRequest meta = RR.withOptions(o);
        TrimFillOptions tf = TrimFillOptions.defaults().withSide(Side.LEFT).withEstimator(K0Estimator.R0)
                .withFitSettings(TrimFillOptions.FitSettings.ANALYSIS);
        FunnelOptions contours = BiasRequest.contours(0.8, 0.9);
        BiasAnalysis b = Bias.analyze(BCG, BiasRequest.of(meta).withTrimFill(tf).withContours(contours));

        EffectSizes es = StudyInput.effects(BCG, meta);
        assertThat(b.analysis()).isEqualTo(MetaAnalysis.run(es, o, true));
        assertThat(b.eggerLm()).isEqualTo(SmallStudyEffects.eggerClassic(es, 0.90));
        assertThat(b.eggerRma()).isEqualTo(SmallStudyEffects.egger(es, o, EggerModel.RMA));
        assertThat(b.rank()).isEqualTo(SmallStudyEffects.rankTest(es));
        assertThat(b.trimFill()).isEqualTo(SmallStudyEffects.trimFill(es, o, tf));
        assertThat(b.funnel()).isEqualTo(SmallStudyEffects.funnel(es, o,
                new FunnelOptions(new double[] {0.90}, OptionalDouble.empty(), false, 101)));
        assertThat(b.contours()).isEqualTo(SmallStudyEffects.funnel(es, o,
                new FunnelOptions(new double[] {0.8, 0.9}, OptionalDouble.of(0), false, 101)));
        assertThat(b.funnel().contours()).extracting(FunnelPlot.Contour::level).containsExactly(0.90);
        assertThat(b.trimFill().side()).isEqualTo(Side.LEFT);
        assertThat(b.trimFill().estimator()).isEqualTo(K0Estimator.R0);
        assertThat(Bias.analyze(es, BiasRequest.of(meta).withTrimFill(tf).withContours(contours))).isEqualTo(b);
    }

    @Test
    void the_default_request_is_metafors_analysis_with_a_95_percent_funnel_and_90_95_99_contours() {
        BiasRequest d = BiasRequest.defaults();
        assertThat(d.meta()).isEqualTo(MetaRequest.defaults());
        assertThat(d.trimFill()).isEqualTo(TrimFillOptions.defaults());
        assertThat(d.funnel().levels()).containsExactly(0.95);
        assertThat(d.funnel().centre()).isEmpty();
        assertThat(d.contours().levels()).containsExactly(0.90, 0.95, 0.99);
        assertThat(d.contours().centre()).hasValue(0);
        assertThat(d.contours().resolution()).isEqualTo(BiasRequest.RESOLUTION);
        assertThat(BiasRequest.of(RR.withOptions(MetaOptions.defaults().withLevel(0.9))).funnel().levels()).containsExactly(0.9);
        assertThat(d.withSide(Side.LEFT).trimFill().side()).contains(Side.LEFT);
        assertThat(d.withK0Estimator(K0Estimator.R0).trimFill().estimator()).isEqualTo(K0Estimator.R0);
    }

    @Test
    void invalid_requests_are_refused_in_the_terms_of_the_request() {
        assertThatThrownBy(() -> BiasRequest.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("meta is required");
        assertThatThrownBy(() -> BiasRequest.defaults().withTrimFill(null)).hasMessageStartingWith("trimFill is required");
        assertThatThrownBy(() -> BiasRequest.defaults().withFunnel(null)).hasMessageStartingWith("funnel is required");
        assertThatThrownBy(() -> BiasRequest.defaults().withContours(null)).hasMessageStartingWith("contours is required");
        assertThatThrownBy(() -> BiasRequest.defaults().withMeta(RR.withSubgroup("alloc")))
                .hasMessageStartingWith("meta.subgroup must be empty");
        assertThatThrownBy(() -> BiasRequest.defaults().withMeta(RR.withBy("alloc"))).hasMessageStartingWith("meta.by must be empty");
        assertThatThrownBy(() -> BiasRequest.defaults().withMeta(RR.withModerators(List.of("ablat"))))
                .hasMessageStartingWith("meta.moderators must be empty");
        assertThatThrownBy(() -> BiasRequest.contours(0.9, 1.5)).hasMessageContaining("contour levels must lie strictly between 0 and 1");
        assertThatThrownBy(() -> Bias.analyze((Table) null, BiasRequest.defaults())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Bias.analyze(BCG, null)).isInstanceOf(IllegalArgumentException.class);
        // the request's measure decides the effects of a table
        assertThatThrownBy(() -> Bias.analyze(BCG, BiasRequest.of(MetaRequest.defaults().withMeasure(Measure.MD))))
                .isInstanceOf(InputException.class).hasMessageContaining("mean_treat");
    }

    @Test
    void equal_requests_give_equal_results_that_survive_serialization() throws Exception {
        BiasRequest r = BiasRequest.of(RR).withSide(Side.RIGHT);
        BiasAnalysis a = Bias.analyze(BCG, r);
        BiasAnalysis b = Bias.analyze(BCG, BiasRequest.of(RR).withSide(Side.RIGHT));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(Bias.analyze(BCG, BiasRequest.of(RR).withSide(Side.LEFT)));
        assertThat(roundTrip(a)).isEqualTo(a);
        assertThat(roundTrip(r)).isEqualTo(r);
        assertThat(roundTrip(BiasRequest.defaults())).isEqualTo(BiasRequest.defaults());
    }

    @Test
    void options_with_optional_parts_survive_serialization() throws Exception {
        TrimFillOptions chosen = TrimFillOptions.defaults();
        TrimFillOptions given = chosen.withSide(Side.LEFT).withMaxIterations(7);
        assertThat(roundTrip(chosen)).isEqualTo(chosen);
        assertThat(((TrimFillOptions) roundTrip(given)).side()).isEqualTo(Optional.of(Side.LEFT));
        FunnelOptions around = FunnelOptions.aroundEstimate(0.9);
        FunnelOptions contours = FunnelOptions.contourEnhanced().withAddTau2(true);
        assertThat(roundTrip(around)).isEqualTo(around);
        assertThat(((FunnelOptions) roundTrip(contours)).centre()).hasValue(0);
        assertThat(roundTrip(contours)).isEqualTo(contours);
    }

    @Test
    void results_cannot_be_changed_through_their_parts() {
        BiasAnalysis b = Bias.analyze(BCG, BiasRequest.of(RR));
        double[] se = b.contours().contours().get(0).se();
        se[0] = 99;
        assertThat(b.contours().contours().get(0).se()[0]).isNotEqualTo(99);
        assertThatThrownBy(() -> b.notes().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> b.trimFill().filled().clear()).isInstanceOf(UnsupportedOperationException.class);
        double[] levels = BiasRequest.defaults().contours().levels();
        levels[0] = 0.5;
        assertThat(BiasRequest.defaults().contours().levels()[0]).isEqualTo(0.90);
        assertThatThrownBy(() -> new BiasAnalysis(b.analysis(), null, b.eggerRma(), b.rank(), b.trimFill(), b.funnel(), b.contours()))
                .hasMessageContaining("eggerLm");
    }

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
