package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.glmm.GlmmResult;
import org.strokemeta.multivariate.MultilevelResult;
import org.strokemeta.multivariate.NetworkResult;
import org.strokemeta.regression.Coefficient;

/** Text and JSON of multilevel models, network meta-analyses and logistic mixed models of 2×2 tables. */
public final class MultivariateReport {
    /** The schema of a multilevel model. */
    public static final String MULTILEVEL_SCHEMA = "strokemeta.multilevel/1";
    /** The schema of a multivariate model. */
    public static final String MULTIVARIATE_SCHEMA = "strokemeta.multivariate/1";
    /** The schema of a network meta-analysis. */
    public static final String NETWORK_SCHEMA = "strokemeta.network/1";
    /** The schema of a logistic mixed model of 2×2 tables. */
    public static final String GLMM_SCHEMA = "strokemeta.glmm/1";

    private MultivariateReport() {
    }

    // ------------------------------------------------------------------ multilevel

    /**
     * The multilevel model as text.
     *
     * @param r the fit
     * @return the text
     */
    public static String text(MultilevelResult r) {
        StringBuilder sb = new StringBuilder();
        var o = r.options();
        sb.append("Multilevel random-effects model (").append(o.method()).append("), random = ~ 1 | ").append(String.join("/", o.levels()))
                .append("\nk = ").append(r.k()).append(" effects");
        for (int l = 0; l < o.levels().size(); l++) {
            sb.append(", ").append(r.clusters()[l]).append(" ").append(o.levels().get(l));
        }
        sb.append("\n\nVariance components:\n");
        for (int l = 0; l < o.levels().size(); l++) {
            sb.append("  sigma²(").append(o.levels().get(l)).append(") = ").append(Fmt.g(r.sigma2()[l])).append("  (sigma ")
                    .append(Fmt.g(Math.sqrt(r.sigma2()[l]))).append(")");
            if (!Double.isNaN(r.sigma2Ci()[l][0])) {
                sb.append("  ").append(Fmt.f(100 * o.level(), 0)).append("% profile-likelihood CI ").append(Fmt.g(r.sigma2Ci()[l][0]))
                        .append(" to ").append(Fmt.g(r.sigma2Ci()[l][1]));
            }
            sb.append('\n');
        }
        sb.append("\nTest for residual heterogeneity: QE(df = ").append(r.qeDf()).append(") = ").append(Fmt.f(r.qe(), 4)).append(", ")
                .append(Fmt.pEq(r.qeP())).append('\n');
        if (!Double.isNaN(r.qm())) {
            sb.append("Test of moderators: ").append(o.test() == org.strokemeta.multivariate.MultilevelOptions.Test.T ? "F" : "QM")
                    .append("(df = ").append(r.qmDf()).append(") = ").append(Fmt.f(r.qm(), 4)).append(", ").append(Fmt.pEq(r.qmP())).append('\n');
        }
        sb.append('\n');
        coefficients(sb, r.coefficients(), o.test() == org.strokemeta.multivariate.MultilevelOptions.Test.T ? "t" : "z", o.level());
        sb.append("\nlogLik = ").append(Fmt.f(r.logLik(), 4)).append(", AIC = ").append(Fmt.f(r.aic(), 4)).append(", BIC = ")
                .append(Fmt.f(r.bic(), 4)).append('\n');
        notes(sb, r.notes());
        return sb.toString();
    }

