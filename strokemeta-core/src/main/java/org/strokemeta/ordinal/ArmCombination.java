package org.strokemeta.ordinal;

/**
 * How the clinical summaries of several trials (net benefit, NNT, utility-weighted mRS) bring the
 * trials together.
 */
public enum ArmCombination {
    /**
     * Each trial compares its own arms; the trials' differences are then averaged with the
     * Mantel-Haenszel weights {@code n_T n_C / (n_T + n_C)} (see {@link ClinicalSummaries}).
     */
    WITHIN_TRIALS("within_trials", "within trials, combined with Mantel-Haenszel weights n_T*n_C/(n_T+n_C)"),
    /**
     * The arms of all trials added together, then compared once. Open to Simpson's paradox when
     * trials differ in allocation ratio and prognosis; only for reproducing crude published figures.
     */
    CRUDE("crude", "crude: arms added across trials");

    private final String key;
    private final String label;

    ArmCombination(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /**
     * The key in JSON output: {@code within_trials} or {@code crude}.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The method in words, for text output.
     *
     * @return the label
     */
    public String label() {
        return label;
    }
}
