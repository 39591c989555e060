package org.strokemeta.plot;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.internal.Svg;
import org.strokemeta.multivariate.NetworkResult;
import org.strokemeta.regression.Coefficient;

/**
 * The figures of a network meta-analysis: the network graph (treatments on a circle, a line for each comparison with
 * direct evidence, its width growing with the number of trials, which it is labelled with; as netmeta's netgraph) and
 * the forest plot of every treatment against the reference with its P-score.
 */
public final class NetworkPlot {
    private NetworkPlot() {
    }

    /**
     * The network graph.
     *
     * @param r the network
     * @return the SVG document
     */
    public static String graph(NetworkResult r) {
        List<String> t = r.treatments();
        int n = t.size();
        int size = 560;
        double cx = size / 2.0;
        double cy = size / 2.0;
        double rad = size / 2.0 - 110;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double a = -Math.PI / 2 + 2 * Math.PI * i / n;
            x[i] = cx + rad * Math.cos(a);
            y[i] = cy + rad * Math.sin(a);
        }
        int maxStudies = r.edges().stream().mapToInt(NetworkResult.Edge::studies).max().orElse(1);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(size + 30)
                .append("\" viewBox=\"0 0 ").append(size).append(' ').append(size + 30)
                .append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"Network graph\" class=\"network-graph\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        for (NetworkResult.Edge e : r.edges()) {
            int a = t.indexOf(e.treat1());
            int b = t.indexOf(e.treat2());
            double w = 1.5 + 8.0 * e.studies() / maxStudies;
            s.append("<line x1=\"").append(Svg.f(x[a])).append("\" y1=\"").append(Svg.f(y[a])).append("\" x2=\"").append(Svg.f(x[b]))
                    .append("\" y2=\"").append(Svg.f(y[b])).append("\" stroke=\"#2b6c9e\" stroke-opacity=\"0.7\" stroke-width=\"")
                    .append(Svg.f(w)).append("\"><title>").append(Svg.esc(e.treat1() + " vs " + e.treat2() + ": " + e.studies()
                            + (e.studies() == 1 ? " trial" : " trials"))).append("</title></line>\n");
            s.append("<text x=\"").append(Svg.f((x[a] + x[b]) / 2)).append("\" y=\"").append(Svg.f((y[a] + y[b]) / 2 - 4))
                    .append("\" text-anchor=\"middle\" fill=\"#2b6c9e\" font-size=\"11\">").append(e.studies()).append("</text>\n");
        }
        for (int i = 0; i < n; i++) {
            boolean ref = t.get(i).equals(r.reference());
            s.append("<circle cx=\"").append(Svg.f(x[i])).append("\" cy=\"").append(Svg.f(y[i])).append("\" r=\"7\" fill=\"")
                    .append(ref ? "#b35900" : "#1f3b57").append("\"/>\n");
            double lx = cx + (rad + 16) * Math.cos(-Math.PI / 2 + 2 * Math.PI * i / n);
            double ly = cy + (rad + 16) * Math.sin(-Math.PI / 2 + 2 * Math.PI * i / n);
            String anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
            s.append("<text x=\"").append(Svg.f(lx)).append("\" y=\"").append(Svg.f(ly + 4)).append("\" text-anchor=\"").append(anchor)
                    .append("\"").append(ref ? " font-weight=\"600\"" : "").append('>').append(Svg.esc(t.get(i))).append("</text>\n");
        }
        s.append("<text x=\"8\" y=\"").append(size + 20).append("\" font-size=\"11\" fill=\"#555\">").append(Svg.esc(r.studies() + " trials, "
                + r.treatments().size() + " treatments; a line per direct comparison, labelled with its trials; reference " + r.reference()))
                .append("</text>\n</svg>\n");
        return s.toString();
    }

    /**
     * The forest plot of every treatment against the reference, with P-scores.
     *
     * @param r the network
     * @return what to draw
     */
    public static ForestPlot.Spec forest(NetworkResult r) {
        boolean log = r.logRatio();
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (Coefficient c : r.relative()) {
            double score = r.ranking().stream().filter(x -> x.treatment().equals(c.name())).mapToDouble(NetworkResult.Rank::pScore)
                    .findFirst().orElse(Double.NaN);
            rows.add(ForestPlot.Row.study(c.name(), c.estimate(), c.ciLower(), c.ciUpper(), Double.NaN, List.of(Svg.fixed(score, 2))));
        }
        List<String> footer = new ArrayList<>();
        footer.add("Against " + r.reference() + (r.options().random() ? "; random effects, tau² = " + Svg.fixed(r.tau2(), 4) : "; fixed effects"));
        if (r.inconsistency() != null) {
            footer.add("Inconsistency between designs: Q = " + Svg.fixed(r.inconsistency().qBetween(), 2) + ", df = "
                    + r.inconsistency().qBetweenDf() + ", p = " + Svg.fixed(r.inconsistency().qBetweenP(), 4));
        }
        return new ForestPlot.Spec(rows, List.of("P-score"), log, log ? (r.measure().equals("cOR") ? "Common odds ratio" : "Odds ratio") + " against " + r.reference() + " (log scale)"
                : "Difference against " + r.reference(), "", "", footer, 40).withLabelHeader("Treatment");
    }
}
