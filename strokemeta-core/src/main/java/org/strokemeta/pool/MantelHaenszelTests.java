package org.strokemeta.pool;

import java.io.Serializable;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;

/**
 * The tests printed with a Mantel-Haenszel odds ratio (as metafor's {@code rma.mh}): the
 * Cochran-Mantel-Haenszel test of no association (Mantel and Haenszel, J Natl Cancer Inst 1959;22:719-48;
 * with the continuity correction 1/2 by default), and the Breslow-Day test of homogeneity of the odds
 * ratios with Tarone's correction (Breslow and Day 1980, IARC Sci Publ 32; Tarone, Biometrika
 * 1985;72:91-5), from the tables with events, non-events and an expected cell count above 0 at the
 * pooled odds ratio. The tables are the raw counts (no continuity correction).
 *
 * @param cmh        the CMH statistic (chi-square, 1 df), NaN when no table has events or every patient had one
 * @param cmhP       its p-value
 * @param correct    whether the continuity correction was applied
 * @param breslowDay the Breslow-Day statistic, NaN when the pooled odds ratio is undefined
 * @param breslowDayP its p-value (k_pos − 1 df), NaN when k_pos &lt; 2
 * @param tarone     Tarone's corrected statistic
 * @param taroneP    its p-value
 * @param kPos       the tables that enter the homogeneity tests
 * @serial exclude
 */
public record MantelHaenszelTests(double cmh, double cmhP, boolean correct, double breslowDay, double breslowDayP, double tarone, double taroneP,
                                  int kPos) implements Serializable {
    /**
     * The tests of a Mantel-Haenszel odds ratio.
     *
     * @param r       the pooled result (fixed effect, Mantel-Haenszel, odds ratio, from arm counts)
     * @param correct apply the continuity correction 1/2 to the CMH statistic (metafor's default)
     * @return the tests
     * @throws IllegalArgumentException for another model, method or measure, or without arm counts
     */
    public static MantelHaenszelTests of(MetaResult r, boolean correct) {
        EffectSizes es = r.effects();
        if (r.options().model() != Model.FIXED || r.options().fixedMethod() != FixedMethod.MH || es.measure() != Measure.OR
                || !(es.input() instanceof BinaryStudies s)) {
            throw new IllegalArgumentException("the Cochran-Mantel-Haenszel and Breslow-Day tests belong to a Mantel-Haenszel odds ratio from arm counts");
        }
        int k = es.size();
        double num = 0;
        double den = 0;
        double sumX = 0;
        double sumY = 0;
        Margins[] tables = new Margins[k];
        for (int i = 0; i < k; i++) {
            Margins t = Margins.of(MantelHaenszel.table(s, es.rows(i)));
            tables[i] = t;
            sumX += t.xt();
            sumY += t.yt();
            num += t.a() - t.n1() / t.n() * t.xt();
            den += (t.n1() / t.n()) * (t.n2() / t.n()) * (t.xt() * (t.yt() / (t.n() - 1)));
        }
        double cmh = Double.NaN;
        double cmhP = Double.NaN;
        if (sumX > 0 && sumY > 0) {
            double d = Math.abs(num) - (correct ? 0.5 : 0);
            cmh = d * d / den;
            cmhP = Dist.pChisq(cmh, 1);
        }
        double psi = Math.exp(r.pooled().estimate());
        if (!Double.isFinite(psi)) {
            return new MantelHaenszelTests(cmh, cmhP, correct, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double bd = 0;
        double dev = 0;
        double sumV = 0;
        int kPos = 0;
        for (Margins t : tables) {
            double n1 = t.n1();
            double n2 = t.n2();
            double n = t.n();
            double xt = t.xt();
            double yt = t.yt();
            double n11;
            if (psi == 1) {
                n11 = n1 / n * xt;
            } else {
                // the expected cell at the pooled odds ratio: the root of a quadratic (Breslow and Day 1980)
                double a = psi * (n1 + xt) + (n2 - xt);
                double b = Math.sqrt(a * a - 4 * n1 * xt * psi * (psi - 1));
                n11 = (a - b) / (2 * (psi - 1));
            }
            if (!(n11 > 0 && xt > 0 && yt > 0)) {
                continue;
            }
            kPos++;
            double n12 = n1 - n11;
            double n21 = xt - n11;
            double n22 = n11 - n1 - xt + n;
            double v = 1 / (1 / n11 + 1 / n12 + 1 / n21 + 1 / n22);
            double e = t.a() - n11;
            bd += e * e / v;
            dev += e;
            sumV += v;
        }
        bd = Math.max(0, bd);
        double ta = Math.max(0, bd - dev * dev / sumV);
        double bdP = kPos > 1 ? Dist.pChisq(bd, kPos - 1) : Double.NaN;
        double taP = kPos > 1 ? Dist.pChisq(ta, kPos - 1) : Double.NaN;
        return new MantelHaenszelTests(cmh, cmhP, correct, bd, bdP, ta, taP, kPos);
    }

    /** A 2 x 2 table's first cell and margins: arm sizes, total, events and non-events. */
    private record Margins(double a, double n1, double n2, double n, double xt, double yt) {
        static Margins of(double[] t) {
            double n1 = t[0] + t[1];
            double n2 = t[2] + t[3];
            return new Margins(t[0], n1, n2, n1 + n2, t[0] + t[2], t[1] + t[3]);
        }
    }
}
