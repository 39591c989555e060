package org.strokemeta.ipd;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * The n-point Gauss-Hermite rule for integrals {@code ∫ f(x) e^{−x²} dx}, exact for polynomials
 * of degree up to 2n − 1; the quadrature of the adaptive Gauss-Hermite likelihood of the mixed
 * models (Pinheiro and Bates 1995; as ordinal::clmm and lme4::glmer with nAGQ > 1).
 *
 * <p>The nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix of the Hermite
 * polynomials (Golub and Welsch 1969; the construction of ordinal's {@code gauss.hermite}), each then
 * refined by Newton's method on the orthonormal Hermite polynomial p_n. The weights are the
 * Christoffel numbers {@code 1 / Σ_{j<n} p_j(x)²} (Gautschi 2004, section 1.4), which keep full
 * relative accuracy even for the tiny weights of the outermost nodes, where the squared first
 * components of the eigenvectors lose digits. Nodes are in increasing order.
 */
final class GaussHermite {
    /** The largest number of points offered (the weights of larger rules underflow in the tails). */
    public static final int MAX_POINTS = 100;

    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The n-point rule, 1 ≤ n ≤ {@value #MAX_POINTS}.
     *
     * @param n the number of points
     * @return the rule, from the eigenvalues of the Jacobi matrix (Golub and Welsch 1969)
     * @throws IllegalArgumentException if {@code n} is out of range
     */
    public static GaussHermite of(int n) {
        if (n < 1 || n > MAX_POINTS) {
            throw new IllegalArgumentException("the number of quadrature points must lie between 1 and " + MAX_POINTS + ", not " + n);
        }
        double[] x = new double[n];
        if (n > 1) {
            DMatrixRMaj jacobi = new DMatrixRMaj(n, n);
            for (int k = 1; k < n; k++) {
                double b = Math.sqrt(k / 2.0);
                jacobi.set(k - 1, k, b);
                jacobi.set(k, k - 1, b);
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
            if (!eig.decompose(jacobi)) {
                throw new IllegalStateException("the eigen decomposition of the Hermite Jacobi matrix failed");
            }
            for (int k = 0; k < n; k++) {
                x[k] = eig.getEigenvalue(k).getReal();
            }
            java.util.Arrays.sort(x);
        }
        double[] w = new double[n];
        double[] p = new double[2];
        for (int k = 0; k < n; k++) {
            double xk = x[k];
            if (n > 1) {
                // Newton on p_n, whose derivative is sqrt(2n) p_{n−1}
                for (int it = 0; it < 10; it++) {
                    orthonormal(n, xk, p);
                    double step = p[0] / (Math.sqrt(2.0 * n) * p[1]);
                    xk -= step;
                    if (Math.abs(step) <= 1e-16 * Math.max(1, Math.abs(xk))) {
                        break;
                    }
                }
            }
            x[k] = xk;
            w[k] = 1 / christoffelSum(n, xk);
        }
        // symmetry: the rule is exactly symmetric about 0
        for (int k = 0; k < n / 2; k++) {
            double a = 0.5 * (x[n - 1 - k] - x[k]);
            double b = 0.5 * (w[k] + w[n - 1 - k]);
            x[k] = -a;
            x[n - 1 - k] = a;
            w[k] = b;
            w[n - 1 - k] = b;
        }
        if (n % 2 == 1) {
            x[n / 2] = 0;
        }
        return new GaussHermite(x, w);
    }

    /** Fills {@code out} with p_n(x) and p_{n−1}(x), orthonormal for the weight e^{−x²}. */
    private static void orthonormal(int n, double x, double[] out) {
        double prev = 0;
        double cur = Math.pow(Math.PI, -0.25);
        for (int j = 0; j < n; j++) {
            double next = Math.sqrt(2.0 / (j + 1)) * x * cur - Math.sqrt((double) j / (j + 1)) * prev;
            prev = cur;
            cur = next;
        }
        out[0] = cur;
        out[1] = prev;
    }

    /** Σ_{j<n} p_j(x)². */
    private static double christoffelSum(int n, double x) {
        double prev = 0;
        double cur = Math.pow(Math.PI, -0.25);
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += cur * cur;
            double next = Math.sqrt(2.0 / (j + 1)) * x * cur - Math.sqrt((double) j / (j + 1)) * prev;
            prev = cur;
            cur = next;
        }
        return sum;
    }

    /**
     * The number of points.
     *
     * @return n
     */
    public int size() {
        return nodes.length;
    }

    /**
     * The k-th node, in increasing order.
     *
     * @param k the 0-based point
     * @return its node
     */
    public double node(int k) {
        return nodes[k];
    }

    /**
     * The k-th weight (for the weight function e^{−x²}; they sum to √π).
     *
     * @param k the 0-based point
     * @return its weight
     */
    public double weight(int k) {
        return weights[k];
    }

    /**
     * The nodes, in increasing order (a copy).
     *
     * @return a fresh copy
     */
    public double[] nodes() {
        return nodes.clone();
    }

    /**
     * The weights (a copy).
     *
     * @return a fresh copy
     */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * {@code Σ_k w_k f(x_k)}, the rule's value for {@code ∫ f(x) e^{−x²} dx}.
     *
     * @param f the function
     * @return the sum
     */
    public double integrate(java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * f.applyAsDouble(nodes[k]);
        }
        return s;
    }

    /**
     * {@code E[f(Z)]} for a standard normal Z by the same rule: nodes √2 x_k and weights w_k / √π.
     *
     * @param f the function
     * @return the approximate expectation
     */
    public double expectNormal(java.util.function.DoubleUnaryOperator f) {
        double s = 0;
        for (int k = 0; k < nodes.length; k++) {
            s += weights[k] * f.applyAsDouble(Math.sqrt(2) * nodes[k]);
        }
        return s / Math.sqrt(Math.PI);
    }
}
