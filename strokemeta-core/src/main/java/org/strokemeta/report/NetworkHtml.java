package org.strokemeta.report;

import java.util.List;
import org.strokemeta.Figures;
import org.strokemeta.multivariate.NetworkResult;
import org.strokemeta.regression.Coefficient;

/**
 * The network meta-analysis as a self-contained HTML report: the network graph, every treatment against the
 * reference (table and forest plot), the league table, the ranking (P-scores, SUCRA, rank probabilities),
 * heterogeneity and inconsistency (design-by-treatment interaction, node splitting), methods, notes and provenance.
 */
public final class NetworkHtml {
    private NetworkHtml() {
    }

    /**
     * Where the report came from.
     *
     * @param input       the data's name
     * @param inputSha256 the SHA-256 of the data's bytes (empty when not known)
     * @param version     the strokemeta version
     * @param generated   when (UTC, ISO 8601)
     * @param command     the command or page that made it
     */
    public record Provenance(String input, String inputSha256, String version, String generated, String command) {
    }

    /**
     * The report.
     *
     * @param r the network
     * @param p where it came from
     * @return the HTML document
     */
    public static String render(NetworkResult r, Provenance p) {
        boolean log = r.logRatio();
        String title = "Network meta-analysis: " + p.input();
        StringBuilder h = new StringBuilder(64_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>").append(esc(title)).append("</title><style>")
                .append(StudyHtml.CSS).append(".num{text-align:right}.league td{white-space:nowrap;font-size:.85rem}</style></head><body><main>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n");
        h.append("<p class=\"sub\">").append(r.studies()).append(" trials, ").append(r.contrasts()).append(" contrasts, ")
                .append(r.treatments().size()).append(" treatments; ").append(scale(r)).append("; ")
                .append(r.options().random() ? "random effects (a common tau² by " + r.options().method() + ")" : "fixed effects")
                .append("; reference ").append(esc(r.reference())).append("; generated ").append(esc(p.generated())).append(" by strokemeta ")
                .append(esc(p.version())).append("</p>\n");
        if (!r.converged()) {
            h.append("<p class=\"sim\">The estimation of tau² did not converge (").append(esc(r.message()))
                    .append("): the results below are not reliable.</p>\n");
        }
        h.append("<section id=\"network\"><h2>The network</h2><figure>").append(Figures.networkGraph(r))
                .append("<figcaption>A line per pair of treatments compared directly, its width by the number of trials.</figcaption></figure>\n");
        h.append("<table><thead><tr><th>Comparison</th><th class=\"num\">Trials</th></tr></thead><tbody>\n");
        for (NetworkResult.Edge e : r.edges()) {
            h.append("<tr><td>").append(esc(e.treat1())).append(" vs ").append(esc(e.treat2())).append("</td><td class=\"num\">").append(e.studies())
                    .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
        relative(h, r, log);
        league(h, r, log);
        ranking(h, r);
        inconsistency(h, r, log);
        h.append("<section id=\"methods\"><h2>Methods</h2><p>").append(esc(methods(r))).append("</p></section>\n");
        if (!r.notes().isEmpty()) {
            h.append("<section id=\"notes\"><h2>Notes</h2><ul>\n");
            for (String n : r.notes()) {
                h.append("<li>").append(esc(n)).append("</li>\n");
            }
            h.append("</ul></section>\n");
        }
        h.append("<section id=\"provenance\"><h2>Provenance</h2><table><tbody>\n").append(kv("Data", p.input()))
                .append(kv("Data SHA-256", p.inputSha256())).append(kv("strokemeta version", p.version())).append(kv("Generated (UTC)", p.generated()))
                .append(kv("Command", p.command())).append("</tbody></table></section>\n");
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static String scale(NetworkResult r) {
        return switch (r.measure()) {
            case "OR" -> "odds ratios (log odds ratios analysed)";
            case "cOR" -> "common odds ratios of a better mRS (proportional-odds model per trial; log scale analysed)";
            case "MD" -> "mean differences";
            default -> "the contrasts given";
        };
    }

    private static void relative(StringBuilder h, NetworkResult r, boolean log) {
        String lv = StudyHtml.pct(r.options().level());
        h.append("<section id=\"relative\"><h2>Every treatment against ").append(esc(r.reference())).append("</h2>\n<table><thead><tr><th>Treatment</th><th>")
                .append(r.measure().equals("cOR") ? "Common odds ratio" : log ? "Odds ratio" : "Difference").append(" [").append(lv).append(" CI]</th><th class=\"num\">p</th></tr></thead><tbody>\n");
        for (Coefficient c : r.relative()) {
            h.append("<tr><td>").append(esc(c.name())).append("</td><td>").append(est(c.estimate(), c.ciLower(), c.ciUpper(), log))
                    .append("</td><td class=\"num\">").append(esc(Fmt.p(c.p()))).append("</td></tr>\n");
        }
        h.append("</tbody></table>\n<figure>").append(Figures.networkForest(r)).append("<figcaption>Each treatment against ")
                .append(esc(r.reference())).append(" with its P-score.</figcaption></figure></section>\n");
    }

    private static void league(StringBuilder h, NetworkResult r, boolean log) {
        h.append("<section id=\"league\"><h2>League table</h2><p>Each cell: the row's treatment relative to the column's, ")
                .append(log ? "odds ratio" : "difference").append(" [").append(StudyHtml.pct(r.options().level()))
                .append(" CI].</p>\n<div style=\"overflow-x:auto\"><table class=\"league\"><thead><tr><th></th>");
        for (String t : r.treatments()) {
            h.append("<th>").append(esc(t)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (String a : r.treatments()) {
            h.append("<tr><th>").append(esc(a)).append("</th>");
            for (String c : r.treatments()) {
                h.append("<td>").append(a.equals(c) ? "" : cell(r, a, c, log)).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static String cell(NetworkResult r, String a, String c, boolean log) {
        for (NetworkResult.Pair p : r.league()) {
            if (p.treat1().equals(a) && p.treat2().equals(c)) {
                return est(p.estimate(), p.ciLower(), p.ciUpper(), log);
            }
            if (p.treat1().equals(c) && p.treat2().equals(a)) {
                return est(-p.estimate(), -p.ciUpper(), -p.ciLower(), log);
            }
        }
        return "";
    }

    private static void ranking(StringBuilder h, NetworkResult r) {
        boolean draws = r.options().simulations() > 0 && r.treatments().size() > 1;
        int nt = r.treatments().size();
        h.append("<section id=\"ranking\"><h2>Ranking</h2><p>").append(r.options().smallBetter() ? "Smaller" : "Larger")
                .append(" effects are better. The P-score is the mean, over the other treatments, of the probability that a treatment is better");
        if (draws) {
            h.append("; SUCRA, the mean rank and the probability of each rank come from ").append(r.options().simulations())
                    .append(" draws of the estimates' normal distribution (seed ").append(r.options().seed())
                    .append("), and SUCRA agrees with the P-score up to the Monte Carlo error");
        }
        h.append(". Rankings are uncertain: read them with the intervals above.</p>\n<div style=\"overflow-x:auto\"><table><thead><tr><th>Treatment</th>"
                + "<th class=\"num\">P-score</th>");
        if (draws) {
            h.append("<th class=\"num\">SUCRA</th><th class=\"num\">Mean rank</th>");
            for (int k = 1; k <= nt; k++) {
                h.append("<th class=\"num\">P(rank ").append(k).append(")</th>");
            }
        }
        h.append("</tr></thead><tbody>\n");
        List<NetworkResult.Rank> sorted = r.ranking().stream().sorted((x, y) -> Double.compare(y.pScore(), x.pScore())).toList();
        for (NetworkResult.Rank x : sorted) {
            h.append("<tr><td>").append(esc(x.treatment())).append("</td><td class=\"num\">").append(Fmt.f(x.pScore(), 3)).append("</td>");
            if (draws) {
                h.append("<td class=\"num\">").append(Fmt.f(x.sucra(), 3)).append("</td><td class=\"num\">").append(Fmt.f(x.meanRank(), 2)).append("</td>");
                for (double v : x.probabilities()) {
                    h.append("<td class=\"num\">").append(Fmt.f(v, 3)).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table></div></section>\n");
    }

    private static void inconsistency(StringBuilder h, NetworkResult r, boolean log) {
        h.append("<section id=\"inconsistency\"><h2>Heterogeneity and inconsistency</h2><ul>\n");
        if (r.options().random()) {
            h.append("<li>tau² = ").append(Fmt.g(r.tau2())).append(" (tau ").append(Fmt.g(Math.sqrt(r.tau2()))).append(log ? ", log odds ratio" : "")
                    .append(")</li>\n");
        }
        h.append("<li>Heterogeneity and inconsistency together: Q = ").append(Fmt.f(r.qe(), 2)).append(", df = ").append(r.qeDf()).append(", ")
                .append(esc(Fmt.pEq(r.qeP()))).append("</li>\n");
        var inc = r.inconsistency();
        if (inc == null) {
            h.append("<li>Design-by-treatment interaction: not testable (no loop and no multi-arm design sharing a comparison).</li>\n");
        } else {
            h.append("<li>Design-by-treatment interaction: between designs Q = ").append(Fmt.f(inc.qBetween(), 2)).append(", df = ")
                    .append(inc.qBetweenDf()).append(", ").append(esc(Fmt.pEq(inc.qBetweenP()))).append("; within designs Q = ").append(Fmt.f(inc.qWithin(), 2))
                    .append(", df = ").append(inc.qWithinDf()).append("; likelihood ratio with random effects (ML) ").append(Fmt.f(inc.lrt(), 2))
                    .append(", df = ").append(inc.lrtDf()).append(", ").append(esc(Fmt.pEq(inc.lrtP()))).append("</li>\n");
        }
        h.append("</ul>\n");
        if (r.options().nodeSplit()) {
            h.append("<h3>Node splitting: direct against indirect evidence</h3>\n");
            if (r.splits().isEmpty()) {
                h.append("<p>No comparison has both direct and indirect evidence.</p>\n");
            } else {
                String lv = StudyHtml.pct(r.options().level());
                h.append("<table><thead><tr><th>Comparison</th><th class=\"num\">Trials</th><th>Network [").append(lv).append(" CI]</th><th>Direct</th>"
                        + "<th>Indirect</th><th class=\"num\">Difference").append(log ? " (log OR)" : "").append("</th><th class=\"num\">p</th></tr></thead><tbody>\n");
                for (NetworkResult.Split x : r.splits()) {
                    h.append("<tr><td>").append(esc(x.treat1())).append(" vs ").append(esc(x.treat2())).append("</td><td class=\"num\">").append(x.studies())
                            .append("</td><td>").append(est(x.network(), x.networkCi()[0], x.networkCi()[1], log)).append("</td><td>")
                            .append(est(x.direct(), x.directCi()[0], x.directCi()[1], log)).append("</td><td>")
                            .append(est(x.indirect(), x.indirectCi()[0], x.indirectCi()[1], log)).append("</td><td class=\"num\">")
                            .append(Fmt.f(x.difference(), 3)).append(" (SE ").append(Fmt.f(x.differenceSe(), 3)).append(")</td><td class=\"num\">")
                            .append(esc(Fmt.p(x.p()))).append(x.converged() ? "" : " (tau² did not converge)").append("</td></tr>\n");
                }
                h.append("</tbody></table>\n");
            }
            if (!r.directOnly().isEmpty()) {
                h.append("<p>Direct evidence only, not split: ").append(esc(String.join("; ", r.directOnly().stream()
                        .map(x -> x.treat1() + " vs " + x.treat2() + " (" + x.studies() + (x.studies() == 1 ? " trial)" : " trials)")).toList())))
                        .append(".</p>\n");
            }
        }
        h.append("</section>\n");
    }

    /**
     * The methods paragraph.
     *
     * @param r the network
     * @return plain text
     */
    public static String methods(NetworkResult r) {
        StringBuilder m = new StringBuilder();
        m.append("Frequentist network meta-analysis with the consistency model (Salanti et al. 2008, Stat Methods Med Res 17:279-301): "
                + "each trial's arms give contrasts against its first arm with the covariance of contrasts sharing that arm; ");
        m.append(r.options().random() ? "random effects with one heterogeneity variance for every comparison (two contrasts of a multi-arm trial "
                + "covarying tau²/2), estimated by " + r.options().method() : "fixed effects").append(", as metafor's rma.mv fits it. ");
        if (r.measure().equals("cOR")) {
            m.append("Each trial's arms fitted by the proportional-odds model with one coefficient per arm (as ordinal::clm with "
                    + "the counts as weights; a category empty in a trial dropped there, as R drops an unused level): its log common odds "
                    + "ratios of a better mRS and their covariance are the trial's contrasts. ");
        }
        if (r.measure().equals("OR")) {
            m.append("Log odds ratios from arm counts, 0.5 added to every cell of a trial with an arm without events or with only events; "
                    + "trials without events (or with only events) in every arm left out. ");
        }
        m.append("Confidence intervals by the normal distribution at ").append(StudyHtml.pct(r.options().level())).append(". ");
        m.append("Ranking by P-scores (Rücker and Schwarzer 2015, BMC Med Res Methodol 15:58)");
        if (r.options().simulations() > 0) {
            m.append(" and SUCRA (Salanti et al. 2011, J Clin Epidemiol 64:163-171) from ").append(r.options().simulations())
                    .append(" draws of the estimates' normal distribution");
        }
        m.append(". Inconsistency by the design-by-treatment interaction model (Higgins et al. 2012, Res Synth Methods 3:98-110) with the "
                + "decomposition of Q (Krahn et al. 2013, BMC Med Res Methodol 13:35)");
        if (r.options().nodeSplit()) {
            m.append(" and by node splitting (Dias et al. 2010, Stat Med 29:932-944): the consistency model refitted with one more parameter for "
                    + "the direct evidence of each comparison (a multi-arm trial containing both treatments takes the first of them, in the "
                    + "treatments' order, as its baseline; tau² re-estimated in each model)");
        }
        m.append(". Computed by strokemeta ").append(Version.get()).append('.');
        return m.toString();
    }

    private static String est(double e, double lo, double hi, boolean log) {
        java.util.function.DoubleUnaryOperator f = log ? Math::exp : x -> x;
        int d = log ? 2 : 3;
        return Fmt.f(f.applyAsDouble(e), d) + " [" + Fmt.f(f.applyAsDouble(lo), d) + ", " + Fmt.f(f.applyAsDouble(hi), d) + "]";
    }

    private static String kv(String k, String v) {
        return "<tr><th>" + esc(k) + "</th><td><code>" + esc(v) + "</code></td></tr>\n";
    }

    private static String esc(String s) {
        return StudyHtml.esc(s);
    }
}
