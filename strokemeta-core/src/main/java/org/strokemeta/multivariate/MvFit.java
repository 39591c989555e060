package org.strokemeta.multivariate;

import org.strokemeta.internal.QuasiNewton;
import org.strokemeta.pool.Execution;

/**
 * Maximises the (restricted) likelihood of an {@link MvEngine} over the parameters of its random part: BFGS on a
 * transformed scale (log variances, atanh correlations, as metafor optimises them), then Newton's method on the
 * natural scale with the analytic gradient and a central-difference Hessian of it, keeping variances at or above 0
 * (an active set: a variance whose likelihood falls as it rises stays at 0, as metafor's estimate there is 0 to
 * within its own optimiser's tolerance).
 */
final class MvFit {
    /** The kinds of parameter and their bounds. */
    enum Kind {
        /** A variance: 0 or more. */
        VARIANCE,
        /** A correlation: between −1 and 1. */
        CORRELATION
    }

    /**
     * @param theta     the estimates
     * @param eval      the likelihood and GLS fit there
     * @param converged whether the projected gradient vanished
     * @param message   why the run ended
     * @param hessian   the central-difference Hessian of the objective in theta (row-major), the observed information's negative
     */
    record Result(double[] theta, MvEngine.Eval eval, boolean converged, String message, double[] hessian) {
    }

    private MvFit() {
    }

    static Result fit(MvEngine engine, boolean reml, Kind[] kinds, double[] start, double scale) {
        int d = kinds.length;
        if (d == 0) {
            MvEngine.Eval e = engine.evaluate(new double[0], true);
            return new Result(new double[0], e, Double.isFinite(e.ml), Double.isFinite(e.ml) ? "converged" : "the sampling covariance is "
                    + "not positive definite", new double[0]);
        }
        // 0. a start from a coarse search: the given start and every variance at multiples of the scale (the restricted
        // likelihood of few clusters can have more than one maximum)
        double best = Double.NEGATIVE_INFINITY;
        double[] bestStart = start.clone();
        for (double f : new double[] {Double.NaN, 0, 1e-4, 1e-3, 1e-2, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100}) {
            double[] cand = start.clone();
            if (!Double.isNaN(f)) {
                for (int j = 0; j < d; j++) {
                    if (kinds[j] == Kind.VARIANCE) {
                        cand[j] = f * scale;
                    }
                }
            }
            MvEngine.Eval e0 = engine.evaluate(cand, false);
            double v0 = reml ? e0.reml : e0.ml;
            if (v0 > best) {
                best = v0;
                bestStart = cand;
            }
        }
        start = bestStart;
        // 1. BFGS on the transformed scale
        double[] eta = new double[d];
        for (int j = 0; j < d; j++) {
            eta[j] = kinds[j] == Kind.VARIANCE ? Math.log(Math.max(start[j], 1e-8 * scale)) : atanh(clamp(start[j]));
        }
        QuasiNewton.Objective obj = (z, g) -> {
            double[] th = natural(kinds, z);
            MvEngine.Eval e = engine.evaluate(th, true);
            double v = reml ? e.reml : e.ml;
            if (!Double.isFinite(v)) {
                return Double.NEGATIVE_INFINITY;
            }
            double[] gr = reml ? e.gradReml : e.gradMl;
            for (int j = 0; j < d; j++) {
                g[j] = gr[j] * (kinds[j] == Kind.VARIANCE ? th[j] : 1 - th[j] * th[j]);
            }
            return v;
        };
        double[] typical = new double[d];
        java.util.Arrays.fill(typical, 1);
        QuasiNewton.Result q = QuasiNewton.maximise(obj, eta, typical, 500, 1e-12, null, null, Execution.singleThread());
        double[] theta = natural(kinds, q.x());
        for (int j = 0; j < d; j++) {
            if (kinds[j] == Kind.VARIANCE && theta[j] < 1e-10 * scale) {
                theta[j] = 0;
            }
        }
        // 2. Newton with bounds on the natural scale
        double[] h = new double[d];
        String message = "iteration limit reached";
        boolean converged = false;
        double[] hess = new double[d * d];
        MvEngine.Eval e = engine.evaluate(theta, true);
        double v = reml ? e.reml : e.ml;
        if (!Double.isFinite(v)) {
            return new Result(theta, e, false, "the likelihood cannot be evaluated at the estimates", hess);
        }
        for (int it = 0; it < 100; it++) {
            double[] g = reml ? e.gradReml : e.gradMl;
            for (int j = 0; j < d; j++) {
                h[j] = 1e-5 * Math.max(Math.abs(theta[j]), kinds[j] == Kind.VARIANCE ? 1e-2 * scale : 1e-2);
            }
            hess = hessian(engine, reml, theta, h);
            boolean[] free = new boolean[d];
            int nf = 0;
            for (int j = 0; j < d; j++) {
                boolean atLower = kinds[j] == Kind.VARIANCE && theta[j] == 0 && g[j] <= 0;
                free[j] = !atLower;
                nf += free[j] ? 1 : 0;
            }
            if (nf == 0) {
                message = "converged";
                converged = true;
                break;
            }
            int[] idx = new int[nf];
            for (int j = 0, c = 0; j < d; j++) {
                if (free[j]) {
                    idx[c++] = j;
                }
            }
            double[] hf = new double[nf * nf];
            double[] gf = new double[nf];
            for (int a = 0; a < nf; a++) {
                gf[a] = g[idx[a]];
                for (int b = 0; b < nf; b++) {
                    hf[a * nf + b] = hess[idx[a] * d + idx[b]];
                }
            }
            double[] step = QuasiNewton.newtonStep(hf, gf, nf);
            // a direction the likelihood does not depend on (variances not separately identified) makes the Hessian
            // singular: damp it (Levenberg-Marquardt) so the step moves along the identified directions only
            double scaleH = 0;
            for (int a = 0; a < nf; a++) {
                scaleH = Math.max(scaleH, Math.abs(hf[a * nf + a]));
            }
            for (double lambda = 1e-10 * scaleH; step == null && lambda <= scaleH && lambda > 0; lambda *= 10) {
                double[] damped = hf.clone();
                for (int a = 0; a < nf; a++) {
                    damped[a * nf + a] -= lambda;
                }
                step = QuasiNewton.newtonStep(damped, gf, nf);
            }
            if (step == null) {
                // not concave here: a scaled gradient step
                step = new double[nf];
                for (int a = 0; a < nf; a++) {
                    step[a] = gf[a] * h[idx[a]] * h[idx[a]] * 1e6;
                }
            }
            double dec = 0;
            for (int a = 0; a < nf; a++) {
                dec += step[a] * gf[a];
            }
            if (dec < 1e-14 * Math.max(1, Math.abs(v))) {
                message = "converged";
                converged = true;
                break;
            }
            // the largest step inside the bounds
            double amax = 1;
            for (int a = 0; a < nf; a++) {
                int j = idx[a];
                if (kinds[j] == Kind.VARIANCE && step[a] < 0) {
                    amax = Math.min(amax, -theta[j] / step[a]);
                } else if (kinds[j] == Kind.CORRELATION) {
                    if (step[a] > 0) {
                        amax = Math.min(amax, (0.999999 - theta[j]) / step[a]);
                    } else if (step[a] < 0) {
                        amax = Math.min(amax, (-0.999999 - theta[j]) / step[a]);
                    }
                }
            }
            double alpha = amax;
            double[] tt = theta.clone();
            MvEngine.Eval et = null;
            double vt = Double.NEGATIVE_INFINITY;
            for (int ls = 0; ls < 50; ls++) {
                for (int a = 0; a < nf; a++) {
                    int j = idx[a];
                    tt[j] = theta[j] + alpha * step[a];
                    if (kinds[j] == Kind.VARIANCE && (tt[j] < 0 || alpha == amax && amax < 1 && -theta[j] / step[a] == amax)) {
                        tt[j] = Math.max(0, tt[j]);
                    }
                }
                et = engine.evaluate(tt, true);
                vt = reml ? et.reml : et.ml;
                if (Double.isFinite(vt) && vt >= v - 1e-13 * Math.abs(v)) {
                    break;
                }
                alpha *= 0.5;
            }
            if (!(Double.isFinite(vt) && vt >= v - 1e-13 * Math.abs(v))) {
                message = "no step raised the likelihood (decrement " + dec + ")";
                converged = dec < 1e-9 * Math.max(1, Math.abs(v));
                break;
            }
            double moved = 0;
            for (int j = 0; j < d; j++) {
                moved = Math.max(moved, Math.abs(tt[j] - theta[j]) / Math.max(Math.abs(theta[j]), 1e-8 * scale));
            }
            theta = tt;
            e = et;
            v = vt;
            if (moved < 1e-13) {
                message = "converged";
                converged = true;
                break;
            }
        }
        return new Result(theta, e, converged, message, hess);
    }

