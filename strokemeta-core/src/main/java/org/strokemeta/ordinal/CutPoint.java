package org.strokemeta.ordinal;

/**
 * One cut-point (threshold) of a cumulative-link model with its standard error, as the rows of the
 * alpha parameters in {@code coef(summary(fit))} of ordinal::clm and ordinal::clmm: theta_j separates
 * the categories up to j from those above, {@code logit P(Y <= j) = theta_j − eta}.
 *
 * @param stratum  the trial whose cut-point it is when cut-points are stratified by trial; null when
 *                 the cut-points are common to all trials
 * @param name     the categories it separates, as clm names it ({@code "0|1"}, {@code "1|2"}, ...)
 * @param estimate theta_j (±∞ beside a category that is empty in the trial, where R drops the cut-point)
 * @param se       its standard error, from the inverse observed information (NaN when theta_j is infinite)
 * @serial exclude
 */
public record CutPoint(String stratum, String name, double estimate, double se) implements java.io.Serializable {
    /**
     * Checks that the cut-point is named.
     *
     * @param stratum  the trial, or null for common cut-points
     * @param name     the categories it separates
     * @param estimate theta_j
     * @param se       its standard error
     * @throws IllegalArgumentException when the name is missing
     */
    public CutPoint {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a cut-point is named after the categories it separates");
        }
    }

    /**
     * The name of the cut-point between categories {@code j} and {@code j + 1}, as clm writes it.
     *
     * @param j the category below the cut-point (0-based)
     * @return {@code "j|j+1"}
     */
    public static String name(int j) {
        return j + "|" + (j + 1);
    }
}
