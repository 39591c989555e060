package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.bayes.BayesMeta;
import org.strokemeta.bayes.BayesOptions;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.simulation.CohortSimulator;
import org.strokemeta.simulation.SimulationSpec;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedBayes;
import org.strokemeta.study.StudyReport;

/** The plan's optional Bayesian and trial sequential analyses of the trials' adjusted common odds ratios. */
class StudyBayesSequentialTest {
    static StrokeCohort cohort;
    static StudyReport report;

    private static AnalysisPlan plan(String json) {
        return AnalysisPlan.read("plan.json", json.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void run() {
        String csv = new String(CohortSimulator.simulate(SimulationSpec.hermes(), 7, 1), StandardCharsets.UTF_8);
        cohort = StrokeLoader.load(CsvReader.parse("sim.csv", csv));
        report = StudyReport.run(cohort, plan("""
                {"covariates": ["age", "nihss"], "subgroups": [], "m2_section": false,
                 "bayes": {"tau_prior": "turner", "prob_above": [1, 1.2]},
                 "tsa": {"cor": 1.5, "order": ["MR CLEAN", "ESCAPE", "EXTEND-IA", "SWIFT PRIME", "REVASCAT", "THRACE", "PISTE"]}}
                """), new StudyReport.Provenance("sim.csv", "", "plan.json", "", "test", "2026-01-01T00:00:00Z", "test"), null);
    }

    @Test
    void the_bayesian_analysis_is_that_of_the_two_stage_estimates_with_turners_prior() {
        EffectSizes es = report.main().twoStage().pooled().effects();
        var expected = BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(), new BayesOptions(MuPrior.FLAT,
                PublishedBayes.turnerPrior(PublishedAnalysis.SHIFT), 0.95, List.of(0.0, Math.log(1.2))));
        assertThat(report.bayes().mu()).isEqualTo(expected.mu());
        assertThat(report.bayes().exceedance()).containsExactly(expected.exceedance());
        assertThat(report.bayes().options().tauPrior().source()).contains("Table IV");
    }

    @Test
    void the_sequential_analysis_follows_the_plans_order_with_each_trials_patients() {
        var t = report.sequential();
        assertThat(t.studies()).containsExactly("MR CLEAN", "ESCAPE", "EXTEND-IA", "SWIFT PRIME", "REVASCAT", "THRACE", "PISTE");
        assertThat(t.information()[t.information().length - 1]).isEqualTo(report.main().data().patients());
        // the last z is that of the DerSimonian-Laird pooling of every trial
        EffectSizes es = report.main().twoStage().pooled().effects();
        var dl = org.strokemeta.pool.MetaAnalysis.run(es, org.strokemeta.pool.MetaOptions.defaults().withTau2(org.strokemeta.pool.Tau2Method.DL));
        assertThat(t.z()[t.z().length - 1]).isCloseTo(dl.pooled().estimate() / dl.pooled().se(), within(1e-9));
    }

    @Test
    void the_html_and_json_carry_both() throws Exception {
        String html = StudyHtml.render(report);
        assertThat(html).contains("id=\"bayes\"").contains("id=\"tsa\"").contains("P(common OR &gt; 1.2 | data)")
                .contains("anticipated common odds ratio 1.5").contains("class=\"tsa\"");
        JsonNode j = new ObjectMapper().readTree(JsonReport.write(StudyJson.json(report)));
        assertThat(j.path("bayes").path("exceedance")).hasSize(2);
        assertThat(j.path("tsa").path("ris").asDouble()).isEqualTo(report.sequential().ris());
    }

    @Test
    void a_plan_without_them_has_neither() {
        assertThat(AnalysisPlan.hermes().bayes()).isNull();
        assertThat(AnalysisPlan.hermes().sequential()).isNull();
    }

    @Test
    void plan_errors_name_the_key() {
        assertThatThrownBy(() -> plan("{\"tsa\": {\"power\": 0.9}}")).isInstanceOf(InputException.class).hasMessageContaining("tsa needs cor");
        assertThatThrownBy(() -> plan("{\"tsa\": {\"cor\": 1.5, \"spend\": \"obf\"}}")).hasMessageContaining("unknown key 'spend'");
        assertThatThrownBy(() -> plan("{\"tsa\": {\"cor\": 1.5, \"heterogeneity\": \"I2\"}}")).hasMessageContaining("I²");
        assertThatThrownBy(() -> plan("{\"bayes\": {\"tau_prior\": \"gamma:1\"}}")).hasMessageContaining("the plan's bayes").hasMessageContaining("unknown tau prior");
        assertThatThrownBy(() -> plan("{\"bayes\": {\"prob_above\": [\"x\"]}}")).hasMessageContaining("prob_above");
        AnalysisPlan wrongOrder = plan("{\"covariates\": [], \"subgroups\": [], \"m2_section\": false, \"tsa\": {\"cor\": 1.5, \"order\": [\"MR CLEAN\"]}}");
        assertThatThrownBy(() -> StudyReport.run(cohort, wrongOrder, null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("tsa.order must name each analysed trial once").hasMessageContaining("missing: ");
    }
}
