package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.data.PatientData;

/**
 * The patients of a one-stage model regrouped for fitting: sorted by trial and, within a trial, by
 * arm, so that each (trial, arm) block is a contiguous run of primitive arrays and a random effect
 * adds one constant to the linear predictor of a whole block. Covariates are held column-wise and
 * centred at their means (the thresholds are shifted back after the fit), which keeps the
 * likelihood surface well conditioned without changing any reported value.
 */
final class TrialBlocks {
    /** The number of trials. */
    final int trials;
    /** The number of outcome categories of the model. */
    final int categories;
    /** Block b = 2·trial + arm runs from {@code start[b]} (inclusive) to {@code start[b + 1]}. */
    final int[] start;
    /** The outcome category (0..categories − 1) of each patient, in block order. */
    final int[] y;
    /** The centred covariates, one column each, in block order. */
    final double[][] x;
    /** The covariate means subtracted. */
    final double[] mean;
    /** The position of each block-ordered patient in the input arrays. */
    final int[] original;

    private TrialBlocks(int trials, int categories, int[] start, int[] y, double[][] x, double[] mean, int[] original) {
        this.trials = trials;
        this.categories = categories;
        this.start = start;
        this.y = y;
        this.x = x;
        this.mean = mean;
        this.original = original;
    }

    /**
     * Regroups the patients.
     *
     * @param d          the patients
     * @param outcome    the model's outcome category of each patient (in d's order), 0..categories − 1
     * @param categories the number of categories
     * @param covariates the covariate columns to use (names of d's covariates)
     */
    static TrialBlocks of(PatientData d, int[] outcome, int categories, List<String> covariates) {
        int n = d.size();
        int s = d.studies();
        int[] count = new int[2 * s + 1];
        for (int i = 0; i < n; i++) {
            count[2 * d.study(i) + d.treatment(i) + 1]++;
        }
        for (int b = 0; b < 2 * s; b++) {
            count[b + 1] += count[b];
        }
        int[] start = count.clone();
        int[] next = count.clone();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[next[2 * d.study(i) + d.treatment(i)]++] = i;
        }
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            y[r] = outcome[order[r]];
        }
        double[][] x = new double[covariates.size()][n];
        double[] mean = new double[covariates.size()];
        for (int j = 0; j < x.length; j++) {
            double[] col = d.covariate(covariates.get(j));
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += col[i];
            }
            m /= n;
            // a second pass removes the rounding of the first mean (Higham 2002, section 1.9)
            double c = 0;
            for (int i = 0; i < n; i++) {
                c += col[i] - m;
            }
            m += c / n;
            mean[j] = m;
            for (int r = 0; r < n; r++) {
                x[j][r] = col[order[r]] - m;
            }
        }
        return new TrialBlocks(s, categories, start, y, x, mean, order);
    }

    int size() {
        return y.length;
    }

    int covariates() {
        return x.length;
    }

    /** The number of patients of a trial's arm. */
    int armSize(int trial, int arm) {
        return start[2 * trial + arm + 1] - start[2 * trial + arm];
    }
}
