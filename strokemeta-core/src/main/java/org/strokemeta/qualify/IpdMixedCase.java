package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.MixedOptions;
import org.strokemeta.ipd.MixedOrdinal;
import org.strokemeta.ipd.MixedOrdinalResult;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.regression.Coefficient;

/**
 * Runs the {@code ipd_ordinal} cases of the mixed proportional-odds model (ordinal::clmm): common
 * thresholds with a random trial intercept ({@code study_effect: random_intercept}), a random
 * treatment effect ({@code treatment_effect: random}, correlated with the intercept or independent of
 * it as {@code random_structure} says), or a random treatment effect alone ({@code study_effect:
 * none}); keys in validation/FORMAT.md and validation/EXTRA-FORMAT-IPD.md.
 */
final class IpdMixedCase {
    private IpdMixedCase() {
    }

    /**
     * True for the ipd_ordinal cases this adapter runs: those with a random trial effect.
     *
     * @param c the case
     * @return whether its options name a random trial effect
     */
    public static boolean handles(ValidationCase c) {
        return c.option("study_effect", "").equalsIgnoreCase("random_intercept")
                || c.option("treatment_effect", "fixed").equalsIgnoreCase("random");
    }

    /** The random-effects structure the case's options name. */
    static RandomEffects structure(ValidationCase c) {
        boolean intercept = c.option("study_effect", "random_intercept").equalsIgnoreCase("random_intercept");
        boolean treatment = c.option("treatment_effect", "fixed").equalsIgnoreCase("random");
        if (!treatment) {
            if (!intercept) {
                throw new IllegalArgumentException("this case has no random trial effect");
            }
            return RandomEffects.INTERCEPT;
        }
        if (!intercept) {
            return RandomEffects.TREATMENT;
        }
        return RandomEffects.parse(c.option("random_structure", "correlated"));
    }

    /**
     * Fills the keys of an {@code ipd_ordinal} case with random trial effects.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void ordinalRandom(ValidationCase c, ObjectNode out) {
        Table t = c.table();
        List<String> cov = c.optionList("covariates");
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(cov));
        MixedOptions o = MixedOptions.defaults().withCovariates(cov).withRandomEffects(structure(c))
                .withNagq(Integer.parseInt(c.option("nagq", "1")))
                .withLevel(Double.parseDouble(c.option("level", "0.95")));
        MixedOrdinalResult r = MixedOrdinal.fit(d, o);
        if (!r.converged()) {
            throw new IllegalStateException("the model did not converge: " + r.convergence());
        }
        Coefficient cor = r.logCommonOddsRatio();
        out.put("log_cor", cor.estimate());
        out.put("se", cor.se());
        out.put("ci_lower", cor.ciLower());
        out.put("ci_upper", cor.ciUpper());
        out.put("z", cor.statistic());
        out.put("p", cor.p());
        ObjectNode coefs = out.putObject("coefficients");
        for (Coefficient co : r.coefficients()) {
            ObjectNode n = coefs.putObject(co.name());
            n.put("estimate", co.estimate());
            n.put("se", co.se());
        }
        ObjectNode th = out.putObject("thresholds");
        for (Coefficient co : r.thresholds()) {
            ObjectNode n = th.putObject(co.name());
            n.put("estimate", co.estimate());
            n.put("se", co.se());
        }
        out.put("loglik", r.logLik());
        out.put("aic", r.aic());
        var v = r.variance();
        if (v.structure().hasIntercept()) {
            out.put("random_intercept_var", v.interceptVariance());
        }
        if (v.structure().hasTreatment()) {
            out.put("random_treatment_var", v.treatmentVariance());
        }
        if (v.structure() == RandomEffects.CORRELATED) {
            out.put("random_correlation", v.correlation());
        }
    }
}
