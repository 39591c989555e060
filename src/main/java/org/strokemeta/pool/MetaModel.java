package org.strokemeta.pool;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The weighted linear model behind every inverse-variance meta-analysis: effects {@code y} with
 * sampling variances {@code v}, a design matrix with an intercept (and optional moderators), and the
 * marginal variances {@code v + tau2}.
 *
 * <p>Everything the tau² estimators and tests need is computed in O(k p²) from p-by-p matrices, never
 * from k-by-k ones: with {@code W = diag(1/(v+tau2))}, {@code A = X'WX} and the projection
 * {@code P = W - W X A⁻¹ X' W} (Viechtbauer 2005, J Educ Behav Stat 30:261; metafor's rma.uni),
 * tr(P) = Σw − tr(A⁻¹X'W²X), tr(PP) = Σw² − 2 tr(A⁻¹X'W³X) + tr((A⁻¹X'W²X)²),
 * Y'PY = Σ w r² and Y'PPY = Σ w² r², where r are the weighted least-squares residuals.
 * So one meta-analysis of a million studies needs memory linear in k and time linear per iteration.
 */
public final class MetaModel {
    private final double[] y;
    private final double[] v;
    /** Moderator columns (without the intercept); empty for an intercept-only model. */
    private final double[][] mods;
    private final List<String> names;
    private final int k;
    private final int p;

    private MetaModel(double[] y, double[] v, double[][] mods, List<String> names) {
        if (y.length != v.length) {
            throw new IllegalArgumentException("y and v differ in length");
        }
        for (double[] m : mods) {
            if (m.length != y.length) {
                throw new IllegalArgumentException("a moderator differs in length from y");
            }
        }
        this.y = y;
        this.v = v;
        this.mods = mods;
        this.names = List.copyOf(names);
        this.k = y.length;
        this.p = mods.length + 1;
    }

    /** The intercept-only model (the ordinary meta-analysis). */
    public static MetaModel interceptOnly(double[] y, double[] v) {
        return new MetaModel(y, v, new double[0][], List.of("intercept"));
    }

    /** A meta-regression: an intercept plus the given moderator columns. */
    public static MetaModel withModerators(double[] y, double[] v, List<String> modNames, double[][] mods) {
        if (modNames.size() != mods.length) {
            throw new IllegalArgumentException("names and moderators differ in number");
        }
        String[] all = new String[mods.length + 1];
        all[0] = "intercept";
        for (int j = 0; j < mods.length; j++) {
            all[j + 1] = modNames.get(j);
        }
        return new MetaModel(y, v, mods, Arrays.asList(all));
    }

    /** The same design with other effects (used by permutation tests). */
    public MetaModel withY(double[] newY) {
        return new MetaModel(newY, v, mods, names);
    }

    /** The same effects and variances with the moderator rows permuted: row i takes the moderators of row perm[i]. */
    public MetaModel withPermutedModerators(int[] perm) {
        double[][] pm = new double[mods.length][k];
        for (int j = 0; j < mods.length; j++) {
            for (int i = 0; i < k; i++) {
                pm[j][i] = mods[j][perm[i]];
            }
        }
        return new MetaModel(y, v, pm, names);
    }

    public int k() {
        return k;
    }

    public int p() {
        return p;
    }

    public double[] y() {
        return y;
    }

    public double[] v() {
        return v;
    }

    /** Coefficient names: "intercept" then the moderators. */
    public List<String> names() {
        return names;
    }

    public boolean isInterceptOnly() {
        return p == 1;
    }

    /** Value of design column j at row i (column 0 is the intercept). */
    public double x(int i, int j) {
        return j == 0 ? 1.0 : mods[j - 1][i];
    }

    /**
     * The weighted least-squares fit with weights 1/(v + tau2), and the quantities of P.
     *
     * @param tau2   the between-study variance
     * @param traces also compute tr(P), tr(PP) and Y'PPY (needed by ML, REML and DL)
     */
    public Weighted at(double tau2, boolean traces) {
        return p == 1 ? atInterceptOnly(tau2, traces) : atGeneral(tau2, traces);
    }

    private Weighted atInterceptOnly(double tau2, boolean traces) {
        Eval e = new Eval().at(tau2);
        return new Weighted(tau2, new double[] {e.mu}, new double[][] {{1.0 / e.sumW}}, e.rss, e.sumW, e.sumW2,
                traces ? e.trP : Double.NaN, traces ? e.trPP : Double.NaN, e.yppy);
    }

    private Weighted atGeneral(double tau2, boolean traces) {
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        DMatrixRMaj b2 = new DMatrixRMaj(p, p);
        DMatrixRMaj b3 = new DMatrixRMaj(p, p);
        double[] xwy = new double[p];
        double[] xi = new double[p];
        double sw = 0;
        double sw2 = 0;
        for (int i = 0; i < k; i++) {
            double w = 1.0 / (v[i] + tau2);
            sw += w;
            sw2 += w * w;
            for (int j = 0; j < p; j++) {
                xi[j] = x(i, j);
            }
            for (int r = 0; r < p; r++) {
                xwy[r] += w * xi[r] * y[i];
                for (int c = 0; c <= r; c++) {
                    double xx = xi[r] * xi[c];
                    a.data[r * p + c] += w * xx;
                    if (traces) {
                        b2.data[r * p + c] += w * w * xx;
                        b3.data[r * p + c] += w * w * w * xx;
                    }
                }
            }
        }
        symmetrise(a);
        symmetrise(b2);
        symmetrise(b3);
        DMatrixRMaj ainv = invertSpd(a);
        double[] beta = new double[p];
        for (int r = 0; r < p; r++) {
            double s = 0;
            for (int c = 0; c < p; c++) {
                s += ainv.get(r, c) * xwy[c];
            }
            beta[r] = s;
        }
        double rss = 0;
        double ypp = 0;
        for (int i = 0; i < k; i++) {
            double w = 1.0 / (v[i] + tau2);
            double fit = 0;
            for (int j = 0; j < p; j++) {
                fit += x(i, j) * beta[j];
            }
            double r = y[i] - fit;
            rss += w * r * r;
            ypp += w * w * r * r;
        }
        double trP = Double.NaN;
        double trPP = Double.NaN;
        if (traces) {
            DMatrixRMaj ab2 = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(ainv, b2, ab2);
            DMatrixRMaj ab3 = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(ainv, b3, ab3);
            DMatrixRMaj sq = new DMatrixRMaj(p, p);
            CommonOps_DDRM.mult(ab2, ab2, sq);
            trP = sw - CommonOps_DDRM.trace(ab2);
            trPP = sw2 - 2 * CommonOps_DDRM.trace(ab3) + CommonOps_DDRM.trace(sq);
        } else {
            ypp = Double.NaN;
        }
        double[][] vb = new double[p][p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                vb[r][c] = ainv.get(r, c);
            }
        }
        return new Weighted(tau2, beta, vb, rss, sw, sw2, trP, trPP, ypp);
    }

    private static void symmetrise(DMatrixRMaj m) {
        int n = m.numRows;
        for (int r = 0; r < n; r++) {
            for (int c = r + 1; c < n; c++) {
                m.data[r * n + c] = m.data[c * n + r];
            }
        }
    }

    static DMatrixRMaj invertSpd(DMatrixRMaj a) {
        DMatrixRMaj inv = new DMatrixRMaj(a.numRows, a.numCols);
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(a.numRows);
        if (!solver.setA(a.copy())) {
            throw new SingularDesignException();
        }
        solver.invert(inv);
        return inv;
    }

    /**
     * Ordinary least squares quantities for the Hedges (HE) estimator: the residual sum of squares
     * and tr(P_ols V) = Σv − tr((X'X)⁻¹ X'VX).
     */
    double[] olsRssAndTrace() {
        if (p == 1) {
            double mean = 0;
            for (double yi : y) {
                mean += yi;
            }
            mean /= k;
            double rss = 0;
            double sv = 0;
            for (int i = 0; i < k; i++) {
                double r = y[i] - mean;
                rss += r * r;
                sv += v[i];
            }
            return new double[] {rss, sv - sv / k};
        }
        DMatrixRMaj xx = new DMatrixRMaj(p, p);
        DMatrixRMaj xvx = new DMatrixRMaj(p, p);
        double[] xy = new double[p];
        double sv = 0;
        for (int i = 0; i < k; i++) {
            sv += v[i];
            for (int r = 0; r < p; r++) {
                xy[r] += x(i, r) * y[i];
                for (int c = 0; c < p; c++) {
                    double xrc = x(i, r) * x(i, c);
                    xx.data[r * p + c] += xrc;
                    xvx.data[r * p + c] += v[i] * xrc;
                }
            }
        }
        DMatrixRMaj inv = invertSpd(xx);
        double[] beta = new double[p];
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                beta[r] += inv.get(r, c) * xy[c];
            }
        }
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double fit = 0;
            for (int j = 0; j < p; j++) {
                fit += x(i, j) * beta[j];
            }
            double r = y[i] - fit;
            rss += r * r;
        }
        DMatrixRMaj prod = new DMatrixRMaj(p, p);
        CommonOps_DDRM.mult(inv, xvx, prod);
        return new double[] {rss, sv - CommonOps_DDRM.trace(prod)};
    }

    /** Σ(y − ȳ)²/k, the Sidik-Jonkman starting value. */
    double centredVariance() {
        double mean = 0;
        for (double yi : y) {
            mean += yi;
        }
        mean /= k;
        double s = 0;
        for (double yi : y) {
            s += (yi - mean) * (yi - mean);
        }
        return s / k;
    }

    /**
     * log|X'WX| for the REML log-likelihood.
     */
    double logDetXtWX(double tau2) {
        if (p == 1) {
            double sw = 0;
            for (int i = 0; i < k; i++) {
                sw += 1.0 / (v[i] + tau2);
            }
            return Math.log(sw);
        }
        DMatrixRMaj a = new DMatrixRMaj(p, p);
        for (int i = 0; i < k; i++) {
            double w = 1.0 / (v[i] + tau2);
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a.data[r * p + c] += w * x(i, r) * x(i, c);
                }
            }
        }
        return Math.log(CommonOps_DDRM.det(a));
    }

    /**
     * A reusable evaluation of the weighted fit for the iterative estimators, which evaluate the
     * model dozens of times per analysis: for the intercept-only model it keeps one weight array and
     * allocates nothing per evaluation. Not thread-safe: one per estimation.
     */
    final class Eval {
        private final double[] w = p == 1 ? new double[k] : null;
        double mu;
        double sumW;
        double sumW2;
        double rss;
        double yppy;
        double trP;
        double trPP;

        /** Evaluates at tau² (all quantities, traces included). */
        Eval at(double tau2) {
            if (p != 1) {
                Weighted x = MetaModel.this.at(tau2, true);
                mu = Double.NaN;
                sumW = x.sumW();
                sumW2 = x.sumW2();
                rss = x.rss();
                yppy = x.yppy();
                trP = x.trP();
                trPP = x.trPP();
                return this;
            }
            double sw = 0;
            double swy = 0;
            double sw2 = 0;
            int big = 0;
            for (int i = 0; i < k; i++) {
                double wi = 1.0 / (v[i] + tau2);
                w[i] = wi;
                sw += wi;
                swy += wi * y[i];
                sw2 += wi * wi;
                if (wi > w[big]) {
                    big = i;
                }
            }
            // The weighted mean as the heaviest study's effect plus the weighted mean deviation of the
            // others, and the residual sums in a second pass (not from Σwy² − (Σwy)²/Σw, which loses digits
            // when the mean is large). The heaviest study's w r is −Σ_j≠big w_j r_j (the weighted residuals
            // sum to zero): computed from its own residual, which is at the level of rounding of the mean,
            // times a weight that can be 1e200, it would be noise or overflow.
            double yBig = y[big];
            double dev = 0;
            for (int i = 0; i < k; i++) {
                if (i != big) {
                    dev += w[i] / sw * (y[i] - yBig);
                }
            }
            mu = yBig + dev;
            // The traces from their elements, P_ii = w_i (Σw − w_i) / Σw and P_ij = −w_i w_j / Σw, as
            // metafor's k-by-k P: tr(P) = Σ P_ii and tr(PP) = Σ P_ii² + Σ_i Σ_j≠i P_ij². Sums of powers
            // (Σw − Σw²/Σw, Σw² − 2Σw³/Σw + (Σw²/Σw)²) cancel catastrophically when one study holds
            // nearly all the weight (a sampling variance of 1e-10 beside ones of 0.1 left tr(PP) at 0 or
            // below, and Fisher scoring took infinite steps). Here only Σw − w_i can cancel, and only
            // for the heaviest study, whose Σ_j≠i w_j is summed directly.
            double r2 = 0;
            double ypp = 0;
            double wrSum = 0;
            double tp = 0;
            double diag2 = 0;
            double q2 = 0;
            double a = 0;
            double b = 0;
            double others = 0;
            for (int i = 0; i < k; i++) {
                double wi = w[i];
                double qi = wi / sw;
                q2 += qi * qi;
                if (i != big) {
                    double ri = y[i] - mu;
                    double wr = wi * ri;
                    wrSum += wr;
                    r2 += wr * ri;
                    ypp += wr * wr;
                    double pii = qi * (sw - wi);
                    tp += pii;
                    diag2 += pii * pii;
                    double wi2 = wi * wi;
                    a += wi2;
                    b += wi2 * qi * qi;
                    others += wi;
                }
            }
            r2 += wrSum * (wrSum / w[big]);
            ypp += wrSum * wrSum;
            double qBig = w[big] / sw;
            double pBig = qBig * others;
            sumW = sw;
            sumW2 = sw2;
            rss = r2;
            yppy = ypp;
            trP = tp + pBig;
            // Σ_i≠big w_i² Σ_j≠i q_j² = q2 a − b (q2 ≥ 2 q_i² there, so at most one digit cancels), and
            // for the heaviest study Σ_j≠big (w_big w_j / Σw)² = q_big² a
            trPP = diag2 + pBig * pBig + (q2 * a - b) + qBig * qBig * a;
            return this;
        }
    }

    /** A reusable evaluator for iterative estimation (see {@link Eval}). */
    Eval evaluator() {
        return new Eval();
    }

    /** The design matrix is not of full rank (for example a moderator constant across studies). */
    public static final class SingularDesignException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SingularDesignException() {
            super("the moderators are collinear or constant: the model cannot be fitted");
        }
    }

    /**
     * The weighted fit at one value of tau².
     *
     * @param tau2  the between-study variance used
     * @param beta  the coefficients
     * @param vb    (X'WX)⁻¹, the unscaled covariance of the coefficients
     * @param rss   Y'PY = Σ w r², the generalised Q statistic
     * @param sumW  Σw
     * @param sumW2 Σw²
     * @param trP   tr(P)
     * @param trPP  tr(PP)
     * @param yppy  Y'PPY = Σ w² r²
     */
    public record Weighted(double tau2, double[] beta, double[][] vb, double rss, double sumW, double sumW2,
                           double trP, double trPP, double yppy) {
    }
}