    /**
     * The multilevel model as JSON.
     *
     * @param source the data's name
     * @param r      the fit
     * @return the document, schema {@value #MULTILEVEL_SCHEMA}
     */
    public static ObjectNode json(String source, MultilevelResult r) {
        ObjectNode root = head(MULTILEVEL_SCHEMA, source);
        var o = r.options();
        ObjectNode q = root.putObject("options");
        ArrayNode lv = q.putArray("levels");
        o.levels().forEach(lv::add);
        ArrayNode md = q.putArray("moderators");
        o.moderators().forEach(md::add);
        q.put("method", o.method().name());
        q.put("test", o.test().name().toLowerCase(java.util.Locale.ROOT));
        q.put("level", o.level());
        root.put("k", r.k());
        ArrayNode cl = root.putArray("clusters");
        for (int c : r.clusters()) {
            cl.add(c);
        }
        coefficients(root.putArray("coefficients"), r.coefficients());
        ArrayNode s2 = root.putArray("sigma2");
        for (double v : r.sigma2()) {
            s2.add(v);
        }
        ArrayNode s2ci = root.putArray("sigma2_ci");
        for (double[] c : r.sigma2Ci()) {
            if (Double.isNaN(c[0])) {
                s2ci.addNull();
            } else {
                ArrayNode a = s2ci.addArray();
                JsonReport.num(a, c[0]);
                JsonReport.num(a, c[1]);
            }
        }
        test(root, "qe", r.qe(), r.qeDf(), r.qeP());
        test(root, "qm", r.qm(), r.qmDf(), r.qmP());
        JsonReport.num(root, "loglik", r.logLik());
        JsonReport.num(root, "aic", r.aic());
        JsonReport.num(root, "bic", r.bic());
        root.put("converged", r.converged());
        root.put("message", r.message());
        notes(root, r.notes());
        return root;
    }

    // ------------------------------------------------------------------ multivariate

    /**
     * The multivariate model as text.
     *
     * @param r the fit
     * @return the text
     */
    public static String text(org.strokemeta.multivariate.MultivariateResult r) {
        StringBuilder sb = new StringBuilder();
        var o = r.options();
        sb.append("Multivariate random-effects model (").append(o.method()).append(", between-trial covariance ").append(o.struct())
                .append("), within-trial covariances ").append(Double.isNaN(o.withinRho()) ? "from the cov_ columns"
                        : "from a correlation of " + Fmt.g(o.withinRho())).append("\nk = ").append(r.k()).append(" effects of ")
                .append(r.outcomes().size()).append(" outcomes in ").append(r.studies()).append(" trials\n\nBetween-trial variances:");
        for (int j = 0; j < r.tau2().length; j++) {
            sb.append(' ').append(r.tau2().length == 1 ? "tau²" : "tau²(" + r.outcomes().get(j) + ")").append(" = ").append(Fmt.g(r.tau2()[j]));
            if (r.tau2Ci().length > j) {
                sb.append(" [").append(Fmt.g(r.tau2Ci()[j][0])).append(", ").append(Fmt.g(r.tau2Ci()[j][1])).append(']');
            }
        }
        if (r.rho().length > 0) {
            sb.append("\nBetween-trial correlations:");
            if (r.rho().length == 1) {
                sb.append(" rho = ").append(Fmt.f(r.rho()[0], 4)).append(rhoCi(r, 0));
            } else {
                int c = 0;
                for (int a = 0; a < r.outcomes().size(); a++) {
                    for (int d = a + 1; d < r.outcomes().size(); d++) {
                        sb.append(" rho(").append(r.outcomes().get(a)).append(", ").append(r.outcomes().get(d)).append(") = ")
                                .append(Fmt.f(r.rho()[c], 4)).append(rhoCi(r, c));
                        c++;
                    }
                }
            }
        }
        if (r.tau2Ci().length > 0) {
            sb.append("\n(").append(Fmt.f(100 * o.level(), 0)).append("% profile-likelihood intervals in brackets)");
        }
        sb.append("\n\nTest for residual heterogeneity: QE(df = ").append(r.qeDf()).append(") = ").append(Fmt.f(r.qe(), 4)).append(", ")
                .append(Fmt.pEq(r.qeP())).append("\nTest of all coefficients: ").append(o.test() == org.strokemeta.multivariate.MultilevelOptions.Test.T
                        ? "F(df1 = " + r.qmDf() + ", df2 = " + r.qeDf() + ")" : "QM(df = " + r.qmDf() + ")").append(" = ")
                .append(Fmt.f(r.qm(), 4)).append(", ").append(Fmt.pEq(r.qmP())).append("\n\n");
        coefficients(sb, r.coefficients(), o.test() == org.strokemeta.multivariate.MultilevelOptions.Test.T ? "t" : "z", o.level());
        sb.append("\nlogLik = ").append(Fmt.f(r.logLik(), 4)).append('\n');
        notes(sb, r.notes());
        return sb.toString();
    }

