package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.bias.Near.near;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.Note;

/** Reference values: strokemeta-core/src/test/r/bias_reference.R (metafor 3.8.1 ranktest). */
class RankCorrelationTest {
    @Test
    void matches_metafor_ranktest_on_bcg() {
        RankTest r = SmallStudyEffects.rankTest(BiasData.bcg());
        near("tau", r.tau(), 0.02564102564102564);
        near("p", r.p(), 0.95236190796086628);
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.EXACT);
        assertThat(r.k()).isEqualTo(13);
    }

    @Test
    void exact_kendall_p_for_six_studies_matches_cor_test() {
        RankTest r = SmallStudyEffects.rankTest(BiasData.hine());
        near("tau", r.tau(), -0.59999999999999998);
        near("p", r.p(), 0.1361111111111111);
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.EXACT);
        // 15 pairs, tau = -0.6: S = -9, so 3 concordant pairs.
        assertThat(r.statistic()).isEqualTo(3.0);
    }

    @Test
    void tied_variances_use_the_tie_corrected_normal_approximation() {
        RankTest r = SmallStudyEffects.rankTest(BiasData.molloy());
        near("tau", r.tau(), 0.15899720766358738);
        near("p", r.p(), 0.39183400199370788);
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.NORMAL);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains("equal variances"));
    }

    @Test
    void exact_law_is_used_beyond_fifty_studies_because_metafor_asks_for_it() {
        RankTest r = SmallStudyEffects.rankTest(BiasData.synthetic(60));
        near("tau", r.tau(), 0.03954802259887006);
        near("p", r.p(), 0.66122384338419238);
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.EXACT);
    }

    @Test
    void exact_p_is_computed_beyond_170_studies_where_metafor_returns_nan() {
        // metafor's ranktest gives NaN here (n! overflows); the reference is the same recursion on
        // probabilities written in R (bias_reference.R, s200.rank.p_exact).
        RankTest r = SmallStudyEffects.rankTest(BiasData.synthetic(200));
        near("tau", r.tau(), 0.16020100502512563);
        near("p", r.p(), 0.00072309402724619551);
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.EXACT);
    }

    @Test
    void rejects_fewer_than_three_studies_with_a_sentence() {
        assertThatThrownBy(() -> RankCorrelation.test(new double[] {0.1, 0.2}, new double[] {0.1, 0.2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the rank correlation test needs at least 3 studies; this analysis has 2");
    }

    @Test
    void a_study_with_zero_variance_is_left_out_with_a_note_as_in_pooling() {
        double[] y = {0.1, 0.5, 0.3, 0.8, 0.2};
        double[] v = {0.2, 0.0, 0.1, 0.4, 0.3};
        RankTest r = SmallStudyEffects.rankTest(BiasData.effects(y, v));
        RankTest without = RankCorrelation.test(new double[] {0.1, 0.3, 0.8, 0.2}, new double[] {0.2, 0.1, 0.4, 0.3});
        assertThat(r.k()).isEqualTo(4);
        assertThat(r.tau()).isEqualTo(without.tau());
        assertThat(r.notes()).first().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.EXCLUDED);
            assertThat(n.study()).isEqualTo("Study 2");
        });
    }

    @Test
    void equal_variances_leave_tau_undefined_and_say_so() {
        RankTest r = RankCorrelation.test(new double[] {0.1, 0.5, 0.3}, new double[] {0.2, 0.2, 0.2});
        assertThat(r.tau()).isNaN();
        assertThat(r.pMethod()).isEqualTo(RankTest.PValueMethod.UNDEFINED);
        assertThat(r.notes()).extracting(Note::kind).contains(Note.Kind.WARNING);
    }
}
