package org.strokemeta.report;

import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.bias.BiasAnalysis;
import org.strokemeta.bias.EggerTest;
import org.strokemeta.bias.FailSafeN;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.RankTest;
import org.strokemeta.bias.TrimFillResult;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;

/** Output of the small-study analyses: regression tests, rank correlation, trim-and-fill, funnel data. */
public final class BiasReport {
    /** The schema identifier of small-study results. */
    public static final String SCHEMA = "strokemeta.bias/1";

    private BiasReport() {
    }

    /** The cut-points of the selection model the report fits by default: one at p = 0.025 (the three-parameter model). */
    public static final double[] DEFAULT_SELECTION_STEPS = {0.025};

    /**
     * The text report with the default selection model ({@link #DEFAULT_SELECTION_STEPS}).
     *
     * @param r the analyses
     * @return the report
     */
    public static String text(BiasAnalysis r) {
        return text(r, org.strokemeta.bias.SelectionModel.Type.STEP, DEFAULT_SELECTION_STEPS);
    }

    /**
     * A readable summary of the small-study analyses (the output of {@code strokemeta bias}).
     *
     * @param r the analyses
     * @param selectionType  the selection function of the selection model
     * @param selectionSteps the cut-points of the one-sided p-value for the step-function selection model
     * @return the text, lines ending in a newline
     */
    public static String text(BiasAnalysis r, org.strokemeta.bias.SelectionModel.Type selectionType, double[] selectionSteps) {
        StringBuilder sb = new StringBuilder();
        Measure m = r.analysis().effects().measure();
        sb.append("Small-study effects: ").append(m.description()).append(", ").append(r.analysis().k()).append(" studies, ")
                .append(r.analysis().method()).append("\n\n");
        egger(sb, "Egger's regression test (weighted linear model, classic)", r.eggerLm());
        egger(sb, "Regression test (meta-regression on the standard error)", r.eggerRma());
        RankTest k = r.rank();
        sb.append("Rank correlation (Begg and Mazumdar): Kendall's tau = ").append(Fmt.f(k.tau(), 4)).append(", ")
                .append(Fmt.pEq(k.p())).append(" (").append(k.pMethod().label()).append(")\n\n");
        TrimFillResult t = r.trimFill();
        sb.append("Trim-and-fill (").append(t.estimator().name()).append(", missing on the ").append(t.side().label())
                .append(t.sideChosen() ? " side, chosen from the data" : " side, as requested").append("): ")
                .append(t.k0()).append(t.k0() == 1 ? " study" : " studies").append(" estimated missing\n");
        MetaResult adj = t.adjusted();
        sb.append("  adjusted ").append(TextReport.effectLabel(m)).append(": ")
                .append(TextReport.interval(r.analysis().effects(), adj.pooled().estimate(), adj.pooled().ciLower(), adj.pooled().ciUpper()))
                .append(" (observed: ").append(TextReport.interval(r.analysis().effects(), r.analysis().pooled().estimate(),
                        r.analysis().pooled().ciLower(), r.analysis().pooled().ciUpper())).append(")\n");
        sb.append("  tau² = ").append(Fmt.g(adj.heterogeneity().tau2()));
        if (!t.converged()) {
            sb.append("\n  WARNING: trim-and-fill did not converge in ").append(t.maxIterations()).append(" cycles; not a valid result");
        }
        sb.append('\n');
        for (TrimFillResult.FilledStudy f : t.filled()) {
            sb.append("  ").append(f.label()).append(": ").append(Fmt.f(f.yi(), 4)).append(" (SE ").append(Fmt.f(Math.sqrt(f.vi()), 4))
                    .append("), mirror of ").append(f.mirrorOf()).append('\n');
        }
        PetPeese pp = petPeese(r);
        if (pp != null) {
            sb.append("PET-PEESE (limit estimates of the meta-regressions on the standard error and on the variance; Stanley and "
                    + "Doucouliagos 2014): PET ").append(Fmt.f(pp.pet().intercept(), 4)).append(" [").append(Fmt.f(pp.pet().ciLower(), 4)).append(", ")
                    .append(Fmt.f(pp.pet().ciUpper(), 4)).append("], PEESE ").append(Fmt.f(pp.peese().intercept(), 4)).append(" [")
                    .append(Fmt.f(pp.peese().ciLower(), 4)).append(", ").append(Fmt.f(pp.peese().ciUpper(), 4)).append("]; conditional estimate: ")
                    .append(pp.usePeese() ? "PEESE, since PET's limit differs from 0 (" : "PET, since PET's limit does not differ from 0 (")
                    .append(Fmt.pEq(pp.petP())).append(", two-sided, against 0.10)").append(m.logScale() ? " (log scale)" : "").append('\n');
        }
        List<EggerTest> binary = binaryTests(r);
        for (EggerTest bt : binary) {
            sb.append(bt == binary.get(0) ? "Harbord's score test (odds ratios of 2×2 tables; Harbord et al. 2006)"
                    : "Peters' test (log odds ratio on 1/N; Peters et al. 2006)").append(": coefficient ").append(Fmt.f(bt.slope(), 4))
                    .append(" (SE ").append(Fmt.f(bt.slopeSe(), 4)).append("), t(").append(Fmt.f(bt.df(), 0)).append(") = ")
                    .append(Fmt.f(bt.statistic(), 3)).append(", ").append(Fmt.pEq(bt.p())).append('\n');
        }
        org.strokemeta.bias.HenmiCopas.Result hc = henmiCopas(r);
        if (hc != null) {
            sb.append("Henmi-Copas (the fixed-effect estimate, less affected by small-study effects, with an interval allowing for "
                    + "heterogeneity; Henmi and Copas 2010): ").append(TextReport.effectLabel(m)).append(' ')
                    .append(TextReport.interval(r.analysis().effects(), hc.estimate(), hc.ciLower(), hc.ciUpper())).append(", SE ").append(Fmt.f(hc.se(), 4))
                    .append(m.logScale() ? " (log scale)" : "").append(", tau² (DL) = ").append(Fmt.g(hc.tau2())).append('\n');
        }
        org.strokemeta.bias.ExcessSignificance.Result tes = excessSignificance(r);
        if (tes != null) {
            sb.append("Test of excess significance (Ioannidis and Trikalinos 2007; studies significant at 0.05 two-sided against "
                    + "their power to detect the pooled effect): observed ").append(tes.observed()).append(" of ").append(tes.k())
                    .append(", expected ").append(Fmt.f(tes.expected(), 2)).append(" (O/E ").append(Fmt.f(tes.ratio(), 2)).append("), ")
                    .append(tes.test().name().toLowerCase(java.util.Locale.ROOT)).append(" test of O > E: ").append(Fmt.pEq(tes.p()));
            if (tes.thetaLimit().length == 1 && !Double.isNaN(tes.thetaLimit()[0])) {
                sb.append("; it would be significant (at 0.10) were the true effect nearer 0 than ").append(Fmt.f(tes.thetaLimit()[0], 4))
                        .append(m.logScale() ? " (log scale)" : "");
            }
            sb.append('\n');
        }
        Selection sel = selection(r, selectionType, selectionSteps);
        if (sel.result() != null) {
            org.strokemeta.bias.SelectionModel.Result sm = sel.result();
            boolean step = sm.type() == org.strokemeta.bias.SelectionModel.Type.STEP;
            sb.append(step ? "Selection model (step function at one-sided p = " + steps(sm.steps())
                    : "Selection model (" + sm.type().name().toLowerCase(java.util.Locale.ROOT) + " function of the one-sided p")
                    .append(sm.less() ? " for effects below 0" : " for effects above 0").append(", the direction of the pooled effect; ")
                    .append(step ? "Vevea and Hedges 1995" : sm.type() == org.strokemeta.bias.SelectionModel.Type.BETA ? "Citkowicz and Vevea 2017"
                            : "Preston, Ashby and Smyth 2004").append("): adjusted ")
                    .append(TextReport.effectLabel(m)).append(' ')
                    .append(TextReport.interval(r.analysis().effects(), sm.estimate(), sm.ciLower(), sm.ciUpper())).append(", tau² = ")
                    .append(Fmt.g(sm.tau2())).append(step ? ", relative publication probabilities " : ", selection parameters ");
            for (int j = step ? 1 : 0; j < sm.delta().length; j++) {
                sb.append(j > (step ? 1 : 0) ? ", " : "").append(Fmt.f(sm.delta()[j], 3)).append(" (SE ").append(Fmt.f(sm.deltaSe()[j], 3)).append(')');
            }
            sb.append("; test of selection: LRT = ").append(Fmt.f(sm.lrt(), 3)).append(" (df = ").append(sm.lrtDf()).append("), ")
                    .append(Fmt.pEq(sm.lrtP()));
            if (!sm.converged()) {
                sb.append("; WARNING: the maximisation did not converge");
            }
            sb.append('\n');
        } else {
            sb.append("Selection model: not fitted (").append(sel.reason()).append(")\n");
        }
        FailSafeN f = FailSafeN.of(r.analysis().effects(), 0.05);
        sb.append("\nFail-safe N (alpha 0.05; a weak guide, reported because reviewers ask for it): Rosenthal ").append(Fmt.f(f.rosenthal(), 0))
                .append(", Orwin ").append(Fmt.f(f.orwin(), 0)).append(" (target ").append(Fmt.f(f.orwinTarget(), 4)).append(", half the unweighted mean), ")
                .append("Rosenberg ").append(Fmt.f(f.rosenberg(), 0)).append('\n');
        TextReport.notes(sb, r.notes());
        return sb.toString();
    }

