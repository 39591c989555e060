package org.strokemeta.glmm;

/**
 * The marginal log-likelihood of one trial's two binomial arms with a q-dimensional standard-normal random vector z
 * entering each arm's logit linearly (eta_a = e_a + c_a'z), integrated by the Laplace approximation (q = 1 or 2) or by
 * adaptive Gauss-Hermite quadrature (q = 1), centred at the conditional mode and scaled by the curvature there, as
 * lme4's glmer integrates (Bates et al. 2015, J Stat Softw 67(1); Pinheiro and Bates 1995, J Comput Graph Stat 4:12-35).
 * The binomial coefficients are included.
 */
final class Marginal {
    private Marginal() {
    }

    /** log C(n, x) */
    static double logChoose(double n, double x) {
        return org.apache.commons.numbers.gamma.LogGamma.value(n + 1) - org.apache.commons.numbers.gamma.LogGamma.value(x + 1)
                - org.apache.commons.numbers.gamma.LogGamma.value(n - x + 1);
    }

    static double log1pexp(double e) {
        return e > 35 ? e : e < -35 ? Math.exp(e) : Math.log1p(Math.exp(e));
    }

    /**
     * @param x     events per arm
     * @param n     patients per arm
     * @param e     fixed part of each arm's logit
     * @param c     loadings, c[a][j]
     * @param q     dimension of z (1 or 2)
     * @param nAGQ  quadrature points (q = 1), or 1 for Laplace
     * @param nodes Gauss-Hermite nodes and weights for nAGQ (null for Laplace)
     * @param logC  the sum of the arms' log binomial coefficients
     */
    static double logLik(double[] x, double[] n, double[] e, double[][] c, int q, int nAGQ, double[][] nodes, double logC) {
        double[] z = new double[q];
        double[] g = new double[q];
        double[] h = new double[q * q];
        // the conditional mode by Newton's method (the log integrand is concave)
        for (int it = 0; it < 100; it++) {
            derivatives(x, n, e, c, q, z, g, h);
            double[] step = solve(h, g, q);
            double size = 0;
            for (int j = 0; j < q; j++) {
                z[j] -= step[j];
                size = Math.max(size, Math.abs(step[j]));
            }
            if (size < 1e-13) {
                break;
            }
        }
        derivatives(x, n, e, c, q, z, g, h);
        double gz = logIntegrand(x, n, e, c, q, z) + logC;
        if (nAGQ <= 1 || q != 1) {
            double det = q == 1 ? -h[0] : h[0] * h[3] - h[1] * h[2];
            return gz + 0.5 * q * Math.log(2 * Math.PI) - 0.5 * Math.log(det);
        }
        double s = 1 / Math.sqrt(-h[0]);
        double[] xs = nodes[0];
        double[] ws = nodes[1];
        double max = Double.NEGATIVE_INFINITY;
        double[] terms = new double[xs.length];
        double[] zz = new double[1];
        for (int k = 0; k < xs.length; k++) {
            zz[0] = z[0] + Math.sqrt(2) * s * xs[k];
            terms[k] = Math.log(ws[k]) + logIntegrand(x, n, e, c, 1, zz) + xs[k] * xs[k];
            max = Math.max(max, terms[k]);
        }
        double sum = 0;
        for (double t : terms) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum) + Math.log(Math.sqrt(2) * s) + logC;
    }

    /** log Π Bin(x_a; n_a, expit(eta_a)) without the coefficients, times the standard normal density of z. */
    static double logIntegrand(double[] x, double[] n, double[] e, double[][] c, int q, double[] z) {
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            double eta = e[a];
            for (int j = 0; j < q; j++) {
                eta += c[a][j] * z[j];
            }
            s += x[a] * eta - n[a] * log1pexp(eta);
        }
        for (int j = 0; j < q; j++) {
            s -= 0.5 * z[j] * z[j] + 0.5 * Math.log(2 * Math.PI);
        }
        return s;
    }

    private static void derivatives(double[] x, double[] n, double[] e, double[][] c, int q, double[] z, double[] g, double[] h) {
        for (int j = 0; j < q; j++) {
            g[j] = -z[j];
            for (int l = 0; l < q; l++) {
                h[j * q + l] = j == l ? -1 : 0;
            }
        }
        for (int a = 0; a < x.length; a++) {
            double eta = e[a];
            for (int j = 0; j < q; j++) {
                eta += c[a][j] * z[j];
            }
            double p = 1 / (1 + Math.exp(-eta));
            double r = x[a] - n[a] * p;
            double w = n[a] * p * (1 - p);
            for (int j = 0; j < q; j++) {
                g[j] += r * c[a][j];
                for (int l = 0; l < q; l++) {
                    h[j * q + l] -= w * c[a][j] * c[a][l];
                }
            }
        }
    }

    /** H^{-1} g for a 1×1 or 2×2 H. */
    private static double[] solve(double[] h, double[] g, int q) {
        if (q == 1) {
            return new double[] {g[0] / h[0]};
        }
        double det = h[0] * h[3] - h[1] * h[2];
        return new double[] {(h[3] * g[0] - h[1] * g[1]) / det, (-h[2] * g[0] + h[0] * g[1]) / det};
    }

    /**
     * Gauss-Hermite nodes and weights for the weight exp(−x²), by the Golub-Welsch eigenvalue method.
     *
     * @param m the number of points
     * @return {nodes, weights}
     */
    static double[][] gaussHermite(int m) {
        org.ejml.data.DMatrixRMaj j = new org.ejml.data.DMatrixRMaj(m, m);
        for (int i = 1; i < m; i++) {
            double b = Math.sqrt(i / 2.0);
            j.set(i, i - 1, b);
            j.set(i - 1, i, b);
        }
        var eig = org.ejml.dense.row.factory.DecompositionFactory_DDRM.eig(m, true, true);
        if (!eig.decompose(j)) {
            throw new IllegalStateException("the Gauss-Hermite nodes could not be computed");
        }
        double[][] out = new double[2][m];
        Integer[] idx = new Integer[m];
        for (int i = 0; i < m; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(eig.getEigenvalue(a).real, eig.getEigenvalue(b).real));
        for (int r = 0; r < m; r++) {
            int i = idx[r];
            var v = eig.getEigenVector(i);
            double norm = 0;
            for (int k = 0; k < m; k++) {
                norm += v.get(k) * v.get(k);
            }
            out[0][r] = eig.getEigenvalue(i).real;
            out[1][r] = Math.sqrt(Math.PI) * v.get(0) * v.get(0) / norm;
        }
        return out;
    }
}
