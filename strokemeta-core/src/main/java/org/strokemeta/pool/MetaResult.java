package org.strokemeta.pool;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;

/**
 * The result of one meta-analysis: what was pooled, how, the pooled estimate, heterogeneity, the
 * weight of each study and everything the user should know (excluded studies, corrections,
 * convergence).
 *
 * @param options   the options used
 * @param effects   the per-study effects that entered the analysis
 * @param weights   each study's weight in percent of the total
 * @param pooled    the pooled estimate
 * @param heterogeneity heterogeneity statistics
 * @param tau2      how tau² was estimated (null for fixed-effect models)
 * @param method    a short description of the pooling method used
 * @param notes     notes on studies and on the fit
 */
public record MetaResult(MetaOptions options, EffectSizes effects, double[] weights, PooledEstimate pooled,
                         Heterogeneity heterogeneity, Tau2Estimate tau2, String method, List<Note> notes) {
    public MetaResult {
        notes = List.copyOf(notes);
    }

    /** The number of studies pooled. */
    public int k() {
        return effects.size();
    }

    /** True unless an iterative estimator failed to converge. */
    public boolean converged() {
        return tau2 == null || tau2.converged();
    }
}
