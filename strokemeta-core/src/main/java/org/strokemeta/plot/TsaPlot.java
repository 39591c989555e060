package org.strokemeta.plot;

import java.util.function.DoubleUnaryOperator;
import org.strokemeta.internal.Svg;
import org.strokemeta.sequential.TsaResult;

/**
 * The trial sequential analysis plot (Wetterslev et al. 2008, figure 1; the Copenhagen TSA program's layout):
 * the cumulative z-curve against the cumulative number of patients, the monitoring boundaries (± the efficacy
 * boundary at each look, and the futility wedge where it is positive), the conventional ± z_{1−α/2} lines and the
 * required information size. The z-axis shows the cumulative z as computed (its sign that of the effect on the
 * analysis scale: below 0 fewer events with treatment for a binary outcome, above 0 better outcomes for the mRS shift).
 */
public final class TsaPlot {
    private TsaPlot() {
    }

    /**
     * The plot.
     *
     * @param r the analysis
     * @return the SVG document
     */
    public static String svg(TsaResult r) {
        int k = r.studies().size();
        double xmax = Math.max(r.ris(), r.information()[k - 1]) * 1.05;
        double zmax = 8;
        for (double z : r.z()) {
            zmax = Math.max(zmax, Math.abs(z) * 1.1);
        }
        int left = 70;
        int top = 24;
        int pw = 520;
        int ph = 340;
        int width = left + pw + 30;
        int height = top + ph + 84;
        DoubleUnaryOperator px = v -> left + v / xmax * pw;
        final double zm = zmax;
        DoubleUnaryOperator py = v -> top + (zm - Math.max(-zm, Math.min(zm, v))) / (2 * zm) * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"Trial sequential analysis\" class=\"tsa\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        // axes
        s.append(line(left, top + ph / 2.0, left + pw, top + ph / 2.0, "#333", null));
        s.append(line(left, top, left, top + ph, "#333", null));
        ForestPlot.Axis xa = new ForestPlot.Axis(0, xmax, left, pw, false);
        for (double t : xa.ticks()) {
            s.append(line(xa.x(t), top + ph, xa.x(t), top + ph + 5, "#333", null)).append("<text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"")
                    .append(top + ph + 18).append("\" text-anchor=\"middle\">").append(xa.label(t)).append("</text>\n");
        }
        s.append(line(left, top + ph, left + pw, top + ph, "#333", null));
        for (int z = -(int) Math.floor(zmax); z <= zmax; z += zmax > 12 ? 4 : 2) {
            double y = py.applyAsDouble(z);
            s.append(line(left - 5, y, left, y, "#333", null)).append("<text x=\"").append(left - 8).append("\" y=\"").append(Svg.f(y + 4))
                    .append("\" text-anchor=\"end\">").append(z).append("</text>\n");
        }
        // conventional limits
        double zc = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1).inverseSurvivalProbability(r.options().alpha() / 2);
        for (double sign : new double[] {-1, 1}) {
            s.append(line(left, py.applyAsDouble(sign * zc), left + pw, py.applyAsDouble(sign * zc), "#777", "4 3").replace("<line", "<line class=\"conventional\""));
        }
        // the required information size
        double xr = px.applyAsDouble(r.ris());
        s.append(line(xr, top, xr, top + ph, "#b35900", "6 3").replace("<line", "<line class=\"ris\"")).append("<text x=\"").append(Svg.f(xr - 4))
                .append("\" y=\"").append(top + 12).append("\" text-anchor=\"end\" fill=\"#b35900\">RIS ").append(Math.round(Math.ceil(r.ris())))
                .append("</text>\n");
        // monitoring boundaries through the looks with a finite boundary
        for (double sign : new double[] {-1, 1}) {
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < k; i++) {
                double b = r.alphaBoundary()[i];
                if (Double.isFinite(b)) {
                    p.append(p.length() == 0 ? "M" : " L").append(Svg.f(px.applyAsDouble(r.information()[i]))).append(',')
                            .append(Svg.f(py.applyAsDouble(sign * b)));
                }
            }
            s.append("<path class=\"boundary\" d=\"").append(p).append("\" fill=\"none\" stroke=\"#a00\" stroke-width=\"2\"/>\n");
        }
        if (r.futilityBoundary().length == k) {
            for (double sign : new double[] {-1, 1}) {
                StringBuilder p = new StringBuilder();
                for (int i = 0; i < k; i++) {
                    double f = r.futilityBoundary()[i];
                    if (f > 0) {
                        p.append(p.length() == 0 ? "M" : " L").append(Svg.f(px.applyAsDouble(r.information()[i]))).append(',')
                                .append(Svg.f(py.applyAsDouble(sign * f)));
                    }
                }
                if (p.length() > 0) {
                    s.append("<path class=\"futility\" d=\"").append(p).append("\" fill=\"none\" stroke=\"#2e7d32\" stroke-width=\"2\"/>\n");
                }
            }
        }
        // the z-curve from the origin
        StringBuilder c = new StringBuilder("M").append(Svg.f(px.applyAsDouble(0))).append(',').append(Svg.f(py.applyAsDouble(0)));
        for (int i = 0; i < k; i++) {
            c.append(" L").append(Svg.f(px.applyAsDouble(r.information()[i]))).append(',').append(Svg.f(py.applyAsDouble(r.z()[i])));
        }
        s.append("<path class=\"zcurve\" d=\"").append(c).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n");
        for (int i = 0; i < k; i++) {
            s.append("<circle class=\"look\" cx=\"").append(Svg.f(px.applyAsDouble(r.information()[i]))).append("\" cy=\"")
                    .append(Svg.f(py.applyAsDouble(r.z()[i]))).append("\" r=\"3.5\" fill=\"#1f4e79\"><title>").append(Svg.data(r.studies().get(i)))
                    .append(": z = ").append(Svg.fixed(r.z()[i], 2)).append("</title></circle>\n");
        }
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(top + ph + 40).append("\" text-anchor=\"middle\">cumulative number of patients</text>\n")
                .append("<text x=\"16\" y=\"").append(top + ph / 2).append("\" transform=\"rotate(-90 16 ").append(top + ph / 2)
                .append(")\" text-anchor=\"middle\">cumulative z</text>\n<text x=\"").append(left).append("\" y=\"")
                .append(height - 22).append("\" font-size=\"11\" fill=\"#555\">blue: z-curve; red: monitoring boundaries")
                .append(r.futilityBoundary().length == k ? "; green: futility" : "").append("; dashed: ± ").append(Svg.fixed(zc, 2))
                .append(", RIS</text>\n<text x=\"").append(left).append("\" y=\"").append(height - 8)
                .append("\" font-size=\"11\" fill=\"#555\">").append(Svg.data(r.method())).append("</text>\n</svg>\n");
        return s.toString();
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, String dash) {
        return "<line x1=\"" + Svg.f(x1) + "\" y1=\"" + Svg.f(y1) + "\" x2=\"" + Svg.f(x2) + "\" y2=\"" + Svg.f(y2) + "\" stroke=\"" + colour + "\""
                + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    }
}
