package org.strokemeta.ipd;

import java.util.Arrays;
import org.strokemeta.pool.Execution;

/**
 * The approximate marginal log-likelihood of a cumulative-logit model with normal random trial
 * effects, and its exact gradient: the objective that ordinal::clmm maximises (and lme4::glmer for a
 * binary outcome, the two-category case).
 *
 * <p>Model: {@code logit P(Y <= j | b_i) = theta_j − x'beta − z'b_i}, with b_i = Λ u_i and u_i
 * standard normal per trial. For each trial the integral over u_i is approximated around the
 * conditional mode û_i, found by Newton's method (the "inner" problem; the Hessian
 * H = I − Σ ℓ''·Λ'zz'Λ is at least the identity because the cumulative logit is log-concave, so the
 * iteration is safe). With nAGQ = 1 it is the Laplace approximation
 * {@code log p(y | û) − |û|²/2 − log det(H)/2} (clmm, Bates et al. 2015, eq. 45), otherwise adaptive
 * Gauss-Hermite quadrature centred at û and scaled by H^{-1/2} (Pinheiro and Bates 1995, eq. 11;
 * Pinheiro and Chao 2006), for a scalar random effect only.
 *
 * <p>The gradient is exact for the approximation, including the dependence of û and of H on the
 * parameters by implicit differentiation (dû/dψ = H^{-1} ∂h_u/∂ψ); it needs third derivatives of
 * log p in the linear predictor, which the cumulative logit gives in closed form from F(a) and F(b).
 * Because z depends only on the arm, every sum the gradient needs is accumulated per (trial, arm)
 * block in one pass, so an evaluation costs one pass over the patients per inner Newton step (usually
 * one or two: the modes are predicted from the previous evaluation by dû/dψ) plus one per extra
 * quadrature node. Trials are independent and are evaluated in parallel, on the given {@link Execution},
 * for large data (from {@value #PARALLEL_FROM} patients); their sums are added in trial order, so the
 * value does not depend on the execution.
 *
 * <p>Parameters ψ, in order: the J − 1 thresholds (for centred covariates), the treatment
 * coefficient, the covariate coefficients, then the variance parameters of {@link RandomEffects}.
 */
final class MixedLikelihood {
    /** The inner Newton iteration stops when its step (in units of the standard-normal u) is below this. */
    static final double INNER_TOL = 1e-11;
    static final int INNER_MAX = 60;
    private static final int PARALLEL_FROM = 30_000;

    private final TrialBlocks data;
    private final RandomEffects re;
    private final GaussHermite rule;
    final int nth;
    final int np;
    final int nlam;
    final int q;
    final int dim;
    private final int last;
    private final double[] fix;
    private final Trial[] trials;
    private final boolean parallel;
    private final Execution execution;
    // per-evaluation, read-only during the trial loop
    private final double[] th;
    private final double[] ed;
    private final double[] em1;
    private final double[] lam;
    private final double[][] a = new double[2][2];
    private final double[][] zArm = new double[2][2];
    private double beta;
    /** Inner Newton failures in the last evaluation. */
    int innerFailures;
    /** Inner Newton passes of all evaluations so far. */
    long passes;

    /**
     * @param data the patients by trial and arm
     * @param re   the random-effects structure
     * @param nAGQ 1 for the Laplace approximation, more for adaptive Gauss-Hermite quadrature (scalar effects)
     */
    MixedLikelihood(TrialBlocks data, RandomEffects re, int nAGQ) {
        this(data, re, nAGQ, false, Execution.defaults());
    }

    /**
     * @param execution where the trials of an evaluation run for large data
     */
    MixedLikelihood(TrialBlocks data, RandomEffects re, int nAGQ, Execution execution) {
        this(data, re, nAGQ, false, execution);
    }

    /** With {@code quadratureEvenForOne}, a one-point rule goes through the quadrature code (for tests). */
    MixedLikelihood(TrialBlocks data, RandomEffects re, int nAGQ, boolean quadratureEvenForOne) {
        this(data, re, nAGQ, quadratureEvenForOne, Execution.defaults());
    }

