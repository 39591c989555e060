package org.strokemeta.ipd;

/**
 * The between-trial random effects of a one-stage mixed model, in lme4/ordinal formula terms.
 *
 * <p>Each trial i has a random vector b_i = Λ u_i with u_i standard normal, added to the linear
 * predictor as z'b_i, where z depends on the patient's arm only: (1) for a random intercept,
 * (treatment) for a random treatment effect, (1, treatment) for both. Λ is lower triangular, so the
 * between-trial covariance is ΛΛ' (the "ST" matrix of ordinal::clmm, lme4's relative covariance
 * factor). Its entries are the model's variance parameters. They are left unconstrained in sign: the
 * likelihood depends on ΛΛ' only, which makes it an even function of each column of Λ, so a variance
 * at its boundary 0 is an ordinary stationary point rather than a constraint.
 */
public enum RandomEffects {
    /** {@code (1 | study)}: a normal random trial intercept. */
    INTERCEPT("(1 | study)", 1, 1, true) {
        @Override
        void z(int arm, double[] out) {
            out[0] = 1;
        }

        @Override
        void lambda(double[] par, int off, double[] l) {
            l[0] = par[off];
        }

        @Override
        void dLambda(int k, double[] e) {
            e[0] = 1;
        }

        @Override
        VarianceComponents components(double[] l, boolean boundary) {
            return new VarianceComponents(this, l[0] * l[0], Double.NaN, Double.NaN, boundary);
        }
    },
    /**
     * {@code (0 + treatment | study)}: a random treatment effect across trials without a random
     * intercept. Fitted by the Laplace approximation only, as clmm does for any term other than a
     * single random intercept.
     */
    TREATMENT("(0 + treatment | study)", 1, 1, false) {
        @Override
        void z(int arm, double[] out) {
            out[0] = arm;
        }

        @Override
        void lambda(double[] par, int off, double[] l) {
            l[0] = par[off];
        }

        @Override
        void dLambda(int k, double[] e) {
            e[0] = 1;
        }

        @Override
        VarianceComponents components(double[] l, boolean boundary) {
            return new VarianceComponents(this, Double.NaN, l[0] * l[0], Double.NaN, boundary);
        }
    },
    /**
     * {@code (1 + treatment | study)}: a random intercept and a random treatment effect, correlated
     * (unstructured 2×2 covariance), as clmm fits it: Laplace approximation only.
     */
    CORRELATED("(1 + treatment | study)", 2, 3, false) {
        @Override
        void z(int arm, double[] out) {
            out[0] = 1;
            out[1] = arm;
        }

        @Override
        void lambda(double[] par, int off, double[] l) {
            // [l11 0; l21 l22], parameters in clmm's order: the diagonal, then the lower triangle
            l[0] = par[off];
            l[1] = 0;
            l[2] = par[off + 2];
            l[3] = par[off + 1];
        }

        @Override
        void dLambda(int k, double[] e) {
            java.util.Arrays.fill(e, 0);
            e[k == 0 ? 0 : k == 1 ? 3 : 2] = 1;
        }

        @Override
        VarianceComponents components(double[] l, boolean boundary) {
            double v1 = l[0] * l[0];
            double c = l[0] * l[2];
            double v2 = l[2] * l[2] + l[3] * l[3];
            double r = v1 > 0 && v2 > 0 ? Math.max(-1, Math.min(1, c / Math.sqrt(v1 * v2))) : Double.NaN;
            return new VarianceComponents(this, v1, v2, r, boundary);
        }
    },
    /**
     * {@code (1 | study) + (0 + treatment | study)}: a random intercept and a random treatment effect,
     * independent (diagonal covariance). Laplace approximation only, as in clmm.
     */
    INDEPENDENT("(1 | study) + (0 + treatment | study)", 2, 2, false) {
        @Override
        void z(int arm, double[] out) {
            out[0] = 1;
            out[1] = arm;
        }

        @Override
        void lambda(double[] par, int off, double[] l) {
            l[0] = par[off];
            l[1] = 0;
            l[2] = 0;
            l[3] = par[off + 1];
        }

        @Override
        void dLambda(int k, double[] e) {
            java.util.Arrays.fill(e, 0);
            e[k == 0 ? 0 : 3] = 1;
        }

        @Override
        VarianceComponents components(double[] l, boolean boundary) {
            return new VarianceComponents(this, l[0] * l[0], l[3] * l[3], Double.NaN, boundary);
        }
    };

    private final String formula;
    private final int dimension;
    private final int parameters;
    private final boolean quadrature;

    RandomEffects(String formula, int dimension, int parameters, boolean quadrature) {
        this.formula = formula;
        this.dimension = dimension;
        this.parameters = parameters;
        this.quadrature = quadrature;
    }

    /**
     * The term as written in an lme4/ordinal formula.
     *
     * @return the term, such as {@code (1 | study)}
     */
    public String formula() {
        return formula;
    }

    /**
     * The dimension q of each trial's random vector.
     *
     * @return q, 1 or 2
     */
    public int dimension() {
        return dimension;
    }

    /**
     * The number of variance parameters (entries of Λ).
     *
     * @return 1, 2 or 3
     */
    public int parameters() {
        return parameters;
    }

    /**
     * True when adaptive Gauss-Hermite quadrature (nAGQ > 1) is offered, as clmm offers it: a single random intercept.
     *
     * @return whether quadrature is offered
     */
    public boolean allowsQuadrature() {
        return quadrature;
    }

    /**
     * True when the structure has a random intercept.
     *
     * @return whether there is a random intercept
     */
    public boolean hasIntercept() {
        return this != TREATMENT;
    }

    /**
     * True when the structure has a random treatment effect.
     *
     * @return whether there is a random treatment effect
     */
    public boolean hasTreatment() {
        return this != INTERCEPT;
    }

    /**
     * Reads a structure by name: intercept, treatment, correlated, independent (case-insensitive).
     *
     * @param s the name, any case
     * @return the structure
     * @throws IllegalArgumentException if the name is unknown
     */
    public static RandomEffects parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "intercept", "random_intercept" -> INTERCEPT;
            case "treatment", "random_treatment", "slope" -> TREATMENT;
            case "correlated", "intercept_treatment", "intercept+treatment" -> CORRELATED;
            case "independent", "intercept_treatment_independent" -> INDEPENDENT;
            default -> throw new IllegalArgumentException("unknown random-effects structure '" + s
                    + "' (expected intercept, treatment, correlated or independent)");
        };
    }

    /** The design vector z of a patient in {@code arm} (0 control, 1 treatment). */
    abstract void z(int arm, double[] out);

    /** Fills Λ (q×q, row-major, lower triangular) from the variance parameters at {@code par[off..]}. */
    abstract void lambda(double[] par, int off, double[] l);

    /** Fills ∂Λ/∂λ_k (q×q, row-major). */
    abstract void dLambda(int k, double[] e);

    /** The variance components of Λ. */
    abstract VarianceComponents components(double[] l, boolean boundary);

    /** The variance parameters that are diagonal entries of Λ (standard deviations up to sign). */
    boolean isDiagonal(int k) {
        return this != CORRELATED || k < 2;
    }
}
