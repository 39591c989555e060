package org.strokemeta.ordinal;

import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.Dist;

/**
 * The probability that a treated patient has a better outcome than a control patient, and the
 * number needed to treat derived from it, over the whole ordinal scale.
 *
 * <p>Draw one patient from each arm independently. With 0 the best category,
 * {@code P(better) = P(Y_T < Y_C)}, {@code P(worse) = P(Y_T > Y_C)} and {@code P(tie)} follow from
 * the two arms' distributions; their difference {@code Δ = P(better) − P(worse)} is Agresti's
 * generalized risk difference for ordinal data (Agresti, Biometrics 1980;36:59–67), equal to Somers'
 * d of the 2 × J table with arm as the explanatory variable and to the "net benefit" of Buyse
 * (Stat Med 2010). The number needed to treat for one more patient to have a better outcome, by at
 * least one category, than without treatment is {@code NNT = 1 / Δ}, the approach of Howard et al.
 * (Stroke 2012;43:664–669). Its negative is a number needed to harm.
 *
 * <p>Why this and not Saver's joint outcome table (Arch Neurol 2004;61:1066–1070): the joint table
 * needs a judgement of how treated and control outcomes pair up (expert-panel minimum and maximum
 * bounds), whereas Δ assumes only that the two arms are independent samples, as in a randomised
 * trial; it is free of the proportional-odds assumption and has a closed-form variance.
 *
 * <p>The standard error is the delta-method one for two independent multinomial samples (Agresti
 * 1980): with {@code g_T(i) = P(Y_C > i) − P(Y_C < i)} and {@code g_C(j) = P(Y_T < j) − P(Y_T > j)},
 * {@code Var Δ = (Σ p_T g_T² − Δ²)/n_T + (Σ p_C g_C² − Δ²)/n_C}. The interval for Δ is Wald's, clipped
 * to [−1, 1]; the interval for the NNT is the reciprocal of it (Altman, BMJ 1998;317:1309–1312): when
 * the interval for Δ includes 0, it runs from a number needed to benefit through infinity to a
 * number needed to harm.
 *
 * @param pBetter     P(Y_T &lt; Y_C)
 * @param pWorse      P(Y_T &gt; Y_C)
 * @param pTie        P(Y_T = Y_C)
 * @param difference  Δ = pBetter − pWorse
 * @param se          the delta-method standard error of Δ
 * @param ciLower     lower Wald limit for Δ
 * @param ciUpper     upper Wald limit for Δ
 * @param z           Δ / se
 * @param p           two-sided p-value of z
 * @param nnt         1 / Δ (negative: number needed to harm; infinite when Δ = 0)
 * @param nntLimitA   1 / ciUpper
 * @param nntLimitB   1 / ciLower
 * @param nTreatment  patients in the treatment arm
 * @param nControl    patients in the control arm
 * @param level       the confidence level
 * @serial exclude
 */
