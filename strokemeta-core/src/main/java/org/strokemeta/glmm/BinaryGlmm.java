package org.strokemeta.glmm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.internal.Dist;
import org.strokemeta.internal.QuasiNewton;
import org.strokemeta.pool.Execution;

/**
 * Logistic mixed models of 2×2 tables, as metafor's {@code rma.glmm(measure = "OR", method = "ML")} fits them with lme4
 * (Stijnen, Hamza and Özdemir 2010, Stat Med 29:3046-3067; Jackson et al. 2018, Stat Med 37:1059-1085):
 * <ul>
 * <li>UM.FS: logit p_i,arm = alpha_i + theta·[treatment] + u_i·(±1/2), fixed trial intercepts alpha_i, u_i ~ N(0, tau²);
 * <li>UM.RS: logit p_i,arm = mu + v_i + theta·[treatment] + u_i·(±1/2), v_i ~ N(0, sigma²) and u_i ~ N(0, tau²)
 * independent.
 * </ul>
 * The marginal likelihood is integrated by adaptive Gauss-Hermite quadrature (UM.FS) or the Laplace approximation
 * (UM.RS), as glmer; the standard error of theta comes from the inverse of the Hessian of the log-likelihood in all the
 * model's parameters (as glmer's vcov). The tests of heterogeneity are metafor's: the Wald test that the trials'
 * treatment effects are equal in the model with one effect per trial, and the likelihood-ratio test against it. A trial
 * without events in either arm, or with only events, carries no information on the odds ratio and is left out, with a
 * note.
 */
public final class BinaryGlmm {
    private BinaryGlmm() {
    }

    /** One trial's arms: treatment first. */
    record Trial(String name, double xt, double nt, double xc, double nc, double logC) {
        double[] x() {
            return new double[] {xt, xc};
        }

        double[] n() {
            return new double[] {nt, nc};
        }
    }

    /**
     * Fits the model to binary two-arm data ({@code events_treat}, {@code total_treat}, {@code events_ctrl},
     * {@code total_ctrl}).
     *
     * @param t the table
     * @param o the options
     * @return the fit
     */
    public static GlmmResult fit(Table t, GlmmOptions o) {
        return fit(StudyLoader.binary(t), o);
    }

    /**
     * Fits the model.
     *
     * @param bs the trials
     * @param o  the options
     * @return the fit
     * @throws IllegalArgumentException when fewer than two trials have information on the odds ratio
     */
    public static GlmmResult fit(BinaryStudies bs, GlmmOptions o) {
        List<String> notes = new ArrayList<>();
        List<Trial> trials = new ArrayList<>();
        for (int i = 0; i < bs.size(); i++) {
            double xt = bs.eventsTreat(i);
            double nt = bs.totalTreat(i);
            double xc = bs.eventsCtrl(i);
            double nc = bs.totalCtrl(i);
            if (xt == 0 && xc == 0 || xt == nt && xc == nc) {
                notes.add(bs.study(i) + " (line " + bs.lines(i) + "): left out, " + (xt == 0 ? "no events" : "only events") + " in both arms");
                continue;
            }
            trials.add(new Trial(bs.study(i), xt, nt, xc, nc, Marginal.logChoose(nt, xt) + Marginal.logChoose(nc, xc)));
        }
        int k = trials.size();
        if (k < 2) {
            throw new IllegalArgumentException("a logistic mixed model needs at least two trials with events, not " + k);
        }
        if (o.model() == GlmmOptions.Model.CM_EL) {
            return conditional(trials, o, notes);
        }
        double[][] nodes = o.nAGQ() > 1 ? Marginal.gaussHermite(o.nAGQ()) : null;
        Fit ml = o.model() == GlmmOptions.Model.UM_FS ? fitFs(trials, o.nAGQ(), nodes) : fitRs(trials);
        double crit = Dist.zCrit(o.level());
        double z = ml.theta / ml.se;
        // heterogeneity: the model with one treatment effect per trial
        double llQe;
        double wald;
        if (o.model() == GlmmOptions.Model.UM_FS) {
            llQe = 0;
            for (Trial tr : trials) {
                llQe += tr.logC() + xlogp(tr.xt(), tr.nt()) + xlogp(tr.xc(), tr.nc());
            }
            wald = cochranQ(trials);
        } else {
            double[] qe = saturatedRs(trials);
            llQe = qe[0];
            wald = qe[1];
        }
        // metafor's likelihood-ratio test compares the model with one effect per trial with the model without the random
        // treatment effect (tau² = 0)
        double llFe = o.model() == GlmmOptions.Model.UM_FS ? fixedFs(trials) : fixedRs(trials);
        double lrt = Math.max(0, 2 * (llQe - llFe));
        int df = k - 1;
        List<String> names = trials.stream().map(Trial::name).toList();
        if (!ml.converged) {
            notes.add("the optimiser did not converge: " + ml.message);
        }
        return new GlmmResult(o, names, ml.theta, ml.se, z, Dist.pNormal2(z), ml.theta - crit * ml.se, ml.theta + crit * ml.se,
                ml.tau * ml.tau, o.model() == GlmmOptions.Model.UM_RS ? ml.sigma * ml.sigma : Double.NaN, Double.NaN, df, wald,
                Double.isNaN(wald) ? Double.NaN : Dist.pChisq(wald, df), lrt, Dist.pChisq(Math.max(0, lrt), df), ml.logLik, ml.converged,
                ml.message, notes);
    }