    /**
     * The multivariate model as JSON.
     *
     * @param source the data's name
     * @param r      the fit
     * @return the document, schema {@value #MULTIVARIATE_SCHEMA}
     */
    public static ObjectNode json(String source, org.strokemeta.multivariate.MultivariateResult r) {
        ObjectNode root = head(MULTIVARIATE_SCHEMA, source);
        var o = r.options();
        root.put("struct", o.struct().name());
        JsonReport.num(root, "within_rho", o.withinRho());
        root.put("method", o.method().name());
        root.put("level", o.level());
        ArrayNode oc = root.putArray("outcomes");
        r.outcomes().forEach(oc::add);
        root.put("k", r.k());
        root.put("studies", r.studies());
        coefficients(root.putArray("coefficients"), r.coefficients());
        ArrayNode t2 = root.putArray("tau2");
        for (double v : r.tau2()) {
            t2.add(v);
        }
        ArrayNode rh = root.putArray("rho");
        for (double v : r.rho()) {
            rh.add(v);
        }
        if (o.profileCi()) {
            ArrayNode tc = root.putArray("tau2_ci");
            for (double[] c : r.tau2Ci()) {
                ArrayNode a = tc.addArray();
                JsonReport.num(a, c[0]);
                JsonReport.num(a, c[1]);
            }
            ArrayNode rc = root.putArray("rho_ci");
            for (double[] c : r.rhoCi()) {
                ArrayNode a = rc.addArray();
                JsonReport.num(a, c[0]);
                JsonReport.num(a, c[1]);
            }
        }
        test(root, "qe", r.qe(), r.qeDf(), r.qeP());
        test(root, "qm", r.qm(), r.qmDf(), r.qmP());
        fit(root, r.logLik(), r.converged(), r.message(), r.notes());
        return root;
    }

    private static String rhoCi(org.strokemeta.multivariate.MultivariateResult r, int j) {
        return r.rhoCi().length > j ? " [" + Fmt.f(r.rhoCi()[j][0], 4) + ", " + Fmt.f(r.rhoCi()[j][1], 4) + "]" : "";
    }

    // ------------------------------------------------------------------ network

