package org.strokemeta.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.MixedModel;
import org.strokemeta.ipd.MixedModelOptions;
import org.strokemeta.ipd.MixedModelResult;
import org.strokemeta.ordinal.Link;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.MixedReport;

/** {@code strokemeta mixed}: a one-stage mixed model written as an lme4/ordinal formula. */
final class MixedCommand extends Command {
    @Override
    String name() {
        return "mixed";
    }

    @Override
    String summary() {
        return "One-stage mixed model from a formula: multi-arm treatment factors, interactions, random slopes, nested and crossed random effects.";
    }

    @Override
    String description() {
        return summary() + "\n\nThe model is written as in R (lme4, ordinal), for example\n"
                + "  mrs ~ arm * site + age + (1 | study)              treatment x occlusion site inside the mixed model\n"
                + "  mrs ~ arm + age + (1 + age | study)               a random slope of age, correlated with the intercept\n"
                + "  mrs ~ arm + (1 | study/centre)                    centres nested in trials\n"
                + "  mrs ~ arm + (1 | study) + (1 | country)           crossed random effects\n"
                + "  mrs02 ~ factor(arm) + (1 + factor(arm) || study)  uncorrelated random effects (||)\n"
                + "A text column is a factor (treatment contrasts against its first level in sorted order, or --reference);\n"
                + "factor(x) makes a numeric column one. Ordinal outcomes are fitted as ordinal::clmm fits them, binary (0/1)\n"
                + "ones as lme4::glmer(family = binomial), by the Laplace approximation. Rows with a missing value in a\n"
                + "column of the model are left out and listed.";
    }

    @Override
    List<Opt> options() {
        return List.of(
                Opt.value("--input", "-i", "FILE", "CSV file with one row per patient (or per covariate pattern with --weights).", null),
                Opt.value("--example", "NAME", "Use a bundled patient-level data set (ipd_sim).", null),
                Opt.value("--formula", "-f", "FORMULA", "The model, as lme4/ordinal write it: response ~ fixed terms + (effects | group).", null),
                Opt.value("--family", "ordinal|binomial", "Ordinal outcome (clmm) or 0/1 outcome (glmer, 1 = the event).", "ordinal"),
                Opt.value("--link", "logit|probit|cloglog", "Link function.", "logit"),
                Opt.value("--weights", "COLUMN", "Case weights: the number of patients each row stands for.", null),
                Opt.value("--reference", "COL=LEVEL,...", "Reference level of factors (default: the first in sorted order).", null),
                Opt.value("--level", "L", "Confidence level.", "0.95"),
                Opt.value("--max-iterations", "N", "Most quasi-Newton iterations.", "500"),
                Opt.value("--format", "text|json", "Output format.", "text"),
                Opt.value("--out", "-o", "FILE", "Write to a file instead of the terminal.", null));
    }

    @Override
    int run(Args a, PrintWriter out, PrintWriter err) {
        String format = Options.format(a, false);
        if (a.get("--formula") == null) {
            throw new UsageException("--formula is required, for example --formula \"mrs ~ treatment + age + (1 | study)\"");
        }
        Map<String, String> ref = new LinkedHashMap<>();
        for (String s : Options.split(a.get("--reference"))) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UsageException("--reference takes COLUMN=LEVEL pairs separated by commas, not '" + s + "'");
            }
            ref.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        MixedModelOptions o;
        try {
            o = MixedModelOptions.of(a.get("--formula")).withFamily(MixedModelOptions.Family.parse(a.get("--family")))
                    .withLink(Link.parse(a.get("--link"))).withWeights(a.get("--weights")).withReference(ref)
                    .withLevel(a.number("--level")).withMaxIterations(a.integer("--max-iterations"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Table t = Options.read(a);
        MixedModelResult r;
        try {
            r = MixedModel.fit(t, o);
        } catch (org.strokemeta.data.InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Options.write(a, out, format.equals("json") ? JsonReport.write(MixedReport.json(t.source(), r)) : MixedReport.text(r));
        return r.converged() ? 0 : Main.EXIT_INVALID;
    }
}
