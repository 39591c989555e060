package org.strokemeta.pool;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;

/**
 * Peto's one-step odds ratio (Yusuf, Peto, Lewis, Collins and Sleight 1985), as metafor::rma.peto:
 * log OR = Σ(O − E)/ΣV from the raw counts, SE = 1/sqrt(ΣV), and the heterogeneity statistic
 * Q = Σ(O − E)²/V − (Σ(O − E))²/ΣV over the studies with V > 0.
 */
final class Peto {
    private Peto() {
    }

    static MetaResult pool(EffectSizes es, MetaOptions o) {
        if (!(es.input() instanceof BinaryStudies s)) {
            throw new IllegalArgumentException("the Peto method needs arm-level counts");
        }
        List<Note> notes = new ArrayList<>(es.notes());
        int k = es.size();
        double sumOE = 0;
        double sumV = 0;
        double sumOE2V = 0;
        int kPos = 0;
        int kYi = 0;
        double[] wts = new double[k];
        for (int i = 0; i < k; i++) {
            double[] t = MantelHaenszel.table(s, es.rows(i));
            double a = t[0];
            double b = t[1];
            double c = t[2];
            double d = t[3];
            double n1 = a + b;
            double n2 = c + d;
            double n = n1 + n2;
            double xt = a + c;
            double yt = b + d;
            double e = xt * n1 / n;
            double v = xt * yt * (n1 / n) * (n2 / n) / (n - 1);
            sumOE += a - e;
            sumV += v;
            wts[i] = v;
            if (v > 0) {
                sumOE2V += (a - e) * (a - e) / v;
                kPos++;
            }
            if (!(xt == 0 || yt == 0)) {
                kYi++;
            } else {
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.INFO,
                        "no events (or only events) in both arms: contributes nothing to the Peto estimate"));
            }
        }
        if (sumV == 0) {
            throw InputException.of(s.source(), "Peto's method cannot be used: one of the two outcomes never occurs in any study");
        }
        double est = sumOE / sumV;
        double se = Math.sqrt(1 / sumV);
        double z = est / se;
        double crit = Dist.zCrit(o.level());
        double q = Math.max(0, sumOE2V - sumOE * sumOE / sumV);
        Heterogeneity het;
        if (kPos > 1) {
            int df = kYi - 1;
            het = new Heterogeneity(q, df, Dist.pChisq(q, df), Math.max(0, 100 * (q - df) / q), q / df, 0, 0,
                    Double.NaN, null, null, null);
        } else {
            het = new Heterogeneity(q, Math.max(0, kYi - 1), 1, 0, 1, 0, 0, Double.NaN, null, null, null);
        }
        PooledEstimate pooled = new PooledEstimate(est, se, est - crit * se, est + crit * se, z, Double.NaN,
                Dist.pNormal2(z), Double.NaN, Double.NaN);
        return new MetaResult(o.withCi(CiMethod.Z), es, MantelHaenszel.percent(wts), pooled, het, null,
                "fixed-effect, Peto", notes);
    }
}
