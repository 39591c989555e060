package org.strokemeta.plot;

import java.util.List;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.internal.Svg;

/**
 * A funnel plot as SVG from the data of {@link FunnelPlot}: effects on the horizontal axis (ratio
 * labels on a log axis for ratio measures), standard errors downwards from 0, the pseudo-confidence
 * regions as shaded bands (from the widest level, lightest, to the narrowest), the pooled estimate as a
 * line, observed studies as filled circles and studies filled in by trim-and-fill as open ones.
 */
public final class FunnelSvg {
    private static final String[] SHADES = {"#f0f0f0", "#d9d9d9", "#bdbdbd", "#969696"};

    private FunnelSvg() {
    }

    /**
     * The funnel plot as SVG.
     *
     * @param f           the plot's data
     * @param logScale    true for ratio measures (ratio labels on a log axis)
     * @param effectLabel the effect axis caption
     * @return the SVG document
     */
    public static String svg(FunnelPlot f, boolean logScale, String effectLabel) {
        int width = 640;
        int height = 460;
        int left = 70;
        int right = 20;
        int top = 20;
        int bottom = 60;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (FunnelPlot.Point p : f.points()) {
            lo = Math.min(lo, p.yi());
            hi = Math.max(hi, p.yi());
        }
        for (FunnelPlot.Contour c : f.contours()) {
            double[] l = c.lower();
            double[] u = c.upper();
            lo = Math.min(lo, l[l.length - 1]);
            hi = Math.max(hi, u[u.length - 1]);
        }
        double pad = 0.05 * (hi - lo);
        double xmin = lo - pad;
        double xmax = hi + pad;
        double ymax = f.seMax();
        int pw = width - left - right;
        int ph = height - top - bottom;
        java.util.function.DoubleUnaryOperator x = v -> left + (v - xmin) / (xmax - xmin) * pw;
        java.util.function.DoubleUnaryOperator y = se -> top + se / ymax * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"funnel plot\" class=\"funnel\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        List<FunnelPlot.Contour> contours = f.contours();
        for (int c = 0; c < contours.size(); c++) {
            FunnelPlot.Contour ct = contours.get(c);
            double[] se = ct.se();
            double[] l = ct.lower();
            double[] u = ct.upper();
            StringBuilder pts = new StringBuilder();
            for (int i = 0; i < se.length; i++) {
                pts.append(Svg.f(x.applyAsDouble(u[i]))).append(',').append(Svg.f(y.applyAsDouble(se[i]))).append(' ');
            }
            for (int i = se.length - 1; i >= 0; i--) {
                pts.append(Svg.f(x.applyAsDouble(l[i]))).append(',').append(Svg.f(y.applyAsDouble(se[i]))).append(' ');
            }
            String fill = contours.size() == 1 ? "#f2f2f2" : SHADES[Math.min(c, SHADES.length - 1)];
            s.append("<polygon class=\"contour\" data-level=\"").append(ct.level()).append("\" points=\"").append(pts.toString().trim())
                    .append("\" fill=\"").append(fill).append("\" stroke=\"#999\" stroke-width=\"0.6\"/>\n");
        }
        double ex = x.applyAsDouble(f.estimate());
        s.append("<line class=\"estimate\" x1=\"").append(Svg.f(ex)).append("\" y1=\"").append(top).append("\" x2=\"").append(Svg.f(ex))
                .append("\" y2=\"").append(top + ph).append("\" stroke=\"#b35900\" stroke-width=\"1.5\"/>\n");
        for (FunnelPlot.Point p : f.points()) {
            s.append("<circle class=\"").append(p.filled() ? "filled" : "study").append("\" cx=\"").append(Svg.f(x.applyAsDouble(p.yi())))
                    .append("\" cy=\"").append(Svg.f(y.applyAsDouble(p.sei()))).append("\" r=\"4\" fill=\"").append(p.filled() ? "#fff" : "#1f4e79")
                    .append("\" stroke=\"#1f4e79\"><title>").append(Svg.data(p.study())).append("</title></circle>\n");
        }
        // axes
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + ph).append("\" x2=\"").append(left + pw).append("\" y2=\"")
                .append(top + ph).append("\" stroke=\"#333\"/>\n<line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(left).append("\" y2=\"").append(top + ph).append("\" stroke=\"#333\"/>\n");
        ForestPlot.Axis ax = new ForestPlot.Axis(xmin, xmax, left, pw, logScale);
        for (double t : ax.ticks()) {
            double tx = ax.x(t);
            s.append("<line x1=\"").append(Svg.f(tx)).append("\" y1=\"").append(top + ph).append("\" x2=\"").append(Svg.f(tx)).append("\" y2=\"")
                    .append(top + ph + 5).append("\" stroke=\"#333\"/><text x=\"").append(Svg.f(tx)).append("\" y=\"").append(top + ph + 18)
                    .append("\" text-anchor=\"middle\">").append(Svg.esc(ax.label(t))).append("</text>\n");
        }
        for (int i = 0; i <= 4; i++) {
            double se = ymax * i / 4;
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.f(y.applyAsDouble(se) + 4)).append("\" text-anchor=\"end\">")
                    .append(Svg.fixed(se, 2)).append("</text>\n");
        }
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(height - 20).append("\" text-anchor=\"middle\">")
                .append(Svg.esc(effectLabel)).append("</text>\n<text x=\"16\" y=\"").append(top + ph / 2).append("\" transform=\"rotate(-90 16 ")
                .append(top + ph / 2).append(")\" text-anchor=\"middle\">Standard error</text>\n</svg>\n");
        return s.toString();
    }
}
