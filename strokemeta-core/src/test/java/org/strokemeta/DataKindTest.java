package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.Examples;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;

/** The kind of data is told from the columns in one place, with study-level columns before patient-level ones. */
class DataKindTest {
    private static DataKind of(String header) {
        return DataKind.of(CsvReader.parse("t.csv", header + "\n"));
    }

    @Test
    void every_bundled_example_has_the_kind_its_analysis_takes() {
        Map<String, DataKind> kinds = new LinkedHashMap<>();
        for (Examples.Example e : Examples.all().values()) {
            kinds.put(e.name(), DataKind.of(Examples.table(e)));
        }
        assertThat(kinds).containsExactly(Map.entry("bcg", DataKind.BINARY), Map.entry("hine", DataKind.BINARY),
                Map.entry("normand", DataKind.CONTINUOUS), Map.entry("hackshaw", DataKind.GENERIC),
                Map.entry("mrs_sim", DataKind.MRS_TABLE), Map.entry("ipd_sim", DataKind.PATIENTS),
                Map.entry("hermes_sim", DataKind.STROKE_PATIENTS), Map.entry("af_stroke_nma", DataKind.NETWORK_ARMS));
        for (Examples.Example e : Examples.all().values()) {
            DataKind k = kinds.get(e.name());
            assertThat(k.studyLevel()).as(e.name()).isEqualTo(e.isAggregate());
            assertThat(k.patientLevel()).as(e.name()).isEqualTo(e.measure().equals("IPD"));
        }
    }

    @Test
    void study_level_columns_are_told_apart() {
        assertThat(of("study,events_treat,total_treat,events_ctrl,total_ctrl")).isEqualTo(DataKind.BINARY);
        assertThat(of("study,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl")).isEqualTo(DataKind.CONTINUOUS);
        assertThat(of("study,yi,vi")).isEqualTo(DataKind.GENERIC);
        assertThat(of("study,yi,sei")).isEqualTo(DataKind.GENERIC);
        assertThat(of("study,estimate,ci_lower,ci_upper")).isEqualTo(DataKind.GENERIC);
        assertThat(of("study,cat0,cat1,cat2,arm")).isEqualTo(DataKind.MRS_TABLE);
        assertThat(of("trial,arm,n0,n1")).isEqualTo(DataKind.MRS_TABLE);
        assertThat(of("study,xi,ni")).isEqualTo(DataKind.PROPORTIONS);
        assertThat(of("study,xi,ti")).isEqualTo(DataKind.RATES);
        assertThat(of("study,x1i,t1i,x2i,t2i")).isEqualTo(DataKind.TWO_ARM_RATES);
        assertThat(of("study,m1i,m2i,sd1i,sd2i,ni,ri")).isEqualTo(DataKind.PRE_POST);
        assertThat(of("study,m1i,m2i,sd1i,ni")).isEqualTo(DataKind.PRE_POST);
        assertThat(of("study,ri,ni")).isEqualTo(DataKind.CORRELATIONS);
        for (DataKind k : new DataKind[] {DataKind.PROPORTIONS, DataKind.RATES, DataKind.TWO_ARM_RATES, DataKind.PRE_POST, DataKind.CORRELATIONS}) {
            assertThat(k.studyLevel()).as(k.name()).isTrue();
            assertThat(k.patientLevel()).as(k.name()).isFalse();
        }
    }

    @Test
    void ambiguous_tables_follow_the_order_of_the_rules() {
        // tabulated counts before study-level columns; study-level columns before patient-level ones
        assertThat(of("study,arm,mrs0,mrs1,events_treat,total_treat,events_ctrl,total_ctrl")).isEqualTo(DataKind.MRS_TABLE);
        assertThat(of("study,events_treat,total_treat,events_ctrl,total_ctrl,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl"))
                .isEqualTo(DataKind.BINARY);
        assertThat(of("study,treatment,mrs,events_treat,total_treat,events_ctrl,total_ctrl")).isEqualTo(DataKind.BINARY);
        assertThat(of("trial,arm,mrs90,yi,vi")).isEqualTo(DataKind.GENERIC);
        // generic estimates before the escalc kinds (metafor's data often keep yi and vi beside ri and ni)
        assertThat(of("study,ri,ni,yi,vi")).isEqualTo(DataKind.GENERIC);
        // two-arm rates before single-arm ones, pre-post before correlations, rates before proportions
        assertThat(of("study,xi,ti,x1i,t1i,x2i,t2i")).isEqualTo(DataKind.TWO_ARM_RATES);
        assertThat(of("study,m1i,m2i,sd1i,ni,ri")).isEqualTo(DataKind.PRE_POST);
        assertThat(of("study,xi,ni,ti")).isEqualTo(DataKind.RATES);
        // the dictionary's own names make stroke data; its aliases alone (treatment, mrs) make generic patient data
        assertThat(of("trial,arm,mrs90")).isEqualTo(DataKind.STROKE_PATIENTS);
        assertThat(of("study,treatment,mrs,occlusion_site")).isEqualTo(DataKind.STROKE_PATIENTS);
        assertThat(of("study,treatment,sex,mrs")).isEqualTo(DataKind.PATIENTS);
        assertThat(of("study,treatment,outcome")).isEqualTo(DataKind.PATIENTS);
        // a lone 90-day mRS is a patient's outcome, not a category column
        assertThat(of("trial,arm,mrs90,age")).isEqualTo(DataKind.STROKE_PATIENTS);
    }

    @Test
    void incomplete_or_foreign_columns_are_unknown() {
        assertThat(of("study,foo")).isEqualTo(DataKind.UNKNOWN);
        assertThat(of("study,yi")).isEqualTo(DataKind.UNKNOWN);
        assertThat(of("study,events_treat,total_treat,events_ctrl")).isEqualTo(DataKind.UNKNOWN);
        assertThat(of("study,arm,mrs1,mrs2")).isEqualTo(DataKind.UNKNOWN);
        assertThat(of("study,treatment,age")).isEqualTo(DataKind.UNKNOWN);
        assertThat(DataKind.UNKNOWN.studyLevel()).isFalse();
        assertThat(DataKind.UNKNOWN.patientLevel()).isFalse();
    }

    @Test
    void the_loaders_predicates_ask_data_kind() {
        for (Examples.Example e : Examples.all().values()) {
            Table t = Examples.table(e);
            assertThat(OrdinalTableLoader.looksOrdinal(t)).as(e.name()).isEqualTo(DataKind.of(t) == DataKind.MRS_TABLE);
            assertThat(StrokeLoader.recognises(t)).as(e.name()).isEqualTo(DataKind.of(t) == DataKind.STROKE_PATIENTS);
        }
    }
}
