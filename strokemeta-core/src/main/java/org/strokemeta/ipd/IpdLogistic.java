package org.strokemeta.ipd;

import org.strokemeta.data.PatientData;

/**
 * One-stage logistic regression of a binary outcome on patient-level data of several trials, with
 * trials entering as separate intercepts or as a random intercept ({@link StudyEffect}); reports the
 * adjusted odds ratio and the standardised absolute risk difference.
 */
public final class IpdLogistic {
    private IpdLogistic() {
    }

    /**
     * Fits the model the options name.
     *
     * @param d the patients
     * @param y the binary outcome, one value per patient
     * @param o the options, whose {@code studyEffect} chooses the model
     * @return the log odds ratio of treatment, the coefficients and the risk difference
     * @throws IllegalArgumentException if the outcome does not have one value per patient
     */
    public static BinaryResult fit(PatientData d, BinaryOutcome y, BinaryOptions o) {
        if (y.event().length != d.size()) {
            throw new IllegalArgumentException("the outcome has " + y.event().length + " values for " + d.size() + " patients");
        }
        return o.studyEffect().fit(d, y, o);
    }
}
