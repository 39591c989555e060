package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaOptions;

/**
 * Tests of funnel-plot asymmetry built for odds ratios of 2×2 tables, where Egger's test is biased
 * because the log odds ratio and its standard error are correlated (Sterne et al. 2011, BMJ 343:d4002,
 * recommend them). Both are weighted linear models, as R's meta package computes them through metafor's
 * {@code regtest(model = "lm")}; the statistic is the t of the asymmetry coefficient, with k − 2 degrees of
 * freedom.
 *
 * <ul>
 * <li>Harbord (Harbord, Egger and Sterne 2006, Stat Med 25:3443): the efficient score Z = a − (a+c) n1/N and
 * its variance V = n1 n2 (a+c)(b+d) / (N² (N − 1)); Z/√V regressed on √V, the intercept tested (here: Z/V
 * on 1/√V with weights V, the coefficient of 1/√V, which is the same regression).
 * <li>Peters (Peters et al. 2006, JAMA 295:676): the log odds ratio regressed on 1/N with weights
 * 1/(1/(a+c) + 1/(b+d)), the slope tested.
 * </ul>
 * Tables without events or without non-events in both arms together carry no information for either test and
 * are left out with a note.
 */
public final class BinaryAsymmetryTests {
    private BinaryAsymmetryTests() {
    }

    /**
     * Harbord's score-based test.
     *
     * @param es    odds ratios computed from 2×2 tables
     * @param level the confidence level of the intercept's interval
     * @return the test: {@code slope} is the asymmetry coefficient, as for Egger's test
     * @throws IllegalArgumentException when the effects are not odds ratios of 2×2 tables or fewer than three tables inform
     */
    public static EggerTest harbord(EffectSizes es, double level) {
        return run(es, level, true);
    }

    /**
     * Peters' test.
     *
     * @param es    odds ratios computed from 2×2 tables
     * @param level the confidence level of the intercept's interval
     * @return the test of the slope on the inverse total sample size
     * @throws IllegalArgumentException when the effects are not odds ratios of 2×2 tables or fewer than three tables inform
     */
    public static EggerTest peters(EffectSizes es, double level) {
        return run(es, level, false);
    }

    private static EggerTest run(EffectSizes es, double level, boolean harbord) {
        String name = harbord ? "Harbord's test" : "Peters' test";
        boolean odds = es.measure() == Measure.OR || (harbord && es.measure() == Measure.PETO);
        if (!odds || !(es.input() instanceof BinaryStudies b)) {
            throw new IllegalArgumentException(name + " is defined for odds ratios of 2×2 tables (measure OR with events and totals)");
        }
        int k = es.size();
        double[] y = new double[k];
        double[] v = new double[k];
        double[] x = new double[k];
        int m = 0;
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            int r = es.rows(i);
            double a = b.eventsTreat(r);
            double n1 = b.totalTreat(r);
            double c = b.eventsCtrl(r);
            double n2 = b.totalCtrl(r);
            double n = n1 + n2;
            double events = a + c;
            double nonEvents = n - events;
            if (!(events > 0) || !(nonEvents > 0)) {
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.EXCLUDED, name + ": " + (events > 0 ? "every patient had the event"
                        : "no patient had the event") + ", so the table carries no information for the test: left out"));
                continue;
            }
            if (harbord) {
                double z = a - events * n1 / n;
                double var = n1 * n2 * events * nonEvents / (n * n * (n - 1));
                y[m] = z / var;
                v[m] = 1 / var;
                x[m] = 1 / Math.sqrt(var);
            } else {
                y[m] = es.yi(i);
                v[m] = 1 / events + 1 / nonEvents;
                x[m] = 1 / n;
            }
            m++;
        }
        y = java.util.Arrays.copyOf(y, m);
        v = java.util.Arrays.copyOf(v, m);
        x = java.util.Arrays.copyOf(x, m);
        MetaOptions o = MetaOptions.defaults().withLevel(level);
        return EggerModel.LM.test(y, v, x, o).withNotesFirst(notes);
    }
}
