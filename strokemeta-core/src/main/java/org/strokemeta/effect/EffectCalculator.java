package org.strokemeta.effect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.numbers.gamma.LogGamma;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.CorrelationStudies;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Note;
import org.strokemeta.data.PrePostStudies;
import org.strokemeta.data.ProportionStudies;
import org.strokemeta.data.RateStudies;
import org.strokemeta.data.Studies;
import org.strokemeta.data.TwoArmRateStudies;
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
 *   <li>AS: asin(sqrt(p1)) - asin(sqrt(p2)), variance 1/(4 n1) + 1/(4 n2) (Rücker et al. 2009).</li>
 *   <li>SMDH: c(m) (m1-m2)/s with s = sqrt((sd1^2+sd2^2)/2), m = n1+n2-2, variance
 *       c(m)^2 [d^2 (sd1^4/(n1-1) + sd2^4/(n2-1)) / (2 (sd1^2+sd2^2)^2) + (sd1^2/(n1-1) + sd2^2/(n2-1)) / s^2]
 *       with the corrected d = SMDH in place of Bonett's (2009) uncorrected one, as metafor does.</li>
 *   <li>PR: p = x/n, variance p(1-p)/n; PLN: log p, 1/x - 1/n; PLO: log(p/(1-p)), 1/x + 1/(n-x);
 *       PAS: asin(sqrt(p)), 1/(4n); PFT: (asin(sqrt(x/(n+1))) + asin(sqrt((x+1)/(n+1))))/2, 1/(4n+2)
 *       (Freeman and Tukey 1950).</li>
 *   <li>IR: x/t, variance x/t^2; IRLN: log(x/t), 1/x; IRS: sqrt(x/t), 1/(4t); IRFT: (sqrt(x/t) + sqrt((x+1)/t))/2, 1/(4t).</li>
 *   <li>IRR: log((x1/t1)/(x2/t2)), variance 1/x1 + 1/x2; IRD: x1/t1 - x2/t2, variance x1/t1^2 + x2/t2^2.</li>
 *   <li>SMCC: c(n-1) (m1-m2)/sd_d with sd_d = sqrt(sd1^2 + sd2^2 - 2 r sd1 sd2), variance 1/n + y^2/(2n);
 *       SMCR: c(n-1) (m1-m2)/sd1, variance 2(1-r)/n + y^2/(2n) (Becker 1988).</li>
 *   <li>COR: r, variance (1-r^2)^2/(n-1); ZCOR: atanh(r), variance 1/(n-3); no variance for n &lt;= 3 (Fisher 1921).</li>
 * </ul>
 * Counts get the continuity correction of {@link Continuity}: added to the four cells of a 2x2 table, to
 * the events and non-events of a single arm, to the events of rates; metafor's default for each measure
 * is {@link Continuity#defaults(Measure)}.
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
     * @param studies    the study data of the measure's kind: {@link BinaryStudies}, {@link ContinuousStudies},
     *                   {@link GenericStudies}, {@link ProportionStudies}, {@link RateStudies},
     *                   {@link TwoArmRateStudies}, {@link PrePostStudies} or {@link CorrelationStudies}
     * @param continuity the correction for zero counts (used by the measures computed from counts only)
     * @return the effect sizes on the analysis scale (see {@link Measure#backTransform()}) and sampling
     *         variances of the studies whose effect is defined, with notes for those left out
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
            case PROPORTIONS -> {
                if (!(studies instanceof ProportionStudies p)) {
                    throw new IllegalArgumentException(measure + " needs single-arm events and patients (xi, ni)");
                }
                yield proportions(measure, p, continuity);
            }
            case RATES -> {
                if (!(studies instanceof RateStudies r)) {
                    throw new IllegalArgumentException(measure + " needs single-arm events and person-time (xi, ti)");
                }
                yield rates(measure, r, continuity);
            }
            case TWO_ARM_RATES -> {
                if (!(studies instanceof TwoArmRateStudies r)) {
                    throw new IllegalArgumentException(measure + " needs events and person-time of two arms (x1i, t1i, x2i, t2i)");
                }
                yield twoArmRates(measure, r, continuity);
            }
            case PRE_POST -> {
                if (!(studies instanceof PrePostStudies p)) {
                    throw new IllegalArgumentException(measure + " needs pre-post data (m1i, m2i, sd1i, sd2i, ni, ri)");
                }
                yield prePost(measure, p);
            }
            case CORRELATIONS -> {
                if (!(studies instanceof CorrelationStudies c)) {
                    throw new IllegalArgumentException(measure + " needs correlations and sample sizes (ri, ni)");
                }
                yield correlations(measure, c);
            }
        };
    }

    /**
     * Binary measures (OR, RR, RD, PETO, AS) with a continuity correction.
     *
     * @param measure OR, RR, RD, PETO or AS
     * @param s       the events and totals of each arm
     * @param cc      the continuity correction for zero cells and the handling of double-zero studies
     * @return log odds ratios, log risk ratios, risk differences (as proportions, not percent) or arcsine
     *         differences with their sampling variances (variances, not standard errors)
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
                // AS is defined without a correction, and escalc adds none to it unless asked
                boolean bare = measure == Measure.AS && !(cc.add() > 0);
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.DOUBLE_ZERO,
                        what + " (double-zero study): kept" + (bare ? "" : " with the continuity correction") + ", as metafor::escalc does"));
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
                case AS -> {
                    y = Math.asin(Math.sqrt(a / n1)) - Math.asin(Math.sqrt(c / n2));
                    v = 1 / (4 * n1) + 1 / (4 * n2);
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
     * Continuous measures (MD, SMD, SMDH, ROM).
     *
     * @param measure MD, SMD, SMDH or ROM
     * @param s       the means, standard deviations and sizes of each arm
     * @return mean differences (in the outcome's units), Hedges' g, heteroscedastic standardised mean
     *         differences or log ratios of means, with their sampling variances
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
                        double cm = hedgesCorrection(df);
                        double sp = Math.sqrt(((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / df);
                        y = cm * (m1 - m2) / sp;
                        v = 1 / n1 + 1 / n2 + y * y / (2 * (n1 + n2));
                        if (!(sp > 0)) {
                            why = "both standard deviations are zero";
                        }
                    }
                }
                case SMDH -> {
                    double df = n1 + n2 - 2;
                    if (df <= 1) {
                        y = Double.NaN;
                        v = Double.NaN;
                        why = "the standardised mean difference needs at least four patients";
                    } else {
                        double cm = hedgesCorrection(df);
                        double q1 = s1 * s1;
                        double q2 = s2 * s2;
                        double sum = q1 + q2;
                        y = cm * (m1 - m2) / Math.sqrt(sum / 2);
                        v = cm * cm * (y * y * (q1 * q1 / (n1 - 1) + q2 * q2 / (n2 - 1)) / (2 * sum * sum)
                                + (q1 / (n1 - 1) + q2 / (n2 - 1)) / (sum / 2));
                        if (!(sum > 0)) {
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
     * The exact small-sample correction of standardised mean differences and changes, metafor's
     * {@code .cmicalc}: c(m) = Γ(m/2) / (√(m/2) Γ((m−1)/2)) (Hedges 1981), on the log scale so that it does
     * not overflow.
     *
     * @param m the degrees of freedom (n1 + n2 − 2, or n − 1 for a change), above 1
     */
    private static double hedgesCorrection(double m) {
        return Math.exp(LogGamma.value(m / 2) - 0.5 * Math.log(m / 2) - LogGamma.value((m - 1) / 2));
    }

    /** The amount a study gets under a correction, given whether it has a zero count and whether any study has. */
    private static double added(Continuity cc, boolean zero, boolean anyZero) {
        return switch (cc.to()) {
            case ONLY0 -> zero ? cc.add() : 0;
            case ALL -> cc.add();
            case IF0ALL -> anyZero ? cc.add() : 0;
            case NONE -> 0;
        };
    }

    /** The note of a study left out because its effect or variance is not a finite number. */
    private static Note undefined(Studies s, int i, Measure measure, String why, boolean uncorrectedZero) {
        return new Note(s.lines(i), s.study(i), Note.Kind.EXCLUDED, (why != null ? why : "the " + measure.description()
                + " is undefined for these data" + (uncorrectedZero ? " (a zero count and no continuity correction)" : "")) + ": left out");
    }

    /**
     * Single-arm proportions (PR, PLN, PLO, PAS, PFT), as metafor::escalc with its default variances
     * ({@code vtype = "LS"}); the correction is added to the events and the non-events of a study with none
     * of either (by default: see {@link Continuity#defaults(Measure)}).
     *
     * @param measure PR, PLN, PLO, PAS or PFT
     * @param s       the events and patients of each study
     * @param cc      the continuity correction
     * @return proportions, log or logit proportions, arcsine or double arcsine proportions, with their
     *         sampling variances
     * @throws IllegalArgumentException if the measure is not one of proportions
     */
    public static EffectSizes proportions(Measure measure, ProportionStudies s, Continuity cc) {
        if (measure.kind() != Measure.DataKind.PROPORTIONS) {
            throw new IllegalArgumentException(measure + " is not a measure of proportions");
        }
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            anyZero |= s.events(i) == 0 || s.events(i) == s.total(i);
        }
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            double x0 = s.events(i);
            double m0 = s.total(i) - x0;
            boolean zero = x0 == 0 || m0 == 0;
            double add = added(cc, zero, anyZero);
            if (add > 0 && zero) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.CORRECTED, (x0 == 0 ? "no events" : "only events") + ": "
                        + add + " added to the events and the non-events"));
            }
            double x = x0 + add;
            double m = m0 + add;
            double n = x + m;
            double p = x / n;
            double y;
            double v;
            switch (measure) {
                case PR -> {
                    y = p;
                    v = p * (1 - p) / n;
                }
                case PLN -> {
                    y = Math.log(p);
                    v = 1 / x - 1 / n;
                }
                case PLO -> {
                    y = Math.log(x) - Math.log(m);
                    v = 1 / x + 1 / m;
                }
                case PAS -> {
                    y = Math.asin(Math.sqrt(p));
                    v = 1 / (4 * n);
                }
                default -> {
                    y = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
                    v = 1 / (4 * n + 2);
                }
            }
            if (!Double.isFinite(y) || !(v >= 0) || !Double.isFinite(v)) {
                notes.add(undefined(s, i, measure, null, add == 0 && zero));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Single-arm incidence rates (IR, IRLN, IRS, IRFT), as metafor::escalc; the correction is added to the
     * events of a study with none (by default: see {@link Continuity#defaults(Measure)}).
     *
     * @param measure IR, IRLN, IRS or IRFT
     * @param s       the events and person-times of each study
     * @param cc      the continuity correction
     * @return rates (events per unit of person-time), log, square-root or Freeman-Tukey rates, with their
     *         sampling variances
     * @throws IllegalArgumentException if the measure is not one of rates
     */
    public static EffectSizes rates(Measure measure, RateStudies s, Continuity cc) {
        if (measure.kind() != Measure.DataKind.RATES) {
            throw new IllegalArgumentException(measure + " is not a measure of incidence rates");
        }
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            anyZero |= s.events(i) == 0;
        }
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            boolean zero = s.events(i) == 0;
            double add = added(cc, zero, anyZero);
            if (add > 0 && zero) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.CORRECTED, "no events: " + add + " added to the events"));
            }
            double x = s.events(i) + add;
            double t = s.time(i);
            double ir = x / t;
            double y;
            double v;
            switch (measure) {
                case IR -> {
                    y = ir;
                    v = ir / t;
                }
                case IRLN -> {
                    y = Math.log(ir);
                    v = 1 / x;
                }
                case IRS -> {
                    y = Math.sqrt(ir);
                    v = 1 / (4 * t);
                }
                default -> {
                    y = 0.5 * (Math.sqrt(ir) + Math.sqrt(ir + 1 / t));
                    v = 1 / (4 * t);
                }
            }
            if (!Double.isFinite(y) || !(v >= 0) || !Double.isFinite(v)) {
                notes.add(undefined(s, i, measure, null, add == 0 && zero));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Two-arm incidence rate ratios and differences (IRR, IRD), as metafor::escalc; the correction is added
     * to the events of both arms of a study with an arm without events, and a study without events in
     * either arm is kept with it (or left out when the correction says {@code drop00}).
     *
     * @param measure IRR or IRD
     * @param s       the events and person-times of each arm
     * @param cc      the continuity correction and the handling of double-zero studies
     * @return log rate ratios or rate differences, with their sampling variances
     * @throws IllegalArgumentException if the measure is not IRR or IRD
     */
    public static EffectSizes twoArmRates(Measure measure, TwoArmRateStudies s, Continuity cc) {
        if (measure.kind() != Measure.DataKind.TWO_ARM_RATES) {
            throw new IllegalArgumentException(measure + " is not a measure of two-arm incidence rates");
        }
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        boolean[] drop = new boolean[k];
        boolean anyZero = false;
        for (int i = 0; i < k; i++) {
            if (s.eventsTreat(i) == 0 && s.eventsCtrl(i) == 0) {
                if (cc.drop00()) {
                    drop[i] = true;
                    notes.add(new Note(s.lines(i), s.study(i), Note.Kind.EXCLUDED,
                            "no events in either arm (double-zero study): left out, as requested"));
                    continue;
                }
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.DOUBLE_ZERO, "no events in either arm (double-zero study): kept"
                        + (cc.add() > 0 ? " with the continuity correction" : "") + ", as metafor::escalc does"));
            }
            anyZero |= s.eventsTreat(i) == 0 || s.eventsCtrl(i) == 0;
        }
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            if (drop[i]) {
                continue;
            }
            boolean zero = s.eventsTreat(i) == 0 || s.eventsCtrl(i) == 0;
            double add = added(cc, zero, anyZero);
            if (add > 0 && zero) {
                notes.add(new Note(s.lines(i), s.study(i), Note.Kind.CORRECTED, "an arm without events: " + add
                        + " added to the events of both arms"));
            }
            double x1 = s.eventsTreat(i) + add;
            double x2 = s.eventsCtrl(i) + add;
            double t1 = s.timeTreat(i);
            double t2 = s.timeCtrl(i);
            double ir1 = x1 / t1;
            double ir2 = x2 / t2;
            double y;
            double v;
            if (measure == Measure.IRR) {
                y = Math.log(ir1) - Math.log(ir2);
                v = 1 / x1 + 1 / x2;
            } else {
                y = ir1 - ir2;
                v = ir1 / t1 + ir2 / t2;
            }
            if (!Double.isFinite(y) || !(v >= 0) || !Double.isFinite(v)) {
                notes.add(undefined(s, i, measure, null, add == 0 && zero));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Standardised mean changes of one group measured twice (SMCC, SMCR), as metafor::escalc with its
     * default variances ({@code vtype = "LS"}) and the exact correction c(n − 1).
     *
     * @param measure SMCC (standardised by the standard deviation of the changes) or SMCR (by {@code sd1i})
     * @param s       the means, standard deviations, sizes and pre-post correlations
     * @return the standardised mean changes with their sampling variances
     * @throws IllegalArgumentException if the measure is not SMCC or SMCR
     */
    public static EffectSizes prePost(Measure measure, PrePostStudies s) {
        if (measure.kind() != Measure.DataKind.PRE_POST) {
            throw new IllegalArgumentException(measure + " is not a standardised mean change");
        }
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            double n = s.n(i);
            double r = s.r(i);
            double s1 = s.sd1(i);
            double y = Double.NaN;
            double v = Double.NaN;
            String why = null;
            if (n - 1 <= 1) {
                why = "the standardised mean change needs at least three patients";
            } else if (measure == Measure.SMCC) {
                double s2 = s.sd2(i);
                double sd = Math.sqrt(s1 * s1 + s2 * s2 - 2 * r * s1 * s2);
                if (Double.isNaN(s2)) {
                    why = "the standard deviation at the second time point (sd2i) is missing";
                } else if (!(sd > 0)) {
                    why = "the standard deviation of the changes is zero";
                } else {
                    y = hedgesCorrection(n - 1) * (s.mean1(i) - s.mean2(i)) / sd;
                    v = 1 / n + y * y / (2 * n);
                }
            } else if (!(s1 > 0)) {
                why = "the standard deviation sd1i is zero";
            } else {
                y = hedgesCorrection(n - 1) * (s.mean1(i) - s.mean2(i)) / s1;
                v = 2 * (1 - r) / n + y * y / (2 * n);
            }
            if (why != null || !Double.isFinite(y) || !Double.isFinite(v)) {
                notes.add(undefined(s, i, measure, why, false));
                continue;
            }
            out.add(i, y, v);
        }
        return out.build(measure, notes);
    }

    /**
     * Correlations (COR, ZCOR), as metafor::escalc with its default variance for COR ({@code vtype = "LS"});
     * a study of three patients or fewer has no sampling variance and is left out with a note, as escalc
     * gives it none.
     *
     * @param measure COR or ZCOR
     * @param s       the correlations and sample sizes
     * @return correlations or Fisher's z values, with their sampling variances
     * @throws IllegalArgumentException if the measure is not COR or ZCOR
     */
    public static EffectSizes correlations(Measure measure, CorrelationStudies s) {
        if (measure.kind() != Measure.DataKind.CORRELATIONS) {
            throw new IllegalArgumentException(measure + " is not a measure of correlations");
        }
        int k = s.size();
        List<Note> notes = new ArrayList<>(s.notes());
        Collected out = new Collected(s);
        for (int i = 0; i < k; i++) {
            double r = s.r(i);
            double n = s.n(i);
            double y;
            double v;
            String why = null;
            if (measure == Measure.COR) {
                y = r;
                v = (1 - r * r) * (1 - r * r) / (n - 1);
            } else {
                // atanh(r) = log((1 + r)/(1 - r))/2, from log1p for correlations near 0
                y = 0.5 * (Math.log1p(r) - Math.log1p(-r));
                v = 1 / (n - 3);
                if (Double.isInfinite(y)) {
                    why = "a correlation of " + (r > 0 ? "1" : "-1") + " has no Fisher's z";
                }
            }
            if (n <= 3) {
                why = "the sampling variance of a correlation needs more than three patients";
            }
            if (why != null || !Double.isFinite(y) || !(v >= 0) || !Double.isFinite(v)) {
                notes.add(undefined(s, i, measure, why, false));
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
