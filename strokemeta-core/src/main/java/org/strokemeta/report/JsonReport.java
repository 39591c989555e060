package org.strokemeta.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.pool.Tau2Estimate;
import org.strokemeta.regression.Coefficient;
import org.strokemeta.regression.PermutationResult;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.subgroup.BetweenTest;
import org.strokemeta.subgroup.SubgroupResult;
import org.strokemeta.study.MetaRun;

/**
 * The JSON form of results, at full double precision (shortest decimal that reads back to the same
 * double), with undefined values as null. The schema is documented in docs/json-schema.md and
 * versioned by the {@code schema} field.
 */
public final class JsonReport {
    /** The schema identifier of meta-analysis results. */
    public static final String SCHEMA = "strokemeta.meta/1";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // shortest round-trip decimal by the Schubfach algorithm: the same digits as Double.toString, faster
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    private JsonReport() {
    }

    /**
     * The whole document for a run (one or many analyses), as a tree.
     *
     * @param source   the name of the input file
     * @param request  the analysis request
     * @param outcomes the analyses
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode document(String source, MetaRequest request, List<MetaRun.Outcome> outcomes) {
        ObjectNode root = header(source, request);
        ArrayNode results = root.putArray("results");
        for (MetaRun.Outcome o : outcomes) {
            results.add(outcome(o));
        }
        return root;
    }

    /**
     * Writes the document of a run to a writer as it goes: the header, then each analysis's result as
     * soon as it is made, so that a batch of thousands of analyses never holds the whole document in
     * memory. Indented for a few analyses, compact for large batches (more than 100).
     *
     * @param source   the name of the input file
     * @param request  the analysis request
     * @param outcomes the analyses
     * @param w        where the document goes (not closed)
     * @throws java.io.IOException if the writer fails
     */
    public static void write(String source, MetaRequest request, List<MetaRun.Outcome> outcomes, java.io.Writer w)
            throws java.io.IOException {
        boolean large = outcomes.size() > 100;
        com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(w)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        if (!large) {
            g.useDefaultPrettyPrinter();
        }
        g.writeStartObject();
        for (var e : header(source, request).properties()) {
            g.writeFieldName(e.getKey());
            MAPPER.writeTree(g, e.getValue());
        }
        g.writeArrayFieldStart("results");
        for (MetaRun.Outcome o : outcomes) {
            MAPPER.writeTree(g, outcome(o));
        }
        g.writeEndArray();
        g.writeEndObject();
        g.flush();
        w.write('\n');
    }

