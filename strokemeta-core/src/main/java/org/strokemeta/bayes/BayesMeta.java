package org.strokemeta.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.internal.Quadrature;

/**
 * Bayesian random-effects meta-analysis of the normal-normal model, computed exactly by numerical
 * integration, as the R package bayesmeta computes it (Röver 2020, J Stat Softw 93(6)): y_i | theta_i ~
 * N(theta_i, v_i), theta_i | mu, tau ~ N(mu, tau²), with independent priors for mu (flat or normal) and tau.
 *
 * <p>Given tau, mu is integrated out analytically (sections 2.4-2.5 of Röver 2020): the marginal
 * likelihood p(y | tau) is that of a normal model and mu | tau, y is normal with mean m(tau) and variance
 * V(tau) (precision Σ 1/(v_i + tau²) plus the prior's). The marginal posterior p(tau | y) ∝ p(tau) p(y | tau)
 * is integrated by adaptive Gauss-Kronrod quadrature on pieces split at the prior's quantiles and at a grid
 * over the likelihood's range (the last piece mapped to a finite interval), to a relative error of about
 * 1e-13; every other posterior (mu, the effect of a new trial, each trial's shrunken effect) is a mixture of
 * normal distributions over p(tau | y), whose moments are integrals and whose quantiles are found by Brent's
 * method on the mixture's distribution function. No Monte Carlo and no discrete approximation of the
 * mixture (bayesmeta's default DIRECT algorithm approximates it with a grid of spacing delta = 0.01).
 */
