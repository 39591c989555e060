package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;

/**
 * Extreme but valid effects and variances (tiny, huge, 1e-300, 1e300, repeated values, one to five
 * studies) through every tau² estimator, with and without its confidence interval, under both tests:
 * every analysis ends at once with a finite result, a reported non-convergence, or an input error.
 */
class ExtremeInputProperties {
    record Data(double[] y, double[] v) {
        @Override
        public String toString() {
            return "y=" + java.util.Arrays.toString(y) + " v=" + java.util.Arrays.toString(v);
        }
    }

    private static final double[] EFFECTS = {0, 1e-300, -1e-300, 1e-10, -0.8, 1, -1, 3.5, 1e10, -1e10, 1e150, 1e300, -1e300};
    private static final double[] VARIANCES = {Double.MIN_NORMAL, 1e-300, 1e-150, 1e-10, 1e-5, 0.12, 0.36, 1, 1e5, 1e10, 1e150, 1e300};

    @Provide
    Arbitrary<Data> extreme() {
        Arbitrary<Double> y = Arbitraries.oneOf(Arbitraries.of(0.0, 1e-300, -1e-300, 1e-10, -0.8, 1.0, -1.0, 3.5, 1e10, -1e10,
                1e150, 1e300, -1e300), Arbitraries.doubles().between(-5, 5).ofScale(6));
        Arbitrary<Double> v = Arbitraries.oneOf(Arbitraries.of(Double.MIN_NORMAL, 1e-300, 1e-150, 1e-10, 1e-5, 0.12, 0.36, 1.0,
                1e5, 1e10, 1e150, 1e300), Arbitraries.doubles().between(1e-3, 2).ofScale(6));
        return Arbitraries.integers().between(1, 5).flatMap(k -> Combinators.combine(
                y.array(double[].class).ofSize(k), v.array(double[].class).ofSize(k)).as(Data::new))
                .edgeCases(c -> c.includeOnly(new Data(EFFECTS, VARIANCES)));
    }

    static EffectSizes effects(Data d) {
        StringBuilder csv = new StringBuilder("study,yi,vi\n");
        for (int i = 0; i < d.y().length; i++) {
            csv.append(String.format(Locale.ROOT, "S%d,%s,%s%n", i + 1, Double.toString(d.y()[i]), Double.toString(d.v()[i])));
        }
        return EffectCalculator.generic(StudyLoader.generic(CsvReader.parse("extreme.csv", csv.toString()),
                StudyLoader.GenericInput.defaults()));
    }

    @Property(tries = 300)
    void every_estimator_and_interval_ends_with_a_result_a_non_convergence_or_an_input_error(@ForAll("extreme") Data d) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            EffectSizes es;
            try {
                es = effects(d);
            } catch (InputException e) {
                return;
            }
            for (Tau2Method t : Tau2Method.values()) {
                if (t.needsWeights()) {
                    continue; // GENQ and GENQM need a weights column: PoolingProperties covers them
                }
                for (CiMethod ci : CiMethod.values()) {
                    if (ci == CiMethod.KNHA && es.size() < 2) {
                        continue; // refused with its own message (one study cannot estimate the scale)
                    }
                    for (boolean fallback : new boolean[] {true, false}) {
                        MetaOptions o = MetaOptions.defaults().withTau2(t).withCi(ci)
                                .withControl(FitControl.defaults().withScoreFallback(fallback));
                        check(t + ", " + ci + ", fallback " + fallback, es, o);
                    }
                }
            }
        });
    }

    private static void check(String what, EffectSizes es, MetaOptions o) {
        MetaResult r;
        try {
            r = MetaAnalysis.run(es, o);
        } catch (InputException e) {
            return;
        }
        if (!r.converged()) {
            assertThat(r.tau2().message()).as(what).isNotBlank();
            assertThat(r.notes()).as(what).anySatisfy(n -> assertThat(n.message()).isEqualTo(r.tau2().message()));
            return;
        }
        double tau2 = r.heterogeneity().tau2();
        assertThat(tau2).as(what + ": tau²").isFinite().isGreaterThanOrEqualTo(0);
        assertThat(r.pooled().estimate()).as(what + ": estimate").isFinite();
        Heterogeneity.Interval ci = r.heterogeneity().tau2Ci();
        if (ci != null && (ci.remark() == null || !ci.remark().contains("did not converge"))) {
            assertThat(ci.lower()).as(what + ": tau² lower bound").isFinite().isGreaterThanOrEqualTo(0);
            assertThat(ci.upper()).as(what + ": tau² upper bound").isFinite().isGreaterThanOrEqualTo(ci.lower());
        }
    }
}
