package org.strokemeta.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.DoubleUnaryOperator;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.effect.Measure;

/**
 * Output of a Bayesian random-effects meta-analysis ({@code strokemeta bayes}): the posterior summaries as
 * text, or a JSON document of schema {@value #SCHEMA}.
 */
public final class BayesReport {
    /** The schema identifier of Bayesian analyses. */
    public static final String SCHEMA = "strokemeta.bayes/1";

    private BayesReport() {
    }

    /**
     * The summary for people.
     *
     * @param measure the effect measure (its scale decides the back-transformation: exp for log measures)
     * @param r       the posterior
     * @return the text
     */
    public static String text(Measure measure, BayesResult r) {
        boolean log = measure.logScale();
        double lv = 100 * r.options().level();
        String pct = (Math.abs(lv - Math.rint(lv)) < 1e-9 ? Long.toString(Math.round(lv)) : Fmt.g(lv)) + "%";
        StringBuilder sb = new StringBuilder();
        sb.append("Bayesian random-effects meta-analysis (normal-normal model, exact numerical integration, as bayesmeta)\n");
        sb.append(measure.description()).append(", ").append(r.studies().size()).append(r.studies().size() == 1 ? " trial" : " trials")
                .append('\n');
        sb.append("priors: mu ").append(r.options().muPrior().describe()).append("; tau ").append(r.options().tauPrior().describe())
                .append('\n');
        sb.append('\n').append(Fmt.pad("", 26)).append(Fmt.right("mean", 10)).append(Fmt.right("sd", 9)).append(Fmt.right("median", 10))
                .append(Fmt.right(pct + " CrI (equal tails)", 26)).append(Fmt.right("shortest", 22)).append('\n');
        row(sb, "mu" + (log ? " (log scale)" : ""), r.mu());
        row(sb, "tau", r.tau());
        row(sb, "new trial's effect", r.predictive());
        if (log) {
            sb.append('\n').append("on the ratio scale: mu ").append(ratio(r.mu())).append("; a new trial's effect ")
                    .append(ratio(r.predictive())).append('\n');
        }
        sb.append('\n');
        for (int j = 0; j < r.exceedance().length; j++) {
            double t = r.options().thresholds().get(j);
            sb.append("P(").append(log ? "ratio > " + Fmt.f(Math.exp(t), 3) : "mu > " + Fmt.f(t, 4)).append(" | data) = ")
                    .append(Fmt.f(r.exceedance()[j], 4)).append('\n');
        }
        if (!Double.isNaN(r.logMarginalLikelihood())) {
            sb.append("marginal likelihood ").append(Fmt.g(r.marginalLikelihood())).append(" (log ").append(Fmt.f(r.logMarginalLikelihood(), 4))
                    .append("); Bayes factor for mu = 0 against the mu prior: ").append(Fmt.g(r.bayesFactorMu0()))
                    .append(r.bayesFactorMu0() > 1 ? " (favours mu = 0)" : " (favours an effect)").append('\n');
        }
        sb.append("\nShrinkage (each trial's posterior effect").append(log ? ", ratio scale" : "").append("):\n");
        int w = 24;
        for (String s : r.studies()) {
            w = Math.max(w, Math.min(40, s.length() + 2));
        }
        sb.append(Fmt.pad("Trial", w)).append(Fmt.right("estimate", 11)).append(Fmt.right("posterior", 11))
                .append(Fmt.right(pct + " CrI", 24)).append('\n');
        DoubleUnaryOperator b = log ? Math::exp : x -> x;
        for (int i = 0; i < r.studies().size(); i++) {
            BayesResult.Summary s = r.shrinkage().get(i);
            sb.append(Fmt.pad(r.studies().get(i), w)).append(Fmt.right(Fmt.f(b.applyAsDouble(r.y()[i]), 3), 11))
                    .append(Fmt.right(Fmt.f(b.applyAsDouble(s.mean()), 3), 11))
                    .append(Fmt.right(Fmt.f(b.applyAsDouble(s.lower()), 3) + " to " + Fmt.f(b.applyAsDouble(s.upper()), 3), 24))
                    .append('\n');
        }
        if (log) {
            sb.append("(posterior column: exp of the posterior mean of the log effect)\n");
        }
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            r.notes().forEach(n -> sb.append("  - ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, BayesResult.Summary s) {
        sb.append(Fmt.pad(name, 26)).append(Fmt.right(Fmt.f(s.mean(), 4), 10)).append(Fmt.right(Fmt.f(s.sd(), 4), 9))
                .append(Fmt.right(Fmt.f(s.median(), 4), 10)).append(Fmt.right(Fmt.f(s.lower(), 4) + " to " + Fmt.f(s.upper(), 4), 26))
                .append(Fmt.right(Fmt.f(s.shortestLower(), 4) + " to " + Fmt.f(s.shortestUpper(), 4), 22)).append('\n');
    }

    private static String ratio(BayesResult.Summary s) {
        return "median " + Fmt.f(Math.exp(s.median()), 3) + " (" + Fmt.f(Math.exp(s.lower()), 3) + " to " + Fmt.f(Math.exp(s.upper()), 3) + ")";
    }

    /**
     * The JSON document.
     *
     * @param source  the data's name
     * @param measure the effect measure
     * @param r       the posterior
     * @return the document, schema {@value #SCHEMA}
     */
    public static ObjectNode json(String source, Measure measure, BayesResult r) {
        ObjectNode root = JsonReport.mapper().createObjectNode();
        root.put("schema", SCHEMA);
        root.put("version", Version.get());
        root.put("source", source);
        root.put("measure", measure.name());
        root.put("scale", measure.logScale() ? "log" : "identity");
        root.put("level", r.options().level());
        root.put("method", "normal-normal random-effects model, exact numerical integration over tau (as bayesmeta)");
        muPrior(root.putObject("mu_prior"), r.options().muPrior());
        tauPrior(root.putObject("tau_prior"), r.options().tauPrior());
        root.put("k", r.studies().size());
        summary(root.putObject("mu"), r.mu());
        summary(root.putObject("tau"), r.tau());
        summary(root.putObject("predictive"), r.predictive());
        if (measure.logScale()) {
            ObjectNode bt = root.putObject("ratio_scale");
            for (String k : new String[] {"mu", "predictive"}) {
                BayesResult.Summary s = k.equals("mu") ? r.mu() : r.predictive();
                bt.putObject(k).put("median", Math.exp(s.median())).put("ci_lower", Math.exp(s.lower())).put("ci_upper", Math.exp(s.upper()))
                        .put("shortest_lower", Math.exp(s.shortestLower())).put("shortest_upper", Math.exp(s.shortestUpper()));
            }
        }
        ArrayNode ex = root.putArray("exceedance");
        for (int j = 0; j < r.exceedance().length; j++) {
            double t = r.options().thresholds().get(j);
            ObjectNode n = ex.addObject();
            n.put("threshold", t);
            if (measure.logScale()) {
                n.put("threshold_ratio", Math.exp(t));
            }
            n.put("probability", r.exceedance()[j]);
        }
        root.put("prob_mu_negative", r.probMuNegative());
        JsonReport.num(root, "log_marginal_likelihood", r.logMarginalLikelihood());
        JsonReport.num(root, "marginal_likelihood", Double.isNaN(r.logMarginalLikelihood()) ? Double.NaN : r.marginalLikelihood());
        JsonReport.num(root, "bayes_factor_mu0", r.bayesFactorMu0());
        ArrayNode st = root.putArray("studies");
        for (int i = 0; i < r.studies().size(); i++) {
            ObjectNode n = st.addObject();
            n.put("study", r.studies().get(i));
            n.put("yi", r.y()[i]);
            n.put("vi", r.v()[i]);
            summary(n.putObject("shrinkage"), r.shrinkage().get(i));
        }
        ArrayNode notes = root.putArray("notes");
        r.notes().forEach(notes::add);
        return root;
    }

    private static void summary(ObjectNode n, BayesResult.Summary s) {
        JsonReport.num(n, "mean", s.mean());
        JsonReport.num(n, "sd", s.sd());
        JsonReport.num(n, "median", s.median());
        JsonReport.num(n, "ci_lower", s.lower());
        JsonReport.num(n, "ci_upper", s.upper());
        JsonReport.num(n, "shortest_lower", s.shortestLower());
        JsonReport.num(n, "shortest_upper", s.shortestUpper());
    }

    private static void muPrior(ObjectNode n, MuPrior p) {
        n.put("type", p.flat() ? "flat" : "normal");
        if (!p.flat()) {
            n.put("mean", p.mean());
            n.put("sd", p.sd());
        }
    }

    /**
     * Turner et al.'s empirical priors for tau² as a text table: outcome and comparison keys, the mean and SD of
     * log tau², the prior median of tau, the source and how the values were checked.
     *
     * @return the table
     */
    public static String priorsTable() {
        StringBuilder sb = new StringBuilder();
        sb.append("Empirical priors for the between-trial variance of log odds ratios: log tau² ~ N(mean, sd²)\n");
        sb.append("source: ").append(org.strokemeta.bayes.EmpiricalPriors.SOURCE).append('\n');
        sb.append("confidence: ").append(org.strokemeta.bayes.EmpiricalPriors.CONFIDENCE).append('\n');
        sb.append("use: --tau-prior turner:OUTCOME:COMPARISON\n\n");
        sb.append(String.format(java.util.Locale.ROOT, "%-28s %-24s %7s %6s %10s%n", "outcome", "comparison", "mean", "sd", "median tau"));
        for (org.strokemeta.bayes.EmpiricalPriors.Setting s : org.strokemeta.bayes.EmpiricalPriors.turner2015()) {
            sb.append(String.format(java.util.Locale.ROOT, "%-28s %-24s %7.2f %6.2f %10.3f%s%n", s.outcome().key(), s.comparison().key(),
                    s.mean(), s.sd(), s.medianTau(), s.note() == null ? "" : " *"));
        }
        sb.append("\n* transcriptions disagree:\n");
        for (org.strokemeta.bayes.EmpiricalPriors.Setting s : org.strokemeta.bayes.EmpiricalPriors.turner2015()) {
            if (s.note() != null) {
                sb.append("  ").append(s.outcome().key()).append(' ').append(s.comparison().key()).append(": ").append(s.note()).append('\n');
            }
        }
        return sb.toString();
    }

    private static void tauPrior(ObjectNode n, TauPrior p) {
        n.put("type", p.kind().name().toLowerCase(java.util.Locale.ROOT));
        switch (p.kind()) {
            case LOGNORMAL_TAU2 -> n.put("mean", p.mean()).put("sd", p.sd());
            case HALF_STUDENT_T -> n.put("scale", p.scale()).put("df", p.df());
            case UNIFORM -> n.put("upper", p.scale());
            case EXPONENTIAL -> n.put("mean", p.scale());
            default -> n.put("scale", p.scale());
        }
        n.put("description", p.describe());
        n.put("source", p.source());
    }
}
