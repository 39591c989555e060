package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;

class SmallStudyProperties {
    private static final MetaOptions REML = MetaOptions.defaults();

    /** k studies with effects around 0.2 and variances between 0.01 and 0.5, from a seeded generator. */
    private static EffectSizes studies(int k, long seed) {
        Random r = new Random(seed);
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = 0.01 + 0.49 * r.nextDouble();
            y[i] = 0.2 + r.nextGaussian() * Math.sqrt(v[i] + 0.02);
        }
        return BiasData.effects(y, v);
    }

    private static EffectSizes shuffled(EffectSizes es, long seed) {
        int k = es.size();
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(idx), new Random(seed ^ 0x5DEECE66DL));
        return es.subset(Arrays.stream(idx).mapToInt(Integer::intValue).toArray());
    }

    private static void same(String what, double a, double b) {
        assertThat(a).as(what).isCloseTo(b, within(1e-9 + 1e-8 * Math.abs(b)));
    }

    @Property(tries = 60)
    void results_do_not_depend_on_study_order(@ForAll @IntRange(min = 3, max = 40) int k, @ForAll long seed) {
        EffectSizes es = studies(k, seed);
        EffectSizes sh = shuffled(es, seed);

        EggerTest a = SmallStudyEffects.eggerClassic(es, 0.95);
        EggerTest b = SmallStudyEffects.eggerClassic(sh, 0.95);
        same("egger lm t", a.statistic(), b.statistic());
        same("egger lm p", a.p(), b.p());

        EggerTest c = SmallStudyEffects.egger(es, REML);
        EggerTest d = SmallStudyEffects.egger(sh, REML);
        same("egger rma z", c.statistic(), d.statistic());
        same("egger rma limit", c.intercept(), d.intercept());

        RankTest r1 = SmallStudyEffects.rankTest(es);
        RankTest r2 = SmallStudyEffects.rankTest(sh);
        assertThat(r1.tau()).isEqualTo(r2.tau());
        same("rank p", r1.p(), r2.p());

        for (MetaOptions o : new MetaOptions[] {REML.withTau2(Tau2Method.DL), REML}) {
            TrimFillOptions t = TrimFillOptions.defaults().withFitSettings(TrimFillOptions.FitSettings.ANALYSIS);
            TrimFillResult t1 = SmallStudyEffects.trimFill(es, o, t);
            TrimFillResult t2 = SmallStudyEffects.trimFill(sh, o, t);
            assertThat(t1.side()).isEqualTo(t2.side());
            assertThat(t1.k0()).isEqualTo(t2.k0());
            same("trim-and-fill estimate", t1.adjusted().pooled().estimate(), t2.adjusted().pooled().estimate());
            same("trim-and-fill se", t1.adjusted().pooled().se(), t2.adjusted().pooled().se());
            double[] f1 = t1.filled().stream().mapToDouble(TrimFillResult.FilledStudy::yi).sorted().toArray();
            double[] f2 = t2.filled().stream().mapToDouble(TrimFillResult.FilledStudy::yi).sorted().toArray();
            for (int i = 0; i < f1.length; i++) {
                same("filled yi", f1[i], f2[i]);
            }
        }
    }

    @Property(tries = 40)
    void exact_kendall_law_is_a_symmetric_distribution(@ForAll @IntRange(min = 1, max = 80) int n) {
        double[] p = KendallTau.inversionLaw(n);
        assertThat(p).hasSize(n * (n - 1) / 2 + 1);
        double sum = 0;
        for (int t = 0; t < p.length; t++) {
            sum += p[t];
            assertThat(p[t]).isCloseTo(p[p.length - 1 - t], within(1e-15));
        }
        assertThat(sum).isCloseTo(1.0, within(1e-12));
    }

    @Property(tries = 100)
    void pair_counts_equal_the_definition_over_all_pairs(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed) {
        // Few distinct values, so that ties in x, in y and in both are frequent.
        Random r = new Random(seed);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = r.nextInt(6);
            y[i] = r.nextInt(6);
        }
        long s = 0;
        long tx = 0;
        long ty = 0;
        long txy = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += (long) Math.signum(x[i] - x[j]) * (long) Math.signum(y[i] - y[j]);
                tx += x[i] == x[j] ? 1 : 0;
                ty += y[i] == y[j] ? 1 : 0;
                txy += x[i] == x[j] && y[i] == y[j] ? 1 : 0;
            }
        }
        KendallTau.Counts c = KendallTau.counts(x, y);
        assertThat(c.s()).isEqualTo(s);
        assertThat(c.tiedX()).isEqualTo(tx);
        assertThat(c.tiedY()).isEqualTo(ty);
        assertThat(c.tiedXY()).isEqualTo(txy);
    }
}
