package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.bias.Near.near;

import org.junit.jupiter.api.Test;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;

/** Reference values: strokemeta-core/src/test/r/bias_reference.R (metafor 3.8.1 regtest). */
class EggerRegressionTest {
    private static final MetaOptions REML = MetaOptions.defaults();

    @Test
    void classic_lm_test_matches_metafor_on_bcg() {
        EggerTest e = SmallStudyEffects.eggerClassic(BiasData.bcg(), 0.95);
        assertThat(e.model()).isEqualTo(EggerModel.LM);
        assertThat(e.isT()).isTrue();
        near("t", e.statistic(), -1.4012820022893326);
        near("df", e.df(), 11);
        near("p", e.p(), 0.18870699508197877);
        near("slope", e.slope(), -2.1120421208932956);
        near("slope se", e.slopeSe(), 1.5072213283570077);
        near("limit estimate", e.intercept(), -0.19092864235982013);
        near("limit estimate se", e.interceptSe(), 0.22008494954872537);
        near("ci lower", e.ciLower(), -0.67533235027608185);
        near("ci upper", e.ciUpper(), 0.29347506555644165);
        assertThat(e.tau2()).isNaN();
    }

    @Test
    void classic_lm_test_with_six_studies_has_four_degrees_of_freedom() {
        EggerTest e = SmallStudyEffects.eggerClassic(BiasData.hine(), 0.95);
        near("t", e.statistic(), -1.9288547239900611);
        near("df", e.df(), 4);
        near("p", e.p(), 0.12598123897071428);
        near("limit estimate", e.intercept(), 0.061005164609603445);
        near("ci lower", e.ciLower(), 0.013989893687742554);
        near("ci upper", e.ciUpper(), 0.10802043553146434);
        near("intercept se", e.interceptSe(), 0.016933621642237193);
    }

    @Test
    void meta_regression_test_matches_metafor_on_bcg() {
        EggerTest e = SmallStudyEffects.egger(BiasData.bcg(), REML);
        assertThat(e.isT()).isFalse();
        near("z", e.statistic(), -0.80332919308976369);
        near("p", e.p(), 0.42178448885592007);
        near("slope", e.slope(), -0.76324004060383099);
        near("slope se", e.slopeSe(), 0.95009623348587413);
        near("limit estimate", e.intercept(), -0.51043187410316138);
        near("ci lower", e.ciLower(), -1.1182239890095027);
        near("ci upper", e.ciUpper(), 0.097360240803179843);
        near("tau2", e.tau2(), 0.30824911110759223);
        assertThat(e.converged()).isTrue();
    }

    @Test
    void hartung_knapp_gives_a_t_test_with_k_minus_two_df_and_the_analysis_level() {
        MetaOptions o = REML.withCi(CiMethod.KNHA).withLevel(0.90);
        EggerTest e = SmallStudyEffects.egger(BiasData.bcg(), o);
        assertThat(e.isT()).isTrue();
        near("t", e.statistic(), -0.78115413360140651);
        near("df", e.df(), 11);
        near("p", e.p(), 0.45119667995398882);
        near("slope se", e.slopeSe(), 0.9770671468958565);
        near("ci lower (90%)", e.ciLower(), -1.0831517615298987);
        near("ci upper (90%)", e.ciUpper(), 0.062288013323575808);
        assertThat(e.level()).isEqualTo(0.90);
    }

    @Test
    void fixed_effect_meta_regression_uses_a_wald_z_test() {
        EggerTest e = SmallStudyEffects.egger(BiasData.bcg(), REML.withModel(Model.FIXED));
        near("z", e.statistic(), -4.8019462450234638);
        near("p", e.p(), 1.5713087960221449e-06);
        near("slope se", e.slopeSe(), 0.43983043814414358);
        near("limit estimate", e.intercept(), -0.19092864235982066);
        near("ci lower", e.ciLower(), -0.31680572976441324);
        assertThat(e.tau2()).isZero();
    }

    @Test
    void rejects_fewer_than_three_studies_with_a_sentence() {
        assertThatThrownBy(() -> EggerModel.LM.test(new double[] {0.1, 0.2}, new double[] {0.1, 0.2}, REML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Egger's regression test needs at least 3 studies; this analysis has 2");
    }

    @Test
    void rejects_studies_that_all_have_the_same_standard_error() {
        assertThatThrownBy(() -> EggerModel.RMA.test(new double[] {0.1, 0.2, 0.4}, new double[] {0.1, 0.1, 0.1}, REML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("all studies have the same standard error");
    }

    @Test
    void rejects_a_non_positive_variance() {
        assertThatThrownBy(() -> EggerModel.LM.test(new double[] {0.1, 0.2, 0.4}, new double[] {0.1, 0, 0.3}, REML))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("study 2 needs a positive, finite variance (got 0.0)");
    }
}