    /**
     * The network meta-analysis as text.
     *
     * @param r the fit
     * @return the text
     */
    public static String text(NetworkResult r) {
        StringBuilder sb = new StringBuilder();
        boolean log = r.logRatio();
        sb.append("Network meta-analysis (consistency model, ").append(r.options().random() ? "random effects, common tau² by "
                + r.options().method() : "fixed effects").append("), ").append(r.measure().equals("cOR") ? "log common odds ratios of the mRS (proportional odds per trial; > 1 favours the first treatment)" : log ? "log odds ratios" : r.measure().equals("MD")
                ? "mean differences" : "the contrasts given").append("\n").append(r.studies()).append(" trials, ").append(r.contrasts())
                .append(" contrasts, ").append(r.treatments().size()).append(" treatments; reference ").append(r.reference()).append("\n\n");
        if (r.options().random()) {
            sb.append("tau² = ").append(Fmt.g(r.tau2())).append(" (tau ").append(Fmt.g(Math.sqrt(r.tau2()))).append(")\n");
        }
        sb.append("Test for heterogeneity and inconsistency: QE(df = ").append(r.qeDf()).append(") = ").append(Fmt.f(r.qe(), 4)).append(", ")
                .append(Fmt.pEq(r.qeP())).append("\n");
        var inc = r.inconsistency();
        if (inc != null) {
            sb.append("Design-by-treatment interaction: Q between designs(df = ").append(inc.qBetweenDf()).append(") = ")
                    .append(Fmt.f(inc.qBetween(), 4)).append(", ").append(Fmt.pEq(inc.qBetweenP())).append("; within designs(df = ")
                    .append(inc.qWithinDf()).append(") = ").append(Fmt.f(inc.qWithin(), 4)).append("; likelihood ratio (ML, df = ")
                    .append(inc.lrtDf()).append(") = ").append(Fmt.f(inc.lrt(), 4)).append(", ").append(Fmt.pEq(inc.lrtP())).append('\n');
        } else {
            sb.append("Design-by-treatment interaction: not testable (no loop and no multi-arm design sharing a comparison)\n");
        }
        sb.append("\nRelative effects against ").append(r.reference()).append(log ? (r.measure().equals("cOR") ? " (common odds ratios)" : " (odds ratios)") : "").append(":\n");
        int w = Math.max(12, r.treatments().stream().mapToInt(String::length).max().orElse(10) + 2);
        double crit = org.strokemeta.internal.Dist.zCrit(r.options().level());
        sb.append(Fmt.pad("treatment", w)).append(Fmt.right("estimate", 10)).append(Fmt.right("se", 9)).append(Fmt.right("p", 9))
                .append("   ").append(Fmt.f(100 * r.options().level(), 0)).append("% CI").append(log ? "            OR [CI]" : "").append('\n');
        for (Coefficient c : r.relative()) {
            sb.append(Fmt.pad(c.name(), w)).append(Fmt.right(Fmt.f(c.estimate(), 4), 10)).append(Fmt.right(Fmt.f(c.se(), 4), 9))
                    .append(Fmt.right(Fmt.p(c.p()), 9)).append("   ").append(Fmt.f(c.ciLower(), 4)).append(" to ").append(Fmt.f(c.ciUpper(), 4));
            if (log) {
                sb.append("   ").append(Fmt.f(Math.exp(c.estimate()), 3)).append(" [").append(Fmt.f(Math.exp(c.ciLower()), 3)).append(", ")
                        .append(Fmt.f(Math.exp(c.ciUpper()), 3)).append(']');
            }
            sb.append('\n');
        }
        sb.append("\nLeague table (row relative to column").append(log ? (r.measure().equals("cOR") ? ", common odds ratios" : ", odds ratios") : "")
                .append("):\n");
        int n = r.treatments().size();
        int cw = 22;
        sb.append(Fmt.pad("", w));
        for (String t : r.treatments()) {
            sb.append(Fmt.right(t.length() > cw - 2 ? t.substring(0, cw - 2) : t, cw));
        }
        sb.append('\n');
        for (int a = 0; a < n; a++) {
            sb.append(Fmt.pad(r.treatments().get(a), w));
            for (int c = 0; c < n; c++) {
                String cell = a == c ? "-" : league(r, a, c, log);
                sb.append(Fmt.right(cell, cw));
            }
            sb.append('\n');
        }
        boolean draws = r.options().simulations() > 0 && r.treatments().size() > 1;
        sb.append("\nRanking (").append(r.options().smallBetter() ? "smaller" : "larger").append(" effects better; P-score").append(draws
                ? "; SUCRA and mean rank from " + r.options().simulations() + " draws, seed " + r.options().seed() : "").append("):\n");
        sb.append("  ").append(Fmt.pad("treatment", w)).append(Fmt.right("P-score", 9));
        if (draws) {
            sb.append(Fmt.right("SUCRA", 9)).append(Fmt.right("(MC SE)", 9)).append(Fmt.right("mean rank", 11)).append(Fmt.right("P(best)", 9));
        }
        sb.append('\n');
        r.ranking().stream().sorted((x, y) -> Double.compare(y.pScore(), x.pScore())).forEach(x -> {
            sb.append("  ").append(Fmt.pad(x.treatment(), w)).append(Fmt.right(Fmt.f(x.pScore(), 3), 9));
            if (draws) {
                sb.append(Fmt.right(Fmt.f(x.sucra(), 3), 9)).append(Fmt.right("(" + Fmt.f(x.sucraSe(), 4) + ")", 9))
                        .append(Fmt.right(Fmt.f(x.meanRank(), 2), 11)).append(Fmt.right(Fmt.f(x.probabilities()[0], 3), 9));
            }
            sb.append('\n');
        });
        if (r.options().nodeSplit()) {
            splits(sb, r, log, w);
        }
        sb.append("\nDirect comparisons (trials): ");
        List<String> e = r.edges().stream().map(x -> x.treat1() + " vs " + x.treat2() + " (" + x.studies() + ")").toList();
        sb.append(String.join("; ", e)).append('\n');
        notes(sb, r.notes());
        if (!r.converged()) {
            sb.append("warning: the estimation of tau² did not converge: ").append(r.message()).append('\n');
        }
        return sb.toString();
    }

