package org.strokemeta.effect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Note;
import org.strokemeta.data.Studies;
import org.strokemeta.internal.SharedArrays;

/**
 * Computes per-study effect sizes and sampling variances exactly as metafor::escalc (metafor 3.8)
 * with its default variance types.
 *
 * <p>Formulas (Viechtbauer 2010, J Stat Softw 36(3); metafor's escalc documentation):
 * <ul>
 *   <li>OR: log(ad/bc), variance 1/a+1/b+1/c+1/d (Woolf).</li>
 *   <li>RR: log((a/n1)/(c/n2)), variance 1/a-1/n1+1/c-1/n2.</li>
 *   <li>RD: p1-p2, variance p1(1-p1)/n1 + p2(1-p2)/n2.</li>
 *   <li>PETO: (a-E)/V with E = n1(a+c)/N and V = n1 n2 (a+c)(b+d)/(N^2 (N-1)), variance 1/V (Yusuf et al. 1985).</li>
 *   <li>MD: m1-m2, variance sd1^2/n1 + sd2^2/n2.</li>
 *   <li>SMD: Hedges' g = c(m) (m1-m2)/sp with the exact correction c(m) = Gamma(m/2) / (sqrt(m/2) Gamma((m-1)/2)),
 *       m = n1+n2-2 (Hedges 1981), variance 1/n1 + 1/n2 + g^2/(2(n1+n2)).</li>
 *   <li>ROM: log(m1/m2), variance sd1^2/(n1 m1^2) + sd2^2/(n2 m2^2) (Hedges, Gurevitch and Curtis 1999).</li>
 * </ul>
 * Binary measures get the continuity correction of {@link Continuity} (added to all four cells).
 * A study whose effect is undefined is left out with a note that says why; it is never silently dropped.
 * A sampling variance of zero is kept here, as escalc does; inverse-variance pooling then leaves the
 * study out with a note, since it cannot be weighted.
 */
public final class EffectCalculator {
    private EffectCalculator() {
    }

    /**
     * Effect sizes for the measure, from the matching kind of study data.
     *
     * @param measure    the effect measure; its {@link Measure#kind()} says which kind of data it needs
     * @param studies    the study data: {@link BinaryStudies}, {@link ContinuousStudies} or {@link GenericStudies}
     * @param continuity the correction for zero cells (used by binary measures only)
     * @return the effect sizes (log scale for OR, RR, PETO and ROM) and sampling variances of the studies
     *         whose effect is defined, with notes for those left out
     * @throws IllegalArgumentException if the data are not of the kind the measure needs
     */
    public static EffectSizes compute(Measure measure, Studies studies, Continuity continuity) {
        return switch (measure.kind()) {
            case BINARY -> {
                if (!(studies instanceof BinaryStudies b)) {
                    throw new IllegalArgumentException(measure + " needs binary arm-level data");
                }
                yield binary(measure, b, continuity);
            }
            case CONTINUOUS -> {
                if (!(studies instanceof ContinuousStudies c)) {
                    throw new IllegalArgumentException(measure + " needs continuous arm-level data");
                }
                yield continuous(measure, c);
            }
            case GENERIC -> {
                if (!(studies instanceof GenericStudies g)) {
                    throw new IllegalArgumentException(measure + " needs yi and vi");
                }
                yield generic(g);
            }
        };
    }

