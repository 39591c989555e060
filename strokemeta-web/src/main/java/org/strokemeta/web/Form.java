package org.strokemeta.web;

import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.strokemeta.data.InputException;

/**
 * The fields of a request, read once on the request's thread from multipart/form-data (the page's
 * format) or application/x-www-form-urlencoded, and checked: at most {@link #MAX_FIELDS} fields, each
 * known to the endpoint and given once, at most one file (field {@code file}). Each typed accessor
 * names the field and its allowed values when a value is wrong.
 */
final class Form {
    /** Most fields in one request. */
    static final int MAX_FIELDS = 48;

    /** An uploaded file. */
    record Upload(String name, byte[] bytes) {
    }

    private final Map<String, String> fields;
    private final Upload file;

    private Form(Map<String, String> fields, Upload file) {
        this.fields = fields;
        this.file = file;
    }

    /** The form of the request; only the named fields are accepted ("file" is the one file field). */
    static Form read(Context ctx, List<String> allowed) {
        String type = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        Map<String, String> fields = new LinkedHashMap<>();
        Upload file = null;
        if (type.startsWith("multipart/form-data")) {
            java.util.Collection<Part> parts;
            try {
                ctx.uploadedFiles(); // parses the parts with the multipart limits configured in WebApp
                parts = ctx.req().getParts();
            } catch (Exception e) {
                throw unreadable(ctx, e);
            }
            if (parts.size() > MAX_FIELDS) {
                throw tooManyFields();
            }
            for (Part p : parts) {
                String name = p.getName() == null ? "" : p.getName();
                check(name, allowed, fields.containsKey(name) || name.equals("file") && file != null);
                if (name.equals("file")) {
                    byte[] b;
                    try (InputStream in = p.getInputStream()) {
                        b = in.readAllBytes();
                    } catch (IOException e) {
                        throw unreadable(ctx, e);
                    }
                    String fn = p.getSubmittedFileName();
                    file = new Upload(fn == null || fn.isBlank() ? "upload.csv" : fn.replaceAll("[\\\\/]", "_"), b);
                } else {
                    try (InputStream in = p.getInputStream()) {
                        fields.put(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                    } catch (IOException e) {
                        throw unreadable(ctx, e);
                    }
                }
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, List<String>> m;
            try {
                m = ctx.formParamMap();
            } catch (Exception e) {
                throw unreadable(ctx, e);
            }
            if (m.values().stream().mapToInt(List::size).sum() > MAX_FIELDS) {
                throw tooManyFields();
            }
            for (var e : m.entrySet()) {
                check(e.getKey(), allowed, e.getValue().size() > 1);
                if (e.getKey().equals("file")) {
                    throw InputException.of(null, "send the file as multipart/form-data (the field file is a file, not text)");
                }
                fields.put(e.getKey(), e.getValue().isEmpty() ? "" : e.getValue().get(0));
            }
        } else if (ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null) {
            throw new HttpError(415, "send the fields as multipart/form-data (or application/x-www-form-urlencoded), not "
                    + (type.isEmpty() ? "a body without Content-Type" : ctx.contentType()));
        }
        return new Form(fields, file);
    }

    private static void check(String name, List<String> allowed, boolean twice) {
        if (!allowed.contains(name)) {
            throw InputException.of(null, "unknown field '" + name + "' (the fields are " + String.join(", ", allowed) + ")");
        }
        if (twice) {
            throw InputException.of(null, "the field " + name + " is given more than once");
        }
    }

    private static HttpError tooManyFields() {
        return new HttpError(413, "the form has more than " + MAX_FIELDS + " fields");
    }

    /**
     * The servlet layer could not read the form: too many fields, too large, or not a well-formed form.
     * The connection is closed after the answer, as the server gave up reading it.
     */
    private static RuntimeException unreadable(Context ctx, Exception e) {
        ctx.header("Connection", "close");
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (m.contains("too many") || m.contains("max parts") || m.contains("form keys")) {
                return tooManyFields();
            }
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("max request size")
                    || m.contains("max length")) {
                return new HttpError(413, "the upload is larger than " + WebApp.MAX_BYTES / (1024 * 1024) + " MB");
            }
        }
        return InputException.of(null, "the request is not a well-formed form: send the fields as multipart/form-data, "
                + "each field a part and the parts separated by the boundary named in Content-Type");
    }

    /** The uploaded file, or null. */
    Upload file() {
        return file;
    }

    /** The trimmed value of a text field, or null when it is absent or blank. */
    String text(String name) {
        String v = fields.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A choice among named values: the parsed value, the default when absent, a sentence naming the field when wrong. */
    <T> T choice(String name, String allowed, Function<String, T> parse, String dflt) {
        String v = text(name);
        try {
            return parse.apply(v == null ? dflt : v);
        } catch (IllegalArgumentException e) {
            throw InputException.of(null, name + " must be one of " + allowed + ", got '" + v + "'");
        }
    }

    /** A confidence level strictly between 0 and 1. */
    double level(String name, double dflt) {
        String v = text(name);
        if (v == null) {
            return dflt;
        }
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x > 0 && x < 1)) {
            throw InputException.of(null, name + " must be a number between 0 and 1 (for example 0.95), got '" + v + "'");
        }
        return x;
    }

    /** A number of at least 0, NaN when the field is absent or blank. */
    double nonNegative(String name) {
        String v = text(name);
        if (v == null) {
            return Double.NaN;
        }
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            x = Double.NaN;
        }
        if (!(x >= 0 && x < Double.POSITIVE_INFINITY)) {
            throw InputException.of(null, name + " must be a number of at least 0, got '" + v + "'");
        }
        return x;
    }

    /** A comma-separated list of names (empty when absent). */
    List<String> names(String name) {
        String v = text(name);
        if (v == null) {
            return List.of();
        }
        return java.util.Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
