package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.strokemeta.evidence.Arm;
import org.strokemeta.evidence.Confidence;
import org.strokemeta.evidence.EvidenceRow;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.Publication;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.evidence.TrialEvidence;

/**
 * The published evidence as text (a line per trial, or every number with its source), as CSV (one row
 * per published number, the columns of {@link EvidenceRow#COLUMNS}) and as JSON (schema
 * {@value #SCHEMA}: the trials' publications and what is missing, and the rows).
 */
public final class EvidenceReport {
    /** The schema identifier of the JSON export. */
    public static final String SCHEMA = "strokemeta.evidence/1";

    private EvidenceReport() {
    }

    /** The trials of a population (all when null), grouped by population in its order, each group in file order. */
    private static List<TrialEvidence> select(List<TrialEvidence> trials, Population population) {
        return trials.stream().filter(t -> population == null || t.population() == population)
                .sorted(java.util.Comparator.comparing(TrialEvidence::population)).toList();
    }

    /**
     * A line per trial: population, name, patients randomised per arm, the published primary effect and
     * how its numbers are known; with {@code sources}, every number under its trial with its source.
     *
     * @param trials     the trials
     * @param population only this population, or null for all
     * @param sources    whether to list every number with its source
     * @return the text
     */
    public static String text(List<TrialEvidence> trials, Population population, boolean sources) {
        List<TrialEvidence> shown = select(trials, population);
        StringBuilder sb = new StringBuilder();
        sb.append("Published evidence: ").append(shown.size()).append(shown.size() == 1 ? " trial" : " trials")
                .append(population == null ? "" : " (" + population.label() + ")")
                .append("; every number has its source, the patients it refers to and how it is known\n\n");
        sb.append(String.format(Locale.ROOT, "%-12s %-20s %-17s %-44s %s%n", "population", "trial", "randomised", "primary effect",
                "numbers: primary / secondary / derived"));
        for (TrialEvidence t : shown) {
            long[] by = new long[Confidence.values().length];
            for (PublishedValue v : t.values()) {
                if (v.confidence() != null) {
                    by[v.confidence().ordinal()]++;
                }
            }
            sb.append(String.format(Locale.ROOT, "%-12s %-20s %-17s %-44s %d / %d / %d%n", t.population().label(), t.trial(),
                    randomised(t), primary(t), by[0], by[1], by[2]));
            if (sources) {
                for (PublishedValue v : t.values()) {
                    sb.append("    ").append(describe(v)).append("\n        ")
                            .append(v.source() == null ? "no source" : v.source().ref() + ", " + v.source().where())
                            .append(" (").append(v.confidence() == null ? "?" : v.confidence().label()).append(")\n");
                }
                for (String m : t.missing()) {
                    sb.append("    missing: ").append(m).append('\n');
                }
            }
        }
        sb.append("\nSecondary numbers were read in documents that quote the trial papers; derived ones were computed from other\n"
                + "published numbers (the note says how). The sources of every number: strokemeta evidence --sources, or --format csv|json.\n");
        return sb.toString();
    }

    private static String randomised(TrialEvidence t) {
        StringBuilder sb = new StringBuilder();
        for (String arm : List.of("evt", "control")) {
            Integer n = null;
            for (Arm a : t.arms()) {
                if (a.arm().equals(arm)) {
                    n = a.randomised() != null ? a.randomised() : a.analysed();
                }
            }
            sb.append(sb.length() > 0 ? " / " : "").append(n == null ? "—" : n.toString());
        }
        return sb.toString();
    }

    private static String primary(TrialEvidence t) {
        for (PublishedValue v : t.values("primary_effect")) {
            if (v.estimate() != null) {
                String ci = v.ciLower() == null || v.ciUpper() == null ? "" : " [" + num(v.ciLower()) + ", " + num(v.ciUpper()) + "]";
                String s = num(v.estimate()) + ci + (v.measure() == null ? "" : " " + v.measure());
                return s.length() > 44 ? s.substring(0, 43) + "…" : s;
            }
        }
        return "—";
    }

