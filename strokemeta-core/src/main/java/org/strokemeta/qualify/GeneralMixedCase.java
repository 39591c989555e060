package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import org.strokemeta.ipd.MixedModel;
import org.strokemeta.ipd.MixedModelOptions;
import org.strokemeta.ipd.MixedModelResult;
import org.strokemeta.ordinal.Link;
import org.strokemeta.regression.Coefficient;

/**
 * Runs an {@code ipd_mixed} case: a general one-stage mixed model given by its lme4/ordinal
 * {@code formula}, {@code family} ({@code ordinal}: clmm; {@code binomial}: glmer), {@code link} and
 * optional case {@code weights} (validation/EXTRA-FORMAT-IPD.md).
 */
final class GeneralMixedCase {
    private GeneralMixedCase() {
    }

    /**
     * Fills the keys of an {@code ipd_mixed} case: loglik, aic, thresholds, coefficients and the random
     * terms' standard deviations and correlations. The random terms are written in the case's order,
     * each found by its grouping factors (R writes nested groupings inner first, {@code centre:study})
     * and its effects.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        MixedModelOptions o = MixedModelOptions.of(c.option("formula", ""))
                .withFamily(MixedModelOptions.Family.parse(c.option("family", "ordinal")))
                .withLink(Link.parse(c.option("link", "logit")))
                .withWeights(c.hasOption("weights") ? c.option("weights", "") : null);
        MixedModelResult r = MixedModel.fit(c.table(), o);
        if (!r.converged()) {
            throw new IllegalStateException("the model did not converge: " + r.message());
        }
        out.put("loglik", r.logLik());
        out.put("aic", r.aic());
        ObjectNode th = out.putObject("thresholds");
        for (Coefficient k : r.thresholds()) {
            th.putObject(k.name()).put("estimate", k.estimate()).put("se", k.se());
        }
        ObjectNode co = out.putObject("coefficients");
        for (Coefficient k : r.coefficients()) {
            co.putObject(k.name()).put("estimate", k.estimate()).put("se", k.se());
        }
        ArrayNode re = out.putArray("random");
        JsonNode want = c.expected().path("random");
        for (JsonNode w : want) {
            String[] g = w.path("group").asText().split(":");
            Arrays.sort(g);
            MixedModelResult.RandomComponent found = null;
            for (MixedModelResult.RandomComponent rc : r.randomEffects()) {
                String[] h = rc.group().split(":");
                Arrays.sort(h);
                if (Arrays.equals(g, h) && rc.effects().size() == w.path("effects").size()) {
                    found = rc;
                }
            }
            ObjectNode n = re.addObject();
            if (found == null) {
                n.put("group", "no term grouped by " + w.path("group").asText());
                continue;
            }
            n.put("group", w.path("group").asText());
            ArrayNode ef = n.putArray("effects");
            found.effects().forEach(ef::add);
            ArrayNode sd = n.putArray("sd");
            for (double v : found.sd()) {
                sd.add(v);
            }
            ArrayNode cor = n.putArray("correlation");
            for (double v : found.correlation()) {
                cor.add(v);
            }
        }
    }
}
