package org.strokemeta.examples;

import java.util.List;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * A random-effects meta-analysis of the BCG vaccine trials (Colditz et al. 1994; metafor's dat.bcg)
 * through the public API: the risk ratio, REML, Wald intervals, as metafor's
 * {@code rma(measure = "RR", ai = tpos, bi = tneg, ci = cpos, di = cneg, data = dat.bcg)}.
 */
public final class BcgRandomEffects {
    private BcgRandomEffects() {
    }

    /** The analysis (a file of one's own works the same: {@code Meta.analyze(Path.of("trials.csv"), request)}). */
    public static MetaResult analyse() {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest request = MetaRequest.defaults().withMeasure(Measure.RR)
                .withOptions(MetaRequest.defaults().options().withTau2(Tau2Method.REML));
        List<MetaRun.Outcome> outcomes = Meta.analyze(bcg, request);
        return outcomes.get(0).result();
    }

    public static void main(String[] args) {
        MetaResult r = analyse();
        PooledEstimate p = r.pooled();
        System.out.printf("BCG trials, %d studies: pooled RR %.3f [%.3f, %.3f], tau² = %.4f, I² = %.1f%%%n", r.k(),
                Math.exp(p.estimate()), Math.exp(p.ciLower()), Math.exp(p.ciUpper()), r.heterogeneity().tau2(), r.heterogeneity().i2());
    }
}
