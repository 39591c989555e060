package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.EmptyCategories;
import org.strokemeta.ordinal.NetBenefit;
import org.strokemeta.ordinal.PartialProportionalOdds;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.ordinal.TwoStage;
import org.strokemeta.ordinal.TwoStageResult;
import org.strokemeta.ordinal.UtilityWeightedOutcome;
import org.strokemeta.ordinal.UtilityWeights;

/**
 * Runs {@code ordinal} cases (tables of counts per trial and arm: one- or two-stage) and
 * {@code ipd_ordinal} cases with stratified or common cut-points (validation/FORMAT.md and
 * validation/EXTRA-FORMAT.md).
 */
final class OrdinalCase {
    private OrdinalCase() {
    }

    /**
     * Fills the keys of an {@code ordinal} case.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void run(ValidationCase c, ObjectNode out) {
        OrdinalTable raw = table(c);
        PoOptions po = poOptions(c);
        // the clinical summaries describe the same categories as the models
        OrdinalTable t = po.merge() == null ? raw : raw.mergeCategories(po.merge().from(), po.merge().to());
        boolean summariesOnly = (c.hasOption("nnt") || c.hasOption("utility")) && !c.hasOption("po_test");
        if ("two".equals(c.option("stage", "one"))) {
            putTwoStage(out, TwoStage.run(raw, po, CaseInputs.options(c)));
        } else if (!summariesOnly) {
            ProportionalOddsFit f = ProportionalOdds.fit(raw, po);
            putOneStage(out, f);
            putCutPoints(out, f);
        }
        if (c.hasOption("po_test")) {
            putPoTest(out, PartialProportionalOdds.test(raw, po));
        }
        double level = po.level();
        if (c.hasOption("nnt")) {
            ObjectNode b = out.putObject("benefit");
            for (int s = 0; s < t.size(); s++) {
                putBenefit(b.putObject(t.study(s)), NetBenefit.of(t, s, level));
            }
            putBenefit(b.putObject("all"), NetBenefit.ofAllTrials(t, level));
        }
        if (c.hasOption("utility")) {
            UtilityWeights w = UtilityWeights.parse(c.option("utility", ""));
            ObjectNode u = out.putObject("utility");
            for (int s = 0; s < t.size(); s++) {
                putUtility(u.putObject(t.study(s)), UtilityWeightedOutcome.of(t, s, w, level));
            }
            ArmDistribution all = ArmDistribution.pooled(t);
            putUtility(u.putObject("all"), UtilityWeightedOutcome.of(all.treatment(), all.control(), w, level));
        }
    }

    /**
     * True for the {@code ipd_ordinal} cases that {@link #stratifiedIpd} runs: fixed study effects
     * ({@code study_effect} {@code stratified}, or {@code none} with common cut-points).
     *
     * @param c the case
     * @return whether it is an {@code ipd_ordinal} case with fixed study effects
     */
    public static boolean handles(ValidationCase c) {
        String se = c.option("study_effect", "stratified");
        return "ipd_ordinal".equals(c.analysis()) && ("stratified".equals(se) || "none".equals(se));
    }

