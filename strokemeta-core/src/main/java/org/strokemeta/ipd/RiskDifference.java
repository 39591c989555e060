package org.strokemeta.ipd;

/**
 * The absolute risk difference standardised over the analysed patients (the "marginal" risk
 * difference): the average predicted risk with every patient treated minus the average with every
 * patient in the control arm, each patient keeping their own trial and covariates (g-computation;
 * Localio, Margolis and Berlin 2007; Austin 2010). Its standard error is by the delta method from the
 * covariance of the model's coefficients.
 *
 * @param riskTreated the average predicted risk with everyone treated
 * @param riskControl the average predicted risk with everyone in the control arm
 * @param estimate    riskTreated − riskControl
 * @param se          its delta-method standard error
 * @param z           estimate / se
 * @param p           two-sided p-value
 * @param ciLower     lower Wald limit
 * @param ciUpper     upper Wald limit
 * @serial exclude
 */
public record RiskDifference(double riskTreated, double riskControl, double estimate, double se, double z, double p,
                             double ciLower, double ciUpper) implements java.io.Serializable {
    static RiskDifference of(double r1, double r0, double se, double level) {
        var c = Estimates.wald("risk difference", r1 - r0, se, level);
        return new RiskDifference(r1, r0, c.estimate(), c.se(), c.statistic(), c.p(), c.ciLower(), c.ciUpper());
    }

    /** A risk difference that cannot be estimated (separation, non-convergence). */
    static RiskDifference undefined() {
        return new RiskDifference(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN);
    }
}
