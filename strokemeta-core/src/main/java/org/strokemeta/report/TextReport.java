package org.strokemeta.report;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.strokemeta.data.Note;
import org.strokemeta.effect.BackTransform;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.regression.Coefficient;
import org.strokemeta.regression.OmnibusTest;
import org.strokemeta.regression.PermutationResult;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.study.MetaRun;
import org.strokemeta.subgroup.BetweenTest;
import org.strokemeta.subgroup.SubgroupResult;

/** Readable text summaries of meta-analyses: study table with weights, pooled result, heterogeneity, notes. */
public final class TextReport {
    /** Study tables longer than this are shortened in text output (JSON always holds every study). */
    public static final int DEFAULT_MAX_ROWS = 60;

    private TextReport() {
    }

    /**
     * A full summary of one analysis.
     *
     * @param r       the analysis
     * @param maxRows the most study rows printed
     * @return the text: the studies, the pooled estimate, heterogeneity and notes
     */
    public static String meta(MetaResult r, int maxRows) {
        StringBuilder sb = new StringBuilder();
        EffectSizes es = r.effects();
        Measure m = es.measure();
        sb.append("Meta-analysis of ").append(m.description()).append(m.backTransform() != BackTransform.IDENTITY ? " (" + m.name() + ")" : "")
                .append(", ").append(r.method()).append('\n');
        sb.append("Data: ").append(es.input().source()).append(", ").append(r.k()).append(r.k() == 1 ? " study" : " studies")
                .append(" pooled");
        long excluded = es.excluded().size();
        if (excluded > 0) {
            sb.append(", ").append(excluded).append(" left out (see notes)");
        }
        sb.append('\n').append('\n');
        studyTable(sb, r, maxRows);
        sb.append('\n');
        pooled(sb, r);
        heterogeneity(sb, r);
        notes(sb, r.notes());
        return sb.toString();
    }

    static String effectLabel(Measure m) {
        return m.logScale() ? m.displayName() : m == Measure.GEN ? "Estimate" : m.displayName();
    }

    /** The name of an effect on the analysis scale: "log OR" for ratios, the measure's name for other transformed measures. */
    static String analysisLabel(Measure m, String untransformed) {
        return m.logScale() ? "log " + m.displayName() : m.backTransform() != BackTransform.IDENTITY ? m.name() : untransformed;
    }

    private static void studyTable(StringBuilder sb, MetaResult r, int maxRows) {
        EffectSizes es = r.effects();
        Measure m = es.measure();
        double z = Dist.zCrit(r.options().level());
        int lw = 28;
        for (String s : es.study()) {
            lw = Math.max(lw, Math.min(40, s.length() + 2));
        }
        String ci = Math.round(r.options().level() * 100) + "% CI";
        sb.append(Fmt.pad("Study", lw)).append(Fmt.right(analysisLabel(m, "Effect"), 10))
                .append(Fmt.right("SE", 9)).append("   ").append(Fmt.pad(effectLabel(m) + " [" + ci + "]", 26))
                .append(Fmt.right("Weight", 8)).append('\n');
        int k = es.size();
        int show = k <= maxRows ? k : maxRows;
        for (int i = 0; i < show; i++) {
            double y = es.yi(i);
            double se = Math.sqrt(es.vi(i));
            int study = i;
            sb.append(Fmt.pad(es.study(i), lw)).append(Fmt.right(Fmt.f(y, 4), 10)).append(Fmt.right(Fmt.f(se, 4), 9))
                    .append("   ").append(Fmt.pad(interval(m, x -> es.backTransform(study, x), y, y - z * se, y + z * se), 26))
                    .append(Fmt.right(Fmt.f(r.weights(i), 1) + "%", 8)).append('\n');
        }
        if (show < k) {
            sb.append("... ").append(k - show).append(" more studies not shown (all are in --format json or csv)\n");
        }
    }

