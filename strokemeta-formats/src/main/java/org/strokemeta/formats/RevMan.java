package org.strokemeta.formats;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A Cochrane review saved by RevMan 5 (.rm5, XML): its comparisons and outcomes (dichotomous, continuous and generic
 * inverse-variance), each outcome's per-study data (in subgroups where it has them) and the results RevMan stored with
 * the method it used. An outcome is named as RevMan numbers it, comparison.outcome ("1.2").
 */
public final class RevMan {
    private RevMan() {
    }

    /**
     * What RevMan stored for an outcome's pooled result (NaN where it stored nothing).
     *
     * @param measure  the effect measure (OR, RR, RD, PETO_OR, MD, SMD, ...)
     * @param method   MH, IV or PETO
     * @param random   random effects (DerSimonian-Laird) rather than fixed
     * @param estimate the pooled effect (a ratio for OR, RR and Peto OR)
     * @param ciLower  its lower limit
     * @param ciUpper  its upper limit
     * @param chi2     the heterogeneity chi² (Q)
     * @param df       its degrees of freedom
     * @param pChi2    its p-value
     * @param i2       I², percent
     * @param tau2     tau²
     * @param z        the test of the overall effect
     * @param pZ       its p-value
     * @param version  the RevMan version that saved the file
     */
    public record Stored(String measure, String method, boolean random, double estimate, double ciLower, double ciUpper, double chi2, int df,
                         double pChi2, double i2, double tau2, double z, double pZ, String version) {
        /**
         * Whether RevMan stored a pooled result.
         *
         * @return true when there is an estimate
         */
        public boolean present() {
            return !Double.isNaN(estimate);
        }

        /**
         * The stored result in a sentence.
         *
         * @return the text
         */
        public String describe() {
            String how = measure + " (" + method + ", " + (random ? "random effects" : "fixed effect") + ")";
            if (!present()) {
                return "RevMan " + version + " stored no pooled result for " + how;
            }
            return String.format(Locale.ROOT, "RevMan %s stored %s %.4f [%.4f, %.4f], heterogeneity Chi² = %.4f (df = %d, p = %.4f), I² = %.1f%%%s, "
                    + "Z = %.4f (p = %.4g)", version, how, estimate, ciLower, ciUpper, chi2, df, pChi2, i2,
                    Double.isNaN(tau2) ? "" : String.format(Locale.ROOT, ", tau² = %.4f", tau2), z, pZ);
        }
    }

    /**
     * One outcome of the review.
     *
     * @param id         comparison.outcome, as RevMan numbers it
     * @param comparison the comparison's name
     * @param name       the outcome's name
     * @param kind       dichotomous, continuous or generic (inverse variance)
     * @param groups     the two groups' labels (experimental, control)
     * @param table      the per-study data in strokemeta's columns (a {@code subgroup} column when it has subgroups)
     * @param stored     the pooled result RevMan stored, with its method
     */
    public record Outcome(String id, String comparison, String name, String kind, List<String> groups, Table table, Stored stored) {
        /**
         * The outcome in one line.
         *
         * @return id, name, kind, studies, measure and method
         */
        public String describe() {
            return id + " " + name + " (" + comparison + "): " + kind + ", " + table.rows() + " studies, " + stored.measure() + " by " + stored.method()
                    + (stored.random() ? " random effects" : " fixed effect");
        }
    }

