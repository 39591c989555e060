package org.strokemeta.pool;

import org.strokemeta.internal.Dist;

/**
 * Fits an inverse-variance model, fixed or random effects, intercept-only or with moderators, as
 * metafor::rma.uni does: tau² by the chosen estimator, weighted least squares with weights
 * 1/(v + tau²), Wald z or Hartung-Knapp tests (Hartung and Knapp 2001; Sidik and Jonkman 2002,
 * metafor test="knha" without truncation of the scale factor), and the residual heterogeneity test QE.
 * With user weights A ({@code weights=}) or unweighted ({@code weighted=FALSE}) the coefficients are
 * (X'AX)⁻¹X'Ay with the sandwich covariance (X'AX)⁻¹X'A(V + tau²)AX(X'AX)⁻¹, the Hartung-Knapp factor
 * still from the inverse-variance fit, and QE, I² and H² unchanged, as metafor computes them.
 */
public final class InverseVariance {
    private InverseVariance() {
    }

    /**
     * @param m      the model
     * @param o      the options (model, tau² estimator, CI method, level, control)
     * @param tau2Ci compute the Q-profile confidence interval of tau² (random effects only)
     * @return the coefficients (on the analysis scale, log for ratio measures) with standard errors, tests
     *         and intervals, tau² (0 for the fixed-effect model) and the heterogeneity statistics, as metafor::rma
     * @throws IllegalArgumentException if the Hartung-Knapp method is asked for with no more studies than coefficients
     */
    public static ModelFit fit(MetaModel m, MetaOptions o, boolean tau2Ci) {
        int k = m.k();
        int p = m.p();
        if (o.ciMethod() == CiMethod.KNHA && k <= p) {
            throw new IllegalArgumentException("the Hartung-Knapp method needs more studies than coefficients (k = " + k
                    + ", " + p + (p == 1 ? " coefficient" : " coefficients") + "): use Wald z intervals (interval method z)");
        }
        Tau2Estimate est = o.model() != Model.RANDOM ? null
                : o.fixesTau2() ? o.tau2Method().fixed(o.tau2Fixed()) : o.tau2Method().fit(m, o.control());
        double tau2 = est == null ? 0 : est.tau2();
        if (Double.isNaN(tau2)) {
            tau2 = 0;
        }
        // the inverse-variance fit: the coefficients by default, and the Hartung-Knapp factor always (metafor's RSS.knha)
        MetaModel.Weighted w = m.at(tau2, false);
        double[] a = coefficientWeights(m, o);
        double[] beta;
        double[][] base;
        if (a == null) {
            beta = w.betaView();
            base = new double[p][p];
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    base[r][c] = w.vb(r, c);
                }
            }
        } else {
            WeightedDesign d = new WeightedDesign(m, a);
            beta = d.beta();
            base = d.sandwich(tau2);
        }
        double scale = 1;
        double df = Double.NaN;
        if (o.ciMethod() == CiMethod.KNHA) {
            df = k - p;
            scale = w.rss() <= Math.ulp(1.0) ? 0 : w.rss() / (k - p);
        }
        double[][] vb = new double[p][p];
        double[] se = new double[p];
        double[] stat = new double[p];
        double[] pv = new double[p];
        double[] lo = new double[p];
        double[] hi = new double[p];
        double crit = o.ciMethod() == CiMethod.KNHA ? Dist.tCrit(o.level(), df) : Dist.zCrit(o.level());
        for (int r = 0; r < p; r++) {
            for (int c = 0; c < p; c++) {
                vb[r][c] = base[r][c] * scale;
            }
        }
        for (int j = 0; j < p; j++) {
            se[j] = Math.sqrt(vb[j][j]);
            stat[j] = beta[j] / se[j];
            pv[j] = o.ciMethod() == CiMethod.KNHA ? Dist.pT2(stat[j], df) : Dist.pNormal2(stat[j]);
            lo[j] = beta[j] - crit * se[j];
            hi[j] = beta[j] + crit * se[j];
        }
        double[] weights = new double[k];
        for (int i = 0; i < k; i++) {
            weights[i] = a == null ? 1.0 / (m.v(i) + tau2) : a[i];
        }
        Heterogeneity het = heterogeneity(m, o.model() == Model.RANDOM, tau2, o.level(),
                tau2Ci && o.model() == Model.RANDOM && est != null && est.converged() && !o.fixesTau2());
        return new ModelFit(m, o, est, beta, vb, se, stat, pv, lo, hi, df, scale, weights, het);
    }

    /**
     * The weights of the coefficients' estimate when they are not 1/(v + tau²): the model's user weights
     * ({@link MetaOptions#weights()}), or ones for an unweighted fit; null for inverse-variance weights.
     *
     * @throws IllegalArgumentException if the options ask for user weights and the model has none (an analysis
     *         that refits models of its own with inverse-variance weights only)
     */
    static double[] coefficientWeights(MetaModel m, MetaOptions o) {
        if (!o.weighted()) {
            double[] ones = new double[m.k()];
            java.util.Arrays.fill(ones, 1);
            return ones;
        }
        if (o.weights() == null) {
            return null;
        }
        double[] a = m.userWeightsView();
        if (a == null) {
            throw new IllegalArgumentException("this analysis refits its models with inverse-variance weights only: it cannot take "
                    + "the user weights of column " + o.weights());
        }
        return a;
    }

    /**
     * QE with fixed-effect weights, I², H² (metafor's i2def 1) and optionally the Q-profile interval.
     */
    static Heterogeneity heterogeneity(MetaModel m, boolean random, double tau2, double level, boolean tau2Ci) {
        int k = m.k();
        int p = m.p();
        if (k <= p) {
            return new Heterogeneity(0, 0, 1, 0, 1, tau2, Math.sqrt(tau2), 0, null, null, null);
        }
        MetaModel.Weighted fe = m.at(0, true);
        double q = Math.max(0, fe.rss());
        int df = k - p;
        double qp = Dist.pChisq(q, df);
        double vt = df / fe.trP();
        double i2;
        double h2;
        if (random) {
            i2 = 100 * tau2 / (vt + tau2);
            h2 = tau2 / vt + 1;
        } else {
            i2 = Math.max(0, 100 * (q - df) / q);
            h2 = q / df;
        }
        Heterogeneity.Interval t2 = null;
        Heterogeneity.Interval i2c = null;
        Heterogeneity.Interval h2c = null;
        if (tau2Ci) {
            t2 = QProfile.tau2Interval(m, level, q);
            if (t2 != null) {
                i2c = new Heterogeneity.Interval(100 * t2.lower() / (vt + t2.lower()), 100 * t2.upper() / (vt + t2.upper()), t2.remark());
                h2c = new Heterogeneity.Interval(t2.lower() / vt + 1, t2.upper() / vt + 1, t2.remark());
            }
        }
        return new Heterogeneity(q, df, qp, i2, h2, tau2, Math.sqrt(tau2), vt, t2, i2c, h2c);
    }
}
