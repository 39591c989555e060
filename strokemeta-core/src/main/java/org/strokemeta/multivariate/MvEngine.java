package org.strokemeta.multivariate;

import java.util.Arrays;

/**
 * The (restricted) likelihood of the linear mixed model y ~ N(X beta, M(theta)) with a block-diagonal marginal
 * covariance M = S + R(theta): S the known sampling covariance of each block, R the random effects' covariance,
 * linear in each of the parameters' own matrices (dR/dtheta_j given by the structure). Everything is computed block
 * by block (Cholesky of each block), so the cost is the sum of the blocks' cubed sizes, not the cube of k.
 *
 * <p>The log-likelihoods are metafor's (rma.mv, {@code .ll.rma.mv}): ML −½(k log 2π + log|M| + RSS); REML
 * −½((k − p) log 2π − log|X'X| + log|M| + log|X'M⁻¹X| + RSS), RSS = r'M⁻¹r at the generalised least-squares beta.
 * Their gradients in theta (Harville 1977, J Am Stat Assoc 72:320-338): ML −½(tr(M⁻¹A) − r'M⁻¹AM⁻¹r), REML
 * additionally + ½ tr((X'M⁻¹X)⁻¹X'M⁻¹AM⁻¹X), A = dM/dtheta_j.
 */
final class MvEngine {
    /** The random part of each block as a function of the parameters. */
    interface Structure {
        /** The number of parameters. */
        int dim();

        /**
         * Fills block b's random covariance R (m×m, row-major) at theta and, when dR is not null, its derivative
         * in each parameter (dR[j], m×m).
         */
        void fill(int b, double[] theta, double[] r, double[][] dR);

        /** Whether theta is inside the parameter space (a between-trial covariance must be positive semi-definite). */
        default boolean valid(double[] theta) {
            return true;
        }
    }

    final double[] y;
    final double[][] x;
    final int p;
    final int[][] blocks;
    final double[][] s;
    final Structure structure;
    final double logDetXtX;

    /**
     * @param y         the effects
     * @param x         the design, k rows of p columns
     * @param blocks    the rows of each block
     * @param s         each block's sampling covariance (m×m, row-major)
     * @param structure the random part
     */
    MvEngine(double[] y, double[][] x, int[][] blocks, double[][] s, Structure structure) {
        this.y = y;
        this.x = x;
        this.p = x.length == 0 ? 0 : x[0].length;
        this.blocks = blocks;
        this.s = s;
        this.structure = structure;
        double[] xtx = new double[p * p];
        for (double[] row : x) {
            for (int a = 0; a < p; a++) {
                for (int c = 0; c < p; c++) {
                    xtx[a * p + c] += row[a] * row[c];
                }
            }
        }
        double[] l = xtx.clone();
        this.logDetXtX = cholesky(l, p) ? logDet(l, p) : Double.NaN;
    }

    /** What one evaluation gives. */
    static final class Eval {
        double ml = Double.NEGATIVE_INFINITY;
        double reml = Double.NEGATIVE_INFINITY;
        double[] beta;
        /** (X'M⁻¹X)⁻¹, row-major. */
        double[] vb;
        double rss;
        double logDetM;
        double[] gradMl;
        double[] gradReml;
    }

