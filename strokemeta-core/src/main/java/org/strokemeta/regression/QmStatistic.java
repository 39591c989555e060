package org.strokemeta.regression;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Wald quadratic form QM = b' V⁻¹ b over all coefficients but the intercept, by a Cholesky
 * solve (metafor::rma.uni: {@code t(beta)[btt] %*% chol2inv(chol(vb[btt, btt])) %*% beta[btt]}).
 * Holds its work matrices so that a permutation test can call it many times without allocating.
 * Not thread-safe: one instance per thread.
 */
final class QmStatistic {
    private final int m;
    private final DMatrixRMaj v;
    private final DMatrixRMaj b;
    private final DMatrixRMaj x;
    private final LinearSolverDense<DMatrixRMaj> solver;

    /** @param p the number of coefficients, intercept included */
    QmStatistic(int p) {
        this.m = p - 1;
        this.v = new DMatrixRMaj(m, m);
        this.b = new DMatrixRMaj(m, 1);
        this.x = new DMatrixRMaj(m, 1);
        this.solver = LinearSolverFactory_DDRM.chol(m);
    }

    /**
     * @param beta  the coefficients (intercept first)
     * @param vb    their unscaled covariance
     * @param scale the factor applied to every element of vb (the Hartung-Knapp s², or 1)
     * @return QM, or NaN when the covariance of the tested coefficients is not positive definite
     */
    double qm(double[] beta, double[][] vb, double scale) {
        for (int r = 0; r < m; r++) {
            b.data[r] = beta[r + 1];
            for (int c = 0; c < m; c++) {
                v.data[r * m + c] = vb[r + 1][c + 1] * scale;
            }
        }
        if (!solver.setA(v)) {
            return Double.NaN;
        }
        solver.solve(b, x);
        double q = 0;
        for (int r = 0; r < m; r++) {
            q += beta[r + 1] * x.data[r];
        }
        return q;
    }
}