    private MixedLikelihood(TrialBlocks data, RandomEffects re, int nAGQ, boolean quadratureEvenForOne, Execution execution) {
        if (nAGQ > 1 && re.dimension() > 1) {
            throw new IllegalArgumentException("quadrature needs a scalar random effect");
        }
        this.data = data;
        this.re = re;
        this.rule = nAGQ > 1 || quadratureEvenForOne ? GaussHermite.of(nAGQ) : null;
        this.nth = data.categories - 1;
        this.np = data.covariates();
        this.nlam = re.parameters();
        this.q = re.dimension();
        this.dim = nth + 1 + np + nlam;
        this.last = data.categories - 1;
        this.fix = new double[data.size()];
        this.trials = new Trial[data.trials];
        for (int s = 0; s < trials.length; s++) {
            trials[s] = new Trial(s);
        }
        this.parallel = data.size() >= PARALLEL_FROM && data.trials > 1;
        this.execution = execution;
        this.th = new double[nth];
        this.ed = new double[nth];
        this.em1 = new double[nth];
        this.lam = new double[q * q];
        for (int arm = 0; arm < 2; arm++) {
            re.z(arm, zArm[arm]);
        }
    }

    int dimension() {
        return dim;
    }

    RandomEffects randomEffects() {
        return re;
    }

    /** Whether an evaluation spreads the trials over the threads of its execution (large data). */
    boolean parallel() {
        return parallel;
    }

    int trialCount() {
        return trials.length;
    }

    /** The conditional mode û of trial s at the last evaluation (a copy). */
    double[] mode(int s) {
        return Arrays.copyOf(trials[s].u, q);
    }

    /** The index of the first variance parameter. */
    int lambdaOffset() {
        return nth + 1 + np;
    }

