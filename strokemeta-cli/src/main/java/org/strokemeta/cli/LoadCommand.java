package org.strokemeta.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.web.WebApp;

/**
 * {@code strokemeta bench-web}: a load test of the web application on loopback. Clients send analyses
 * of the BCG trials with alternating tau² estimators for a fixed time; every answer is compared with
 * the result computed directly; the latency percentiles are printed.
 */
final class LoadCommand extends Command {
    @Override
    String name() {
        return "bench-web";
    }

    @Override
    String summary() {
        return "Load test of the web application on loopback: concurrent clients, errors, wrong results, p50/p99 latency.";
    }

    @Override
    List<Opt> options() {
        return List.of(Opt.value("--clients", "N", "Concurrent clients.", "50"), Opt.value("--seconds", "S", "Duration.", "30"));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        int clients = a.integer("--clients");
        long seconds = a.integer("--seconds");
        var table = Examples.table(Examples.get("bcg"));
        String[] tau2 = {"REML", "DL", "PM", "EB"};
        double[] expected = new double[tau2.length];
        for (int k = 0; k < tau2.length; k++) {
            expected[k] = Meta.analyze(table, MetaRequest.defaults().withMeasure(Measure.RR)
                    .withOptions(MetaOptions.defaults().withTau2(Tau2Method.parse(tau2[k])))).get(0).result().pooled().estimate();
        }
        var app = WebApp.start("127.0.0.1", 0);
        String url = "http://127.0.0.1:" + app.port() + "/api/analyze";
        // the load generator's client threads are the front end's own (they simulate users), not analysis work
        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(clients)).build();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong wrong = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (int c = 0; c < clients; c++) {
            int id = c;
            Thread t = new Thread(() -> {
                int i = id;
                while (System.nanoTime() < end) {
                    int k = i++ % tau2.length;
                    String boundary = "b" + UUID.randomUUID();
                    String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"example\"\r\n\r\nbcg\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"measure\"\r\n\r\nRR\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"tau2\"\r\n\r\n" + tau2[k] + "\r\n--" + boundary + "--\r\n";
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - t0);
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            continue;
                        }
                        double got = json.readTree(r.body()).path("result").path("results").get(0).path("pooled").path("estimate").asDouble();
                        if (got != expected[k]) {
                            wrong.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        app.stop();
        long[] l = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        out.printf("%d clients, %d s: %d requests (%.0f per second), %d errors, %d wrong results%n", clients, seconds, l.length,
                l.length / (double) seconds, errors.get(), wrong.get());
        if (l.length > 0) {
            out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", l[l.length / 2] / 1e6, l[(int) (l.length * 0.9)] / 1e6,
                    l[Math.min(l.length - 1, (int) (l.length * 0.99))] / 1e6, Arrays.stream(l).max().orElse(0) / 1e6);
        }
        out.flush();
        return errors.get() == 0 && wrong.get() == 0 ? 0 : 1;
    }
}
