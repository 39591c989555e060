package org.strokemeta.regression;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.ModelFit;
import org.strokemeta.pool.Model;

/**
 * Cluster-robust (sandwich) inference for a fitted model whose effects are not independent (several
 * effects per trial), as metafor's {@code robust()}: the coefficients are kept and their covariance is
 * replaced by B (Σ_c X_c'W_c e_c e_c'W_c X_c) B with the bread B = (X'WX)⁻¹ (the model's own weights: inverse
 * variance, user weights or none), e the residuals, c the clusters.
 *
 * <ul>
 * <li>{@link Method#CR1} (metafor's default, {@code adjust = TRUE}): times n/(n − p) for n clusters; t tests
 * and intervals with n − p degrees of freedom, QM/m against F(m, n − p) (Hedges, Tipton and Johnson 2010).
 * <li>{@link Method#CR0}: without the factor.
 * <li>{@link Method#CR2} ({@code clubSandwich = TRUE}; Pustejovsky and Tipton 2018, J Bus Econ Stat 36:672;
 * Tipton 2015, Psychol Methods 20:375; clubSandwich 0.5): residuals adjusted by A_c = Θ_c^½ G_c^−½ Θ_c^½ with
 * Θ the working variances v + tau² and G_c = Θ_c^½ (Θ_c − X_c (X'WX)⁻¹ X_c') Θ_c^½; each coefficient's t test
 * and interval with Satterthwaite degrees of freedom 2E²/V from the matrices P of clubSandwich's
 * {@code coef_test}; the test of the moderators by the HTZ approximation to Hotelling's T² (Tipton and
 * Pustejovsky 2015, J Educ Behav Stat 40:604). Inverse-variance weights only, as clubSandwich's default target.
 * </ul>
 */
public final class RobustInference {
    private RobustInference() {
    }

    /** The sandwich estimator. */
    public enum Method {
        /** No small-sample factor. */
        CR0,
        /** n/(n − p) times CR0 (metafor's default). */
        CR1,
        /** The bias-reduced linearisation with Satterthwaite and HTZ tests (clubSandwich). */
        CR2;

