package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares computed values with expected ones as FORMAT.md prescribes:
 * |actual − expected| ≤ absolute + relative·|expected|, arrays element by element, objects key by key;
 * every expected key must be produced.
 */
final class Comparison {
    private Comparison() {
    }

    /**
     * Compares a computed document with the expected one.
     *
     * @param expected the expected values
     * @param actual   the computed values
     * @param rel      the relative tolerance
     * @param abs      the absolute tolerance
     * @return one mismatch per value out of tolerance or missing, empty when all agree
     */
    public static List<Mismatch> compare(JsonNode expected, JsonNode actual, double rel, double abs) {
        List<Mismatch> out = new ArrayList<>();
        walk("", expected, actual, rel, abs, out);
        return out;
    }

    /**
     * The number of values (leaves) an expected document asks to compare.
     *
     * @param expected the expected document
     * @return the number of leaves, 0 for none
     */
    public static int values(JsonNode expected) {
        if (expected == null || expected.isMissingNode()) {
            return 0;
        }
        if (expected.isContainerNode()) {
            int n = 0;
            for (JsonNode c : expected) {
                n += values(c);
            }
            return n;
        }
        return 1;
    }

    private static void walk(String path, JsonNode exp, JsonNode act, double rel, double abs, List<Mismatch> out) {
        String tol = abs + " + " + rel + "·|expected|";
        if (act == null || act.isMissingNode()) {
            out.add(new Mismatch(path, text(exp), "missing", tol));
            return;
        }
        if (exp.isObject()) {
            if (!act.isObject()) {
                out.add(new Mismatch(path, "an object", text(act), tol));
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> it = exp.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                walk(path.isEmpty() ? e.getKey() : path + "." + e.getKey(), e.getValue(), act.get(e.getKey()), rel, abs, out);
            }
            return;
        }
        if (exp.isArray()) {
            if (!act.isArray() || act.size() != exp.size()) {
                out.add(new Mismatch(path, "an array of " + exp.size(), act.isArray() ? "an array of " + act.size() : text(act), tol));
                return;
            }
            for (int i = 0; i < exp.size(); i++) {
                walk(path + "[" + i + "]", exp.get(i), act.get(i), rel, abs, out);
            }
            return;
        }
        if (exp.isNumber()) {
            double e = exp.asDouble();
            if (!act.isNumber()) {
                out.add(new Mismatch(path, text(exp), text(act), tol));
                return;
            }
            double a = act.asDouble();
            if (!(Math.abs(a - e) <= abs + rel * Math.abs(e))) {
                out.add(new Mismatch(path, text(exp), text(act), tol));
            }
            return;
        }
        if (exp.isNull()) {
            if (!act.isNull()) {
                out.add(new Mismatch(path, "null", text(act), tol));
            }
            return;
        }
        if (!exp.asText().equals(act.asText())) {
            out.add(new Mismatch(path, text(exp), text(act), "exact match"));
        }
    }

    private static String text(JsonNode n) {
        return n == null ? "missing" : n.isNumber() ? Double.toString(n.asDouble()) : n.toString();
    }
}