    /** The central-difference Hessian of the analytic gradient. */
    static double[] hessian(MvEngine engine, boolean reml, double[] theta, double[] h) {
        int d = theta.length;
        double[] out = new double[d * d];
        for (int j = 0; j < d; j++) {
            double[] tp = theta.clone();
            double[] tm = theta.clone();
            tp[j] += h[j];
            tm[j] -= h[j];
            MvEngine.Eval ep = engine.evaluate(tp, true);
            MvEngine.Eval em = engine.evaluate(tm, true);
            double[] gp = reml ? ep.gradReml : ep.gradMl;
            double[] gm = reml ? em.gradReml : em.gradMl;
            if (gp == null || gm == null) {
                // one side is outside the positive-definite region: a one-sided difference
                MvEngine.Eval e0 = engine.evaluate(theta, true);
                double[] g0 = reml ? e0.gradReml : e0.gradMl;
                double[] g1 = gp != null ? gp : gm;
                double sign = gp != null ? 1 : -1;
                for (int i = 0; i < d; i++) {
                    out[i * d + j] = sign * (g1[i] - g0[i]) / h[j];
                }
                continue;
            }
            for (int i = 0; i < d; i++) {
                out[i * d + j] = (gp[i] - gm[i]) / (2 * h[j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
                double m = 0.5 * (out[i * d + j] + out[j * d + i]);
                out[i * d + j] = m;
                out[j * d + i] = m;
            }
        }
        return out;
    }

    static double[] natural(Kind[] kinds, double[] eta) {
        double[] th = new double[eta.length];
        for (int j = 0; j < eta.length; j++) {
            th[j] = kinds[j] == Kind.VARIANCE ? Math.exp(eta[j]) : Math.tanh(eta[j]);
        }
        return th;
    }

    private static double clamp(double r) {
        return Math.max(-0.99, Math.min(0.99, r));
    }

    private static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }
}
