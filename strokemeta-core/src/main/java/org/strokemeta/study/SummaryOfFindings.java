package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.bias.EggerTest;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.PooledEstimate;

/**
 * GRADE summary-of-findings tables of the published evidence: for each population and outcome, the
 * relative effect with its confidence interval, the anticipated absolute effects per 1,000 patients
 * (control risk from the pooled control arms, the relative risk applied to it), the participants and
 * trials, and the certainty of the evidence with the reason of every downgrade. The rules applied are
 * {@link #RULES}, printed with every table; they follow the GRADE handbook (Schünemann et al. 2013) and
 * the GRADE guidelines 5 to 8 (Guyatt et al., J Clin Epidemiol 2011;64:1277-1303): randomised trials
 * start at high certainty; risk of bias, inconsistency, indirectness, imprecision and publication bias
 * can each lower it by one or two levels.
 *
 * @param rows  one row per population and outcome, in population order
 * @param rules the rules applied, as printed
 * @serial exclude
 */
public record SummaryOfFindings(List<Row> rows, List<String> rules) implements Serializable {
    /** Trials needed before a small-study test is run (Sterne et al., BMJ 2011;343:d4002). */
    public static final int MIN_TRIALS_SMALL_STUDY = 10;

    /** The rules, as printed with the tables. */
    public static final List<String> RULES = List.of(
            "Start: randomised trials start at high certainty; each domain below can lower it by one level (serious) or two (very serious); "
                    + "the certainty is high, moderate, low or very low.",
            "Risk of bias (RoB 2 judgments per trial, weighted by the trials' random-effects weights): very serious when trials at high risk "
                    + "carry at least half of the weight; serious when trials at high risk or with some concerns carry at least half; a trial "
                    + "without a judgment counts as not assessed, and when any trial is not assessed the certainty is marked provisional.",
            "Inconsistency: not applicable to a single trial; very serious when I² is at least 75% and the trials' estimates lie on both "
                    + "sides of no effect; serious when I² is at least 50% and either the estimates lie on both sides of no effect or the 95% "
                    + "prediction interval includes no effect while the confidence interval excludes it.",
            "Indirectness: the panel's judgment for the population and outcome (none, serious, very serious); none when no judgment is given.",
            "Imprecision: the optimal information size (OIS) is the total of a two-arm trial with alpha 0.05 (two-sided) and power 0.80 "
                    + "to detect the stated relative effect (a 25% relative risk reduction for harms, increase for benefits) at the pooled "
                    + "control risk; very serious when the confidence interval includes both appreciable benefit and appreciable harm (below "
                    + "1 - r and above 1 + r for the relative effect r) or when it includes no effect and the participants fall short of the OIS; "
                    + "serious when it includes no effect or the participants fall short of the OIS. For the ordinal shift no OIS is computed "
                    + "and the confidence interval alone is judged.",
            "Publication bias: Egger's regression test when at least " + MIN_TRIALS_SMALL_STUDY + " trials are pooled, serious when p < 0.10; "
                    + "with fewer trials it is not assessed (the test has too little power) and does not lower the certainty.",
            "Absolute effects: the control risk is the sum of events over the sum of patients of the pooled control arms; the risk with "
                    + "thrombectomy is the control risk times the pooled relative risk (random effects), and its interval the control risk "
                    + "times the relative risk's confidence limits.");

    /**
     * Copies the lists.
     *
     * @param rows  the rows
     * @param rules the rules
     */
    public SummaryOfFindings {
        rows = List.copyOf(rows);
        rules = List.copyOf(rules);
    }

    /** The certainty of the evidence. */
    public enum Certainty {
        /** Very low certainty. */
        VERY_LOW("very low"),
        /** Low certainty. */
        LOW("low"),
        /** Moderate certainty. */
        MODERATE("moderate"),
        /** High certainty. */
        HIGH("high");

        private final String label;

        Certainty(String label) {
            this.label = label;
        }

        /**
         * The certainty as a table prints it.
         *
         * @return high, moderate, low or very low
         */
        public String label() {
            return label;
        }
    }

    /**
     * The judgment of one GRADE domain.
     *
     * @param name      risk of bias, inconsistency, indirectness, imprecision or publication bias
     * @param downgrade levels removed: 0, 1 or 2
     * @param judgment  not serious, serious, very serious, not applicable, not assessed
     * @param reason    why, with the figures used
     * @serial exclude
     */
    public record Domain(String name, int downgrade, String judgment, String reason) implements Serializable {
    }