public final class BayesMeta {
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);
    private static final double REL_TOL = 1e-12;

    private BayesMeta() {
    }

    /**
     * The posterior of the normal-normal model.
     *
     * @param studies the trials' names (or null)
     * @param y       the estimates, on the analysis scale (log odds ratios for ratio measures)
     * @param v       their sampling variances, positive
     * @param o       the priors, the credible level and the thresholds
     * @return the posterior summaries
     * @throws IllegalArgumentException when there are no trials, a value is not finite or a variance not positive
     */
    public static BayesResult fit(List<String> studies, double[] y, double[] v, BayesOptions o) {
        int k = y.length;
        if (k == 0 || v.length != k) {
            throw new IllegalArgumentException(k == 0 ? "there are no trials to analyse" : "estimates and variances differ in number");
        }
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(y[i]) || !(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new IllegalArgumentException("trial " + (i + 1) + (studies == null ? "" : " (" + studies.get(i) + ")")
                        + " has no usable estimate or a variance that is not positive (" + y[i] + ", " + v[i] + ")");
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(studies == null ? "Trial " + (i + 1) : studies.get(i));
        }
        Posterior post = new Posterior(y.clone(), v.clone(), o.muPrior(), o.tauPrior());
        double level = o.level();
        double lo = (1 - level) / 2;
        double hi = (1 + level) / 2;
        // tau
        double tauMean = post.expect(t -> t);
        double tauSd = Math.sqrt(Math.max(0, post.expect(t -> t * t) - tauMean * tauMean));
        double[] tauQ = {post.tauQuantile(0.5), post.tauQuantile(lo), post.tauQuantile(hi)};
        double[] tauShort = shortest(post::tauQuantile, level);
        BayesResult.Summary tau = new BayesResult.Summary(tauMean, tauSd, tauQ[0], tauQ[1], tauQ[2], tauShort[0], tauShort[1]);
        // mu: mixture of N(m(tau), V(tau))
        Mixture muMix = new Mixture(post, t -> post.condMean(t), t -> post.condVar(t));
        BayesResult.Summary mu = muMix.summary(level);
        Mixture pred = new Mixture(post, t -> post.condMean(t), t -> post.condVar(t) + t * t);
        BayesResult.Summary predictive = pred.summary(level);
        List<BayesResult.Summary> shrink = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            final int s = i;
            Mixture m = new Mixture(post, t -> {
                double b = t == 0 ? 1 : v[s] / (v[s] + t * t);
                return b * post.condMean(t) + (1 - b) * y[s];
            }, t -> {
                double b = t == 0 ? 1 : v[s] / (v[s] + t * t);
                return (1 - b) * v[s] + b * b * post.condVar(t);
            });
            shrink.add(m.summary(level));
        }
        double[] exceed = new double[o.thresholds().size()];
        for (int j = 0; j < exceed.length; j++) {
            exceed[j] = 1 - muMix.cdf(o.thresholds().get(j));
        }
        double pNeg = muMix.cdf(0);
        double logMl = Double.NaN;
        double bf = Double.NaN;
        if (!o.muPrior().flat()) {
            logMl = post.logEvidence();
            bf = Math.exp(post.logEvidenceMuZero() - logMl);
        }
        List<String> notes = new ArrayList<>();
        if (o.muPrior().flat()) {
            notes.add("the flat prior of mu is improper: the marginal likelihood and Bayes factors are not defined (give a normal "
                    + "mu prior for them)");
        }
        return new BayesResult(o, names, y.clone(), v.clone(), mu, tau, predictive, shrink, exceed, pNeg, logMl, bf, notes,
                densities(post, muMix, mu, tau));
    }

    /** Grids of 101 points over the central 99.8% of mu and from 0 to the 99.5% quantile of tau, with the densities. */
    private static BayesResult.Densities densities(Posterior post, Mixture muMix, BayesResult.Summary mu, BayesResult.Summary tau) {
        int n = 101;
        double lo = muMix.quantile(0.001);
        double hi = muMix.quantile(0.999);
        double tauHi = post.tauQuantile(0.995);
        double[] mx = new double[n];
        double[] md = new double[n];
        double[] tx = new double[n];
        double[] td = new double[n];
        double[] joint = new double[n * n];
        for (int i = 0; i < n; i++) {
            mx[i] = lo + (hi - lo) * i / (n - 1);
            final double x = mx[i];
            md[i] = muMix.pdf(x);
            tx[i] = tauHi * i / (n - 1);
            td[i] = post.densityAt(tx[i]);
        }
        for (int r = 0; r < n; r++) {
            double t = tx[r];
            double m = post.condMean(t);
            double s = Math.sqrt(post.condVar(t));
            for (int c = 0; c < n; c++) {
                joint[r * n + c] = td[r] * N01.density((mx[c] - m) / s) / s;
            }
        }
        return new BayesResult.Densities(mx, md, tx, td, joint);
    }

    /** The shortest interval of probability {@code level}: the lower tail probability p minimising Q(p + level) − Q(p). */
    private static double[] shortest(DoubleUnaryOperator q, double level) {
        double a = 0;
        double b = 1 - level;
        double g = (Math.sqrt(5) - 1) / 2;
        double c = b - g * (b - a);
        double d = a + g * (b - a);
        double wc = width(q, c, level);
        double wd = width(q, d, level);
        for (int it = 0; it < 80 && b - a > 1e-12; it++) {
            if (wc < wd) {
                b = d;
                d = c;
                wd = wc;
                c = b - g * (b - a);
                wc = width(q, c, level);
            } else {
                a = c;
                c = d;
                wc = wd;
                d = a + g * (b - a);
                wd = width(q, d, level);
            }
        }
        double p = (a + b) / 2;
        // an interval starting at the support's lower end (tau's at 0) when that is shortest
        double w0 = width(q, 0, level);
        if (w0 <= width(q, p, level)) {
            p = 0;
        }
        return new double[] {q.applyAsDouble(p), q.applyAsDouble(p + level)};
    }

    private static double width(DoubleUnaryOperator q, double p, double level) {
        return q.applyAsDouble(Math.min(1, p + level)) - q.applyAsDouble(p);
    }

    /**
     * A mixture of normal distributions N(mean(tau), var(tau)) over the posterior of tau: the component means, SDs and
     * weights are evaluated once at the quadrature nodes (those of positive weight), so that its distribution function
     * and density are weighted sums.
     */
    private static final class Mixture {
        final double[] w;
        final double[] mean;
        final double[] sd;
        final double m;
        final double sdAll;

        Mixture(Posterior post, DoubleUnaryOperator meanOf, DoubleUnaryOperator varOf) {
            int n = 0;
            for (double x : post.weight) {
                if (x != 0) {
                    n++;
                }
            }
            w = new double[n];
            mean = new double[n];
            sd = new double[n];
            double first = 0;
            double second = 0;
            int j = 0;
            for (int i = 0; i < post.node.length; i++) {
                if (post.weight[i] == 0) {
                    continue;
                }
                double t = post.node[i];
                w[j] = post.weight[i];
                mean[j] = meanOf.applyAsDouble(t);
                double var = varOf.applyAsDouble(t);
                sd[j] = Math.sqrt(var);
                first += w[j] * mean[j];
                second += w[j] * (var + mean[j] * mean[j]);
                j++;
            }
            this.m = first;
            this.sdAll = Math.sqrt(Math.max(0, second - first * first));
        }

        double cdf(double x) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                s += w[i] * (sd[i] > 0 ? N01.cumulativeProbability((x - mean[i]) / sd[i]) : x >= mean[i] ? 1 : 0);
            }
            return s;
        }

        double pdf(double x) {
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                if (sd[i] > 0) {
                    double z = (x - mean[i]) / sd[i];
                    s += w[i] * Math.exp(-0.5 * z * z) / (sd[i] * Math.sqrt(2 * Math.PI));
                }
            }
            return s;
        }

        /** The quantile: Newton's method on the distribution function, safeguarded by bisection of a bracket. */
        double quantile(double p) {
            if (p <= 0) {
                return Double.NEGATIVE_INFINITY;
            }
            if (p >= 1) {
                return Double.POSITIVE_INFINITY;
            }
            double step = 12 * sdAll;
            double a = m - step;
            double b = m + step;
            while (cdf(a) > p) {
                a -= step;
            }
            while (cdf(b) < p) {
                b += step;
            }
            double x = Math.min(b, Math.max(a, m + sdAll * N01.inverseCumulativeProbability(p)));
            double tol = 1e-14 * Math.max(sdAll, Math.abs(x));
            for (int it = 0; it < 200; it++) {
                double f = cdf(x) - p;
                if (f == 0) {
                    return x;
                }
                if (f < 0) {
                    a = x;
                } else {
                    b = x;
                }
                double d = pdf(x);
                double next = d > 0 ? x - f / d : Double.NaN;
                if (!(next > a && next < b)) {
                    next = 0.5 * (a + b);
                }
                if (Math.abs(next - x) <= tol || b - a <= tol) {
                    return next;
                }
                x = next;
            }
            return x;
        }

        /**
         * The shortest interval of probability {@code level}: for a unimodal mixture its ends have equal density, so the
         * lower tail probability p solves f(Q(p + level)) = f(Q(p)) (Brent's method); golden-section search on the width
         * when that equation has no sign change.
         */
        double[] shortest(double level) {
            double eps = 1e-10;
            DoubleUnaryOperator g = p -> pdf(quantile(p + level)) - pdf(quantile(p));
            double ga = g.applyAsDouble(eps);
            double gb = g.applyAsDouble(1 - level - eps);
            if (ga > 0 && gb < 0) {
                double p = new BrentSolver(1e-15, 1e-15, 0).findRoot(g::applyAsDouble, eps, 1 - level - eps);
                return new double[] {quantile(p), quantile(p + level)};
            }
            return BayesMeta.shortest(this::quantile, level);
        }

        BayesResult.Summary summary(double level) {
            double[] sh = shortest(level);
            return new BayesResult.Summary(m, sdAll, quantile(0.5), quantile((1 - level) / 2), quantile((1 + level) / 2), sh[0], sh[1]);
        }
    }

    /**
     * The marginal posterior of tau and the conditional posterior of mu given tau. The posterior density of
     * tau is integrated once, adaptively, and the final subdivision's 15-point Kronrod nodes and weights are kept:
     * every expectation over tau is then a weighted sum over those nodes, and a quantile of tau is found within
     * the one small piece that holds it.
     */
    static final class Posterior {
        final double[] y;
        final double[] v;
        final MuPrior muPrior;
        final TauPrior tauPrior;
        /** The log of the largest value of p(tau) p(y | tau) found, by which every integrand is scaled. */
        final double logScale;
        /** ∫ p(tau) p(y | tau) dtau / exp(logScale). */
        final double z;
        /** Nodes in tau and their normalised posterior weights. */
        final double[] node;
        final double[] weight;
        /** The pieces: their ends in the integration variable (tau, or u of the tail), whether mapped, cumulative mass. */
        final double[] pieceA;
        final double[] pieceB;
        final boolean[] mapped;
        final double[] cumulative;
        /** The tail map tau = tailStart + tailScale u/(1 − u) (unbounded priors). */
        final double tailStart;
        final double tailScale;

        Posterior(double[] y, double[] v, MuPrior muPrior, TauPrior tauPrior) {
            this.y = y;
            this.v = v;
            this.muPrior = muPrior;
            this.tauPrior = tauPrior;
            TreeSet<Double> pts = new TreeSet<>();
            pts.add(0.0);
            for (double p : new double[] {1e-8, 1e-6, 1e-4, 1e-3, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1 - 1e-4}) {
                double q = tauPrior.quantile(p);
                if (q > 0 && Double.isFinite(q)) {
                    pts.add(q);
                }
            }
            double vmin = Arrays.stream(v).min().orElse(1);
            double vmax = Arrays.stream(v).max().orElse(1);
            double spread = 0;
            double ybar = Arrays.stream(y).average().orElse(0);
            for (double yi : y) {
                spread = Math.max(spread, Math.abs(yi - ybar));
            }
            double top = Math.max(Math.sqrt(vmax), spread) * 20;
            for (double t = Math.sqrt(vmin) * 1e-3; t < top; t *= 1.25) {
                pts.add(t);
            }
            double upper = tauPrior.upper();
            boolean tail = !Double.isFinite(upper);
            if (!tail) {
                pts.removeIf(t -> t >= upper);
                pts.add(upper);
            }
            double best = Double.NEGATIVE_INFINITY;
            for (double t : pts) {
                best = Math.max(best, logJoint(t));
            }
            if (best == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("the posterior of tau vanishes at every point tried: check the priors' scales "
                        + "against the data");
            }
            this.logScale = best;
            double[] br = pts.stream().mapToDouble(Double::doubleValue).toArray();
            this.tailStart = br[br.length - 1];
            this.tailScale = Math.max(tailStart, 1e-8);
            // a first, rough integral sets the absolute tolerance of the subdivision
            double rough = 0;
            for (int j = 0; j + 1 < br.length; j++) {
                rough += Quadrature.integrate(this::density, br[j], br[j + 1], 1e-8 * (br[j + 1] - br[j]));
            }
            if (tail) {
                rough += Quadrature.integrate(this::tailDensity, 0, 1, 1e-8 * tailScale);
            }
            if (!(rough > 0)) {
                throw new IllegalArgumentException("the posterior of tau could not be integrated: check the priors' scales against the "
                        + "data");
            }
            double tol = REL_TOL * rough;
            List<double[]> pieces = new ArrayList<>();
            for (int j = 0; j + 1 < br.length; j++) {
                double[] ends = Quadrature.subdivision(this::density, br[j], br[j + 1], tol);
                if (ends == null) {
                    throw new IllegalArgumentException("the posterior of tau could not be integrated to 1e-12 near tau = " + br[j]);
                }
                for (int e = 0; e + 1 < ends.length; e++) {
                    pieces.add(new double[] {ends[e], ends[e + 1], 0});
                }
            }
            if (tail) {
                double[] ends = Quadrature.subdivision(this::tailDensity, 0, 1, tol);
                if (ends == null) {
                    throw new IllegalArgumentException("the tail of the posterior of tau could not be integrated to 1e-12");
                }
                for (int e = 0; e + 1 < ends.length; e++) {
                    pieces.add(new double[] {ends[e], ends[e + 1], 1});
                }
            }
            int np = pieces.size();
            pieceA = new double[np];
            pieceB = new double[np];
            mapped = new boolean[np];
            cumulative = new double[np + 1];
            node = new double[15 * np];
            weight = new double[15 * np];
            double[] xs = new double[15];
            double[] ws = new double[15];
            double total = 0;
            for (int j = 0; j < np; j++) {
                double[] pc = pieces.get(j);
                pieceA[j] = pc[0];
                pieceB[j] = pc[1];
                mapped[j] = pc[2] == 1;
                Quadrature.kronrod(pc[0], pc[1], xs, ws);
                double mass = 0;
                for (int i = 0; i < 15; i++) {
                    double t = mapped[j] ? tauOf(xs[i]) : xs[i];
                    double g = mapped[j] ? tailDensity(xs[i]) : density(xs[i]);
                    node[15 * j + i] = t;
                    weight[15 * j + i] = ws[i] * g;
                    mass += ws[i] * g;
                }
                total += mass;
                cumulative[j + 1] = total;
            }
            this.z = total;
            for (int i = 0; i < weight.length; i++) {
                weight[i] /= total;
            }
            for (int j = 0; j <= np; j++) {
                cumulative[j] /= total;
            }
        }

        double tauOf(double u) {
            return tailStart + tailScale * u / (1 - u);
        }

        /** The normalised posterior density p(tau | y). */
        double densityAt(double t) {
            return density(t) / z;
        }

        /** exp(log p(tau) + log p(y | tau) − logScale). */
        double density(double t) {
            double lj = logJoint(t);
            return lj == Double.NEGATIVE_INFINITY ? 0 : Math.exp(lj - logScale);
        }

        /** The density of the tail piece in u, with the Jacobian of tau(u). */
        double tailDensity(double u) {
            if (u >= 1) {
                return 0;
            }
            double jac = tailScale / ((1 - u) * (1 - u));
            double d = density(tauOf(u));
            return d == 0 || !Double.isFinite(jac) ? 0 : d * jac;
        }

        /** log p(tau) + log p(y | tau), mu integrated out. */
        double logJoint(double tau) {
            double lp = tauPrior.logDensity(tau);
            if (lp == Double.NEGATIVE_INFINITY) {
                return lp;
            }
            return lp + logLikelihood(tau, false);
        }

        /** log p(y | tau) with mu integrated out (its prior's), or at mu = 0 with {@code muZero}. */
        double logLikelihood(double tau, boolean muZero) {
            int k = y.length;
            double t2 = tau * tau;
            double sw = 0;
            double swy = 0;
            double swy2 = 0;
            double logdet = 0;
            for (int i = 0; i < k; i++) {
                double s2 = v[i] + t2;
                double w = 1 / s2;
                sw += w;
                swy += w * y[i];
                swy2 += w * y[i] * y[i];
                logdet += Math.log(s2);
            }
            double l2pi = Math.log(2 * Math.PI);
            if (muZero) {
                return -0.5 * k * l2pi - 0.5 * logdet - 0.5 * swy2;
            }
            if (muPrior.flat()) {
                double m = swy / sw;
                return -0.5 * (k - 1) * l2pi - 0.5 * logdet - 0.5 * Math.log(sw) - 0.5 * (swy2 - sw * m * m);
            }
            double p0 = 1 / (muPrior.sd() * muPrior.sd());
            double prec = sw + p0;
            double m = (swy + muPrior.mean() * p0) / prec;
            return -0.5 * k * l2pi - 0.5 * logdet - Math.log(muPrior.sd()) - 0.5 * Math.log(prec)
                    - 0.5 * (swy2 + muPrior.mean() * muPrior.mean() * p0 - prec * m * m);
        }

        double condPrecision(double tau) {
            double t2 = tau * tau;
            double sw = 0;
            for (double vi : v) {
                sw += 1 / (vi + t2);
            }
            return muPrior.flat() ? sw : sw + 1 / (muPrior.sd() * muPrior.sd());
        }

        double condMean(double tau) {
            double t2 = tau * tau;
            double sw = 0;
            double swy = 0;
            for (int i = 0; i < y.length; i++) {
                double w = 1 / (v[i] + t2);
                sw += w;
                swy += w * y[i];
            }
            if (muPrior.flat()) {
                return swy / sw;
            }
            double p0 = 1 / (muPrior.sd() * muPrior.sd());
            return (swy + muPrior.mean() * p0) / (sw + p0);
        }

        double condVar(double tau) {
            return 1 / condPrecision(tau);
        }

        /** E[h(tau) | y]. */
        double expect(DoubleUnaryOperator h) {
            double s = 0;
            for (int i = 0; i < node.length; i++) {
                if (weight[i] != 0) {
                    s += weight[i] * h.applyAsDouble(node[i]);
                }
            }
            return s;
        }

        /** P(tau ≤ x) for x in piece j (in that piece's variable), by the Kronrod rule on [a_j, x]. */
        private double cdfIn(int j, double x) {
            double[] xs = new double[15];
            double[] ws = new double[15];
            Quadrature.kronrod(pieceA[j], x, xs, ws);
            double m = 0;
            for (int i = 0; i < 15; i++) {
                m += ws[i] * (mapped[j] ? tailDensity(xs[i]) : density(xs[i]));
            }
            return cumulative[j] + m / z;
        }

        /** The posterior quantile of tau. */
        double tauQuantile(double p) {
            int np = pieceA.length;
            if (p <= 0) {
                return mapped[0] ? tauOf(pieceA[0]) : pieceA[0];
            }
            int j = 0;
            while (j < np - 1 && cumulative[j + 1] < p) {
                j++;
            }
            final int piece = j;
            double x = new BrentSolver(1e-13 * (pieceB[j] - pieceA[j]), 1e-14, 0)
                    .findRoot(t -> cdfIn(piece, t) - p, pieceA[j], pieceB[j]);
            return mapped[j] ? tauOf(x) : x;
        }

        /** log p(y) = log ∫ p(tau) p(y | tau) dtau. */
        double logEvidence() {
            return logScale + Math.log(z);
        }

        /** log p(y | mu = 0) = log ∫ p(tau) Π N(y_i; 0, v_i + tau²) dtau. */
        double logEvidenceMuZero() {
            // the ratio p(y | tau, mu = 0) / p(y | tau), averaged over the posterior of tau
            double r = expect(t -> Math.exp(logLikelihood(t, true) - logLikelihood(t, false)));
            return Math.log(r) + logEvidence();
        }
    }
}
