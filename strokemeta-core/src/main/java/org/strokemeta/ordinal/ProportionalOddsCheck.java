package org.strokemeta.ordinal;

/**
 * The likelihood-ratio test of the proportional-odds assumption for treatment: the proportional-odds
 * model against the partial proportional-odds model in which the treatment effect differs by
 * cut-point (Peterson and Harrell, Appl Stat 1990; R's {@code ordinal::nominal_test}, i.e.
 * {@code anova(clm(y ~ treatment + x, ...), clm(y ~ x, nominal = ~treatment, ...))}).
 *
 * @param proportional the proportional-odds fit
 * @param partial      the fit with cut-point-specific treatment effects
 * @param statistic    the likelihood-ratio statistic 2 (logLik partial − logLik proportional)
 * @param df           its degrees of freedom, J − 2
 * @param p            the chi-square p-value (small values speak against proportional odds)
 * @param cutLogOr     the treatment log odds ratio of P(Y <= j) at each cut-point j = 0..J−2
 *                     (positive = better with treatment, the sign of the log common odds ratio)
 * @param cutSe        their standard errors
 * @param message      null when both fits converged, otherwise what went wrong (then the statistic is NaN)
 */
public record ProportionalOddsCheck(ProportionalOddsFit proportional, ProportionalOddsFit partial, double statistic,
                                    int df, double p, double[] cutLogOr, double[] cutSe, String message) {
    public ProportionalOddsCheck {
        if (proportional == null || partial == null) {
            throw new IllegalArgumentException("the test needs both fits");
        }
        if (cutLogOr.length != cutSe.length || cutLogOr.length != df + 1) {
            throw new IllegalArgumentException("one treatment effect per cut-point");
        }
        if (message == null && !(proportional.converged() && partial.converged())) {
            throw new IllegalArgumentException("a test from fits that did not converge must say so");
        }
    }

    /** True when both fits converged and the statistic is valid. */
    public boolean valid() {
        return message == null;
    }
}
