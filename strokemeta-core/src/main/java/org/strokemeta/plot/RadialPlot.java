package org.strokemeta.plot;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.internal.Svg;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;

/**
 * The radial (Galbraith) plot of a model without moderators (Galbraith, Stat Med 1988;7:889-94;
 * metafor's {@code radial()} and {@code galbraith()}): each study at x = 1/sqrt(v + tau²), its precision,
 * and z = y/sqrt(v + tau²), its standardised effect (tau² = 0 for a fixed-effect model). A line through the
 * origin has slope equal to the effect it stands for, so the pooled estimate is the line z = estimate·x, the
 * studies consistent with it lie within the band of ± the normal quantile of the model's level around it
 * (± 1.96 at 95%), and the effects are read off an arc on the right, where the pooled estimate's
 * confidence interval is marked too. Centred (metafor's {@code center = TRUE}), the effects are taken
 * minus the pooled estimate and the pooled line is horizontal.
 */
public final class RadialPlot {
    private RadialPlot() {
    }

    /**
     * One study.
     *
     * @param study the study
     * @param x     its precision 1/sqrt(v + tau²)
     * @param z     its standardised (centred) effect (y - centre)/sqrt(v + tau²)
     * @serial exclude
     */
    public record Point(String study, double x, double z) implements Serializable {
    }

    /**
     * The coordinates of the plot.
     *
     * @param points   one point per study, in data order
     * @param slope    the slope of the pooled line: the estimate, or 0 when centred
     * @param centre   what was taken off every effect: the estimate when centred, else 0
     * @param ciLower  the lower limit of the pooled estimate's confidence interval, as the effects (centred or not)
     * @param ciUpper  the upper limit
     * @param zcrit    the half-width of the band around the pooled line (the normal quantile of the model's level)
     * @param tau2     the tau² in the precisions (0 for a fixed-effect model)
     * @param centred  whether the effects are centred at the estimate
     * @serial exclude
     */
    public record Coordinates(List<Point> points, double slope, double centre, double ciLower, double ciUpper, double zcrit, double tau2,
                              boolean centred) implements Serializable {
        /**
         * Copies the points.
         *
         * @param points  the points
         * @param slope   the slope
         * @param centre  the centre
         * @param ciLower the lower limit
         * @param ciUpper the upper limit
         * @param zcrit   the half-width of the band
         * @param tau2    tau²
         * @param centred whether centred
         */
        public Coordinates {
            points = List.copyOf(points);
        }
    }

    /**
     * The coordinates of a pooled analysis, as metafor's {@code radial(res, center = centred)} returns them.
     *
     * @param r       the pooled result (a model without moderators)
     * @param centred take the pooled estimate off every effect (metafor's {@code center = TRUE})
     * @return the coordinates
     * @throws IllegalArgumentException when a study has no sampling variance and tau² is 0 (its precision is infinite)
     */
    public static Coordinates coordinates(MetaResult r, boolean centred) {
        EffectSizes es = r.effects();
        double tau2 = r.options().model() == Model.RANDOM ? r.heterogeneity().tau2() : 0;
        double b = r.pooled().estimate();
        double centre = centred ? b : 0;
        List<Point> pts = new ArrayList<>(es.size());
        for (int i = 0; i < es.size(); i++) {
            double s = Math.sqrt(es.vi(i) + tau2);
            if (!(s > 0)) {
                throw new IllegalArgumentException("a radial plot needs a positive sampling variance or tau²: study " + es.study(i)
                        + " has neither");
            }
            pts.add(new Point(es.study(i), 1 / s, (es.yi(i) - centre) / s));
        }
        return new Coordinates(pts, b - centre, centre, r.pooled().ciLower() - centre, r.pooled().ciUpper() - centre,
                Dist.zCrit(r.options().level()), tau2, centred);
    }

