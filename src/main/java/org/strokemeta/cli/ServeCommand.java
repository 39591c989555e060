package org.strokemeta.cli;

import java.io.PrintWriter;
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
                Opt.value("--host", "ADDRESS", "Address to bind; 127.0.0.1 keeps it on this computer.", "127.0.0.1"));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        io.javalin.Javalin app;
        try {
            app = WebApp.start(a.get("--host"), a.integer("--port"));
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
}
