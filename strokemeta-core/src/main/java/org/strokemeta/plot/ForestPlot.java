package org.strokemeta.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strokemeta.internal.Svg;

/**
 * A forest plot as self-contained SVG (text as text): one row per estimate with its label and any
 * extra columns (for example events/total per arm), a square sized by the weight, the confidence
 * interval with an arrow where it leaves the axis, diamonds for pooled estimates, a bar for a
 * prediction interval, headings and subtotals for subgroups, footer lines (heterogeneity, overall
 * effect, test for subgroup differences), a log axis with ratio labels for ratio measures (a linear one
 * otherwise) and the "favours" labels. Long labels are cut in the middle with an ellipsis, keeping their
 * start and end, and keep their full text as a tooltip. Every text is escaped.
 */
public final class ForestPlot {
    private static final int ROW = 22;
    private static final int CHAR = 7;

    private ForestPlot() {
    }

    /** What a row shows. */
    public enum Kind {
        /** A study: square and interval. */
        STUDY,
        /** A pooled estimate: diamond. */
        SUMMARY,
        /** An interval alone, such as a prediction interval. */
        INTERVAL,
        /** A heading, such as a subgroup's name. */
        HEADING,
        /** A line of text. */
        NOTE
    }

    /**
     * One row, estimates on the analysis scale (log for ratio measures).
     *
     * @param label  the text at the left (leading spaces indent it)
     * @param kind   what is drawn
     * @param est    the estimate
     * @param lo     the lower limit
     * @param hi     the upper limit
     * @param weight percentage weight (NaN: fixed-size square, no weight text)
     * @param cells  texts of the extra columns
     * @param note   text in the plot area (NOTE rows) or in the estimate column (HEADING rows), or null
     */
    public record Row(String label, Kind kind, double est, double lo, double hi, double weight, List<String> cells, String note) {
        /**
         * Copies the cells (null means none).
         *
         * @param label the text at the left (leading spaces indent it)
         * @param kind what is drawn
         * @param est the estimate
         * @param lo the lower limit
         * @param hi the upper limit
         * @param weight percentage weight (NaN: fixed-size square, no weight text)
         * @param cells texts of the extra columns
         * @param note text in the plot area (NOTE rows) or in the estimate column (HEADING rows), or null
         */
        public Row {
            cells = cells == null ? List.of() : List.copyOf(cells);
        }

        /**
         * A study: a square sized by its weight, and its interval.
         *
         * @param label  the study's label
         * @param est    the estimate (analysis scale)
         * @param lo     the lower limit
         * @param hi     the upper limit
         * @param weight the percentage weight
         * @param cells  texts of the extra columns
         * @return the row
         */
        public static Row study(String label, double est, double lo, double hi, double weight, List<String> cells) {
            return new Row(label, Kind.STUDY, est, lo, hi, weight, cells, null);
        }

        /**
         * A pooled estimate, drawn as a diamond.
         *
         * @param label the label
         * @param est   the estimate (analysis scale)
         * @param lo    the lower limit
         * @param hi    the upper limit
         * @return the row
         */
        public static Row summary(String label, double est, double lo, double hi) {
            return new Row(label, Kind.SUMMARY, est, lo, hi, Double.NaN, List.of(), null);
        }

        /**
         * An interval without a square, such as a prediction interval.
         *
         * @param label the label
         * @param est   the centre (analysis scale)
         * @param lo    the lower limit
         * @param hi    the upper limit
         * @return the row
         */
        public static Row interval(String label, double est, double lo, double hi) {
            return new Row(label, Kind.INTERVAL, est, lo, hi, Double.NaN, List.of(), null);
        }

        /**
         * A heading, such as a subgroup's name.
         *
         * @param label the heading
         * @param right text in the estimate column, or null
         * @return the row
         */
        public static Row heading(String label, String right) {
            return new Row(label, Kind.HEADING, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), right);
        }

