package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;
import org.strokemeta.data.Suggestion;

/** Which of the plan's covariates, outcomes and subgroup variables the data have. */
final class PlanVariables {
    private PlanVariables() {
    }

    /** Everything the plan names that the data lack, in plan order: covariates, outcomes, subgroup variables. */
    static List<StudyReport.MissingVariable> missing(StrokeCohort cohort, AnalysisPlan plan) {
        List<String[]> lacking = new ArrayList<>();
        List<String> have = available(cohort, plan.covariates());
        for (String c : plan.covariates()) {
            if (!have.contains(c)) {
                lacking.add(new String[] {"covariate", c});
            }
        }
        List<String> outcomes = binaryOutcomes(cohort, plan);
        for (String b : plan.binary()) {
            if (!outcomes.contains(b)) {
                lacking.add(new String[] {"outcome", b});
            }
        }
        for (AnalysisPlan.Subgroup g : plan.subgroups()) {
            if (!hasVariable(cohort, g.variable())) {
                lacking.add(new String[] {"subgroup variable", g.variable()});
            }
        }
        if (lacking.isEmpty()) {
            return List.of();
        }
        // suggestions among the names these data do have
        List<String> known = new ArrayList<>(available(cohort, StrokeCohort.DERIVED));
        for (StrokeField f : StrokeField.values()) {
            if (cohort.has(f)) {
                known.add(f.column());
            }
        }
        known.addAll(cohort.extraColumns());
        List<StudyReport.MissingVariable> out = new ArrayList<>();
        for (String[] l : lacking) {
            out.add(new StudyReport.MissingVariable(l[0], l[1], Suggestion.closest(l[1], known, 2)));
        }
        return out;
    }

    /** The plan's variables the data lack, as one sentence. */
    static String describe(List<StudyReport.MissingVariable> lacking) {
        return "the plan names " + (lacking.size() == 1 ? "a variable" : lacking.size() + " variables") + " the data lack: "
                + String.join(", ", lacking.stream().map(StudyReport.MissingVariable::describe).toList());
    }

    /** The wanted covariates that the data have, in the order wanted. */
    static List<String> available(StrokeCohort c, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            if (c.hasCovariate(w)) {
                out.add(w);
            }
        }
        return out;
    }

    /** True when the data have the subgrouping variable (a dictionary field, a derived covariate or a further column). */
    static boolean hasVariable(StrokeCohort c, String variable) {
        StrokeField f = StrokeField.ofHeader(variable);
        if (f != null && f.type() == StrokeField.Type.CATEGORY) {
            return c.has(f);
        }
        return c.hasCovariate(variable);
    }

    /** True for the binary outcomes made from the mRS itself (mRS cut-offs such as 0-2, and death). */
    static boolean fromMrs(String outcome) {
        return outcome.matches("0-\\d+") || outcome.equalsIgnoreCase("death");
    }

    /** The plan's binary outcomes the data have (mRS cut-offs and death always; others when their column is there). */
    static List<String> binaryOutcomes(StrokeCohort c, AnalysisPlan plan) {
        List<String> out = new ArrayList<>();
        for (String b : plan.binary()) {
            if (fromMrs(b) || hasVariable(c, b)) {
                out.add(b);
            }
        }
        return out;
    }
}
