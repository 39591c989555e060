package org.strokemeta.glmm;

import java.util.Locale;

/**
 * What a logistic mixed model of 2×2 tables is asked (metafor {@code rma.glmm(measure = "OR", model, method, nAGQ)}).
 *
 * @param model       the model: fixed study intercepts (UM.FS) or random study intercepts (UM.RS), both with a random
 *                    treatment effect coded ±1/2 in the two arms; or the conditional model with the exact
 *                    (non-central hypergeometric) likelihood (CM.EL)
 * @param nAGQ        adaptive Gauss-Hermite quadrature points of UM.FS (1 = the Laplace approximation); UM.RS, with two
 *                    random effects per trial, uses the Laplace approximation (as glmer); CM.EL integrates each trial's
 *                    likelihood to full precision whatever this says
 * @param level       the confidence level
 * @param fixedEffect true for the fixed-effect model (method FE: one odds ratio, tau² = 0), available for CM.EL
 * @serial exclude
 */
public record GlmmOptions(Model model, int nAGQ, double level, boolean fixedEffect) implements java.io.Serializable {
    /** The models of metafor's rma.glmm for odds ratios. */
    public enum Model {
        /** Fixed study intercepts, random treatment effect (UM.FS). */
        UM_FS,
        /** Random study intercepts (variance sigma²) and random treatment effect (variance tau²), independent (UM.RS). */
        UM_RS,
        /** The conditional model with the exact likelihood: Fisher's non-central hypergeometric distribution (CM.EL). */
        CM_EL;

        /**
         * Reads UM.FS or UM.RS.
         *
         * @param s the text
         * @return the model
         */
        public static Model parse(String s) {
            return switch (s.trim().toUpperCase(Locale.ROOT).replace('_', '.')) {
                case "UM.FS", "FS" -> UM_FS;
                case "UM.RS", "RS" -> UM_RS;
                case "CM.EL", "EL" -> CM_EL;
                default -> throw new IllegalArgumentException("unknown model '" + s + "' (expected UM.FS, UM.RS or CM.EL)");
            };
        }

        /**
         * The model as metafor names it.
         *
         * @return UM.FS, UM.RS or CM.EL
         */
        public String label() {
            return switch (this) {
                case UM_FS -> "UM.FS";
                case UM_RS -> "UM.RS";
                case CM_EL -> "CM.EL";
            };
        }
    }

    /**
     * Checks the options.
     *
     * @param model the model
     * @param nAGQ  the quadrature points
     * @param level the confidence level
     * @param fixedEffect the fixed-effect model (CM.EL only)
     */
    public GlmmOptions {
        if (model == null) {
            throw new IllegalArgumentException("the model is required (UM.FS or UM.RS)");
        }
        if (nAGQ < 1 || nAGQ > 50) {
            throw new IllegalArgumentException("the quadrature points must be between 1 and 50, not " + nAGQ);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie between 0 and 1, not " + level);
        }
        if (fixedEffect && model != Model.CM_EL) {
            throw new IllegalArgumentException("the fixed-effect model (method FE) is available for CM.EL; " + model.label()
                    + " is fitted by ML");
        }
    }

    /**
     * Random effects (method ML).
     *
     * @param model the model
     * @param nAGQ  the quadrature points
     * @param level the confidence level
     */
    public GlmmOptions(Model model, int nAGQ, double level) {
        this(model, nAGQ, level, false);
    }

    /**
     * UM.FS with 7 quadrature points (metafor's default), 95%.
     *
     * @return the options
     */
    public static GlmmOptions defaults() {
        return new GlmmOptions(Model.UM_FS, 7, 0.95);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level
     * @return a copy
     */
    public GlmmOptions withLevel(double l) {
        return new GlmmOptions(model, nAGQ, l, fixedEffect);
    }

    /**
     * A copy with the fixed-effect or the random-effects model.
     *
     * @param fe true for the fixed-effect model (CM.EL only)
     * @return a copy
     */
    public GlmmOptions withFixedEffect(boolean fe) {
        return new GlmmOptions(model, nAGQ, level, fe);
    }
}
