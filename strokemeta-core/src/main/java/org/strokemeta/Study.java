package org.strokemeta;

import java.util.List;
import java.util.function.Consumer;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.pool.Execution;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.StudyReport;

/**
 * The pooled analysis of patient-level thrombectomy trial data under a pre-specified plan, as HERMES
 * reported it: baseline table, the primary shift analysis (mixed proportional-odds model adjusted for
 * prognostic covariates), binary outcomes, subgroups with their interaction tests, M2 occlusions and the
 * effect against time, gathered in one {@link StudyReport} that {@link org.strokemeta.report.StudyHtml}
 * renders as HTML and {@link org.strokemeta.report.StudyJson} as JSON.
 *
 * <pre>{@code
 * Table patients = Examples.table(Examples.get("hermes_sim"));
 * StudyReport r = Study.report(patients, AnalysisPlan.hermes(), provenance);
 * }</pre>
 */
public final class Study {
    private Study() {
    }

    /**
     * Reads patient data in the columns of the data dictionary ({@link StrokeLoader}) and runs the plan
     * on them, the models' parallel parts on the library's pool.
     *
     * @param patients   the table, one row per patient
     * @param plan       the analysis plan ({@link AnalysisPlan#hermes()} for HERMES')
     * @param provenance what the report says of its input, plan, version and time
     * @return the report
     * @throws org.strokemeta.data.InputException when the data have an error, or lack what the plan names and
     *                                            the plan does not allow leaving it out
     */
    public static StudyReport report(Table patients, AnalysisPlan plan, StudyReport.Provenance provenance) {
        return report(StrokeLoader.load(patients), plan, provenance, null, Execution.defaults());
    }

    /**
     * Runs the plan on a cohort, the models' parallel parts on the library's pool.
     *
     * @param cohort     the patients, read by {@link StrokeLoader#load(Table)}
     * @param plan       the analysis plan
     * @param provenance what the report says of its input, plan, version and time
     * @return the report
     * @throws org.strokemeta.data.InputException when the data lack what the plan names and the plan does not
     *                                            allow leaving it out
     */
    public static StudyReport report(StrokeCohort cohort, AnalysisPlan plan, StudyReport.Provenance provenance) {
        return report(cohort, plan, provenance, null, Execution.defaults());
    }

    /**
     * Runs the plan on a cohort, telling each step as it starts.
     *
     * @param cohort     the patients
     * @param plan       the analysis plan
     * @param provenance what the report says of its input, plan, version and time
     * @param progress   told the name of each step as it starts (for a progress bar); may be null
     * @param execution  where the parallel parts of the models run; the numbers do not depend on it
     * @return the report
     * @throws org.strokemeta.data.InputException when the data lack what the plan names and the plan does not
     *                                            allow leaving it out
     */
    public static StudyReport report(StrokeCohort cohort, AnalysisPlan plan, StudyReport.Provenance provenance,
                                     Consumer<String> progress, Execution execution) {
        return StudyReport.run(cohort, plan, provenance, progress, execution);
    }

    /**
     * Everything the plan names that the data lack, in plan order (covariates, outcomes, subgroup
     * variables), each with the closest name the data have: what a front end shows before it runs.
     *
     * @param cohort the patients
     * @param plan   the analysis plan
     * @return the missing variables; empty when the data have all
     */
    public static List<StudyReport.MissingVariable> missing(StrokeCohort cohort, AnalysisPlan plan) {
        return StudyReport.missing(cohort, plan);
    }
}
