package org.strokemeta.regression;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.strokemeta.data.Table;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;

/** Properties of meta-regression and its permutation test that hold for any data. */
class MetaRegressionProperties {
    private static int[] shuffledTrials(long seed, int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            l.add(i);
        }
        Collections.shuffle(l, new Random(seed));
        return l.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void near(double a, double b) {
        assertThat(Math.abs(a - b)).as("%s vs %s", a, b).isLessThanOrEqualTo(1e-12 + 1e-8 * Math.abs(b));
    }

    @Property(tries = 30)
    void study_order_does_not_change_the_fit(@ForAll long seed, @ForAll Tau2Method method, @ForAll CiMethod ci,
                                             @ForAll Model model) {
        MetaOptions o = MetaOptions.defaults().withTau2(method).withCi(ci).withModel(model);
        if (method.needsWeights()) {
            o = o.withWeights("year"); // GENQ and GENQM estimate tau² with user weights (any positive column serves)
        }
        List<Moderator> mods = List.of(Moderator.numeric("ablat"), Moderator.categorical("alloc"));
        Table inOrder = Bcg.table();
        Table shuffled = Bcg.table(shuffledTrials(seed, 13));
        RegressionResult a = MetaRegression.fit(Bcg.rr(inOrder), mods, o);
        RegressionResult b = MetaRegression.fit(Bcg.rr(shuffled), mods, o);
        assertThat(b.names()).isEqualTo(a.names());
        for (int j = 0; j < a.p(); j++) {
            near(b.coefficients().get(j).estimate(), a.coefficients().get(j).estimate());
            near(b.coefficients().get(j).se(), a.coefficients().get(j).se());
            near(b.coefficients().get(j).p(), a.coefficients().get(j).p());
        }
        near(b.omnibus().statistic(), a.omnibus().statistic());
        near(b.heterogeneity().q(), a.heterogeneity().q());
        near(b.heterogeneity().tau2(), a.heterogeneity().tau2());
        if (Double.isNaN(a.r2())) {
            assertThat(b.r2()).isNaN();
        } else {
            near(b.r2(), a.r2());
        }
    }

    @Property(tries = 40)
    void identity_permutation_gives_the_observed_statistics(@ForAll long seed, @ForAll @IntRange(min = 5, max = 13) int k,
                                                            @ForAll Tau2Method method, @ForAll CiMethod ci) {
        // permutation tests refit with inverse-variance weights: GENQ and GENQM (user weights) are refused there
        net.jqwik.api.Assume.that(!method.needsWeights());
        int[] trials = shuffledTrials(seed, 13);
        Table t = Bcg.table(java.util.Arrays.copyOf(trials, k));
        RegressionResult fit = MetaRegression.fit(Bcg.rr(t), List.of(Moderator.numeric("ablat")),
                MetaOptions.defaults().withTau2(method).withCi(ci));
        // an estimator that did not settle (the iterated DerSimonian-Laird can cycle) has no observed statistic
        net.jqwik.api.Assume.that(fit.converged() || method != Tau2Method.DLIT);
        int[] identity = new int[k];
        for (int i = 0; i < k; i++) {
            identity[i] = i;
        }
        PermutationTest.Statistics s = PermutationTest.of(fit).statistics(identity);
        assertThat(s.statistic()).containsExactly(fit.fit().statistic());
        assertThat(s.qm()).isEqualTo(fit.omnibus().statistic());
    }

    @Property(tries = 5)
    void exact_permutation_p_values_do_not_depend_on_study_order(@ForAll long seed) {
        int[] trials = shuffledTrials(seed, 6);
        Table t = Bcg.table(trials);
        Table ordered = Bcg.table(1, 2, 3, 4, 5, 6);
        MetaOptions o = MetaOptions.defaults();
        List<Moderator> mods = List.of(Moderator.numeric("ablat"));
        PermutationResult a = PermutationTest.of(MetaRegression.fit(Bcg.rr(ordered), mods, o)).exact();
        PermutationResult b = PermutationTest.of(MetaRegression.fit(Bcg.rr(t), mods, o)).exact();
        assertThat(b.permutations()).isEqualTo(a.permutations());
        assertThat(b.p()).containsExactly(a.p());
        assertThat(b.qmP()).isEqualTo(a.qmP());
    }

    @Property(tries = 200)
    void arrangements_of_a_multiset_are_visited_once_each(@ForAll @Size(min = 1, max = 7) List<@IntRange(min = 0, max = 3) Integer> values) {
        int[] a = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        Set<List<Integer>> seen = new HashSet<>();
        do {
            List<Integer> l = new ArrayList<>();
            for (int x : a) {
                l.add(x);
            }
            assertThat(seen.add(l)).as("visited twice: %s", l).isTrue();
        } while (PermutationTest.nextArrangement(a));
        BigInteger expected = factorial(a.length);
        int[] counts = new int[4];
        for (int x : values) {
            counts[x]++;
        }
        for (int c : counts) {
            expected = expected.divide(factorial(c));
        }
        assertThat(BigInteger.valueOf(seen.size())).isEqualTo(expected);
    }

    private static BigInteger factorial(int n) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= n; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }
}
