package org.strokemeta.study;

import java.util.ArrayList;
import java.util.SplittableRandom;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Studies;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.regression.MetaRegression;
import org.strokemeta.regression.Moderator;
import org.strokemeta.regression.PermutationResult;
import org.strokemeta.regression.PermutationTest;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.subgroup.SubgroupAnalysis;
import org.strokemeta.subgroup.SubgroupResult;

/**
 * Runs an aggregate-data meta-analysis request on a table: one analysis, or one per value of the
 * {@code by} column (many outcomes or many reviews in one file). In batch mode the file is checked
 * once, a group whose data cannot be analysed is reported with its reason and the other groups go
 * on; groups are analysed in parallel on the request's {@link MetaRequest#execution() execution} (the
 * library's pool unless the caller passes its own executor or asks for a single thread), and results
 * come back in order of first appearance, the same to the bit whatever the execution.
 */
public final class MetaRun {
    private MetaRun() {
    }

    /**
     * The analysis of one group.
     *
     * @param group   the value of the batch column, or null for a single analysis
     * @param effects the per-study effects (null when the group failed before they were computed)
     * @param result  the pooled result (null when the group failed)
     * @param subgroups   the subgroup analysis, or null when none was asked for
     * @param regression  the meta-regression, or null when no moderators were given
     * @param permutation the permutation test of the meta-regression, or null
     * @param error   why the group could not be analysed, or null
     * @param robust  cluster-robust inference on the model (the meta-regression when there is one), or null
     * @serial exclude
     */
    public record Outcome(String group, EffectSizes effects, MetaResult result, SubgroupResult subgroups,
                          RegressionResult regression, PermutationResult permutation, String error,
                          org.strokemeta.regression.RobustInference.Result robust) implements java.io.Serializable {
        /**
         * An outcome without cluster-robust inference.
         *
         * @param group the value of the batch column, or null for a single analysis
         * @param effects the per-study effects
         * @param result the pooled result
         * @param subgroups the subgroup analysis, or null
         * @param regression the meta-regression, or null
         * @param permutation the permutation test, or null
         * @param error why the group could not be analysed, or null
         */
        public Outcome(String group, EffectSizes effects, MetaResult result, SubgroupResult subgroups,
                       RegressionResult regression, PermutationResult permutation, String error) {
            this(group, effects, result, subgroups, regression, permutation, error, null);
        }

        static Outcome failure(String group, String error) {
            return new Outcome(group, null, null, null, null, null, error);
        }

        /**
         * Whether the group could not be analysed.
         *
         * @return true when {@code error} is set
         */
        public boolean failed() {
            return error != null;
        }

        /**
         * True when every fit of this outcome converged (false also for a failed group).
         *
         * @return whether every fit converged
         */
        public boolean valid() {
            return !failed() && result.converged() && (regression == null || regression.converged())
                    && (subgroups == null || subgroups.groups().stream().allMatch(g -> g.result().converged()));
        }
    }

    /**
     * Runs the request; input errors of a single analysis propagate as {@link InputException}. The groups
     * of a batch run on {@code r.execution()}; a single analysis runs in the calling thread.
     *
     * @param t the table
     * @param r the request
     * @return one outcome per analysis: one, or one per value of {@code by} in order of first appearance
     * @throws InputException if the single analysis, or the whole file of a batch, cannot be analysed
     */
    public static List<Outcome> run(Table t, MetaRequest r) {
        if (r.by() == null) {
            return List.of(analyse(null, t, r));
        }
        // The whole file is read and checked once (a bad cell stops the run with its line and column);
        // each group is then analysed on its own, in parallel, and a group that cannot be analysed
        // is reported with its reason while the others go on.
        Measure m = StudyInput.measureFor(t, r);
        StudyInput.checkMethod(t.source(), m, r);
        Studies all = StudyInput.studies(t, m, r, false);
        DataColumns covariates = StudyInput.covariates(t, m, r);
        Map<String, int[]> groups = t.groupBy(r.by());
        String[] names = groups.keySet().toArray(new String[0]);
        int[][] rows = groups.values().toArray(new int[0][]);
        Outcome[] out = new Outcome[names.length];
        r.execution().forEach(names.length, g -> {
            try {
                EffectSizes es = StudyInput.withCovariates(StudyInput.effects(all.subset(rows[g]), m, r),
                        covariates.names().isEmpty() ? covariates : covariates.subset(rows[g]));
                out[g] = analyse(names[g], es, r);
            } catch (InputException | IllegalArgumentException e) {
                out[g] = Outcome.failure(names[g], e.getMessage());
            }
        });
        return List.of(out);
    }