    private static String describe(PublishedValue v) {
        StringBuilder sb = new StringBuilder(v.outcome());
        if (v.of() != null) {
            sb.append(" (").append(v.of()).append(')');
        }
        if (v.arm() != null) {
            sb.append(", ").append(v.arm());
        }
        sb.append(": ");
        if (v.mrs() != null) {
            sb.append("mRS 0-6 ").append(v.mrs().stream().map(x -> x == null ? "·" : num(x)).toList())
                    .append("percent".equals(v.unit()) ? " %" : "").append(v.combined() == null ? "" : " (" + v.combined() + " combined)");
        } else if (v.estimate() != null) {
            sb.append(v.measure() == null ? "" : v.measure() + " ").append(num(v.estimate()));
            if (v.ciLower() != null && v.ciUpper() != null) {
                sb.append(" [").append(num(v.ciLower())).append(", ").append(num(v.ciUpper())).append(']');
            }
        } else if (v.events() != null) {
            sb.append(num(v.events())).append(v.total() == null ? "" : " of " + num(v.total()))
                    .append(v.percent() == null ? "" : " (" + num(v.percent()) + "%)");
        } else if (v.percent() != null) {
            sb.append(num(v.percent())).append('%').append(v.total() == null ? "" : " of " + num(v.total()));
        } else if (v.n() != null) {
            sb.append(v.n()).append(" patients");
        } else if (v.mean() != null) {
            sb.append("mean ").append(num(v.mean()));
        } else {
            sb.append("see note");
        }
        if (v.population() != null) {
            sb.append("; ").append(v.population());
        }
        return sb.toString();
    }

    /**
     * One row per published number (RFC 4180 quoting), with a header.
     *
     * @param trials     the trials
     * @param population only this population, or null for all
     * @return the CSV text
     */
    public static String csv(List<TrialEvidence> trials, Population population) {
        StringBuilder sb = new StringBuilder(String.join(",", EvidenceRow.COLUMNS)).append('\n');
        for (EvidenceRow r : EvidenceRow.of(trials, population)) {
            Object[] cells = cells(r);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Object c = cells[i];
                if (c instanceof Double d) {
                    sb.append(num(d));
                } else if (c != null) {
                    sb.append(CsvReport.quote(c.toString().replace("\r", " ").replace("\n", " ")));
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * The JSON export: the trials (publications, design, what is missing) and the rows.
     *
     * @param trials     the trials
     * @param population only this population, or null for all
     * @return the document
     */
    public static ObjectNode json(List<TrialEvidence> trials, Population population) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("population", population == null ? null : population.label());
        ArrayNode ts = root.putArray("trials");
        for (TrialEvidence t : select(trials, population)) {
            ObjectNode n = ts.addObject();
            n.put("id", t.id());
            n.put("trial", t.trial());
            n.put("kind", t.kind());
            n.put("population", t.population().label());
            n.put("comparison", t.comparison());
            ArrayNode pubs = n.putArray("publications");
            for (Publication p : t.publications()) {
                ObjectNode o = pubs.addObject();
                o.put("ref", p.ref());
                o.put("pmid", p.pmid());
                o.put("citation", p.citation());
                o.put("role", p.role());
            }
            if (t.design() != null) {
                ObjectNode d = n.putObject("design");
                d.put("occlusion_sites", t.design().occlusionSites());
                d.put("m2_included", t.design().m2Included());
                d.put("time_window", t.design().timeWindow());
                d.put("imaging_selection", t.design().imagingSelection());
                d.put("countries", t.design().countries());
                d.put("enrolment_years", t.design().enrolmentYears());
                d.put("primary_outcome", t.design().primaryOutcome());
            }
            ArrayNode arms = n.putArray("arms");
            for (Arm a : t.arms()) {
                ObjectNode o = arms.addObject();
                o.put("arm", a.arm());
                o.put("randomised", a.randomised());
                o.put("analysed", a.analysed());
                o.put("analysed_population", a.analysedPopulation());
                o.put("source", a.source() == null ? null : a.source().ref());
                o.put("where", a.source() == null ? null : a.source().where());
                o.put("confidence", a.confidence() == null ? null : a.confidence().label());
            }
            ArrayNode missing = n.putArray("missing");
            t.missing().forEach(missing::add);
        }
        ArrayNode rows = root.putArray("rows");
        for (EvidenceRow r : EvidenceRow.of(trials, population)) {
            ObjectNode o = rows.addObject();
            Object[] cells = cells(r);
            for (int k = 0; k < cells.length; k++) {
                String name = EvidenceRow.COLUMNS.get(k);
                if (cells[k] instanceof Double d) {
                    o.put(name, d);
                } else if (cells[k] instanceof Boolean b) {
                    o.put(name, b);
                } else {
                    o.put(name, (String) cells[k]);
                }
            }
        }
        return root;
    }

    /** A row's cells in the order of {@link EvidenceRow#COLUMNS}: the CSV and JSON exports write the same. */
    private static Object[] cells(EvidenceRow r) {
        return new Object[] {r.trial(), r.id(), r.population().label(), r.outcome(), r.of(), r.arm(), r.events(), r.total(), r.percent(),
            r.measure(), r.estimate(), r.ciLower(), r.ciUpper(), r.adjusted(), r.p(), r.analysedPopulation(), r.source(), r.where(),
            r.confidence() == null ? null : r.confidence().label(), r.note()};
    }

    /** A published number as written: whole numbers without a decimal point. */
    private static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
