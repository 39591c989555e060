package org.strokemeta.bias;

import java.util.Arrays;
import java.util.Locale;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.FitControl;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.Tau2Method;

/**
 * Selection models for publication bias (metafor's {@code selmodel()}; the step function, with the one-sided
 * alternative "greater", metafor's default), fitted by maximum likelihood to a
 * random-effects model without moderators: each study is published with a probability w(p) that depends on
 * the p-value of its one-sided test (alternative "greater": p = 1 − Φ(y/√v)), and the likelihood of study i
 * is w(p_i) φ(y_i; μ, v_i + τ²) / A_i with A_i = E[w(p(Y))] under Y ~ N(μ, v_i + τ²).
 *
 * <ul>
 * <li>{@link Type#STEP} (Hedges 1992, Stat Sci 7:246; Vevea and Hedges 1995, Psychometrika 60:419): w is constant
 * between the cut-points of p (steps), 1 in the first interval and δ_j in the others; A_i in closed form.
 * <li>{@link Type#BETA} (Citkowicz and Vevea 2017, Psychol Methods 22:28): w(p) = p^(δ1−1) (1 − p)^(δ2−1), p kept in
 * [1e-5, 1 − 1e-5] as metafor does; A_i by adaptive Gauss-Kronrod quadrature between the effects at which p reaches
 * those bounds, and in closed form beyond them (where w is constant); no selection is δ1 = δ2 = 1.
 * <li>{@link Type#HALFNORM}, {@link Type#NEGEXP}, {@link Type#LOGISTIC}, {@link Type#POWER} (Preston, Ashby and Smyth
 * 2004, Biometrics 60:1145; metafor's one-parameter functions without a step): w(p) = exp(−δp²), exp(−δp),
 * 2exp(−δp)/(1 + exp(−δp)), (1 − p)^δ (p kept in [1e-5, 1 − 1e-5] for the power function, as metafor); no selection
 * is δ = 0; A_i by quadrature as for the beta model.
 * </ul>
 * The maximum is found by Newton's method with step halving on (μ, log τ², log δ) from the ML random-effects
 * fit (δ = 1), with gradient and Hessian by fourth-order central differences;
 * standard errors from the inverse of the negative Hessian on the original scale of (μ, τ², δ) (metafor's
 * default), the selection tested by the likelihood-ratio test against the model without selection
 * (δ at its value of no selection: 1).
 */
public final class SelectionModel {
    private SelectionModel() {
    }

    /** The form of the selection function. */
    public enum Type {
        /** A step function of the p-value with the given cut-points. */
        STEP(0, false, 1),
        /** The beta density of the p-value: p^(δ1−1) (1 − p)^(δ2−1). */
        BETA(2, true, 1),
        /** The half-normal function exp(−δ p²) (Preston, Ashby and Smyth 2004). */
        HALFNORM(1, false, 0),
        /** The negative-exponential function exp(−δ p). */
        NEGEXP(1, false, 0),
        /** The logistic function 2 exp(−δ p) / (1 + exp(−δ p)). */
        LOGISTIC(1, false, 0),
        /** The power function (1 − p)^δ. */
        POWER(1, true, 0);

        /** The number of selection parameters of a continuous function (0 for the step function: one per interval). */
        private final int parameters;
        /** Whether p is kept in [PVAL_MIN, 1 − PVAL_MIN] (metafor's pval.min). */
        private final boolean clamped;
        /** The value of every selection parameter that means no selection. */
        private final double none;

        Type(int parameters, boolean clamped, double none) {
            this.parameters = parameters;
            this.clamped = clamped;
            this.none = none;
        }

