package org.strokemeta.sensitivity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;

/**
 * Case diagnostics of a fixed- or random-effects model without moderators, as metafor's
 * {@code influence()} and {@code baujat()} compute them for {@code rma.uni} (Viechtbauer and Cheung,
 * Res Synth Methods 2010;1:112-125; Baujat et al., Stat Med 2002;21:2641-52): each study's externally
 * studentised residual, DFFITS, Cook's distance, covariance ratio, the tau² and Q of the model without
 * it, its hat value and weight, DFBETAS, the flag of an influential study, and its Baujat coordinates.
 * Every "without study i" quantity refits the model on the other studies with the same options.
 *
 * @param full    the model of all studies
 * @param studies the diagnostics, one per study in data order
 * @serial exclude
 */
public record Influence(MetaResult full, List<Case> studies) implements Serializable {
    /**
     * Copies the list.
     *
     * @param full    the model of all studies
     * @param studies the diagnostics
     */
    public Influence {
        studies = List.copyOf(studies);
    }

    /**
     * One study's diagnostics (mu: the pooled estimate; (-i): the model without the study).
     *
     * @param study       the study
     * @param rstudent    (y_i - mu_(-i)) / sqrt(v_i + tau²_(-i) + se²_(-i))
     * @param dffits      (mu - mu_(-i)) / sqrt(h_i (tau²_(-i) + v_i))
     * @param cookD       (mu - mu_(-i))² / se²
     * @param covRatio    se²_(-i) / se²
     * @param tau2Deleted tau²_(-i)
     * @param qeDeleted   Cochran's Q of the model without the study
     * @param hat         h_i = w_i / sum of w, w_i = 1 / (v_i + tau²)
     * @param weight      100 h_i, in percent
     * @param dfbetas     (mu - mu_(-i)) / sqrt(1 / sum over all studies of 1 / (v_j + tau²_(-i)))
     * @param influential metafor's flag: |dffits| &gt; 3 sqrt(1/(k-1)), or P(chi²_1 &lt;= cook_d) &gt; 0.5, or hat &gt; 3/k,
     *                    or |dfbetas| &gt; 1
     * @param baujatX     the study's contribution to Q: (y_i - mu)² / (v_i + tau²)
     * @param baujatY     its influence on the pooled estimate: (mu_(-i) - mu)² / se²_(-i)
     * @serial exclude
     */
    public record Case(String study, double rstudent, double dffits, double cookD, double covRatio, double tau2Deleted, double qeDeleted,
                       double hat, double weight, double dfbetas, boolean influential, double baujatX, double baujatY) implements Serializable {
    }

    /**
     * The diagnostics of every study.
     *
     * @param es the per-study effects, at least three studies (the refits need two)
     * @param o  the pooling options (model, tau² estimator, interval method), used for every refit
     * @return the full model and each study's diagnostics
     * @throws IllegalArgumentException if there are fewer than three studies
     */
    public static Influence of(EffectSizes es, MetaOptions o) {
        o.requireDefaultEstimation("influence diagnostics");
        int k = es.size();
        if (k < 3) {
            throw new IllegalArgumentException("influence diagnostics need at least three studies (the model without a study needs two)");
        }
        MetaResult full = MetaAnalysis.run(es, o, false);
        double mu = full.pooled().estimate();
        double se2 = full.pooled().se() * full.pooled().se();
        double tau2 = full.heterogeneity().tau2();
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            sumW += 1 / (es.vi(i) + tau2);
        }
        List<Sensitivity.Step> loo = Sensitivity.leaveOneOut(es, o);
        List<Case> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            MetaResult del = loo.get(i).result();
            double muDel = del.pooled().estimate();
            double se2Del = del.pooled().se() * del.pooled().se();
            double tau2Del = del.heterogeneity().tau2();
            double vi = es.vi(i);
            double yi = es.yi(i);
            double hat = (1 / (vi + tau2)) / sumW;
            double sumDel = 0;
            for (int j = 0; j < k; j++) {
                sumDel += 1 / (es.vi(j) + tau2Del);
            }
            double rstudent = (yi - muDel) / Math.sqrt(vi + tau2Del + se2Del);
            double dffits = (mu - muDel) / Math.sqrt(hat * (tau2Del + vi));
            double cook = (mu - muDel) * (mu - muDel) / se2;
            double dfbetas = (mu - muDel) / Math.sqrt(1 / sumDel);
            boolean influential = Math.abs(dffits) > 3 * Math.sqrt(1.0 / (k - 1)) || 1 - Dist.pChisq(cook, 1) > 0.5 || hat > 3.0 / k
                    || Math.abs(dfbetas) > 1;
            out.add(new Case(es.study(i), rstudent, dffits, cook, se2Del / se2, tau2Del, del.heterogeneity().q(), hat, 100 * hat, dfbetas,
                    influential, (yi - mu) * (yi - mu) / (vi + tau2), (muDel - mu) * (muDel - mu) / se2Del));
        }
        return new Influence(full, out);
    }
}
