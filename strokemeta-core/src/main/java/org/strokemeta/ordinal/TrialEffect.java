package org.strokemeta.ordinal;

/**
 * The first stage of a two-stage analysis for one trial: its own proportional-odds fit and log
 * common odds ratio, or the reason it could not enter the pooling.
 *
 * @param study    the trial label
 * @param line     the file line of its first row (0 when unknown)
 * @param fit      the trial's proportional-odds fit, or null when none was attempted
 * @param effect   its log common odds ratio (positive = better with treatment), NaN when not estimable
 * @param included whether the trial enters the pooled analysis
 * @param reason   why it was left out (null when included)
 * @serial exclude
 */
public record TrialEffect(String study, int line, ProportionalOddsFit fit, CommonOddsRatio effect, boolean included,
                          String reason) implements java.io.Serializable {
    /**
     * Checks the label, the effect and the reason.
     *
     * @param study the trial label
     * @param line the file line of its first row (0 when unknown)
     * @param fit the trial's proportional-odds fit, or null when none was attempted
     * @param effect its log common odds ratio (positive = better with treatment), NaN when not estimable
     * @param included whether the trial enters the pooled analysis
     * @param reason why it was left out (null when included)
     * @throws IllegalArgumentException if the label or effect is null, or a trial left out has no reason
     */
    public TrialEffect {
        if (study == null || effect == null) {
            throw new IllegalArgumentException("a trial effect needs its label and effect");
        }
        if (!included && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a trial left out needs the reason");
        }
        if (included && !effect.available()) {
            throw new IllegalArgumentException("only an estimated effect can be pooled");
        }
    }
}
