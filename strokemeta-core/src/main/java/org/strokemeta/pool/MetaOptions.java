package org.strokemeta.pool;

/**
 * The options of one pooled analysis.
 *
 * @param model       fixed or random effects
 * @param fixedMethod how a fixed-effect model pools (ignored by random-effects models)
 * @param tau2Method  the tau² estimator of a random-effects model
 * @param ciMethod    Wald z or Hartung-Knapp
 * @param level       confidence level, for example 0.95
 * @param control     settings of the iterative estimators
 * @param tau2Fixed   a between-study variance fixed by the user instead of estimated (metafor's {@code tau2=}),
 *                    NaN to estimate it
 * @param weights     the covariate column holding user weights (metafor's {@code weights=}): the coefficients
 *                    are then estimated with those weights and their variance is the sandwich
 *                    (X'AX)⁻¹X'A(V + tau²)AX(X'AX)⁻¹; the GENQ and GENQM estimators use them for tau²; null
 *                    for inverse-variance weights
 * @param weighted    false for an unweighted (ordinary least-squares) estimate of the coefficients with the
 *                    same sandwich variance (metafor's {@code weighted=FALSE}); user weights then serve only
 *                    the GENQ and GENQM estimators
 * @serial exclude
 */
public record MetaOptions(Model model, FixedMethod fixedMethod, Tau2Method tau2Method, CiMethod ciMethod,
                          double level, FitControl control, double tau2Fixed, String weights, boolean weighted)
        implements java.io.Serializable {
    /**
     * Checks the options.
     *
     * @param model fixed or random effects
     * @param fixedMethod how a fixed-effect model pools (ignored by random-effects models)
     * @param tau2Method the tau² estimator of a random-effects model
     * @param ciMethod Wald z or Hartung-Knapp
     * @param level confidence level, for example 0.95
     * @param control settings of the iterative estimators
     * @param tau2Fixed a between-study variance fixed by the user instead of estimated, NaN to estimate it
     * @param weights the covariate column holding user weights, null for inverse-variance weights
     * @param weighted false for an unweighted (least-squares) estimate of the coefficients
     * @throws IllegalArgumentException if an option is null, {@code level} is not in (0, 1), the fixed tau² is
     *         negative or infinite, or the weights column is blank
     */
    public MetaOptions {
        if (model == null || fixedMethod == null || tau2Method == null || ciMethod == null || control == null) {
            throw new IllegalArgumentException("every option needs a value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1 (got " + level + ")");
        }
        if (!Double.isNaN(tau2Fixed) && !(tau2Fixed >= 0 && tau2Fixed < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a fixed tau² must be a finite number of at least 0 (got " + tau2Fixed + ")");
        }
        if (weights != null && weights.isBlank()) {
            throw new IllegalArgumentException("the weights column needs a name");
        }
    }

    /**
     * Options with tau² estimated and inverse-variance weights.
     *
     * @param model fixed or random effects
     * @param fixedMethod how a fixed-effect model pools (ignored by random-effects models)
     * @param tau2Method the tau² estimator of a random-effects model
     * @param ciMethod Wald z or Hartung-Knapp
     * @param level confidence level, for example 0.95
     * @param control settings of the iterative estimators
     * @throws IllegalArgumentException if an option is null or {@code level} is not in (0, 1)
     */
    public MetaOptions(Model model, FixedMethod fixedMethod, Tau2Method tau2Method, CiMethod ciMethod, double level,
                       FitControl control) {
        this(model, fixedMethod, tau2Method, ciMethod, level, control, Double.NaN, null, true);
    }

    /**
     * True when tau² is fixed by the user rather than estimated.
     *
     * @return whether {@link #tau2Fixed()} is a number
     */
    public boolean fixesTau2() {
        return !Double.isNaN(tau2Fixed);
    }

    /**
     * True when the coefficients are estimated with the inverse-variance weights 1/(v + tau²), the default.
     *
     * @return false with user weights or an unweighted fit
     */
    public boolean inverseVarianceWeights() {
        return weighted && weights == null;
    }

    /**
     * Checks that an analysis built for the default estimation gets it: tau² estimated (or a fixed-effect
     * model) and inverse-variance weights.
     *
     * @param analysis what is asked for, as a sentence subject ("influence diagnostics")
     * @return these options
     * @throws IllegalArgumentException naming the option that the analysis does not take
     */
    public MetaOptions requireDefaultEstimation(String analysis) {
        String what = fixesTau2() ? "a fixed tau²" : weights != null ? "user weights (column " + weights + ")"
                : !weighted ? "an unweighted estimate" : null;
        if (what != null) {
            throw new IllegalArgumentException(analysis + " are computed with tau² estimated and inverse-variance weights: they do not "
                    + "take " + what);
        }
        return this;
    }

    /**
     * A copy with tau² fixed at a value (metafor's {@code tau2=}).
     *
     * @param t the between-study variance, at least 0; NaN to estimate it again
     * @return these options with {@code tau2Fixed = t}
     * @throws IllegalArgumentException if {@code t} is negative or infinite
     */
    public MetaOptions withFixedTau2(double t) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, control, t, weights, weighted);
    }

    /**
     * A copy with user weights read from a covariate column (metafor's {@code weights=}).
     *
     * @param column the column, or null for inverse-variance weights
     * @return these options with {@code weights = column}
     */
    public MetaOptions withWeights(String column) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, control, tau2Fixed, column, weighted);
    }

    /**
     * A copy with weighted or unweighted estimation of the coefficients (metafor's {@code weighted=}).
     *
     * @param w false for ordinary least squares
     * @return these options with {@code weighted = w}
     */
    public MetaOptions withWeighted(boolean w) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, control, tau2Fixed, weights, w);
    }

    /**
     * metafor's defaults: random effects, REML, Wald z, 95%.
     *
     * @return random effects, inverse variance, REML, Wald z, level 0.95, {@link FitControl#defaults()}
     */
    public static MetaOptions defaults() {
        return new MetaOptions(Model.RANDOM, FixedMethod.IV, Tau2Method.REML, CiMethod.Z, 0.95, FitControl.defaults());
    }

    /**
     * A copy with another model.
     *
     * @param m fixed or random effects
     * @return these options with {@code model = m}
     */
    public MetaOptions withModel(Model m) {
        return new MetaOptions(m, fixedMethod, tau2Method, ciMethod, level, control, tau2Fixed, weights, weighted);
    }

    /**
     * A copy with another fixed-effect method.
     *
     * @param f inverse variance, Mantel-Haenszel or Peto
     * @return these options with {@code fixedMethod = f}
     */
    public MetaOptions withFixedMethod(FixedMethod f) {
        return new MetaOptions(model, f, tau2Method, ciMethod, level, control, tau2Fixed, weights, weighted);
    }

    /**
     * A copy with another tau² estimator.
     *
     * @param t the estimator
     * @return these options with {@code tau2Method = t}
     */
    public MetaOptions withTau2(Tau2Method t) {
        return new MetaOptions(model, fixedMethod, t, ciMethod, level, control, tau2Fixed, weights, weighted);
    }

    /**
     * A copy with another interval method.
     *
     * @param c Wald z or Hartung-Knapp
     * @return these options with {@code ciMethod = c}
     */
    public MetaOptions withCi(CiMethod c) {
        return new MetaOptions(model, fixedMethod, tau2Method, c, level, control, tau2Fixed, weights, weighted);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1) (0.95, not 95)
     * @return these options with {@code level = l}
     * @throws IllegalArgumentException if {@code l} is not in (0, 1)
     */
    public MetaOptions withLevel(double l) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, l, control, tau2Fixed, weights, weighted);
    }

    /**
     * A copy with other settings of the iterative estimators.
     *
     * @param c the settings
     * @return these options with {@code control = c}
     */
    public MetaOptions withControl(FitControl c) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, c, tau2Fixed, weights, weighted);
    }

    /**
     * A one-line description such as "random-effects, REML, Wald z, 95% CI".
     *
     * @return the model, method, interval method and level in words
     */
    public String describe() {
        if (model == Model.FIXED) {
            return "fixed-effect, " + fixedMethod.label() + weightingLabel() + ", " + ciMethod.label() + ", " + pct(level) + " CI";
        }
        String tau = fixesTau2() ? "tau² fixed at " + tau2Fixed : tau2Method.name() + " (" + tau2Method.label() + ")";
        return "random-effects, " + tau + weightingLabel() + ", " + ciMethod.label() + ", " + pct(level) + " CI";
    }

    /**
     * How the coefficients are weighted when not by inverse variance, for method descriptions.
     *
     * @return ", unweighted estimate", ", weights from column X", or "" for inverse-variance weights
     */
    public String weightingLabel() {
        if (!weighted) {
            return ", unweighted estimate";
        }
        return weights == null ? "" : ", weights from column " + weights;
    }

    private static String pct(double l) {
        double v = l * 100;
        return (v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v)) + "%";
    }
}
