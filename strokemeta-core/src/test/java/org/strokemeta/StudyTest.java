package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.pool.Execution;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.StudyReport;

/** {@link Study} gives the report of {@link StudyReport#run}. */
class StudyTest {
    private static final StudyReport.Provenance PROVENANCE = new StudyReport.Provenance("hermes_sim", "", "plan", "", "test",
            "2026-01-01T00:00:00Z", "test");

    /** The HERMES plan without subgroups and M2 section: the primary and secondary outcomes only. */
    private static AnalysisPlan plan() {
        AnalysisPlan h = AnalysisPlan.hermes();
        return new AnalysisPlan(h.title(), h.covariates(), h.randomEffects(), h.nAGQ(), h.merge(), h.binary(), h.binaryModel(),
                h.tau2(), h.ci(), List.of(), false, h.level(), h.skipMissing());
    }

    @Test
    void report_of_a_table_equals_study_report_run() {
        Table t = Examples.table(Examples.get("hermes_sim"));
        StrokeCohort cohort = StrokeLoader.load(t);
        StudyReport engine = StudyReport.run(cohort, plan(), PROVENANCE, null, Execution.defaults());
        StudyReport api = Study.report(t, plan(), PROVENANCE);
        assertThat(api.main().primary()).isEqualTo(engine.main().primary());
        assertThat(api.main().binary()).isEqualTo(engine.main().binary());
        assertThat(api.main().binary()).extracting(b -> b.result().event()).containsExactly("mRS 0-2", "mRS 0-1", "death (mRS 6)", "sich");
        assertThat(Study.missing(cohort, plan())).isEqualTo(StudyReport.missing(cohort, plan())).isEmpty();
    }
}
