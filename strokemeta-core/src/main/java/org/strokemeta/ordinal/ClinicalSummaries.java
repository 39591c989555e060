package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/**
 * The clinical summaries of several randomised trials together — the net benefit P(better) −
 * P(worse) with its number needed to treat, and the difference in utility-weighted mRS — computed
 * within each trial and then combined, so that trials with different allocation ratios and
 * different control-arm outcomes cannot distort them as they do when the arms of all trials are
 * added together (Simpson's paradox: a trial randomised 1:4 puts its prognosis mostly into one arm
 * of the added totals).
 *
 * <p>Each trial s gives its own difference d_s (a {@link NetBenefit} or a
 * {@link UtilityWeightedOutcome} of its two arms) with standard error se_s. The combined difference
 * is the weighted mean {@code Σ w_s d_s / Σ w_s} with the Mantel-Haenszel weights
 * {@code w_s = n_Ts n_Cs / (n_Ts + n_Cs)}, those of the Mantel-Haenszel risk difference (Greenland &amp;
 * Robins, Biometrics 1985;41:55–68) and, on the probability scale, essentially those of van Elteren's
 * stratified Wilcoxon test (Bull Int Stat Inst 1960;37:351–361: 1/(N_s + 1) on the rank sums), as used
 * for stratified win statistics (Dong et al., J Biopharm Stat 2018;28:778–796; Gasparyan et al., Stat
 * Methods Med Res 2021;30:580–611). They are the inverse-variance weights of a difference between arms
 * when the outcome varies alike in every trial, yet they do not depend on the trials' estimated
 * variances, so small trials with sampling noise in their variance are not over- or under-weighted.
 * P(better) and P(worse), and each arm's mean utility, are combined with the same weights, so that
 * their differences equal the combined differences. The standard error is that of a weighted mean of
 * independent estimates with fixed weights, {@code √(Σ w_s² se_s²) / Σ w_s} (the large-strata
 * variance of the Mantel-Haenszel risk difference), with a Wald interval; the NNT is 1 over the
 * combined net benefit and its interval the reciprocal of the net benefit's (Altman, BMJ
 * 1998;317:1309–1312).
 *
 * <p>A trial with no patients in one arm compares nothing and cannot contribute; one with a single
 * patient in an arm has no standard error of its utility and is left out of the utility-weighted
 * mRS. Each such trial is named in the notes with the reason.
 *
 * @param combination how the trials were brought together
 * @param benefit     the combined net benefit and NNT, or null when no trial has patients in both arms
 * @param utility     the combined utility-weighted mRS, or null when not asked, when the outcome has other
 *                    categories than the weights, or when no trial has two patients in each arm
 * @param trials      each trial's own values, its weight, or why it does not contribute
 * @param notes       the trials that could not contribute and why, and summaries not computed
 * @serial exclude
 */
