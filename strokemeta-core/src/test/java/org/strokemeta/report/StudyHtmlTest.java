package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.simulation.CohortSimulator;
import org.strokemeta.simulation.SimulationSpec;
import org.strokemeta.study.StudyReport;

class StudyHtmlTest {
    static StudyReport report;
    static String html;

    @BeforeAll
    static void render() {
        String csv = new String(CohortSimulator.simulate(SimulationSpec.hermes(), 21, 1), StandardCharsets.UTF_8)
                .replace("MR CLEAN", "<script>alert(1)</script> & co");
        StrokeCohort c = StrokeLoader.load(CsvReader.parse("evil.csv", csv));
        AnalysisPlan plan = AnalysisPlan.read("plan.json", """
                {"title": "Test <plan>", "covariates": ["age", "nihss"], "subgroups": [{"label": "Sex", "variable": "sex"}]}
                """.getBytes(StandardCharsets.UTF_8));
        report = StudyReport.run(c, plan, new StudyReport.Provenance("evil.csv", "abc", "plan.json", "def", "9.9", "2026-01-01T00:00:00Z",
                "strokemeta report"), null);
        html = StudyHtml.render(report);
    }

    @Test
    void every_section_and_figure_is_there_and_the_title_says_simulated() {
        assertThat(html).contains("<title>Test &lt;plan&gt; (simulated data)</title>");
        for (String id : new String[] {"baseline", "primary", "trials", "secondary", "subgroups", "m2", "time", "clinical", "methods",
                "provenance"}) {
            assertThat(html).as(id).contains("<section id=\"" + id + "\">");
        }
        // Grotta all, trials forest, subgroup forest, Grotta M2, M2 subdivisions, effect against time
        assertThat(html.split("<svg ", -1)).hasSize(7);
        assertThat(html).contains("class=\"time\"");
        assertThat(html).contains("class=\"grotta\"").contains("class=\"forest\"").contains("Simulated data: these patients were generated");
        assertThat(html).contains("<code>abc</code>").contains("strokemeta 9.9");
    }

    @Test
    void text_from_the_data_is_escaped() {
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co");
        assertThat(html).doesNotContain("<td>< 0.0001").contains("&lt; 0.0001");
    }

    @Test
    void the_numbers_in_the_page_are_the_reports() {
        var c = report.main().adjusted().effect();
        assertThat(html).contains(IpdReport.ratio(c.logCor(), c.ciLower(), c.ciUpper()));
        assertThat(StudyHtml.methods(report)).contains("adjusted for age, baseline NIHSS").contains("simulated data");
    }

    @Test
    void json_holds_every_section() throws Exception {
        JsonNode j = new ObjectMapper().readTree(JsonReport.write(StudyJson.json(report)));
        assertThat(j.path("schema").asText()).isEqualTo("strokemeta.report/1");
        assertThat(j.path("simulated").asBoolean()).isTrue();
        assertThat(j.path("primary").path("adjusted").path("log_cor").asDouble()).isEqualTo(report.main().adjusted().effect().logCor());
        assertThat(j.path("subgroups").get(0).path("levels")).hasSize(2);
        assertThat(j.path("m2").path("subdivisions")).hasSize(3);
        assertThat(j.path("time").path("minutes")).hasSize(8);
        assertThat(j.path("grotta").get(0).path("thrombectomy")).hasSize(7);
        assertThat(j.path("baseline").get(0).path("label").asText()).isEqualTo("Patients");
        assertThat(j.path("provenance").path("input_sha256").asText()).isEqualTo("abc");
    }
}
