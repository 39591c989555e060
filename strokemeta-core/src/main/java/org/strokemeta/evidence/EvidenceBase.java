package org.strokemeta.evidence;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.strokemeta.data.FileProblem;
import org.strokemeta.data.InputException;

/**
 * Reads published evidence: one JSON file per trial (the format of docs/published-evidence.md). The
 * reading is strict: an unknown field, a number written as text or an unknown population is an error
 * naming the file, the line and the field, so that a typing error never drops a value silently.
 */
public final class EvidenceBase {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private EvidenceBase() {
    }

    /**
     * Reads one trial's file.
     *
     * @param name the file's name (its id followed by {@code .json}), used in messages and checked against the id
     * @param json the file's text
     * @return the trial's evidence
     * @throws InputException when the text is not valid JSON of the format, or the id is not the file's name
     */
    public static TrialEvidence parse(String name, String json) {
        TrialEvidence t;
        try {
            t = MAPPER.readValue(json, TrialEvidence.class);
        } catch (JsonProcessingException e) {
            throw problem(name, json, e);
        }
        String expected = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        if (t.id() == null || !t.id().equals(expected.substring(expected.lastIndexOf('/') + 1))) {
            throw InputException.of(name, "the id '" + t.id() + "' is not the file's name without .json");
        }
        return t;
    }

    private static final String BUNDLED = "org/strokemeta/evidence/trials/";

    /**
     * The bundled evidence base: the randomised trials of thrombectomy against medical management and
     * the HERMES pooled analyses, one file each, in the order of their ids.
     *
     * @return the trials
     * @throws IllegalStateException if the bundled files are missing from the class path
     */
    public static List<TrialEvidence> bundled() {
        List<TrialEvidence> out = new ArrayList<>();
        for (String name : resource("index.txt").split("\\R")) {
            if (!name.isBlank()) {
                out.add(parse(name.trim(), resource(name.trim())));
            }
        }
        return List.copyOf(out);
    }

    private static String resource(String name) {
        try (java.io.InputStream in = EvidenceBase.class.getResourceAsStream("/" + BUNDLED + name)) {
            if (in == null) {
                throw new IllegalStateException("the bundled evidence file " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Reads every {@code .json} file of a folder, in the order of their names.
     *
     * @param folder the folder
     * @return the trials
     * @throws InputException when the folder cannot be read or a file has an error
     */
    public static List<TrialEvidence> read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw InputException.of(folder.toString(), "this is not a folder of evidence files");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw InputException.of(folder.toString(), "the folder cannot be read: " + e.getMessage());
        }
        List<TrialEvidence> out = new ArrayList<>();
        for (Path p : files) {
            out.add(parse(p.getFileName().toString(), new String(FileProblem.readAllBytes(p), StandardCharsets.UTF_8)));
        }
        return List.copyOf(out);
    }

    /** An error of the file as a sentence with its line and the field's path. */
    private static InputException problem(String name, String json, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : at.getLineNr();
        if (e instanceof UnrecognizedPropertyException u && at != null && at.getCharOffset() >= 0) {
            // the reader reports where it stood, which may be past the field: the line of the field's name
            int named = json.lastIndexOf("\"" + u.getPropertyName() + "\"", (int) Math.min(json.length(), at.getCharOffset()));
            if (named >= 0) {
                line = 1 + (int) json.substring(0, named).chars().filter(c -> c == '\n').count();
            }
        }
        String field = null;
        String what;
        Throwable cause = e;
        while (cause != null && !(cause instanceof com.fasterxml.jackson.core.JsonParseException)) {
            cause = cause.getCause();
        }
        if (cause instanceof com.fasterxml.jackson.core.JsonParseException p) {
            // not JSON at all (a missing quote or brace, a file cut short): where the text stops being JSON
            JsonLocation pl = p.getLocation();
            return new InputException(name, pl == null ? Math.max(0, line) : pl.getLineNr(), null,
                    "not valid JSON: " + p.getOriginalMessage() + (pl == null ? "" : " (column " + pl.getColumnNr() + ")"));
        }
        if (e instanceof JsonMappingException m) {
            field = path(m);
            if (e instanceof UnrecognizedPropertyException u) {
                what = "unknown field '" + u.getPropertyName() + "' (see docs/published-evidence.md for the fields)";
            } else if (e instanceof InvalidFormatException f) {
                what = "'" + f.getValue() + "' is not a valid " + f.getTargetType().getSimpleName().toLowerCase(java.util.Locale.ROOT);
            } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
                what = v.getCause().getMessage();
            } else {
                what = m.getOriginalMessage();
            }
        } else {
            what = "not valid JSON: " + e.getOriginalMessage() + (at == null ? "" : " (column " + at.getColumnNr() + ")");
        }
        return new InputException(name, Math.max(0, line), field, what);
    }

    /** The field a mapping error is in, as {@code values[3].percent}. */
    private static String path(JsonMappingException m) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : m.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }
}
