package org.strokemeta.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Note;
import org.strokemeta.data.StudyLoader;

class EffectCalculatorTest {
    static BinaryStudies zeros() {
        return StudyLoader.binary(CsvReader.parse("z.csv", "study,events_treat,total_treat,events_ctrl,total_ctrl\n"
                + "A,0,40,4,38\nB,0,35,0,36\nC,5,60,9,61\n"));
    }

    @Test
    void keeps_a_double_zero_study_with_the_correction_and_says_so() {
        EffectSizes es = EffectCalculator.binary(Measure.OR, zeros(), Continuity.defaults());
        assertThat(es.size()).isEqualTo(3);
        assertThat(es.yi()[1]).isCloseTo(Math.log(0.5 * 36.5 / (35.5 * 0.5)), within(1e-15));
        assertThat(es.notes()).anySatisfy(n -> assertThat(n.kind()).isEqualTo(Note.Kind.DOUBLE_ZERO));
        assertThat(es.notes()).filteredOn(n -> n.kind() == Note.Kind.CORRECTED).hasSize(2);
    }

    @Test
    void leaves_out_a_double_zero_study_when_asked_and_reports_it() {
        EffectSizes es = EffectCalculator.binary(Measure.OR, zeros(), new Continuity(0.5, Continuity.To.ONLY0, true));
        assertThat(es.study()).containsExactly("A", "C");
        assertThat(es.rows()).containsExactly(0, 2);
        assertThat(es.excluded()).singleElement().satisfies(n -> {
            assertThat(n.line()).isEqualTo(3);
            assertThat(n.message()).contains("double-zero");
        });
    }

    @Test
    void reports_an_undefined_odds_ratio_without_correction_as_excluded() {
        EffectSizes es = EffectCalculator.binary(Measure.OR, zeros(), new Continuity(0.5, Continuity.To.NONE, false));
        assertThat(es.study()).containsExactly("C");
        assertThat(es.excluded()).hasSize(2).allSatisfy(n -> assertThat(n.message()).contains("no continuity correction"));
    }

    @Test
    void computes_hedges_g_with_the_exact_correction() {
        ContinuousStudies c = StudyLoader.continuous(CsvReader.parse("c.csv",
                "study,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl\nA,10,2,5,8,3,6\n"));
        EffectSizes es = EffectCalculator.continuous(Measure.SMD, c);
        double m = 9;
        double cm = Math.exp(org.apache.commons.numbers.gamma.LogGamma.value(m / 2) - 0.5 * Math.log(m / 2)
                - org.apache.commons.numbers.gamma.LogGamma.value((m - 1) / 2));
        double sp = Math.sqrt((4 * 4 + 5 * 9) / m);
        assertThat(es.yi()[0]).isCloseTo(cm * 2 / sp, within(1e-14));
        // the exact correction is close to Hedges' approximation 1 - 3/(4m - 1)
        assertThat(cm).isCloseTo(1 - 3 / (4 * m - 1), within(2e-3));
    }

    @Test
    void leaves_out_a_ratio_of_means_with_means_of_opposite_sign() {
        ContinuousStudies c = StudyLoader.continuous(CsvReader.parse("c.csv",
                "study,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl\nA,10,2,5,-8,3,6\nB,10,2,5,8,3,6\n"));
        EffectSizes es = EffectCalculator.continuous(Measure.ROM, c);
        assertThat(es.study()).containsExactly("B");
        assertThat(es.excluded()).singleElement().satisfies(n -> assertThat(n.message()).contains("same sign"));
    }
}