    /**
     * The plot, laid out as metafor's: the x axis from 0 to 1.3 times the largest precision, the shaded band
     * of ± zcrit around the pooled line, the arc of effects at 1.14 times that range from the origin with seven
     * labelled effects from the smallest to the largest study's, and the arc of the pooled estimate's interval
     * inside it with ticks at its limits and at the estimate.
     *
     * @param c       the coordinates
     * @param natural the labels of the effects' arc: from the analysis scale to the one shown (the identity,
     *                or exp for ratio measures)
     * @param caption the caption of the arc (the measure)
     * @return the SVG document
     */
    public static String svg(Coordinates c, DoubleUnaryOperator natural, String caption) {
        List<Point> pts = c.points();
        double xmaxData = 0;
        double zmin = Double.POSITIVE_INFINITY;
        double zmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        for (Point p : pts) {
            xmaxData = Math.max(xmaxData, p.x());
            zmin = Math.min(zmin, p.z());
            zmax = Math.max(zmax, p.z());
            double y = p.z() / p.x();
            ymin = Math.min(ymin, y);
            ymax = Math.max(ymax, y);
        }
        double x1 = 1.3 * xmaxData;
        double ciPos = x1 * 1.12;
        double yaPos = x1 * 1.14;
        double b = c.slope();
        double zc = c.zcrit();
        // metafor's limits of the vertical axis
        double lo = Math.min(-5, Math.min(1.10 * zmin, Math.min(1.10 * c.ciLower() * ciPos, Math.min(1.10 * ymin * yaPos, -1.10 * zc + x1 * b))));
        double hi = Math.max(5, Math.max(1.10 * zmax, Math.max(1.10 * c.ciUpper() * ciPos, Math.max(1.10 * ymax * yaPos, 1.10 * zc + x1 * b))));
        int side = 380;
        int left = 80;
        int top = 20;
        int width = left + side + 150;
        int height = top + side + 74;
        double sx = side / x1;
        double sz = side / (hi - lo);
        DoubleUnaryOperator px = v -> left + v * sx;
        DoubleUnaryOperator py = v -> top + (hi - v) * sz;
        double ox = px.applyAsDouble(0);
        double oy = py.applyAsDouble(0);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" "
                        + "role=\"img\" aria-label=\"Radial plot\" class=\"radial\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append("<defs><clipPath id=\"radial-area\"><rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(side)
                .append("\" height=\"").append(side).append("\"/></clipPath></defs>\n");
        // the band of ± zcrit around the pooled line
        s.append("<polygon class=\"band\" points=\"").append(pt(ox, py.applyAsDouble(zc))).append(' ')
                .append(pt(px.applyAsDouble(x1), py.applyAsDouble(zc + x1 * b))).append(' ')
                .append(pt(px.applyAsDouble(x1), py.applyAsDouble(-zc + x1 * b))).append(' ').append(pt(ox, py.applyAsDouble(-zc)))
                .append("\" fill=\"#e3e3e3\" clip-path=\"url(#radial-area)\"/>\n");
        s.append("<line class=\"pooled\" x1=\"").append(Svg.f(ox)).append("\" y1=\"").append(Svg.f(oy)).append("\" x2=\"")
                .append(Svg.f(px.applyAsDouble(x1))).append("\" y2=\"").append(Svg.f(py.applyAsDouble(x1 * b)))
                .append("\" stroke=\"#b35900\" stroke-width=\"2\" clip-path=\"url(#radial-area)\"/>\n");
        for (double sign : new double[] {-1, 1}) {
            s.append("<line class=\"limit\" x1=\"").append(Svg.f(ox)).append("\" y1=\"").append(Svg.f(py.applyAsDouble(sign * zc)))
                    .append("\" x2=\"").append(Svg.f(px.applyAsDouble(x1))).append("\" y2=\"").append(Svg.f(py.applyAsDouble(sign * zc + x1 * b)))
                    .append("\" stroke=\"#555\" stroke-dasharray=\"2 3\" clip-path=\"url(#radial-area)\"/>\n");
        }
        // axes: x at the bottom, z on the left with ticks at -4..4 and labels at -2, 0, 2 (as metafor)
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + side).append("\" x2=\"").append(left + side).append("\" y2=\"")
                .append(top + side).append("\" stroke=\"#333\"/><line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(left).append("\" y2=\"").append(top + side).append("\" stroke=\"#333\"/>\n");
        ForestPlot.Axis xa = new ForestPlot.Axis(0, x1, left, side, false);
        for (double t : xa.ticks()) {
            s.append("<line x1=\"").append(Svg.f(xa.x(t))).append("\" y1=\"").append(top + side).append("\" x2=\"").append(Svg.f(xa.x(t)))
                    .append("\" y2=\"").append(top + side + 5).append("\" stroke=\"#333\"/><text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"")
                    .append(top + side + 18).append("\" text-anchor=\"middle\">").append(xa.label(t)).append("</text>\n");
        }
        for (int t = -4; t <= 4; t++) {
            double y = py.applyAsDouble(t);
            boolean labelled = t % 2 == 0 && Math.abs(t) <= 2;
            s.append("<line x1=\"").append(left - (labelled ? 5 : 3)).append("\" y1=\"").append(Svg.f(y)).append("\" x2=\"").append(left)
                    .append("\" y2=\"").append(Svg.f(y)).append("\" stroke=\"#333\"/>");
            if (labelled) {
                s.append("<text x=\"").append(left - 8).append("\" y=\"").append(Svg.f(y + 4)).append("\" text-anchor=\"end\">").append(t)
                        .append("</text>");
            }
            s.append('\n');
        }
        // the arc of effects and its labels, circular on the page around the origin
        double rArc = yaPos * sx;
        StringBuilder arc = new StringBuilder();
        int res = 100;
        for (int i = 0; i < res; i++) {
            double y = ymin + (ymax - ymin) * i / (res - 1);
            double[] q = onArc(ox, oy, rArc, y, sx, sz);
            if (q[1] >= top && q[1] <= top + side) {
                arc.append(arc.length() == 0 ? "M" : " L").append(pt(q[0], q[1]));
            }
        }
        s.append("<path class=\"arc\" d=\"").append(arc).append("\" fill=\"none\" stroke=\"#333\"/>\n");
        for (int i = 0; i < 7; i++) {
            double y = ymin + (ymax - ymin) * i / 6;
            double[] a = onArc(ox, oy, rArc, y, sx, sz);
            double[] e = onArc(ox, oy, rArc + 0.015 * side, y, sx, sz);
            double[] l = onArc(ox, oy, rArc + 0.02 * side + 3, y, sx, sz);
            if (a[1] < top || a[1] > top + side || e[1] < top || e[1] > top + side) {
                continue;
            }
            s.append("<line x1=\"").append(Svg.f(a[0])).append("\" y1=\"").append(Svg.f(a[1])).append("\" x2=\"").append(Svg.f(e[0]))
                    .append("\" y2=\"").append(Svg.f(e[1])).append("\" stroke=\"#333\"/><text class=\"effect\" x=\"").append(Svg.f(l[0]))
                    .append("\" y=\"").append(Svg.f(l[1] + 4)).append("\">").append(Svg.fixed(natural.applyAsDouble(y + c.centre()), 2))
                    .append("</text>\n");
        }
        // the arc of the pooled estimate's interval, ticks at its limits and at the estimate
        double rCi = ciPos * sx;
        StringBuilder ci = new StringBuilder();
        for (int i = 0; i < 25; i++) {
            double y = c.ciLower() + (c.ciUpper() - c.ciLower()) * i / 24;
            double[] q = onArc(ox, oy, rCi, y, sx, sz);
            if (q[1] >= top && q[1] <= top + side) {
                ci.append(ci.length() == 0 ? "M" : " L").append(pt(q[0], q[1]));
            }
        }
        s.append("<path class=\"ci\" d=\"").append(ci).append("\" fill=\"none\" stroke=\"#b35900\" stroke-width=\"2\"/>\n");
        for (double y : new double[] {c.ciLower(), b, c.ciUpper()}) {
            double[] a = onArc(ox, oy, rCi - 0.007 * side * 1.3, y, sx, sz);
            double[] e = onArc(ox, oy, rCi + 0.007 * side * 1.3, y, sx, sz);
            if (a[1] >= top && a[1] <= top + side && e[1] >= top && e[1] <= top + side) {
                s.append("<line x1=\"").append(Svg.f(a[0])).append("\" y1=\"").append(Svg.f(a[1])).append("\" x2=\"").append(Svg.f(e[0]))
                        .append("\" y2=\"").append(Svg.f(e[1])).append("\" stroke=\"#b35900\" stroke-width=\"2\"/>\n");
            }
        }
        for (Point p : pts) {
            s.append("<circle class=\"study\" cx=\"").append(Svg.f(px.applyAsDouble(p.x()))).append("\" cy=\"").append(Svg.f(py.applyAsDouble(p.z())))
                    .append("\" r=\"3.5\" fill=\"#1f4e79\"><title>").append(Svg.data(p.study())).append("</title></circle>\n");
        }
        String v = c.tau2() > 0 ? "v + tau²" : "v";
        s.append("<text x=\"").append(left + side / 2).append("\" y=\"").append(top + side + 40).append("\" text-anchor=\"middle\">x = 1 / sqrt(")
                .append(v).append(")</text>\n<text x=\"18\" y=\"").append(top + side / 2).append("\" transform=\"rotate(-90 18 ").append(top + side / 2)
                .append(")\" text-anchor=\"middle\">z = ").append(c.centred() ? "(y - estimate)" : "y").append(" / sqrt(").append(v)
                .append(")</text>\n<text x=\"").append(width - 4).append("\" y=\"").append(top + 12).append("\" text-anchor=\"end\" font-size=\"11\">")
                .append(Svg.data(caption)).append("</text>\n<text x=\"").append(left).append("\" y=\"").append(height - 8)
                .append("\" font-size=\"11\" fill=\"#555\">solid: the pooled estimate (slope); band: ± ").append(Svg.fixed(zc, 2))
                .append("; arcs: effects, and the pooled estimate's confidence interval</text>\n</svg>\n");
        return s.toString();
    }

    /** The point at distance r (pixels) from the origin on the line of slope y (data units), drawn as a circle on the page. */
    private static double[] onArc(double ox, double oy, double r, double y, double sx, double sz) {
        double dx = sx;
        double dy = y * sz;
        double n = Math.hypot(dx, dy);
        return new double[] {ox + r * dx / n, oy - r * dy / n};
    }

    private static String pt(double x, double y) {
        return Svg.f(x) + "," + Svg.f(y);
    }
}
