package org.strokemeta.report;

import java.util.List;

/**
 * A forest plot as inline SVG: one row per estimate on a log-ratio axis (squares sized by weight when
 * given, lines for the confidence intervals, arrows where an interval leaves the axis), diamonds for
 * pooled estimates, a bar for a prediction interval, headings and notes, and the "favours" labels.
 */
final class Forest {
    private Forest() {
    }

    /** What a row shows. */
    enum Kind {
        STUDY, SUMMARY, INTERVAL, HEADING, NOTE
    }

    /**
     * One row: estimate and limits on the log scale.
     *
     * @param label  the text at the left
     * @param kind   what is drawn
     * @param est    the log estimate
     * @param lo     the lower limit
     * @param hi     the upper limit
     * @param weight percentage weight (NaN: fixed-size marker)
     * @param note   text shown instead of an estimate
     */
    record Row(String label, Kind kind, double est, double lo, double hi, double weight, String note) {
        static Row study(String label, double est, double lo, double hi, double weight) {
            return new Row(label, Kind.STUDY, est, lo, hi, weight, null);
        }

        static Row summary(String label, double est, double lo, double hi) {
            return new Row(label, Kind.SUMMARY, est, lo, hi, Double.NaN, null);
        }

        static Row interval(String label, double est, double lo, double hi) {
            return new Row(label, Kind.INTERVAL, est, lo, hi, Double.NaN, null);
        }

        static Row heading(String label) {
            return heading(label, null);
        }

        /** A heading with a text in the estimates' column (for example the p-value of a subgroup's interaction test). */
        static Row heading(String label, String right) {
            return new Row(label, Kind.HEADING, Double.NaN, Double.NaN, Double.NaN, Double.NaN, right);
        }

        static Row note(String label, String note) {
            return new Row(label, Kind.NOTE, Double.NaN, Double.NaN, Double.NaN, Double.NaN, note);
        }
    }

