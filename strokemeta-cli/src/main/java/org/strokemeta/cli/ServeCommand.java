package org.strokemeta.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import org.strokemeta.web.WebApp;

/** {@code strokemeta serve}: the local web application. */
final class ServeCommand extends Command {
    @Override
    String name() {
        return "serve";
    }

    @Override
    String summary() {
        return "Start the local web application (bound to 127.0.0.1; open the printed address in a browser).";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--port", "N", "Port (0 for any free one).", "8080"),
                Opt.value("--host", "ADDRESS", "Address to bind; 127.0.0.1 keeps it on this computer.", "127.0.0.1"),
                Opt.value("--jobs", "N", "Large analyses (patient-level data, reports, uploads over 256 KB) running at once.", "2"),
                Opt.value("--queue", "N", "Large analyses waiting for a slot (up to 30 s); more are refused with 503.", "4"),
                Opt.value("--time-limit", "SECONDS", "Longest run of one analysis; a longer one is stopped (504).", "120"),
                Opt.value("--idle-timeout", "SECONDS", "A connection on which nothing arrives for this long is closed.", "30"),
                Opt.value("--upload-timeout", "SECONDS", "An upload must have arrived in full within this time (408).", "60"));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        WebApp.Limits limits = WebApp.Limits.defaults().withJobs(atLeast(a, "--jobs", 1)).withQueue(atLeast(a, "--queue", 0))
                .withTimeLimit(Duration.ofSeconds(atLeast(a, "--time-limit", 1)))
                .withIdleTimeout(Duration.ofSeconds(atLeast(a, "--idle-timeout", 1)))
                .withUploadTimeout(Duration.ofSeconds(atLeast(a, "--upload-timeout", 1)));
        io.javalin.Javalin app;
        try {
            app = WebApp.start(a.get("--host"), a.integer("--port"), limits);
        } catch (RuntimeException e) {
            throw new UsageException("cannot serve on " + a.get("--host") + ":" + a.get("--port") + " (" + e.getMessage()
                    + "); choose another port with --port");
        }
        out.println("strokemeta is serving at http://" + a.get("--host") + ":" + app.port() + "/  (Ctrl-C stops it)");
        out.flush();
        try {
            Thread.currentThread().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        app.stop();
        return 0;
    }

    private static int atLeast(Args a, String option, int min) {
        int n = a.integer(option);
        if (n < min) {
            throw new UsageException("the option " + option + " needs a whole number of at least " + min + ", not " + n);
        }
        return n;
    }
}