    /**
     * "0.49 [0.34, 0.70]" on the reader's scale: exponentiated ratios with two decimals, other back-transformed
     * measures (proportions, rates, correlations) with four significant digits, untransformed ones as they are.
     *
     * @param m   the measure
     * @param f   its back-transformation for these values ({@link EffectSizes#backTransform()} for pooled ones)
     * @param est the estimate on the analysis scale
     * @param lo  the lower limit on the analysis scale
     * @param hi  the upper limit on the analysis scale
     */
    static String interval(Measure m, DoubleUnaryOperator f, double est, double lo, double hi) {
        if (m.logScale()) {
            return Fmt.f(Math.exp(est), 2) + " [" + Fmt.f(Math.exp(lo), 2) + ", " + Fmt.f(Math.exp(hi), 2) + "]";
        }
        if (m.backTransform() == BackTransform.IDENTITY) {
            return Fmt.g(est) + " [" + Fmt.g(lo) + ", " + Fmt.g(hi) + "]";
        }
        // as metafor's predict, the limits are put back in order after the transformation
        double a = f.applyAsDouble(lo);
        double b = f.applyAsDouble(hi);
        return Fmt.g(f.applyAsDouble(est)) + " [" + Fmt.g(a > b ? b : a) + ", " + Fmt.g(a > b ? a : b) + "]";
    }

    /** A pooled estimate of these effects with its interval on the reader's scale (see {@link #interval(Measure, DoubleUnaryOperator, double, double, double)}). */
    static String interval(EffectSizes es, double est, double lo, double hi) {
        return interval(es.measure(), es.backTransform(), est, lo, hi);
    }

    private static void pooled(StringBuilder sb, MetaResult r) {
        PooledEstimate p = r.pooled();
        Measure m = r.effects().measure();
        String ci = Math.round(r.options().level() * 100) + "% CI";
        sb.append("Pooled ").append(effectLabel(m)).append(" (").append(r.options().model() == Model.RANDOM ? "random effects" : "fixed effect")
                .append("): ").append(interval(r.effects(), p.estimate(), p.ciLower(), p.ciUpper())).append(" (").append(ci).append(")\n");
        sb.append("  ").append(analysisLabel(m, "estimate")).append(" = ").append(Fmt.f(p.estimate(), 4))
                .append(", SE = ").append(Fmt.f(p.se(), 4)).append(", ");
        if (p.isT()) {
            sb.append("t(").append(Fmt.f(p.df(), 0)).append(") = ").append(Fmt.f(p.statistic(), 3));
        } else {
            sb.append("z = ").append(Fmt.f(p.statistic(), 3));
        }
        sb.append(", ").append(Fmt.pEq(p.p())).append('\n');
        if (!Double.isNaN(p.piLower())) {
            String pi = interval(r.effects(), p.estimate(), p.piLower(), p.piUpper());
            sb.append("  ").append(Math.round(r.options().level() * 100)).append("% prediction interval: ")
                    .append(pi.substring(pi.indexOf('['))).append('\n');
        }
    }

