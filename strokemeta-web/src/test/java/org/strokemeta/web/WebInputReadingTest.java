package org.strokemeta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The web application reads what users upload as the command line does: scale, outcome direction, planned variables. */
class WebInputReadingTest {
    @BeforeAll
    static void start() {
        WebAppTest.start();
    }

    @AfterAll
    static void stop() {
        WebAppTest.stop();
    }

    @Test
    void the_bundled_odds_ratios_and_an_upload_of_ratios_with_intervals_are_pooled_on_the_log_scale() throws Exception {
        // metafor 3.8.1: rma(yi, vi, method = "REML") on the log odds ratios (validation/cases/pw_hackshaw_gen_reml.json)
        double metafor = 0.218889231608985;
        JsonNode bundled = WebAppTest.JSON.readTree(WebAppTest.post("/api/analyze", Map.of("example", "hackshaw")).body()).path("result")
                .path("results").get(0);
        assertThat(bundled.path("scale").asText()).isEqualTo("log");
        assertThat(bundled.path("pooled").path("estimate").asDouble()).isCloseTo(metafor, within(1e-7));
        byte[] csv;
        try (var in = getClass().getClassLoader().getResourceAsStream("org/strokemeta/examples/hackshaw.csv")) {
            csv = in.readAllBytes();
        }
        var up = WebAppTest.post("/api/analyze", Map.of("file", csv));
        assertThat(up.statusCode()).isEqualTo(200);
        JsonNode r = WebAppTest.JSON.readTree(up.body()).path("result").path("results").get(0);
        assertThat(r.path("pooled").path("estimate").asDouble()).isCloseTo(metafor, within(1e-7));
        assertThat(r.path("notes").toString()).contains("estimates read as ratios");
        JsonNode absolute = WebAppTest.JSON.readTree(WebAppTest.post("/api/analyze", Map.of("file", csv, "scale", "absolute")).body());
        assertThat(absolute.path("result").path("results").get(0).path("scale").asText()).isEqualTo("identity");
        assertThat(WebAppTest.error(WebAppTest.post("/api/analyze", Map.of("file", csv, "scale", "log10")))).startsWith("scale must be one of auto");
    }

    @Test
    void the_forest_plot_says_which_side_favours_treatment_only_when_the_outcome_is_stated() throws Exception {
        JsonNode plain = WebAppTest.JSON.readTree(WebAppTest.post("/api/analyze", Map.of("example", "bcg")).body());
        assertThat(plain.path("figures").path("forest").asText()).doesNotContain("favours");
        JsonNode harmful = WebAppTest.JSON.readTree(WebAppTest.post("/api/analyze", Map.of("example", "bcg", "outcome", "harmful")).body());
        assertThat(harmful.path("figures").path("forest").asText()).contains("← favours treatment").contains("favours control →");
        JsonNode shift = WebAppTest.JSON.readTree(WebAppTest.post("/api/analyze", Map.of("example", "mrs_sim")).body());
        assertThat(shift.path("figures").path("forest").asText()).contains("favours treatment →");
    }

    @Test
    void a_report_on_data_that_lack_planned_variables_needs_the_users_consent() throws Exception {
        StringBuilder csv = new StringBuilder("trial,arm,age,mrs90\n");
        for (int i = 0; i < 120; i++) {
            csv.append("T").append(i % 3).append(',').append(i % 2 == 0 ? "evt" : "control").append(',').append(50 + i % 30).append(',')
                    .append(i % 7).append('\n');
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        var refused = WebAppTest.post("/api/report", Map.of("file", data));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(WebAppTest.error(refused)).contains("covariate 'nihss'").contains("skip_missing");
        var allowed = WebAppTest.post("/api/report", Map.of("file", data, "skip_missing", "true"));
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).contains("Departure from the plan");
    }
}