    /**
     * Fills the keys of an {@code ipd_ordinal} case with stratified (or common) cut-points: the
     * one-stage model, or with {@code stage} {@code two} the per-trial adjusted fits and their pooling.
     *
     * @param c   the case
     * @param out where the computed values go
     * @throws IllegalArgumentException if the case's study effect is not fixed
     */
    public static void stratifiedIpd(ValidationCase c, ObjectNode out) {
        if (!handles(c)) {
            throw new IllegalArgumentException("study_effect '" + c.option("study_effect", "") + "' is not a fixed-effects"
                    + " proportional-odds model");
        }
        PatientData d = patients(c);
        PoOptions po = poOptions(c);
        if ("two".equals(c.option("stage", "one"))) {
            putTwoStage(out, TwoStage.run(d, po, CaseInputs.options(c)));
            return;
        }
        if (c.hasOption("interaction")) {
            putInteraction(out, EffectModification.shift(d, c.option("interaction", ""), c.optionList("covariates"), po));
        }
        if (c.hasOption("nominal") || c.hasOption("scale")) {
            putNominalScale(out, org.strokemeta.ordinal.CumulativeLinkModel.fit(d, po, c.optionList("nominal"),
                    c.optionList("scale")));
            return;
        }
        ProportionalOddsFit f = ProportionalOdds.fit(d, po);
        requireConverged(f);
        out.put("log_cor", f.logCor());
        out.put("se", f.logCorSe());
        ObjectNode co = out.putObject("coefficients");
        for (String name : f.names()) {
            ObjectNode n = co.putObject(name);
            n.put("estimate", f.coefficient(name));
            n.put("se", f.coefficientSe(name));
            n.put("z", f.coefficient(name) / f.coefficientSe(name));
            n.put("p", org.strokemeta.internal.Dist.pNormal2(f.coefficient(name) / f.coefficientSe(name)));
        }
        out.put("loglik", f.logLik());
        out.put("aic", f.aic());
        putCutPoints(out, f);
        if (c.hasOption("po_test")) {
            putPoTest(out, PartialProportionalOdds.test(d, po));
        }
        PatientData summarised = po.merge() == null ? d : d.mergeCategories(po.merge().from(), po.merge().to());
        if (c.hasOption("nnt")) {
            putBenefit(out.putObject("benefit").putObject("all"), NetBenefit.of(summarised, -1, po.level()));
        }
        if (c.hasOption("utility")) {
            putUtility(out.putObject("utility").putObject("all"),
                    UtilityWeightedOutcome.of(summarised, -1, UtilityWeights.parse(c.option("utility", "")), po.level()));
        }
    }

    /**
     * {@code nominal} and {@code scale}: a cumulative link model with nominal and scale effects (clm's
     * {@code nominal = ~x}, {@code scale = ~z}), with its location coefficients, cut-points per trial (at nominal
     * covariates of 0) or common, log-likelihood and AIC.
     */
    private static void putNominalScale(ObjectNode out, org.strokemeta.ordinal.CumulativeLinkModel.Fit f) {
        if (!f.converged()) {
            throw new IllegalStateException("the cumulative link model did not converge: " + f.message());
        }
        out.put("log_cor", -f.treatment().estimate());
        out.put("se", f.treatment().se());
        ObjectNode co = out.putObject("coefficients");
        for (org.strokemeta.regression.Coefficient x : f.location()) {
            ObjectNode n = co.putObject(x.name());
            n.put("estimate", x.estimate());
            n.put("se", x.se());
            n.put("z", x.statistic());
            n.put("p", x.p());
        }
        out.put("loglik", f.logLik());
        out.put("aic", f.aic());
        ObjectNode cp = out.putObject("cut_points");
        ObjectNode cs = out.putObject("cut_point_se");
        for (org.strokemeta.ordinal.CutPoint p : f.cutPoints()) {
            String key = p.stratum() == null ? "common" : p.stratum();
            (cp.has(key) ? (ArrayNode) cp.get(key) : cp.putArray(key)).add(p.estimate());
            (cs.has(key) ? (ArrayNode) cs.get(key) : cs.putArray(key)).add(p.se());
        }
        ObjectNode nom = out.putObject("nominal");
        for (org.strokemeta.regression.Coefficient x : f.nominal()) {
            nom.putObject(x.name()).put("estimate", x.estimate()).put("se", x.se());
        }
        ObjectNode sc = out.putObject("scale");
        for (org.strokemeta.regression.Coefficient x : f.scale()) {
            sc.putObject(x.name()).put("estimate", x.estimate()).put("se", x.se());
        }
    }

