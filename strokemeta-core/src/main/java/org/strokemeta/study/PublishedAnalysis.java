package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.evidence.Confidence;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.ordinal.TrialEffect;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.CsvReport;
import org.strokemeta.subgroup.SubgroupResult;

/**
 * The aggregate-data meta-analysis of the published evidence (an {@link org.strokemeta.evidence}
 * base), by population: the 90-day mRS shift from the trials' published common odds ratios (pooled on
 * the log scale with standard errors from their confidence intervals) and, in two stages, from the
 * published mRS distributions; mRS 0-2, mortality and symptomatic ICH from the published counts
 * (random effects, Mantel-Haenszel, and for symptomatic ICH also Peto's odds ratio); the test for
 * differences between populations; the M2 evidence side by side; and the GRADE summary of findings
 * ({@link SummaryOfFindings}). Every trial of a population that cannot enter an analysis is listed with
 * the reason; pooled analyses (HERMES) never enter as trials.
 */
public final class PublishedAnalysis {
    /** The ordinal shift: published common odds ratios. */
    public static final String SHIFT = "mrs_shift";
    /** The ordinal shift computed in two stages from the published mRS distributions. */
    public static final String SHIFT_TWO_STAGE = "mrs_shift_two_stage";
    /** The binary outcomes pooled, in report order. */
    public static final List<String> BINARY = List.of("mrs_0_2", "mortality", "sich");
    /** A measure text that names a common odds ratio of an ordinal (proportional-odds) analysis. */
    private static final Pattern COMMON_OR = Pattern.compile("(?i)common OR|common odds ratio|OR for improvement");
    private static final Pattern GENERALIZED = Pattern.compile("(?i)generali[sz]ed odds ratio");

    private PublishedAnalysis() {
    }

    /**
     * What a trial entered an analysis with.
     *
     * @param trial      the trial
     * @param population its population
     * @param evt        the thrombectomy arm's count or distribution (null for a published effect)
     * @param control    the control arm's (null for a published effect)
     * @param effect     the published effect used (null for counts)
     * @serial exclude
     */
    public record Entry(String trial, Population population, PublishedValue evt, PublishedValue control, PublishedValue effect)
            implements Serializable {
    }

    /**
     * A trial of a population left out of an analysis.
     *
     * @param trial      the trial
     * @param population its population
     * @param reason     why
     * @serial exclude
     */
    public record Excluded(String trial, Population population, String reason) implements Serializable {
    }

    /**
     * One population's pooled results of an outcome.
     *
     * @param population     the population
     * @param randomEffects  the random-effects analysis (one trial: that trial's estimate)
     * @param mantelHaenszel the Mantel-Haenszel fixed-effect analysis without continuity correction, or null (effects)
     * @param peto           Peto's one-step odds ratio (symptomatic ICH), or null
     * @param controlEvents  events in the control arms of the trials used (NaN for effects)
     * @param controlTotal   patients in those control arms (NaN for effects)
     * @param participants   patients in both arms of the trials used (randomised, for published effects)
     * @param notes          the analyses that could not be done and why
     * @param sparse         why the events of death or symptomatic ICH are sparse in this population (an arm with fewer
     *                       than 5 events), or null when they are not
     * @param glmm           with sparse events, the logistic mixed model (UM.FS, 7-point adaptive quadrature; metafor's
     *                       rma.glmm), the suggested analysis; null otherwise or when it could not be fitted (see notes)
     * @serial exclude
     */
    public record PopulationResult(Population population, MetaResult randomEffects, MetaResult mantelHaenszel, MetaResult peto,
                                   double controlEvents, double controlTotal, double participants, List<String> notes, String sparse,
                                   org.strokemeta.glmm.GlmmResult glmm) implements Serializable {
        /**
         * Copies the notes.
         *
         * @param population     the population
         * @param randomEffects  the random-effects analysis
         * @param mantelHaenszel the Mantel-Haenszel analysis, or null
         * @param peto           Peto's odds ratio, or null
         * @param controlEvents  control events
         * @param controlTotal   control patients
         * @param participants   patients
         * @param notes          the analyses not done and why
         * @param sparse         why the events are sparse, or null
         * @param glmm           the logistic mixed model, or null
         */
        public PopulationResult {
            notes = List.copyOf(notes);
        }

        /**
         * A result without the logistic mixed model.
         *
         * @param population     the population
         * @param randomEffects  the random-effects analysis
         * @param mantelHaenszel the Mantel-Haenszel analysis, or null
         * @param peto           Peto's odds ratio, or null
         * @param controlEvents  control events
         * @param controlTotal   control patients
         * @param participants   patients
         * @param notes          the analyses not done and why
         */
        public PopulationResult(Population population, MetaResult randomEffects, MetaResult mantelHaenszel, MetaResult peto,
                                double controlEvents, double controlTotal, double participants, List<String> notes) {
            this(population, randomEffects, mantelHaenszel, peto, controlEvents, controlTotal, participants, notes, null, null);
        }

        /**
         * The trials pooled.
         *
         * @return the number of trials
         */
        public int trials() {
            return randomEffects.k();
        }
    }