    record Fit(double theta, double se, double tau, double sigma, double logLik, boolean converged, String message) {
    }

    /** CM.EL: the conditional model with the exact likelihood, fixed or random effects. */
    private static GlmmResult conditional(List<Trial> trials, GlmmOptions o, List<String> notes) {
        List<ConditionalGlmm.Trial> ct = new ArrayList<>();
        for (Trial t : trials) {
            ct.add(new ConditionalGlmm.Trial(t.xt(), t.nt(), t.xc(), t.nc()));
        }
        double[] fe = ConditionalGlmm.fixedEffect(ct);
        double est;
        double se;
        double tau2;
        double tau2Se;
        double ll;
        boolean converged = true;
        String message = "fixed effect: the root of the score";
        if (o.fixedEffect()) {
            est = fe[0];
            se = fe[1];
            tau2 = 0;
            tau2Se = Double.NaN;
            ll = fe[2];
        } else {
            StringBuilder msg = new StringBuilder();
            double[] re = ConditionalGlmm.randomEffects(ct, fe, msg);
            est = re[0];
            se = re[1];
            tau2 = re[2];
            tau2Se = re[3];
            ll = re[4];
            converged = re[5] == 1;
            message = msg.toString();
            if (tau2 == 0) {
                notes.add("tau² is below " + ConditionalGlmm.TAU2_TOL + ": taken as 0, the estimate and its standard error those of the "
                        + "fixed-effect model (as metafor)");
            }
            if (!converged) {
                notes.add("the optimiser did not converge: " + message);
            }
        }
        double[] sat = ConditionalGlmm.saturated(ct);
        long infinite = ct.stream().filter(ConditionalGlmm.Trial::atBound).count();
        if (infinite > 0) {
            notes.add(infinite + (infinite == 1 ? " trial has" : " trials have") + " a zero cell: its own conditional odds ratio is 0 or "
                    + "infinite, so it adds nothing to the Wald test of heterogeneity (its likelihood is in every model)");
        }
        int df = trials.size() - 1;
        double lrt = Math.max(0, 2 * (sat[1] - fe[2]));
        double crit = Dist.zCrit(o.level());
        double z = est / se;
        return new GlmmResult(o, trials.stream().map(Trial::name).toList(), est, se, z, Dist.pNormal2(z), est - crit * se, est + crit * se, tau2,
                Double.NaN, tau2Se, df, sat[0], Dist.pChisq(sat[0], df), lrt, Dist.pChisq(lrt, df), ll, converged, message, notes);
    }

    private static double xlogp(double x, double n) {
        double p = x / n;
        return (x > 0 ? x * Math.log(p) : 0) + (n - x > 0 ? (n - x) * Math.log1p(-p) : 0);
    }

    /** The Wald test of equal treatment effects with one free effect per trial: Cochran's Q of the trials' log odds ratios
     * (a trial with an arm without events or with only events has an infinite effect and no weight, as in the limit the
     * saturated logistic fit approaches). */
    private static double cochranQ(List<Trial> trials) {
        double sw = 0;
        double swy = 0;
        double swy2 = 0;
        for (Trial t : trials) {
            if (t.xt() == 0 || t.xt() == t.nt() || t.xc() == 0 || t.xc() == t.nc()) {
                continue;
            }
            double y = Math.log(t.xt() / (t.nt() - t.xt())) - Math.log(t.xc() / (t.nc() - t.xc()));
            double v = 1 / t.xt() + 1 / (t.nt() - t.xt()) + 1 / t.xc() + 1 / (t.nc() - t.xc());
            sw += 1 / v;
            swy += y / v;
            swy2 += y * y / v;
        }
        return sw == 0 ? Double.NaN : swy2 - swy * swy / sw;
    }

