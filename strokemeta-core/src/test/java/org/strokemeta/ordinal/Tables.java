package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/** Small tables and patient-level data sets for the ordinal tests. */
final class Tables {
    private Tables() {
    }

    /** A table from rows {treatment counts, control counts} per trial. */
    static OrdinalTable table(double[][]... trials) {
        int k = trials.length;
        String[] names = new String[k];
        int[] lines = new int[k];
        double[][] t = new double[k][];
        double[][] c = new double[k][];
        for (int s = 0; s < k; s++) {
            names[s] = "Trial " + (s + 1);
            lines[s] = 2 * s + 2;
            t[s] = trials[s][0].clone();
            c[s] = trials[s][1].clone();
        }
        return new OrdinalTable("test", names, lines, t, c, t[0].length, List.<Note>of());
    }

    static double[][] trial(double[] treatment, double[] control) {
        return new double[][] {treatment, control};
    }

    /** Three simulated mRS trials (7 categories, every category used in every arm). */
    static OrdinalTable threeTrials() {
        return table(
                trial(new double[] {14, 16, 30, 39, 46, 22, 26}, new double[] {2, 6, 14, 18, 38, 17, 39}),
                trial(new double[] {5, 9, 12, 15, 20, 8, 11}, new double[] {3, 6, 10, 14, 22, 10, 17}),
                trial(new double[] {9, 21, 25, 30, 28, 14, 20}, new double[] {6, 15, 20, 27, 35, 16, 29}));
    }

    /** The patients of a table, one row each, with no covariates. */
    static PatientData patients(OrdinalTable t) {
        List<int[]> rows = new ArrayList<>();
        for (int s = 0; s < t.size(); s++) {
            for (int arm = 0; arm < 2; arm++) {
                double[] counts = arm == 1 ? t.treatment()[s] : t.control()[s];
                for (int j = 0; j < counts.length; j++) {
                    for (int i = 0; i < (int) counts[j]; i++) {
                        rows.add(new int[] {s, arm, j});
                    }
                }
            }
        }
        int n = rows.size();
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            st[i] = rows.get(i)[0];
            tr[i] = rows.get(i)[1];
            y[i] = rows.get(i)[2];
            lines[i] = i + 2;
        }
        return new PatientData("test", t.study(), st, tr, y, t.categories(), List.of(), new double[0][], lines, 0, List.of());
    }

    /** Patient-level data with covariates. */
    static PatientData patients(String[] studies, int[] study, int[] treatment, int[] outcome, int categories,
                                List<String> names, double[]... covariates) {
        int[] lines = new int[study.length];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new PatientData("test", studies, study, treatment, outcome, categories, names, covariates, lines, 0, List.of());
    }
}
