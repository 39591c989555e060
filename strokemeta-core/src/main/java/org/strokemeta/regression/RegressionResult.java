package org.strokemeta.regression;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.ModelFit;
import org.strokemeta.pool.Tau2Estimate;

/**
 * The result of a meta-regression: the coefficients with their tests, the omnibus test of the
 * moderators (QM), the residual heterogeneity (QE, tau², I²), the pseudo-R² and everything the user
 * should know (studies left out, convergence).
 *
 * @param options           the options used
 * @param method            a short description, such as "mixed-effects meta-regression, REML"
 * @param design            the moderators, design columns and studies left out
 * @param effects           the effects of the studies that entered the model
 * @param fit               the underlying weighted fit (used by the permutation test)
 * @param coefficients      intercept first, then the design columns
 * @param omnibus           QM over all coefficients but the intercept
 * @param heterogeneity     residual heterogeneity: QE with k − p df, tau², I², H²
 * @param tau2              how tau² was estimated (null for fixed-effect models)
 * @param r2                pseudo-R² in percent as metafor reports it; NaN when it cannot be computed
 * @param interceptOnlyTau2 tau² of the intercept-only model fitted by the same method (NaN for fixed effect)
 * @param notes             studies left out and remarks on the fit
 * @serial exclude
 */
public record RegressionResult(MetaOptions options, String method, Design design, EffectSizes effects, ModelFit fit,
                               List<Coefficient> coefficients, OmnibusTest omnibus, Heterogeneity heterogeneity,
                               Tau2Estimate tau2, double r2, double interceptOnlyTau2, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param options the options used
     * @param method a short description, such as "mixed-effects meta-regression, REML"
     * @param design the moderators, design columns and studies left out
     * @param effects the effects of the studies that entered the model
     * @param fit the underlying weighted fit (used by the permutation test)
     * @param coefficients intercept first, then the design columns
     * @param omnibus QM over all coefficients but the intercept
     * @param heterogeneity residual heterogeneity: QE with k − p df, tau², I², H²
     * @param tau2 how tau² was estimated (null for fixed-effect models)
     * @param r2 pseudo-R² in percent as metafor reports it; NaN when it cannot be computed
     * @param interceptOnlyTau2 tau² of the intercept-only model fitted by the same method (NaN for fixed effect)
     * @param notes studies left out and remarks on the fit
     */
    public RegressionResult {
        coefficients = List.copyOf(coefficients);
        notes = List.copyOf(notes);
    }

    /**
     * The number of studies in the model.
     *
     * @return the number of studies
     */
    public int k() {
        return effects.size();
    }

    /**
     * The number of coefficients, intercept included.
     *
     * @return p
     */
    public int p() {
        return coefficients.size();
    }

    /**
     * Coefficient names: {@code intercept}, then the design columns.
     *
     * @return an immutable list of the names
     */
    public List<String> names() {
        return coefficients.stream().map(Coefficient::name).toList();
    }

    /**
     * The coefficient of that name.
     *
     * @param name the coefficient's name, as in {@link #names()}
     * @return the coefficient
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + name + " (coefficients: "
                        + String.join(", ", names()) + ")"));
    }

    /**
     * True unless an iterative tau² estimator failed to converge (results are then not valid).
     *
     * @return false when the tau² estimator did not converge
     */
    public boolean converged() {
        return tau2 == null || tau2.converged();
    }

    /**
     * The log-likelihood, deviance, AIC, BIC and AICc of the model (ML and REML), as metafor's fit.stats.
     *
     * @return the statistics at the model's tau²
     */
    public org.strokemeta.pool.FitStatistics fitStatistics() {
        return org.strokemeta.pool.FitStatistics.of(fit);
    }
}
