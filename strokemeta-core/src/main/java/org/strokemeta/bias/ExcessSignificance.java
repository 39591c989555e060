package org.strokemeta.bias;

import java.util.Locale;
import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.strokemeta.internal.Dist;
import org.strokemeta.internal.Quadrature;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;

/**
 * The test of excess significance (Ioannidis and Trikalinos 2007, Clin Trials 4:245-253; metafor's
 * {@code tes()}): the number of studies whose own test is significant, O, against the number expected
 * from their power to detect the pooled effect, E = Σ power_i; a p-value that O exceeds E, and the
 * effect size at which it would stop doing so (theta_lim; Stanley et al. 2021).
 *
 * <p>Power of study i at true effect θ: P(|Z_i| ≥ z_crit) for Z_i ~ N((θ − H0)/se_i, 1) (one-sided versions
 * for the other alternatives); with a between-study variance τ² > 0 it is averaged over the true effects
 * N(θ, τ²) on [θ − 5τ, θ + 5τ] as metafor does (adaptive Gauss-Kronrod quadrature to 1e-15). The test of O
 * against E: exact (O is a sum of independent Bernoulli variables with the powers as probabilities; its
 * distribution computed by the convolution recursion, where metafor sums over combinations; the two-sided
 * p-value sums the probabilities no larger than that of O), the chi-squared test of one proportion (R's
 * {@code prop.test} without continuity correction) or the binomial test with p = E/k; by default exact when
 * the outcomes summed number at most a million, as metafor chooses.
 */
public final class ExcessSignificance {
    private ExcessSignificance() {
    }

    /** A direction of a test. */
    public enum Alternative {
        /** Both directions. */
        TWO_SIDED,
        /** Larger than the null value. */
        GREATER,
        /** Smaller than the null value. */
        LESS;

