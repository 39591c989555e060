package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.List;

/** {@code strokemeta bias}: small-study effects. */
final class BiasCommand extends Command {
    @Override
    String name() {
        return "bias";
    }

    @Override
    List<String> aliases() {
        return List.of("small-study");
    }

    @Override
    String summary() {
        return "Small-study effects: Egger's test, rank correlation, trim-and-fill, funnel data.";
    }

    @Override
    List<Opt> options() {
        return Options.concat(Options.INPUT, Options.ANALYSIS, Options.OUTPUT);
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        throw new UsageException("not available yet");
    }
}
