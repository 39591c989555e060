package org.strokemeta.plot;

import java.util.function.DoubleUnaryOperator;
import org.strokemeta.internal.Svg;

/**
 * The treatment effect against time as an SVG figure: the common odds ratio (log scale) at each time
 * from onset to randomisation as a line, its confidence band as a shaded area, and a dashed line at
 * an odds ratio of 1. The vertical axis spans at least 0.5 to 8 and widens to hold the band.
 */
public final class TimeCurve {
    private TimeCurve() {
    }

    /**
     * Draws the curve inside an HTML {@code figure} with its caption.
     *
     * @param minutes the times, minutes from onset to randomisation, increasing (at least two)
     * @param logCor  the log common odds ratio at each time (benefit above zero)
     * @param lower   the lower confidence limit at each time (log scale)
     * @param upper   the upper confidence limit at each time (log scale)
     * @return the {@code <figure>} element holding the SVG and its caption, ending in a line break
     * @throws IllegalArgumentException when the arrays differ in length or hold fewer than two times
     */
    public static String svg(double[] minutes, double[] logCor, double[] lower, double[] upper) {
        if (minutes.length < 2 || logCor.length != minutes.length || lower.length != minutes.length || upper.length != minutes.length) {
            throw new IllegalArgumentException("minutes, logCor, lower and upper must have one entry per time, at least two times");
        }
        int w = 640;
        int hgt = 260;
        int left = 60;
        int right = 20;
        int top = 15;
        int bottom = 45;
        double lo = Math.log(0.5);
        double hi = Math.log(8);
        for (int k = 0; k < minutes.length; k++) {
            if (Double.isFinite(lower[k])) {
                lo = Math.min(lo, lower[k]);
                hi = Math.max(hi, upper[k]);
            }
        }
        double tmin = minutes[0];
        double tmax = minutes[minutes.length - 1];
        double lo0 = lo;
        double hi0 = hi;
        DoubleUnaryOperator x = m -> left + (m - tmin) / (tmax - tmin) * (w - left - right);
        DoubleUnaryOperator y = v -> top + (hi0 - Math.max(lo0, Math.min(hi0, v))) / (hi0 - lo0) * (hgt - top - bottom);
        StringBuilder s = new StringBuilder("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + hgt
                + "\" role=\"img\" aria-label=\"common odds ratio against time\" class=\"time\" font-size=\"12\">\n");
        StringBuilder band = new StringBuilder();
        for (int k = 0; k < minutes.length; k++) {
            band.append(Svg.f(x.applyAsDouble(minutes[k]))).append(',').append(Svg.f(y.applyAsDouble(upper[k]))).append(' ');
        }
        for (int k = minutes.length - 1; k >= 0; k--) {
            band.append(Svg.f(x.applyAsDouble(minutes[k]))).append(',').append(Svg.f(y.applyAsDouble(lower[k]))).append(' ');
        }
        s.append("<polygon points=\"").append(band.toString().trim()).append("\" fill=\"#c6dbef\"/>\n");
        StringBuilder line = new StringBuilder();
        for (int k = 0; k < minutes.length; k++) {
            line.append(Svg.f(x.applyAsDouble(minutes[k]))).append(',').append(Svg.f(y.applyAsDouble(logCor[k]))).append(' ');
        }
        s.append("<polyline points=\"").append(line.toString().trim()).append("\" fill=\"none\" stroke=\"#08306b\" stroke-width=\"2\"/>\n");
        double y1 = y.applyAsDouble(0);
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(Svg.f(y1)).append("\" x2=\"").append(w - right).append("\" y2=\"")
                .append(Svg.f(y1)).append("\" stroke=\"#888\" stroke-dasharray=\"3,3\"/>\n");
        for (double v : new double[] {0.5, 1, 2, 4, 8, 16}) {
            double lv = Math.log(v);
            if (lv < lo - 1e-9 || lv > hi + 1e-9) {
                continue;
            }
            s.append("<text x=\"").append(left - 6).append("\" y=\"").append(Svg.f(y.applyAsDouble(lv) + 4)).append("\" text-anchor=\"end\">")
                    .append(v < 1 ? "0.5" : Integer.toString((int) v)).append("</text>\n");
        }
        for (double m : minutes) {
            s.append("<text x=\"").append(Svg.f(x.applyAsDouble(m))).append("\" y=\"").append(hgt - bottom + 16)
                    .append("\" text-anchor=\"middle\">").append((int) m).append("</text>\n");
        }
        s.append("<text x=\"").append((left + w - right) / 2).append("\" y=\"").append(hgt - 8).append("\" text-anchor=\"middle\">")
                .append("minutes from onset to randomisation</text>\n");
        s.append("</svg><figcaption>Common odds ratio (log scale) against time from onset to randomisation, with its confidence band.</figcaption></figure>\n");
        return s.toString();
    }
}
