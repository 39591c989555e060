package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.data.WrongDataKind;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** {@link Meta} gives the numbers of the engine it wraps, and metafor's on the BCG trials. */
class MetaTest {
    private static final MetaRequest RR = MetaRequest.defaults().withMeasure(Measure.RR);

    /** metafor 3.8.1 escalc("RR", dat.bcg): the log risk ratios and their variances. */
    private static final double[] BCG_YI = {
        -0.88931133392020545, -1.5853886572014306, -1.3480731482996933, -1.4415511900213054,
        -0.21754732221129558, -0.78611558581886398, -1.6208982235983918, 0.011952333523840508,
        -0.4694176487381494, -1.3713448034727844, -0.33935882833839059, 0.44591340057137874, -0.017313948216879815
    };
    private static final double[] BCG_VI = {
        0.32558476500396133, 0.19458112139814385, 0.41536796536796539, 0.020010031902247573,
        0.051210172169630863, 0.0069056184559087574, 0.22301724757231517, 0.0039615792978177295,
        0.056434210463248966, 0.07302479361302891, 0.01241221397155972, 0.53250584520015276, 0.071404659683986293
    };

    private static Table bcg() {
        return Examples.table(Examples.get("bcg"));
    }

    private static List<String> labels(int k) {
        List<String> out = new ArrayList<>();
        for (int i = 1; i <= k; i++) {
            out.add("Study " + i);
        }
        return out;
    }

    @Test
    void analyze_on_bcg_equals_metarun_run() {
        List<MetaRun.Outcome> api = Meta.analyze(bcg(), RR.withSubgroup("alloc"));
        List<MetaRun.Outcome> engine = MetaRun.run(bcg(), RR.withSubgroup("alloc"));
        assertThat(api).isEqualTo(engine);
        assertThat(api.get(0).subgroups()).isNotNull();
    }

    @Test
    void analyze_of_a_csv_file_equals_the_analysis_of_its_table(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bcg.csv");
        Files.write(f, Examples.bytes(Examples.get("bcg")));
        MetaResult fromFile = Meta.analyze(f, RR).get(0).result();
        MetaResult fromTable = MetaRun.run(CsvReader.read(f), RR).get(0).result();
        assertThat(fromFile).isEqualTo(fromTable);
        assertThat(fromFile.pooled().estimate()).isEqualTo(Meta.analyze(bcg(), RR).get(0).result().pooled().estimate());
    }

    @Test
    void pool_from_arrays_equals_metafor_on_bcg() {
        // metafor 3.8.1 rma(yi, vi, method = "REML"): validation/cases/pw_bcg_rr_reml.json
        MetaRun.Outcome o = Meta.pool(BCG_YI, BCG_VI, labels(13), MetaRequest.defaults());
        MetaResult r = o.result();
        assertThat(o.effects().measure()).isEqualTo(Measure.GEN);
        assertThat(r.k()).isEqualTo(13);
        assertThat(r.pooled().estimate()).isCloseTo(-0.714532342158212, within(1e-8));
        assertThat(r.pooled().se()).isCloseTo(0.179781516105389, within(1e-8));
        assertThat(r.pooled().ciLower()).isCloseTo(-1.06689763881078, within(1e-8));
        assertThat(r.heterogeneity().tau2()).isCloseTo(0.313243258137274, within(1e-8));
        assertThat(r.heterogeneity().i2()).isCloseTo(92.2213845212871, within(1e-6));
    }

    @Test
    void pool_from_the_tables_effects_gives_the_tables_pooled_estimate() {
        MetaRun.Outcome table = Meta.analyze(bcg(), RR).get(0);
        EffectSizes es = Meta.effects(bcg(), RR);
        assertThat(es).isEqualTo(table.effects());
        MetaRun.Outcome arrays = Meta.pool(es.yi(), es.vi(), Arrays.asList(es.study()), MetaRequest.defaults());
        assertThat(arrays.result().pooled()).isEqualTo(table.result().pooled());
        assertThat(arrays.result().heterogeneity()).isEqualTo(table.result().heterogeneity());
        assertThat(arrays.effects().study()).containsExactly(es.study());
    }

