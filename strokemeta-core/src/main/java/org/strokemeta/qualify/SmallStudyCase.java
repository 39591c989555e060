package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.bias.EggerTest;
import org.strokemeta.bias.RankTest;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.bias.TrimFillResult;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.PooledEstimate;

/**
 * The "small_study" analysis of the qualification suite: the classic Egger test, the regression test
 * on the analysis' model, the rank correlation test and trim-and-fill (keys as in FORMAT.md).
 * Trim-and-fill runs with metafor's defaults ({@code TrimFillOptions.defaults()}), whose inner fits
 * use rma.uni's default control as metafor::trimfill does; the regression test keeps the analysis'
 * control, as metafor::regtest does.
 */
final class SmallStudyCase {
    private SmallStudyCase() {
    }

    /**
     * Computes the keys of a "small_study" case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void run(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);

        EggerTest lm = SmallStudyEffects.eggerClassic(es, o.level());
        ObjectNode el = out.putObject("egger_lm");
        el.put("t", lm.statistic());
        el.put("df", lm.df());
        el.put("p", lm.p());

        EggerTest rma = SmallStudyEffects.egger(es, o);
        ObjectNode er = out.putObject("egger_rma");
        if (rma.isT()) {
            er.put("t", rma.statistic());
            er.put("df", rma.df());
        } else {
            er.put("z", rma.statistic());
        }
        er.put("p", rma.p());

        RankTest rank = SmallStudyEffects.rankTest(es);
        ObjectNode rk = out.putObject("rank");
        rk.put("tau", rank.tau());
        rk.put("p", rank.p());

        TrimFillResult tf = SmallStudyEffects.trimFill(es, o);
        if (!tf.converged()) {
            throw new IllegalStateException("trim-and-fill did not converge in " + tf.maxIterations() + " iterations");
        }
        PooledEstimate p = tf.adjusted().pooled();
        ObjectNode t = out.putObject("trimfill");
        t.put("k0", tf.k0());
        t.put("side", tf.side().label());
        t.put("estimate", p.estimate());
        t.put("se", p.se());
        t.put("ci_lower", p.ciLower());
        t.put("ci_upper", p.ciUpper());
        t.put("tau2", tf.adjusted().heterogeneity().tau2());
    }
}
