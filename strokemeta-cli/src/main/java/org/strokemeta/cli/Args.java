package org.strokemeta.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parsed arguments of one command: option values (with defaults) and positional parameters. */
final class Args {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, Boolean> flags = new HashMap<>();
    private final List<String> positional = new ArrayList<>();
    private final List<String> raw = new ArrayList<>();
    /** The options the user gave (not their defaults). */
    private final java.util.Set<String> given = new java.util.HashSet<>();
    /** Where meta and ipd read and compute when not on this machine, or null. */
    private Engine engine;

    /** The engine of a front end that runs the command elsewhere, or null on this machine. */
    Engine engine() {
        return engine;
    }

    Args withEngine(Engine e) {
        engine = e;
        return this;
    }

    /**
     * Parses {@code --name value}, {@code --name=value}, {@code -n value} and flags; anything not
     * starting with "-" is positional. Unknown options are an error naming the closest known one.
     */
    static Args parse(List<Opt> opts, String[] argv, int from, int maxPositional, String command) {
        Args a = new Args();
        for (int i = from; i < argv.length; i++) {
            a.raw.add(argv[i]);
        }
        Map<String, Opt> byName = new HashMap<>();
        for (Opt o : opts) {
            for (String n : o.names()) {
                byName.put(n, o);
            }
            if (!o.isFlag() && o.dflt() != null) {
                a.values.put(o.key(), o.dflt());
            }
        }
        for (int i = from; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("-") && s.length() > 1 && !isNumber(s)) {
                String name = s;
                String inline = null;
                int eq = s.indexOf('=');
                if (s.startsWith("--") && eq > 0) {
                    name = s.substring(0, eq);
                    inline = s.substring(eq + 1);
                }
                Opt o = byName.get(name);
                if (o == null) {
                    throw new UsageException("unknown option '" + name + "'" + suggestion(name, byName.keySet()));
                }
                if (o.isFlag()) {
                    if (inline != null) {
                        throw new UsageException("the option " + name + " takes no value");
                    }
                    a.flags.put(o.key(), true);
                } else {
                    if (inline == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageException("the option " + name + " needs a value (" + o.paramLabel() + ")");
                        }
                        inline = argv[++i];
                    }
                    a.values.put(o.key(), inline);
                }
                a.given.add(o.key());
            } else {
                a.positional.add(s);
            }
        }
        if (a.positional.size() > maxPositional) {
            throw new UsageException("unexpected argument '" + a.positional.get(maxPositional) + "' for '" + command + "'");
        }
        return a;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String suggestion(String name, Iterable<String> known) {
        String best = org.strokemeta.data.Suggestion.closest(name, known, 3);
        return best != null ? " (did you mean " + best + "?)" : "";
    }

    /** Whether the user gave the option (rather than its default applying). */
    boolean given(String key) {
        return given.contains(key);
    }

    boolean flag(String key) {
        return flags.getOrDefault(key, false);
    }

    String get(String key) {
        return values.get(key);
    }

    Path path(String key) {
        String v = values.get(key);
        return v == null ? null : Path.of(v);
    }

    double number(String key) {
        String v = values.get(key);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new UsageException("the option " + key + " needs a number, not '" + v + "'");
        }
    }

    int integer(String key) {
        String v = values.get(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("the option " + key + " needs a whole number, not '" + v + "'");
        }
    }

    /** The arguments as given (after the command name). */
    List<String> raw() {
        return List.copyOf(raw);
    }

    List<String> positional() {
        return positional;
    }
}
