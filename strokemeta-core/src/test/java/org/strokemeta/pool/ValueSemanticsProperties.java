package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;

/** Value semantics of results, whatever the data. */
class ValueSemanticsProperties {
    record Data(double[] y, double[] v) {
        @Override
        public String toString() {
            return "y=" + java.util.Arrays.toString(y) + " v=" + java.util.Arrays.toString(v);
        }
    }

    @Provide
    Arbitrary<Data> studies() {
        return Arbitraries.integers().between(1, 20).flatMap(k -> Combinators.combine(
                Arbitraries.doubles().between(-3, 3).ofScale(6).array(double[].class).ofSize(k),
                Arbitraries.doubles().between(0.005, 2).ofScale(6).array(double[].class).ofSize(k)).as(Data::new));
    }

    @Property(tries = 100)
    void equal_inputs_give_equal_results_that_survive_serialization(@ForAll("studies") Data d) {
        EffectSizes es = EffectCalculator.generic(ValueSemanticsTest.studies(d.y(), d.v()));
        MetaResult a = MetaAnalysis.run(es, MetaOptions.defaults());
        MetaResult b = MetaAnalysis.run(EffectCalculator.generic(ValueSemanticsTest.studies(d.y().clone(), d.v().clone())),
                MetaOptions.defaults());
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        MetaResult back = ValueSemanticsTest.roundTrip(a);
        assertThat(back).isEqualTo(a);
        assertThat(back.hashCode()).isEqualTo(a.hashCode());
    }

    @Property(tries = 100)
    void nothing_the_caller_does_to_arrays_changes_a_result(@ForAll("studies") Data d) {
        double[] y = d.y().clone();
        double[] v = d.v().clone();
        MetaResult r = MetaAnalysis.run(EffectCalculator.generic(ValueSemanticsTest.studies(y, v)), MetaOptions.defaults());
        MetaResult before = ValueSemanticsTest.roundTrip(r);
        java.util.Arrays.fill(y, 100);
        java.util.Arrays.fill(v, 1e-9);
        java.util.Arrays.fill(r.weights(), -1);
        java.util.Arrays.fill(r.effects().yi(), -1);
        java.util.Arrays.fill(r.effects().input().lines(), -1);
        assertThat(r).isEqualTo(before);
    }
}
