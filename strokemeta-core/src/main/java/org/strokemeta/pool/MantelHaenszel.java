package org.strokemeta.pool;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;

/**
 * Mantel-Haenszel fixed-effect pooling of 2x2 tables, as metafor::rma.mh (metafor 3.8) with its
 * defaults: the pooled estimate from the raw counts of every table (no continuity correction;
 * tables with no events or only events in both arms add nothing to OR and RR but do weigh in the RD),
 * and heterogeneity from the per-study effects (with their continuity correction) around the MH
 * estimate, leaving out those double-zero tables (metafor's drop00 for the observed effects).
 *
 * <ul>
 *   <li>OR: Mantel and Haenszel (1959), variance of Robins, Breslow and Greenland (1986).</li>
 *   <li>RR: variance of Greenland and Robins (1985).</li>
 *   <li>RD: variance of Sato, Greenland and Robins (1989), valid in sparse and large strata.</li>
 * </ul>
 */
final class MantelHaenszel {
    private MantelHaenszel() {
    }

    static MetaResult pool(EffectSizes es, MetaOptions o) {
        Measure measure = es.measure();
        if (measure != Measure.OR && measure != Measure.RR && measure != Measure.RD) {
            throw new IllegalArgumentException("the Mantel-Haenszel method pools OR, RR or RD, not " + measure);
        }
        if (!(es.input() instanceof BinaryStudies s)) {
            throw new IllegalArgumentException("the Mantel-Haenszel method needs arm-level counts");
        }
        List<Note> notes = new ArrayList<>(es.notes());
        int k = es.size();
        boolean[] inQ = new boolean[k];
        int kQ = 0;
        for (int i = 0; i < k; i++) {
            int r = es.rows(i);
            double a = s.eventsTreat(r);
            double b = s.totalTreat(r) - a;
            double c = s.eventsCtrl(r);
            double d = s.totalCtrl(r) - c;
            inQ[i] = !((a == 0 && c == 0) || (b == 0 && d == 0)) && es.vi(i) > 0;
            if (!inQ[i]) {
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.INFO,
                        "no events (or only events) in both arms: kept in the Mantel-Haenszel estimate, left out of Q"));
            } else {
                kQ++;
            }
        }
        double est;
        double se;
        double[] wts = new double[k];
        if (measure == Measure.OR) {
            double sumR = 0;
            double sumS = 0;
            double sumPR = 0;
            double sumPSQR = 0;
            double sumQS = 0;
            for (int i = 0; i < k; i++) {
                double[] t = table(s, es.rows(i));
                double a = t[0];
                double b = t[1];
                double c = t[2];
                double d = t[3];
                double n = a + b + c + d;
                double pi = a / n + d / n;
                double qi = b / n + c / n;
                double ri = (a / n) * d;
                double si = (b / n) * c;
                sumR += ri;
                sumS += si;
                sumPR += pi * ri;
                sumPSQR += pi * si + qi * ri;
                sumQS += qi * si;
                wts[i] = si;
            }
            if (sumR == 0 || sumS == 0) {
                throw InputException.of(s.source(), "the Mantel-Haenszel odds ratio cannot be estimated: "
                        + (sumR == 0 ? "no treatment-arm events paired with control-arm non-events" : "no control-arm events paired with treatment-arm non-events")
                        + " in any study");
            }
            est = Math.log(sumR / sumS);
            se = Math.sqrt(0.5 * (sumPR / (sumR * sumR) + sumPSQR / (sumR * sumS) + sumQS / (sumS * sumS)));
        } else if (measure == Measure.RR) {
            double sumR = 0;
            double sumS = 0;
            double sumV = 0;
            double sumA = 0;
            double sumC = 0;
            for (int i = 0; i < k; i++) {
                double[] t = table(s, es.rows(i));
                double a = t[0];
                double c = t[2];
                double n1 = t[0] + t[1];
                double n2 = t[2] + t[3];
                double n = n1 + n2;
                sumR += a * (n2 / n);
                sumS += c * (n1 / n);
                sumV += (n1 / n) * (n2 / n) * (a + c) - (a / n) * c;
                sumA += a;
                sumC += c;
                wts[i] = c * (n1 / n);
            }
            if (sumA == 0 || sumC == 0) {
                throw InputException.of(s.source(), "the Mantel-Haenszel risk ratio cannot be estimated: no events in the "
                        + (sumA == 0 ? "treatment" : "control") + " arm of any study");
            }
            est = Math.log(sumR / sumS);
            se = Math.sqrt(sumV / (sumR * sumS));
        } else {
            double num = 0;
            double den = 0;
            double pSum = 0;
            double qSum = 0;
            for (int i = 0; i < k; i++) {
                double[] t = table(s, es.rows(i));
                double a = t[0];
                double c = t[2];
                double n1 = t[0] + t[1];
                double n2 = t[2] + t[3];
                double n = n1 + n2;
                num += a * (n2 / n) - c * (n1 / n);
                den += n1 * (n2 / n);
                pSum += c * (n1 / n) * (n1 / n) - a * (n2 / n) * (n2 / n) + (n1 / n) * (n2 / n) * (n2 - n1) / 2;
                qSum += a * (n2 - c) / n + c * (n1 - a) / n;
                wts[i] = n1 * (n2 / n);
            }
            if (den == 0) {
                throw InputException.of(s.source(), "the Mantel-Haenszel risk difference cannot be estimated: no study has usable counts");
            }
            est = num / den;
            se = Math.sqrt((est * pSum + qSum / 2) / (den * den));
        }
        double z = est / se;
        double crit = Dist.zCrit(o.level());
        // Heterogeneity: Cochran's Q of the per-study effects around the MH estimate (metafor rma.mh).
        double q = 0;
        for (int i = 0; i < k; i++) {
            if (inQ[i]) {
                double r = es.yi(i) - est;
                q += r * r / es.vi(i);
            }
        }
        q = Math.max(0, q);
        Heterogeneity het = fixedHeterogeneity(q, kQ);
        double[] pct = percent(wts);
        PooledEstimate pooled = new PooledEstimate(est, se, est - crit * se, est + crit * se, z, Double.NaN,
                Dist.pNormal2(z), Double.NaN, Double.NaN);
        if (o.ciMethod() == CiMethod.KNHA) {
            notes.add(new Note(0, null, Note.Kind.INFO, "the Mantel-Haenszel method uses a Wald z interval; the Hartung-Knapp option does not apply"));
        }
        return new MetaResult(o.withCi(CiMethod.Z), es, pct, pooled, het, null, "fixed-effect, Mantel-Haenszel", notes);
    }

    /** Q statistics of a fixed-effect fit over kUsed studies: I² and H² from Q as metafor. */
    static Heterogeneity fixedHeterogeneity(double q, int kUsed) {
        if (kUsed <= 1) {
            return new Heterogeneity(0, 0, 1, 0, 1, 0, 0, Double.NaN, null, null, null);
        }
        int df = kUsed - 1;
        return new Heterogeneity(q, df, Dist.pChisq(q, df), Math.max(0, 100 * (q - df) / q), q / df, 0, 0,
                Double.NaN, null, null, null);
    }

    static double[] percent(double[] w) {
        double s = 0;
        for (double x : w) {
            s += x;
        }
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            out[i] = 100 * w[i] / s;
        }
        return out;
    }

    /** The raw 2x2 table a, b, c, d of input row r. */
    static double[] table(BinaryStudies s, int r) {
        double a = s.eventsTreat(r);
        double c = s.eventsCtrl(r);
        return new double[] {a, s.totalTreat(r) - a, c, s.totalCtrl(r) - c};
    }
}