    /**
     * One outcome over all populations.
     *
     * @param outcome     {@link #SHIFT}, {@link #SHIFT_TWO_STAGE}, {@code mrs_0_2}, {@code mortality} or {@code sich}
     * @param label       a title for reports
     * @param measure     the measure pooled (common OR, RR)
     * @param overall     the random-effects analysis of every trial with the subgroups by population and
     *                    the test for subgroup differences, or null when no trial has data
     * @param populations each population with at least one trial, in {@link Population} order
     * @param used        what each trial entered with
     * @param excluded    the trials left out, with the reason
     * @serial exclude
     */
    public record OutcomeAnalysis(String outcome, String label, String measure, MetaRun.Outcome overall, List<PopulationResult> populations,
                                  List<Entry> used, List<Excluded> excluded) implements Serializable {
        /**
         * Copies the lists.
         *
         * @param outcome     the outcome
         * @param label       a title
         * @param measure     the measure
         * @param overall     the analysis with subgroups, or null
         * @param populations the populations' results
         * @param used        the trials used
         * @param excluded    the trials left out
         */
        public OutcomeAnalysis {
            populations = List.copyOf(populations);
            used = List.copyOf(used);
            excluded = List.copyOf(excluded);
        }

        /**
         * A population's result.
         *
         * @param p the population
         * @return its result, or null when none of its trials has data
         */
        public PopulationResult of(Population p) {
            for (PopulationResult r : populations) {
                if (r.population() == p) {
                    return r;
                }
            }
            return null;
        }

        /**
         * The test for differences between populations.
         *
         * @return the subgroup analysis by population, or null
         */
        public SubgroupResult byPopulation() {
            return overall == null ? null : overall.subgroups();
        }
    }

    /**
     * The mRS distributions of a population's trials, for Grotta bars.
     *
     * @param population the population
     * @param trials     each trial's two arms (thrombectomy, control)
     * @serial exclude
     */
    public record Distributions(Population population, List<Entry> trials) implements Serializable {
        /**
         * Copies the list.
         *
         * @param population the population
         * @param trials     the trials
         */
        public Distributions {
            trials = List.copyOf(trials);
        }
    }

