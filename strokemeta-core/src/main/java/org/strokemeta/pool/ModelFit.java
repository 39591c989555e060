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
 * @serial exclude
 */
public record ModelFit(MetaModel model, MetaOptions options, Tau2Estimate tau2, double[] beta, double[][] vb,
                       double[] se, double[] statistic, double[] p, double[] ciLower, double[] ciUpper,
                       double df, double knhaScale, double[] weights, Heterogeneity heterogeneity) implements java.io.Serializable {
    /**
     * Copies the arrays.
     *
     * @param model the model that was fitted
     * @param options the options used
     * @param tau2 the tau² estimate (method FE / tau² = 0 for fixed-effect fits)
     * @param beta coefficients
     * @param vb their covariance (scaled by s² under Hartung-Knapp)
     * @param se standard errors
     * @param statistic z or t statistics
     * @param p two-sided p-values
     * @param ciLower lower confidence limits
     * @param ciUpper upper confidence limits
     * @param df degrees of freedom of t (k − p) under Hartung-Knapp, NaN for z
     * @param knhaScale the Hartung-Knapp variance factor s² (1 for Wald z)
     * @param weights the model weights 1/(v + tau²)
     * @param heterogeneity Q (QE), I², H², tau² and its interval
     */
    public ModelFit {
        beta = beta.clone();
        vb = deepCopy(vb);
        se = se.clone();
        statistic = statistic.clone();
        p = p.clone();
        ciLower = ciLower.clone();
        ciUpper = ciUpper.clone();
        weights = weights.clone();
    }

    /**
     * The {@code beta} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code beta}
     */
    @Override
    public double[] beta() {
        return beta.clone();
    }

    /**
     * Element {@code i} of {@link #beta()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code beta()[i]}
     */
    public double beta(int i) {
        return beta[i];
    }

    /**
     * The {@code vb} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code vb}
     */
    @Override
    public double[][] vb() {
        return deepCopy(vb);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #vb()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code vb()[i][j]}
     */
    public double vb(int i, int j) {
        return vb[i][j];
    }

    /**
     * The {@code se} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code se}
     */
    @Override
    public double[] se() {
        return se.clone();
    }

    /**
     * Element {@code i} of {@link #se()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code se()[i]}
     */
    public double se(int i) {
        return se[i];
    }

    /**
     * The {@code statistic} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code statistic}
     */
    @Override
    public double[] statistic() {
        return statistic.clone();
    }

    /**
     * Element {@code i} of {@link #statistic()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code statistic()[i]}
     */
    public double statistic(int i) {
        return statistic[i];
    }

    /**
     * The {@code p} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code p}
     */
    @Override
    public double[] p() {
        return p.clone();
    }

    /**
     * Element {@code i} of {@link #p()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code p()[i]}
     */
    public double p(int i) {
        return p[i];
    }

    /**
     * The {@code ciLower} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code ciLower}
     */
    @Override
    public double[] ciLower() {
        return ciLower.clone();
    }

    /**
     * Element {@code i} of {@link #ciLower()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code ciLower()[i]}
     */
    public double ciLower(int i) {
        return ciLower[i];
    }

    /**
     * The {@code ciUpper} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code ciUpper}
     */
    @Override
    public double[] ciUpper() {
        return ciUpper.clone();
    }

    /**
     * Element {@code i} of {@link #ciUpper()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code ciUpper()[i]}
     */
    public double ciUpper(int i) {
        return ciUpper[i];
    }

    /**
     * The {@code weights} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code weights}
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The weights themselves, for this package's code that only reads them. */
    double[] weightsView() {
        return weights;
    }

    /**
     * Element {@code i} of {@link #weights()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code weights()[i]}
     */
    public double weights(int i) {
        return weights[i];
    }

    private static double[][] deepCopy(double[][] x) {
        if (x == null) {
            return null;
        }
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] == null ? null : x[i].clone();
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelFit r
                && java.util.Objects.equals(model, r.model)
                && java.util.Objects.equals(options, r.options)
                && java.util.Objects.equals(tau2, r.tau2)
                && java.util.Arrays.equals(beta, r.beta)
                && java.util.Arrays.deepEquals(vb, r.vb)
                && java.util.Arrays.equals(se, r.se)
                && java.util.Arrays.equals(statistic, r.statistic)
                && java.util.Arrays.equals(p, r.p)
                && java.util.Arrays.equals(ciLower, r.ciLower)
                && java.util.Arrays.equals(ciUpper, r.ciUpper)
                && Double.compare(df, r.df) == 0
                && Double.compare(knhaScale, r.knhaScale) == 0
                && java.util.Arrays.equals(weights, r.weights)
                && java.util.Objects.equals(heterogeneity, r.heterogeneity);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(model, options, tau2, java.util.Arrays.hashCode(beta),
                java.util.Arrays.deepHashCode(vb), java.util.Arrays.hashCode(se), java.util.Arrays.hashCode(statistic), java.util.Arrays.hashCode(p), java.util.Arrays.hashCode(ciLower), java.util.Arrays.hashCode(ciUpper), df, knhaScale, java.util.Arrays.hashCode(weights), heterogeneity);
    }

    @Override
    public String toString() {
        return "ModelFit[model=" + model + ", options=" + options + ", tau2=" + tau2 + ", beta="
                + java.util.Arrays.toString(beta) + ", vb=" + java.util.Arrays.deepToString(vb) + ", se="
                + java.util.Arrays.toString(se) + ", statistic=" + java.util.Arrays.toString(statistic) + ", p="
                + java.util.Arrays.toString(p) + ", ciLower=" + java.util.Arrays.toString(ciLower)
                + ", ciUpper=" + java.util.Arrays.toString(ciUpper) + ", df=" + df + ", knhaScale=" + knhaScale
                + ", weights=" + java.util.Arrays.toString(weights) + ", heterogeneity=" + heterogeneity + "]";
    }

    /**
     * Coefficient names ("intercept" first).
     *
     * @return an immutable list of p names
     */
    public List<String> names() {
        return model.names();
    }

    /**
     * True unless an iterative tau² estimator failed to converge.
     *
     * @return false when the tau² estimator did not converge
     */
    public boolean converged() {
        return tau2 == null || tau2.converged();
    }
}
