package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link StrokeCohort#hasCovariate} says beforehand what {@link StrokeCohort#covariate} can give. */
class StrokeCohortCovariateTest {
    private static final List<String> NAMES;

    static {
        List<String> names = new ArrayList<>(StrokeCohort.DERIVED);
        names.addAll(List.of("bmi", "glucose", "onset_to_groin", "mrs90", "trial", "arm", "female_extra"));
        NAMES = List.copyOf(names);
    }

    private static void agrees(StrokeCohort c) {
        for (String name : NAMES) {
            if (c.hasCovariate(name)) {
                assertThat(c.covariate(name)).as(name).hasSize(c.size());
            } else {
                assertThatThrownBy(() -> c.covariate(name)).as(name).isInstanceOf(InputException.class);
            }
        }
    }

    @Test
    void has_covariate_agrees_with_covariate_on_a_full_cohort() {
        StrokeCohort c = StrokeLoader.load(Examples.table(Examples.get("hermes_sim")));
        agrees(c);
        assertThat(c.hasCovariate("m2_proximal")).isTrue();
        assertThat(c.hasCovariate("bmi")).isFalse();
    }

    @Test
    void has_covariate_agrees_with_covariate_when_fields_are_missing() {
        StrokeCohort c = StrokeLoader.load(CsvReader.parse("few.csv",
                "trial,patient_id,arm,mrs90,glucose,female\nA,1,evt,2,5.5,1\nA,2,control,3,6.1,0\nB,3,evt,1,,0\nB,4,control,6,7.0,1\n"));
        agrees(c);
        assertThat(c.hasCovariate("glucose")).isTrue();
        assertThat(c.hasCovariate("female")).isTrue();
        assertThat(c.hasCovariate("death90")).isTrue();
        assertThat(c.hasCovariate("age")).isFalse();
        assertThat(c.hasCovariate("m2")).isFalse();
    }
}
