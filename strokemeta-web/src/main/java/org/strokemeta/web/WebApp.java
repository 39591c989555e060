package org.strokemeta.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.strokemeta.Evidence;
import org.strokemeta.Figures;
import org.strokemeta.bias.FunnelOptions;
import org.strokemeta.Ipd;
import org.strokemeta.Meta;
import org.strokemeta.Shift;
import org.strokemeta.Study;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.plot.MetaForest;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.InfluenceReport;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.PublishedHtml;
import org.strokemeta.report.PublishedJson;
import org.strokemeta.report.ShiftReport;
import org.strokemeta.report.StudyHtml;
import org.strokemeta.sensitivity.Influence;
import org.strokemeta.study.GradeJudgments;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedRequest;
import org.strokemeta.report.Version;
import org.strokemeta.study.AnalysisPlan;
import org.strokemeta.study.IpdRequest;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.ShiftRequest;
import org.strokemeta.study.StudyReport;

/**
 * The local web application of {@code strokemeta serve}: the page at {@code /} and the JSON API it
 * uses (docs/openapi.yaml). Every request is analysed on its own, in memory: an upload is read into
 * memory (at most {@link #MAX_BYTES} bytes, {@link #MAX_ROWS} rows and {@link Form#MAX_FIELDS} fields),
 * never written to disk; results are the same JSON documents as {@code --format json}; an input problem
 * is a JSON error with its message and HTTP 400 (413 when too large), anything else a JSON error
 * without internals (500). No endpoint reads a path given by the client.
 *
 * <p>The server protects itself and its user from hostile or careless clients: {@link RequestGuard}
 * adds the security headers, refuses other Hosts and requests from other web pages, and reads request
 * bodies without holding threads, within size and time limits; {@link Jobs} bounds the analyses
 * running at once, their queue and their duration ({@link Limits}).
 */
public final class WebApp {
    /** Largest upload accepted. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Most data rows accepted. */
    public static final int MAX_ROWS = 200_000;
    /** An upload at most this large, or a bundled example that is not patient-level, is a small analysis. */
    static final int SMALL_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> ANALYZE_FIELDS = List.of("file", "example", "measure", "model", "tau2", "tau2_value", "weights", "ci", "level", "subgroup",
            "cluster", "robust",
            "sort", "covariates", "ipd_model", "scale", "outcome", "formula", "family", "link",
            "tau_prior", "mu_prior", "prob_above", "tsa_control_risk", "tsa_rrr", "tsa_mean_difference", "tsa_sd", "tsa_cor", "tsa_power",
            "glmm", "random", "struct", "within_rho", "sheet", "analysis",
            "tsa_heterogeneity", "tsa_futility");
    /** The analysis form and the RevMan review's names and fixed-effect method. */
    static final List<String> REVMAN_FIELDS = java.util.stream.Stream.concat(ANALYZE_FIELDS.stream(),
            java.util.stream.Stream.of("fixed_method", "title", "comparison", "outcome_name", "experimental", "control")).toList();
    private static final List<String> REPORT_FIELDS = List.of("file", "example", "skip_missing", "model", "tau2", "level", "outcome", "sheet");
    /** The most studies whose influence diagnostics (one refit per study) the page shows. */
    static final int MAX_INFLUENCE_STUDIES = 500;
    private static final List<String> PUBLISHED_FIELDS = List.of("file", "format", "bayes", "prob_above", "tsa");
    /**
     * Where an analysis runs its parallel parts: in its own job thread ({@link Jobs}), one after another. A
     * request then uses exactly the one thread of its slot, so the slots bound the server's processor use,
     * and the time limit's interrupt reaches every part of the work; throughput comes from running several
     * requests at once. The numbers are the same as on any other execution.
     */
    private static final Execution IN_JOB = Execution.singleThread();