public record ClinicalSummaries(ArmCombination combination, NetBenefit benefit, UtilityWeightedOutcome utility,
                                List<Trial> trials, List<Note> notes) implements java.io.Serializable {
    /**
     * Checks the combination and copies the lists.
     *
     * @param combination how the trials were brought together
     * @param benefit the combined net benefit and NNT, or null when no trial has patients in both arms
     * @param utility the combined utility-weighted mRS, or null when not asked, when the outcome has other
     *                           categories than the weights, or when no trial has two patients in each arm
     * @param trials each trial's own values, its weight, or why it does not contribute
     * @param notes the trials that could not contribute and why, and summaries not computed
     * @throws IllegalArgumentException if {@code combination} is null
     */
    public ClinicalSummaries {
        if (combination == null) {
            throw new IllegalArgumentException("the combination of trials is needed");
        }
        trials = List.copyOf(trials);
        notes = List.copyOf(notes);
    }

    /**
     * One trial's part.
     *
     * @param study         the trial label
     * @param nTreatment    patients in its treatment arm
     * @param nControl      patients in its control arm
     * @param benefit       its own net benefit, or null when an arm is empty
     * @param benefitWeight its share (0 to 1) of the combined net benefit; 0 when it does not contribute, NaN when crude
     * @param utility       its own utility-weighted mRS, or null when not computed or an arm has fewer than two patients
     * @param utilityWeight its share (0 to 1) of the combined utility-weighted mRS; 0 when it does not contribute, NaN when crude
     * @param reason        why it does not contribute to one or both summaries, or null
     * @serial exclude
     */
    public record Trial(String study, double nTreatment, double nControl, NetBenefit benefit, double benefitWeight,
                        UtilityWeightedOutcome utility, double utilityWeight, String reason) implements java.io.Serializable {
        /**
         * The Mantel-Haenszel weight {@code n_T n_C / (n_T + n_C)} (0 when an arm is empty).
         *
         * @return the weight, in patients
         */
        public double mantelHaenszelWeight() {
            return nTreatment > 0 && nControl > 0 ? nTreatment * nControl / (nTreatment + nControl) : 0;
        }
    }

    /**
     * From patient-level data, within trials.
     *
     * @param d       the patients
     * @param weights utility weights, or null for no utility-weighted mRS
     * @param level   the confidence level
     * @return the net benefit with its NNT and, with weights, the utility-weighted mRS, combined within trials
     */
    public static ClinicalSummaries of(PatientData d, UtilityWeights weights, double level) {
        return of(d, weights, level, ArmCombination.WITHIN_TRIALS);
    }

    /**
     * From patient-level data, combined as asked.
     *
     * @param d       the patients
     * @param weights utility weights, or null for no utility-weighted mRS
     * @param level   the confidence level, in (0, 1)
     * @param how     within trials (Mantel-Haenszel weights) or crude (arms added across trials)
     * @return the net benefit with its NNT and, with weights, the utility-weighted mRS
     */
    public static ClinicalSummaries of(PatientData d, UtilityWeights weights, double level, ArmCombination how) {
        List<ArmDistribution> arms = ArmDistribution.byTrial(d);
        double[][] t = new double[arms.size()][];
        double[][] c = new double[arms.size()][];
        for (int s = 0; s < t.length; s++) {
            t[s] = arms.get(s).treatment();
            c[s] = arms.get(s).control();
        }
        return of(d.studyNames(), t, c, t, c, weights, level, how);
    }

    /**
     * From tabulated trials, within trials: the net benefit on the scale analysed (categories merged
     * when asked), the utility-weighted mRS on the original categories to which the weights belong.
     *
     * @param analysed the table analysed
     * @param original the table before merging categories (the same trials); {@code analysed} when none were merged
     * @param weights  utility weights, or null
     * @param level    the confidence level
     * @return the net benefit with its NNT and, with weights, the utility-weighted mRS, combined within trials
     * @throws IllegalArgumentException if the two tables do not hold the same trials
     */
    public static ClinicalSummaries of(OrdinalTable analysed, OrdinalTable original, UtilityWeights weights, double level) {
        if (analysed.size() != original.size()) {
            throw new IllegalArgumentException("the merged and the original table must hold the same trials");
        }
        return of(analysed.study(), analysed.treatment(), analysed.control(), original.treatment(), original.control(),
                weights, level, ArmCombination.WITHIN_TRIALS);
    }

    /**
     * The general form: per-trial counts per category ({@code [trial][category]}, 0 best) of each arm,
     * on the scale of the net benefit and on the scale of the utility weights.
     */
    static ClinicalSummaries of(String[] studies, double[][] bt, double[][] bc, double[][] ut, double[][] uc,
                                UtilityWeights weights, double level, ArmCombination how) {
        List<Note> notes = new ArrayList<>();
        boolean utilityAsked = weights != null && ut.length > 0 && ut[0].length == weights.categories();
        if (weights != null && !utilityAsked) {
            notes.add(new Note(0, null, Note.Kind.INFO, "no utility-weighted mRS: the weights need " + weights.categories()
                    + " categories (mRS 0-6), the outcome has " + (ut.length > 0 ? ut[0].length : 0)));
        }
        int k = studies.length;
        NetBenefit[] nb = new NetBenefit[k];
        UtilityWeightedOutcome[] uw = new UtilityWeightedOutcome[k];
        double[] nt = new double[k];
        double[] nc = new double[k];
        String[] reason = new String[k];
        for (int s = 0; s < k; s++) {
            nt[s] = sum(bt[s]);
            nc[s] = sum(bc[s]);
            if (nt[s] > 0 && nc[s] > 0) {
                nb[s] = NetBenefit.of(bt[s], bc[s], level);
            } else if (how == ArmCombination.WITHIN_TRIALS) {
                reason[s] = (nt[s] + nc[s] == 0 ? "no patients analysed"
                        : nt[s] > 0 ? "all " + fmt(nt[s]) + " patients in the treatment arm" : "all " + fmt(nc[s]) + " patients in the control arm")
                        + ": no comparison within the trial, so it cannot contribute to the net benefit, NNT"
                        + (utilityAsked ? " or utility-weighted mRS" : "");
            }
            if (utilityAsked && sum(ut[s]) > 1 && sum(uc[s]) > 1) {
                uw[s] = UtilityWeightedOutcome.of(ut[s], uc[s], weights, level);
            } else if (utilityAsked && reason[s] == null && how == ArmCombination.WITHIN_TRIALS) {
                reason[s] = "fewer than two patients in an arm (treatment " + fmt(sum(ut[s])) + ", control " + fmt(sum(uc[s]))
                        + "): no standard error, so it cannot contribute to the utility-weighted mRS";
            }
            if (reason[s] != null) {
                notes.add(new Note(0, studies[s], Note.Kind.EXCLUDED, reason[s]));
            }
        }
        NetBenefit benefit;
        UtilityWeightedOutcome utility = null;
        double[] bw = new double[k];
        double[] uwShare = new double[k];
        if (how == ArmCombination.CRUDE) {
            java.util.Arrays.fill(bw, Double.NaN);
            java.util.Arrays.fill(uwShare, Double.NaN);
            benefit = crudeBenefit(bt, bc, level, notes);
            if (utilityAsked) {
                utility = crudeUtility(ut, uc, weights, level, notes);
            }
            notes.add(new Note(0, null, Note.Kind.INFO, "net benefit, NNT and utility-weighted mRS are crude: arms added across "
                    + "trials, which trials with different allocation ratios and prognosis can distort"));
        } else {
            benefit = combineBenefit(nb, nt, nc, level, bw);
            if (benefit == null) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "no net benefit or NNT: no trial has patients in both arms"));
            }
            if (utilityAsked) {
                utility = combineUtility(uw, weights, nt, nc, level, uwShare);
                if (utility == null) {
                    notes.add(new Note(0, null, Note.Kind.WARNING, "no utility-weighted mRS: no trial has two patients in each arm"));
                }
            }
        }
        List<Trial> trials = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            trials.add(new Trial(studies[s], nt[s], nc[s], nb[s], bw[s], uw[s], uwShare[s], reason[s]));
        }
        return new ClinicalSummaries(how, benefit, utility, trials, notes);
    }

    private static NetBenefit combineBenefit(NetBenefit[] nb, double[] nt, double[] nc, double level, double[] share) {
        double total = 0;
        for (int s = 0; s < nb.length; s++) {
            if (nb[s] != null) {
                total += mh(nt[s], nc[s]);
            }
        }
        if (!(total > 0)) {
            return null;
        }
        double better = 0;
        double worse = 0;
        double var = 0;
        double nT = 0;
        double nC = 0;
        for (int s = 0; s < nb.length; s++) {
            if (nb[s] == null) {
                continue;
            }
            double w = mh(nt[s], nc[s]) / total;
            share[s] = w;
            better += w * nb[s].pBetter();
            worse += w * nb[s].pWorse();
            var += w * w * nb[s].se() * nb[s].se();
            nT += nt[s];
            nC += nc[s];
        }
        return NetBenefit.of(better, worse, Math.sqrt(var), nT, nC, level);
    }

    private static UtilityWeightedOutcome combineUtility(UtilityWeightedOutcome[] uw, UtilityWeights weights, double[] nt,
                                                         double[] nc, double level, double[] share) {
        double total = 0;
        for (int s = 0; s < uw.length; s++) {
            if (uw[s] != null) {
                total += mh(nt[s], nc[s]);
            }
        }
        if (!(total > 0)) {
            return null;
        }
        double mt = 0;
        double mc = 0;
        double var = 0;
        double nT = 0;
        double nC = 0;
        for (int s = 0; s < uw.length; s++) {
            if (uw[s] == null) {
                continue;
            }
            double w = mh(nt[s], nc[s]) / total;
            share[s] = w;
            mt += w * uw[s].meanTreatment();
            mc += w * uw[s].meanControl();
            var += w * w * uw[s].se() * uw[s].se();
            nT += nt[s];
            nC += nc[s];
        }
        return UtilityWeightedOutcome.of(weights, mt, mc, Double.NaN, Double.NaN, nT, nC, Math.sqrt(var), level);
    }

    private static NetBenefit crudeBenefit(double[][] t, double[][] c, double level, List<Note> notes) {
        double[][] a = added(t, c);
        if (!(sum(a[0]) > 0 && sum(a[1]) > 0)) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "no net benefit or NNT: an arm has no patients in any trial"));
            return null;
        }
        return NetBenefit.of(a[0], a[1], level);
    }

    private static UtilityWeightedOutcome crudeUtility(double[][] t, double[][] c, UtilityWeights w, double level, List<Note> notes) {
        double[][] a = added(t, c);
        if (!(sum(a[0]) > 1 && sum(a[1]) > 1)) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "no utility-weighted mRS: an arm has fewer than two patients in all trials"));
            return null;
        }
        return UtilityWeightedOutcome.of(a[0], a[1], w, level);
    }

    /** The arms of all trials added together: treatment [0], control [1]. */
    private static double[][] added(double[][] t, double[][] c) {
        int m = t.length > 0 ? t[0].length : 0;
        double[][] a = new double[2][m];
        for (int s = 0; s < t.length; s++) {
            for (int j = 0; j < m; j++) {
                a[0][j] += t[s][j];
                a[1][j] += c[s][j];
            }
        }
        return a;
    }

    private static double mh(double nt, double nc) {
        return nt * nc / (nt + nc);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static String fmt(double n) {
        return n == Math.rint(n) ? Long.toString((long) n) : Double.toString(n);
    }
}
