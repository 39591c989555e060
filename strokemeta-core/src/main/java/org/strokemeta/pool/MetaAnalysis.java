package org.strokemeta.pool;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.internal.SharedArrays;

/**
 * Pools per-study effects into one estimate: inverse-variance fixed or random effects
 * (metafor::rma.uni), Mantel-Haenszel (rma.mh) or Peto (rma.peto).
 */
public final class MetaAnalysis {
    private MetaAnalysis() {
    }

    /**
     * Pools with the Q-profile interval for tau² computed for random-effects models.
     *
     * @param es the per-study effects
     * @param o  the options
     * @return the pooled estimate, heterogeneity and tau², as {@link #run(EffectSizes, MetaOptions, boolean)}
     */
    public static MetaResult run(EffectSizes es, MetaOptions o) {
        return run(es, o, true);
    }

    /**
     * @param es     the per-study effects
     * @param o      the options
     * @param tau2Ci compute the Q-profile confidence interval for tau² (random effects)
     * @return the pooled estimate (on the analysis scale: log for ratio measures), its interval and test,
     *         the prediction interval, heterogeneity (Q, I² in percent, H²) and tau² with the weights in
     *         percent; as metafor::rma (inverse variance), rma.mh (Mantel-Haenszel) or rma.peto (Peto)
     * @throws org.strokemeta.data.InputException if no study can be analysed
     */
    public static MetaResult run(EffectSizes es, MetaOptions o, boolean tau2Ci) {
        if (es.size() == 0) {
            throw InputException.of(es.input().source(), "no study can be analysed"
                    + (es.excluded().isEmpty() ? "" : ": " + es.excluded().size() + " left out (" + es.excluded().get(0) + ")"));
        }
        if (o.model() == Model.FIXED && o.fixedMethod() != FixedMethod.IV && (o.weights() != null || !o.weighted())) {
            throw new IllegalArgumentException("user weights and unweighted estimates apply to inverse-variance models, not to "
                    + o.fixedMethod().label() + " pooling");
        }
        if (o.model() == Model.FIXED && o.fixedMethod() == FixedMethod.MH) {
            return MantelHaenszel.pool(es, o);
        }
        if (o.model() == Model.FIXED && o.fixedMethod() == FixedMethod.PETO) {
            return Peto.pool(es, o);
        }
        es = weightable(es);
        // The model reads the effects' own arrays (both are immutable): no copy of a million studies.
        SharedArrays.Effects raw = SharedArrays.of(es);
        MetaModel m = withUserWeights(MetaModel.interceptOnlyOwning(raw.yi(es), raw.vi(es)), es, o);
        ModelFit fit = InverseVariance.fit(m, o, tau2Ci);
        boolean valid = fit.tau2() == null || fit.tau2().converged();
        if (valid && !(Double.isFinite(fit.beta(0)) && Double.isFinite(fit.se(0)))) {
            throw InputException.of(es.input().source(), "the pooled estimate cannot be computed in double precision "
                    + "(it came out as " + fit.beta(0) + " with standard error " + fit.se(0) + "): the effects or their "
                    + "sampling variances are too extreme (variances from " + min(es.vi()) + " to " + max(es.vi())
                    + ", effects from " + min(es.yi()) + " to " + max(es.yi()) + ")");
        }
        return fromFit(es, fit);
    }

    /**
     * The model with the user weights of the options' {@link MetaOptions#weights() weights column}, read from
     * the effects' covariates; the model itself when the options name none.
     *
     * @param m  a model built on {@code es} (same studies, same order)
     * @param es the effects, with the weights column among their covariates
     * @param o  the options
     * @return the model with its user weights
     * @throws InputException naming the file, line and column of a weight that is blank, not a number, negative or
     *         infinite, or when every weight is 0 or the column is missing
     */
    public static MetaModel withUserWeights(MetaModel m, EffectSizes es, MetaOptions o) {
        String column = o.weights();
        if (column == null) {
            return m;
        }
        String source = es.input() != null ? es.input().source() : es.covariates().source();
        if (!es.covariates().has(column)) {
            throw InputException.of(source, "there is no weights column '" + column + "'");
        }
        double[] a = es.covariates().optionalNumbers(column);
        String name = es.covariates().name(column);
        boolean positive = false;
        for (int i = 0; i < a.length; i++) {
            if (!(a[i] >= 0 && a[i] < Double.POSITIVE_INFINITY)) {
                throw new InputException(source, es.lines(i), name, (Double.isNaN(a[i]) ? "the weight of " + es.study(i) + " is blank"
                        : "the weight of " + es.study(i) + " is " + a[i]) + ": every study needs a finite weight of at least 0");
            }
            positive |= a[i] > 0;
        }
        if (!positive) {
            throw InputException.of(source, "every weight in column " + name + " is 0: nothing can be estimated");
        }
        return m.withUserWeights(a);
    }

