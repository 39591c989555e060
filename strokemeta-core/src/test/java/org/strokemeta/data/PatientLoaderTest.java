package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatientLoaderTest {
    static final String CSV = "study,treatment,age,nihss,mrs\n"
            + "T1,1,70,15,2\nT1,0,65,,3\nT2,1,80,20,6\nT2,0,,18,\nT1,0,55,10,0\nT2,1,60,12,1\n";

    static PatientData load(String csv, List<String> covariates) {
        Table t = CsvReader.parse("ipd.csv", csv);
        return PatientLoader.load(t, PatientLoader.Columns.defaults(t).withOutcome("mrs", 7).withCovariates(covariates));
    }

    @Test
    void reads_patients_column_wise_with_trials_in_natural_order() {
        PatientData d = load(CSV, List.of("age"));
        assertThat(d.studyNames()).containsExactly("T1", "T2");
        assertThat(d.size()).isEqualTo(5);
        assertThat(d.outcome()).containsExactly(2, 3, 6, 0, 1);
        assertThat(d.covariate("age")).containsExactly(70, 65, 80, 55, 60);
        assertThat(d.armSizes()[0]).containsExactly(2, 1);
    }

    @Test
    void orders_trial_labels_naturally() {
        assertThat(PatientLoader.naturalOrder("Trial 2", "Trial 10")).isNegative();
        assertThat(PatientLoader.naturalOrder("B", "A")).isPositive();
        assertThat(PatientLoader.naturalOrder("10", "9")).isPositive();
        assertThat(PatientLoader.naturalOrder("a1", "a01")).isNotZero();
    }

    @Test
    void leaves_out_incomplete_patients_and_counts_them_by_reason() {
        PatientData d = load(CSV, List.of("age", "nihss"));
        assertThat(d.size()).isEqualTo(4);
        assertThat(d.excluded()).isEqualTo(2);
        assertThat(d.notes()).extracting(Note::message)
                .anySatisfy(m -> assertThat(m).startsWith("1 patient left out: nihss is missing (first on line 3"))
                .anySatisfy(m -> assertThat(m).startsWith("1 patient left out: mrs is missing (first on line 5"));
    }

    @Test
    void rejects_an_outcome_outside_the_categories_and_a_bad_arm_with_line_and_column() {
        assertThatThrownBy(() -> load("study,treatment,mrs\nT1,1,7\n", List.of()))
                .hasMessage("ipd.csv, line 2, column mrs: the outcome 7 lies outside the categories 0 to 6");
        assertThatThrownBy(() -> load("study,treatment,mrs\nT1,2,3\n", List.of()))
                .hasMessage("ipd.csv, line 2, column treatment: the arm must be 1 (treatment) or 0 (control), not '2'");
        assertThatThrownBy(() -> load("study,treatment,mrs\nT1,1,2.5\n", List.of()))
                .hasMessageContaining("whole-number category");
        assertThatThrownBy(() -> load("study,treatment,age,mrs\nT1,1,old,2\n", List.of("age")))
                .hasMessage("ipd.csv, line 2, column age: 'old' is not a number");
    }

    @Test
    void merges_categories_and_derives_binary_outcomes() {
        PatientData d = load(CSV, List.of());
        PatientData merged = d.mergeCategories(5, 6);
        assertThat(merged.categories()).isEqualTo(6);
        assertThat(merged.outcome()).containsExactly(2, 3, 5, 0, 1);
        assertThat(d.eventAtMost(2)).containsExactly(1, 0, 0, 1, 1);
    }

    @Test
    void reads_tabulated_distributions_per_trial_and_arm() {
        Table t = CsvReader.parse("tab.csv", "study,arm,mrs0,mrs1,mrs2\nA,treatment,5,10,15\nA,control,3,8,19\nB,control,1,2,3\nB,treatment,2,2,2\n");
        assertThat(OrdinalTableLoader.looksOrdinal(t)).isTrue();
        OrdinalTable o = OrdinalTableLoader.load(t);
        assertThat(o.study()).containsExactly("A", "B");
        assertThat(o.treatment()[1]).containsExactly(2, 2, 2);
        assertThat(o.control()[1]).containsExactly(1, 2, 3);
        assertThat(o.mergeCategories(1, 2).treatment()[0]).containsExactly(5, 25);
    }

    @Test
    void rejects_a_trial_without_its_control_row_and_an_empty_arm() {
        assertThatThrownBy(() -> OrdinalTableLoader.load(CsvReader.parse("tab.csv", "study,arm,mrs0,mrs1\nA,treatment,5,10\n")))
                .hasMessage("tab.csv, line 2, column arm: trial A has no control row: both arms are needed");
        assertThatThrownBy(() -> OrdinalTableLoader.load(CsvReader.parse("tab.csv", "study,arm,mrs0,mrs1\nA,treatment,0,0\nA,control,1,1\n")))
                .hasMessageContaining("the treatment arm of trial A has no patients");
        assertThatThrownBy(() -> OrdinalTableLoader.load(CsvReader.parse("tab.csv", "study,arm,mrs0,mrs2\nA,treatment,1,1\nA,control,1,1\n")))
                .hasMessageContaining("category 1 is missing");
    }
}
