package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.ordinal.ArmCombination;
import org.strokemeta.ordinal.ClinicalSummaries;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.NetBenefit;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.ordinal.UtilityWeightedOutcome;
import org.strokemeta.study.ShiftAnalysis;

/** Output of the ordinal shift analysis: common odds ratios per trial and pooled, PO test, NNT, utility. */
public final class ShiftReport {
    /** The schema identifier of shift analyses. */
    public static final String SCHEMA = "strokemeta.shift/1";

    private ShiftReport() {
    }

    static String cor(CommonOddsRatio c) {
        return Fmt.f(Math.exp(c.logCor()), 2) + " [" + Fmt.f(Math.exp(c.ciLower()), 2) + ", " + Fmt.f(Math.exp(c.ciUpper()), 2) + "]";
    }

    /**
     * A readable summary.
     *
     * @param o the shift analysis
     * @return the text
     */
    public static String text(ShiftAnalysis.Outcome o) {
        StringBuilder sb = new StringBuilder();
        String ci = Math.round(o.request().options().level() * 100) + "% CI";
        sb.append("Ordinal shift analysis (proportional odds; common odds ratio > 1 = shift toward better outcomes with treatment)\n");
        sb.append("Data: ").append(o.table().source()).append(", ").append(o.table().size()).append(" trials, ")
                .append(o.table().categories()).append(" outcome categories")
                .append(o.request().merge() != null ? " (categories " + o.request().merge().from() + "-" + o.request().merge().to() + " merged)" : "")
                .append("\n\n");
        if (o.twoStage() != null) {
            sb.append("Two-stage: a common odds ratio per trial (own cut-points), then pooled, ").append(pooling(o.twoStage().pooled())).append("\n");
            sb.append(Fmt.pad("Trial", 24)).append(Fmt.right("log cOR", 10)).append(Fmt.right("SE", 9)).append("   ")
                    .append(Fmt.pad("cOR [" + ci + "]", 24)).append(Fmt.right("Weight", 8)).append('\n');
            int w = 0;
            for (TrialEffect t : o.twoStage().trials()) {
                sb.append(Fmt.pad(t.study(), 24));
                if (!t.included()) {
                    sb.append("  left out: ").append(t.reason()).append('\n');
                    continue;
                }
                sb.append(Fmt.right(Fmt.f(t.effect().logCor(), 4), 10)).append(Fmt.right(Fmt.f(t.effect().se(), 4), 9)).append("   ")
                        .append(Fmt.pad(cor(t.effect()), 24)).append(Fmt.right(Fmt.f(o.twoStage().pooled().weights(w++), 1) + "%", 8)).append('\n');
            }
            var p = o.twoStage().pooled();
            sb.append("\nPooled common OR: ").append(cor(o.effect())).append(", ").append(Fmt.pEq(o.effect().p()));
            if (!Double.isNaN(p.pooled().piLower())) {
                sb.append("; prediction interval [").append(Fmt.f(Math.exp(p.pooled().piLower()), 2)).append(", ")
                        .append(Fmt.f(Math.exp(p.pooled().piUpper()), 2)).append(']');
            }
            sb.append("\nHeterogeneity: Q = ").append(Fmt.f(p.heterogeneity().q(), 2)).append(" (df = ").append(p.heterogeneity().qDf())
                    .append(", ").append(Fmt.pEq(p.heterogeneity().qP())).append("), I² = ").append(Fmt.f(p.heterogeneity().i2(), 1))
                    .append("%, tau² = ").append(Fmt.g(p.heterogeneity().tau2())).append('\n');
        } else {
            ProportionalOddsFit f = o.oneStage();
            sb.append("One-stage proportional-odds model, ").append(f.thresholds().label()).append(", ")
                    .append(Fmt.f(f.patients(), 0)).append(" patients\n");
            sb.append("Common OR: ").append(cor(o.effect())).append(", z = ").append(Fmt.f(o.effect().z(), 3)).append(", ")
                    .append(Fmt.pEq(o.effect().p())).append("; log-likelihood ").append(Fmt.f(f.logLik(), 3)).append('\n');
            if (!f.converged()) {
                sb.append("WARNING: the model did not converge (").append(f.message()).append("); not a valid result\n");
            } else {
                sb.append("AIC ").append(Fmt.f(f.aic(), 2)).append(" (").append(f.parameters()).append(" parameters)\n");
                IpdReport.cutPoints(sb, f.cutPointList());
            }
        }
        ProportionalOddsCheck po = o.poCheck();
        if (po != null) {
            sb.append("Proportional-odds check (likelihood ratio against cut-point-specific treatment effects): ");
            if (po.message() != null) {
                sb.append("not available: ").append(po.message()).append('\n');
            } else {
                sb.append("chi² = ").append(Fmt.f(po.statistic(), 2)).append(" (df = ").append(po.df()).append("), ").append(Fmt.pEq(po.p()))
                        .append('\n');
            }
        }
        netBenefitLine(sb, o.clinical());
        utilityLine(sb, o.clinical());
        if (!o.valid()) {
            sb.append("WARNING: a model did not converge; these results are not valid.\n");
        }
        TextReport.notes(sb, o.notes());
        return sb.toString();
    }

