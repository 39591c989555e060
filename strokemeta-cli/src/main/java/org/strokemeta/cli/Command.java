package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A sub-command: its name, description, options, and what it does with parsed arguments. The
 * command line stays a thin layer: every command parses, calls the library and formats.
 */
abstract class Command {
    static final Opt HELP = new Opt(List.of("--help", "-h"), null, "Show this help and exit.", null);

    abstract String name();

    List<String> aliases() {
        return List.of();
    }

    /** One line for the command list. */
    abstract String summary();

    /** The full description shown by --help. */
    String description() {
        return summary();
    }

    /** Usage text for positional parameters, e.g. "[DIR]". */
    String positionalUsage() {
        return "";
    }

    int maxPositional() {
        return 0;
    }

    abstract List<Opt> options();

    /** Runs with parsed arguments and returns the exit status. */
    abstract int run(Args a, PrintWriter out, PrintWriter err);

    final List<Opt> allOptions() {
        List<Opt> all = new ArrayList<>(options());
        all.add(HELP);
        return all;
    }

    /** The help text: usage line, description, options with defaults. */
    final String help() {
        StringBuilder sb = new StringBuilder();
        sb.append("Usage: strokemeta ").append(name()).append(" [OPTIONS]");
        if (!positionalUsage().isEmpty()) {
            sb.append(' ').append(positionalUsage());
        }
        sb.append("\n\n").append(description()).append("\n\nOptions:\n");
        List<String> heads = new ArrayList<>();
        int width = 0;
        for (Opt o : allOptions()) {
            String h = String.join(", ", o.names()) + (o.isFlag() ? "" : " " + o.paramLabel());
            heads.add(h);
            width = Math.max(width, h.length());
        }
        width = Math.min(width, 30);
        int i = 0;
        for (Opt o : allOptions()) {
            String h = heads.get(i++);
            String d = o.description() + (o.dflt() != null ? " (default: " + o.dflt() + ")" : "");
            if (h.length() > width) {
                sb.append("  ").append(h).append('\n').append(" ".repeat(width + 4));
            } else {
                sb.append("  ").append(h).append(" ".repeat(width - h.length() + 2));
            }
            sb.append(wrap(d, width + 4, 100)).append('\n');
        }
        return sb.toString();
    }

    static String wrap(String text, int indent, int lineWidth) {
        StringBuilder sb = new StringBuilder();
        int col = indent;
        for (String w : text.split(" ")) {
            if (col + w.length() + 1 > lineWidth && col > indent) {
                sb.append('\n').append(" ".repeat(indent));
                col = indent;
            } else if (col > indent) {
                sb.append(' ');
                col++;
            }
            sb.append(w);
            col += w.length();
        }
        return sb.toString();
    }
}
