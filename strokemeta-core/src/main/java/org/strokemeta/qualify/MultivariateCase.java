package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.Multivariate;
import org.strokemeta.multivariate.MultivariateOptions;
import org.strokemeta.multivariate.MultivariateResult;

/** Cases of analysis {@code multivariate}: several outcomes per trial (metafor rma.mv, random = ~ outcome | study). */
final class MultivariateCase {
    private MultivariateCase() {
    }

    /**
     * Fills the keys of a {@code multivariate} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        var o = c.options();
        List<String> mods = new ArrayList<>();
        o.path("moderators").forEach(m -> mods.add(m.asText()));
        MultivariateOptions opts = new MultivariateOptions(MultivariateOptions.Struct.parse(o.path("struct").asText("UN")),
                o.has("within_rho") ? o.path("within_rho").asDouble() : Double.NaN, mods,
                MultilevelOptions.Method.parse(o.path("method").asText("REML")), MultilevelOptions.Test.Z, o.path("level").asDouble(0.95),
                o.path("profile_ci").asBoolean(false));
        MultivariateResult r = Multivariate.fit(c.table(), opts);
        ObjectNode co = out.putObject("coefficients");
        MultilevelCase.coefficients(co, r.coefficients(), "z");
        ArrayNode t = out.putArray("tau2");
        for (double v : r.tau2()) {
            t.add(v);
        }
        ArrayNode rho = out.putArray("rho");
        for (double v : r.rho()) {
            rho.add(v);
        }
        if (opts.profileCi()) {
            ArrayNode tc = out.putArray("tau2_ci");
            for (double[] ci : r.tau2Ci()) {
                tc.addArray().add(ci[0]).add(ci[1]);
            }
            ArrayNode rc = out.putArray("rho_ci");
            for (double[] ci : r.rhoCi()) {
                rc.addArray().add(ci[0]).add(ci[1]);
            }
        }
        out.put("qe", r.qe());
        out.put("qe_df", r.qeDf());
        out.put("qe_p", r.qeP());
        out.put("qm", r.qm());
        out.put("qm_df", r.qmDf());
        out.put("qm_p", r.qmP());
        out.put("loglik", r.logLik());
        out.put("k", r.k());
        out.put("n_studies", r.studies());
    }
}
