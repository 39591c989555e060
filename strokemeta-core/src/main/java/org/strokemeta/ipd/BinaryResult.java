package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.regression.Coefficient;

/**
 * A one-stage logistic model of a binary outcome on patient-level data: the adjusted odds ratio of
 * treatment and the standardised absolute risk difference.
 *
 * <p>Scale: {@code logit P(event) = intercept + beta'x} (glm's and glmer's), so a positive log odds
 * ratio means the event is more frequent with treatment: a benefit when the event is a good outcome
 * such as mRS 0-2, a harm when it is death or haemorrhage.
 *
 * @param method         the model in words
 * @param options        the options used
 * @param event          what the event is
 * @param logOddsRatio   the adjusted log odds ratio of treatment, with SE, z, p and CI
 * @param coefficients   treatment and covariate coefficients
 * @param intercepts     the trial intercepts (stratified; ±∞ for a trial where every or no patient had the
 *                       event) or the one fixed intercept (random-intercept model)
 * @param riskDifference the standardised risk difference (treated minus control)
 * @param variance       the between-trial variance of the random intercept, or null when stratified
 * @param logLik         the log-likelihood (the approximate marginal one for the random-intercept model)
 * @param patients       the patients analysed
 * @param events         the patients with the event
 * @param trials         the trials
 * @param iterations     Newton or quasi-Newton iterations
 * @param maxGradient    the largest absolute gradient component at the end
 * @param converged      true when the fit converged to a finite maximum
 * @param convergence    the closing message of the fit
 * @param separation     true when the data separate the outcome (some estimate is infinite): no estimate is then valid
 * @param notes          data problems, exclusions and warnings
 * @serial exclude
 */
public record BinaryResult(String method, BinaryOptions options, String event, Coefficient logOddsRatio,
                           List<Coefficient> coefficients, List<Coefficient> intercepts, RiskDifference riskDifference,
                           VarianceComponents variance, double logLik, int patients, int events, int trials, int iterations,
                           double maxGradient, boolean converged, String convergence, boolean separation, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param method the model in words
     * @param options the options used
     * @param event what the event is
     * @param logOddsRatio the adjusted log odds ratio of treatment, with SE, z, p and CI
     * @param coefficients treatment and covariate coefficients
     * @param intercepts the trial intercepts (stratified; ±∞ for a trial where every or no patient had the
     *                              event) or the one fixed intercept (random-intercept model)
     * @param riskDifference the standardised risk difference (treated minus control)
     * @param variance the between-trial variance of the random intercept, or null when stratified
     * @param logLik the log-likelihood (the approximate marginal one for the random-intercept model)
     * @param patients the patients analysed
     * @param events the patients with the event
     * @param trials the trials
     * @param iterations Newton or quasi-Newton iterations
     * @param maxGradient the largest absolute gradient component at the end
     * @param converged true when the fit converged to a finite maximum
     * @param convergence the closing message of the fit
     * @param separation true when the data separate the outcome (some estimate is infinite): no estimate is then valid
     * @param notes data problems, exclusions and warnings
     */
    public BinaryResult {
        coefficients = List.copyOf(coefficients);
        intercepts = List.copyOf(intercepts);
        notes = List.copyOf(notes);
    }

    /**
     * True when the estimates may be used: converged, and no separation.
     *
     * @return whether {@code converged} and not {@code separation}
     */
    public boolean valid() {
        return converged && !separation;
    }

    /**
     * The number of estimated parameters as glm's rank and lme4's {@code df} of the log-likelihood: the trial
     * intercepts (or the one fixed intercept), the coefficients, and the variance of a random intercept.
     *
     * @return the number of parameters
     */
    public int parameters() {
        return intercepts.size() + coefficients.size() + (variance == null ? 0 : variance.structure().parameters());
    }

    /**
     * The deviance as glm and summary.merMod report it: −2 log-likelihood (one patient per row, so the
     * saturated model's log-likelihood is 0; for the mixed model, lme4's {@code AICtab} deviance, not the
     * conditional deviance of {@code deviance()}).
     *
     * @return −2 log-likelihood
     */
    public double deviance() {
        return -2 * logLik;
    }

    /**
     * Akaike's information criterion, as R's {@code AIC}: deviance + 2 × {@link #parameters()}.
     *
     * @return the AIC
     */
    public double aic() {
        return deviance() + 2 * parameters();
    }

    /**
     * The Bayesian information criterion, as R's {@code BIC}: deviance + log(patients) × {@link #parameters()}.
     *
     * @return the BIC
     */
    public double bic() {
        return deviance() + Math.log(patients) * parameters();
    }

    /**
     * The residual degrees of freedom, patients − {@link #parameters()} (glm's {@code df.residual}, lme4's
     * {@code df.resid}).
     *
     * @return the residual degrees of freedom
     */
    public int dfResidual() {
        return patients - parameters();
    }

    /**
     * The coefficient of the named column ("treatment" or a covariate).
     *
     * @param name the column's name
     * @return its coefficient (log odds ratio scale)
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public Coefficient coefficient(String name) {
        return coefficients.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no coefficient named " + name));
    }
}
