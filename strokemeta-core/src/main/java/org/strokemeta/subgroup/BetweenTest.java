package org.strokemeta.subgroup;

/**
 * The test for subgroup differences.
 *
 * @param method    how it was computed
 * @param statistic Q between (chi-square), or QM / m (F) for the common-tau² test under Hartung-Knapp
 * @param df1       its degrees of freedom (groups − 1)
 * @param df2       the denominator degrees of freedom of the F test (k − groups), NaN for chi-square
 * @param p         the p-value
 * @serial exclude
 */
public record BetweenTest(SubgroupTest method, double statistic, int df1, double df2, double p) implements java.io.Serializable {
    /**
     * True for the F test (common tau² under Hartung-Knapp), false for chi-square.
     *
     * @return true when {@code df2} is a number
     */
    public boolean isF() {
        return !Double.isNaN(df2);
    }
}
