package org.strokemeta.ordinal;

import java.util.Locale;

/**
 * How the cut-points (thresholds) of a cumulative-logit model are shared between trials.
 *
 * <p>Stratified cut-points give every trial its own baseline distribution of the outcome, so that
 * the treatment effect is estimated within trials only, the ordinal counterpart of a stratified
 * analysis (R: {@code ordinal::clm(y ~ x, nominal = ~study)}). Common cut-points assume one outcome
 * distribution for all control patients ({@code clm(y ~ x)} or {@code MASS::polr(y ~ x)}).
 */
public enum Thresholds {
    /** One set of cut-points for every patient. */
    COMMON("common cut-points", "clm(y ~ treatment + covariates)"),
    /** Separate cut-points for every trial. */
    STRATIFIED("cut-points stratified by trial", "clm(y ~ treatment + covariates, nominal = ~study)");

    private final String label;
    private final String rCall;

    Thresholds(String label, String rCall) {
        this.label = label;
        this.rCall = rCall;
    }

    /**
     * The equivalent call of R's ordinal package, for reports.
     *
     * @return the call, such as {@code clm(y ~ treatment + covariates)}
     */
    public String rCall() {
        return rCall;
    }

    /**
     * A short description, such as "cut-points stratified by trial".
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Reads {@code common} or {@code stratified} (as in the reference cases).
     *
     * @param s the name, any case
     * @return the thresholds
     * @throws IllegalArgumentException if the name is unknown
     */
    public static Thresholds parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "common" -> COMMON;
            case "stratified", "strata", "by_study", "by_trial" -> STRATIFIED;
            default -> throw new IllegalArgumentException("unknown thresholds '" + s + "' (expected common or stratified)");
        };
    }
}