    /**
     * One outcome of one population.
     *
     * @param population         the population
     * @param outcome            the outcome
     * @param label              its title
     * @param measure            the relative measure (common OR, RR)
     * @param analysis           which analysis the row reports ({@link PublishedAnalysis#SHIFT}, ...)
     * @param trials             trials pooled (0 when none has data)
     * @param participants       patients in them
     * @param estimate           the pooled relative effect (random effects), NaN when none
     * @param lower              its lower confidence limit
     * @param upper              its upper confidence limit
     * @param controlPer1000     the control risk per 1,000 (NaN for the shift)
     * @param evtPer1000         the risk with thrombectomy per 1,000
     * @param evtLower           its lower limit
     * @param evtUpper           its upper limit
     * @param differencePer1000  thrombectomy minus control per 1,000
     * @param differenceLower    its lower limit
     * @param differenceUpper    its upper limit
     * @param ois                the optimal information size (NaN when not computed)
     * @param certainty          the certainty, or null when no trial has data
     * @param domains            the five domains' judgments
     * @param provisional        true when a trial's risk of bias was not assessed
     * @param note               what a reader should know (the trials left out), or empty
     * @serial exclude
     */
    public record Row(Population population, String outcome, String label, String measure, String analysis, int trials, double participants,
                      double estimate, double lower, double upper, double controlPer1000, double evtPer1000, double evtLower, double evtUpper,
                      double differencePer1000, double differenceLower, double differenceUpper, double ois, Certainty certainty,
                      List<Domain> domains, boolean provisional, String note) implements Serializable {
        /**
         * Copies the domains.
         *
         * @param population        the population
         * @param outcome           the outcome
         * @param label             its title
         * @param measure           the measure
         * @param analysis          the analysis reported
         * @param trials            trials pooled
         * @param participants      patients
         * @param estimate          the relative effect
         * @param lower             its lower limit
         * @param upper             its upper limit
         * @param controlPer1000    the control risk per 1,000
         * @param evtPer1000        the risk with thrombectomy per 1,000
         * @param evtLower          its lower limit
         * @param evtUpper          its upper limit
         * @param differencePer1000 the difference per 1,000
         * @param differenceLower   its lower limit
         * @param differenceUpper   its upper limit
         * @param ois               the optimal information size
         * @param certainty         the certainty, or null
         * @param domains           the domains
         * @param provisional       whether risk of bias was not assessed for some trial
         * @param note              a note, or empty
         */
        public Row {
            domains = List.copyOf(domains);
        }
    }

    /** The outcomes of a table, in order; the shift row uses the published common odds ratios where a population has them. */
    static final List<String> OUTCOMES = List.of(PublishedAnalysis.SHIFT, "mrs_0_2", "mortality", "sich");

    static SummaryOfFindings of(List<TrialEvidence> evidence, List<PublishedAnalysis.OutcomeAnalysis> analyses, PublishedRequest r) {
        List<Row> rows = new ArrayList<>();
        for (Population p : Population.values()) {
            if (evidence.stream().noneMatch(t -> PublishedAnalysis.isTrial(t) && t.population() == p)) {
                continue;
            }
            for (String outcome : OUTCOMES) {
                PublishedAnalysis.OutcomeAnalysis a = find(analyses, outcome);
                String note = "";
                if (outcome.equals(PublishedAnalysis.SHIFT) && a.of(p) == null) {
                    PublishedAnalysis.OutcomeAnalysis two = find(analyses, PublishedAnalysis.SHIFT_TWO_STAGE);
                    if (two.of(p) != null) {
                        a = two;
                        note = "no trial of this population published a common odds ratio; the two-stage estimate from the distributions is shown. ";
                    }
                }
                rows.add(row(p, outcome, a, note, r));
            }
        }
        return new SummaryOfFindings(rows, RULES);
    }

    private static PublishedAnalysis.OutcomeAnalysis find(List<PublishedAnalysis.OutcomeAnalysis> all, String outcome) {
        return all.stream().filter(x -> x.outcome().equals(outcome)).findFirst().orElseThrow();
    }

