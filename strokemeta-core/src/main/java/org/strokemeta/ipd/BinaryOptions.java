package org.strokemeta.ipd;

import java.util.List;

/**
 * Options of the one-stage logistic models on patient-level data.
 *
 * @param studyEffect how trials enter: separate intercepts or a random intercept
 * @param covariates  the adjustment covariates besides treatment
 * @param nAGQ        quadrature points of the random-intercept model: 1 for the Laplace approximation
 *                    (glmer's default), more for adaptive Gauss-Hermite quadrature; ignored when stratified
 * @param level       the confidence level of the intervals
 */
public record BinaryOptions(StudyEffect studyEffect, List<String> covariates, int nAGQ, double level) implements java.io.Serializable {
    public BinaryOptions {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        if (studyEffect == null) {
            throw new IllegalArgumentException("say how trials enter the model (stratified or random intercept)");
        }
        if (nAGQ < 1 || nAGQ > GaussHermite.MAX_POINTS) {
            throw new IllegalArgumentException("the number of quadrature points (nAGQ) must lie between 1 (the Laplace "
                    + "approximation) and " + GaussHermite.MAX_POINTS + ", not " + nAGQ);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1, not " + level);
        }
    }

    /** Stratified by trial, no covariates, 95% intervals. */
    public static BinaryOptions defaults() {
        return new BinaryOptions(StudyEffect.STRATIFIED, List.of(), 1, 0.95);
    }

    public BinaryOptions withStudyEffect(StudyEffect e) {
        return new BinaryOptions(e, covariates, nAGQ, level);
    }

    public BinaryOptions withCovariates(List<String> c) {
        return new BinaryOptions(studyEffect, c, nAGQ, level);
    }

    public BinaryOptions withNagq(int n) {
        return new BinaryOptions(studyEffect, covariates, n, level);
    }

    public BinaryOptions withLevel(double l) {
        return new BinaryOptions(studyEffect, covariates, nAGQ, l);
    }
}
