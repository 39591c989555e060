package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.bias.Near.near;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.pool.Tau2Method;

/** Reference values: strokemeta-core/src/test/r/bias_reference.R (metafor 3.8.1 trimfill). */
class TrimFillTest {
    private static final MetaOptions REML = MetaOptions.defaults();

    private static void pooled(TrimFillResult r, double estimate, double se, double lo, double hi, double stat, double p,
                               double tau2) {
        PooledEstimate e = r.adjusted().pooled();
        near("estimate", e.estimate(), estimate);
        near("se", e.se(), se);
        near("ci lower", e.ciLower(), lo);
        near("ci upper", e.ciUpper(), hi);
        near("statistic", e.statistic(), stat);
        near("p", e.p(), p);
        near("tau2", r.adjusted().heterogeneity().tau2(), tau2);
    }

    private static void filled(TrimFillResult r, double[] yi, double[] vi) {
        List<TrimFillResult.FilledStudy> f = r.filled();
        near("filled yi", f.stream().mapToDouble(TrimFillResult.FilledStudy::yi).toArray(), yi);
        near("filled vi", f.stream().mapToDouble(TrimFillResult.FilledStudy::vi).toArray(), vi);
    }

    @Test
    void l0_on_hackshaw_fills_seven_studies_on_the_left() {
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.hackshaw(), REML);
        assertThat(r.side()).isEqualTo(Side.LEFT);
        assertThat(r.sideChosen()).isTrue();
        assertThat(r.sideSlope()).isPositive();
        assertThat(r.k0()).isEqualTo(7);
        assertThat(r.converged()).isTrue();
        near("se k0", r.k0Se(), 4.0399372600469157);
        assertThat(r.k0P()).isNaN();
        pooled(r, 0.17447117205470997, 0.048431721972261532, 0.079546741279820185, 0.26939560282959973,
                3.6024152136204335, 0.00031527424802892757, 0.024455705698201678);
        filled(r, new double[] {-0.36009583849682819, -0.38454693436099258, -0.41312030680504858, -0.42710654877978865,
            -0.47677815857702627, -0.50714925645332487, -0.59309168625404962},
                new double[] {0.54019586534244934, 0.22732059167048174, 0.088921562706980317, 0.12381620192184237,
                    0.31714772286439902, 0.29256577206568934, 0.39819543335418506});
        assertThat(r.adjusted().k()).isEqualTo(44);
        assertThat(r.adjusted().effects().study()[37]).isEqualTo("Filled 1");
        assertThat(r.filled().get(0).mirrorOf()).isEqualTo("Study 3");
    }

    @Test
    void dersimonian_laird_trim_and_fill_refits_with_dl() {
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.hackshaw(), REML.withTau2(Tau2Method.DL));
        assertThat(r.k0()).isEqualTo(7);
        near("se k0", r.k0Se(), 4.0407613563821663);
        pooled(r, 0.17392352844102052, 0.048701502664134373, 0.078470337226335674, 0.26937671965570537,
                3.5712148276095057, 0.00035532929140467484, 0.025207893125500373);
    }

    @Test
    void fixed_effect_trim_and_fill_on_bcg_fills_four_studies_on_the_right() {
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.bcg(), REML.withModel(Model.FIXED));
        assertThat(r.side()).isEqualTo(Side.RIGHT);
        assertThat(r.k0()).isEqualTo(4);
        near("se k0", r.k0Se(), 2.3853255911929505);
        pooled(r, -0.2910259921063531, 0.038264136604139, -0.36602232174998628, -0.2160296624627199,
                -7.6057117168788562, 2.8334024446910373e-14, 0);
        filled(r, new double[] {0.78929281926007766, 0.85949920580859862, 1.0033366729887239, 1.038846239385685},
                new double[] {0.07302479361302891, 0.020010031902247573, 0.19458112139814385, 0.22301724757231517});
    }

    @Test
    void forcing_the_left_side_fills_a_study_that_the_chosen_side_does_not() {
        TrimFillResult auto = SmallStudyEffects.trimFill(BiasData.normand(), REML);
        assertThat(auto.side()).isEqualTo(Side.RIGHT);
        assertThat(auto.k0()).isZero();
        near("se k0 (auto)", auto.k0Se(), 1.6538523397355684);

        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.normand(), REML,
                TrimFillOptions.defaults().withSide(Side.LEFT));
        assertThat(r.side()).isEqualTo(Side.LEFT);
        assertThat(r.sideChosen()).isFalse();
        assertThat(r.sideSlope()).isNaN();
        assertThat(r.k0()).isEqualTo(1);
        near("se k0", r.k0Se(), 2.1108714534916952);
        pooled(r, -18.121204824946474, 8.6428130356235098, -35.060807099881842, -1.1816025500111031,
                -2.0966790268695399, 0.036021998325920228, 705.69752782824821);
        filled(r, new double[] {-47.218460051135551}, new double[] {94.589126559714799});
    }

    @Test
    void no_missing_study_returns_the_analysis_of_the_observed_studies() {
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.bcg(), REML, TrimFillOptions.defaults().withSide(Side.LEFT));
        assertThat(r.k0()).isZero();
        assertThat(r.filled()).isEmpty();
        assertThat(r.adjusted()).isSameAs(r.observed());
        near("se k0", r.k0Se(), 2.166658537010389);
        pooled(r, -0.71453234215816797, 0.17978151610527798, -1.0668976388105205, -0.36216704550581547,
                -3.9744483061303479, 7.0542581016842768e-05, 0.31324325813679349);
    }

    @Test
    void r0_estimator_on_pritz_fills_three_studies_and_gives_its_p_value() {
        TrimFillResult l0 = SmallStudyEffects.trimFill(BiasData.pritz(), REML);
        assertThat(l0.k0()).isEqualTo(4);
        near("se k0 (L0)", l0.k0Se(), 2.4945669967166633);
        pooled(l0, 0.88907456962671194, 0.24207979570091515, 0.41460688866810408, 1.3635422505853199,
                3.6726508589967013, 0.00024004735317955219, 0.45826717035259945);

        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.pritz(), REML,
                TrimFillOptions.defaults().withEstimator(K0Estimator.R0));
        assertThat(r.side()).isEqualTo(Side.LEFT);
        assertThat(r.k0()).isEqualTo(3);
        near("se k0", r.k0Se(), 2.8284271247461903);
        near("p k0", r.k0P(), 0.0625);
        pooled(r, 0.96280487300326068, 0.2371741286250518, 0.49795212283348889, 1.4276576231730325,
                4.0594852338441916, 4.918101773241092e-05, 0.39816222221813852);
        filled(r, new double[] {-0.87911021979100923, -1.1510439352746522, -1.3253973224194298},
                new double[] {1.0625, 2.0952380952380953, 2.0800000000000001});
    }

    @Test
    void r0_estimator_on_the_right_side_mirrors_to_larger_effects() {
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.normand(), REML,
                TrimFillOptions.defaults().withSide(Side.RIGHT).withEstimator(K0Estimator.R0));
        assertThat(r.k0()).isEqualTo(1);
        near("se k0", r.k0Se(), 2);
        near("p k0", r.k0P(), 0.25);
        pooled(r, -9.1533662364775061, 10.286718081805878, -29.314963195933974, 11.008230722978961,
                -0.88982376727783263, 0.37356052250210536, 1011.2363117546569);
        filled(r, new double[] {52.460169891232781}, new double[] {150.22222222222223});
    }

    @Test
    void like_metafor_the_filled_data_are_refitted_with_z_and_95_percent_under_a_knha_analysis() {
        MetaOptions knha90 = REML.withCi(CiMethod.KNHA).withLevel(0.90);
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.bcg(), knha90);
        assertThat(r.k0()).isEqualTo(1);
        assertThat(r.adjusted().pooled().isT()).isFalse();
        pooled(r, -0.65708280076036463, 0.17852846695558042, -1.0069921662084513, -0.30717343531227792,
                -3.6805491693593777, 0.00023273217429358998, 0.33128803733657952);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("Wald z").contains("95%"));
    }

    @Test
    void with_the_analysis_settings_the_filled_data_keep_knha_and_the_level() {
        MetaOptions knha90 = REML.withCi(CiMethod.KNHA).withLevel(0.90);
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.bcg(), knha90,
                TrimFillOptions.defaults().withFitSettings(TrimFillOptions.FitSettings.ANALYSIS));
        assertThat(r.k0()).isEqualTo(1);
        assertThat(r.adjusted().pooled().isT()).isTrue();
        pooled(r, -0.65708278348798421, 0.18150600872594416, -0.97851783591304353, -0.33564773106292495,
                -3.6201709689959256, 0.0031095897231700497, 0.33128763344459228);
        filled(r, new double[] {0.31040302402906716}, new double[] {0.22301724757231517});
    }

    @Test
    void without_filled_studies_a_knha_analysis_keeps_its_own_test() {
        MetaOptions knha90 = REML.withCi(CiMethod.KNHA).withLevel(0.90);
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.bcg(), knha90, TrimFillOptions.defaults().withSide(Side.LEFT));
        assertThat(r.k0()).isZero();
        assertThat(r.adjusted().pooled().isT()).isTrue();
        pooled(r, -0.71453234215816797, 0.18079174409285445, -1.0367552178189989, -0.39230946649733706,
                -3.9522398865248234, 0.0019200150960572435, 0.31324325813679349);
    }

    @Test
    void reports_non_convergence_with_the_iteration_limit() {
        // Hackshaw needs several cycles (k0 goes 0 -> ... -> 7); one is not enough.
        TrimFillResult r = SmallStudyEffects.trimFill(BiasData.hackshaw(), REML,
                TrimFillOptions.defaults().withMaxIterations(1));
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(1);
        assertThat(r.maxIterations()).isEqualTo(1);
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
            assertThat(n.message()).contains("did not converge in 1 iterations").contains("not a valid result");
        });
    }

    @Test
    void rejects_fewer_than_three_studies_with_a_sentence() {
        EffectSizes two = BiasData.effects(new double[] {0.1, 0.3}, new double[] {0.1, 0.2});
        assertThatThrownBy(() -> SmallStudyEffects.trimFill(two, REML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trim-and-fill needs at least 3 studies; this analysis has 2");
    }

    @Test
    void equal_standard_errors_need_a_given_side() {
        EffectSizes same = BiasData.effects(new double[] {0.1, 0.3, 0.2, 0.9}, new double[] {0.1, 0.1, 0.1, 0.1});
        assertThatThrownBy(() -> SmallStudyEffects.trimFill(same, REML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give the side");
        TrimFillResult r = SmallStudyEffects.trimFill(same, REML, TrimFillOptions.defaults().withSide(Side.RIGHT));
        assertThat(r.side()).isEqualTo(Side.RIGHT);
        assertThat(r.converged()).isTrue();
    }
}
