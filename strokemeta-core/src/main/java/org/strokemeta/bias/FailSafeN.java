package org.strokemeta.bias;

import java.io.Serializable;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;

/**
 * Fail-safe N: how many unpublished studies averaging no effect would have to exist to change the
 * conclusion, as metafor's {@code fsn()} computes it. Rosenthal (Psychol Bull 1979;86:638-41; Stouffer's
 * combined z, one-sided alpha): k (|Σz_i / √k| / z_(1-alpha))² − k; Orwin (J Educ Stat 1983;8:157-9):
 * k (mean − target) / target, the mean unweighted or weighted by 1/v_i, the target half the mean unless
 * given; Rosenberg (Evolution 2005;59:464-8; the fixed-effect weighted mean, two-sided alpha):
 * k ((Σw_i y_i / z_(1-alpha/2))² − Σw_i) / Σw_i. Each is at least 0 and rounded up to a whole number.
 * Such numbers say little about publication bias and are reported because reviewers ask for them; the
 * small-study tests and the funnel plot are the better evidence.
 *
 * @param rosenthal          Rosenthal's fail-safe N
 * @param rosenthalP         the one-sided p-value of Stouffer's z
 * @param orwin              Orwin's fail-safe N (unweighted mean, target half of it)
 * @param orwinMean          the unweighted mean effect
 * @param orwinTarget        the target effect used
 * @param orwinWeighted      Orwin's fail-safe N with the weighted mean
 * @param orwinWeightedMean  the weighted mean effect
 * @param rosenberg          Rosenberg's fail-safe N
 * @param rosenbergP         the two-sided p-value of the weighted mean
 * @param alpha              the significance level
 * @serial exclude
 */
public record FailSafeN(double rosenthal, double rosenthalP, double orwin, double orwinMean, double orwinTarget, double orwinWeighted,
                        double orwinWeightedMean, double rosenberg, double rosenbergP, double alpha) implements Serializable {
    /**
     * The three fail-safe numbers, Orwin's with half the mean effect as its target.
     *
     * @param es    the per-study effects
     * @param alpha the significance level (0.05)
     * @return the numbers
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    public static FailSafeN of(EffectSizes es, double alpha) {
        return of(es, alpha, Double.NaN);
    }

    /**
     * The three fail-safe numbers.
     *
     * @param es     the per-study effects
     * @param alpha  the significance level (0.05)
     * @param target Orwin's target effect, or NaN for half the mean effect (its sign is made that of the mean)
     * @return the numbers
     * @throws IllegalArgumentException if alpha is not in (0, 1)
     */
    public static FailSafeN of(EffectSizes es, double alpha, double target) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie between 0 and 1");
        }
        int k = es.size();
        double sumZ = 0;
        double sumY = 0;
        double sumW = 0;
        double sumWy = 0;
        for (int i = 0; i < k; i++) {
            double y = es.yi(i);
            double v = es.vi(i);
            sumZ += y / Math.sqrt(v);
            sumY += y;
            sumW += 1 / v;
            sumWy += y / v;
        }
        double zAvg = Math.abs(sumZ / Math.sqrt(k));
        double z1 = Dist.zCrit(1 - 2 * alpha);
        double rosenthal = whole(Math.max(0, k * Math.pow(zAvg / z1, 2) - k));
        double mean = sumY / k;
        double wmean = sumWy / sumW;
        double orwin = orwin(k, mean, target);
        double orwinW = orwin(k, wmean, target);
        double t = Double.isNaN(target) ? mean / 2 : Math.signum(mean) * Math.abs(target);
        double wp = Math.pow(sumWy / Dist.zCrit(1 - alpha), 2) - sumW;
        double rosenberg = whole(Math.max(0, k * wp / sumW));
        double zval = wmean / Math.sqrt(1 / sumW);
        return new FailSafeN(rosenthal, Dist.normalSurvival(zAvg), orwin, mean, t, orwinW, wmean, rosenberg, Dist.pNormal2(zval), alpha);
    }

    private static double orwin(int k, double mean, double target) {
        double t = Double.isNaN(target) ? mean / 2 : target;
        if (t == 0) {
            return Double.POSITIVE_INFINITY;
        }
        if (Math.signum(t) != Math.signum(mean)) {
            t = -t;
        }
        return whole(Math.max(0, k * (mean - t) / t));
    }

    /** Rounded up to a whole number, unless already whole to within sqrt(machine epsilon) (as metafor). */
    private static double whole(double x) {
        if (Double.isInfinite(x)) {
            return x;
        }
        return Math.abs(x - Math.rint(x)) >= Math.sqrt(Math.ulp(1.0)) ? Math.ceil(x) : Math.rint(x);
    }
}
