package org.strokemeta.ordinal;

import java.util.List;
import org.strokemeta.data.Note;

/**
 * A maximum-likelihood fit of the cumulative-logit (proportional-odds) model
 * {@code logit P(Y <= j | x) = theta_{s,j} − x'beta} (McCullagh 1980), with cut-points common to all
 * trials or stratified by trial, as R's {@code ordinal::clm} fits it ({@code nominal = ~study} for
 * stratified cut-points); or of the partial proportional-odds model in which the treatment effect
 * differs by cut-point ({@code clm(..., nominal = ~treatment)}; Peterson and Harrell 1990).
 *
 * <p>Signs follow clm: a positive {@code beta} moves patients toward higher, worse categories. The
 * treatment effect is reported the other way round as the log common odds ratio
 * ({@link #logCor()} = −beta_treatment, positive = better with treatment; see {@link CommonOddsRatio}).
 *
 * <p>Estimates are only estimates when {@link #converged()} is true: otherwise {@code beta}, the
 * cut-points and the standard errors hold the last iterate for diagnosis, {@link #message()} says
 * what went wrong, and {@link #logCor()} and {@link #commonOddsRatio()} give NaN.
 *
 * @param thresholds      common or stratified cut-points
 * @param strata          the strata (trials, or one stratum for common cut-points)
 * @param cutPoints       {@code [stratum][j]}: theta_j, j = 0..J−2, for P(Y <= j); a cut-point dropped
 *                        beside an empty category equals its neighbour (or ±∞ at the ends)
 * @param cutPointSe      their standard errors (NaN for infinite ones)
 * @param names           names of the coefficients: {@code treatment} (absent from a partial
 *                        proportional-odds fit), then the covariates
 * @param beta            the coefficients, clm's sign
 * @param se              their standard errors
 * @param vcov            their covariance matrix (inverse observed information)
 * @param cutEffects      for a partial proportional-odds fit, the treatment log odds ratio at each
 *                        cut-point, log OR(Y <= j), positive = better; empty otherwise
 * @param cutEffectSe     their standard errors
 * @param logLik          the log-likelihood as clm reports it (weighted sum of log-probabilities, no
 *                        multinomial constant)
 * @param observations    rows used (patients, or non-empty cells of a table)
 * @param patients        the total case weight (patients)
 * @param parameters      the number of free parameters
 * @param iterations      Newton iterations taken
 * @param converged       whether the convergence criteria were met
 * @param message         how the fit ended
 * @param maxGradient     the largest absolute gradient of the log-likelihood at the end
 * @param conditionNumber the condition number of the observed information (largest over smallest
 *                        eigenvalue); very large values mean weakly identified parameters
 * @param diverged        true when estimates ran off toward infinity (separation: no finite maximum)
 * @param level           the confidence level for intervals
 * @param notes           trials left out, categories dropped, and other remarks
 */
public record ProportionalOddsFit(Thresholds thresholds, List<String> strata, double[][] cutPoints, double[][] cutPointSe,
                                  List<String> names, double[] beta, double[] se, double[][] vcov, double[] cutEffects,
                                  double[] cutEffectSe, double logLik, int observations, double patients, int parameters,
                                  int iterations, boolean converged, String message, double maxGradient,
                                  double conditionNumber, boolean diverged, double level, List<Note> notes) {
    public ProportionalOddsFit {
        strata = List.copyOf(strata);
        names = List.copyOf(names);
        notes = List.copyOf(notes);
        if (beta.length != names.size() || se.length != beta.length || vcov.length != beta.length) {
            throw new IllegalArgumentException("coefficients, names and standard errors differ in number");
        }
        if (cutPoints.length != strata.size() || cutPointSe.length != strata.size()) {
            throw new IllegalArgumentException("one row of cut-points per stratum");
        }
        if (cutEffects.length != cutEffectSe.length) {
            throw new IllegalArgumentException("cut-point effects and standard errors differ in number");
        }
        if (diverged && converged) {
            throw new IllegalArgumentException("a diverging fit cannot have converged");
        }
        if (message == null || message.isBlank()) {
            throw new IllegalArgumentException("a fit says how it ended");
        }
    }

    /** The position of a coefficient, or −1. */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /** A coefficient (clm's sign) by name; NaN unless converged. */
    public double coefficient(String name) {
        int k = require(name);
        return converged ? beta[k] : Double.NaN;
    }

    /** The standard error of a coefficient by name; NaN unless converged. */
    public double coefficientSe(String name) {
        int k = require(name);
        return converged ? se[k] : Double.NaN;
    }

    /** The log common odds ratio −beta_treatment (positive = better with treatment); NaN unless converged. */
    public double logCor() {
        return -coefficient("treatment");
    }

    /** The standard error of {@link #logCor()}; NaN unless converged. */
    public double logCorSe() {
        return coefficientSe("treatment");
    }

    /** The treatment effect as a common odds ratio with Wald interval and test; NaN values unless converged. */
    public CommonOddsRatio commonOddsRatio() {
        return converged ? CommonOddsRatio.of(logCor(), logCorSe(), level) : CommonOddsRatio.unavailable(level);
    }

    /** The number of outcome categories. */
    public int categories() {
        return cutPoints.length == 0 ? 0 : cutPoints[0].length + 1;
    }

    private int require(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("the model has no coefficient '" + name + "' (coefficients: "
                    + String.join(", ", names) + ")");
        }
        return k;
    }
}