        /**
         * Parses "two.sided", "two-sided", "greater" or "less".
         *
         * @param s the name
         * @return the alternative
         * @throws IllegalArgumentException for another name
         */
        public static Alternative parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT).replace('.', '_').replace('-', '_')) {
                case "two_sided" -> TWO_SIDED;
                case "greater" -> GREATER;
                case "less" -> LESS;
                default -> throw new IllegalArgumentException("unknown alternative '" + s + "' (expected two.sided, greater or less)");
            };
        }
    }

    /** How O is compared with E. */
    public enum Test {
        /** Exact when the outcomes summed number at most a million, else chi-squared (metafor's default). */
        AUTO,
        /** The exact distribution of O. */
        EXACT,
        /** The chi-squared test of one proportion. */
        CHI2,
        /** The binomial test with p = E/k. */
        BINOM;

        /**
         * Parses "auto", "exact", "chi2" or "binom".
         *
         * @param s the name
         * @return the test
         * @throws IllegalArgumentException for another name
         */
        public static Test parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown test '" + s + "' (expected auto, exact, chi2 or binom)");
            }
        }
    }

    /**
     * The settings, metafor's defaults by {@link #defaults()}.
     *
     * @param h0             the null value of the studies' own tests
     * @param alternative    the direction of the studies' own tests
     * @param alpha          their significance level
     * @param tesAlternative the direction of the test of O against E
     * @param tesAlpha       its level (used for theta_lim)
     * @param test           how O is compared with E
     * @param findLimit      compute theta_lim
     * @serial exclude
     */
    public record Settings(double h0, Alternative alternative, double alpha, Alternative tesAlternative, double tesAlpha, Test test,
                           boolean findLimit) implements java.io.Serializable {
        /**
         * Checks the settings.
         *
         * @param h0 the null value of the studies' own tests
         * @param alternative the direction of the studies' own tests
         * @param alpha their significance level
         * @param tesAlternative the direction of the test of O against E
         * @param tesAlpha its level (used for theta_lim)
         * @param test how O is compared with E
         * @param findLimit compute theta_lim
         * @throws IllegalArgumentException if a level is not in (0, 1) or a choice is missing
         */
        public Settings {
            if (!(alpha > 0 && alpha < 1) || !(tesAlpha > 0 && tesAlpha < 1)) {
                throw new IllegalArgumentException("alpha and tes alpha must lie strictly between 0 and 1");
            }
            if (alternative == null || tesAlternative == null || test == null || !Double.isFinite(h0)) {
                throw new IllegalArgumentException("the alternatives, the test and a finite null value are required");
            }
        }

        /**
         * metafor's defaults: H0 = 0, two-sided tests at 0.05, O &gt; E tested one-sided at 0.10, test chosen, limit found.
         *
         * @return the default settings
         */
        public static Settings defaults() {
            return new Settings(0, Alternative.TWO_SIDED, 0.05, Alternative.GREATER, 0.10, Test.AUTO, true);
        }
    }

    /**
     * The result.
     *
     * @param k           the number of studies
     * @param observed    O, the studies with a significant test
     * @param expected    E, the sum of their powers
     * @param test        the test used (never AUTO)
     * @param statistic   the chi-squared statistic (NaN unless the chi-squared test)
     * @param p           the p-value of O against E
     * @param power       each study's power
     * @param significant whether each study's test is significant
     * @param theta       the true effect assumed
     * @param tau2        the between-study variance assumed
     * @param thetaLimit  the effect at which the test's p-value equals its level: one value for a one-sided test,
     *                    the lower and upper for a two-sided one; NaN where there is none (already not significant)
     * @serial exclude
     */
    public record Result(int k, int observed, double expected, Test test, double statistic, double p, double[] power,
                         boolean[] significant, double theta, double tau2, double[] thetaLimit) implements java.io.Serializable {
        /**
         * O / E.
         *
         * @return the ratio of observed to expected significant studies
         */
        public double ratio() {
            return observed / expected;
        }
    }

    /**
     * The test for a pooled model without moderators: θ its estimate, τ² its between-study variance (0 for a
     * fixed-effect model), the studies' effects and variances its own.
     *
     * @param model the pooled result
     * @param s     the settings
     * @return the test
     */
    public static Result of(MetaResult model, Settings s) {
        double tau2 = model.options().model() == Model.RANDOM ? model.heterogeneity().tau2() : 0;
        return of(model.effects().yi(), model.effects().vi(), model.pooled().estimate(), tau2, s);
    }

    /**
     * The test for given effects at a true effect θ and between-study variance τ².
     *
     * @param yi    the studies' effects
     * @param vi    their sampling variances, positive
     * @param theta the true effect
     * @param tau2  the between-study variance (0 or below: none)
     * @param s     the settings
     * @return the test
     * @throws IllegalArgumentException with no study, a variance that is not positive, or arrays of different lengths
     */
    public static Result of(double[] yi, double[] vi, double theta, double tau2, Settings s) {
        int k = yi.length;
        if (k == 0 || vi.length != k) {
            throw new IllegalArgumentException("the test of excess significance needs at least one study, with one variance each");
        }
        for (double v : vi) {
            if (!(v > 0)) {
                throw new IllegalArgumentException("the test of excess significance needs positive sampling variances");
            }
        }
        Test test = s.test();
        if (test == Test.AUTO) {
            int o = observed(yi, vi, s);
            test = outcomes(k, o, s.tesAlternative()) <= 1e6 ? Test.EXACT : Test.CHI2;
        }
        Result r = evaluate(yi, vi, theta, tau2, s, test);
        if (!s.findLimit()) {
            return r;
        }
        double[] limit = switch (s.tesAlternative()) {
            case GREATER, LESS -> new double[] {limit(yi, vi, theta, tau2, s, test, s.tesAlternative(), s.tesAlpha())};
            case TWO_SIDED -> new double[] {limit(yi, vi, theta, tau2, s, test, Alternative.GREATER, s.tesAlpha() / 2),
                limit(yi, vi, theta, tau2, s, test, Alternative.LESS, s.tesAlpha() / 2)};
        };
        return new Result(r.k(), r.observed(), r.expected(), r.test(), r.statistic(), r.p(), r.power(), r.significant(), theta, tau2, limit);
    }

    private static double critical(Settings s) {
        return switch (s.alternative()) {
            case TWO_SIDED -> Dist.zCrit(1 - s.alpha());
            case GREATER -> Dist.zCrit(1 - 2 * s.alpha());
            case LESS -> -Dist.zCrit(1 - 2 * s.alpha());
        };
    }

    private static boolean significant(double z, double crit, Alternative a) {
        return switch (a) {
            case TWO_SIDED -> Math.abs(z) >= crit;
            case GREATER -> z >= crit;
            case LESS -> z <= crit;
        };
    }

    private static int observed(double[] yi, double[] vi, Settings s) {
        double crit = critical(s);
        int o = 0;
        for (int i = 0; i < yi.length; i++) {
            o += significant((yi[i] - s.h0()) / Math.sqrt(vi[i]), crit, s.alternative()) ? 1 : 0;
        }
        return o;
    }

    /** The number of outcomes metafor sums for the exact test: Σ choose(k, j) over the j tested. */
    private static double outcomes(int k, int o, Alternative tesAlternative) {
        int from = tesAlternative == Alternative.GREATER ? o : 0;
        int to = tesAlternative == Alternative.LESS ? o : k;
        double total = 0;
        for (int j = from; j <= to; j++) {
            total += Math.exp(LogGamma.value(k + 1.0) - LogGamma.value(j + 1.0) - LogGamma.value(k - j + 1.0));
        }
        return total;
    }

    /** The power of a test of mean m = (x − H0)/se. */
    private static double power(double m, double crit, Alternative a) {
        return switch (a) {
            case TWO_SIDED -> Dist.normalSurvival(crit - m) + Dist.normalSurvival(crit + m);
            case GREATER -> Dist.normalSurvival(crit - m);
            case LESS -> Dist.normalSurvival(m - crit);
        };
    }

    private static Result evaluate(double[] yi, double[] vi, double theta, double tau2, Settings s, Test test) {
        int k = yi.length;
        double crit = critical(s);
        double[] pow = new double[k];
        boolean[] sig = new boolean[k];
        int o = 0;
        double e = 0;
        for (int i = 0; i < k; i++) {
            double se = Math.sqrt(vi[i]);
            if (tau2 > 0) {
                double tau = Math.sqrt(tau2);
                pow[i] = Quadrature.integrate(x -> power((x - s.h0()) / se, crit, s.alternative())
                        * Math.exp(-0.5 * ((x - theta) / tau) * ((x - theta) / tau)) / (tau * Math.sqrt(2 * Math.PI)),
                        theta - 5 * tau, theta + 5 * tau, 1e-15);
            } else {
                pow[i] = power((theta - s.h0()) / se, crit, s.alternative());
            }
            sig[i] = significant((yi[i] - s.h0()) / se, crit, s.alternative());
            o += sig[i] ? 1 : 0;
            e += pow[i];
        }
        double statistic = Double.NaN;
        double p;
        switch (test) {
            case EXACT -> p = exact(pow, o, s.tesAlternative());
            case CHI2 -> {
                double p0 = e / k;
                statistic = (o - k * p0) * (o - k * p0) / (k * p0 * (1 - p0));
                double z = Math.signum((double) o / k - p0) * Math.sqrt(statistic);
                p = switch (s.tesAlternative()) {
                    case TWO_SIDED -> Dist.pChisq(statistic, 1);
                    case GREATER -> Dist.normalSurvival(z);
                    case LESS -> Dist.normalSurvival(-z);
                };
            }
            case BINOM -> p = binomial(o, k, e / k, s.tesAlternative());
            default -> throw new IllegalStateException();
        }
        return new Result(k, o, e, test, statistic, p, pow, sig, theta, tau2, new double[0]);
    }

    /** The exact p-value: the distribution of a sum of Bernoulli(power_i) by the convolution recursion. */
    static double exact(double[] pow, int o, Alternative tesAlternative) {
        int k = pow.length;
        double[] pmf = new double[k + 1];
        pmf[0] = 1;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j >= 1; j--) {
                pmf[j] = pmf[j] * (1 - pow[i]) + pmf[j - 1] * pow[i];
            }
            pmf[0] *= 1 - pow[i];
        }
        double p = 0;
        switch (tesAlternative) {
            case GREATER -> {
                for (int j = o; j <= k; j++) {
                    p += pmf[j];
                }
            }
            case LESS -> {
                for (int j = 0; j <= o; j++) {
                    p += pmf[j];
                }
            }
            case TWO_SIDED -> {
                double limit = pmf[o] + Math.sqrt(Math.ulp(1.0));
                for (int j = 0; j <= k; j++) {
                    if (pmf[j] <= limit) {
                        p += pmf[j];
                    }
                }
            }
            default -> throw new IllegalStateException();
        }
        return Math.min(1, p);
    }

    /** R's binom.test p-value. */
    private static double binomial(int x, int n, double p0, Alternative a) {
        BinomialDistribution b = BinomialDistribution.of(n, p0);
        return switch (a) {
            case GREATER -> x == 0 ? 1 : b.survivalProbability(x - 1);
            case LESS -> b.cumulativeProbability(x);
            case TWO_SIDED -> {
                double relErr = 1 + 1e-7;
                double d = b.probability(x);
                double m = n * p0;
                if (x == m) {
                    yield 1;
                }
                int y = 0;
                if (x < m) {
                    for (int i = (int) Math.ceil(m); i <= n; i++) {
                        y += b.probability(i) <= d * relErr ? 1 : 0;
                    }
                    yield Math.min(1, b.cumulativeProbability(x) + (n - y < 0 ? 1 : b.survivalProbability(n - y)));
                }
                for (int i = 0; i <= Math.floor(m); i++) {
                    y += b.probability(i) <= d * relErr ? 1 : 0;
                }
                yield Math.min(1, (y - 1 < 0 ? 0 : b.cumulativeProbability(y - 1)) + b.survivalProbability(x - 1));
            }
        };
    }

    /** The most doublings of the search interval for theta_lim. */
    private static final int MAX_EXTENSIONS = 60;

    /**
     * The true effect at which the one-sided test (direction {@code dir}, level {@code level}) has p equal to
     * its level, as metafor's .tes.lim with uniroot (here Brent's method to 1e-12 relative): NaN when the
     * test is not significant at H0 already, or no such effect is found.
     */
    private static double limit(double[] yi, double[] vi, double theta, double tau2, Settings s, Test test, Alternative dir,
                                double level) {
        Settings one = new Settings(s.h0(), s.alternative(), s.alpha(), dir, level, test, false);
        java.util.function.DoubleUnaryOperator f = t -> evaluate(yi, vi, t, tau2, one, test).p() - level;
        double atH0 = f.applyAsDouble(s.h0());
        if (dir == Alternative.GREATER ? atH0 >= 0 : atH0 <= 0) {
            return Double.NaN;
        }
        // the other end: the estimate, moved away from H0 until p crosses its level
        double step = theta - s.h0();
        if (step == 0) {
            step = 1;
        }
        double far = s.h0() + step;
        double atFar = f.applyAsDouble(far);
        for (int i = 0; i < MAX_EXTENSIONS && Math.signum(atFar) == Math.signum(atH0); i++) {
            step *= 2;
            far = s.h0() + step;
            atFar = f.applyAsDouble(far);
        }
        if (Math.signum(atFar) == Math.signum(atH0) || !Double.isFinite(atFar)) {
            return Double.NaN;
        }
        double lo = Math.min(s.h0(), far);
        double hi = Math.max(s.h0(), far);
        try {
            return new BrentSolver(1e-14, 1e-14, 0).findRoot(f, lo, hi);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