        /**
         * Parses CR0, CR1 or CR2, case-insensitive.
         *
         * @param s the name
         * @return the method
         * @throws IllegalArgumentException for another name
         */
        public static Method parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown sandwich estimator '" + s + "' (expected CR0, CR1 or CR2)");
            }
        }
    }

    /**
     * The robust results.
     *
     * @param method      the sandwich estimator
     * @param clusters    the number of clusters
     * @param names       the coefficients' names
     * @param estimate    the coefficients (unchanged)
     * @param vcov        their robust covariance
     * @param se          robust standard errors
     * @param t           t statistics
     * @param df          degrees of freedom of each coefficient's test (n − p, or Satterthwaite's for CR2)
     * @param p           two-sided p-values
     * @param ciLower     lower confidence limits
     * @param ciUpper     upper confidence limits
     * @param qm          the test of the moderators (F statistic; for a model without moderators the squared t of the intercept)
     * @param qmDf1       its numerator degrees of freedom
     * @param qmDf2       its denominator degrees of freedom
     * @param qmP         its p-value
     * @param level       the confidence level
     * @serial exclude
     */
    public record Result(Method method, int clusters, List<String> names, double[] estimate, double[][] vcov, double[] se, double[] t,
                         double[] df, double[] p, double[] ciLower, double[] ciUpper, double qm, double qmDf1, double qmDf2,
                         double qmP, double level) implements java.io.Serializable {
    }

    /**
     * Robust inference for a fitted model, clusters given per study in the model's order.
     *
     * @param fit     the fitted model (intercept-only or meta-regression)
     * @param cluster each study's cluster label (same order as the model's studies)
     * @param method  the sandwich estimator
     * @return the robust tests and intervals
     * @throws IllegalArgumentException when the clusters are not more than the coefficients, a label is missing, or CR2 is
     *         asked for a model without inverse-variance weights
     */
    public static Result of(ModelFit fit, String[] cluster, Method method) {
        MetaModel m = fit.model();
        int k = m.k();
        int p = m.p();
        if (cluster.length != k) {
            throw new IllegalArgumentException("one cluster label per study is needed (" + cluster.length + " for " + k + " studies)");
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            if (cluster[i] == null || cluster[i].isBlank()) {
                throw new IllegalArgumentException("study " + (i + 1) + " has no cluster label");
            }
            groups.computeIfAbsent(cluster[i], x -> new ArrayList<>()).add(i);
        }
        int n = groups.size();
        if (n <= p) {
            throw new IllegalArgumentException("cluster-robust inference needs more clusters (" + n + ") than coefficients (" + p + ")");
        }
        double tau2 = fit.options().model() == Model.RANDOM ? fit.heterogeneity().tau2() : 0;
        boolean iv = fit.options().inverseVarianceWeights();
        if (method == Method.CR2 && !iv) {
            throw new IllegalArgumentException("CR2 is computed for inverse-variance weights (clubSandwich's working model): use CR1 with "
                    + "user weights or an unweighted fit");
        }
        // the weights of the estimate: inverse variance 1/(v + tau²), or the fit's own (user weights or ones)
        double[] w = new double[k];
        for (int i = 0; i < k; i++) {
            w[i] = iv ? 1 / (m.v(i) + tau2) : fit.weights(i);
        }
        double[] e = new double[k];
        for (int i = 0; i < k; i++) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += m.x(i, j) * fit.beta(j);
            }
            e[i] = m.y(i) - f;
        }
        DMatrixRMaj bread = xtwx(m, w);
        if (!CommonOps_DDRM.invert(bread)) {
            throw new IllegalArgumentException("X'WX is singular");
        }
        List<int[]> rows = new ArrayList<>();
        for (List<Integer> g : groups.values()) {
            rows.add(g.stream().mapToInt(Integer::intValue).toArray());
        }
        DMatrixRMaj vcov;
        double[] df = new double[p];
        double qm;
        double qmDf1;
        double qmDf2;
        double qmP;
        List<DMatrixRMaj> adjustments = method == Method.CR2 ? cr2Adjustments(m, rows, w, bread) : null;
        DMatrixRMaj meat = new DMatrixRMaj(p, p);
        for (int c = 0; c < rows.size(); c++) {
            int[] r = rows.get(c);
            double[] u = new double[p];
            double[] adjusted = new double[r.length];
            for (int a = 0; a < r.length; a++) {
                if (adjustments == null) {
                    adjusted[a] = e[r[a]];
                } else {
                    for (int b = 0; b < r.length; b++) {
                        adjusted[a] += adjustments.get(c).get(a, b) * e[r[b]];
                    }
                }
            }
            for (int a = 0; a < r.length; a++) {
                for (int j = 0; j < p; j++) {
                    u[j] += m.x(r[a], j) * w[r[a]] * adjusted[a];
                }
            }
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    meat.add(i, j, u[i] * u[j]);
                }
            }
        }
        vcov = sandwich(bread, meat);
        if (method == Method.CR1) {
            CommonOps_DDRM.scale((double) n / (n - p), vcov);
        }
        double[] se = new double[p];
        double[] t = new double[p];
        double[] pv = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        Satterthwaite satt = method == Method.CR2 ? new Satterthwaite(m, rows, w, bread, adjustments) : null;
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(vcov.get(j, j));
            t[j] = fit.beta(j) / se[j];
            df[j] = satt == null ? n - p : satt.df(j);
            pv[j] = Dist.pT2(t[j], df[j]);
            double crit = Dist.tCrit(fit.options().level(), df[j]);
            lo[j] = fit.beta(j) - crit * se[j];
            hi[j] = fit.beta(j) + crit * se[j];
        }
        if (p == 1) {
            qm = Math.max(0, t[0] * t[0]);
            qmDf1 = 1;
            qmDf2 = df[0];
            qmP = pv[0];
        } else {
            int q = p - 1;
            double wald = wald(fit.beta(), vcov, q);
            if (satt == null) {
                qm = wald / q;
                qmDf1 = q;
                qmDf2 = n - p;
                qmP = Dist.pF(qm, q, n - p);
            } else {
                double nu = satt.htzNu(q);
                double delta = Math.max((nu - q + 1) / nu, 0);
                qmDf2 = nu - q + 1;
                qm = delta * wald / q;
                qmDf1 = q;
                qmP = qmDf2 > 0 ? Dist.pF(qm, q, qmDf2) : Double.NaN;
            }
        }
        double[][] v = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                v[i][j] = vcov.get(i, j);
            }
        }
        return new Result(method, n, m.names(), fit.beta(), v, se, t, df, pv, lo, hi, qm, qmDf1, qmDf2, qmP, fit.options().level());
    }

    /** X' diag(w) X. */
    private static DMatrixRMaj xtwx(MetaModel m, double[] w) {
        int p = m.p();
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        for (int i = 0; i < m.k(); i++) {
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a.add(r, c, m.x(i, r) * w[i] * m.x(i, c));
                }
            }
        }
        return a;
    }

    private static DMatrixRMaj sandwich(DMatrixRMaj bread, DMatrixRMaj meat) {
        DMatrixRMaj tmp = new DMatrixRMaj(bread.numRows, meat.numCols);
        DMatrixRMaj out = new DMatrixRMaj(bread.numRows, bread.numCols);
        CommonOps_DDRM.mult(bread, meat, tmp);
        CommonOps_DDRM.mult(tmp, bread, out);
        return out;
    }

    /** b_m' V_mm⁻¹ b_m for the moderators m (every coefficient but the intercept). */
    private static double wald(double[] beta, DMatrixRMaj vcov, int q) {
        DMatrixRMaj v = new DMatrixRMaj(q, q);
        DMatrixRMaj b = new DMatrixRMaj(q, 1);
        for (int i = 0; i < q; i++) {
            b.set(i, 0, beta[i + 1]);
            for (int j = 0; j < q; j++) {
                v.set(i, j, vcov.get(i + 1, j + 1));
            }
        }
        if (!CommonOps_DDRM.invert(v)) {
            return Double.NaN;
        }
        DMatrixRMaj vb = new DMatrixRMaj(q, 1);
        CommonOps_DDRM.mult(v, b, vb);
        return CommonOps_DDRM.dot(b, vb);
    }

    /**
     * clubSandwich's CR2 adjustment matrices with inverse-variance working weights, in its scaling (weights
     * divided by their mean, the target their inverse): A_c = R G^−½ R with R = diag(√θ_c) and
     * G = R (I − X_c M_U X_c' W_c) Θ_c R, M_U = (X'W X)⁻¹ at the scaled weights.
     */
    private static List<DMatrixRMaj> cr2Adjustments(MetaModel m, List<int[]> rows, double[] w, DMatrixRMaj bread) {
        double scale = mean(w);
        int p = m.p();
        List<DMatrixRMaj> out = new ArrayList<>();
        for (int[] r : rows) {
            int nc = r.length;
            DMatrixRMaj g = new DMatrixRMaj(nc, nc);
            double[] theta = new double[nc];
            for (int a = 0; a < nc; a++) {
                theta[a] = scale / w[r[a]];
            }
            // (I − X_c M_U X_c' W_c) Θ_c = Θ_c − X_c M_U X_c' (W_c Θ_c = I), with M_U = scale · bread
            for (int a = 0; a < nc; a++) {
                for (int b = 0; b < nc; b++) {
                    double h = 0;
                    for (int i = 0; i < p; i++) {
                        for (int j = 0; j < p; j++) {
                            h += m.x(r[a], i) * bread.get(i, j) * m.x(r[b], j);
                        }
                    }
                    double ih = (a == b ? theta[a] : 0) - scale * h;
                    g.set(a, b, Math.sqrt(theta[a]) * ih * Math.sqrt(theta[b]));
                }
            }
            DMatrixRMaj gInvSqrt = symmetricPower(g, -0.5);
            DMatrixRMaj adj = new DMatrixRMaj(nc, nc);
            for (int a = 0; a < nc; a++) {
                for (int b = 0; b < nc; b++) {
                    adj.set(a, b, Math.sqrt(theta[a]) * gInvSqrt.get(a, b) * Math.sqrt(theta[b]));
                }
            }
            out.add(adj);
        }
        return out;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double d : x) {
            s += d;
        }
        return s / x.length;
    }

    /**
     * A symmetric matrix to a power by its eigen-decomposition, eigenvalues at or below 1e-12 taken as 0 (a
     * generalised inverse, as clubSandwich's matrix_power: a cluster whose effects its own coefficients fit
     * exactly has a singular adjustment matrix).
     */
    static DMatrixRMaj symmetricPower(DMatrixRMaj a, double power) {
        int n = a.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(a.copy())) {
            throw new IllegalArgumentException("the eigen-decomposition of a cluster's adjustment matrix failed");
        }
        DMatrixRMaj out = new DMatrixRMaj(n, n);
        for (int k = 0; k < n; k++) {
            double lambda = eig.getEigenvalue(k).getReal();
            double f = lambda > 1e-12 ? Math.pow(lambda, power) : 0;
            DMatrixRMaj v = eig.getEigenVector(k);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    out.add(i, j, f * v.get(i, 0) * v.get(j, 0));
                }
            }
        }
        return out;
    }

    /**
     * The Satterthwaite degrees of freedom and the HTZ test of clubSandwich (inverse-variance working model):
     * for cluster c, ME_c = M X_c' W_c A_c, G_c = ME_c Θ_c^½ and H_c = ME_c X_c L with L the lower Cholesky
     * factor of M_U; P_ij[c, d] = −H_c[i,·]·H_d[j,·] + [c = d] G_c[i,·]·G_c[j,·].
     */
    private static final class Satterthwaite {
        private final List<double[][]> gRows = new ArrayList<>();
        private final List<double[][]> hRows = new ArrayList<>();
        private final int clusters;

        Satterthwaite(MetaModel m, List<int[]> rows, double[] w, DMatrixRMaj bread, List<DMatrixRMaj> adjustments) {
            int p = m.p();
            double scale = mean(w);
            DMatrixRMaj mu = bread.copy();
            CommonOps_DDRM.scale(scale, mu);
            var chol = DecompositionFactory_DDRM.chol(p, true);
            if (!chol.decompose(mu)) {
                throw new IllegalArgumentException("the Cholesky factor of (X'WX)⁻¹ cannot be computed");
            }
            DMatrixRMaj l = chol.getT(null);
            clusters = rows.size();
            for (int c = 0; c < rows.size(); c++) {
                int[] r = rows.get(c);
                int nc = r.length;
                DMatrixRMaj adj = adjustments.get(c);
                // E_c = X_c' W_c A_c with the scaled weights, ME_c = bread E_c
                DMatrixRMaj ec = new DMatrixRMaj(p, nc);
                for (int j = 0; j < p; j++) {
                    for (int b = 0; b < nc; b++) {
                        double s = 0;
                        for (int a = 0; a < nc; a++) {
                            s += m.x(r[a], j) * (w[r[a]] / scale) * adj.get(a, b);
                        }
                        ec.set(j, b, s);
                    }
                }
                DMatrixRMaj me = new DMatrixRMaj(p, nc);
                CommonOps_DDRM.mult(bread, ec, me);
                double[][] g = new double[p][nc];
                for (int j = 0; j < p; j++) {
                    for (int b = 0; b < nc; b++) {
                        g[j][b] = me.get(j, b) * Math.sqrt(scale / w[r[b]]);
                    }
                }
                DMatrixRMaj xc = new DMatrixRMaj(nc, p);
                for (int a = 0; a < nc; a++) {
                    for (int j = 0; j < p; j++) {
                        xc.set(a, j, m.x(r[a], j));
                    }
                }
                DMatrixRMaj mex = new DMatrixRMaj(p, p);
                CommonOps_DDRM.mult(me, xc, mex);
                DMatrixRMaj h = new DMatrixRMaj(p, p);
                CommonOps_DDRM.mult(mex, l, h);
                double[][] hr = new double[p][p];
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        hr[i][j] = h.get(i, j);
                    }
                }
                gRows.add(g);
                hRows.add(hr);
            }
        }

        /** P_ij as a J × J matrix, coefficients i and j counted from {@code offset}. */
        private double[][] pMatrix(int i, int j) {
            double[][] out = new double[clusters][clusters];
            for (int c = 0; c < clusters; c++) {
                for (int d = 0; d < clusters; d++) {
                    double s = 0;
                    double[] hc = hRows.get(c)[i];
                    double[] hd = hRows.get(d)[j];
                    for (int k = 0; k < hc.length; k++) {
                        s -= hc[k] * hd[k];
                    }
                    out[c][d] = s;
                }
                double[] gi = gRows.get(c)[i];
                double[] gj = gRows.get(c)[j];
                for (int k = 0; k < gi.length; k++) {
                    out[c][c] += gi[k] * gj[k];
                }
            }
            return out;
        }

        double df(int j) {
            double[][] pm = pMatrix(j, j);
            double e = 0;
            double v = 0;
            for (int c = 0; c < clusters; c++) {
                e += pm[c][c];
                for (int d = 0; d < clusters; d++) {
                    v += pm[c][d] * pm[c][d];
                }
            }
            v *= 2;
            return 2 * e * e / v;
        }

        /** HTZ's nu for the test that the q moderators (coefficients 1..q) are 0. */
        double htzNu(int q) {
            double[][][][] pa = new double[q][q][][];
            DMatrixRMaj omega = new DMatrixRMaj(q, q);
            for (int s = 0; s < q; s++) {
                for (int t = 0; t < q; t++) {
                    pa[s][t] = pMatrix(s + 1, t + 1);
                    double tr = 0;
                    for (int c = 0; c < clusters; c++) {
                        tr += pa[s][t][c][c];
                    }
                    omega.set(s, t, tr);
                }
            }
            DMatrixRMaj on = symmetricPower(omega, -0.5);
            // B[s][t][c][d] = (Ω^−½ P[·,·,c,d] Ω^−½)[s][t]
            double[][][][] b = new double[q][q][clusters][clusters];
            for (int c = 0; c < clusters; c++) {
                for (int d = 0; d < clusters; d++) {
                    for (int s = 0; s < q; s++) {
                        for (int t = 0; t < q; t++) {
                            double sum = 0;
                            for (int a = 0; a < q; a++) {
                                for (int bb = 0; bb < q; bb++) {
                                    sum += on.get(s, a) * pa[a][bb][c][d] * on.get(bb, t);
                                }
                            }
                            b[s][t][c][d] = sum;
                        }
                    }
                }
            }
            double total = 0;
            for (int s = 0; s < q; s++) {
                for (int t = 0; t < q; t++) {
                    double sum = 0;
                    for (int c = 0; c < clusters; c++) {
                        for (int d = 0; d < clusters; d++) {
                            sum += b[s][t][c][d] * b[t][s][c][d] + b[s][s][c][d] * b[t][t][c][d];
                        }
                    }
                    total += sum;
                }
            }
            return q * (q + 1) / total;
        }
    }
}
