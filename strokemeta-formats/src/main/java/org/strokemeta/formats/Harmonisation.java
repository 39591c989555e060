package org.strokemeta.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.strokemeta.data.InputException;
import org.strokemeta.data.StrokeField;
import org.strokemeta.data.Table;

/**
 * Harmonisation of several trials' patient data into one file in the data dictionary's columns: a mapping (YAML or
 * JSON, docs/harmonisation.md) says for each trial's file which column is which dictionary field, how its codes map to
 * the dictionary's (a code may also set other fields: "M2-sup" → occlusion_site M2 and m2_division anterior), and the
 * unit of its times. Every row of every file is written (with a {@code trial} column); a value that cannot be mapped
 * or lies outside the dictionary's range is left blank and listed with its file, row and column; per trial the report
 * gives the rows read and written, each field's source column, its missing values and its recoded values.
 */
public final class Harmonisation {
    private Harmonisation() {
    }

    /**
     * A value that could not be harmonised: it is blank in the pooled data.
     *
     * @param trial   the trial
     * @param file    its file
     * @param row     the row in the file (a spreadsheet's row, a data set's observation, a CSV line)
     * @param column  the file's column
     * @param value   the value found
     * @param problem what is wrong and what to change
     */
    public record Issue(String trial, String file, int row, String column, String value, String problem) {
    }

    /**
     * One trial's summary.
     *
     * @param trial     the trial
     * @param file      its file
     * @param rows      its rows (all written)
     * @param columns   each dictionary field's source column in the file (absent fields are not listed)
     * @param missing   each written field's blank values (including values left blank by an issue)
     * @param recoded   each field's values changed by the mapping's codes or units
     * @param unmapped  the file's columns used for no field (not in the pooled data)
     */
    public record TrialSummary(String trial, String file, int rows, Map<String, String> columns, Map<String, Integer> missing,
                               Map<String, Integer> recoded, List<String> unmapped) {
    }

    /**
     * The pooled data and the report.
     *
     * @param mapping the mapping's name
     * @param header  the pooled columns: trial, then the dictionary fields any trial has
     * @param rows    the pooled rows
     * @param trials  per trial
     * @param issues  every value left blank, with where it was
     */
    public record Result(String mapping, List<String> header, List<List<String>> rows, List<TrialSummary> trials, List<Issue> issues) {
        /**
         * The pooled data as a table (for an analysis without writing the file).
         *
         * @return the table, named after the mapping
         */
        public Table table() {
            int[] lines = new int[rows.size()];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = i + 2;
            }
            List<org.strokemeta.data.Note> notes = new ArrayList<>();
            notes.add(new org.strokemeta.data.Note(0, null, org.strokemeta.data.Note.Kind.INFO, "harmonised from " + trials.size() + " trials' files by "
                    + mapping + ": " + rows.size() + " patients"));
            if (!issues.isEmpty()) {
                StringBuilder sb = new StringBuilder(issues.size() + (issues.size() == 1 ? " value" : " values")
                        + " could not be mapped and are missing: ");
                for (int i = 0; i < Math.min(20, issues.size()); i++) {
                    Issue x = issues.get(i);
                    sb.append(i > 0 ? "; " : "").append(x.file()).append(' ').append(InputException.rowWord(x.file())).append(' ').append(x.row())
                            .append(' ').append(x.column()).append(" '").append(x.value()).append('\'');
                }
                sb.append(issues.size() > 20 ? "; ... (strokemeta harmonise --report lists them all)" : "");
                notes.add(new org.strokemeta.data.Note(0, null, org.strokemeta.data.Note.Kind.WARNING, sb.toString()));
            }
            return Table.ofRows(mapping + " (harmonised)", header, rows, lines, notes);
        }

