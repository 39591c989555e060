package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;
import org.strokemeta.data.Examples;

/** {@code strokemeta examples}: lists the bundled data sets. */
final class ExamplesCommand extends Command {
    @Override
    String name() {
        return "examples";
    }

    @Override
    String summary() {
        return "List the bundled example data sets (use them with --example NAME).";
    }

    @Override
    List<Opt> options() {
        return List.of();
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        for (Examples.Example e : Examples.all().values()) {
            out.printf("%-10s %-6s %s%n", e.name(), e.measure(), e.description());
        }
        out.flush();
        return 0;
    }
}
