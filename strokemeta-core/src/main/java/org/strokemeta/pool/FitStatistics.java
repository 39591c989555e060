package org.strokemeta.pool;

import java.io.Serializable;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The log-likelihood, deviance, AIC, BIC and AICc of an inverse-variance model at its tau², under the
 * maximum-likelihood and the restricted (REML) likelihood, as metafor's {@code fitstats()} gives them
 * for {@code rma.uni} (Viechtbauer, J Stat Softw 2010;36(3); the REML likelihood with the |X'X| term,
 * metafor's default). With w_i = 1/(v_i + tau²), RSS = Σ w_i (y_i - x_i'b)², k studies and p
 * coefficients:
 * ML: ll = -k/2 log(2 pi) - 1/2 Σ log(v_i + tau²) - RSS/2, deviance = -2 (ll - Σ log phi(0; v_i)) (0 when
 * k = p); REML: ll = -(k-p)/2 log(2 pi) + 1/2 log|X'X| - 1/2 Σ log(v_i + tau²) - 1/2 log|X'WX| - RSS/2,
 * deviance = -2 ll. With q parameters (p, plus one when tau² is estimated): AIC = -2 ll + 2q; BIC = -2 ll +
 * q log(n); AICc = -2 ll + 2q max(n, q+2) / (max(n, q+2) - q - 1), n = k for ML and k - p for REML.
 *
 * @param parameters the number of parameters q
 * @param llMl       the ML log-likelihood
 * @param devMl      the ML deviance
 * @param aicMl      AIC (ML)
 * @param bicMl      BIC (ML)
 * @param aiccMl     AICc (ML)
 * @param llReml     the REML log-likelihood
 * @param devReml    the REML deviance
 * @param aicReml    AIC (REML)
 * @param bicReml    BIC (REML)
 * @param aiccReml   AICc (REML)
 * @serial exclude
 */
