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
 * @serial exclude
 */
public record MetaResult(MetaOptions options, EffectSizes effects, double[] weights, PooledEstimate pooled,
                         Heterogeneity heterogeneity, Tau2Estimate tau2, String method, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the weights and notes.
     *
     * @param options the options used
     * @param effects the per-study effects that entered the analysis
     * @param weights each study's weight in percent of the total
     * @param pooled the pooled estimate
     * @param heterogeneity heterogeneity statistics
     * @param tau2 how tau² was estimated (null for fixed-effect models)
     * @param method a short description of the pooling method used
     * @param notes notes on studies and on the fit
     */
    public MetaResult {
        notes = List.copyOf(notes);
        weights = weights.clone();
    }

    /**
     * The {@code weights} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code weights}
     */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Element {@code i} of {@link #weights()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code weights()[i]}
     */
    public double weights(int i) {
        return weights[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetaResult r
                && java.util.Objects.equals(options, r.options)
                && java.util.Objects.equals(effects, r.effects)
                && java.util.Arrays.equals(weights, r.weights)
                && java.util.Objects.equals(pooled, r.pooled)
                && java.util.Objects.equals(heterogeneity, r.heterogeneity)
                && java.util.Objects.equals(tau2, r.tau2)
                && java.util.Objects.equals(method, r.method)
                && java.util.Objects.equals(notes, r.notes);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(options, effects, java.util.Arrays.hashCode(weights), pooled, heterogeneity,
                tau2, method, notes);
    }

    @Override
    public String toString() {
        return "MetaResult[options=" + options + ", effects=" + effects + ", weights="
                + java.util.Arrays.toString(weights) + ", pooled=" + pooled + ", heterogeneity=" + heterogeneity
                + ", tau2=" + tau2 + ", method=" + method + ", notes=" + notes + "]";
    }

    /**
     * The number of studies pooled.
     *
     * @return the number of studies in {@link #effects()}
     */
    public int k() {
        return effects.size();
    }

    /**
     * True unless an iterative estimator failed to converge.
     *
     * @return false when the tau² estimator did not converge
     */
    public boolean converged() {
        return tau2 == null || tau2.converged();
    }

    /**
     * The intercept-only model of the analysed studies, with their user weights when the options name a
     * weights column (for the statistics computed from the model: the SE and profile interval of tau²).
     *
     * @return the model
     */
    public MetaModel model() {
        return MetaAnalysis.withUserWeights(MetaModel.interceptOnly(effects().yi(), effects().vi()), effects(), options());
    }

    /**
     * True when the profile-likelihood interval of tau² applies: an ML or REML fit that converged, with tau²
     * estimated (not fixed) and inverse-variance weights, and more than one study.
     *
     * @return whether {@link Tau2ProfileInterval} describes this fit
     */
    public boolean profileIntervalApplies() {
        MetaOptions o = options();
        return o.model() == Model.RANDOM && (o.tau2Method() == Tau2Method.ML || o.tau2Method() == Tau2Method.REML)
                && converged() && k() > 1 && !o.fixesTau2() && o.inverseVarianceWeights();
    }
}
