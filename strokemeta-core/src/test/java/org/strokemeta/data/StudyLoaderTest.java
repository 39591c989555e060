package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudyLoaderTest {
    static final String HEADER = "study,events_treat,total_treat,events_ctrl,total_ctrl\n";

    @Test
    void rejects_events_above_total_with_line_number() {
        Table t = CsvReader.parse("trials.csv", HEADER + "A,1,10,2,10\nB,3,20,4,20\nC,1,10,12,10\n");
        assertThatThrownBy(() -> StudyLoader.binary(t))
                .isInstanceOf(InputException.class)
                .hasMessage("trials.csv, line 4, column events_ctrl: events (12) exceed the total (10)");
    }

    @Test
    void rejects_negative_and_fractional_counts_and_empty_arms() {
        assertThatThrownBy(() -> StudyLoader.binary(CsvReader.parse("t.csv", HEADER + "A,-1,10,2,10\n")))
                .hasMessage("t.csv, line 2, column events_treat: a count cannot be negative (-1)");
        assertThatThrownBy(() -> StudyLoader.binary(CsvReader.parse("t.csv", HEADER + "A,1.5,10,2,10\n")))
                .hasMessage("t.csv, line 2, column events_treat: a count must be a whole number (1.5)");
        assertThatThrownBy(() -> StudyLoader.binary(CsvReader.parse("t.csv", HEADER + "A,0,0,2,10\n")))
                .hasMessage("t.csv, line 2, column total_treat: the arm has no patients (total is 0)");
    }

    @Test
    void names_the_missing_columns() {
        assertThatThrownBy(() -> StudyLoader.binary(CsvReader.parse("t.csv", "study,events_treat,total_treat\nA,1,2\n")))
                .hasMessageContaining("'events_ctrl' is missing");
    }

    @Test
    void reports_duplicate_study_labels_without_dropping_them() {
        BinaryStudies s = StudyLoader.binary(CsvReader.parse("t.csv", HEADER + "A,1,10,2,10\nA,3,20,4,20\n"));
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.DUPLICATE_LABEL);
            assertThat(n.line()).isEqualTo(3);
            assertThat(n.message()).contains("line 2");
        });
    }

    @Test
    void converts_a_ratio_with_its_95_percent_ci_to_log_scale_and_variance() {
        Table t = CsvReader.parse("hr.csv", "study,estimate,ci_lower,ci_upper\nA,0.8,0.64,1.0\n");
        GenericStudies g = StudyLoader.generic(t, new StudyLoader.GenericInput(StudyLoader.Scale.RATIO, 0.95));
        double se = (Math.log(1.0) - Math.log(0.64)) / (2 * 1.959963984540054);
        assertThat(g.yi()[0]).isCloseTo(Math.log(0.8), within(1e-15));
        assertThat(g.vi()[0]).isCloseTo(se * se, within(1e-15));
    }

    @Test
    void rejects_a_ratio_that_is_not_positive_and_an_estimate_outside_its_interval() {
        Table t = CsvReader.parse("hr.csv", "study,estimate,ci_lower,ci_upper\nA,0.8,0,1.0\n");
        assertThatThrownBy(() -> StudyLoader.generic(t, new StudyLoader.GenericInput(StudyLoader.Scale.RATIO, 0.95)))
                .hasMessageContaining("line 2, column ci_lower: a ratio must be positive");
        Table u = CsvReader.parse("hr.csv", "study,estimate,ci_lower,ci_upper\nA,1.8,0.6,1.0\n");
        assertThatThrownBy(() -> StudyLoader.generic(u, new StudyLoader.GenericInput(StudyLoader.Scale.RATIO, 0.95)))
                .hasMessageContaining("outside its confidence interval");
    }

    @Test
    void accepts_standard_errors_and_rejects_non_positive_variances() {
        GenericStudies g = StudyLoader.generic(CsvReader.parse("g.csv", "study,yi,sei\nA,0.1,0.2\n"), StudyLoader.GenericInput.defaults());
        assertThat(g.vi()[0]).isCloseTo(0.04, within(1e-15));
        assertThatThrownBy(() -> StudyLoader.generic(CsvReader.parse("g.csv", "study,yi,vi\nA,0.1,0\n"), StudyLoader.GenericInput.defaults()))
                .hasMessage("g.csv, line 2, column vi: the sampling variance must be positive (0.0)");
    }

    @Test
    void rejects_single_arm_events_above_the_number_of_patients_and_empty_studies() {
        assertThatThrownBy(() -> StudyLoader.proportions(CsvReader.parse("p.csv", "study,xi,ni\nA,3,20\nB,41,40\n"), true))
                .isInstanceOf(InputException.class)
                .hasMessage("p.csv, line 3, column xi: events (41) exceed the number of patients (40)");
        assertThatThrownBy(() -> StudyLoader.proportions(CsvReader.parse("p.csv", "study,xi,ni\nA,0,0\n"), true))
                .hasMessage("p.csv, line 2, column ni: the study has no patients (ni is 0)");
        assertThatThrownBy(() -> StudyLoader.proportions(CsvReader.parse("p.csv", "study,xi\nA,0\n"), true))
                .hasMessage("p.csv: the column 'ni' is missing; proportions need the columns xi, ni");
    }

    @Test
    void rejects_negative_or_zero_person_time_with_line_and_column() {
        assertThatThrownBy(() -> StudyLoader.rates(CsvReader.parse("r.csv", "study,xi,ti\nA,2,100\nB,4,-40\n"), true))
                .isInstanceOf(InputException.class)
                .hasMessage("r.csv, line 3, column ti: a person-time cannot be negative (-40)");
        assertThatThrownBy(() -> StudyLoader.twoArmRates(CsvReader.parse("r.csv", "study,x1i,t1i,x2i,t2i\nA,2,100,3,0\n"), true))
                .hasMessage("r.csv, line 2, column t2i: the person-time is 0: a rate needs time at risk");
        assertThatThrownBy(() -> StudyLoader.twoArmRates(CsvReader.parse("r.csv", "study,x1i,t1i,x2i,t2i\nA,-2,100,3,50\n"), true))
                .hasMessage("r.csv, line 2, column x1i: a count cannot be negative (-2)");
    }

    @Test
    void rejects_a_correlation_outside_minus_one_to_one() {
        assertThatThrownBy(() -> StudyLoader.correlations(CsvReader.parse("c.csv", "study,ri,ni\nA,0.3,25\nB,1.2,40\n"), true))
                .isInstanceOf(InputException.class)
                .hasMessage("c.csv, line 3, column ri: a correlation must lie between -1 and 1 (1.2)");
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", "study,m1i,m2i,sd1i,ni,ri\nA,3,2,1,20,-1.5\n"), false, true))
                .hasMessage("pp.csv, line 2, column ri: a correlation must lie between -1 and 1 (-1.5)");
    }

    @Test
    void rejects_pre_post_data_without_the_correlation_or_without_sd2_for_smcc() {
        String header = "study,m1i,m2i,sd1i,sd2i,ni,ri\n";
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", header + "A,3,2,1,1,20,0.5\nB,3,2,1,1,20,\n"), true, true))
                .isInstanceOf(InputException.class)
                .hasMessage("pp.csv, line 3, column ri: the correlation between the two measurements is missing: standardised mean "
                        + "changes (SMCC, SMCR) need it");
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", header + "A,3,2,1,,20,0.5\n"), true, true))
                .hasMessage("pp.csv, line 2, column sd2i: the standard deviation at the second time point is missing: the change-score "
                        + "standardised mean change (SMCC) needs it");
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", "study,m1i,m2i,sd1i,ni,ri\nA,3,2,1,20,0.5\n"), true, true))
                .hasMessageStartingWith("pp.csv: the column 'sd2i' is missing");
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", "study,m1i,m2i,sd1i,ni\nA,3,2,1,20\n"), false, true))
                .hasMessageStartingWith("pp.csv: the column 'ri' is missing");
        assertThatThrownBy(() -> StudyLoader.prePost(CsvReader.parse("pp.csv", header + "A,3,2,-1,1,20,0.5\n"), false, true))
                .hasMessage("pp.csv, line 2, column sd1i: a standard deviation cannot be negative");
        // SMCR needs only sd1i: a blank or absent sd2i is read as not given
        PrePostStudies p = StudyLoader.prePost(CsvReader.parse("pp.csv", header + "A,3,2,1,,20,0.5\n"), false, true);
        assertThat(p.sd2(0)).isNaN();
    }
}
