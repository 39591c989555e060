package org.strokemeta.subgroup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strokemeta.regression.Bcg.close;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.regression.Bcg;

/**
 * Subgroup analysis against metafor 3.8.1. Reference values are printed by
 * strokemeta-core/src/test/r/regression_reference.R (blocks sg10 and sg_dl_knha); the corpus cases
 * sg_bcg_alloc_qm and sg_bcg_alloc_separate cover all 13 trials.
 */
class SubgroupAnalysisTest {
    private static final MetaOptions REML = MetaOptions.defaults();

    private static SubgroupResult run(Table t, MetaOptions o, SubgroupTest test) {
        return SubgroupAnalysis.run(Bcg.rr(t), "alloc", o, test);
    }

    private static void group(SubgroupResult r, String label, double est, double se, double lo, double hi, double tau2,
                              double i2, double q, int k) {
        MetaResult m = r.group(label).result();
        close(m.pooled().estimate(), est);
        close(m.pooled().se(), se);
        close(m.pooled().ciLower(), lo);
        close(m.pooled().ciUpper(), hi);
        close(m.heterogeneity().tau2(), tau2);
        close(m.heterogeneity().i2(), i2);
        close(m.heterogeneity().q(), q);
        assertThat(r.group(label).k()).isEqualTo(k);
    }

    @Test
    void a_subgroup_of_one_study_is_taken_as_fixed_effect_and_matches_metafor() {
        // regression_reference.R, block sg10: trials 1-10 by allocation; systematic holds only trial 10.
        SubgroupResult r = run(Bcg.table(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), REML, SubgroupTest.SEPARATE_TAU2_WALD);
        assertThat(r.groups()).extracting(SubgroupResult.Group::label).containsExactly("random", "alternate", "systematic");
        group(r, "random", -0.970964704261688, 0.275956102970309, -1.51182872739752, -0.430100681125856,
                0.392528006891838, 89.9343157010563, 110.213261175188, 7);
        group(r, "alternate", -0.540792961849346, 0.281601613103888, -1.09272198152135, 0.0111360578226571,
                0.132577039878093, 82.0225155666642, 5.56251350798385, 2);
        group(r, "systematic", -1.37134480347278, 0.270231000466321, -1.900987831893, -0.841701775052568, 0, 0, 0, 1);
        assertThat(r.group("systematic").single()).isTrue();
        assertThat(r.group("systematic").result().options().model()).isEqualTo(Model.FIXED);
        assertThat(r.notes()).anyMatch(n -> n.message().contains("subgroup systematic has a single study"));
        close(r.between().statistic(), 4.52864745200421);
        assertThat(r.between().df1()).isEqualTo(2);
        assertThat(r.between().isF()).isFalse();
        close(r.between().p(), 0.103900275841863);
    }

    @Test
    void common_tau2_test_with_a_one_study_subgroup_matches_metafor() {
        // regression_reference.R, block sg10: QM of rma(yi, vi, mods = ~ factor(alloc)) on trials 1-10.
        SubgroupResult r = run(Bcg.table(1, 2, 3, 4, 5, 6, 7, 8, 9, 10), REML, SubgroupTest.COMMON_TAU2_QM);
        close(r.between().statistic(), 1.35677551844529);
        assertThat(r.between().df1()).isEqualTo(2);
        close(r.between().p(), 0.507434439723096);
        assertThat(r.between().method()).isEqualTo(SubgroupTest.COMMON_TAU2_QM);
    }

    @Test
    void common_tau2_test_under_knha_is_an_f_test() {
        // regression_reference.R, block sg_dl_knha: rma(yi, vi, mods = ~ factor(alloc), method = "DL", test = "knha")
        SubgroupResult r = run(Bcg.table(), REML.withTau2(Tau2Method.DL).withCi(CiMethod.KNHA), SubgroupTest.COMMON_TAU2_QM);
        assertThat(r.between().isF()).isTrue();
        close(r.between().statistic(), 1.12908890891423);
        assertThat(r.between().df1()).isEqualTo(2);
        close(r.between().df2(), 10);
        close(r.between().p(), 0.361302041231195);
    }

    @Test
    void a_blank_subgroup_leaves_the_study_out_with_a_note() {
        String csv = Bcg.csv().replace("Aronson 1948,4,123,11,139,44,1948,random", "Aronson 1948,4,123,11,139,44,1948,");
        Table t = CsvReader.parse("bcg.csv", csv);
        SubgroupResult r = SubgroupAnalysis.run(Bcg.rr(t), "alloc", REML, SubgroupTest.SEPARATE_TAU2_WALD);
        assertThat(r.k()).isEqualTo(12);
        assertThat(r.group("random").k()).isEqualTo(6);
        assertThat(r.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.EXCLUDED);
            assertThat(n.study()).isEqualTo("Aronson 1948");
            assertThat(n.line()).isEqualTo(2);
            assertThat(n.message()).contains("alloc");
        });
    }

    @Test
    void groups_come_in_order_of_first_appearance() {
        SubgroupResult r = run(Bcg.table(12, 5, 1, 6, 13, 2), REML, SubgroupTest.SEPARATE_TAU2_WALD);
        assertThat(r.groups()).extracting(SubgroupResult.Group::label).containsExactly("systematic", "alternate", "random");
    }

    @Test
    void a_single_subgroup_has_no_test_for_differences() {
        SubgroupResult r = run(Bcg.table(1, 2, 3), REML, SubgroupTest.COMMON_TAU2_QM);
        assertThat(r.groups()).hasSize(1);
        assertThat(r.between()).isNull();
        assertThat(r.notes()).anyMatch(n -> n.message().contains("one subgroup"));
    }

    @Test
    void common_tau2_test_that_cannot_be_fitted_is_reported_not_thrown() {
        // Two studies in two subgroups: no study is left to estimate a common tau².
        SubgroupResult r = run(Bcg.table(1, 5), REML, SubgroupTest.COMMON_TAU2_QM);
        assertThat(r.between()).isNull();
        assertThat(r.notes()).anyMatch(n -> n.kind() == Note.Kind.WARNING && n.message().contains("no test for subgroup differences"));
    }

    @Test
    void a_missing_subgroup_column_is_an_input_error() {
        Table t = Bcg.table();
        assertThatThrownBy(() -> SubgroupAnalysis.run(Bcg.rr(t), "region", REML, SubgroupTest.COMMON_TAU2_QM))
                .isInstanceOf(InputException.class).hasMessageContaining("region");
    }

    @Test
    void parses_both_test_names() {
        assertThat(SubgroupTest.parse("separate_tau2_wald")).isEqualTo(SubgroupTest.SEPARATE_TAU2_WALD);
        assertThat(SubgroupTest.parse("COMMON_TAU2_QM")).isEqualTo(SubgroupTest.COMMON_TAU2_QM);
        assertThatThrownBy(() -> SubgroupTest.parse("qb")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("separate_tau2_wald");
    }
}
