package org.strokemeta.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.subgroup.SubgroupAnalysis;
import org.strokemeta.subgroup.SubgroupResult;
import org.strokemeta.subgroup.SubgroupTest;

/**
 * The ordinal shift analysis of tabulated mRS distributions published per subgroup (for example by
 * occlusion site): each trial's common odds ratio within each subgroup (its own proportional-odds fit),
 * pooled per subgroup by the engine's meta-analysis, and the test for subgroup differences of
 * {@link SubgroupAnalysis} (as metafor does with the subgroups' log cORs and their variances).
 *
 * @param column    the subgrouping column
 * @param subgroups each subgroup's shift analysis, in order of first appearance
 * @param pooled    the subgroup analysis of the per-trial log cORs (pooled estimates and the test)
 * @param notes     trials left out and remarks
 */
public record ShiftSubgroups(String column, Map<String, ShiftAnalysis.Outcome> subgroups, SubgroupResult pooled, List<Note> notes) {
    /**
     * Copies the map and the notes.
     *
     * @param column the subgrouping column
     * @param subgroups each subgroup's shift analysis, in order of first appearance
     * @param pooled the subgroup analysis of the per-trial log cORs (pooled estimates and the test)
     * @param notes trials left out and remarks
     */
    public ShiftSubgroups {
        subgroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subgroups));
        notes = List.copyOf(notes);
    }

    /**
     * Runs the two-stage analysis within each value of {@code column}.
     *
     * @param t      the table of counts, one row per trial and arm, with the subgroup column
     * @param column the subgroup column
     * @param r      the request; must be two-stage
     * @param test   the test for subgroup differences
     * @return each subgroup's analysis and the subgroup analysis of the per-trial log common odds ratios
     * @throws InputException if the column is missing
     * @throws IllegalArgumentException if the request is not two-stage
     */
    public static ShiftSubgroups run(Table t, String column, ShiftRequest r, SubgroupTest test) {
        if (!t.has(column)) {
            throw InputException.of(t.source(), "the subgroup column '" + column + "' is missing");
        }
        if (!r.twoStage()) {
            throw new IllegalArgumentException("subgroups of tabulated data are analysed two-stage (per trial, then pooled)");
        }
        Map<String, int[]> groups = t.groupBy(column);
        Map<String, ShiftAnalysis.Outcome> out = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        List<Double> yi = new ArrayList<>();
        List<Double> vi = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (Map.Entry<String, int[]> g : groups.entrySet()) {
            ShiftAnalysis.Outcome o = ShiftAnalysis.run(OrdinalTableLoader.load(t.select(g.getValue())), r);
            out.put(g.getKey(), o);
            notes.addAll(o.notes());
            for (TrialEffect e : o.twoStage().trials()) {
                if (e.included()) {
                    names.add(e.study() + " (" + g.getKey() + ")");
                    lines.add(e.line());
                    yi.add(e.effect().logCor());
                    vi.add(e.effect().se() * e.effect().se());
                    labels.add(g.getKey());
                }
            }
        }
        int k = names.size();
        int[] l = new int[k];
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            l[i] = lines.get(i);
            y[i] = yi.get(i);
            v[i] = vi.get(i);
        }
        EffectSizes es = EffectCalculator.generic(new GenericStudies(t.source(), names.toArray(new String[0]), l, y, v, List.of()));
        SubgroupResult pooled = SubgroupAnalysis.run(es, t.headerName(column), labels.toArray(new String[0]), r.options(), test);
        return new ShiftSubgroups(t.headerName(column), out, pooled, notes);
    }
}
