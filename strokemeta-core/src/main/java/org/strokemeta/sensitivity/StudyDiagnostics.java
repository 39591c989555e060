package org.strokemeta.sensitivity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.PooledEstimate;

/**
 * The per-study quantities of an inverse-variance model without moderators, as metafor computes them
 * for {@code rma.uni}: fitted values, residuals and standardised residuals ({@code rstandard}), the best
 * linear unbiased predictions of the true effects ({@code blup}) and of the random effects
 * ({@code ranef}) with their standard errors, hat values and weights. With mu the pooled estimate, se
 * its standard error, tau² the heterogeneity, w_i = 1/(v_i + tau²) and lambda_i = tau² / (tau² + v_i)
 * (Raudenbush, in The Handbook of Research Synthesis and Meta-Analysis, 2009, ch. 16):
 * residual y_i - mu with variance v_i + tau² - 1/Σw; BLUP lambda_i y_i + (1 - lambda_i) mu with variance
 * lambda_i v_i + (1 - lambda_i)² se²; random effect lambda_i (y_i - mu) with the variance metafor gives,
 * lambda_i v_i + lambda_i² se²; hat value w_i / Σw.
 *
 * @param model   the model the quantities belong to
 * @param studies one entry per study, in data order
 * @serial exclude
 */
public record StudyDiagnostics(MetaResult model, List<Study> studies) implements Serializable {
    /**
     * Copies the list.
     *
     * @param model   the model
     * @param studies the entries
     */
    public StudyDiagnostics {
        studies = List.copyOf(studies);
    }

    /**
     * One study.
     *
     * @param study        the study
     * @param fitted       its fitted value (the pooled estimate)
     * @param residual     y_i minus the fitted value
     * @param residualSe   the residual's standard error
     * @param standardised the standardised residual (residual / its standard error)
     * @param blup         the predicted true effect
     * @param blupSe       its standard error
     * @param blupLower    the lower limit of its prediction interval (the model's level)
     * @param blupUpper    the upper limit
     * @param ranef        the predicted random effect (blup minus the pooled estimate)
     * @param ranefSe      its standard error as metafor's ranef() gives it
     * @param hat          the hat value w_i / Σw
     * @param weight       the weight in percent
     * @serial exclude
     */
    public record Study(String study, double fitted, double residual, double residualSe, double standardised, double blup, double blupSe,
                        double blupLower, double blupUpper, double ranef, double ranefSe, double hat, double weight) implements Serializable {
    }

    /**
     * The quantities of a model.
     *
     * @param m an inverse-variance model of at least one study (fixed or random effects)
     * @return one entry per study
     * @throws IllegalArgumentException when the model pooled by Mantel-Haenszel or Peto (whose weights are not inverse variances)
     */
    public static StudyDiagnostics of(MetaResult m) {
        m.options().requireDefaultEstimation("per-study residuals and predictions");
        if (m.options().model() == org.strokemeta.pool.Model.FIXED && m.options().fixedMethod() != org.strokemeta.pool.FixedMethod.IV) {
            throw new IllegalArgumentException("per-study residuals and predictions are defined for inverse-variance models, not "
                    + m.options().fixedMethod().label());
        }
        EffectSizes es = m.effects();
        PooledEstimate p = m.pooled();
        double mu = p.estimate();
        double se2 = p.se() * p.se();
        double tau2 = m.heterogeneity().tau2();
        double crit = p.isT() ? Dist.tCrit(m.options().level(), p.df()) : Dist.zCrit(m.options().level());
        double sumW = 0;
        for (int i = 0; i < es.size(); i++) {
            sumW += 1 / (es.vi(i) + tau2);
        }
        List<Study> out = new ArrayList<>(es.size());
        for (int i = 0; i < es.size(); i++) {
            double vi = es.vi(i);
            double yi = es.yi(i);
            double lambda = tau2 / (tau2 + vi);
            double residual = yi - mu;
            double residualSe = Math.sqrt(vi + tau2 - 1 / sumW);
            double blup = lambda * yi + (1 - lambda) * mu;
            double blupSe = Math.sqrt(lambda * vi + (1 - lambda) * (1 - lambda) * se2);
            double hat = 1 / (vi + tau2) / sumW;
            out.add(new Study(es.study(i), mu, residual, residualSe, residual / residualSe, blup, blupSe, blup - crit * blupSe, blup + crit * blupSe,
                    lambda * residual, Math.sqrt(lambda * vi + lambda * lambda * se2), hat, 100 * hat));
        }
        return new StudyDiagnostics(m, out);
    }
}
