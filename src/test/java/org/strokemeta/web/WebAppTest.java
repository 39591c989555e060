package org.strokemeta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JSON API over HTTP, on a free loopback port. */
class WebAppTest {
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        app = WebApp.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    /** A multipart/form-data request; a value of type byte[] is sent as a file. */
    static HttpResponse<String> post(String path, Map<String, Object> fields) throws Exception {
        return post(HTTP, path, fields);
    }

    static HttpResponse<String> post(HttpClient client, String path, Map<String, Object> fields) throws Exception {
        String boundary = "----strokemeta" + UUID.randomUUID();
        StringBuilder b = new StringBuilder();
        for (var e : fields.entrySet()) {
            b.append("--").append(boundary).append("\r\n");
            if (e.getValue() instanceof byte[] bytes) {
                b.append("Content-Disposition: form-data; name=\"").append(e.getKey()).append("\"; filename=\"data.csv\"\r\n")
                        .append("Content-Type: text/csv\r\n\r\n").append(new String(bytes, StandardCharsets.UTF_8)).append("\r\n");
            } else {
                b.append("Content-Disposition: form-data; name=\"").append(e.getKey()).append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
            }
        }
        b.append("--").append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pooled(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("result").path("results").get(0).path("pooled").path("estimate").asDouble();
    }

    @Test
    void the_page_and_the_api_description_are_served() throws Exception {
        var page = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>strokemeta</title>").contains("/api/analyze");
        var api = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/openapi.yaml")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.body()).contains("openapi: 3.0.3").contains("/api/analyze");
    }

    @Test
    void analyses_a_bundled_data_set_with_the_chosen_estimator() throws Exception {
        var reml = post("/api/analyze", Map.of("example", "bcg", "tau2", "REML"));
        var dl = post("/api/analyze", Map.of("example", "bcg", "tau2", "DL"));
        assertThat(reml.statusCode()).isEqualTo(200);
        assertThat(pooled(reml)).isNotEqualTo(pooled(dl));
        JsonNode j = JSON.readTree(reml.body());
        assertThat(j.path("result").path("schema").asText()).isEqualTo("strokemeta.meta/1");
        assertThat(j.path("figures").path("forest").asText()).startsWith("<svg");
        var shift = JSON.readTree(post("/api/analyze", Map.of("example", "mrs_sim")).body());
        assertThat(shift.path("kind").asText()).isEqualTo("shift");
        assertThat(shift.path("figures").path("grotta").asText()).contains("class=\"grotta\"");
    }

    @Test
    void patient_level_data_give_the_adjusted_shift_and_binary_outcomes() throws Exception {
        JsonNode j = JSON.readTree(post("/api/analyze", Map.of("example", "ipd_sim", "covariates", "age,nihss")).body());
        assertThat(j.path("kind").asText()).isEqualTo("ipd");
        assertThat(j.path("result").path("adjusted").path("method").asText()).contains("stratified");
        assertThat(j.path("result").path("binary")).hasSize(3);
        JsonNode h = JSON.readTree(post("/api/analyze", Map.of("example", "hermes_sim", "covariates", "age,m2", "ipd_model", "mixed")).body());
        assertThat(h.path("result").path("adjusted").path("method").asText()).contains("mixed model");
        assertThat(h.path("result").path("source").asText()).contains("simulated data");
        assertThat(h.path("figures").path("grotta").asText()).contains("class=\"grotta\"");
    }

    @Test
    void bad_input_is_a_json_error_with_line_and_column_and_never_a_stack_trace() throws Exception {
        byte[] bad = "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,5,10,3,10\nB,12,8,4,9\n".getBytes(StandardCharsets.UTF_8);
        var r = post("/api/analyze", Map.of("file", bad));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("data.csv, line 3, column events_treat: events (12) exceed the total (8)");
        var none = post("/api/analyze", Map.of("tau2", "DL"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).doesNotContain("Exception").doesNotContain("at org.");
        var missing = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/etc/passwd")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(missing.body()).path("error").asText()).contains("no such page");
        var unknown = post("/api/analyze", Map.of("example", "../../etc/passwd"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("there is no bundled example");
    }

    @Test
    void an_upload_from_a_european_spreadsheet_is_read_with_a_note() throws Exception {
        byte[] semi = "study;yi;vi\r\nA;-0,8;0,12\r\nB;-0,3;0,2\r\n".getBytes(StandardCharsets.UTF_8);
        var r = post("/api/analyze", Map.of("file", semi, "model", "fixed"));
        assertThat(r.statusCode()).isEqualTo(200);
        // inverse-variance weights 1/0.12 and 1/0.2
        assertThat(pooled(r)).isCloseTo((-0.8 / 0.12 - 0.3 / 0.2) / (1 / 0.12 + 1 / 0.2), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(JSON.readTree(r.body()).path("result").path("results").get(0).path("notes").findValuesAsText("message"))
                .contains("semicolon-separated with decimal commas (such as -0,8 on line 2)");
    }

    @Test
    void a_wide_header_over_millions_of_blank_lines_is_answered_without_exhausting_memory() throws Exception {
        StringBuilder sb = new StringBuilder("study,yi,vi");
        for (int j = 4; j <= 2005; j++) {
            sb.append(",c").append(j);
        }
        sb.append('\n').append("\n".repeat(9_000_000));
        var r = post("/api/analyze", Map.of("file", sb.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).path("error").asText()).isEqualTo("data.csv: the file has a header but no data rows");
    }

    @Test
    void an_upload_too_large_is_refused_with_a_message() throws Exception {
        StringBuilder big = new StringBuilder("study,yi,vi\n");
        while (big.length() < WebApp.MAX_BYTES + 10) {
            big.append("Study name padded to take space in the file,0.1,0.02\n");
        }
        // its own client: the server closes a connection whose oversized body it does not read
        var r = post(HttpClient.newHttpClient(), "/api/analyze", Map.of("file", big.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("larger than 10 MB");
    }

    @Test
    void the_report_of_the_bundled_cohort_downloads_as_html() throws Exception {
        var r = post("/api/report", Map.of());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("strokemeta-report.html");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("(simulated data)");
    }

    @Test
    void concurrent_users_each_get_their_own_result() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Double[]>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String tau2 = i % 2 == 0 ? "REML" : "DL";
                futures.add(pool.submit(() -> new Double[] {tau2.equals("REML") ? 0.0 : 1.0, pooled(post("/api/analyze", Map.of("example", "bcg", "tau2", tau2)))}));
            }
            double reml = pooled(post("/api/analyze", Map.of("example", "bcg", "tau2", "REML")));
            double dl = pooled(post("/api/analyze", Map.of("example", "bcg", "tau2", "DL")));
            for (Future<Double[]> f : futures) {
                Double[] r = f.get();
                assertThat(r[1]).isEqualTo(r[0] == 0.0 ? reml : dl);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
