package org.strokemeta.effect;

/**
 * How an effect on a measure's analysis scale is shown to readers: the inverse of the measure's
 * transformation, exactly as metafor 3.8.1's {@code transf} functions compute it (and, like metafor's
 * {@code predict}, an interval is put back in increasing order after the transformation). Each measure
 * carries one ({@link Measure#backTransform()}); reports apply it to the pooled estimate, its
 * intervals and each study's effect where they exponentiate ratios.
 *
 * <p>Two inverses need a number besides the value: the Freeman-Tukey inverses need the sample size
 * ({@link #IPFT_HM}) or the person-time ({@link #IIRFT}) the value was computed from. A study's own
 * effect uses the study's own size (metafor's {@code transf.ipft(yi, ni)}, {@code transf.iirft(yi, ti)});
 * a pooled value uses the harmonic mean of the pooled studies' sizes (metafor's {@code transf.ipft.hm}
 * with {@code targs = list(ni = ni)}, Miller 1978; for rates, whose metafor 3.8.1 inverse takes one
 * person-time, the harmonic mean of the person-times in the same way). See {@link EffectSizes#backTransform()}.
 */
public enum BackTransform {
    /** Shown as analysed (differences, raw proportions and rates, correlations). */
    IDENTITY("identity", null, "natural"),
    /** exp(x), for log ratios, log proportions and log rates ({@code transf.exp}). */
    EXP("log", "exp", "log"),
    /** The inverse logit 1 / (1 + exp(−x)), for logit proportions ({@code transf.ilogit}). */
    ILOGIT("logit", "ilogit", "logit"),
    /** sin(x)², 0 below 0 and 1 above π/2, for arcsine square-root proportions ({@code transf.iarcsin}). */
    IARCSIN("arcsine", "iarcsin", "arcsine"),
    /**
     * The inverse of the Freeman-Tukey double arcsine transformation of a proportion (Miller 1978), for
     * sample size n: ½(1 − sgn(cos 2x) √(1 − (sin 2x + (sin 2x − 1/sin 2x)/n)²)), 0 below the transform
     * of 0 and 1 above that of 1 ({@code transf.ipft}, {@code transf.ipft.hm}).
     */
    IPFT_HM("double_arcsine", "ipft_hm", "double arcsine"),
    /** x², 0 below 0, for square-root rates ({@code transf.isqrt}). */
    ISQRT("sqrt", "isqrt", "square root"),
    /**
     * The inverse of the Freeman-Tukey transformation of an incidence rate for person-time t:
     * (1/t − 8x² + 16t x⁴) / (16x²t), 0 below the transform of a zero rate and when not above the
     * machine epsilon ({@code transf.iirft}).
     */
    IIRFT("freeman_tukey", "iirft", "Freeman-Tukey"),
    /** tanh(x), for Fisher's z of a correlation ({@code transf.ztor}). */
    ZTOR("fisher_z", "ztor", "Fisher's z");

    private final String scale;
    private final String key;
    private final String label;

    BackTransform(String scale, String key, String label) {
        this.scale = scale;
        this.key = key;
        this.label = label;
    }

    /**
     * The analysis scale in words, as figures caption it ("Proportion (logit scale)").
     *
     * @return {@code natural}, {@code log}, {@code logit}, {@code arcsine}, {@code double arcsine},
     *         {@code square root}, {@code Freeman-Tukey} or {@code Fisher's z}
     */
    public String label() {
        return label;
    }

    /**
     * The name of the analysis scale, as the JSON output writes it ({@code "scale"}).
     *
     * @return {@code identity}, {@code log}, {@code logit}, {@code arcsine}, {@code double_arcsine},
     *         {@code sqrt}, {@code freeman_tukey} or {@code fisher_z}
     */
    public String scale() {
        return scale;
    }

    /**
     * The name of the back-transformation, as the JSON output names the values it gives: metafor's
     * function without its {@code transf.} prefix (dots as underscores).
     *
     * @return {@code exp}, {@code ilogit}, {@code iarcsin}, {@code ipft_hm}, {@code isqrt}, {@code iirft}
     *         or {@code ztor}; null for {@link #IDENTITY}
     */
    public String key() {
        return key;
    }

    /**
     * Whether the inverse needs the sample size or person-time the value was computed from.
     *
     * @return true for {@link #IPFT_HM} and {@link #IIRFT}
     */
    public boolean needsSize() {
        return this == IPFT_HM || this == IIRFT;
    }

    /**
     * The value on the natural scale.
     *
     * @param x    the value on the analysis scale
     * @param size the sample size ({@link #IPFT_HM}) or person-time ({@link #IIRFT}) the value belongs to;
     *             not used by the other transformations
     * @return the back-transformed value (NaN where metafor gives NA)
     */
    public double apply(double x, double size) {
        return switch (this) {
            case IDENTITY -> x;
            case EXP -> Math.exp(x);
            case ILOGIT -> x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
            case IARCSIN -> x < 0 ? 0 : x > Math.PI / 2 ? 1 : Math.pow(Math.sin(x), 2);
            case IPFT_HM -> ipft(x, size);
            case ISQRT -> x < 0 ? 0 : x * x;
            case IIRFT -> iirft(x, size);
            case ZTOR -> Math.tanh(x);
        };
    }

    /** The Freeman-Tukey double arcsine of the proportion p with sample size n (metafor's transf.pft). */
    static double pft(double p, double n) {
        double x = p * n;
        return 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
    }

    /** metafor's transf.ipft: Miller's (1978) inverse, clipped to [0, 1] outside the range of the transformation. */
    private static double ipft(double x, double n) {
        if (x > pft(1, n)) {
            return 1;
        }
        if (x < pft(0, n)) {
            return 0;
        }
        double s = Math.sin(2 * x);
        double a = s + (s - 1 / s) / n;
        return 0.5 * (1 - Math.signum(Math.cos(2 * x)) * Math.sqrt(1 - a * a));
    }

    /** metafor's transf.iirft: the inverse Freeman-Tukey transformation of a rate, with person-time t. */
    private static double iirft(double x, double t) {
        if (x < 0.5 * Math.sqrt(1 / t)) {
            return 0;
        }
        double z = (1 / t - 8 * x * x + 16 * t * Math.pow(x, 4)) / (16 * x * x * t);
        // as metafor: values within the machine epsilon of 0 are 0 (transf.iirft(transf.irft(0, t), t))
        return z <= Math.ulp(1.0) ? 0 : z;
    }
}
