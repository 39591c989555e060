package org.strokemeta.pool;

import java.util.Arrays;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The weighted linear model behind every inverse-variance meta-analysis: effects {@code y} with
 * sampling variances {@code v}, a design matrix with an intercept (and optional moderators), and the
 * marginal variances {@code v + tau2}.
 *
 * <p>Everything the tau² estimators and tests need is computed in O(k p²), never from k-by-k
 * matrices: with {@code W = diag(1/(v+tau2))}, {@code A = X'WX} and the projection
 * {@code P = W - W X A⁻¹ X' W} (Viechtbauer 2005, J Educ Behav Stat 30:261; metafor's rma.uni), the
 * estimators need tr(P), tr(PP), Y'PY = Σ w r² and Y'PPY = Σ w² r², where r are the weighted
 * least-squares residuals. They are computed from P's elements, never from sums of powers of the
 * weights, which cancel when one study holds nearly all the weight: in closed form for the
 * intercept-only model ({@link Eval}), and from the QR decomposition of the weighted design with
 * moderators ({@link Workspace}). So one meta-analysis of a million studies needs memory linear in k
 * and time linear per iteration.
 */
public final class MetaModel implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** The effects, one per study (on the analysis scale). */
    private final double[] y;
    /** The sampling variances, one per study. */
    private final double[] v;
    /** Moderator columns (without the intercept); empty for an intercept-only model. */
    private final double[][] mods;
    /** Coefficient names: "intercept" then the moderators. */
    private final List<String> names;
    /** User weights (metafor's {@code weights=}), one per study, or null for none. */
    private final double[] userWeights;
    /** The number of studies. */
    private final int k;
    /** The number of coefficients, the intercept included. */
    private final int p;

    private MetaModel(double[] y, double[] v, double[][] mods, List<String> names) {
        this(y, v, mods, names, null);
    }

    private MetaModel(double[] y, double[] v, double[][] mods, List<String> names, double[] userWeights) {
        if (userWeights != null && userWeights.length != y.length) {
            throw new IllegalArgumentException("the weights differ in length from y");
        }
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
        this.userWeights = userWeights;
        this.k = y.length;
        this.p = mods.length + 1;
    }

    /**
     * The intercept-only model (the ordinary meta-analysis); the arrays are copied.
     *
     * @param y the effects, one per study (log scale for ratio measures)
     * @param v their sampling variances (variances, not standard errors)
     * @return a model with one coefficient, the pooled effect
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public static MetaModel interceptOnly(double[] y, double[] v) {
        return new MetaModel(y.clone(), v.clone(), new double[0][], List.of("intercept"));
    }

    /** The intercept-only model over arrays the caller made for it and no longer changes (no copy). */
    static MetaModel interceptOnlyOwning(double[] y, double[] v) {
        return new MetaModel(y, v, new double[0][], List.of("intercept"));
    }

    /**
     * A meta-regression: an intercept plus the given moderator columns; the arrays are copied.
     *
     * @param y        the effects, one per study
     * @param v        their sampling variances
     * @param modNames the moderators' names, one per column
     * @param mods     the moderator columns, {@code mods[j][i]} for moderator j at study i
     * @return a model with an intercept and one coefficient per moderator
     * @throws IllegalArgumentException if the names and columns differ in number or a column's length is not k
     */
    public static MetaModel withModerators(double[] y, double[] v, List<String> modNames, double[][] mods) {
        if (modNames.size() != mods.length) {
            throw new IllegalArgumentException("names and moderators differ in number");
        }
        String[] all = new String[mods.length + 1];
        all[0] = "intercept";
        for (int j = 0; j < mods.length; j++) {
            all[j + 1] = modNames.get(j);
        }
        double[][] m = new double[mods.length][];
        for (int j = 0; j < mods.length; j++) {
            m[j] = mods[j].clone();
        }
        return new MetaModel(y.clone(), v.clone(), m, Arrays.asList(all));
    }

    /**
     * The same design with other effects (used by permutation tests); the array is copied.
     *
     * @param newY the new effects, one per study
     * @return a model with {@code newY}, the same variances and moderators
     */
    public MetaModel withY(double[] newY) {
        return new MetaModel(newY.clone(), v, mods, names, userWeights);
    }

    /**
     * The same effects and variances with the moderator rows permuted: row i takes the moderators of row perm[i].
     *
     * @param perm a permutation of 0..k−1
     * @return the permuted model
     */
    public MetaModel withPermutedModerators(int[] perm) {
        double[][] pm = new double[mods.length][k];
        for (int j = 0; j < mods.length; j++) {
            for (int i = 0; i < k; i++) {
                pm[j][i] = mods[j][perm[i]];
            }
        }
        return new MetaModel(y, v, pm, names, userWeights);
    }

    /**
     * The same model with user weights (metafor's {@code weights=}); the array is copied. They enter the
     * estimate of the coefficients when the options ask for them ({@link MetaOptions#weights()}) and the GENQ
     * and GENQM estimators of tau².
     *
     * @param a the weights, one per study: finite, at least 0, not all 0
     * @return the model with those weights
     * @throws IllegalArgumentException if a weight is negative or not finite, all are 0, or their number is not k
     */
    public MetaModel withUserWeights(double[] a) {
        boolean positive = false;
        for (double x : a) {
            if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("a weight must be a finite number of at least 0 (got " + x + ")");
            }
            positive |= x > 0;
        }
        if (!positive) {
            throw new IllegalArgumentException("every weight is 0: nothing can be estimated");
        }
        return new MetaModel(y, v, mods, names, a.clone());
    }

    /**
     * The user weights (a copy), or null when the model has none.
     *
     * @return the weights, or null
     */
    public double[] userWeights() {
        return userWeights == null ? null : userWeights.clone();
    }

    /** The user weights themselves (null for none), for this package's code that only reads them. */
    double[] userWeightsView() {
        return userWeights;
    }

    /**
     * The number of studies.
     *
     * @return k
     */
    public int k() {
        return k;
    }

    /**
     * The number of coefficients, the intercept included.
     *
     * @return p = 1 + the number of moderators
     */
    public int p() {
        return p;
    }

    /**
     * The effects (a copy).
     *
     * @return a copy of the effects
     */
    public double[] y() {
        return y.clone();
    }

    /**
     * The sampling variances (a copy).
     *
     * @return a copy of the sampling variances
     */
    public double[] v() {
        return v.clone();
    }

    /** The effects themselves, for this package's code that only reads them. */
    double[] yView() {
        return y;
    }

    /**
     * The effect of study {@code i}, without a copy.
     *
     * @param i the 0-based study
     * @return its effect
     */
    public double y(int i) {
        return y[i];
    }

    /**
     * The sampling variance of study {@code i}, without a copy.
     *
     * @param i the 0-based study
     * @return its sampling variance
     */
    public double v(int i) {
        return v[i];
    }

    /** Equal when the effects, variances, moderators and names are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof MetaModel m && Arrays.equals(y, m.y) && Arrays.equals(v, m.v)
                && Arrays.deepEquals(mods, m.mods) && names.equals(m.names) && Arrays.equals(userWeights, m.userWeights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * Arrays.hashCode(y) + Arrays.hashCode(v)) + Arrays.deepHashCode(mods)) + names.hashCode()
                + 31 * 31 * 31 * 31 * Arrays.hashCode(userWeights);
    }

    @Override
    public String toString() {
        return "MetaModel[k=" + k + ", names=" + names + ", y=" + Arrays.toString(y) + ", v=" + Arrays.toString(v)
                + (mods.length == 0 ? "" : ", moderators=" + Arrays.deepToString(mods))
                + (userWeights == null ? "" : ", weights=" + Arrays.toString(userWeights)) + "]";
    }

    /**
     * Coefficient names: "intercept" then the moderators.
     *
     * @return an immutable list of p names
     */
    public List<String> names() {
        return names;
    }

    /**
     * True for the ordinary meta-analysis, without moderators.
     *
     * @return whether p is 1
     */
    public boolean isInterceptOnly() {
        return p == 1;
    }

    /**
     * Value of design column j at row i (column 0 is the intercept).
     *
     * @param i the 0-based study
     * @param j the 0-based column, 0 for the intercept
     * @return 1 for j = 0, else moderator j − 1 of study i
     */
    public double x(int i, int j) {
        return j == 0 ? 1.0 : mods[j - 1][i];
    }

    /**
     * The weighted least-squares fit with weights 1/(v + tau2), and the quantities of P.
     *
     * @param tau2   the between-study variance
     * @param traces also compute tr(P), tr(PP) and Y'PPY (needed by ML, REML and DL)
     * @return the coefficients, their covariance (X'WX)⁻¹ and the sums the tau² estimators use
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
        return new Workspace().fit(tau2, traces);
    }

    /**
     * The weighted fit of a model with moderators, from the Householder QR decomposition of the
     * weighted design [W^½X | W^½y] (EJML), never from X'WX: X'WX squares the condition of the problem,
     * and the traces of P written as sums of powers of the weights (Σw² − 2 tr(A⁻¹X'W³X) + ...) cancel
     * catastrophically when one study holds nearly all the weight (a sampling variance of 1e-10 gave
     * a REML tau² of 0.67 for metafor's 0.86, and one of 1e-300 cannot be written as X'WX at all).
     *
     * <p>With R the triangular factor of the weighted design, q_i = R⁻ᵀ w_i^½ x_i and h_i = |q_i|² the
     * leverage of study i, P = W^½ (I − QQ') W^½ has P_ii = w_i (1 − h_i) and P_ij = −(w_i w_j)^½ q_i'q_j.
     * For the studies with h_i ≤ ½ (all but fewer than 2p of them, since Σh = p) these give
     * tr(P) = Σ w_i (1 − h_i) and the part of tr(PP) over pairs of them,
     * Σ w_i² (1 − 2h_i) + |Σ w_i q_i q_i'|²_F, a sum of non-negative terms. For a study b with h_b > ½,
     * 1 − h_b would cancel, so its row of P is computed from the fit without it (Sherman and Morrison
     * 1950): with A₍b₎ = X'WX without b, g = A₍b₎⁻¹x_b and c = x_b'g, P_bb = w_b / (1 + w_b c),
     * P_bj = −P_bb w_j x_j'g and (Py)_b = w_b r_b = P_bb (y_b − x_b'β₍b₎). Q = Y'PY is the square of
     * the last diagonal element of the augmented factor. The cost stays O(k p²) per evaluation, with
     * O(k p²) more for each of the (rare) studies of leverage above ½.
     */
    private final class Workspace {
        private final int cols = p + 1;
        private final DMatrixRMaj aug = new DMatrixRMaj(k, cols);
        private final QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(k, cols);
        private final DMatrixRMaj r = new DMatrixRMaj(cols, cols);
        private final double[] w = new double[k];
        private final double[] xi = new double[p];
        private final double[] qi = new double[p];
        private DMatrixRMaj loo;
        private QRDecomposition<DMatrixRMaj> looQr;
        private double logDet;

        /** Fills the weighted design and decomposes it (log|X'WX| on the way). */
        private void decompose(double tau2) {
            double[] a = aug.data;
            for (int i = 0; i < k; i++) {
                double wi = 1.0 / (v[i] + tau2);
                w[i] = wi;
                double s = Math.sqrt(wi);
                int o = i * cols;
                a[o] = s;
                for (int j = 1; j < p; j++) {
                    a[o + j] = s * mods[j - 1][i];
                }
                a[o + p] = s * y[i];
            }
            if (!qr.decompose(aug)) {
                throw new SingularDesignException();
            }
            qr.getR(r, true);
            double ld = 0;
            for (int j = 0; j < p; j++) {
                double d = Math.abs(r.get(j, j));
                if (!(d > 0) || !Double.isFinite(d)) {
                    throw new SingularDesignException();
                }
                ld += Math.log(d);
            }
            logDet = 2 * ld;
        }

        /** log|X'WX| = 2 Σ log|R_jj|. */
        double logDet(double tau2) {
            decompose(tau2);
            return logDet;
        }

        Weighted fit(double tau2, boolean traces) {
            decompose(tau2);
            Factor f = factor(r);
            if (f == null) {
                throw new SingularDesignException();
            }
            // with as many studies as coefficients (a saturated fixed-effect model, as metafor fits it with
            // QE on 0 df) the compact R has p rows: the residual is 0
            double rho = r.numRows > p ? r.get(p, p) : 0;
            double rss = rho * rho;
            double sw = 0;
            double sw2 = 0;
            for (double wi : w) {
                sw += wi;
                sw2 += wi * wi;
            }
            DMatrixRMaj vb = new DMatrixRMaj(p, p);
            CommonOps_DDRM.multTransA(f.linv, f.linv, vb);
            double[][] vbArr = new double[p][p];
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    vbArr[a][b] = vb.get(a, b);
                }
            }
            if (!traces) {
                return new Weighted(tau2, f.beta, vbArr, rss, sw, sw2, Double.NaN, Double.NaN, Double.NaN);
            }
            double trP = 0;
            double ypp = 0;
            double pairs = 0;
            DMatrixRMaj s = new DMatrixRMaj(p, p);
            int[] heavy = new int[2 * p];
            int nHeavy = 0;
            for (int i = 0; i < k; i++) {
                double h = leverage(f.linv, i);
                if (h > 0.5) {
                    if (nHeavy == heavy.length) {
                        heavy = Arrays.copyOf(heavy, 2 * nHeavy);
                    }
                    heavy[nHeavy++] = i;
                    continue;
                }
                double wi = w[i];
                double ui = wi * (y[i] - fitted(i, f.beta));
                trP += wi * (1 - h);
                ypp += ui * ui;
                pairs += wi * wi * (1 - 2 * h);
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < p; b++) {
                        s.data[a * p + b] += wi * qi[a] * qi[b];
                    }
                }
            }
            double frob = CommonOps_DDRM.elementSumAbs(CommonOps_DDRM.elementMult(s, s, null));
            double trPP = pairs + frob;
            for (int n = 0; n < nHeavy; n++) {
                int b = heavy[n];
                Row row = leaveOut(b);
                trP += row.pbb;
                double ub = row.pbb * row.deleted;
                ypp += ub * ub;
                double light = 0;
                double others = 0;
                for (int j = 0; j < k; j++) {
                    if (j == b) {
                        continue;
                    }
                    double t = w[j] * fitted(j, row.g);
                    if (isHeavy(heavy, nHeavy, j)) {
                        others += t * t;
                    } else {
                        light += t * t;
                    }
                }
                trPP += row.pbb * row.pbb * (1 + others + 2 * light);
            }
            return new Weighted(tau2, f.beta, vbArr, rss, sw, sw2, trP, trPP, ypp);
        }

        /** h_i = |R⁻ᵀ w_i^½ x_i|², leaving q_i in {@link #qi}; R⁻ᵀ is lower triangular. */
        private double leverage(DMatrixRMaj linv, int i) {
            double s = Math.sqrt(w[i]);
            for (int j = 0; j < p; j++) {
                xi[j] = s * x(i, j);
            }
            double h = 0;
            for (int a = 0; a < p; a++) {
                double q = 0;
                for (int c = 0; c <= a; c++) {
                    q += linv.data[a * p + c] * xi[c];
                }
                qi[a] = q;
                h += q * q;
            }
            return h;
        }

        /** x_i'b. */
        private double fitted(int i, double[] beta) {
            double f = 0;
            for (int j = 0; j < p; j++) {
                f += x(i, j) * beta[j];
            }
            return f;
        }

        private static boolean isHeavy(int[] heavy, int n, int j) {
            for (int m = 0; m < n; m++) {
                if (heavy[m] == j) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Study b's part of P from the fit without it: P_bb, g = A₍b₎⁻¹x_b and the deleted residual
         * y_b − x_b'β₍b₎. When the other studies cannot identify the coefficients (x_b alone carries a
         * column), h_b = 1 and row b of P is zero.
         */
        private Row leaveOut(int b) {
            if (loo == null) {
                loo = new DMatrixRMaj(k - 1, cols);
                looQr = DecompositionFactory_DDRM.qr(k - 1, cols);
            }
            System.arraycopy(aug.data, 0, loo.data, 0, b * cols);
            System.arraycopy(aug.data, (b + 1) * cols, loo.data, b * cols, (k - 1 - b) * cols);
            Factor f = null;
            if (looQr.decompose(loo)) {
                f = factor(looQr.getR(null, true));
            }
            if (f == null) {
                return new Row(0, 0, new double[p]);
            }
            double[] xb = new double[p];
            for (int j = 0; j < p; j++) {
                xb[j] = x(b, j);
            }
            // g = R⁻¹R⁻ᵀ x_b, c = |R⁻ᵀ x_b|²
            DMatrixRMaj t = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.mult(f.linv, DMatrixRMaj.wrap(p, 1, xb), t);
            DMatrixRMaj g = new DMatrixRMaj(p, 1);
            CommonOps_DDRM.multTransA(f.linv, t, g);
            double c = CommonOps_DDRM.dot(t, t);
            double pbb = 1.0 / (1.0 / w[b] + c);
            double deleted = y[b] - fitted(b, f.beta);
            if (!Double.isFinite(pbb) || !Double.isFinite(deleted)) {
                return new Row(0, 0, new double[p]);
            }
            return new Row(pbb, deleted, g.data);
        }

        /**
         * R⁻ᵀ and the coefficients R⁻¹z from an augmented factor [[R, z], [0, ρ]]; null when R is
         * singular or its inverse is not finite.
         */
        private Factor factor(DMatrixRMaj aug) {
            DMatrixRMaj lower = new DMatrixRMaj(p, p);
            DMatrixRMaj upper = new DMatrixRMaj(p, p);
            double[] z = new double[p];
            for (int a = 0; a < p; a++) {
                double d = aug.get(a, a);
                if (!(Math.abs(d) > 0) || !Double.isFinite(d)) {
                    return null;
                }
                z[a] = aug.get(a, p);
                for (int b = a; b < p; b++) {
                    upper.set(a, b, aug.get(a, b));
                    lower.set(b, a, aug.get(a, b));
                }
            }
            TriangularSolver_DDRM.invertLower(lower.data, p);
            TriangularSolver_DDRM.solveU(upper.data, z, p);
            for (double e : lower.data) {
                if (!Double.isFinite(e)) {
                    return null;
                }
            }
            for (double e : z) {
                if (!Double.isFinite(e)) {
                    return null;
                }
            }
            return new Factor(lower, z);
        }
    }

    /** R⁻ᵀ (lower triangular) and the coefficients of a QR factor. */
    private record Factor(DMatrixRMaj linv, double[] beta) {
    }

    /** Study b's row of P (see {@link Workspace#leaveOut}). */
    private record Row(double pbb, double deleted, double[] g) {
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
        // from the triangular factor of the weighted design: det(X'WX) itself can overflow or lose digits
        return new Workspace().logDet(tau2);
    }

    /**
     * A reusable evaluation of the weighted fit for the iterative estimators, which evaluate the
     * model dozens of times per analysis: for the intercept-only model it keeps one weight array and
     * allocates nothing per evaluation. Not thread-safe: one per estimation.
     */
    final class Eval {
        private final double[] w = p == 1 ? new double[k] : null;
        private final double vMin = p == 1 ? minVariance() : Double.NaN;
        private final Workspace general = p == 1 ? null : new Workspace();
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
                Weighted x = general.fit(tau2, true);
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
            double sw3 = 0;
            // the heaviest weight is the smallest sampling variance's (no running maximum in this loop: a
            // max reduction here makes this JDK's optimising compiler fail)
            double wMax = 1.0 / (vMin + tau2);
            for (int i = 0; i < k; i++) {
                double wi = 1.0 / (v[i] + tau2);
                w[i] = wi;
                sw += wi;
                swy += wi * y[i];
                double w2 = wi * wi;
                sw2 += w2;
                sw3 += w2 * wi;
            }
            if (wMax <= 0.5 * sw) {
                // No study holds more than half the weight: the sums of powers lose at most a bit or two
                // (tr(P) ≥ Σw/2 and tr(PP) ≥ Σ P_ii² ≥ Σw²/4), so the short form is exact to rounding.
                // One division per study; the residual sums are taken around the weighted mean in a second
                // pass (not from Σwy² − (Σwy)²/Σw, which loses digits when the mean is large).
                mu = swy / sw;
                double r2 = 0;
                double ypp = 0;
                for (int i = 0; i < k; i++) {
                    double wr = w[i] * (y[i] - mu);
                    r2 += wr * (y[i] - mu);
                    ypp += wr * wr;
                }
                double b = sw2 / sw;
                sumW = sw;
                sumW2 = sw2;
                rss = r2;
                yppy = ypp;
                trP = sw - b;
                trPP = sw2 - 2 * sw3 / sw + b * b;
                return this;
            }
            return dominated(sw, sw2);
        }

        /**
         * The careful form for when one study holds more than half the weight (see the comments
         * inside); kept out of {@link #at} so that the common loop stays small for the compiler.
         */
        private Eval dominated(double sw, double sw2) {
            int big = 0;
            for (int i = 1; i < k; i++) {
                if (w[i] > w[big]) {
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

    /** The smallest sampling variance, computed on first use (NaN until then). */
    private double vMinCache = Double.NaN;

    /** The smallest sampling variance (computed once: evaluators are made afresh by many callers). */
    private double minVariance() {
        if (Double.isNaN(vMinCache)) {
            double m = Double.POSITIVE_INFINITY;
            for (double e : v) {
                if (e < m) {
                    m = e;
                }
            }
            vMinCache = m;
        }
        return vMinCache;
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
     * @serial exclude
     */
    public record Weighted(double tau2, double[] beta, double[][] vb, double rss, double sumW, double sumW2,
                           double trP, double trPP, double yppy) implements java.io.Serializable {
        /**
         * Copies the arrays.
         *
         * @param tau2 the between-study variance used
         * @param beta the coefficients
         * @param vb (X'WX)⁻¹, the unscaled covariance of the coefficients
         * @param rss Y'PY = Σ w r², the generalised Q statistic
         * @param sumW Σw
         * @param sumW2 Σw²
         * @param trP tr(P)
         * @param trPP tr(PP)
         * @param yppy Y'PPY = Σ w² r²
         */
        public Weighted {
            beta = beta.clone();
            vb = deepCopy(vb);
        }

        /**
         * The {@code beta} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code beta}
         */
        @Override
        public double[] beta() {
            return beta.clone();
        }

        /** The coefficients themselves, for this package's code that only reads them. */
        double[] betaView() {
            return beta;
        }

        /**
         * Element {@code i} of {@link #beta()}, without a copy.
         *
         * @param i the 0-based position
         * @return {@code beta()[i]}
         */
        public double beta(int i) {
            return beta[i];
        }

        /**
         * The {@code vb} component, as a copy (the record cannot be changed through it).
         *
         * @return a fresh copy of {@code vb}
         */
        @Override
        public double[][] vb() {
            return deepCopy(vb);
        }

        /**
         * Element ({@code i}, {@code j}) of {@link #vb()}, without a copy.
         *
         * @param i the 0-based row
         * @param j the 0-based column
         * @return {@code vb()[i][j]}
         */
        public double vb(int i, int j) {
            return vb[i][j];
        }

        private static double[][] deepCopy(double[][] x) {
            if (x == null) {
                return null;
            }
            double[][] o = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                o[i] = x[i] == null ? null : x[i].clone();
            }
            return o;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Weighted r
                    && Double.compare(tau2, r.tau2) == 0
                    && java.util.Arrays.equals(beta, r.beta)
                    && java.util.Arrays.deepEquals(vb, r.vb)
                    && Double.compare(rss, r.rss) == 0
                    && Double.compare(sumW, r.sumW) == 0
                    && Double.compare(sumW2, r.sumW2) == 0
                    && Double.compare(trP, r.trP) == 0
                    && Double.compare(trPP, r.trPP) == 0
                    && Double.compare(yppy, r.yppy) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(tau2, java.util.Arrays.hashCode(beta),
                    java.util.Arrays.deepHashCode(vb), rss, sumW, sumW2, trP, trPP, yppy);
        }

        @Override
        public String toString() {
            return "Weighted[tau2=" + tau2 + ", beta=" + java.util.Arrays.toString(beta) + ", vb="
                    + java.util.Arrays.deepToString(vb) + ", rss=" + rss + ", sumW=" + sumW + ", sumW2=" + sumW2
                    + ", trP=" + trP + ", trPP=" + trPP + ", yppy=" + yppy + "]";
        }

    }
}
