package org.strokemeta.plot;

import java.util.List;
import org.strokemeta.internal.Svg;

/**
 * Grotta bars: the distribution of an ordinal outcome (the 90-day mRS) as stacked horizontal bars, one
 * per arm, with the percentage printed inside each segment wide enough to hold it, lines joining the
 * category boundaries of consecutive bars, n per bar and a legend. The colours run from dark blue
 * (mRS 0) through light tones to dark orange-brown (mRS 6): a sequential-diverging scale whose
 * neighbours stay distinct under the common colour-vision deficiencies. Merged categories (mRS 5-6)
 * are labelled as such.
 */
public final class GrottaPlot {
    /** mRS 0 (dark) to 6 (dark brown); a colour-blind-safe scale. */
    public static final String[] COLOURS = {"#08306b", "#2171b5", "#6baed6", "#c6dbef", "#fdd0a2", "#f16913", "#7f2704"};

    private GrottaPlot() {
    }

    /**
     * One bar.
     *
     * @param label  its label (for example "Thrombectomy")
     * @param counts patients per category
     */
    public record Bar(String label, double[] counts) {
        /**
         * Copies the counts.
         *
         * @param label its label (for example "Thrombectomy")
         * @param counts patients per category
         */
        public Bar {
            counts = counts.clone();
        }

        double n() {
            double s = 0;
            for (double c : counts) {
                s += c;
            }
            return s;
        }
    }

    /**
     * @param bars           the bars, top to bottom (usually treatment, then control)
     * @param categoryLabels the category names (mRS 0 ... mRS 6, or with "mRS 5-6" when merged)
     * The Grotta bars: one horizontal bar per arm, split by category in proportion to its patients.
     *
     * @return the SVG document
     */
    public static String svg(List<Bar> bars, List<String> categoryLabels) {
        int width = 780;
        int left = 170;
        int right = 20;
        int bar = 34;
        int gap = 30;
        int top = 14;
        int plot = width - left - right;
        int k = categoryLabels.size();
        int legendRows = (k + 6) / 7;
        int height = top + bars.size() * bar + (bars.size() - 1) * gap + 16 + 20 * legendRows + 10;
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"13\" role=\"img\" "
                        + "aria-label=\"Grotta bars\" class=\"grotta\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        double[][] edges = new double[bars.size()][k + 1];
        for (int a = 0; a < bars.size(); a++) {
            Bar b = bars.get(a);
            double n = b.n();
            int y = top + a * (bar + gap);
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + bar / 2 + 5).append("\" text-anchor=\"end\">")
                    .append(Svg.data(b.label())).append(" (n=").append((long) n).append(")</text>\n");
            double x = 0;
            for (int j = 0; j < k; j++) {
                double share = n > 0 && j < b.counts().length ? b.counts()[j] / n : 0;
                double w = share * plot;
                s.append("<rect class=\"segment\" x=\"").append(Svg.f(left + x)).append("\" y=\"").append(y).append("\" width=\"").append(Svg.f(w))
                        .append("\" height=\"").append(bar).append("\" fill=\"").append(colour(j, k)).append("\"><title>")
                        .append(Svg.esc(categoryLabels.get(j))).append(": ").append((long) (j < b.counts().length ? b.counts()[j] : 0)).append(" (")
                        .append(Svg.fixed(100 * share, 1)).append("%)</title></rect>\n");
                if (w > 26) {
                    boolean dark = j <= 1 || j >= k - 2;
                    s.append("<text x=\"").append(Svg.f(left + x + w / 2)).append("\" y=\"").append(y + bar / 2 + 5)
                            .append("\" text-anchor=\"middle\" font-size=\"12\" fill=\"").append(dark ? "#fff" : "#000").append("\">")
                            .append(Math.round(100 * share)).append("</text>\n");
                }
                x += w;
                edges[a][j + 1] = x;
            }
        }
        for (int a = 0; a + 1 < bars.size(); a++) {
            int y1 = top + a * (bar + gap) + bar;
            for (int j = 1; j < k; j++) {
                s.append("<line x1=\"").append(Svg.f(left + edges[a][j])).append("\" y1=\"").append(y1).append("\" x2=\"")
                        .append(Svg.f(left + edges[a + 1][j])).append("\" y2=\"").append(y1 + gap).append("\" stroke=\"#555\" stroke-width=\"0.8\"/>\n");
            }
        }
        int ly = top + bars.size() * bar + (bars.size() - 1) * gap + 28;
        for (int j = 0; j < k; j++) {
            int lx = left + (j % 7) * 84;
            int yy = ly + (j / 7) * 20;
            s.append("<rect x=\"").append(lx).append("\" y=\"").append(yy - 11).append("\" width=\"12\" height=\"12\" fill=\"").append(colour(j, k))
                    .append("\"/><text x=\"").append(lx + 16).append("\" y=\"").append(yy).append("\" font-size=\"12\">")
                    .append(Svg.esc(categoryLabels.get(j))).append("</text>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    /**
     * The mRS labels, with categories from..to merged into one.
     *
     * @param categories the number of categories (7 for mRS 0-6; fewer when the last ones are merged)
     * @return "mRS 0" ... "mRS 6", the last one "mRS j-6" when merged
     */
    public static List<String> mrsLabels(int categories) {
        List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < categories; j++) {
            out.add(j == categories - 1 && categories < 7 ? "mRS " + j + "-6" : "mRS " + j);
        }
        return out;
    }

    /**
     * The labels of an ordinal outcome's categories: "mRS j" for the modified Rankin scale, "category j"
     * for any other scale, with the categories a merge joined given as one ("mRS 5-6", "category 0-1").
     *
     * @param mrs        whether the outcome is the mRS (its count columns are named mrs0, mrs1, ...)
     * @param categories the number of categories before any merge
     * @param from       the first merged category, or -1 for no merge
     * @param to         the last merged category
     * @return one label per category after the merge
     */
    public static List<String> labels(boolean mrs, int categories, int from, int to) {
        String prefix = mrs ? "mRS " : "category ";
        List<String> out = new java.util.ArrayList<>();
        for (int j = 0; j < categories; j++) {
            if (from >= 0 && j > from && j <= to) {
                continue;
            }
            out.add(from >= 0 && j == from ? prefix + from + "-" + to : prefix + j);
        }
        return out;
    }

    /** The colour of category j of k: the ends of the scale stay fixed when categories are merged. */
    static String colour(int j, int k) {
        if (k == COLOURS.length) {
            return COLOURS[j];
        }
        return COLOURS[(int) Math.round((double) j * (COLOURS.length - 1) / Math.max(1, k - 1))];
    }
}