    private static Row row(Population p, String outcome, PublishedAnalysis.OutcomeAnalysis a, String note, PublishedRequest r) {
        boolean shift = outcome.equals(PublishedAnalysis.SHIFT);
        String label = shift ? "90-day mRS shift (ordinal)" : PublishedAnalysis.label(outcome);
        List<String> out = a.excluded().stream().filter(x -> x.population() == p).map(x -> x.trial() + ": " + x.reason()).toList();
        String left = out.isEmpty() ? "" : "Not pooled: " + String.join("; ", out) + ".";
        PublishedAnalysis.PopulationResult pr = a.of(p);
        double nan = Double.NaN;
        if (pr == null) {
            return new Row(p, outcome, label, a.measure(), a.outcome(), 0, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, null, List.of(),
                    false, (note + "No trial of this population has data for this outcome. " + left).trim());
        }
        MetaResult re = pr.randomEffects();
        PooledEstimate pe = re.pooled();
        double est = Math.exp(pe.estimate());
        double lo = Math.exp(pe.ciLower());
        double hi = Math.exp(pe.ciUpper());
        double cr = shift ? nan : pr.controlEvents() / pr.controlTotal();
        double ois = nan;
        if (!shift) {
            boolean benefit = outcome.equals("mrs_0_2");
            double p1 = benefit ? Math.min(cr * (1 + r.relativeEffect()), 0.999) : cr * (1 - r.relativeEffect());
            ois = optimalInformationSize(cr, p1, r.alpha(), r.power());
        }
        List<Domain> domains = new ArrayList<>();
        boolean[] provisional = new boolean[1];
        domains.add(riskOfBias(re, shift ? PublishedAnalysis.SHIFT : outcome, r.judgments(), provisional));
        domains.add(inconsistency(re));
        domains.add(indirectness(p, shift ? PublishedAnalysis.SHIFT : outcome, r.judgments()));
        domains.add(imprecision(lo, hi, pr.participants(), ois, r.relativeEffect()));
        domains.add(publicationBias(re, r));
        int level = 3 - domains.stream().mapToInt(Domain::downgrade).sum();
        Certainty c = Certainty.values()[Math.max(0, level)];
        return new Row(p, outcome, label, a.measure(), a.outcome(), re.k(), pr.participants(), est, lo, hi,
                1000 * cr, shift ? nan : Math.min(1000, 1000 * cr * est), shift ? nan : Math.min(1000, 1000 * cr * lo),
                shift ? nan : Math.min(1000, 1000 * cr * hi), shift ? nan : 1000 * cr * (est - 1), shift ? nan : 1000 * cr * (lo - 1),
                shift ? nan : 1000 * cr * (hi - 1), ois, c, domains, provisional[0], (note + left).trim());
    }

    /**
     * The optimal information size: the total of two equal arms that detect risks {@code p0} against
     * {@code p1} with a two-sided test at {@code alpha} and the given power (normal approximation,
     * unpooled variances).
     *
     * @param p0    the control risk
     * @param p1    the risk to detect
     * @param alpha the two-sided type I error
     * @param power the power
     * @return patients in both arms, rounded up per arm
     */
    public static double optimalInformationSize(double p0, double p1, double alpha, double power) {
        if (!(p0 > 0 && p0 < 1) || !(p1 > 0 && p1 < 1) || p0 == p1) {
            return Double.NaN;
        }
        double z = Dist.zCrit(1 - alpha) + Dist.zCrit(2 * power - 1);
        double perArm = z * z * (p0 * (1 - p0) + p1 * (1 - p1)) / ((p0 - p1) * (p0 - p1));
        return 2 * Math.ceil(perArm);
    }

    private static Domain riskOfBias(MetaResult re, String outcome, GradeJudgments j, boolean[] provisional) {
        EffectSizes es = re.effects();
        double high = 0;
        double concerns = 0;
        List<String> missing = new ArrayList<>();
        List<String> judged = new ArrayList<>();
        for (int i = 0; i < es.size(); i++) {
            GradeJudgments.Judgment x = j.find("risk_of_bias", es.study(i), outcome);
            if (x == null) {
                missing.add(es.study(i));
                continue;
            }
            judged.add(es.study(i) + " " + x.label());
            if (x.judgment().equals("high")) {
                high += re.weights(i);
            } else if (x.judgment().equals("some_concerns")) {
                concerns += re.weights(i);
            }
        }
        provisional[0] = !missing.isEmpty();
        String detail = (judged.isEmpty() ? "" : String.join(", ", judged) + "; ")
                + (missing.isEmpty() ? "" : "not assessed: " + String.join(", ", missing) + " (no published judgment bundled, none supplied)");
        if (judged.isEmpty()) {
            return new Domain("risk of bias", 0, "not assessed", detail);
        }
        String shares = String.format(java.util.Locale.ROOT, "weight at high risk %.0f%%, with some concerns %.0f%%; ", high, concerns);
        if (high >= 50) {
            return new Domain("risk of bias", 2, "very serious", shares + detail);
        }
        if (high + concerns >= 50) {
            return new Domain("risk of bias", 1, "serious", shares + detail);
        }
        return new Domain("risk of bias", 0, "not serious", shares + detail);
    }

