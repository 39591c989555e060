package org.strokemeta.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Note;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.study.MetaRequest;

/** The measures of escalc beyond two-arm counts and means: defaults, exclusions and back-transformations. */
class EscalcMeasuresTest {
    @Test
    void measures_defined_with_zero_counts_take_no_correction_unless_asked() {
        MetaRequest r = MetaRequest.defaults();
        assertThat(r.withMeasure(Measure.PFT).continuity()).isEqualTo(new Continuity(0, Continuity.To.ONLY0, false));
        for (Measure m : new Measure[] {Measure.AS, Measure.PAS, Measure.PFT, Measure.IRS, Measure.IRFT}) {
            assertThat(r.withMeasure(m).continuity().add()).as(m.name()).isZero();
        }
        for (Measure m : new Measure[] {Measure.OR, Measure.PR, Measure.PLO, Measure.IR, Measure.IRR}) {
            assertThat(r.withMeasure(m).continuity()).as(m.name()).isEqualTo(Continuity.defaults());
        }
        // a default follows the measure; a correction set after the measure stays as set
        assertThat(r.withMeasure(Measure.PFT).withMeasure(Measure.PLO).continuity()).isEqualTo(Continuity.defaults());
        Continuity asked = new Continuity(0.5, Continuity.To.ALL, false);
        assertThat(r.withMeasure(Measure.PFT).withContinuity(asked).continuity()).isEqualTo(asked);
    }

    @Test
    void the_arcsine_difference_keeps_a_double_zero_study_without_a_correction() {
        EffectSizes es = EffectCalculator.binary(Measure.AS, EffectCalculatorTest.zeros(), Continuity.defaults(Measure.AS));
        assertThat(es.size()).isEqualTo(3);
        assertThat(es.yi(1)).isZero();
        assertThat(es.vi(1)).isCloseTo(1 / (4 * 35.0) + 1 / (4 * 36.0), within(1e-15));
        assertThat(es.notes()).filteredOn(n -> n.kind() == Note.Kind.DOUBLE_ZERO).singleElement()
                .satisfies(n -> assertThat(n.message()).isEqualTo("no events in either arm (double-zero study): kept, as metafor::escalc does"));
        assertThat(es.notes()).noneMatch(n -> n.kind() == Note.Kind.CORRECTED);
    }

    @Test
    void a_study_without_an_effect_is_left_out_with_its_reason() {
        var c = StudyLoader.correlations(CsvReader.parse("c.csv", "study,ri,ni\nA,0.3,25\nB,0.2,3\nC,1,30\n"), true);
        EffectSizes z = EffectCalculator.correlations(Measure.ZCOR, c);
        assertThat(z.study()).containsExactly("A");
        assertThat(z.excluded()).extracting(Note::line, Note::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3, "the sampling variance of a correlation needs more than three patients: left out"),
                org.assertj.core.groups.Tuple.tuple(4, "a correlation of 1 has no Fisher's z: left out"));
        // a raw correlation of 1 has a variance of 0, which escalc keeps (pooling then leaves it out, with a note)
        assertThat(EffectCalculator.correlations(Measure.COR, c).study()).containsExactly("A", "C");
        var p = StudyLoader.prePost(CsvReader.parse("p.csv", "study,m1i,m2i,sd1i,sd2i,ni,ri\nA,3,2,1,1.2,20,0.5\nB,3,2,1,1.1,2,0.4\n"
                + "C,3,2,1,1,12,1\n"), true, true);
        EffectSizes smcc = EffectCalculator.prePost(Measure.SMCC, p);
        assertThat(smcc.study()).containsExactly("A");
        assertThat(smcc.excluded()).extracting(Note::message).containsExactly(
                "the standardised mean change needs at least three patients: left out",
                "the standard deviation of the changes is zero: left out");
        assertThat(EffectCalculator.prePost(Measure.SMCR, p).study()).containsExactly("A", "C");
    }

    @Test
    void a_study_back_transformed_with_its_own_size_gives_its_own_proportion_and_rate() {
        var props = StudyLoader.proportions(CsvReader.parse("p.csv", "study,xi,ni\nA,0,25\nB,3,40\nC,12,60\nD,20,20\n"), true);
        EffectSizes pft = EffectCalculator.proportions(Measure.PFT, props, Continuity.defaults(Measure.PFT));
        for (int i = 0; i < pft.size(); i++) {
            assertThat(pft.backTransform(i, pft.yi(i))).as(pft.study(i)).isCloseTo(props.events(i) / props.total(i), within(1e-12));
        }
        var rates = StudyLoader.rates(CsvReader.parse("r.csv", "study,xi,ti\nA,0,2.5\nB,3,40\nC,12,6.5\n"), true);
        EffectSizes irft = EffectCalculator.rates(Measure.IRFT, rates, Continuity.defaults(Measure.IRFT));
        for (int i = 0; i < irft.size(); i++) {
            assertThat(irft.backTransform(i, irft.yi(i))).as(irft.study(i)).isCloseTo(rates.events(i) / rates.time(i), within(1e-12));
        }
        // a pooled value uses the harmonic mean of the sizes: 1 / mean(1/25, 1/40, 1/60, 1/20)
        double hm = 4 / (1 / 25.0 + 1 / 40.0 + 1 / 60.0 + 1 / 20.0);
        assertThat(pft.backTransform().applyAsDouble(0.5)).isEqualTo(BackTransform.IPFT_HM.apply(0.5, hm));
    }

    @Test
    void the_inverses_stay_within_the_range_of_the_natural_scale() {
        assertThat(BackTransform.IARCSIN.apply(-0.1, Double.NaN)).isZero();
        assertThat(BackTransform.IARCSIN.apply(2, Double.NaN)).isEqualTo(1);
        assertThat(BackTransform.ISQRT.apply(-0.3, Double.NaN)).isZero();
        assertThat(BackTransform.IPFT_HM.apply(-0.2, 30)).isZero();
        assertThat(BackTransform.IPFT_HM.apply(1.7, 30)).isEqualTo(1);
        assertThat(BackTransform.IIRFT.apply(0, 10)).isZero();
        assertThat(BackTransform.ILOGIT.apply(-800, Double.NaN)).isZero();
        assertThat(BackTransform.ILOGIT.apply(800, Double.NaN)).isEqualTo(1);
        assertThat(BackTransform.ZTOR.apply(0.5, Double.NaN)).isCloseTo(Math.tanh(0.5), within(0.0));
    }
}
