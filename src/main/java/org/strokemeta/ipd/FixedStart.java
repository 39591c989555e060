package org.strokemeta.ipd;

import java.util.Arrays;
import org.strokemeta.ordinal.CumulativeLogit;

/**
 * Start values for a model with random trial effects: the maximum-likelihood fit of the same
 * cumulative-logit model without them ({@code logit P(Y <= j) = theta_j − x'beta}, common thresholds,
 * the centred covariates of {@link TrialBlocks}), by Newton-Raphson with the analytic gradient and
 * Hessian (McCullagh 1980; the log-likelihood is concave, Pratt 1981). It is the usual start of a mixed
 * model (clmm starts from the clm fit, glmer from the GLM fit), and its Hessian is a good first
 * curvature for the fixed part of the quasi-Newton maximisation of {@link MixedFit}.
 */
final class FixedStart {
    private static final int MAX_ITER = 40;
    /**
     * The fit uses about this many patients (every k-th of each trial and arm): a start needs to be near
     * the optimum, not at it, and the Hessian is scaled up to all patients.
     */
    static final int SUBSAMPLE = 2_000;

    /**
     * @param x       thresholds (centred covariates), treatment coefficient, covariate coefficients
     * @param hessian the Hessian of the log-likelihood there, row-major
     * @param score   per (trial, arm) block b = 2·trial + arm, the derivative of its log-likelihood with
     *                respect to a shift of its linear predictor
     * @param information per block, minus the second derivative with respect to that shift
     */
    record Fit(double[] x, double[] hessian, double[] score, double[] information) {
        /**
         * A moment (DerSimonian-Laird) estimate of the between-trial standard deviation of a shift of the
         * linear predictor, from the one-step shifts score/information of each trial: of the whole
         * trial (intercept) or of the treatment arm against the control arm (treatment effect).
         */
        double sd(boolean treatment) {
            int k = score.length / 2;
            double[] d = new double[k];
            double[] w = new double[k];
            for (int s = 0; s < k; s++) {
                double i0 = information[2 * s];
                double i1 = information[2 * s + 1];
                if (treatment) {
                    d[s] = score[2 * s + 1] / i1 - score[2 * s] / i0;
                    w[s] = 1 / (1 / i0 + 1 / i1);
                } else {
                    d[s] = (score[2 * s] + score[2 * s + 1]) / (i0 + i1);
                    w[s] = i0 + i1;
                }
            }
            double sw = 0;
            double swd = 0;
            double sw2 = 0;
            for (int s = 0; s < k; s++) {
                if (w[s] > 0 && Double.isFinite(d[s])) {
                    sw += w[s];
                    swd += w[s] * d[s];
                    sw2 += w[s] * w[s];
                }
            }
            double mean = swd / sw;
            double q = 0;
            int used = 0;
            for (int s = 0; s < k; s++) {
                if (w[s] > 0 && Double.isFinite(d[s])) {
                    q += w[s] * (d[s] - mean) * (d[s] - mean);
                    used++;
                }
            }
            double tau2 = (q - (used - 1)) / (sw - sw2 / sw);
            return tau2 > 0 && Double.isFinite(tau2) ? Math.sqrt(tau2) : 0;
        }
    }

    private FixedStart() {
    }