    /** {@code interaction}: the within-trial (and across-trial) interaction on the model's scale. */
    static void putInteraction(ObjectNode out, EffectModification.Interaction x) {
        if (!x.valid()) {
            throw new IllegalStateException("the interaction model gave no valid estimate: " + x.notes());
        }
        ObjectNode n = out.putObject("interaction");
        n.put("within", x.within());
        n.put("within_se", x.withinSe());
        n.put("within_p", x.withinP());
        n.put("across", x.across());
        n.put("across_se", x.acrossSe());
    }

    private static void putTwoStage(ObjectNode out, TwoStageResult r) {
        ObjectNode studies = out.putObject("studies");
        for (TrialEffect e : r.trials()) {
            ObjectNode n = studies.putObject(e.study());
            n.put("log_cor", e.effect().logCor());
            n.put("se", e.effect().se());
        }
        Qualification.putPooled(out, r.pooled());
    }

    /**
     * {@code cut_points} and {@code cut_point_se}: per trial, or under {@code common} for common cut-points;
     * and the fit's {@code aic}.
     */
    private static void putCutPoints(ObjectNode out, ProportionalOddsFit f) {
        ObjectNode cp = out.putObject("cut_points");
        ObjectNode cs = out.putObject("cut_point_se");
        double[][] cuts = f.cutPoints();
        double[][] se = f.cutPointSe();
        for (int s = 0; s < f.strata().size(); s++) {
            String key = f.thresholds() == Thresholds.COMMON ? "common" : f.strata().get(s);
            ArrayNode a = cp.putArray(key);
            ArrayNode b = cs.putArray(key);
            for (int j = 0; j < cuts[s].length; j++) {
                a.add(cuts[s][j]);
                b.add(se[s][j]);
            }
        }
        if (!out.has("aic")) {
            out.put("aic", f.aic());
        }
    }

    private static void putPoTest(ObjectNode out, ProportionalOddsCheck t) {
        if (!t.valid()) {
            throw new IllegalStateException(t.message());
        }
        ObjectNode n = out.putObject("po_test");
        n.put("statistic", t.statistic());
        n.put("df", t.df());
        n.put("p", t.p());
        ArrayNode lo = n.putArray("cut_log_or");
        ArrayNode se = n.putArray("cut_se");
        for (int j = 0; j < t.cutLogOr().length; j++) {
            lo.add(t.cutLogOr(j));
            se.add(t.cutSe(j));
        }
    }

    private static void putBenefit(ObjectNode n, NetBenefit b) {
        n.put("p_better", b.pBetter());
        n.put("p_worse", b.pWorse());
        n.put("p_tie", b.pTie());
        n.put("difference", b.difference());
        n.put("se", b.se());
        n.put("ci_lower", b.ciLower());
        n.put("ci_upper", b.ciUpper());
        n.put("z", b.z());
        n.put("p", b.p());
        n.put("nnt", b.nnt());
        n.put("nnt_limit_a", b.nntLimitA());
        n.put("nnt_limit_b", b.nntLimitB());
    }

    private static void putUtility(ObjectNode n, UtilityWeightedOutcome u) {
        n.put("mean_treatment", u.meanTreatment());
        n.put("mean_control", u.meanControl());
        n.put("sd_treatment", u.sdTreatment());
        n.put("sd_control", u.sdControl());
        n.put("difference", u.difference());
        n.put("se", u.se());
        n.put("ci_lower", u.ciLower());
        n.put("ci_upper", u.ciUpper());
        n.put("z", u.z());
        n.put("p", u.p());
    }

    private static void putOneStage(ObjectNode out, ProportionalOddsFit f) {
        requireConverged(f);
        CommonOddsRatio e = f.commonOddsRatio();
        out.put("log_cor", e.logCor());
        out.put("se", e.se());
        out.put("ci_lower", e.ciLower());
        out.put("ci_upper", e.ciUpper());
        out.put("z", e.z());
        out.put("p", e.p());
        out.put("loglik", f.logLik());
    }