    private static void heterogeneity(StringBuilder sb, MetaResult r) {
        Heterogeneity h = r.heterogeneity();
        sb.append("Heterogeneity: Q = ").append(Fmt.f(h.q(), 2)).append(" (df = ").append(h.qDf()).append(", ")
                .append(Fmt.pEq(h.qP())).append("), I² = ").append(Fmt.f(h.i2(), 1)).append('%');
        if (h.i2Ci() != null) {
            sb.append(" [").append(Fmt.f(h.i2Ci().lower(), 1)).append(", ").append(Fmt.f(h.i2Ci().upper(), 1)).append(']');
        }
        sb.append(", H² = ").append(Fmt.f(h.h2(), 2));
        if (r.options().model() == Model.RANDOM) {
            sb.append("\n  tau² = ").append(Fmt.g(h.tau2())).append(" (SE ").append(Fmt.g(org.strokemeta.pool.Tau2StandardError.of(
                    r.model(), r.options().tau2Method(), h.tau2(), r.options().control()))).append(')');
            if (h.tau2Ci() != null) {
                sb.append(" [").append(Fmt.g(h.tau2Ci().lower())).append(", ").append(Fmt.g(h.tau2Ci().upper())).append("] (Q-profile)");
            }
            if (r.profileIntervalApplies()) {
                double[] pl = org.strokemeta.pool.Tau2ProfileInterval.of(r.model(), r.options().tau2Method(), h.tau2(), r.options().level());
                sb.append(" [").append(Fmt.g(pl[0])).append(", ").append(Fmt.g(pl[1])).append("] (profile likelihood)");
            }
            sb.append(", tau = ").append(Fmt.g(h.tau()));
            if (r.tau2() != null && r.tau2().iterations() > 0) {
                sb.append(", ").append(r.tau2().method().name()).append(r.tau2().converged() ? " converged in " : " did NOT converge in ")
                        .append(r.tau2().iterations()).append(" iterations");
            }
        }
        sb.append('\n');
        if (r.options().model() == Model.RANDOM || r.options().fixedMethod() == org.strokemeta.pool.FixedMethod.IV) {
            fit(sb, org.strokemeta.pool.FitStatistics.of(r), r.options().model() == Model.RANDOM
                    && r.options().tau2Method() == org.strokemeta.pool.Tau2Method.REML);
        }
        if (mantelHaenszelOr(r)) {
            org.strokemeta.pool.MantelHaenszelTests t = org.strokemeta.pool.MantelHaenszelTests.of(r, true);
            if (!Double.isNaN(t.cmh())) {
                sb.append("Cochran-Mantel-Haenszel test: CMH = ").append(Fmt.f(t.cmh(), 4)).append(" (df = 1), ").append(Fmt.pEq(t.cmhP()))
                        .append('\n');
            }
            if (!Double.isNaN(t.taroneP())) {
                sb.append("Tarone's test for heterogeneity: X² = ").append(Fmt.f(t.tarone(), 4)).append(" (df = ").append(t.kPos() - 1).append("), ")
                        .append(Fmt.pEq(t.taroneP())).append("; Breslow-Day X² = ").append(Fmt.f(t.breslowDay(), 4)).append(", ")
                        .append(Fmt.pEq(t.breslowDayP())).append('\n');
            }
        }
        if (!r.converged()) {
            sb.append("WARNING: the tau² estimator did not converge; these results are not valid.\n");
        }
    }

    /** A Mantel-Haenszel odds ratio from arm counts: the one pooled result with the CMH and Breslow-Day tests. */
    static boolean mantelHaenszelOr(MetaResult r) {
        return r.options().model() == Model.FIXED && r.options().fixedMethod() == org.strokemeta.pool.FixedMethod.MH
                && r.effects().measure() == org.strokemeta.effect.Measure.OR && r.effects().input() instanceof org.strokemeta.data.BinaryStudies;
    }

    /** The fit statistics of the likelihood the model was fitted by (REML for REML, ML otherwise), as metafor's summary. */
    private static void fit(StringBuilder sb, org.strokemeta.pool.FitStatistics f, boolean reml) {
        sb.append("Fit (").append(reml ? "REML" : "ML").append(" likelihood): logLik = ").append(Fmt.f(reml ? f.llReml() : f.llMl(), 4))
                .append(", deviance = ").append(Fmt.f(reml ? f.devReml() : f.devMl(), 4)).append(", AIC = ")
                .append(Fmt.f(reml ? f.aicReml() : f.aicMl(), 4)).append(", BIC = ").append(Fmt.f(reml ? f.bicReml() : f.bicMl(), 4))
                .append(", AICc = ").append(Fmt.f(reml ? f.aiccReml() : f.aiccMl(), 4)).append('\n');
    }

    static void notes(StringBuilder sb, List<Note> notes) {
        if (notes.isEmpty()) {
            return;
        }
        sb.append("\nNotes:\n");
        int shown = 0;
        for (Note n : notes) {
            if (shown++ == 50) {
                sb.append("  ... ").append(notes.size() - 50).append(" more notes (all are in --format json)\n");
                break;
            }
            sb.append("  - ").append(n).append('\n');
        }
    }

