package org.strokemeta.pool;

import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;

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
    /** Restricted maximum likelihood by Fisher scoring (Viechtbauer 2005), starting from HE. */
    REML("restricted maximum likelihood") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return fisherScoring(this, m, c);
        }
    },
    /** Maximum likelihood by Fisher scoring (Hardy and Thompson 1996), starting from HE. */
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
    /** Sidik and Jonkman (2005) two-step estimator starting from Σ(y−ȳ)²/k. */
    SJ("Sidik-Jonkman") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            double t0 = m.centredVariance();
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
    /** Empirical Bayes (Morris 1983; Berkey et al. 1995), iterated as metafor does, starting from HE. */
    EB("empirical Bayes") {
        @Override
        Tau2Estimate estimate(MetaModel m, FitControl c) {
            return fisherScoring(this, m, c);
        }
    };

    private final String label;

    Tau2Method(String label) {
        this.label = label;
    }

    /** The estimator's full name, for reports. */
    public String label() {
        return label;
    }

    /** Estimates tau² for the model. */
    abstract Tau2Estimate estimate(MetaModel m, FitControl c);

    /** Estimates tau² for the model (public entry point). */
    public Tau2Estimate fit(MetaModel m, FitControl c) {
        if (m.k() <= m.p()) {
            // metafor fits k = 1 with tau² = 0; there is nothing to estimate it from.
            return new Tau2Estimate(this, 0, 0, true, "tau² set to 0: " + m.k() + " stud" + (m.k() == 1 ? "y" : "ies")
                    + " cannot inform a between-study variance");
        }
        return estimate(m, c);
    }

    public static Tau2Method parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown tau² estimator '" + s + "' (expected one of DL, REML, ML, PM, SJ, HE, HS, EB)");
        }
    }

    static double hedges(MetaModel m) {
        double[] rt = m.olsRssAndTrace();
        return Math.max(0, (rt[0] - rt[1]) / (m.k() - m.p()));
    }

    /** metafor's default upper end of the tau² search: max(100, 10 mad(y)²). */
    static double tau2Max(MetaModel m) {
        double mad = mad(m.y());
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

    /**
     * The tau² at which the generalised Q statistic Q(tau²) = Σ w(tau²) r(tau²)² equals {@code target},
     * for Q(0) above the target. Q is decreasing and convex in tau² (it is the minimum over the
     * coefficients of quadratic-over-linear terms, jointly convex), and dQ/dtau² = −Σ w² r², so Newton's
     * method started at 0 increases monotonically to the root without overshooting; it stops when
     * the step is at the level of rounding.
     */
    static QRoot solveQ(MetaModel m, double target) {
        return solveQ(m, target, 0);
    }

    /** As {@link #solveQ(MetaModel, double)}, starting from a tau² known to lie left of the root (Q(start) ≥ target). */
    static QRoot solveQ(MetaModel m, double target, double start) {
        double t = start;
        MetaModel.Eval w = m.evaluator();
        for (int it = 1; it <= 200; it++) {
            w.at(t);
            double diff = w.rss - target;
            if (diff <= 0 && it > 1) {
                return new QRoot(t, it, true);
            }
            double step = diff / w.yppy;
            if (!(step > 0) || !Double.isFinite(step)) {
                return new QRoot(t, it, diff <= 0 || step == 0);
            }
            t += step;
            if (step <= 4 * Math.ulp(t)) {
                return new QRoot(t, it, true);
            }
        }
        return new QRoot(t, 200, false);
    }

    /** A root of Q(tau²) = target with the Newton iterations used. */
    record QRoot(double tau2, int iterations, boolean converged) {
    }

    /** A root of f on [lo, hi] to machine precision (Brent 1973). */
    static double solve(DoubleUnaryOperator f, double lo, double hi) {
        return new BrentSolver(1e-15, 1e-300, 0).findRoot(f, lo, hi);
    }

    /**
     * Fisher scoring for ML, REML and EB exactly as metafor::rma.uni iterates it: start at the HE
     * estimate (truncated at 0), step {@code adj} with step halving to stay non-negative, stop when
     * the change is below the threshold; then, for ML and REML, the tau² = 0 likelihood check.
     */
    static Tau2Estimate fisherScoring(Tau2Method method, MetaModel m, FitControl c) {
        int k = m.k();
        int p = m.p();
        double tau2 = hedges(m);
        double change = Double.POSITIVE_INFINITY;
        int iter = 0;
        MetaModel.Eval w = m.evaluator();
        while (change > c.threshold()) {
            iter++;
            if (iter > c.maxIter()) {
                if (!c.scoreFallback()) {
                    return new Tau2Estimate(method, tau2, iter - 1, false, "Fisher scoring for " + method.name()
                            + " did not converge in " + c.maxIter() + " iterations (last change in tau² " + change + ")");
                }
                return scoreRoot(method, m, c, iter - 1, change);
            }
            double old = tau2;
            w.at(tau2);
            double adj = switch (method) {
                case ML -> (w.yppy - w.sumW) / w.sumW2;
                case REML -> (w.yppy - w.trP) / w.trPP;
                case EB -> (w.rss * k / (k - p) - k) / w.sumW;
                default -> throw new IllegalStateException();
            };
            adj *= c.stepAdj();
            if (Double.isNaN(adj)) {
                adj = 0;
            }
            while (tau2 + adj < 0) {
                adj /= 2;
            }
            tau2 += adj;
            change = Math.abs(old - tau2);
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

    /**
     * When Fisher scoring does not settle (it can oscillate between two values), the estimate is
     * still the root of the score equation: ML Σw²r² = Σw, REML Y'PPY = tr(P), EB Q k/(k−p) = k.
     * The score is positive below the estimate and negative above it, so the root is bracketed
     * between 0 and a value where the score is negative and found by Brent's method; when the
     * score is not positive at 0 the estimate is 0. The fit is then reported as converged with a note.
     */
    static Tau2Estimate scoreRoot(Tau2Method method, MetaModel m, FitControl c, int iterations, double lastChange) {
        MetaModel.Eval w = m.evaluator();
        DoubleUnaryOperator score = t -> {
            w.at(t);
            return switch (method) {
                case ML -> w.yppy - w.sumW;
                case REML -> w.yppy - w.trP;
                default -> w.rss * m.k() / (m.k() - m.p()) - m.k();
            };
        };
        String why = "Fisher scoring for " + method.name() + " did not settle in " + c.maxIter()
                + " iterations (last change in tau² " + lastChange + ")";
        if (!(score.applyAsDouble(0) > 0)) {
            return new Tau2Estimate(method, 0, iterations, true, why + "; the score is not positive at tau² = 0, so tau² = 0");
        }
        double hi = Math.max(tau2Max(m), 1);
        while (score.applyAsDouble(hi) > 0) {
            hi *= 10;
            if (hi > 1e15) {
                return new Tau2Estimate(method, Double.NaN, iterations, false, why + " and the score equation has no root");
            }
        }
        double root = solve(score, 0, hi);
        return new Tau2Estimate(method, root, iterations, true, why + "; the score equation was solved by Brent's method instead");
    }

    /** The (restricted) log-likelihood up to a constant that does not depend on tau². */
    static double logLik(MetaModel m, double tau2, boolean reml) {
        MetaModel.Eval w = m.evaluator().at(tau2);
        double sl = 0;
        for (double vi : m.v()) {
            sl += Math.log(vi + tau2);
        }
        double ll = -0.5 * sl - 0.5 * w.rss;
        if (reml) {
            ll -= 0.5 * (m.p() == 1 ? Math.log(w.sumW) : m.logDetXtWX(tau2));
        }
        return ll;
    }
}
