package org.strokemeta.regression;

import java.util.List;

/**
 * The omnibus test QM that all moderator coefficients are zero (metafor::rma's {@code QM}, all
 * coefficients but the intercept): QM = b' V⁻¹ b over those coefficients. Under the Wald z test it is
 * referred to chi-square with m degrees of freedom; under Hartung-Knapp metafor reports QM / m and
 * refers it to F with (m, k − p) degrees of freedom, and so does this record.
 *
 * @param coefficients the coefficients tested
 * @param statistic    QM (chi-square) or QM / m (F)
 * @param df1          m, the number of coefficients tested
 * @param df2          k − p for the F test, NaN for the chi-square test
 * @param p            the p-value
 * @serial exclude
 */
public record OmnibusTest(List<String> coefficients, double statistic, int df1, double df2, double p) implements java.io.Serializable {
    /**
     * Copies the coefficient names.
     *
     * @param coefficients the coefficients tested
     * @param statistic QM (chi-square) or QM / m (F)
     * @param df1 m, the number of coefficients tested
     * @param df2 k − p for the F test, NaN for the chi-square test
     * @param p the p-value
     */
    public OmnibusTest {
        coefficients = List.copyOf(coefficients);
    }

    /**
     * True for the F test (Hartung-Knapp), false for chi-square.
     *
     * @return true when {@code df2} is a number
     */
    public boolean isF() {
        return !Double.isNaN(df2);
    }
}
