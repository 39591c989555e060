package org.strokemeta.pool;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The model's design under any diagonal weights W (inverse-variance, user or unit weights), in
 * O(k p²) without k × k matrices: the weighted least-squares coefficients A X'W y with A = (X'WX)⁻¹,
 * their sandwich covariance A X'W M W X A for marginal variances M = V + tau² (metafor's rma.uni with
 * {@code weights=} or {@code weighted=FALSE}), and the traces of P D and P D1 P D2 for diagonal D (null
 * for the identity), with P = W − W X A X' W: tr(P D) = Σ w d − tr(A G(w² d)); tr(P D1 P D2) =
 * Σ w² d1 d2 − 2 tr(A G(w³ d1 d2)) + tr(A G(w² d1) A G(w² d2)), where G(c) = X' diag(c) X.
 */
final class WeightedDesign {
    private final MetaModel m;
    private final double[] w;
    private final DMatrixRMaj a;

    WeightedDesign(MetaModel m, double[] w) {
        this.m = m;
        this.w = w;
        this.a = g(w, 1, null, null);
        if (!CommonOps_DDRM.invert(a)) {
            throw new IllegalStateException("X'WX is singular");
        }
    }

    /** X' diag(w^power d1 d2) X. */
    private DMatrixRMaj g(double[] c, int power, double[] d1, double[] d2) {
        int p = m.p();
        DMatrixRMaj out = new DMatrixRMaj(p, p);
        for (int i = 0; i < m.k(); i++) {
            double ci = Math.pow(c[i], power) * (d1 == null ? 1 : d1[i]) * (d2 == null ? 1 : d2[i]);
            for (int r = 0; r < p; r++) {
                double xr = m.x(i, r) * ci;
                for (int s = 0; s < p; s++) {
                    out.add(r, s, xr * m.x(i, s));
                }
            }
        }
        return out;
    }

    double p(double[] d) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * (d == null ? 1 : d[i]);
        }
        return s - traceProduct(a, g(w, 2, d, null));
    }

    double pp(double[] d1, double[] d2) {
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            s += w[i] * w[i] * (d1 == null ? 1 : d1[i]) * (d2 == null ? 1 : d2[i]);
        }
        DMatrixRMaj ag1 = new DMatrixRMaj(a.numRows, a.numCols);
        DMatrixRMaj ag2 = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(a, g(w, 2, d1, null), ag1);
        CommonOps_DDRM.mult(a, g(w, 2, d2, null), ag2);
        return s - 2 * traceProduct(a, g(w, 3, d1, d2)) + traceProduct(ag1, ag2);
    }

    /** tr(X Y) of two square matrices. */
    private static double traceProduct(DMatrixRMaj x, DMatrixRMaj y) {
        double s = 0;
        for (int i = 0; i < x.numRows; i++) {
            for (int j = 0; j < x.numCols; j++) {
                s += x.get(i, j) * y.get(j, i);
            }
        }
        return s;
    }

    /** The weighted least-squares coefficients A X'W y. */
    double[] beta() {
        int p = m.p();
        double[] xwy = new double[p];
        for (int i = 0; i < m.k(); i++) {
            double c = w[i] * m.y(i);
            for (int r = 0; r < p; r++) {
                xwy[r] += m.x(i, r) * c;
            }
        }
        double[] b = new double[p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                b[r] += a.get(r, c) * xwy[c];
            }
        }
        return b;
    }

    /** The sandwich covariance A X'W diag(v + tau²) W X A of {@link #beta()}. */
    double[][] sandwich(double tau2) {
        double[] marginal = new double[m.k()];
        for (int i = 0; i < marginal.length; i++) {
            marginal[i] = m.v(i) + tau2;
        }
        DMatrixRMaj meat = g(w, 2, marginal, null);
        DMatrixRMaj am = new DMatrixRMaj(a.numRows, a.numCols);
        DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
        CommonOps_DDRM.mult(a, meat, am);
        CommonOps_DDRM.mult(am, a, out);
        double[][] vb = new double[a.numRows][a.numCols];
        for (int r = 0; r < a.numRows; r++) {
            for (int c = 0; c < a.numCols; c++) {
                vb[r][c] = out.get(r, c);
            }
        }
        return vb;
    }

    /** Y'PY = Σ w (y − X b)² at this design's weights. */
    double rss(double[] b) {
        double s = 0;
        for (int i = 0; i < m.k(); i++) {
            double fit = 0;
            for (int r = 0; r < b.length; r++) {
                fit += m.x(i, r) * b[r];
            }
            double d = m.y(i) - fit;
            s += w[i] * d * d;
        }
        return s;
    }
}
