package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.FitStatistics;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.sensitivity.Influence;
import org.strokemeta.sensitivity.Sensitivity;
import org.strokemeta.sensitivity.StudyDiagnostics;

/**
 * The qualification suite: runs reference cases computed with R and compares every expected value.
 * An analysis type the engine does not support counts as a failure, never as a pass or a skip.
 */
public final class Qualification {
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The bundled suite, as class-path folders: the shared reference corpus, and the product's own
     * cases made by the R scripts in validation/r.
     */
    public static final List<String> BUNDLED = List.of("org/strokemeta/validation/cases", "org/strokemeta/validation/extra");

    private final Map<String, CaseAnalysis> analyses = new LinkedHashMap<>();

    /** A suite that knows every analysis type of the engine. */
    public Qualification() {
        analyses.put("effect_sizes", Qualification::effectSizes);
        analyses.put("pairwise", Qualification::pairwise);
        analyses.put("leave_one_out", (c, out) -> series(c, out, false));
        analyses.put("cumulative", (c, out) -> series(c, out, true));
        analyses.put("influence", Qualification::influence);
        analyses.put("case_diagnostics", Qualification::caseDiagnostics);
        analyses.put("fit_statistics", Qualification::fitStatistics);
        analyses.put("regression_tests", Qualification::regressionTests);
        analyses.put("mh_tests", Qualification::mhTests);
        analyses.put("fail_safe_n", Qualification::failSafeN);
        analyses.put("intercept_permutation", Qualification::interceptPermutation);
        analyses.put("regtest", Qualification::regtest);
        analyses.put("tau2_profile", Qualification::tau2Profile);
        analyses.put("labbe", Qualification::labbe);
        analyses.put("radial", Qualification::radial);
        analyses.put("gosh", Qualification::gosh);
        analyses.put("henmi_copas", Qualification::henmiCopas);
        analyses.put("tes", Qualification::tes);
        analyses.put("robust", Qualification::robust);
        analyses.put("asymmetry_binary", Qualification::asymmetryBinary);
        analyses.put("selmodel", Qualification::selmodel);
        analyses.put("permci", Qualification::permci);
        analyses.put("escalc", Qualification::escalc);
    }

    /**
     * The analysis types this suite can run.
     *
     * @return the analysis types, as named in the cases' {@code analysis} field
     */
    public java.util.Set<String> supported() {
        return analyses.keySet();
    }

    /** The outcome of one case. */
    public record Outcome(ValidationCase validationCase, boolean passed, List<Mismatch> mismatches, String error) {
        /**
         * The case's identifier.
         *
         * @return the id
         */
        public String id() {
            return validationCase.id();
        }
    }