    /**
     * The server's limits.
     *
     * @param jobs          large analyses (patient-level data, reports, uploads over 256 KB) running at once
     * @param queue         large analyses waiting for a slot; more are refused with 503
     * @param queueWait     longest wait for a slot before 503
     * @param timeLimit     longest run of one analysis before 504
     * @param idleTimeout   a connection on which nothing arrives for this long is closed
     * @param uploadTimeout a request body must have arrived in full within this time (408 otherwise)
     * @param uploads       request bodies arriving at once; more are refused with 503
     */
    public record Limits(int jobs, int queue, Duration queueWait, Duration timeLimit, Duration idleTimeout, Duration uploadTimeout,
            int uploads) {
        public Limits {
            if (jobs < 1 || queue < 0 || uploads < 1) {
                throw new IllegalArgumentException("jobs and uploads must be at least 1 and queue at least 0 (got " + jobs + ", " + uploads
                        + ", " + queue + ")");
            }
            for (Duration d : List.of(queueWait, timeLimit, idleTimeout, uploadTimeout)) {
                if (d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("the time limits must be positive (got " + d + ")");
                }
            }
        }

        /** Two large analyses at once, four waiting up to 30 s, 120 s per analysis, 30 s idle, 60 s per upload, 32 uploads. */
        public static Limits defaults() {
            return new Limits(2, 4, Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(60), 32);
        }

        public Limits withJobs(int n) {
            return new Limits(n, queue, queueWait, timeLimit, idleTimeout, uploadTimeout, uploads);
        }

        public Limits withQueue(int n) {
            return new Limits(jobs, n, queueWait, timeLimit, idleTimeout, uploadTimeout, uploads);
        }

        public Limits withQueueWait(Duration d) {
            return new Limits(jobs, queue, d, timeLimit, idleTimeout, uploadTimeout, uploads);
        }

        public Limits withTimeLimit(Duration d) {
            return new Limits(jobs, queue, queueWait, d, idleTimeout, uploadTimeout, uploads);
        }

        public Limits withIdleTimeout(Duration d) {
            return new Limits(jobs, queue, queueWait, timeLimit, d, uploadTimeout, uploads);
        }

        public Limits withUploadTimeout(Duration d) {
            return new Limits(jobs, queue, queueWait, timeLimit, idleTimeout, d, uploads);
        }

        public Limits withUploads(int n) {
            return new Limits(jobs, queue, queueWait, timeLimit, idleTimeout, uploadTimeout, n);
        }

        /** Small analyses (bundled aggregate data, uploads up to 256 KB) running at once: they take milliseconds. */
        int smallJobs() {
            return Math.max(4, 2 * jobs);
        }

        /** Small analyses waiting for a slot. */
        int smallQueue() {
            return 64;
        }

        /** Request threads: every waiting or running analysis holds one, and 32 more answer everything else. */
        int threads() {
            return jobs + queue + smallJobs() + smallQueue() + 32;
        }
    }

    private final Jobs large;
    private final Jobs small;

    private WebApp(Limits limits) {
        this.large = new Jobs("large analyses", limits.jobs(), limits.queue(), limits.queueWait(), limits.timeLimit());
        this.small = new Jobs("small analyses", limits.smallJobs(), limits.smallQueue(), limits.queueWait(), limits.timeLimit());
    }

    /** Starts the server on host and port (0: a free port; see {@link Javalin#port()}) with the default limits. */
    public static Javalin start(String host, int port) {
        return start(host, port, Limits.defaults());
    }

