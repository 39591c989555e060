package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Note;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;

/** Behaviour the reference corpus cannot show (numbers against R are in validation/extra). */
class PoolingTest {
    /** Ten trials on which plain Fisher scoring for REML oscillates (metafor stops with an error). */
    static EffectSizes oscillating() {
        String csv = "study,events_treat,total_treat,events_ctrl,total_ctrl\n"
                + "1,85,194,78,198\n2,82,495,80,569\n3,15,94,18,112\n4,131,241,113,233\n5,67,97,56,95\n"
                + "6,131,475,173,566\n7,58,158,56,166\n8,79,198,67,193\n9,49,142,48,137\n10,48,119,47,115\n";
        return EffectCalculator.binary(Measure.OR, StudyLoader.binary(CsvReader.parse("osc.csv", csv)), Continuity.defaults());
    }

    @Test
    void reports_fisher_scoring_that_does_not_converge_when_the_fallback_is_off() {
        MetaOptions o = MetaOptions.defaults().withControl(FitControl.defaults().withScoreFallback(false));
        MetaResult r = MetaAnalysis.run(oscillating(), o);
        assertThat(r.converged()).isFalse();
        assertThat(r.tau2().iterations()).isEqualTo(100);
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
            assertThat(n.message()).contains("did not converge in 100 iterations");
        });
    }

    @Test
    void solves_the_score_equation_when_fisher_scoring_oscillates_and_says_so() {
        MetaResult r = MetaAnalysis.run(oscillating(), MetaOptions.defaults());
        assertThat(r.converged()).isTrue();
        assertThat(r.tau2().message()).contains("did not settle").contains("Brent");
        // metafor with step halving (stepadj = 0.5) reaches the same solution: validation/extra/pw_oscillating_or_reml.json
        MetaModel m = MetaModel.interceptOnly(r.effects().yi(), r.effects().vi());
        MetaModel.Weighted w = m.at(r.heterogeneity().tau2(), true);
        assertThat(w.yppy() - w.trP()).isCloseTo(0, within(1e-10));
    }

    @Test
    void a_single_study_is_its_own_pooled_estimate_with_tau2_zero() {
        EffectSizes es = oscillating().subset(new int[] {2});
        MetaResult r = MetaAnalysis.run(es, MetaOptions.defaults());
        assertThat(r.pooled().estimate()).isEqualTo(es.yi()[0]);
        assertThat(r.pooled().se()).isCloseTo(Math.sqrt(es.vi()[0]), within(1e-15));
        assertThat(r.heterogeneity().tau2()).isZero();
        assertThat(r.heterogeneity().q()).isZero();
        assertThat(r.heterogeneity().i2()).isZero();
        assertThat(r.heterogeneity().tau2Ci()).isNull();
        assertThatThrownBy(() -> MetaAnalysis.run(es, MetaOptions.defaults().withCi(CiMethod.KNHA)))
                .hasMessageContaining("Hartung-Knapp method needs more studies than coefficients");
    }

    @Test
    void leaves_out_a_study_with_zero_variance_from_inverse_variance_pooling_with_a_note() {
        String csv = "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,0,20,0,25\nB,3,30,6,30\nC,5,40,9,41\n";
        EffectSizes es = EffectCalculator.binary(Measure.RD, StudyLoader.binary(CsvReader.parse("rd.csv", csv)),
                new Continuity(0.5, Continuity.To.NONE, false));
        assertThat(es.size()).isEqualTo(3);
        MetaResult r = MetaAnalysis.run(es, MetaOptions.defaults().withTau2(Tau2Method.DL));
        assertThat(r.k()).isEqualTo(2);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("sampling variance is 0"));
    }

    @Test
    void mantel_haenszel_refuses_measures_it_cannot_pool() {
        EffectSizes es = oscillating();
        EffectSizes md = new EffectSizes(Measure.GEN, es.study(), es.lines(), es.rows(), es.yi(), es.vi(), es.input(), es.notes());
        assertThatThrownBy(() -> MetaAnalysis.run(md, MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH)))
                .hasMessageContaining("OR, RR or RD");
    }

    @Test
    void options_reject_a_confidence_level_outside_zero_and_one() {
        assertThatThrownBy(() -> MetaOptions.defaults().withLevel(95)).hasMessageContaining("between 0 and 1");
    }

    @Test
    void ml_sets_tau2_to_zero_when_fisher_scoring_ends_below_the_likelihood_at_zero_as_metafor() {
        // src/test/r/ml_local_maximum_reference.R: rma(method = "ML") warns and sets tau² = 0
        double[] y = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.551161, -0.268323, 0};
        double[] v = {0.005012, 0.005046, 0.005086, 0.005088, 0.005134, 0.006344, 0.026424, 0.011935, 0.037039, 1.996152,
                0.156976, 0.005002, 0.005455};
        ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(y, v), MetaOptions.defaults().withTau2(Tau2Method.ML), false);
        org.assertj.core.api.Assertions.assertThat(f.heterogeneity().tau2()).isZero();
        org.assertj.core.api.Assertions.assertThat(f.beta()[0])
                .isCloseTo(-0.0222301416554011, org.assertj.core.api.Assertions.within(1e-9));
        org.assertj.core.api.Assertions.assertThat(f.se()[0])
                .isCloseTo(0.0243829510499572, org.assertj.core.api.Assertions.within(1e-9));
    }
}
