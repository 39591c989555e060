package org.strokemeta.ordinal;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.internal.CumulativeLogit;

/**
 * The link of a cumulative-link model {@code F⁻¹(P(Y <= j)) = theta_j − eta}, as ordinal::clm's
 * {@code link} argument: the distribution function F of the latent variable.
 */
public enum Link {
    /** The logistic distribution (clm's default): the proportional-odds model, exp(−beta) an odds ratio. */
    LOGIT("logit") {
        @Override
        public double cdf(double x) {
            return CumulativeLogit.cdf(x);
        }

        @Override
        public double survival(double x) {
            return CumulativeLogit.cdf(-x);
        }

        @Override
        public double pdf(double x) {
            return CumulativeLogit.pdf(x);
        }

        @Override
        public double pdfDerivative(double x) {
            return CumulativeLogit.pdf(x) * Math.tanh(-x / 2);
        }

        @Override
        public double pdfSecondDerivative(double x) {
            double f = CumulativeLogit.pdf(x);
            double t = Math.tanh(x / 2);
            return f * (t * t - 2 * f);
        }

        @Override
        public double quantile(double p) {
            return Math.log(p / (1 - p));
        }
    },
    /** The standard normal distribution (clm's {@code link = "probit"}). */
    PROBIT("probit") {
        @Override
        public double cdf(double x) {
            return NORMAL.cumulativeProbability(x);
        }

        @Override
        public double survival(double x) {
            return NORMAL.survivalProbability(x);
        }

        @Override
        public double pdf(double x) {
            return NORMAL.density(x);
        }

        @Override
        public double pdfDerivative(double x) {
            return -x * NORMAL.density(x);
        }

        @Override
        public double pdfSecondDerivative(double x) {
            return (x * x - 1) * NORMAL.density(x);
        }

        @Override
        public double quantile(double p) {
            return NORMAL.inverseCumulativeProbability(p);
        }
    },
    /**
     * The complementary log-log link (clm's {@code link = "cloglog"}): F(x) = 1 − exp(−exp(x)), the
     * minimum extreme-value (Gumbel) distribution, a proportional-hazards model for the cumulative
     * probabilities.
     */
    CLOGLOG("cloglog") {
        @Override
        public double cdf(double x) {
            return -Math.expm1(-Math.exp(x));
        }

        @Override
        public double survival(double x) {
            return Math.exp(-Math.exp(x));
        }

        @Override
        public double pdf(double x) {
            double e = Math.exp(x);
            return Double.isInfinite(e) ? 0 : Math.exp(x - e);
        }

        @Override
        public double pdfDerivative(double x) {
            return pdf(x) * -Math.expm1(x);
        }

        @Override
        public double pdfSecondDerivative(double x) {
            double e = Math.exp(x);
            double m = -Math.expm1(x);
            return pdf(x) * (m * m - e);
        }

        @Override
        public double quantile(double p) {
            return Math.log(-Math.log1p(-p));
        }
    };

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private final String rName;

    Link(String rName) {
        this.rName = rName;
    }

    /**
     * The distribution function F.
     *
     * @param x the value
     * @return F(x)
     */
    public abstract double cdf(double x);

    /**
     * The survival function 1 − F, computed without cancellation in the upper tail.
     *
     * @param x the value
     * @return 1 − F(x)
     */
    public abstract double survival(double x);

    /**
     * The density f = F'.
     *
     * @param x the value
     * @return f(x)
     */
    public abstract double pdf(double x);

    /**
     * The derivative of the density, f'.
     *
     * @param x the value
     * @return f'(x)
     */
    public abstract double pdfDerivative(double x);

    /**
     * The second derivative of the density, f'' (the third derivatives of a mixed model's log-likelihood).
     *
     * @param x the value
     * @return f''(x)
     */
    public abstract double pdfSecondDerivative(double x);

    /**
     * The quantile function F⁻¹ (start values of the cut-points).
     *
     * @param p a probability in (0, 1)
     * @return F⁻¹(p)
     */
    public abstract double quantile(double p);

    /**
     * The name R gives the link ({@code "logit"}, {@code "probit"}, {@code "cloglog"}).
     *
     * @return the name
     */
    public String rName() {
        return rName;
    }

    /**
     * Reads a link as users and R write it: {@code logit}, {@code probit} or {@code cloglog}, in any case.
     *
     * @param s the name
     * @return the link
     * @throws IllegalArgumentException when the name is none of these
     */
    public static Link parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "logit", "logistic" -> LOGIT;
            case "probit" -> PROBIT;
            case "cloglog" -> CLOGLOG;
            default -> throw new IllegalArgumentException("unknown link '" + s + "' (expected logit, probit or cloglog)");
        };
    }

    /**
     * The probability of one ordinal observation, p = F(a) − F(b), and the derivatives of log p with
     * respect to the upper cut a and the lower cut b (±∞ for the last and first categories); the
     * difference is taken of survival functions when both cuts lie above 0, so that no digits are lost
     * in the upper tail.
     *
     * @param a the upper cut theta_y − eta, or +∞
     * @param b the lower cut theta_{y−1} − eta, or −∞
     * @param t the holder to fill
     * @return {@code t}
     */
    CumulativeLogit.Terms terms(double a, double b, CumulativeLogit.Terms t) {
        boolean hasA = a != Double.POSITIVE_INFINITY;
        boolean hasB = b != Double.NEGATIVE_INFINITY;
        double p;
        if (!hasB) {
            p = cdf(a);
        } else if (!hasA) {
            p = survival(b);
        } else if (b > 0) {
            p = survival(b) - survival(a);
        } else {
            p = cdf(a) - cdf(b);
        }
        double fa = hasA ? pdf(a) : 0;
        double fb = hasB ? pdf(b) : 0;
        double ra = fa / p;
        double rb = fb / p;
        t.p = p;
        t.logP = Math.log(p);
        t.da = ra;
        t.db = -rb;
        t.daa = (hasA ? pdfDerivative(a) : 0) / p - ra * ra;
        t.dbb = -(hasB ? pdfDerivative(b) : 0) / p - rb * rb;
        t.dab = ra * rb;
        return t;
    }
}