    private static void splits(StringBuilder sb, NetworkResult r, boolean log, int w) {
        sb.append("\nNode splitting (Dias et al. 2010; ").append(log ? "odds ratios, " : "").append("first treatment relative to the second):\n");
        if (r.splits().isEmpty()) {
            sb.append("  no comparison has both direct and indirect evidence\n");
        } else {
            int cw = 2 + r.splits().stream().mapToInt(x -> x.treat1().length() + x.treat2().length() + 4).max().orElse(20);
            sb.append("  ").append(Fmt.pad("comparison", cw)).append(Fmt.right("trials", 7)).append(Fmt.right("network", 22))
                    .append(Fmt.right("direct", 22)).append(Fmt.right("indirect", 22)).append(Fmt.right("difference", 12)).append(Fmt.right("p", 9))
                    .append('\n');
            for (NetworkResult.Split x : r.splits()) {
                sb.append("  ").append(Fmt.pad(x.treat1() + " vs " + x.treat2(), cw)).append(Fmt.right(Integer.toString(x.studies()), 7))
                        .append(Fmt.right(est(x.network(), x.networkCi()[0], x.networkCi()[1], log), 22))
                        .append(Fmt.right(est(x.direct(), x.directCi()[0], x.directCi()[1], log), 22))
                        .append(Fmt.right(est(x.indirect(), x.indirectCi()[0], x.indirectCi()[1], log), 22))
                        .append(Fmt.right(Fmt.f(x.difference(), 3), 12)).append(Fmt.right(Fmt.p(x.p()), 9)).append('\n');
            }
            sb.append("  (difference: direct − indirect").append(log ? ", log odds ratio" : "").append("; each split refits tau²)\n");
        }
        if (!r.directOnly().isEmpty()) {
            sb.append("  direct evidence only, not split: ").append(String.join("; ", r.directOnly().stream()
                    .map(x -> x.treat1() + " vs " + x.treat2() + " (" + x.studies() + ")").toList())).append('\n');
        }
    }

    private static String est(double e, double lo, double hi, boolean log) {
        java.util.function.DoubleUnaryOperator f = log ? Math::exp : x -> x;
        return Fmt.f(f.applyAsDouble(e), 2) + " [" + Fmt.f(f.applyAsDouble(lo), 2) + ", " + Fmt.f(f.applyAsDouble(hi), 2) + "]";
    }

    private static String league(NetworkResult r, int a, int c, boolean log) {
        String ta = r.treatments().get(a);
        String tc = r.treatments().get(c);
        for (NetworkResult.Pair p : r.league()) {
            double est;
            double lo;
            double hi;
            if (p.treat1().equals(ta) && p.treat2().equals(tc)) {
                est = p.estimate();
                lo = p.ciLower();
                hi = p.ciUpper();
            } else if (p.treat1().equals(tc) && p.treat2().equals(ta)) {
                est = -p.estimate();
                lo = -p.ciUpper();
                hi = -p.ciLower();
            } else {
                continue;
            }
            return est(est, lo, hi, log);
        }
        return "";
    }