    private static void requireConverged(ProportionalOddsFit f) {
        if (!f.converged()) {
            throw new IllegalStateException("the proportional-odds fit did not converge: " + f.message());
        }
    }

    static PoOptions poOptions(ValidationCase c) {
        PoOptions po = PoOptions.defaults()
                .withThresholds(Thresholds.parse(c.option("thresholds", "stratified")))
                .withLevel(Double.parseDouble(c.option("level", "0.95")))
                .withLink(org.strokemeta.ordinal.Link.parse(c.option("link", "logit")));
        if ("drop".equals(c.option("empty_categories", "reject"))) {
            po = po.withEmptyCategories(EmptyCategories.DROP);
        }
        int[] m = mergeRange(c);
        return m == null ? po : po.withMerge(new CategoryMerge(m[0], m[1]));
    }

    /**
     * The case's patients: outcome column {@code outcome}, covariates from the {@code covariates} option, case
     * weights from the column the {@code weights} option names.
     */
    static PatientData patients(ValidationCase c) {
        Table t = c.table();
        PatientLoader.Columns cols = PatientLoader.Columns.defaults(t).withOutcome("outcome", 0)
                .withCovariates(c.optionList("covariates")).withWeight(c.hasOption("weights") ? c.option("weights", "") : null);
        return PatientLoader.load(t, cols);
    }

    /** The {@code merge} option: categories [from, to] merged into one, or null. */
    private static int[] mergeRange(ValidationCase c) {
        JsonNode m = c.options().get("merge");
        if (m == null || m.isNull()) {
            return null;
        }
        if (!m.isArray() || m.size() != 2) {
            throw new IllegalArgumentException("merge must be [from, to]");
        }
        return new int[] {m.get(0).asInt(), m.get(1).asInt()};
    }

    /** The case's rows {study, arm, counts} as a table of counts, trials in order of first appearance. */
    static OrdinalTable table(ValidationCase c) {
        Map<String, double[][]> arms = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int cats = -1;
        int row = 0;
        for (JsonNode r : c.data()) {
            row++;
            String study = r.path("study").asText();
            String arm = r.path("arm").asText();
            JsonNode counts = r.get("counts");
            if (counts == null || !counts.isArray()) {
                throw new InputException(c.id(), row, "counts", "the counts must be an array with one number per category");
            }
            if (cats < 0) {
                cats = counts.size();
            } else if (counts.size() != cats) {
                throw new InputException(c.id(), row, "counts", "every arm needs " + cats + " counts, not " + counts.size());
            }
            int a = switch (arm) {
                case "treatment" -> 1;
                case "control" -> 0;
                default -> throw new InputException(c.id(), row, "arm", "the arm must be treatment or control, not '" + arm + "'");
            };
            double[][] x = arms.computeIfAbsent(study, k -> new double[2][]);
            if (x[a] != null) {
                throw new InputException(c.id(), row, "arm", study + " has two " + arm + " rows");
            }
            x[a] = new double[counts.size()];
            for (int j = 0; j < counts.size(); j++) {
                x[a][j] = counts.get(j).asDouble();
            }
            lines.putIfAbsent(study, row);
        }
        int k = arms.size();
        String[] s = new String[k];
        int[] l = new int[k];
        double[][] tr = new double[k][];
        double[][] co = new double[k][];
        int i = 0;
        for (Map.Entry<String, double[][]> e : arms.entrySet()) {
            s[i] = e.getKey();
            l[i] = lines.get(e.getKey());
            tr[i] = e.getValue()[1] != null ? e.getValue()[1] : new double[cats];
            co[i] = e.getValue()[0] != null ? e.getValue()[0] : new double[cats];
            i++;
        }
        return new OrdinalTable(c.id(), s, l, tr, co, cats, new ArrayList<>());
    }
}
