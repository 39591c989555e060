package org.strokemeta.ipd;

import java.util.List;
import java.util.Map;
import org.strokemeta.data.Note;
import org.strokemeta.regression.Coefficient;

/**
 * The fit of a general one-stage mixed model, as ordinal::clmm's or lme4::glmer's {@code summary}.
 *
 * @param method        the model in words
 * @param formula       the formula
 * @param options       the options
 * @param patients      the patients (rows) in the fit
 * @param weightTotal   the sum of the case weights (the patients when unweighted)
 * @param categories    the outcome values, in order (ordinal), or 0 and 1 (binomial)
 * @param thresholds    the cut-points {@code j|k} of an ordinal model, or the intercept of a binomial model
 * @param coefficients  the fixed effects, by design column (R's names: {@code siteM2}, {@code arm1:age})
 * @param randomEffects the variance components of each random term
 * @param modes         the conditional modes of the random effects (lme4's ranef), by term, level and effect
 * @param logLik        the approximate (Laplace) marginal log-likelihood
 * @param parameters    the number of parameters (cut-points or intercept, coefficients, variance parameters)
 * @param aic           −2 logLik + 2 parameters
 * @param bic           −2 logLik + log(weightTotal) parameters
 * @param iterations    outer iterations
 * @param evaluations   likelihood evaluations
 * @param maxGradient   the largest absolute gradient component at the optimum
 * @param converged     true when the maximisation converged and every conditional mode was found
 * @param message       the optimiser's closing message
 * @param notes         excluded rows with their reasons, boundary estimates, non-convergence
 * @param simulated     true when rows of the data are marked simulated (a column {@code simulated} of 1s, as
 *                      strokemeta simulate writes): every output then says "simulated data"
 * @serial exclude
 */
public record MixedModelResult(String method, MixedFormula formula, MixedModelOptions options, int patients, double weightTotal,
                               List<String> categories, List<Coefficient> thresholds, List<Coefficient> coefficients,
                               List<RandomComponent> randomEffects, List<Modes> modes, double logLik, int parameters,
                               double aic, double bic, int iterations, int evaluations, double maxGradient, boolean converged,
                               String message, List<Note> notes, boolean simulated) implements java.io.Serializable {

    /**
     * The variance components of one random term (VarCorr).
     *
     * @param term        the term as written, such as {@code (1 + age | study)}
     * @param group       the grouping factor
     * @param levels      its number of levels with patients
     * @param effects     the effects' names ({@code (Intercept)}, {@code age}, …)
     * @param sd          the standard deviation of each effect
     * @param correlation the correlations, row-major (effects × effects; the identity for an uncorrelated term)
     * @param atBoundary  true when a standard deviation is 0 or a correlation ±1
     * @serial exclude
     */
    public record RandomComponent(String term, String group, int levels, List<String> effects, double[] sd,
                                  double[] correlation, boolean atBoundary) implements java.io.Serializable {
    }

    /**
     * The conditional modes of one term (ranef): for each level of its grouping factor, one value per effect.
     *
     * @param term   the term as written
     * @param levels the levels' names, in order
     * @param values per level, one value per effect
     * @serial exclude
     */
    public record Modes(String term, List<String> levels, List<double[]> values) implements java.io.Serializable {
    }

    /**
     * A coefficient by its design-column name.
     *
     * @param name the name, such as {@code armEVT:siteM2}
     * @return the coefficient
     * @throws IllegalArgumentException when there is no such coefficient
     */
    public Coefficient coefficient(String name) {
        for (Coefficient c : coefficients) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no coefficient " + name + " (the model has " + coefficients.stream()
                .map(Coefficient::name).toList() + ")");
    }

    /**
     * The estimates as a map by name (convenient for comparison).
     *
     * @return name to estimate
     */
    public Map<String, Double> estimates() {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        coefficients.forEach(c -> m.put(c.name(), c.estimate()));
        return m;
    }
}