    private static ObjectNode header(String source, MetaRequest request) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.set("request", request(request));
        return root;
    }

    /** One analysis of a run: group and error first, then the result. */
    private static ObjectNode outcome(MetaRun.Outcome o) {
        ObjectNode ordered = MAPPER.createObjectNode();
        if (o.group() != null) {
            ordered.put("group", o.group());
        } else {
            ordered.putNull("group");
        }
        if (o.failed()) {
            ordered.put("error", o.error());
            return ordered;
        }
        ordered.putNull("error");
        ObjectNode r = result(o.result());
        r.put("valid", o.valid());
        r.set("subgroups", o.subgroups() == null ? null : subgroups(o.subgroups()));
        r.set("metaregression", o.regression() == null ? null : regression(o.regression(), o.permutation()));
        ordered.setAll(r);
        return ordered;
    }

    static ObjectNode request(MetaRequest r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("measure", r.measure() == null ? null : r.measure().name());
        options(n, r.options());
        ObjectNode cc = n.putObject("continuity");
        cc.put("add", r.continuity().add());
        cc.put("to", r.continuity().to().label());
        cc.put("drop00", r.continuity().drop00());
        n.put("by", r.by());
        n.put("subgroup", r.subgroup());
        n.put("subgroup_test", r.subgroupTest().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode mods = n.putArray("moderators");
        r.moderators().forEach(mods::add);
        if (r.permutations() == 0) {
            n.putNull("permutations");
        } else {
            n.put("permutations", r.permutations() == MetaRequest.EXACT ? "exact" : Integer.toString(r.permutations()));
        }
        return n;
    }

    static void options(ObjectNode n, MetaOptions o) {
        n.put("model", o.model().name().toLowerCase(java.util.Locale.ROOT));
        n.put("fixed_method", o.fixedMethod().name());
        n.put("tau2_method", o.tau2Method().name());
        n.put("ci_method", o.ciMethod().name().toLowerCase(java.util.Locale.ROOT));
        n.put("level", o.level());
    }

    /**
     * One analysis.
     *
     * @param r the analysis
     * @return the node: effects (analysis scale, with the scale named), pooled estimate, heterogeneity, tau² and notes
     */
    public static ObjectNode result(MetaResult r) {
        ObjectNode n = MAPPER.createObjectNode();
        EffectSizes es = r.effects();
        Measure m = es.measure();
        n.put("measure", m.name());
        n.put("scale", m.logScale() ? "log" : "identity");
        n.put("method", r.method());
        ObjectNode opts = n.putObject("options");
        options(opts, r.options());
        n.put("k", r.k());
        n.put("k_excluded", es.excluded().size());
        double z = Dist.zCrit(r.options().level());
        ArrayNode studies = n.putArray("studies");
        for (int i = 0; i < es.size(); i++) {
            ObjectNode s = studies.addObject();
            s.put("study", es.study(i));
            s.put("line", es.lines(i));
            double se = Math.sqrt(es.vi(i));
            num(s, "yi", es.yi(i));
            num(s, "vi", es.vi(i));
            num(s, "se", se);
            num(s, "ci_lower", es.yi(i) - z * se);
            num(s, "ci_upper", es.yi(i) + z * se);
            num(s, "weight", r.weights(i));
        }
        n.set("pooled", pooled(r.pooled(), m, r.options().model() == Model.RANDOM));
        n.set("heterogeneity", heterogeneity(r.heterogeneity()));
        Tau2Estimate t = r.tau2();
        if (t != null) {
            ObjectNode f = n.putObject("tau2_fit");
            f.put("method", t.method().name());
            f.put("iterations", t.iterations());
            f.put("converged", t.converged());
            f.put("message", t.message());
        } else {
            n.putNull("tau2_fit");
        }
        n.put("converged", r.converged());
        n.set("notes", notes(r.notes()));
        return n;
    }

    static ObjectNode subgroups(SubgroupResult s) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("column", s.column());
        ArrayNode groups = n.putArray("groups");
        for (SubgroupResult.Group g : s.groups()) {
            ObjectNode o = groups.addObject();
            o.put("label", g.label());
            o.put("k", g.result().k());
            o.put("single_study_fixed_effect", g.single());
            o.put("method", g.result().method());
            o.set("pooled", pooled(g.result().pooled(), g.result().effects().measure(), g.result().options().model() == Model.RANDOM));
            o.set("heterogeneity", heterogeneity(g.result().heterogeneity()));
            o.put("converged", g.result().converged());
        }
        BetweenTest b = s.between();
        if (b == null) {
            n.putNull("between");
        } else {
            ObjectNode o = n.putObject("between");
            o.put("method", b.method().name().toLowerCase(java.util.Locale.ROOT));
            num(o, "statistic", b.statistic());
            o.put("df", b.df1());
            num(o, "df2", b.df2());
            num(o, "p", b.p());
        }
        n.set("notes", notes(s.notes()));
        return n;
    }

    static ObjectNode regression(RegressionResult r, PermutationResult perm) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("method", r.method());
        n.put("k", r.k());
        n.put("statistic", r.fit().options().ciMethod() == org.strokemeta.pool.CiMethod.KNHA ? "t" : "z");
        num(n, "df", r.fit().df());
        ArrayNode coefs = n.putArray("coefficients");
        for (int j = 0; j < r.coefficients().size(); j++) {
            Coefficient c = r.coefficients().get(j);
            ObjectNode o = coefs.addObject();
            o.put("name", c.name());
            num(o, "estimate", c.estimate());
            num(o, "se", c.se());
            num(o, "z_or_t", c.statistic());
            num(o, "p", c.p());
            num(o, "ci_lower", c.ciLower());
            num(o, "ci_upper", c.ciUpper());
            num(o, "permutation_p", perm == null ? Double.NaN : perm.p(j));
        }
        ObjectNode qm = n.putObject("qm");
        num(qm, "statistic", r.omnibus().statistic());
        qm.put("df", r.omnibus().df1());
        num(qm, "df2", r.omnibus().df2());
        num(qm, "p", r.omnibus().p());
        num(qm, "permutation_p", perm == null ? Double.NaN : perm.qmP());
        n.set("residual_heterogeneity", heterogeneity(r.heterogeneity()));
        num(n, "r2", r.r2());
        if (perm == null) {
            n.putNull("permutation");
        } else {
            ObjectNode p = n.putObject("permutation");
            p.put("exact", perm.exact());
            p.put("permutations", perm.permutations());
            p.put("failed", perm.failed());
            p.put("requested", perm.requested());
            p.put("complete", perm.complete());
            if (perm.stopped() == null) {
                p.putNull("stopped");
            } else {
                p.put("stopped", perm.describe());
            }
        }
        n.put("converged", r.converged());
        n.set("notes", notes(r.notes()));
        return n;
    }

    static ObjectNode pooled(PooledEstimate p, Measure m, boolean random) {
        ObjectNode n = MAPPER.createObjectNode();
        num(n, "estimate", p.estimate());
        num(n, "se", p.se());
        num(n, "ci_lower", p.ciLower());
        num(n, "ci_upper", p.ciUpper());
        n.put("statistic", p.isT() ? "t" : "z");
        num(n, p.isT() ? "t" : "z", p.statistic());
        num(n, "df", p.df());
        num(n, "p", p.p());
        num(n, "pi_lower", random ? p.piLower() : Double.NaN);
        num(n, "pi_upper", random ? p.piUpper() : Double.NaN);
        if (m.logScale()) {
            ObjectNode e = n.putObject("exp");
            num(e, "estimate", Math.exp(p.estimate()));
            num(e, "ci_lower", Math.exp(p.ciLower()));
            num(e, "ci_upper", Math.exp(p.ciUpper()));
            num(e, "pi_lower", random ? Math.exp(p.piLower()) : Double.NaN);
            num(e, "pi_upper", random ? Math.exp(p.piUpper()) : Double.NaN);
        }
        return n;
    }

    static ObjectNode heterogeneity(Heterogeneity h) {
        ObjectNode n = MAPPER.createObjectNode();
        num(n, "q", h.q());
        n.put("q_df", h.qDf());
        num(n, "q_p", h.qP());
        num(n, "i2", h.i2());
        num(n, "h2", h.h2());
        num(n, "tau2", h.tau2());
        num(n, "tau", h.tau());
        interval(n, "tau2_ci", h.tau2Ci());
        interval(n, "i2_ci", h.i2Ci());
        interval(n, "h2_ci", h.h2Ci());
        return n;
    }

    private static void interval(ObjectNode n, String key, Heterogeneity.Interval iv) {
        num(n, key + "_lower", iv == null ? Double.NaN : iv.lower());
        num(n, key + "_upper", iv == null ? Double.NaN : iv.upper());
    }

    static ArrayNode notes(List<Note> notes) {
        ArrayNode a = MAPPER.createArrayNode();
        for (Note note : notes) {
            ObjectNode o = a.addObject();
            if (note.line() > 0) {
                o.put("line", note.line());
            } else {
                o.putNull("line");
            }
            o.put("study", note.study());
            o.put("kind", note.kind().name().toLowerCase(java.util.Locale.ROOT));
            o.put("message", note.message());
        }
        return a;
    }

    /**
     * Puts a number, or null when it is not finite.
     *
     * @param n   the node
     * @param key the key
     * @param v   the number
     */
    public static void num(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /**
     * Streams a document to a writer: indented when it is small enough to be read by a person,
     * compact for large batch documents (thousands of analyses).
     *
     * @param n the document
     * @param w where it goes (not closed)
     * @throws java.io.IOException if the writer fails
     */
    public static void write(ObjectNode n, java.io.Writer w) throws java.io.IOException {
        boolean large = n.path("results").size() > 100;
        (large ? MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT) : MAPPER.writer())
                .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
                .writeValue(w, n);
        w.write('\n');
    }

    /**
     * Serialises a node.
     *
     * @param n the document
     * @return the JSON text, indented, with a final line end
     */
    public static String write(ObjectNode n) {
        try {
            return MAPPER.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
