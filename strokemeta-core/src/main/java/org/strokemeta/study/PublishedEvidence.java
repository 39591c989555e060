package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.ordinal.ArmDistribution;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.CsvReport;

/**
 * The HERMES trials in the bundled evidence base ({@link EvidenceBase#bundled()}): their published
 * 90-day mRS distributions as an ordinal table, their published effect estimates, and the comparison of
 * each published common odds ratio with the one computed from the trial's distribution
 * ({@link #reproduce()}).
 */
public final class PublishedEvidence {
    /** The five trials of the HERMES pooled analysis (Goyal et al., Lancet 2016). */
    public static final List<String> HERMES_FIVE = List.of("MR CLEAN", "ESCAPE", "REVASCAT", "SWIFT PRIME", "EXTEND-IA");

    private PublishedEvidence() {
    }

    /**
     * A published estimate.
     *
     * @param analysis the trial or pooled analysis
     * @param outcome  what it is the effect on
     * @param measure  the measure as published
     * @param estimate the estimate
     * @param lower    its lower 95% confidence limit (NaN when none was read)
     * @param upper    its upper limit (NaN when none was read)
     * @param adjusted whether it is adjusted (false also when the source does not say)
     * @param source   where it was read
     * @param note     what a reader should know, or empty
     * @serial exclude
     */
    public record Published(String analysis, String outcome, String measure, double estimate, double lower, double upper, boolean adjusted,
                            String source, String note) implements java.io.Serializable {
    }

    /**
     * One line of the comparison.
     *
     * @param label       the trial or the pooled analysis
     * @param published   the published common odds ratio (null when none was found)
     * @param computed    the unadjusted common odds ratio computed from the bundled distributions
     * @param patients    patients in the distributions used
     * @param confidence  how the distribution is known (thrombectomy arm / control arm: primary, secondary, derived)
     * @param explanation why the two differ
     * @serial exclude
     */
    public record Comparison(String label, Published published, CommonOddsRatio computed, int patients, String confidence,
                             String explanation) implements java.io.Serializable {
    }

    /**
     * The bundled mRS distributions of the early-window trials (the HERMES trials) that publish one for
     * both arms.
     *
     * @return one row per trial and arm, counts per mRS category
     */
    public static OrdinalTable distributions() {
        return distributions(EvidenceBase.bundled(), Population.LVO_EARLY);
    }

    /**
     * The published count distributions of a population's trials, as an ordinal table.
     *
     * @param trials     the evidence
     * @param population the population, or null for every trial
     * @return one row per trial and arm
     * @throws IllegalArgumentException when no trial has a distribution of counts for both arms
     */
    public static OrdinalTable distributions(List<TrialEvidence> trials, Population population) {
        String csv = distributionsCsv(trials, population);
        if (csv.lines().count() < 2) {
            throw new IllegalArgumentException("no trial" + (population == null ? "" : " of " + population.label())
                    + " publishes a count distribution of the 90-day mRS for both arms");
        }
        return OrdinalTableLoader.load(CsvReader.parse("published mRS distributions", csv));
    }

