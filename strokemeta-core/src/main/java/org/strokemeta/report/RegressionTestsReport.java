package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.regression.OmnibusTest;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.regression.RegressionTests;

/**
 * The further tests of a meta-regression ({@link RegressionTests}) as text and JSON: the test of a
 * subset of coefficients, linear combinations, predictions and the likelihood-ratio test.
 */
public final class RegressionTestsReport {
    private RegressionTestsReport() {
    }

    /**
     * What was asked and found; every part may be absent.
     *
     * @param coefficients the test of a subset of coefficients, or null
     * @param linear       the linear combinations, or null
     * @param predictions  the predictions (empty for none)
     * @param lrt          the likelihood-ratio test, or null
     */
    public record Parts(OmnibusTest coefficients, RegressionTests.LinearTests linear, List<RegressionTests.Prediction> predictions,
                        RegressionTests.LikelihoodRatio lrt) {
        /**
         * Copies the predictions.
         *
         * @param coefficients the subset test
         * @param linear       the combinations
         * @param predictions  the predictions
         * @param lrt          the likelihood-ratio test
         */
        public Parts {
            predictions = predictions == null ? List.of() : List.copyOf(predictions);
        }
    }

    private static String test(OmnibusTest t) {
        return (t.isF() ? "F(" + t.df1() + ", " + Fmt.f(t.df2(), 0) + ") = " : "QM = ") + Fmt.f(t.statistic(), 4)
                + (t.isF() ? "" : " (df = " + t.df1() + ")") + ", " + Fmt.pEq(t.p());
    }

    /**
     * The text.
     *
     * @param r the meta-regression
     * @param p the parts
     * @return the lines, empty when nothing was asked
     */
    public static String text(RegressionResult r, Parts p) {
        StringBuilder sb = new StringBuilder();
        if (p.coefficients() != null) {
            sb.append("\nTest of coefficients ").append(String.join(", ", p.coefficients().coefficients())).append(": ")
                    .append(test(p.coefficients())).append('\n');
        }
        String level = Math.round(r.options().level() * 100) + "%";
        if (p.linear() != null) {
            sb.append("\nLinear combinations of the coefficients (").append(String.join(", ", r.names())).append("):\n");
            for (RegressionTests.Hypothesis h : p.linear().hypotheses()) {
                sb.append("  ").append(Fmt.pad(java.util.Arrays.toString(h.row()), 28)).append(" estimate ").append(Fmt.f(h.estimate(), 4))
                        .append(", SE ").append(Fmt.f(h.se(), 4)).append(", ").append(level).append(" CI [").append(Fmt.f(h.ciLower(), 4))
                        .append(", ").append(Fmt.f(h.ciUpper(), 4)).append("], ").append(Fmt.pEq(h.p())).append('\n');
            }
            sb.append("  jointly: ").append(test(p.linear().joint())).append('\n');
        }
        if (!p.predictions().isEmpty()) {
            sb.append("\nPredicted effects (analysis scale) at ").append(String.join(", ", r.names().subList(1, r.names().size()))).append(":\n");
            for (RegressionTests.Prediction x : p.predictions()) {
                sb.append("  ").append(Fmt.pad(java.util.Arrays.toString(x.moderators()), 20)).append(Fmt.f(x.estimate(), 4)).append(" (SE ")
                        .append(Fmt.f(x.se(), 4)).append("), ").append(level).append(" CI [").append(Fmt.f(x.ciLower(), 4)).append(", ")
                        .append(Fmt.f(x.ciUpper(), 4)).append("], ").append(level).append(" PI [").append(Fmt.f(x.piLower(), 4)).append(", ")
                        .append(Fmt.f(x.piUpper(), 4)).append("]\n");
            }
        }
        if (p.lrt() != null) {
            RegressionTests.LikelihoodRatio l = p.lrt();
            sb.append("\nLikelihood-ratio test against the model without moderators (").append(l.reml() ? "REML" : "ML").append(" likelihood): LRT = ")
                    .append(Fmt.f(l.statistic(), 4)).append(" (df = ").append(l.df()).append("), ").append(Fmt.pEq(l.p()))
                    .append("; tau² ").append(Fmt.g(l.tau2Reduced())).append(" without, ").append(Fmt.g(l.tau2Full())).append(" with moderators")
                    .append(Double.isNaN(l.r2()) ? "" : ", R² = " + Fmt.f(l.r2(), 1) + "%").append('\n');
            if (l.reml()) {
                sb.append("  Models with different moderators should be compared by ML: refit with --tau2 ML.\n");
            }
        }
        return sb.toString();
    }

    /**
     * The JSON object ({@code regression_tests} of the meta-regression).
     *
     * @param p the parts
     * @return the object; absent parts are null
     */
    public static ObjectNode json(Parts p) {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        if (p.coefficients() == null) {
            n.putNull("coefficients");
        } else {
            omnibus(n.putObject("coefficients"), p.coefficients());
        }
        if (p.linear() == null) {
            n.putNull("linear");
        } else {
            ObjectNode l = n.putObject("linear");
            ArrayNode rows = l.putArray("hypotheses");
            for (RegressionTests.Hypothesis h : p.linear().hypotheses()) {
                ObjectNode x = rows.addObject();
                ArrayNode w = x.putArray("weights");
                for (double v : h.row()) {
                    w.add(v);
                }
                JsonReport.num(x, "estimate", h.estimate());
                JsonReport.num(x, "se", h.se());
                JsonReport.num(x, "z_or_t", h.statistic());
                JsonReport.num(x, "p", h.p());
                JsonReport.num(x, "ci_lower", h.ciLower());
                JsonReport.num(x, "ci_upper", h.ciUpper());
            }
            omnibus(l.putObject("joint"), p.linear().joint());
        }
        ArrayNode pred = n.putArray("predictions");
        for (RegressionTests.Prediction x : p.predictions()) {
            ObjectNode o = pred.addObject();
            ArrayNode m = o.putArray("moderators");
            for (double v : x.moderators()) {
                m.add(v);
            }
            JsonReport.num(o, "estimate", x.estimate());
            JsonReport.num(o, "se", x.se());
            JsonReport.num(o, "ci_lower", x.ciLower());
            JsonReport.num(o, "ci_upper", x.ciUpper());
            JsonReport.num(o, "pi_lower", x.piLower());
            JsonReport.num(o, "pi_upper", x.piUpper());
        }
        if (p.lrt() == null) {
            n.putNull("lrt");
        } else {
            RegressionTests.LikelihoodRatio l = p.lrt();
            ObjectNode o = n.putObject("lrt");
            o.put("likelihood", l.reml() ? "REML" : "ML");
            JsonReport.num(o, "statistic", l.statistic());
            o.put("df", l.df());
            JsonReport.num(o, "p", l.p());
            JsonReport.num(o, "tau2_full", l.tau2Full());
            JsonReport.num(o, "tau2_reduced", l.tau2Reduced());
            JsonReport.num(o, "r2", l.r2());
        }
        return n;
    }

    private static void omnibus(ObjectNode n, OmnibusTest t) {
        ArrayNode c = n.putArray("coefficients");
        t.coefficients().forEach(c::add);
        n.put("statistic_kind", t.isF() ? "F" : "chi-square");
        JsonReport.num(n, "statistic", t.statistic());
        n.put("df", t.df1());
        JsonReport.num(n, "df2", t.df2());
        JsonReport.num(n, "p", t.p());
    }
}
