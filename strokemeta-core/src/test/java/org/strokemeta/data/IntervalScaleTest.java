package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Ratios and differences told apart by their printed confidence intervals. */
class IntervalScaleTest {
    private static GenericStudies read(String csv, StudyLoader.Scale scale) {
        return StudyLoader.generic(CsvReader.parse("e.csv", csv), StudyLoader.GenericInput.defaults().withScale(scale));
    }

    @Test
    void the_bundled_odds_ratios_with_intervals_are_read_as_ratios_without_being_told() throws Exception {
        Table t;
        try (var in = IntervalScaleTest.class.getClassLoader().getResourceAsStream("org/strokemeta/examples/hackshaw.csv")) {
            t = CsvReader.parse("hackshaw.csv", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        GenericStudies g = StudyLoader.generic(t, StudyLoader.GenericInput.defaults());
        assertThat(g.ratio()).isTrue();
        assertThat(g.yi()[0]).isCloseTo(Math.log(1.18), within(1e-15));
        assertThat(g.notes()).anySatisfy(n -> assertThat(n.message()).startsWith("estimates read as ratios and analysed on the log scale"));
    }

    @Test
    void differences_with_intervals_symmetric_on_the_natural_scale_are_read_as_given() {
        GenericStudies g = read("study,estimate,ci_lower,ci_upper\nA,2.3,1.1,3.5\nB,4.12,2.50,5.74\nC,1.9,1.4,2.4\n", StudyLoader.Scale.AUTO);
        assertThat(g.ratio()).isFalse();
        assertThat(g.yi()).containsExactly(2.3, 4.12, 1.9);
        assertThat(g.notes()).anySatisfy(n -> assertThat(n.message()).contains("read as differences")
                .contains("symmetric on the natural scale"));
    }

    @Test
    void negative_values_cannot_be_ratios() {
        GenericStudies g = read("study,estimate,ci_lower,ci_upper\nA,-2.3,-3.5,-1.1\nB,0.85,0.80,0.90\n", StudyLoader.Scale.AUTO);
        assertThat(g.ratio()).isFalse();
    }

    @Test
    void narrow_intervals_that_fit_both_readings_are_an_error_asking_for_the_scale() {
        String narrow = "study,estimate,ci_lower,ci_upper\nA,0.97,0.91,1.03\nB,0.87,0.82,0.93\nC,0.91,0.85,0.96\n";
        assertThatThrownBy(() -> read(narrow, StudyLoader.Scale.AUTO)).isInstanceOf(InputException.class)
                .hasMessageContaining("cannot tell whether the estimates are ratios or differences")
                .hasMessageContaining("give the scale (ratio or absolute)");
        assertThat(read(narrow, StudyLoader.Scale.RATIO).ratio()).isTrue();
        assertThat(read(narrow, StudyLoader.Scale.ABSOLUTE).ratio()).isFalse();
    }

    @Test
    void intervals_that_disagree_name_the_lines_to_check() {
        String mixed = "study,estimate,ci_lower,ci_upper\nA,1.18,0.90,1.54\nB,1.45,1.02,2.07\nC,2.3,1.1,3.5\nD,3.0,1.5,4.5\n";
        assertThatThrownBy(() -> read(mixed, StudyLoader.Scale.AUTO)).hasMessageContaining("lines 2, 3 look like ratios, lines 4, 5 like differences");
    }

    @Test
    void a_chosen_scale_that_the_intervals_contradict_is_warned_about() {
        GenericStudies g = read("study,estimate,ci_lower,ci_upper\nA,1.18,0.90,1.54\nB,1.45,1.02,2.07\n", StudyLoader.Scale.ABSOLUTE);
        assertThat(g.ratio()).isFalse();
        assertThat(g.notes()).anySatisfy(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.WARNING);
            assertThat(n.message()).contains("the intervals suggest otherwise");
        });
    }

    @Test
    void rounding_allowance_is_half_the_last_printed_decimal() {
        assertThat(IntervalScale.roundingAllowance("1.54")).isCloseTo(0.005, within(1e-15));
        assertThat(IntervalScale.roundingAllowance("2")).isEqualTo(0.5);
        assertThat(IntervalScale.roundingAllowance("1.5e-3")).isZero();
    }
}
