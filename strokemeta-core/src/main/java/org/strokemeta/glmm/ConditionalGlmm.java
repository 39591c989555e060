package org.strokemeta.glmm;

import java.util.List;
import org.strokemeta.internal.QuasiNewton;
import org.strokemeta.pool.Execution;

/**
 * The conditional logistic model with the exact likelihood (metafor's {@code rma.glmm(measure = "OR", model = "CM.EL")};
 * van Houwelingen, Zwinderman and Stijnen 1993, Stat Med 12:2273-2284; Stijnen, Hamza and Özdemir 2010, Stat Med
 * 29:3046-3067): given a trial's two arm sizes and its total events, the events of the treatment arm follow Fisher's
 * non-central hypergeometric distribution with the trial's odds ratio exp(theta_i). The fixed-effect model has
 * theta_i = mu; the random-effects model theta_i ~ N(mu, tau²), each trial's likelihood integrated over theta_i by
 * adaptive Gauss-Hermite quadrature of {@value #NODES} points around the integrand's mode (the integrand is log-concave:
 * the distribution's log-probability is concave in theta), which reaches the precision of metafor's adaptive
 * integration. No continuity correction: a trial with a zero cell has a finite likelihood.
 */
final class ConditionalGlmm {
    private ConditionalGlmm() {
    }

    /** Quadrature points per trial and likelihood evaluation. */
    static final int NODES = 40;

    /** tau² below this is taken as 0 (metafor's tau2tol), the estimate then the fixed-effect one. */
    static final double TAU2_TOL = 1e-4;

    /** One trial's conditional distribution: the log-weights log C(n1, x) + log C(n2, m1 − x) over its support. */
    static final class Trial {
        final int lo;
        final int a;
        final double[] logW;

        Trial(double xt, double nt, double xc, double nc) {
            double m1 = xt + xc;
            lo = (int) Math.max(0, m1 - nc);
            int hi = (int) Math.min(nt, m1);
            a = (int) xt;
            logW = new double[hi - lo + 1];
            for (int x = lo; x <= hi; x++) {
                logW[x - lo] = Marginal.logChoose(nt, x) + Marginal.logChoose(nc, m1 - x);
            }
        }

        /** The observed count at an end of the support: the trial's own conditional MLE is infinite. */
        boolean atBound() {
            return a == lo || a == lo + logW.length - 1;
        }

