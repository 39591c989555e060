package org.strokemeta.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strokemeta.evidence.Design;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.plot.ForestPlot;
import org.strokemeta.plot.GrottaPlot;
import org.strokemeta.plot.MetaForest;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.SummaryOfFindings;
import org.strokemeta.subgroup.BetweenTest;

/**
 * The report on the published evidence ({@link PublishedAnalysis}) as one self-contained HTML file:
 * the trials by population, the summary-of-findings tables with the GRADE rules applied, the mRS
 * shift (published common odds ratios and the two-stage analysis of the distributions, with Grotta
 * bars), mRS 0-2, mortality and symptomatic ICH by population with the test for differences between
 * populations, the M2 section, the methods and the source of every number used.
 */
public final class PublishedHtml {
    /** The report's title. */
    public static final String TITLE = "Endovascular thrombectomy versus medical management: the published randomised evidence";

    private PublishedHtml() {
    }

    /**
     * The report.
     *
     * @param r          the analysis
     * @param provenance where the evidence came from and when the report was made (printed at the end)
     * @return the HTML document, self-contained
     */
    public static String render(PublishedAnalysis.Result r, String provenance) {
        StringBuilder h = new StringBuilder(200_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>").append(esc(TITLE)).append("</title><style>")
                .append(StudyHtml.CSS).append(CSS).append("</style></head><body><main>\n");
        h.append("<h1>").append(esc(TITLE)).append("</h1>\n");
        long trials = r.evidence().stream().filter(t -> "trial".equals(t.kind())).count();
        h.append("<p class=\"sub\">").append(trials).append(" randomised trials and ").append(r.evidence().size() - trials)
                .append(" published pooled analyses; every number is a published one (or derived from published ones by the arithmetic its "
                        + "note states), with its source listed at the end. ").append(esc(provenance)).append("</p>\n");
        trials(h, r);
        findings(h, r);
        shift(h, r);
        int n = 4;
        for (String o : PublishedAnalysis.BINARY) {
            binary(h, r.outcome(o), n++);
        }
        if (!r.bayes().isEmpty()) {
            bayes(h, r, n++);
        }
        if (!r.sequential().isEmpty()) {
            sequential(h, r, n++);
        }
        m2(h, r, n++);
        h.append("<section id=\"methods\"><h2>").append(n++).append(". Methods</h2><p>").append(esc(methods(r))).append("</p></section>\n");
        sources(h, r, n);
        h.append("</main></body></html>\n");
        return h.toString();
    }

    private static void trials(StringBuilder h, PublishedAnalysis.Result r) {
        h.append("<section id=\"trials\"><h2>1. The trials</h2>\n<table><thead><tr><th>Population</th><th>Trial</th><th>Randomised "
                + "(thrombectomy / control)</th><th>Time window</th><th>Published primary effect</th></tr></thead><tbody>\n");
        for (Population p : Population.values()) {
            for (TrialEvidence t : r.evidence()) {
                if (t.population() != p) {
                    continue;
                }
                PublishedValue e = t.values("primary_effect").isEmpty() ? null : t.values("primary_effect").get(0);
                h.append("<tr><td>").append(esc(p.label())).append("</td><td>").append(esc(t.trial()))
                        .append("pooled-analysis".equals(t.kind()) ? " <span class=\"miss\">(pooled analysis)</span>" : "").append("</td><td>")
                        .append(esc(arms(t))).append("</td><td>").append(esc(nz(t.design() == null ? null : t.design().timeWindow())))
                        .append("</td><td>").append(esc(effect(e))).append("</td></tr>\n");
            }
        }
        h.append("</tbody></table>\n");
        if (!r.reproductions().isEmpty()) {
            long agree = r.reproductions().stream().filter(PublishedAnalysis.Reproduction::agrees).count();
            h.append("<h3>Published effects recomputed from the published numbers</h3>\n<p>Each published effect that the trial's own "
                    + "published distribution or counts can give, recomputed unadjusted: ").append(agree).append(" of ")
                    .append(r.reproductions().size()).append(" lie inside the published 95% confidence interval (an adjusted estimate may "
                            + "differ a little; one far outside points to a wrong number or another population).</p>\n<table><thead><tr><th>Trial</th>"
                            + "<th>Published</th><th>Recomputed from</th><th>Recomputed</th><th>Inside the interval</th></tr></thead><tbody>\n");
            for (PublishedAnalysis.Reproduction x : r.reproductions()) {
                h.append("<tr><td>").append(esc(x.trial())).append("</td><td>").append(esc(effect(x.published()))).append("</td><td>")
                        .append(esc(x.from())).append("</td><td>").append(Fmt.f(x.computed(), 2)).append("</td><td>")
                        .append(x.agrees() ? "yes" : "<strong>no</strong>").append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    static String arms(TrialEvidence t) {
        Integer e = null;
        Integer c = null;
        for (var a : t.arms()) {
            if ("evt".equals(a.arm())) {
                e = a.randomised();
            } else if ("control".equals(a.arm())) {
                c = a.randomised();
            }
        }
        return (e == null ? "—" : e.toString()) + " / " + (c == null ? "—" : c.toString());
    }

    static String effect(PublishedValue e) {
        if (e == null || e.estimate() == null) {
            return e == null ? "—" : nz(e.measure()) + ": no estimate read";
        }
        return Fmt.f(e.estimate(), 2) + (e.ciLower() == null ? "" : " [" + Fmt.f(e.ciLower(), 2) + ", " + Fmt.f(e.ciUpper(), 2) + "]") + " "
                + nz(e.measure()) + (Boolean.TRUE.equals(e.adjusted()) ? " (adjusted)" : "") + " (" + e.confidence().label() + ")";
    }

    private static void findings(StringBuilder h, PublishedAnalysis.Result r) {
        SummaryOfFindings s = r.findings();
        h.append("<section id=\"summary-of-findings\"><h2>2. Summary of findings (GRADE)</h2>\n");
        for (Population p : Population.values()) {
            List<SummaryOfFindings.Row> rows = s.rows().stream().filter(x -> x.population() == p).toList();
            if (rows.isEmpty()) {
                continue;
            }
            List<String> notes = new ArrayList<>();
            h.append("<h3 id=\"sof-").append(p.label()).append("\">").append(esc(populationTitle(p))).append("</h3>\n<table class=\"sof\"><thead><tr>"
                    + "<th>Outcome</th><th>Relative effect (95% CI)</th><th>Control, per 1,000</th><th>Thrombectomy, per 1,000 (95% CI)</th>"
                    + "<th>Difference per 1,000 (95% CI)</th><th>Participants (trials)</th><th>Certainty</th><th>Reasons</th></tr></thead><tbody>\n");
            for (SummaryOfFindings.Row x : rows) {
                h.append("<tr><td>").append(esc(x.label())).append("</td>");
                if (x.certainty() == null) {
                    notes.add(esc(x.label() + ": " + x.note()));
                    h.append("<td colspan=\"6\">no trial with data</td><td><sup>").append(notes.size()).append("</sup></td></tr>\n");
                    continue;
                }
                h.append("<td>").append(esc(x.measure() + " " + ci(x.estimate(), x.lower(), x.upper()))).append("</td><td>")
                        .append(Double.isNaN(x.controlPer1000()) ? "—" : Fmt.f(x.controlPer1000(), 0)).append("</td><td>")
                        .append(Double.isNaN(x.evtPer1000()) ? "—" : esc(Fmt.f(x.evtPer1000(), 0) + " (" + Fmt.f(x.evtLower(), 0) + " to "
                                + Fmt.f(x.evtUpper(), 0) + ")"))
                        .append("</td><td>").append(Double.isNaN(x.differencePer1000()) ? "—" : esc(signed(x.differencePer1000()) + " ("
                                + signed(x.differenceLower()) + " to " + signed(x.differenceUpper()) + ")"))
                        .append("</td><td>").append(Fmt.f(x.participants(), 0)).append(" (").append(x.trials()).append(")</td><td class=\"c-")
                        .append(x.certainty().name().toLowerCase(Locale.ROOT)).append("\">").append(esc(x.certainty().label()))
                        .append(x.provisional() ? "*" : "").append("</td><td>");
                List<String> down = new ArrayList<>();
                StringBuilder all = new StringBuilder();
                for (SummaryOfFindings.Domain d : x.domains()) {
                    if (d.downgrade() > 0) {
                        down.add("<strong>−" + d.downgrade() + " " + esc(d.name()) + "</strong> (" + esc(d.judgment()) + "): " + esc(d.reason()));
                    }
                    all.append("<li>").append(esc(d.name())).append(": ").append(esc(d.judgment())).append(" — ").append(esc(d.reason())).append("</li>");
                }
                h.append(down.isEmpty() ? "no downgrade" : String.join("<br>", down)).append("<details><summary>all domains</summary><ul>")
                        .append(all).append("</ul></details>");
                if (!x.note().isEmpty()) {
                    notes.add(esc(x.label() + ": " + x.note()));
                    h.append("<sup>").append(notes.size()).append("</sup>");
                }
                h.append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
            if (!notes.isEmpty()) {
                h.append("<ol class=\"notes\">");
                for (String n : notes) {
                    h.append("<li>").append(n).append("</li>");
                }
                h.append("</ol>\n");
            }
            if (rows.stream().anyMatch(SummaryOfFindings.Row::provisional)) {
                h.append("<p class=\"miss\">* provisional: the risk of bias of some pooled trials was not assessed (no published judgment "
                        + "bundled, none supplied); the certainty assumes no downgrade for it.</p>\n");
            }
        }
        h.append("<h3>Rules applied</h3><ol class=\"rules\">");
        for (String rule : s.rules()) {
            h.append("<li>").append(esc(rule)).append("</li>");
        }
        h.append("</ol>\n<p>Risk of bias: no published RoB 2 judgment per trial is bundled (none was found in the sources read; see "
                + "docs/published-evidence.md), so every certainty above is provisional until a panel supplies its judgments "
                + "(<code>strokemeta report --published --judgments FILE</code>).</p></section>\n");
    }

    private static void shift(StringBuilder h, PublishedAnalysis.Result r) {
        h.append("<section id=\"shift\"><h2>3. 90-day mRS shift</h2>\n<h3>Published common odds ratios</h3>\n<p>Each trial's published "
                + "common odds ratio (values above 1 favour thrombectomy), pooled on the log scale with the standard error from its 95% "
                + "confidence interval; adjusted and unadjusted estimates as each trial published them.</p>\n");
        PublishedAnalysis.OutcomeAnalysis pub = r.outcome(PublishedAnalysis.SHIFT);
        outcomeBody(h, pub);
        h.append("<h3>Two-stage analysis of the published distributions</h3>\n<p>Each trial's unadjusted common odds ratio from its published "
                + "90-day mRS distribution (proportional odds), pooled by random effects.</p>\n");
        outcomeBody(h, r.outcome(PublishedAnalysis.SHIFT_TWO_STAGE));
        for (PublishedAnalysis.Distributions d : r.distributions()) {
            h.append("<h3>Grotta bars: ").append(esc(populationTitle(d.population()))).append("</h3>\n<div class=\"grid\">");
            for (PublishedAnalysis.Entry e : d.trials()) {
                h.append("<figure>").append(GrottaPlot.svg(List.of(new GrottaPlot.Bar("Thrombectomy", cells(e.evt())),
                        new GrottaPlot.Bar("Control", cells(e.control()))), GrottaPlot.mrsLabels(7))).append("<figcaption>")
                        .append(esc(e.trial())).append(": 90-day mRS, percent of each arm (").append(e.evt().confidence().label())
                        .append(")</figcaption></figure>");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    private static double[] cells(PublishedValue v) {
        double[] c = new double[7];
        for (int i = 0; i < 7; i++) {
            c[i] = v.mrs().get(i);
        }
        return c;
    }

    private static void bayes(StringBuilder h, PublishedAnalysis.Result r, int n) {
        var q = r.request().bayes();
        h.append("<section id=\"bayes\"><h2>").append(n).append(". Bayesian random-effects analysis</h2>\n<p>The same trials and log ratios as "
                + "the random-effects analyses above, in the normal-normal model computed exactly by numerical integration (as the R "
                + "package bayesmeta). Prior of the pooled log ratio: ").append(esc(q.muPrior().describe())).append(". Prior of the "
                + "between-trial SD: ").append(q.tauPrior() == null ? "Turner et al.'s empirical prior for each outcome (log odds ratios; "
                + "thrombectomy added to medical care as a non-pharmacological intervention against control), named under each table; "
                + "they were derived for log odds ratios and serve here for the risk ratios too, an approximation (the inconsistency of "
                + "binary outcomes was similar on both scales: Rhodes et al., Res Synth Methods 2016;7:346-370)"
                : esc(q.tauPrior().describe())).append(". Credible intervals are equal-tailed ").append(Fmt.f(100 * r.request().options().level(), 0))
                .append("%; a new trial's effect is the posterior predictive of the true effect in a new trial.</p>\n");
        for (String outcome : org.strokemeta.study.PublishedBayes.OUTCOMES) {
            List<org.strokemeta.study.PublishedBayes.Entry> es = r.bayes().stream().filter(e -> e.outcome().equals(outcome)).toList();
            if (es.isEmpty()) {
                continue;
            }
            String measure = es.get(0).measure();
            h.append("<h3>").append(esc(cap(r.outcome(outcome).label()))).append("</h3>\n<table><thead><tr><th>Population</th><th>Trials</th>"
                    + "<th>Posterior median ").append(esc(measure)).append(" (CrI)</th><th>A new trial's ").append(esc(measure))
                    .append(" (CrI)</th><th>Between-trial SD (CrI)</th>");
            for (double t : q.thresholds()) {
                h.append("<th>P(").append(esc(measure)).append(" &gt; ").append(esc(plain(t))).append(")</th>");
            }
            h.append("</tr></thead><tbody>\n");
            java.util.LinkedHashSet<String> priors = new java.util.LinkedHashSet<>();
            List<String[]> notes = new ArrayList<>();
            for (var e : es) {
                priors.add(e.prior().describe());
                h.append("<tr><td>").append(esc(e.population().label())).append("</td>");
                if (e.result() == null) {
                    h.append("<td colspan=\"").append(4 + q.thresholds().size()).append("\" class=\"miss\">").append(esc(e.note()))
                            .append("</td></tr>\n");
                    continue;
                }
                var b = e.result();
                h.append("<td>").append(b.studies().size()).append("</td><td>")
                        .append(esc(ci(Math.exp(b.mu().median()), Math.exp(b.mu().lower()), Math.exp(b.mu().upper())))).append("</td><td>")
                        .append(esc(ci(Math.exp(b.predictive().median()), Math.exp(b.predictive().lower()), Math.exp(b.predictive().upper()))))
                        .append("</td><td>").append(esc(Fmt.f(b.tau().median(), 3) + " (" + Fmt.f(b.tau().lower(), 3) + " to "
                                + Fmt.f(b.tau().upper(), 3) + ")")).append("</td>");
                for (double p : b.exceedance()) {
                    h.append("<td>").append(Fmt.f(p, 3)).append("</td>");
                }
                h.append("</tr>\n");
                if (e.note() != null) {
                    notes.add(new String[] {e.population().label(), e.note()});
                }
                b.notes().forEach(x -> notes.add(new String[] {e.population().label(), x}));
            }
            h.append("</tbody></table>\n<p class=\"miss\">Prior of the between-trial SD: ").append(esc(String.join("; ", priors))).append(".");
            // each note once, with the populations it concerns
            java.util.Map<String, List<String>> byNote = new java.util.LinkedHashMap<>();
            for (String[] x : notes) {
                byNote.computeIfAbsent(x[1], k -> new ArrayList<>()).add(x[0]);
            }
            byNote.forEach((note, pops) -> h.append(" ").append(esc(String.join(", ", pops) + ": " + note)).append(note.endsWith(".") ? "" : "."));
            h.append("</p>\n");
        }
        h.append("</section>\n");
    }

    private static void sequential(StringBuilder h, PublishedAnalysis.Result r, int n) {
        var q = r.request();
        h.append("<section id=\"tsa\"><h2>").append(n).append(". Trial sequential analysis</h2>\n<p>Is the evidence of each population "
                + "conclusive, allowing for the repeated looks as trials accumulated? The trials enter in the order of their primary "
                + "publications (by year, and within a year by PubMed identifier, which PubMed assigns in the order it indexes "
                + "articles); the cumulative z-curve is the "
                + "DerSimonian-Laird random-effects risk ratio; the required information size is that of a ")
                .append(Fmt.f(100 * q.relativeEffect(), 0)).append("% relative increase of mRS 0-2 and a ").append(Fmt.f(100 * q.relativeEffect(), 0))
                .append("% relative reduction of death and of symptomatic ICH from the population's pooled control risk (two-sided alpha ")
                .append(plain(q.alpha())).append(", power ").append(plain(q.power())).append("), corrected for diversity (D²); the monitoring "
                        + "boundaries are Lan-DeMets O'Brien-Fleming-type alpha spending, computed at the information fractions reached "
                        + "(Wetterslev et al., J Clin Epidemiol 2008;61:64-75).</p>\n");
        for (String outcome : org.strokemeta.study.PublishedSequential.OUTCOMES) {
            List<org.strokemeta.study.PublishedSequential.Entry> es = r.sequential().stream().filter(e -> e.outcome().equals(outcome)).toList();
            if (es.isEmpty()) {
                continue;
            }
            h.append("<h3>").append(esc(cap(r.outcome(outcome).label()))).append("</h3>\n<table><thead><tr><th>Population</th><th>Trials in order</th>"
                    + "<th>Target</th><th>Required information (D²)</th><th>Patients (fraction)</th><th>Final z</th><th>Boundary</th>"
                    + "<th>Conclusion</th><th>TSA-adjusted 95% CI of the RR</th></tr></thead><tbody>\n");
            List<String[]> plots = new ArrayList<>();
            for (var e : es) {
                h.append("<tr><td>").append(esc(e.population().label())).append("</td><td>").append(esc(String.join(", ", e.order()))).append("</td>");
                if (e.result() == null) {
                    h.append("<td colspan=\"7\" class=\"miss\">").append(esc(e.note())).append("</td></tr>\n");
                    continue;
                }
                var t = e.result();
                int last = t.z().length - 1;
                String conclusion = t.crossed() ? "boundary crossed after " + t.studies().get(t.crossedAt() - 1)
                        : "not conclusive: no boundary crossed";
                h.append("<td>").append(esc(t.options().target().describe())).append("</td><td>").append(Fmt.f(t.ris(), 0)).append(" (D² ")
                        .append(Fmt.f(100 * t.diversity(), 0)).append("%)</td><td>").append(Fmt.f(t.information()[last], 0)).append(" (")
                        .append(Fmt.f(t.fraction()[last], 2)).append(")</td><td>").append(Fmt.f(t.z()[last], 2)).append("</td><td>")
                        .append(Double.isInfinite(t.alphaBoundary()[last]) ? "none" : "±" + Fmt.f(t.alphaBoundary()[last], 2)).append("</td><td>")
                        .append(esc(conclusion)).append("</td><td>").append(Double.isFinite(t.adjustedLower())
                                ? esc(ratio(Math.exp(t.adjustedLower())) + " to " + ratio(Math.exp(t.adjustedUpper())))
                                : "unbounded").append("</td></tr>\n");
                plots.add(new String[] {e.population().label(), org.strokemeta.plot.TsaPlot.svg(t)});
            }
            h.append("</tbody></table>\n<div class=\"grid\">");
            for (String[] p : plots) {
                h.append("<figure>").append(p[1].replaceFirst("^<\\?xml[^>]*>\\s*", "")).append("<figcaption>").append(esc(cap(r.outcome(outcome).label())))
                        .append(", ").append(esc(p[0])).append(": cumulative z-curve and monitoring boundaries.</figcaption></figure>");
            }
            h.append("</div>\n");
        }
        h.append("</section>\n");
    }

    /** A ratio to 2 decimals, or beyond 1/1000 and 1000 as a bound (the JSON holds the value). */
    private static String ratio(double v) {
        return v > 1000 ? "> 1000" : v < 0.001 ? "< 0.001" : Fmt.f(v, 2);
    }

    /** A number without trailing zeros: 0.05, 0.8. */
    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static void binary(StringBuilder h, PublishedAnalysis.OutcomeAnalysis o, int n) {
        h.append("<section id=\"").append(o.outcome().replace('_', '-')).append("\"><h2>").append(n).append(". ").append(esc(cap(o.label())))
                .append("</h2>\n<p>Risk ratios from the published counts: random effects (REML) by population; Mantel-Haenszel without "
                        + "continuity correction beside it")
                .append(o.outcome().equals("sich") ? ", and Peto's odds ratio, both suited to sparse events (Bradburn et al., Stat Med "
                        + "2007;26:53-77)" : "").append(".</p>\n");
        outcomeBody(h, o);
        h.append("</section>\n");
    }

    private static void outcomeBody(StringBuilder h, PublishedAnalysis.OutcomeAnalysis o) {
        if (o.overall() == null) {
            h.append("<p>No trial has data.</p>\n");
            excluded(h, o);
            return;
        }
        h.append("<table><thead><tr><th>Population</th><th>Trials</th><th>Random effects ").append(esc(o.measure()))
                .append(" (95% CI)</th><th>I²</th><th>95% prediction interval</th>");
        boolean binary = PublishedAnalysis.BINARY.contains(o.outcome());
        boolean sparse = o.populations().stream().anyMatch(x -> x.sparse() != null);
        if (binary) {
            h.append("<th>Mantel-Haenszel RR</th>");
            if (o.outcome().equals("sich")) {
                h.append("<th>Peto OR</th>");
            }
            if (sparse) {
                h.append("<th>Logistic mixed model OR (sparse events)</th>");
            }
        }
        h.append("</tr></thead><tbody>\n");
        for (PublishedAnalysis.PopulationResult p : o.populations()) {
            PooledEstimate pe = p.randomEffects().pooled();
            h.append("<tr><td>").append(esc(p.population().label())).append("</td><td>").append(p.trials()).append("</td><td>")
                    .append(esc(ci(Math.exp(pe.estimate()), Math.exp(pe.ciLower()), Math.exp(pe.ciUpper())))).append("</td><td>")
                    .append(p.trials() > 1 ? Fmt.f(p.randomEffects().heterogeneity().i2(), 0) + "%" : "—").append("</td><td>")
                    .append(Double.isNaN(pe.piLower()) || p.trials() < 2 ? "—" : esc(Fmt.f(Math.exp(pe.piLower()), 2) + " to "
                            + Fmt.f(Math.exp(pe.piUpper()), 2))).append("</td>");
            if (binary) {
                h.append("<td>").append(fixed(p.mantelHaenszel(), p.notes(), "Mantel-Haenszel")).append("</td>");
                if (o.outcome().equals("sich")) {
                    h.append("<td>").append(fixed(p.peto(), p.notes(), "Peto")).append("</td>");
                }
                if (sparse) {
                    var g = p.glmm();
                    h.append("<td>").append(g != null ? esc(ci(Math.exp(g.estimate()), Math.exp(g.ciLower()), Math.exp(g.ciUpper()))
                            + ", tau² " + Fmt.g(g.tau2())) : p.sparse() == null ? "—" : fixed(null, p.notes(), "Logistic mixed model"))
                            .append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("</tbody></table>\n");
        if (sparse) {
            h.append("<p>Sparse events: ");
            List<String> why = new ArrayList<>();
            for (PublishedAnalysis.PopulationResult p : o.populations()) {
                if (p.sparse() != null) {
                    why.add(p.population().label() + ", " + p.sparse());
                }
            }
            h.append(esc(String.join("; ", why))).append(". Inverse-variance pooling with continuity corrections is biased with so few "
                    + "events (Bradburn et al., Stat Med 2007;26:53-77); the logistic mixed model of the 2×2 tables (fixed trial "
                    + "intercepts, random treatment effect, 7-point adaptive quadrature: metafor's rma.glmm UM.FS; "
                    + "<code>strokemeta glmm</code>) needs no correction and is the suggested analysis there.</p>\n");
        }
        BetweenTest b = o.byPopulation() == null ? null : o.byPopulation().between();
        if (b != null && o.populations().size() > 1) {
            h.append("<p>Test for differences between populations: Q = ").append(Fmt.f(b.statistic(), 2)).append(", df = ").append(b.df1())
                    .append(", ").append(esc(Fmt.pEq(b.p()))).append(".</p>\n");
        }
        h.append("<figure>").append(ForestPlot.svg(forest(o))).append("<figcaption>").append(esc(cap(o.label())))
                .append(" by population (random effects). The overall diamond pools populations that differ; read the populations' "
                        + "subtotals.</figcaption></figure>\n");
        excluded(h, o);
    }

    /**
     * The forest plot of an outcome by population: each population's trials and random-effects subtotal,
     * the test for differences between populations in the footer.
     *
     * @param o the outcome's analysis (with at least one trial)
     * @return the plot
     * @throws IllegalArgumentException when no trial has data
     */
    public static ForestPlot.Spec forest(PublishedAnalysis.OutcomeAnalysis o) {
        if (o.overall() == null) {
            throw new IllegalArgumentException("no trial has data for " + o.outcome());
        }
        MetaForest.Direction dir = o.outcome().equals("mortality") || o.outcome().equals("sich") ? MetaForest.Direction.HARMFUL
                : MetaForest.Direction.BENEFICIAL;
        ForestPlot.Spec spec = MetaForest.of(o.byPopulation(), o.overall().result(), MetaForest.Options.defaults().withDirection(dir));
        String axis = (o.measure().equals("RR") ? "Risk ratio" : "Common odds ratio") + " (log scale)";
        return new ForestPlot.Spec(spec.rows(), spec.columns(), spec.logScale(), axis, spec.favoursLeft(), spec.favoursRight(), spec.footer(),
                spec.maxLabel());
    }

    private static String fixed(MetaResult m, List<String> notes, String method) {
        if (m == null) {
            for (String n : notes) {
                if (n.startsWith(method)) {
                    return "not estimable: " + esc(n.substring(method.length() + 2));
                }
            }
            return "—";
        }
        PooledEstimate pe = m.pooled();
        return esc(ci(Math.exp(pe.estimate()), Math.exp(pe.ciLower()), Math.exp(pe.ciUpper())));
    }

    private static void excluded(StringBuilder h, PublishedAnalysis.OutcomeAnalysis o) {
        if (o.excluded().isEmpty()) {
            return;
        }
        h.append("<details><summary>Trials not pooled (").append(o.excluded().size()).append(")</summary><ul>");
        for (PublishedAnalysis.Excluded x : o.excluded()) {
            h.append("<li>").append(esc(x.trial() + " (" + x.population().label() + "): " + x.reason())).append("</li>");
        }
        h.append("</ul></details>\n");
    }

    private static void m2(StringBuilder h, PublishedAnalysis.Result r, int n) {
        List<PublishedAnalysis.M2Entry> main = r.m2().stream().filter(e -> !"trial".equals(e.trial().kind())
                || e.trial().population() == Population.MEVO).toList();
        List<String> mevo = main.stream().filter(e -> "trial".equals(e.trial().kind())).map(e -> e.trial().trial()).toList();
        h.append("<section id=\"m2\"><h2>").append(n).append(". M2-segment occlusions: HERMES M2 and the medium-vessel trials</h2>\n<p>"
                + "HERMES M2 analysed the patients with an M2 occlusion within the HERMES trials; the medium and distal vessel trials (")
                .append(esc(String.join(", ", mevo))).append(") randomised patients with medium or distal vessel occlusions, of whom M2 "
                + "occlusions were a part. The table sets side by side what their publications say about the occlusions enrolled (M2 "
                + "segment and dominance), the time window, the imaging selection and the primary outcome, then their results; every cell is "
                + "as the sources read state it, and a trial whose results were read only in news reports says so. Read across the rows: which "
                + "M2 occlusions each enrolled, how late after onset, on what imaging, and what their primary outcome measured; a result of one "
                + "is evidence for the others' patients only as far as these agree.</p>\n");
        h.append("<table class=\"m2\"><thead><tr><th></th>");
        for (PublishedAnalysis.M2Entry e : main) {
            h.append("<th>").append(esc(e.trial().trial())).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        m2Row(h, main, "Occlusions enrolled", e -> e.trial().design() == null ? null : e.trial().design().occlusionSites());
        m2Row(h, main, "M2 segment", e -> e.trial().design() == null ? null : e.trial().design().m2Included());
        m2Row(h, main, "Time window", e -> e.trial().design() == null ? null : e.trial().design().timeWindow());
        m2Row(h, main, "Imaging selection", e -> e.trial().design() == null ? null : e.trial().design().imagingSelection());
        m2Row(h, main, "Primary outcome", e -> e.trial().design() == null ? null : e.trial().design().primaryOutcome());
        m2Row(h, main, "Publications", e -> e.trial().publications().stream().map(x -> x.citation() + " (" + x.role() + ")")
                .reduce((a, b) -> a + "; " + b).orElse(null));
        m2Row(h, main, "Randomised (thrombectomy / control)", e -> arms(e.trial()));
        m2Row(h, main, "Primary effect", e -> effect(e.primary()));
        for (String o : List.of("mrs_0_1", "mrs_0_2", "mortality", "sich")) {
            m2Row(h, main, PublishedAnalysis.label(o), e -> armResult(e, o));
        }
        m2Row(h, main, "M2 patients", e -> e.m2().isEmpty() ? null : e.m2().stream().map(PublishedHtml::m2Text).reduce((a, b) -> a + "; " + b)
                .orElse(null));
        m2Row(h, main, "Design read in", e -> e.trial().design() == null ? null : e.trial().design().sources().stream()
                .map(x -> x.ref() + (x.where() == null ? "" : " (" + x.where() + ")")).reduce((a, b) -> a + "; " + b).orElse(null));
        h.append("</tbody></table>\n");
        List<PublishedAnalysis.M2Entry> other = r.m2().stream().filter(e -> !main.contains(e)).toList();
        if (!other.isEmpty()) {
            h.append("<h3>M2 patients in the other trials</h3><ul>");
            for (PublishedAnalysis.M2Entry e : other) {
                h.append("<li><strong>").append(esc(e.trial().trial())).append("</strong>: ")
                        .append(esc(e.m2().stream().map(PublishedHtml::m2Text).reduce((a, b) -> a + "; " + b).orElse(""))).append("</li>");
            }
            h.append("</ul>\n");
        }
        h.append("</section>\n");
    }

    private static String m2Text(PublishedValue v) {
        String n = v.n() == null ? "" : v.n() + (v.n() == 1 ? " patient" : " patients") + (v.total() == null ? "" : " of " + Math.round(v.total())) + " (" + v.confidence().label() + "). ";
        return n + nz(v.note());
    }

    private static String armResult(PublishedAnalysis.M2Entry e, String outcome) {
        StringBuilder sb = new StringBuilder();
        for (String arm : List.of("evt", "control")) {
            for (PublishedValue v : e.outcomes()) {
                if (v.outcome().equals(outcome) && arm.equals(v.arm())) {
                    if (sb.length() > 0) {
                        sb.append(" vs ");
                    }
                    sb.append(v.events() != null && v.total() != null ? Math.round(v.events()) + "/" + Math.round(v.total()) : "")
                            .append(v.percent() != null ? (v.events() != null ? " (" : "") + pct(v.percent()) + "%" + (v.events() != null ? ")" : "") : "");
                }
            }
        }
        return sb.length() == 0 ? null : sb + " (thrombectomy vs control)";
    }

    private static void m2Row(StringBuilder h, List<PublishedAnalysis.M2Entry> es, String label,
                              java.util.function.Function<PublishedAnalysis.M2Entry, String> cell) {
        h.append("<tr><th>").append(esc(label)).append("</th>");
        for (PublishedAnalysis.M2Entry e : es) {
            String v = cell.apply(e);
            h.append("<td>").append(v == null || v.isBlank() ? "<span class=\"miss\">not found in the sources read</span>" : esc(v)).append("</td>");
        }
        h.append("</tr>\n");
    }

    /**
     * The methods paragraph.
     *
     * @param r the analysis
     * @return plain text
     */
    public static String methods(PublishedAnalysis.Result r) {
        return "Aggregate data of the randomised trials of endovascular thrombectomy against medical management, as published (the "
                + "bundled evidence base; strokemeta evidence lists every number with its source), grouped by population. For each arm the "
                + "best-known count was used: read in the primary publication, else derived from published numbers, else read in a secondary "
                + "source; when a source gave only a percentage with its denominator and exactly one count gives that percentage to its printed "
                + "decimals, that count was used and marked derived. Binary outcomes were pooled as risk ratios by random effects ("
                + r.request().options().tau2Method() + " estimate of tau², Wald-type 95% confidence and prediction intervals) within each "
                + "population, with the Mantel-Haenszel risk ratio (no continuity correction) beside it and, for symptomatic intracranial "
                + "haemorrhage, Peto's odds ratio. The mRS shift was pooled from the trials' published common odds ratios on the log scale, "
                + "each standard error taken from its 95% confidence interval (log(upper) - log(lower)) / (2 x 1.96), and separately in two stages "
                + "from the published mRS distributions (proportional-odds model per trial, unadjusted). Differences between populations were "
                + "tested with the Q test of the populations' random-effects estimates. Pooled analyses (HERMES) did not enter as trials. The "
                + "summary of findings follows the GRADE rules printed with it.";
    }

    private static void sources(StringBuilder h, PublishedAnalysis.Result r, int n) {
        h.append("<section id=\"sources\"><h2>").append(n).append(". Sources of the numbers used</h2>\n<table><thead><tr><th>Analysis</th>"
                + "<th>Trial</th><th>Arm</th><th>Value</th><th>Confidence</th><th>Source</th></tr></thead><tbody>\n");
        for (PublishedAnalysis.OutcomeAnalysis o : r.outcomes()) {
            for (PublishedAnalysis.Entry e : o.used()) {
                for (PublishedValue v : new PublishedValue[] {e.effect(), e.evt(), e.control()}) {
                    if (v == null) {
                        continue;
                    }
                    String value = v.mrs() != null ? "mRS " + v.mrs().stream().map(d -> Long.toString(Math.round(d))).reduce((a, b) -> a + "/" + b).orElse("")
                            : v.estimate() != null ? effect(v) : Math.round(v.events()) + "/" + Math.round(v.total());
                    h.append("<tr><td>").append(esc(o.outcome())).append("</td><td>").append(esc(e.trial())).append("</td><td>")
                            .append(esc(nz(v.arm()))).append("</td><td>").append(esc(value)).append("</td><td>").append(esc(v.confidence().label()))
                            .append("</td><td><code>").append(esc(v.source().ref())).append("</code> ").append(esc(nz(v.source().where())))
                            .append(v.confidence().label().equals("derived") && v.note() != null ? " <span class=\"miss\">" + esc(v.note()) + "</span>" : "")
                            .append("</td></tr>\n");
                }
            }
        }
        h.append("</tbody></table></section>\n");
    }

    static String populationTitle(Population p) {
        return switch (p) {
            case LVO_EARLY -> "Anterior large-vessel occlusion, early window (lvo-early)";
            case LATE_WINDOW -> "Anterior large-vessel occlusion, late window (late-window)";
            case LARGE_CORE -> "Large ischaemic core (large-core)";
            case BASILAR -> "Basilar artery occlusion (basilar)";
            case MEVO -> "Medium and distal vessel occlusion (mevo)";
        };
    }

    static String ci(double e, double lo, double hi) {
        return Fmt.f(e, 2) + " (" + Fmt.f(lo, 2) + " to " + Fmt.f(hi, 2) + ")";
    }

    private static String signed(double v) {
        long r = Math.round(v);
        return (r > 0 ? "+" : r < 0 ? "−" : "") + Math.abs(r);
    }

    private static String pct(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String cap(String s) {
        // "mRS" keeps its lower-case m
        return s.isEmpty() || s.startsWith("mRS") ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String esc(String s) {
        return StudyHtml.esc(s == null ? "" : s);
    }

    private static final String CSS = "main{max-width:1180px}table.m2{table-layout:fixed;width:100%}table.m2 td{overflow-wrap:anywhere}table.m2 thead th:first-child{width:9rem}ol.notes{font-size:.82rem;color:#444}h3{font-size:1.02rem;margin-top:1.4rem}table.sof td,table.m2 td{font-size:.85rem}"
            + ".c-high{background:#d9f0d3}.c-moderate{background:#fff3c4}.c-low{background:#fde0c5}.c-very_low{background:#f8c9c4}"
            + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:.4rem 1.2rem}ol.rules{font-size:.88rem;color:#333}details{margin:.4rem 0 1rem;font-size:.9rem}";
}
