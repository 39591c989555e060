package org.strokemeta.regression;

/**
 * One coefficient of a meta-regression with its Wald-type test, as metafor::rma reports it.
 *
 * @param name      {@code intercept} or the design column name
 * @param estimate  the estimate
 * @param se        its standard error (Hartung-Knapp-scaled under KNHA)
 * @param statistic z, or t with k − p degrees of freedom under Hartung-Knapp
 * @param p         two-sided p-value
 * @param ciLower   lower confidence limit
 * @param ciUpper   upper confidence limit
 * @serial exclude
 */
public record Coefficient(String name, double estimate, double se, double statistic, double p, double ciLower,
                          double ciUpper) implements java.io.Serializable {
}
