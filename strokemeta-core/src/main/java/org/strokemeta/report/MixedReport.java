package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.strokemeta.ipd.MixedModelOptions;
import org.strokemeta.ipd.MixedModelResult;
import org.strokemeta.regression.Coefficient;

/**
 * Output of a general one-stage mixed model ({@code strokemeta mixed}): the summary that clmm's and
 * glmer's {@code summary()} print (fit statistics, random effects, fixed effects, cut-points) as text,
 * or a JSON document of schema {@value #SCHEMA}.
 */
public final class MixedReport {
    /** The schema identifier of mixed-model documents. */
    public static final String SCHEMA = "strokemeta.mixed/1";

    private MixedReport() {
    }

    /**
     * The summary for people.
     *
     * @param r the fit
     * @return the text
     */
    public static String text(MixedModelResult r) {
        StringBuilder sb = new StringBuilder();
        boolean binomial = r.options().family() == MixedModelOptions.Family.BINOMIAL;
        sb.append(r.method()).append('\n');
        if (r.simulated()) {
            sb.append("simulated data\n");
        }
        sb.append("formula: ").append(r.formula().text()).append('\n');
        sb.append(r.patients()).append(r.patients() == 1 ? " row" : " rows");
        if (r.options().weights() != null) {
            sb.append(" (").append(Fmt.g(r.weightTotal())).append(" patients by the weights in ").append(r.options().weights()).append(')');
        }
        sb.append("; log-likelihood ").append(Fmt.f(r.logLik(), 3)).append(", AIC ").append(Fmt.f(r.aic(), 2)).append(", BIC ")
                .append(Fmt.f(r.bic(), 2)).append(", ").append(r.parameters()).append(" parameters\n");
        sb.append(r.converged() ? "converged" : "NOT CONVERGED (" + r.message() + ")").append(" after ").append(r.iterations())
                .append(" iterations, largest gradient ").append(Fmt.g(r.maxGradient())).append('\n');
        sb.append("\nRandom effects:\n");
        sb.append("    ").append(Fmt.pad("group", 22)).append(Fmt.pad("effect", 18)).append(Fmt.right("variance", 11))
                .append(Fmt.right("SD", 10)).append("  correlations\n");
        for (MixedModelResult.RandomComponent c : r.randomEffects()) {
            int q = c.effects().size();
            for (int i = 0; i < q; i++) {
                sb.append("    ").append(Fmt.pad(i == 0 ? c.group() + " (" + c.levels() + ")" : "", 22))
                        .append(Fmt.pad(c.effects().get(i), 18)).append(Fmt.right(Fmt.f(c.sd()[i] * c.sd()[i], 4), 11))
                        .append(Fmt.right(Fmt.f(c.sd()[i], 4), 10)).append(' ');
                for (int j = 0; j < i; j++) {
                    sb.append(Fmt.right(Fmt.f(c.correlation()[i * q + j], 3), 8));
                }
                sb.append('\n');
            }
        }
        sb.append("\nFixed effects (").append(binomial ? "log odds scale for the logit link: positive = more events"
                : "positive = toward higher categories").append("):\n");
        table(sb, binomial ? r.thresholds() : List.of(), r.coefficients());
        if (!binomial) {
            sb.append("\nCut-points (F^-1(P(outcome <= j)) = theta_j - linear predictor):\n");
            table(sb, r.thresholds(), List.of());
        }
        TextReport.notes(sb, r.notes());
        return sb.toString();
    }

    private static void table(StringBuilder sb, List<Coefficient> first, List<Coefficient> then) {
        int w = 22;
        for (List<Coefficient> l : List.of(first, then)) {
            for (Coefficient c : l) {
                w = Math.max(w, c.name().length() + 2);
            }
        }
        sb.append("    ").append(Fmt.pad("", w)).append(Fmt.right("estimate", 11)).append(Fmt.right("SE", 10)).append(Fmt.right("z", 9))
                .append(Fmt.right("p", 10)).append(Fmt.right("95% CI", 22)).append('\n');
        for (List<Coefficient> l : List.of(first, then)) {
            for (Coefficient c : l) {
                sb.append("    ").append(Fmt.pad(c.name(), w)).append(Fmt.right(Fmt.f(c.estimate(), 4), 11))
                        .append(Fmt.right(Fmt.f(c.se(), 4), 10)).append(Fmt.right(Fmt.f(c.statistic(), 2), 9))
                        .append(Fmt.right(Fmt.p(c.p()), 10))
                        .append(Fmt.right(Fmt.f(c.ciLower(), 3) + " to " + Fmt.f(c.ciUpper(), 3), 22)).append('\n');
            }
        }
    }

    /**
     * The JSON document.
     *
     * @param source the data's name
     * @param r      the fit
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String source, MixedModelResult r) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        if (r.simulated()) {
            root.put("simulated", true);
        }
        root.put("formula", r.formula().text());
        root.put("family", r.options().family().name().toLowerCase(java.util.Locale.ROOT));
        root.put("link", r.options().link().rName());
        if (r.options().weights() != null) {
            root.put("weights", r.options().weights());
        }
        root.put("level", r.options().level());
        root.put("method", r.method());
        root.put("rows", r.patients());
        JsonReport.num(root, "weight_total", r.weightTotal());
        ArrayNode cat = root.putArray("categories");
        r.categories().forEach(cat::add);
        JsonReport.num(root, "loglik", r.logLik());
        root.put("parameters", r.parameters());
        JsonReport.num(root, "aic", r.aic());
        JsonReport.num(root, "bic", r.bic());
        root.put("converged", r.converged());
        root.put("message", r.message());
        root.put("iterations", r.iterations());
        root.put("evaluations", r.evaluations());
        JsonReport.num(root, "max_gradient", r.maxGradient());
        ArrayNode th = root.putArray(r.options().family() == MixedModelOptions.Family.BINOMIAL ? "intercept" : "thresholds");
        r.thresholds().forEach(c -> IpdReport.coefficient(th.addObject(), c));
        ArrayNode co = root.putArray("coefficients");
        r.coefficients().forEach(c -> IpdReport.coefficient(co.addObject(), c));
        ArrayNode re = root.putArray("random_effects");
        for (MixedModelResult.RandomComponent c : r.randomEffects()) {
            ObjectNode n = re.addObject();
            n.put("term", c.term());
            n.put("group", c.group());
            n.put("levels", c.levels());
            ArrayNode ef = n.putArray("effects");
            c.effects().forEach(ef::add);
            ArrayNode sd = n.putArray("sd");
            ArrayNode var = n.putArray("variance");
            for (double v : c.sd()) {
                JsonReport.num(sd, v);
                JsonReport.num(var, v * v);
            }
            ArrayNode cor = n.putArray("correlation");
            for (double v : c.correlation()) {
                JsonReport.num(cor, v);
            }
            n.put("at_boundary", c.atBoundary());
        }
        ArrayNode modes = root.putArray("conditional_modes");
        for (MixedModelResult.Modes m : r.modes()) {
            ObjectNode n = modes.addObject();
            n.put("term", m.term());
            ObjectNode lv = n.putObject("levels");
            for (int i = 0; i < m.levels().size(); i++) {
                ArrayNode a = lv.putArray(m.levels().get(i));
                for (double v : m.values().get(i)) {
                    JsonReport.num(a, v);
                }
            }
        }
        root.set("notes", JsonReport.notes(r.notes()));
        return root;
    }
}
