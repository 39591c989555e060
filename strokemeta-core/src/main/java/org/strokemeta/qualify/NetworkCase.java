package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.multivariate.MultilevelOptions;
import org.strokemeta.multivariate.Network;
import org.strokemeta.multivariate.NetworkOptions;
import org.strokemeta.multivariate.NetworkResult;

/** Cases of analysis {@code network}: the contrast-based consistency model (metafor rma.mv, rho = 1/2). */
final class NetworkCase {
    private NetworkCase() {
    }

    /**
     * Fills the keys of a {@code network} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        var o = c.options();
        if (o.has("rho") && o.path("rho").asDouble() != 0.5) {
            throw new IllegalArgumentException("only rho = 1/2 (a common heterogeneity variance) is supported, not " + o.path("rho").asDouble());
        }
        List<String> order = new ArrayList<>();
        o.path("treatments").forEach(x -> order.add(x.asText()));
        NetworkOptions opts = new NetworkOptions(order, o.path("reference").asText(null), !"fixed".equals(o.path("model").asText("random")),
                MultilevelOptions.Method.parse(o.path("tau2_method").asText("REML")), o.path("level").asDouble(0.95), false)
                .withNodeSplit(o.path("node_split").asBoolean(false)).withSimulations(0, NetworkOptions.DEFAULT_SEED);
        NetworkResult r = Network.fit(c.table(), opts);
        if (o.has("measure") && !r.measure().equals(o.path("measure").asText())) {
            throw new IllegalArgumentException("the data give " + r.measure() + ", the case asks " + o.path("measure").asText());
        }
        ObjectNode rel = out.putObject("relative_effects");
        MultilevelCase.coefficients(rel, r.relative(), "z");
        out.put("tau2", r.tau2());
        out.put("qe", r.qe());
        out.put("qe_df", r.qeDf());
        out.put("qe_p", r.qeP());
        out.put("k_contrasts", r.contrasts());
        ArrayNode league = out.putArray("league");
        for (NetworkResult.Pair p : r.league()) {
            ObjectNode n = league.addObject();
            n.put("treat1", p.treat1());
            n.put("treat2", p.treat2());
            n.put("estimate", p.estimate());
            n.put("se", p.se());
            n.put("ci_lower", p.ciLower());
            n.put("ci_upper", p.ciUpper());
        }
        if (o.path("node_split").asBoolean(false)) {
            ArrayNode splits = out.putArray("node_split");
            for (NetworkResult.Split x : r.splits()) {
                ObjectNode n = splits.addObject();
                n.put("treat1", x.treat1());
                n.put("treat2", x.treat2());
                n.put("studies", x.studies());
                n.put("network", x.network());
                n.put("network_se", x.networkSe());
                n.put("direct", x.direct());
                n.put("direct_se", x.directSe());
                n.put("direct_ci_lower", x.directCi()[0]);
                n.put("direct_ci_upper", x.directCi()[1]);
                n.put("indirect", x.indirect());
                n.put("indirect_se", x.indirectSe());
                n.put("indirect_ci_lower", x.indirectCi()[0]);
                n.put("indirect_ci_upper", x.indirectCi()[1]);
                n.put("difference", x.difference());
                n.put("difference_se", x.differenceSe());
                n.put("z", x.z());
                n.put("p", x.p());
                n.put("tau2", x.tau2());
            }
            ArrayNode only = out.putArray("direct_only");
            for (NetworkResult.Edge x : r.directOnly()) {
                ObjectNode n = only.addObject();
                n.put("treat1", x.treat1());
                n.put("treat2", x.treat2());
                n.put("studies", x.studies());
            }
        }
        if (r.inconsistency() != null) {
            NetworkResult.Inconsistency i = r.inconsistency();
            ObjectNode n = out.putObject("inconsistency");
            n.put("q_total", i.qTotal());
            n.put("q_total_df", i.qTotalDf());
            n.put("q_within_designs", i.qWithin());
            n.put("q_within_designs_df", i.qWithinDf());
            n.put("q_between_designs", i.qBetween());
            n.put("q_between_designs_df", i.qBetweenDf());
            n.put("q_between_designs_p", i.qBetweenP());
            n.put("lrt", i.lrt());
            n.put("lrt_df", i.lrtDf());
            n.put("lrt_p", i.lrtP());
            n.put("tau2_ml_consistency", i.tau2MlConsistency());
            n.put("tau2_ml_inconsistency", i.tau2MlInconsistency());
        }
    }
}
