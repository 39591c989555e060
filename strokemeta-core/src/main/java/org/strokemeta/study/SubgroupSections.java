package org.strokemeta.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;
import org.strokemeta.ipd.SubgroupInteraction;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.pool.Execution;

/**
 * The report's subgroup analyses: the patients grouped by a variable, the primary model in each
 * group, and the within-trial test of a difference between the groups ({@link SubgroupInteraction}).
 */
final class SubgroupSections {
    private SubgroupSections() {
    }

    /** Each patient's group for a subgroup variable (−1 when missing) and the groups' names. */
    record Grouping(int[] group, List<String> names) {
    }

    /** The patients of d grouped by a category field, a 0/1 covariate, or a numeric covariate cut at {@code cuts}. */
    static Grouping grouping(StrokeCohort c, PatientData d, String variable, List<Double> cuts) {
        StrokeField f = StrokeField.ofHeader(variable);
        int[] g = new int[d.size()];
        List<String> names = new ArrayList<>();
        if (f != null && f.type() == StrokeField.Type.CATEGORY) {
            int[] code = c.category(d, f);
            names.addAll(f.codeList());
            for (int i = 0; i < g.length; i++) {
                g[i] = code[i];
            }
        } else {
            double[] x = c.covariate(d, variable);
            if (cuts.isEmpty()) {
                names.add("no");
                names.add("yes");
                for (int i = 0; i < g.length; i++) {
                    double v = x[i];
                    g[i] = Double.isNaN(v) ? -1 : v == 1 ? 1 : 0;
                }
            } else {
                names.add("< " + plain(cuts.get(0)));
                for (int k = 1; k < cuts.size(); k++) {
                    names.add(plain(cuts.get(k - 1)) + " to < " + plain(cuts.get(k)));
                }
                names.add("≥ " + plain(cuts.get(cuts.size() - 1)));
                for (int i = 0; i < g.length; i++) {
                    double v = x[i];
                    if (Double.isNaN(v)) {
                        g[i] = -1;
                        continue;
                    }
                    int k = 0;
                    while (k < cuts.size() && v >= cuts.get(k)) {
                        k++;
                    }
                    g[i] = k;
                }
            }
        }
        return new Grouping(g, names);
    }

    private static String plain(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The adjustment covariates that describe a subgrouping variable (left out of its models). */
    static List<String> describing(String variable) {
        return switch (variable) {
            case "occlusion_site" -> List.of("ica", "m1", "m2");
            case "sex" -> List.of("female");
            default -> List.of(variable);
        };
    }

    /** The subgroup analysis of one variable: the primary model in each group and the interaction test. */
    static StudyReport.SubgroupResult subgroup(StrokeCohort c, PatientData d, AnalysisPlan plan, List<String> covariates, String label,
                                               String variable, List<Double> cuts, Execution execution) {
        Grouping g = grouping(c, d, variable, cuts);
        List<String> adjust = new ArrayList<>(covariates);
        adjust.removeAll(describing(variable));
        List<StudyReport.Level> levels = new ArrayList<>();
        for (int k = 0; k < g.names().size(); k++) {
            levels.add(level(d, g.group(), k, g.names().get(k), plan, adjust, execution));
        }
        PoOptions po = IpdAnalysis.po(StudyRun.request(plan, adjust, List.of(), execution), Thresholds.STRATIFIED);
        SubgroupInteraction.Result test = SubgroupInteraction.test(d, g.group(), g.names().size(), adjust, po);
        return new StudyReport.SubgroupResult(label, variable, levels, test);
    }

    /** The entry of a planned subgroup whose variable the data lack. */
    static StudyReport.SubgroupResult lacking(AnalysisPlan.Subgroup s) {
        return new StudyReport.SubgroupResult(s.label(), s.variable(), List.of(),
                new SubgroupInteraction.Result(Double.NaN, 0, Double.NaN, "the data have no " + s.variable() + " column"));
    }

    /** The primary model in one group's patients (covariates constant there left out). */
    private static StudyReport.Level level(PatientData d, int[] group, int k, String name, AnalysisPlan plan, List<String> adjust,
                                           Execution execution) {
        int[] keep = new int[d.size()];
        int m = 0;
        int nEvt = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == k) {
                keep[m++] = i;
                nEvt += d.treatment(i);
            }
        }
        if (m == 0) {
            return new StudyReport.Level(name, 0, 0, null, "no patient");
        }
        PatientData sub = d.select(Arrays.copyOf(keep, m), "other subgroup");
        List<String> cov = new ArrayList<>();
        for (String a : adjust) {
            double[] x = sub.covariate(a);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi > lo) {
                cov.add(a);
            }
        }
        try {
            IpdAnalysis.Shift s = IpdAnalysis.shift(sub.withCovariatesOnly(cov), StudyRun.request(plan, cov, List.of(), execution));
            if (!s.converged()) {
                return new StudyReport.Level(name, nEvt, m - nEvt, null, "not estimable: " + s.message());
            }
            return new StudyReport.Level(name, nEvt, m - nEvt, s.effect(), s.method());
        } catch (RuntimeException e) {
            // a group too small or without events is reported as not estimable, with the model's reason
            return new StudyReport.Level(name, nEvt, m - nEvt, null, "not estimable: " + e.getMessage());
        }
    }
}