        /**
         * A line of text in the plot area.
         *
         * @param label the text at the left
         * @param note  the text in the plot area
         * @return the row
         */
        public static Row note(String label, String note) {
            return new Row(label, Kind.NOTE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), note);
        }
    }

    /**
     * What to draw.
     *
     * @param rows         the rows, top to bottom
     * @param columns      headers of the extra columns (as many as each row's cells)
     * @param logScale     true for ratio measures: the axis is logarithmic, labelled with ratios, the null line at 1
     * @param effectLabel  the axis caption, e.g. "Risk ratio (log scale)"
     * @param favoursLeft  text under the left half
     * @param favoursRight text under the right half
     * @param footer       lines under the plot (heterogeneity, overall effect, test for differences)
     * @param maxLabel     the longest label shown in full (characters)
     * @param natural      for measures analysed on a transformed scale other than the log of a ratio (a logit
     *                     proportion, Fisher's z): the back-transformation that gives the estimates' column and
     *                     the axis labels on the natural scale (the rows stay on the analysis scale); null for none
     * @param labelHeader  the header of the labels' column ("Study", or "Treatment" in a network)
     */
    public record Spec(List<Row> rows, List<String> columns, boolean logScale, String effectLabel, String favoursLeft,
                       String favoursRight, List<String> footer, int maxLabel, java.util.function.DoubleUnaryOperator natural,
                       String labelHeader) {
        /**
         * Copies the lists.
         *
         * @param rows the rows, top to bottom
         * @param columns headers of the extra columns (as many as each row's cells)
         * @param logScale true for ratio measures: the axis is logarithmic, labelled with ratios, the null line at 1
         * @param effectLabel the axis caption, e.g. "Risk ratio (log scale)"
         * @param favoursLeft text under the left half
         * @param favoursRight text under the right half
         * @param footer lines under the plot (heterogeneity, overall effect, test for differences)
         * @param maxLabel the longest label shown in full (characters)
         * @param natural the back-transformation of the estimates' column and axis labels, or null for none
         * @param labelHeader the header of the labels' column (null: "Study")
         */
        public Spec {
            rows = List.copyOf(rows);
            columns = List.copyOf(columns);
            footer = List.copyOf(footer);
            labelHeader = labelHeader == null ? "Study" : labelHeader;
        }

        /**
         * What to draw, the labels' column headed "Study".
         *
         * @param rows the rows, top to bottom
         * @param columns headers of the extra columns (as many as each row's cells)
         * @param logScale true for ratio measures: the axis is logarithmic, labelled with ratios, the null line at 1
         * @param effectLabel the axis caption, e.g. "Risk ratio (log scale)"
         * @param favoursLeft text under the left half
         * @param favoursRight text under the right half
         * @param footer lines under the plot (heterogeneity, overall effect, test for differences)
         * @param maxLabel the longest label shown in full (characters)
         * @param natural the back-transformation of the estimates' column and axis labels, or null for none
         */
        public Spec(List<Row> rows, List<String> columns, boolean logScale, String effectLabel, String favoursLeft,
                    String favoursRight, List<String> footer, int maxLabel, java.util.function.DoubleUnaryOperator natural) {
            this(rows, columns, logScale, effectLabel, favoursLeft, favoursRight, footer, maxLabel, natural, "Study");
        }

        /**
         * A copy with another header of the labels' column.
         *
         * @param header the header
         * @return a copy
         */
        public Spec withLabelHeader(String header) {
            return new Spec(rows, columns, logScale, effectLabel, favoursLeft, favoursRight, footer, maxLabel, natural, header);
        }

        /**
         * What to draw, with the values labelled on the analysis scale (exponentiated for ratios).
         *
         * @param rows the rows, top to bottom
         * @param columns headers of the extra columns (as many as each row's cells)
         * @param logScale true for ratio measures: the axis is logarithmic, labelled with ratios, the null line at 1
         * @param effectLabel the axis caption, e.g. "Risk ratio (log scale)"
         * @param favoursLeft text under the left half
         * @param favoursRight text under the right half
         * @param footer lines under the plot (heterogeneity, overall effect, test for differences)
         * @param maxLabel the longest label shown in full (characters)
         */
        public Spec(List<Row> rows, List<String> columns, boolean logScale, String effectLabel, String favoursLeft,
                    String favoursRight, List<String> footer, int maxLabel) {
            this(rows, columns, logScale, effectLabel, favoursLeft, favoursRight, footer, maxLabel, null, "Study");
        }
    }

    /**
     * The SVG document.
     *
     * @param s what to draw
     * @return the SVG document
     */
    public static String svg(Spec s) {
        int longest = 8;
        for (Row r : s.rows()) {
            longest = Math.max(longest, Math.min(s.maxLabel(), r.label().length()));
        }
        int labelW = Math.max(140, longest * CHAR + 16);
        int colW = 86;
        int plotW = 320;
        int estW = 150;
        int weightW = 56;
        boolean weights = s.rows().stream().anyMatch(r -> r.kind() == Kind.STUDY && !Double.isNaN(r.weight()));
        int plotX = labelW + colW * s.columns().size();
        int width = plotX + plotW + estW + (weights ? weightW : 0) + 10;
        int top = 34;
        int footerH = 18 * s.footer().size();
        int height = top + s.rows().size() * ROW + 52 + footerH + 8;
        double[] range = range(s);
        Axis axis = new Axis(range[0], range[1], plotX, plotW, s.logScale(), s.natural());
        StringBuilder b = new StringBuilder(4096 + 400 * s.rows().size());
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" "
                        + "font-size=\"13\" role=\"img\" aria-label=\"forest plot\" class=\"forest\">\n");
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        // header
        b.append(text(6, top - 12, s.labelHeader(), "start", "font-weight=\"600\""));
        for (int c = 0; c < s.columns().size(); c++) {
            b.append(text(labelW + colW * c + colW / 2.0, top - 12, s.columns().get(c), "middle", "font-weight=\"600\""));
        }
        b.append(text(plotX + plotW + 8, top - 12, s.logScale() ? "Ratio [95% CI]" : "Estimate [95% CI]", "start", "font-weight=\"600\""));
        if (weights) {
            b.append(text(plotX + plotW + estW + weightW - 6, top - 12, "Weight", "end", "font-weight=\"600\""));
        }
        double nullX = axis.x(s.logScale() ? 0 : 0);
        int bottom = top + s.rows().size() * ROW;
        b.append(line(nullX, top - 4, nullX, bottom, "#777", 1, "3,3"));
        for (int i = 0; i < s.rows().size(); i++) {
            Row r = s.rows().get(i);
            double y = top + i * ROW + ROW / 2.0;
            String label = r.label().stripLeading();
            int indent = 6 + 10 * (r.label().length() - label.length());
            boolean bold = r.kind() == Kind.HEADING || r.kind() == Kind.SUMMARY;
            String shown = shorten(label, Math.min(s.maxLabel(), Svg.MAX_TEXT));
            b.append("<text x=\"").append(indent).append("\" y=\"").append(Svg.f(y + 4)).append('"').append(bold ? " font-weight=\"600\"" : "")
                    .append(">").append(shown.equals(label) ? "" : "<title>" + Svg.data(label) + "</title>").append(Svg.esc(shown)).append("</text>\n");
            for (int c = 0; c < r.cells().size() && c < s.columns().size(); c++) {
                b.append(text(labelW + colW * c + colW / 2.0, y + 4, r.cells().get(c), "middle", ""));
            }
            switch (r.kind()) {
                case STUDY, INTERVAL -> {
                    String colour = r.kind() == Kind.INTERVAL ? "#b22222" : "#222";
                    b.append(line(axis.x(r.lo()), y, axis.x(r.hi()), y, colour, r.kind() == Kind.INTERVAL ? 3 : 1.4, null));
                    if (r.lo() < axis.min) {
                        b.append(arrow(plotX, y, -1));
                    }
                    if (r.hi() > axis.max) {
                        b.append(arrow(plotX + plotW, y, 1));
                    }
                    if (r.kind() == Kind.STUDY && Double.isFinite(r.est())) {
                        double size = Double.isNaN(r.weight()) ? 8 : 4 + 2.4 * Math.sqrt(Math.max(0, r.weight()));
                        double cx = axis.x(r.est());
                        b.append("<rect class=\"study\" x=\"").append(Svg.f(cx - size / 2)).append("\" y=\"").append(Svg.f(y - size / 2))
                                .append("\" width=\"").append(Svg.f(size)).append("\" height=\"").append(Svg.f(size)).append("\" fill=\"#1f4e79\"/>\n");
                    }
                    b.append(text(plotX + plotW + 8, y + 4, estimate(r, s), "start", "font-size=\"12\""));
                    if (r.kind() == Kind.STUDY && !Double.isNaN(r.weight())) {
                        b.append(text(plotX + plotW + estW + weightW - 6, y + 4, Svg.fixed(r.weight(), 1) + "%", "end", "font-size=\"12\""));
                    }
                }
                case SUMMARY -> {
                    double a = axis.x(r.lo());
                    double c = axis.x(r.hi());
                    double m = axis.x(r.est());
                    b.append("<polygon class=\"diamond\" data-estimate=\"").append(r.est()).append("\" points=\"").append(Svg.f(a)).append(',')
                            .append(Svg.f(y)).append(' ').append(Svg.f(m)).append(',').append(Svg.f(y - 7)).append(' ').append(Svg.f(c)).append(',')
                            .append(Svg.f(y)).append(' ').append(Svg.f(m)).append(',').append(Svg.f(y + 7)).append("\" fill=\"#b35900\"/>\n");
                    b.append(text(plotX + plotW + 8, y + 4, estimate(r, s), "start", "font-size=\"12\" font-weight=\"600\""));
                }
                case NOTE -> b.append(text(plotX + 8, y + 4, r.note(), "start", "fill=\"#666\" font-size=\"12\""));
                case HEADING -> {
                    if (r.note() != null) {
                        b.append(text(plotX + plotW + 8, y + 4, r.note(), "start", "font-size=\"12\""));
                    }
                }
            }
        }
        // axis
        int ay = bottom + 6;
        b.append(line(plotX, ay, plotX + plotW, ay, "#333", 1, null));
        for (double t : axis.ticks()) {
            double tx = axis.x(t);
            b.append(line(tx, ay, tx, ay + 5, "#333", 1, null));
            b.append(text(tx, ay + 18, axis.label(t), "middle", "font-size=\"12\""));
        }
        if (!s.favoursLeft().isBlank()) {
            b.append(text(nullX - 6, ay + 34, "← " + s.favoursLeft(), "end", "font-size=\"12\""));
        }
        if (!s.favoursRight().isBlank()) {
            b.append(text(nullX + 6, ay + 34, s.favoursRight() + " →", "start", "font-size=\"12\""));
        }
        b.append(text(plotX + plotW / 2.0, ay + 48, s.effectLabel(), "middle", "font-size=\"12\" fill=\"#444\""));
        int fy = ay + 52;
        for (String f : s.footer()) {
            fy += 18;
            b.append(text(6, fy, f, "start", "font-size=\"12\""));
        }
        b.append("</svg>\n");
        return b.toString();
    }

    /**
     * A label cut to n characters in the middle, keeping its start and its end (where trial names often
     * differ: "... 2015", "... part B"); the full label stays in the tooltip.
     */
    static String shorten(String label, int n) {
        if (label.length() <= n) {
            return label;
        }
        int tail = Math.max(4, (n - 1) * 2 / 5);
        int head = n - 1 - tail;
        return label.substring(0, head).stripTrailing() + "…" + label.substring(label.length() - tail).stripLeading();
    }

    private static double[] range(Spec s) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Row r : s.rows()) {
            if (r.kind() == Kind.STUDY || r.kind() == Kind.SUMMARY || r.kind() == Kind.INTERVAL) {
                if (Double.isFinite(r.lo())) {
                    lo = Math.min(lo, r.lo());
                }
                if (Double.isFinite(r.hi())) {
                    hi = Math.max(hi, r.hi());
                }
            }
        }
        if (!(lo < hi)) {
            lo = -1;
            hi = 1;
        }
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
        if (s.logScale()) {
            // at most 1:1000 either side; wider intervals get arrows
            lo = Math.max(lo, Math.log(1e-3));
            hi = Math.min(hi, Math.log(1e3));
        } else {
            double span = hi - lo;
            lo -= 0.05 * span;
            hi += 0.05 * span;
        }
        return new double[] {lo, hi};
    }

    private static String estimate(Row r, Spec s) {
        if (s.natural() != null) {
            // on the natural scale, the interval put back in order after the transformation (as metafor's predict)
            double lo = s.natural().applyAsDouble(r.lo());
            double hi = s.natural().applyAsDouble(r.hi());
            return natural(s.natural().applyAsDouble(r.est())) + " [" + natural(lo > hi ? hi : lo) + ", " + natural(lo > hi ? lo : hi) + "]";
        }
        boolean log = s.logScale();
        java.util.function.DoubleFunction<String> f = v -> log ? Svg.fixed(Math.exp(v), 2) : Svg.fixed(v, 2);
        return f.apply(r.est()) + " [" + f.apply(r.lo()) + ", " + f.apply(r.hi()) + "]";
    }

    /** A back-transformed value (a proportion, a rate, a correlation): two decimals from 1 up, two significant digits below. */
    static String natural(double v) {
        if (!Double.isFinite(v) || Math.abs(v) >= 1) {
            return Svg.fixed(v, 2);
        }
        return v == 0 ? "0" : Svg.trim(new java.math.BigDecimal(v).round(new java.math.MathContext(2)).doubleValue());
    }

    private static String text(double x, double y, String s, String anchor, String extra) {
        return "<text x=\"" + Svg.f(x) + "\" y=\"" + Svg.f(y) + "\" text-anchor=\"" + anchor + "\"" + (extra.isEmpty() ? "" : " " + extra) + ">"
                + Svg.esc(s) + "</text>\n";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return "<line x1=\"" + Svg.f(x1) + "\" y1=\"" + Svg.f(y1) + "\" x2=\"" + Svg.f(x2) + "\" y2=\"" + Svg.f(y2) + "\" stroke=\"" + colour
                + "\" stroke-width=\"" + Svg.f(width) + "\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + "/>\n";
    }

    private static String arrow(double x, double y, int dir) {
        return "<polygon class=\"clipped\" points=\"" + Svg.f(x) + "," + Svg.f(y) + " " + Svg.f(x - dir * 7) + "," + Svg.f(y - 4) + " "
                + Svg.f(x - dir * 7) + "," + Svg.f(y + 4) + "\" fill=\"#222\"/>\n";
    }

    /** The horizontal axis: data (log for ratios) to pixels, and its ticks. */
    static final class Axis {
        final double min;
        final double max;
        final int x0;
        final int w;
        final boolean log;
        /** The back-transformation of the tick labels, or null. */
        final java.util.function.DoubleUnaryOperator natural;

        Axis(double min, double max, int x0, int w, boolean log) {
            this(min, max, x0, w, log, null);
        }

        Axis(double min, double max, int x0, int w, boolean log, java.util.function.DoubleUnaryOperator natural) {
            this.min = min;
            this.max = max;
            this.x0 = x0;
            this.w = w;
            this.log = log;
            this.natural = natural;
        }

        double x(double v) {
            double c = Math.max(min, Math.min(max, v));
            return x0 + (c - min) / (max - min) * w;
        }

        List<Double> ticks() {
            List<Double> out = new ArrayList<>();
            if (log) {
                double[] nice = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
                List<Double> inside = new ArrayList<>();
                for (double t : nice) {
                    double l = Math.log(t);
                    if (l >= min - 1e-9 && l <= max + 1e-9) {
                        inside.add(l);
                    }
                }
                int step = Math.max(1, (int) Math.ceil(inside.size() / 7.0));
                int one = inside.indexOf(0.0);
                for (int i = 0; i < inside.size(); i++) {
                    if ((i - one) % step == 0) {
                        out.add(inside.get(i));
                    }
                }
                return out;
            }
            double span = max - min;
            double raw = span / 6;
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
            // whole multiples of the step, rounded to its decimals (adding the step up would carry binary error into the labels)
            int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
            for (long i = (long) Math.ceil(min / step - 1e-9); i * step <= max + 1e-9; i++) {
                double t = java.math.BigDecimal.valueOf(i * step).setScale(decimals, java.math.RoundingMode.HALF_EVEN).doubleValue();
                out.add(t == 0 ? 0 : t);
            }
            return out;
        }

        String label(double t) {
            if (natural != null) {
                return natural(natural.applyAsDouble(t));
            }
            if (!log) {
                return Svg.trim(t);
            }
            double v = Math.exp(t);
            return v >= 1 ? Svg.trim(Math.round(v)) : String.format(Locale.ROOT, "%s", Svg.trim(Math.round(v * 1000) / 1000.0));
        }
    }
}
