package org.strokemeta.regression;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.InverseVariance;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.ModelFit;
import org.strokemeta.pool.Tau2Estimate;

/**
 * Meta-regression: mixed-effects (random effects with moderators) or fixed-effect, as
 * metafor::rma(yi, vi, mods = ~ ..., method = ...) fits it (Thompson and Sharp 1999, Stat Med
 * 18:2693; Viechtbauer 2005). tau² is estimated by the chosen estimator with the moderators in the
 * model; coefficients get Wald z tests or Hartung-Knapp t tests with k − p df; QM tests all
 * moderator coefficients together; QE tests the residual heterogeneity.
 *
 * <p>The pseudo-R² follows metafor (Raudenbush 2009; López-López et al. 2014, Br J Math Stat Psychol
 * 67:30): for a mixed-effects model, R² = 100 (tau²_RE − tau²_ME) / tau²_RE, where tau²_RE comes from
 * the intercept-only model fitted by the same method, truncated at 0 and taken as 0 when tau²_RE is 0;
 * for a fixed-effect model, the adjusted R² of the weighted least-squares regression of the effects on
 * the moderators with weights 1/vi ({@code summary(lm(yi ~ X, weights = 1/vi))$adj.r.squared}), truncated
 * at 0 and 0 when all effects are equal.
 */
public final class MetaRegression {
    private MetaRegression() {
    }

    /**
     * Fits a meta-regression of the effects on their covariates ({@link EffectSizes#covariates()}:
     * the columns of the table they were computed from, or covariates given with
     * {@link EffectSizes#withCovariate(String, double[])}).
     *
     * @param es         the per-study effects, carrying the moderator columns
     * @param moderators the moderators, in the order their coefficients are reported
     * @param o          the options (model, tau² estimator, test, level)
     * @return the fitted meta-regression
     * @throws InputException for a missing column, text in a numeric moderator (naming file, line and
     *                        column), a constant or collinear moderator, or too few studies
     */
    public static RegressionResult fit(EffectSizes es, List<Moderator> moderators, MetaOptions o) {
        // As in pooling, a study with sampling variance 0 cannot be weighted: left out with a note.
        EffectSizes w = MetaAnalysis.weightable(es);
        return fit(w, Design.of(w, moderators), o);
    }

    /**
     * Fits a meta-regression on a design built beforehand on the same effects (see {@link Design}).
     *
     * @throws InputException when a study of the design has a sampling variance of 0 (see
     *                        {@link MetaAnalysis#weightable}), or for too few studies
     * @param es     the per-study effects the design was built on
     * @param design the moderator design built from {@code es}
     * @param o      the options (model, tau² estimator, test, level)
     * @return the fitted meta-regression, as {@link #fit(EffectSizes, List, MetaOptions)}
     */
    public static RegressionResult fit(EffectSizes es, Design design, MetaOptions o) {
        EffectSizes used = es.subset(design.positions());
        int k = used.size();
        int p = design.names().size() + 1;
        String source = es.input() != null ? es.input().source() : es.covariates().source();
        for (int i = 0; i < k; i++) {
            if (!(used.vi(i) > 0)) {
                throw new InputException(source, used.lines(i), null, "the sampling variance of " + used.study(i)
                        + " is 0, so the study cannot be weighted by inverse variance");
            }
        }
        if (o.model() == Model.RANDOM && k < p + 1) {
            // metafor::rma.uni needs one study more than coefficients to estimate tau².
            throw InputException.of(source, "a random-effects meta-regression with " + p + " coefficients needs at least "
                    + (p + 1) + " studies with complete moderators; " + k + " " + (k == 1 ? "has" : "have") + " them");
        }
        MetaModel model = MetaAnalysis.withUserWeights(MetaModel.withModerators(used.yi(), used.vi(), design.names(),
                design.columns()), used, o);
        ModelFit fit;
        try {
            // the Q-profile interval of the residual tau² (k − p degrees of freedom), as metafor confint()
            fit = InverseVariance.fit(model, o, true);
        } catch (MetaModel.SingularDesignException e) {
            throw InputException.of(source, "the moderators are collinear once the studies are weighted: " + e.getMessage());
        }

        List<Coefficient> coefs = new ArrayList<>(p);
        for (int j = 0; j < p; j++) {
            coefs.add(new Coefficient(model.names().get(j), fit.beta(j), fit.se(j), fit.statistic(j), fit.p(j),
                    fit.ciLower(j), fit.ciUpper(j)));
        }
        OmnibusTest qm = omnibus(new QmStatistic(p).qm(fit.beta(), fit.vb(), 1.0), model.names(), o, k, p);

        List<Note> notes = new ArrayList<>(es.notes());
        notes.addAll(design.excluded());
        Tau2Estimate est = fit.tau2();
        if (est != null && est.message() != null) {
            notes.add(new Note(0, null, est.converged() ? Note.Kind.INFO : Note.Kind.WARNING, est.message()));
        }
        if (o.model() == Model.FIXED && o.fixedMethod() != FixedMethod.IV) {
            notes.add(new Note(0, null, Note.Kind.INFO, "a fixed-effect meta-regression uses inverse-variance weights ("
                    + o.fixedMethod().label() + " applies to pooling without moderators)"));
        }
        if (o.model() == Model.FIXED && o.ciMethod() == CiMethod.KNHA) {
            notes.add(new Note(0, null, Note.Kind.INFO, "the Hartung-Knapp adjustment is meant for random-effects models"));
        }

        double r2;
        double tau2Re = Double.NaN;
        if (o.model() == Model.FIXED) {
            r2 = fixedEffectR2(model, fit.beta(), fit.weights());
        } else {
            Tau2Estimate re = o.tau2Method().fit(MetaAnalysis.withUserWeights(MetaModel.interceptOnly(used.yi(), used.vi()),
                    used, o), o.control());
            if (!re.converged() || Double.isNaN(re.tau2())) {
                r2 = Double.NaN;
                notes.add(new Note(0, null, Note.Kind.WARNING, "R² is not available: the intercept-only model did not converge"
                        + (re.message() == null ? "" : " (" + re.message() + ")")));
            } else {
                tau2Re = re.tau2();
                r2 = pseudoR2(tau2Re, fit.heterogeneity().tau2());
            }
        }
        String method = o.model() == Model.FIXED ? "fixed-effect meta-regression, inverse variance"
                : "mixed-effects meta-regression, " + o.tau2Method().label() + " (" + o.tau2Method().name() + ")";
        return new RegressionResult(o, method, design, used, fit, coefs, qm, fit.heterogeneity(), est, r2, tau2Re, notes);
    }

