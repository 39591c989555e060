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
 * sqrt(2k² / (k−p) / (Σw)²), w = 1/(v + tau²), and PMM as PM; GENQ, GENQM: sqrt((2 tr PVPV + 4t tr PVP + 2t² tr PP)
 * / (tr P)²) with P at the user weights (NaN when the model has none). Every trace is computed from p × p matrices, without the
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
        return of(m, method, tau2, FitControl.defaults());
    }

    /**
     * The standard error, for an estimate made with a start value ({@link FitControl#tau2Init()}: SJ's first
     * step t0 is then that value, as in metafor).
     *
     * @param m      the model
     * @param method the estimator
     * @param tau2   its estimate
     * @param c      the settings the estimate was made with
     * @return the standard error, NaN when k ≤ p
     */
    public static double of(MetaModel m, Tau2Method method, double tau2, FitControl c) {
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
                WeightedDesign tr = new WeightedDesign(m, ones(k));
                yield Math.sqrt((2 * tr.pp(v, v) + 4 * t * tr.p(v) + 2 * t * t * (k - p)) / ((double) (k - p) * (k - p)));
            }
            case SJ -> {
                double t0 = c.start(m.centredVariance());
                WeightedDesign tr = new WeightedDesign(m, weights(v, t0));
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
            case GENQ, GENQM -> {
                double[] a = m.userWeightsView();
                if (a == null) {
                    yield Double.NaN;
                }
                WeightedDesign tr = new WeightedDesign(m, a);
                double trP = tr.p(null);
                yield Math.sqrt((2 * tr.pp(v, v) + 4 * t * tr.pp(v, null) + 2 * t * t * tr.pp(null, null)) / (trP * trP));
            }
            case EB, PM, PMM, SJIT -> {
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
}
