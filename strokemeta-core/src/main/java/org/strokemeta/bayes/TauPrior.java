package org.strokemeta.bayes;

import java.util.Locale;

/**
 * A prior for the between-trial standard deviation tau of the normal-normal random-effects model, as
 * bayesmeta's {@code tau.prior} (Röver 2020, J Stat Softw 93(6), section 2.3; Röver et al. 2021, Res Synth
 * Methods 12:448-474 on weakly informative priors).
 *
 * @param kind  the family
 * @param scale the scale: of the half-normal, half-Cauchy and half-Student-t; the upper end of the uniform;
 *              the mean of an exponential (1/rate)
 * @param df    the degrees of freedom of the half-Student-t (NaN otherwise)
 * @param mean  for {@link Kind#LOGNORMAL_TAU2}, the mean of log tau² (NaN otherwise)
 * @param sd    for {@link Kind#LOGNORMAL_TAU2}, the standard deviation of log tau² (NaN otherwise)
 * @param source where a published prior comes from (for example one of Turner et al.'s empirical priors, with
 *               its setting and the table it is taken from), or null for a prior stated by the analyst
 * @serial exclude
 */
public record TauPrior(Kind kind, double scale, double df, double mean, double sd, String source) implements java.io.Serializable {

    /** The families of priors for tau. */
    public enum Kind {
        /** Half-normal: density 2 φ(tau/s)/s on tau ≥ 0. */
        HALF_NORMAL,
        /** Half-Cauchy: density 2/(π s (1 + (tau/s)²)). */
        HALF_CAUCHY,
        /** Half-Student-t with df degrees of freedom and scale s. */
        HALF_STUDENT_T,
        /** Uniform on [0, upper]. */
        UNIFORM,
        /** Exponential with mean s. */
        EXPONENTIAL,
        /** Log-normal for tau²: log tau² ~ N(mean, sd²), the form of the empirical priors of Turner et al. (2015). */
        LOGNORMAL_TAU2
    }

