package org.strokemeta.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;

/**
 * Hostile and careless clients on loopback against a server with small limits (one large analysis at
 * a time, none waiting, uploads within 2 s): slow clients trickling bodies, requests from other web
 * pages and for other host names, more reports than slots, oversized and malformed uploads. A normal
 * request sent alongside must still be answered correctly and promptly; the bounds are generous, as
 * this is a guard against hangs, not a timing test.
 */
class HostileClientTest {
    static final long PROMPT_MS = 10_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String BCG = "example=bcg&tau2=DL";

    static String status(String response) {
        int eol = response.indexOf("\r\n");
        return eol < 0 ? response : response.substring(0, eol);
    }

    /** Writes the request and reads the answer until the server closes (at most 10 s of silence). */
    static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            try {
                return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                return "closed";
            }
        }
    }

    /**
     * A client announcing a 100 kB multipart body and sending one byte every 100 ms, until the server
     * answers or closes (at most 10 s); returns the status line, or "closed".
     */
    static String trickle(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\n"
                    + "Content-Length: 100000\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            try {
                while (in.available() == 0 && System.nanoTime() < end) {
                    out.write('-');
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException | InterruptedException e) {
                // the server closed the connection: read what it answered
            }
            try {
                byte[] b = in.readNBytes(64);
                return b.length == 0 ? "closed" : status(new String(b, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return "closed";
            }
        }
    }

    static HttpResponse<String> form(HttpClient http, String base, String path, String body, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMillis(PROMPT_MS))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static double pooled(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).path("result").path("results").get(0).path("pooled").path("estimate").asDouble();
    }

    @Test
    void slow_foreign_oversized_and_malformed_clients_and_excess_reports_leave_normal_requests_answered() throws Exception {
        WebApp.Limits limits = WebApp.Limits.defaults().withJobs(1).withQueue(0).withQueueWait(Duration.ofSeconds(1))
                .withIdleTimeout(Duration.ofSeconds(2)).withUploadTimeout(Duration.ofSeconds(2)).withUploads(16);
        Javalin app = WebApp.start("127.0.0.1", 0, limits);
        ExecutorService clients = Executors.newFixedThreadPool(64);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(PROMPT_MS)).build();
        try {
            int port = app.port();
            String base = "http://127.0.0.1:" + port;
            double expected = pooled(form(http, base, "/api/analyze", BCG));

            // 24 slow clients, more than the 16 uploads the server receives at once
            List<Future<String>> slow = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                slow.add(clients.submit(() -> trickle(port)));
            }
            Thread.sleep(700);
            QueuedThreadPool threads = (QueuedThreadPool) app.jettyServer().threadPool();
            assertThat(threads.getBusyThreads()).as("threads busy while slow clients trickle").isLessThan(10);

            // more reports than slots, while requests from other pages and host names, oversized and malformed uploads arrive
            List<Future<HttpResponse<String>>> reports = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reports.add(clients.submit(() -> form(http, base, "/api/report", "example=hermes_sim")));
            }
            List<Future<String>> refused = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                refused.add(clients.submit(() -> String.valueOf(form(http, base, "/api/analyze", BCG, "Origin", "http://evil.example").statusCode())));
                refused.add(clients.submit(() -> String.valueOf(form(http, base, "/api/report", "", "Sec-Fetch-Site", "cross-site").statusCode())));
                refused.add(clients.submit(() -> status(raw(port, "POST /api/report HTTP/1.1\r\nHost: rebound.example:" + port
                        + "\r\nContent-Length: 0\r\n\r\n"))));
            }
            List<Future<String>> oversized = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                oversized.add(clients.submit(() -> status(raw(port, "POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: 50000000\r\n\r\n--XYZ\r\n"))));
            }
            List<Future<String>> malformed = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String body = "--XYZ\r\nContent-Disposition: form-data; name=\"example\"\r\n\r\nbcg" + i;
                malformed.add(clients.submit(() -> status(raw(port, "POST /api/analyze HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nConnection: close\r\nContent-Length: " + body.length()
                        + "\r\n\r\n" + body))));
            }

            // a normal user alongside
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                var version = http.send(HttpRequest.newBuilder(URI.create(base + "/api/version")).timeout(Duration.ofMillis(PROMPT_MS)).build(),
                        HttpResponse.BodyHandlers.ofString());
                var bcg = form(http, base, "/api/analyze", BCG);
                assertThat(version.statusCode()).isEqualTo(200);
                assertThat(bcg.statusCode()).as(bcg.body()).isEqualTo(200);
                assertThat(pooled(bcg)).isEqualTo(expected);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(PROMPT_MS);
            }

            int ok = 0;
            int busy = 0;
            for (var f : reports) {
                var r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
                if (r.statusCode() == 503) {
                    busy++;
                    assertThat(r.headers().firstValue("Retry-After")).isPresent();
                    assertThat(JSON.readTree(r.body()).path("error").asText()).contains("busy");
                } else {
                    ok++;
                }
            }
            assertThat(ok).as("reports answered").isGreaterThanOrEqualTo(1);
            assertThat(busy).as("reports refused as the one slot is taken").isGreaterThanOrEqualTo(1);
            for (var f : refused) {
                assertThat(f.get(PROMPT_MS, TimeUnit.MILLISECONDS)).contains("403");
            }
            for (var f : oversized) {
                assertThat(f.get(PROMPT_MS, TimeUnit.MILLISECONDS)).contains("413");
            }
            for (var f : malformed) {
                assertThat(f.get(PROMPT_MS, TimeUnit.MILLISECONDS)).contains("400");
            }
            int timedOut = 0;
            for (var f : slow) {
                String s = f.get(20, TimeUnit.SECONDS);
                assertThat(s).matches("HTTP/1.1 (408|503).*|closed");
                timedOut += s.contains("408") ? 1 : 0;
            }
            assertThat(timedOut).as("slow uploads stopped at the upload time limit").isGreaterThanOrEqualTo(1);
        } finally {
            clients.shutdownNow();
            app.stop();
        }
    }

    @Test
    void an_analysis_over_the_time_limit_is_stopped_with_504_and_gives_back_its_slot() throws Exception {
        // 5 ms: far less than the report needs on any machine (reading, a mixed model and seven subgroups)
        WebApp.Limits limits = WebApp.Limits.defaults().withJobs(1).withQueue(0).withTimeLimit(Duration.ofMillis(5));
        Javalin app = WebApp.start("127.0.0.1", 0, limits);
        HttpClient http = HttpClient.newHttpClient();
        try {
            String base = "http://127.0.0.1:" + app.port();
            for (int i = 0; i < 2; i++) {
                long t0 = System.nanoTime();
                var r = form(http, base, "/api/report", "example=hermes_sim");
                assertThat(r.statusCode()).as(r.body()).isEqualTo(504);
                assertThat(JSON.readTree(r.body()).path("error").asText()).contains("time limit of 0.005 seconds");
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isLessThan(PROMPT_MS);
            }
            var version = http.send(HttpRequest.newBuilder(URI.create(base + "/api/version")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(version.statusCode()).isEqualTo(200);
        } finally {
            app.stop();
        }
    }
}