    /**
     * The published count distributions as CSV in the ordinal format of {@code strokemeta meta} and
     * {@code strokemeta plot}: {@code study,arm,mrs0,...,mrs6,source,confidence} (trials whose arms
     * lack a count distribution are left out; {@code strokemeta evidence} says why).
     *
     * @param trials     the evidence
     * @param population the population, or null for every trial
     * @return the CSV text, a header and two rows per trial
     */
    public static String distributionsCsv(List<TrialEvidence> trials, Population population) {
        StringBuilder sb = new StringBuilder("study,arm,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6,source,confidence\n");
        for (TrialEvidence t : trials) {
            if (!PublishedAnalysis.isTrial(t) || (population != null && t.population() != population)) {
                continue;
            }
            PublishedValue e = PublishedAnalysis.distribution(t, "evt");
            PublishedValue c = PublishedAnalysis.distribution(t, "control");
            if (e == null || c == null) {
                continue;
            }
            for (PublishedValue v : new PublishedValue[] {e, c}) {
                sb.append(CsvReport.quote(t.trial())).append(',').append(v == e ? "treatment" : "control");
                for (Double d : v.mrs()) {
                    sb.append(',').append(Math.round(d));
                }
                sb.append(',').append(CsvReport.quote(v.source().ref())).append(',').append(v.confidence().label()).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The published effect estimates of the early-window trials and the HERMES pooled analyses.
     *
     * @return the estimates with a value, in the order of the evidence base
     */
    public static List<Published> effects() {
        List<Published> out = new ArrayList<>();
        for (TrialEvidence t : EvidenceBase.bundled()) {
            if (t.population() != Population.LVO_EARLY) {
                continue;
            }
            for (PublishedValue v : t.values()) {
                if ((v.outcome().equals("primary_effect") || v.outcome().equals("effect")) && v.estimate() != null) {
                    out.add(published(t, v));
                }
            }
        }
        return out;
    }

    private static Published published(TrialEvidence t, PublishedValue v) {
        String of = v.outcome().equals("primary_effect") ? "primary outcome" : v.of();
        return new Published(t.trial(), of, v.measure(), v.estimate(), v.ciLower() == null ? Double.NaN : v.ciLower(),
                v.ciUpper() == null ? Double.NaN : v.ciUpper(), Boolean.TRUE.equals(v.adjusted()),
                v.source().ref() + (v.source().where() == null ? "" : " (" + v.source().where() + ")") + " [" + v.confidence().label() + "]",
                v.note() == null ? "" : v.note());
    }

    /**
     * Each early-window trial's published common odds ratio beside the one computed from its published
     * distribution (proportional odds, unadjusted), then the two-stage pooled estimate (REML) of the
     * HERMES five trials that publish a distribution beside the HERMES published estimate, then of all.
     *
     * @return one comparison per trial with a distribution, then the two pooled ones
     */
    public static List<Comparison> reproduce() {
        List<TrialEvidence> all = EvidenceBase.bundled();
        OrdinalTable table = distributions(all, Population.LVO_EARLY);
        ShiftRequest r = ShiftRequest.defaults().withPoTest(false).withUtility(null)
                .withOptions(MetaOptions.defaults().withTau2(Tau2Method.REML));
        ShiftAnalysis.Outcome pooled = ShiftAnalysis.run(table, r);
        List<Comparison> out = new ArrayList<>();
        List<Integer> five = new ArrayList<>();
        List<String> fiveNames = new ArrayList<>();
        for (int i = 0; i < pooled.twoStage().trials().size(); i++) {
            TrialEffect te = pooled.twoStage().trials().get(i);
            TrialEvidence t = trial(all, te.study());
            PublishedValue cor = PublishedAnalysis.publishedCor(t);
            Published p = cor == null ? null : published(t, cor);
            PublishedValue e = PublishedAnalysis.distribution(t, "evt");
            PublishedValue c = PublishedAnalysis.distribution(t, "control");
            int n = (int) Math.round(e.total() + c.total());
            out.add(new Comparison(t.trial(), p, te.effect(), n, e.confidence().label() + "/" + c.confidence().label(), explain(p, t, e, c, n)));
            if (HERMES_FIVE.contains(te.study())) {
                five.add(i);
                fiveNames.add(te.study());
            }
        }
        ShiftAnalysis.Outcome pooled5 = ShiftAnalysis.run(table.subset(five.stream().mapToInt(Integer::intValue).toArray()), r);
        List<String> lacking = HERMES_FIVE.stream().filter(x -> !fiveNames.contains(x)).toList();
        TrialEvidence hermes = all.stream().filter(x -> x.trial().equals("HERMES")).findFirst().orElse(null);
        PublishedValue hc = hermes == null ? null : PublishedAnalysis.publishedCor(hermes);
        out.add(new Comparison("HERMES trials, " + fiveNames.size() + " of 5 (two-stage, REML)", hc == null ? null : published(hermes, hc),
                pooled5.effect(), patients(table.subset(five.stream().mapToInt(Integer::intValue).toArray())), "see trials",
                "HERMES pooled patient data in one mixed model adjusted for age, sex, NIHSS, occlusion site, IV alteplase, ASPECTS and time "
                        + "to randomisation; computed: per-trial unadjusted estimates pooled by random-effects meta-analysis"
                        + (lacking.isEmpty() ? "" : "; without " + String.join(", ", lacking) + " (no published distribution that agrees with its paper)")
                        + (hc == null ? "; the HERMES common odds ratio was not found in a source read (hermes.json lists it as missing)" : "")));
        out.add(new Comparison("All " + table.study().length + " trials (two-stage, REML)", null, pooled.effect(), patients(table), "see trials",
                "no published pooled estimate of these distributions"));
        return out;
    }

    private static TrialEvidence trial(List<TrialEvidence> all, String name) {
        return all.stream().filter(x -> x.trial().equals(name)).findFirst().orElseThrow();
    }

    private static String explain(Published p, TrialEvidence t, PublishedValue e, PublishedValue c, int n) {
        List<String> why = new ArrayList<>();
        if (p == null) {
            why.add("no published common odds ratio found (the trial's primary outcome was binary or its estimate was not read)");
        } else if (p.adjusted()) {
            why.add("the published estimate is adjusted for baseline prognostic factors, the computed one is not");
        } else {
            why.add("the published estimate's adjustment is not stated in the sources read");
        }
        int randomised = 0;
        for (var a : t.arms()) {
            randomised += a.randomised() == null ? 0 : a.randomised();
        }
        if (randomised > 0 && n != randomised) {
            why.add("the distributions cover " + n + " of the " + randomised + " patients randomised");
        }
        if (!e.confidence().label().equals("primary") || !c.confidence().label().equals("primary")) {
            why.add("the distribution was read in a secondary source (see its note in strokemeta evidence --sources)");
        }
        return String.join("; ", why);
    }

    private static int patients(OrdinalTable t) {
        ArmDistribution all = ArmDistribution.pooled(t);
        return (int) (all.treatmentTotal() + all.controlTotal());
    }
}