    /**
     * The approximate marginal log-likelihood at ψ, or −∞ where the model is not defined (thresholds
     * out of order, a probability that underflows); fills {@code grad} with its gradient when finite.
     */
    double evaluate(double[] psi, double[] grad) {
        for (int j = 0; j < nth; j++) {
            th[j] = psi[j];
            if (!Double.isFinite(psi[j])) {
                return Double.NEGATIVE_INFINITY;
            }
            if (j > 0) {
                double d = psi[j] - psi[j - 1];
                if (!(d > 0)) {
                    return Double.NEGATIVE_INFINITY;
                }
                ed[j] = Math.exp(d);
                em1[j] = Math.expm1(d);
            }
        }
        for (int k = nth; k < dim; k++) {
            if (!Double.isFinite(psi[k])) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        beta = psi[nth];
        Arrays.fill(fix, 0);
        for (int j = 0; j < np; j++) {
            double b = psi[nth + 1 + j];
            double[] xj = data.x[j];
            for (int r = 0; r < fix.length; r++) {
                fix[r] += b * xj[r];
            }
        }
        re.lambda(psi, lambdaOffset(), lam);
        for (int arm = 0; arm < 2; arm++) {
            // a = Λ'z
            for (int i = 0; i < q; i++) {
                double s = 0;
                for (int k = 0; k < q; k++) {
                    s += lam[k * q + i] * zArm[arm][k];
                }
                a[arm][i] = s;
            }
        }
        if (parallel) {
            execution.forEach(trials.length, s -> trials[s].compute(psi));
        } else {
            for (Trial t : trials) {
                t.compute(psi);
            }
        }
        double value = 0;
        Arrays.fill(grad, 0);
        int fails = 0;
        for (Trial t : trials) {
            value += t.value;
            for (int k = 0; k < dim; k++) {
                grad[k] += t.grad[k];
            }
            fails += t.converged ? 0 : 1;
            passes += t.passes;
        }
        innerFailures = fails;
        return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
    }

    /** Sums over one (trial, arm) block at one value of the random effect. */
    private static final class Acc {
        double lp;
        double s1;
        double s2;
        double s3;
        final double[] gx;
        final double[] k2;
        final double[] k3;
        final double[] gth;
        final double[] t1;
        final double[] t2;

        Acc(int np, int nth) {
            gx = new double[np];
            k2 = new double[np];
            k3 = new double[np];
            gth = new double[nth];
            t1 = new double[nth];
            t2 = new double[nth];
        }

        void reset() {
            lp = 0;
            s1 = 0;
            s2 = 0;
            s3 = 0;
            Arrays.fill(gx, 0);
            Arrays.fill(k2, 0);
            Arrays.fill(k3, 0);
            Arrays.fill(gth, 0);
            Arrays.fill(t1, 0);
            Arrays.fill(t2, 0);
        }
    }

    /**
     * One pass over patients {@code from..to−1} with linear predictor {@code fix + off}: log p and the
     * derivatives of log p in eta (ℓ' = F(a) + F(b) − 1, ℓ'' = −f(a) − f(b), ℓ''' = f'(a) + f'(b)) and
     * in the thresholds, summed plain and weighted by each covariate. One exponential per patient: with
     * E_a = e^{eta − theta_y}, E_b = E_a e^{theta_y − theta_{y−1}}, and p = S(a) F(b) expm1(theta_y −
     * theta_{y−1}) exactly, without the cancellation of F(a) − F(b).
     */
    /** The inner Newton's sums Σℓ' and Σℓ'' only: no logarithm, no threshold or covariate sums. */
    private void modePass(int from, int to, double off, Acc acc) {
        final int[] y = data.y;
        final double[] fx = fix;
        final int lastCat = last;
        double s1 = 0;
        double s2 = 0;
        for (int r = from; r < to; r++) {
            int yy = y[r];
            double eta = fx[r] + off;
            double fa;
            double sa;
            double fb;
            double sb;
            if (yy == 0) {
                double e = Math.exp(eta - th[0]);
                fa = 1 / (1 + e);
                sa = e * fa;
                fb = 0;
                sb = 1;
            } else if (yy == lastCat) {
                double e = Math.exp(eta - th[lastCat - 1]);
                fb = 1 / (1 + e);
                sb = e * fb;
                fa = 1;
                sa = 0;
            } else {
                double e = Math.exp(eta - th[yy]);
                fa = 1 / (1 + e);
                sa = e * fa;
                double eb = e * ed[yy];
                fb = 1 / (1 + eb);
                sb = eb * fb;
            }
            if (!(sa == sa) || !(sb == sb)) {
                // e overflowed: the stable forms
                sa = yy == lastCat ? 0 : 1 / (1 + 1 / Math.exp(eta - th[yy]));
                fa = 1 - sa;
                sb = yy == 0 ? 1 : 1 / (1 + 1 / Math.exp(eta - th[yy - 1]));
                fb = 1 - sb;
            }
            s1 += fb - sa;
            s2 -= fa * sa + fb * sb;
        }
        acc.s1 = s1;
        acc.s2 = s2;
    }

    /** Pass modes: the inner Newton's sums only (ℓ', ℓ''), the quadrature node sums, or everything. */
    private static final int MODE = 0;
    private static final int NODE = 1;
    private static final int FULL = 2;

    private void pass(int from, int to, double off, Acc acc, int what) {
        if (what == MODE) {
            modePass(from, to, off, acc);
            return;
        }
        boolean full = what == FULL;
        acc.reset();
        final int[] y = data.y;
        final double[][] x = data.x;
        final double[] fx = fix;
        final int lastCat = last;
        double lp = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        for (int r = from; r < to; r++) {
            int yy = y[r];
            double eta = fx[r] + off;
            double fa;
            double sa;
            double fb;
            double sb;
            double p;
            // F = 1/(1 + e) and S = e F keep their relative accuracy for every finite e
            if (yy == 0) {
                double e = Math.exp(eta - th[0]);
                fa = 1 / (1 + e);
                sa = e * fa;
                fb = 0;
                sb = 1;
                p = fa;
            } else if (yy == lastCat) {
                double e = Math.exp(eta - th[lastCat - 1]);
                fb = 1 / (1 + e);
                sb = e * fb;
                fa = 1;
                sa = 0;
                p = sb;
            } else {
                double e = Math.exp(eta - th[yy]);
                fa = 1 / (1 + e);
                sa = e * fa;
                double eb = e * ed[yy];
                fb = 1 / (1 + eb);
                sb = eb * fb;
                p = sa * fb * em1[yy];
            }
            if (!(p > 0)) {
                // an exponential overflowed (an extreme linear predictor): the stable forms
                sa = yy == lastCat ? 0 : 1 / (1 + 1 / Math.exp(eta - th[yy]));
                fa = 1 - sa;
                sb = yy == 0 ? 1 : 1 / (1 + 1 / Math.exp(eta - th[yy - 1]));
                fb = 1 - sb;
                p = yy == 0 ? fa : yy == lastCat ? sb : sa * fb * em1[yy];
            }
            lp += Math.log(p);
            double d1 = fb - sa;
            double dfa = fa * sa;
            double dfb = fb * sb;
            s1 += d1;
            double inv = 1 / p;
            if (yy < lastCat) {
                acc.gth[yy] += dfa * inv;
            }
            if (yy > 0) {
                acc.gth[yy - 1] -= dfb * inv;
            }
            if (full) {
                double d2 = -(dfa + dfb);
                double fpa = dfa * (sa - fa);
                double fpb = dfb * (sb - fb);
                double d3 = fpa + fpb;
                s2 += d2;
                s3 += d3;
                if (yy < lastCat) {
                    acc.t1[yy] += dfa;
                    acc.t2[yy] += fpa;
                }
                if (yy > 0) {
                    acc.t1[yy - 1] += dfb;
                    acc.t2[yy - 1] += fpb;
                }
                for (int j = 0; j < x.length; j++) {
                    double xv = x[j][r];
                    acc.gx[j] += xv * d1;
                    acc.k2[j] += xv * d2;
                    acc.k3[j] += xv * d3;
                }
            } else {
                for (int j = 0; j < x.length; j++) {
                    acc.gx[j] += x[j][r] * d1;
                }
            }
        }
        acc.lp = lp;
        acc.s1 = s1;
        acc.s2 = s2;
        acc.s3 = s3;
    }

    /** The work and scratch space of one trial. */
    private final class Trial {
        final int s;
        final double[] u = new double[2];
        final double[] psiAt;
        final double[][] du;
        boolean hasDu;
        final Acc[] acc;
        final Acc nodeAcc;
        double value;
        final double[] grad;
        boolean converged;
        int passes;
        // quadrature node sums
        final double[] nodeL;
        final double[] nodeHu;
        final double[] nodeHs;
        final double[] nodeGt;
        final double[][] nodeGx;
        final double[][] nodeGth;

        Trial(int s) {
            this.s = s;
            psiAt = new double[dim];
            du = new double[q][dim];
            acc = new Acc[] {new Acc(np, nth), new Acc(np, nth)};
            nodeAcc = new Acc(np, nth);
            grad = new double[dim];
            int k = rule == null ? 0 : rule.size();
            nodeL = new double[k];
            nodeHu = new double[k];
            nodeHs = new double[k];
            nodeGt = new double[k];
            nodeGx = new double[k][np];
            nodeGth = new double[k][nth];
        }

        double offset(int arm, double[] uu) {
            double o = beta * arm;
            for (int i = 0; i < q; i++) {
                o += a[arm][i] * uu[i];
            }
            return o;
        }

        void passAt(double[] uu, int what) {
            for (int arm = 0; arm < 2; arm++) {
                int b = 2 * s + arm;
                pass(data.start[b], data.start[b + 1], offset(arm, uu), acc[arm], what);
            }
            passes++;
        }

        void compute(double[] psi) {
            passes = 0;
            // predicted start: û + dû/dψ (ψ − ψ_prev)
            double[] u0 = new double[q];
            for (int i = 0; i < q; i++) {
                double v = u[i];
                if (hasDu) {
                    double c = 0;
                    for (int k = 0; k < dim; k++) {
                        c += du[i][k] * (psi[k] - psiAt[k]);
                    }
                    if (Math.abs(c) < 5) {
                        v += c;
                    }
                }
                u0[i] = Double.isFinite(v) ? v : 0;
            }
            double[] h = new double[4];
            double[] g = new double[2];
            double[] step = new double[2];
            double[] uPrev = new double[2];
            double prevNorm = Double.POSITIVE_INFINITY;
            double factor = 1;
            converged = false;
            double[] uu = u0;
            int what = MODE;
            for (int it = 0; it < INNER_MAX; it++) {
                passAt(uu, what);
                if (what == FULL && !Double.isFinite(acc[0].lp + acc[1].lp)) {
                    value = Double.NEGATIVE_INFINITY;
                    return;
                }
                gradHess(uu, g, h);
                double norm = 0;
                for (int i = 0; i < q; i++) {
                    norm += g[i] * g[i];
                }
                if (!(norm == norm)) {
                    value = Double.NEGATIVE_INFINITY;
                    return;
                }
                if (norm >= prevNorm && factor > 1e-10) {
                    // Newton's direction lowers |g|²; shorten the step until it does
                    factor /= 2;
                    for (int i = 0; i < q; i++) {
                        uu[i] = uPrev[i] + factor * step[i];
                    }
                    what = MODE;
                    continue;
                }
                solve(h, g, step);
                double smax = 0;
                for (int i = 0; i < q; i++) {
                    smax = Math.max(smax, Math.abs(step[i]));
                }
                if (smax < INNER_TOL || it == INNER_MAX - 1) {
                    // the Newton step is below the tolerance: this point is the mode (to 1e-11 of a
                    // standard-normal u), or the iterations are exhausted
                    converged = smax < INNER_TOL;
                    if (what != FULL) {
                        passAt(uu, FULL);
                        gradHess(uu, g, h);
                    }
                    break;
                }
                for (int i = 0; i < q; i++) {
                    uPrev[i] = uu[i];
                    uu[i] += step[i];
                }
                prevNorm = norm;
                factor = 1;
                // in Newton's quadratic regime the next point is the mode: take every sum there at once
                what = smax < 1e-5 ? FULL : MODE;
            }
            if (!Double.isFinite(acc[0].lp + acc[1].lp)) {
                value = Double.NEGATIVE_INFINITY;
                return;
            }
            System.arraycopy(uu, 0, u, 0, q);
            if (rule == null) {
                laplace(psi, h);
            } else {
                quadrature(psi, h);
            }
            System.arraycopy(psi, 0, psiAt, 0, dim);
        }

        /** g = Σ s1 a − u, H = I − Σ s2 a a' (row-major q×q). */
        void gradHess(double[] uu, double[] g, double[] h) {
            for (int i = 0; i < q; i++) {
                g[i] = -uu[i];
                for (int k = 0; k < q; k++) {
                    h[i * q + k] = i == k ? 1 : 0;
                }
            }
            for (int arm = 0; arm < 2; arm++) {
                double[] aa = a[arm];
                for (int i = 0; i < q; i++) {
                    g[i] += acc[arm].s1 * aa[i];
                    for (int k = 0; k < q; k++) {
                        h[i * q + k] -= acc[arm].s2 * aa[i] * aa[k];
                    }
                }
            }
        }

        /** The Laplace value and gradient at the mode (general q). */
        void laplace(double[] psi, double[] h) {
            double[] m = inverse(h);
            double det = q == 1 ? h[0] : h[0] * h[3] - h[1] * h[2];
            double lp = acc[0].lp + acc[1].lp;
            double uu = 0;
            for (int i = 0; i < q; i++) {
                uu += u[i] * u[i];
            }
            value = lp - 0.5 * uu - 0.5 * Math.log(det);
            if (!Double.isFinite(value)) {
                value = Double.NEGATIVE_INFINITY;
                return;
            }
            double[] r = new double[2];
            double[] va = new double[2];
            double[] c = new double[2];
            for (int arm = 0; arm < 2; arm++) {
                r[arm] = quad(m, a[arm], a[arm]);
            }
            for (int i = 0; i < q; i++) {
                c[i] = -(acc[0].s3 * a[0][i] * r[0] + acc[1].s3 * a[1][i] * r[1]);
            }
            double[] v = mul(m, c);
            for (int arm = 0; arm < 2; arm++) {
                va[arm] = dot(v, a[arm]);
            }
            Arrays.fill(grad, 0);
            double[] huPsi = new double[2];
            // thresholds
            for (int j = 0; j < nth; j++) {
                double gsum = 0;
                Arrays.fill(huPsi, 0);
                for (int arm = 0; arm < 2; arm++) {
                    Acc ac = acc[arm];
                    gsum += ac.gth[j] - 0.5 * r[arm] * ac.t2[j] - 0.5 * va[arm] * ac.t1[j];
                    addScaled(huPsi, a[arm], ac.t1[j]);
                }
                grad[j] = gsum;
                storeDu(m, huPsi, j);
            }
            // treatment
            {
                Acc ac = acc[1];
                grad[nth] = ac.s1 + 0.5 * r[1] * ac.s3 - 0.5 * va[1] * ac.s2;
                Arrays.fill(huPsi, 0);
                addScaled(huPsi, a[1], ac.s2);
                storeDu(m, huPsi, nth);
            }
            // covariates
            for (int j = 0; j < np; j++) {
                double gsum = 0;
                Arrays.fill(huPsi, 0);
                for (int arm = 0; arm < 2; arm++) {
                    Acc ac = acc[arm];
                    gsum += ac.gx[j] + 0.5 * r[arm] * ac.k3[j] - 0.5 * va[arm] * ac.k2[j];
                    addScaled(huPsi, a[arm], ac.k2[j]);
                }
                grad[nth + 1 + j] = gsum;
                storeDu(m, huPsi, nth + 1 + j);
            }
            // variance parameters
            double[] e = new double[4];
            double[] ez = new double[2];
            for (int k = 0; k < nlam; k++) {
                re.dLambda(k, e);
                double hl = 0;
                double tr = 0;
                Arrays.fill(huPsi, 0);
                for (int arm = 0; arm < 2; arm++) {
                    Acc ac = acc[arm];
                    double[] z = zArm[arm];
                    // E'z and z'Eû
                    double eu = 0;
                    for (int i = 0; i < q; i++) {
                        double sum = 0;
                        for (int l = 0; l < q; l++) {
                            sum += e[l * q + i] * z[l];
                        }
                        ez[i] = sum;
                        eu += sum * u[i];
                    }
                    hl += ac.s1 * eu;
                    for (int i = 0; i < q; i++) {
                        huPsi[i] += ac.s2 * eu * a[arm][i] + ac.s1 * ez[i];
                    }
                    tr -= ac.s3 * eu * r[arm] + 2 * ac.s2 * quad(m, ez, a[arm]);
                }
                grad[lambdaOffset() + k] = hl - 0.5 * tr - 0.5 * dot(v, huPsi);
                storeDu(m, huPsi, lambdaOffset() + k);
            }
            hasDu = true;
        }

        /** Adaptive Gauss-Hermite value and gradient for a scalar random effect. */
        void quadrature(double[] psi, double[] h) {
            double d = h[0];
            double sc = 1 / Math.sqrt(d);
            double uh = u[0];
            int kn = rule.size();
            double[] z = {zArm[0][0], zArm[1][0]};
            double maxL = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < kn; k++) {
                double xk = rule.node(k);
                double uk = uh + sc * Math.sqrt(2) * xk;
                double lp = 0;
                double s1a = 0;
                double s1z = 0;
                double gt = 0;
                Arrays.fill(nodeGx[k], 0);
                Arrays.fill(nodeGth[k], 0);
                for (int arm = 0; arm < 2; arm++) {
                    Acc ac;
                    if (xk == 0) {
                        ac = acc[arm];
                    } else {
                        int b = 2 * s + arm;
                        ac = nodeAcc;
                        pass(data.start[b], data.start[b + 1], beta * arm + a[arm][0] * uk, ac, NODE);
                    }
                    lp += ac.lp;
                    s1a += ac.s1 * a[arm][0];
                    s1z += ac.s1 * z[arm];
                    if (arm == 1) {
                        gt += ac.s1;
                    }
                    for (int j = 0; j < np; j++) {
                        nodeGx[k][j] += ac.gx[j];
                    }
                    for (int j = 0; j < nth; j++) {
                        nodeGth[k][j] += ac.gth[j];
                    }
                }
                if (xk != 0) {
                    passes++;
                }
                nodeL[k] = Math.log(rule.weight(k)) + xk * xk + lp - 0.5 * uk * uk;
                nodeHu[k] = s1a - uk;
                nodeHs[k] = uk * s1z;
                nodeGt[k] = gt;
                maxL = Math.max(maxL, nodeL[k]);
            }
            if (!Double.isFinite(maxL)) {
                value = Double.NEGATIVE_INFINITY;
                return;
            }
            double sum = 0;
            for (int k = 0; k < kn; k++) {
                sum += Math.exp(nodeL[k] - maxL);
            }
            value = Math.log(sc) - 0.5 * Math.log(Math.PI) + maxL + Math.log(sum);
            double alpha = 0;
            double betaS = 1 / sc;
            Arrays.fill(grad, 0);
            for (int k = 0; k < kn; k++) {
                double pk = Math.exp(nodeL[k] - maxL) / sum;
                double tk = Math.sqrt(2) * rule.node(k);
                alpha += pk * nodeHu[k];
                betaS += pk * nodeHu[k] * tk;
                for (int j = 0; j < nth; j++) {
                    grad[j] += pk * nodeGth[k][j];
                }
                grad[nth] += pk * nodeGt[k];
                for (int j = 0; j < np; j++) {
                    grad[nth + 1 + j] += pk * nodeGx[k][j];
                }
                grad[lambdaOffset()] += pk * nodeHs[k];
            }
            // mode terms: dû/dψ = h_uψ/D, dD/dψ = ∂_ψH + ∂_uH dû/dψ, ds/dψ = −s³/2 dD/dψ
            double s3a = acc[0].s3 * cube(a[0][0]) + acc[1].s3 * cube(a[1][0]);
            double duH = -s3a;
            double k2 = -0.5 * sc * sc * sc * betaS;
            double k1 = alpha / d + k2 * duH / d;
            double[] m = {1 / d};
            double[] hu = new double[1];
            for (int j = 0; j < nth; j++) {
                double huPsi = 0;
                double dH = 0;
                for (int arm = 0; arm < 2; arm++) {
                    huPsi += acc[arm].t1[j] * a[arm][0];
                    dH += acc[arm].t2[j] * a[arm][0] * a[arm][0];
                }
                grad[j] += k1 * huPsi + k2 * dH;
                hu[0] = huPsi;
                storeDu(m, hu, j);
            }
            {
                double huPsi = acc[1].s2 * a[1][0];
                double dH = -acc[1].s3 * a[1][0] * a[1][0];
                grad[nth] += k1 * huPsi + k2 * dH;
                hu[0] = huPsi;
                storeDu(m, hu, nth);
            }
            for (int j = 0; j < np; j++) {
                double huPsi = 0;
                double dH = 0;
                for (int arm = 0; arm < 2; arm++) {
                    huPsi += acc[arm].k2[j] * a[arm][0];
                    dH -= acc[arm].k3[j] * a[arm][0] * a[arm][0];
                }
                grad[nth + 1 + j] += k1 * huPsi + k2 * dH;
                hu[0] = huPsi;
                storeDu(m, hu, nth + 1 + j);
            }
            {
                double huPsi = 0;
                double dH = 0;
                for (int arm = 0; arm < 2; arm++) {
                    double e = z[arm] * uh;
                    huPsi += acc[arm].s2 * e * a[arm][0] + acc[arm].s1 * z[arm];
                    dH -= acc[arm].s3 * e * a[arm][0] * a[arm][0] + 2 * acc[arm].s2 * z[arm] * a[arm][0];
                }
                grad[lambdaOffset()] += k1 * huPsi + k2 * dH;
                hu[0] = huPsi;
                storeDu(m, hu, lambdaOffset());
            }
            hasDu = true;
            if (!Double.isFinite(value)) {
                value = Double.NEGATIVE_INFINITY;
            }
        }

        void storeDu(double[] m, double[] huPsi, int k) {
            for (int i = 0; i < q; i++) {
                double sum = 0;
                for (int l = 0; l < q; l++) {
                    sum += m[i * q + l] * huPsi[l];
                }
                du[i][k] = sum;
            }
        }
    }

