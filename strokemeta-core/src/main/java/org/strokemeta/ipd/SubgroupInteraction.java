package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.PatientData;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.internal.Dist;

/**
 * The test for a difference of the treatment effect between subgroups (L groups, L − 1 degrees of
 * freedom), estimated within trials: the "deft" approach of Fisher et al. (BMJ 2017;356:j573) for each
 * indicator of a non-reference group, centred on its trial mean, with its interaction with treatment
 * (within trials) and the interaction of treatment with the trial means (across trials, absorbing
 * differences between trials); the likelihood-ratio test of the within-trial interactions in the
 * proportional-odds model with cut-points stratified by trial. With two groups it is the test of
 * {@link org.strokemeta.ipd.EffectModification} by likelihood ratio instead of Wald.
 */
public final class SubgroupInteraction {
    private SubgroupInteraction() {
    }

    /**
     * The test's result.
     *
     * @param statistic the likelihood-ratio chi-squared
     * @param df        its degrees of freedom (groups with patients − 1)
     * @param p         its p-value
     * @param message   why there is no test (null when there is one)
     * @serial exclude
     */
    public record Result(double statistic, int df, double p, String message) implements java.io.Serializable {
        /**
         * Tells whether there is a test.
         *
         * @return true when the test was computed (no message)
         */
        public boolean valid() {
            return message == null;
        }
    }

    /**
     * Tests whether the treatment effect differs between the groups, by the likelihood ratio of the
     * within-trial interactions.
     *
     * @param d      the patients (with the adjustment covariates)
     * @param group  each patient's group, 0..levels − 1, or −1 to leave the patient out
     * @param levels the number of groups
     * @param adjust adjustment covariates (those describing the grouping variable itself excluded by the caller)
     * @param po     proportional-odds options (the cut-points are stratified by trial)
     * @return the test, or a result with a message when fewer than two groups have patients or a model fails
     */
    public static Result test(PatientData d, int[] group, int levels, List<String> adjust, PoOptions po) {
        int n = d.size();
        int[] keep = new int[n];
        int m = 0;
        int[] count = new int[levels];
        for (int i = 0; i < n; i++) {
            if (group[i] >= 0) {
                keep[m++] = i;
                count[group[i]]++;
            }
        }
        List<Integer> present = new ArrayList<>();
        for (int k = 0; k < levels; k++) {
            if (count[k] > 0) {
                present.add(k);
            }
        }
        if (present.size() < 2) {
            return new Result(Double.NaN, 0, Double.NaN, "fewer than two subgroups have patients");
        }
        PatientData sub = d.select(java.util.Arrays.copyOf(keep, m), "the subgroup variable is missing").withCovariatesOnly(adjust);
        int[] g = new int[m];
        for (int r = 0; r < m; r++) {
            g[r] = group[keep[r]];
        }
        List<String> mainNames = new ArrayList<>();
        List<double[]> main = new ArrayList<>();
        List<String> withinNames = new ArrayList<>();
        List<double[]> within = new ArrayList<>();
        int[] trial = sub.study();
        int[] arm = sub.treatment();
        for (int idx = 1; idx < present.size(); idx++) {
            int k = present.get(idx);
            double[] sum = new double[sub.studies()];
            int[] cnt = new int[sub.studies()];
            for (int r = 0; r < m; r++) {
                sum[trial[r]] += g[r] == k ? 1 : 0;
                cnt[trial[r]]++;
            }
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double[] mean = new double[sum.length];
            for (int s = 0; s < sum.length; s++) {
                mean[s] = cnt[s] == 0 ? 0 : sum[s] / cnt[s];
                if (cnt[s] > 0) {
                    lo = Math.min(lo, mean[s]);
                    hi = Math.max(hi, mean[s]);
                }
            }
            double[] xc = new double[m];
            double[] w = new double[m];
            double[] a = new double[m];
            for (int r = 0; r < m; r++) {
                double ms = mean[trial[r]];
                xc[r] = (g[r] == k ? 1 : 0) - ms;
                w[r] = arm[r] * xc[r];
                a[r] = arm[r] * ms;
            }
            mainNames.add("group" + k + "_centred");
            main.add(xc);
            if (hi - lo > 1e-12) {
                mainNames.add("treatment:group" + k + "_trial_mean");
                main.add(a);
            }
            withinNames.add("treatment:group" + k + "_centred");
            within.add(w);
        }
        PatientData reduced = sub.withExtraCovariates(mainNames, main.toArray(new double[0][]));
        PatientData full = reduced.withExtraCovariates(withinNames, within.toArray(new double[0][]));
        PoOptions stratified = po.withThresholds(Thresholds.STRATIFIED);
        ProportionalOddsFit f0;
        ProportionalOddsFit f1;
        try {
            f0 = ProportionalOdds.fit(reduced, stratified);
            f1 = ProportionalOdds.fit(full, stratified);
        } catch (RuntimeException e) {
            return new Result(Double.NaN, 0, Double.NaN, e.getMessage());
        }
        if (!f0.converged() || !f1.converged()) {
            return new Result(Double.NaN, 0, Double.NaN, (f1.converged() ? f0 : f1).message());
        }
        double lr = Math.max(0, 2 * (f1.logLik() - f0.logLik()));
        int df = within.size();
        return new Result(lr, df, Dist.pChisq(lr, df), null);
    }
}
