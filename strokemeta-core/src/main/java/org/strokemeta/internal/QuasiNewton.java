package org.strokemeta.internal;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.strokemeta.pool.Execution;

/**
 * Maximises a smooth log-likelihood with an analytic gradient: BFGS (Nocedal and Wright 2006,
 * algorithm 6.1) started from a given curvature or a finite-difference Hessian, with a backtracking
 * Armijo line search, then polished by Newton steps with a central-difference Hessian of the
 * gradient (its columns optionally split over two threads), which is also the
 * observed information returned for standard errors (as clmm and glmer take theirs from a
 * finite-difference Hessian of the approximate marginal likelihood).
 *
 * <p>Convergence is judged by the Newton decrement g'H^{-1}g (twice the predicted rise of the
 * log-likelihood to its maximum), which does not depend on the scale of the parameters. A run that
 * ends for any other reason is reported as not converged, with its reason; its iterate is never
 * presented as a solution.
 */
public final class QuasiNewton {
    /** The decrement at which the quasi-Newton phase hands over to Newton's method. */
    public static final double BFGS_TOL = 1e-6;

    private QuasiNewton() {
    }

    /** A function to maximise. */
    public interface Objective {
        /** The value at x (−∞ where undefined); fills grad when finite. */
        double value(double[] x, double[] grad);
    }

    /**
     * @param x           the final iterate
     * @param value       the objective there
     * @param gradient    the gradient there
     * @param hessian     the central-difference Hessian of the objective there (row-major, dim×dim)
     * @param decrement   the final Newton decrement g'(−H)^{-1}g (NaN when −H is not positive definite)
     * @param iterations  quasi-Newton and Newton iterations
     * @param evaluations objective evaluations
     * @param converged   true when the decrement fell below the tolerance at a maximum
     * @param message     why the run ended
     */
    public record Result(double[] x, double value, double[] gradient, double[] hessian, double decrement, int iterations,
                  int evaluations, boolean converged, String message) {
    }