    static String svg(List<Row> rows, String axisLabel, String favoursLeft, String favoursRight) {
        double min = Math.log(0.25);
        double max = Math.log(8);
        for (Row r : rows) {
            if (r.kind() == Kind.STUDY || r.kind() == Kind.SUMMARY || r.kind() == Kind.INTERVAL) {
                if (Double.isFinite(r.lo())) {
                    min = Math.min(min, Math.max(r.lo(), Math.log(0.02)));
                }
                if (Double.isFinite(r.hi())) {
                    max = Math.max(max, Math.min(r.hi(), Math.log(50)));
                }
            }
        }
        int labelW = 300;
        int plotW = 360;
        int textW = 170;
        int width = labelW + plotW + textW;
        int rowH = 22;
        int top = 10;
        int height = top + rows.size() * rowH + 60;
        double lmin = min;
        double lmax = max;
        java.util.function.DoubleUnaryOperator x = v -> labelW + (Math.max(lmin, Math.min(lmax, v)) - lmin) / (lmax - lmin) * plotW;
        StringBuilder s = new StringBuilder();
        s.append("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"forest plot\" class=\"forest\" font-size=\"13\">\n");
        double x1 = x.applyAsDouble(0);
        s.append("<line x1=\"").append(StudyHtml.f1(x1)).append("\" y1=\"").append(top).append("\" x2=\"").append(StudyHtml.f1(x1)).append("\" y2=\"")
                .append(top + rows.size() * rowH).append("\" stroke=\"#888\" stroke-dasharray=\"3,3\"/>\n");
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            int y = top + i * rowH + rowH / 2;
            boolean bold = r.kind() == Kind.HEADING || r.kind() == Kind.SUMMARY;
            // a label starting with spaces is indented (subgroup levels under their heading)
            String label = r.label().stripLeading();
            int indent = 4 + 8 * (r.label().length() - label.length());
            s.append("<text x=\"").append(indent).append("\" y=\"").append(y + 4).append('"').append(bold ? " font-weight=\"600\"" : "")
                    .append(">").append(StudyHtml.esc(cut(label, 44))).append("</text>\n");
            switch (r.kind()) {
                case STUDY, INTERVAL -> {
                    double a = x.applyAsDouble(r.lo());
                    double b = x.applyAsDouble(r.hi());
                    String colour = r.kind() == Kind.INTERVAL ? "#b22222" : "#222";
                    s.append("<line x1=\"").append(StudyHtml.f1(a)).append("\" y1=\"").append(y).append("\" x2=\"").append(StudyHtml.f1(b))
                            .append("\" y2=\"").append(y).append("\" stroke=\"").append(colour).append("\" stroke-width=\"")
                            .append(r.kind() == Kind.INTERVAL ? 3 : 1.5).append("\"/>\n");
                    arrows(s, r, y, lmin, lmax, labelW, plotW);
                    if (r.kind() == Kind.STUDY) {
                        double size = Double.isNaN(r.weight()) ? 8 : 4 + Math.sqrt(Math.max(0, r.weight())) * 2.2;
                        double cx = x.applyAsDouble(r.est());
                        s.append("<rect x=\"").append(StudyHtml.f1(cx - size / 2)).append("\" y=\"").append(StudyHtml.f1(y - size / 2))
                                .append("\" width=\"").append(StudyHtml.f1(size)).append("\" height=\"").append(StudyHtml.f1(size))
                                .append("\" fill=\"#1f4e79\"/>\n");
                    }
                    estimateText(s, r, y, labelW + plotW + 8);
                }
                case SUMMARY -> {
                    double a = x.applyAsDouble(r.lo());
                    double b = x.applyAsDouble(r.hi());
                    double c = x.applyAsDouble(r.est());
                    s.append("<polygon points=\"").append(StudyHtml.f1(a)).append(',').append(y).append(' ').append(StudyHtml.f1(c)).append(',')
                            .append(y - 7).append(' ').append(StudyHtml.f1(b)).append(',').append(y).append(' ').append(StudyHtml.f1(c)).append(',')
                            .append(y + 7).append("\" fill=\"#b35900\"/>\n");
                    estimateText(s, r, y, labelW + plotW + 8);
                }
                case HEADING -> {
                    if (r.note() != null) {
                        s.append("<text x=\"").append(labelW + plotW + 8).append("\" y=\"").append(y + 4).append("\" font-size=\"12\">")
                                .append(StudyHtml.esc(r.note())).append("</text>\n");
                    }
                }
                case NOTE -> s.append("<text x=\"").append(labelW + 8).append("\" y=\"").append(y + 4).append("\" fill=\"#777\">")
                        .append(StudyHtml.esc(cut(r.note(), 60))).append("</text>\n");
                default -> {
                }
            }
        }
        int ay = top + rows.size() * rowH + 6;
        s.append("<line x1=\"").append(labelW).append("\" y1=\"").append(ay).append("\" x2=\"").append(labelW + plotW).append("\" y2=\"").append(ay)
                .append("\" stroke=\"#333\"/>\n");
        for (double t : new double[] {0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32}) {
            double lt = Math.log(t);
            if (lt < lmin - 1e-9 || lt > lmax + 1e-9) {
                continue;
            }
            double tx = x.applyAsDouble(lt);
            s.append("<line x1=\"").append(StudyHtml.f1(tx)).append("\" y1=\"").append(ay).append("\" x2=\"").append(StudyHtml.f1(tx)).append("\" y2=\"")
                    .append(ay + 5).append("\" stroke=\"#333\"/><text x=\"").append(StudyHtml.f1(tx)).append("\" y=\"").append(ay + 18)
                    .append("\" text-anchor=\"middle\" font-size=\"12\">").append(t < 1 ? Double.toString(t) : Integer.toString((int) t)).append("</text>\n");
        }
        s.append("<text x=\"").append(StudyHtml.f1(x1 - 6)).append("\" y=\"").append(ay + 36).append("\" text-anchor=\"end\" font-size=\"12\">← ")
                .append(StudyHtml.esc(favoursLeft)).append("</text><text x=\"").append(StudyHtml.f1(x1 + 6)).append("\" y=\"").append(ay + 36)
                .append("\" font-size=\"12\">").append(StudyHtml.esc(favoursRight)).append(" →</text>\n");
        s.append("</svg><figcaption>").append(StudyHtml.esc(axisLabel)).append("</figcaption></figure>\n");
        return s.toString();
    }

    private static void arrows(StringBuilder s, Row r, int y, double lmin, double lmax, int labelW, int plotW) {
        if (r.lo() < lmin) {
            s.append("<polygon points=\"").append(labelW).append(',').append(y).append(' ').append(labelW + 7).append(',').append(y - 4).append(' ')
                    .append(labelW + 7).append(',').append(y + 4).append("\" fill=\"#222\"/>\n");
        }
        if (r.hi() > lmax) {
            int e = labelW + plotW;
            s.append("<polygon points=\"").append(e).append(',').append(y).append(' ').append(e - 7).append(',').append(y - 4).append(' ')
                    .append(e - 7).append(',').append(y + 4).append("\" fill=\"#222\"/>\n");
        }
    }

    private static void estimateText(StringBuilder s, Row r, int y, int x) {
        s.append("<text x=\"").append(x).append("\" y=\"").append(y + 4).append("\" font-size=\"12\">")
                .append(IpdReport.ratio(r.est(), r.lo(), r.hi())).append(Double.isNaN(r.weight()) ? "" : "  " + Fmt.f(r.weight(), 1) + "%")
                .append("</text>\n");
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