    /**
     * Checks the prior.
     *
     * @param kind the family
     * @param scale the scale (or upper end, or mean of the exponential)
     * @param df the degrees of freedom of the half-Student-t
     * @param mean the mean of log tau² (log-normal)
     * @param sd the standard deviation of log tau² (log-normal)
     * @param source where a published prior comes from, or null
     * @throws IllegalArgumentException when a parameter is missing or out of range
     */
    public TauPrior {
        if (kind == null) {
            throw new IllegalArgumentException("the tau prior's family is missing");
        }
        if (kind == Kind.LOGNORMAL_TAU2) {
            if (!Double.isFinite(mean) || !(sd > 0) || Double.isInfinite(sd)) {
                throw new IllegalArgumentException("a log-normal prior for tau² needs a finite mean and a positive sd of log tau², not "
                        + mean + " and " + sd);
            }
        } else if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("the " + name(kind) + " prior for tau needs a positive, finite "
                    + (kind == Kind.UNIFORM ? "upper end" : kind == Kind.EXPONENTIAL ? "mean" : "scale") + ", not " + scale);
        }
        if (kind == Kind.HALF_STUDENT_T && !(df > 0)) {
            throw new IllegalArgumentException("the half-Student-t prior for tau needs positive degrees of freedom, not " + df);
        }
    }

    /**
     * Half-normal with scale s.
     *
     * @param s the scale
     * @return the prior
     */
    public static TauPrior halfNormal(double s) {
        return new TauPrior(Kind.HALF_NORMAL, s, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /**
     * Half-Cauchy with scale s.
     *
     * @param s the scale
     * @return the prior
     */
    public static TauPrior halfCauchy(double s) {
        return new TauPrior(Kind.HALF_CAUCHY, s, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /**
     * Half-Student-t with scale s and df degrees of freedom.
     *
     * @param s  the scale
     * @param df the degrees of freedom
     * @return the prior
     */
    public static TauPrior halfStudentT(double s, double df) {
        return new TauPrior(Kind.HALF_STUDENT_T, s, df, Double.NaN, Double.NaN, null);
    }

    /**
     * Uniform on [0, upper].
     *
     * @param upper the upper end
     * @return the prior
     */
    public static TauPrior uniform(double upper) {
        return new TauPrior(Kind.UNIFORM, upper, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /**
     * Exponential with the given mean.
     *
     * @param mean the mean of tau (1/rate)
     * @return the prior
     */
    public static TauPrior exponential(double mean) {
        return new TauPrior(Kind.EXPONENTIAL, mean, Double.NaN, Double.NaN, Double.NaN, null);
    }

    /**
     * Log-normal for tau²: log tau² ~ N(mean, sd²).
     *
     * @param mean the mean of log tau²
     * @param sd   the standard deviation of log tau²
     * @return the prior
     */
    public static TauPrior logNormalTau2(double mean, double sd) {
        return new TauPrior(Kind.LOGNORMAL_TAU2, Double.NaN, Double.NaN, mean, sd, null);
    }

    /**
     * The log density of tau (−∞ outside the support).
     *
     * @param tau the standard deviation, ≥ 0
     * @return log p(tau)
     */
    public double logDensity(double tau) {
        if (!(tau >= 0)) {
            return Double.NEGATIVE_INFINITY;
        }
        switch (kind) {
            case HALF_NORMAL: {
                double z = tau / scale;
                return Math.log(2 / scale) - 0.5 * Math.log(2 * Math.PI) - 0.5 * z * z;
            }
            case HALF_CAUCHY: {
                double z = tau / scale;
                return Math.log(2 / (Math.PI * scale)) - Math.log1p(z * z);
            }
            case HALF_STUDENT_T: {
                double z = tau / scale;
                double c = org.apache.commons.numbers.gamma.LogGamma.value((df + 1) / 2)
                        - org.apache.commons.numbers.gamma.LogGamma.value(df / 2) - 0.5 * Math.log(df * Math.PI);
                return Math.log(2 / scale) + c - (df + 1) / 2 * Math.log1p(z * z / df);
            }
            case UNIFORM:
                return tau <= scale ? -Math.log(scale) : Double.NEGATIVE_INFINITY;
            case EXPONENTIAL:
                return -Math.log(scale) - tau / scale;
            case LOGNORMAL_TAU2: {
                if (tau == 0) {
                    return Double.NEGATIVE_INFINITY;
                }
                // log tau = (log tau²)/2 ~ N(mean/2, (sd/2)²); density of tau = φ((log tau − m)/s)/(s tau)
                double m = mean / 2;
                double s = sd / 2;
                double z = (Math.log(tau) - m) / s;
                return -0.5 * Math.log(2 * Math.PI) - Math.log(s * tau) - 0.5 * z * z;
            }
            default:
                throw new IllegalStateException(kind.name());
        }
    }

    /** The prior's quantile of probability p in (0, 1) (break points of the numerical integration). */
    double quantile(double p) {
        var normal = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        return switch (kind) {
            case HALF_NORMAL -> scale * normal.inverseCumulativeProbability((1 + p) / 2);
            case HALF_CAUCHY -> scale * Math.tan(Math.PI * p / 2);
            case HALF_STUDENT_T -> scale * org.apache.commons.statistics.distribution.TDistribution.of(df)
                    .inverseCumulativeProbability((1 + p) / 2);
            case UNIFORM -> scale * p;
            case EXPONENTIAL -> -scale * Math.log1p(-p);
            case LOGNORMAL_TAU2 -> Math.exp(mean / 2 + sd / 2 * normal.inverseCumulativeProbability(p));
        };
    }

    /**
     * The upper end of the support (the uniform's; +∞ otherwise).
     *
     * @return the largest tau with positive density
     */
    public double upper() {
        return kind == Kind.UNIFORM ? scale : Double.POSITIVE_INFINITY;
    }

    /**
     * The prior in words, such as {@code half-normal(scale 0.5)}.
     *
     * @return the description
     */
    public String describe() {
        return switch (kind) {
            case HALF_NORMAL, HALF_CAUCHY -> name(kind) + "(scale " + fmt(scale) + ")";
            case HALF_STUDENT_T -> name(kind) + "(scale " + fmt(scale) + ", " + fmt(df) + " df)";
            case UNIFORM -> "uniform(0, " + fmt(scale) + ")";
            case EXPONENTIAL -> "exponential(mean " + fmt(scale) + ")";
            case LOGNORMAL_TAU2 -> "log-normal for tau² (log tau² ~ N(" + fmt(mean) + ", " + fmt(sd) + "²))";
        } + (source == null ? "" : " [" + source + "]");
    }

    /**
     * The same prior with the place it is published.
     *
     * @param where the source, such as the paper, table and setting
     * @return this prior with {@code source = where}
     */
    public TauPrior withSource(String where) {
        return new TauPrior(kind, scale, df, mean, sd, where);
    }

    private static String name(Kind k) {
        return switch (k) {
            case HALF_NORMAL -> "half-normal";
            case HALF_CAUCHY -> "half-Cauchy";
            case HALF_STUDENT_T -> "half-Student-t";
            case UNIFORM -> "uniform";
            case EXPONENTIAL -> "exponential";
            case LOGNORMAL_TAU2 -> "log-normal";
        };
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Double.toString(v);
    }

    /**
     * Reads a prior as written on the command line: {@code half-normal:0.5}, {@code half-cauchy:1},
     * {@code half-t:0.5:3} (scale, df), {@code uniform:2}, {@code exponential:0.5} (mean),
     * {@code lognormal:-2.56:1.74} (mean and sd of log tau²), or one of Turner et al.'s empirical priors by
     * outcome type and comparison type, {@code turner:all-cause-mortality:nonpharma-vs-control} (see
     * {@link EmpiricalPriors}).
     *
     * @param s the text
     * @return the prior
     * @throws IllegalArgumentException when it cannot be read
     */
    public static TauPrior parse(String s) {
        String[] p = s.trim().toLowerCase(Locale.ROOT).split(":");
        try {
            return switch (p[0]) {
                case "half-normal", "halfnormal", "half_normal" -> halfNormal(num(p, 1));
                case "half-cauchy", "halfcauchy", "half_cauchy" -> halfCauchy(num(p, 1));
                case "half-t", "half-student-t", "half_t", "half_student_t" -> halfStudentT(num(p, 1), num(p, 2));
                case "uniform" -> uniform(num(p, 1));
                case "exponential" -> exponential(num(p, 1));
                case "lognormal", "log-normal", "lognormal_tau2" -> logNormalTau2(num(p, 1), num(p, 2));
                case "turner" -> EmpiricalPriors.turner(p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : "").prior();
                default -> throw new IllegalArgumentException("unknown tau prior '" + s + "' (expected half-normal:S, half-cauchy:S, "
                        + "half-t:S:DF, uniform:U, exponential:MEAN, lognormal:MEAN:SD of log tau², or turner:OUTCOME:COMPARISON)");
            };
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("the tau prior '" + s + "' lacks a number (for example half-normal:0.5, half-t:0.5:3, "
                    + "lognormal:-2.56:1.74)");
        }
    }

    private static double num(String[] p, int i) {
        return Double.parseDouble(p[i]);
    }
}
