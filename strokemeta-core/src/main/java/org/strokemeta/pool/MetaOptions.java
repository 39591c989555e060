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
    public MetaOptions {
        if (model == null || fixedMethod == null || tau2Method == null || ciMethod == null || control == null) {
            throw new IllegalArgumentException("every option needs a value");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1 (got " + level + ")");
        }
    }

    /** metafor's defaults: random effects, REML, Wald z, 95%. */
    public static MetaOptions defaults() {
        return new MetaOptions(Model.RANDOM, FixedMethod.IV, Tau2Method.REML, CiMethod.Z, 0.95, FitControl.defaults());
    }

    public MetaOptions withModel(Model m) {
        return new MetaOptions(m, fixedMethod, tau2Method, ciMethod, level, control);
    }

    public MetaOptions withFixedMethod(FixedMethod f) {
        return new MetaOptions(model, f, tau2Method, ciMethod, level, control);
    }

    public MetaOptions withTau2(Tau2Method t) {
        return new MetaOptions(model, fixedMethod, t, ciMethod, level, control);
    }

    public MetaOptions withCi(CiMethod c) {
        return new MetaOptions(model, fixedMethod, tau2Method, c, level, control);
    }

    public MetaOptions withLevel(double l) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, l, control);
    }

    public MetaOptions withControl(FitControl c) {
        return new MetaOptions(model, fixedMethod, tau2Method, ciMethod, level, c);
    }

    /** A one-line description such as "random-effects, REML, Wald z, 95% CI". */
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