    /**
     * The JSON document.
     *
     * @param o the shift analysis
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(ShiftAnalysis.Outcome o) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", o.table().source());
        root.put("stage", o.twoStage() != null ? "two" : "one");
        root.put("thresholds", o.twoStage() != null ? "stratified" : o.oneStage().thresholds().name().toLowerCase(java.util.Locale.ROOT));
        if (o.request().merge() == null) {
            root.putNull("merge");
        } else {
            root.put("merge", o.request().merge().from() + "-" + o.request().merge().to());
        }
        root.put("categories", o.table().categories());
        root.set("common_odds_ratio", cor(o.effect(), JsonReport.mapper().createObjectNode()));
        if (o.twoStage() != null) {
            ArrayNode trials = root.putArray("trials");
            for (TrialEffect t : o.twoStage().trials()) {
                ObjectNode n = trials.addObject();
                n.put("study", t.study());
                n.put("included", t.included());
                n.put("reason", t.reason());
                if (t.effect() != null) {
                    cor(t.effect(), n);
                }
            }
            root.set("pooled", JsonReport.result(o.twoStage().pooled()));
        } else {
            ProportionalOddsFit f = o.oneStage();
            ObjectNode n = root.putObject("model");
            JsonReport.num(n, "loglik", f.logLik());
            n.put("iterations", f.iterations());
            n.put("converged", f.converged());
            n.put("message", f.message());
            JsonReport.num(n, "max_gradient", f.maxGradient());
            n.put("parameters", f.parameters());
            JsonReport.num(n, "aic", f.aic());
            n.set("cut_points", IpdReport.cutPoints(f.cutPointList()));
        }
        poTest(root, o.poCheck());
        netBenefit(root, o.clinical());
        utility(root, o.clinical());
        root.put("valid", o.valid());
        root.set("notes", JsonReport.notes(o.notes()));
        return root;
    }

    static ObjectNode cor(CommonOddsRatio c, ObjectNode n) {
        JsonReport.num(n, "log_cor", c.logCor());
        JsonReport.num(n, "se", c.se());
        JsonReport.num(n, "ci_lower", c.ciLower());
        JsonReport.num(n, "ci_upper", c.ciUpper());
        JsonReport.num(n, "z", c.z());
        JsonReport.num(n, "p", c.p());
        JsonReport.num(n, "cor", Math.exp(c.logCor()));
        return n;
    }

    /** The pooling method in words, with the interval method when it is not the Wald z. */
    static String pooling(org.strokemeta.pool.MetaResult r) {
        return r.method() + (r.options().ciMethod() == org.strokemeta.pool.CiMethod.KNHA
                ? ", Hartung-Knapp-Sidik-Jonkman (t) intervals" : "");
    }

    /** {@code po_test}: the likelihood-ratio test of proportional odds, or null. */
    static void poTest(ObjectNode root, ProportionalOddsCheck po) {
        if (po == null) {
            root.putNull("po_test");
            return;
        }
        ObjectNode n = root.putObject("po_test");
        JsonReport.num(n, "statistic", po.statistic());
        n.put("df", po.df());
        JsonReport.num(n, "p", po.p());
        n.put("message", po.message());
    }

    /**
     * {@code net_benefit}: P(better), P(worse), their difference with its interval, the NNT, how the
     * trials were combined and each trial's part; or null.
     */
    static void netBenefit(ObjectNode root, ClinicalSummaries c) {
        NetBenefit b = c == null ? null : c.benefit();
        if (b == null) {
            root.putNull("net_benefit");
            return;
        }
        ObjectNode nb = root.putObject("net_benefit");
        method(nb, c);
        JsonReport.num(nb, "p_better", b.pBetter());
        JsonReport.num(nb, "p_worse", b.pWorse());
        JsonReport.num(nb, "difference", b.difference());
        JsonReport.num(nb, "se", b.se());
        JsonReport.num(nb, "ci_lower", b.ciLower());
        JsonReport.num(nb, "ci_upper", b.ciUpper());
        JsonReport.num(nb, "nnt", b.nnt());
        nb.put("number_needed_kind", b.harm() ? "NNH" : "NNT");
        JsonReport.num(nb, "number_needed", b.numberNeeded());
        count(nb, "patients_treatment", b.nTreatment());
        count(nb, "patients_control", b.nControl());
        ArrayNode trials = nb.putArray("trials");
        for (ClinicalSummaries.Trial t : c.trials()) {
            ObjectNode n = trial(trials, t, c.combination() == ArmCombination.CRUDE || t.benefit() != null, t.benefitWeight());
            if (t.benefit() != null) {
                JsonReport.num(n, "difference", t.benefit().difference());
                JsonReport.num(n, "se", t.benefit().se());
                JsonReport.num(n, "ci_lower", t.benefit().ciLower());
                JsonReport.num(n, "ci_upper", t.benefit().ciUpper());
            }
        }
    }