    /** Starts the server on host and port (0: a free port; see {@link Javalin#port()}) with the given limits. */
    public static Javalin start(String host, int port, Limits limits) {
        WebApp web = new WebApp(limits);
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 4, 60_000);
        threads.setName("strokemeta-http");
        Javalin app = Javalin.create(config -> {
            config.jetty.threadPool = threads;
            config.jetty.modifyServer(server -> server.insertHandler(new RequestGuard(host, MAX_BYTES + 1_000_000L,
                    limits.uploadTimeout(), limits.uploads())));
            config.jetty.addConnector((server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(host);
                c.setPort(port);
                c.setIdleTimeout(limits.idleTimeout().toMillis());
                return c;
            });
            config.jetty.modifyServletContextHandler(h -> h.setMaxFormKeys(Form.MAX_FIELDS + 1));
            config.jetty.multipartConfig.maxFileSize(MAX_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(MAX_BYTES + 1_000_000L, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(MAX_BYTES, SizeUnit.BYTES);
            config.http.maxRequestSize = MAX_BYTES + 1_000_000L;
            config.routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(resource("index.html")));
            config.routes.get("/app.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(resource("app.js")));
            config.routes.get("/app.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(resource("app.css")));
            config.routes.get("/api/version", ctx -> json(ctx, 200, JSON.createObjectNode().put("version", Version.get())));
            config.routes.get("/api/examples", WebApp::examples);
            config.routes.post("/api/analyze", web::analyze);
            config.routes.post("/api/report", web::report);
            config.routes.post("/api/revman", web::revman);
            config.routes.post("/api/published", web::published);
            config.routes.get("/openapi.yaml", ctx -> ctx.contentType("application/yaml").result(resource("openapi.yaml")));
            config.routes.exception(InputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
            config.routes.exception(HttpError.class, (e, ctx) -> {
                if (e.retryAfter() > 0) {
                    ctx.header("Retry-After", Integer.toString(e.retryAfter()));
                }
                error(ctx, e.status(), e.getMessage());
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                // a fault of the server, not of the request: the operator's terminal gets one line, the client none of it
                System.err.println("strokemeta serve: " + ctx.method() + " " + ctx.path() + " failed: " + e);
                error(ctx, 500, "the analysis failed inside the server");
            });
            config.routes.error(404, "*", ctx -> error(ctx, 404, "no such page: " + ctx.path()));
            config.events.serverStopped(web::close);
            config.startup.showJavalinBanner = false;
        });
        try {
            return app.start();
        } catch (RuntimeException e) {
            web.close();
            throw e;
        }
    }

    private void close() {
        large.close();
        small.close();
    }

    private static void examples(Context ctx) {
        ArrayNode a = JSON.createArrayNode();
        for (Examples.Example e : Examples.all().values()) {
            a.addObject().put("name", e.name()).put("kind", e.measure()).put("description", e.description());
        }
        json(ctx, 200, a);
    }

    /**
     * The analysis settings of a request, checked before any work is done: each wrong value is a
     * sentence naming its field and the values it takes.
     */
    private record Settings(MetaOptions options, Measure measure, MetaForest.Sort sort, String subgroup, List<String> covariates,
            org.strokemeta.study.IpdRequest.OrdinalModel ipdModel, StudyLoader.Scale scale, MetaForest.Direction direction,
            MetaRequest.Robust robust, org.strokemeta.ipd.MixedModelOptions mixed, Settings.Bayes bayes, Settings.Tsa tsa, Settings.Extra extra) {
        /**
         * The page's further models of study-level data.
         *
         * @param glmm   the logistic mixed model asked (UM.FS or UM.RS), or null
         * @param random the nested random structure of a multilevel model, or null
         * @param struct the between-trial covariance of a multivariate model (several outcomes per trial), or null
         * @param withinRho the within-trial correlation of the outcomes (NaN: the data's cov_ columns)
         */
        record Extra(String glmm, String random, org.strokemeta.multivariate.MultivariateOptions.Struct struct, double withinRho) {
        }

        static Settings of(Form f) {
            org.strokemeta.regression.RobustInference.Method method = f.choice("robust", "CR1, CR0, CR2",
                    org.strokemeta.regression.RobustInference.Method::parse, "CR1");
            MetaRequest.Robust robust = f.text("cluster") == null ? null : new MetaRequest.Robust(f.text("cluster"), method);
            MetaOptions o = MetaOptions.defaults().withModel(f.choice("model", "random, fixed", Model::parse, "random"))
                    .withTau2(f.choice("tau2", "REML, DL, ML, PM, PMM, SJ, HE, HS, HSk, EB, DLIT, SJIT, GENQ, GENQM", Tau2Method::parse, "REML"))
                    .withCi(f.choice("ci", "z, knha", CiMethod::parse, "z")).withLevel(f.level("level", 0.95))
                    .withFixedTau2(f.nonNegative("tau2_value")).withWeights(f.text("weights"));
            String m = f.text("measure");
            return new Settings(o, m == null ? null : f.choice("measure", Measure.names(), Measure::parse, null),
                    f.choice("sort", "none, effect, weight, precision", MetaForest.Sort::parse, "none"), f.text("subgroup"),
                    f.names("covariates"), f.choice("ipd_model", "stratified, common, mixed",
                            org.strokemeta.study.IpdRequest.OrdinalModel::parse, "stratified"),
                    f.choice("scale", "auto, ratio, absolute", StudyLoader.Scale::parse, "auto"),
                    f.choice("outcome", "unstated, harmful, beneficial", MetaForest.Direction::parse, "unstated"), robust, mixed(f, o.level()),
                    bayes(f), tsa(f), extra(f));
        }

        /** The logistic mixed model and the multilevel model asked for, checked before any work. */
        static Extra extra(Form f) {
            String g = f.text("glmm");
            if (g != null && !g.isBlank()) {
                try {
                    g = org.strokemeta.glmm.GlmmOptions.Model.parse(g).label();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("glmm: " + e.getMessage());
                }
            } else {
                g = null;
            }
            String r = f.text("random");
            if (r != null && !r.isBlank()) {
                try {
                    org.strokemeta.multivariate.MultilevelOptions.parseRandom(r);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("random: " + e.getMessage());
                }
            } else {
                r = null;
            }
            String st = f.text("struct");
            org.strokemeta.multivariate.MultivariateOptions.Struct struct = null;
            if (st != null && !st.isBlank()) {
                try {
                    struct = org.strokemeta.multivariate.MultivariateOptions.Struct.parse(st);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("struct: " + e.getMessage());
                }
            }
            String wr = f.text("within_rho");
            double rho = Double.NaN;
            if (wr != null && !wr.isBlank()) {
                try {
                    rho = Double.parseDouble(wr.trim());
                } catch (NumberFormatException e) {
                    rho = Double.NaN;
                }
                if (!(rho > -1 && rho < 1)) {
                    throw new IllegalArgumentException("within_rho: a correlation strictly between -1 and 1, not '" + wr + "'");
                }
                if (struct == null) {
                    throw new IllegalArgumentException("within_rho: belongs to the multivariate model, which field struct asks for");
                }
            }
            return new Extra(g, r, struct, rho);
        }

        /** The Bayesian analysis asked for by a tau prior (mu prior and thresholds optional), checked before any work. */
        static Bayes bayes(Form f) {
            String tau = f.text("tau_prior");
            String mu = f.text("mu_prior");
            String above = f.text("prob_above");
            if (tau == null) {
                if (mu != null || above != null) {
                    throw new IllegalArgumentException("tau_prior: a Bayesian analysis needs the prior of tau (for example half-normal:0.5)");
                }
                return null;
            }
            try {
                org.strokemeta.bayes.TauPrior tp = org.strokemeta.bayes.TauPrior.parse(tau);
                org.strokemeta.bayes.MuPrior mp = org.strokemeta.bayes.MuPrior.FLAT;
                if (mu != null && !mu.equalsIgnoreCase("flat")) {
                    String[] p = mu.split(":");
                    if (p.length != 3 || !p[0].equalsIgnoreCase("normal")) {
                        throw new IllegalArgumentException("mu_prior is flat or normal:MEAN:SD, not '" + mu + "'");
                    }
                    mp = org.strokemeta.bayes.MuPrior.normal(Double.parseDouble(p[1]), Double.parseDouble(p[2]));
                }
                List<Double> thresholds = new java.util.ArrayList<>();
                if (above != null) {
                    for (String x : above.split(",")) {
                        thresholds.add(Double.parseDouble(x.trim()));
                    }
                }
                return new Bayes(tp, mp, thresholds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("mu_prior and prob_above take numbers: " + e.getMessage());
            }
        }

        /**
         * The trial sequential analysis asked for: the anticipated effect as a control risk and relative risk reduction
         * (binary data), a mean difference and SD (continuous data) or a common odds ratio (tabulated mRS distributions,
         * on their pooled control arm); which one the data need is checked when they are read.
         *
         * @param controlRisk    the anticipated control event proportion, or null
         * @param rrr            the anticipated relative risk reduction, or null
         * @param meanDifference the anticipated mean difference, or null
         * @param sd             the anticipated SD, or null
         * @param cor            the anticipated common odds ratio, or null
         * @param power          the power
         * @param heterogeneity  the correction of the information size
         * @param futility       whether to add futility boundaries
         */
        record Tsa(Double controlRisk, Double rrr, Double meanDifference, Double sd, Double cor, double power,
                   org.strokemeta.sequential.TsaOptions.Heterogeneity heterogeneity, boolean futility) {
            org.strokemeta.sequential.TsaOptions options(org.strokemeta.sequential.Target target) {
                return new org.strokemeta.sequential.TsaOptions(target, 0.05, power, heterogeneity, 0, futility,
                        org.strokemeta.sequential.Spending.OBRIEN_FLEMING);
            }

            /** The options of two-arm study data (binary or continuous). */
            org.strokemeta.sequential.TsaOptions forStudies(EffectSizes es) {
                if (es.input() instanceof org.strokemeta.data.ContinuousStudies) {
                    if (meanDifference == null || sd == null) {
                        throw new IllegalArgumentException("tsa_mean_difference and tsa_sd: the data are a continuous outcome; give the "
                                + "anticipated mean difference and SD");
                    }
                    return options(new org.strokemeta.sequential.Target.Continuous(meanDifference, sd));
                }
                if (controlRisk == null || rrr == null) {
                    throw new IllegalArgumentException("tsa_control_risk and tsa_rrr: the data are not a continuous outcome; give the "
                            + "anticipated control event proportion and relative risk reduction");
                }
                return options(new org.strokemeta.sequential.Target.Binary(controlRisk, rrr));
            }

            /** The options of tabulated mRS distributions. */
            org.strokemeta.sequential.TsaOptions forTable(org.strokemeta.data.OrdinalTable table) {
                if (cor == null) {
                    throw new IllegalArgumentException("tsa_cor: the data are tabulated mRS distributions; give the anticipated common "
                            + "odds ratio (for example 1.5)");
                }
                return options(new org.strokemeta.sequential.Target.Ordinal(org.strokemeta.sequential.TrialSequential.pooledControl(table), cor));
            }
        }

        /** The trial sequential analysis asked for by an anticipated effect, checked before any work. */
        static Tsa tsa(Form f) {
            var het = f.choice("tsa_heterogeneity", "none, D2", org.strokemeta.sequential.TsaOptions.Heterogeneity::parse, "D2");
            boolean futility = f.choice("tsa_futility", "true, false", WebApp::bool, "false");
            Double pc = number(f, "tsa_control_risk");
            Double rrr = number(f, "tsa_rrr");
            Double md = number(f, "tsa_mean_difference");
            Double sd = number(f, "tsa_sd");
            Double cor = number(f, "tsa_cor");
            if (pc == null && rrr == null && md == null && sd == null && cor == null) {
                return null;
            }
            if ((pc == null) != (rrr == null)) {
                throw new IllegalArgumentException("tsa_control_risk and tsa_rrr: a trial sequential analysis needs both the anticipated "
                        + "control event proportion and the relative risk reduction");
            }
            if ((md == null) != (sd == null)) {
                throw new IllegalArgumentException("tsa_mean_difference and tsa_sd: a trial sequential analysis of a continuous outcome "
                        + "needs both the anticipated mean difference and the SD");
            }
            Double power = number(f, "tsa_power");
            return new Tsa(pc, rrr, md, sd, cor, power == null ? 0.8 : power, het, futility);
        }

        private static Double number(Form f, String field) {
            String v = f.text(field);
            if (v == null) {
                return null;
            }
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(field + " takes a number, not '" + v + "'");
            }
        }

        /**
         * A Bayesian analysis of the page's request; thresholds on the natural scale (ratios for ratio measures).
         *
         * @param tau        the prior of tau
         * @param mu         the prior of mu
         * @param thresholds the effects whose exceedance probabilities are reported
         */
        record Bayes(org.strokemeta.bayes.TauPrior tau, org.strokemeta.bayes.MuPrior mu, List<Double> thresholds) {
        }

        /** The general mixed model of patient-level data when a formula is sent, checked before any work. */
        static org.strokemeta.ipd.MixedModelOptions mixed(Form f, double level) {
            String formula = f.text("formula");
            var family = f.choice("family", "ordinal, binomial", org.strokemeta.ipd.MixedModelOptions.Family::parse, "ordinal");
            var link = f.choice("link", "logit, probit, cloglog", org.strokemeta.ordinal.Link::parse, "logit");
            if (formula == null) {
                return null;
            }
            try {
                org.strokemeta.ipd.MixedFormula.parse(formula);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("formula: " + e.getMessage());
            }
            return org.strokemeta.ipd.MixedModelOptions.of(formula).withFamily(family).withLink(link).withLevel(level)
                    .withExecution(IN_JOB);
        }
    }

    /** The bundled example a request names, or null when it sends a file (the file wins, as on the page). */
    private static Examples.Example example(Form f) {
        if (f.file() != null) {
            return null;
        }
        String name = f.text("example");
        if (name == null) {
            throw new IllegalArgumentException("send a CSV file (field 'file') or the name of a bundled example (field 'example')");
        }
        return Examples.get(name);
    }

    /** True when the request is a large analysis: patient-level example data or an upload over {@link #SMALL_BYTES}. */
    private static boolean large(Form f, Examples.Example example) {
        return example != null ? example.measure().equals("IPD") : f.file().bytes().length > SMALL_BYTES;
    }

    /** The data of a request: the uploaded file, or else the bundled example. */
    static Table table(Form f, Examples.Example example) {
        if (example != null) {
            return Examples.table(example);
        }
        Form.Upload u = f.file();
        if (u.bytes().length > MAX_BYTES) {
            throw new HttpError(413, "the file is larger than " + MAX_BYTES / (1024 * 1024) + " MB");
        }
        // CSV, or an Excel workbook (field sheet: its name or position), SAS, SAS transport or Stata file, by its extension
        String sheet = f.text("sheet");
        // a RevMan review or Cochrane data package: field analysis names the outcome (without it the error lists them)
        String analysis = f.text("analysis");
        Table t = org.strokemeta.formats.DataFiles.read(u.name(), u.bytes(), org.strokemeta.formats.ReadOptions.defaults().withSheet(sheet)
                .withOutcome(analysis));
        if (t.rows() > MAX_ROWS) {
            throw new HttpError(413, String.format(java.util.Locale.ROOT,
                    "the file has %,d data rows, more than the %,d rows the web application takes; use the command line for more", t.rows(), MAX_ROWS));
        }
        return t;
    }

    private void analyze(Context ctx) {
        Form form = Form.read(ctx, ANALYZE_FIELDS);
        Settings s = Settings.of(form);
        Examples.Example example = example(form);
        json(ctx, 200, (large(form, example) ? large : small).run(() -> analysis(table(form, example), example, s)));
    }

    private static ObjectNode analysis(Table t, Examples.Example example, Settings s) {
        ObjectNode out = JSON.createObjectNode();
        ObjectNode figures = out.putObject("figures");
        MetaForest.Options fo = new MetaForest.Options(s.sort(), null, "", "", 40).withDirection(s.direction());
        DataKind kind = DataKind.of(t);
        if (kind == DataKind.MRS_TABLE) {
            // a common odds ratio above 1 is a shift toward better mRS with treatment
            fo = fo.withDirection(MetaForest.Direction.BENEFICIAL);
            ShiftRequest r = ShiftRequest.defaults().withOptions(s.options());
            ShiftAnalysis.Outcome o = Shift.analyze(t, r);
            out.put("kind", "shift");
            out.set("result", ShiftReport.json(o));
            figures.put("forest", Figures.shiftForest(o.twoStage().pooled(), fo, "Common odds ratio (log scale)"));
            figures.put("grotta", Figures.grotta(ArmDistribution.pooled(o.table()),
                    org.strokemeta.plot.GrottaPlot.labels(org.strokemeta.data.OrdinalTableLoader.mrsColumns(t), o.table().categories(), -1, -1)));
            // the Bayesian and sequential analyses of the trials' log common odds ratios (two-stage)
            bayesAndTsa(t, s, o.twoStage().pooled().effects(), Measure.RATIO, out, figures,
                    () -> org.strokemeta.sequential.TrialSequential.analyze(o, s.options().model() == Model.RANDOM, s.tsa().forTable(o.table())));
            return out;
        }
        if (kind == DataKind.NETWORK_ARMS || kind == DataKind.NETWORK_CONTRASTS) {
            // a network of treatments: the consistency model with the page's model, REML or ML, and direction of benefit
            if (s.options().model() == Model.RANDOM && s.options().tau2Method() != Tau2Method.ML && s.options().tau2Method() != Tau2Method.REML) {
                throw org.strokemeta.data.InputException.of(t.source(), "a network's tau² is estimated by REML or ML, not "
                        + s.options().tau2Method() + ": choose one of them (field tau2)");
            }
            var no = org.strokemeta.multivariate.NetworkOptions.defaults().withRandom(s.options().model() == Model.RANDOM)
                    .withMethod(s.options().tau2Method() == Tau2Method.ML ? org.strokemeta.multivariate.MultilevelOptions.Method.ML
                            : org.strokemeta.multivariate.MultilevelOptions.Method.REML)
                    .withSmallBetter(s.direction() == MetaForest.Direction.HARMFUL).withLevel(s.options().level());
            out.put("kind", "network");
            var nr = org.strokemeta.multivariate.Network.fit(t, no);
            out.set("result", org.strokemeta.report.MultivariateReport.json(t.source(), nr));
            figures.put("network_graph", Figures.networkGraph(nr));
            figures.put("network_forest", Figures.networkForest(nr));
            return out;
        }
        if (kind.patientLevel()) {
            patientLevel(t, s, out, figures);
            return out;
        }
        Measure measure = s.measure();
        if (measure == null && example != null && example.isAggregate()) {
            measure = Measure.parse(example.measure());
        }
        StudyLoader.Scale scale = s.scale() == StudyLoader.Scale.AUTO && example != null && example.ratio() && s.measure() == null
                ? StudyLoader.Scale.RATIO : s.scale();
        MetaRequest req = MetaRequest.defaults().withOptions(s.options()).withMeasure(measure).withSubgroup(s.subgroup())
                .withGenericInput(StudyLoader.GenericInput.defaults().withScale(scale)).withExecution(IN_JOB);
        if (s.robust() != null) {
            req = req.withRobust(s.robust());
        }
        // the page's extra models of study-level data, each asked by its field and refused where the data do not fit it
        String glmmModel = s.extra().glmm();
        if (glmmModel != null) {
            if (kind != DataKind.BINARY) {
                throw new IllegalArgumentException("glmm: the logistic mixed model takes binary two-arm data (events and totals per arm)");
            }
            var g = org.strokemeta.glmm.BinaryGlmm.fit(t, new org.strokemeta.glmm.GlmmOptions(org.strokemeta.glmm.GlmmOptions.Model.parse(glmmModel),
                    org.strokemeta.glmm.GlmmOptions.Model.parse(glmmModel) == org.strokemeta.glmm.GlmmOptions.Model.UM_RS ? 1 : 7, s.options().level()));
            out.set("glmm", org.strokemeta.report.MultivariateReport.json(t.source(), g));
        }
        if (s.extra().random() != null) {
            if (kind != DataKind.GENERIC) {
                throw new IllegalArgumentException("random: a multilevel model takes effect sizes (yi, vi) with their grouping columns");
            }
            var ml = org.strokemeta.multivariate.Multilevel.fit(t, org.strokemeta.multivariate.MultilevelOptions.of(s.extra().random())
                    .withLevel(s.options().level()).withMethod(s.options().tau2Method() == Tau2Method.ML
                            ? org.strokemeta.multivariate.MultilevelOptions.Method.ML : org.strokemeta.multivariate.MultilevelOptions.Method.REML));
            out.set("multilevel", org.strokemeta.report.MultivariateReport.json(t.source(), ml));
        }
        if (s.extra().struct() != null) {
            if (kind != DataKind.GENERIC || !t.has("outcome")) {
                throw new IllegalArgumentException("struct: a multivariate model takes effect sizes (study, outcome, yi, vi, and cov_<outcome> "
                        + "columns or within_rho) with several outcomes per trial");
            }
            var mo = new org.strokemeta.multivariate.MultivariateOptions(s.extra().struct(), s.extra().withinRho(), List.of(),
                    s.options().tau2Method() == Tau2Method.ML ? org.strokemeta.multivariate.MultilevelOptions.Method.ML
                            : org.strokemeta.multivariate.MultilevelOptions.Method.REML, org.strokemeta.multivariate.MultilevelOptions.Test.Z,
                    s.options().level());
            out.set("multivariate", org.strokemeta.report.MultivariateReport.json(t.source(), org.strokemeta.multivariate.Multivariate.fit(t, mo)));
        }
        MetaRun.Outcome o = Meta.analyze(t, req).get(0);
        if (o.failed()) {
            throw new IllegalArgumentException(o.error());
        }
        out.put("kind", "meta");
        out.set("result", JsonReport.document(t.source(), req, List.of(o)));
        figures.put("forest", o.subgroups() != null ? Figures.forest(o.subgroups(), o.result(), fo) : Figures.forest(o.result(), fo));
        if (o.result().k() >= 3) {
            figures.put("funnel", Figures.funnel(o.result(), FunnelOptions.aroundEstimate(0.95).withResolution(100)));
        }
        // a point per study, as the Baujat plot: for the analyses a person reads on a page
        if (o.result().k() >= 2 && o.result().k() <= MAX_INFLUENCE_STUDIES) {
            figures.put("radial", Figures.radial(o.result()));
        }
        // influence diagnostics refit the model once per study: for the analyses a person reads on a page
        MetaOptions mo = s.options();
        boolean defaultEstimation = !mo.fixesTau2() && mo.inverseVarianceWeights();
        if (o.result().k() >= 3 && o.result().k() <= MAX_INFLUENCE_STUDIES && defaultEstimation) {
            Influence inf = Meta.influence(o.effects(), req);
            out.set("influence", InfluenceReport.json(t.source(), inf, Meta.diagnostics(inf.full())));
            figures.put("baujat", Figures.baujat(inf));
        }
        EffectSizes es = o.effects();
        bayesAndTsa(t, s, es, es.measure(), out, figures,
                () -> org.strokemeta.sequential.TrialSequential.analyze(es, mo.model() == Model.RANDOM, s.tsa().forStudies(es)));
        return out;
    }

    /** The Bayesian analysis and the trial sequential analysis when asked for, with their figures. */
    private static void bayesAndTsa(Table t, Settings s, EffectSizes es, Measure measure, ObjectNode out, ObjectNode figures,
            java.util.function.Supplier<org.strokemeta.sequential.TsaResult> tsa) {
        if (s.bayes() != null) {
            boolean log = measure.logScale();
            List<Double> th = new java.util.ArrayList<>();
            for (double x : s.bayes().thresholds()) {
                if (log && !(x > 0)) {
                    throw new IllegalArgumentException("prob_above: thresholds of a ratio measure are ratios, positive, not " + x);
                }
                th.add(log ? Math.log(x) : x);
            }
            if (th.isEmpty()) {
                th.add(0.0);
            }
            var br = org.strokemeta.bayes.BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(),
                    new org.strokemeta.bayes.BayesOptions(s.bayes().mu(), s.bayes().tau(), s.options().level(), th));
            out.set("bayes", org.strokemeta.report.BayesReport.json(t.source(), measure, br));
            figures.put("bayes_posterior", Figures.bayesPosterior(br, measure));
            figures.put("bayes_forest", Figures.bayesForest(br, measure));
        }
        if (s.tsa() != null) {
            var tr = tsa.get();
            out.set("tsa", org.strokemeta.report.TsaReport.json(t.source(), tr));
            figures.put("tsa", Figures.tsa(tr));
        }
    }

    /**
     * Patient-level data: the ordinal shift (stratified or mixed model) adjusted for the covariates asked
     * for, the binary outcomes, and Grotta bars of the two arms.
     */
    private static void patientLevel(Table t, Settings s, ObjectNode out, ObjectNode figures) {
        if (s.bayes() != null || s.tsa() != null) {
            throw new IllegalArgumentException((s.bayes() != null ? "tau_prior" : "tsa") + ": the Bayesian and trial sequential analyses "
                    + "take study-level data or tabulated mRS distributions, not patient-level data (clear those fields, or analyse the "
                    + "trials' estimates)");
        }
        // mRS 0-2, 0-1 and death as stratified logistic models, Chaisinanunkul weights, both ordinal models
        IpdRequest r = IpdRequest.defaults().withCovariates(s.covariates()).withOrdinalModel(s.ipdModel()).withPoTest(false)
                .withLevel(s.options().level()).withDropEmpty(true).withExecution(IN_JOB);
        org.strokemeta.data.PatientData d = Ipd.patients(t, r);
        var o = Ipd.analyze(d, r);
        out.put("kind", "ipd");
        out.set("result", org.strokemeta.report.IpdReport.json(o));
        if (s.mixed() != null) {
            out.set("mixed", org.strokemeta.report.MixedReport.json(t.source(), org.strokemeta.ipd.MixedModel.fit(t, s.mixed())));
        }
        figures.put("grotta", Figures.grotta(ArmDistribution.pooled(d)));
    }

    /** The HTML report of patient-level data (the bundled simulated cohort when no file is sent). */
    /**
     * The page's study-level analysis as a RevMan 5 review (.rm5): the data and RevMan's analysis of them; what RevMan
     * computes differently from the page's settings is in the X-Strokemeta-Notes header (UTF-8, percent-encoded, one note per line).
     */
    private void revman(Context ctx) {
        Form form = Form.read(ctx, REVMAN_FIELDS);
        Settings s = Settings.of(form);
        Examples.Example example = example(form);
        FixedMethod fm = form.choice("fixed_method", "MH, IV, PETO", FixedMethod::parse, "MH");
        var labels = new org.strokemeta.formats.RevManExport.Labels(form.text("title"), form.text("comparison"), form.text("outcome_name"),
                form.text("experimental"), form.text("control"));
        var result = small.run(() -> {
            Table t = table(form, example);
            Measure measure = s.measure();
            if (measure == null && example != null && example.isAggregate()) {
                measure = Measure.parse(example.measure());
            }
            MetaRequest req = MetaRequest.defaults().withOptions(s.options().withFixedMethod(fm)).withMeasure(measure).withSubgroup(s.subgroup())
                    .withExecution(IN_JOB);
            return org.strokemeta.formats.RevManExport.write(t, req, labels);
        });
        if (!result.notes().isEmpty()) {
            ctx.header("X-Strokemeta-Notes", java.net.URLEncoder.encode(String.join("\n", result.notes()), java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        ctx.header("Content-Disposition", "attachment; filename=\"strokemeta-review.rm5\"");
        ctx.contentType("application/xml").result(result.xml());
    }

    private void report(Context ctx) {
        Form form = Form.read(ctx, REPORT_FIELDS);
        Examples.Example example = form.file() == null ? Examples.get(form.text("example") == null ? "hermes_sim" : form.text("example")) : null;
        String html = large.run(() -> {
            Table t = table(form, example);
            DataKind kind = DataKind.of(t);
            if (kind == DataKind.NETWORK_ARMS || kind == DataKind.NETWORK_CONTRASTS) {
                return networkReport(t, form);
            }
            var cohort = StrokeLoader.load(t);
            var plan = AnalysisPlan.hermes().withSkipMissing(form.choice("skip_missing", "true, false", WebApp::bool, "false"));
            var lacking = Study.missing(cohort, plan);
            if (!lacking.isEmpty() && !plan.skipMissing()) {
                throw org.strokemeta.data.InputException.of(t.source(), StudyReport.describe(lacking) + "; tick \"run without what the data "
                        + "lack\" (field skip_missing=true) to leave " + (lacking.size() == 1 ? "it" : "them") + " out of the report");
            }
            var prov = new StudyReport.Provenance(t.source(), "", "default HERMES plan", "", Version.get(),
                    java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "web application");
            return StudyHtml.render(Study.report(cohort, plan, prov, null, IN_JOB));
        });
        ctx.header("Content-Disposition", "attachment; filename=\"strokemeta-report.html\"");
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    /**
     * The HTML report of a network of treatments: the page's model (random or fixed), tau² method (REML or ML), level and
     * direction (a harmful outcome ranks smaller effects first).
     */
    private static String networkReport(Table t, Form form) {
        boolean random = form.choice("model", "random, fixed", v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "random" -> true;
            case "fixed" -> false;
            default -> throw new IllegalArgumentException(v);
        }, "random");
        var method = form.choice("tau2", "REML, ML", org.strokemeta.multivariate.MultilevelOptions.Method::parse, "REML");
        double level = form.level("level", 0.95);
        var direction = form.choice("outcome", "unstated, harmful, beneficial", MetaForest.Direction::parse, "unstated");
        var no = org.strokemeta.multivariate.NetworkOptions.defaults().withRandom(random).withMethod(method).withLevel(level)
                .withSmallBetter(direction == MetaForest.Direction.HARMFUL);
        var nr = org.strokemeta.multivariate.Network.fit(t, no);
        var prov = new org.strokemeta.report.NetworkHtml.Provenance(t.source(), "", Version.get(),
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), "web application");
        return org.strokemeta.report.NetworkHtml.render(nr, prov);
    }

    /** The report on the bundled published trials; the optional file holds the panel's GRADE judgments (CSV). */
    private void published(Context ctx) {
        Form form = Form.read(ctx, PUBLISHED_FIELDS);
        boolean json = form.choice("format", "html, json", v -> switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "html" -> false;
            case "json" -> true;
            default -> throw new IllegalArgumentException(v);
        }, "html");
        boolean tsa = form.choice("tsa", "true, false", WebApp::bool, "false");
        String bayes = form.text("bayes");
        org.strokemeta.study.PublishedBayes.Request bayesRequest = null;
        if (bayes != null) {
            try {
                org.strokemeta.bayes.TauPrior tau = bayes.trim().equalsIgnoreCase("turner") ? null : org.strokemeta.bayes.TauPrior.parse(bayes);
                List<Double> thresholds = new java.util.ArrayList<>();
                if (form.text("prob_above") != null) {
                    for (String x : form.text("prob_above").split(",")) {
                        thresholds.add(Double.parseDouble(x.trim()));
                    }
                }
                bayesRequest = new org.strokemeta.study.PublishedBayes.Request(tau, org.strokemeta.bayes.MuPrior.FLAT, thresholds);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("prob_above takes ratios such as 1,1.2: " + e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("bayes: " + e.getMessage());
            }
        } else if (form.text("prob_above") != null) {
            throw new IllegalArgumentException("prob_above belongs to the Bayesian analysis: set bayes (turner, or a tau prior such as half-normal:0.5)");
        }
        PublishedRequest request = PublishedRequest.defaults().withBayes(bayesRequest).withSequential(tsa);
        String body = large.run(() -> {
            GradeJudgments j = GradeJudgments.bundled();
            Form.Upload u = form.file();
            if (u != null) {
                j = j.withOverrides(GradeJudgments.read(u.name(), u.bytes()));
            }
            PublishedAnalysis.Result r = Evidence.analyse(Evidence.bundled(), request.withJudgments(j));
            String prov = "Evidence: bundled evidence base of strokemeta " + Version.get() + (u == null ? "" : "; judgments: " + u.name())
                    + "; generated " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " by the web application.";
            return json ? JsonReport.write(PublishedJson.json(r, prov)) : PublishedHtml.render(r, prov);
        });
        ctx.header("Content-Disposition", "attachment; filename=\"strokemeta-published." + (json ? "json" : "html") + "\"");
        ctx.contentType(json ? "application/json" : "text/html; charset=utf-8").result(body);
    }

    private static boolean bool(String v) {
        return switch (v.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new IllegalArgumentException(v);
        };
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
