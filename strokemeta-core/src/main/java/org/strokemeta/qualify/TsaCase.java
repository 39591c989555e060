package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.sequential.TrialSequential;
import org.strokemeta.sequential.TsaOptions;
import org.strokemeta.sequential.TsaResult;

/**
 * Runs a {@code tsa} case: a trial sequential analysis of two-arm binary rows (validation/FORMAT.md) or, with
 * {@code outcome: continuous}, of two-arm means (validation/EXTRA-FORMAT.md): the required information size for
 * {@code control_event_proportion} and {@code relative_risk_reduction} (or {@code mean_difference} and {@code sd}), its
 * {@code heterogeneity_correction}, the cumulative z of the {@code model} and the boundaries.
 */
final class TsaCase {
    private TsaCase() {
    }

    /**
     * Fills the keys of a {@code tsa} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    static void run(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        org.strokemeta.sequential.Target target = c.option("outcome", "binary").equals("continuous")
                ? new org.strokemeta.sequential.Target.Continuous(c.options().path("mean_difference").asDouble(), c.options().path("sd").asDouble())
                : new org.strokemeta.sequential.Target.Binary(c.options().path("control_event_proportion").asDouble(),
                        c.options().path("relative_risk_reduction").asDouble());
        TsaOptions o = new TsaOptions(target, c.options().path("alpha").asDouble(0.05),
                c.options().path("power").asDouble(0.8), TsaOptions.Heterogeneity.parse(c.option("heterogeneity_correction", "none")),
                c.options().path("i2").asDouble(0), !c.option("futility", "none").equals("none"),
                org.strokemeta.sequential.Spending.parse(c.option("spending", "lan_demets_obf")));
        TsaResult r = TrialSequential.analyze(es, c.option("model", "fixed").equals("random"), o);
        out.put("ris_fixed", r.risFixed());
        out.put("adjustment_factor", r.adjustmentFactor());
        out.put("ris", r.ris());
        out.put("d2", r.diversity());
        out.put("tau2", r.tau2());
        array(out.putArray("information"), r.information());
        array(out.putArray("information_fraction"), r.fraction());
        array(out.putArray("z_cumulative"), r.z());
        array(out.putArray("alpha_spent"), r.alphaSpent());
        array(out.putArray("alpha_boundary"), r.alphaBoundary());
        out.put("crossed", r.crossed());
        out.put("crossed_at", r.crossedAt());
        if (o.futility()) {
            array(out.putArray("futility_boundary"), r.futilityBoundary());
            array(out.putArray("beta_spent"), r.betaSpent());
            out.put("futility_crossed", r.futilityCrossed());
            out.put("futility_crossed_at", r.futilityCrossedAt());
        }
    }

    private static void array(ArrayNode a, double[] v) {
        for (double x : v) {
            a.add(x);
        }
    }
}