    /** {@code utility}: the utility-weighted mRS per arm and their difference, how the trials were combined and each trial's part; or null. */
    static void utility(ObjectNode root, ClinicalSummaries c) {
        UtilityWeightedOutcome u = c == null ? null : c.utility();
        if (u == null) {
            root.putNull("utility");
            return;
        }
        ObjectNode un = root.putObject("utility");
        un.put("weights", u.weights().name());
        method(un, c);
        JsonReport.num(un, "mean_treatment", u.meanTreatment());
        JsonReport.num(un, "mean_control", u.meanControl());
        JsonReport.num(un, "difference", u.difference());
        JsonReport.num(un, "se", u.se());
        JsonReport.num(un, "ci_lower", u.ciLower());
        JsonReport.num(un, "ci_upper", u.ciUpper());
        ArrayNode trials = un.putArray("trials");
        for (ClinicalSummaries.Trial t : c.trials()) {
            ObjectNode n = trial(trials, t, c.combination() == ArmCombination.CRUDE || t.utility() != null, t.utilityWeight());
            if (t.utility() != null) {
                JsonReport.num(n, "mean_treatment", t.utility().meanTreatment());
                JsonReport.num(n, "mean_control", t.utility().meanControl());
                JsonReport.num(n, "difference", t.utility().difference());
                JsonReport.num(n, "se", t.utility().se());
            }
        }
    }