    /** PET and PEESE limit estimates, with the conditional choice; null when the regressions cannot be fitted. */
    private record PetPeese(EggerTest pet, EggerTest peese, double petP, boolean usePeese) {
    }

    private static PetPeese petPeese(BiasAnalysis r) {
        try {
            var es = r.analysis().effects();
            var o = r.analysis().options();
            EggerTest pet = org.strokemeta.bias.SmallStudyEffects.regtest(es, o, org.strokemeta.bias.EggerModel.RMA,
                    org.strokemeta.bias.SmallStudyEffects.Predictor.SEI);
            EggerTest peese = org.strokemeta.bias.SmallStudyEffects.regtest(es, o, org.strokemeta.bias.EggerModel.RMA,
                    org.strokemeta.bias.SmallStudyEffects.Predictor.VI);
            double z = pet.intercept() / pet.interceptSe();
            double p = pet.isT() ? org.strokemeta.internal.Dist.pT2(z, pet.df()) : org.strokemeta.internal.Dist.pNormal2(z);
            return new PetPeese(pet, peese, p, p < 0.10);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A selection model, or why it was not fitted. */
    private record Selection(org.strokemeta.bias.SelectionModel.Result result, String reason) {
    }

    private static Selection selection(BiasAnalysis r, org.strokemeta.bias.SelectionModel.Type type, double[] steps) {
        try {
            var es = r.analysis().effects();
            // the one-sided tests look in the direction of the pooled effect: selection favours results significant that way
            boolean less = r.analysis().pooled().estimate() < 0;
            return new Selection(org.strokemeta.bias.SelectionModel.fit(es.yi(), es.vi(), type, steps,
                    r.analysis().options().level(), less), null);
        } catch (IllegalArgumentException e) {
            return new Selection(null, e.getMessage());
        }
    }

    private static String steps(double[] s) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < s.length - 1; j++) {
            b.append(j > 0 ? ", " : "").append(Fmt.g(s[j]));
        }
        return b.toString();
    }