        /**
         * The pooled data as CSV (RFC 4180, UTF-8).
         *
         * @return the text
         */
        public String csv() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.join(",", header.stream().map(Harmonisation::quote).toList())).append('\n');
            for (List<String> r : rows) {
                sb.append(String.join(",", r.stream().map(Harmonisation::quote).toList())).append('\n');
            }
            return sb.toString();
        }

        /**
         * The harmonisation report as text.
         *
         * @return the text
         */
        public String report() {
            StringBuilder sb = new StringBuilder();
            sb.append("Harmonisation of ").append(trials.size()).append(trials.size() == 1 ? " trial" : " trials").append(" (mapping ")
                    .append(mapping).append("): ").append(rows.size()).append(" patients, every row of every file written\n");
            sb.append(issues.isEmpty() ? "Every value was mapped.\n" : issues.size() + (issues.size() == 1 ? " value" : " values")
                    + " could not be mapped and are blank in the pooled data (listed at the end).\n");
            for (TrialSummary t : trials) {
                sb.append("\nTrial ").append(t.trial()).append(" (").append(t.file()).append("): ").append(t.rows()).append(" rows\n");
                sb.append(String.format(Locale.ROOT, "  %-24s %-24s %9s %9s%n", "field", "column", "missing", "recoded"));
                for (String f : header) {
                    if (f.equals("trial")) {
                        continue;
                    }
                    String col = t.columns().getOrDefault(f, "(not in the file)");
                    sb.append(String.format(Locale.ROOT, "  %-24s %-24s %9d %9d%n", f, col, t.missing().getOrDefault(f, t.rows()),
                            t.recoded().getOrDefault(f, 0)));
                }
                if (!t.unmapped().isEmpty()) {
                    sb.append("  columns not used: ").append(String.join(", ", t.unmapped())).append('\n');
                }
            }
            if (!issues.isEmpty()) {
                sb.append("\nValues left blank:\n");
                for (Issue i : issues) {
                    sb.append("  ").append(i.file()).append(", ").append(InputException.rowWord(i.file())).append(' ').append(i.row())
                            .append(", column ").append(i.column()).append(" (").append(i.trial()).append("): ").append(i.problem()).append('\n');
                }
            }
            return sb.toString();
        }

        /**
         * The harmonisation report as JSON.
         *
         * @return the document, schema strokemeta.harmonisation/1
         */
        public ObjectNode json() {
            ObjectMapper m = new ObjectMapper();
            ObjectNode root = m.createObjectNode();
            root.put("schema", "strokemeta.harmonisation/1");
            root.put("mapping", mapping);
            root.put("patients", rows.size());
            ArrayNode h = root.putArray("columns");
            header.forEach(h::add);
            ArrayNode tr = root.putArray("trials");
            for (TrialSummary t : trials) {
                ObjectNode n = tr.addObject();
                n.put("trial", t.trial());
                n.put("file", t.file());
                n.put("rows", t.rows());
                n.set("columns", m.valueToTree(t.columns()));
                n.set("missing", m.valueToTree(t.missing()));
                n.set("recoded", m.valueToTree(t.recoded()));
                n.set("unused_columns", m.valueToTree(t.unmapped()));
            }
            ArrayNode is = root.putArray("issues");
            for (Issue i : issues) {
                is.addObject().put("trial", i.trial()).put("file", i.file()).put("row", i.row()).put("column", i.column()).put("value", i.value())
                        .put("problem", i.problem());
            }
            return root;
        }
    }

    /**
     * Reads a mapping file (YAML, or JSON) and harmonises the files it names (relative to the mapping's folder).
     *
     * @param mapping the mapping file
     * @return the pooled data and the report
     * @throws InputException for a mapping that cannot be read or names what is not there
     */
    public static Result run(Path mapping) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(mapping));
        } catch (IOException e) {
            throw InputException.of(mapping.toString(), "the mapping cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
        }
        Path dir = mapping.toAbsolutePath().getParent();
        return run(root, mapping.getFileName().toString(), (file, o) -> DataFiles.read(dir.resolve(file), o));
    }

    /** Where the mapping's files come from. */
    @FunctionalInterface
    public interface FileSource {
        /**
         * Reads one trial's file.
         *
         * @param file the file as the mapping names it
         * @param o    how
         * @return its table
         */
        Table read(String file, ReadOptions o);
    }

    /**
     * Harmonises the files of a mapping already read.
     *
     * @param root  the mapping
     * @param name  its name (in messages)
     * @param files reads a file the mapping names
     * @return the pooled data and the report
     */
    public static Result run(JsonNode root, String name, FileSource files) {
        JsonNode trials = root == null ? null : root.get("trials");
        if (trials == null || !trials.isArray() || trials.isEmpty()) {
            throw InputException.of(name, "the mapping needs a list 'trials', each with 'trial' and 'file' (docs/harmonisation.md)");
        }
        Set<String> known = Set.of("trials", "comment");
        root.fieldNames().forEachRemaining(k -> {
            if (!known.contains(k)) {
                throw InputException.of(name, "unknown key '" + k + "' in the mapping (keys: trials, comment)");
            }
        });
        List<StrokeField> fields = new ArrayList<>();
        for (StrokeField f : StrokeField.values()) {
            if (f != StrokeField.TRIAL) {
                fields.add(f);
            }
        }
        List<Map<StrokeField, String>> pooled = new ArrayList<>();
        List<TrialSummary> summaries = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        Set<StrokeField> present = new LinkedHashSet<>();
        List<String> trialOf = new ArrayList<>();
        int index = 0;
        for (JsonNode tn : trials) {
            index++;
            String where = name + ", trials[" + index + "]";
            for (var it = tn.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!Set.of("trial", "file", "sheet", "keep_codes", "columns", "codes", "units", "comment").contains(k)) {
                    throw InputException.of(where, "unknown key '" + k + "' (keys: trial, file, sheet, keep_codes, columns, codes, units)");
                }
            }
            String trial = text(tn, "trial", where);
            String file = text(tn, "file", where);
            ReadOptions ro = ReadOptions.defaults().withSheet(tn.hasNonNull("sheet") ? tn.get("sheet").asText() : null)
                    .withKeepCodes(tn.path("keep_codes").asBoolean(false));
            Table t = files.read(file, ro);
            // the source column of every field: named in the mapping, or found by the dictionary's names
            Map<StrokeField, String> cols = new LinkedHashMap<>();
            JsonNode cn = tn.path("columns");
            for (var it = cn.fields(); it.hasNext(); ) {
                var e = it.next();
                StrokeField f = field(e.getKey(), where + ", columns");
                String col = e.getValue().asText();
                if (!t.has(col)) {
                    throw InputException.of(where, "columns." + e.getKey() + ": the file " + file + " has no column '" + col + "' (columns: "
                            + String.join(", ", t.columnNames()) + ")");
                }
                cols.put(f, col);
            }
            for (String c : t.columnNames()) {
                StrokeField f = StrokeField.ofHeader(c);
                if (f != null && f != StrokeField.TRIAL && !cols.containsKey(f) && !cols.containsValue(c)) {
                    cols.put(f, c);
                }
            }
            Map<StrokeField, Map<String, JsonNode>> codes = new LinkedHashMap<>();
            for (var it = tn.path("codes").fields(); it.hasNext(); ) {
                var e = it.next();
                StrokeField f = field(e.getKey(), where + ", codes");
                Map<String, JsonNode> m = new LinkedHashMap<>();
                for (var jt = e.getValue().fields(); jt.hasNext(); ) {
                    var c = jt.next();
                    m.put(c.getKey().trim().toLowerCase(Locale.ROOT), c.getValue());
                }
                codes.put(f, m);
            }
            Map<StrokeField, Double> factor = new LinkedHashMap<>();
            for (var it = tn.path("units").fields(); it.hasNext(); ) {
                var e = it.next();
                StrokeField f = field(e.getKey(), where + ", units");
                if (f != StrokeField.ONSET_TO_RANDOMISATION) {
                    throw InputException.of(where, "units." + e.getKey() + ": only times (onset_to_randomisation) have units");
                }
                factor.put(f, switch (e.getValue().asText().trim().toLowerCase(Locale.ROOT)) {
                    case "minutes", "min" -> 1.0;
                    case "hours", "h" -> 60.0;
                    default -> throw InputException.of(where, "units." + e.getKey() + " is minutes or hours, not '" + e.getValue().asText() + "'");
                });
            }
            Map<String, Integer> missing = new LinkedHashMap<>();
            Map<String, Integer> recoded = new LinkedHashMap<>();
            Map<StrokeField, String> derived = new LinkedHashMap<>();
            Map<StrokeField, String> origin = new LinkedHashMap<>();
            for (int r = 0; r < t.rows(); r++) {
                Map<StrokeField, String> out = new LinkedHashMap<>();
                Map<StrokeField, String> setBy = new LinkedHashMap<>();
                for (var e : cols.entrySet()) {
                    StrokeField f = e.getKey();
                    String col = e.getValue();
                    String raw = t.text(r, col);
                    raw = raw == null ? "" : raw.trim();
                    if (raw.isEmpty()) {
                        continue;
                    }
                    String v = raw;
                    JsonNode mapped = codes.getOrDefault(f, Map.of()).get(raw.toLowerCase(Locale.ROOT));
                    if (mapped != null) {
                        recoded.merge(f.column(), 1, Integer::sum);
                        if (mapped.isObject()) {
                            // one code setting several fields
                            v = null;
                            for (var it = mapped.fields(); it.hasNext(); ) {
                                var s = it.next();
                                StrokeField g = field(s.getKey(), where + ", codes." + f.column() + "." + raw);
                                if (g == f) {
                                    v = s.getValue().asText();
                                } else {
                                    setBy.put(g, s.getValue().asText());
                                    origin.put(g, f.column());
                                }
                            }
                            if (v == null) {
                                continue;
                            }
                        } else {
                            v = mapped.isNull() ? "" : mapped.asText();
                            if (v.isEmpty()) {
                                continue;
                            }
                        }
                    }
                    String ok = check(f, v, factor.get(f));
                    if (ok == null) {
                        issues.add(new Issue(trial, t.source(), t.line(r), col, raw, problem(f, raw, mapped != null ? v : null)));
                    } else {
                        if (factor.containsKey(f) && factor.get(f) != 1.0) {
                            recoded.merge(f.column(), 1, Integer::sum);
                        }
                        out.put(f, ok);
                    }
                }
                for (var e : setBy.entrySet()) {
                    StrokeField g = e.getKey();
                    String ok = check(g, e.getValue(), null);
                    if (ok == null) {
                        issues.add(new Issue(trial, t.source(), t.line(r), cols.getOrDefault(g, "?"), e.getValue(), "the mapping sets " + g.column()
                                + " to '" + e.getValue() + "', not a value of the dictionary"));
                    } else if (out.containsKey(g) && !out.get(g).equals(ok)) {
                        issues.add(new Issue(trial, t.source(), t.line(r), cols.getOrDefault(g, g.column()), out.get(g), "the file says " + g.column()
                                + " = " + out.get(g) + " but the mapping's code sets it to " + ok + ": left blank"));
                        out.remove(g);
                    } else {
                        out.put(g, ok);
                    }
                    present.add(g);
                    derived.putIfAbsent(g, "(codes of " + origin.get(g) + ")");
                }
                pooled.add(out);
                trialOf.add(trial);
            }
            present.addAll(cols.keySet());
            Map<String, String> colNames = new LinkedHashMap<>();
            for (var e : cols.entrySet()) {
                colNames.put(e.getKey().column(), e.getValue());
            }
            for (var e : derived.entrySet()) {
                colNames.putIfAbsent(e.getKey().column(), e.getValue());
            }
            List<String> unused = new ArrayList<>();
            for (String c : t.columnNames()) {
                if (!cols.containsValue(c) && !(StrokeField.ofHeader(c) == StrokeField.TRIAL)) {
                    unused.add(c);
                }
            }
            int from = pooled.size() - t.rows();
            for (StrokeField f : fields) {
                int miss = 0;
                for (int r = from; r < pooled.size(); r++) {
                    if (!pooled.get(r).containsKey(f)) {
                        miss++;
                    }
                }
                missing.put(f.column(), miss);
            }
            summaries.add(new TrialSummary(trial, t.source(), t.rows(), colNames, missing, recoded, unused));
        }
        List<String> header = new ArrayList<>();
        header.add("trial");
        List<StrokeField> order = new ArrayList<>();
        for (StrokeField f : fields) {
            if (present.contains(f)) {
                header.add(f.column());
                order.add(f);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < pooled.size(); r++) {
            List<String> row = new ArrayList<>();
            row.add(trialOf.get(r));
            for (StrokeField f : order) {
                row.add(pooled.get(r).getOrDefault(f, ""));
            }
            rows.add(row);
        }
        return new Result(name, header, rows, summaries, issues);
    }

    /** The dictionary's value for a cell, or null when it has none. */
    private static String check(StrokeField f, String v, Double factor) {
        switch (f.type()) {
            case TEXT:
                return v;
            case CATEGORY: {
                return f.code(v);
            }
            case BINARY: {
                String s = v.trim().toLowerCase(Locale.ROOT);
                return switch (s) {
                    case "1", "1.0", "yes", "y", "true" -> "1";
                    case "0", "0.0", "no", "n", "false" -> "0";
                    default -> null;
                };
            }
            default: {
                double x;
                try {
                    x = Double.parseDouble(v.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (factor != null && factor != 1.0) {
                    // converted to minutes, kept to 1e-6 minute (hours written as 187/60 come back as 187, not 187.00000000000003)
                    x = Math.round(x * factor * 1e6) / 1e6;
                }
                if (!(x >= f.min() && x <= f.max()) || f.integer() && x != Math.rint(x)) {
                    return null;
                }
                return DataFiles.number(x);
            }
        }
    }

    private static String problem(StrokeField f, String raw, String mappedTo) {
        String shown = "'" + raw + "'" + (mappedTo != null && !mappedTo.equals(raw) ? " (mapped to '" + mappedTo + "')" : "");
        return switch (f.type()) {
            case CATEGORY -> shown + " is not a code of " + f.column() + " (" + String.join(", ", f.codeList()) + "): add it to codes."
                    + f.column() + " in the mapping";
            case BINARY -> shown + " is not 1/0 (yes/no) for " + f.column() + ": add it to codes." + f.column();
            default -> shown + " is not a " + (f.integer() ? "whole number" : "number") + " from " + DataFiles.number(f.min()) + " to "
                    + DataFiles.number(f.max()) + " for " + f.column() + (f == StrokeField.ONSET_TO_RANDOMISATION ? " (minutes; units."
                    + f.column() + ": hours converts)" : "") + ": correct it or map it in codes." + f.column();
        };
    }

    private static StrokeField field(String key, String where) {
        StrokeField f = StrokeField.ofHeader(key);
        if (f == null || f == StrokeField.TRIAL) {
            throw InputException.of(where, "'" + key + "' is not a field of the data dictionary (strokemeta dictionary lists them)");
        }
        return f;
    }

    private static String text(JsonNode n, String key, String where) {
        if (!n.hasNonNull(key) || n.get(key).asText().isBlank()) {
            throw InputException.of(where, "'" + key + "' is required");
        }
        return n.get(key).asText().trim();
    }

    static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