    // ---------------------------------------------------------------- UM.FS

    private static double fsTrial(Trial t, double alpha, double theta, double tau, int nAGQ, double[][] nodes) {
        return Marginal.logLik(t.x(), t.n(), new double[] {alpha + theta, alpha}, new double[][] {{tau / 2}, {-tau / 2}}, 1, nAGQ, nodes, t.logC());
    }

    private static Fit fitFs(List<Trial> trials, int nAGQ, double[][] nodes) {
        int k = trials.size();
        double[] alpha = new double[k];
        for (int i = 0; i < k; i++) {
            Trial t = trials.get(i);
            alpha[i] = Math.log((t.xc() + 0.5) / (t.nc() - t.xc() + 0.5));
        }
        // the profile log-likelihood of (theta, tau): each trial's intercept maximised on its own
        QuasiNewton.Objective profile = withNumericGradient(p -> fsProfile(trials, alpha, p[0], p[1], nAGQ, nodes));
        double[] start = {pooledLogOr(trials), 0.5};
        QuasiNewton.Result r = QuasiNewton.maximise(profile, start, new double[] {1, 1}, 200, 1e-12, null, null, Execution.singleThread());
        double theta = r.x()[0];
        double tau = Math.abs(r.x()[1]);
        double ll = fsProfile(trials, alpha, theta, tau, nAGQ, nodes);
        // the Hessian in (alpha_1..alpha_k, theta[, tau]) from each trial's own 3×3 block
        boolean withTau = tau > 1e-4;
        int dim = k + (withTau ? 2 : 1);
        double[] hess = new double[dim * dim];
        for (int i = 0; i < k; i++) {
            Trial t = trials.get(i);
            int[] idx = withTau ? new int[] {i, k, k + 1} : new int[] {i, k};
            double[] at = withTau ? new double[] {alpha[i], theta, tau} : new double[] {alpha[i], theta};
            double[] hb = hessian(x -> fsTrial(t, x[0], x[1], withTau ? x[2] : 0, nAGQ, nodes), at, 1e-4);
            add(hess, dim, idx, hb);
        }
        double se = seOf(hess, dim, k);
        return new Fit(theta, se, tau < 1e-4 ? 0 : tau, Double.NaN, ll, r.converged() || r.message().startsWith("the line search"),
                r.message());
    }