    /**
     * @param f        the objective
     * @param x0       the start
     * @param typical  a typical scale of each parameter (for the finite differences)
     * @param maxIter  the most quasi-Newton iterations
     * @param tol      the decrement below which the run has converged
     * @param hessian0 an approximate Hessian at x0 (row-major) as the first curvature, or null for forward
     *                 differences of the gradient there
     * @param helper   a second, independent instance of the same objective, with which half of the
     *                 columns of the central-difference Hessian are computed; or null
     * @param execution where the helper's columns run beside the objective's own (in parallel unless
     *                 single-threaded; the numbers are the same either way, each instance computing its own columns)
     */
    public static Result maximise(Objective f, double[] x0, double[] typical, int maxIter, double tol, double[] hessian0,
                           Objective helper, Execution execution) {
        int n = x0.length;
        int[] evals = {0};
        Objective fc = (x, g) -> {
            evals[0]++;
            return f.value(x, g);
        };
        double[] x = x0.clone();
        double[] g = new double[n];
        double v = fc.value(x, g);
        if (!Double.isFinite(v)) {
            return new Result(x, v, g, new double[n * n], Double.NaN, 0, evals[0], false,
                    "the likelihood cannot be evaluated at the starting values");
        }
        double[] steps = new double[n];
        for (int i = 0; i < n; i++) {
            steps[i] = 1e-4 * typical[i];
        }
        double[] hess = hessian0 != null ? hessian0 : forwardHessian(fc, x, g, steps);
        double[] hinv = hess == null ? null : positiveInverse(hess, n);
        if (hinv == null) {
            hinv = new double[n * n];
            for (int i = 0; i < n; i++) {
                hinv[i * n + i] = typical[i] * typical[i];
            }
        }
        double[] d = new double[n];
        double[] xt = new double[n];
        double[] gt = new double[n];
        int it = 0;
        String message = "iteration limit reached";
        for (; it < maxIter; it++) {
            org.strokemeta.internal.Cancellation.check();
            // ascent direction d = Hinv g (Hinv approximates (−H)^{-1})
            double dec = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += hinv[i * n + k] * g[k];
                }
                d[i] = s;
                dec += s * g[i];
            }
            if (!(dec > 0)) {
                // lost positive definiteness: restart from the scaled identity
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < n; k++) {
                        hinv[i * n + k] = i == k ? typical[i] * typical[i] : 0;
                    }
                }
                continue;
            }
            if (dec < Math.max(tol, BFGS_TOL)) {
                // close enough for Newton's method with the accurate Hessian to finish
                message = "converged";
                break;
            }
            double alpha = 1;
            double vt = Double.NEGATIVE_INFINITY;
            int ls = 0;
            for (; ls < 60; ls++) {
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + alpha * d[i];
                }
                vt = fc.value(xt, gt);
                if (Double.isFinite(vt) && vt >= v + 1e-4 * alpha * dec) {
                    break;
                }
                if (Double.isFinite(vt)) {
                    // minimiser of the quadratic through v, the slope and vt, kept within [0.1, 0.5] alpha
                    double a2 = dec * alpha * alpha / (2 * (v + dec * alpha - vt));
                    alpha = Math.max(0.1 * alpha, Math.min(0.5 * alpha, a2));
                } else {
                    alpha *= 0.25;
                }
            }
            if (ls == 60) {
                // no ascent along d within rounding: the iterate is a maximum as far as the evaluations can tell
                message = "the line search found no higher point (decrement " + dec + ")";
                break;
            }
            double sy = 0;
            double ss = 0;
            double yy = 0;
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xt[i] - x[i];
                y[i] = g[i] - gt[i]; // gradient of −f
                sy += s[i] * y[i];
                ss += s[i] * s[i];
                yy += y[i] * y[i];
            }
            System.arraycopy(xt, 0, x, 0, n);
            System.arraycopy(gt, 0, g, 0, n);
            v = vt;
            if (sy > 1e-12 * Math.sqrt(ss * yy)) {
                bfgsUpdate(hinv, s, y, sy, n);
            }
        }
        // central-difference Hessian with steps of 1e-4 of each parameter's typical scale: small against
        // a standard error (truncation error about 1e-8), large against the gradient's rounding noise
        double[] h = new double[n];
        for (int i = 0; i < n; i++) {
            h[i] = 1e-4 * typical[i];
        }
        double[] hc = centralHessian(fc, helper, x, h, execution);
        evals[0] += hc == null || helper == null ? 0 : 2 * (n - n / 2);
        int newton = 0;
        double decrement = Double.NaN;
        if (hc != null) {
            double[] moved = new double[n];
            for (; newton < 6; newton++) {
                double[] step = newtonStep(hc, g, n);
                if (step == null) {
                    break;
                }
                decrement = 0;
                for (int i = 0; i < n; i++) {
                    decrement += step[i] * g[i];
                }
                if (!(decrement > 1e-3 * tol) || !(decrement < 1e6)) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    xt[i] = x[i] + step[i];
                }
                double vn = fc.value(xt, gt);
                double[] stepN = Double.isFinite(vn) ? newtonStep(hc, gt, n) : null;
                double decN = 0;
                if (stepN != null) {
                    for (int i = 0; i < n; i++) {
                        decN += stepN[i] * gt[i];
                    }
                }
                if (stepN == null || !(decN < decrement)) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    moved[i] += step[i];
                }
                System.arraycopy(xt, 0, x, 0, n);
                System.arraycopy(gt, 0, g, 0, n);
                v = vn;
                decrement = decN;
            }
            boolean far = false;
            for (int i = 0; i < n; i++) {
                // a tenth of a standard error (h is 1e-4 of one) changes the Hessian noticeably
                far |= Math.abs(moved[i]) > 1e3 * h[i];
            }
            if (far) {
                double[] again = centralHessian(fc, helper, x, h, execution);
                evals[0] += again == null || helper == null ? 0 : 2 * (n - n / 2);
                if (again != null) {
                    hc = again;
                }
            }
            double[] st = newtonStep(hc, g, n);
            decrement = Double.NaN;
            if (st != null) {
                decrement = 0;
                for (int i = 0; i < n; i++) {
                    decrement += st[i] * g[i];
                }
            }
        }
        boolean converged = hc != null && decrement < tol;
        if (hc == null) {
            message = "the Hessian could not be computed at the final iterate";
        } else if (!(decrement == decrement)) {
            message = "the final iterate is not a maximum (the Hessian is not negative definite)";
            converged = false;
        } else if (converged) {
            message = "converged";
        }
        return new Result(x, v, g, hc == null ? new double[n * n] : hc, decrement, it + newton, evals[0], converged, message);
    }

    /** (−H)^{-1}g by Cholesky, or null when −H is not positive definite. */
    public static double[] newtonStep(double[] hess, double[] g, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = -hess[i];
        }
        var solver = LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(a)) {
            return null;
        }
        DMatrixRMaj out = new DMatrixRMaj(n, 1);
        solver.solve(new DMatrixRMaj(n, 1, true, g.clone()), out);
        for (double v : out.data) {
            if (!Double.isFinite(v)) {
                return null;
            }
        }
        return out.data.clone();
    }

    private static void bfgsUpdate(double[] hinv, double[] s, double[] y, double sy, int n) {
        double rho = 1 / sy;
        double[] hy = new double[n];
        double yhy = 0;
        for (int i = 0; i < n; i++) {
            double t = 0;
            for (int k = 0; k < n; k++) {
                t += hinv[i * n + k] * y[k];
            }
            hy[i] = t;
            yhy += y[i] * t;
        }
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                hinv[i * n + k] += -rho * (hy[i] * s[k] + s[i] * hy[k]) + (rho * rho * yhy + rho) * s[i] * s[k];
            }
        }
    }

    /** Forward differences of the gradient, symmetrised; null when an evaluation fails. */
    public static double[] forwardHessian(Objective f, double[] x, double[] g, double[] h) {
        int n = x.length;
        double[] out = new double[n * n];
        double[] xp = x.clone();
        double[] gp = new double[n];
        for (int i = 0; i < n; i++) {
            xp[i] = x[i] + h[i];
            double v = f.value(xp, gp);
            xp[i] = x[i];
            if (!Double.isFinite(v)) {
                return null;
            }
            for (int k = 0; k < n; k++) {
                out[k * n + i] = (gp[k] - g[k]) / h[i];
            }
        }
        symmetrise(out, n);
        return out;
    }

    /** Central differences of the gradient, symmetrised; null when an evaluation fails. */
    public static double[] centralHessian(Objective f, double[] x, double[] h) {
        return centralHessian(f, null, x, h, Execution.singleThread());
    }

    /**
     * Central differences of the gradient, symmetrised; null when an evaluation fails. With a helper,
     * the columns from n/2 on are computed by it, as a second task of {@code execution} (in parallel
     * with the first half unless the execution is single-threaded).
     */
    public static double[] centralHessian(Objective f, Objective helper, double[] x, double[] h, Execution execution) {
        int n = x.length;
        double[] out = new double[n * n];
        if (helper == null || n < 2) {
            if (!columns(f, x, h, 0, n, out)) {
                return null;
            }
        } else {
            boolean[] ok = new boolean[2];
            execution.forEach(2, half -> ok[half] = half == 0 ? columns(f, x, h, 0, n / 2, out)
                    : columns(helper, x, h, n / 2, n, out));
            if (!ok[0] || !ok[1]) {
                return null;
            }
        }
        symmetrise(out, n);
        return out;
    }

    /** Columns from..to − 1 of the central-difference Hessian into out; false when an evaluation fails. */
    private static boolean columns(Objective f, double[] x, double[] h, int from, int to, double[] out) {
        int n = x.length;
        double[] xp = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int i = from; i < to; i++) {
            xp[i] = x[i] + h[i];
            double v1 = f.value(xp, gp);
            xp[i] = x[i] - h[i];
            double v2 = f.value(xp, gm);
            xp[i] = x[i];
            if (!Double.isFinite(v1) || !Double.isFinite(v2)) {
                return false;
            }
            for (int k = 0; k < n; k++) {
                out[k * n + i] = (gp[k] - gm[k]) / (2 * h[i]);
            }
        }
        return true;
    }

    private static void symmetrise(double[] m, int n) {
        for (int i = 0; i < n; i++) {
            for (int k = i + 1; k < n; k++) {
                double a = 0.5 * (m[i * n + k] + m[k * n + i]);
                m[i * n + k] = a;
                m[k * n + i] = a;
            }
        }
    }

    /**
     * The inverse of −H with its eigenvalues made positive (|λ|, floored at 1e-8 of the largest), as
     * the first quasi-Newton matrix; null when the decomposition fails.
     */
    private static double[] positiveInverse(double[] hess, int n) {
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            a.data[i] = -hess[i];
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a)) {
            return null;
        }
        double max = 0;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, Math.abs(eig.getEigenvalue(k).getReal()));
        }
        if (!(max > 0) || !Double.isFinite(max)) {
            return null;
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double lam = Math.max(Math.abs(eig.getEigenvalue(k).getReal()), 1e-8 * max);
            DMatrixRMaj v = eig.getEigenVector(k);
            double norm = CommonOps_DDRM.dot(v, v);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.add(i, j, v.get(i) * v.get(j) / (lam * norm));
                }
            }
        }
        return out.data;
    }
}
