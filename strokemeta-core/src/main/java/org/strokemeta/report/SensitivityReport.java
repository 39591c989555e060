package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.sensitivity.Sensitivity;

/** Output of leave-one-out and cumulative series. */
public final class SensitivityReport {
    /** The schema identifier of sensitivity series. */
    public static final String SCHEMA = "strokemeta.sensitivity/1";

    private SensitivityReport() {
    }

    /**
     * A table with one row per step.
     *
     * @param title     the table's title
     * @param stepLabel the heading of the step column
     * @param full      the analysis of all studies
     * @param steps     the analyses of the subsets
     * @return the text
     */
    public static String text(String title, String stepLabel, MetaResult full, List<Sensitivity.Step> steps) {
        Measure m = full.effects().measure();
        StringBuilder sb = new StringBuilder();
        sb.append(title).append(": ").append(m.description()).append(", ").append(full.method()).append('\n');
        int lw = 28;
        for (Sensitivity.Step s : steps) {
            lw = Math.max(lw, Math.min(40, s.study().length() + 2));
        }
        String ci = Math.round(full.options().level() * 100) + "% CI";
        sb.append(Fmt.pad(stepLabel, lw)).append(Fmt.right("k", 4)).append("   ")
                .append(Fmt.pad(TextReport.effectLabel(m) + " [" + ci + "]", 26)).append(Fmt.right("p", 9))
                .append(Fmt.right("tau2", 10)).append(Fmt.right("I2", 7)).append(Fmt.right("Q", 9)).append('\n');
        for (Sensitivity.Step s : steps) {
            row(sb, s.study(), s.result(), lw, full.effects());
        }
        row(sb, "(all studies)", full, lw, full.effects());
        return sb.toString();
    }

    /**
     * The table of a cumulative analysis: one row per step, named by the study added or, when tied studies
     * were added together, by the order column's value; then the studies left out for want of a value.
     *
     * @param full the analysis of all studies
     * @param c    the cumulative analysis
     * @return the text
     */
    public static String text(MetaResult full, Sensitivity.Cumulative c) {
        org.strokemeta.sensitivity.CumulativeOptions o = c.options();
        String title = o.order() == null ? "Cumulative meta-analysis (in file order)"
                : "Cumulative meta-analysis (by " + o.order() + (o.decreasing() ? ", decreasing" : "") + (o.collapse() ? ", ties added together" : "") + ")";
        StringBuilder sb = new StringBuilder(text(title, o.collapse() ? o.order() + " added" : "Study added", full, c.steps()));
        for (org.strokemeta.data.Note n : c.notes()) {
            sb.append("Left out: ").append(n.study()).append(" (line ").append(n.line()).append("): ").append(n.message()).append('\n');
        }
        return sb.toString();
    }

    /** One step; values shown on the natural scale of all the studies (as metafor's leave1out with the data's targs). */
    private static void row(StringBuilder sb, String label, MetaResult r, int lw, org.strokemeta.effect.EffectSizes all) {
        sb.append(Fmt.pad(label, lw)).append(Fmt.right(Integer.toString(r.k()), 4)).append("   ")
                .append(Fmt.pad(TextReport.interval(all, r.pooled().estimate(), r.pooled().ciLower(), r.pooled().ciUpper()), 26))
                .append(Fmt.right(Fmt.p(r.pooled().p()), 9)).append(Fmt.right(Fmt.f(r.heterogeneity().tau2(), 4), 10))
                .append(Fmt.right(Fmt.f(r.heterogeneity().i2(), 1), 7)).append(Fmt.right(Fmt.f(r.heterogeneity().q(), 2), 9));
        if (!r.converged()) {
            sb.append("  NOT CONVERGED");
        }
        sb.append('\n');
    }

    /**
     * The JSON document of a series.
     *
     * @param kind   {@code leave_one_out} or {@code cumulative}
     * @param source the name of the input file
     * @param full   the analysis of all studies
     * @param steps  the analyses of the subsets
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String kind, String source, MetaResult full, List<Sensitivity.Step> steps) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.put("kind", kind);
        root.put("measure", full.effects().measure().name());
        ObjectNode opts = root.putObject("options");
        JsonReport.options(opts, full.options());
        ArrayNode arr = root.putArray("steps");
        for (Sensitivity.Step s : steps) {
            ObjectNode o = arr.addObject();
            o.put("study", s.study());
            if (s.order() != null) {
                o.put("order", s.order());
                ArrayNode added = o.putArray("added");
                s.added().forEach(added::add);
            }
            o.put("k", s.result().k());
            o.set("pooled", JsonReport.pooled(s.result().pooled(), full.effects(), true));
            o.set("heterogeneity", JsonReport.heterogeneity(s.result().heterogeneity()));
            o.put("converged", s.result().converged());
        }
        root.set("all_studies", JsonReport.result(full));
        return root;
    }

    /**
     * The JSON document of a cumulative analysis: as {@link #json(String, String, MetaResult, List)} with
     * {@code order} (the column, {@code decreasing}, {@code collapse}) when the studies were sorted by a column,
     * each step's {@code order} value and the studies it {@code added}, and the {@code notes} of the studies
     * left out.
     *
     * @param source the name of the input file
     * @param full   the analysis of all studies
     * @param c      the cumulative analysis
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String source, MetaResult full, Sensitivity.Cumulative c) {
        ObjectNode root = json("cumulative", source, full, c.steps());
        if (c.options().order() != null) {
            ObjectNode o = JsonReport.mapper().createObjectNode();
            o.put("column", c.options().order());
            o.put("decreasing", c.options().decreasing());
            o.put("collapse", c.options().collapse());
            root.set("order", o);
            root.set("notes", JsonReport.notes(c.notes()));
        }
        return root;
    }
}
