package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.evidence.Design;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.SummaryOfFindings;
import org.strokemeta.subgroup.BetweenTest;

/** Every number of the report on the published evidence as JSON (schema strokemeta.published/1, docs/published-evidence.md). */
public final class PublishedJson {
    /** The schema identifier. */
    public static final String SCHEMA = "strokemeta.published/1";

    private PublishedJson() {
    }

    /**
     * The analysis as JSON.
     *
     * @param r          the analysis
     * @param provenance where the evidence came from and when
     * @return the document
     */
    public static ObjectNode json(PublishedAnalysis.Result r, String provenance) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("title", PublishedHtml.TITLE);
        root.put("provenance", provenance);
        ObjectNode q = root.putObject("request");
        q.put("tau2_method", r.request().options().tau2Method().name());
        q.put("level", r.request().options().level());
        q.put("ois_relative_effect", r.request().relativeEffect());
        q.put("ois_alpha", r.request().alpha());
        q.put("ois_power", r.request().power());
        q.put("bayes", r.request().bayes() != null);
        q.put("sequential", r.request().sequential());
        ArrayNode files = q.putArray("judgment_files");
        r.request().judgments().files().forEach(files::add);
        ArrayNode trials = root.putArray("trials");
        for (var t : r.evidence()) {
            ObjectNode n = trials.addObject();
            n.put("trial", t.trial());
            n.put("id", t.id());
            n.put("kind", t.kind());
            n.put("population", t.population().label());
        }
        ArrayNode outcomes = root.putArray("outcomes");
        for (PublishedAnalysis.OutcomeAnalysis o : r.outcomes()) {
            ObjectNode n = outcomes.addObject();
            n.put("outcome", o.outcome());
            n.put("label", o.label());
            n.put("measure", o.measure());
            ArrayNode pops = n.putArray("populations");
            for (PublishedAnalysis.PopulationResult p : o.populations()) {
                ObjectNode x = pops.addObject();
                x.put("population", p.population().label());
                x.put("trials", p.trials());
                JsonReport.num(x, "participants", p.participants());
                JsonReport.num(x, "control_events", p.controlEvents());
                JsonReport.num(x, "control_total", p.controlTotal());
                x.set("random_effects", JsonReport.result(p.randomEffects()));
                if (p.mantelHaenszel() != null) {
                    x.set("mantel_haenszel", JsonReport.result(p.mantelHaenszel()));
                } else {
                    x.putNull("mantel_haenszel");
                }
                if (p.peto() != null) {
                    x.set("peto", JsonReport.result(p.peto()));
                }
                x.put("sparse", p.sparse());
                if (p.glmm() != null) {
                    ObjectNode g = MultivariateReport.json("published " + o.outcome() + " " + p.population().label(), p.glmm());
                    g.remove(java.util.List.of("schema", "version"));
                    x.set("glmm", g);
                } else {
                    x.putNull("glmm");
                }
                ArrayNode notes = x.putArray("notes");
                p.notes().forEach(notes::add);
            }
            BetweenTest b = o.byPopulation() == null ? null : o.byPopulation().between();
            if (b != null) {
                ObjectNode t = n.putObject("between_populations");
                t.put("test", b.method().name());
                JsonReport.num(t, "q", b.statistic());
                t.put("df", b.df1());
                JsonReport.num(t, "p", b.p());
            } else {
                n.putNull("between_populations");
            }
            ArrayNode used = n.putArray("used");
            for (PublishedAnalysis.Entry e : o.used()) {
                ObjectNode x = used.addObject();
                x.put("trial", e.trial());
                x.put("population", e.population().label());
                value(x, "effect", e.effect());
                value(x, "thrombectomy", e.evt());
                value(x, "control", e.control());
            }
            ArrayNode ex = n.putArray("excluded");
            for (PublishedAnalysis.Excluded e : o.excluded()) {
                ObjectNode x = ex.addObject();
                x.put("trial", e.trial());
                x.put("population", e.population().label());
                x.put("reason", e.reason());
            }
        }
        ArrayNode bayes = root.putArray("bayes");
        for (var e : r.bayes()) {
            ObjectNode x = bayes.addObject();
            x.put("outcome", e.outcome());
            x.put("measure", e.measure());
            x.put("population", e.population().label());
            x.put("note", e.note());
            if (e.result() == null) {
                x.putNull("posterior");
            } else {
                ObjectNode d = BayesReport.json("published " + e.outcome() + " " + e.population().label(),
                        "RR".equals(e.measure()) ? org.strokemeta.effect.Measure.RR : org.strokemeta.effect.Measure.RATIO, e.result());
                d.remove(java.util.List.of("schema", "version"));
                x.set("posterior", d);
            }
        }
        ArrayNode seq = root.putArray("sequential");
        for (var e : r.sequential()) {
            ObjectNode x = seq.addObject();
            x.put("outcome", e.outcome());
            x.put("population", e.population().label());
            ArrayNode order = x.putArray("order");
            e.order().forEach(order::add);
            x.put("note", e.note());
            if (e.result() == null) {
                x.putNull("analysis");
            } else {
                ObjectNode d = TsaReport.json("published " + e.outcome() + " " + e.population().label(), e.result());
                d.remove(java.util.List.of("schema", "version"));
                x.set("analysis", d);
            }
        }
        findings(root.putObject("summary_of_findings"), r.findings());
        ArrayNode rep = root.putArray("reproductions");
        for (PublishedAnalysis.Reproduction x : r.reproductions()) {
            ObjectNode n = rep.addObject();
            n.put("trial", x.trial());
            n.put("population", x.population().label());
            value(n, "published", x.published());
            n.put("from", x.from());
            JsonReport.num(n, "computed", x.computed());
            n.put("inside_interval", x.agrees());
        }
        ArrayNode m2 = root.putArray("m2");
        for (PublishedAnalysis.M2Entry e : r.m2()) {
            ObjectNode x = m2.addObject();
            x.put("trial", e.trial().trial());
            x.put("kind", e.trial().kind());
            x.put("population", e.trial().population().label());
            Design d = e.trial().design();
            if (d != null) {
                ObjectNode dn = x.putObject("design");
                dn.put("occlusion_sites", d.occlusionSites());
                dn.put("m2_included", d.m2Included());
                dn.put("time_window", d.timeWindow());
                dn.put("imaging_selection", d.imagingSelection());
                dn.put("primary_outcome", d.primaryOutcome());
            }
            value(x, "primary_effect", e.primary());
            ArrayNode sub = x.putArray("m2_subgroup");
            e.m2().forEach(v -> value(sub.addObject(), null, v));
            ArrayNode res = x.putArray("outcomes");
            e.outcomes().forEach(v -> value(res.addObject(), null, v));
        }
        return root;
    }

    private static void findings(ObjectNode n, SummaryOfFindings s) {
        ArrayNode rules = n.putArray("rules");
        s.rules().forEach(rules::add);
        ArrayNode rows = n.putArray("rows");
        for (SummaryOfFindings.Row x : s.rows()) {
            ObjectNode r = rows.addObject();
            r.put("population", x.population().label());
            r.put("outcome", x.outcome());
            r.put("label", x.label());
            r.put("measure", x.measure());
            r.put("analysis", x.analysis());
            r.put("trials", x.trials());
            JsonReport.num(r, "participants", x.participants());
            JsonReport.num(r, "estimate", x.estimate());
            JsonReport.num(r, "ci_lower", x.lower());
            JsonReport.num(r, "ci_upper", x.upper());
            JsonReport.num(r, "control_per_1000", x.controlPer1000());
            JsonReport.num(r, "thrombectomy_per_1000", x.evtPer1000());
            JsonReport.num(r, "thrombectomy_per_1000_lower", x.evtLower());
            JsonReport.num(r, "thrombectomy_per_1000_upper", x.evtUpper());
            JsonReport.num(r, "difference_per_1000", x.differencePer1000());
            JsonReport.num(r, "difference_per_1000_lower", x.differenceLower());
            JsonReport.num(r, "difference_per_1000_upper", x.differenceUpper());
            JsonReport.num(r, "optimal_information_size", x.ois());
            if (x.certainty() == null) {
                r.putNull("certainty");
            } else {
                r.put("certainty", x.certainty().label());
            }
            r.put("provisional", x.provisional());
            ArrayNode ds = r.putArray("domains");
            for (SummaryOfFindings.Domain d : x.domains()) {
                ObjectNode dn = ds.addObject();
                dn.put("domain", d.name());
                dn.put("downgrade", d.downgrade());
                dn.put("judgment", d.judgment());
                dn.put("reason", d.reason());
            }
            r.put("note", x.note());
        }
    }

    private static void value(ObjectNode parent, String key, PublishedValue v) {
        if (key != null && v == null) {
            return;
        }
        ObjectNode n = key == null ? parent : parent.putObject(key);
        n.put("outcome", v.outcome());
        if (v.arm() != null) {
            n.put("arm", v.arm());
        }
        n.put("population", v.population());
        if (v.mrs() != null) {
            ArrayNode a = n.putArray("mrs");
            v.mrs().forEach(d -> {
                if (d == null) {
                    a.addNull();
                } else {
                    a.add(d);
                }
            });
            n.put("unit", v.unit());
        }
        put(n, "events", v.events());
        put(n, "total", v.total());
        put(n, "percent", v.percent());
        if (v.n() != null) {
            n.put("n", v.n());
        }
        if (v.measure() != null) {
            n.put("measure", v.measure());
        }
        put(n, "estimate", v.estimate());
        put(n, "ci_lower", v.ciLower());
        put(n, "ci_upper", v.ciUpper());
        if (v.adjusted() != null) {
            n.put("adjusted", v.adjusted());
        }
        n.put("confidence", v.confidence().label());
        n.put("source", v.source().ref());
        n.put("where", v.source().where());
        if (v.note() != null) {
            n.put("note", v.note());
        }
    }

    private static void put(ObjectNode n, String key, Double v) {
        if (v != null) {
            n.put(key, v);
        }
    }

}
