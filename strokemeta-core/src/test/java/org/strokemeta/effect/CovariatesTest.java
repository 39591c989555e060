package org.strokemeta.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.regression.Bcg;
import org.strokemeta.regression.MetaRegression;
import org.strokemeta.regression.Moderator;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.StudyInput;
import org.strokemeta.subgroup.SubgroupAnalysis;
import org.strokemeta.subgroup.SubgroupResult;
import org.strokemeta.subgroup.SubgroupTest;

class CovariatesTest {
    private static final MetaOptions REML = MetaOptions.defaults();

    @Test
    void effects_from_a_table_carry_its_other_columns_and_not_the_input_columns() {
        EffectSizes es = StudyInput.effects(Bcg.table(), MetaRequest.defaults().withMeasure(Measure.RR));
        assertThat(es.covariates().names()).containsExactly("ablat", "year", "alloc");
        assertThat(es.covariates().size()).isEqualTo(es.size());
        assertThat(es.covariates().text("ALLOC", 0)).isEqualTo("random");
        assertThat(es.covariates().number("ablat", 0)).isEqualTo(44);
        assertThat(es.covariates().lines()).containsExactly(es.lines());
    }

    @Test
    void covariates_stay_aligned_with_the_studies_analysed_when_studies_are_left_out() {
        // The double-zero trial on line 3 is left out: the covariates of the others must not shift.
        String csv = "study,events_treat,total_treat,events_ctrl,total_ctrl,year,region\n"
                + "A,4,100,9,100,1990,north\n"
                + "Z,0,50,0,60,1991,south\n"
                + "B,6,120,10,118,1992,east\n"
                + "C,3,80,8,79,,west\n";
        Table t = CsvReader.parse("zero.csv", csv);
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.OR)
                .withContinuity(new Continuity(0.5, Continuity.To.ONLY0, true));
        EffectSizes es = StudyInput.effects(t, r);
        assertThat(es.study()).containsExactly("A", "B", "C");
        assertThat(es.excluded()).singleElement().satisfies(n -> assertThat(n.study()).isEqualTo("Z"));
        DataColumns c = es.covariates();
        assertThat(c.text("region")).containsExactly("north", "east", "west");
        assertThat(c.numbersOrNaN("year")).containsExactly(1990, 1992, Double.NaN);
        assertThat(c.lines()).containsExactly(2, 4, 5);
        // and a subset keeps them together
        EffectSizes bc = es.subset(new int[] {2, 1});
        assertThat(bc.study()).containsExactly("C", "B");
        assertThat(bc.covariates().text("region")).containsExactly("west", "east");
    }

    @Test
    void a_meta_regression_on_a_covariate_given_as_an_array_equals_the_one_read_from_the_table() {
        EffectSizes fromTable = Bcg.rr(Bcg.table());
        RegressionResult expected = MetaRegression.fit(fromTable, List.of(Moderator.numeric("ablat")), REML);

        // The same effects built from arrays by a caller, with the latitude given as numbers.
        double[] ablat = fromTable.covariates().numbersOrNaN("ablat");
        EffectSizes built = new EffectSizes(Measure.RR, fromTable.study(), fromTable.lines(), fromTable.rows(), fromTable.yi(),
                fromTable.vi(), null, List.of()).withCovariate("ablat", ablat);
        RegressionResult r = MetaRegression.fit(built, List.of(Moderator.numeric("ablat")), REML);

        assertThat(r.coefficients()).isEqualTo(expected.coefficients());
        assertThat(r.heterogeneity()).isEqualTo(expected.heterogeneity());
        assertThat(r.r2()).isEqualTo(expected.r2());
        // metafor 3.8.1: rma(yi, vi, mods = ~ ablat, data = dat.bcg), validation/cases/mr_bcg_ablat_reml.json
        Bcg.close(r.coefficients().get(1).estimate(), -0.0291017250116295);
    }

    @Test
    void a_subgroup_analysis_on_a_covariate_given_as_a_list_equals_the_one_read_from_the_table() {
        EffectSizes fromTable = Bcg.rr(Bcg.table());
        SubgroupResult expected = SubgroupAnalysis.run(fromTable, "alloc", REML, SubgroupTest.SEPARATE_TAU2_WALD);
        EffectSizes built = new EffectSizes(Measure.RR, fromTable.study(), fromTable.lines(), fromTable.rows(), fromTable.yi(),
                fromTable.vi(), fromTable.input(), fromTable.notes())
                .withCovariate("alloc", Arrays.asList(fromTable.covariates().text("alloc")));
        SubgroupResult r = SubgroupAnalysis.run(built, "alloc", REML, SubgroupTest.SEPARATE_TAU2_WALD);
        assertThat(r.between()).isEqualTo(expected.between());
        assertThat(r.groups()).hasSameSizeAs(expected.groups());
        for (int g = 0; g < r.groups().size(); g++) {
            assertThat(r.groups().get(g).label()).isEqualTo(expected.groups().get(g).label());
            assertThat(r.groups().get(g).positions()).containsExactly(expected.groups().get(g).positions());
            assertThat(r.groups().get(g).result().pooled()).isEqualTo(expected.groups().get(g).result().pooled());
            assertThat(r.groups().get(g).result().heterogeneity()).isEqualTo(expected.groups().get(g).result().heterogeneity());
        }
        // metafor 3.8.1, validation/cases/sg_bcg_alloc_separate.json
        Bcg.close(r.between().statistic(), 1.86144494615453);
    }

    @Test
    void moderator_detection_and_errors_name_the_file_line_and_column() {
        String csv = Bcg.csv().replace("TPT Madras 1980,505,88391,499,88391,13,", "TPT Madras 1980,505,88391,499,88391,13N,");
        EffectSizes es = Bcg.rr(CsvReader.parse("bcg.csv", csv));
        assertThat(Moderator.detect(es, "ablat").type()).isEqualTo(Moderator.Type.CATEGORICAL);
        assertThatThrownBy(() -> es.covariates().optionalNumbers("ablat"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("bcg.csv");
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.column()).isEqualTo("ablat");
                });
        assertThatThrownBy(() -> SubgroupAnalysis.run(es, "region", REML, SubgroupTest.COMMON_TAU2_QM))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.file()).isEqualTo("bcg.csv");
                    assertThat(e.getMessage()).contains("the column 'region' is missing").contains("alloc");
                });
    }

    @Test
    void covariates_are_immutable_values_that_survive_serialization() throws Exception {
        EffectSizes es = Bcg.rr(Bcg.table());
        EffectSizes same = Bcg.rr(Bcg.table());
        assertThat(es).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(es.covariates()).isEqualTo(same.covariates()).hasSameHashCodeAs(same.covariates());
        assertThat(es.withCovariate("year", new double[es.size()])).isNotEqualTo(es);

        double[] ablat = es.covariates().numbersOrNaN("ablat");
        ablat[0] = -1;
        es.covariates().text("alloc")[0] = "changed";
        es.covariates().lines()[0] = -1;
        assertThat(es).isEqualTo(same);

        double[] given = {1, 2, 3};
        DataColumns c = DataColumns.of("f.csv", new int[] {2, 3, 4}).with("x", given).with("g", new String[] {"a", " 5 ", null});
        given[0] = 99;
        assertThat(c.number("x", 0)).isEqualTo(1);
        assertThat(c.text("x", 1)).isEqualTo("2");
        assertThat(c.number("g", 1)).isEqualTo(5);
        assertThat(c.isBlank("g", 2)).isTrue();
        assertThat(c.numeric("g")).isFalse();
        assertThat(c.numeric("x")).isTrue();
        assertThatThrownBy(() -> c.with("y", new double[2])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> es.withCovariates(c)).isInstanceOf(IllegalArgumentException.class);

        assertThat(roundTrip(c)).isEqualTo(c).hasSameHashCodeAs(c);
        DataColumns back = roundTrip(c);
        assertThat(back.has("X")).isTrue();
        EffectSizes esBack = roundTrip(es);
        assertThat(esBack).isEqualTo(es);
        assertThat(esBack.covariates().text("alloc", 0)).isEqualTo("random");
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
