package org.strokemeta.plot;

import org.strokemeta.internal.Dist;
import org.strokemeta.internal.Svg;
import org.strokemeta.pool.ModelFit;
import org.strokemeta.regression.Design;
import org.strokemeta.regression.RegressionResult;

/**
 * The bubble plot of a meta-regression on one numeric moderator: each study's effect against the
 * moderator, as a circle whose area is proportional to its weight in the model, with the fitted line
 * and its confidence band (as metafor's regplot).
 */
public final class BubblePlot {
    private BubblePlot() {
    }

    /**
     * @param r         the meta-regression (its first design column is the moderator drawn)
     * @param logScale  true for ratio measures (ratio labels on the effect axis)
     * @param effect    the effect axis caption
     * @return the SVG document
     * @throws IllegalArgumentException if the model has more than one design column
     */
    public static String svg(RegressionResult r, boolean logScale, String effect) {
        Design d = r.design();
        if (d.names().size() != 1) {
            throw new IllegalArgumentException("a bubble plot shows one numeric moderator; the model has " + d.names().size() + " columns");
        }
        double[] x = d.columns()[0];
        double[] y = new double[x.length];
        double[] w = r.fit().weights();
        for (int i = 0; i < x.length; i++) {
            y[i] = r.effects().yi(d.positions(i));
        }
        ModelFit f = r.fit();
        double crit = f.df() > 0 && !Double.isNaN(f.df()) && f.options().ciMethod() == org.strokemeta.pool.CiMethod.KNHA
                ? Dist.tCrit(f.options().level(), f.df()) : Dist.zCrit(f.options().level());
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = Double.NEGATIVE_INFINITY;
        double ymin = Double.POSITIVE_INFINITY;
        double ymax = Double.NEGATIVE_INFINITY;
        double wmax = 0;
        for (int i = 0; i < x.length; i++) {
            xmin = Math.min(xmin, x[i]);
            xmax = Math.max(xmax, x[i]);
            ymin = Math.min(ymin, y[i]);
            ymax = Math.max(ymax, y[i]);
            wmax = Math.max(wmax, w[i]);
        }
        double xpad = 0.05 * (xmax - xmin);
        double ypad = 0.1 * (ymax - ymin);
        xmin -= xpad;
        xmax += xpad;
        ymin -= ypad;
        ymax += ypad;
        int width = 640;
        int height = 440;
        int left = 70;
        int top = 20;
        int pw = width - left - 20;
        int ph = height - top - 60;
        double x0 = xmin;
        double x1 = xmax;
        double y0 = ymin;
        double y1 = ymax;
        java.util.function.DoubleUnaryOperator px = v -> left + (v - x0) / (x1 - x0) * pw;
        java.util.function.DoubleUnaryOperator py = v -> top + (y1 - Math.max(y0, Math.min(y1, v))) / (y1 - y0) * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" "
                        + "role=\"img\" aria-label=\"bubble plot\" class=\"bubble\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        int steps = 60;
        StringBuilder band = new StringBuilder();
        StringBuilder line = new StringBuilder();
        double[][] vb = f.vb();
        for (int k = 0; k <= steps; k++) {
            double xv = x0 + (x1 - x0) * k / steps;
            double pred = f.beta(0) + f.beta(1) * xv;
            double se = Math.sqrt(vb[0][0] + xv * xv * vb[1][1] + 2 * xv * vb[0][1]);
            band.append(Svg.f(px.applyAsDouble(xv))).append(',').append(Svg.f(py.applyAsDouble(pred + crit * se))).append(' ');
            line.append(Svg.f(px.applyAsDouble(xv))).append(',').append(Svg.f(py.applyAsDouble(pred))).append(' ');
        }
        for (int k = steps; k >= 0; k--) {
            double xv = x0 + (x1 - x0) * k / steps;
            double pred = f.beta(0) + f.beta(1) * xv;
            double se = Math.sqrt(vb[0][0] + xv * xv * vb[1][1] + 2 * xv * vb[0][1]);
            band.append(Svg.f(px.applyAsDouble(xv))).append(',').append(Svg.f(py.applyAsDouble(pred - crit * se))).append(' ');
        }
        s.append("<polygon class=\"band\" points=\"").append(band.toString().trim()).append("\" fill=\"#deebf7\"/>\n");
        s.append("<polyline class=\"fit\" points=\"").append(line.toString().trim()).append("\" fill=\"none\" stroke=\"#08306b\" stroke-width=\"2\"/>\n");
        for (int i = 0; i < x.length; i++) {
            double rad = 3 + 12 * Math.sqrt(w[i] / wmax);
            s.append("<circle class=\"study\" cx=\"").append(Svg.f(px.applyAsDouble(x[i]))).append("\" cy=\"").append(Svg.f(py.applyAsDouble(y[i])))
                    .append("\" r=\"").append(Svg.f(rad)).append("\" fill=\"#1f4e79\" fill-opacity=\"0.45\" stroke=\"#1f4e79\"><title>")
                    .append(Svg.data(r.effects().study(d.positions(i)))).append("</title></circle>\n");
        }
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(top + ph).append("\" x2=\"").append(left + pw).append("\" y2=\"").append(top + ph)
                .append("\" stroke=\"#333\"/><line x1=\"").append(left).append("\" y1=\"").append(top).append("\" x2=\"").append(left)
                .append("\" y2=\"").append(top + ph).append("\" stroke=\"#333\"/>\n");
        ForestPlot.Axis xa = new ForestPlot.Axis(x0, x1, left, pw, false);
        for (double t : xa.ticks()) {
            s.append("<text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"").append(top + ph + 18).append("\" text-anchor=\"middle\">")
                    .append(xa.label(t)).append("</text>\n");
        }
        ForestPlot.Axis ya = new ForestPlot.Axis(y0, y1, 0, 1, logScale);
        for (double t : ya.ticks()) {
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.f(py.applyAsDouble(t) + 4)).append("\" text-anchor=\"end\">")
                    .append(ya.label(t)).append("</text>\n");
        }
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(height - 20).append("\" text-anchor=\"middle\">").append(Svg.esc(d.names().get(0)))
                .append("</text>\n<text x=\"16\" y=\"").append(top + ph / 2).append("\" transform=\"rotate(-90 16 ").append(top + ph / 2)
                .append(")\" text-anchor=\"middle\">").append(Svg.esc(effect)).append("</text>\n</svg>\n");
        return s.toString();
    }
}