        /** log w(p) of a continuous function, its parameters at d[from..]. */
        double logW(double p, double[] d, int from) {
            return switch (this) {
                case BETA -> (d[from] - 1) * Math.log(p) + (d[from + 1] - 1) * Math.log1p(-p);
                case HALFNORM -> -d[from] * p * p;
                case NEGEXP -> -d[from] * p;
                case LOGISTIC -> Math.log(2) - d[from] * p - Math.log1p(Math.exp(-d[from] * p));
                case POWER -> d[from] * Math.log1p(-p);
                case STEP -> throw new IllegalStateException();
            };
        }

        /**
         * Parses "step", "stepfun", "beta", "halfnorm", "negexp", "logistic" or "power".
         *
         * @param s the name
         * @return the type
         * @throws IllegalArgumentException for another name
         */
        public static Type parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "step", "stepfun" -> STEP;
                case "beta" -> BETA;
                case "halfnorm" -> HALFNORM;
                case "negexp" -> NEGEXP;
                case "logistic" -> LOGISTIC;
                case "power" -> POWER;
                default -> throw new IllegalArgumentException("unknown selection model '" + s
                        + "' (expected step, beta, halfnorm, negexp, logistic or power)");
            };
        }
    }

    /**
     * The fitted selection model.
     *
     * @param type        the selection function
     * @param steps       the cut-points of the p-value (the last is 1); empty for the beta model
     * @param k           the number of studies
     * @param perInterval the studies per interval of the p-value (step function)
     * @param estimate    μ
     * @param se          its standard error
     * @param z           Wald statistic
     * @param p           two-sided p-value
     * @param ciLower     lower confidence limit
     * @param ciUpper     upper confidence limit
     * @param tau2        τ²
     * @param tau2Se      its standard error
     * @param delta       the selection parameters: step function δ1 = 1 (fixed), then δ2.. of the later intervals; beta δ1, δ2
     * @param deltaSe     their standard errors (NaN for the fixed δ1 of the step function)
     * @param logLik      the maximised log-likelihood
     * @param lrt         the likelihood-ratio statistic against no selection
     * @param lrtDf       its degrees of freedom
     * @param lrtP        its p-value
     * @param level       the confidence level
     * @param iterations  Newton iterations used
     * @param converged   whether the maximum was reached
     * @param less        true when the one-sided tests look for effects below 0 (metafor's alternative "less")
     * @serial exclude
     */
    public record Result(Type type, double[] steps, int k, int[] perInterval, double estimate, double se, double z, double p,
                         double ciLower, double ciUpper, double tau2, double tau2Se, double[] delta, double[] deltaSe, double logLik,
                         double lrt, int lrtDf, double lrtP, double level, int iterations, boolean converged, boolean less)
            implements java.io.Serializable {
    }

    private static final int MAX_ITER = 500;
    /** The p-value bounds of the beta selection function (metafor's pval.min). */
    static final double PVAL_MIN = 1e-5;

    /**
     * Fits a selection model to effects without moderators.
     *
     * @param yi    the effects
     * @param vi    their sampling variances (positive)
     * @param type  the selection function
     * @param steps the cut-points of the one-sided p-value in (0, 1] (sorted; 1 is added); ignored by the beta model
     * @param level the confidence level
     * @return the fit
     * @throws IllegalArgumentException with fewer than three studies, a non-positive variance, cut-points outside (0, 1),
     *         or an interval of the step function without studies (its δ cannot be estimated)
     */
    public static Result fit(double[] yi, double[] vi, Type type, double[] steps, double level) {
        return fit(yi, vi, type, steps, level, false);
    }

    /**
     * Fits a selection model whose one-sided tests look at either direction.
     *
     * @param yi    the effects
     * @param vi    their sampling variances (positive)
     * @param type  the selection function
     * @param steps the cut-points of the one-sided p-value in (0, 1] (sorted; 1 is added)
     * @param level the confidence level
     * @param less  true for the alternative "less" (p = Φ(y/√v): selection favours effects below 0), false for "greater"
     * @return the fit
     * @throws IllegalArgumentException as {@link #fit(double[], double[], Type, double[], double)}
     */
    public static Result fit(double[] yi, double[] vi, Type type, double[] steps, double level, boolean less) {
        if (less) {
            // metafor's alternative "less" is "greater" for the negated effects
            double[] neg = new double[yi.length];
            for (int i = 0; i < neg.length; i++) {
                neg[i] = -yi[i];
            }
            Result r = fit(neg, vi, type, steps, level, false);
            return new Result(r.type(), r.steps(), r.k(), r.perInterval(), -r.estimate(), r.se(), -r.z(), r.p(), -r.ciUpper(), -r.ciLower(),
                    r.tau2(), r.tau2Se(), r.delta(), r.deltaSe(), r.logLik(), r.lrt(), r.lrtDf(), r.lrtP(), r.level(), r.iterations(),
                    r.converged(), true);
        }
        int k = yi.length;
        if (k < 3 || vi.length != k) {
            throw new IllegalArgumentException("a selection model needs at least three studies");
        }
        for (double v : vi) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("a selection model needs positive sampling variances");
            }
        }
        double[] cuts = new double[0];
        int[] group = new int[k];
        int[] counts = new int[0];
        double[] pv = new double[k];
        for (int i = 0; i < k; i++) {
            pv[i] = Dist.normalSurvival(yi[i] / Math.sqrt(vi[i]));
        }
        int deltas;
        if (type != Type.STEP) {
            if (type.clamped) {
                for (int i = 0; i < k; i++) {
                    pv[i] = Math.min(Math.max(pv[i], PVAL_MIN), 1 - PVAL_MIN);
                }
            }
            deltas = type.parameters;
        } else {
            double[] s = Arrays.stream(steps).sorted().distinct().toArray();
            for (double x : s) {
                if (!(x > 0 && x <= 1)) {
                    throw new IllegalArgumentException("the cut-points of the step function must lie in (0, 1] (got " + x + ")");
                }
            }
            if (s.length == 0 || s[s.length - 1] != 1) {
                s = Arrays.copyOf(s, s.length + 1);
                s[s.length - 1] = 1;
            }
            if (s.length < 2) {
                throw new IllegalArgumentException("the step function needs at least one cut-point below 1");
            }
            cuts = s;
            counts = new int[s.length];
            for (int i = 0; i < k; i++) {
                int g = 0;
                while (pv[i] > s[g]) {
                    g++;
                }
                group[i] = g;
                counts[g]++;
            }
            for (int j = 0; j < counts.length; j++) {
                if (counts[j] == 0) {
                    throw new IllegalArgumentException("no study has a p-value in (" + (j == 0 ? 0 : s[j - 1]) + ", " + s[j]
                            + "]: the selection in that interval cannot be estimated; choose other cut-points");
                }
            }
            deltas = s.length - 1;
        }
        Likelihood ll = new Likelihood(yi, vi, type, cuts, group, pv);
        // the model without selection, fitted by ML: the start and the null of the likelihood-ratio test
        org.strokemeta.pool.ModelFit ml = org.strokemeta.pool.InverseVariance.fit(MetaModel.interceptOnly(yi, vi),
                org.strokemeta.pool.MetaOptions.defaults().withTau2(Tau2Method.ML).withControl(FitControl.defaults()), false);
        double mu0 = ml.beta(0);
        double t0 = ml.heterogeneity().tau2();
        int n = 2 + deltas;
        double[] theta = new double[n];
        theta[0] = mu0;
        theta[1] = Math.log(t0 + 0.001);
        // Newton on (mu, log tau2, log delta), damped (Levenberg) where the Hessian is not negative definite
        double current = ll.transformed(theta);
        int it = 0;
        boolean converged = false;
        for (; it < MAX_ITER; it++) {
            double[] g = ll.transformedGradient(theta);
            double[][] h = ll.transformedHessian(theta);
            double scale = 0;
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(h[j][j]));
            }
            double lambda = 0;
            double[] d = null;
            for (int tries = 0; tries < 60 && d == null; tries++) {
                d = ascent(h, g, lambda);
                if (d == null) {
                    lambda = lambda == 0 ? 1e-8 * Math.max(scale, 1) : lambda * 10;
                }
            }
            if (d == null) {
                break;
            }
            double dec = 0;
            for (int j = 0; j < n; j++) {
                dec += g[j] * d[j];
            }
            double f = 1;
            double[] next = new double[n];
            double value = Double.NEGATIVE_INFINITY;
            for (int halving = 0; halving < 60; halving++) {
                for (int j = 0; j < n; j++) {
                    next[j] = theta[j] + f * d[j];
                }
                value = ll.transformed(next);
                if (value >= current - 1e-13 * Math.abs(current)) {
                    break;
                }
                f /= 2;
            }
            if (!(value >= current - 1e-13 * Math.abs(current))) {
                converged = lambda == 0 && dec < 1e-12;
                break;
            }
            double change = 0;
            for (int j = 0; j < n; j++) {
                change = Math.max(change, Math.abs(next[j] - theta[j]));
            }
            theta = next;
            current = value;
            if (lambda == 0 && (dec < 1e-18 || change < 1e-11)) {
                converged = true;
                break;
            }
        }
        double mu = theta[0];
        double tau2 = Math.exp(theta[1]);
        boolean step = type == Type.STEP;
        double[] delta = new double[step ? deltas + 1 : deltas];
        if (step) {
            delta[0] = 1;
        }
        for (int j = 0; j < deltas; j++) {
            delta[j + (step ? 1 : 0)] = Math.exp(theta[2 + j]);
        }
        double[] orig = new double[n];
        orig[0] = mu;
        orig[1] = tau2;
        for (int j = 0; j < deltas; j++) {
            orig[2 + j] = Math.exp(theta[2 + j]);
        }
        double[][] hess = ll.originalHessian(orig);
        DMatrixRMaj info = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                info.set(r, c, -hess[r][c]);
            }
        }
        boolean inverted = CommonOps_DDRM.invert(info);
        double[] se = new double[n];
        for (int j = 0; j < n; j++) {
            se[j] = inverted && info.get(j, j) > 0 ? Math.sqrt(info.get(j, j)) : Double.NaN;
        }
        double[] deltaSe = new double[delta.length];
        if (step) {
            deltaSe[0] = Double.NaN;
        }
        System.arraycopy(se, 2, deltaSe, step ? 1 : 0, deltas);
        double logLik = ll.original(orig);
        double[] none = new double[n];
        none[0] = mu0;
        none[1] = t0;
        Arrays.fill(none, 2, n, type.none);
        double lrt = Math.max(0, 2 * (logLik - ll.original(none)));
        double crit = Dist.zCrit(level);
        double z = mu / se[0];
        return new Result(type, cuts, k, counts, mu, se[0], z, Dist.pNormal2(z), mu - crit * se[0], mu + crit * se[0], tau2, se[1],
                delta, deltaSe, logLik, lrt, deltas, Dist.pChisq(lrt, deltas), level, it, converged, false);
    }

    /** The ascent direction (λI − H)⁻¹ g, null when λI − H is not positive definite. */
    private static double[] ascent(double[][] h, double[] g, double lambda) {
        int n = g.length;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                a.set(r, c, -h[r][c] + (r == c ? lambda : 0));
            }
        }
        var chol = org.ejml.dense.row.factory.DecompositionFactory_DDRM.chol(n, true);
        if (!chol.decompose(a.copy())) {
            return null;
        }
        DMatrixRMaj b = new DMatrixRMaj(n, 1, true, g);
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, b, x)) {
            return null;
        }
        return x.data.clone();
    }

    /** The log-likelihood on the original (μ, τ², δ) and the transformed (μ, log τ², log δ) scales. */
    private static final class Likelihood {
        private final double[] y;
        private final double[] v;
        private final Type type;
        private final double[] cuts;
        private final int[] group;
        private final double[] pv;

        Likelihood(double[] y, double[] v, Type type, double[] cuts, int[] group, double[] pv) {
            this.y = y;
            this.v = v;
            this.type = type;
            this.cuts = cuts;
            this.group = group;
            this.pv = pv;
        }

        /** ll at (μ, τ², δ free); δ1 = 1 for the step function. */
        double original(double[] t) {
            double mu = t[0];
            double tau2 = t[1];
            if (!(tau2 >= 0)) {
                return Double.NEGATIVE_INFINITY;
            }
            double sum = 0;
            for (int i = 0; i < y.length; i++) {
                double s = Math.sqrt(v[i] + tau2);
                double d = (y[i] - mu) / s;
                double logW;
                double a;
                if (type == Type.STEP) {
                    logW = group[i] == 0 ? 0 : Math.log(t[1 + group[i]]);
                    a = stepA(i, mu, s, t);
                } else {
                    logW = type.logW(pv[i], t, 2);
                    a = continuousA(i, mu, s, t);
                }
                sum += logW - 0.5 * d * d - Math.log(s) - 0.5 * Math.log(2 * Math.PI) - Math.log(a);
            }
            return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
        }

        /** A_i of the step function: Σ_j δ_j P(p in interval j), P from the normal tails at the cut-points' y values. */
        private double stepA(int i, double mu, double s, double[] t) {
            double se = Math.sqrt(v[i]);
            double a = 0;
            double upperPrev = 0; // P(Y > c_0) with c_0 = +∞
            for (int j = 0; j < cuts.length; j++) {
                double upper = j == cuts.length - 1 ? 1 : Dist.normalSurvival((se * zUpper(cuts[j]) - mu) / s);
                double w = j == 0 ? 1 : t[1 + j];
                a += w * (upper - upperPrev);
                upperPrev = upper;
            }
            return a;
        }

        /** The y/se at which the one-sided p-value equals q: Φ⁻¹(1 − q). */
        private static double zUpper(double q) {
            return org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).inverseSurvivalProbability(q);
        }

        /**
         * A_i of a continuous selection function: E[w(p(Y))], integrated where the normal density lives (40 of its
         * SDs); with p kept in [PVAL_MIN, 1 − PVAL_MIN], w is constant beyond the effects where p reaches the bounds and
         * those parts are in closed form.
         */
        private double continuousA(int i, double mu, double s, double[] t) {
            double se = Math.sqrt(v[i]);
            double lo = mu - 40 * s;
            double hi = mu + 40 * s;
            double tails = 0;
            if (type.clamped) {
                double yHi = se * zUpper(PVAL_MIN);
                double yLo = -yHi;
                tails = Math.exp(type.logW(PVAL_MIN, t, 2)) * Dist.normalSurvival((yHi - mu) / s)
                        + Math.exp(type.logW(1 - PVAL_MIN, t, 2)) * Dist.normalSurvival((mu - yLo) / s);
                lo = Math.max(lo, yLo);
                hi = Math.min(hi, yHi);
            }
            if (!(hi > lo)) {
                return tails;
            }
            double middle = org.strokemeta.internal.Quadrature.integrate(yv -> {
                double p = Dist.normalSurvival(yv / se);
                double zz = (yv - mu) / s;
                return Math.exp(type.logW(p, t, 2) - 0.5 * zz * zz) / (s * Math.sqrt(2 * Math.PI));
            }, lo, hi, 1e-15);
            return tails + middle;
        }

        private double[] toOriginal(double[] th) {
            double[] o = th.clone();
            for (int j = 1; j < th.length; j++) {
                o[j] = Math.exp(th[j]);
            }
            return o;
        }

        double transformed(double[] th) {
            return original(toOriginal(th));
        }

        double[] transformedGradient(double[] th) {
            return gradient(this::transformed, th, steps(th));
        }

        double[][] transformedHessian(double[] th) {
            return hessian(this::transformed, th, steps(th));
        }

        double[][] originalHessian(double[] t) {
            double[] h = new double[t.length];
            for (int j = 0; j < t.length; j++) {
                h[j] = 1e-3 * Math.max(Math.abs(t[j]), 1e-2);
            }
            return richardsonHessian(this::original, t, h);
        }

        private static double[] steps(double[] th) {
            double[] h = new double[th.length];
            for (int j = 0; j < th.length; j++) {
                h[j] = 1e-4 * Math.max(Math.abs(th[j]), 1);
            }
            return h;
        }
    }

    /** A function of a parameter vector. */
    private interface Fn {
        double at(double[] x);
    }

    private static double[] gradient(Fn f, double[] x, double[] h) {
        int n = x.length;
        double[] g = new double[n];
        for (int j = 0; j < n; j++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h[j];
            b[j] -= h[j];
            double[] a2 = x.clone();
            double[] b2 = x.clone();
            a2[j] += 2 * h[j];
            b2[j] -= 2 * h[j];
            // fourth-order central difference
            g[j] = (8 * (f.at(a) - f.at(b)) - (f.at(a2) - f.at(b2))) / (12 * h[j]);
        }
        return g;
    }

    private static double[][] hessian(Fn f, double[] x, double[] h) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int j = 0; j < n; j++) {
            double[] a = x.clone();
            double[] b = x.clone();
            a[j] += h[j];
            b[j] -= h[j];
            double[] ga = gradient(f, a, h);
            double[] gb = gradient(f, b, h);
            for (int r = 0; r < n; r++) {
                out[r][j] = (ga[r] - gb[r]) / (2 * h[j]);
            }
        }
        for (int r = 0; r < n; r++) {
            for (int c = r + 1; c < n; c++) {
                double m = (out[r][c] + out[c][r]) / 2;
                out[r][c] = m;
                out[c][r] = m;
            }
        }
        return out;
    }

    /** The Hessian by Richardson extrapolation of central second differences (as numDeriv's hessian). */
    private static double[][] richardsonHessian(Fn f, double[] x, double[] h) {
        double[][] h1 = secondDifferences(f, x, h);
        double[] half = new double[h.length];
        for (int j = 0; j < h.length; j++) {
            half[j] = h[j] / 2;
        }
        double[][] h2 = secondDifferences(f, x, half);
        int n = x.length;
        double[][] out = new double[n][n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                out[r][c] = (4 * h2[r][c] - h1[r][c]) / 3;
            }
        }
        return out;
    }

    private static double[][] secondDifferences(Fn f, double[] x, double[] h) {
        int n = x.length;
        double[][] out = new double[n][n];
        double f0 = f.at(x);
        for (int r = 0; r < n; r++) {
            for (int c = r; c < n; c++) {
                double val;
                if (r == c) {
                    double[] a = x.clone();
                    double[] b = x.clone();
                    a[r] += h[r];
                    b[r] -= h[r];
                    val = (f.at(a) - 2 * f0 + f.at(b)) / (h[r] * h[r]);
                } else {
                    double[] pp = x.clone();
                    double[] pm = x.clone();
                    double[] mp = x.clone();
                    double[] mm = x.clone();
                    pp[r] += h[r];
                    pp[c] += h[c];
                    pm[r] += h[r];
                    pm[c] -= h[c];
                    mp[r] -= h[r];
                    mp[c] += h[c];
                    mm[r] -= h[r];
                    mm[c] -= h[c];
                    val = (f.at(pp) - f.at(pm) - f.at(mp) + f.at(mm)) / (4 * h[r] * h[c]);
                }
                out[r][c] = val;
                out[c][r] = val;
            }
        }
        return out;
    }
}
