package org.strokemeta.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GroupSequentialProperties {
    /** Increasing information fractions from random increments (some equal), the last between 0.4 and 1.5. */
    private static double[] fractions(long seed, int k) {
        Random r = new Random(seed);
        double[] inc = new double[k];
        double sum = 0;
        for (int i = 0; i < k; i++) {
            inc[i] = r.nextInt(3) == 0 && i > 0 ? inc[i - 1] : 0.2 + r.nextDouble();
            sum += inc[i];
        }
        double last = 0.4 + 1.1 * r.nextDouble();
        double[] t = new double[k];
        double acc = 0;
        for (int i = 0; i < k; i++) {
            acc += inc[i];
            t[i] = acc / sum * last;
        }
        return t;
    }

    private static double[] spent(double alpha, double[] t) {
        double[] s = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            s[i] = GroupSequential.alphaSpent(alpha, t[i]);
        }
        return s;
    }

    @Property(tries = 12)
    void a_later_look_does_not_change_the_boundaries_before_it(@ForAll @LongRange(min = 1, max = 1_000_000) long seed,
                                                              @ForAll @IntRange(min = 2, max = 6) int k) {
        double[] t = fractions(seed, k);
        double[] b = GroupSequential.efficacy(t, spent(0.05, t));
        double[] head = Arrays.copyOf(t, k - 1);
        double[] bh = GroupSequential.efficacy(head, spent(0.05, head));
        for (int i = 0; i < k - 1; i++) {
            assertThat(bh[i]).isCloseTo(b[i], within(1e-9 * Math.max(1, b[i])));
        }
        // and every boundary lies at or above the fixed-sample critical value of a look at full information
        for (int i = 0; i < k; i++) {
            if (Double.isFinite(b[i]) && t[i] <= 1) {
                assertThat(b[i]).isGreaterThanOrEqualTo(1.959963984540054 - 1e-9);
            }
        }
    }

    @Property(tries = 12)
    void trials_with_equal_information_may_arrive_in_any_order(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        // the boundaries depend on the information fractions alone: swapping two trials of equal size leaves them unchanged
        Random r = new Random(seed);
        int k = 5;
        double[] n = new double[k];
        for (int i = 0; i < k; i++) {
            n[i] = i == 3 ? n[1] : 50 + r.nextInt(400);
        }
        double ris = 1500;
        double[] t = new double[k];
        double[] u = new double[k];
        double[] swapped = n.clone();
        swapped[1] = n[3];
        swapped[3] = n[1];
        double a = 0;
        double c = 0;
        for (int i = 0; i < k; i++) {
            a += n[i];
            c += swapped[i];
            t[i] = a / ris;
            u[i] = c / ris;
        }
        double[] b1 = GroupSequential.efficacy(t, spent(0.05, t));
        double[] b2 = GroupSequential.efficacy(u, spent(0.05, u));
        assertThat(b2).containsExactly(b1);
    }
}
