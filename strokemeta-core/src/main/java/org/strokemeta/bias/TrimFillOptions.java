package org.strokemeta.bias;

import java.io.Serializable;
import java.util.Optional;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FitControl;
import org.strokemeta.pool.MetaOptions;

/**
 * The settings of trim-and-fill.
 *
 * @param side          the side on which studies are missing; empty to choose it from the data as
 *                      metafor::trimfill does (see {@link Side#fromSlope})
 * @param estimator     the estimator of the number of missing studies
 * @param maxIterations the most trim-and-refit cycles before non-convergence is reported (metafor's {@code maxiter})
 * @param fitSettings   the options of the fits inside trim-and-fill and of the analysis of the filled data set
 * @serial exclude
 */
public record TrimFillOptions(Optional<Side> side, K0Estimator estimator, int maxIterations, FitSettings fitSettings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * metafor::rma.uni's default control: Fisher scoring stops when tau² changes by less than 1e-5,
     * after at most 100 iterations (then the fit has not converged: no other solver takes over), full
     * steps, with the check of the likelihood at tau² = 0.
     */
    public static final FitControl METAFOR_CONTROL = FitControl.metafor();

    /**
     * Checks the options.
     *
     * @param side          the side on which studies are missing; empty to choose it from the data
     * @param estimator     the estimator of the number of missing studies
     * @param maxIterations the most trim-and-refit cycles
     * @param fitSettings   the options of the fits inside trim-and-fill
     * @throws IllegalArgumentException when an option is missing or {@code maxIterations} is below 1
     */
    public TrimFillOptions {
        if (side == null || estimator == null || fitSettings == null) {
            throw new IllegalArgumentException("every trim-and-fill option needs a value (an empty side means: choose it)");
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("trim-and-fill needs at least one iteration (got " + maxIterations + ")");
        }
    }

    /**
     * metafor's defaults: side chosen from the data, L0, at most 100 iterations, metafor's fit settings.
     *
     * @return the default options
     */
    public static TrimFillOptions defaults() {
        return new TrimFillOptions(Optional.empty(), K0Estimator.L0, 100, FitSettings.METAFOR);
    }

    /**
     * The same options with the side given instead of chosen from the data.
     *
     * @param s the side on which studies are taken to be missing
     * @return the changed options
     */
    public TrimFillOptions withSide(Side s) {
        return new TrimFillOptions(Optional.of(s), estimator, maxIterations, fitSettings);
    }

    /**
     * The same options with another estimator of the number of missing studies.
     *
     * @param e the estimator (L0 or R0)
     * @return the changed options
     */
    public TrimFillOptions withEstimator(K0Estimator e) {
        return new TrimFillOptions(side, e, maxIterations, fitSettings);
    }

    /**
     * The same options with another limit on the trim-and-refit cycles.
     *
     * @param n the most cycles, at least 1
     * @return the changed options
     */
    public TrimFillOptions withMaxIterations(int n) {
        return new TrimFillOptions(side, estimator, n, fitSettings);
    }

    /**
     * The same options with other settings of the fits inside trim-and-fill.
     *
     * @param f the fit settings
     * @return the changed options
     */
    public TrimFillOptions withFitSettings(FitSettings f) {
        return new TrimFillOptions(side, estimator, maxIterations, f);
    }

    /**
     * The options of the fits inside trim-and-fill (the meta-regression that chooses the side, the
     * fits of the trimmed data) and of the analysis of the data set with the filled studies. The
     * model and tau² estimator are always the analysis' own.
     */
    public enum FitSettings {
        /**
         * As metafor::trimfill (3.8.1), which passes only the model (method) on to rma.uni: Wald z
         * tests, a 95% interval and rma.uni's default control ({@link #METAFOR_CONTROL}), whatever the
         * analysis' test, level and control. When no study is filled, metafor returns the original
         * fit, so the analysis' own options apply to the result.
         */
        METAFOR("the analysis' model and tau² estimator with Wald z tests, 95% CI and rma.uni's default control "
                + "(as metafor::trimfill)") {
            @Override
            public MetaOptions options(MetaOptions analysis) {
                return analysis.withCi(CiMethod.Z).withLevel(0.95).withControl(METAFOR_CONTROL);
            }
        },
        /** The analysis' own options, including a Hartung-Knapp test, its confidence level and control. */
        ANALYSIS("the analysis' own model, tau² estimator, test, confidence level and control") {
            @Override
            public MetaOptions options(MetaOptions analysis) {
                return analysis;
            }
        };

        private final String label;

        FitSettings(String label) {
            this.label = label;
        }

        /**
         * What the settings are, in words.
         *
         * @return a description for reports
         */
        public String label() {
            return label;
        }

        /**
         * The options of the fits inside trim-and-fill and of the analysis of the filled data set.
         *
         * @param analysis the options of the analysis of the observed studies
         * @return the options of the fits
         */
        public abstract MetaOptions options(MetaOptions analysis);
    }

    /** Serialized through {@link Serial}: {@link Optional} is not serializable. */
    private Object writeReplace() {
        return new Serial(side.orElse(null), estimator, maxIterations, fitSettings);
    }

    /** The serialized form of {@link TrimFillOptions}: the side, or null when it is chosen from the data. */
    private record Serial(Side side, K0Estimator estimator, int maxIterations, FitSettings fitSettings) implements Serializable {
        private static final long serialVersionUID = 1L;

        private Object readResolve() {
            return new TrimFillOptions(Optional.ofNullable(side), estimator, maxIterations, fitSettings);
        }
    }
}