    /**
     * Pools per-study effects already computed (from arrays, or by {@link StudyInput#effects}): the pooled
     * analysis of the request, in the calling thread. The effects fix the measure, so the request's
     * measure, continuity correction and reading of generic estimates are not used, except that a
     * request naming a measure must name one that gives the effects' (itself; OR for Peto odds ratios;
     * GEN for ratios read from generic estimates).
     *
     * @param es the per-study effects
     * @param r  the request; its {@code by} must be unset; its {@code subgroup} and {@code moderators} name
     *           covariates the effects carry ({@link EffectSizes#covariates()})
     * @return the outcome, with the subgroups, meta-regression and permutation test asked for
     * @throws IllegalArgumentException when the request sets {@code by} or names a measure other than the effects'
     * @throws InputException when the request's fixed-effect method cannot pool the effects' measure
     */
    public static Outcome run(EffectSizes es, MetaRequest r) {
        if (r.by() != null) {
            throw new IllegalArgumentException("by splits a table into analyses: analyse the table, not effects already computed");
        }
        Measure m = es.measure();
        // the measure a request names gives these effects: itself, Peto's OR under Peto pooling, ratios read from generic estimates
        boolean gives = r.measure() == null || r.measure() == m || (r.measure() == Measure.OR && m == Measure.PETO)
                || (r.measure() == Measure.GEN && m == Measure.RATIO);
        if (!gives) {
            throw new IllegalArgumentException("measure is " + r.measure() + " but the effects are " + m);
        }
        StudyInput.checkMethod(es.input() == null ? null : es.input().source(), m, r);
        return analyse(null, es, r);
    }

    static Outcome analyse(String group, Table t, MetaRequest r) {
        return analyse(group, StudyInput.effects(t, r), r);
    }

    /**
     * The pooled analysis of the effects, and the subgroup analysis and meta-regression asked for; the
     * subgroup and moderator columns are the effects' covariates.
     */
    static Outcome analyse(String group, EffectSizes es, MetaRequest r) {
        MetaResult res = MetaAnalysis.run(es, r.options(), r.tau2Ci());
        SubgroupResult sg = r.subgroup() == null ? null
                : SubgroupAnalysis.run(es, r.subgroup(), r.options(), r.subgroupTest());
        RegressionResult reg = null;
        PermutationResult perm = null;
        if (r.moderators().isEmpty() && r.permutations() != 0) {
            // without moderators: the sign-flip permutation test of the average effect (metafor permutest)
            if (r.options().model() == org.strokemeta.pool.Model.FIXED && r.options().fixedMethod() != org.strokemeta.pool.FixedMethod.IV) {
                throw new IllegalArgumentException("the permutation test refits an inverse-variance model: it does not apply to "
                        + r.options().fixedMethod().label() + " pooling");
            }
            perm = org.strokemeta.regression.InterceptPermutationTest.run(es, r.options(), r.permutations(), r.seed());
            if (r.permutationCi()) {
                perm = perm.withIntervals(new double[][] {org.strokemeta.regression.PermutationInterval.intercept(es, r.options())});
            }
        }
        if (!r.moderators().isEmpty()) {
            List<Moderator> mods = new ArrayList<>();
            for (String c : r.moderators()) {
                mods.add(Moderator.detect(es, c));
            }
            reg = MetaRegression.fit(es, mods, r.options());
            if (r.permutations() == MetaRequest.EXACT) {
                perm = PermutationTest.of(reg).exact();
            } else if (r.permutations() > 0) {
                perm = PermutationTest.of(reg).random(r.permutations(), new SplittableRandom(r.seed()));
            }
        }
        org.strokemeta.regression.RobustInference.Result robust = r.robust() == null ? null : robust(r, res, reg);
        return new Outcome(group, es, res, sg, reg, perm, null, robust);
    }

    /** Cluster-robust inference on the meta-regression, or on the model without moderators. */
    private static org.strokemeta.regression.RobustInference.Result robust(MetaRequest r, MetaResult res, RegressionResult reg) {
        org.strokemeta.pool.MetaOptions o = r.options();
        if (o.model() == org.strokemeta.pool.Model.FIXED && o.fixedMethod() != org.strokemeta.pool.FixedMethod.IV) {
            throw new IllegalArgumentException("cluster-robust inference refits an inverse-variance model: it does not apply to "
                    + o.fixedMethod().label() + " pooling");
        }
        EffectSizes used = reg != null ? reg.effects() : res.effects();
        org.strokemeta.pool.ModelFit fit = reg != null ? reg.fit() : org.strokemeta.pool.InverseVariance.fit(res.model(), o, false);
        String column = r.robust().cluster();
        String source = used.input() != null ? used.input().source() : used.covariates().source();
        if (!used.covariates().has(column)) {
            throw InputException.of(source, "there is no cluster column '" + column + "'");
        }
        String[] labels = new String[used.size()];
        for (int i = 0; i < labels.length; i++) {
            if (used.covariates().isBlank(column, i)) {
                throw new InputException(source, used.lines(i), used.covariates().name(column), "the cluster of " + used.study(i)
                        + " is blank: every effect needs its cluster");
            }
            labels[i] = used.covariates().text(column, i);
        }
        return org.strokemeta.regression.RobustInference.of(fit, labels, r.robust().method());
    }
}