public record FitStatistics(int parameters, double llMl, double devMl, double aicMl, double bicMl, double aiccMl, double llReml, double devReml,
                            double aicReml, double bicReml, double aiccReml) implements Serializable {
    /**
     * The statistics of a model at a tau².
     *
     * @param m              the model (effects, variances, design)
     * @param tau2           the between-study variance the model was fitted at (0 for a fixed-effect model)
     * @param tau2Estimated  whether tau² was estimated (a parameter) or fixed
     * @return the statistics
     */
    public static FitStatistics of(MetaModel m, double tau2, boolean tau2Estimated) {
        int k = m.k();
        int p = m.p();
        MetaModel.Weighted w = m.at(tau2, false);
        double sumLog = 0;
        double sat = 0;
        for (int i = 0; i < k; i++) {
            sumLog += Math.log(m.v(i) + tau2);
            sat += -0.5 * Math.log(2 * Math.PI * m.v(i));
        }
        // log|X'WX| = -log|(X'WX)^-1|
        return of(k, p, sumLog, sat, w.rss(), logDetXtX(m), -logDet(w.vb()), tau2Estimated);
    }

    /**
     * The fit statistics of a fitted model as metafor reports them, with the residuals of the fit's own
     * coefficients (user-weighted or unweighted ones included) and tau² counted as a parameter only when it
     * was estimated.
     *
     * @param f the fit
     * @return its log-likelihoods, deviances and information criteria (ML and REML)
     */
    public static FitStatistics of(ModelFit f) {
        MetaModel m = f.model();
        boolean random = f.options().model() == Model.RANDOM;
        double tau2 = random ? f.heterogeneity().tau2() : 0;
        boolean estimated = random && !f.options().fixesTau2();
        if (f.options().inverseVarianceWeights()) {
            return of(m, tau2, estimated);
        }
        int k = m.k();
        int p = m.p();
        double sumLog = 0;
        double sat = 0;
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double fitted = 0;
            for (int j = 0; j < p; j++) {
                fitted += m.x(i, j) * f.beta(j);
            }
            double d = m.y(i) - fitted;
            rss += d * d / (m.v(i) + tau2);
            sumLog += Math.log(m.v(i) + tau2);
            sat += -0.5 * Math.log(2 * Math.PI * m.v(i));
        }
        return of(k, p, sumLog, sat, rss, logDetXtX(m), -logDet(m.at(tau2, false).vb()), estimated);
    }

    private static double aic(double ll, int q) {
        return -2 * ll + 2 * q;
    }

    private static double bic(double ll, int q, int n) {
        return -2 * ll + q * Math.log(n);
    }

    private static double aicc(double ll, int q, int n) {
        double m = Math.max(n, q + 2);
        return -2 * ll + 2.0 * q * m / (m - q - 1);
    }

    /** log|X'X| of the design. */
    private static double logDetXtX(MetaModel m) {
        int p = m.p();
        double[][] a = new double[p][p];
        for (int i = 0; i < m.k(); i++) {
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    a[r][c] += m.x(i, r) * m.x(i, c);
                }
            }
        }
        return logDet(a);
    }

    /** The log of the determinant of a positive-definite matrix. */
    private static double logDet(double[][] a) {
        return Math.log(CommonOps_DDRM.det(new DMatrixRMaj(a)));
    }

    /**
     * The statistics of a pooled inverse-variance model without moderators.
     *
     * @param r the pooled result (fixed effect by inverse variance, or random effects)
     * @return the statistics at its tau²
     * @throws IllegalArgumentException for a Mantel-Haenszel or Peto model (not inverse variance)
     */
    public static FitStatistics of(MetaResult r) {
        if (r.options().model() == Model.FIXED && r.options().fixedMethod() != FixedMethod.IV) {
            throw new IllegalArgumentException("fit statistics are defined for inverse-variance models, not " + r.options().fixedMethod().label());
        }
        boolean random = r.options().model() == Model.RANDOM;
        double tau2 = random ? r.heterogeneity().tau2() : 0;
        // without moderators X is a column of ones: |X'X| = k, |X'WX| = Σw, and the coefficient is the pooled estimate
        EffectSizesView es = new EffectSizesView(r);
        int k = es.k;
        double mu = r.pooled().estimate();
        double sumW = 0;
        double rss = 0;
        double sumLog = 0;
        double sat = 0;
        for (int i = 0; i < k; i++) {
            double v = es.vi[i];
            double w = 1 / (v + tau2);
            double d = es.yi[i] - mu;
            sumW += w;
            rss += w * d * d;
            sumLog += Math.log(v + tau2);
            sat += -0.5 * Math.log(2 * Math.PI * v);
        }
        return of(k, 1, sumLog, sat, rss, Math.log(k), Math.log(sumW), random && !r.options().fixesTau2());
    }

    private record EffectSizesView(int k, double[] yi, double[] vi) {
        EffectSizesView(MetaResult r) {
            this(r.effects().size(), r.effects().yi(), r.effects().vi());
        }
    }

    /** The statistics from the model's sums: log|X'X| and log|X'WX| given. */
    private static FitStatistics of(int k, int p, double sumLog, double sat, double rss, double logDetXtX, double logDetXtWX, boolean tau2Estimated) {
        double twoPi = Math.log(2 * Math.PI);
        double llMl = -0.5 * k * twoPi - 0.5 * sumLog - 0.5 * rss;
        double llReml = -0.5 * (k - p) * twoPi + 0.5 * logDetXtX - 0.5 * sumLog - 0.5 * logDetXtWX - 0.5 * rss;
        double devMl = k > p ? -2 * (llMl - sat) : 0;
        int q = p + (tau2Estimated ? 1 : 0);
        return new FitStatistics(q, llMl, devMl, aic(llMl, q), bic(llMl, q, k), aicc(llMl, q, k), llReml, -2 * llReml, aic(llReml, q),
                bic(llReml, q, k - p), aicc(llReml, q, k - p));
    }
}