    /**
     * One analysis with its subgroup analysis and meta-regression, when asked for.
     *
     * @param o       the analysis
     * @param maxRows the most study rows printed
     * @return the text
     */
    public static String outcome(MetaRun.Outcome o, int maxRows) {
        StringBuilder sb = new StringBuilder(meta(o.result(), maxRows));
        if (o.subgroups() != null) {
            sb.append('\n');
            subgroups(sb, o.subgroups(), o.result().effects().measure());
        }
        if (o.regression() != null) {
            sb.append('\n');
            regression(sb, o.regression(), o.permutation());
        } else if (o.permutation() != null) {
            sb.append("Sign-flip ").append(o.permutation().describe()).append(" of the average effect: ")
                    .append(Fmt.pEq(o.permutation().p(0)));
            double[][] pci = o.permutation().ci();
            if (pci != null) {
                sb.append("; permutation-based ").append(Math.round(o.result().options().level() * 100)).append("% CI [")
                        .append(Fmt.g(pci[0][0])).append(", ").append(Fmt.g(pci[0][1])).append("] (analysis scale)");
            }
            sb.append('\n');
        }
        if (o.robust() != null) {
            sb.append('\n');
            robust(sb, o.robust());
        }
        return sb.toString();
    }

    /** Cluster-robust tests and intervals of the model's coefficients. */
    static void robust(StringBuilder sb, org.strokemeta.regression.RobustInference.Result r) {
        boolean cr2 = r.method() == org.strokemeta.regression.RobustInference.Method.CR2;
        sb.append("Cluster-robust inference (").append(r.method()).append(", ").append(r.clusters()).append(" clusters; ")
                .append(cr2 ? "Satterthwaite degrees of freedom, HTZ test; Pustejovsky and Tipton 2018"
                        : "t with clusters minus coefficients degrees of freedom" + (r.method()
                        == org.strokemeta.regression.RobustInference.Method.CR1 ? ", small-sample factor n/(n-p)" : ""))
                .append("):\n");
        String ci = Math.round(r.level() * 100) + "% CI";
        sb.append(String.format(java.util.Locale.ROOT, "  %-16s %10s %10s %9s %8s %9s  %s%n", "coefficient", "estimate", "robust SE", "t", "df", "p", ci));
        for (int j = 0; j < r.names().size(); j++) {
            sb.append(String.format(java.util.Locale.ROOT, "  %-16s %10s %10s %9s %8s %9s  [%s, %s]%n", r.names().get(j), Fmt.f(r.estimate()[j], 4),
                    Fmt.f(r.se()[j], 4), Fmt.f(r.t()[j], 3), Fmt.f(r.df()[j], 2), Fmt.p(r.p()[j]), Fmt.f(r.ciLower()[j], 4),
                    Fmt.f(r.ciUpper()[j], 4)));
        }
        if (r.names().size() > 1) {
            sb.append("  Test of moderators: F(").append(Fmt.f(r.qmDf1(), 0)).append(", ").append(Fmt.f(r.qmDf2(), 2)).append(") = ")
                    .append(Fmt.f(r.qm(), 4)).append(", ").append(Fmt.pEq(r.qmP())).append('\n');
        }
    }