    /**
     * Evaluates the likelihoods (and their gradients when asked) at theta.
     *
     * @return the evaluation; ml and reml are −∞ when M is not positive definite there
     */
    Eval evaluate(double[] theta, boolean gradient) {
        int nb = blocks.length;
        int d = structure.dim();
        Eval e = new Eval();
        if (!structure.valid(theta)) {
            return e;
        }
        double[] xwx = new double[p * p];
        double[] xwy = new double[p];
        double logDetM = 0;
        // per block: the Cholesky factor, M⁻¹X and M⁻¹y (kept for the second pass)
        double[][] chol = new double[nb][];
        double[][] wx = new double[nb][];
        double[][] wy = new double[nb][];
        for (int b = 0; b < nb; b++) {
            int[] rows = blocks[b];
            int m = rows.length;
            double[] mm = new double[m * m];
            structure.fill(b, theta, mm, null);
            double[] sb = s[b];
            for (int i = 0; i < m * m; i++) {
                mm[i] += sb[i];
            }
            if (!cholesky(mm, m)) {
                return e;
            }
            chol[b] = mm;
            logDetM += logDet(mm, m);
            double[] xb = new double[m * p];
            double[] yb = new double[m];
            for (int i = 0; i < m; i++) {
                System.arraycopy(x[rows[i]], 0, xb, i * p, p);
                yb[i] = y[rows[i]];
            }
            solveInPlace(mm, m, xb, p);
            solveInPlace(mm, m, yb, 1);
            wx[b] = xb;
            wy[b] = yb;
            for (int i = 0; i < m; i++) {
                double[] xr = x[rows[i]];
                for (int a = 0; a < p; a++) {
                    xwy[a] += xr[a] * yb[i];
                    for (int c = 0; c < p; c++) {
                        xwx[a * p + c] += xr[a] * xb[i * p + c];
                    }
                }
            }
        }
        double[] lx = xwx.clone();
        if (!cholesky(lx, p)) {
            return e;
        }
        double logDetXwx = logDet(lx, p);
        double[] beta = xwy.clone();
        solveInPlace(lx, p, beta, 1);
        double[] vb = identity(p);
        solveInPlace(lx, p, vb, p);
        // residuals and M⁻¹r per block
        double rss = 0;
        double[][] wr = new double[nb][];
        for (int b = 0; b < nb; b++) {
            int[] rows = blocks[b];
            int m = rows.length;
            double[] v = new double[m];
            for (int i = 0; i < m; i++) {
                // M⁻¹r = M⁻¹y − (M⁻¹X) beta
                double t = wy[b][i];
                for (int a = 0; a < p; a++) {
                    t -= wx[b][i * p + a] * beta[a];
                }
                v[i] = t;
                double r = y[rows[i]];
                for (int a = 0; a < p; a++) {
                    r -= x[rows[i]][a] * beta[a];
                }
                rss += r * t;
            }
            wr[b] = v;
        }
        int k = y.length;
        double l2pi = Math.log(2 * Math.PI);
        e.beta = beta;
        e.vb = vb;
        e.rss = rss;
        e.logDetM = logDetM;
        e.ml = -0.5 * (k * l2pi + logDetM + rss);
        e.reml = -0.5 * ((k - p) * l2pi - logDetXtX + logDetM + logDetXwx + rss);
        if (gradient && d > 0) {
            double[] t1 = new double[d];
            double[] t2 = new double[d];
            double[] t3 = new double[d];
            for (int b = 0; b < nb; b++) {
                int m = blocks[b].length;
                double[] r = new double[m * m];
                double[][] dr = new double[d][m * m];
                structure.fill(b, theta, r, dr);
                double[] minv = identity(m);
                solveInPlace(chol[b], m, minv, m);
                for (int j = 0; j < d; j++) {
                    double[] a = dr[j];
                    // tr(M⁻¹A)
                    double tr = 0;
                    for (int i = 0; i < m; i++) {
                        for (int c = 0; c < m; c++) {
                            tr += minv[i * m + c] * a[c * m + i];
                        }
                    }
                    t1[j] += tr;
                    // (M⁻¹r)'A(M⁻¹r)
                    double q = 0;
                    for (int i = 0; i < m; i++) {
                        double row = 0;
                        for (int c = 0; c < m; c++) {
                            row += a[i * m + c] * wr[b][c];
                        }
                        q += wr[b][i] * row;
                    }
                    t3[j] += q;
                    // tr(vb (M⁻¹X)'A(M⁻¹X))
                    if (p > 0) {
                        double[] axw = new double[m * p];
                        for (int i = 0; i < m; i++) {
                            for (int c = 0; c < m; c++) {
                                double av = a[i * m + c];
                                if (av != 0) {
                                    for (int col = 0; col < p; col++) {
                                        axw[i * p + col] += av * wx[b][c * p + col];
                                    }
                                }
                            }
                        }
                        double tr2 = 0;
                        for (int u = 0; u < p; u++) {
                            for (int w = 0; w < p; w++) {
                                double xa = 0;
                                for (int i = 0; i < m; i++) {
                                    xa += wx[b][i * p + u] * axw[i * p + w];
                                }
                                tr2 += vb[w * p + u] * xa;
                            }
                        }
                        t2[j] += tr2;
                    }
                }
            }
            e.gradMl = new double[d];
            e.gradReml = new double[d];
            for (int j = 0; j < d; j++) {
                e.gradMl[j] = -0.5 * (t1[j] - t3[j]);
                e.gradReml[j] = -0.5 * (t1[j] - t2[j] - t3[j]);
            }
        }
        return e;
    }

    /** The Cholesky factor L (lower, in place, row-major) of a symmetric matrix; false when not positive definite. */
    static boolean cholesky(double[] a, int n) {
        for (int j = 0; j < n; j++) {
            double sum = a[j * n + j];
            for (int k = 0; k < j; k++) {
                sum -= a[j * n + k] * a[j * n + k];
            }
            if (!(sum > 0)) {
                return false;
            }
            double l = Math.sqrt(sum);
            a[j * n + j] = l;
            for (int i = j + 1; i < n; i++) {
                double t = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    t -= a[i * n + k] * a[j * n + k];
                }
                a[i * n + j] = t / l;
            }
            for (int i = 0; i < j; i++) {
                a[i * n + j] = 0;
            }
        }
        return true;
    }

    static double logDet(double[] l, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.log(l[i * n + i]);
        }
        return 2 * s;
    }

    /** Solves L L' Z = B in place (B n×c, row-major) with the Cholesky factor L. */
    static void solveInPlace(double[] l, int n, double[] b, int c) {
        for (int col = 0; col < c; col++) {
            for (int i = 0; i < n; i++) {
                double t = b[i * c + col];
                for (int k = 0; k < i; k++) {
                    t -= l[i * n + k] * b[k * c + col];
                }
                b[i * c + col] = t / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double t = b[i * c + col];
                for (int k = i + 1; k < n; k++) {
                    t -= l[k * n + i] * b[k * c + col];
                }
                b[i * c + col] = t / l[i * n + i];
            }
        }
    }

    static double[] identity(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            a[i * n + i] = 1;
        }
        return a;
    }

    /** The fixed-effects residual heterogeneity QE = y'(S⁻¹ − S⁻¹X(X'S⁻¹X)⁻¹X'S⁻¹)y with the sampling covariance only. */
    double qe() {
        Structure none = new Structure() {
            @Override
            public int dim() {
                return 0;
            }

            @Override
            public void fill(int b, double[] theta, double[] r, double[][] dR) {
                Arrays.fill(r, 0);
            }
        };
        return new MvEngine(y, x, blocks, s, none).evaluate(new double[0], false).rss;
    }
}