    /** A number of patients: an integer when it is one (tables may hold fractional counts). */
    private static void count(ObjectNode n, String key, double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e15) {
            n.put(key, (long) Math.rint(v));
        } else {
            JsonReport.num(n, key, v);
        }
    }

    private static void method(ObjectNode n, ClinicalSummaries c) {
        n.put("method", c.combination().key());
        n.put("method_description", c.combination().label());
    }

    /** One trial's entry: {@code included} when it is part of the combined value, with its weight (0 to 1) or the reason. */
    private static ObjectNode trial(ArrayNode trials, ClinicalSummaries.Trial t, boolean included, double weight) {
        ObjectNode n = trials.addObject();
        n.put("study", t.study());
        count(n, "treatment", t.nTreatment());
        count(n, "control", t.nControl());
        n.put("included", included);
        JsonReport.num(n, "weight", weight);
        n.put("reason", included ? null : t.reason());
        return n;
    }

    /**
     * The shift analysis of tabulated data by subgroup, as text.
     *
     * @param s the shift analysis by subgroup
     * @return the text
     */
    public static String text(org.strokemeta.study.ShiftSubgroups s) {
        StringBuilder sb = new StringBuilder();
        org.strokemeta.subgroup.SubgroupResult r = s.pooled();
        String ci = Math.round(r.options().level() * 100) + "% CI";
        sb.append("Ordinal shift analysis by ").append(s.column()).append(" (common odds ratio > 1 = shift toward better outcomes with "
                + "treatment)\nTwo-stage: a common odds ratio per trial within each subgroup, pooled by ")
                .append(r.groups().isEmpty() ? "" : pooling(r.groups().get(0).result())).append("\n\n");
        sb.append(Fmt.pad("Subgroup", 24)).append(Fmt.right("trials", 7)).append("   ").append(Fmt.pad("cOR [" + ci + "]", 24))
                .append(Fmt.right("p", 9)).append(Fmt.right("I²", 8)).append(Fmt.right("tau²", 10)).append('\n');
        for (org.strokemeta.subgroup.SubgroupResult.Group g : r.groups()) {
            var p = g.result().pooled();
            sb.append(Fmt.pad(g.label(), 24)).append(Fmt.right(Integer.toString(g.k()), 7)).append("   ")
                    .append(Fmt.pad(IpdReport.ratio(p.estimate(), p.ciLower(), p.ciUpper()), 24)).append(Fmt.right(Fmt.p(p.p()), 9))
                    .append(Fmt.right(Fmt.f(g.result().heterogeneity().i2(), 1) + "%", 8))
                    .append(Fmt.right(Fmt.g(g.result().heterogeneity().tau2()), 10)).append(g.single() ? "  (one trial)" : "").append('\n');
        }
        var b = r.between();
        if (b != null) {
            sb.append("\nTest for subgroup differences (").append(b.method().label()).append("): ")
                    .append(b.isF() ? "F(" + b.df1() + ", " + Fmt.f(b.df2(), 0) + ") = " : "Q = ").append(Fmt.f(b.statistic(), 2))
                    .append(b.isF() ? "" : " (df = " + b.df1() + ")").append(", ").append(Fmt.pEq(b.p())).append('\n');
        }
        List<Note> notes = new java.util.ArrayList<>(s.notes());
        notes.addAll(r.notes());
        TextReport.notes(sb, notes.stream().distinct().toList());
        return sb.toString();
    }

    /**
     * The shift analysis of tabulated data by subgroup, as JSON.
     *
     * @param s the shift analysis by subgroup
     * @return the document
     */
    public static ObjectNode json(org.strokemeta.study.ShiftSubgroups s) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", "strokemeta.shift-subgroups/1");
        root.put("version", Version.get());
        root.put("column", s.column());
        ArrayNode groups = root.putArray("subgroups");
        for (var e : s.subgroups().entrySet()) {
            ObjectNode g = groups.addObject();
            g.put("label", e.getKey());
            g.set("analysis", json(e.getValue()));
        }
        var b = s.pooled().between();
        if (b == null) {
            root.putNull("test");
        } else {
            ObjectNode t = root.putObject("test");
            t.put("method", b.method().label());
            JsonReport.num(t, "statistic", b.statistic());
            t.put("df1", b.df1());
            JsonReport.num(t, "df2", b.df2());
            JsonReport.num(t, "p", b.p());
        }
        root.set("notes", JsonReport.notes(s.notes()));
        return root;
    }

    /**
     * The text lines of net benefit and NNT, saying how the trials were combined, with each trial's
     * own value when there are several (nothing when there is no net benefit).
     */
    static void netBenefitLine(StringBuilder sb, ClinicalSummaries c) {
        NetBenefit b = c == null ? null : c.benefit();
        if (b == null) {
            return;
        }
        sb.append("Net benefit P(better) − P(worse) = ").append(Fmt.f(b.difference(), 3)).append(" [").append(Fmt.f(b.ciLower(), 3))
                .append(", ").append(Fmt.f(b.ciUpper(), 3)).append("]; ").append(b.numberNeededWords()).append(" (").append(c.combination().label())
                .append(")\n");
        if (c.trials().size() > 1) {
            for (ClinicalSummaries.Trial t : c.trials()) {
                sb.append("    ").append(Fmt.pad(t.study(), 22)).append(arms(t));
                sb.append(t.benefit() == null ? "  not comparable within the trial"
                        : "  " + Fmt.f(t.benefit().difference(), 3) + " [" + Fmt.f(t.benefit().ciLower(), 3) + ", "
                        + Fmt.f(t.benefit().ciUpper(), 3) + "]" + weight(t.benefitWeight()));
                sb.append('\n');
            }
        }
    }

    /** The text lines of the utility-weighted mRS, saying how the trials were combined (nothing when there is none). */
    static void utilityLine(StringBuilder sb, ClinicalSummaries c) {
        UtilityWeightedOutcome u = c == null ? null : c.utility();
        if (u == null) {
            return;
        }
        sb.append("Utility-weighted mRS (").append(u.weights().name()).append("): ").append(Fmt.f(u.meanTreatment(), 3)).append(" vs ")
                .append(Fmt.f(u.meanControl(), 3)).append(", difference ").append(Fmt.f(u.difference(), 3)).append(" [")
                .append(Fmt.f(u.ciLower(), 3)).append(", ").append(Fmt.f(u.ciUpper(), 3)).append("] (").append(c.combination().label())
                .append(")\n");
        if (c.trials().size() > 1) {
            for (ClinicalSummaries.Trial t : c.trials()) {
                sb.append("    ").append(Fmt.pad(t.study(), 22)).append(arms(t));
                sb.append(t.utility() == null ? (t.benefit() == null ? "  not comparable within the trial" : "  not computed: an arm has fewer than two patients")
                        : "  " + Fmt.f(t.utility().difference(), 3) + " [" + Fmt.f(t.utility().ciLower(), 3) + ", "
                        + Fmt.f(t.utility().ciUpper(), 3) + "]" + weight(t.utilityWeight()));
                sb.append('\n');
            }
        }
    }

    private static String arms(ClinicalSummaries.Trial t) {
        return Fmt.right(Fmt.f(t.nTreatment(), 0) + " vs " + Fmt.f(t.nControl(), 0), 14);
    }

    private static String weight(double w) {
        return Double.isNaN(w) ? "" : ", weight " + Fmt.f(100 * w, 1) + "%";
    }
}