    private static double cube(double v) {
        return v * v * v;
    }

    private double[] inverse(double[] h) {
        if (q == 1) {
            return new double[] {1 / h[0]};
        }
        double det = h[0] * h[3] - h[1] * h[2];
        return new double[] {h[3] / det, -h[1] / det, -h[2] / det, h[0] / det};
    }

    private void solve(double[] h, double[] g, double[] out) {
        if (q == 1) {
            out[0] = g[0] / h[0];
            return;
        }
        double det = h[0] * h[3] - h[1] * h[2];
        out[0] = (h[3] * g[0] - h[1] * g[1]) / det;
        out[1] = (h[0] * g[1] - h[2] * g[0]) / det;
    }

    private double quad(double[] m, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < q; i++) {
            for (int k = 0; k < q; k++) {
                s += x[i] * m[i * q + k] * y[k];
            }
        }
        return s;
    }

    private double[] mul(double[] m, double[] v) {
        double[] out = new double[2];
        for (int i = 0; i < q; i++) {
            double s = 0;
            for (int k = 0; k < q; k++) {
                s += m[i * q + k] * v[k];
            }
            out[i] = s;
        }
        return out;
    }

    private double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < q; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private void addScaled(double[] acc, double[] v, double f) {
        for (int i = 0; i < q; i++) {
            acc[i] += f * v[i];
        }
    }
}