    /** The subgroup table and the test for subgroup differences. */
    static void subgroups(StringBuilder sb, SubgroupResult s, Measure m) {
        String ci = Math.round(s.options().level() * 100) + "% CI";
        sb.append("Subgroups by ").append(s.column()).append(":\n");
        int lw = 16;
        for (SubgroupResult.Group g : s.groups()) {
            lw = Math.max(lw, Math.min(30, g.label().length() + 2));
        }
        sb.append(Fmt.pad("Subgroup", lw)).append(Fmt.right("k", 4)).append("   ").append(Fmt.pad(effectLabel(m) + " [" + ci + "]", 26))
                .append(Fmt.right("p", 9)).append(Fmt.right("tau2", 10)).append(Fmt.right("I2", 7)).append(Fmt.right("Q", 9)).append('\n');
        for (SubgroupResult.Group g : s.groups()) {
            MetaResult r = g.result();
            sb.append(Fmt.pad(g.label(), lw)).append(Fmt.right(Integer.toString(r.k()), 4)).append("   ")
                    .append(Fmt.pad(interval(r.effects(), r.pooled().estimate(), r.pooled().ciLower(), r.pooled().ciUpper()), 26))
                    .append(Fmt.right(Fmt.p(r.pooled().p()), 9)).append(Fmt.right(Fmt.f(r.heterogeneity().tau2(), 4), 10))
                    .append(Fmt.right(Fmt.f(r.heterogeneity().i2(), 1), 7)).append(Fmt.right(Fmt.f(r.heterogeneity().q(), 2), 9));
            if (g.single()) {
                sb.append("  (one study: fixed effect)");
            }
            if (!r.converged()) {
                sb.append("  NOT CONVERGED");
            }
            sb.append('\n');
        }
        BetweenTest b = s.between();
        if (b != null) {
            sb.append("Test for subgroup differences (").append(b.method().label()).append("): ");
            if (Double.isNaN(b.df2())) {
                sb.append("Q = ").append(Fmt.f(b.statistic(), 2)).append(", df = ").append(b.df1());
            } else {
                sb.append("F(").append(b.df1()).append(", ").append(Fmt.f(b.df2(), 0)).append(") = ").append(Fmt.f(b.statistic(), 3));
            }
            sb.append(", ").append(Fmt.pEq(b.p())).append('\n');
        }
        notes(sb, s.notes());
    }

    /** The meta-regression table, QM, QE, R² and the permutation p-values. */
    static void regression(StringBuilder sb, RegressionResult r, PermutationResult perm) {
        String ci = Math.round(r.options().level() * 100) + "% CI";
        sb.append("Meta-regression (").append(r.method()).append("), k = ").append(r.k()).append(":\n");
        int lw = 14;
        for (Coefficient c : r.coefficients()) {
            lw = Math.max(lw, Math.min(32, c.name().length() + 2));
        }
        boolean t = r.fit().options().ciMethod() == org.strokemeta.pool.CiMethod.KNHA;
        sb.append(Fmt.pad("Coefficient", lw)).append(Fmt.right("estimate", 11)).append(Fmt.right("se", 10))
                .append(Fmt.right(t ? "t" : "z", 9)).append(Fmt.right("p", 10)).append("   ").append(Fmt.pad(ci, 24));
        if (perm != null) {
            sb.append(Fmt.right("p (perm.)", 10));
        }
        sb.append('\n');
        for (int j = 0; j < r.coefficients().size(); j++) {
            Coefficient c = r.coefficients().get(j);
            sb.append(Fmt.pad(c.name(), lw)).append(Fmt.right(Fmt.g(c.estimate()), 11)).append(Fmt.right(Fmt.g(c.se()), 10))
                    .append(Fmt.right(Fmt.f(c.statistic(), 3), 9)).append(Fmt.right(Fmt.p(c.p()), 10)).append("   ")
                    .append(Fmt.pad("[" + Fmt.g(c.ciLower()) + ", " + Fmt.g(c.ciUpper()) + "]", 24));
            if (perm != null) {
                sb.append(Fmt.right(Fmt.p(perm.p(j)), 10));
            }
            sb.append('\n');
        }
        OmnibusTest qm = r.omnibus();
        sb.append("Test of moderators: ");
        if (Double.isNaN(qm.df2())) {
            sb.append("QM = ").append(Fmt.f(qm.statistic(), 3)).append(" (df = ").append(qm.df1()).append(')');
        } else {
            sb.append("F(").append(qm.df1()).append(", ").append(Fmt.f(qm.df2(), 0)).append(") = ").append(Fmt.f(qm.statistic(), 3));
        }
        sb.append(", ").append(Fmt.pEq(qm.p()));
        if (perm != null) {
            sb.append("; ").append(perm.describe()).append(": ").append(Fmt.pEq(perm.qmP()));
        }
        sb.append('\n');
        Heterogeneity h = r.heterogeneity();
        sb.append("Residual heterogeneity: QE = ").append(Fmt.f(h.q(), 2)).append(" (df = ").append(h.qDf()).append(", ")
                .append(Fmt.pEq(h.qP())).append("), tau² = ").append(Fmt.g(h.tau2())).append(", I² = ").append(Fmt.f(h.i2(), 1))
                .append('%');
        if (!Double.isNaN(r.r2())) {
            sb.append(", R² = ").append(Fmt.f(r.r2(), 1)).append('%');
        }
        sb.append('\n');
        fit(sb, r.fitStatistics(), r.options().model() == Model.RANDOM && r.options().tau2Method() == org.strokemeta.pool.Tau2Method.REML);
        if (!r.converged()) {
            sb.append("WARNING: the tau² estimator did not converge; these results are not valid.\n");
        }
        notes(sb, r.notes());
    }

