package org.strokemeta.pool;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.strokemeta.internal.Cancellation;
import org.strokemeta.internal.Dist;

/**
 * Estimators of the between-study variance tau², with metafor::rma.uni's definitions (metafor 3.8;
 * Viechtbauer 2005, J Educ Behav Stat 30:261-293; Veroniki et al. 2016, Res Synth Methods 7:55-79).
 * Each works for the intercept-only model and for meta-regression (design with p columns).
 */
public enum Tau2Method {
    /** DerSimonian and Laird (1986): method of moments with fixed-effect weights, (Q − (k−p)) / tr(P). */
    DL("DerSimonian-Laird") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            MetaModel.Weighted fe = m.at(0, true);
            return Tau2Estimate.closedForm(this, (fe.rss() - (m.k() - m.p())) / fe.trP());
        }
    },
    /** Restricted maximum likelihood by Fisher scoring (Viechtbauer 2005), starting from HE (or the start value). */
    REML("restricted maximum likelihood") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return fisherScoring(this, m, c);
        }
    },
    /** Maximum likelihood by Fisher scoring (Hardy and Thompson 1996), starting from HE (or the start value). */
    ML("maximum likelihood") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return fisherScoring(this, m, c);
        }
    },
    /**
     * Paule and Mandel (1982): the tau² at which the generalised Q statistic equals its expectation
     * k − p (metafor's PM), solved to machine precision by Newton's method (see {@link #solveQ}).
     */
    PM("Paule-Mandel") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            int df = m.k() - m.p();
            if (m.at(0, false).rss() < df) {
                return new Tau2Estimate(this, 0, 0, true, null);
            }
            QRoot root = solveQ(m, df);
            if (!root.converged()) {
                return new Tau2Estimate(this, root.tau2(), root.iterations(), false, "no tau² makes Q equal to its expectation");
            }
            return new Tau2Estimate(this, Math.max(0, root.tau2()), root.iterations(), true, null);
        }
    },
    /** Sidik and Jonkman (2005) two-step estimator starting from Σ(y−ȳ)²/k (or the start value). */
    SJ("Sidik-Jonkman") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            double t0 = c.start(m.centredVariance());
            MetaModel.Weighted w = m.at(t0, false);
            return Tau2Estimate.closedForm(this, t0 * w.rss() / (m.k() - m.p()));
        }
    },
    /** Hedges (1983) / Hedges and Olkin (1985) method of moments with OLS: (RSS − tr(P_ols V)) / (k−p). */
    HE("Hedges") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return Tau2Estimate.closedForm(this, hedges(m));
        }
    },
    /** Hunter and Schmidt (2004): (Q − k) / Σw with fixed-effect weights. */
    HS("Hunter-Schmidt") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            MetaModel.Weighted fe = m.at(0, false);
            return Tau2Estimate.closedForm(this, (fe.rss() - m.k()) / fe.sumW());
        }
    },
    /** Empirical Bayes (Morris 1983; Berkey et al. 1995), iterated as metafor does, starting from HE (or the start value). */
    EB("empirical Bayes") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return fisherScoring(this, m, c);
        }
    },
    /** Hunter and Schmidt with the small-sample correction (metafor's HSk): (k/(k−p) Q − k) / Σw, fixed-effect weights. */
    HSK("Hunter-Schmidt, small-sample corrected") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            MetaModel.Weighted fe = m.at(0, false);
            return Tau2Estimate.closedForm(this, ((double) m.k() / (m.k() - m.p()) * fe.rss() - m.k()) / fe.sumW());
        }
    },
    /**
     * The DerSimonian-Laird estimator iterated (metafor's DLIT; DerSimonian and Kacker 2007): tau² ←
     * max(0, (Q(tau²) − (k−p)) / tr P(tau²)) with random-effects weights, from 0, until the change is
     * below the threshold.
     */
    DLIT("iterated DerSimonian-Laird") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            double t = c.start(0);
            // a fixed-point iteration converges linearly: it gets many more steps than Fisher scoring
            int limit = Math.max(c.maxIter(), FIXED_POINT_ITERATIONS);
            for (int it = 1; it <= limit; it++) {
                MetaModel.Weighted w = m.at(t, true);
                double next = Math.max(0, (w.rss() - (m.k() - m.p())) / w.trP());
                if (!Double.isFinite(next)) {
                    return new Tau2Estimate(this, next, it, false, "DLIT: tau² cannot be computed in double precision");
                }
                if (Math.abs(next - t) <= c.threshold()) {
                    return new Tau2Estimate(this, next, it, true, null);
                }
                t = next;
            }
            return new Tau2Estimate(this, t, limit, false, "the iterated DerSimonian-Laird estimator did not converge in "
                    + limit + " iterations");
        }
    },
    /**
     * The Sidik-Jonkman estimator iterated (metafor's SJIT): tau² ← tau² Q(tau²) / (k−p) with
     * random-effects weights, from Σ(y−ȳ)²/k, until the change is below the threshold.
     */
    SJIT("iterated Sidik-Jonkman") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            double t = c.start(m.centredVariance());
            int limit = Math.max(c.maxIter(), FIXED_POINT_ITERATIONS);
            for (int it = 1; it <= limit; it++) {
                double next = t * m.at(t, false).rss() / (m.k() - m.p());
                if (!Double.isFinite(next)) {
                    return new Tau2Estimate(this, next, it, false, "SJIT: tau² cannot be computed in double precision");
                }
                if (Math.abs(next - t) <= c.threshold()) {
                    return new Tau2Estimate(this, next, it, true, null);
                }
                t = next;
            }
            return new Tau2Estimate(this, t, limit, false, "the iterated Sidik-Jonkman estimator did not converge in "
                    + limit + " iterations");
        }
    },
    /**
     * The median-unbiased Paule-Mandel estimator (metafor's PMM; Viechtbauer 2021): the tau² at which the
     * generalised Q statistic equals the median of its chi-squared distribution, qchisq(0.5, k − p), 0 when
     * Q(0) is below it.
     */
    PMM("median-unbiased Paule-Mandel") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            double target = Dist.chisqUpperQuantile(0.5, m.k() - m.p());
            if (m.at(0, false).rss() < target) {
                return new Tau2Estimate(this, 0, 0, true, null);
            }
            QRoot root = solveQ(m, target);
            if (!root.converged()) {
                return new Tau2Estimate(this, root.tau2(), root.iterations(), false, "no tau² makes Q equal to its median");
            }
            return new Tau2Estimate(this, Math.max(0, root.tau2()), root.iterations(), true, null);
        }
    },
    /**
     * The generalised Q-statistic estimator with user weights a (metafor's GENQ; DerSimonian and Kacker
     * 2007, Contemp Clin Trials 28:105-114): with P = A − A X (X'AX)⁻¹ X' A, tau² = (Y'PY − tr(PV)) / tr(P),
     * truncated at 0. Needs the model's user weights.
     */
    GENQ("generalised Q-statistic") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            WeightedDesign d = new WeightedDesign(m, requireWeights(m, this));
            double rss = d.rss(d.beta());
            return Tau2Estimate.closedForm(this, (rss - d.p(m.v())) / d.p(null));
        }
    },
    /**
     * The median-unbiased generalised Q-statistic estimator (metafor's GENQM; Jackson 2013, J Stat Plan
     * Inference 143:1174): the tau² at which the observed Y'PY (P at the user weights, as GENQ) is the
     * median of its distribution, the weighted sum Σ λ_j χ²₁ over the eigenvalues λ of
     * (V + tau²)^½ P (V + tau²)^½; its distribution function by Ruben's series (see {@link QuadraticForm}), the
     * root by Brent's method on [0, max(100, 10 mad(y)²)]. 0 when Y'PY is below the median at tau² = 0;
     * not converged when it is above the median at the upper end.
     */
    GENQM("median-unbiased generalised Q-statistic") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            WeightedDesign d = new WeightedDesign(m, requireWeights(m, this));
            double rss = d.rss(d.beta());
            QuadraticForm q = QuadraticForm.of(m, m.userWeightsView());
            DoubleUnaryOperator f = t -> q.cdf(t, rss) - 0.5;
            double at0 = f.applyAsDouble(0);
            if (!Double.isFinite(at0)) {
                return new Tau2Estimate(this, Double.NaN, 0, false, "GENQM: the distribution of Q cannot be computed at tau² = 0");
            }
            if (at0 < 0) {
                return new Tau2Estimate(this, 0, 0, true, null);
            }
            double hi = tau2Max(m);
            if (f.applyAsDouble(hi) > 0) {
                return new Tau2Estimate(this, hi, 0, false, "GENQM: Q is above its median even at tau² = " + hi
                        + " (the upper end of the search)");
            }
            double root = solve(f, 0, hi);
            if (Double.isNaN(root)) {
                return new Tau2Estimate(this, root, 0, false, "GENQM: no tau² makes Q equal to its median");
            }
            return new Tau2Estimate(this, Math.max(0, root), 0, true, null);
        }
    };

    /** The most steps of the fixed-point iterations (DLIT, SJIT), which converge linearly. */
    static final int FIXED_POINT_ITERATIONS = 10_000;

    private final String label;

    Tau2Method(String label) {
        this.label = label;
    }

    /**
     * The estimator's full name, for reports.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /** Estimates tau² for the model. */
    abstract Tau2Estimate estimate(MetaModel m, FitControl c);

    /**
     * True for the estimators that need user weights (GENQ and GENQM).
     *
     * @return whether the model must carry {@link MetaModel#userWeights() user weights}
     */
    public boolean needsWeights() {
        return this == GENQ || this == GENQM;
    }

    private static double[] requireWeights(MetaModel m, Tau2Method method) {
        double[] a = m.userWeightsView();
        if (a == null) {
            throw new IllegalArgumentException(method.name() + " (" + method.label() + ") estimates tau² with user weights: "
                    + "name the column that holds them (weights)");
        }
        return a;
    }

    /**
     * tau² fixed by the user (metafor's {@code tau2=}): not estimated, with a remark saying so.
     *
     * @param value the between-study variance, at least 0
     * @return the estimate, converged, with 0 iterations
     */
    public Tau2Estimate fixed(double value) {
        return new Tau2Estimate(this, value, 0, true, "tau² fixed at " + value + " (not estimated)");
    }

    /**
     * Estimates tau² for the model (public entry point).
     * Estimates tau² for the model: 0 (converged) when there are no more studies than coefficients.
     *
     * @param m the model (effects, sampling variances, moderators)
     * @param c the settings of the iterative estimators
     * @return the estimate on the variance scale (tau², not tau), with its convergence and notes
     */
    public Tau2Estimate fit(MetaModel m, FitControl c) {
        if (m.k() <= m.p()) {
            // metafor fits k = 1 with tau² = 0; there is nothing to estimate it from.
            return new Tau2Estimate(this, 0, 0, true, "tau² set to 0: " + m.k() + " stud" + (m.k() == 1 ? "y" : "ies")
                    + " cannot inform a between-study variance");
        }
        return estimate(m, c);
    }

    /**
     * Parses an estimator's name as users type it (DL, REML, ML, PM, PMM, SJ, HE, HS, HSk, EB, DLIT, SJIT, GENQ or
     * GENQM), case-insensitive.
     *
     * @param s the name, surrounding blanks ignored
     * @return the estimator
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Tau2Method parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tau² estimator '" + s + "' (expected one of DL, REML, ML, PM, PMM, SJ, HE, HS, HSk, EB, DLIT, SJIT, GENQ, GENQM)");
        }
    }

    static double hedges(MetaModel m) {
        double[] rt = m.olsRssAndTrace();
        return Math.max(0, (rt[0] - rt[1]) / (m.k() - m.p()));
    }

    /** metafor's default upper end of the tau² search: max(100, 10 mad(y)²). */
    static double tau2Max(MetaModel m) {
        double mad = mad(m.yView());
        return Math.max(100, 10 * mad * mad);
    }

    /** R's mad(): 1.4826 times the median absolute deviation from the median. */
    static double mad(double[] y) {
        double[] s = y.clone();
        java.util.Arrays.sort(s);
        double med = median(s);
        double[] d = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            d[i] = Math.abs(s[i] - med);
        }
        java.util.Arrays.sort(d);
        return 1.4826 * median(d);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The most Newton iterations of {@link #solveQ}: from 0 it reaches the root in a few dozen. */
    static final int Q_MAX_ITER = 200;

    /**
     * The most halvings of one Fisher-scoring step: any finite step falls below the smallest double in
     * 2,100 halvings (2^1024 to 2^-1074), so the bound only stops a step that is not finite.
     */
    static final int MAX_HALVINGS = 2100;

    /** The most evaluations of the score by Brent's method in {@link #scoreRoot} (it needs a few dozen). */
    static final int BRENT_MAX_EVALUATIONS = 1000;

    /**
     * The tau² at which the generalised Q statistic Q(tau²) = Σ w(tau²) r(tau²)² equals {@code target},
     * for Q(0) above the target. Q is decreasing and convex in tau² (it is the minimum over the
     * coefficients of quadratic-over-linear terms, jointly convex), and dQ/dtau² = −Σ w² r², so Newton's
     * method started at 0 increases monotonically to the root without overshooting; it stops when
     * the step is at the level of rounding, and after at most {@value #Q_MAX_ITER} iterations, or when
     * Q or its derivative cannot be computed in double precision, it reports non-convergence.
     */
    static QRoot solveQ(MetaModel m, double target) {
        return solveQ(m, target, 0);
    }

    /** As {@link #solveQ(MetaModel, double)}, starting from a tau² known to lie left of the root (Q(start) ≥ target). */
    static QRoot solveQ(MetaModel m, double target, double start) {
        double t = start;
        MetaModel.Eval w = m.evaluator();
        for (int it = 1; it <= Q_MAX_ITER; it++) {
            w.at(t);
            double diff = w.rss - target;
            if (!Double.isFinite(diff) || !Double.isFinite(w.yppy)) {
                return new QRoot(t, it, false);
            }
            if (diff <= 0 && it > 1) {
                return new QRoot(t, it, true);
            }
            double step = diff / w.yppy;
            if (!(step > 0) || !Double.isFinite(step)) {
                return new QRoot(t, it, diff <= 0 || step == 0);
            }
            double next = t + step;
            if (!Double.isFinite(next)) {
                return new QRoot(t, it, false);
            }
            t = next;
            if (step <= 4 * Math.ulp(t)) {
                return new QRoot(t, it, true);
            }
        }
        return new QRoot(t, Q_MAX_ITER, false);
    }

    /** A root of Q(tau²) = target with the Newton iterations used. */
    record QRoot(double tau2, int iterations, boolean converged) {
    }

    /**
     * A root of f on [lo, hi] to machine precision (Brent 1973), or NaN when f is not finite at a point
     * it is evaluated at or when {@value #BRENT_MAX_EVALUATIONS} evaluations do not find it (Commons
     * Numbers' solver has no evaluation limit of its own).
     */
    static double solve(DoubleUnaryOperator f, double lo, double hi) {
        int[] evaluations = {0};
        DoubleUnaryOperator bounded = t -> {
            double value = f.applyAsDouble(t);
            if (++evaluations[0] > BRENT_MAX_EVALUATIONS || !Double.isFinite(value)) {
                throw new NoRoot();
            }
            return value;
        };
        try {
            return new BrentSolver(1e-15, 1e-300, 0).findRoot(bounded, lo, hi);
        } catch (NoRoot e) {
            return Double.NaN;
        }
    }

    /** Ends Brent's method early (see {@link #solve}). */
    private static final class NoRoot extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NoRoot() {
            super(null, null, false, false);
        }
    }

    /**
     * Fisher scoring for ML, REML and EB exactly as metafor::rma.uni iterates it: start at the HE
     * estimate (truncated at 0), step {@code adj} with step halving to stay non-negative, stop when
     * the change is below the threshold; then, for ML and REML, the tau² = 0 likelihood check.
     *
     * <p>Bounds: at most {@link FitControl#maxIter()} iterations (metafor's {@code maxiter}, 100 by
     * default) and at most {@value #MAX_HALVINGS} halvings of one step (metafor halves without a
     * limit, which ends for every finite step). A step that is not finite (the information or the score
     * overflows, or is 0/0) ends the iteration: it is then treated as when the iterations run out,
     * by the score-equation fallback when {@link FitControl#scoreFallback()} is on (bounded too, see
     * {@link #scoreRoot}), otherwise reported as not converged. The last iterate is never returned as
     * converged.
     */
    static Tau2Estimate fisherScoring(Tau2Method method, MetaModel m, FitControl c) {
        int k = m.k();
        int p = m.p();
        double tau2 = c.start(hedges(m));
        double change = Double.POSITIVE_INFINITY;
        int iter = 0;
        MetaModel.Eval w = m.evaluator();
        while (!(change <= c.threshold())) {
            Cancellation.check();
            iter++;
            if (iter > c.maxIter()) {
                return notSettled(method, m, c, iter - 1, tau2, (c.scoreFallback() ? "did not settle in " : "did not converge in ") + c.maxIter()
                        + " iterations (last change in tau² " + change + ")");
            }
            w.at(tau2);
            double adj = switch (method) {
                case ML -> (w.yppy - w.sumW) / w.sumW2;
                case REML -> (w.yppy - w.trP) / w.trPP;
                case EB -> (w.rss * k / (k - p) - k) / w.sumW;
                default -> throw new IllegalStateException();
            };
            adj *= c.stepAdj();
            for (int h = 0; h < MAX_HALVINGS && tau2 + adj < 0; h++) {
                adj /= 2;
            }
            double next = tau2 + adj;
            if (!Double.isFinite(adj) || !(next >= 0) || !Double.isFinite(next)) {
                return notSettled(method, m, c, iter, tau2, "stopped at iteration " + iter + ": the step from tau² = "
                        + tau2 + " cannot be computed in double precision (" + adj + ")");
            }
            change = Math.abs(next - tau2);
            tau2 = next;
        }
        String message = null;
        if (c.ll0Check() && method != EB && tau2 > c.threshold()) {
            boolean reml = method == REML;
            if (logLik(m, 0, reml) - logLik(m, tau2, reml) > Math.pow(Math.ulp(1.0), 0.25)) {
                message = "the likelihood is higher at tau² = 0 than at the Fisher-scoring solution: tau² set to 0";
                tau2 = 0;
            }
        }
        return new Tau2Estimate(method, Math.max(0, tau2), iter, true, message);
    }

    /** Fisher scoring ended without converging: the score-equation fallback, or non-convergence. */
    private static Tau2Estimate notSettled(Tau2Method method, MetaModel m, FitControl c, int iterations, double last,
                                           String why) {
        String what = "Fisher scoring for " + method.name() + " " + why;
        if (!c.scoreFallback()) {
            return new Tau2Estimate(method, last, iterations, false, what);
        }
        return scoreRoot(method, m, iterations, what);
    }

    /**
     * When Fisher scoring does not settle (it can oscillate between two values, or meet a step it cannot
     * compute), the estimate is still the root of the score equation: ML Σw²r² = Σw, REML Y'PPY = tr(P),
     * EB Q k/(k−p) = k. The score is positive below the estimate and negative above it, so the root is
     * bracketed between 0 and a value where the score is negative and found by Brent's method; when the
     * score is not positive at 0 the estimate is 0. The fit is then reported as converged with a note.
     *
     * <p>Bounds: the upper end of the bracket starts at max(100, 10 mad(y)²) (metafor's tau2.max) and
     * is multiplied by 10 while the score is positive, up to 1e15; Brent's method evaluates the score
     * at most {@value #BRENT_MAX_EVALUATIONS} times. When the score cannot be evaluated (not finite) or
     * has no root in that range, the fit is reported as not converged.
     */
    static Tau2Estimate scoreRoot(Tau2Method method, MetaModel m, int iterations, String why) {
        MetaModel.Eval w = m.evaluator();
        DoubleUnaryOperator score = t -> {
            w.at(t);
            return switch (method) {
                case ML -> w.yppy - w.sumW;
                case REML -> w.yppy - w.trP;
                default -> w.rss * m.k() / (m.k() - m.p()) - m.k();
            };
        };
        double s0 = score.applyAsDouble(0);
        if (Double.isNaN(s0)) {
            return new Tau2Estimate(method, Double.NaN, iterations, false, why
                    + ", and the score equation cannot be evaluated in double precision");
        }
        if (!(s0 > 0)) {
            return new Tau2Estimate(method, 0, iterations, true, why + "; the score is not positive at tau² = 0, so tau² = 0");
        }
        double hi = Math.max(tau2Max(m), 1);
        double sHi = score.applyAsDouble(hi);
        while (sHi > 0) {
            hi *= 10;
            if (hi > 1e15) {
                break;
            }
            sHi = score.applyAsDouble(hi);
        }
        if (!(sHi <= 0) || !Double.isFinite(hi)) {
            return new Tau2Estimate(method, Double.NaN, iterations, false, why + ", and the score equation has no root"
                    + (Double.isNaN(sHi) ? " that can be computed in double precision" : ""));
        }
        double root = solve(score, 0, hi);
        if (Double.isNaN(root)) {
            return new Tau2Estimate(method, Double.NaN, iterations, false, why
                    + ", and Brent's method could not solve the score equation in double precision");
        }
        return new Tau2Estimate(method, root, iterations, true, why + "; the score equation was solved by Brent's method instead");
    }

    /** The (restricted) log-likelihood up to a constant that does not depend on tau². */
    static double logLik(MetaModel m, double tau2, boolean reml) {
        MetaModel.Eval w = m.evaluator().at(tau2);
        double sl = 0;
        for (int i = 0, k = m.k(); i < k; i++) {
            sl += Math.log(m.v(i) + tau2);
        }
        double ll = -0.5 * sl - 0.5 * w.rss;
        if (reml) {
            ll -= 0.5 * (m.p() == 1 ? Math.log(w.sumW) : m.logDetXtWX(tau2));
        }
        return ll;
    }
}