        /** {log P(a | theta), E[X], Var[X]} at the odds ratio exp(theta). */
        double[] eval(double theta) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < logW.length; j++) {
                max = Math.max(max, logW[j] + (lo + j) * theta);
            }
            double s = 0;
            double m = 0;
            double m2 = 0;
            for (int j = 0; j < logW.length; j++) {
                double w = Math.exp(logW[j] + (lo + j) * theta - max);
                double x = lo + j;
                s += w;
                m += x * w;
                m2 += x * x * w;
            }
            m /= s;
            double v = Math.max(0, m2 / s - m * m);
            return new double[] {logW[a - lo] + a * theta - max - Math.log(s), m, v};
        }
    }

    /** The fixed-effect fit: {mu, se, log-likelihood}, mu the root of the score sum(a_i − E_i[X]). */
    static double[] fixedEffect(List<Trial> trials) {
        boolean allLow = trials.stream().allMatch(t -> t.a == t.lo);
        boolean allHigh = trials.stream().allMatch(t -> t.a == t.lo + t.logW.length - 1);
        if (allLow || allHigh) {
            throw new IllegalArgumentException("the conditional odds ratio is " + (allLow ? "0" : "infinite") + ": every trial has "
                    + (allLow ? "no events in the treatment arm or all in the control arm" : "its events in the treatment arm only"));
        }
        double mu = 0;
        for (int it = 0; it < 200; it++) {
            double g = 0;
            double h = 0;
            for (Trial t : trials) {
                double[] e = t.eval(mu);
                g += t.a - e[1];
                h += e[2];
            }
            double step = g / h;
            step = Math.max(-2, Math.min(2, step));
            mu += step;
            if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(mu))) {
                break;
            }
        }
        double ll = 0;
        double info = 0;
        for (Trial t : trials) {
            double[] e = t.eval(mu);
            ll += e[0];
            info += e[2];
        }
        return new double[] {mu, 1 / Math.sqrt(info), ll};
    }

    /**
     * The log of one trial's likelihood integrated over theta ~ N(mu, tau²), with the posterior moments E[d^j] of
     * d = theta − mu (j = 1..4): {log L, E[d], E[d²], E[d³], E[d⁴]}.
     */
    static double[] marginal(Trial t, double mu, double tau2, double[][] nodes) {
        // the mode of g(theta) = log P(a | theta) + log phi(theta; mu, tau²): Newton, g concave
        double th = mu;
        double[] e = t.eval(th);
        double gv = e[0] - (th - mu) * (th - mu) / (2 * tau2);
        for (int it = 0; it < 200; it++) {
            double g1 = t.a - e[1] - (th - mu) / tau2;
            double g2 = -e[2] - 1 / tau2;
            double step = -g1 / g2;
            double nt = th + step;
            double[] ne = t.eval(nt);
            double nv = ne[0] - (nt - mu) * (nt - mu) / (2 * tau2);
            int halv = 0;
            while (!(nv >= gv - 1e-15 * Math.abs(gv)) && halv < 60) {
                step /= 2;
                nt = th + step;
                ne = t.eval(nt);
                nv = ne[0] - (nt - mu) * (nt - mu) / (2 * tau2);
                halv++;
            }
            th = nt;
            e = ne;
            gv = nv;
            if (Math.abs(step) < 1e-13 * Math.max(1, Math.abs(th))) {
                break;
            }
        }
        double s = 1 / Math.sqrt(e[2] + 1 / tau2);
        double[] x = nodes[0];
        double[] w = nodes[1];
        int n = x.length;
        double[] terms = new double[n];
        double[] d = new double[n];
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            double tj = th + Math.sqrt(2) * s * x[j];
            d[j] = tj - mu;
            terms[j] = Math.log(w[j]) + x[j] * x[j] + t.eval(tj)[0] - d[j] * d[j] / (2 * tau2);
            max = Math.max(max, terms[j]);
        }
        double sum = 0;
        double[] m = new double[5];
        for (int j = 0; j < n; j++) {
            double p = Math.exp(terms[j] - max);
            sum += p;
            double dj = 1;
            for (int k = 1; k <= 4; k++) {
                dj *= d[j];
                m[k] += p * dj;
            }
        }
        m[0] = max + Math.log(sum) + Math.log(Math.sqrt(2) * s) - 0.5 * Math.log(2 * Math.PI * tau2);
        for (int k = 1; k <= 4; k++) {
            m[k] /= sum;
        }
        return m;
    }

    /**
     * The random-effects log-likelihood at (mu, rho = log tau²) with its gradient and Hessian: {ll, g_mu, g_rho,
     * h_mumu, h_murho, h_rhorho}, each trial's from the normal density's score and second derivatives averaged over its
     * posterior (Louis 1982, J R Stat Soc B 44:226-233): H = E[d² log phi] + Var[score].
     */
    static double[] derivatives(List<Trial> trials, double mu, double rho, double[][] nodes) {
        double t2 = Math.exp(rho);
        double[] out = new double[6];
        for (Trial t : trials) {
            double[] e = marginal(t, mu, t2, nodes);
            double s1 = e[1] / t2;
            double s2 = -0.5 + e[2] / (2 * t2);
            double e11 = e[2] / (t2 * t2);
            double e12 = -e[1] / (2 * t2) + e[3] / (2 * t2 * t2);
            double e22 = 0.25 - e[2] / (2 * t2) + e[4] / (4 * t2 * t2);
            out[0] += e[0];
            out[1] += s1;
            out[2] += s2;
            out[3] += -1 / t2 + e11 - s1 * s1;
            out[4] += -e[1] / t2 + e12 - s1 * s2;
            out[5] += -e[2] / (2 * t2) + e22 - s2 * s2;
        }
        return out;
    }

    /**
     * The random-effects fit by ML: {mu, se(mu), tau², se(tau²), log-likelihood, converged (1/0)}: a quasi-Newton search
     * from the fixed-effect estimate and tau² = 0.1, then Newton's method with the analytic Hessian; the standard errors
     * from the inverse of the negative Hessian in (mu, log tau²), se(tau²) by the delta rule, as metafor.
     */
    static double[] randomEffects(List<Trial> trials, double[] fe, StringBuilder message) {
        double[][] nodes = Marginal.gaussHermite(NODES);
        QuasiNewton.Objective f = (p, g) -> {
            double[] dv = derivatives(trials, p[0], Math.max(-40, p[1]), nodes);
            g[0] = dv[1];
            g[1] = dv[2];
            return dv[0];
        };
        double[] start = {fe[0], Math.log(0.1)};
        QuasiNewton.Result r = QuasiNewton.maximise(f, start, new double[] {1, 1}, 300, 1e-13, null, null, Execution.singleThread());
        double mu = r.x()[0];
        double rho = Math.max(-40, r.x()[1]);
        boolean converged = r.converged() || r.message().startsWith("the line search");
        String how = r.message();
        double[] dv = derivatives(trials, mu, rho, nodes);
        for (int it = 0; it < 50 && rho > Math.log(TAU2_TOL) - 4; it++) {
            double det = dv[3] * dv[5] - dv[4] * dv[4];
            if (!(dv[3] < 0 && det > 0)) {
                break;
            }
            double d0 = -(dv[5] * dv[1] - dv[4] * dv[2]) / det;
            double d1 = -(-dv[4] * dv[1] + dv[3] * dv[2]) / det;
            double[] nd = derivatives(trials, mu + d0, rho + d1, nodes);
            int halv = 0;
            while (!(nd[0] >= dv[0] - 1e-12 * Math.abs(dv[0])) && halv < 30) {
                d0 /= 2;
                d1 /= 2;
                nd = derivatives(trials, mu + d0, rho + d1, nodes);
                halv++;
            }
            if (!(nd[0] >= dv[0] - 1e-12 * Math.abs(dv[0]))) {
                break;
            }
            mu += d0;
            rho += d1;
            dv = nd;
            if (Math.abs(d0) < 1e-13 * Math.max(1, Math.abs(mu)) && Math.abs(d1) < 1e-12) {
                converged = true;
                how = "Newton's method converged";
                break;
            }
        }
        message.append(how);
        double tau2 = Math.exp(rho);
        if (tau2 < TAU2_TOL) {
            // as metafor: tau² effectively 0, the fixed-effect estimate and its standard error
            return new double[] {fe[0], fe[1], 0, Double.NaN, fe[2], converged ? 1 : 0};
        }
        double det = dv[3] * dv[5] - dv[4] * dv[4];
        double varMu = -dv[5] / det;
        double varRho = -dv[3] / det;
        return new double[] {mu, Math.sqrt(varMu), tau2, Math.sqrt(varRho) * tau2, dv[0], converged ? 1 : 0};
    }

    /**
     * metafor's heterogeneity tests against the model with one odds ratio per trial: {Wald, saturated log-likelihood}.
     * Wald: sum of w_i (theta_i − weighted mean)², theta_i the trial's conditional MLE and w_i its information; a trial
     * whose MLE is infinite (a zero cell) adds nothing to it and 0 (log 1) to the saturated log-likelihood.
     */
    static double[] saturated(List<Trial> trials) {
        java.util.List<double[]> tw = new java.util.ArrayList<>();
        double ll = 0;
        for (Trial t : trials) {
            if (t.atBound()) {
                continue;
            }
            double th = 0;
            for (int it = 0; it < 200; it++) {
                double[] e = t.eval(th);
                double step = (t.a - e[1]) / e[2];
                step = Math.max(-2, Math.min(2, step));
                th += step;
                if (Math.abs(step) < 1e-14 * Math.max(1, Math.abs(th))) {
                    break;
                }
            }
            double[] e = t.eval(th);
            tw.add(new double[] {th, e[2]});
            ll += e[0];
        }
        double sw = 0;
        double swt = 0;
        for (double[] x : tw) {
            sw += x[1];
            swt += x[1] * x[0];
        }
        double mean = sw > 0 ? swt / sw : 0;
        double wald = 0;
        for (double[] x : tw) {
            wald += x[1] * (x[0] - mean) * (x[0] - mean);
        }
        return new double[] {wald, ll};
    }
}
