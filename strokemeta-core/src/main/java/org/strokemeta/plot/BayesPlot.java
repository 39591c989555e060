package org.strokemeta.plot;

import java.util.function.DoubleUnaryOperator;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.internal.Svg;

/**
 * The plots of a Bayesian random-effects meta-analysis, as bayesmeta draws them (Röver 2020, figures 2-4): the
 * joint posterior density of (mu, tau) as a shaded map with the marginal densities beside it, and a forest plot
 * of each trial's estimate with its confidence interval beside its shrinkage (posterior) interval, the overall
 * effect and the effect of a new trial.
 */
public final class BayesPlot {
    private BayesPlot() {
    }

    /**
     * The joint and marginal posteriors: the map of p(mu, tau | y) (darker = denser), p(mu | y) above it and
     * p(tau | y) to its right; the posterior medians marked.
     *
     * @param r       the posterior
     * @param caption the effect's name (analysis scale)
     * @return the SVG document
     */
    public static String posterior(BayesResult r, String caption) {
        BayesResult.Densities d = r.densities();
        int n = d.mu().length;
        int left = 60;
        int top = 110;
        int side = 320;
        int marg = 90;
        int width = left + side + marg + 30;
        int height = top + side + 60;
        double m0 = d.mu()[0];
        double m1 = d.mu()[n - 1];
        double t1 = d.tau()[n - 1];
        DoubleUnaryOperator px = v -> left + (v - m0) / (m1 - m0) * side;
        DoubleUnaryOperator py = v -> top + side - v / t1 * side;
        double jmax = 0;
        for (double v : d.joint()) {
            jmax = Math.max(jmax, v);
        }
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"Posterior of mu and tau\" class=\"bayes-posterior\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        double cw = (double) side / (n - 1);
        for (int row = 0; row < n - 1; row++) {
            for (int col = 0; col < n - 1; col++) {
                double v = (d.joint()[row * n + col] + d.joint()[row * n + col + 1] + d.joint()[(row + 1) * n + col]
                        + d.joint()[(row + 1) * n + col + 1]) / 4 / jmax;
                if (v < 0.005) {
                    continue;
                }
                int shade = (int) Math.round(255 - 200 * Math.min(1, v));
                s.append("<rect class=\"joint\" x=\"").append(Svg.f(left + col * cw)).append("\" y=\"").append(Svg.f(top + side - (row + 1) * cw))
                        .append("\" width=\"").append(Svg.f(cw + 0.3)).append("\" height=\"").append(Svg.f(cw + 0.3)).append("\" fill=\"rgb(")
                        .append(shade).append(',').append(shade).append(",255)\"/>\n");
            }
        }
        // axes of the map
        s.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"").append(side).append("\" height=\"").append(side)
                .append("\" fill=\"none\" stroke=\"#333\"/>\n");
        ForestPlot.Axis xa = new ForestPlot.Axis(m0, m1, left, side, false);
        for (double t : xa.ticks()) {
            s.append("<line x1=\"").append(Svg.f(xa.x(t))).append("\" y1=\"").append(top + side).append("\" x2=\"").append(Svg.f(xa.x(t)))
                    .append("\" y2=\"").append(top + side + 5).append("\" stroke=\"#333\"/><text x=\"").append(Svg.f(xa.x(t))).append("\" y=\"")
                    .append(top + side + 18).append("\" text-anchor=\"middle\">").append(xa.label(t)).append("</text>\n");
        }
        ForestPlot.Axis ya = new ForestPlot.Axis(0, t1, 0, 1, false);
        for (double t : ya.ticks()) {
            double y = py.applyAsDouble(t);
            s.append("<line x1=\"").append(left - 5).append("\" y1=\"").append(Svg.f(y)).append("\" x2=\"").append(left).append("\" y2=\"")
                    .append(Svg.f(y)).append("\" stroke=\"#333\"/><text x=\"").append(left - 8).append("\" y=\"").append(Svg.f(y + 4))
                    .append("\" text-anchor=\"end\">").append(ya.label(t)).append("</text>\n");
        }
        // marginal of mu above, of tau to the right
        double mmax = 0;
        for (double v : d.muDensity()) {
            mmax = Math.max(mmax, v);
        }
        StringBuilder pm = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pm.append(i == 0 ? "M" : " L").append(Svg.f(px.applyAsDouble(d.mu()[i]))).append(',')
                    .append(Svg.f(top - 10 - d.muDensity()[i] / mmax * (marg - 10)));
        }
        s.append("<path class=\"marginal-mu\" d=\"").append(pm).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n");
        double tmax = 0;
        for (double v : d.tauDensity()) {
            tmax = Math.max(tmax, v);
        }
        StringBuilder pt = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pt.append(i == 0 ? "M" : " L").append(Svg.f(left + side + 10 + d.tauDensity()[i] / tmax * (marg - 10))).append(',')
                    .append(Svg.f(py.applyAsDouble(d.tau()[i])));
        }
        s.append("<path class=\"marginal-tau\" d=\"").append(pt).append("\" fill=\"none\" stroke=\"#1f4e79\" stroke-width=\"2\"/>\n");
        double xm = px.applyAsDouble(r.mu().median());
        s.append("<line class=\"median\" x1=\"").append(Svg.f(xm)).append("\" y1=\"").append(top - marg).append("\" x2=\"").append(Svg.f(xm))
                .append("\" y2=\"").append(top + side).append("\" stroke=\"#b35900\" stroke-dasharray=\"4 3\"/>\n");
        double ym = py.applyAsDouble(r.tau().median());
        s.append("<line class=\"median\" x1=\"").append(left).append("\" y1=\"").append(Svg.f(ym)).append("\" x2=\"").append(left + side + marg)
                .append("\" y2=\"").append(Svg.f(ym)).append("\" stroke=\"#b35900\" stroke-dasharray=\"4 3\"/>\n");
        s.append("<text x=\"").append(left + side / 2).append("\" y=\"").append(top + side + 40).append("\" text-anchor=\"middle\">mu (")
                .append(Svg.data(caption)).append(")</text>\n<text x=\"16\" y=\"").append(top + side / 2).append("\" transform=\"rotate(-90 16 ")
                .append(top + side / 2).append(")\" text-anchor=\"middle\">tau</text>\n<text x=\"").append(left).append("\" y=\"14\" font-size=\"11\" "
                        + "fill=\"#555\">joint posterior (shaded), marginal posteriors of mu (top) and tau (right), medians dashed</text>\n</svg>\n");
        return s.toString();
    }

    /**
     * The forest plot with shrinkage intervals: for each trial its estimate with the confidence interval of the
     * credible level (thin) and its posterior effect with the credible interval (thick), then the overall effect
     * mu and the effect of a new trial.
     *
     * @param r       the posterior
     * @param natural the axis labels' back-transformation (exp for ratio measures, else the identity)
     * @param log     whether the axis is for a ratio measure (labels as ratios)
     * @param caption the effect's name
     * @return the SVG document
     */
    public static String forest(BayesResult r, DoubleUnaryOperator natural, boolean log, String caption) {
        int k = r.studies().size();
        double z = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1)
                .inverseSurvivalProbability((1 - r.options().level()) / 2);
        double lo = Math.min(r.mu().lower(), r.predictive().lower());
        double hi = Math.max(r.mu().upper(), r.predictive().upper());
        for (int i = 0; i < k; i++) {
            double se = Math.sqrt(r.v()[i]);
            lo = Math.min(lo, Math.min(r.y()[i] - z * se, r.shrinkage().get(i).lower()));
            hi = Math.max(hi, Math.max(r.y()[i] + z * se, r.shrinkage().get(i).upper()));
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        int labelW = 190;
        int pw = 380;
        int row = 24;
        int top = 30;
        int rows = k + 3;
        int width = labelW + pw + 30;
        int height = top + rows * row + 60;
        ForestPlot.Axis ax = new ForestPlot.Axis(lo, hi, labelW, pw, log);
        StringBuilder s = new StringBuilder();
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"Liberation Sans, Arial, Helvetica, sans-serif\" font-size=\"12\" role=\"img\" "
                        + "aria-label=\"Forest plot with shrinkage intervals\" class=\"bayes-forest\">\n<rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>\n");
        double nullX = ax.x(0);
        s.append("<line x1=\"").append(Svg.f(nullX)).append("\" y1=\"").append(top - 10).append("\" x2=\"").append(Svg.f(nullX)).append("\" y2=\"")
                .append(top + rows * row).append("\" stroke=\"#999\"/>\n");
        for (int i = 0; i < k; i++) {
            double y = top + i * row + row / 2.0;
            double se = Math.sqrt(r.v()[i]);
            BayesResult.Summary sh = r.shrinkage().get(i);
            s.append("<text x=\"4\" y=\"").append(Svg.f(y + 4)).append("\">").append(Svg.data(r.studies().get(i))).append("</text>\n");
            s.append("<line class=\"observed\" x1=\"").append(Svg.f(ax.x(r.y()[i] - z * se))).append("\" y1=\"").append(Svg.f(y - 4))
                    .append("\" x2=\"").append(Svg.f(ax.x(r.y()[i] + z * se))).append("\" y2=\"").append(Svg.f(y - 4))
                    .append("\" stroke=\"#555\"/><rect x=\"").append(Svg.f(ax.x(r.y()[i]) - 3)).append("\" y=\"").append(Svg.f(y - 7))
                    .append("\" width=\"6\" height=\"6\" fill=\"#555\"/>\n");
            s.append("<line class=\"shrinkage\" x1=\"").append(Svg.f(ax.x(sh.lower()))).append("\" y1=\"").append(Svg.f(y + 4))
                    .append("\" x2=\"").append(Svg.f(ax.x(sh.upper()))).append("\" y2=\"").append(Svg.f(y + 4))
                    .append("\" stroke=\"#1f4e79\" stroke-width=\"3\"/><circle cx=\"").append(Svg.f(ax.x(sh.median()))).append("\" cy=\"")
                    .append(Svg.f(y + 4)).append("\" r=\"3.5\" fill=\"#1f4e79\"/>\n");
        }
        String[] names = {"mu (overall effect)", "new trial's effect"};
        BayesResult.Summary[] sums = {r.mu(), r.predictive()};
        for (int j = 0; j < 2; j++) {
            double y = top + (k + 1 + j) * row + row / 2.0;
            BayesResult.Summary m = sums[j];
            s.append("<text x=\"4\" y=\"").append(Svg.f(y + 4)).append("\" font-weight=\"bold\">").append(names[j]).append("</text>\n");
            s.append("<polygon class=\"").append(j == 0 ? "mu" : "prediction").append("\" points=\"").append(Svg.f(ax.x(m.lower()))).append(',')
                    .append(Svg.f(y)).append(' ').append(Svg.f(ax.x(m.median()))).append(',').append(Svg.f(y - 7)).append(' ')
                    .append(Svg.f(ax.x(m.upper()))).append(',').append(Svg.f(y)).append(' ').append(Svg.f(ax.x(m.median()))).append(',')
                    .append(Svg.f(y + 7)).append("\" fill=\"").append(j == 0 ? "#b35900" : "none").append("\" stroke=\"#b35900\"/>\n");
        }
        int ay = top + rows * row;
        s.append("<line x1=\"").append(labelW).append("\" y1=\"").append(ay).append("\" x2=\"").append(labelW + pw).append("\" y2=\"").append(ay)
                .append("\" stroke=\"#333\"/>\n");
        for (double t : ax.ticks()) {
            s.append("<line x1=\"").append(Svg.f(ax.x(t))).append("\" y1=\"").append(ay).append("\" x2=\"").append(Svg.f(ax.x(t))).append("\" y2=\"")
                    .append(ay + 5).append("\" stroke=\"#333\"/><text x=\"").append(Svg.f(ax.x(t))).append("\" y=\"").append(ay + 18)
                    .append("\" text-anchor=\"middle\">").append(ax.label(t)).append("</text>\n");
        }
        s.append("<text x=\"").append(labelW + pw / 2).append("\" y=\"").append(ay + 36).append("\" text-anchor=\"middle\">").append(Svg.data(caption))
                .append("</text>\n<text x=\"4\" y=\"").append(height - 6).append("\" font-size=\"11\" fill=\"#555\">grey: estimate and ")
                .append(Math.round(100 * r.options().level())).append("% confidence interval; blue: posterior (shrinkage) median and credible "
                        + "interval</text>\n</svg>\n");
        return s.toString();
    }
}
