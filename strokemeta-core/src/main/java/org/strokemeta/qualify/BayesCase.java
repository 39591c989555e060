package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.bayes.BayesMeta;
import org.strokemeta.bayes.BayesOptions;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.data.Table;

/**
 * Runs a {@code bayes} case: the normal-normal random-effects model on rows of {@code yi}, {@code vi} with
 * the priors {@code mu_prior} and {@code tau_prior} (validation/FORMAT.md).
 */
final class BayesCase {
    private BayesCase() {
    }

    /**
     * Fills the keys of a {@code bayes} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        Table t = c.table();
        double[] y = t.numbers("yi");
        double[] v = t.numbers("vi");
        List<String> names = t.has("study") ? List.of(t.requiredText("study")) : null;
        List<Double> thresholds = new java.util.ArrayList<>();
        c.options().path("thresholds").forEach(x -> thresholds.add(x.asDouble()));
        BayesOptions o = new BayesOptions(muPrior(c.options().path("mu_prior")), tauPrior(c.options().path("tau_prior")),
                c.options().path("level").asDouble(0.95), thresholds.isEmpty() ? List.of(0.0) : thresholds);
        BayesResult r = BayesMeta.fit(names, y, v, o);
        out.put("mu_mean", r.mu().mean());
        out.put("mu_sd", r.mu().sd());
        out.put("mu_median", r.mu().median());
        out.put("mu_ci_lower", r.mu().lower());
        out.put("mu_ci_upper", r.mu().upper());
        out.put("mu_shortest_lower", r.mu().shortestLower());
        out.put("mu_shortest_upper", r.mu().shortestUpper());
        out.put("tau_mean", r.tau().mean());
        out.put("tau_sd", r.tau().sd());
        out.put("tau_shortest_lower", r.tau().shortestLower());
        out.put("tau_shortest_upper", r.tau().shortestUpper());
        out.put("predictive_sd", r.predictive().sd());
        ArrayNode ex = out.putArray("exceedance");
        for (double p : r.exceedance()) {
            ex.add(p);
        }
        out.put("tau_median", r.tau().median());
        out.put("tau_ci_lower", r.tau().lower());
        out.put("tau_ci_upper", r.tau().upper());
        out.put("predictive_mean", r.predictive().mean());
        out.put("predictive_ci_lower", r.predictive().lower());
        out.put("predictive_ci_upper", r.predictive().upper());
        out.put("prob_mu_negative", r.probMuNegative());
        ArrayNode sh = out.putArray("shrinkage");
        r.shrinkage().forEach(s -> sh.add(s.mean()));
        if (!o.muPrior().flat()) {
            out.put("marginal_likelihood", r.marginalLikelihood());
            out.put("bayes_factor_mu0", r.bayesFactorMu0());
        }
    }

    static MuPrior muPrior(JsonNode n) {
        String type = n.path("type").asText("flat");
        return switch (type) {
            case "flat" -> MuPrior.FLAT;
            case "normal" -> MuPrior.normal(n.path("mean").asDouble(), n.path("sd").asDouble());
            default -> throw new IllegalArgumentException("unknown mu prior " + type);
        };
    }

    static TauPrior tauPrior(JsonNode n) {
        String type = n.path("type").asText("");
        return switch (type) {
            case "half_normal" -> TauPrior.halfNormal(n.path("scale").asDouble());
            case "half_cauchy" -> TauPrior.halfCauchy(n.path("scale").asDouble());
            case "half_student_t" -> TauPrior.halfStudentT(n.path("scale").asDouble(), n.path("df").asDouble());
            case "uniform" -> TauPrior.uniform(n.path("upper").asDouble());
            case "exponential" -> TauPrior.exponential(n.path("mean").asDouble());
            case "lognormal_tau2" -> TauPrior.logNormalTau2(n.path("mean").asDouble(), n.path("sd").asDouble());
            default -> throw new IllegalArgumentException("unknown tau prior " + type);
        };
    }
}
