package org.strokemeta.cli;

import java.util.List;

/**
 * One command-line option.
 *
 * @param names       its spellings, long form first (for example "--input", "-i")
 * @param paramLabel  the label of its value in help ("FILE"), or null for a flag without value
 * @param description what it does
 * @param dflt        its default value as text, or null
 */
record Opt(List<String> names, String paramLabel, String description, String dflt) {
    static Opt value(String name, String label, String description, String dflt) {
        return new Opt(List.of(name), label, description, dflt);
    }

    static Opt value(String name, String shortName, String label, String description, String dflt) {
        return new Opt(List.of(name, shortName), label, description, dflt);
    }

    static Opt flag(String name, String description) {
        return new Opt(List.of(name), null, description, null);
    }

    boolean isFlag() {
        return paramLabel == null;
    }

    String key() {
        return names.get(0);
    }
}