    /**
     * Binary measures (OR, RR, RD, PETO) with a continuity correction.
     *
     * @param measure OR, RR, RD or PETO
     * @param s       the events and totals of each arm
     * @param cc      the continuity correction for zero cells and the handling of double-zero studies
     * @return log odds ratios, log risk ratios or risk differences (as proportions, not percent) with their
     *         sampling variances (variances, not standard errors)
     * @throws IllegalArgumentException if the measure is not binary
     */
    public static EffectSizes binary(Measure measure, BinaryStudies s, Continuity cc) {
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        boolean[] drop = new boolean[k];
        boolean[] zero = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            double a = s.eventsTreat(i);
            double b = s.totalTreat(i) - a;
            double c = s.eventsCtrl(i);
            double d = s.totalCtrl(i) - c;
            boolean dz = (a == 0 && c == 0) || (b == 0 && d == 0);
            if (dz) {
                String what = a == 0 ? "no events in either arm" : "only events in both arms";
                if (cc.drop00()) {
                    drop[i] = true;
                    notes.add(new Note(s.lines(i), s.study(i), Note.Kind.EXCLUDED,
                            what + " (double-zero study): left out, as requested"));
                    continue;
                }
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.DOUBLE_ZERO,
                        what + " (double-zero study): kept with the continuity correction, as metafor::escalc does"));
            }
            zero[i] = a == 0 || b == 0 || c == 0 || d == 0;
            anyZero |= zero[i];
        }
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            if (drop[i]) {
                continue;
            }
            double add = switch (cc.to()) {
                case ONLY0 -> zero[i] ? cc.add() : 0;
                case ALL -> cc.add();
                case IF0ALL -> anyZero ? cc.add() : 0;
                case NONE -> 0;
            };
            double a = s.eventsTreat(i) + add;
            double b = s.totalTreat(i) - s.eventsTreat(i) + add;
            double c = s.eventsCtrl(i) + add;
            double d = s.totalCtrl(i) - s.eventsCtrl(i) + add;
            if (add > 0 && zero[i]) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.CORRECTED,
                        "a zero cell: " + add + " added to each cell"));
            }
            double n1 = a + b;
            double n2 = c + d;
            double y;
            double v;
            switch (measure) {
                case OR -> {
                    y = Math.log(a) + Math.log(d) - Math.log(b) - Math.log(c);
                    v = 1 / a + 1 / b + 1 / c + 1 / d;
                }
                case RR -> {
                    y = Math.log(a / n1) - Math.log(c / n2);
                    v = 1 / a - 1 / n1 + 1 / c - 1 / n2;
                }
                case RD -> {
                    double p1 = a / n1;
                    double p2 = c / n2;
                    y = p1 - p2;
                    v = p1 * (1 - p1) / n1 + p2 * (1 - p2) / n2;
                }
                case PETO -> {
                    double n = n1 + n2;
                    double xt = a + c;
                    double yt = b + d;
                    double e = xt * n1 / n;
                    double var = xt * yt * (n1 / n) * (n2 / n) / (n - 1);
                    y = (a - e) / var;
                    v = 1 / var;
                }
                default -> throw new IllegalArgumentException(measure + " is not a binary measure");
            }
            if (!Double.isFinite(y) || !(v >= 0) || !Double.isFinite(v)) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.EXCLUDED,
                        "the " + measure.description() + " is undefined for these counts"
                                + (add == 0 && zero[i] ? " (a zero cell and no continuity correction)" : "")
                                + ": left out"));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Continuous measures (MD, SMD, ROM).
     *
     * @param measure MD, SMD or ROM
     * @param s       the means, standard deviations and sizes of each arm
     * @return mean differences (in the outcome's units), Hedges' g or log ratios of means, with their
     *         sampling variances
     * @throws IllegalArgumentException if the measure is not continuous
     */
    public static EffectSizes continuous(Measure measure, ContinuousStudies s) {
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            double m1 = s.meanTreat(i);
            double m2 = s.meanCtrl(i);
            double s1 = s.sdTreat(i);
            double s2 = s.sdCtrl(i);
            double n1 = s.nTreat(i);
            double n2 = s.nCtrl(i);
            double y;
            double v;
            String why = null;
            switch (measure) {
                case MD -> {
                    y = m1 - m2;
                    v = s1 * s1 / n1 + s2 * s2 / n2;
                }
                case SMD -> {
                    double df = n1 + n2 - 2;
                    if (df <= 1) {
                        y = Double.NaN;
                        v = Double.NaN;
                        why = "the standardised mean difference needs at least four patients";
                    } else {
                        double cm = Math.exp(LogGamma.value(df / 2) - 0.5 * Math.log(df / 2) - LogGamma.value((df - 1) / 2));
                        double sp = Math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df);
                        y = cm * (m1 - m2) / sp;
                        v = 1 / n1 + 1 / n2 + y * y / (2 * (n1 + n2));
                        if (!(sp > 0)) {
                            why = "both standard deviations are zero";
                        }
                    }
                }
                case ROM -> {
                    y = Math.log(m1 / m2);
                    v = s1 * s1 / (n1 * m1 * m1) + s2 * s2 / (n2 * m2 * m2);
                    if (!(m1 / m2 > 0)) {
                        why = "the ratio of means needs means of the same sign";
                    }
                }
                default -> throw new IllegalArgumentException(measure + " is not a continuous measure");
            }
            if (why != null || !Double.isFinite(y) || !Double.isFinite(v)) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.EXCLUDED,
                        (why != null ? why : "the " + measure.description() + " is undefined") + ": left out"));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Generic estimates pass through unchanged.
     *
     * @param s the estimates and their sampling variances (on the log scale for ratios)
     * @return {@link Measure#RATIO} effects when the input holds ratios, {@link Measure#GEN} otherwise, every study included
     */
    public static EffectSizes generic(GenericStudies s) {
        int k = s.size();
        int[] rows = new int[k];
        for (int i = 0; i < k; i++) {
            rows[i] = i;
        }
        // The input's own arrays: EffectSizes shares them with the (immutable) input instead of copying.
        SharedArrays.Generic in = SharedArrays.of(s);
        return new EffectSizes(s.ratio() ? Measure.RATIO : Measure.GEN, in.study(s), in.lines(s), rows, in.yi(s), in.vi(s), s,
                s.notes());
    }

    /** The included studies, gathered in input order. */
    private static final class Collected {
        private final Studies s;
        private final double[] yi;
        private final double[] vi;
        private final int[] rows;
        private int m;

        Collected(Studies s) {
            int k = s.size();
            this.s = s;
            yi = new double[k];
            vi = new double[k];
            rows = new int[k];
        }

        void add(int row, double y, double v) {
            yi[m] = y;
            vi[m] = v;
            rows[m] = row;
            m++;
        }

        EffectSizes build(Measure measure, List<Note> notes) {
            if (m == yi.length) {
                // Every study is included: the input's own labels and lines (shared, not copied).
                return new EffectSizes(measure, SharedArrays.study(s), SharedArrays.lines(s), rows, yi, vi, s, notes);
            }
            String[] labels = new String[m];
            int[] lines = new int[m];
            for (int i = 0; i < m; i++) {
                labels[i] = s.study(rows[i]);
                lines[i] = s.lines(rows[i]);
            }
            return new EffectSizes(measure, labels, lines, Arrays.copyOf(rows, m), Arrays.copyOf(yi, m), Arrays.copyOf(vi, m), s,
                    notes);
        }
    }
}
