package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.glmm.BinaryGlmm;
import org.strokemeta.glmm.GlmmOptions;
import org.strokemeta.glmm.GlmmResult;

/** Cases of analysis {@code glmm_binary}: logistic mixed models of 2×2 tables (metafor rma.glmm, measure OR). */
final class GlmmCase {
    private GlmmCase() {
    }

    /**
     * Fills the keys of a {@code glmm_binary} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        var o = c.options();
        String method = o.path("method").asText("ML");
        if (!"OR".equals(o.path("measure").asText("OR")) || !"ML".equals(method) && !"FE".equals(method)) {
            throw new IllegalArgumentException("only measure OR with method ML (or FE for CM.EL) is supported");
        }
        GlmmOptions opts = new GlmmOptions(GlmmOptions.Model.parse(o.path("model").asText("UM.FS")), o.path("nagq").asInt(7),
                o.path("level").asDouble(0.95), "FE".equals(method));
        GlmmResult r = BinaryGlmm.fit(c.table(), opts);
        out.put("estimate", r.estimate());
        out.put("se", r.se());
        out.put("z", r.z());
        out.put("p", r.p());
        out.put("ci_lower", r.ciLower());
        out.put("ci_upper", r.ciUpper());
        out.put("tau2", r.tau2());
        if (!Double.isNaN(r.sigma2())) {
            out.put("sigma2", r.sigma2());
        }
        if (!Double.isNaN(r.tau2Se())) {
            out.put("tau2_se", r.tau2Se());
        }
        out.put("qe_df", r.qeDf());
        out.put("qe_wald", r.qeWald());
        out.put("qe_wald_p", r.qeWaldP());
        out.put("qe_lrt", r.qeLrt());
        out.put("qe_lrt_p", r.qeLrtP());
        out.put("loglik", r.logLik());
        out.put("k", r.k());
    }
}
