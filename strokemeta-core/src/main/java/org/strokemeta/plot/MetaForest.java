package org.strokemeta.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.Studies;
import org.strokemeta.effect.BackTransform;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.internal.Dist;
import org.strokemeta.internal.Svg;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.subgroup.SubgroupResult;

/**
 * The forest plot of a meta-analysis ({@link ForestPlot.Spec}): one row per study with events/total per
 * arm (binary data) or n per arm (continuous data), its weight, the pooled estimate(s), the prediction
 * interval, heterogeneity and the test for the overall effect; with subgroups, a block per subgroup with
 * its subtotal and heterogeneity, and the test for subgroup differences.
 */
public final class MetaForest {
    private MetaForest() {
    }

    /** How studies are ordered within the plot (or within each subgroup). */
    public enum Sort {
        /** As in the data. */
        NONE,
        /** By effect, smallest first. */
        EFFECT,
        /** By weight, largest first. */
        WEIGHT,
        /** By standard error, smallest first. */
        PRECISION;

        /**
         * Parses a sort order: {@code none}, {@code effect}, {@code weight} or {@code precision}, any case.
         *
         * @param s the name
         * @return the order
         * @throws IllegalArgumentException if the name is unknown
         */
        public static Sort parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown sort order '" + s + "' (expected none, effect, weight or precision)");
            }
        }
    }

    /**
     * What the outcome's events (or higher values) mean for patients, which decides which half of a
     * forest plot favours treatment: every measure compares treatment with control, so an effect above
     * the null (ratio above 1, difference above 0) means more events or higher values with treatment.
     */
    public enum Direction {
        /** Not stated: the plot carries no "favours" labels rather than guess. */
        UNSTATED,
        /** Harmful events or higher-is-worse values (death, stroke, NIHSS): the left half favours treatment. */
        HARMFUL,
        /** Beneficial events or higher-is-better values (mRS 0-2, a shift toward better mRS): the right half favours treatment. */
        BENEFICIAL;

        /**
         * Parses unstated, harmful or beneficial.
         *
         * @param s the name, any case
         * @return the direction
         * @throws IllegalArgumentException if the name is unknown
         */
        public static Direction parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "unstated", "none", "" -> UNSTATED;
                case "harmful", "harm", "bad" -> HARMFUL;
                case "beneficial", "benefit", "good" -> BENEFICIAL;
                default -> throw new IllegalArgumentException("unknown outcome direction '" + s + "' (expected harmful, beneficial or unstated)");
            };
        }

        /**
         * The labels under the left and right halves, naming the treatment and control arms as given.
         *
         * @param treatment the treatment arm's name
         * @param control   the control arm's name
         * @return the left and right labels; empty for an unstated direction
         */
        public String[] favours(String treatment, String control) {
            return switch (this) {
                case UNSTATED -> new String[] {"", ""};
                case HARMFUL -> new String[] {"favours " + treatment, "favours " + control};
                case BENEFICIAL -> new String[] {"favours " + control, "favours " + treatment};
            };
        }
    }

    /**
     * Options.
     *
     * @param sort         the order of the studies
     * @param other        the analysis with the other model (a fixed-effect diamond under a random-effects one), or null
     * @param favoursLeft  text under the left half ("favours treatment" for harms such as death), empty for none
     * @param favoursRight text under the right half, empty for none
     * @param maxLabel     the longest study name shown in full
     */
    public record Options(Sort sort, MetaResult other, String favoursLeft, String favoursRight, int maxLabel) {
        /**
         * No "favours" labels: which half favours treatment depends on the outcome, which the data do not say.
         *
         * @return no sort, no second analysis, no "favours" labels, names up to 40 characters
         */
        public static Options defaults() {
            return new Options(Sort.NONE, null, "", "", 40);
        }

        /**
         * The same options with the "favours" labels of an outcome direction.
         *
         * @param d the outcome direction
         * @return these options with its labels
         */
        public Options withDirection(Direction d) {
            String[] f = d.favours("treatment", "control");
            return new Options(sort, other, f[0], f[1], maxLabel);
        }
    }

    /**
     * The plot of one analysis.
     *
     * @param r the analysis
     * @param o what to show
     * @return the plot's rows and axis
     */
    public static ForestPlot.Spec of(MetaResult r, Options o) {
        List<ForestPlot.Row> rows = new ArrayList<>(studies(r, allPositions(r), o));
        addSummaries(rows, r, o.other(), "");
        return spec(r, rows, footer(r), o);
    }

    /**
     * The plot of a subgroup analysis: a block per subgroup with its subtotal, then the overall analysis.
     *
     * @param s       the subgroup analysis
     * @param overall the analysis of all studies
     * @param o       what to show
     * @return the plot's rows and axis
     */
    public static ForestPlot.Spec of(SubgroupResult s, MetaResult overall, Options o) {
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (SubgroupResult.Group g : s.groups()) {
            rows.add(ForestPlot.Row.heading(g.label(), null));
            List<ForestPlot.Row> studies = studies(g.result(), allPositions(g.result()), o);
            for (ForestPlot.Row r : studies) {
                rows.add(new ForestPlot.Row("  " + r.label(), r.kind(), r.est(), r.lo(), r.hi(), r.weight(), r.cells(), r.note()));
            }
            PooledEstimate p = g.result().pooled();
            Heterogeneity h = g.result().heterogeneity();
            rows.add(ForestPlot.Row.summary("  Subtotal (I² = " + Svg.fixed(h.i2(), 0) + "%)", p.estimate(), p.ciLower(), p.ciUpper()));
        }
        addSummaries(rows, overall, o.other(), "Overall ");
        List<String> footer = new ArrayList<>(footer(overall));
        if (s.between() != null) {
            var b = s.between();
            footer.add("Test for subgroup differences: " + (b.isF() ? "F = " : "Q = ") + Svg.fixed(b.statistic(), 2) + ", df = " + b.df1()
                    + (b.isF() ? ", " + Svg.fixed(b.df2(), 0) : "") + ", " + p(b.p()));
        }
        return spec(overall, rows, footer, o);
    }

    private static ForestPlot.Spec spec(MetaResult r, List<ForestPlot.Row> rows, List<String> footer, Options o) {
        Measure m = r.effects().measure();
        Studies in = r.effects().input();
        List<String> columns = in instanceof BinaryStudies ? List.of("Treatment", "Control")
                : in instanceof ContinuousStudies ? List.of("n treat.", "n control") : List.of();
        // a measure shown through another back-transformation than the ratios' exp: labelled on its natural scale
        boolean natural = !m.logScale() && m.backTransform() != BackTransform.IDENTITY;
        String d = m.logScale() ? m.description().replaceFirst("^log ", "") + " (log scale)"
                : natural ? m.displayName() + " (" + m.backTransform().label() + " scale)" : m.description();
        String label = d.substring(0, 1).toUpperCase(Locale.ROOT) + d.substring(1);
        return new ForestPlot.Spec(rows, columns, m.logScale(), label, o.favoursLeft(), o.favoursRight(), footer, o.maxLabel(),
                natural ? r.effects().backTransform() : null);
    }

    private static int[] allPositions(MetaResult r) {
        int[] p = new int[r.k()];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    private static List<ForestPlot.Row> studies(MetaResult r, int[] positions, Options o) {
        EffectSizes es = r.effects();
        double z = Dist.zCrit(r.options().level());
        Map<Integer, Integer> inputOfLine = new HashMap<>();
        Studies in = es.input();
        if (in != null) {
            int[] lines = in instanceof BinaryStudies b ? b.lines() : in instanceof ContinuousStudies c ? c.lines() : new int[0];
            for (int i = 0; i < lines.length; i++) {
                inputOfLine.put(lines[i], i);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int p : positions) {
            order.add(p);
        }
        switch (o.sort()) {
            case EFFECT -> order.sort(Comparator.comparingDouble(i -> es.yi(i)));
            case WEIGHT -> order.sort(Comparator.comparingDouble(i -> -r.weights(i)));
            case PRECISION -> order.sort(Comparator.comparingDouble(i -> es.vi(i)));
            default -> {
            }
        }
        List<ForestPlot.Row> rows = new ArrayList<>();
        for (int i : order) {
            double se = Math.sqrt(es.vi(i));
            List<String> cells = new ArrayList<>();
            Integer k = inputOfLine.get(es.lines(i));
            if (k != null && in instanceof BinaryStudies b) {
                cells.add(count(b.eventsTreat(k)) + "/" + count(b.totalTreat(k)));
                cells.add(count(b.eventsCtrl(k)) + "/" + count(b.totalCtrl(k)));
            } else if (k != null && in instanceof ContinuousStudies c) {
                cells.add(count(c.nTreat(k)));
                cells.add(count(c.nCtrl(k)));
            }
            rows.add(ForestPlot.Row.study(es.study(i), es.yi(i), es.yi(i) - z * se, es.yi(i) + z * se, r.weights(i), cells));
        }
        return rows;
    }

    private static void addSummaries(List<ForestPlot.Row> rows, MetaResult r, MetaResult other, String prefix) {
        PooledEstimate p = r.pooled();
        boolean random = r.options().model() == Model.RANDOM;
        if (other != null && other.options().model() != r.options().model()) {
            PooledEstimate q = other.pooled();
            rows.add(ForestPlot.Row.summary(prefix + (random ? "Fixed-effect model" : "Random-effects model"), q.estimate(), q.ciLower(), q.ciUpper()));
        }
        rows.add(ForestPlot.Row.summary(prefix + (random ? "Random-effects model" : "Fixed-effect model"), p.estimate(), p.ciLower(), p.ciUpper()));
        if (!Double.isNaN(p.piLower())) {
            rows.add(ForestPlot.Row.interval("Prediction interval", p.estimate(), p.piLower(), p.piUpper()));
        }
    }

    private static List<String> footer(MetaResult r) {
        Heterogeneity h = r.heterogeneity();
        PooledEstimate p = r.pooled();
        List<String> f = new ArrayList<>();
        String tau = r.options().model() == Model.RANDOM ? ", τ² = " + Svg.trim(Double.parseDouble(String.format(Locale.ROOT, "%.4g", h.tau2()))) : "";
        f.add("Heterogeneity: I² = " + Svg.fixed(h.i2(), 1) + "%" + tau + ", Q = " + Svg.fixed(h.q(), 2) + " (df = " + h.qDf() + ", " + p(h.qP()) + ")");
        f.add("Test for overall effect: " + (p.isT() ? "t = " : "z = ") + Svg.fixed(p.statistic(), 2) + ", " + p(p.p()));
        return f;
    }

    private static String count(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Svg.fixed(v, 1);
    }

    static String p(double p) {
        return Double.isNaN(p) ? "p = NA" : p < 1e-4 ? "p < 0.0001" : "p = " + Svg.fixed(p, 4);
    }
}
