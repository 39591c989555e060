package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StrokeLoaderTest {
    static final String CSV = """
            Study,Patient ID,Group,Age,Sex,NIHSS_baseline,IVT,OTR,ASPECTS,Occlusion_site,M2_segment,M2_division,M2_dominance,mRS,sICH,eTICI,hb
            Trial 10,a1,EVT,70,F,15,yes,180,8,ICA-T,,,,2,0,2b50,13.1
            Trial 10,a2,control,65,M,12,no,200,9,M2,distal,anterior,co-dominant,3,0,,12
            Trial 2,b1,thrombectomy,80,female,20,1,150,,M1,,,,6,1,3,14
            Trial 2,b2,best medical management,,male,18,0,120,7,M2,proximal,posterior,dominant,,0,,
            Trial 2,b3,1,61,M,9,0,300,10,m1,,,,1,,2c,11.5
            """;

    static StrokeCohort load(String csv) {
        return StrokeLoader.load(CsvReader.parse("hermes.csv", csv));
    }

    @Test
    void maps_headers_and_codes_by_the_dictionary() {
        StrokeCohort c = load(CSV);
        assertThat(c.trials()).containsExactly("Trial 2", "Trial 10");
        assertThat(c.trial()).containsExactly(1, 1, 0, 0, 0);
        assertThat(c.arm()).containsExactly(1, 0, 1, 0, 1);
        assertThat(c.mrs90()).containsExactly(2, 3, 6, -1, 1);
        assertThat(c.covariate("female")).containsExactly(1, 0, 1, 0, 0);
        assertThat(c.covariate("ivt")).containsExactly(1, 0, 1, 0, 0);
        assertThat(c.covariate("onset_to_randomisation")).containsExactly(180, 200, 150, 120, 300);
        assertThat(c.covariate("m2")).containsExactly(0, 1, 0, 1, 0);
        assertThat(c.covariate("ica")).containsExactly(1, 0, 0, 0, 0);
        assertThat(c.covariate("m2_proximal")).containsExactly(Double.NaN, 0, Double.NaN, 1, Double.NaN);
        assertThat(c.covariate("m2_dominant")).containsExactly(Double.NaN, 0, Double.NaN, 1, Double.NaN);
        assertThat(c.category(StrokeField.REPERFUSION)).containsExactly(4, -1, 7, -1, 6);
        assertThat(c.covariate("death90")).containsExactly(0, 0, 1, Double.NaN, 0);
        assertThat(c.covariate("hb")).containsExactly(13.1, 12, 14, Double.NaN, 11.5);
        assertThat(c.patientIds()).containsExactly("a1", "a2", "b1", "b2", "b3");
    }

    @Test
    void a_file_without_patient_identifiers_has_none_rather_than_failing() {
        String noIds = CSV.lines().map(l -> l.replaceFirst("^([^,]*),[^,]*,", "$1,")).collect(java.util.stream.Collectors.joining("\n"));
        StrokeCohort c = load(noIds);
        assertThat(c.has(StrokeField.PATIENT_ID)).isFalse();
        assertThat(c.patientIds()).isNull();
        assertThat(c.size()).isEqualTo(5);
    }

    @Test
    void counts_missing_values_and_leaves_incomplete_patients_out_of_an_analysis_with_reasons() {
        StrokeCohort c = load(CSV);
        assertThat(c.notes()).extracting(Note::message).anyMatch(m -> m.startsWith("1 of 5 patients have no age"))
                .anyMatch(m -> m.startsWith("1 of 5 patients have no mrs90"));
        PatientData d = c.patients(List.of("age", "nihss", "aspects"));
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.studyNames()).containsExactly("Trial 2", "Trial 10");
        assertThat(d.outcome()).containsExactly(2, 3, 1);
        assertThat(d.notes()).extracting(Note::message).anyMatch(m -> m.startsWith("1 patient left out: mrs90 is missing"))
                .anyMatch(m -> m.startsWith("1 patient left out: aspects is missing (first on line 4"));
    }

    @Test
    void a_code_outside_the_list_stops_with_line_column_and_the_codes() {
        String bad = CSV.replace("Trial 2,b1,thrombectomy,80,female,20,1,150,,M1", "Trial 2,b1,thrombectomy,80,female,20,1,150,,M3");
        assertThatThrownBy(() -> load(bad)).isInstanceOf(InputException.class)
                .hasMessageContaining("hermes.csv, line 4, column Occlusion_site: 'M3' is not a code of occlusion_site (ICA, M1, M2)");
    }

    @Test
    void a_value_out_of_range_stops_with_line_and_column() {
        String bad = CSV.replace("Trial 10,a1,EVT,70,F,15,", "Trial 10,a1,EVT,70,F,43,");
        assertThatThrownBy(() -> load(bad)).hasMessageContaining("line 2, column NIHSS_baseline: the value 43 lies outside the whole numbers 0 to 42");
        String frac = CSV.replace(",M2,proximal,posterior,dominant,,0,,", ",M2,proximal,posterior,dominant,2.5,0,,");
        assertThatThrownBy(() -> load(frac)).hasMessageContaining("line 5, column mRS: the value 2.5 lies outside the whole numbers 0 to 6");
    }

    @Test
    void m2_details_for_another_site_are_an_error() {
        String bad = CSV.replace("ICA-T,,,,2,0", "ICA-T,distal,,,2,0");
        assertThatThrownBy(() -> load(bad)).hasMessageContaining("line 2, column M2_segment: m2_segment is given for a patient with an ICA occlusion");
    }

    @Test
    void death_at_90_days_must_agree_with_mrs_6() {
        String csv = "trial,arm,mrs90,death90\nA,evt,6,1\nA,control,5,1\n";
        assertThatThrownBy(() -> load(csv)).hasMessageContaining("line 3, column death90: death90 is 1 but the 90-day mRS is 5");
    }

    @Test
    void a_patient_twice_in_a_trial_two_columns_for_one_field_and_a_missing_required_column_are_errors() {
        assertThatThrownBy(() -> load("trial,patient_id,arm,mrs90\nA,1,evt,2\nA,1,control,3\n"))
                .hasMessageContaining("line 3, column patient_id: patient 1 of trial A appears twice");
        assertThatThrownBy(() -> load("trial,arm,mrs90,mrs\nA,evt,2,2\n"))
                .hasMessageContaining("column mrs: this column and 'mrs90' both give mrs90");
        assertThatThrownBy(() -> load("trial,arm,age\nA,evt,70\n"))
                .hasMessageContaining("the column mrs90 is missing");
        assertThatThrownBy(() -> load("trial,arm,mrs90\nA,,2\n"))
                .hasMessageContaining("line 2, column arm: the value is missing");
    }

    @Test
    void recognises_files_of_the_dictionary() {
        assertThat(StrokeLoader.recognises(CsvReader.parse("x.csv", CSV))).isTrue();
        assertThat(StrokeLoader.recognises(CsvReader.parse("x.csv", "trial,arm,mrs90\nA,evt,2\n"))).isTrue();
        // generic patient files (study, treatment 1/0, mrs) keep their own reading
        assertThat(StrokeLoader.recognises(CsvReader.parse("x.csv", "study,treatment,sex,mrs\nA,1,0,2\n"))).isFalse();
        StrokeCohort c = load("trial,arm,female,mrs90\nA,evt,1,2\nA,control,0,3\n");
        assertThat(c.covariate("female")).containsExactly(1, 0);
    }

    @Test
    void the_data_dictionary_in_the_docs_is_the_one_the_product_reads_by() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/data-dictionary.md"));
        assertThat(doc).isEqualTo(StrokeField.markdown());
        for (StrokeField f : StrokeField.values()) {
            assertThat(StrokeField.ofHeader(f.column())).isEqualTo(f);
            for (String alias : f.aliases()) {
                assertThat(StrokeField.ofHeader(alias)).as(alias).isEqualTo(f);
            }
        }
    }

    @Test
    void reperfusion_in_the_control_arm_is_noted() {
        StrokeCohort c = load("trial,arm,mrs90,etici\nA,evt,2,3\nA,control,3,2b\n");
        assertThat(c.notes()).extracting(Note::message).anyMatch(m -> m.startsWith("1 control patient has a reperfusion grade"));
    }
}