    /**
     * A one-line-per-analysis table for batch runs.
     *
     * @param outcomes the analyses
     * @param byColumn the name of the column that splits the batch
     * @return the table
     */
    public static String batch(List<MetaRun.Outcome> outcomes, String byColumn) {
        StringBuilder sb = new StringBuilder();
        int gw = Math.max(byColumn.length(), 8);
        for (MetaRun.Outcome o : outcomes) {
            gw = Math.max(gw, Math.min(30, o.group().length()));
        }
        gw += 2;
        MetaResult first = outcomes.stream().filter(o -> !o.failed()).map(MetaRun.Outcome::result).findFirst().orElse(null);
        if (first != null) {
            sb.append(first.effects().measure().description()).append(", ").append(first.method()).append('\n');
        }
        sb.append(Fmt.pad(byColumn, gw)).append(Fmt.right("k", 5)).append(Fmt.right("estimate", 11)).append(Fmt.right("se", 9))
                .append(Fmt.right("ci_lower", 11)).append(Fmt.right("ci_upper", 11)).append(Fmt.right("p", 10))
                .append(Fmt.right("tau2", 10)).append(Fmt.right("I2", 7)).append(Fmt.right("Q", 9)).append('\n');
        int failed = 0;
        int notConverged = 0;
        StringBuilder out = sb;
        for (MetaRun.Outcome o : outcomes) {
            out.append(Fmt.pad(o.group(), gw));
            if (o.failed()) {
                failed++;
                out.append("  not analysed: ").append(o.error()).append('\n');
                continue;
            }
            MetaResult r = o.result();
            PooledEstimate p = r.pooled();
            Heterogeneity h = r.heterogeneity();
            Fmt.appendRight(out, Integer.toString(r.k()), 5);
            Fmt.appendRight(out, p.estimate(), 4, 11);
            Fmt.appendRight(out, p.se(), 4, 9);
            Fmt.appendRight(out, p.ciLower(), 4, 11);
            Fmt.appendRight(out, p.ciUpper(), 4, 11);
            Fmt.appendRight(out, Fmt.p(p.p()), 10);
            Fmt.appendRight(out, h.tau2(), 4, 10);
            Fmt.appendRight(out, h.i2(), 1, 7);
            Fmt.appendRight(out, h.q(), 2, 9);
            if (!o.valid()) {
                notConverged++;
                out.append("  NOT CONVERGED");
            }
            out.append('\n');
        }
        out.append(outcomes.size()).append(" analyses");
        if (failed > 0) {
            out.append(", ").append(failed).append(" not analysed");
        }
        if (notConverged > 0) {
            out.append(", ").append(notConverged).append(" did not converge (results not valid)");
        }
        out.append('\n');
        return out.toString();
    }
}
