package org.strokemeta.plot;

import org.strokemeta.internal.Svg;
import org.strokemeta.sensitivity.Influence;

/**
 * The Baujat plot (Baujat et al., Stat Med 2002;21:2641-52; metafor's {@code baujat()}): each study's
 * contribution to the overall heterogeneity (x) against its influence on the pooled estimate (y), as
 * labelled points, so that the studies that drive both stand out in the upper right.
 */
public final class BaujatPlot {
    private BaujatPlot() {
    }

    /**
     * The plot.
     *
     * @param inf the influence diagnostics (their Baujat coordinates)
     * @return the SVG document
     */
    public static String svg(Influence inf) {
        int k = inf.studies().size();
        double xmax = 0;
        double ymax = 0;
        for (Influence.Case c : inf.studies()) {
            xmax = Math.max(xmax, c.baujatX());
            ymax = Math.max(ymax, c.baujatY());
        }
        xmax = xmax > 0 ? xmax * 1.08 : 1;
        ymax = ymax > 0 ? ymax * 1.12 : 1;
        int width = 640;
        int height = 460;
        int left = 70;
        int top = 20;
        int pw = width - left - 30;
        int ph = height - top - 70;
        double x1 = xmax;
        double y1 = ymax;
        java.util.function.DoubleUnaryOperator px = v -> left + v / x1 * pw;
        java.util.function.DoubleUnaryOperator py = v -> top + (y1 - v) / y1 * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" "
                        + "role=\"img\" aria-label=\"Baujat plot\" class=\"baujat\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + ph).append("\" x2=\"").append(left + pw).append("\" y2=\"").append(top + ph)
                .append("\" stroke=\"#333\"/><line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left)
                .append("\" y2=\"").append(top + ph).append("\" stroke=\"#333\"/>\n");
        ForestPlot.Axis xa = new ForestPlot.Axis(0, x1, left, pw, false);
        for (double t : xa.ticks()) {
            s.append("<text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"").append(top + ph + 18).append("\" text-anchor=\"middle\">")
                    .append(xa.label(t)).append("</text>\n");
        }
        ForestPlot.Axis ya = new ForestPlot.Axis(0, y1, 0, 1, false);
        for (double t : ya.ticks()) {
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.f(py.applyAsDouble(t) + 4)).append("\" text-anchor=\"end\">")
                    .append(ya.label(t)).append("</text>\n");
        }
        for (int i = 0; i < k; i++) {
            Influence.Case c = inf.studies().get(i);
            double cx = px.applyAsDouble(c.baujatX());
            double cy = py.applyAsDouble(c.baujatY());
            boolean right = cx > left + 0.75 * pw;
            s.append("<g class=\"study\"><circle cx=\"").append(Svg.f(cx)).append("\" cy=\"").append(Svg.f(cy)).append("\" r=\"4\" fill=\"")
                    .append(c.influential() ? "#b30000" : "#1f4e79").append("\"/><text x=\"").append(Svg.f(right ? cx - 7 : cx + 7))
                    .append("\" y=\"").append(Svg.f(cy + 4)).append("\" text-anchor=\"").append(right ? "end" : "start").append("\" font-size=\"11\">")
                    .append(Svg.data(c.study())).append("</text></g>\n");
        }
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(height - 36)
                .append("\" text-anchor=\"middle\">Contribution to overall heterogeneity</text>\n<text x=\"16\" y=\"").append(top + ph / 2)
                .append("\" transform=\"rotate(-90 16 ").append(top + ph / 2).append(")\" text-anchor=\"middle\">Influence on the pooled estimate</text>\n")
                .append("<text x=\"").append(left).append("\" y=\"").append(height - 12).append("\" font-size=\"11\" fill=\"#555\">")
                .append(inf.studies().stream().anyMatch(Influence.Case::influential) ? "red: influential by metafor's criteria; " : "")
                .append("x: (y - mu)² / (v + tau²); y: (mu without the study - mu)² / its variance</text>\n</svg>\n");
        return s.toString();
    }
}
