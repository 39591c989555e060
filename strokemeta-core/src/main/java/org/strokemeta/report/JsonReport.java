package org.strokemeta.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.strokemeta.data.Note;
import org.strokemeta.effect.BackTransform;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.CiMethod;
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

    /**
     * The generators of the streamed documents: shortest round-trip decimals by the Schubfach algorithm
     * (the same digits as Double.toString, faster).
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
            .build();

    /** The object mapper of documents built as trees, made when first needed (streamed documents do not need it). */
    private static final class Mapper {
        static final ObjectMapper INSTANCE = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
    }

    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private JsonReport() {
    }

    /**
     * The whole document for a run (one or many analyses), as a tree: the same document that
     * {@link #write(String, MetaRequest, List, java.io.Writer)} streams.
     *
     * @param source   the name of the input file
     * @param request  the analysis request
     * @param outcomes the analyses
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode document(String source, MetaRequest request, List<MetaRun.Outcome> outcomes) {
        return (ObjectNode) tree(g -> document(g, source, request, outcomes));
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
        if (outcomes.size() > LARGE) {
            compact(source, request, outcomes, (chunk, n) -> w.write(new String(chunk, 0, n, StandardCharsets.UTF_8)));
            return;
        }
        JsonGenerator g = FACTORY.createGenerator(w).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        g.useDefaultPrettyPrinter();
        document(g, source, request, outcomes);
        g.flush();
        w.write('\n');
    }

    /**
     * Writes the document of a run to a byte stream in UTF-8, as
     * {@link #write(String, MetaRequest, List, java.io.Writer)} writes it to a writer (the same text).
     * A large batch is formatted in parallel on the request's {@link MetaRequest#execution() execution},
     * a window of analyses at a time, and written in order.
     *
     * @param source   the name of the input file
     * @param request  the analysis request
     * @param outcomes the analyses
     * @param out      where the document goes (not closed)
     * @throws java.io.IOException if the stream fails
     */
    public static void write(String source, MetaRequest request, List<MetaRun.Outcome> outcomes, OutputStream out)
            throws java.io.IOException {
        if (outcomes.size() > LARGE) {
            compact(source, request, outcomes, (chunk, n) -> out.write(chunk, 0, n));
            return;
        }
        java.io.Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        write(source, request, outcomes, w);
        w.flush();
    }

    /** More analyses than this are written compact (no indentation). */
    private static final int LARGE = 100;
    /** Analyses formatted by one task of a large batch. */
    private static final int CHUNK = 64;

    /**
     * The compact document of a large batch: the header, the analyses formatted in parallel in chunks
     * by {@link CompactJson} (which separates a chunk's analyses by commas, as the array does), and the end.
     */
    private static void compact(String source, MetaRequest request, List<MetaRun.Outcome> outcomes, Chunks.Sink sink)
            throws IOException {
        CompactJson head = new CompactJson(1024);
        head.writeStartObject();
        head.writeStringField("schema", SCHEMA);
        head.writeStringField("version", Version.get());
        str(head, "source", source);
        head.writeFieldName("request");
        request(head, request);
        head.writeArrayFieldStart("results");
        sink.accept(head.buffer(), head.size());
        Chunks.write(outcomes.size(), CHUNK, request.execution(), c -> {
            int lo = c * CHUNK;
            int hi = Math.min(outcomes.size(), lo + CHUNK);
            int size = 0;
            for (int i = lo; i < hi; i++) {
                // about 1,600 bytes of pooled results and 340 per study
                EffectSizes es = outcomes.get(i).effects();
                size += 1600 + 340 * (es == null ? 0 : es.size());
            }
            CompactJson g = new CompactJson(size);
            try {
                for (int i = lo; i < hi; i++) {
                    outcome(g, outcomes.get(i), request.by() == null);
                }
            } catch (IOException e) {
                // a byte array never fails to take what is written
                throw new UncheckedIOException(e);
            }
            return new Chunks.Piece(g.buffer(), g.size());
        }, COMMA_BYTES, sink);
        sink.accept(END, END.length);
    }

    private static final byte[] COMMA_BYTES = {','};
    private static final byte[] END = {']', '}', '\n'};

    /** Something that writes one JSON value to a generator. */
    @FunctionalInterface
    private interface Emitter {
        void emit(JsonGenerator g) throws IOException;
    }

    /**
     * The tree of what an emitter writes, read back from a token buffer: the fields are written in one
     * place, for the stream and for the tree alike. Integers keep their Java type (int or long) and
     * numbers their double value.
     */
    private static JsonNode tree(Emitter e) {
        try (TokenBuffer b = new TokenBuffer(mapper(), false)) {
            e.emit(b);
            try (JsonParser p = b.asParser(mapper())) {
                return mapper().readTree(p);
            }
        } catch (IOException x) {
            // a token buffer holds everything in memory and never fails to write or read
            throw new UncheckedIOException(x);
        }
    }

    private static void document(JsonGenerator g, String source, MetaRequest request, List<MetaRun.Outcome> outcomes)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeStringField("version", Version.get());
        str(g, "source", source);
        g.writeFieldName("request");
        request(g, request);
        g.writeArrayFieldStart("results");
        for (MetaRun.Outcome o : outcomes) {
            outcome(g, o, request.by() == null);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * One analysis of a run: group and error first, then the result; the fit statistics of a single
     * analysis (a batch leaves them out: {@code FitStatistics.of} gives them for any result).
     */
    private static void outcome(JsonGenerator g, MetaRun.Outcome o, boolean fitStatistics) throws IOException {
        g.writeStartObject();
        str(g, "group", o.group());
        if (o.failed()) {
            g.writeStringField("error", o.error());
            g.writeEndObject();
            return;
        }
        g.writeNullField("error");
        resultFields(g, o.result(), fitStatistics);
        g.writeBooleanField("valid", o.valid());
        g.writeFieldName("subgroups");
        if (o.subgroups() == null) {
            g.writeNull();
        } else {
            subgroups(g, o.subgroups());
        }
        g.writeFieldName("metaregression");
        if (o.regression() == null) {
            g.writeNull();
        } else {
            regression(g, o.regression(), o.permutation());
        }
        if (o.regression() == null && o.permutation() != null) {
            // the sign-flip test of the average effect of a model without moderators
            PermutationResult perm = o.permutation();
            g.writeObjectFieldStart("permutation");
            g.writeBooleanField("exact", perm.exact());
            g.writeNumberField("permutations", perm.permutations());
            g.writeNumberField("failed", perm.failed());
            num(g, "p", perm.p(0));
            if (perm.ci() != null) {
                num(g, "ci_lower", perm.ci()[0][0]);
                num(g, "ci_upper", perm.ci()[0][1]);
            }
            g.writeEndObject();
        }
        if (o.robust() != null) {
            robust(g, o.robust());
        }
        g.writeEndObject();
    }

    /** Cluster-robust inference, written only when asked for (the key is then "robust"). */
    private static void robust(JsonGenerator g, org.strokemeta.regression.RobustInference.Result r) throws IOException {
        g.writeObjectFieldStart("robust");
        g.writeStringField("method", r.method().name());
        g.writeNumberField("clusters", r.clusters());
        g.writeArrayFieldStart("coefficients");
        for (int j = 0; j < r.names().size(); j++) {
            g.writeStartObject();
            g.writeStringField("name", r.names().get(j));
            num(g, "estimate", r.estimate()[j]);
            num(g, "se", r.se()[j]);
            num(g, "t", r.t()[j]);
            num(g, "df", r.df()[j]);
            num(g, "p", r.p()[j]);
            num(g, "ci_lower", r.ciLower()[j]);
            num(g, "ci_upper", r.ciUpper()[j]);
            g.writeEndObject();
        }
        g.writeEndArray();
        num(g, "qm", r.qm());
        num(g, "qm_df1", r.qmDf1());
        num(g, "qm_df2", r.qmDf2());
        num(g, "qm_p", r.qmP());
        g.writeArrayFieldStart("vcov");
        for (double[] row : r.vcov()) {
            g.writeStartArray();
            for (double x : row) {
                num(g, x);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    static ObjectNode request(MetaRequest r) {
        return (ObjectNode) tree(g -> request(g, r));
    }

    private static void request(JsonGenerator g, MetaRequest r) throws IOException {
        g.writeStartObject();
        str(g, "measure", r.measure() == null ? null : r.measure().name());
        optionFields(g, r.options());
        g.writeObjectFieldStart("continuity");
        g.writeNumberField("add", r.continuity().add());
        str(g, "to", r.continuity().to().label());
        g.writeBooleanField("drop00", r.continuity().drop00());
        g.writeEndObject();
        str(g, "by", r.by());
        str(g, "subgroup", r.subgroup());
        g.writeStringField("subgroup_test", r.subgroupTest().name().toLowerCase(Locale.ROOT));
        g.writeArrayFieldStart("moderators");
        for (String m : r.moderators()) {
            g.writeString(m);
        }
        g.writeEndArray();
        if (r.permutations() == 0) {
            g.writeNullField("permutations");
        } else {
            g.writeStringField("permutations", r.permutations() == MetaRequest.EXACT ? "exact" : Integer.toString(r.permutations()));
        }
        g.writeEndObject();
    }

    static void options(ObjectNode n, MetaOptions o) {
        n.setAll((ObjectNode) tree(g -> {
            g.writeStartObject();
            optionFields(g, o);
            g.writeEndObject();
        }));
    }

    private static void optionFields(JsonGenerator g, MetaOptions o) throws IOException {
        g.writeStringField("model", o.model().name().toLowerCase(Locale.ROOT));
        g.writeStringField("fixed_method", o.fixedMethod().name());
        g.writeStringField("tau2_method", o.tau2Method().name());
        num(g, "tau2_value", o.tau2Fixed());
        str(g, "weights", o.weights());
        g.writeBooleanField("weighted", o.weighted());
        num(g, "tau2_start", o.control().tau2Init());
        g.writeStringField("ci_method", o.ciMethod().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("level", o.level());
    }

    /**
     * One analysis.
     *
     * @param r the analysis
     * @return the node: effects (analysis scale, with the scale named), pooled estimate, heterogeneity, tau² and notes
     */
    public static ObjectNode result(MetaResult r) {
        return (ObjectNode) tree(g -> {
            g.writeStartObject();
            resultFields(g, r, true);
            g.writeEndObject();
        });
    }

    private static void resultFields(JsonGenerator g, MetaResult r, boolean fitStatistics) throws IOException {
        EffectSizes es = r.effects();
        Measure m = es.measure();
        g.writeStringField("measure", m.name());
        g.writeStringField("scale", m.backTransform().scale());
        str(g, "method", r.method());
        g.writeObjectFieldStart("options");
        optionFields(g, r.options());
        g.writeEndObject();
        g.writeNumberField("k", r.k());
        g.writeNumberField("k_excluded", es.excluded().size());
        double z = Dist.zCrit(r.options().level());
        g.writeArrayFieldStart("studies");
        for (int i = 0; i < es.size(); i++) {
            g.writeStartObject();
            str(g, "study", es.study(i));
            g.writeNumberField("line", es.lines(i));
            double se = Math.sqrt(es.vi(i));
            num(g, "yi", es.yi(i));
            num(g, "vi", es.vi(i));
            num(g, "se", se);
            num(g, "ci_lower", es.yi(i) - z * se);
            num(g, "ci_upper", es.yi(i) + z * se);
            num(g, "weight", r.weights(i));
            studyBackTransform(g, es, i, z * se);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeFieldName("pooled");
        pooled(g, r.pooled(), es, r.options().model() == Model.RANDOM);
        g.writeFieldName("heterogeneity");
        heterogeneity(g, r.heterogeneity());
        if (fitStatistics && r.options().model() == Model.RANDOM) {
            org.strokemeta.pool.MetaModel im = r.model();
            num(g, "tau2_se", org.strokemeta.pool.Tau2StandardError.of(im, r.options().tau2Method(), r.heterogeneity().tau2(), r.options().control()));
            profileInterval(g, "tau2_pl_lower", "tau2_pl_upper", im, r.options(), r.heterogeneity().tau2(), r.profileIntervalApplies());
        }
        if (fitStatistics && (r.options().model() == Model.RANDOM || r.options().fixedMethod() == org.strokemeta.pool.FixedMethod.IV)) {
            g.writeFieldName("fit_statistics");
            fitStatistics(g, org.strokemeta.pool.FitStatistics.of(r));
        } else if (fitStatistics) {
            g.writeNullField("fit_statistics");
        }
        if (TextReport.mantelHaenszelOr(r)) {
            org.strokemeta.pool.MantelHaenszelTests mh = org.strokemeta.pool.MantelHaenszelTests.of(r, true);
            g.writeObjectFieldStart("mh_tests");
            num(g, "cmh", mh.cmh());
            num(g, "cmh_p", mh.cmhP());
            g.writeBooleanField("cmh_continuity_correction", mh.correct());
            num(g, "breslow_day", mh.breslowDay());
            num(g, "breslow_day_p", mh.breslowDayP());
            num(g, "tarone", mh.tarone());
            num(g, "tarone_p", mh.taroneP());
            g.writeNumberField("k_pos", mh.kPos());
            g.writeEndObject();
        }
        Tau2Estimate t = r.tau2();
        if (t != null) {
            g.writeObjectFieldStart("tau2_fit");
            g.writeStringField("method", t.method().name());
            g.writeNumberField("iterations", t.iterations());
            g.writeBooleanField("converged", t.converged());
            str(g, "message", t.message());
            g.writeEndObject();
        } else {
            g.writeNullField("tau2_fit");
        }
        g.writeBooleanField("converged", r.converged());
        g.writeFieldName("notes");
        notes(g, r.notes());
    }

    /** The profile-likelihood interval of tau² for ML and REML fits (null for other estimators or when not available). */
    private static void profileInterval(JsonGenerator g, String lowerKey, String upperKey, org.strokemeta.pool.MetaModel m, MetaOptions o,
                                        double tau2, boolean available) throws IOException {
        boolean ok = available && (o.tau2Method() == org.strokemeta.pool.Tau2Method.ML || o.tau2Method() == org.strokemeta.pool.Tau2Method.REML);
        double[] pl = ok ? org.strokemeta.pool.Tau2ProfileInterval.of(m, o.tau2Method(), tau2, o.level()) : new double[] {Double.NaN, Double.NaN};
        num(g, lowerKey, pl[0]);
        num(g, upperKey, pl[1]);
    }

    /** ML and REML log-likelihood, deviance, AIC, BIC and AICc, and the number of parameters. */
    private static void fitStatistics(JsonGenerator g, org.strokemeta.pool.FitStatistics f) throws IOException {
        g.writeStartObject();
        g.writeNumberField("parameters", f.parameters());
        g.writeObjectFieldStart("ml");
        num(g, "loglik", f.llMl());
        num(g, "deviance", f.devMl());
        num(g, "aic", f.aicMl());
        num(g, "bic", f.bicMl());
        num(g, "aicc", f.aiccMl());
        g.writeEndObject();
        g.writeObjectFieldStart("reml");
        num(g, "loglik", f.llReml());
        num(g, "deviance", f.devReml());
        num(g, "aic", f.aicReml());
        num(g, "bic", f.bicReml());
        num(g, "aicc", f.aiccReml());
        g.writeEndObject();
        g.writeEndObject();
    }

    static ObjectNode subgroups(SubgroupResult s) {
        return (ObjectNode) tree(g -> subgroups(g, s));
    }

    private static void subgroups(JsonGenerator g, SubgroupResult s) throws IOException {
        g.writeStartObject();
        str(g, "column", s.column());
        g.writeArrayFieldStart("groups");
        for (SubgroupResult.Group sg : s.groups()) {
            MetaResult r = sg.result();
            g.writeStartObject();
            str(g, "label", sg.label());
            g.writeNumberField("k", r.k());
            g.writeBooleanField("single_study_fixed_effect", sg.single());
            str(g, "method", r.method());
            g.writeFieldName("pooled");
            pooled(g, r.pooled(), r.effects(), r.options().model() == Model.RANDOM);
            g.writeFieldName("heterogeneity");
            heterogeneity(g, r.heterogeneity());
            g.writeBooleanField("converged", r.converged());
            g.writeEndObject();
        }
        g.writeEndArray();
        BetweenTest b = s.between();
        if (b == null) {
            g.writeNullField("between");
        } else {
            g.writeObjectFieldStart("between");
            g.writeStringField("method", b.method().name().toLowerCase(Locale.ROOT));
            num(g, "statistic", b.statistic());
            g.writeNumberField("df", b.df1());
            num(g, "df2", b.df2());
            num(g, "p", b.p());
            g.writeEndObject();
        }
        g.writeFieldName("notes");
        notes(g, s.notes());
        g.writeEndObject();
    }

    static ObjectNode regression(RegressionResult r, PermutationResult perm) {
        return (ObjectNode) tree(g -> regression(g, r, perm));
    }

    private static void regression(JsonGenerator g, RegressionResult r, PermutationResult perm) throws IOException {
        g.writeStartObject();
        str(g, "method", r.method());
        g.writeNumberField("k", r.k());
        g.writeStringField("statistic", r.fit().options().ciMethod() == CiMethod.KNHA ? "t" : "z");
        num(g, "df", r.fit().df());
        g.writeArrayFieldStart("coefficients");
        for (int j = 0; j < r.coefficients().size(); j++) {
            Coefficient c = r.coefficients().get(j);
            g.writeStartObject();
            str(g, "name", c.name());
            num(g, "estimate", c.estimate());
            num(g, "se", c.se());
            num(g, "z_or_t", c.statistic());
            num(g, "p", c.p());
            num(g, "ci_lower", c.ciLower());
            num(g, "ci_upper", c.ciUpper());
            num(g, "permutation_p", perm == null ? Double.NaN : perm.p(j));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeObjectFieldStart("qm");
        num(g, "statistic", r.omnibus().statistic());
        g.writeNumberField("df", r.omnibus().df1());
        num(g, "df2", r.omnibus().df2());
        num(g, "p", r.omnibus().p());
        num(g, "permutation_p", perm == null ? Double.NaN : perm.qmP());
        g.writeEndObject();
        g.writeFieldName("residual_heterogeneity");
        heterogeneity(g, r.heterogeneity());
        num(g, "r2", r.r2());
        num(g, "residual_tau2_se", r.options().model() == Model.RANDOM
                ? org.strokemeta.pool.Tau2StandardError.of(r.fit().model(), r.options().tau2Method(), r.heterogeneity().tau2(), r.options().control()) : Double.NaN);
        profileInterval(g, "residual_tau2_pl_lower", "residual_tau2_pl_upper", r.fit().model(), r.options(), r.heterogeneity().tau2(),
                r.options().model() == Model.RANDOM && r.converged() && r.k() > r.fit().beta().length && !r.options().fixesTau2()
                        && r.options().inverseVarianceWeights());
        g.writeFieldName("fit_statistics");
        fitStatistics(g, r.fitStatistics());
        g.writeArrayFieldStart("vcov");
        for (double[] row : r.fit().vb()) {
            g.writeStartArray();
            for (double x : row) {
                num(g, x);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
        if (perm == null) {
            g.writeNullField("permutation");
        } else {
            g.writeObjectFieldStart("permutation");
            g.writeBooleanField("exact", perm.exact());
            g.writeNumberField("permutations", perm.permutations());
            g.writeNumberField("failed", perm.failed());
            g.writeNumberField("requested", perm.requested());
            g.writeBooleanField("complete", perm.complete());
            str(g, "stopped", perm.stopped() == null ? null : perm.describe());
            g.writeEndObject();
        }
        g.writeBooleanField("converged", r.converged());
        g.writeFieldName("notes");
        notes(g, r.notes());
        g.writeEndObject();
    }

    static ObjectNode pooled(PooledEstimate p, EffectSizes es, boolean random) {
        return (ObjectNode) tree(g -> pooled(g, p, es, random));
    }

    /**
     * A study's effect and interval on the natural scale, under the name of the measure's back-transformation,
     * for the measures shown through one other than exp (whose values readers take as exp(yi), as before).
     */
    private static void studyBackTransform(JsonGenerator g, EffectSizes es, int i, double halfWidth) throws IOException {
        BackTransform b = es.measure().backTransform();
        if (b == BackTransform.IDENTITY || b == BackTransform.EXP) {
            return;
        }
        double y = es.yi(i);
        double lo = es.backTransform(i, y - halfWidth);
        double hi = es.backTransform(i, y + halfWidth);
        g.writeObjectFieldStart(b.key());
        num(g, "estimate", es.backTransform(i, y));
        num(g, "ci_lower", lo > hi ? hi : lo);
        num(g, "ci_upper", lo > hi ? lo : hi);
        g.writeEndObject();
    }

    private static void pooled(JsonGenerator g, PooledEstimate p, EffectSizes es, boolean random) throws IOException {
        Measure m = es.measure();
        g.writeStartObject();
        num(g, "estimate", p.estimate());
        num(g, "se", p.se());
        num(g, "ci_lower", p.ciLower());
        num(g, "ci_upper", p.ciUpper());
        g.writeStringField("statistic", p.isT() ? "t" : "z");
        num(g, p.isT() ? "t" : "z", p.statistic());
        num(g, "df", p.df());
        num(g, "p", p.p());
        num(g, "pi_lower", random ? p.piLower() : Double.NaN);
        num(g, "pi_upper", random ? p.piUpper() : Double.NaN);
        BackTransform b = m.backTransform();
        if (b != BackTransform.IDENTITY) {
            // the pooled values on the natural scale, under the name of metafor's transf function (exp for log measures);
            // as metafor's predict, each interval is put back in order after the transformation
            DoubleUnaryOperator f = es.backTransform();
            double lo = f.applyAsDouble(p.ciLower());
            double hi = f.applyAsDouble(p.ciUpper());
            double plo = random ? f.applyAsDouble(p.piLower()) : Double.NaN;
            double phi = random ? f.applyAsDouble(p.piUpper()) : Double.NaN;
            g.writeObjectFieldStart(b.key());
            num(g, "estimate", f.applyAsDouble(p.estimate()));
            num(g, "ci_lower", lo > hi ? hi : lo);
            num(g, "ci_upper", lo > hi ? lo : hi);
            num(g, "pi_lower", plo > phi ? phi : plo);
            num(g, "pi_upper", plo > phi ? plo : phi);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static ObjectNode heterogeneity(Heterogeneity h) {
        return (ObjectNode) tree(g -> heterogeneity(g, h));
    }

    private static void heterogeneity(JsonGenerator g, Heterogeneity h) throws IOException {
        g.writeStartObject();
        num(g, "q", h.q());
        g.writeNumberField("q_df", h.qDf());
        num(g, "q_p", h.qP());
        num(g, "i2", h.i2());
        num(g, "h2", h.h2());
        num(g, "tau2", h.tau2());
        num(g, "tau", h.tau());
        interval(g, "tau2_ci_lower", "tau2_ci_upper", h.tau2Ci());
        interval(g, "i2_ci_lower", "i2_ci_upper", h.i2Ci());
        interval(g, "h2_ci_lower", "h2_ci_upper", h.h2Ci());
        g.writeEndObject();
    }

    private static void interval(JsonGenerator g, String lowerKey, String upperKey, Heterogeneity.Interval iv) throws IOException {
        num(g, lowerKey, iv == null ? Double.NaN : iv.lower());
        num(g, upperKey, iv == null ? Double.NaN : iv.upper());
    }

    static ArrayNode notes(List<Note> notes) {
        return (ArrayNode) tree(g -> notes(g, notes));
    }

    private static void notes(JsonGenerator g, List<Note> notes) throws IOException {
        g.writeStartArray();
        for (Note note : notes) {
            g.writeStartObject();
            if (note.line() > 0) {
                g.writeNumberField("line", note.line());
            } else {
                g.writeNullField("line");
            }
            str(g, "study", note.study());
            g.writeStringField("kind", note.kind().name().toLowerCase(Locale.ROOT));
            str(g, "message", note.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A string field, or null. */
    private static void str(JsonGenerator g, String key, String v) throws IOException {
        if (v == null) {
            g.writeNullField(key);
        } else {
            g.writeStringField(key, v);
        }
    }

    /** An array element: the number, or null when it is not finite. */
    private static void num(JsonGenerator g, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumber(v);
        } else {
            g.writeNull();
        }
    }

    /** A number field, or null when it is not finite. */
    private static void num(JsonGenerator g, String key, double v) throws IOException {
        if (Double.isFinite(v)) {
            g.writeNumberField(key, v);
        } else {
            g.writeNullField(key);
        }
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
     * Adds a number to an array, or null when it is not finite.
     *
     * @param a the array
     * @param v the number
     */
    public static void num(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
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
        (large ? mapper().writer().without(SerializationFeature.INDENT_OUTPUT) : mapper().writer())
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
            return mapper().writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
