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
 * @param cutLogOr     the treatment log odds ratio of P(Y ≤ j) at each cut-point j = 0..J−2
 *                     (positive = better with treatment, the sign of the log common odds ratio)
 * @param cutSe        their standard errors
 * @param message      null when both fits converged, otherwise what went wrong (then the statistic is NaN)
 * @serial exclude
 */
public record ProportionalOddsCheck(ProportionalOddsFit proportional, ProportionalOddsFit partial, double statistic,
                                    int df, double p, double[] cutLogOr, double[] cutSe, String message) implements java.io.Serializable {
    /**
     * Checks the fits and the cut-point effects and copies the arrays.
     *
     * @param proportional the proportional-odds fit
     * @param partial the fit with cut-point-specific treatment effects
     * @param statistic the likelihood-ratio statistic 2 (logLik partial − logLik proportional)
     * @param df its degrees of freedom, J − 2
     * @param p the chi-square p-value (small values speak against proportional odds)
     * @param cutLogOr the treatment log odds ratio of P(Y ≤ j) at each cut-point j = 0..J−2
     *                            (positive = better with treatment, the sign of the log common odds ratio)
     * @param cutSe their standard errors
     * @param message null when both fits converged, otherwise what went wrong (then the statistic is NaN)
     * @throws IllegalArgumentException if a fit is missing or there is not one effect per cut-point
     */
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
        cutLogOr = cutLogOr.clone();
        cutSe = cutSe.clone();
    }

    /**
     * The {@code cutLogOr} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutLogOr}
     */
    @Override
    public double[] cutLogOr() {
        return cutLogOr.clone();
    }

    /**
     * Element {@code i} of {@link #cutLogOr()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code cutLogOr()[i]}
     */
    public double cutLogOr(int i) {
        return cutLogOr[i];
    }

    /**
     * The {@code cutSe} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code cutSe}
     */
    @Override
    public double[] cutSe() {
        return cutSe.clone();
    }

    /**
     * Element {@code i} of {@link #cutSe()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code cutSe()[i]}
     */
    public double cutSe(int i) {
        return cutSe[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProportionalOddsCheck r
                && java.util.Objects.equals(proportional, r.proportional)
                && java.util.Objects.equals(partial, r.partial)
                && Double.compare(statistic, r.statistic) == 0
                && df == r.df
                && Double.compare(p, r.p) == 0
                && java.util.Arrays.equals(cutLogOr, r.cutLogOr)
                && java.util.Arrays.equals(cutSe, r.cutSe)
                && java.util.Objects.equals(message, r.message);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(proportional, partial, statistic, df, p,
                java.util.Arrays.hashCode(cutLogOr), java.util.Arrays.hashCode(cutSe), message);
    }

    @Override
    public String toString() {
        return "ProportionalOddsCheck[proportional=" + proportional + ", partial=" + partial + ", statistic="
                + statistic + ", df=" + df + ", p=" + p + ", cutLogOr=" + java.util.Arrays.toString(cutLogOr)
                + ", cutSe=" + java.util.Arrays.toString(cutSe) + ", message=" + message + "]";
    }

    /**
     * True when both fits converged and the statistic is valid.
     *
     * @return whether {@code message} is null
     */
    public boolean valid() {
        return message == null;
    }
}
