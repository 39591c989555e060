package org.strokemeta.ipd;

import java.util.Arrays;
import org.strokemeta.internal.QuasiNewton;

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
        double[] score = new double[2 * tb.trials];
        double[] info = new double[2 * tb.trials];
        double v = evaluate(tb, stride, x, g, h, score, info);
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
                // to all patients: the Hessian by the sampling fraction, each block's sums by its own
                double scale = (double) tb.size() / patients(tb, stride);
                for (int i = 0; i < h.length; i++) {
                    h[i] *= scale;
                }
                for (int b = 0; b < score.length; b++) {
                    int len = tb.start[b + 1] - tb.start[b];
                    int m = (len + stride - 1) / stride;
                    score[b] *= m == 0 ? 0 : (double) len / m;
                    info[b] *= m == 0 ? 0 : (double) len / m;
                }
                return new Fit(x, h, score, info);
            }
            double alpha = 1;
            double vt = Double.NEGATIVE_INFINITY;
            for (int half = 0; half < 30; half++) {
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + alpha * step[i];
                }
                vt = evaluate(tb, stride, xt, gt, ht, score, info);
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
     * Hessian, and per block the score and information of a shift of the linear predictor; −∞ where
     * undefined (thresholds out of order, a probability that underflows).
     *
     * <p>Per patient with a = theta_y − eta and b = theta_{y−1} − eta, F the logistic distribution
     * function: p = F(a) − F(b), computed as S(a) F(b) (e^{theta_y − theta_{y−1}} − 1) so that it keeps
     * its digits; d log p/da = f(a)/p, d log p/db = −f(b)/p with f = F(1 − F), and the second
     * derivatives from f' = f (1 − 2F). One exponential and one logarithm per patient.
     */
    static double evaluate(TrialBlocks tb, int stride, double[] x, double[] g, double[] h, double[] score, double[] info) {
        int nth = tb.categories - 1;
        int np = tb.covariates();
        int n = g.length;
        double[] gap = new double[nth];
        for (int j = 0; j < n; j++) {
            if (!Double.isFinite(x[j]) || j > 0 && j < nth && !(x[j] > x[j - 1])) {
                return Double.NEGATIVE_INFINITY;
            }
            if (j > 0 && j < nth) {
                gap[j] = Math.exp(x[j] - x[j - 1]);
            }
        }
        Arrays.fill(g, 0);
        Arrays.fill(h, 0);
        Arrays.fill(score, 0);
        Arrays.fill(info, 0);
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
                double fa = 1;
                double sa = 0;
                double fb = 0;
                double sb = 1;
                double p;
                if (y < nth) {
                    double e = Math.exp(eta - x[y]);
                    fa = 1 / (1 + e);
                    sa = e * fa;
                    if (y > 0) {
                        double eb = e * gap[y];
                        fb = 1 / (1 + eb);
                        sb = eb * fb;
                        p = sa * fb * (gap[y] - 1);
                    } else {
                        p = fa;
                    }
                } else {
                    double e = Math.exp(eta - x[y - 1]);
                    fb = 1 / (1 + e);
                    sb = e * fb;
                    p = sb;
                }
                if (!(p > 0)) {
                    return Double.NEGATIVE_INFINITY;
                }
                value += Math.log(p);
                double ra = fa * sa / p;
                double rb = fb * sb / p;
                double da = ra;
                double db = -rb;
                double daa = fa * sa * (sa - fa) / p - ra * ra;
                double dbb = -fb * sb * (sb - fb) / p - rb * rb;
                double dab = ra * rb;
                double de = -(da + db);
                double dee = daa + dbb + 2 * dab;
                score[b] += de;
                info[b] -= dee;
                // d²/da deta = −(daa + dab), d²/db deta = −(dab + dbb)
                double dae = -(daa + dab);
                double dbe = -(dab + dbb);
                if (y < nth) {
                    g[y] += da;
                    h[y * n + y] += daa;
                }
                if (y > 0) {
                    g[y - 1] += db;
                    h[(y - 1) * n + y - 1] += dbb;
                }
                if (y > 0 && y < nth) {
                    h[y * n + y - 1] += dab;
                    h[(y - 1) * n + y] += dab;
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