    @Test
    void analyze_of_computed_effects_equals_the_analysis_of_the_table() {
        MetaRun.Outcome table = Meta.analyze(bcg(), RR).get(0);
        MetaRun.Outcome effects = Meta.analyze(Meta.effects(bcg(), RR), RR);
        assertThat(effects).isEqualTo(table);
    }

    @Test
    void ratios_given_as_log_arrays_are_shown_as_ratios() {
        MetaRun.Outcome o = Meta.pool(BCG_YI, BCG_VI, labels(13), MetaRequest.defaults().withMeasure(Measure.RATIO));
        assertThat(o.effects().measure()).isEqualTo(Measure.RATIO);
        assertThat(o.result().pooled().estimate()).isCloseTo(-0.714532342158212, within(1e-8));
    }

    @Test
    void pool_names_what_is_wrong_with_the_arrays() {
        MetaRequest d = MetaRequest.defaults();
        assertThatThrownBy(() -> Meta.pool(new double[] {1, 2}, new double[] {1}, labels(2), d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same length");
        assertThatThrownBy(() -> Meta.pool(new double[] {1, 2}, new double[] {1, 0}, labels(2), d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vi[1] must be positive");
        assertThatThrownBy(() -> Meta.pool(new double[] {Double.NaN}, new double[] {1}, labels(1), d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("yi[0] must be finite");
        assertThatThrownBy(() -> Meta.pool(new double[0], new double[0], List.of(), d))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Meta.pool(BCG_YI, BCG_VI, labels(13), d.withMeasure(Measure.OR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measure must be GEN or RATIO");
    }

    @Test
    void computed_effects_carry_their_covariates_but_take_no_batch_and_no_other_measure() {
        EffectSizes es = Meta.effects(bcg(), RR);
        // the study-level columns travel with the effects: the subgroup analysis needs no table
        assertThat(Meta.analyze(es, RR.withSubgroup("alloc")).subgroups())
                .isEqualTo(Meta.analyze(bcg(), RR.withSubgroup("alloc")).get(0).subgroups());
        assertThatThrownBy(() -> Meta.analyze(es, RR.withBy("alloc")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("by splits a table");
        assertThatThrownBy(() -> Meta.analyze(es, RR.withMeasure(Measure.OR)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("measure is OR but the effects are RR");
    }

    @Test
    void patient_level_data_are_a_wrong_data_kind_in_the_apis_terms() {
        Table patients = CsvReader.parse("p.csv", "study,treatment,mrs\nA,1,2\nA,0,1\n");
        assertThatThrownBy(() -> Meta.analyze(patients, MetaRequest.defaults()))
                .isInstanceOfSatisfying(WrongDataKind.class, e -> {
                    assertThat(e.kind()).isEqualTo(DataKind.PATIENTS);
                    assertThat(e.source()).isEqualTo("p.csv");
                    assertThat(e.getMessage()).startsWith("p.csv: ").contains("patient-level").contains("org.strokemeta.Ipd")
                            .doesNotContain("--").doesNotContain("strokemeta ipd");
                });
        Table stroke = Examples.table(Examples.get("hermes_sim"));
        assertThatThrownBy(() -> Meta.analyze(stroke, MetaRequest.defaults()))
                .isInstanceOfSatisfying(WrongDataKind.class, e -> assertThat(e.kind()).isEqualTo(DataKind.STROKE_PATIENTS));
        Table mrs = Examples.table(Examples.get("mrs_sim"));
        assertThatThrownBy(() -> Meta.analyze(mrs, MetaRequest.defaults()))
                .isInstanceOfSatisfying(WrongDataKind.class, e -> assertThat(e.kind()).isEqualTo(DataKind.MRS_TABLE));
    }

    @Test
    void columns_of_no_known_kind_are_an_input_error_that_lists_them() {
        Table none = CsvReader.parse("n.csv", "study,foo\nA,1\n");
        assertThatThrownBy(() -> Meta.analyze(none, MetaRequest.defaults()))
                .isExactlyInstanceOf(InputException.class).hasMessageContaining("cannot tell the kind of data from the columns (study, foo)");
    }
}
