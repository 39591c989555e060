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
 * @param cutPoints       {@code [stratum][j]}: theta_j, j = 0..J−2, for P(Y ≤ j); a cut-point dropped
 *                        beside an empty category equals its neighbour (or ±∞ at the ends)
 * @param cutPointSe      their standard errors (NaN for infinite ones)
 * @param names           names of the coefficients: {@code treatment} (absent from a partial
 *                        proportional-odds fit), then the covariates
 * @param beta            the coefficients, clm's sign
 * @param se              their standard errors
 * @param vcov            their covariance matrix (inverse observed information)
 * @param cutEffects      for a partial proportional-odds fit, the treatment log odds ratio at each
 *                        cut-point, log OR(Y ≤ j), positive = better; empty otherwise
 * @param cutEffectSe     their standard errors
 * @param logLik          the log-likelihood as clm reports it (weighted sum of log-probabilities, no
 *                        multinomial constant)
 * @param observations    rows used: patients, or, without covariates, one weighted row per non-empty
 *                        trial, arm and category (identical patients collapse exactly), as for a table
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
 * @serial exclude
 */
public record ProportionalOddsFit(Thresholds thresholds, List<String> strata, double[][] cutPoints, double[][] cutPointSe,
                                  List<String> names, double[] beta, double[] se, double[][] vcov, double[] cutEffects,
                                  double[] cutEffectSe, double logLik, int observations, double patients, int parameters,
                                  int iterations, boolean converged, String message, double maxGradient,
                                  double conditionNumber, boolean diverged, double level, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the arrays and lists and checks their lengths.
     *
     * @param thresholds common or stratified cut-points
     * @param strata the strata (trials, or one stratum for common cut-points)
     * @param cutPoints {@code [stratum][j]}: theta_j, j = 0..J−2, for P(Y ≤ j); a cut-point dropped
     *                               beside an empty category equals its neighbour (or ±∞ at the ends)
     * @param cutPointSe their standard errors (NaN for infinite ones)
     * @param names names of the coefficients: {@code treatment} (absent from a partial
     *                               proportional-odds fit), then the covariates
     * @param beta the coefficients, clm's sign
     * @param se their standard errors
     * @param vcov their covariance matrix (inverse observed information)
     * @param cutEffects for a partial proportional-odds fit, the treatment log odds ratio at each
     *                               cut-point, log OR(Y ≤ j), positive = better; empty otherwise
     * @param cutEffectSe their standard errors
     * @param logLik the log-likelihood as clm reports it (weighted sum of log-probabilities, no
     *                               multinomial constant)
     * @param observations rows used (patients, or non-empty cells of a table)
     * @param patients the total case weight (patients)
     * @param parameters the number of free parameters
     * @param iterations Newton iterations taken
     * @param converged whether the convergence criteria were met
     * @param message how the fit ended
     * @param maxGradient the largest absolute gradient of the log-likelihood at the end
     * @param conditionNumber the condition number of the observed information (largest over smallest
     *                               eigenvalue); very large values mean weakly identified parameters
     * @param diverged true when estimates ran off toward infinity (separation: no finite maximum)
     * @param level the confidence level for intervals
     * @param notes trials left out, categories dropped, and other remarks
     * @throws IllegalArgumentException if the coefficients, names and standard errors differ in number
     */
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
        cutPoints = deepCopy(cutPoints);
        cutPointSe = deepCopy(cutPointSe);
        beta = beta.clone();
        se = se.clone();
        vcov = deepCopy(vcov);
        cutEffects = cutEffects.clone();
        cutEffectSe = cutEffectSe.clone();
    }

    /**
     * The {@code cutPoints} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutPoints}
     */
    @Override
    public double[][] cutPoints() {
        return deepCopy(cutPoints);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #cutPoints()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code cutPoints()[i][j]}
     */
    public double cutPoints(int i, int j) {
        return cutPoints[i][j];
    }

    /**
     * The {@code cutPointSe} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutPointSe}
     */
    @Override
    public double[][] cutPointSe() {
        return deepCopy(cutPointSe);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #cutPointSe()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code cutPointSe()[i][j]}
     */
    public double cutPointSe(int i, int j) {
        return cutPointSe[i][j];
    }

    /**
     * The {@code beta} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code beta}
     */
    @Override
    public double[] beta() {
        return beta.clone();
    }

    /**
     * Element {@code i} of {@link #beta()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code beta()[i]}
     */
    public double beta(int i) {
        return beta[i];
    }

    /**
     * The {@code se} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code se}
     */
    @Override
    public double[] se() {
        return se.clone();
    }

    /**
     * Element {@code i} of {@link #se()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code se()[i]}
     */
    public double se(int i) {
        return se[i];
    }

    /**
     * The {@code vcov} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code vcov}
     */
    @Override
    public double[][] vcov() {
        return deepCopy(vcov);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #vcov()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code vcov()[i][j]}
     */
    public double vcov(int i, int j) {
        return vcov[i][j];
    }

    /**
     * The {@code cutEffects} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutEffects}
     */
    @Override
    public double[] cutEffects() {
        return cutEffects.clone();
    }

    /**
     * Element {@code i} of {@link #cutEffects()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code cutEffects()[i]}
     */
    public double cutEffects(int i) {
        return cutEffects[i];
    }

    /**
     * The {@code cutEffectSe} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutEffectSe}
     */
    @Override
    public double[] cutEffectSe() {
        return cutEffectSe.clone();
    }

    /**
     * Element {@code i} of {@link #cutEffectSe()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code cutEffectSe()[i]}
     */
    public double cutEffectSe(int i) {
        return cutEffectSe[i];
    }

    private static double[][] deepCopy(double[][] x) {
        if (x == null) {
            return null;
        }
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] == null ? null : x[i].clone();
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProportionalOddsFit r
                && java.util.Objects.equals(thresholds, r.thresholds)
                && java.util.Objects.equals(strata, r.strata)
                && java.util.Arrays.deepEquals(cutPoints, r.cutPoints)
                && java.util.Arrays.deepEquals(cutPointSe, r.cutPointSe)
                && java.util.Objects.equals(names, r.names)
                && java.util.Arrays.equals(beta, r.beta)
                && java.util.Arrays.equals(se, r.se)
                && java.util.Arrays.deepEquals(vcov, r.vcov)
                && java.util.Arrays.equals(cutEffects, r.cutEffects)
                && java.util.Arrays.equals(cutEffectSe, r.cutEffectSe)
                && Double.compare(logLik, r.logLik) == 0
                && observations == r.observations
                && Double.compare(patients, r.patients) == 0
                && parameters == r.parameters
                && iterations == r.iterations
                && converged == r.converged
                && java.util.Objects.equals(message, r.message)
                && Double.compare(maxGradient, r.maxGradient) == 0
                && Double.compare(conditionNumber, r.conditionNumber) == 0
                && diverged == r.diverged
                && Double.compare(level, r.level) == 0
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(thresholds, strata, java.util.Arrays.deepHashCode(cutPoints),
                java.util.Arrays.deepHashCode(cutPointSe), names, java.util.Arrays.hashCode(beta), java.util.Arrays.hashCode(se), java.util.Arrays.deepHashCode(vcov), java.util.Arrays.hashCode(cutEffects), java.util.Arrays.hashCode(cutEffectSe), logLik, observations, patients, parameters, iterations, converged, message, maxGradient, conditionNumber, diverged, level, notes);
    }

    @Override
    public String toString() {
        return "ProportionalOddsFit[thresholds=" + thresholds + ", strata=" + strata + ", cutPoints="
                + java.util.Arrays.deepToString(cutPoints) + ", cutPointSe="
                + java.util.Arrays.deepToString(cutPointSe) + ", names=" + names + ", beta="
                + java.util.Arrays.toString(beta) + ", se=" + java.util.Arrays.toString(se) + ", vcov="
                + java.util.Arrays.deepToString(vcov) + ", cutEffects=" + java.util.Arrays.toString(cutEffects)
                + ", cutEffectSe=" + java.util.Arrays.toString(cutEffectSe) + ", logLik=" + logLik
                + ", observations=" + observations + ", patients=" + patients + ", parameters=" + parameters
                + ", iterations=" + iterations + ", converged=" + converged + ", message=" + message
                + ", maxGradient=" + maxGradient + ", conditionNumber=" + conditionNumber + ", diverged="
                + diverged + ", level=" + level + ", notes=" + notes + "]";
    }

    /**
     * The position of a coefficient, or −1.
     *
     * @param name the coefficient's name
     * @return its position in {@link #names()}, or −1
     */
    public int indexOf(String name) {
        return names.indexOf(name);
    }

    /**
     * A coefficient (clm's sign) by name; NaN unless converged.
     *
     * @param name the coefficient's name
     * @return the coefficient, or NaN
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public double coefficient(String name) {
        int k = require(name);
        return converged ? beta[k] : Double.NaN;
    }

    /**
     * The standard error of a coefficient by name; NaN unless converged.
     *
     * @param name the coefficient's name
     * @return its standard error, or NaN
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public double coefficientSe(String name) {
        int k = require(name);
        return converged ? se[k] : Double.NaN;
    }

    /**
     * The log common odds ratio −beta_treatment (positive = better with treatment); NaN unless converged.
     *
     * @return the log common odds ratio, or NaN
     */
    public double logCor() {
        return -coefficient("treatment");
    }

    /**
     * The standard error of {@link #logCor()}; NaN unless converged.
     *
     * @return the standard error, or NaN
     */
    public double logCorSe() {
        return coefficientSe("treatment");
    }

    /**
     * The treatment effect as a common odds ratio with Wald interval and test; NaN values unless converged.
     *
     * @return the common odds ratio
     */
    public CommonOddsRatio commonOddsRatio() {
        return converged ? CommonOddsRatio.of(logCor(), logCorSe(), level) : CommonOddsRatio.unavailable(level);
    }

    /**
     * The number of outcome categories.
     *
     * @return J, or 0 when there are no cut-points
     */
    public int categories() {
        return cutPoints.length == 0 ? 0 : cutPoints[0].length + 1;
    }

    /**
     * The cut-points with their standard errors, trial by trial for stratified cut-points (each trial's
     * own, as clm's intercept row plus the trial's row of {@code alpha.mat} with nominal = ~study), or
     * once for common cut-points; NaN estimates unless converged.
     *
     * @return the cut-points in the order of the strata, then of the categories
     */
    public List<CutPoint> cutPointList() {
        List<CutPoint> out = new java.util.ArrayList<>();
        for (int s = 0; s < cutPoints.length; s++) {
            String stratum = thresholds == Thresholds.COMMON ? null : strata.get(s);
            for (int j = 0; j < cutPoints[s].length; j++) {
                out.add(new CutPoint(stratum, CutPoint.name(j), converged ? cutPoints[s][j] : Double.NaN,
                        converged ? cutPointSe[s][j] : Double.NaN));
            }
        }
        return out;
    }

    /**
     * Akaike's information criterion as clm's {@code AIC}: −2 log-likelihood + 2 × the free parameters.
     *
     * @return the AIC
     */
    public double aic() {
        return -2 * logLik + 2 * parameters;
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