    /**
     * Runs one case.
     *
     * @param c the case
     * @return whether every expected value was reproduced within tolerance, the mismatches, or the error
     */
    public Outcome run(ValidationCase c) {
        CaseAnalysis a = analyses.get(c.analysis());
        if (a == null) {
            return new Outcome(c, false, List.of(), "analysis type '" + c.analysis() + "' is not supported by this version");
        }
        if (Comparison.values(c.expected()) == 0) {
            return new Outcome(c, false, List.of(), "the case has no expected values to compare");
        }
        ObjectNode out = JSON.createObjectNode();
        try {
            a.run(c, out);
        } catch (RuntimeException e) {
            return new Outcome(c, false, List.of(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        List<Mismatch> mm = Comparison.compare(c.expected(), out, c.relative(), c.absolute());
        return new Outcome(c, mm.isEmpty(), mm, null);
    }

    /**
     * Reads every {@code *.json} case of a folder, sorted by file name.
     *
     * @param dir the folder
     * @return the cases
     * @throws org.strokemeta.data.InputException if the folder or a file cannot be read
     */
    public static List<ValidationCase> load(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
            List<ValidationCase> out = new ArrayList<>();
            for (Path f : files) {
                out.add(read(f));
            }
            return out;
        } catch (IOException e) {
            throw org.strokemeta.data.FileProblem.reading(dir, e);
        }
    }

    /**
     * Reads one case file; a file that is not valid JSON is an input error with its line and column.
     *
     * @param f the case file
     * @return the case
     * @throws org.strokemeta.data.InputException if the file cannot be read or is not valid JSON
     */
    public static ValidationCase read(Path f) {
        String name = f.getFileName().toString();
        JsonNode n;
        try {
            n = JSON.readTree(org.strokemeta.data.FileProblem.readAllBytes(f));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            com.fasterxml.jackson.core.JsonLocation at = e.getLocation();
            throw new org.strokemeta.data.InputException(f.toString(), at == null ? 0 : at.getLineNr(), null,
                    "not valid JSON" + (at == null ? "" : " (column " + at.getColumnNr() + ")") + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw org.strokemeta.data.FileProblem.reading(f, e);
        }
        try {
            return ValidationCase.of(name, n);
        } catch (IllegalArgumentException e) {
            throw org.strokemeta.data.InputException.of(f.toString(), e.getMessage().replace(name + ": ", ""));
        }
    }

    /**
     * Reads the whole bundled suite from the class path.
     *
     * @return every case of the bundled folders
     */
    public static List<ValidationCase> loadBundled() {
        List<ValidationCase> out = new ArrayList<>();
        for (String folder : BUNDLED) {
            out.addAll(loadBundled(folder));
        }
        return out;
    }

    /**
     * Reads one bundled folder from the class path (its index.txt lists the files).
     *
     * @param folder the folder on the class path
     * @return its cases, in index order
     * @throws IllegalStateException if the folder is missing from the class path
     */
    public static List<ValidationCase> loadBundled(String folder) {
        // read through the class, not its loader, so that the module's own resources are found on the module path too
        try (InputStream idx = Qualification.class.getResourceAsStream("/" + folder + "/index.txt")) {
            if (idx == null) {
                throw new IllegalStateException("the bundled validation suite " + folder + " is missing from the class path");
            }
            List<ValidationCase> out = new ArrayList<>();
            for (String name : new String(idx.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                if (name.isBlank()) {
                    continue;
                }
                try (InputStream in = Qualification.class.getResourceAsStream("/" + folder + "/" + name.trim())) {
                    if (in == null) {
                        throw new IllegalStateException("bundled case " + name + " is listed but missing");
                    }
                    out.add(ValidationCase.of(name.trim(), JSON.readTree(in)));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- analysis adapters -------------------------------------------------------------------

    private static void effectSizes(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        ArrayNode y = out.putArray("yi");
        ArrayNode v = out.putArray("vi");
        for (int i = 0; i < es.size(); i++) {
            y.add(es.yi(i));
            v.add(es.vi(i));
        }
    }

    private static void pairwise(ValidationCase c, ObjectNode out) {
        MetaResult r = MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c));
        putPooled(out, r);
    }

    /**
     * Writes the keys of a "pairwise" case for a pooled result.
     *
     * @param out where the values go
     * @param r   the pooled result
     */
    public static void putPooled(ObjectNode out, MetaResult r) {
        PooledEstimate p = r.pooled();
        Heterogeneity h = r.heterogeneity();
        out.put("estimate", p.estimate());
        out.put("se", p.se());
        out.put("ci_lower", p.ciLower());
        out.put("ci_upper", p.ciUpper());
        if (p.isT()) {
            out.put("t", p.statistic());
            out.put("df", p.df());
        } else {
            out.put("z", p.statistic());
        }
        out.put("p", p.p());
        ArrayNode w = out.putArray("weights");
        for (double x : r.weights()) {
            w.add(x);
        }
        out.put("tau2", h.tau2());
        out.put("tau", h.tau());
        out.put("i2", h.i2());
        out.put("h2", h.h2());
        out.put("q", h.q());
        out.put("q_df", h.qDf());
        out.put("q_p", h.qP());
        if (r.options().model() == Model.RANDOM) {
            out.put("pi_lower", p.piLower());
            out.put("pi_upper", p.piUpper());
            out.put("tau2_se", org.strokemeta.pool.Tau2StandardError.of(r.model(), r.options().tau2Method(), h.tau2(), r.options().control()));
        }
        if (h.tau2Ci() != null) {
            out.put("tau2_ci_lower", h.tau2Ci().lower());
            out.put("tau2_ci_upper", h.tau2Ci().upper());
            out.put("i2_ci_lower", h.i2Ci().lower());
            out.put("i2_ci_upper", h.i2Ci().upper());
        }
    }

    private static void series(ValidationCase c, ObjectNode out, boolean cumulative) {
        EffectSizes es = CaseInputs.effects(c);
        // cumulative cases may sort by a column (order), from the largest value (decreasing), ties in one step (collapse)
        org.strokemeta.sensitivity.CumulativeOptions co = org.strokemeta.sensitivity.CumulativeOptions.defaults()
                .withOrder(c.hasOption("order") ? c.option("order", null) : null);
        if (co.order() != null) {
            co = co.withDecreasing(c.options().path("decreasing").asBoolean(false)).withCollapse(c.options().path("collapse").asBoolean(false));
        }
        List<Sensitivity.Step> steps = cumulative ? Sensitivity.cumulative(es, CaseInputs.options(c), co).steps()
                : Sensitivity.leaveOneOut(es, CaseInputs.options(c));
        ArrayNode k = out.putArray("k");
        ArrayNode study = out.putArray("study");
        ArrayNode est = out.putArray("estimate");
        ArrayNode se = out.putArray("se");
        ArrayNode lo = out.putArray("ci_lower");
        ArrayNode hi = out.putArray("ci_upper");
        ArrayNode t2 = out.putArray("tau2");
        ArrayNode i2 = out.putArray("i2");
        ArrayNode q = out.putArray("q");
        for (Sensitivity.Step s : steps) {
            MetaResult r = s.result();
            study.add(s.study());
            k.add(r.k());
            est.add(r.pooled().estimate());
            se.add(r.pooled().se());
            lo.add(r.pooled().ciLower());
            hi.add(r.pooled().ciUpper());
            t2.add(r.heterogeneity().tau2());
            i2.add(r.heterogeneity().i2());
            q.add(r.heterogeneity().q());
        }
    }

    private static void influence(ValidationCase c, ObjectNode out) {
        Influence inf = Influence.of(CaseInputs.effects(c), CaseInputs.options(c));
        out.put("estimate", inf.full().pooled().estimate());
        out.put("tau2", inf.full().heterogeneity().tau2());
        ArrayNode[] a = new ArrayNode[13];
        String[] keys = {"rstudent", "dffits", "cook_d", "cov_r", "tau2_del", "qe_del", "hat", "weight", "dfbetas", "influential", "baujat_x",
            "baujat_y", "study"};
        for (int i = 0; i < keys.length; i++) {
            a[i] = out.putArray(keys[i]);
        }
        for (Influence.Case x : inf.studies()) {
            a[0].add(x.rstudent());
            a[1].add(x.dffits());
            a[2].add(x.cookD());
            a[3].add(x.covRatio());
            a[4].add(x.tau2Deleted());
            a[5].add(x.qeDeleted());
            a[6].add(x.hat());
            a[7].add(x.weight());
            a[8].add(x.dfbetas());
            a[9].add(x.influential());
            a[10].add(x.baujatX());
            a[11].add(x.baujatY());
            a[12].add(x.study());
        }
    }

    private static void caseDiagnostics(ValidationCase c, ObjectNode out) {
        StudyDiagnostics d = StudyDiagnostics.of(MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c)));
        out.put("estimate", d.model().pooled().estimate());
        out.put("tau2", d.model().heterogeneity().tau2());
        String[] keys = {"fitted", "resid", "rstandard_se", "rstandard_z", "blup", "blup_se", "blup_pi_lower", "blup_pi_upper", "ranef", "ranef_se",
            "hat", "weight"};
        ArrayNode[] a = new ArrayNode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            a[i] = out.putArray(keys[i]);
        }
        for (StudyDiagnostics.Study s : d.studies()) {
            double[] v = {s.fitted(), s.residual(), s.residualSe(), s.standardised(), s.blup(), s.blupSe(), s.blupLower(), s.blupUpper(), s.ranef(),
                s.ranefSe(), s.hat(), s.weight()};
            for (int i = 0; i < v.length; i++) {
                a[i].add(v[i]);
            }
        }
    }

    private static void fitStatistics(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);
        FitStatistics f;
        double[][] vb;
        if (c.optionList("moderators").isEmpty()) {
            MetaResult r = MetaAnalysis.run(es, o);
            f = FitStatistics.of(r);
            out.put("estimate", r.pooled().estimate());
            out.put("tau2", r.heterogeneity().tau2());
            vb = new double[][] {{r.pooled().se() * r.pooled().se()}};
        } else {
            org.strokemeta.regression.RegressionResult r = RegressionCase.fit(c, es, o);
            f = r.fitStatistics();
            ArrayNode b = out.putArray("estimate");
            for (double x : r.fit().beta()) {
                b.add(x);
            }
            out.put("tau2", r.heterogeneity().tau2());
            vb = r.fit().vb();
        }
        out.put("ll_ml", f.llMl());
        out.put("dev_ml", f.devMl());
        out.put("aic_ml", f.aicMl());
        out.put("bic_ml", f.bicMl());
        out.put("aicc_ml", f.aiccMl());
        out.put("ll_reml", f.llReml());
        out.put("dev_reml", f.devReml());
        out.put("aic_reml", f.aicReml());
        out.put("bic_reml", f.bicReml());
        out.put("aicc_reml", f.aiccReml());
        ArrayNode v = out.putArray("vcov");
        for (double[] row : vb) {
            ArrayNode a = v.addArray();
            for (double x : row) {
                a.add(x);
            }
        }
    }

    private static double[][] matrix(JsonNode n) {
        double[][] m = new double[n.size()][];
        for (int i = 0; i < n.size(); i++) {
            JsonNode row = n.get(i).isArray() ? n.get(i) : JSON.createArrayNode().add(n.get(i));
            m[i] = new double[row.size()];
            for (int j = 0; j < row.size(); j++) {
                m[i][j] = row.get(j).asDouble();
            }
        }
        return m;
    }

    private static void regressionTests(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);
        org.strokemeta.regression.RegressionResult r = RegressionCase.fit(c, es, o);
        ArrayNode b = out.putArray("estimate");
        for (double x : r.fit().beta()) {
            b.add(x);
        }
        out.put("tau2", r.heterogeneity().tau2());
        JsonNode opts = c.options();
        JsonNode bttNode = opts.get("btt");
        int[] btt = new int[bttNode.isArray() ? bttNode.size() : 1];
        for (int i = 0; i < btt.length; i++) {
            btt[i] = (bttNode.isArray() ? bttNode.get(i) : bttNode).asInt() - 1;
        }
        org.strokemeta.regression.OmnibusTest t = org.strokemeta.regression.RegressionTests.coefficients(r, btt);
        out.put("btt_statistic", t.statistic());
        out.put("btt_df1", t.df1());
        if (t.isF()) {
            out.put("btt_df2", t.df2());
        }
        out.put("btt_p", t.p());
        org.strokemeta.regression.RegressionTests.LinearTests lt = org.strokemeta.regression.RegressionTests.linear(r, matrix(opts.get("contrasts")));
        String[] ck = {"contrast_estimate", "contrast_se", "contrast_statistic", "contrast_p"};
        ArrayNode[] ca = new ArrayNode[ck.length];
        for (int i = 0; i < ck.length; i++) {
            ca[i] = out.putArray(ck[i]);
        }
        for (var h : lt.hypotheses()) {
            ca[0].add(h.estimate());
            ca[1].add(h.se());
            ca[2].add(h.statistic());
            ca[3].add(h.p());
        }
        out.put("contrast_joint_statistic", lt.joint().statistic());
        out.put("contrast_joint_p", lt.joint().p());
        String[] pk = {"predict_estimate", "predict_se", "predict_ci_lower", "predict_ci_upper", "predict_pi_lower", "predict_pi_upper"};
        ArrayNode[] pa = new ArrayNode[pk.length];
        for (int i = 0; i < pk.length; i++) {
            pa[i] = out.putArray(pk[i]);
        }
        for (var p : org.strokemeta.regression.RegressionTests.predict(r, matrix(opts.get("newmods")))) {
            pa[0].add(p.estimate());
            pa[1].add(p.se());
            pa[2].add(p.ciLower());
            pa[3].add(p.ciUpper());
            pa[4].add(p.piLower());
            pa[5].add(p.piUpper());
        }
        if (opts.path("lrt").asBoolean(false)) {
            var lr = org.strokemeta.regression.RegressionTests.lrt(r, MetaAnalysis.run(es.subset(r.design().positions()), o));
            out.put("lrt_statistic", lr.statistic());
            out.put("lrt_df", lr.df());
            out.put("lrt_p", lr.p());
            out.put("lrt_r2", lr.r2());
        }
    }

    private static void mhTests(ValidationCase c, ObjectNode out) {
        MetaResult r = MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c));
        org.strokemeta.pool.MantelHaenszelTests t = org.strokemeta.pool.MantelHaenszelTests.of(r, c.options().path("cmh_correct").asBoolean(true));
        out.put("estimate", r.pooled().estimate());
        double[] v = {t.cmh(), t.cmhP(), t.breslowDay(), t.breslowDayP(), t.tarone(), t.taroneP()};
        String[] keys = {"cmh", "cmh_p", "bd", "bd_p", "tarone", "tarone_p"};
        for (int i = 0; i < v.length; i++) {
            if (Double.isNaN(v[i])) {
                out.putNull(keys[i]);
            } else {
                out.put(keys[i], v[i]);
            }
        }
        out.put("k_pos", t.kPos());
    }

    private static void failSafeN(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        double alpha = c.options().path("alpha").asDouble(0.05);
        org.strokemeta.bias.FailSafeN f = org.strokemeta.bias.FailSafeN.of(es, alpha);
        out.put("rosenthal", f.rosenthal());
        out.put("rosenthal_p", f.rosenthalP());
        out.put("orwin", f.orwin());
        out.put("orwin_mean", f.orwinMean());
        out.put("orwin_target", f.orwinTarget());
        out.put("orwin_weighted", f.orwinWeighted());
        out.put("orwin_weighted_mean", f.orwinWeightedMean());
        out.put("orwin_given_target", org.strokemeta.bias.FailSafeN.of(es, alpha, c.options().path("orwin_target").asDouble()).orwin());
        out.put("rosenberg", f.rosenberg());
        out.put("rosenberg_p", f.rosenbergP());
        out.put("rosenberg_mean", f.orwinWeightedMean());
    }

    private static void henmiCopas(ValidationCase c, ObjectNode out) {
        org.strokemeta.bias.HenmiCopas.Result h = org.strokemeta.bias.HenmiCopas.of(CaseInputs.effects(c),
                c.options().path("level").asDouble(0.95));
        out.put("estimate", h.estimate());
        out.put("se", h.se());
        out.put("ci_lower", h.ciLower());
        out.put("ci_upper", h.ciUpper());
        out.put("tau2", h.tau2());
        out.put("u0", h.u0());
    }

    private static void permci(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);
        double[] ci = org.strokemeta.regression.PermutationInterval.intercept(es, o);
        double[] est = {MetaAnalysis.run(es, o).pooled().estimate()};
        array(out, "estimate", est);
        array(out, "ci_lower", new double[] {ci[0]});
        array(out, "ci_upper", new double[] {ci[1]});
    }

    private static void selmodel(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        double[] steps = c.options().path("steps").isArray() ? java.util.stream.StreamSupport.stream(c.options().path("steps").spliterator(), false)
                .mapToDouble(com.fasterxml.jackson.databind.JsonNode::asDouble).toArray() : new double[] {c.options().path("steps").asDouble()};
        org.strokemeta.bias.SelectionModel.Result r = org.strokemeta.bias.SelectionModel.fit(es.yi(), es.vi(),
                org.strokemeta.bias.SelectionModel.Type.parse(c.option("type", "step")), steps, c.options().path("level").asDouble(0.95),
                "less".equals(c.option("alternative", "greater")));
        out.put("estimate", r.estimate());
        out.put("se", r.se());
        out.put("z", r.z());
        out.put("p", r.p());
        out.put("ci_lower", r.ciLower());
        out.put("ci_upper", r.ciUpper());
        out.put("tau2", r.tau2());
        out.put("tau2_se", r.tau2Se());
        array(out, "delta", r.delta());
        array(out, "delta_se", r.deltaSe());
        out.put("loglik", r.logLik());
        out.put("lrt", r.lrt());
        out.put("lrt_df", r.lrtDf());
        out.put("lrt_p", r.lrtP());
        if (r.type() == org.strokemeta.bias.SelectionModel.Type.STEP) {
            ArrayNode kk = out.putArray("k_per_interval");
            for (int x : r.perInterval()) {
                kk.add(x);
            }
        }
    }

    private static void asymmetryBinary(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        org.strokemeta.bias.EggerTest h = org.strokemeta.bias.BinaryAsymmetryTests.harbord(es, 0.95);
        org.strokemeta.bias.EggerTest p = org.strokemeta.bias.BinaryAsymmetryTests.peters(es, 0.95);
        out.put("k", h.k());
        for (Object[] t : new Object[][] {{"harbord", h}, {"peters", p}}) {
            org.strokemeta.bias.EggerTest e = (org.strokemeta.bias.EggerTest) t[1];
            ObjectNode o = out.putObject((String) t[0]);
            o.put("slope", e.slope());
            o.put("slope_se", e.slopeSe());
            o.put("statistic", e.statistic());
            o.put("df", e.df());
            o.put("p", e.p());
            o.put("intercept", e.intercept());
            o.put("intercept_se", e.interceptSe());
        }
    }

    private static void robust(ValidationCase c, ObjectNode out) {
        org.strokemeta.study.MetaRequest r = CaseInputs.request(c).withModerators(c.optionList("moderators"))
                .withRobust(new org.strokemeta.study.MetaRequest.Robust(c.option("cluster", null),
                        org.strokemeta.regression.RobustInference.Method.parse(c.option("robust", "CR1"))));
        org.strokemeta.regression.RobustInference.Result rob = org.strokemeta.study.MetaRun.run(CaseInputs.effects(c), r).robust();
        out.put("clusters", rob.clusters());
        array(out, "estimate", rob.estimate());
        array(out, "se", rob.se());
        array(out, "t", rob.t());
        array(out, "df", rob.df());
        array(out, "p", rob.p());
        array(out, "ci_lower", rob.ciLower());
        array(out, "ci_upper", rob.ciUpper());
        out.put("qm", rob.qm());
        out.put("qm_df1", rob.qmDf1());
        out.put("qm_df2", rob.qmDf2());
        out.put("qm_p", rob.qmP());
        ArrayNode v = out.putArray("vcov");
        for (double[] row : rob.vcov()) {
            ArrayNode a = v.addArray();
            for (double x : row) {
                a.add(x);
            }
        }
    }

    /** An array of numbers, null where a value is not a number (a bound or standard error that does not exist). */
    private static void array(ObjectNode out, String key, double[] values) {
        ArrayNode a = out.putArray(key);
        for (double x : values) {
            org.strokemeta.report.JsonReport.num(a, x);
        }
    }

    private static void tes(ValidationCase c, ObjectNode out) {
        MetaResult r = MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c));
        org.strokemeta.bias.ExcessSignificance.Settings d = org.strokemeta.bias.ExcessSignificance.Settings.defaults();
        org.strokemeta.bias.ExcessSignificance.Settings s = new org.strokemeta.bias.ExcessSignificance.Settings(d.h0(),
                org.strokemeta.bias.ExcessSignificance.Alternative.parse(c.option("alternative", "two.sided")),
                c.options().path("alpha").asDouble(d.alpha()),
                org.strokemeta.bias.ExcessSignificance.Alternative.parse(c.option("tes_alternative", "greater")),
                c.options().path("tes_alpha").asDouble(d.tesAlpha()),
                org.strokemeta.bias.ExcessSignificance.Test.parse(c.option("test", "auto")), true);
        org.strokemeta.bias.ExcessSignificance.Result t = org.strokemeta.bias.ExcessSignificance.of(r, s);
        out.put("k", t.k());
        out.put("observed", t.observed());
        out.put("expected", t.expected());
        out.put("ratio", t.ratio());
        out.put("test", t.test().name().toLowerCase(java.util.Locale.ROOT));
        out.put("p", t.p());
        if (!Double.isNaN(t.statistic())) {
            out.put("statistic", t.statistic());
        }
        ArrayNode pow = out.putArray("power");
        ArrayNode sig = out.putArray("significant");
        for (int i = 0; i < t.k(); i++) {
            pow.add(t.power()[i]);
            sig.add(t.significant()[i]);
        }
        out.put("theta", t.theta());
        array(out, "theta_limit", t.thetaLimit());
    }

    private static void interceptPermutation(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);
        MetaResult r = MetaAnalysis.run(es, o);
        out.put("estimate", r.pooled().estimate());
        out.put("statistic", r.pooled().statistic());
        out.put("p", r.pooled().p());
        org.strokemeta.regression.PermutationResult perm = org.strokemeta.regression.InterceptPermutationTest.run(es, o,
                org.strokemeta.study.MetaRequest.EXACT, 1L);
        out.put("permutation_p", perm.p(0));
        out.put("permutations", perm.permutations());
    }

    private static void regtest(ValidationCase c, ObjectNode out) {
        org.strokemeta.bias.EggerModel model = c.option("regtest_model", "rma").equals("lm") ? org.strokemeta.bias.EggerModel.LM
                : org.strokemeta.bias.EggerModel.RMA;
        org.strokemeta.bias.EggerTest t = org.strokemeta.bias.SmallStudyEffects.regtest(CaseInputs.effects(c), CaseInputs.options(c), model,
                org.strokemeta.bias.SmallStudyEffects.Predictor.parse(c.option("predictor", "sei")));
        out.put("statistic", t.statistic());
        out.put("p", t.p());
        out.put("limit_estimate", t.intercept());
        out.put("limit_ci_lower", t.ciLower());
        out.put("limit_ci_upper", t.ciUpper());
    }

    private static void tau2Profile(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        MetaOptions o = CaseInputs.options(c);
        org.strokemeta.pool.MetaModel model;
        double tau2;
        if (c.optionList("moderators").isEmpty()) {
            MetaResult r = MetaAnalysis.run(es, o);
            model = r.model();
            tau2 = r.heterogeneity().tau2();
        } else {
            org.strokemeta.regression.RegressionResult r = RegressionCase.fit(c, es, o);
            model = r.fit().model();
            tau2 = r.heterogeneity().tau2();
        }
        double[] ci = org.strokemeta.pool.Tau2ProfileInterval.of(model, o.tau2Method(), tau2, o.level());
        out.put("tau2", tau2);
        out.put("tau2_pl_lower", ci[0]);
        out.put("tau2_pl_upper", ci[1]);
    }

    private static void labbe(ValidationCase c, ObjectNode out) {
        MetaResult r = MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c));
        out.put("estimate", r.pooled().estimate());
        ArrayNode x = out.putArray("x");
        ArrayNode y = out.putArray("y");
        for (org.strokemeta.plot.LabbePlot.Point p : org.strokemeta.plot.LabbePlot.points(r, CaseInputs.continuity(c))) {
            x.add(p.control());
            y.add(p.treated());
        }
    }

    /** Every subset's fit in metafor's order, with its membership as a row of booleans in data order. */
    private static void gosh(ValidationCase c, ObjectNode out) {
        org.strokemeta.sensitivity.Gosh g = org.strokemeta.sensitivity.Gosh.of(CaseInputs.effects(c), CaseInputs.options(c),
                org.strokemeta.sensitivity.GoshOptions.defaults());
        String[] keys = {"k", "estimate", "q", "i2", "h2", "tau2"};
        ArrayNode[] a = new ArrayNode[keys.length];
        for (int i = 0; i < keys.length; i++) {
            a[i] = out.putArray(keys[i]);
        }
        ArrayNode incl = out.putArray("incl");
        for (int s = 0; s < g.size(); s++) {
            a[0].add(g.k(s));
            double[] v = {g.estimate(s), g.q(s), g.i2(s), g.h2(s), g.tau2(s)};
            for (int i = 0; i < v.length; i++) {
                if (Double.isNaN(v[i])) {
                    a[i + 1].addNull();
                } else {
                    a[i + 1].add(v[i]);
                }
            }
            ArrayNode row = incl.addArray();
            for (int j = 0; j < g.studies().size(); j++) {
                row.add(g.includes(s, j));
            }
        }
        out.put("subsets", g.size());
    }

    private static void radial(ValidationCase c, ObjectNode out) {
        MetaResult r = MetaAnalysis.run(CaseInputs.effects(c), CaseInputs.options(c));
        org.strokemeta.plot.RadialPlot.Coordinates rc = org.strokemeta.plot.RadialPlot.coordinates(r, c.options().path("center").asBoolean(false));
        out.put("estimate", r.pooled().estimate());
        out.put("ci_lower", rc.ciLower());
        out.put("ci_upper", rc.ciUpper());
        out.put("tau2", rc.tau2());
        out.put("zcrit", rc.zcrit());
        ArrayNode x = out.putArray("x");
        ArrayNode y = out.putArray("y");
        for (org.strokemeta.plot.RadialPlot.Point p : rc.points()) {
            x.add(p.x());
            y.add(p.z());
        }
    }

    /**
     * Per-study effects in data order (null for a study left out), the pooled model as in "pairwise", and
     * the pooled estimate and intervals back-transformed as the measure is shown (metafor's predict with its
     * transf): see EXTRA-FORMAT.md.
     */
    private static void escalc(ValidationCase c, ObjectNode out) {
        EffectSizes es = CaseInputs.effects(c);
        int n = c.data().size();
        ArrayNode y = out.putArray("yi");
        ArrayNode v = out.putArray("vi");
        ArrayNode yt = out.putArray("yi_transf");
        int next = 0;
        for (int row = 0; row < n; row++) {
            if (next < es.size() && es.rows(next) == row) {
                y.add(es.yi(next));
                v.add(es.vi(next));
                yt.add(es.backTransform(next, es.yi(next)));
                next++;
            } else {
                y.addNull();
                v.addNull();
                yt.addNull();
            }
        }
        MetaResult r = MetaAnalysis.run(es, CaseInputs.options(c));
        putPooled(out, r);
        out.put("k", r.k());
        java.util.function.DoubleUnaryOperator f = es.backTransform();
        PooledEstimate p = r.pooled();
        out.put("transf_estimate", f.applyAsDouble(p.estimate()));
        out.put("transf_ci_lower", Math.min(f.applyAsDouble(p.ciLower()), f.applyAsDouble(p.ciUpper())));
        out.put("transf_ci_upper", Math.max(f.applyAsDouble(p.ciLower()), f.applyAsDouble(p.ciUpper())));
        if (r.options().model() == Model.RANDOM) {
            out.put("transf_pi_lower", Math.min(f.applyAsDouble(p.piLower()), f.applyAsDouble(p.piUpper())));
            out.put("transf_pi_upper", Math.max(f.applyAsDouble(p.piLower()), f.applyAsDouble(p.piUpper())));
        }
    }

    /** Registers another analysis type (used by later stages of the pipeline). */
    Qualification with(String analysis, CaseAnalysis a) {
        analyses.put(analysis, a);
        return this;
    }
}
