package org.strokemeta.glmm;

import java.util.Locale;

/**
 * What a logistic mixed model of 2×2 tables is asked (metafor {@code rma.glmm(measure = "OR", model, method = "ML",
 * nAGQ)}).
 *
 * @param model the model: fixed study intercepts (UM.FS) or random study intercepts (UM.RS), both with a random
 *              treatment effect coded ±1/2 in the two arms
 * @param nAGQ  adaptive Gauss-Hermite quadrature points of UM.FS (1 = the Laplace approximation); UM.RS, with two random
 *              effects per trial, uses the Laplace approximation (as glmer)
 * @param level the confidence level
 * @serial exclude
 */
public record GlmmOptions(Model model, int nAGQ, double level) implements java.io.Serializable {
    /** The unconditional models of metafor. */
    public enum Model {
        /** Fixed study intercepts, random treatment effect (UM.FS). */
        UM_FS,
        /** Random study intercepts (variance sigma²) and random treatment effect (variance tau²), independent (UM.RS). */
        UM_RS;

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
                default -> throw new IllegalArgumentException("unknown model '" + s + "' (expected UM.FS or UM.RS)");
            };
        }

        /**
         * The model as metafor names it.
         *
         * @return UM.FS or UM.RS
         */
        public String label() {
            return this == UM_FS ? "UM.FS" : "UM.RS";
        }
    }

    /**
     * Checks the options.
     *
     * @param model the model
     * @param nAGQ  the quadrature points
     * @param level the confidence level
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
        return new GlmmOptions(model, nAGQ, l);
    }
}