    /**
     * The network meta-analysis as JSON.
     *
     * @param source the data's name
     * @param r      the fit
     * @return the document, schema {@value #NETWORK_SCHEMA}
     */
    public static ObjectNode json(String source, NetworkResult r) {
        ObjectNode root = head(NETWORK_SCHEMA, source);
        root.put("measure", r.measure());
        root.put("model", r.options().random() ? "random" : "fixed");
        root.put("method", r.options().method().name());
        root.put("level", r.options().level());
        ArrayNode tr = root.putArray("treatments");
        r.treatments().forEach(tr::add);
        root.put("reference", r.reference());
        root.put("studies", r.studies());
        root.put("k_contrasts", r.contrasts());
        JsonReport.num(root, "tau2", r.tau2());
        test(root, "qe", r.qe(), r.qeDf(), r.qeP());
        coefficients(root.putArray("relative_effects"), r.relative());
        ArrayNode lg = root.putArray("league");
        for (NetworkResult.Pair p : r.league()) {
            ObjectNode n = lg.addObject();
            n.put("treat1", p.treat1());
            n.put("treat2", p.treat2());
            JsonReport.num(n, "estimate", p.estimate());
            JsonReport.num(n, "se", p.se());
            JsonReport.num(n, "z", p.z());
            JsonReport.num(n, "p", p.p());
            JsonReport.num(n, "ci_lower", p.ciLower());
            JsonReport.num(n, "ci_upper", p.ciUpper());
        }
        ArrayNode rk = root.putArray("ranking");
        for (NetworkResult.Rank x : r.ranking()) {
            ObjectNode n = rk.addObject();
            n.put("treatment", x.treatment());
            JsonReport.num(n, "p_score", x.pScore());
            if (r.options().simulations() > 0) {
                JsonReport.num(n, "sucra", x.sucra());
                JsonReport.num(n, "sucra_mc_se", x.sucraSe());
                JsonReport.num(n, "mean_rank", x.meanRank());
                ArrayNode pr = n.putArray("rank_probabilities");
                for (double v : x.probabilities()) {
                    pr.add(v);
                }
            }
        }
        if (r.options().simulations() > 0) {
            root.putObject("rank_draws").put("simulations", r.options().simulations()).put("seed", r.options().seed());
        }
        if (r.options().nodeSplit()) {
            ArrayNode ns = root.putArray("node_split");
            for (NetworkResult.Split x : r.splits()) {
                ObjectNode n = ns.addObject();
                n.put("treat1", x.treat1());
                n.put("treat2", x.treat2());
                n.put("studies", x.studies());
                JsonReport.num(n, "network", x.network());
                JsonReport.num(n, "network_se", x.networkSe());
                JsonReport.num(n, "network_ci_lower", x.networkCi()[0]);
                JsonReport.num(n, "network_ci_upper", x.networkCi()[1]);
                JsonReport.num(n, "direct", x.direct());
                JsonReport.num(n, "direct_se", x.directSe());
                JsonReport.num(n, "direct_ci_lower", x.directCi()[0]);
                JsonReport.num(n, "direct_ci_upper", x.directCi()[1]);
                JsonReport.num(n, "indirect", x.indirect());
                JsonReport.num(n, "indirect_se", x.indirectSe());
                JsonReport.num(n, "indirect_ci_lower", x.indirectCi()[0]);
                JsonReport.num(n, "indirect_ci_upper", x.indirectCi()[1]);
                JsonReport.num(n, "difference", x.difference());
                JsonReport.num(n, "difference_se", x.differenceSe());
                JsonReport.num(n, "z", x.z());
                JsonReport.num(n, "p", x.p());
                JsonReport.num(n, "tau2", x.tau2());
                n.put("converged", x.converged());
            }
            ArrayNode only = root.putArray("direct_only");
            for (NetworkResult.Edge x : r.directOnly()) {
                only.addObject().put("treat1", x.treat1()).put("treat2", x.treat2()).put("studies", x.studies());
            }
        }
        ArrayNode ed = root.putArray("edges");
        for (NetworkResult.Edge x : r.edges()) {
            ed.addObject().put("treat1", x.treat1()).put("treat2", x.treat2()).put("studies", x.studies());
        }
        var inc = r.inconsistency();
        if (inc == null) {
            root.putNull("inconsistency");
        } else {
            ObjectNode n = root.putObject("inconsistency");
            JsonReport.num(n, "q_total", inc.qTotal());
            n.put("q_total_df", inc.qTotalDf());
            JsonReport.num(n, "q_within_designs", inc.qWithin());
            n.put("q_within_designs_df", inc.qWithinDf());
            JsonReport.num(n, "q_between_designs", inc.qBetween());
            n.put("q_between_designs_df", inc.qBetweenDf());
            JsonReport.num(n, "q_between_designs_p", inc.qBetweenP());
            JsonReport.num(n, "lrt", inc.lrt());
            n.put("lrt_df", inc.lrtDf());
            JsonReport.num(n, "lrt_p", inc.lrtP());
            JsonReport.num(n, "tau2_ml_consistency", inc.tau2MlConsistency());
            JsonReport.num(n, "tau2_ml_inconsistency", inc.tau2MlInconsistency());
        }
        fit(root, r.logLik(), r.converged(), r.message(), r.notes());
        return root;
    }

