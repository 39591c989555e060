package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.pool.Execution;

/**
 * Options of the one-stage logistic models on patient-level data.
 *
 * @param studyEffect how trials enter: separate intercepts or a random intercept
 * @param covariates  the adjustment covariates besides treatment
 * @param nAGQ        quadrature points of the random-intercept model: 1 for the Laplace approximation
 *                    (glmer's default), more for adaptive Gauss-Hermite quadrature; ignored when stratified
 * @param level       the confidence level of the intervals
 * @param execution   where the parallel parts run: the random-intercept model's (as {@link MixedOptions#execution()})
 *                    and the stratified model's sums over blocks of patients (beyond 65,536 patients with
 *                    covariates); the library's pool by default; the estimates do not depend on it, to the bit
 * @serial exclude
 */
public record BinaryOptions(StudyEffect studyEffect, List<String> covariates, int nAGQ, double level, Execution execution)
        implements java.io.Serializable {
    /**
     * Checks the options and copies the covariates (null means none).
     *
     * @param studyEffect how trials enter: separate intercepts or a random intercept
     * @param covariates the adjustment covariates besides treatment
     * @param nAGQ quadrature points of the random-intercept model: 1 for the Laplace approximation
     *                           (glmer's default), more for adaptive Gauss-Hermite quadrature; ignored when stratified
     * @param level the confidence level of the intervals
     * @param execution where the parallel parts run: the random-intercept model's (as {@link MixedOptions#execution()})
     *                           and the stratified model's sums over blocks of patients (beyond 65,536 patients
     *                           with covariates); the library's pool by default; the estimates do not depend on it, to the bit
     * @throws IllegalArgumentException if an option is missing or out of range
     */
    public BinaryOptions {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        if (studyEffect == null) {
            throw new IllegalArgumentException("say how trials enter the model (stratified or random intercept)");
        }
        if (execution == null) {
            throw new IllegalArgumentException("the execution is missing");
        }
        if (nAGQ < 1 || nAGQ > GaussHermite.MAX_POINTS) {
            throw new IllegalArgumentException("the number of quadrature points (nAGQ) must lie between 1 (the Laplace "
                    + "approximation) and " + GaussHermite.MAX_POINTS + ", not " + nAGQ);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1, not " + level);
        }
    }

    /**
     * Options on the library's pool ({@link Execution#defaults()}).
     *
     * @param studyEffect how trials enter: separate intercepts or a random intercept
     * @param covariates  the adjustment covariates besides treatment, or null for none
     * @param nAGQ        quadrature points of the random-intercept model: 1 for the Laplace approximation
     * @param level       the confidence level of the intervals, in (0, 1)
     */
    public BinaryOptions(StudyEffect studyEffect, List<String> covariates, int nAGQ, double level) {
        this(studyEffect, covariates, nAGQ, level, Execution.defaults());
    }

    /**
     * Stratified by trial, no covariates, 95% intervals.
     *
     * @return the default options
     */
    public static BinaryOptions defaults() {
        return new BinaryOptions(StudyEffect.STRATIFIED, List.of(), 1, 0.95);
    }

    /**
     * A copy with another way for trials to enter the model.
     *
     * @param e stratified or random intercept
     * @return these options with {@code studyEffect = e}
     */
    public BinaryOptions withStudyEffect(StudyEffect e) {
        return new BinaryOptions(e, covariates, nAGQ, level, execution);
    }

    /**
     * A copy with other adjustment covariates.
     *
     * @param c the covariates besides treatment
     * @return these options with {@code covariates = c}
     */
    public BinaryOptions withCovariates(List<String> c) {
        return new BinaryOptions(studyEffect, c, nAGQ, level, execution);
    }

    /**
     * A copy with another number of quadrature points.
     *
     * @param n 1 for the Laplace approximation, more for adaptive Gauss-Hermite quadrature
     * @return these options with {@code nAGQ = n}
     */
    public BinaryOptions withNagq(int n) {
        return new BinaryOptions(studyEffect, covariates, n, level, execution);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1) (0.95, not 95)
     * @return these options with {@code level = l}
     */
    public BinaryOptions withLevel(double l) {
        return new BinaryOptions(studyEffect, covariates, nAGQ, l, execution);
    }

    /**
     * A copy whose parallel parts run on {@code e}.
     *
     * @param e the execution
     * @return these options with {@code execution = e}
     */
    public BinaryOptions withExecution(Execution e) {
        return new BinaryOptions(studyEffect, covariates, nAGQ, level, e);
    }
}
