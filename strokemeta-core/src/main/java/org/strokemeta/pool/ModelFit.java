package org.strokemeta.pool;

import java.util.List;

/**
 * A fitted inverse-variance model (intercept-only or meta-regression) as metafor::rma.uni reports
 * it: coefficients with their tests, tau², and the residual heterogeneity statistics.
 *
 * @param model      the model that was fitted
 * @param options    the options used
 * @param tau2       the tau² estimate (method FE / tau² = 0 for fixed-effect fits)
 * @param beta       coefficients
 * @param vb         their covariance (scaled by s² under Hartung-Knapp)
 * @param se         standard errors
 * @param statistic  z or t statistics
 * @param p          two-sided p-values
 * @param ciLower    lower confidence limits
 * @param ciUpper    upper confidence limits
 * @param df         degrees of freedom of t (k − p) under Hartung-Knapp, NaN for z
 * @param knhaScale  the Hartung-Knapp variance factor s² (1 for Wald z)
 * @param weights    the model weights 1/(v + tau²)
 * @param heterogeneity Q (QE), I², H², tau² and its interval
 */
public record ModelFit(MetaModel model, MetaOptions options, Tau2Estimate tau2, double[] beta, double[][] vb,
                       double[] se, double[] statistic, double[] p, double[] ciLower, double[] ciUpper,
                       double df, double knhaScale, double[] weights, Heterogeneity heterogeneity) {
    /** Coefficient names ("intercept" first). */
    public List<String> names() {
        return model.names();
    }

    /** True unless an iterative tau² estimator failed to converge. */
    public boolean converged() {
        return tau2 == null || tau2.converged();
    }
}
