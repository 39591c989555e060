package org.strokemeta.pool;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The standard error of a tau² estimate, as metafor computes {@code se.tau2} for each estimator of
 * {@code rma.uni} (its notes: the variance of the moment estimators from the variance of quadratic forms
 * in normal variables; the inverse Fisher information for ML and REML; Viechtbauer 2005, J Educ Behav
 * Stat 30:261-93). With P = W − W X (X'WX)⁻¹ X' W at the weights named, V = diag(v) and t = max(tau², 0):
 * DL, DLIT: sqrt((2(k−p) + 4t tr P + 2t² tr PP) / (tr P)²) (P at the fixed-effect weights for DL, at tau²
 * for DLIT); HS: sqrt((2(k−p) + 4t tr P + 2t² tr PP) / (Σ1/v)²) with P at 1/v, HSk k/(k−p) times it; HE:
 * sqrt((2 tr PVPV + 4t tr PV + 2t²(k−p)) / (k−p)²) with the least-squares P; SJ: sqrt(t0² (2 tr PVPV + 4t
 * tr PVP + 2t² tr PP) / (k−p)²) with P at t0; ML: sqrt(2 / Σw²); REML: sqrt(2 / tr PP); EB, PM, SJIT:
 * sqrt(2k² / (k−p) / (Σw)²), w = 1/(v + tau²). Every trace is computed from p × p matrices, without the
 * k × k matrix P.
 */
public final class Tau2StandardError {
    private Tau2StandardError() {
    }

    /**
     * The standard error.
     *
     * @param m      the model
     * @param method the estimator
     * @param tau2   its estimate
     * @return the standard error, NaN when k ≤ p
     */
    public static double of(MetaModel m, Tau2Method method, double tau2) {
        int k = m.k();
        int p = m.p();
        if (k <= p) {
            return Double.NaN;
        }
        double t = Math.max(tau2, 0);
        double[] v = m.v();
        return switch (method) {
            case DL, DLIT -> {
                // tr P and tr PP from the model's own weighted fit (computed from P's elements: stable for extreme weights)
                MetaModel.Weighted w = m.at(method == Tau2Method.DL ? 0 : tau2, true);
                yield Math.sqrt((2.0 * (k - p) + 4 * t * w.trP() + 2 * t * t * w.trPP()) / (w.trP() * w.trP()));
            }
            case HS, HSK -> {
                MetaModel.Weighted w = m.at(0, true);
                double se = Math.sqrt((2.0 * (k - p) + 4 * t * w.trP() + 2 * t * t * w.trPP()) / (w.sumW() * w.sumW()));
                yield method == Tau2Method.HSK ? (double) k / (k - p) * se : se;
            }
            case HE -> {
                Traces tr = new Traces(m, ones(k));
                yield Math.sqrt((2 * tr.pp(v, v) + 4 * t * tr.p(v) + 2 * t * t * (k - p)) / ((double) (k - p) * (k - p)));
            }
            case SJ -> {
                double t0 = m.centredVariance();
                Traces tr = new Traces(m, weights(v, t0));
                double trPP = m.at(t0, true).trPP();
                yield Math.sqrt(t0 * t0 / ((double) (k - p) * (k - p)) * (2 * tr.pp(v, v) + 4 * t * tr.pp(v, null) + 2 * t * t * trPP));
            }
            case ML -> {
                double s2 = 0;
                for (double x : weights(v, tau2)) {
                    s2 += x * x;
                }
                yield Math.sqrt(2 / s2);
            }
            case REML -> Math.sqrt(2 / m.at(tau2, true).trPP());
            case EB, PM, SJIT -> {
                double sumW = sum(weights(v, tau2));
                yield Math.sqrt(2.0 * k * k / (k - p) / (sumW * sumW));
            }
        };
    }

    private static double[] weights(double[] v, double tau2) {
        double[] w = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            w[i] = 1 / (v[i] + tau2);
        }
        return w;
    }

    private static double[] ones(int k) {
        double[] w = new double[k];
        java.util.Arrays.fill(w, 1);
        return w;
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d;
        }
        return s;
    }

    /**
     * Traces of P D and P D1 P D2 for diagonal D (null for the identity), with P = W − W X A X' W and
     * A = (X'WX)⁻¹: tr(P D) = Σ w d − tr(A G(w² d)); tr(P D1 P D2) = Σ w² d1 d2 − 2 tr(A G(w³ d1 d2)) +
     * tr(A G(w² d1) A G(w² d2)), where G(c) = X' diag(c) X.
     */
    private static final class Traces {
        private final MetaModel m;
        private final double[] w;
        private final DMatrixRMaj a;

        Traces(MetaModel m, double[] w) {
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
    }
}
