package org.strokemeta.subgroup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.DataColumns;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;

/**
 * Subgroup analysis: the studies are split by the value of one column, each subgroup is pooled on its
 * own ({@link MetaAnalysis#run}, as metafor::rma on the subset), and the subgroups are compared by the
 * chosen {@link SubgroupTest}.
 *
 * <p>Subgroups are reported in order of their first appearance in the data. A study with a blank
 * subgroup value is left out and reported. A subgroup of a single study is pooled as fixed effect
 * with a Wald z interval (its estimate and standard error are the study's own), since neither tau²
 * nor the Hartung-Knapp degrees of freedom can be estimated from one study; metafor::rma does the same
 * for k = 1 (tau² = 0, test = "z").
 */
public final class SubgroupAnalysis {
    private SubgroupAnalysis() {
    }

    /**
     * Subgroups defined by a covariate of the effects ({@link EffectSizes#covariates()}), for example
     * a column of the table the effects were computed from.
     *
     * @param es     the per-study effects, carrying the subgroup column
     * @param column the covariate holding each study's subgroup (its name in any case); a study with a
     *               blank value is left out with a note
     * @param o      the pooling options
     * @param test   the test for subgroup differences
     * @return the pooled result of each subgroup and the test for subgroup differences
     * @throws InputException naming the file when the effects carry no such column, or when no study has a value
     */
    public static SubgroupResult run(EffectSizes es, String column, MetaOptions o, SubgroupTest test) {
        DataColumns c = es.covariates();
        String name = c.name(column);
        return run(es, name, c.text(column), o, test);
    }

    /**
     * Subgroups given as one label per study.
     *
     * @param es     the per-study effects
     * @param column a name for the subgrouping (for reports)
     * @param labels the subgroup of each study of {@code es}; null or blank when unknown
     * @param o      the pooling options
     * @param test   the test for subgroup differences
     * @return each subgroup's pooled result and the test for subgroup differences
     * @throws IllegalArgumentException if there is not one label per study
     */
    public static SubgroupResult run(EffectSizes es, String column, String[] labels, MetaOptions o, SubgroupTest test) {
        if (labels.length != es.size()) {
            throw new IllegalArgumentException("one subgroup label per study is needed");
        }
        // As in pooling, a study with sampling variance 0 cannot be weighted: left out with a note.
        EffectSizes weightable = MetaAnalysis.weightable(es);
        if (weightable != es) {
            Map<Integer, String> byRow = new HashMap<>();
            for (int i = 0; i < es.size(); i++) {
                byRow.put(es.rows(i), labels[i]);
            }
            labels = new String[weightable.size()];
            for (int i = 0; i < labels.length; i++) {
                labels[i] = byRow.get(weightable.rows(i));
            }
            es = weightable;
        }
        List<Note> notes = new ArrayList<>(es.notes());
        Map<String, List<Integer>> members = new LinkedHashMap<>();
        List<Integer> withLabel = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
            String l = labels[i] == null ? "" : labels[i].trim();
            if (l.isEmpty()) {
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.EXCLUDED,
                        "left out of the subgroup analysis: no value in the column " + column));
                continue;
            }
            members.computeIfAbsent(l, x -> new ArrayList<>()).add(i);
            withLabel.add(i);
        }
        if (members.isEmpty()) {
            throw InputException.of(es.input() != null ? es.input().source() : es.covariates().source(), "no study has a value in the subgroup column " + column);
        }
        List<SubgroupResult.Group> groups = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : members.entrySet()) {
            int[] pos = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            boolean single = pos.length == 1;
            MetaOptions go = o;
            if (single) {
                go = o.withCi(CiMethod.Z);
                if (o.model() == Model.RANDOM) {
                    go = go.withModel(Model.FIXED).withFixedMethod(FixedMethod.IV);
                }
                notes.add(new Note(es.lines()[pos[0]], es.study()[pos[0]], Note.Kind.INFO, "subgroup " + e.getKey()
                        + " has a single study: it is taken as fixed effect with a Wald z interval"));
            }
            groups.add(new SubgroupResult.Group(e.getKey(), pos, MetaAnalysis.run(es.subset(pos), go), single));
        }
        BetweenTest between = null;
        if (groups.size() < 2) {
            notes.add(new Note(0, null, Note.Kind.INFO, "all studies are in one subgroup (" + groups.get(0).label()
                    + "): there is no test for subgroup differences"));
        } else {
            int[] pos = withLabel.stream().mapToInt(Integer::intValue).toArray();
            String[] usedLabels = new String[pos.length];
            for (int i = 0; i < pos.length; i++) {
                usedLabels[i] = labels[pos[i]].trim();
            }
            between = test.test(es.subset(pos), column, usedLabels, groups, o, notes);
        }
        return new SubgroupResult(column, o, groups, between, notes);
    }
}