    // ------------------------------------------------------------------ GLMM

    /**
     * The logistic mixed model as text.
     *
     * @param r the fit
     * @return the text
     */
    public static String text(GlmmResult r) {
        StringBuilder sb = new StringBuilder();
        var o = r.options();
        String how = switch (o.model()) {
            case UM_FS -> "ML, " + (o.nAGQ() == 1 ? "Laplace approximation" : o.nAGQ() + "-point adaptive Gauss-Hermite quadrature");
            case UM_RS -> "ML, Laplace approximation";
            case CM_EL -> o.fixedEffect() ? "fixed effect, exact conditional likelihood" : "ML, exact conditional likelihood integrated over "
                    + "the random effect";
        };
        sb.append(o.model() == org.strokemeta.glmm.GlmmOptions.Model.CM_EL ? "Conditional logistic model of 2x2 tables (" : "Logistic mixed model "
                + "of 2x2 tables (").append(o.model().label()).append(", ").append(how).append("), odds ratio, ").append(r.k()).append(" trials\n\n");
        sb.append("tau² = ").append(Fmt.g(r.tau2()));
        if (!Double.isNaN(r.tau2Se())) {
            sb.append(" (se ").append(Fmt.g(r.tau2Se())).append(')');
        }
        if (!Double.isNaN(r.sigma2())) {
            sb.append(", sigma² (random intercepts) = ").append(Fmt.g(r.sigma2()));
        }
        sb.append("\nTests for heterogeneity (df = ").append(r.qeDf()).append("): Wald ").append(Double.isNaN(r.qeWald()) ? "not computed"
                : Fmt.f(r.qeWald(), 4) + ", " + Fmt.pEq(r.qeWaldP())).append("; likelihood ratio ").append(Fmt.f(r.qeLrt(), 4)).append(", ")
                .append(Fmt.pEq(r.qeLrtP())).append("\n\n");
        sb.append("log odds ratio ").append(Fmt.f(r.estimate(), 4)).append(" (se ").append(Fmt.f(r.se(), 4)).append("), z = ")
                .append(Fmt.f(r.z(), 3)).append(", ").append(Fmt.pEq(r.p())).append("\nodds ratio ").append(Fmt.f(Math.exp(r.estimate()), 3))
                .append(" [").append(Fmt.f(Math.exp(r.ciLower()), 3)).append(", ").append(Fmt.f(Math.exp(r.ciUpper()), 3)).append("] (")
                .append(Fmt.f(100 * o.level(), 0)).append("% CI)\nlogLik = ").append(Fmt.f(r.logLik(), 4)).append('\n');
        notes(sb, r.notes());
        return sb.toString();
    }

