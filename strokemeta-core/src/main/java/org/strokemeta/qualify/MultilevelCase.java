package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.multivariate.Multilevel;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.MultilevelResult;
import org.strokemeta.regression.Coefficient;

/** Cases of analysis {@code multilevel}: nested random intercepts (metafor rma.mv, random = ~ 1 | study/es_id). */
final class MultilevelCase {
    private MultilevelCase() {
    }

    /**
     * Fills the keys of a {@code multilevel} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        var o = c.options();
        List<String> mods = new ArrayList<>();
        o.path("moderators").forEach(m -> mods.add(m.asText()));
        MultilevelOptions opts = new MultilevelOptions(MultilevelOptions.parseRandom(o.path("random").asText("~ 1 | study/es_id")), mods,
                MultilevelOptions.Method.parse(o.path("method").asText("REML")),
                MultilevelOptions.Test.parse(o.path("ci_method").asText(o.path("test").asText("z"))), o.path("level").asDouble(0.95), o.path("profile_ci").asBoolean(false));
        MultilevelResult r = Multilevel.fit(c.table(), opts);
        ObjectNode co = out.putObject("coefficients");
        coefficients(co, r.coefficients(), opts.test() == MultilevelOptions.Test.T ? "t" : "z");
        ArrayNode s = out.putArray("sigma2");
        for (double v : r.sigma2()) {
            s.add(v);
        }
        if (opts.profileCi()) {
            ArrayNode ci = out.putArray("sigma2_ci");
            for (double[] lim : r.sigma2Ci()) {
                ci.addArray().add(lim[0]).add(lim[1]);
            }
        }
        out.put("qe", r.qe());
        out.put("qe_df", r.qeDf());
        out.put("qe_p", r.qeP());
        out.put("loglik", r.logLik());
        out.put("n_studies", r.clusters()[0]);
        out.put("k", r.k());
        if (!Double.isNaN(r.qm())) {
            out.put("qm", r.qm());
            out.put("qm_df", r.qmDf());
            out.put("qm_p", r.qmP());
        }
    }

    /**
     * Each coefficient as an object named by it: estimate, SE, the test statistic, p and the confidence limits.
     *
     * @param into where they go
     * @param cs   the coefficients
     * @param stat the statistic's key (z or t)
     */
    static void coefficients(ObjectNode into, java.util.List<Coefficient> cs, String stat) {
        for (Coefficient x : cs) {
            ObjectNode n = into.putObject(x.name());
            n.put("estimate", x.estimate());
            n.put("se", x.se());
            n.put(stat, x.statistic());
            n.put("p", x.p());
            n.put("ci_lower", x.ciLower());
            n.put("ci_upper", x.ciUpper());
        }
    }
}