    /**
     * Reads a review.
     *
     * @param name  the file's name (in messages)
     * @param bytes its contents
     * @return its outcomes, in RevMan's order
     * @throws InputException when the file is not a RevMan 5 review
     */
    public static List<Outcome> read(String name, byte[] bytes) {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            doc = b.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw InputException.of(name, "is not a RevMan 5 review (.rm5, XML) that can be read: " + e.getMessage());
        }
        Element root = doc.getDocumentElement();
        if (!root.getTagName().equals("COCHRANE_REVIEW")) {
            throw InputException.of(name, "is not a RevMan 5 review: its root element is " + root.getTagName());
        }
        String version = root.getAttribute("REVMAN_SUB_VERSION").isEmpty() ? root.getAttribute("REVMAN_VERSION") : root.getAttribute("REVMAN_SUB_VERSION");
        Map<String, String> studies = new HashMap<>();
        NodeList st = doc.getElementsByTagName("STUDY");
        for (int i = 0; i < st.getLength(); i++) {
            Element s = (Element) st.item(i);
            studies.put(s.getAttribute("ID"), s.getAttribute("NAME").isEmpty() ? s.getAttribute("ID") : s.getAttribute("NAME"));
        }
        List<Outcome> out = new ArrayList<>();
        NodeList comps = doc.getElementsByTagName("COMPARISON");
        for (int c = 0; c < comps.getLength(); c++) {
            Element comp = (Element) comps.item(c);
            String cno = comp.getAttribute("NO");
            String cname = childText(comp, "NAME");
            for (Node n = comp.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element o)) {
                    continue;
                }
                String tag = o.getTagName();
                String kind = switch (tag) {
                    case "DICH_OUTCOME" -> "dichotomous";
                    case "CONT_OUTCOME" -> "continuous";
                    case "IV_OUTCOME" -> "generic inverse variance";
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                String id = cno + "." + o.getAttribute("NO");
                out.add(outcome(name, id, cname, kind, o, studies, version));
            }
        }
        if (out.isEmpty()) {
            throw InputException.of(name, "the review holds no outcome with data");
        }
        return out;
    }

    /**
     * One outcome of a review.
     *
     * @param name  the file's name (.rm5: a RevMan 5 review; .zip: a Cochrane data package)
     * @param bytes its contents
     * @param id    the outcome, comparison.outcome ("1.2"); may be null when the review has one outcome
     * @return the outcome
     * @throws InputException naming the review's outcomes when there is no such outcome (or none was given and the review has several)
     */
    public static Outcome outcome(String name, byte[] bytes, String id) {
        List<Outcome> all = name.toLowerCase(Locale.ROOT).endsWith(".zip") ? readPackage(name, bytes) : read(name, bytes);
        for (Outcome o : all) {
            if (id != null && o.id().equals(id.trim())) {
                return o;
            }
        }
        if (id == null && all.size() == 1) {
            return all.get(0);
        }
        if (all.isEmpty()) {
            throw InputException.of(name, "the review holds no dichotomous, continuous or generic inverse-variance outcome");
        }
        StringBuilder sb = new StringBuilder(id == null ? "a RevMan review holds several outcomes: choose one with --outcome ID. Its outcomes:"
                : "the review has no outcome " + id + ". Its outcomes:");
        for (Outcome o : all) {
            sb.append("\n  ").append(o.describe());
        }
        throw InputException.of(name, sb.toString());
    }

    /**
     * Reads a Cochrane data package, the .zip RevMan Web exports (its analysis data: the analyses' settings and
     * stored estimates, and the data rows, as CSV files, possibly in a .zip inside the .zip).
     *
     * @param name  the file's name
     * @param bytes its contents
     * @return its analyses as outcomes, named group.number ("1.2")
     * @throws InputException when the package holds no analysis data
     */
    public static List<Outcome> readPackage(String name, byte[] bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        unzip(name, bytes, files, 0);
        byte[] settings = null;
        byte[] rows = null;
        for (var e : files.entrySet()) {
            if (e.getKey().endsWith("overall-estimates-and-settings.csv")) {
                settings = e.getValue();
            } else if (e.getKey().endsWith("data-rows.csv")) {
                rows = e.getValue();
            }
        }
        if (settings == null || rows == null) {
            throw InputException.of(name, "is not a Cochrane data package: it holds no analysis data (overall-estimates-and-settings.csv and "
                    + "data-rows.csv)");
        }
        Table set = org.strokemeta.data.CsvReader.parse(name + " (overall estimates and settings)", settings);
        Table dat = org.strokemeta.data.CsvReader.parse(name + " (data rows)", rows);
        List<Outcome> out = new ArrayList<>();
        for (int i = 0; i < set.rows(); i++) {
            String id = set.text(i, "Analysis group") + "." + set.text(i, "Analysis number");
            String type = set.text(i, "Data type").toLowerCase(Locale.ROOT);
            String kind = type.startsWith("dich") ? "dichotomous" : type.startsWith("cont") ? "continuous" : "generic inverse variance";
            String measure = switch (set.text(i, "Effect measure").toLowerCase(Locale.ROOT)) {
                case "odds ratio" -> "OR";
                case "risk ratio" -> "RR";
                case "risk difference" -> "RD";
                case "peto odds ratio" -> "PETO_OR";
                case "mean difference" -> "MD";
                case "standardized mean difference", "standardised mean difference" -> "SMD";
                case "hazard ratio" -> "HR";
                default -> set.text(i, "Effect measure");
            };
            String method = set.text(i, "Statistical method").toUpperCase(Locale.ROOT);
            boolean random = set.text(i, "Analysis model").toLowerCase(Locale.ROOT).startsWith("random");
            Stored stored = new Stored(measure, method, random, cell(set, i, "Mean"), cell(set, i, "CI start"), cell(set, i, "CI end"),
                    cell(set, i, "Heterogeneity Chi²"), (int) zeroIfNaN(cell(set, i, "Heterogeneity df")), cell(set, i, "Heterogeneity P"),
                    cell(set, i, "Heterogeneity I²"), cell(set, i, "Heterogeneity Tau²"), cell(set, i, "Effect Z"), cell(set, i, "Effect P"),
                    "Web (Cochrane data package)");
            if (stored.present() && stored.estimate() == 0 && stored.ciLower() == 0 && stored.ciUpper() == 0) {
                // RevMan Web writes zeros where it computed nothing
                stored = new Stored(measure, method, random, Double.NaN, Double.NaN, Double.NaN, Double.NaN, stored.df(), Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, Double.NaN, stored.version());
            }
            List<String> header = new ArrayList<>();
            header.add("study");
            switch (kind) {
                case "dichotomous" -> header.addAll(List.of("events_treat", "total_treat", "events_ctrl", "total_ctrl"));
                case "continuous" -> header.addAll(List.of("mean_treat", "sd_treat", "n_treat", "mean_ctrl", "sd_ctrl", "n_ctrl"));
                default -> header.addAll(List.of("yi", "sei"));
            }
            boolean subgroups = false;
            List<List<String>> data = new ArrayList<>();
            List<Integer> lines = new ArrayList<>();
            List<String> groupOf = new ArrayList<>();
            for (int r = 0; r < dat.rows(); r++) {
                String rid = dat.text(r, "Analysis group") + "." + dat.text(r, "Analysis number");
                if (!rid.equals(id)) {
                    continue;
                }
                List<String> row = new ArrayList<>();
                row.add(dat.text(r, "Study"));
                switch (kind) {
                    case "dichotomous" -> row.addAll(List.of(dat.text(r, "Experimental cases"), dat.text(r, "Experimental N"), dat.text(r, "Control cases"),
                            dat.text(r, "Control N")));
                    case "continuous" -> row.addAll(List.of(dat.text(r, "Experimental mean"), dat.text(r, "Experimental SD"), dat.text(r, "Experimental N"),
                            dat.text(r, "Control mean"), dat.text(r, "Control SD"), dat.text(r, "Control N")));
                    default -> row.addAll(List.of(dat.text(r, "GIV Mean"), dat.text(r, "GIV SE")));
                }
                String sg = dat.text(r, "Subgroup") == null ? "" : dat.text(r, "Subgroup");
                subgroups |= !sg.isBlank();
                groupOf.add(sg);
                data.add(row);
                lines.add(dat.line(r));
            }
            if (subgroups) {
                header.add("subgroup");
                for (int r = 0; r < data.size(); r++) {
                    data.get(r).add(groupOf.get(r));
                }
            }
            List<Note> notes = new ArrayList<>();
            notes.add(new Note(0, null, Note.Kind.INFO, "Cochrane data package analysis " + id + " '" + set.text(i, "Analysis name") + "' of '"
                    + set.text(i, "Analysis group name") + "'" + groups(set.text(i, "Experimental group label"), set.text(i, "Control group label"))
                    + "; " + stored.describe()));
            Table t = Table.ofRows(name + " [" + id + "] (data rows)", header, data, lines.stream().mapToInt(Integer::intValue).toArray(), notes);
            out.add(new Outcome(id, set.text(i, "Analysis group name"), set.text(i, "Analysis name"), kind,
                    List.of(set.text(i, "Experimental group label"), set.text(i, "Control group label")), t, stored));
        }
        if (out.isEmpty()) {
            throw InputException.of(name, "the data package holds no analysis");
        }
        return out;
    }

    private static void unzip(String name, byte[] bytes, Map<String, byte[]> into, int depth) {
        try (java.util.zip.ZipInputStream z = new java.util.zip.ZipInputStream(new ByteArrayInputStream(bytes))) {
            java.util.zip.ZipEntry e;
            long total = 0;
            while ((e = z.getNextEntry()) != null) {
                if (e.isDirectory()) {
                    continue;
                }
                boolean wanted = e.getName().endsWith(".csv") || e.getName().endsWith(".zip") && depth == 0;
                if (!wanted) {
                    continue;
                }
                byte[] b = z.readNBytes(64 * 1024 * 1024);
                total += b.length;
                if (total > 256L * 1024 * 1024) {
                    throw InputException.of(name, "the package unpacks to more than 256 MB");
                }
                if (e.getName().endsWith(".zip")) {
                    unzip(name, b, into, depth + 1);
                } else {
                    into.put(e.getName(), b);
                }
            }
        } catch (java.io.IOException ex) {
            throw InputException.of(name, "is not a zip file that can be read: " + ex.getMessage());
        }
    }

    private static String groups(String a, String b) {
        return a == null || b == null || a.isBlank() && b.isBlank() ? "" : " (" + a + " vs " + b + ")";
    }

    private static double cell(Table t, int row, String column) {
        if (!t.has(column)) {
            return Double.NaN;
        }
        String v = t.text(row, column);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private static Outcome outcome(String file, String id, String comparison, String kind, Element o, Map<String, String> studies, String version) {
        // dichotomous and continuous outcomes name the measure in an attribute, generic ones in an element ("Odds Ratio")
        String measure = o.getAttribute("EFFECT_MEASURE").isEmpty() ? measureCode(childText(o, "EFFECT_MEASURE")) : o.getAttribute("EFFECT_MEASURE");
        String method = o.getAttribute("METHOD").isEmpty() ? "IV" : o.getAttribute("METHOD");
        boolean random = "YES".equals(o.getAttribute("RANDOM"));
        Stored stored = new Stored(measure, method, random, num(o, "EFFECT_SIZE"), num(o, "CI_START"), num(o, "CI_END"), num(o, "CHI2"),
                (int) num0(o, "DF"), num(o, "P_CHI2"), num(o, "I2"), num(o, "TAU2"), num(o, "Z"), num(o, "P_Z"), version);
        String dataTag = switch (kind) {
            case "dichotomous" -> "DICH_DATA";
            case "continuous" -> "CONT_DATA";
            default -> "IV_DATA";
        };
        List<String> header = new ArrayList<>();
        header.add("study");
        switch (kind) {
            case "dichotomous" -> header.addAll(List.of("events_treat", "total_treat", "events_ctrl", "total_ctrl"));
            case "continuous" -> header.addAll(List.of("mean_treat", "sd_treat", "n_treat", "mean_ctrl", "sd_ctrl", "n_ctrl"));
            default -> header.addAll(List.of("yi", "sei"));
        }
        boolean subgroups = "YES".equals(o.getAttribute("SUBGROUPS"));
        if (subgroups) {
            header.add("subgroup");
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        NodeList data = o.getElementsByTagName(dataTag);
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            String study = studies.getOrDefault(d.getAttribute("STUDY_ID"), d.getAttribute("STUDY_ID"));
            List<String> r = new ArrayList<>();
            r.add(study);
            switch (kind) {
                case "dichotomous" -> r.addAll(List.of(d.getAttribute("EVENTS_1"), d.getAttribute("TOTAL_1"), d.getAttribute("EVENTS_2"),
                        d.getAttribute("TOTAL_2")));
                case "continuous" -> r.addAll(List.of(d.getAttribute("MEAN_1"), d.getAttribute("SD_1"), d.getAttribute("TOTAL_1"),
                        d.getAttribute("MEAN_2"), d.getAttribute("SD_2"), d.getAttribute("TOTAL_2")));
                default -> r.addAll(List.of(d.getAttribute("EFFECT_SIZE"), d.getAttribute("SE")));
            }
            if (subgroups) {
                Node parent = d.getParentNode();
                r.add(parent instanceof Element p && p.getTagName().endsWith("_SUBGROUP") ? childText(p, "NAME") : "");
            }
            rows.add(r);
            seen.merge(study, 1, Integer::sum);
        }
        String scaleNote = null;
        if ("generic inverse variance".equals(kind) && RATIOS.contains(measure.toUpperCase(Locale.ROOT))) {
            boolean natural = ratioOnNaturalScale(o, data);
            for (List<String> r : rows) {
                if (natural && !r.get(1).isBlank()) {
                    double v = Double.parseDouble(r.get(1).trim());
                    r.set(1, v > 0 ? Double.toString(Math.log(v)) : "");
                }
            }
            scaleNote = natural ? "generic inverse-variance data of a ratio: the studies' EFFECT_SIZE are ratios (their confidence limits and "
                    + "standard errors say so), analysed as log ratios" : "generic inverse-variance data of a ratio: the studies' EFFECT_SIZE are "
                    + "log ratios (their confidence limits and standard errors say so)";
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        List<Note> notes = new ArrayList<>();
        notes.add(new Note(0, null, Note.Kind.INFO, "RevMan outcome " + id + " '" + childText(o, "NAME") + "' of comparison '" + comparison + "'"
                + groups(childText(o, "GROUP_LABEL_1"), childText(o, "GROUP_LABEL_2")) + "; " + stored.describe()));
        if (scaleNote != null) {
            notes.add(new Note(0, null, Note.Kind.INFO, scaleNote));
        }
        Table t = Table.ofRows(file + " [" + id + "]", header, rows, lines, notes);
        return new Outcome(id, comparison, childText(o, "NAME"), kind, List.of(childText(o, "GROUP_LABEL_1"), childText(o, "GROUP_LABEL_2")), t,
                stored);
    }

    private static final List<String> RATIOS = List.of("OR", "RR", "HR", "PETO_OR", "RATIO");

    /** RevMan's words for a measure as its code (the names of generic inverse-variance outcomes). */
    static String measureCode(String words) {
        return switch (words.trim().toLowerCase(Locale.ROOT)) {
            case "odds ratio", "odds ratio (non-event)" -> "OR";
            case "peto odds ratio" -> "PETO_OR";
            case "risk ratio" -> "RR";
            case "risk difference" -> "RD";
            case "mean difference" -> "MD";
            case "std. mean difference", "standardized mean difference", "standardised mean difference" -> "SMD";
            case "hazard ratio" -> "HR";
            default -> words.trim();
        };
    }

    /**
     * Whether the studies' EFFECT_SIZE of a generic ratio outcome are ratios rather than log ratios. Decided from the data
     * themselves: a ratio's confidence limits are exp(log ratio ± z SE), a log ratio's are log ratio ± z SE (on either scale
     * of the limits); only where no study has limits does the outcome's LOG_DATA attribute decide, read as R's meta
     * package reads it (LOG_DATA="YES": ratios), and without it the values are taken as log ratios.
     */
    private static boolean ratioOnNaturalScale(Element o, NodeList data) {
        double level = num(o, "CI_STUDY");
        double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseCumulativeProbability(0.5 + (Double.isNaN(level) ? 95 : level) / 200);
        int natural = 0;
        int log = 0;
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            double es = num(d, "EFFECT_SIZE");
            double se = num(d, "SE");
            double hi = num(d, "CI_END");
            if (!(se > 0) || Double.isNaN(es) || Double.isNaN(hi)) {
                continue;
            }
            double tol = 1e-3 * Math.max(1, Math.abs(z * se));
            if (es > 0 && hi > 0 && Math.abs(Math.log(hi) - (Math.log(es) + z * se)) < tol) {
                natural++;
            } else if (Math.abs(hi - (es + z * se)) < tol || (hi > 0 && Math.abs(Math.log(hi) - (es + z * se)) < tol)) {
                log++;
            }
        }
        if (natural > 0 || log > 0) {
            return natural > log;
        }
        return "YES".equals(o.getAttribute("LOG_DATA"));
    }

    private static double num(Element e, String attr) {
        String v = e.getAttribute(attr);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException x) {
            return Double.NaN;
        }
    }

    private static double num0(Element e, String attr) {
        double v = num(e, attr);
        return Double.isNaN(v) ? 0 : v;
    }

    private static String childText(Element e, String tag) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(tag)) {
                return c.getTextContent().trim();
            }
        }
        return "";
    }
}
