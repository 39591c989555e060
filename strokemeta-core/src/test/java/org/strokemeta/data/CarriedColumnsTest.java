package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Patients carry the data's other columns, aligned with them, instead of being joined back to the file by line. */
class CarriedColumnsTest {
    @Test
    void loaded_patients_carry_the_files_other_columns_aligned_with_the_complete_cases() {
        String csv = "study,treatment,age,mrs,sich,region\n"
                + "T1,1,70,2,0,north\nT1,0,65,3,1,south\nT2,1,80,,0,east\nT2,0,61,4,,west\nT1,0,55,0,1,north\n";
        Table t = CsvReader.parse("ipd.csv", csv);
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withOutcome("mrs", 7).withCovariates(List.of("age")));
        // The patient on line 4 has no mRS and is left out: the carried values of the others must not shift.
        assertThat(d.lines()).containsExactly(2, 3, 5, 6);
        assertThat(d.columns().names()).containsExactly("age", "sich", "region");
        assertThat(d.columns().text("region")).containsExactly("north", "south", "west", "north");
        assertThat(d.columns().numbersOrNaN("sich")).containsExactly(0, 1, Double.NaN, 1);
        assertThat(d.columns().lines()).containsExactly(d.lines());

        PatientData sub = d.select(new int[] {3, 1}, "a test selection");
        assertThat(sub.columns().text("region")).containsExactly("north", "south");
        assertThat(sub.withCovariatesOnly(List.of()).mergeCategories(5, 6).columns()).isEqualTo(sub.columns());
        assertThat(sub).isNotEqualTo(sub.withColumns(DataColumns.none(2)));
        assertThatThrownBy(() -> d.withColumns(DataColumns.none(3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_text_value_in_a_carried_0_1_column_names_file_line_and_column() {
        String csv = "study,treatment,mrs,sich\nT1,1,2,0\nT1,0,3,yes\n";
        Table t = CsvReader.parse("ipd.csv", csv);
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withOutcome("mrs", 7));
        assertThatThrownBy(() -> d.columns().optionalNumbers("sich")).isInstanceOfSatisfying(InputException.class, e -> {
            assertThat(e.file()).isEqualTo("ipd.csv");
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isEqualTo("sich");
        });
    }

    @Test
    void cohort_patients_carry_its_variables_aligned_with_those_analysed() {
        StrokeCohort c = StrokeLoaderTest.load(StrokeLoaderTest.CSV);
        // Patient b2 (line 5) has no 90-day mRS and is left out.
        PatientData d = c.patients(List.of());
        assertThat(d.lines()).containsExactly(2, 3, 4, 6);
        assertThat(c.covariate(d, "m2")).containsExactly(0, 1, 0, 0);
        assertThat(c.covariate(d, "sich")).containsExactly(0, 0, 1, Double.NaN);
        assertThat(c.covariate(d, "hb")).containsExactly(13.1, 12, 14, 11.5);
        assertThat(c.covariate(d, "NIHSS_baseline")).containsExactly(15, 12, 20, 9);
        int[] site = c.category(d, StrokeField.OCCLUSION_SITE);
        assertThat(site).containsExactly(c.category(StrokeField.OCCLUSION_SITE)[0], c.category(StrokeField.OCCLUSION_SITE)[1],
                c.category(StrokeField.OCCLUSION_SITE)[2], c.category(StrokeField.OCCLUSION_SITE)[4]);
        PatientData m2 = d.select(new int[] {1}, "not an M2 occlusion");
        assertThat(c.covariate(m2, "m2")).containsExactly(1);
        assertThat(c.category(m2, StrokeField.M2_DIVISION)).containsExactly(StrokeField.M2_DIVISION.codeList().indexOf("anterior"));
        assertThatThrownBy(() -> c.covariate(d, "no_such_column")).isInstanceOf(InputException.class);
    }
}