    /**
     * QM as metafor reports it: chi-square with m df under z; QM / m with F(m, k − p) under Hartung-Knapp.
     *
     * @param qm the quadratic form b' V⁻¹ b of the moderator coefficients (V scaled under Hartung-Knapp)
     */
    static OmnibusTest omnibus(double qm, List<String> names, MetaOptions o, int k, int p) {
        int m = p - 1;
        List<String> tested = names.subList(1, names.size());
        if (o.ciMethod() == CiMethod.KNHA) {
            double f = qm / m;
            return new OmnibusTest(tested, f, m, k - p, Dist.pF(f, m, k - p));
        }
        return new OmnibusTest(tested, qm, m, Double.NaN, Dist.pChisq(qm, m));
    }

    /** metafor's r2def "1": 100 (tau²_RE − tau²_ME) / tau²_RE, 0 when tau²_RE is 0, truncated at 0. */
    static double pseudoR2(double tau2Re, double tau2Me) {
        if (!(tau2Re > 0)) {
            return 0;
        }
        return Math.max(0, 100 * (tau2Re - tau2Me) / tau2Re);
    }

    /**
     * The adjusted R² of the weighted regression (R's summary.lm with weights 1/vi and an intercept):
     * R² = MSS / (MSS + RSS) with MSS = Σw(f − f̄_w)², RSS = Σw r², adjusted by (k − 1)/(k − p).
     */
    static double fixedEffectR2(MetaModel m, double[] beta, double[] weights) {
        int k = m.k();
        int p = m.p();
        double[] y = m.y();
        boolean allEqual = true;
        for (int i = 1; i < k && allEqual; i++) {
            allEqual = y[i] == y[0];
        }
        if (allEqual) {
            return 0;
        }
        double[] f = new double[k];
        double sw = 0;
        double swf = 0;
        for (int i = 0; i < k; i++) {
            double fi = 0;
            for (int j = 0; j < p; j++) {
                fi += m.x(i, j) * beta[j];
            }
            f[i] = fi;
            double w = weights[i];
            sw += w;
            swf += w * fi;
        }
        double mean = swf / sw;
        double mss = 0;
        double rss = 0;
        for (int i = 0; i < k; i++) {
            double w = weights[i];
            double d = f[i] - mean;
            double r = y[i] - f[i];
            mss += w * d * d;
            rss += w * r * r;
        }
        if (k == p) {
            return Double.NaN;
        }
        double r2 = mss / (mss + rss);
        double adj = 1 - (1 - r2) * ((k - 1.0) / (k - p));
        return Math.max(0, 100 * adj);
    }
}
