package org.strokemeta.pool;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedGamma;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;

/**
 * The distribution of the generalised Q statistic Y'PY with P = A − A X (X'AX)⁻¹ X' A at user weights A
 * (DerSimonian and Kacker 2007; Jackson 2013): under the random-effects model it is Σ λ_j χ²₁, a weighted
 * sum of independent chi-squared variables over the k − p non-zero eigenvalues λ of
 * (V + tau²)^½ P (V + tau²)^½ (metafor's GENQM and its confidence interval for tau², which call
 * CompQuadForm's implementation of Farebrother 1984, Appl Stat 33:332, AS 204).
 *
 * <p>The eigenvalues are those of the (k−p) × (k−p) matrix N' diag(a (v + tau²)) N, N an orthonormal
 * basis of the complement of the column space of A^½ X (from one QR decomposition), so each tau² costs one
 * symmetric eigen-decomposition of that size. The distribution function is Ruben's series (Ruben 1962,
 * Ann Math Stat 33:542), the method of AS 204 for positive weights: with β = min λ and γ_j = 1 − β/λ_j,
 * P(Q ≤ q) = Σ_m c_m F_{n+2m}(q/β), c_0 = Π (β/λ_j)^½, c_m = (1/m) Σ_{r<m} g_{m−r} c_r, g_m = ½ Σ γ_j^m;
 * the c_m are positive and sum to 1, so the terms left out weigh at most (1 − Σ c) F_{n+2m+2}(q/β), and the
 * series stops when that bound is below 1e-14.
 */
final class QuadraticForm {
    /** The most studies GENQM is computed for: the basis N is a dense k × k matrix. */
    static final int MAX_STUDIES = 2000;
    /** The most terms of Ruben's series before the distribution is reported as not computable (NaN). */
    static final int MAX_TERMS = 20_000;
    private static final double TOLERANCE = 1e-14;

    private final DMatrixRMaj g1;
    private final DMatrixRMaj g2;

    private QuadraticForm(DMatrixRMaj g1, DMatrixRMaj g2) {
        this.g1 = g1;
        this.g2 = g2;
    }

    /**
     * The form for a model and user weights.
     *
     * @throws IllegalArgumentException if the model has more than {@value #MAX_STUDIES} studies
     */
    static QuadraticForm of(MetaModel m, double[] a) {
        int k = m.k();
        int p = m.p();
        if (k > MAX_STUDIES) {
            throw new IllegalArgumentException("the distribution of the generalised Q statistic is computed for up to "
                    + MAX_STUDIES + " studies (k = " + k + "): use GENQ, PM or REML");
        }
        DMatrixRMaj z = new DMatrixRMaj(k, p);
        for (int i = 0; i < k; i++) {
            double s = Math.sqrt(a[i]);
            for (int j = 0; j < p; j++) {
                z.set(i, j, s * m.x(i, j));
            }
        }
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(k, p);
        if (!qr.decompose(z)) {
            throw new IllegalStateException("the QR decomposition of the weighted design failed");
        }
        DMatrixRMaj q = qr.getQ(null, false);
        int n = k - p;
        DMatrixRMaj g1 = new DMatrixRMaj(n, n);
        DMatrixRMaj g2 = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double s1 = 0;
                double s2 = 0;
                for (int i = 0; i < k; i++) {
                    double prod = q.get(i, p + r) * q.get(i, p + c) * a[i];
                    s1 += prod * m.v(i);
                    s2 += prod;
                }
                g1.set(r, c, s1);
                g1.set(c, r, s1);
                g2.set(r, c, s2);
                g2.set(c, r, s2);
            }
        }
        return new QuadraticForm(g1, g2);
    }

    /** The non-zero eigenvalues at tau², in no particular order. */
    double[] eigenvalues(double tau2) {
        int n = g1.numRows;
        DMatrixRMaj s = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            s.data[i] = g1.data[i] + tau2 * g2.data[i];
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        if (!eig.decompose(s)) {
            return new double[] {Double.NaN};
        }
        double max = 0;
        double[] l = new double[n];
        for (int j = 0; j < n; j++) {
            l[j] = eig.getEigenvalue(j).getReal();
            max = Math.max(max, l[j]);
        }
        int kept = 0;
        for (int j = 0; j < n; j++) {
            if (l[j] > max * 1e-12) {
                l[kept++] = l[j];
            }
        }
        return java.util.Arrays.copyOf(l, kept);
    }

    /** P(Q ≤ q) at tau², NaN when the series does not reach its tolerance in {@value #MAX_TERMS} terms. */
    double cdf(double tau2, double q) {
        return cdf(eigenvalues(tau2), q);
    }

    /**
     * P(Σ λ_j χ²₁ ≤ q) for positive λ by Ruben's series.
     *
     * @param lambda the weights, positive
     * @param q      the quantile
     * @return the probability, NaN when it cannot be computed to 1e-14 in {@value #MAX_TERMS} terms
     */
    static double cdf(double[] lambda, double q) {
        int n = lambda.length;
        if (Double.isNaN(q)) {
            return Double.NaN;
        }
        if (n == 0) {
            return q >= 0 ? 1 : 0;
        }
        if (!(q > 0)) {
            return 0;
        }
        double beta = Double.POSITIVE_INFINITY;
        for (double l : lambda) {
            if (!(l > 0) || !Double.isFinite(l)) {
                return Double.NaN;
            }
            beta = Math.min(beta, l);
        }
        double[] gamma = new double[n];
        double[] power = new double[n];
        double logC0 = 0;
        for (int j = 0; j < n; j++) {
            gamma[j] = 1 - beta / lambda[j];
            power[j] = 1;
            logC0 += 0.5 * Math.log(beta / lambda[j]);
        }
        double x = q / beta;
        double half = x / 2;
        // F_nu(x) for nu = n + 2m, and d_nu = (x/2)^(nu/2) e^(-x/2) / Gamma(nu/2 + 1), with F_{nu+2} = F_nu − d_nu
        double f = RegularizedGamma.P.value(n / 2.0, half);
        double logHalf = Math.log(half);
        double logD = n / 2.0 * logHalf - half - LogGamma.value(n / 2.0 + 1);
        double[] c = new double[Math.min(MAX_TERMS, 1024)];
        double[] g = new double[c.length];
        c[0] = Math.exp(logC0);
        double sumC = c[0];
        double sum = c[0] * f;
        for (int m = 1; m < MAX_TERMS; m++) {
            double nu = n + 2.0 * (m - 1);
            f = Math.max(0, f - Math.exp(logD));
            logD += logHalf - Math.log(nu / 2 + 1);
            if ((1 - sumC) * f < TOLERANCE || f == 0) {
                return Math.min(1, Math.max(0, sum));
            }
            if (m >= c.length) {
                c = java.util.Arrays.copyOf(c, Math.min(MAX_TERMS, 2 * c.length));
                g = java.util.Arrays.copyOf(g, c.length);
            }
            double gm = 0;
            for (int j = 0; j < n; j++) {
                power[j] *= gamma[j];
                gm += power[j];
            }
            g[m] = gm / 2;
            double cm = 0;
            for (int r = 0; r < m; r++) {
                cm += g[m - r] * c[r];
            }
            c[m] = cm / m;
            sumC += c[m];
            sum += c[m] * f;
        }
        return Double.NaN;
    }
}
