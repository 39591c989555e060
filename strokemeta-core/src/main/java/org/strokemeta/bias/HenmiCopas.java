package org.strokemeta.bias;

import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Quadrature;

/**
 * The Henmi-Copas interval (Henmi and Copas 2010, Stat Med 29:2969-2983; metafor's {@code hc()}): the
 * fixed-effect estimate, which publication bias distorts less than the random-effects one, with a
 * standard error and confidence interval that allow for heterogeneity (tau² by DerSimonian-Laird).
 *
 * <p>With w = 1/v, W1 = Σw and Wj = Σw^j / W1, the estimate b = Σwy/W1 has variance (tau² W2 + 1)/W1. The
 * interval is b ± u0 se, u0 = sqrt(1 + tau² W2) t0, where t0 solves
 * ∫_t0^∞ G(finv(r/t0); r) φ(r) dr = α/2: G is the gamma approximation (by its first two moments, EQ and VQ
 * given R) to the distribution of Q and finv(f) = (W1/W2 − 1)(f² − 1) + (k − 1) (the paper's section 3;
 * the moments as metafor writes them). The integral is computed by adaptive Gauss-Kronrod quadrature to
 * 1e-15 and t0 by Brent's method on [0, 2] (metafor: {@code integrate} and {@code uniroot} at their
 * default tolerances, about 1e-4).
 */
public final class HenmiCopas {
    private HenmiCopas() {
    }

    /**
     * The result.
     *
     * @param estimate the fixed-effect estimate (analysis scale)
     * @param se       its standard error allowing for heterogeneity
     * @param ciLower  the lower confidence limit
     * @param ciUpper  the upper confidence limit
     * @param tau2     the DerSimonian-Laird tau²
     * @param u0       the percentage point of the interval (ci = estimate ± u0 se)
     * @param level    the confidence level
     * @serial exclude
     */
    public record Result(double estimate, double se, double ciLower, double ciUpper, double tau2, double u0, double level)
            implements java.io.Serializable {
    }

    private static final NormalDistribution STD_NORMAL = NormalDistribution.of(0, 1);

    /**
     * The Henmi-Copas estimate and interval of effects without moderators.
     *
     * @param es    the per-study effects, at least two, every sampling variance positive
     * @param level the confidence level, for example 0.95
     * @return the estimate, its standard error and interval
     * @throws IllegalArgumentException with fewer than two studies, a sampling variance that is not positive, or
     *         when the equation for the percentage point has no root in [0, 2]
     */
    public static Result of(EffectSizes es, double level) {
        int k = es.size();
        if (k < 2) {
            throw new IllegalArgumentException("the Henmi-Copas interval needs at least two studies");
        }
        double w1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            double v = es.vi(i);
            if (!(v > 0)) {
                throw new IllegalArgumentException("the Henmi-Copas interval needs positive sampling variances (" + es.study(i)
                        + " has " + v + ")");
            }
            double w = 1 / v;
            w1 += w;
            s2 += w * w;
            s3 += w * w * w;
            s4 += w * w * w * w;
            swy += w * es.yi(i);
        }
        double sumW = w1;
        double w2 = s2 / w1;
        double w3 = s3 / w1;
        double w4 = s4 / w1;
        double beta = swy / w1;
        double q = 0;
        for (int i = 0; i < k; i++) {
            double d = es.yi(i) - beta;
            q += d * d / es.vi(i);
        }
        double tau2 = Math.max(0, (q - (k - 1)) / (w1 - w2));
        double se = Math.sqrt((tau2 * w2 + 1) / w1);
        double vr = 1 + tau2 * w2;
        double sdr = Math.sqrt(vr);
        double alpha = 1 - level;
        Moments mo = new Moments(k, tau2, vr, w1, w2, w3, w4);
        java.util.function.DoubleUnaryOperator eqn = x -> {
            java.util.function.DoubleUnaryOperator integrand = r -> {
                double f = r / x;
                double finv = (sumW / w2 - 1) * (f * f - 1) + (k - 1);
                double rr = sdr * r;
                double eq = mo.eq(rr);
                double vq = mo.vq(rr);
                return GammaDistribution.of(eq * eq / vq, vq / eq).cumulativeProbability(finv) * STD_NORMAL.density(r);
            };
            double integral = Quadrature.integrate(integrand, x, x + 10, 1e-16) + Quadrature.integrate(integrand, x + 10, x + 40, 1e-16);
            return integral - alpha / 2;
        };
        double t0;
        try {
            t0 = new BrentSolver(1e-15, 1e-15, 0).findRoot(eqn, 1e-300, 2);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the Henmi-Copas equation for the interval's percentage point has no root in [0, 2]: "
                    + e.getMessage());
        }
        double u0 = sdr * t0;
        return new Result(beta, se, beta - u0 * se, beta + u0 * se, tau2, u0, level);
    }

    /** The mean and variance of Q given R = r (Henmi and Copas 2010, as metafor's hc.rma.uni writes them). */
    private record Moments(int k, double tau2, double vr, double w1, double w2, double w3, double w4) {
        double eq(double r) {
            return (k - 1) + tau2 * (w1 - w2) + tau2 * tau2 * ((1 / (vr * vr)) * r * r - 1 / vr) * (w3 - w2 * w2);
        }

        double vq(double r) {
            double rsq = r * r;
            double recip = 1 / (vr * vr);
            return 2 * (k - 1) + 4 * tau2 * (w1 - w2)
                    + 2 * tau2 * tau2 * (w1 * w2 - 2 * w3 + w2 * w2)
                    + 4 * tau2 * tau2 * (recip * rsq - 1 / vr) * (w3 - w2 * w2)
                    + 4 * tau2 * tau2 * tau2 * (recip * rsq - 1 / vr) * (w4 - 2 * w2 * w3 + w2 * w2 * w2)
                    + 2 * Math.pow(tau2, 4) * (recip - 2 * (1 / (vr * vr * vr)) * rsq) * (w3 - w2 * w2) * (w3 - w2 * w2);
        }
    }
}