    private static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElse(Double.NaN);
    }

    private static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElse(Double.NaN);
    }

    /**
     * The studies that inverse-variance weights can use: a sampling variance of zero (for example
     * a risk difference of 0/n versus 0/n without continuity correction) cannot be weighted, so such
     * studies are left out with a note.
     *
     * @param es the per-study effects
     * @return {@code es} itself when every sampling variance is positive, otherwise the studies with a
     *         positive variance, with a note for each one left out
     */
    public static EffectSizes weightable(EffectSizes es) {
        int k = es.size();
        int[] keep = new int[k];
        int m = 0;
        List<Note> notes = null;
        for (int i = 0; i < k; i++) {
            if (es.vi(i) > 0) {
                keep[m++] = i;
            } else {
                if (notes == null) {
                    notes = new ArrayList<>(es.notes());
                }
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.EXCLUDED,
                        "the sampling variance is 0, so the study cannot be weighted by inverse variance: left out"));
            }
        }
        if (notes == null) {
            return es;
        }
        if (m == 0) {
            throw InputException.of(es.input().source(), "no study has a positive sampling variance: nothing can be pooled");
        }
        EffectSizes sub = es.subset(java.util.Arrays.copyOf(keep, m));
        return new EffectSizes(sub.measure(), sub.study(), sub.lines(), sub.rows(), sub.yi(), sub.vi(), sub.input(), notes,
                sub.covariates());
    }

    /** Turns an intercept-only fit into a pooled result, adding the prediction interval. */
    static MetaResult fromFit(EffectSizes es, ModelFit fit) {
        MetaOptions o = fit.options();
        double est = fit.beta(0);
        double se = fit.se(0);
        double piLo = Double.NaN;
        double piHi = Double.NaN;
        double tau2 = fit.heterogeneity().tau2();
        if (o.model() == Model.RANDOM) {
            // metafor predict.rma: the same critical value as the CI, variance se² + tau².
            double crit = o.ciMethod() == CiMethod.KNHA ? Dist.tCrit(o.level(), fit.df()) : Dist.zCrit(o.level());
            double sp = Math.sqrt(se * se + tau2);
            piLo = est - crit * sp;
            piHi = est + crit * sp;
        }
        PooledEstimate pooled = new PooledEstimate(est, se, fit.ciLower(0), fit.ciUpper(0), fit.statistic(0),
                fit.df(), fit.p(0), piLo, piHi);
        List<Note> notes = new ArrayList<>(es.notes());
        Tau2Estimate t = fit.tau2();
        if (t != null && t.message() != null) {
            notes.add(new Note(0, null, t.converged() ? Note.Kind.INFO : Note.Kind.WARNING, t.message()));
        }
        if (o.ciMethod() == CiMethod.KNHA && fit.knhaScale() == 0) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the studies' estimates agree exactly, so the Hartung-Knapp "
                    + "variance factor is 0 (as in metafor) and the interval has no width: use Wald z intervals (interval method z)"));
        }
        if (o.model() == Model.FIXED && o.ciMethod() == CiMethod.KNHA) {
            notes.add(new Note(0, null, Note.Kind.INFO, "the Hartung-Knapp adjustment is meant for random-effects models"));
        }
        double[] w = fit.weightsView();
        double sw = 0;
        for (double wi : w) {
            sw += wi;
        }
        double[] pct = new double[w.length];
        for (int i = 0; i < pct.length; i++) {
            pct[i] = 100 * w[i] / sw;
        }
        String method = (o.model() == Model.FIXED ? "fixed-effect, inverse variance"
                : o.fixesTau2() ? "random-effects, tau² fixed at " + o.tau2Fixed()
                : "random-effects, " + o.tau2Method().label() + " (" + o.tau2Method().name() + ")") + o.weightingLabel();
        return new MetaResult(o, es, pct, pooled, fit.heterogeneity(), t, method, notes);
    }
}
