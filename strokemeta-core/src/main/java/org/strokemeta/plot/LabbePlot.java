package org.strokemeta.plot;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Svg;
import org.strokemeta.pool.MetaResult;

/**
 * The L'Abbé plot (L'Abbé et al., Ann Intern Med 1987;107:224-33; metafor's {@code labbe()}): each
 * study's outcome in the treatment arm against the control arm, on the scale of the measure (log odds
 * for OR, log risk for RR, risk for RD), with the line of no effect (y = x) and the line of the pooled
 * effect (y = x + estimate). The arms' continuity correction is metafor's for single-arm outcomes: the
 * value added to both cells of an arm with a zero cell (only0), of every arm (all), or of every arm of
 * that side when any has a zero cell (if0all).
 */
public final class LabbePlot {
    private LabbePlot() {
    }

    /**
     * One study.
     *
     * @param study   the study
     * @param control the control arm's outcome on the measure's scale
     * @param treated the treatment arm's
     * @param weight  its weight in the pooled analysis, in percent
     */
    public record Point(String study, double control, double treated, double weight) {
    }

    /**
     * The points of a pooled analysis of arm counts.
     *
     * @param r the pooled result (OR, RR or RD from arm counts)
     * @param c the continuity correction of the arms
     * @return one point per study, in data order
     * @throws IllegalArgumentException for another measure or without arm counts
     */
    public static List<Point> points(MetaResult r, Continuity c) {
        EffectSizes es = r.effects();
        Measure m = es.measure();
        if ((m != Measure.OR && m != Measure.RR && m != Measure.RD) || !(es.input() instanceof BinaryStudies s)) {
            throw new IllegalArgumentException("a L'Abbé plot shows arm counts pooled as OR, RR or RD");
        }
        boolean anyZeroT = false;
        boolean anyZeroC = false;
        for (int i = 0; i < es.size(); i++) {
            int row = es.rows(i);
            anyZeroT |= s.eventsTreat(row) == 0 || s.eventsTreat(row) == s.totalTreat(row);
            anyZeroC |= s.eventsCtrl(row) == 0 || s.eventsCtrl(row) == s.totalCtrl(row);
        }
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
            int row = es.rows(i);
            double t = arm(m, c, s.eventsTreat(row), s.totalTreat(row), anyZeroT);
            double u = arm(m, c, s.eventsCtrl(row), s.totalCtrl(row), anyZeroC);
            out.add(new Point(es.study(i), u, t, r.weights(i)));
        }
        return out;
    }

    /** One arm's outcome: log odds, log risk or risk, with the arm's continuity correction. */
    private static double arm(Measure m, Continuity c, double events, double total, boolean anyZero) {
        double a = events;
        double b = total - events;
        boolean zero = a == 0 || b == 0;
        boolean add = switch (c.to()) {
            case ALL -> true;
            case ONLY0 -> zero;
            case IF0ALL -> anyZero;
            case NONE -> false;
        };
        if (add) {
            a += c.add();
            b += c.add();
        }
        return switch (m) {
            case OR -> Math.log(a / b);
            case RR -> Math.log(a / (a + b));
            default -> a / (a + b);
        };
    }

    /**
     * The plot.
     *
     * @param r the pooled result
     * @param c the continuity correction of the arms
     * @return the SVG document
     */
    public static String svg(MetaResult r, Continuity c) {
        List<Point> pts = points(r, c);
        Measure m = r.effects().measure();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double wmax = 0;
        for (Point p : pts) {
            lo = Math.min(lo, Math.min(p.control(), p.treated()));
            hi = Math.max(hi, Math.max(p.control(), p.treated()));
            wmax = Math.max(wmax, p.weight());
        }
        double pad = 0.06 * Math.max(hi - lo, 1e-6);
        double a0 = lo - pad;
        double a1 = hi + pad;
        int size = 460;
        int left = 70;
        int top = 20;
        int pw = size - left - 20;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - a0) / (a1 - a0) * pw;
        java.util.function.DoubleUnaryOperator py = v -> top + (a1 - v) / (a1 - a0) * pw;
        int height = top + pw + 70;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(size).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(size).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" "
                        + "role=\"img\" aria-label=\"L'Abbé plot\" class=\"labbe\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        s.append("<defs><clipPath id=\"labbe-area\"><rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(pw)
                .append("\" height=\"").append(pw).append("\"/></clipPath></defs>\n");
        // the line of no effect and the line of the pooled effect
        s.append("<line class=\"null\" x1=\"").append(Svg.f(px.applyAsDouble(a0))).append("\" y1=\"").append(Svg.f(py.applyAsDouble(a0)))
                .append("\" x2=\"").append(Svg.f(px.applyAsDouble(a1))).append("\" y2=\"").append(Svg.f(py.applyAsDouble(a1)))
                .append("\" stroke=\"#888\" stroke-dasharray=\"4 3\" clip-path=\"url(#labbe-area)\"/>\n");
        double b = r.pooled().estimate();
        s.append("<line class=\"pooled\" x1=\"").append(Svg.f(px.applyAsDouble(a0))).append("\" y1=\"").append(Svg.f(py.applyAsDouble(a0 + b)))
                .append("\" x2=\"").append(Svg.f(px.applyAsDouble(a1))).append("\" y2=\"").append(Svg.f(py.applyAsDouble(a1 + b)))
                .append("\" stroke=\"#b35900\" stroke-width=\"2\" clip-path=\"url(#labbe-area)\"/>\n");
        for (Point p : pts) {
            double rad = 3 + 10 * Math.sqrt(p.weight() / Math.max(wmax, 1e-12));
            s.append("<circle class=\"study\" cx=\"").append(Svg.f(px.applyAsDouble(p.control()))).append("\" cy=\"")
                    .append(Svg.f(py.applyAsDouble(p.treated()))).append("\" r=\"").append(Svg.f(rad))
                    .append("\" fill=\"#1f4e79\" fill-opacity=\"0.45\" stroke=\"#1f4e79\"><title>").append(Svg.data(p.study())).append("</title></circle>\n");
        }
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(pw).append("\" height=\"").append(pw)
                .append("\" fill=\"none\" stroke=\"#333\"/>\n");
        ForestPlot.Axis ax = new ForestPlot.Axis(a0, a1, left, pw, false);
        for (double t : ax.ticks()) {
            s.append("<text x=\"").append(Svg.f(ax.x(t))).append("\" y=\"").append(top + pw + 18).append("\" text-anchor=\"middle\">")
                    .append(ax.label(t)).append("</text>\n<text x=\"").append(left - 6).append("\" y=\"").append(Svg.f(py.applyAsDouble(t) + 4))
                    .append("\" text-anchor=\"end\">").append(ax.label(t)).append("</text>\n");
        }
        String scale = m == Measure.OR ? "log odds" : m == Measure.RR ? "log risk" : "risk";
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(top + pw + 40).append("\" text-anchor=\"middle\">Control arm (")
                .append(scale).append(")</text>\n<text x=\"16\" y=\"").append(top + pw / 2).append("\" transform=\"rotate(-90 16 ")
                .append(top + pw / 2).append(")\" text-anchor=\"middle\">Treatment arm (").append(scale).append(")</text>\n")
                .append("<text x=\"").append(left).append("\" y=\"").append(height - 8).append("\" font-size=\"11\" fill=\"#555\">dashed: no effect; ")
                .append("solid: the pooled ").append(m.name()).append("; circle areas: weights</text>\n</svg>\n");
        return s.toString();
    }
}
