package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.StudyReport;

/** Every number of a {@link StudyReport} as JSON (schema strokemeta.report/1, docs/json-schema.md). */
public final class StudyJson {
    /** The schema identifier. */
    public static final String SCHEMA = "strokemeta.report/1";

    private StudyJson() {
    }

    /**
     * The study report as JSON.
     *
     * @param r the study report
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(StudyReport r) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", r.provenance().version());
        root.put("title", StudyHtml.title(r));
        root.put("simulated", r.simulated());
        plan(root.putObject("plan"), r.plan());
        ArrayNode miss = root.putArray("covariates_not_in_data");
        r.missingCovariates().forEach(miss::add);
        ArrayNode left = root.putArray("left_out_of_plan");
        for (StudyReport.MissingVariable m : r.missingVariables()) {
            ObjectNode v = left.addObject();
            v.put("role", m.role());
            v.put("name", m.name());
            v.put("suggestion", m.suggestion());
        }
        ObjectNode p = root.putObject("provenance");
        p.put("input", r.provenance().input());
        p.put("input_sha256", r.provenance().inputSha256());
        p.put("plan", r.provenance().planName());
        p.put("plan_sha256", r.provenance().planSha256());
        p.put("generated", r.provenance().generated());
        p.put("command", r.provenance().command());
        ArrayNode base = root.putArray("baseline");
        for (StudyReport.BaselineRow row : r.baseline()) {
            ObjectNode b = base.addObject();
            b.put("label", row.label());
            b.put("kind", row.kind());
            nums(b.putArray("thrombectomy"), row.evt());
            nums(b.putArray("control"), row.control());
            b.put("missing_thrombectomy", row.missing()[0]);
            b.put("missing_control", row.missing()[1]);
        }
        root.set("primary", IpdReport.json(r.main()));
        subgroups(root.putArray("subgroups"), r.subgroups());
        if (r.m2() == null) {
            root.putNull("m2");
        } else {
            ObjectNode m = root.putObject("m2");
            m.set("analysis", r.m2().analysis() == null ? null : IpdReport.json(r.m2().analysis()));
            m.put("not_run_because", r.m2().reason());
            subgroups(m.putArray("subdivisions"), r.m2().subdivisions());
        }
        StudyReport.TimeEffect t = r.time();
        if (t == null) {
            root.putNull("time");
        } else {
            ObjectNode tn = root.putObject("time");
            nums(tn.putArray("minutes"), t.minutes());
            nums(tn.putArray("log_cor"), t.logCor());
            nums(tn.putArray("ci_lower"), t.lower());
            nums(tn.putArray("ci_upper"), t.upper());
            JsonReport.num(tn, "log_ratio_per_hour", t.perHour());
            JsonReport.num(tn, "log_ratio_per_hour_se", t.perHourSe());
            JsonReport.num(tn, "p_interaction", t.perHourP());
        }
        ArrayNode g = root.putArray("grotta");
        for (StudyReport.Grotta gr : r.grotta()) {
            ObjectNode n = g.addObject();
            n.put("label", gr.label());
            nums(n.putArray("thrombectomy"), gr.counts()[0]);
            nums(n.putArray("control"), gr.counts()[1]);
        }
        if (r.published() == null) {
            root.putNull("published");
        } else {
            ArrayNode pub = root.putArray("published");
            for (var c : r.published()) {
                ObjectNode n = pub.addObject();
                n.put("label", c.label());
                if (c.published() == null) {
                    n.putNull("published");
                } else {
                    ObjectNode pn = n.putObject("published");
                    JsonReport.num(pn, "estimate", c.published().estimate());
                    JsonReport.num(pn, "ci_lower", c.published().lower());
                    JsonReport.num(pn, "ci_upper", c.published().upper());
                    pn.put("adjusted", c.published().adjusted());
                    pn.put("source", c.published().source());
                }
                ShiftReport.cor(c.computed(), n.putObject("computed"));
                n.put("patients", c.patients());
                n.put("confidence", c.confidence());
                n.put("explanation", c.explanation());
            }
        }
        if (r.bayes() == null) {
            root.putNull("bayes");
        } else {
            ObjectNode b = BayesReport.json(r.cohort().source(), org.strokemeta.effect.Measure.RATIO, r.bayes());
            b.remove(java.util.List.of("schema", "version"));
            root.set("bayes", b);
        }
        if (r.sequential() == null) {
            root.putNull("tsa");
        } else {
            ObjectNode seq = TsaReport.json(r.cohort().source(), r.sequential());
            seq.remove(java.util.List.of("schema", "version"));
            root.set("tsa", seq);
        }
        root.put("methods", StudyHtml.methods(r));
        return root;
    }

    private static void plan(ObjectNode n, AnalysisPlan p) {
        n.put("title", p.title());
        ArrayNode c = n.putArray("covariates");
        p.covariates().forEach(c::add);
        n.put("random_effects", p.randomEffects().name().toLowerCase(java.util.Locale.ROOT));
        n.put("nagq", p.nAGQ());
        n.put("merge", p.merge() == null ? null : p.merge().from() + "-" + p.merge().to());
        ArrayNode b = n.putArray("binary");
        p.binary().forEach(b::add);
        n.put("binary_model", p.binaryModel().name().toLowerCase(java.util.Locale.ROOT));
        n.put("tau2", p.tau2().name());
        n.put("ci", p.ci().name().toLowerCase(java.util.Locale.ROOT));
        n.put("m2_section", p.m2());
        n.put("level", p.level());
        n.put("bayes", p.bayes() != null);
        n.put("tsa", p.sequential() != null);
    }

    private static void subgroups(ArrayNode out, List<StudyReport.SubgroupResult> list) {
        for (StudyReport.SubgroupResult s : list) {
            ObjectNode n = out.addObject();
            n.put("label", s.label());
            n.put("variable", s.variable());
            ArrayNode lv = n.putArray("levels");
            for (StudyReport.Level l : s.levels()) {
                ObjectNode x = lv.addObject();
                x.put("name", l.name());
                x.put("patients_thrombectomy", l.nEvt());
                x.put("patients_control", l.nControl());
                if (l.effect() == null) {
                    x.putNull("effect");
                } else {
                    ShiftReport.cor(l.effect(), x.putObject("effect"));
                }
                x.put("note", l.note());
            }
            ObjectNode t = n.putObject("interaction");
            JsonReport.num(t, "statistic", s.interaction().statistic());
            t.put("df", s.interaction().df());
            JsonReport.num(t, "p", s.interaction().p());
            t.put("message", s.interaction().message());
        }
    }

    private static void nums(ArrayNode a, double[] v) {
        for (double x : v) {
            if (Double.isFinite(x)) {
                a.add(x);
            } else {
                a.addNull();
            }
        }
    }
}
