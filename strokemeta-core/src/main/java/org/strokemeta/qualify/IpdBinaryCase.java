package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.BinaryOptions;
import org.strokemeta.ipd.BinaryOutcome;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ipd.IpdLogistic;
import org.strokemeta.ipd.RiskDifference;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.regression.Coefficient;

/**
 * Runs an {@code ipd_binary} case: a logistic model of the event {@code outcome <= outcome_cutoff}
 * (or {@code outcome >= event_at_least}) on the patient rows, stratified by trial or with a random
 * trial intercept ({@code study_effect}), adjusted for {@code covariates}, with {@code nagq}
 * quadrature points, the rows weighted by the column {@code weights} names (validation/FORMAT.md and validation/EXTRA-FORMAT-IPD.md).
 */
final class IpdBinaryCase {
    private IpdBinaryCase() {
    }

    /**
     * Fills the keys of an {@code ipd_binary} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void run(ValidationCase c, ObjectNode out) {
        Table t = c.table();
        List<String> cov = c.optionList("covariates");
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(cov)
                .withWeight(c.hasOption("weights") ? c.option("weights", "") : null));
        BinaryOutcome y;
        if (c.hasOption("event_at_least")) {
            y = BinaryOutcome.atLeast(d, Integer.parseInt(c.option("event_at_least", "6")));
        } else {
            y = BinaryOutcome.atMost(d, Integer.parseInt(c.option("outcome_cutoff", "2")));
        }
        BinaryOptions o = new BinaryOptions(StudyEffect.parse(c.option("study_effect", "stratified")), cov,
                Integer.parseInt(c.option("nagq", "1")), Double.parseDouble(c.option("level", "0.95")));
        if (c.hasOption("interaction")) {
            OrdinalCase.putInteraction(out, EffectModification.binary(d, y, c.option("interaction", ""), cov, o.level()));
        }
        BinaryResult r = IpdLogistic.fit(d, y, o);
        if (!r.valid()) {
            throw new IllegalStateException("the model gave no valid estimate: " + r.convergence() + "; " + r.notes());
        }
        Coefficient lor = r.logOddsRatio();
        out.put("log_or", lor.estimate());
        out.put("se", lor.se());
        out.put("z", lor.statistic());
        out.put("p", lor.p());
        out.put("ci_lower", lor.ciLower());
        out.put("ci_upper", lor.ciUpper());
        ObjectNode coefs = out.putObject("coefficients");
        for (Coefficient co : r.coefficients()) {
            putCoefficient(coefs.putObject(co.name()), co);
        }
        ObjectNode icpt = out.putObject("intercepts");
        for (Coefficient co : r.intercepts()) {
            putCoefficient(icpt.putObject(co.name()), co);
        }
        out.put("deviance", r.deviance());
        out.put("aic", r.aic());
        out.put("bic", r.bic());
        out.put("df_resid", r.dfResidual());
        if (r.variance() != null) {
            out.put("random_intercept_var", r.variance().interceptVariance());
            out.put("intercept", r.intercepts().get(0).estimate());
            out.put("intercept_se", r.intercepts().get(0).se());
        }
        out.put("loglik", r.logLik());
        RiskDifference rd = r.riskDifference();
        ObjectNode n = out.putObject("risk_difference");
        n.put("estimate", rd.estimate());
        n.put("se", rd.se());
        n.put("ci_lower", rd.ciLower());
        n.put("ci_upper", rd.ciUpper());
        n.put("risk_treated", rd.riskTreated());
        n.put("risk_control", rd.riskControl());
    }

    private static void putCoefficient(ObjectNode n, Coefficient co) {
        n.put("estimate", co.estimate());
        n.put("se", co.se());
        n.put("z", co.statistic());
        n.put("p", co.p());
    }
}
