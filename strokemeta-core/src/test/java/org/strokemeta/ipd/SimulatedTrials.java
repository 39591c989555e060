package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.strokemeta.data.PatientData;

/** Patient-level data of simulated trials (a latent logistic variable cut into mRS 0-6), for the tests. */
final class SimulatedTrials {
    private static final double[] THETA = {-1.2, 0.0, 0.8, 1.7, 2.9, 3.6};

    private SimulatedTrials() {
    }

    /**
     * @param rng      the generator
     * @param trials   the number of trials
     * @param perTrial patients per trial
     * @param tau      SD of the random trial intercept (clm scale)
     * @param tauTrt   SD of the random treatment effect
     */
    static PatientData make(Random rng, int trials, int perTrial, double tau, double tauTrt) {
        int n = trials * perTrial;
        int[] study = new int[n];
        int[] trt = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        double[] nihss = new double[n];
        int[] lines = new int[n];
        String[] names = new String[trials];
        int i = 0;
        for (int s = 0; s < trials; s++) {
            names[s] = "Trial " + (s + 1);
            double b0 = tau * rng.nextGaussian();
            double b1 = tauTrt * rng.nextGaussian();
            for (int k = 0; k < perTrial; k++) {
                study[i] = s;
                trt[i] = rng.nextBoolean() ? 1 : 0;
                age[i] = Math.round(68 + 11 * rng.nextGaussian());
                nihss[i] = Math.max(2, Math.round(15 + 6 * rng.nextGaussian()));
                double eta = -0.8 * trt[i] + 0.03 * (age[i] - 68) + 0.12 * (nihss[i] - 15) + b0 + b1 * trt[i];
                double u = rng.nextDouble();
                double ystar = eta + Math.log(u / (1 - u));
                int c = 0;
                while (c < THETA.length && ystar > THETA[c]) {
                    c++;
                }
                y[i] = c;
                lines[i] = i + 2;
                i++;
            }
        }
        return new PatientData("simulated", names, study, trt, y, 7, List.of("age", "nihss"), new double[][] {age, nihss},
                lines, 0, List.of());
    }

    /** The same patients in the order {@code perm} (perm[r] = old index of new row r), trials renumbered by first appearance. */
    static PatientData permute(PatientData d, int[] perm) {
        int n = d.size();
        int[] code = new int[d.studies()];
        java.util.Arrays.fill(code, -1);
        List<String> names = new ArrayList<>();
        int[] study = new int[n];
        int[] trt = new int[n];
        int[] y = new int[n];
        int[] lines = new int[n];
        double[][] x = new double[d.covariates().length][n];
        for (int r = 0; r < n; r++) {
            int i = perm[r];
            int s = d.study()[i];
            if (code[s] < 0) {
                code[s] = names.size();
                names.add(d.studyNames()[s]);
            }
            study[r] = code[s];
            trt[r] = d.treatment()[i];
            y[r] = d.outcome()[i];
            lines[r] = d.lines()[i];
            for (int j = 0; j < x.length; j++) {
                x[j][r] = d.covariates()[j][i];
            }
        }
        return new PatientData(d.source(), names.toArray(new String[0]), study, trt, y, d.categories(), d.covariateNames(), x,
                lines, d.excluded(), d.notes());
    }

    /** Builds data from explicit rows {trial, arm, outcome} with no covariates. */
    static PatientData rows(int categories, int[][] rows) {
        int n = rows.length;
        int k = 0;
        for (int[] r : rows) {
            k = Math.max(k, r[0] + 1);
        }
        String[] names = new String[k];
        for (int s = 0; s < k; s++) {
            names[s] = "Trial " + (s + 1);
        }
        int[] study = new int[n];
        int[] trt = new int[n];
        int[] y = new int[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            study[i] = rows[i][0];
            trt[i] = rows[i][1];
            y[i] = rows[i][2];
            lines[i] = i + 2;
        }
        return new PatientData("rows", names, study, trt, y, categories, List.of(), new double[0][], lines, 0, List.of());
    }

    /** Rows for trial s: e1 events of n1 treated, e0 of n0 controls, as {trial, arm, outcome} with outcome 0 = event. */
    static void arms(List<int[]> out, int s, int e1, int n1, int e0, int n0) {
        for (int i = 0; i < n1; i++) {
            out.add(new int[] {s, 1, i < e1 ? 0 : 1});
        }
        for (int i = 0; i < n0; i++) {
            out.add(new int[] {s, 0, i < e0 ? 0 : 1});
        }
    }
}
