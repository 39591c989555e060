package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/**
 * Observations for a cumulative-logit fit, column-wise: trial, arm, outcome category, an optional
 * case weight and covariate columns. Patient-level data have one row per patient and no weights;
 * a table of counts has one row per trial, arm and category with the count as weight, so that
 * tabulated data are fitted without expanding them to patients.
 *
 * @param source         the input's name, for messages
 * @param trialNames     trial labels by code
 * @param trial          the trial code of each row
 * @param treatment      1 treatment, 0 control
 * @param outcome        the category, 0 = best
 * @param weight         case weights (counts), or null for one patient per row
 * @param categories     the number of outcome categories
 * @param covariateNames adjustment covariates
 * @param covariates     one column per covariate
 * @param notes          remarks on the input (patients left out, categories merged)
 */
record OrdinalRows(String source, String[] trialNames, int[] trial, int[] treatment, int[] outcome, double[] weight,
                   int categories, List<String> covariateNames, double[][] covariates, List<Note> notes) {
    OrdinalRows {
        int n = trial.length;
        if (treatment.length != n || outcome.length != n || (weight != null && weight.length != n)) {
            throw new IllegalArgumentException("row arrays of different lengths");
        }
        if (covariates.length != covariateNames.size()) {
            throw new IllegalArgumentException("covariate names and columns differ in number");
        }
        covariateNames = List.copyOf(covariateNames);
        notes = List.copyOf(notes);
    }

    int size() {
        return trial.length;
    }

    double weight(int i) {
        return weight == null ? 1 : weight[i];
    }

    /** The patients of a data set, one row each, with their case weights when they have them. */
    static OrdinalRows of(PatientData d) {
        double[] w = null;
        if (d.weighted()) {
            w = new double[d.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = d.weight(i);
            }
        }
        return new OrdinalRows(d.source(), d.studyNames(), d.study(), d.treatment(), d.outcome(), w, d.categories(),
                d.covariateNames(), d.covariates(), d.notes());
    }

    /** A table of counts: one weighted row per trial, arm and non-empty category. */
    static OrdinalRows of(OrdinalTable t) {
        int k = t.size();
        int cats = t.categories();
        List<int[]> cells = new ArrayList<>();
        List<Double> w = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            for (int arm = 1; arm >= 0; arm--) {
                double[] counts = arm == 1 ? t.treatment(s) : t.control(s);
                for (int j = 0; j < cats; j++) {
                    double c = counts[j];
                    if (!(c >= 0) || Double.isInfinite(c)) {
                        throw org.strokemeta.data.InputException.of(t.source(), t.study(s) + ", "
                                + (arm == 1 ? "treatment" : "control") + " arm: the count of category " + j
                                + " must be a number of patients (0 or more), not " + c);
                    }
                    if (c > 0) {
                        cells.add(new int[] {s, arm, j});
                        w.add(c);
                    }
                }
            }
        }
        int n = cells.size();
        int[] tr = new int[n];
        int[] arm = new int[n];
        int[] y = new int[n];
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) {
            int[] c = cells.get(i);
            tr[i] = c[0];
            arm[i] = c[1];
            y[i] = c[2];
            wt[i] = w.get(i);
        }
        return new OrdinalRows(t.source(), t.study(), tr, arm, y, wt, cats, List.of(), new double[0][], t.notes());
    }

    /** The rows of one trial, recoded as the only trial. */
    OrdinalRows trial(int code) {
        int m = 0;
        for (int v : trial) {
            if (v == code) {
                m++;
            }
        }
        int[] tr = new int[m];
        int[] arm = new int[m];
        int[] y = new int[m];
        double[] wt = weight == null ? null : new double[m];
        double[][] x = new double[covariates.length][m];
        int r = 0;
        for (int i = 0; i < trial.length; i++) {
            if (trial[i] != code) {
                continue;
            }
            arm[r] = treatment[i];
            y[r] = outcome[i];
            if (wt != null) {
                wt[r] = weight[i];
            }
            for (int j = 0; j < x.length; j++) {
                x[j][r] = covariates[j][i];
            }
            r++;
        }
        return new OrdinalRows(source, new String[] {trialNames[code]}, tr, arm, y, wt, categories, covariateNames, x, List.of());
    }

    /**
     * The same rows without the covariates that take one value in every row (they cannot be estimated
     * there, as in a trial where every patient had intravenous thrombolysis); their names are added to
     * {@code dropped}.
     */
    OrdinalRows withoutConstantCovariates(List<String> dropped) {
        List<String> names = new ArrayList<>();
        List<double[]> cols = new ArrayList<>();
        for (int j = 0; j < covariates.length; j++) {
            double[] c = covariates[j];
            boolean varies = false;
            for (int i = 1; i < c.length && !varies; i++) {
                varies = c[i] != c[0];
            }
            if (varies) {
                names.add(covariateNames.get(j));
                cols.add(c);
            } else {
                dropped.add(covariateNames.get(j));
            }
        }
        if (names.size() == covariates.length) {
            return this;
        }
        return new OrdinalRows(source, trialNames, trial, treatment, outcome, weight, categories, names, cols.toArray(new double[0][]), notes);
    }
}
