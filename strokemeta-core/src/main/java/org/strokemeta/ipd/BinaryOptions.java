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
 * @param execution   where the parallel parts of the random-intercept model run (as {@link MixedOptions#execution()}):
 *                    the library's pool by default; the estimates do not depend on it
 * @serial exclude
 */
public record BinaryOptions(StudyEffect studyEffect, List<String> covariates, int nAGQ, double level, Execution execution)
        implements java.io.Serializable {
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

    /** Options on the library's pool ({@link Execution#defaults()}). */
    public BinaryOptions(StudyEffect studyEffect, List<String> covariates, int nAGQ, double level) {
        this(studyEffect, covariates, nAGQ, level, Execution.defaults());
    }

    /** Stratified by trial, no covariates, 95% intervals. */
    public static BinaryOptions defaults() {
        return new BinaryOptions(StudyEffect.STRATIFIED, List.of(), 1, 0.95);
    }

    public BinaryOptions withStudyEffect(StudyEffect e) {
        return new BinaryOptions(e, covariates, nAGQ, level, execution);
    }

    public BinaryOptions withCovariates(List<String> c) {
        return new BinaryOptions(studyEffect, c, nAGQ, level, execution);
    }

    public BinaryOptions withNagq(int n) {
        return new BinaryOptions(studyEffect, covariates, n, level, execution);
    }

    public BinaryOptions withLevel(double l) {
        return new BinaryOptions(studyEffect, covariates, nAGQ, l, execution);
    }

    /** A copy whose parallel parts run on {@code e}. */
    public BinaryOptions withExecution(Execution e) {
        return new BinaryOptions(studyEffect, covariates, nAGQ, level, e);
    }
}
