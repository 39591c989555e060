package org.strokemeta.plot;

import java.util.function.DoubleUnaryOperator;
import org.strokemeta.internal.Svg;
import org.strokemeta.sensitivity.Gosh;

/**
 * The GOSH plot (Olkin, Dahabreh and Trikalinos, Res Synth Methods 2012;3:214-23; metafor's
 * {@code plot(gosh(res))}): every subset's pooled estimate (x) against its I² (y), with the histograms of
 * the two above and to the right. Up to {@link #MAX_POINTS} subsets are drawn as translucent points
 * (metafor's opacity n^-0.2); more are binned into a density raster of {@link #COLUMNS} × {@link #ROWS}
 * cells shaded by the logarithm of their count, so that the SVG stays small (tens of kilobytes) for a
 * million subsets. The fit of all the studies is marked with a cross.
 */
public final class GoshPlot {
    /** The most subsets drawn as points; more are binned. */
    public static final int MAX_POINTS = 2000;
    /** Columns of the density raster. */
    public static final int COLUMNS = 110;
    /** Rows of the density raster. */
    public static final int ROWS = 95;
    private static final int SHADES = 8;
    private static final int BINS = 30;

    private GoshPlot() {
    }

    /**
     * The plot.
     *
     * @param g       the GOSH analysis
     * @param caption the caption of the estimates' axis (the measure)
     * @return the SVG document
     * @throws IllegalArgumentException when no subset could be fitted
     */
    public static String svg(Gosh g, String caption) {
        int n = g.size();
        double x0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        int shown = 0;
        for (int s = 0; s < n; s++) {
            double e = g.estimate(s);
            double i = g.i2(s);
            if (Double.isNaN(e) || Double.isNaN(i)) {
                continue;
            }
            shown++;
            x0 = Math.min(x0, e);
            x1 = Math.max(x1, e);
            y0 = Math.min(y0, i);
            y1 = Math.max(y1, i);
        }
        if (shown == 0) {
            throw new IllegalArgumentException("no subset could be fitted: there is nothing to plot");
        }
        double padX = 0.04 * Math.max(x1 - x0, 1e-9);
        double padY = 0.04 * Math.max(y1 - y0, 1);
        double ax0 = x0 - padX;
        double ax1 = x1 + padX;
        double ay0 = Math.max(0, y0 - padY);
        double ay1 = Math.min(100, y1 + padY);
        if (ay1 <= ay0) {
            ay1 = ay0 + 1;
        }
        int left = 70;
        int hist = 80;
        int top = 20 + hist;
        int pw = 440;
        int ph = 380;
        int width = left + pw + hist + 30;
        int height = top + ph + 74;
        double fx0 = ax0;
        double fx1 = ax1;
        double fy0 = ay0;
        double fy1 = ay1;
        DoubleUnaryOperator px = v -> left + (v - fx0) / (fx1 - fx0) * pw;
        DoubleUnaryOperator py = v -> top + (fy1 - v) / (fy1 - fy0) * ph;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" "
                        + "role=\"img\" aria-label=\"GOSH plot\" class=\"gosh\" data-subsets=\"").append(n).append("\">\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        // histograms of the estimates (above) and of I² (right)
        int[] hx = new int[BINS];
        int[] hy = new int[BINS];
        for (int t = 0; t < n; t++) {
            double e = g.estimate(t);
            double i = g.i2(t);
            if (Double.isNaN(e) || Double.isNaN(i)) {
                continue;
            }
            hx[bin(e, ax0, ax1, BINS)]++;
            hy[bin(i, ay0, ay1, BINS)]++;
        }
        int mx = 1;
        int my = 1;
        for (int b = 0; b < BINS; b++) {
            mx = Math.max(mx, hx[b]);
            my = Math.max(my, hy[b]);
        }
        s.append("<g class=\"histogram estimate\" fill=\"#9fb6cd\" stroke=\"#fff\" stroke-width=\"0.5\">");
        for (int b = 0; b < BINS; b++) {
            if (hx[b] == 0) {
                continue;
            }
            double h = (hist - 8) * (double) hx[b] / mx;
            s.append("<rect x=\"").append(Svg.f(left + (double) b / BINS * pw)).append("\" y=\"").append(Svg.f(top - 4 - h)).append("\" width=\"")
                    .append(Svg.f((double) pw / BINS)).append("\" height=\"").append(Svg.f(h)).append("\"/>");
        }
        s.append("</g>\n<g class=\"histogram i2\" fill=\"#9fb6cd\" stroke=\"#fff\" stroke-width=\"0.5\">");
        for (int b = 0; b < BINS; b++) {
            if (hy[b] == 0) {
                continue;
            }
            double w = (hist - 8) * (double) hy[b] / my;
            s.append("<rect x=\"").append(left + pw + 4).append("\" y=\"").append(Svg.f(top + ph - (double) (b + 1) / BINS * ph)).append("\" width=\"")
                    .append(Svg.f(w)).append("\" height=\"").append(Svg.f((double) ph / BINS)).append("\"/>");
        }
        s.append("</g>\n");
        if (shown <= MAX_POINTS) {
            double alpha = Math.pow(shown, -0.2);
            s.append("<g class=\"points\" fill=\"#1f4e79\" fill-opacity=\"").append(Svg.fixed(alpha, 3)).append("\">");
            for (int t = 0; t < n; t++) {
                double e = g.estimate(t);
                double i = g.i2(t);
                if (Double.isNaN(e) || Double.isNaN(i)) {
                    continue;
                }
                s.append("<circle cx=\"").append(Svg.f(px.applyAsDouble(e))).append("\" cy=\"").append(Svg.f(py.applyAsDouble(i)))
                        .append("\" r=\"2.5\"/>");
            }
            s.append("</g>\n");
        } else {
            raster(s, g, ax0, ax1, ay0, ay1, left, top, pw, ph);
        }
        // the fit of all the studies
        double ex = px.applyAsDouble(g.full().pooled().estimate());
        double ey = py.applyAsDouble(Math.max(ay0, Math.min(ay1, allI2(g))));
        s.append("<path class=\"all\" d=\"M").append(Svg.f(ex - 6)).append(',').append(Svg.f(ey - 6)).append(" L").append(Svg.f(ex + 6)).append(',')
                .append(Svg.f(ey + 6)).append(" M").append(Svg.f(ex - 6)).append(',').append(Svg.f(ey + 6)).append(" L").append(Svg.f(ex + 6)).append(',')
                .append(Svg.f(ey - 6)).append("\" stroke=\"#b30000\" stroke-width=\"2\"/>\n");
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(pw).append("\" height=\"").append(ph)
                .append("\" fill=\"none\" stroke=\"#333\"/>\n");
        ForestPlot.Axis xa = new ForestPlot.Axis(ax0, ax1, left, pw, false);
        for (double t : xa.ticks()) {
            s.append("<line x1=\"").append(Svg.f(xa.x(t))).append("\" y1=\"").append(top + ph).append("\" x2=\"").append(Svg.f(xa.x(t)))
                    .append("\" y2=\"").append(top + ph + 5).append("\" stroke=\"#333\"/><text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"")
                    .append(top + ph + 18).append("\" text-anchor=\"middle\">").append(xa.label(t)).append("</text>\n");
        }
        ForestPlot.Axis ya = new ForestPlot.Axis(ay0, ay1, 0, 1, false);
        for (double t : ya.ticks()) {
            double y = py.applyAsDouble(t);
            s.append("<line x1=\"").append(left - 5).append("\" y1=\"").append(Svg.f(y)).append("\" x2=\"").append(left).append("\" y2=\"")
                    .append(Svg.f(y)).append("\" stroke=\"#333\"/><text x=\"").append(left - 8).append("\" y=\"").append(Svg.f(y + 4))
                    .append("\" text-anchor=\"end\">").append(ya.label(t)).append("</text>\n");
        }
        s.append("<text x=\"").append(left + pw / 2).append("\" y=\"").append(top + ph + 40).append("\" text-anchor=\"middle\">")
                .append(Svg.data(caption)).append("</text>\n<text x=\"18\" y=\"").append(top + ph / 2).append("\" transform=\"rotate(-90 18 ")
                .append(top + ph / 2).append(")\" text-anchor=\"middle\">I² (%)</text>\n<text x=\"").append(left).append("\" y=\"").append(height - 8)
                .append("\" font-size=\"11\" fill=\"#555\">").append(n).append(g.exact() ? " subsets (all)" : " random subsets of " + Svg.trim(g.possible()))
                .append(shown <= MAX_POINTS ? "" : ", shaded by the number in each cell").append("; red cross: all studies</text>\n</svg>\n");
        return s.toString();
    }

    /** The I² of the fit of all the studies as the subsets compute it (the subset of every study, else the model's). */
    private static double allI2(Gosh g) {
        int last = g.size() - 1;
        return g.k(last) == g.studies().size() && !Double.isNaN(g.i2(last)) ? g.i2(last) : g.full().heterogeneity().i2();
    }

    private static int bin(double v, double lo, double hi, int bins) {
        int b = (int) Math.floor((v - lo) / (hi - lo) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /** The subsets binned into cells; runs of cells of one shade in a row merged, one path per shade. */
    private static void raster(StringBuilder s, Gosh g, double ax0, double ax1, double ay0, double ay1, int left, int top, int pw, int ph) {
        int[][] count = new int[ROWS][COLUMNS];
        int max = 0;
        for (int t = 0; t < g.size(); t++) {
            double e = g.estimate(t);
            double i = g.i2(t);
            if (Double.isNaN(e) || Double.isNaN(i)) {
                continue;
            }
            int c = bin(e, ax0, ax1, COLUMNS);
            int r = ROWS - 1 - bin(i, ay0, ay1, ROWS);
            max = Math.max(max, ++count[r][c]);
        }
        double cw = (double) pw / COLUMNS;
        double ch = (double) ph / ROWS;
        StringBuilder[] paths = new StringBuilder[SHADES];
        for (int r = 0; r < ROWS; r++) {
            int c = 0;
            while (c < COLUMNS) {
                int shade = shade(count[r][c], max);
                int end = c + 1;
                while (end < COLUMNS && shade(count[r][end], max) == shade) {
                    end++;
                }
                if (shade >= 0) {
                    if (paths[shade] == null) {
                        paths[shade] = new StringBuilder();
                    }
                    paths[shade].append('M').append(Svg.f(left + c * cw)).append(',').append(Svg.f(top + r * ch)).append('h')
                            .append(Svg.f((end - c) * cw)).append('v').append(Svg.f(ch)).append('h').append(Svg.f(-(end - c) * cw)).append('z');
                }
                c = end;
            }
        }
        s.append("<g class=\"density\" fill=\"#1f4e79\" data-columns=\"").append(COLUMNS).append("\" data-rows=\"").append(ROWS).append("\">\n");
        for (int k = 0; k < SHADES; k++) {
            if (paths[k] != null) {
                s.append("<path fill-opacity=\"").append(Svg.fixed((k + 1.0) / SHADES, 3)).append("\" d=\"").append(paths[k]).append("\"/>\n");
            }
        }
        s.append("</g>\n");
    }

    /** The shade of a cell: -1 when empty, else 0..SHADES-1 by log(1 + count) / log(1 + max). */
    private static int shade(int count, int max) {
        if (count == 0) {
            return -1;
        }
        return Math.min(SHADES - 1, (int) Math.floor(Math.log1p(count) / Math.log1p(max) * SHADES));
    }
}