    /**
     * Fits from the thresholds in {@code x0} (and coefficients 0); null when the fit does not settle
     * (separation or a failed evaluation), in which case the caller keeps its own start values.
     */
    static Fit fit(TrialBlocks tb, double[] x0) {
        int nth = tb.categories - 1;
        int n = nth + 1 + tb.covariates();
        int stride = Math.max(1, tb.size() / SUBSAMPLE);
        double[] x = Arrays.copyOf(x0, n);
        double[] g = new double[n];
        double[] h = new double[n * n];
        double v = evaluate(tb, stride, x, g, h);
        if (!Double.isFinite(v)) {
            return null;
        }
        double[] xt = new double[n];
        double[] gt = new double[n];
        double[] ht = new double[n * n];
        for (int it = 0; it < MAX_ITER; it++) {
            double[] step = QuasiNewton.newtonStep(h, g, n);
            if (step == null) {
                return null;
            }
            double max = 0;
            for (double s : step) {
                max = Math.max(max, Math.abs(s));
            }
            if (max > 25) {
                return null;
            }
            if (max < 1e-4) {
                double scale = (double) tb.size() / patients(tb, stride);
                for (int i = 0; i < h.length; i++) {
                    h[i] *= scale;
                }
                double[] score = new double[2 * tb.trials];
                double[] info = new double[2 * tb.trials];
                blocks(tb, stride, x, score, info);
                return new Fit(x, h, score, info);
            }
            double alpha = 1;
            double vt = Double.NEGATIVE_INFINITY;
            for (int half = 0; half < 30; half++) {
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + alpha * step[i];
                }
                vt = evaluate(tb, stride, xt, gt, ht);
                if (Double.isFinite(vt) && vt >= v - 1e-10 * Math.abs(v)) {
                    break;
                }
                alpha /= 2;
            }
            if (!Double.isFinite(vt)) {
                return null;
            }
            System.arraycopy(xt, 0, x, 0, n);
            System.arraycopy(gt, 0, g, 0, n);
            System.arraycopy(ht, 0, h, 0, n * n);
            v = vt;
        }
        return null;
    }

    /** Per (trial, arm) block, the score and information of a shift of the linear predictor, for all its patients. */
    private static void blocks(TrialBlocks tb, int stride, double[] x, double[] score, double[] info) {
        int nth = tb.categories - 1;
        int np = tb.covariates();
        CumulativeLogit.Terms t = new CumulativeLogit.Terms();
        for (int b = 0; b < 2 * tb.trials; b++) {
            int arm = b & 1;
            int m = 0;
            for (int r = tb.start[b]; r < tb.start[b + 1]; r += stride) {
                double eta = x[nth] * arm;
                for (int k = 0; k < np; k++) {
                    eta += x[nth + 1 + k] * tb.x[k][r];
                }
                int y = tb.y[r];
                CumulativeLogit.terms(y < nth ? x[y] - eta : Double.POSITIVE_INFINITY,
                        y > 0 ? x[y - 1] - eta : Double.NEGATIVE_INFINITY, t);
                score[b] += t.deta();
                info[b] -= t.detaeta();
                m++;
            }
            double scale = m == 0 ? 0 : (double) (tb.start[b + 1] - tb.start[b]) / m;
            score[b] *= scale;
            info[b] *= scale;
        }
    }

    /** The number of patients in the subsample. */
    private static int patients(TrialBlocks tb, int stride) {
        int m = 0;
        for (int b = 0; b < 2 * tb.trials; b++) {
            int len = tb.start[b + 1] - tb.start[b];
            m += (len + stride - 1) / stride;
        }
        return m;
    }

    /**
     * The log-likelihood of every stride-th patient of each (trial, arm) block, its gradient and
     * Hessian; −∞ where undefined (thresholds out of order).
     */
    static double evaluate(TrialBlocks tb, int stride, double[] x, double[] g, double[] h) {
        int nth = tb.categories - 1;
        int np = tb.covariates();
        int n = g.length;
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(x[j]) || j > 0 && j < nth && !(x[j] > x[j - 1])) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        Arrays.fill(g, 0);
        Arrays.fill(h, 0);
        CumulativeLogit.Terms t = new CumulativeLogit.Terms();
        double[] z = new double[np + 1];
        double value = 0;
        for (int b = 0; b < 2 * tb.trials; b++) {
            int arm = b & 1;
            for (int r = tb.start[b]; r < tb.start[b + 1]; r += stride) {
                z[0] = arm;
                double eta = x[nth] * arm;
                for (int k = 0; k < np; k++) {
                    z[k + 1] = tb.x[k][r];
                    eta += x[nth + 1 + k] * z[k + 1];
                }
                int y = tb.y[r];
                double up = y < nth ? x[y] - eta : Double.POSITIVE_INFINITY;
                double lo = y > 0 ? x[y - 1] - eta : Double.NEGATIVE_INFINITY;
                CumulativeLogit.terms(up, lo, t);
                if (!Double.isFinite(t.logP)) {
                    return Double.NEGATIVE_INFINITY;
                }
                value += t.logP;
                double de = t.deta();
                double dee = t.detaeta();
                // d²/da deta = −(daa + dab), d²/db deta = −(dab + dbb)
                double dae = -(t.daa + t.dab);
                double dbe = -(t.dab + t.dbb);
                if (y < nth) {
                    g[y] += t.da;
                    h[y * n + y] += t.daa;
                }
                if (y > 0) {
                    g[y - 1] += t.db;
                    h[(y - 1) * n + y - 1] += t.dbb;
                }
                if (y > 0 && y < nth) {
                    h[y * n + y - 1] += t.dab;
                    h[(y - 1) * n + y] += t.dab;
                }
                for (int k = 0; k <= np; k++) {
                    int c = nth + k;
                    double zk = z[k];
                    g[c] += de * zk;
                    if (y < nth) {
                        h[y * n + c] += dae * zk;
                        h[c * n + y] += dae * zk;
                    }
                    if (y > 0) {
                        h[(y - 1) * n + c] += dbe * zk;
                        h[c * n + y - 1] += dbe * zk;
                    }
                    for (int l = 0; l <= k; l++) {
                        h[c * n + nth + l] += dee * zk * z[l];
                    }
                }
            }
        }
        for (int k = 0; k <= np; k++) {
            for (int l = 0; l < k; l++) {
                h[(nth + l) * n + nth + k] = h[(nth + k) * n + nth + l];
            }
        }
        return value;
    }
}
