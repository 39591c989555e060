package org.strokemeta.internal;

/**
 * The probability of one ordinal observation under the cumulative logit (proportional-odds)
 * model {@code logit P(Y <= j) = theta_j − eta} (McCullagh 1980; R's ordinal::clm and MASS::polr
 * parameterisation), and its derivatives, computed on the numerically stable side.
 *
 * <p>For category y of J, with thresholds theta_0 &lt; ... &lt; theta_{J−2}: the upper cut is
 * {@code a = theta_y − eta} (+∞ for the last category) and the lower cut {@code b = theta_{y−1} − eta}
 * (−∞ for the first), and {@code p = F(a) − F(b)} with F the logistic distribution function. When
 * both cuts lie in the upper tail the difference is taken of survival functions, S(b) − S(a), so
 * that no digits are lost; log p and all derivatives follow from the same terms. The helpers return
 * their results through a small mutable holder so that fitting a million patients allocates nothing
 * per patient.
 */
public final class CumulativeLogit {
    private CumulativeLogit() {
    }

    /**
     * The logistic distribution function 1/(1 + e^−x), exact in both tails.
     *
     * @param x the value
     * @return F(x)
     */
    public static double cdf(double x) {
        if (x >= 0) {
            return 1 / (1 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1 + e);
    }

    /**
     * The logistic density F(x)(1 − F(x)).
     *
     * @param x the value
     * @return f(x)
     */
    public static double pdf(double x) {
        double e = Math.exp(-Math.abs(x));
        double d = 1 + e;
        return e / (d * d);
    }

    /**
     * The log of the logistic distribution function, exact in both tails.
     *
     * @param x the value
     * @return log F(x)
     */
    public static double logCdf(double x) {
        return x >= 0 ? -log1p(Math.exp(-x)) : x - log1p(Math.exp(x));
    }

    /**
     * log(1 + x) for −1/2 ≤ x ≤ 1, to a few units in the last place, from the machine's logarithm:
     * with u = 1 + x rounded, log(u)·x/(u − 1) corrects the rounding of u, as u − 1 is exact there
     * (Goldberg 1991, "What every computer scientist should know about floating-point arithmetic",
     * theorem 4). {@code Math.log1p} gives the same to within those units at several times the cost,
     * and the models of a million patients take it twice per patient and iteration.
     *
     * @param x the value, in [−1/2, 1]
     * @return log(1 + x)
     */
    public static double log1p(double x) {
        double u = 1 + x;
        return u == 1 ? x : Math.log(u) * x / (u - 1);
    }

    /**
     * Per-observation quantities: the probability, its log, and the first and second derivatives of
     * log p with respect to the upper cut a, the lower cut b, and the linear predictor eta
     * (d/deta = −(d/da + d/db)).
     */
    public static final class Terms {
        /** P(Y = y). */
        public double p;
        /** log P(Y = y). */
        public double logP;
        /** d log p / da (0 when a = +∞). */
        public double da;
        /** d log p / db (0 when b = −∞). */
        public double db;
        /** d² log p / da². */
        public double daa;
        /** d² log p / db². */
        public double dbb;
        /** d² log p / da db. */
        public double dab;

        /**
         * The first derivative of log p with respect to the linear predictor.
         *
         * @return d log p / d eta
         */
        public double deta() {
            return -(da + db);
        }

        /**
         * The second derivative of log p with respect to the linear predictor.
         *
         * @return d² log p / d eta²
         */
        public double detaeta() {
            return daa + dbb + 2 * dab;
        }
    }

    /**
     * Fills {@code t} for one observation.
     *
     * @param a the upper cut theta_y − eta, or +∞ for the last category
     * @param b the lower cut theta_{y−1} − eta, or −∞ for the first category
     * @param t the holder to fill (reused between observations)
     * @return {@code t}
     * @param t the holder to fill, reused between observations
     */
    public static Terms terms(double a, double b, Terms t) {
        boolean hasA = a != Double.POSITIVE_INFINITY;
        boolean hasB = b != Double.NEGATIVE_INFINITY;
        double fa = hasA ? pdf(a) : 0;
        double fb = hasB ? pdf(b) : 0;
        double p;
        double logP;
        if (!hasB) {
            p = cdf(a);
            logP = logCdf(a);
        } else if (!hasA) {
            p = cdf(-b);
            logP = logCdf(-b);
        } else if (b > 0) {
            // both cuts in the upper tail: S(b) − S(a) keeps its digits
            p = cdf(-b) - cdf(-a);
            logP = logCdf(-b) + log1mexp(logCdf(-a) - logCdf(-b));
        } else {
            p = cdf(a) - cdf(b);
            logP = logCdf(a) + log1mexp(logCdf(b) - logCdf(a));
        }
        t.p = p;
        t.logP = logP;
        // f'(x) = f(x)(1 − 2F(x)) = f(x) tanh(−x/2)
        double ga = hasA ? fa * Math.tanh(-a / 2) : 0;
        double gb = hasB ? fb * Math.tanh(-b / 2) : 0;
        double ra = fa / p;
        double rb = fb / p;
        t.da = ra;
        t.db = -rb;
        t.daa = ga / p - ra * ra;
        t.dbb = -gb / p - rb * rb;
        t.dab = ra * rb;
        return t;
    }

    /** log(1 − e^x) for x ≤ 0 (Mächler 2012, "Accurately computing log(1 − exp(−|a|))"). */
    static double log1mexp(double x) {
        return x > -0.6931471805599453 ? Math.log(-Math.expm1(x)) : log1p(-Math.exp(x));
    }
}
