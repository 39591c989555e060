package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaResult;

/**
 * Runs an aggregate-data meta-analysis request on a table: one analysis, or one per value of the
 * {@code by} column (many outcomes or many reviews in one file). In batch mode a group whose data
 * cannot be analysed is reported with its reason and the other groups go on.
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
     * @param error   why the group could not be analysed, or null
     */
    public record Outcome(String group, EffectSizes effects, MetaResult result, String error) {
        public boolean failed() {
            return error != null;
        }
    }

    /** Runs the request; input errors of a single analysis propagate as {@link InputException}. */
    public static List<Outcome> run(Table t, MetaRequest r) {
        if (r.by() == null) {
            return List.of(analyse(null, t, r));
        }
        Map<String, int[]> groups = t.groupBy(r.by());
        List<Outcome> out = new ArrayList<>(groups.size());
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            try {
                out.add(analyse(g.getKey(), t.select(g.getValue()), r));
            } catch (InputException | IllegalArgumentException e) {
                out.add(new Outcome(g.getKey(), null, null, e.getMessage()));
            }
        }
        return out;
    }

    static Outcome analyse(String group, Table t, MetaRequest r) {
        EffectSizes es = StudyInput.effects(t, r);
        MetaResult res = MetaAnalysis.run(es, r.options(), r.tau2Ci());
        return new Outcome(group, es, res, null);
    }
}