    /** Harbord's and Peters' tests for odds ratios of 2×2 tables, in that order; empty for other data or too few tables. */
    private static List<EggerTest> binaryTests(BiasAnalysis r) {
        try {
            var es = r.analysis().effects();
            double level = r.analysis().options().level();
            return List.of(org.strokemeta.bias.BinaryAsymmetryTests.harbord(es, level), org.strokemeta.bias.BinaryAsymmetryTests.peters(es, level));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The test of excess significance with metafor's defaults; null when it cannot be computed. */
    private static org.strokemeta.bias.ExcessSignificance.Result excessSignificance(BiasAnalysis r) {
        if (!r.analysis().converged()) {
            return null;
        }
        try {
            return org.strokemeta.bias.ExcessSignificance.of(r.analysis(), org.strokemeta.bias.ExcessSignificance.Settings.defaults());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Henmi-Copas interval at the analysis's level; null when it cannot be computed (fewer than two studies). */
    private static org.strokemeta.bias.HenmiCopas.Result henmiCopas(BiasAnalysis r) {
        try {
            return org.strokemeta.bias.HenmiCopas.of(r.analysis().effects(), r.analysis().options().level());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void egger(StringBuilder sb, String title, EggerTest e) {
        sb.append(title).append(":\n  slope on SE = ").append(Fmt.f(e.slope(), 4)).append(" (SE ").append(Fmt.f(e.slopeSe(), 4)).append("), ");
        if (e.isT()) {
            sb.append("t(").append(Fmt.f(e.df(), 0)).append(") = ");
        } else {
            sb.append("z = ");
        }
        sb.append(Fmt.f(e.statistic(), 3)).append(", ").append(Fmt.pEq(e.p()))
                .append("; limit estimate (SE -> 0) = ").append(Fmt.f(e.intercept(), 4))
                .append(" [").append(Fmt.f(e.ciLower(), 4)).append(", ").append(Fmt.f(e.ciUpper(), 4)).append("]\n");
        if (!e.converged()) {
            sb.append("  WARNING: the meta-regression did not converge; not a valid result\n");
        }
        sb.append('\n');
    }

    /**
     * The JSON document with the default selection model ({@link #DEFAULT_SELECTION_STEPS}).
     *
     * @param source the name of the data (a file name)
     * @param r      the analyses
     * @return the document
     */
    public static ObjectNode json(String source, BiasAnalysis r) {
        return json(source, r, org.strokemeta.bias.SelectionModel.Type.STEP, DEFAULT_SELECTION_STEPS);
    }

    /**
     * The JSON document of the small-study analyses (schema {@value #SCHEMA}).
     *
     * @param source the name of the data (a file name)
     * @param r      the analyses
     * @param selectionType  the selection function of the selection model
     * @param selectionSteps the cut-points of the one-sided p-value for the step-function selection model
     * @return the document
     */
    public static ObjectNode json(String source, BiasAnalysis r, org.strokemeta.bias.SelectionModel.Type selectionType,
                                  double[] selectionSteps) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.set("analysis", JsonReport.result(r.analysis()));
        root.set("egger_lm", egger(r.eggerLm()));
        root.set("egger_rma", egger(r.eggerRma()));
        ObjectNode rank = root.putObject("rank");
        JsonReport.num(rank, "tau", r.rank().tau());
        JsonReport.num(rank, "p", r.rank().p());
        rank.put("p_method", r.rank().pMethod().name().toLowerCase(java.util.Locale.ROOT));
        JsonReport.num(rank, "statistic", r.rank().statistic());
        rank.set("notes", JsonReport.notes(r.rank().notes()));
        PetPeese pp = petPeese(r);
        if (pp == null) {
            root.putNull("pet_peese");
        } else {
            ObjectNode o = root.putObject("pet_peese");
            JsonReport.num(o, "pet", pp.pet().intercept());
            JsonReport.num(o, "pet_ci_lower", pp.pet().ciLower());
            JsonReport.num(o, "pet_ci_upper", pp.pet().ciUpper());
            JsonReport.num(o, "pet_p", pp.petP());
            JsonReport.num(o, "peese", pp.peese().intercept());
            JsonReport.num(o, "peese_ci_lower", pp.peese().ciLower());
            JsonReport.num(o, "peese_ci_upper", pp.peese().ciUpper());
            o.put("conditional", pp.usePeese() ? "PEESE" : "PET");
        }
        List<EggerTest> bt = binaryTests(r);
        if (bt.isEmpty()) {
            root.putNull("harbord");
            root.putNull("peters");
        } else {
            root.set("harbord", egger(bt.get(0)));
            root.set("peters", egger(bt.get(1)));
        }
        org.strokemeta.bias.HenmiCopas.Result hc = henmiCopas(r);
        if (hc == null) {
            root.putNull("henmi_copas");
        } else {
            ObjectNode o = root.putObject("henmi_copas");
            JsonReport.num(o, "estimate", hc.estimate());
            JsonReport.num(o, "se", hc.se());
            JsonReport.num(o, "ci_lower", hc.ciLower());
            JsonReport.num(o, "ci_upper", hc.ciUpper());
            JsonReport.num(o, "tau2", hc.tau2());
            JsonReport.num(o, "level", hc.level());
        }
        org.strokemeta.bias.ExcessSignificance.Result tes = excessSignificance(r);
        if (tes == null) {
            root.putNull("excess_significance");
        } else {
            ObjectNode o = root.putObject("excess_significance");
            o.put("k", tes.k());
            o.put("observed", tes.observed());
            JsonReport.num(o, "expected", tes.expected());
            JsonReport.num(o, "ratio", tes.ratio());
            o.put("test", tes.test().name().toLowerCase(java.util.Locale.ROOT));
            JsonReport.num(o, "statistic", tes.statistic());
            JsonReport.num(o, "p", tes.p());
            JsonReport.num(o, "theta", tes.theta());
            JsonReport.num(o, "tau2", tes.tau2());
            ArrayNode lim = o.putArray("theta_limit");
            for (double x : tes.thetaLimit()) {
                JsonReport.num(lim, x);
            }
            ArrayNode pow = o.putArray("power");
            for (double x : tes.power()) {
                JsonReport.num(pow, x);
            }
        }
        Selection sel = selection(r, selectionType, selectionSteps);
        ObjectNode so = root.putObject("selection_model");
        so.put("type", selectionType.name().toLowerCase(java.util.Locale.ROOT));
        if (sel.result() == null) {
            so.putNull("estimate");
            so.put("error", sel.reason());
        } else {
            org.strokemeta.bias.SelectionModel.Result sm = sel.result();
            ArrayNode st = so.putArray("steps");
            for (double x : sm.steps()) {
                JsonReport.num(st, x);
            }
            so.put("alternative", sm.less() ? "less" : "greater");
            ArrayNode kk = so.putArray("k_per_interval");
            for (int x : sm.perInterval()) {
                kk.add(x);
            }
            if (sm.type() != org.strokemeta.bias.SelectionModel.Type.STEP) {
                so.putNull("steps");
                so.putNull("k_per_interval");
            }
            JsonReport.num(so, "estimate", sm.estimate());
            JsonReport.num(so, "se", sm.se());
            JsonReport.num(so, "z", sm.z());
            JsonReport.num(so, "p", sm.p());
            JsonReport.num(so, "ci_lower", sm.ciLower());
            JsonReport.num(so, "ci_upper", sm.ciUpper());
            JsonReport.num(so, "tau2", sm.tau2());
            JsonReport.num(so, "tau2_se", sm.tau2Se());
            ArrayNode d = so.putArray("delta");
            ArrayNode dse = so.putArray("delta_se");
            for (int j = 0; j < sm.delta().length; j++) {
                JsonReport.num(d, sm.delta()[j]);
                JsonReport.num(dse, sm.deltaSe()[j]);
            }
            JsonReport.num(so, "loglik", sm.logLik());
            JsonReport.num(so, "lrt", sm.lrt());
            so.put("lrt_df", sm.lrtDf());
            JsonReport.num(so, "lrt_p", sm.lrtP());
            so.put("converged", sm.converged());
            so.putNull("error");
        }
        FailSafeN fsn = FailSafeN.of(r.analysis().effects(), 0.05);
        ObjectNode fs = root.putObject("fail_safe_n");
        fs.put("alpha", fsn.alpha());
        JsonReport.num(fs, "rosenthal", fsn.rosenthal());
        JsonReport.num(fs, "rosenthal_p", fsn.rosenthalP());
        JsonReport.num(fs, "orwin", fsn.orwin());
        JsonReport.num(fs, "orwin_mean", fsn.orwinMean());
        JsonReport.num(fs, "orwin_target", fsn.orwinTarget());
        JsonReport.num(fs, "orwin_weighted", fsn.orwinWeighted());
        JsonReport.num(fs, "rosenberg", fsn.rosenberg());
        JsonReport.num(fs, "rosenberg_p", fsn.rosenbergP());
        TrimFillResult t = r.trimFill();
        ObjectNode tf = root.putObject("trimfill");
        tf.put("estimator", t.estimator().name());
        tf.put("side", t.side().label());
        tf.put("side_chosen", t.sideChosen());
        tf.put("k0", t.k0());
        JsonReport.num(tf, "k0_se", t.k0Se());
        JsonReport.num(tf, "k0_p", t.k0P());
        tf.put("iterations", t.iterations());
        tf.put("converged", t.converged());
        tf.put("fit_settings", t.fitSettings().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode filled = tf.putArray("filled");
        for (TrimFillResult.FilledStudy f : t.filled()) {
            ObjectNode o = filled.addObject();
            o.put("study", f.label());
            JsonReport.num(o, "yi", f.yi());
            JsonReport.num(o, "vi", f.vi());
            o.put("mirror_of", f.mirrorOf());
        }
        tf.set("adjusted", JsonReport.result(t.adjusted()));
        tf.set("notes", JsonReport.notes(t.notes()));
        root.set("funnel", funnel(r.funnel()));
        root.set("funnel_contours", funnel(r.contours()));
        return root;
    }

    static ObjectNode egger(EggerTest e) {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        n.put("model", e.model().name().toLowerCase(java.util.Locale.ROOT));
        n.put("k", e.k());
        JsonReport.num(n, "slope", e.slope());
        JsonReport.num(n, "slope_se", e.slopeSe());
        n.put("statistic", e.isT() ? "t" : "z");
        JsonReport.num(n, e.isT() ? "t" : "z", e.statistic());
        JsonReport.num(n, "df", e.df());
        JsonReport.num(n, "p", e.p());
        JsonReport.num(n, "limit_estimate", e.intercept());
        JsonReport.num(n, "limit_se", e.interceptSe());
        JsonReport.num(n, "limit_ci_lower", e.ciLower());
        JsonReport.num(n, "limit_ci_upper", e.ciUpper());
        JsonReport.num(n, "tau2", e.tau2());
        n.put("converged", e.converged());
        n.set("notes", JsonReport.notes(e.notes()));
        return n;
    }

    static ObjectNode funnel(FunnelPlot f) {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        JsonReport.num(n, "estimate", f.estimate());
        JsonReport.num(n, "centre", f.centre());
        JsonReport.num(n, "tau2", f.tau2());
        JsonReport.num(n, "se_max", f.seMax());
        ArrayNode pts = n.putArray("points");
        for (FunnelPlot.Point p : f.points()) {
            ObjectNode o = pts.addObject();
            o.put("study", p.study());
            JsonReport.num(o, "yi", p.yi());
            JsonReport.num(o, "sei", p.sei());
            o.put("filled", p.filled());
        }
        ArrayNode cs = n.putArray("contours");
        for (FunnelPlot.Contour c : f.contours()) {
            ObjectNode o = cs.addObject();
            o.put("level", c.level());
            JsonReport.num(o, "z", c.z());
            ArrayNode se = o.putArray("se");
            ArrayNode lo = o.putArray("lower");
            ArrayNode hi = o.putArray("upper");
            double[] cse = c.se();
            double[] clo = c.lower();
            double[] chi = c.upper();
            for (int i = 0; i < cse.length; i++) {
                se.add(cse[i]);
                lo.add(clo[i]);
                hi.add(chi[i]);
            }
        }
        return n;
    }
}
