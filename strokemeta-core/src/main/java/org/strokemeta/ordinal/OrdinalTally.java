package org.strokemeta.ordinal;

import org.strokemeta.data.InputException;
import org.strokemeta.pool.Execution;

/**
 * What the layout of a cumulative-logit fit depends on, gathered in one pass over the observations
 * and mergeable across parts of the data: the weight and the number of rows of every (trial,
 * category, arm), and for each covariate within each trial its weighted moments and whether it
 * varies. Rows of weight 0 count nowhere, as they do not enter the fit.
 *
 * <p>The moments of parts are merged with the pairwise formulas of Chan, Golub and LeVeque (The
 * American Statistician 1983); they serve only to judge divergence, so their rounding does not reach
 * any estimate.
 */
final class OrdinalTally implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final int trials;
    final int categories;
    final int covariates;
    /** Weight of (trial, category, arm), index {@code (t * categories + y) * 2 + arm}. */
    final double[] weight;
    /** Rows of non-zero weight of (trial, category, arm). */
    final long[] rows;
    /** Per (trial, covariate), index {@code t * covariates + k}: weight, weighted mean and sum of squared deviations. */
    final double[] sw;
    final double[] mean;
    final double[] m2;
    /** Per (trial, covariate): the first value seen and whether any other value was seen. */
    final double[] first;
    final boolean[] varies;

    OrdinalTally(int trials, int categories, int covariates) {
        this.trials = trials;
        this.categories = categories;
        this.covariates = covariates;
        weight = new double[trials * categories * 2];
        rows = new long[trials * categories * 2];
        sw = new double[trials * covariates];
        mean = new double[trials * covariates];
        m2 = new double[trials * covariates];
        first = new double[trials * covariates];
        varies = new boolean[trials * covariates];
    }

    /** The tally of the rows; the covariate columns are summarised as tasks of {@code execution}. */
    static OrdinalTally of(OrdinalRows r, Execution execution) {
        int trials = r.trialNames().length;
        int cats = r.categories();
        double[][] x = r.covariates();
        OrdinalTally t = new OrdinalTally(trials, cats, x.length);
        int[] trial = r.trial();
        int[] arm = r.treatment();
        int[] y = r.outcome();
        double[] w = r.weight();
        String src = r.source();
        for (int i = 0; i < trial.length; i++) {
            double wi = w == null ? 1 : w[i];
            int a = arm[i];
            int yi = y[i];
            int tr = trial[i];
            if (!(wi >= 0) || wi == Double.POSITIVE_INFINITY || (a & ~1) != 0 || yi < 0 || yi >= cats || tr < 0 || tr >= trials) {
                badRow(src, wi, a, yi, cats, tr, trials);
            }
            int c = (tr * cats + yi) * 2 + a;
            t.weight[c] += wi;
            if (wi != 0) {
                t.rows[c]++;
            }
        }
        execution.forEach(x.length, k -> t.column(k, trial, x[k], w));
        return t;
    }

    /** Moments of covariate k within each trial: sums shifted by the trial's first value, then centred. */
    private void column(int k, int[] trial, double[] col, double[] w) {
        int q = covariates;
        double[] s1 = new double[trials];
        double[] s2 = new double[trials];
        boolean[] seen = new boolean[trials];
        for (int i = 0; i < col.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            int tr = trial[i];
            int j = tr * q + k;
            double v = col[i];
            if (!seen[tr]) {
                seen[tr] = true;
                first[j] = v;
            } else if (v != first[j]) {
                varies[j] = true;
            }
            double dv = v - first[j];
            sw[j] += wi;
            s1[tr] += wi * dv;
            s2[tr] += wi * dv * dv;
        }
        for (int tr = 0; tr < trials; tr++) {
            int j = tr * q + k;
            if (sw[j] > 0) {
                double d = s1[tr] / sw[j];
                mean[j] = first[j] + d;
                m2[j] = Math.max(0, s2[tr] - s1[tr] * d);
            }
        }
    }

    /** Adds another part's tally to this one (same trials, categories and covariates). */
    OrdinalTally add(OrdinalTally o) {
        if (o.trials != trials || o.categories != categories || o.covariates != covariates) {
            throw new IllegalArgumentException("tallies of different layouts: " + trials + "/" + categories + "/" + covariates
                    + " and " + o.trials + "/" + o.categories + "/" + o.covariates);
        }
        for (int c = 0; c < weight.length; c++) {
            weight[c] += o.weight[c];
            rows[c] += o.rows[c];
        }
        for (int j = 0; j < sw.length; j++) {
            if (o.sw[j] == 0) {
                continue;
            }
            if (sw[j] == 0) {
                sw[j] = o.sw[j];
                mean[j] = o.mean[j];
                m2[j] = o.m2[j];
                first[j] = o.first[j];
                varies[j] = o.varies[j];
                continue;
            }
            double n = sw[j] + o.sw[j];
            double delta = o.mean[j] - mean[j];
            mean[j] += delta * o.sw[j] / n;
            m2[j] += o.m2[j] + delta * delta * sw[j] * o.sw[j] / n;
            sw[j] = n;
            varies[j] |= o.varies[j] || o.first[j] != first[j];
        }
        return this;
    }

    private static void badRow(String src, double w, int arm, int y, int cats, int trial, int trials) {
        if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
            throw InputException.of(src, "case weights must be finite and not negative (got " + w + ")");
        }
        if (arm != 0 && arm != 1) {
            throw new IllegalArgumentException("the arm must be coded 0 or 1");
        }
        if (trial < 0 || trial >= trials) {
            throw new IllegalArgumentException("trial code " + trial + " outside 0.." + (trials - 1));
        }
        throw new IllegalArgumentException("outcome category " + y + " outside 0.." + (cats - 1));
    }
}