public record NetBenefit(double pBetter, double pWorse, double pTie, double difference, double se, double ciLower,
                         double ciUpper, double z, double p, double nnt, double nntLimitA, double nntLimitB,
                         double nTreatment, double nControl, double level) implements java.io.Serializable {
    /**
     * Checks the arm sizes and the level.
     *
     * @param pBetter P(Y_T &lt; Y_C)
     * @param pWorse P(Y_T &gt; Y_C)
     * @param pTie P(Y_T = Y_C)
     * @param difference Δ = pBetter − pWorse
     * @param se the delta-method standard error of Δ
     * @param ciLower lower Wald limit for Δ
     * @param ciUpper upper Wald limit for Δ
     * @param z Δ / se
     * @param p two-sided p-value of z
     * @param nnt 1 / Δ (negative: number needed to harm; infinite when Δ = 0)
     * @param nntLimitA 1 / ciUpper
     * @param nntLimitB 1 / ciLower
     * @param nTreatment patients in the treatment arm
     * @param nControl patients in the control arm
     * @param level the confidence level
     * @throws IllegalArgumentException if an arm is empty or {@code level} is not in (0, 1)
     */
    public NetBenefit {
        if (!(nTreatment > 0 && nControl > 0)) {
            throw new IllegalArgumentException("both arms need patients");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1");
        }
    }

    /**
     * From the number of patients in each category (0 = best) of the two arms.
     *
     * @param treatment counts per category, treatment arm
     * @param control   counts per category, control arm
     * @param level     confidence level
     * @return the probabilities that a treated patient does better, worse or the same as a control
     *         patient, Δ (a difference of probabilities, not percent) with its Wald interval and the NNT
     * @throws IllegalArgumentException if the arms do not have the same categories, at least two
     */
    public static NetBenefit of(double[] treatment, double[] control, double level) {
        if (treatment.length != control.length || treatment.length < 2) {
            throw new IllegalArgumentException("both arms need the same categories, at least two");
        }
        int m = treatment.length;
        double nt = sum(treatment, "treatment");
        double nc = sum(control, "control");
        if (!(nt > 0) || !(nc > 0)) {
            throw InputException.of(null, "the probability of a better outcome needs patients in both arms (treatment "
                    + nt + ", control " + nc + ")");
        }
        double[] pt = new double[m];
        double[] pc = new double[m];
        for (int j = 0; j < m; j++) {
            pt[j] = treatment[j] / nt;
            pc[j] = control[j] / nc;
        }
        // below[j] = P(Y < j), above[j] = P(Y > j), for each arm
        double[] cBelow = new double[m];
        double[] tBelow = new double[m];
        for (int j = 1; j < m; j++) {
            cBelow[j] = cBelow[j - 1] + pc[j - 1];
            tBelow[j] = tBelow[j - 1] + pt[j - 1];
        }
        double better = 0;
        double worse = 0;
        double[] gt = new double[m];
        double[] gc = new double[m];
        for (int j = 0; j < m; j++) {
            double cAbove = Math.max(0, 1 - cBelow[j] - pc[j]);
            double tAbove = Math.max(0, 1 - tBelow[j] - pt[j]);
            better += pt[j] * cAbove;
            worse += pt[j] * cBelow[j];
            gt[j] = cAbove - cBelow[j];
            gc[j] = tBelow[j] - tAbove;
        }
        double delta = better - worse;
        double st = 0;
        double sc = 0;
        for (int j = 0; j < m; j++) {
            st += pt[j] * gt[j] * gt[j];
            sc += pc[j] * gc[j] * gc[j];
        }
        double var = Math.max(0, st - delta * delta) / nt + Math.max(0, sc - delta * delta) / nc;
        return of(better, worse, Math.sqrt(var), nt, nc, level);
    }

    /**
     * From P(better), P(worse) and the standard error of their difference, as a combination of
     * trials gives them: the Wald interval, the test and the NNT with its interval follow.
     */
    static NetBenefit of(double better, double worse, double se, double nt, double nc, double level) {
        double delta = better - worse;
        double q = Dist.zCrit(level);
        double lo = Math.max(-1, delta - q * se);
        double hi = Math.min(1, delta + q * se);
        double z = delta / se;
        return new NetBenefit(better, worse, Math.max(0, 1 - better - worse), delta, se, lo, hi, z, Dist.pNormal2(z),
                1 / delta, 1 / hi, 1 / lo, nt, nc, level);
    }

    /**
     * For one trial of a table.
     *
     * @param t     the table
     * @param trial the 0-based trial
     * @param level the confidence level, in (0, 1)
     * @return the trial's net benefit
     */
    public static NetBenefit of(OrdinalTable t, int trial, double level) {
        return of(t.treatment(trial), t.control(trial), level);
    }

    /**
     * From the arms of all trials of a table added together. This is a crude summary: it ignores
     * that trials differ in their patients and in their allocation ratio (Simpson's paradox), so it
     * is meant only for reproducing crude published figures; the analyses combine trials with
     * {@link ClinicalSummaries}, within trials.
     *
     * @param t     the table
     * @param level the confidence level, in (0, 1)
     * @return the crude net benefit
     */
    public static NetBenefit ofAllTrials(OrdinalTable t, double level) {
        ArmDistribution a = ArmDistribution.pooled(t);
        return of(a.treatment(), a.control(), level);
    }

    /**
     * From patient-level data: the arms of the given trial, or of all trials added together (crude, see
     * {@link #ofAllTrials}) when {@code trial} is −1.
     *
     * @param d     the patients
     * @param trial the 0-based trial, or −1 for all trials added together
     * @param level the confidence level, in (0, 1)
     * @return the net benefit
     */
    public static NetBenefit of(PatientData d, int trial, double level) {
        ArmDistribution a = ArmDistribution.of(d, trial);
        return of(a.treatment(), a.control(), level);
    }

    /**
     * True when the interval for Δ excludes 0, so that the NNT interval is finite.
     *
     * @return whether the interval for Δ lies on one side of 0
     */
    public boolean nntIntervalFinite() {
        return ciLower > 0 || ciUpper < 0;
    }

    /**
     * Whether the shift favours the control arm (a number needed to harm, not to treat).
     *
     * @return true when P(better) − P(worse) is below 0
     */
    public boolean harm() {
        return difference < 0;
    }

    /**
     * The number of patients to treat for one more to be better (NNT), or, when the shift favours the
     * control arm, for one more to be worse (NNH): 1 / |Δ|, never negative; infinite when Δ = 0.
     *
     * @return the number needed
     */
    public double numberNeeded() {
        return Math.abs(nnt);
    }

    /**
     * The sentence of the number needed, for example "NNT for one more patient to be better by at least
     * one category: 6.2", or "NNH ... worse ..." when the shift favours the control arm.
     *
     * @return the words and the number
     */
    public String numberNeededWords() {
        double n = numberNeeded();
        return (harm() ? "NNH for one more patient to be worse" : "NNT for one more patient to be better") + " by at least one category: "
                + (Double.isFinite(n) ? String.format(java.util.Locale.ROOT, "%.1f", n) : "infinite");
    }

    /**
     * The NNT with its interval in words, for example "NNT 6.2 (95% CI 4.3 to 11)" or, when the
     * interval for Δ includes 0, "NNT 18 (95% CI: 7.5 to benefit, through infinity, to 40 to harm)".
     *
     * @return the description
     */
    public String describeNnt() {
        String pct = Math.round(level * 100) + "% CI";
        if (nntIntervalFinite()) {
            double a = Math.abs(nntLimitA);
            double b = Math.abs(nntLimitB);
            String kind = difference > 0 ? "NNT" : "NNH";
            return kind + " " + ProportionalOdds.fmt(Math.abs(nnt)) + " (" + pct + " " + ProportionalOdds.fmt(Math.min(a, b))
                    + " to " + ProportionalOdds.fmt(Math.max(a, b)) + ")";
        }
        return (difference >= 0 ? "NNT " : "NNH ") + ProportionalOdds.fmt(Math.abs(nnt)) + " (" + pct + ": "
                + ProportionalOdds.fmt(nntLimitA) + " to benefit, through infinity, to "
                + ProportionalOdds.fmt(-nntLimitB) + " to harm)";
    }

    private static double sum(double[] x, String arm) {
        double s = 0;
        for (double v : x) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw InputException.of(null, "the " + arm + " arm has a count that is not a number of patients: " + v);
            }
            s += v;
        }
        return s;
    }
}
