package org.strokemeta.ipd;

import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/** Wald summaries of one estimate (z test and normal interval), as summary.clmm and summary.glm give them. */
final class Estimates {
    private Estimates() {
    }

    static Coefficient wald(String name, double est, double se, double level) {
        double z = est / se;
        double c = Dist.zCrit(level);
        return new Coefficient(name, est, se, z, Dist.pNormal2(z), est - c * se, est + c * se);
    }

    /** An estimate that does not exist (infinite or undefined): every summary NaN except the estimate. */
    static Coefficient undefined(String name, double est) {
        return new Coefficient(name, est, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