    private static double fsProfile(List<Trial> trials, double[] alpha, double theta, double tau, int nAGQ, double[][] nodes) {
        double s = 0;
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            final double th = theta;
            final double ta = tau;
            double[] best = maximise1d(a -> fsTrial(t, a, th, ta, nAGQ, nodes), alpha[i], 60);
            alpha[i] = best[0];
            s += best[1];
        }
        return s;
    }

    /** The maximised log-likelihood of UM.FS without the random treatment effect (the logistic model with trial intercepts). */
    private static double fixedFs(List<Trial> trials) {
        int k = trials.size();
        double[] alpha = new double[k];
        for (int i = 0; i < k; i++) {
            Trial t = trials.get(i);
            alpha[i] = Math.log((t.xc() + 0.5) / (t.nc() - t.xc() + 0.5));
        }
        return maximise1d(th -> fsProfile(trials, alpha, th, 0, 1, null), pooledLogOr(trials), 60)[1];
    }

    /** The maximised log-likelihood of UM.RS without the random treatment effect (random intercepts only). */
    private static double fixedRs(List<Trial> trials) {
        QuasiNewton.Objective f = withNumericGradient(p -> rsTotal(trials, new double[] {p[0], p[1], p[2], 0}));
        double xc = 0;
        double nc = 0;
        for (Trial t : trials) {
            xc += t.xc();
            nc += t.nc();
        }
        double[] start = {Math.log((xc + 0.5) / (nc - xc + 0.5)), pooledLogOr(trials), 0.5};
        QuasiNewton.Result r = QuasiNewton.maximise(f, start, new double[] {1, 1, 1}, 300, 1e-12, null, null, Execution.singleThread());
        return rsTotal(trials, new double[] {r.x()[0], r.x()[1], Math.abs(r.x()[2]), 0});
    }

    // ---------------------------------------------------------------- UM.RS

    private static double rsTrial(Trial t, double mu, double theta, double sigma, double tau) {
        return Marginal.logLik(t.x(), t.n(), new double[] {mu + theta, mu}, new double[][] {{sigma, tau / 2}, {sigma, -tau / 2}}, 2, 1, null,
                t.logC());
    }

    static double rsTotal(List<Trial> trials, double[] p) {
        double s = 0;
        for (Trial t : trials) {
            s += rsTrial(t, p[0], p[1], p[2], p[3]);
        }
        return s;
    }

    static Fit fitRs(List<Trial> trials) {
        double xc = 0;
        double nc = 0;
        for (Trial t : trials) {
            xc += t.xc();
            nc += t.nc();
        }
        QuasiNewton.Objective f = withNumericGradient(p -> rsTotal(trials, p));
        double[] start = {Math.log((xc + 0.5) / (nc - xc + 0.5)), pooledLogOr(trials), 0.5, 0.3};
        QuasiNewton.Result r = QuasiNewton.maximise(f, start, new double[] {1, 1, 1, 1}, 300, 1e-12, null, null, Execution.singleThread());
        double[] p = r.x().clone();
        p[2] = Math.abs(p[2]);
        p[3] = Math.abs(p[3]);
        double ll = rsTotal(trials, p);
        // the Hessian in the parameters away from 0 (a variance at 0 is left out: the likelihood is even in its SD)
        List<Integer> keep = new ArrayList<>(List.of(0, 1));
        if (p[2] > 1e-4) {
            keep.add(2);
        }
        if (p[3] > 1e-4) {
            keep.add(3);
        }
        int d = keep.size();
        double[] base = p.clone();
        double[] at = new double[d];
        for (int j = 0; j < d; j++) {
            at[j] = base[keep.get(j)];
        }
        double[] hess = hessian(x -> {
            double[] q = base.clone();
            for (int j = 0; j < d; j++) {
                q[keep.get(j)] = x[j];
            }
            for (int j = 2; j < 4; j++) {
                if (!keep.contains(j)) {
                    q[j] = 0;
                }
            }
            return rsTotal(trials, q);
        }, at, 1e-4);
        double se = seOf(hess, d, 1);
        return new Fit(p[1], se, p[3] < 1e-4 ? 0 : p[3], p[2] < 1e-4 ? 0 : p[2], ll, r.converged() || r.message().startsWith("the line search"),
                r.message());
    }

    /**
     * The model with one treatment effect per trial and random intercepts (metafor's saturated UM.RS model):
     * {log-likelihood, Wald test of equal treatment effects}. A trial whose treatment arm has no events or only events
     * has an infinite effect: in the limit its treatment arm fits exactly and it leaves the Wald test.
     */
    static double[] saturatedRs(List<Trial> trials) {
        int k = trials.size();
        double[] th = new double[k];
        boolean[] infinite = new boolean[k];
        for (int i = 0; i < k; i++) {
            Trial t = trials.get(i);
            infinite[i] = t.xt() == 0 || t.xt() == t.nt();
            th[i] = Math.log((t.xt() + 0.5) / (t.nt() - t.xt() + 0.5)) - Math.log((t.xc() + 0.5) / (t.nc() - t.xc() + 0.5));
        }
        QuasiNewton.Objective f = withNumericGradient(p -> satProfile(trials, th, infinite, p[0], p[1]));
        double xc = 0;
        double nc = 0;
        for (Trial t : trials) {
            xc += t.xc();
            nc += t.nc();
        }
        double[] start = {Math.log((xc + 0.5) / (nc - xc + 0.5)), 0.5};
        QuasiNewton.Result r = QuasiNewton.maximise(f, start, new double[] {1, 1}, 200, 1e-12, null, null, Execution.singleThread());
        double mu = r.x()[0];
        double sigma = Math.abs(r.x()[1]);
        double ll = satProfile(trials, th, infinite, mu, sigma);
        // Hessian in (mu[, sigma], theta_i of the finite trials), assembled from the trials' blocks
        boolean withSigma = sigma > 1e-4;
        int[] pos = new int[k];
        int nf = 0;
        for (int i = 0; i < k; i++) {
            pos[i] = infinite[i] ? -1 : nf++;
        }
        int off = withSigma ? 2 : 1;
        int dim = off + nf;
        double[] hess = new double[dim * dim];
        for (int i = 0; i < k; i++) {
            Trial t = trials.get(i);
            if (infinite[i]) {
                double[] at = withSigma ? new double[] {mu, sigma} : new double[] {mu};
                double[] hb = hessian(x -> controlOnly(t, x[0], withSigma ? x[1] : 0), at, 1e-4);
                add(hess, dim, withSigma ? new int[] {0, 1} : new int[] {0}, hb);
            } else {
                final double thi = th[i];
                double[] at = withSigma ? new double[] {mu, sigma, thi} : new double[] {mu, thi};
                double[] hb = hessian(x -> withSigma ? satTrial(t, x[0], x[1], x[2]) : satTrial(t, x[0], 0, x[1]), at, 1e-4);
                add(hess, dim, withSigma ? new int[] {0, 1, off + pos[i]} : new int[] {0, off + pos[i]}, hb);
            }
        }
        double wald = Double.NaN;
        double[] cov = inverseNegative(hess, dim);
        if (cov != null && nf >= 2) {
            // H0: the finite trials' effects are equal: contrasts theta_i − theta_last
            int m = nf - 1;
            double[] d = new double[m];
            double[] dv = new double[m * m];
            int[] fin = new int[nf];
            for (int i = 0, c = 0; i < k; i++) {
                if (!infinite[i]) {
                    fin[c++] = i;
                }
            }
            int last = off + nf - 1;
            for (int a = 0; a < m; a++) {
                d[a] = th[fin[a]] - th[fin[nf - 1]];
                for (int b = 0; b < m; b++) {
                    int ia = off + a;
                    int ib = off + b;
                    dv[a * m + b] = cov[ia * dim + ib] - cov[ia * dim + last] - cov[last * dim + ib] + cov[last * dim + last];
                }
            }
            double[] sol = solveSpd(dv, d, m);
            if (sol != null) {
                wald = 0;
                for (int a = 0; a < m; a++) {
                    wald += d[a] * sol[a];
                }
            }
        }
        return new double[] {ll, wald};
    }

    private static double satTrial(Trial t, double mu, double sigma, double theta) {
        return Marginal.logLik(t.x(), t.n(), new double[] {mu + theta, mu}, new double[][] {{sigma}, {sigma}}, 1, 1, null, t.logC());
    }

    /** The limit of a trial whose treatment arm fits exactly: its control arm alone (with the treatment arm's coefficient). */
    private static double controlOnly(Trial t, double mu, double sigma) {
        return Marginal.logLik(new double[] {t.xc()}, new double[] {t.nc()}, new double[] {mu}, new double[][] {{sigma}}, 1, 1, null, t.logC());
    }

    static double satProfile(List<Trial> trials, double[] th, boolean[] infinite, double mu, double sigma) {
        double s = 0;
        for (int i = 0; i < trials.size(); i++) {
            Trial t = trials.get(i);
            if (infinite[i]) {
                s += controlOnly(t, mu, sigma);
                continue;
            }
            double[] best = maximise1d(x -> satTrial(t, mu, sigma, x), th[i], 60);
            th[i] = best[0];
            s += best[1];
        }
        return s;
    }

    // ---------------------------------------------------------------- numerics

    /** An objective whose gradient is the central difference (step 1e-5) of its value; the value is evaluated last. */
    static QuasiNewton.Objective withNumericGradient(java.util.function.ToDoubleFunction<double[]> f) {
        return (p, g) -> {
            for (int j = 0; j < p.length; j++) {
                double[] a = p.clone();
                double[] b = p.clone();
                a[j] += 1e-5;
                b[j] -= 1e-5;
                g[j] = (f.applyAsDouble(a) - f.applyAsDouble(b)) / 2e-5;
            }
            return f.applyAsDouble(p);
        };
    }

    private static double pooledLogOr(List<Trial> trials) {
        double a = 0;
        double b = 0;
        double c = 0;
        double d = 0;
        for (Trial t : trials) {
            a += t.xt();
            b += t.nt() - t.xt();
            c += t.xc();
            d += t.nc() - t.xc();
        }
        return Math.log((a + 0.5) * (d + 0.5) / ((b + 0.5) * (c + 0.5)));
    }

    /** Maximises a smooth concave function of one variable: Newton's method with central differences, safeguarded by
     * halving, within ±bound of the start; {argmax, max}. */
    static double[] maximise1d(DoubleUnaryOperator f, double x0, double bound) {
        double x = x0;
        double fx = f.applyAsDouble(x);
        double h = 1e-4;
        for (int it = 0; it < 200; it++) {
            double fp = f.applyAsDouble(x + h);
            double fm = f.applyAsDouble(x - h);
            double g = (fp - fm) / (2 * h);
            double c = (fp - 2 * fx + fm) / (h * h);
            double step = c < 0 ? -g / c : Math.signum(g);
            step = Math.max(-5, Math.min(5, step));
            double xn = Math.max(x0 - bound, Math.min(x0 + bound, x + step));
            double fn = f.applyAsDouble(xn);
            int halv = 0;
            while (!(fn >= fx) && halv < 60) {
                step /= 2;
                xn = x + step;
                fn = f.applyAsDouble(xn);
                halv++;
            }
            if (!(fn >= fx)) {
                break;
            }
            boolean done = Math.abs(xn - x) < 1e-11 * Math.max(1, Math.abs(x)) || fn - fx < 1e-15 * Math.max(1, Math.abs(fx)) && Math.abs(g) < 1e-9;
            x = xn;
            fx = fn;
            if (done) {
                break;
            }
        }
        return new double[] {x, fx};
    }

    /** The central-difference Hessian of f at x (row-major). */
    static double[] hessian(java.util.function.ToDoubleFunction<double[]> f, double[] x, double h) {
        int d = x.length;
        double[] out = new double[d * d];
        double f0 = f.applyAsDouble(x);
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double v;
                if (i == j) {
                    double[] a = x.clone();
                    double[] b = x.clone();
                    a[i] += h;
                    b[i] -= h;
                    v = (f.applyAsDouble(a) - 2 * f0 + f.applyAsDouble(b)) / (h * h);
                } else {
                    double[] pp = x.clone();
                    double[] pm = x.clone();
                    double[] mp = x.clone();
                    double[] mm = x.clone();
                    pp[i] += h;
                    pp[j] += h;
                    pm[i] += h;
                    pm[j] -= h;
                    mp[i] -= h;
                    mp[j] += h;
                    mm[i] -= h;
                    mm[j] -= h;
                    v = (f.applyAsDouble(pp) - f.applyAsDouble(pm) - f.applyAsDouble(mp) + f.applyAsDouble(mm)) / (4 * h * h);
                }
                out[i * d + j] = v;
                out[j * d + i] = v;
            }
        }
        return out;
    }

    private static void add(double[] hess, int dim, int[] idx, double[] block) {
        int b = idx.length;
        for (int i = 0; i < b; i++) {
            for (int j = 0; j < b; j++) {
                hess[idx[i] * dim + idx[j]] += block[i * b + j];
            }
        }
    }

    /** sqrt of the diagonal element at index of (−H)^{-1}. */
    private static double seOf(double[] hess, int dim, int index) {
        double[] cov = inverseNegative(hess, dim);
        return cov == null ? Double.NaN : Math.sqrt(cov[index * dim + index]);
    }

    /** (−H)^{-1}, or null when −H is not positive definite. */
    private static double[] inverseNegative(double[] hess, int dim) {
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(dim, dim);
        for (int i = 0; i < dim * dim; i++) {
            m.data[i] = -hess[i];
        }
        org.ejml.data.DMatrixRMaj inv = new org.ejml.data.DMatrixRMaj(dim, dim);
        var solver = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(dim);
        if (!solver.setA(m)) {
            return null;
        }
        solver.invert(inv);
        return inv.data;
    }

    private static double[] solveSpd(double[] a, double[] b, int n) {
        org.ejml.data.DMatrixRMaj m = new org.ejml.data.DMatrixRMaj(n, n, true, a);
        var solver = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.chol(n);
        if (!solver.setA(m)) {
            return null;
        }
        org.ejml.data.DMatrixRMaj x = new org.ejml.data.DMatrixRMaj(n, 1);
        solver.solve(new org.ejml.data.DMatrixRMaj(n, 1, true, b.clone()), x);
        return x.data;
    }
}
