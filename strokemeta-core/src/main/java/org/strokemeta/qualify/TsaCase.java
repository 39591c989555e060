package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.sequential.Spending;
import org.strokemeta.sequential.Target;
import org.strokemeta.sequential.TrialSequential;
import org.strokemeta.sequential.TsaOptions;
import org.strokemeta.sequential.TsaResult;

/**
 * Runs a {@code tsa} case: a trial sequential analysis of two-arm binary rows (validation/FORMAT.md) or, with
 * {@code outcome: continuous}, of two-arm means, or with {@code outcome: ordinal}, of tabulated mRS distributions
 * (validation/EXTRA-FORMAT.md): the required information size for
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
        String outcome = c.option("outcome", "binary");
        boolean random = c.option("model", "fixed").equals("random");
        double alpha = c.options().path("alpha").asDouble(0.05);
        double power = c.options().path("power").asDouble(0.8);
        TsaOptions.Heterogeneity h = TsaOptions.Heterogeneity.parse(c.option("heterogeneity_correction", "none"));
        double i2 = c.options().path("i2").asDouble(0);
        boolean futility = !c.option("futility", "none").equals("none");
        Spending spending = Spending.parse(c.option("spending", "lan_demets_obf"));
        TsaOptions o;
        TsaResult r;
        if (outcome.equals("ordinal")) {
            // tabulated mRS distributions: the two-stage shift analysis, Whitehead's information size
            var shift = org.strokemeta.Shift.analyze(c.table(), org.strokemeta.study.ShiftRequest.defaults().withPoTest(false));
            double[] control;
            if (c.options().has("control_distribution")) {
                var n = c.options().get("control_distribution");
                control = new double[n.size()];
                for (int j = 0; j < control.length; j++) {
                    control[j] = n.get(j).asDouble();
                }
            } else {
                control = TrialSequential.pooledControl(shift.table());
            }
            o = new TsaOptions(new Target.Ordinal(control, c.options().path("common_odds_ratio").asDouble()), alpha, power, h, i2, futility,
                    spending);
            r = TrialSequential.analyze(shift, random, o);
        } else {
            Target target = outcome.equals("continuous")
                    ? new Target.Continuous(c.options().path("mean_difference").asDouble(), c.options().path("sd").asDouble())
                    : new Target.Binary(c.options().path("control_event_proportion").asDouble(), c.options().path("relative_risk_reduction").asDouble());
            o = new TsaOptions(target, alpha, power, h, i2, futility, spending);
            r = TrialSequential.analyze(CaseInputs.effects(c), random, o);
        }
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