    /**
     * A trial or pooled analysis in the M2 section.
     *
     * @param trial    its evidence (design, arms, values with sources)
     * @param primary  its published primary effect, or null
     * @param m2       its M2 subgroup entries (size, results, what was not found)
     * @param outcomes its per-arm results of mRS 0-1, mRS 0-2, mortality and symptomatic ICH
     * @serial exclude
     */
    public record M2Entry(TrialEvidence trial, PublishedValue primary, List<PublishedValue> m2, List<PublishedValue> outcomes)
            implements Serializable {
        /**
         * Copies the lists.
         *
         * @param trial    the evidence
         * @param primary  the primary effect, or null
         * @param m2       the M2 entries
         * @param outcomes the per-arm results
         */
        public M2Entry {
            m2 = List.copyOf(m2);
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * A published effect recomputed, unadjusted, from the trial's own published numbers: a check of the
     * numbers against each other (an adjusted estimate may differ a little; one far outside the published
     * interval points to a wrong number or a different population).
     *
     * @param trial      the trial
     * @param population its population
     * @param published  the published effect
     * @param from       what it was recomputed from ("mRS distribution", "counts 41/92 vs 15/90")
     * @param computed   the recomputed estimate, on the published scale
     * @param agrees     whether it lies inside the published 95% confidence interval
     * @serial exclude
     */
    public record Reproduction(String trial, Population population, PublishedValue published, String from, double computed, boolean agrees)
            implements Serializable {
    }

    /**
     * The whole analysis.
     *
     * @param request       what was asked
     * @param evidence      the evidence analysed
     * @param outcomes      the shift (published, two-stage) and the binary outcomes
     * @param distributions the mRS distributions by population
     * @param m2            the M2 section: HERMES M2 first, then the MeVO trials, then other trials' M2 entries
     * @param findings      the summary of findings, by population and outcome
     * @param reproductions the published effects recomputed from the published numbers
     * @param bayes         the Bayesian analysis by outcome and population (empty unless asked)
     * @param sequential    the trial sequential analysis by binary outcome and population (empty unless asked)
     * @serial exclude
     */
    public record Result(PublishedRequest request, List<TrialEvidence> evidence, List<OutcomeAnalysis> outcomes,
                         List<Distributions> distributions, List<M2Entry> m2, SummaryOfFindings findings, List<Reproduction> reproductions,
                         List<PublishedBayes.Entry> bayes, List<PublishedSequential.Entry> sequential)
            implements Serializable {
        /**
         * Copies the lists.
         *
         * @param request       the request
         * @param evidence      the evidence
         * @param outcomes      the outcomes
         * @param distributions the distributions
         * @param m2            the M2 section
         * @param findings      the summary of findings
         * @param reproductions the published effects recomputed
         * @param bayes         the Bayesian analysis
         * @param sequential    the trial sequential analysis
         */
        public Result {
            bayes = List.copyOf(bayes);
            sequential = List.copyOf(sequential);
            reproductions = List.copyOf(reproductions);
            evidence = List.copyOf(evidence);
            outcomes = List.copyOf(outcomes);
            distributions = List.copyOf(distributions);
            m2 = List.copyOf(m2);
        }

        /**
         * An outcome's analysis.
         *
         * @param outcome the outcome name
         * @return its analysis
         * @throws IllegalArgumentException for an outcome not analysed
         */
        public OutcomeAnalysis outcome(String outcome) {
            for (OutcomeAnalysis o : outcomes) {
                if (o.outcome().equals(outcome)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("no analysis of " + outcome);
        }
    }

    /**
     * Analyses the evidence.
     *
     * @param evidence the trials and pooled analyses (for example {@code Evidence.bundled()})
     * @param request  the pooling and the GRADE inputs
     * @return the analysis
     * @throws InputException when a judgment names a trial or population not in the evidence
     */
    public static Result run(List<TrialEvidence> evidence, PublishedRequest request) {
        checkJudgments(evidence, request.judgments());
        // every table and figure lists the populations in their order, the trials within them as given
        evidence = evidence.stream().sorted(java.util.Comparator.comparingInt(t -> t.population().ordinal())).toList();
        List<OutcomeAnalysis> outcomes = new ArrayList<>();
        outcomes.add(shiftPublished(evidence, request));
        outcomes.add(shiftTwoStage(evidence, request));
        for (String o : BINARY) {
            outcomes.add(binary(evidence, o, request));
        }
        List<Distributions> dist = new ArrayList<>();
        OutcomeAnalysis two = outcomes.get(1);
        for (Population p : Population.values()) {
            List<Entry> e = two.used().stream().filter(x -> x.population() == p).toList();
            if (!e.isEmpty()) {
                dist.add(new Distributions(p, e));
            }
        }
        SummaryOfFindings sof = SummaryOfFindings.of(evidence, outcomes, request);
        List<PublishedBayes.Entry> bayes = request.bayes() == null ? List.of()
                : PublishedBayes.run(outcomes, request.bayes(), request.options().level());
        List<PublishedSequential.Entry> seq = request.sequential() ? PublishedSequential.run(evidence, outcomes, request) : List.of();
        return new Result(request, evidence, outcomes, dist, m2(evidence), sof, reproductions(evidence, two), bayes, seq);
    }

    /** A trial (not a pooled analysis). */
    static boolean isTrial(TrialEvidence t) {
        return "trial".equals(t.kind());
    }

    private static void checkJudgments(List<TrialEvidence> evidence, GradeJudgments j) {
        for (GradeJudgments.Judgment x : j.judgments()) {
            boolean known = x.domain().equals("risk_of_bias")
                    ? evidence.stream().anyMatch(t -> isTrial(t) && t.trial().equalsIgnoreCase(x.scope()))
                    : java.util.Arrays.stream(Population.values()).anyMatch(p -> p.label().equalsIgnoreCase(x.scope()));
            if (!known) {
                throw new InputException(x.file(), x.line(), "scope", x.domain().equals("risk_of_bias")
                        ? "no trial named '" + x.scope() + "' in the evidence (strokemeta evidence lists them)"
                        : "no population named '" + x.scope() + "' (expected lvo-early, late-window, large-core, basilar or mevo)");
            }
        }
    }

    /** The published common odds ratio of a trial's shift analysis, or null. */
    static PublishedValue publishedCor(TrialEvidence t) {
        PublishedValue best = null;
        int bestRank = Integer.MAX_VALUE;
        for (PublishedValue v : t.values()) {
            boolean shift = (v.outcome().equals("primary_effect") && (v.of() == null || v.of().equals(SHIFT)))
                    || (v.outcome().equals("effect") && SHIFT.equals(v.of()));
            if (!shift || v.measure() == null || !COMMON_OR.matcher(v.measure()).find() || GENERALIZED.matcher(v.measure()).find()
                    || v.estimate() == null || v.ciLower() == null || v.ciUpper() == null) {
                continue;
            }
            // the trial's primary analysis first, then the best-known
            int rank = (v.outcome().equals("primary_effect") ? 0 : 10) + rank(v.confidence());
            if (rank < bestRank) {
                best = v;
                bestRank = rank;
            }
        }
        return best;
    }

    private static String whyNoCor(TrialEvidence t) {
        for (PublishedValue v : t.values()) {
            if ((v.outcome().equals("primary_effect") || v.outcome().equals("effect")) && v.measure() != null
                    && GENERALIZED.matcher(v.measure()).find()) {
                return "its shift is published as a generalized odds ratio (" + v.measure() + "), which is not a common odds ratio";
            }
        }
        for (PublishedValue v : t.values("primary_effect")) {
            if (v.measure() != null) {
                return "no published common odds ratio with its confidence interval (primary effect: " + v.measure() + ")";
            }
        }
        return "no published common odds ratio with its confidence interval";
    }

    static OutcomeAnalysis shiftPublished(List<TrialEvidence> evidence, PublishedRequest r) {
        List<Entry> used = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        StringBuilder csv = new StringBuilder("study,population,estimate,ci_lower,ci_upper\n");
        Map<Population, Double> participants = new EnumMap<>(Population.class);
        for (TrialEvidence t : evidence) {
            if (!isTrial(t)) {
                continue;
            }
            PublishedValue v = publishedCor(t);
            if (v == null) {
                excluded.add(new Excluded(t.trial(), t.population(), whyNoCor(t)));
                continue;
            }
            if (v.ciLevel() != null && Math.abs(v.ciLevel() - 0.95) > 1e-9) {
                excluded.add(new Excluded(t.trial(), t.population(), "its confidence interval is not 95% (" + v.ciLevel() + ")"));
                continue;
            }
            used.add(new Entry(t.trial(), t.population(), null, null, v));
            participants.merge(t.population(), randomised(t), Double::sum);
            csv.append(CsvReport.quote(t.trial())).append(',').append(t.population().label()).append(',').append(v.estimate()).append(',')
                    .append(v.ciLower()).append(',').append(v.ciUpper()).append('\n');
        }
        MetaRequest req = MetaRequest.defaults().withTau2Ci(false).withOptions(r.options())
                .withGenericInput(new StudyLoader.GenericInput(StudyLoader.Scale.RATIO, 0.95)).withSubgroup("population");
        return pooled(SHIFT, "90-day mRS shift: published common odds ratios", "common OR", csv, req, used, excluded, participants, null, r);
    }

    private static double randomised(TrialEvidence t) {
        double n = 0;
        for (var a : t.arms()) {
            if (a.randomised() == null) {
                return Double.NaN;
            }
            n += a.randomised();
        }
        return t.arms().isEmpty() ? Double.NaN : n;
    }

    /** The best-known count distribution of an arm: seven counts, no combined categories. */
    static PublishedValue distribution(TrialEvidence t, String arm) {
        PublishedValue best = null;
        for (PublishedValue v : t.values("mrs_distribution")) {
            if (!arm.equals(v.arm()) || !"count".equals(v.unit()) || v.combined() != null || v.mrs() == null || v.mrs().size() != 7
                    || v.mrs().contains(null)) {
                continue;
            }
            if (best == null || rank(v.confidence()) < rank(best.confidence())) {
                best = v;
            }
        }
        return best;
    }

    private static String whyNoDistribution(TrialEvidence t) {
        List<PublishedValue> all = t.values("mrs_distribution");
        if (all.isEmpty()) {
            return "no published mRS distribution";
        }
        for (PublishedValue v : all) {
            if (v.combined() != null) {
                return "its distribution gives mRS " + v.combined() + " only together";
            }
            if (!"count".equals(v.unit())) {
                return "its distribution is given in percentages without counts";
            }
        }
        return "no count distribution for both arms";
    }

    static OutcomeAnalysis shiftTwoStage(List<TrialEvidence> evidence, PublishedRequest r) {
        List<Entry> used = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        StringBuilder mrs = new StringBuilder("study,arm,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6\n");
        for (TrialEvidence t : evidence) {
            if (!isTrial(t)) {
                continue;
            }
            PublishedValue e = distribution(t, "evt");
            PublishedValue c = distribution(t, "control");
            if (e == null || c == null) {
                excluded.add(new Excluded(t.trial(), t.population(), whyNoDistribution(t)));
                continue;
            }
            used.add(new Entry(t.trial(), t.population(), e, c, null));
            mrs.append(row(t.trial(), "treatment", e)).append(row(t.trial(), "control", c));
        }
        // the per-trial estimates enter as ratios (exp of the log common odds ratio) with their standard errors on the log scale
        StringBuilder csv = new StringBuilder("study,population,yi,sei\n");
        Map<Population, Double> participants = new EnumMap<>(Population.class);
        List<Entry> entered = new ArrayList<>();
        if (!used.isEmpty()) {
            OrdinalTable table = OrdinalTableLoader.load(CsvReader.parse("published mRS distributions", mrs.toString()));
            ShiftRequest sr = ShiftRequest.defaults().withPoTest(false).withUtility(null)
                    .withOptions(r.options().withTau2(Tau2Method.REML));
            ShiftAnalysis.Outcome o = ShiftAnalysis.run(table, sr);
            for (int i = 0; i < used.size(); i++) {
                Entry u = used.get(i);
                TrialEffect te = o.twoStage().trials().get(i);
                if (!te.included()) {
                    excluded.add(new Excluded(u.trial(), u.population(), te.reason()));
                    continue;
                }
                entered.add(u);
                participants.merge(u.population(), u.evt().total() + u.control().total(), Double::sum);
                csv.append(CsvReport.quote(u.trial())).append(',').append(u.population().label()).append(',')
                        .append(Math.exp(te.effect().logCor())).append(',').append(te.effect().se()).append('\n');
            }
        }
        MetaRequest req = MetaRequest.defaults().withTau2Ci(false).withOptions(r.options())
                .withGenericInput(new StudyLoader.GenericInput(StudyLoader.Scale.RATIO, 0.95)).withSubgroup("population");
        return pooled(SHIFT_TWO_STAGE, "90-day mRS shift: two-stage from the published distributions", "common OR", csv, req, entered, excluded,
                participants, null, r);
    }

    private static String row(String trial, String arm, PublishedValue v) {
        StringBuilder sb = new StringBuilder(CsvReport.quote(trial)).append(',').append(arm);
        for (Double d : v.mrs()) {
            sb.append(',').append(Math.round(d));
        }
        return sb.append('\n').toString();
    }

    static OutcomeAnalysis binary(List<TrialEvidence> evidence, String outcome, PublishedRequest r) {
        List<Entry> used = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        StringBuilder csv = new StringBuilder("study,population,events_treat,total_treat,events_ctrl,total_ctrl\n");
        Map<Population, Double> participants = new EnumMap<>(Population.class);
        for (TrialEvidence t : evidence) {
            if (!isTrial(t)) {
                continue;
            }
            EvidencePooling.Choice ce = EvidencePooling.choose(t, outcome, "evt");
            EvidencePooling.Choice cc = EvidencePooling.choose(t, outcome, "control");
            PublishedValue e = ce.value();
            PublishedValue c = cc.value();
            if (e == null || c == null) {
                excluded.add(new Excluded(t.trial(), t.population(), EvidencePooling.whyNot(t, outcome, label(outcome), ce, cc)));
                continue;
            }
            used.add(new Entry(t.trial(), t.population(), e, c, null));
            participants.merge(t.population(), e.total() + c.total(), Double::sum);
            csv.append(CsvReport.quote(t.trial())).append(',').append(t.population().label()).append(',').append(Math.round(e.events())).append(',')
                    .append(Math.round(e.total())).append(',').append(Math.round(c.events())).append(',').append(Math.round(c.total())).append('\n');
        }
        MetaRequest req = MetaRequest.defaults().withTau2Ci(false).withOptions(r.options()).withMeasure(Measure.RR).withSubgroup("population");
        return pooled(outcome, label(outcome), "RR", csv, req, used, excluded, participants, outcome, r);
    }

    /**
     * A reader's name of an outcome.
     *
     * @param outcome the outcome as the evidence base names it ({@code mrs_0_2}, {@code sich}, ...)
     * @return its title, for example "symptomatic intracranial haemorrhage"
     */
    public static String label(String outcome) {
        return switch (outcome) {
            case SHIFT -> "90-day mRS shift (published common odds ratios)";
            case SHIFT_TWO_STAGE -> "90-day mRS shift (two-stage, from the distributions)";
            case "mrs_0_1" -> "mRS 0-1 at 90 days (excellent outcome)";
            case "mrs_0_2" -> "mRS 0-2 at 90 days (functional independence)";
            case "mrs_0_3" -> "mRS 0-3 at 90 days";
            case "mortality" -> "mortality";
            case "sich" -> "symptomatic intracranial haemorrhage";
            default -> outcome.replace('_', ' ');
        };
    }

    private static OutcomeAnalysis pooled(String outcome, String label, String measure, StringBuilder csv, MetaRequest req, List<Entry> used,
                                          List<Excluded> excluded, Map<Population, Double> participants, String binaryOutcome, PublishedRequest r) {
        if (used.isEmpty()) {
            return new OutcomeAnalysis(outcome, label, measure, null, List.of(), used, excluded);
        }
        Table table = CsvReader.parse("published " + outcome, csv.toString());
        MetaRun.Outcome overall = MetaRun.run(table, req).get(0);
        List<PopulationResult> pops = new ArrayList<>();
        for (Population p : Population.values()) {
            SubgroupResult.Group g = group(overall.subgroups(), p);
            if (g == null) {
                continue;
            }
            MetaResult re = g.result();
            MetaResult mh = null;
            MetaResult peto = null;
            double ce = Double.NaN;
            double ct = Double.NaN;
            List<String> notes = new ArrayList<>();
            if (binaryOutcome != null) {
                Table sub = table.select(table.groupBy("population").get(p.label()));
                MetaRequest fixed = MetaRequest.defaults().withTau2Ci(false).withMeasure(Measure.RR)
                        .withOptions(r.options().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH));
                try {
                    mh = MetaRun.run(sub, fixed).get(0).result();
                } catch (InputException e) {
                    notes.add("Mantel-Haenszel: " + e.problem());
                }
                if (binaryOutcome.equals("sich")) {
                    try {
                        peto = MetaRun.run(sub, fixed.withMeasure(Measure.OR).withOptions(r.options().withModel(Model.FIXED)
                                .withFixedMethod(FixedMethod.PETO))).get(0).result();
                    } catch (InputException e) {
                        notes.add("Peto: " + e.problem());
                    }
                }
                ce = 0;
                ct = 0;
                for (Entry u : used) {
                    if (u.population() == p) {
                        ce += u.control().events();
                        ct += u.control().total();
                    }
                }
            }
            String sparse = null;
            org.strokemeta.glmm.GlmmResult glmm = null;
            if (binaryOutcome != null && !binaryOutcome.equals("mrs_0_2")) {
                // sparse events: an arm with fewer than 5 events (Bradburn et al. 2007): the logistic mixed model needs no
                // continuity correction and is the suggested analysis
                List<String> few = new ArrayList<>();
                for (Entry u : used) {
                    if (u.population() == p && (u.evt().events() < 5 || u.control().events() < 5)) {
                        few.add(u.trial() + " (" + Math.round(u.evt().events()) + " and " + Math.round(u.control().events()) + " events)");
                    }
                }
                if (!few.isEmpty()) {
                    sparse = "an arm with fewer than 5 events in " + String.join(", ", few);
                    try {
                        Table sub = table.select(table.groupBy("population").get(p.label()));
                        glmm = org.strokemeta.glmm.BinaryGlmm.fit(sub, org.strokemeta.glmm.GlmmOptions.defaults().withLevel(r.options().level()));
                    } catch (IllegalArgumentException | InputException e) {
                        notes.add("Logistic mixed model: " + e.getMessage());
                    }
                }
            }
            pops.add(new PopulationResult(p, re, mh, peto, ce, ct, participants.getOrDefault(p, Double.NaN), notes, sparse, glmm));
        }
        return new OutcomeAnalysis(outcome, label, measure, overall, pops, used, excluded);
    }

    private static SubgroupResult.Group group(SubgroupResult s, Population p) {
        if (s == null) {
            return null;
        }
        for (SubgroupResult.Group g : s.groups()) {
            if (g.label().equals(p.label())) {
                return g;
            }
        }
        return null;
    }

    private static int rank(Confidence c) {
        return c == Confidence.PRIMARY ? 0 : c == Confidence.DERIVED ? 1 : 2;
    }

    private static final Pattern RISK_RATIO = Pattern.compile("(?i)\\bRR\\b|risk ratio|rate ratio");
    private static final Pattern ODDS_RATIO = Pattern.compile("(?i)\\bOR\\b|odds ratio");
    private static final Pattern OTHER = Pattern.compile("(?i)hazard|difference|generali[sz]ed|per point|NNT|number needed");
    private static final java.util.Set<String> BINARY_OUTCOMES = java.util.Set.of("mrs_0_1", "mrs_0_2", "mrs_0_3", "mortality", "sich");

    /**
     * Every published effect with a 95% interval that the trial's own published numbers can give: common
     * odds ratios from the mRS distribution (the two-stage fit), risk and odds ratios of a binary outcome
     * from its counts.
     */
    static List<Reproduction> reproductions(List<TrialEvidence> evidence, OutcomeAnalysis twoStage) {
        java.util.Map<String, Double> cor = new java.util.HashMap<>();
        if (twoStage.overall() != null) {
            var es = twoStage.overall().result().effects();
            for (int i = 0; i < es.size(); i++) {
                cor.put(es.study(i), es.yi(i));
            }
        }
        List<Reproduction> out = new ArrayList<>();
        for (TrialEvidence t : evidence) {
            if (!isTrial(t)) {
                continue;
            }
            for (PublishedValue v : t.values()) {
                if (!(v.outcome().equals("primary_effect") || v.outcome().equals("effect")) || v.estimate() == null || v.ciLower() == null
                        || v.ciUpper() == null || v.measure() == null || OTHER.matcher(v.measure()).find()) {
                    continue;
                }
                String from;
                double computed;
                if (COMMON_OR.matcher(v.measure()).find()) {
                    Double y = cor.get(t.trial());
                    if (y == null) {
                        continue;
                    }
                    from = "mRS distribution (proportional odds, unadjusted)";
                    computed = Math.exp(y);
                } else if (v.of() != null && BINARY_OUTCOMES.contains(v.of())
                        && (RISK_RATIO.matcher(v.measure()).find() || ODDS_RATIO.matcher(v.measure()).find())) {
                    PublishedValue e = EvidencePooling.best(t, v.of(), "evt");
                    PublishedValue c = EvidencePooling.best(t, v.of(), "control");
                    if (e == null || c == null || e.events() <= 0 || c.events() <= 0 || e.events() >= e.total() || c.events() >= c.total()) {
                        continue;
                    }
                    double pe = e.events() / e.total();
                    double pc = c.events() / c.total();
                    boolean rr = RISK_RATIO.matcher(v.measure()).find();
                    computed = rr ? pe / pc : (pe / (1 - pe)) / (pc / (1 - pc));
                    from = label(v.of()) + " counts " + Math.round(e.events()) + "/" + Math.round(e.total()) + " vs " + Math.round(c.events()) + "/"
                            + Math.round(c.total()) + (rr ? " (risk ratio)" : " (odds ratio)");
                } else {
                    continue;
                }
                out.add(new Reproduction(t.trial(), t.population(), v, from, computed, computed >= v.ciLower() && computed <= v.ciUpper()));
            }
        }
        return out;
    }

    private static final List<String> M2_OUTCOMES = List.of("mrs_0_1", "mrs_0_2", "mortality", "sich");

    static List<M2Entry> m2(List<TrialEvidence> evidence) {
        List<M2Entry> first = new ArrayList<>();
        List<M2Entry> mevo = new ArrayList<>();
        List<M2Entry> others = new ArrayList<>();
        for (TrialEvidence t : evidence) {
            boolean hermesM2 = !isTrial(t) && t.trial().toUpperCase(Locale.ROOT).contains("M2");
            List<PublishedValue> m2 = t.values("m2_subgroup");
            if (!hermesM2 && t.population() != Population.MEVO && m2.isEmpty()) {
                continue;
            }
            PublishedValue primary = t.values("primary_effect").isEmpty() ? null : t.values("primary_effect").get(0);
            List<PublishedValue> outcomes = new ArrayList<>();
            for (String o : M2_OUTCOMES) {
                for (String arm : List.of("evt", "control")) {
                    PublishedValue best = null;
                    for (PublishedValue v : t.values(o)) {
                        if (arm.equals(v.arm()) && (best == null || rank(v.confidence()) < rank(best.confidence()))) {
                            best = v;
                        }
                    }
                    if (best != null) {
                        outcomes.add(best);
                    }
                }
            }
            M2Entry e = new M2Entry(t, primary, m2, outcomes);
            (hermesM2 ? first : t.population() == Population.MEVO ? mevo : others).add(e);
        }
        List<M2Entry> out = new ArrayList<>(first);
        out.addAll(mevo);
        out.addAll(others);
        return out;
    }
}
