package org.strokemeta.multivariate;

import java.util.List;
import java.util.Locale;

/**
 * What a multivariate model is asked (metafor {@code rma.mv(yi, V, mods = ~ outcome - 1, random = ~ outcome | study,
 * struct)}): several outcomes (or time points) per trial, their within-trial sampling covariances given by
 * {@code cov_<outcome>} columns or built from one correlation (as metafor's {@code vcalc}), and a between-trial
 * covariance of the outcomes' true effects.
 *
 * @param struct     the between-trial covariance: CS, HCS, UN or DIAG
 * @param withinRho  the within-trial correlation of two outcomes of one trial, building the sampling covariances as
 *                   rho·sqrt(v_i v_j); NaN to read them from the {@code cov_<outcome>} columns
 * @param moderators numeric moderator columns (a common slope; one intercept per outcome is always included)
 * @param method     REML or ML
 * @param test       z or t tests
 * @param level      the confidence level
 * @param profileCi  whether to compute the profile-likelihood confidence interval of each between-trial variance and
 *                   correlation (metafor's confint)
 * @serial exclude
 */
public record MultivariateOptions(Struct struct, double withinRho, List<String> moderators, MultilevelOptions.Method method,
                                  MultilevelOptions.Test test, double level, boolean profileCi) implements java.io.Serializable {
    /** The structures of the between-trial covariance of the outcomes, as metafor's struct. */
    public enum Struct {
        /** Compound symmetry: one variance tau², one correlation rho. */
        CS,
        /** Heteroscedastic compound symmetry: a variance per outcome, one correlation. */
        HCS,
        /** Unstructured: a variance per outcome and a correlation per pair. */
        UN,
        /** Diagonal: a variance per outcome, no correlation. */
        DIAG;

        /**
         * Reads CS, HCS, UN or DIAG.
         *
         * @param s the text
         * @return the structure
         */
        public static Struct parse(String s) {
            return switch (s.trim().toUpperCase(Locale.ROOT)) {
                case "CS" -> CS;
                case "HCS" -> HCS;
                case "UN" -> UN;
                case "DIAG" -> DIAG;
                default -> throw new IllegalArgumentException("unknown structure '" + s + "' (expected CS, HCS, UN or DIAG)");
            };
        }
    }

    /**
     * Checks and copies.
     *
     * @param struct     the structure
     * @param withinRho  the within-trial correlation, or NaN
     * @param moderators the moderators
     * @param method     the method
     * @param test       the test
     * @param level      the level
     * @param profileCi  the profile-likelihood intervals
     */
    public MultivariateOptions {
        moderators = List.copyOf(moderators == null ? List.of() : moderators);
        if (struct == null || method == null || test == null) {
            throw new IllegalArgumentException("the structure, the method and the test are required");
        }
        if (!Double.isNaN(withinRho) && !(withinRho > -1 && withinRho < 1)) {
            throw new IllegalArgumentException("the within-trial correlation must lie between -1 and 1, not " + withinRho);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie between 0 and 1, not " + level);
        }
    }

    /**
     * Options without profile-likelihood intervals.
     *
     * @param struct     the between-trial covariance
     * @param withinRho  the within-trial correlation, or NaN
     * @param moderators moderator columns
     * @param method     REML or ML
     * @param test       z or t
     * @param level      the confidence level
     */
    public MultivariateOptions(Struct struct, double withinRho, List<String> moderators, MultilevelOptions.Method method,
                               MultilevelOptions.Test test, double level) {
        this(struct, withinRho, moderators, method, test, level, false);
    }

    /**
     * An unstructured between-trial covariance by REML, z tests, the covariances from the columns.
     *
     * @return the options
     */
    public static MultivariateOptions defaults() {
        return new MultivariateOptions(Struct.UN, Double.NaN, List.of(), MultilevelOptions.Method.REML, MultilevelOptions.Test.Z, 0.95);
    }

    /**
     * A copy with another structure.
     *
     * @param s the structure
     * @return a copy
     */
    public MultivariateOptions withStruct(Struct s) {
        return new MultivariateOptions(s, withinRho, moderators, method, test, level, profileCi);
    }

    /**
     * A copy building the within-trial covariances from a correlation.
     *
     * @param rho the correlation, or NaN for the cov_ columns
     * @return a copy
     */
    public MultivariateOptions withWithinRho(double rho) {
        return new MultivariateOptions(struct, rho, moderators, method, test, level, profileCi);
    }

    /**
     * A copy with moderators.
     *
     * @param mods the moderator columns
     * @return a copy
     */
    public MultivariateOptions withModerators(List<String> mods) {
        return new MultivariateOptions(struct, withinRho, mods, method, test, level, profileCi);
    }

    /**
     * A copy with another method.
     *
     * @param m REML or ML
     * @return a copy
     */
    public MultivariateOptions withMethod(MultilevelOptions.Method m) {
        return new MultivariateOptions(struct, withinRho, moderators, m, test, level, profileCi);
    }

    /**
     * A copy with or without the profile-likelihood intervals of the variances and correlations.
     *
     * @param p true to compute them
     * @return a copy
     */
    public MultivariateOptions withProfileCi(boolean p) {
        return new MultivariateOptions(struct, withinRho, moderators, method, test, level, p);
    }
}
