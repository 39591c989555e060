package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strokemeta report --published}: the published trials analysed by population, as a user runs it. */
class PublishedReportCommandTest {
    @TempDir
    Path dir;

    @Test
    void writes_the_html_and_json_report_with_the_m2_section_and_the_summary_of_findings() throws Exception {
        MainTest.Run r = MainTest.run("report", "--published", "--out-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Published evidence: 24 randomised trials in 5 populations")
                .contains("lvo-early    mRS 0-2: RR 1.50 [1.29, 1.75], 6 trials, certainty high (provisional: risk of bias not assessed)")
                .contains("strokemeta-published.html");
        String html = Files.readString(dir.resolve("strokemeta-published.html"));
        assertThat(html).contains("id=\"summary-of-findings\"").contains("id=\"m2\"").contains("Rules applied").contains("HERMES M2")
                .contains("DISTAL").contains("ESCAPE-MeVO").contains("nondominant or codominant M2").contains("Test for differences between populations")
                .contains("Grotta bars").contains("<svg");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("strokemeta-published.json").toFile());
        assertThat(json.path("schema").asText()).isEqualTo("strokemeta.published/1");
        assertThat(json.path("outcomes").size()).isEqualTo(5);
        assertThat(json.path("summary_of_findings").path("rows").size()).isEqualTo(20);
        assertThat(json.path("m2").get(0).path("trial").asText()).isEqualTo("HERMES M2");
        JsonNode m02 = json.path("outcomes").get(2);
        assertThat(m02.path("outcome").asText()).isEqualTo("mrs_0_2");
        assertThat(m02.path("populations").get(0).path("random_effects").path("k").asInt()).isEqualTo(6);
        for (JsonNode u : m02.path("used")) {
            assertThat(u.path("thrombectomy").path("source").asText()).isNotBlank();
            assertThat(u.path("control").path("confidence").asText()).isIn("primary", "secondary", "derived");
        }
    }

    @Test
    void a_panels_judgments_file_enters_the_summary_of_findings_and_a_wrong_one_names_its_line() throws Exception {
        Path j = dir.resolve("rob.csv");
        Files.writeString(j, "scope,outcome,domain,judgment,reason,source\nDISTAL,,risk_of_bias,low,,\nESCAPE-MeVO,,risk_of_bias,some_concerns,open label,\n"
                + "mevo,,indirectness,serious,M2 only a part,\n");
        MainTest.Run r = MainTest.run("report", "--published", "--judgments", j.toString(), "--out-dir", dir.toString(), "--name", "panel");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(dir.resolve("panel.json").toFile());
        JsonNode mevo = null;
        for (JsonNode row : json.path("summary_of_findings").path("rows")) {
            if (row.path("population").asText().equals("mevo") && row.path("outcome").asText().equals("mrs_0_2")) {
                mevo = row;
            }
        }
        assertThat(mevo).isNotNull();
        assertThat(mevo.path("provisional").asBoolean()).isFalse();
        assertThat(mevo.path("domains").get(2).path("judgment").asText()).isEqualTo("serious");
        Files.writeString(j, "scope,outcome,domain,judgment\nDISTAL,,risk_of_bias,unclear\n");
        MainTest.Run bad = MainTest.run("report", "--published", "--judgments", j.toString(), "--out-dir", dir.toString());
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("rob.csv").contains("line 2").contains("unknown risk of bias judgment 'unclear'");
    }

    @Test
    void patient_data_options_are_refused_with_published_and_published_options_need_it() {
        MainTest.Run r = MainTest.run("report", "--published", "--example", "hermes_sim", "--out-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--example gives patient data or a plan");
        MainTest.Run j = MainTest.run("report", "--judgments", "x.csv", "--out-dir", dir.toString());
        assertThat(j.code()).isEqualTo(2);
        assertThat(j.err()).contains("--judgments belongs to the report on the published trials: add --published");
        MainTest.Run ois = MainTest.run("report", "--published", "--ois-effect", "25", "--out-dir", dir.toString());
        assertThat(ois.code()).isEqualTo(2);
        assertThat(ois.err()).contains("--ois-effect must lie between 0 and 1");
    }

    @Test
    void adds_the_bayesian_and_trial_sequential_sections_when_asked() throws Exception {
        MainTest.Run r = MainTest.run("report", "--published", "--bayes", "turner", "--prob-above", "1,1.2", "--tsa", "--out-dir", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String html = Files.readString(dir.resolve("strokemeta-published.html"));
        assertThat(html).contains("id=\"bayes\"").contains("Bayesian random-effects analysis").contains("doi:10.1002/sim.6381")
                .contains("P(RR &gt; 1.2)").contains("id=\"tsa\"").contains("Trial sequential analysis")
                .contains("MR CLEAN (2015), EXTEND-IA (2015)").contains("relative risk increase 25%").doesNotContain("MRS 0-2");
        JsonNode json = new ObjectMapper().readTree(dir.resolve("strokemeta-published.json").toFile());
        assertThat(json.path("request").path("bayes").asBoolean()).isTrue();
        assertThat(json.path("request").path("sequential").asBoolean()).isTrue();
        JsonNode b = json.path("bayes").get(0);
        assertThat(b.path("outcome").asText()).isEqualTo("mrs_shift");
        assertThat(b.path("posterior").path("tau_prior").path("source").asText()).contains("Table IV");
        assertThat(b.path("posterior").path("exceedance").size()).isEqualTo(2);
        JsonNode t = json.path("sequential").get(0);
        assertThat(t.path("outcome").asText()).isEqualTo("mrs_0_2");
        assertThat(t.path("order").get(0).asText()).isEqualTo("MR CLEAN (2015)");
        assertThat(t.path("analysis").path("ris").isNumber()).isTrue();
    }

    @Test
    void the_bayesian_and_sequential_options_belong_to_the_published_report() {
        MainTest.Run r = MainTest.run("report", "--tsa", "--out-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--tsa belongs to the report on the published trials");
        MainTest.Run bad = MainTest.run("report", "--published", "--bayes", "half-normal", "--out-dir", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("lacks a number");
    }
}
