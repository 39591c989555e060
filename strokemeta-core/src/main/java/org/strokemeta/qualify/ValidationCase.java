package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One reference case of the qualification suite: an analysis, its data and options, and the values
 * that R's reference packages gave for it (format described in validation/FORMAT.md).
 *
 * @param file      the file the case came from
 * @param id        the case id
 * @param title     a human title
 * @param reference the R call that produced the expected values
 * @param analysis  the analysis type
 * @param data      the data rows
 * @param options   the options
 * @param expected  the expected values
 * @param relative  relative tolerance
 * @param absolute  absolute tolerance
 */
public record ValidationCase(String file, String id, String title, String reference, String analysis, ArrayNode data,
                             ObjectNode options, ObjectNode expected, double relative, double absolute) {

    /**
     * Reads a case from its parsed JSON.
     *
     * @param file the file name, for messages and as the default id
     * @param n    the case's JSON
     * @return the case
     * @throws IllegalArgumentException if the JSON lacks {@code analysis}, {@code data} or {@code expected}
     */
    public static ValidationCase of(String file, JsonNode n) {
        JsonNode tol = n.path("tolerance");
        if (!n.hasNonNull("analysis") || !n.path("data").isArray() || !n.path("expected").isObject()) {
            throw new IllegalArgumentException(file + ": not a validation case (needs analysis, data and expected)");
        }
        return new ValidationCase(file, n.path("id").asText(file), n.path("title").asText(""),
                n.path("reference").asText(""), n.get("analysis").asText(), (ArrayNode) n.get("data"),
                n.path("options").isObject() ? (ObjectNode) n.get("options") : new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode(),
                (ObjectNode) n.get("expected"), tol.path("relative").asDouble(1e-6), tol.path("absolute").asDouble(1e-9));
    }

    /**
     * An option as text, or the default when absent or null.
     *
     * @param key  the option's name
     * @param dflt the default
     * @return the option's text, or {@code dflt}
     */
    public String option(String key, String dflt) {
        JsonNode v = options.get(key);
        return v == null || v.isNull() ? dflt : v.asText();
    }

    /**
     * True when the option is present and not null.
     *
     * @param key the option's name
     * @return whether it is present and not null
     */
    public boolean hasOption(String key) {
        JsonNode v = options.get(key);
        return v != null && !v.isNull();
    }

    /**
     * An option that may be a single string or an array of strings.
     *
     * @param key the option's name
     * @return the strings, empty when the option is absent
     */
    public java.util.List<String> optionList(String key) {
        JsonNode v = options.get(key);
        java.util.List<String> out = new java.util.ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isArray()) {
            v.forEach(x -> out.add(x.asText()));
        } else {
            out.add(v.asText());
        }
        return out;
    }

    /**
     * The case's rows as a table (the union of keys is the header; arrays are not supported here).
     *
     * @return its {@code data} rows as a table named by the case id (blank cells for null)
     */
    public org.strokemeta.data.Table table() {
        java.util.Set<String> cols = new java.util.LinkedHashSet<>();
        for (JsonNode row : data) {
            row.fieldNames().forEachRemaining(cols::add);
        }
        java.util.List<String> header = new java.util.ArrayList<>(cols);
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (JsonNode row : data) {
            java.util.List<String> r = new java.util.ArrayList<>();
            for (String h : header) {
                JsonNode v = row.get(h);
                r.add(v == null || v.isNull() ? "" : v.isNumber() ? v.numberValue().toString() : v.asText());
            }
            rows.add(r);
        }
        return org.strokemeta.data.Table.ofRows(id, header, rows);
    }

}
