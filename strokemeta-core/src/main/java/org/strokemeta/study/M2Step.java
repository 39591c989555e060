package org.strokemeta.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;
import org.strokemeta.pool.Execution;

/** The report's M2 section: the analyses in M2-segment occlusions and their subdivisions (Menon et al. 2019). */
final class M2Step {
    private M2Step() {
    }

    /** The M2 section, or null when no analysed patient has an M2 occlusion. */
    static StudyReport.M2Section of(StrokeCohort c, PatientData d, AnalysisPlan plan, List<String> covariates, Execution execution) {
        double[] m2 = c.covariate(d, "m2");
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (m2[i] == 1) {
                keep[n++] = i;
            }
        }
        if (n == 0) {
            return null;
        }
        PatientData sub = d.select(Arrays.copyOf(keep, n), "not an M2 occlusion");
        List<String> cov = new ArrayList<>(covariates);
        cov.removeAll(SubgroupSections.describing("occlusion_site"));
        sub = sub.withCovariatesOnly(cov);
        IpdAnalysis.Outcome a;
        try {
            a = IpdAnalysis.run(sub, StudyRun.outcomeColumns(c, sub, plan),
                    StudyRun.request(plan, cov, PlanVariables.binaryOutcomes(c, plan), execution));
        } catch (InputException | IllegalArgumentException | ArithmeticException e) {
            return new StudyReport.M2Section(null, List.of(), e.getMessage());
        }
        List<StudyReport.SubgroupResult> parts = new ArrayList<>();
        for (StrokeField f : List.of(StrokeField.M2_SEGMENT, StrokeField.M2_DIVISION, StrokeField.M2_DOMINANCE)) {
            if (c.has(f)) {
                String label = switch (f) {
                    case M2_SEGMENT -> "M2 segment";
                    case M2_DIVISION -> "M2 division";
                    default -> "M2 branch dominance";
                };
                parts.add(SubgroupSections.subgroup(c, sub, plan, cov, label, f.column(), List.of(), execution));
            }
        }
        return new StudyReport.M2Section(a, parts, null);
    }
}
