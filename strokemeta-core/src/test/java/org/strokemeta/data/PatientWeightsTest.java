package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Case weights of patient files: the number of patients a row stands for, checked cell by cell. */
class PatientWeightsTest {
    static PatientData load(String csv) {
        Table t = CsvReader.parse("agg.csv", csv);
        return PatientLoader.load(t, PatientLoader.Columns.defaults(t).withOutcome("mrs", 7).withWeight("n"));
    }

    @Test
    void reads_weights_counts_patients_and_leaves_out_rows_of_weight_zero() {
        PatientData d = load("study,treatment,mrs,n\nT1,1,2,3\nT1,0,3,0\nT1,0,4,2\nT2,1,6,1\nT2,0,,5\n");
        assertThat(d.size()).isEqualTo(3);
        assertThat(d.weights()).containsExactly(3, 2, 1);
        assertThat(d.patients()).isEqualTo(6);
        assertThat(d.excluded()).isEqualTo(5);
        assertThat(d.armSizes()[0]).containsExactly(2, 3);
        assertThat(d.notes()).extracting(Note::message)
                .anySatisfy(m -> assertThat(m).isEqualTo("1 row of weight 0 left out (first on line 3): they stand for no patient"))
                .anySatisfy(m -> assertThat(m).startsWith("5 patients left out: mrs is missing (first on line 6"))
                .anySatisfy(m -> assertThat(m).isEqualTo("case weights from column 'n': 3 rows stand for 6 patients"));
    }

    @Test
    void weights_follow_the_rows_through_selection_and_merging() {
        PatientData d = load("study,treatment,mrs,n\nT1,1,2,3\nT1,0,5,2\nT2,1,6,4\n");
        assertThat(d.mergeCategories(5, 6).weights()).containsExactly(3, 2, 4);
        PatientData s = d.select(new int[] {0, 2}, "test");
        assertThat(s.weights()).containsExactly(3, 4);
        assertThat(s.excluded()).isEqualTo(2);
        assertThat(s.withCovariatesOnly(List.of()).weights()).containsExactly(3, 4);
    }

    @Test
    void rejects_a_blank_weight_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,3\nT1,0,3,\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("agg.csv, line 3, column n: the weight is missing: every row needs the number of patients it stands for");
    }

    @Test
    void rejects_a_non_numeric_weight_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,three\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("agg.csv, line 2, column n: the weight 'three' is not a number of patients");
    }

    @Test
    void rejects_a_negative_weight_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,3\nT1,0,2,-1\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("agg.csv, line 3, column n: the weight -1 is negative");
    }

    @Test
    void rejects_a_non_finite_weight_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,1e999\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("agg.csv, line 2, column n:");
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,Inf\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("agg.csv, line 2, column n:");
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,NaN\n"))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("agg.csv, line 2, column n:");
    }

    @Test
    void rejects_a_fractional_weight_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs,n\nT1,1,2,1.5\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("agg.csv, line 2, column n: the weight 1.5 is not a whole number: a row stands for a whole number of patients");
    }

    @Test
    void rejects_a_missing_weight_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs\nT1,1,2\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("the weight column 'n' is missing");
    }
}