    private static Domain inconsistency(MetaResult re) {
        if (re.k() < 2) {
            return new Domain("inconsistency", 0, "not applicable", "one trial");
        }
        EffectSizes es = re.effects();
        boolean above = false;
        boolean below = false;
        for (int i = 0; i < es.size(); i++) {
            above |= es.yi(i) > 0;
            below |= es.yi(i) < 0;
        }
        boolean both = above && below;
        double i2 = re.heterogeneity().i2();
        PooledEstimate p = re.pooled();
        boolean piCrosses = !Double.isNaN(p.piLower()) && p.piLower() < 0 && p.piUpper() > 0;
        boolean ciCrosses = p.ciLower() < 0 && p.ciUpper() > 0;
        String detail = String.format(java.util.Locale.ROOT, "I² %.0f%%%s; trial estimates %s", i2,
                Double.isNaN(p.piLower()) ? "" : String.format(java.util.Locale.ROOT, ", 95%% prediction interval %.2f to %.2f",
                        Math.exp(p.piLower()), Math.exp(p.piUpper())),
                both ? "on both sides of no effect" : "on one side of no effect");
        if (i2 >= 75 && both) {
            return new Domain("inconsistency", 2, "very serious", detail);
        }
        if (i2 >= 50 && (both || (piCrosses && !ciCrosses))) {
            return new Domain("inconsistency", 1, "serious", detail);
        }
        return new Domain("inconsistency", 0, "not serious", detail);
    }

    private static Domain indirectness(Population p, String outcome, GradeJudgments j) {
        GradeJudgments.Judgment x = j.find("indirectness", p.label(), outcome);
        if (x == null) {
            return new Domain("indirectness", 0, "not serious", "no judgment given (assumed direct)");
        }
        int d = x.judgment().equals("very_serious") ? 2 : x.judgment().equals("serious") ? 1 : 0;
        String why = (x.reason().isEmpty() ? "" : x.reason() + " ") + "(" + x.file() + ", line " + x.line() + ")";
        return new Domain("indirectness", d, d == 0 ? "not serious" : x.label(), why);
    }

    private static Domain imprecision(double lo, double hi, double n, double ois, double rel) {
        boolean crosses = lo < 1 && hi > 1;
        boolean wide = lo < 1 - rel && hi > 1 + rel;
        boolean short_ = !Double.isNaN(ois) && n < ois;
        StringBuilder d = new StringBuilder(String.format(java.util.Locale.ROOT, "95%% CI %.2f to %.2f %s no effect", lo, hi,
                crosses ? "includes" : "excludes"));
        if (wide) {
            d.append(String.format(java.util.Locale.ROOT, " and includes both %.2f and %.2f", 1 - rel, 1 + rel));
        }
        if (!Double.isNaN(ois)) {
            d.append(String.format(java.util.Locale.ROOT, "; %.0f participants against an OIS of %.0f", n, ois));
        } else {
            d.append("; no OIS computed");
        }
        if (wide || (crosses && short_)) {
            return new Domain("imprecision", 2, "very serious", d.toString());
        }
        if (crosses || short_) {
            return new Domain("imprecision", 1, "serious", d.toString());
        }
        return new Domain("imprecision", 0, "not serious", d.toString());
    }

    private static Domain publicationBias(MetaResult re, PublishedRequest r) {
        if (re.k() < MIN_TRIALS_SMALL_STUDY) {
            return new Domain("publication bias", 0, "not assessed", re.k() + (re.k() == 1 ? " trial" : " trials") + " (a small-study test needs at least "
                    + MIN_TRIALS_SMALL_STUDY + ")");
        }
        EggerTest e = SmallStudyEffects.egger(re.effects(), r.options());
        String d = String.format(java.util.Locale.ROOT, "Egger's test p = %.3f", e.p());
        return e.p() < 0.10 ? new Domain("publication bias", 1, "suspected", d) : new Domain("publication bias", 0, "not detected", d);
    }
}