    /**
     * The logistic mixed model as JSON.
     *
     * @param source the data's name
     * @param r      the fit
     * @return the document, schema {@value #GLMM_SCHEMA}
     */
    public static ObjectNode json(String source, GlmmResult r) {
        ObjectNode root = head(GLMM_SCHEMA, source);
        root.put("model", r.options().model().label());
        root.put("method", r.options().fixedEffect() ? "FE" : "ML");
        root.put("nagq", r.options().nAGQ());
        root.put("level", r.options().level());
        root.put("k", r.k());
        ArrayNode st = root.putArray("studies");
        r.studies().forEach(st::add);
        JsonReport.num(root, "estimate", r.estimate());
        JsonReport.num(root, "se", r.se());
        JsonReport.num(root, "z", r.z());
        JsonReport.num(root, "p", r.p());
        JsonReport.num(root, "ci_lower", r.ciLower());
        JsonReport.num(root, "ci_upper", r.ciUpper());
        JsonReport.num(root, "or", Math.exp(r.estimate()));
        JsonReport.num(root, "or_ci_lower", Math.exp(r.ciLower()));
        JsonReport.num(root, "or_ci_upper", Math.exp(r.ciUpper()));
        JsonReport.num(root, "tau2", r.tau2());
        JsonReport.num(root, "sigma2", r.sigma2());
        JsonReport.num(root, "tau2_se", r.tau2Se());
        root.put("qe_df", r.qeDf());
        JsonReport.num(root, "qe_wald", r.qeWald());
        JsonReport.num(root, "qe_wald_p", r.qeWaldP());
        JsonReport.num(root, "qe_lrt", r.qeLrt());
        JsonReport.num(root, "qe_lrt_p", r.qeLrtP());
        fit(root, r.logLik(), r.converged(), r.message(), r.notes());
        return root;
    }

    // ------------------------------------------------------------------ shared

    private static ObjectNode head(String schema, String source) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", schema);
        root.put("version", Version.get());
        root.put("source", source);
        return root;
    }

    /** A test's statistic, degrees of freedom and p-value under KEY, KEY_df and KEY_p. */
    private static void test(ObjectNode root, String key, double statistic, int df, double p) {
        JsonReport.num(root, key, statistic);
        root.put(key + "_df", df);
        JsonReport.num(root, key + "_p", p);
    }

    /** The log-likelihood, the optimiser's outcome and the notes that end every model's document. */
    private static void fit(ObjectNode root, double logLik, boolean converged, String message, List<String> notes) {
        JsonReport.num(root, "loglik", logLik);
        root.put("converged", converged);
        root.put("message", message);
        notes(root, notes);
    }

    private static void coefficients(StringBuilder sb, List<Coefficient> cs, String stat, double level) {
        int w = Math.max(12, cs.stream().mapToInt(c -> c.name().length()).max().orElse(10) + 2);
        sb.append(Fmt.pad("", w)).append(Fmt.right("estimate", 12)).append(Fmt.right("se", 11)).append(Fmt.right(stat, 9))
                .append(Fmt.right("p", 9)).append("   ").append(Fmt.f(100 * level, 0)).append("% CI\n");
        for (Coefficient c : cs) {
            sb.append(Fmt.pad(c.name(), w)).append(Fmt.right(Fmt.g(c.estimate()), 12)).append(Fmt.right(Fmt.g(c.se()), 11))
                    .append(Fmt.right(Fmt.f(c.statistic(), 3), 9)).append(Fmt.right(Fmt.p(c.p()), 9)).append("   ").append(Fmt.g(c.ciLower()))
                    .append(" to ").append(Fmt.g(c.ciUpper())).append('\n');
        }
    }

    private static void coefficients(ArrayNode out, List<Coefficient> cs) {
        for (Coefficient c : cs) {
            ObjectNode n = out.addObject();
            n.put("name", c.name());
            JsonReport.num(n, "estimate", c.estimate());
            JsonReport.num(n, "se", c.se());
            JsonReport.num(n, "statistic", c.statistic());
            JsonReport.num(n, "p", c.p());
            JsonReport.num(n, "ci_lower", c.ciLower());
            JsonReport.num(n, "ci_upper", c.ciUpper());
        }
    }

    private static void notes(StringBuilder sb, List<String> notes) {
        if (!notes.isEmpty()) {
            sb.append("\nNotes:\n");
            notes.forEach(n -> sb.append("  - ").append(n).append('\n'));
        }
    }

    private static void notes(ObjectNode root, List<String> notes) {
        ArrayNode a = root.putArray("notes");
        notes.forEach(a::add);
    }
}
