package org.strokemeta.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.plot.ForestPlot;
import org.strokemeta.plot.FunnelSvg;
import org.strokemeta.plot.GrottaPlot;
import org.strokemeta.plot.MetaForest;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.ShiftReport;
import org.strokemeta.report.StudyHtml;
import org.strokemeta.report.Version;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;
import org.strokemeta.study.StudyReport;

/**
 * The local web application of {@code strokemeta serve}: the page at {@code /} and the JSON API it
 * uses (docs/openapi.yaml). Every request is analysed on its own, in memory: an upload is read into
 * memory (at most {@link #MAX_BYTES} bytes and {@link #MAX_ROWS} rows), never written to disk; results
 * are the same JSON documents as {@code --format json}; an input problem is a JSON error with its
 * message and HTTP 400 (413 when too large), anything else a JSON error without internals (500). No
 * endpoint reads a path given by the client.
 */
public final class WebApp {
    /** Largest upload accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Most data rows accepted. */
    public static final int MAX_ROWS = 200_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebApp() {
    }

    /** Starts the server on host and port (0: a free port; see {@link Javalin#port()}). */
    public static Javalin start(String host, int port) {
        return Javalin.create(config -> {
            config.jetty.multipartConfig.maxFileSize(MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_BYTES + 1_000_000L, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(MAX_BYTES, SizeUnit.BYTES);
            config.http.maxRequestSize = MAX_BYTES + 1_000_000L;
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("index.html")));
            config.routes.get("/api/version", ctx -> json(ctx, 200, JSON.createObjectNode().put("version", Version.get())));
            config.routes.get("/api/examples", WebApp::examples);
            config.routes.post("/api/analyze", WebApp::analyze);
            config.routes.post("/api/report", WebApp::report);
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(resource("openapi.yaml")));
            config.routes.exception(InputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(TooLarge.class, (e, ctx) -> error(ctx, 413, e.getMessage()));
            config.routes.before("/api/*", ctx -> {
                if (ctx.contentLength() > MAX_BYTES + 1_000_000L) {
                    throw new TooLarge("the upload is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (tooLarge(e)) {
                    error(ctx, 413, "the upload is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
                } else {
                    error(ctx, 500, "the analysis failed inside the server");
                }
            });
            config.routes.error(404, "*", ctx -> error(ctx, 404, "no such page: " + ctx.path()));
            config.routes.error(413, "*", ctx -> error(ctx, 413, "the upload is larger than " + MAX_BYTES / (1024 * 1024) + " MB"));
            config.startup.showJavalinBanner = false;
        }).start(host, port);
    }

    /** True when the servlet layer refused a multipart upload for its size. */
    static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (m.contains("exceeds") || m.contains("too large") || m.contains("max file size") || m.contains("max request size")) {
                return true;
            }
        }
        return false;
    }

    /** An input too large for the server. */
    static final class TooLarge extends RuntimeException {
        TooLarge(String message) {
            super(message);
        }
    }

    private static void examples(Context ctx) {
        ArrayNode a = JSON.createArrayNode();
        for (Examples.Example e : Examples.all().values()) {
            a.addObject().put("name", e.name()).put("kind", e.measure()).put("description", e.description());
        }
        json(ctx, 200, a);
    }

    /** The data of a request: an uploaded file (field "file") or a bundled example (field "example"). */
    static Table table(Context ctx) {
        UploadedFile f = ctx.uploadedFile("file");
        if (f != null) {
            if (f.size() > MAX_BYTES) {
                throw new TooLarge("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            byte[] b;
            try (InputStream in = f.content()) {
                b = in.readNBytes(MAX_BYTES + 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (b.length > MAX_BYTES) {
                throw new TooLarge("the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
            }
            String name = f.filename() == null || f.filename().isBlank() ? "upload.csv" : f.filename().replaceAll("[\\\\/]", "_");
            Table t = CsvReader.parse(name, b);
            if (t.rows() > MAX_ROWS) {
                throw new TooLarge("the file has " + t.rows() + " data rows; the web application takes at most " + MAX_ROWS
                        + " (use the command line for more)");
            }
            return t;
        }
        String example = ctx.formParam("example");
        if (example == null || example.isBlank()) {
            throw new IllegalArgumentException("send a CSV file (field 'file') or the name of a bundled example (field 'example')");
        }
        return Examples.table(Examples.get(example));
    }

    private static String param(Context ctx, String name, String dflt) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? dflt : v.trim();
    }

    static MetaOptions options(Context ctx) {
        double level = Double.parseDouble(param(ctx, "level", "0.95"));
        return MetaOptions.defaults().withModel(Model.parse(param(ctx, "model", "random"))).withTau2(Tau2Method.parse(param(ctx, "tau2", "REML")))
                .withCi(CiMethod.parse(param(ctx, "ci", "z"))).withLevel(level);
    }

    private static void analyze(Context ctx) {
        Table t = table(ctx);
        ObjectNode out = JSON.createObjectNode();
        ObjectNode figures = out.putObject("figures");
        MetaForest.Options fo = new MetaForest.Options(MetaForest.Sort.parse(param(ctx, "sort", "none")), null, "favours control",
                "favours treatment", 40);
        if (OrdinalTableLoader.looksOrdinal(t)) {
            ShiftRequest r = new ShiftRequest(true, Thresholds.STRATIFIED, null, true, UtilityWeights.chaisinanunkul2015(), options(ctx));
            ShiftAnalysis.Outcome o = ShiftAnalysis.run(OrdinalTableLoader.load(t), r);
            out.put("kind", "shift");
            out.set("result", ShiftReport.json(o));
            ForestPlot.Spec s = MetaForest.of(o.twoStage().pooled(), fo);
            figures.put("forest", ForestPlot.svg(new ForestPlot.Spec(s.rows(), s.columns(), true, "Common odds ratio (log scale)",
                    fo.favoursLeft(), fo.favoursRight(), s.footer(), s.maxLabel())));
            double[][] sum = new double[2][o.table().categories()];
            for (int k = 0; k < o.table().size(); k++) {
                for (int j = 0; j < o.table().categories(); j++) {
                    sum[0][j] += o.table().treatment()[k][j];
                    sum[1][j] += o.table().control()[k][j];
                }
            }
            figures.put("grotta", GrottaPlot.svg(List.of(new GrottaPlot.Bar("Treatment", sum[0]), new GrottaPlot.Bar("Control", sum[1])),
                    GrottaPlot.mrsLabels(o.table().categories())));
            json(ctx, 200, out);
            return;
        }
        if (StrokeLoader.recognises(t) || org.strokemeta.data.PatientLoader.Columns.defaults(t).outcome() != null
                && t.has("treatment") && (t.has("mrs") || t.has("outcome")) && !t.has("events_treat") && !t.has("yi")) {
            patientLevel(ctx, t, out, figures);
            return;
        }
        String measure = ctx.formParam("measure");
        MetaRequest req = MetaRequest.defaults().withOptions(options(ctx))
                .withMeasure(measure == null || measure.isBlank() ? null : Measure.parse(measure))
                .withSubgroup(blankToNull(ctx.formParam("subgroup")));
        if (measure == null || measure.isBlank()) {
            String ex = ctx.formParam("example");
            if (ex != null && !ex.isBlank() && Examples.get(ex).isAggregate()) {
                req = req.withMeasure(Measure.parse(Examples.get(ex).measure()));
            }
        }
        MetaRun.Outcome o = MetaRun.run(t, req).get(0);
        if (o.failed()) {
            throw new IllegalArgumentException(o.error());
        }
        out.put("kind", "meta");
        out.set("result", JsonReport.document(t.source(), req, List.of(o)));
        figures.put("forest", ForestPlot.svg(o.subgroups() != null ? MetaForest.of(o.subgroups(), o.result(), fo) : MetaForest.of(o.result(), fo)));
        var m = o.effects().measure();
        if (o.result().k() >= 3) {
            figures.put("funnel", FunnelSvg.svg(org.strokemeta.bias.FunnelPlot.of(o.result(), new org.strokemeta.bias.FunnelOptions(new double[] {0.95}, java.util.OptionalDouble.empty(), false, 100)),
                    m.logScale(), m.logScale() ? m.displayName() + " (log scale)" : m.description()));
        }
        json(ctx, 200, out);
    }

    /**
     * Patient-level data: the ordinal shift (stratified or mixed model) adjusted for the covariates asked
     * for, the binary outcomes, and Grotta bars of the two arms.
     */
    private static void patientLevel(Context ctx, Table t, ObjectNode out, ObjectNode figures) {
        List<String> covariates = new java.util.ArrayList<>();
        for (String c : param(ctx, "covariates", "").split(",")) {
            if (!c.isBlank()) {
                covariates.add(c.trim());
            }
        }
        org.strokemeta.data.PatientData d;
        if (StrokeLoader.recognises(t)) {
            d = StrokeLoader.load(t).patients(covariates);
        } else {
            var cols = org.strokemeta.data.PatientLoader.Columns.defaults(t).withCovariates(covariates);
            d = org.strokemeta.data.PatientLoader.load(t, new org.strokemeta.data.PatientLoader.Columns(cols.study(), "treatment",
                    cols.outcome(), 0, covariates));
        }
        List<String> binary = new java.util.ArrayList<>(List.of("0-2", "0-1", "death"));
        var model = org.strokemeta.study.IpdRequest.OrdinalModel.parse(param(ctx, "ipd_model", "stratified"));
        var r = new org.strokemeta.study.IpdRequest(covariates, model, org.strokemeta.ipd.RandomEffects.INTERCEPT, 1, null, binary,
                org.strokemeta.ipd.StudyEffect.STRATIFIED, List.of(), null, false, UtilityWeights.chaisinanunkul2015(),
                Double.parseDouble(param(ctx, "level", "0.95")), true, true, true);
        var o = org.strokemeta.study.IpdAnalysis.run(d, t, r);
        out.put("kind", "ipd");
        out.set("result", org.strokemeta.report.IpdReport.json(o));
        double[][] sum = new double[2][d.categories()];
        for (int i = 0; i < d.size(); i++) {
            sum[1 - d.treatment()[i]][d.outcome()[i]]++;
        }
        figures.put("grotta", GrottaPlot.svg(List.of(new GrottaPlot.Bar("Treatment", sum[0]), new GrottaPlot.Bar("Control", sum[1])),
                GrottaPlot.mrsLabels(d.categories())));
        json(ctx, 200, out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The HTML report of patient-level data (the bundled simulated cohort when no file is sent). */
    private static void report(Context ctx) {
        Table t = ctx.uploadedFile("file") != null || ctx.formParam("example") != null ? table(ctx)
                : Examples.table(Examples.get("hermes_sim"));
        var cohort = StrokeLoader.load(t);
        var plan = AnalysisPlan.hermes();
        var prov = new StudyReport.Provenance(t.source(), "", "default HERMES plan", "", Version.get(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "web application");
        String html = StudyHtml.render(StudyReport.run(cohort, plan, prov, null));
        ctx.header("Content-Disposition", "attachment; filename=\"strokemeta-report.html\"");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private static void json(Context ctx, int status, com.fasterxml.jackson.databind.JsonNode n) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(n));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, JSON.createObjectNode().put("error", message == null ? "the request could not be answered" : message));
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream("org/strokemeta/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
