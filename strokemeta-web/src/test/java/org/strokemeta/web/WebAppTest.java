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
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.util.function.Consumer<String> text = x -> b.writeBytes(x.getBytes(StandardCharsets.UTF_8));
        for (var e : fields.entrySet()) {
            text.accept("--" + boundary + "\r\n");
            // a file: its bytes (named data.csv), or {name, bytes}
            Object v = e.getValue();
            if (v instanceof byte[] || v instanceof Object[]) {
                String name = v instanceof Object[] a ? (String) a[0] : "data.csv";
                byte[] bytes = v instanceof Object[] a ? (byte[]) a[1] : (byte[]) v;
                text.accept("Content-Disposition: form-data; name=\"" + e.getKey() + "\"; filename=\"" + name + "\"\r\n"
                        + "Content-Type: " + (name.endsWith(".csv") ? "text/csv" : "application/octet-stream") + "\r\n\r\n");
                b.writeBytes(bytes);
                text.accept("\r\n");
            } else {
                text.accept("Content-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + v + "\r\n");
            }
        }
        text.accept("--" + boundary + "--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofSeconds(90)) // a hang guard
                .POST(HttpRequest.BodyPublishers.ofByteArray(b.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pooled(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("result").path("results").get(0).path("pooled").path("estimate").asDouble();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body of text fields, with its boundary. */
    static String[] multipart(Map<String, String> fields) {
        String boundary = "----strokemeta" + UUID.randomUUID();
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(k)
                .append("\"\r\n\r\n").append(v).append("\r\n"));
        return new String[] {boundary, b.append("--").append(boundary).append("--\r\n").toString()};
    }

    /** A POST of a raw body with extra headers (Origin, Sec-Fetch-Site...). */
    static HttpResponse<String> postRaw(String path, String contentType, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * One request written on a socket as given (the HTTP client cannot send a foreign Host header), the
     * answer read until the server closes: status line, headers and body.
     */
    static String raw(int port, String request) throws Exception {
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("error").asText();
    }

    @Test
    void the_page_and_the_api_description_are_served() throws Exception {
        var page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>strokemeta</title>").contains("<script src=\"/app.js\"></script>");
        var js = get("/app.js");
        assertThat(js.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(js.body()).contains("/api/analyze");
        assertThat(get("/app.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        var api = get("/openapi.yaml");
        assertThat(api.body()).contains("openapi: 3.0.3").contains("/api/analyze");
        assertThat(api.body()).isEqualTo(java.nio.file.Files.readString(java.nio.file.Path.of("docs/openapi.yaml")));
    }

    @Test
    void every_response_carries_the_security_headers_and_the_page_has_no_inline_script_or_style() throws Exception {
        List<HttpResponse<String>> answers = List.of(get("/"), get("/app.js"), get("/api/version"), get("/no/such/page"),
                post("/api/analyze", Map.of("example", "bcg")), post("/api/analyze", Map.of("tau2", "DL")));
        for (var r : answers) {
            var h = r.headers();
            assertThat(h.firstValue("X-Content-Type-Options")).as(r.uri() + " " + r.statusCode()).hasValue("nosniff");
            assertThat(h.firstValue("X-Frame-Options")).as(r.uri().toString()).hasValue("DENY");
            assertThat(h.firstValue("Referrer-Policy")).as(r.uri().toString()).hasValue("no-referrer");
            assertThat(h.firstValue("Content-Security-Policy").orElse("")).as(r.uri().toString())
                    .contains("default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        }
        String page = answers.get(0).body();
        assertThat(page).doesNotContain("<style").doesNotContain(" style=").doesNotContain("<script>")
                .doesNotContainPattern("\\son[a-z]+=");
    }

    @Test
    void a_post_from_another_web_page_is_refused_and_one_from_the_page_itself_is_answered() throws Exception {
        String[] form = multipart(Map.of("example", "bcg"));
        String type = "multipart/form-data; boundary=" + form[0];
        var foreign = postRaw("/api/analyze", type, form[1], "Origin", "http://evil.example");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(error(foreign)).contains("other web pages").contains("evil.example");
        var otherPort = postRaw("/api/analyze", type, form[1], "Origin", "http://127.0.0.1:1");
        assertThat(otherPort.statusCode()).isEqualTo(403);
        var nullOrigin = postRaw("/api/report", type, form[1], "Origin", "null");
        assertThat(nullOrigin.statusCode()).isEqualTo(403);
        var crossSite = postRaw("/api/analyze", type, form[1], "Sec-Fetch-Site", "cross-site");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(error(crossSite)).contains("Sec-Fetch-Site");
        var sameSiteOtherPort = postRaw("/api/analyze", type, form[1], "Sec-Fetch-Site", "same-site");
        assertThat(sameSiteOtherPort.statusCode()).isEqualTo(403);
        var page = postRaw("/api/analyze", type, form[1], "Origin", base, "Sec-Fetch-Site", "same-origin");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(pooled(page)).isNotNaN();
    }

    @Test
    void a_request_for_another_host_name_is_refused() throws Exception {
        int port = app.port();
        String rebound = raw(port, "GET /api/version HTTP/1.1\r\nHost: attacker.example:" + port + "\r\nConnection: close\r\n\r\n");
        assertThat(rebound).startsWith("HTTP/1.1 403").contains("is not this server's").contains("X-Frame-Options: DENY");
        String wrongPort = raw(port, "GET /api/version HTTP/1.1\r\nHost: 127.0.0.1:1\r\nConnection: close\r\n\r\n");
        assertThat(wrongPort).startsWith("HTTP/1.1 403");
        String post = raw(port, "POST /api/analyze HTTP/1.1\r\nHost: evil.example\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 11\r\nConnection: close\r\n\r\nexample=bcg");
        assertThat(post).startsWith("HTTP/1.1 403");
        for (String host : List.of("localhost:" + port, "127.0.0.1:" + port, "LOCALHOST:" + port)) {
            assertThat(raw(port, "GET /api/version HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")).as(host)
                    .startsWith("HTTP/1.1 200").contains("\"version\"");
        }
    }

    @Test
    void a_wrong_field_value_is_a_sentence_naming_the_field_and_its_values() throws Exception {
        var level = post("/api/analyze", Map.of("example", "bcg", "level", "abc"));
        assertThat(level.statusCode()).isEqualTo(400);
        assertThat(error(level)).isEqualTo("level must be a number between 0 and 1 (for example 0.95), got 'abc'");
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "level", "1.5")))).startsWith("level must be a number between 0 and 1");
        var tau2 = post("/api/analyze", Map.of("example", "bcg", "tau2", "XYZ"));
        assertThat(tau2.statusCode()).isEqualTo(400);
        assertThat(error(tau2)).isEqualTo("tau2 must be one of REML, DL, ML, PM, PMM, SJ, HE, HS, HSk, EB, DLIT, SJIT, GENQ, GENQM, got 'XYZ'");
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "ipd_model", "x")))).startsWith("ipd_model must be one of stratified");
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "sort", "x")))).startsWith("sort must be one of none");
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "measure", "x")))).startsWith("measure must be one of OR");
        var unknown = post("/api/analyze", Map.of("example", "bcg", "tau", "DL"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(error(unknown)).startsWith("unknown field 'tau' (the fields are file, example,");
        var json = postRaw("/api/analyze", "application/json", "{\"example\": \"bcg\"}");
        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(error(json)).contains("multipart/form-data");
    }

    @Test
    void too_many_fields_and_a_malformed_form_are_client_errors_with_a_sentence() throws Exception {
        Map<String, String> many = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            many.put("f" + i, "x");
        }
        String[] form = multipart(many);
        var tooMany = postRaw("/api/analyze", "multipart/form-data; boundary=" + form[0], form[1]);
        assertThat(tooMany.statusCode()).isEqualTo(413);
        assertThat(error(tooMany)).isEqualTo("the form has more than " + Form.MAX_FIELDS + " fields");
        for (String body : List.of("--XYZ\r\nContent-Disposition: form-data; name=\"example\"\r\n\r\nbcg", "garbage",
                "--XYZ\r\nContent-Disposition: form-data; name=\"example\"\r\n")) {
            var bad = postRaw("/api/analyze", "multipart/form-data; boundary=XYZ", body);
            assertThat(bad.statusCode()).as(body).isEqualTo(400);
            assertThat(error(bad)).as(body).startsWith("the request is not a well-formed form");
        }
        var noBoundary = postRaw("/api/report", "multipart/form-data", "garbage");
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(noBoundary.body()).doesNotContain("Exception");
    }

    @Test
    void a_file_with_too_many_rows_is_refused_with_a_message_about_rows() throws Exception {
        StringBuilder rows = new StringBuilder("study,yi,vi\n");
        for (int i = 0; i <= WebApp.MAX_ROWS; i++) {
            rows.append("S,0.1,0.02\n");
        }
        var r = post("/api/analyze", Map.of("file", rows.toString().getBytes(StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(error(r)).isEqualTo("the file has 200,001 data rows, more than the 200,000 rows the web application takes; "
                + "use the command line for more");
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
        // influence diagnostics and the Baujat plot, under the same estimator
        assertThat(j.path("influence").path("schema").asText()).isEqualTo("strokemeta.influence/1");
        assertThat(j.path("influence").path("studies").size()).isEqualTo(13);
        assertThat(j.path("figures").path("baujat").asText()).contains("aria-label=\"Baujat plot\"");
        assertThat(j.path("figures").path("radial").asText()).contains("aria-label=\"Radial plot\"");
        assertThat(j.path("influence").path("all_studies").path("pooled").path("estimate").asDouble()).isEqualTo(pooled(reml));
        // user weights (the bundled BCG data's latitude as a weight column) and a fixed tau²: the influence section is left out
        var weighted = post("/api/analyze", Map.of("example", "bcg", "tau2", "GENQ", "weights", "ablat"));
        assertThat(weighted.statusCode()).as(weighted.body()).isEqualTo(200);
        JsonNode w = JSON.readTree(weighted.body());
        assertThat(w.path("result").path("request").path("weights").asText()).isEqualTo("ablat");
        assertThat(w.path("influence").isMissingNode()).isTrue();
        // cluster-robust inference (the BCG trials clustered by allocation method): the result carries metafor's robust()
        var robust = JSON.readTree(post("/api/analyze", Map.of("example", "bcg", "cluster", "alloc", "robust", "CR2")).body());
        assertThat(robust.path("result").path("results").get(0).path("robust").path("method").asText()).isEqualTo("CR2");
        assertThat(robust.path("result").path("results").get(0).path("robust").path("clusters").asInt()).isEqualTo(3);
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "cluster", "alloc", "robust", "HC3")))).startsWith("robust must be one of CR1");
        var fixed = JSON.readTree(post("/api/analyze", Map.of("example", "bcg", "tau2_value", "0.1")).body());
        assertThat(fixed.path("result").path("results").get(0).path("heterogeneity").path("tau2").asDouble()).isEqualTo(0.1);
        assertThat(error(post("/api/analyze", Map.of("example", "bcg", "tau2_value", "-1"))))
                .isEqualTo("tau2_value must be a number of at least 0, got '-1'");
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
    void a_formula_fits_the_general_mixed_model_beside_the_patient_level_analysis() throws Exception {
        JsonNode h = JSON.readTree(post("/api/analyze", Map.of("example", "hermes_sim",
                "formula", "mrs90 ~ arm * occlusion_site + age + (1 | trial)")).body());
        JsonNode m = h.path("mixed");
        assertThat(m.path("schema").asText()).isEqualTo("strokemeta.mixed/1");
        assertThat(m.path("simulated").asBoolean()).isTrue();
        assertThat(m.path("converged").asBoolean()).isTrue();
        assertThat(m.path("coefficients").findValuesAsText("name")).contains("armevt", "armevt:occlusion_siteM2");
        assertThat(m.path("random_effects").get(0).path("levels").asInt()).isEqualTo(7);
        JsonNode b = JSON.readTree(post("/api/analyze", Map.of("example", "hermes_sim", "formula", "sich ~ arm + age + (1 | trial)",
                "family", "binomial", "link", "probit")).body());
        assertThat(b.path("mixed").path("method").asText()).contains("binary probit mixed model");
        assertThat(b.path("mixed").path("intercept").get(0).path("name").asText()).isEqualTo("(Intercept)");
        var bad = post("/api/analyze", Map.of("example", "hermes_sim", "formula", "mrs90 ~ arm + (1 trial)"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).startsWith("formula: ").contains("expected '|'");
        var family = post("/api/analyze", Map.of("example", "hermes_sim", "formula", "mrs90 ~ arm + (1 | trial)", "family", "poisson"));
        assertThat(JSON.readTree(family.body()).path("error").asText()).startsWith("family must be one of ordinal, binomial");
    }

    @Test
    void a_tau_prior_and_an_anticipated_effect_add_the_bayesian_and_trial_sequential_analyses() throws Exception {
        JsonNode j = JSON.readTree(post("/api/analyze", Map.of("example", "hine", "measure", "RR", "tau_prior", "half-normal:0.5",
                "prob_above", "1,1.2", "tsa_control_risk", "0.07", "tsa_rrr", "0.5", "tsa_power", "0.9", "tsa_futility", "true")).body());
        assertThat(j.path("bayes").path("schema").asText()).isEqualTo("strokemeta.bayes/1");
        assertThat(j.path("bayes").path("exceedance")).hasSize(2);
        assertThat(j.path("tsa").path("schema").asText()).isEqualTo("strokemeta.tsa/1");
        assertThat(j.path("tsa").path("ris").asDouble()).isCloseTo(1706.70571726543, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(j.path("figures").path("tsa").asText()).contains("class=\"tsa\"");
        assertThat(j.path("figures").path("bayes_posterior").asText()).contains("class=\"bayes-posterior\"");
        assertThat(j.path("figures").path("bayes_forest").asText()).contains("class=\"bayes-forest\"");
        var half = post("/api/analyze", Map.of("example", "hine", "measure", "RR", "tsa_control_risk", "0.07"));
        assertThat(half.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(half.body()).path("error").asText()).contains("needs both");
        var prior = post("/api/analyze", Map.of("example", "hine", "measure", "RR", "mu_prior", "normal:0:1"));
        assertThat(JSON.readTree(prior.body()).path("error").asText()).startsWith("tau_prior:");
        var cont = post("/api/analyze", Map.of("example", "normand", "tsa_control_risk", "0.07", "tsa_rrr", "0.5"));
        assertThat(cont.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cont.body()).path("error").asText()).contains("continuous outcome");
        // a continuous outcome with its anticipated mean difference and SD
        JsonNode md = JSON.readTree(post("/api/analyze", Map.of("example", "normand", "tsa_mean_difference", "-5", "tsa_sd", "10")).body());
        assertThat(md.path("tsa").path("schema").asText()).isEqualTo("strokemeta.tsa/1");
        assertThat(md.path("tsa").path("ris_fixed").asDouble()).isCloseTo(4 * Math.pow(1.959963984540054 + 0.8416212335729143, 2) * 100 / 25,
                org.assertj.core.api.Assertions.within(1e-6));
        // tabulated mRS distributions: both analyses on the trials' log common odds ratios
        JsonNode shift = JSON.readTree(post("/api/analyze", Map.of("example", "mrs_sim", "tau_prior", "half-normal:0.5", "prob_above", "1,1.2",
                "tsa_cor", "1.5")).body());
        assertThat(shift.path("kind").asText()).isEqualTo("shift");
        assertThat(shift.path("bayes").path("exceedance")).hasSize(2);
        assertThat(shift.path("tsa").path("ris").asDouble()).isPositive();
        assertThat(shift.path("figures").path("tsa").asText()).contains("class=\"tsa\"");
        var noCor = post("/api/analyze", Map.of("example", "mrs_sim", "tsa_control_risk", "0.3", "tsa_rrr", "0.2"));
        assertThat(noCor.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noCor.body()).path("error").asText()).startsWith("tsa_cor:");
        // patient-level data: said, not ignored
        var ipd = post("/api/analyze", Map.of("example", "ipd_sim", "tau_prior", "half-normal:0.5"));
        assertThat(ipd.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(ipd.body()).path("error").asText()).startsWith("tau_prior:").contains("patient-level");
    }

    @Test
    void the_logistic_mixed_model_and_the_multilevel_model_when_asked() throws Exception {
        JsonNode g = JSON.readTree(post("/api/analyze", Map.of("example", "hine", "glmm", "UM.FS")).body());
        assertThat(g.path("glmm").path("schema").asText()).isEqualTo("strokemeta.glmm/1");
        assertThat(g.path("glmm").path("k").asInt()).isEqualTo(6);
        assertThat(g.path("result").path("results").get(0).path("k").asInt()).isEqualTo(6);
        var cont = post("/api/analyze", Map.of("example", "normand", "glmm", "UM.FS"));
        assertThat(cont.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(cont.body()).path("error").asText()).startsWith("glmm:");
        var bad = post("/api/analyze", Map.of("example", "hine", "glmm", "UM.XX"));
        assertThat(JSON.readTree(bad.body()).path("error").asText()).startsWith("glmm:").contains("UM.FS, UM.RS or CM.EL");
        JsonNode el = JSON.readTree(post("/api/analyze", Map.of("example", "hine", "glmm", "CM.EL")).body());
        assertThat(el.path("glmm").path("model").asText()).isEqualTo("CM.EL");
        assertThat(el.path("glmm").path("method").asText()).isEqualTo("ML");
        byte[] ml = ("study,es_id,yi,vi\nA,1,0.2,0.04\nA,2,0.5,0.03\nB,1,0.1,0.05\nB,2,0.3,0.04\nC,1,0.6,0.02\nD,1,-0.1,0.06\n"
                + "D,2,0.2,0.05\nE,1,0.4,0.03\n").getBytes(StandardCharsets.UTF_8);
        JsonNode m = JSON.readTree(post("/api/analyze", Map.of("file", ml, "random", "~ 1 | study/es_id")).body());
        assertThat(m.path("multilevel").path("schema").asText()).isEqualTo("strokemeta.multilevel/1");
        assertThat(m.path("multilevel").path("k").asInt()).isEqualTo(8);
        var badRandom = post("/api/analyze", Map.of("file", ml, "random", "~ x | study"));
        assertThat(JSON.readTree(badRandom.body()).path("error").asText()).startsWith("random:");
    }

    @Test
    void an_uploaded_excel_sheet_or_stata_file_is_analysed_as_its_csv() throws Exception {
        byte[] xlsx;
        byte[] dta;
        try (var in = WebAppTest.class.getResourceAsStream("/org/strokemeta/data/readers/bcg.xlsx")) {
            xlsx = in.readAllBytes();
        }
        try (var in = WebAppTest.class.getResourceAsStream("/org/strokemeta/data/readers/patients118.dta")) {
            dta = in.readAllBytes();
        }
        JsonNode x = JSON.readTree(post("/api/analyze", Map.of("file", new Object[] {"bcg.xlsx", xlsx}, "measure", "RR")).body());
        JsonNode c = JSON.readTree(post("/api/analyze", Map.of("example", "bcg", "measure", "RR")).body());
        assertThat(x.path("result").path("results").get(0).path("pooled")).isEqualTo(c.path("result").path("results").get(0).path("pooled"));
        var noSheet = post("/api/analyze", Map.of("file", new Object[] {"bcg.xlsx", xlsx}, "sheet", "trials"));
        assertThat(noSheet.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noSheet.body()).path("error").asText()).contains("no sheet 'trials' (sheets: bcg)");
        var stata = post("/api/analyze", Map.of("file", new Object[] {"patients.dta", dta}));
        assertThat(stata.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(stata.body()).path("error").asText()).startsWith("patients.dta");
    }

    @Test
    void a_revman_review_is_analysed_by_its_outcome_and_without_one_its_outcomes_are_listed() throws Exception {
        byte[] rm5;
        try (var in = WebAppTest.class.getResourceAsStream("/org/strokemeta/data/revman/Fleiss1993.rm5")) {
            rm5 = in.readAllBytes();
        }
        var list = post("/api/analyze", Map.of("file", new Object[] {"Fleiss1993.rm5", rm5}));
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(list.body()).path("error").asText()).contains("1.1 Aspirin for Preventing Death").contains("1.2 Mental Health");
        JsonNode r = JSON.readTree(post("/api/analyze", Map.of("file", new Object[] {"Fleiss1993.rm5", rm5}, "analysis", "1.1", "measure", "OR"))
                .body());
        assertThat(r.path("result").path("results").get(0).path("k").asInt()).isEqualTo(7);
        assertThat(r.path("result").path("results").get(0).path("notes").toString()).contains("RevMan 5.0.23 stored OR (MH, fixed effect)");
    }

    @Test
    void the_analysis_downloads_as_a_revman_review_that_reads_back_to_the_same_result() throws Exception {
        var r = post("/api/revman", Map.of("example", "bcg", "model", "random", "tau2", "DL", "subgroup", "alloc", "outcome_name", "Tuberculosis",
                "experimental", "BCG", "control", "No vaccine"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).contains("strokemeta-review.rm5");
        assertThat(r.headers().firstValue("X-Strokemeta-Notes")).isEmpty();
        var back = org.strokemeta.formats.RevMan.outcome("r.rm5", r.body().getBytes(StandardCharsets.UTF_8), null);
        assertThat(back.name()).isEqualTo("Tuberculosis");
        assertThat(back.groups()).containsExactly("BCG", "No vaccine");
        double page = pooled(post("/api/analyze", Map.of("example", "bcg", "tau2", "DL")));
        assertThat(Math.log(back.stored().estimate())).isCloseTo(page, org.assertj.core.api.Assertions.within(1e-14));
        // the page's REML: the review holds RevMan's DerSimonian-Laird analysis, and the header says so
        var reml = post("/api/revman", Map.of("example", "bcg"));
        assertThat(reml.statusCode()).isEqualTo(200);
        assertThat(java.net.URLDecoder.decode(reml.headers().firstValue("X-Strokemeta-Notes").orElse(""), StandardCharsets.UTF_8))
                .contains("tau² by REML in the request; RevMan 5 estimates it by DerSimonian-Laird");
        var ordinal = post("/api/revman", Map.of("example", "mrs_sim"));
        assertThat(ordinal.statusCode()).isEqualTo(400);
        assertThat(error(ordinal)).contains("RevMan");
    }

    @Test
    void a_client_may_send_every_field_of_the_analysis_at_once() {
        // the page sends only the fields set, but the API takes them all in one form
        assertThat(WebApp.ANALYZE_FIELDS.size()).isLessThanOrEqualTo(Form.MAX_FIELDS);
        assertThat(WebApp.REVMAN_FIELDS.size()).isLessThanOrEqualTo(Form.MAX_FIELDS);
    }

    @Test
    void struct_adds_the_multivariate_model_equal_to_the_reference_case() throws Exception {
        // the R reference case mv_berkey_un_reml (rma.mv, struct = "UN", REML), sent as the page sends a file
        JsonNode c;
        try (var in = WebAppTest.class.getResourceAsStream("/org/strokemeta/validation/extra/mv_berkey_un_reml.json")) {
            c = JSON.readTree(in);
        }
        StringBuilder csv = new StringBuilder("study,outcome,yi,vi,cov_PD,cov_AL\n");
        for (JsonNode r : c.path("data")) {
            csv.append(r.path("study").asText()).append(',').append(r.path("outcome").asText()).append(',').append(r.path("yi").asText()).append(',')
                    .append(r.path("vi").asText()).append(',').append(r.path("cov_PD").asText()).append(',').append(r.path("cov_AL").asText()).append('\n');
        }
        byte[] data = csv.toString().getBytes(StandardCharsets.UTF_8);
        JsonNode j = JSON.readTree(post("/api/analyze", Map.of("file", data, "struct", "UN")).body());
        JsonNode mv = j.path("multivariate");
        assertThat(mv.path("schema").asText()).isEqualTo("strokemeta.multivariate/1");
        for (JsonNode co : mv.path("coefficients")) {
            double expected = c.path("expected").path("coefficients").path(co.path("name").asText()).path("estimate").asDouble();
            assertThat(co.path("estimate").asDouble()).as(co.path("name").asText()).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-4 * Math.abs(expected)));
        }
        var notMv = post("/api/analyze", Map.of("example", "bcg", "struct", "CS"));
        assertThat(notMv.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notMv.body()).path("error").asText()).startsWith("struct:");
        var badRho = post("/api/analyze", Map.of("file", data, "struct", "CS", "within_rho", "1.5"));
        assertThat(badRho.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRho.body()).path("error").asText()).startsWith("within_rho:");
        var rhoAlone = post("/api/analyze", Map.of("file", data, "within_rho", "0.5"));
        assertThat(JSON.readTree(rhoAlone.body()).path("error").asText()).contains("struct");
    }

    @Test
    void a_network_of_treatments_gives_the_consistency_model() throws Exception {
        JsonNode j = JSON.readTree(post("/api/analyze", Map.of("example", "af_stroke_nma", "outcome", "harmful")).body());
        assertThat(j.path("kind").asText()).isEqualTo("network");
        assertThat(j.path("result").path("schema").asText()).isEqualTo("strokemeta.network/1");
        assertThat(j.path("result").path("treatments")).hasSize(8);
        assertThat(j.path("result").path("notes").get(0).asText()).contains("WASPO");
        assertThat(j.path("figures").path("network_graph").asText()).contains("class=\"network-graph\"");
        assertThat(j.path("figures").path("network_forest").asText()).contains("P-score");
        assertThat(j.path("result").path("node_split").size()).isEqualTo(7);
        assertThat(j.path("result").path("ranking").get(0).has("sucra")).isTrue();
        // a network's tau² is REML or ML: another estimator is an error, not silently replaced
        var dl = post("/api/analyze", Map.of("example", "af_stroke_nma", "tau2", "DL"));
        assertThat(dl.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(dl.body()).path("error").asText()).contains("REML or ML");
        // the report button on a network: the network report with the page's settings
        var report = post("/api/report", Map.of("example", "af_stroke_nma", "outcome", "harmful", "model", "fixed"));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("<h2>League table</h2>").contains("Smaller effects are better").contains("fixed effects")
                .contains("Node splitting");
        byte[] one = "study,treatment,events,total\nA,x,1,10\nA,y,2,10\nB,x,3,10\n".getBytes(StandardCharsets.UTF_8);
        var bad = post("/api/analyze", Map.of("file", one));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("line 4").contains("one arm");
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

    @Test
    void the_report_on_the_published_trials_with_and_without_a_panels_judgments() throws Exception {
        var html = post("/api/published", Map.of());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Disposition").orElse("")).contains("strokemeta-published.html");
        assertThat(html.body()).contains("id=\"summary-of-findings\"").contains("id=\"m2\"").contains("ESCAPE-MeVO");
        byte[] judgments = "scope,outcome,domain,judgment\nDISTAL,,risk_of_bias,low\nESCAPE-MeVO,,risk_of_bias,low\n".getBytes(StandardCharsets.UTF_8);
        var json = post("/api/published", Map.of("file", judgments, "format", "json"));
        assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(json.body());
        assertThat(doc.path("schema").asText()).isEqualTo("strokemeta.published/1");
        boolean mevoJudged = false;
        for (JsonNode row : doc.path("summary_of_findings").path("rows")) {
            if (row.path("population").asText().equals("mevo") && row.path("outcome").asText().equals("mrs_0_2")) {
                mevoJudged = !row.path("provisional").asBoolean();
            }
        }
        assertThat(mevoJudged).isTrue();
        var bad = post("/api/published", Map.of("file", "scope,outcome,domain,judgment\nNOPE,,risk_of_bias,low\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).path("error").asText()).contains("data.csv").contains("line 2").contains("no trial named 'NOPE'");
        var both = post("/api/published", Map.of("bayes", "turner", "prob_above", "1,1.2", "tsa", "true", "format", "json"));
        assertThat(both.statusCode()).as(both.body()).isEqualTo(200);
        JsonNode withBoth = JSON.readTree(both.body());
        assertThat(withBoth.path("bayes").size()).isGreaterThan(10);
        assertThat(withBoth.path("bayes").get(0).path("posterior").path("tau_prior").path("source").asText()).contains("Table IV");
        assertThat(withBoth.path("sequential").size()).isGreaterThan(10);
        var badPrior = post("/api/published", Map.of("bayes", "gamma:1"));
        assertThat(badPrior.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badPrior.body()).path("error").asText()).contains("bayes").contains("unknown tau prior");
        var wrong = post("/api/published", Map.of("format", "pdf"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).contains("format");
    }
}
