package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.sequential.TsaResult;

/**
 * Output of a trial sequential analysis ({@code strokemeta tsa}): the required information size and, per trial,
 * the information, the cumulative z and the boundaries, as text or as a JSON document of schema {@value #SCHEMA}.
 */
public final class TsaReport {
    /** The schema identifier of trial sequential analyses. */
    public static final String SCHEMA = "strokemeta.tsa/1";

    private TsaReport() {
    }

    /**
     * The summary for people.
     *
     * @param r the analysis
     * @return the text
     */
    public static String text(TsaResult r) {
        StringBuilder sb = new StringBuilder();
        var o = r.options();
        sb.append("Trial sequential analysis: ").append(r.method()).append('\n');
        sb.append("required information size: ").append(Fmt.f(r.ris(), 1)).append(" patients (").append(o.target().describe())
                .append(", two-sided alpha ")
                .append(plain(o.alpha())).append(", power ").append(plain(o.power())).append("; ");
        switch (o.heterogeneity()) {
            case NONE -> sb.append("no heterogeneity correction");
            case D2 -> sb.append("D² = ").append(Fmt.f(100 * r.diversity(), 1)).append("%, factor ").append(Fmt.f(r.adjustmentFactor(), 3));
            case I2 -> sb.append("stated I² = ").append(plain(o.i2())).append("%, factor ").append(Fmt.f(r.adjustmentFactor(), 3));
        }
        sb.append(")\n");
        String type = o.spending().label();
        sb.append("Lan-DeMets ").append(type).append("-type alpha spending").append(o.futility() ? ", " + type + "-type beta-spending futility "
                + "boundaries (non-binding)" : "").append('\n');
        int w = 24;
        for (String s : r.studies()) {
            w = Math.max(w, Math.min(40, s.length() + 2));
        }
        sb.append('\n').append(Fmt.pad("after trial", w)).append(Fmt.right("patients", 10)).append(Fmt.right("fraction", 10))
                .append(Fmt.right("z", 9)).append(Fmt.right("boundary", 10));
        if (o.futility()) {
            sb.append(Fmt.right("futility", 10));
        }
        sb.append('\n');
        for (int i = 0; i < r.studies().size(); i++) {
            sb.append(Fmt.pad(r.studies().get(i), w)).append(Fmt.right(plain(r.information()[i]), 10))
                    .append(Fmt.right(Fmt.f(r.fraction()[i], 3), 10)).append(Fmt.right(Fmt.f(r.z()[i], 3), 9))
                    .append(Fmt.right(Double.isInfinite(r.alphaBoundary()[i]) ? "none" : Fmt.f(r.alphaBoundary()[i], 3), 10));
            if (o.futility()) {
                double f = r.futilityBoundary()[i];
                sb.append(Fmt.right(f > 0 ? Fmt.f(f, 3) : "-", 10));
            }
            sb.append(i + 1 == r.crossedAt() ? "  crossed" : "").append(i + 1 == r.futilityCrossedAt() ? "  futility" : "").append('\n');
        }
        sb.append('\n');
        if (r.crossed()) {
            sb.append("The z-curve crossed the monitoring boundary after trial ").append(r.crossedAt()).append(" (")
                    .append(r.studies().get(r.crossedAt() - 1)).append("): the evidence is conclusive for the anticipated effect.\n");
        } else if (r.futilityCrossed()) {
            sb.append("The z-curve entered the futility region after trial ").append(r.futilityCrossedAt())
                    .append(": the anticipated effect is unlikely.\n");
        } else {
            sb.append("No boundary was crossed: the evidence is not yet conclusive for the anticipated effect.\n");
        }
        boolean log = r.logScale();
        java.util.function.DoubleUnaryOperator h = log ? Math::exp : x -> x;
        sb.append("Pooled estimate after the last trial: ").append(Fmt.f(h.applyAsDouble(r.estimate()), 3)).append("; TSA-adjusted confidence interval ")
                .append(Double.isFinite(r.adjustedLower()) ? Fmt.f(h.applyAsDouble(r.adjustedLower()), 3) + " to " + Fmt.f(h.applyAsDouble(r.adjustedUpper()), 3)
                        : "unbounded (no alpha spent yet)").append(log ? " (ratio scale)" : "").append('\n');
        r.notes().forEach(n -> sb.append("  - ").append(n).append('\n'));
        return sb.toString();
    }

    /** A number without trailing zeros: 1106, 0.05, 12.5. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    /**
     * The JSON document.
     *
     * @param source the data's name
     * @param r      the analysis
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String source, TsaResult r) {
        var o = r.options();
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.put("method", r.method());
        ObjectNode opt = root.putObject("options");
        if (o.target() instanceof org.strokemeta.sequential.Target.Binary b) {
            opt.put("outcome", "binary").put("control_event_proportion", b.controlRisk()).put("relative_risk_reduction", b.relativeRiskReduction());
        } else if (o.target() instanceof org.strokemeta.sequential.Target.Continuous c) {
            opt.put("outcome", "continuous").put("mean_difference", c.meanDifference()).put("sd", c.sd());
        } else if (o.target() instanceof org.strokemeta.sequential.Target.Ordinal d) {
            opt.put("outcome", "ordinal").put("common_odds_ratio", d.cor());
            ArrayNode cd = opt.putArray("control_distribution");
            for (double v : d.control()) {
                cd.add(v);
            }
        }
        opt.put("alpha", o.alpha());
        opt.put("power", o.power());
        opt.put("heterogeneity_correction", o.heterogeneity().name());
        if (o.heterogeneity() == org.strokemeta.sequential.TsaOptions.Heterogeneity.I2) {
            opt.put("i2", o.i2());
        }
        opt.put("futility", o.futility());
        opt.put("spending", o.spending().key());
        root.put("ris_fixed", r.risFixed());
        root.put("d2", r.diversity());
        root.put("tau2", r.tau2());
        root.put("adjustment_factor", r.adjustmentFactor());
        root.put("ris", r.ris());
        ArrayNode looks = root.putArray("looks");
        for (int i = 0; i < r.studies().size(); i++) {
            ObjectNode n = looks.addObject();
            n.put("study", r.studies().get(i));
            n.put("information", r.information()[i]);
            n.put("information_fraction", r.fraction()[i]);
            n.put("z", r.z()[i]);
            n.put("alpha_spent", r.alphaSpent()[i]);
            JsonReport.num(n, "alpha_boundary", r.alphaBoundary()[i]);
            if (o.futility()) {
                n.put("beta_spent", r.betaSpent()[i]);
                JsonReport.num(n, "futility_boundary", r.futilityBoundary()[i]);
            }
        }
        ObjectNode est = root.putObject("pooled");
        est.put("scale", r.logScale() ? "log" : "identity");
        est.put("estimate", r.estimate());
        est.put("se", r.se());
        JsonReport.num(est, "adjusted_ci_lower", r.adjustedLower());
        JsonReport.num(est, "adjusted_ci_upper", r.adjustedUpper());
        root.put("crossed", r.crossed());
        root.put("crossed_at", r.crossedAt());
        if (o.futility()) {
            root.put("futility_crossed", r.futilityCrossed());
            root.put("futility_crossed_at", r.futilityCrossedAt());
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }
}
