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
 * @serial exclude
 */
public record MetaOptions(Model model, FixedMethod fixedMethod, Tau2Method tau2Method, CiMethod ciMethod,
                          double level, FitControl control) implements java.io.Serializable {
    /**
     * Checks the options.
     *
     * @param model fixed or random effects
     * @param fixedMethod how a fixed-effect model pools (ignored by random-effects models)
     * @param tau2Method the tau² estimator of a random-effects model
     * @param ciMethod Wald z or Hartung-Knapp
     * @param level confidence level, for example 0.95
     * @param control settings of the iterative estimators
     * @throws IllegalArgumentException if an option is null or {@code level} is not in (0, 1)
     */
    public MetaOptions {
        if (model == null || fixedMethod == null || tau2Method == null || ciMethod == null || control == null) {
            throw new IllegalArgumentException("every option needs a value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1 (got " + level + ")");
        }
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
        return new MetaOptions(m, fixedMethod, tau2Method, ciMethod, level, control);
    }

    /**
     * A copy with another fixed-effect method.
     *
     * @param f inverse variance, Mantel-Haenszel or Peto
     * @return these options with {@code fixedMethod = f}
     */
    public MetaOptions withFixedMethod(FixedMethod f) {
        return new MetaOptions(model, f, tau2Method, ciMethod, level, control);
    }

    /**
     * A copy with another tau² estimator.
     *
     * @param t the estimator
     * @return these options with {@code tau2Method = t}
     */
    public MetaOptions withTau2(Tau2Method t) {
        return new MetaOptions(model, fixedMethod, t, ciMethod, level, control);
    }

    /**
     * A copy with another interval method.
     *
     * @param c Wald z or Hartung-Knapp
     * @return these options with {@code ciMethod = c}
     */
    public MetaOptions withCi(CiMethod c) {
        return new MetaOptions(model, fixedMethod, tau2Method, c, level, control);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1) (0.95, not 95)
     * @return these options with {@code level = l}
     * @throws IllegalArgumentException if {@code l} is not in (0, 1)
     */
    public MetaOptions withLevel(double l) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, l, control);
    }

    /**
     * A copy with other settings of the iterative estimators.
     *
     * @param c the settings
     * @return these options with {@code control = c}
     */
    public MetaOptions withControl(FitControl c) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, c);
    }

    /**
     * A one-line description such as "random-effects, REML, Wald z, 95% CI".
     *
     * @return the model, method, interval method and level in words
     */
    public String describe() {
        if (model == Model.FIXED) {
            return "fixed-effect, " + fixedMethod.label() + ", " + ciMethod.label() + ", " + pct(level) + " CI";
        }
        return "random-effects, " + tau2Method.name() + " (" + tau2Method.label() + "), " + ciMethod.label() + ", " + pct(level) + " CI";
    }

    private static String pct(double l) {
        double v = l * 100;
        return (v == Math.rint(v) ? Long.toString(Math.round(v)) : Double.toString(v)) + "%";
    }
}
