package org.strokemeta.ipd;

import org.strokemeta.data.PatientData;

/** How trials enter a one-stage logistic model of patient-level data. */
public enum StudyEffect {
    /**
     * A separate intercept for every trial, as {@code glm(event ~ 0 + study + treatment + covariates,
     * binomial)}: the treatment effect is estimated within trials only.
     */
    STRATIFIED {
        @Override
        public BinaryResult fit(PatientData d, BinaryOutcome y, BinaryOptions o) {
            return StratifiedLogistic.fit(d, y, o);
        }
    },
    /**
     * A normal random trial intercept, as {@code lme4::glmer(event ~ treatment + covariates + (1 | study),
     * binomial, nAGQ)}.
     */
    RANDOM_INTERCEPT {
        @Override
        public BinaryResult fit(PatientData d, BinaryOutcome y, BinaryOptions o) {
            return RandomInterceptLogistic.fit(d, y, o);
        }
    };

    /**
     * Fits the logistic model of the outcome with trials entering this way.
     *
     * @param d the patients
     * @param y the binary outcome, one value per patient
     * @param o the options
     * @return the fit
     */
    public abstract BinaryResult fit(PatientData d, BinaryOutcome y, BinaryOptions o);

    /**
     * Reads "stratified" or "random_intercept".
     *
     * @param s the name, any case
     * @return the study effect
     * @throws IllegalArgumentException if the name is unknown
     */
    public static StudyEffect parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "stratified", "fixed", "fixed_intercepts" -> STRATIFIED;
            case "random_intercept", "random" -> RANDOM_INTERCEPT;
            default -> throw new IllegalArgumentException("unknown study effect '" + s
                    + "' (expected stratified or random_intercept)");
        };
    }
}
