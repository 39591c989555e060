package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.regression.Coefficient;

/**
 * A cumulative-logit (proportional-odds) model with random trial effects fitted to patient-level
 * data, as ordinal::clmm reports it.
 *
 * <p>Scale: {@code logit P(Y <= j) = theta_j − x'beta − z'b_trial} (clmm's), so a positive
 * coefficient moves patients toward worse categories. The common odds ratio is reported as
 * {@code log cOR = −beta_treatment}: above 0 the treatment shifts patients toward better outcomes.
 *
 * @param method          the model and approximation in words
 * @param options         the options used
 * @param logCommonOddsRatio the log common odds ratio of treatment (−beta), with SE, z, p and CI
 * @param coefficients    beta of treatment and each covariate, on clmm's scale
 * @param thresholds      the thresholds theta, named "0|1", "1|2", ... after the categories they separate
 * @param variance        the between-trial variance components
 * @param logLik          the approximate marginal log-likelihood at the optimum (clmm's {@code logLik})
 * @param patients        the patients analysed
 * @param trials          the trials analysed
 * @param iterations      outer iterations
 * @param evaluations     likelihood evaluations
 * @param maxGradient     the largest absolute gradient component at the end (clmm's {@code max.grad})
 * @param converged       true when the maximisation converged; when false no estimate is valid
 * @param convergence     the optimiser's closing message
 * @param notes           data problems, exclusions, boundary estimates and warnings
 * @serial exclude
 */
public record MixedOrdinalResult(String method, MixedOptions options, Coefficient logCommonOddsRatio,
                                 List<Coefficient> coefficients, List<Coefficient> thresholds, VarianceComponents variance,
                                 double logLik, int patients, int trials, int iterations, int evaluations,
                                 double maxGradient, boolean converged, String convergence, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param method the model and approximation in words
     * @param options the options used
     * @param logCommonOddsRatio the log common odds ratio of treatment (−beta), with SE, z, p and CI
     * @param coefficients beta of treatment and each covariate, on clmm's scale
     * @param thresholds the thresholds theta, named "0|1", "1|2", ... after the categories they separate
     * @param variance the between-trial variance components
     * @param logLik the approximate marginal log-likelihood at the optimum (clmm's {@code logLik})
     * @param patients the patients analysed
     * @param trials the trials analysed
     * @param iterations outer iterations
     * @param evaluations likelihood evaluations
     * @param maxGradient the largest absolute gradient component at the end (clmm's {@code max.grad})
     * @param converged true when the maximisation converged; when false no estimate is valid
     * @param convergence the optimiser's closing message
     * @param notes data problems, exclusions, boundary estimates and warnings
     */
    public MixedOrdinalResult {
        coefficients = List.copyOf(coefficients);
        thresholds = List.copyOf(thresholds);
        notes = List.copyOf(notes);
    }

    /**
     * The number of free parameters as clmm's {@code edf}: thresholds, coefficients and variance parameters.
     *
     * @return the number of parameters
     */
    public int parameters() {
        return thresholds.size() + coefficients.size() + (variance == null ? 0 : variance.structure().parameters());
    }

    /**
     * Akaike's information criterion as clmm's {@code AIC}: −2 log-likelihood + 2 × {@link #parameters()}.
     *
     * @return the AIC
     */
    public double aic() {
        return -2 * logLik + 2 * parameters();
    }

    /**
     * The coefficient of the named column ("treatment" or a covariate).
     *
     * @param name the column's name
     * @return its coefficient (clm's sign)
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + name));
    }
}
