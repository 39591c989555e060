package org.strokemeta.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;
import org.strokemeta.data.Suggestion;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.Dist;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;

/**
 * The whole pooled analysis of thrombectomy trials that an {@link AnalysisPlan} prescribes, computed
 * on a {@link StrokeCohort}: baseline characteristics by arm; the primary ordinal shift (adjusted,
 * mixed model, and unadjusted) with per-trial estimates pooled by meta-analysis; secondary binary
 * outcomes with adjusted odds ratios and risk differences; subgroup analyses with within-trial
 * interaction tests; the M2 section with its subdivisions; the treatment effect against time to
 * randomisation; Grotta-bar distributions; NNT and utility-weighted mRS; provenance. Every number
 * the report prints comes from here (and its JSON holds all of them).
 *
 * @param plan       the plan followed
 * @param simulated  true when the data are simulated (every title then says so)
 * @param cohort     the patients read
 * @param baseline   Table 1
 * @param main       the primary and secondary analyses
 * @param subgroups  subgroup analyses, in plan order
 * @param m2         the M2 section (null when not planned or no M2 patient)
 * @param time       the effect against onset-to-randomisation time (null without that column)
 * @param grotta     mRS distributions per arm for the Grotta bars: all patients, then M2 when present
 * @param provenance where the numbers come from
 * @param published  the published trials' common odds ratios beside those computed from the bundled
 *                   distributions (given with the bundled cohort, which is calibrated to them), or null
 */
public record StudyReport(AnalysisPlan plan, boolean simulated, StrokeCohort cohort, List<BaselineRow> baseline,
                          IpdAnalysis.Outcome main, List<SubgroupResult> subgroups, M2Section m2, TimeEffect time,
                          List<Grotta> grotta, Provenance provenance, List<PublishedEvidence.Comparison> published) {

    /**
     * The same report with the published-versus-computed comparison of the bundled evidence.
     *
     * @param comparison the comparison
     * @return this report with it
     */
    public StudyReport withPublished(List<PublishedEvidence.Comparison> comparison) {
        return new StudyReport(plan, simulated, cohort, baseline, main, subgroups, m2, time, grotta, provenance, List.copyOf(comparison));
    }

    /**
     * One row of Table 1.
     *
     * @param label   what it describes
     * @param kind    mean_sd, median_iqr or count
     * @param evt     thrombectomy arm: {mean, sd}, {median, q1, q3} or {n, of}
     * @param control control arm, likewise
     * @param missing patients without a value {thrombectomy, control}
     */
    public record BaselineRow(String label, String kind, double[] evt, double[] control, int[] missing) {
    }

    /**
     * A subgroup analysis.
     *
     * @param label       heading
     * @param variable    the grouping variable
     * @param levels      one entry per group
     * @param interaction the test for a difference of the effect between the groups
     */
    public record SubgroupResult(String label, String variable, List<Level> levels, SubgroupInteraction.Result interaction) {
    }

    /**
     * The effect in one group.
     *
     * @param name     the group
     * @param nEvt     thrombectomy patients (with the outcome)
     * @param nControl control patients
     * @param effect   the adjusted common odds ratio, or null when not estimable
     * @param note     why not, or the model used
     */
    public record Level(String name, int nEvt, int nControl, CommonOddsRatio effect, String note) {
    }

    /**
     * The M2-segment occlusions (Menon et al., J NeuroInterv Surg 2019).
     *
     * @param analysis     the shift and the binary outcomes in M2 patients (adjusted as the plan says, the
     *                     occlusion-site covariates left out)
     * @param subdivisions the effect by M2 segment, division and dominance, with interaction tests
     * @param reason       why the analysis could not be run (null when it was)
     */
    public record M2Section(IpdAnalysis.Outcome analysis, List<SubgroupResult> subdivisions, String reason) {
    }

    /**
     * The treatment effect against onset-to-randomisation time.
     *
     * @param minutes      the times at which the curve is given
     * @param logCor       log common odds ratio at each time (model with a treatment-by-time term)
     * @param lower        lower confidence limits
     * @param upper        upper confidence limits
     * @param perHour      the within-trial interaction (log ratio of cORs per 60 minutes, benefit scale), its SE and p
     * @param perHourSe    its SE
     * @param perHourP     its p-value
     */
    public record TimeEffect(double[] minutes, double[] logCor, double[] lower, double[] upper, double perHour, double perHourSe,
                             double perHourP) {
    }

    /** mRS counts per arm ({@code [0]} thrombectomy, {@code [1]} control) for a Grotta bar chart. */
    public record Grotta(String label, double[][] counts) {
    }

    /**
     * @param input      the data's name
     * @param inputSha256 its checksum
     * @param planName   the plan's name
     * @param planSha256 its checksum
     * @param version    the product version
     * @param generated  when (ISO-8601, UTC)
     * @param command    the command line
     */
    public record Provenance(String input, String inputSha256, String planName, String planSha256, String version,
                             String generated, String command) {
    }

    /**
     * Runs the plan on the cohort, its models' parallel parts on the library's pool ({@link Execution#defaults()}).
     *
     * @param progress told the name of each step as it starts (for a progress bar); may be null
     * @param cohort     the patients
     * @param plan       the analysis plan
     * @param provenance where the data and the product come from
     * @return the report
     */
    public static StudyReport run(StrokeCohort cohort, AnalysisPlan plan, Provenance provenance, Consumer<String> progress) {
        return run(cohort, plan, provenance, progress, Execution.defaults());
    }

    /**
     * Runs the plan on the cohort.
     *
     * @param progress  told the name of each step as it starts (for a progress bar); may be null
     * @param execution where the parallel parts of the models run (see {@link IpdRequest#execution()}); the
     *                  numbers do not depend on it
     * @param cohort     the patients
     * @param plan       the analysis plan
     * @param provenance where the data and the product come from
     * @return the report
     */
    public static StudyReport run(StrokeCohort cohort, AnalysisPlan plan, Provenance provenance, Consumer<String> progress,
                                  Execution execution) {
        List<MissingVariable> lacking = missing(cohort, plan);
        if (!lacking.isEmpty() && !plan.skipMissing()) {
            throw InputException.of(cohort.source(), describe(lacking) + "; correct the plan, or let the analysis run without "
                    + (lacking.size() == 1 ? "it" : "them") + " (\"skip_missing\": true in the plan)");
        }
        Consumer<String> step = progress == null ? s -> { } : progress;
        step.accept("baseline");
        List<BaselineRow> baseline = baseline(cohort);
        List<String> covariates = available(cohort, plan.covariates());
        step.accept("primary outcome");
        PatientData d = cohort.patients(covariates);
        Map<String, double[]> outcomes = outcomeColumns(cohort, d, plan);
        IpdAnalysis.Outcome main = IpdAnalysis.run(d, null, outcomes, request(plan, covariates, binaryOutcomes(cohort, plan), execution));
        List<SubgroupResult> subgroups = new ArrayList<>();
        for (AnalysisPlan.Subgroup s : plan.subgroups()) {
            step.accept("subgroup " + s.label());
            if (!hasVariable(cohort, s.variable())) {
                subgroups.add(new SubgroupResult(s.label(), s.variable(), List.of(),
                        new SubgroupInteraction.Result(Double.NaN, 0, Double.NaN, "the data have no " + s.variable() + " column")));
                continue;
            }
            subgroups.add(subgroup(cohort, d, plan, covariates, s.label(), s.variable(), s.cuts(), execution));
        }
        M2Section m2 = null;
        if (plan.m2() && cohort.has(StrokeField.OCCLUSION_SITE)) {
            step.accept("M2 occlusions");
            m2 = m2(cohort, d, plan, covariates, execution);
        }
        TimeEffect time = null;
        if (cohort.has(StrokeField.ONSET_TO_RANDOMISATION)) {
            step.accept("effect against time");
            time = time(cohort, plan, covariates, execution);
        }
        List<Grotta> grotta = new ArrayList<>();
        grotta.add(new Grotta("All patients", counts(d)));
        if (m2 != null && m2.analysis() != null) {
            grotta.add(new Grotta("M2 occlusions", counts(m2.analysis().data())));
        }
        return new StudyReport(plan, cohort.simulated(), cohort, baseline, main, subgroups, m2, time, grotta, provenance, null);
    }

    /**
     * A covariate, subgroup variable or outcome of the plan that the data lack.
     *
     * @param role       "covariate", "subgroup variable" or "outcome"
     * @param name       the name in the plan
     * @param suggestion the closest name the data have, or null
     */
    public record MissingVariable(String role, String name, String suggestion) {
        /**
         * "covariate 'nihs' (did you mean nihss?)".
         *
         * @return the description
         */
        public String describe() {
            return role + " '" + name + "'" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)");
        }
    }

    /**
     * Everything the plan names that the data lack, in plan order: covariates, outcomes, subgroup variables.
     *
     * @param cohort the patients
     * @param plan   the analysis plan
     * @return the lacking variables
     */
    public static List<MissingVariable> missing(StrokeCohort cohort, AnalysisPlan plan) {
        List<String[]> lacking = new ArrayList<>();
        List<String> have = available(cohort, plan.covariates());
        for (String c : plan.covariates()) {
            if (!have.contains(c)) {
                lacking.add(new String[] {"covariate", c});
            }
        }
        List<String> outcomes = binaryOutcomes(cohort, plan);
        for (String b : plan.binary()) {
            if (!outcomes.contains(b)) {
                lacking.add(new String[] {"outcome", b});
            }
        }
        for (AnalysisPlan.Subgroup g : plan.subgroups()) {
            if (!hasVariable(cohort, g.variable())) {
                lacking.add(new String[] {"subgroup variable", g.variable()});
            }
        }
        if (lacking.isEmpty()) {
            return List.of();
        }
        // suggestions among the names these data do have
        List<String> known = new ArrayList<>(available(cohort, StrokeCohort.DERIVED));
        for (StrokeField f : StrokeField.values()) {
            if (cohort.has(f)) {
                known.add(f.column());
            }
        }
        known.addAll(cohort.extraColumns());
        List<MissingVariable> out = new ArrayList<>();
        for (String[] l : lacking) {
            out.add(new MissingVariable(l[0], l[1], Suggestion.closest(l[1], known, 2)));
        }
        return out;
    }

    /**
     * The plan's variables the data lack, as one sentence.
     *
     * @param lacking the lacking variables
     * @return the sentence
     */
    public static String describe(List<MissingVariable> lacking) {
        return "the plan names " + (lacking.size() == 1 ? "a variable" : lacking.size() + " variables") + " the data lack: "
                + String.join(", ", lacking.stream().map(MissingVariable::describe).toList());
    }

    /**
     * What the plan names and the data lack (left out only when the plan allows it).
     *
     * @return the lacking variables
     */
    public List<MissingVariable> missingVariables() {
        return missing(cohort, plan);
    }

    /** The plan's covariates that the data have; the others are noted by the caller through {@link #missingCovariates}. */
    static List<String> available(StrokeCohort c, List<String> wanted) {
        List<String> out = new ArrayList<>();
        for (String w : wanted) {
            try {
                c.covariate(w);
                out.add(w);
            } catch (RuntimeException e) {
                // not in the data: reported by missingCovariates
            }
        }
        return out;
    }

    /** True when the data have the subgrouping variable (a dictionary field, a derived covariate or a further column). */
    static boolean hasVariable(StrokeCohort c, String variable) {
        StrokeField f = StrokeField.ofHeader(variable);
        if (f != null && f.type() == StrokeField.Type.CATEGORY) {
            return c.has(f);
        }
        try {
            c.covariate(variable);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The plan's binary outcomes the data have (mRS cut-offs and death always; others when their column is there). */
    static List<String> binaryOutcomes(StrokeCohort c, AnalysisPlan plan) {
        List<String> out = new ArrayList<>();
        for (String b : plan.binary()) {
            if (b.matches("0-\\d+") || b.equalsIgnoreCase("death") || hasVariable(c, b)) {
                out.add(b);
            }
        }
        return out;
    }

    /**
     * The plan's binary outcomes that the data do not have.
     *
     * @return the outcomes' names
     */
    public List<String> missingOutcomes() {
        List<String> out = new ArrayList<>(plan.binary());
        out.removeAll(binaryOutcomes(cohort, plan));
        return out;
    }

    /**
     * The plan's covariates that the data do not have.
     *
     * @return the covariates' names
     */
    public List<String> missingCovariates() {
        List<String> out = new ArrayList<>(plan.covariates());
        out.removeAll(available(cohort, plan.covariates()));
        return out;
    }

    static IpdRequest request(AnalysisPlan plan, List<String> covariates, List<String> binary) {
        return request(plan, covariates, binary, Execution.defaults());
    }

    static IpdRequest request(AnalysisPlan plan, List<String> covariates, List<String> binary, Execution execution) {
        MetaOptions pooling = MetaOptions.defaults().withModel(Model.RANDOM).withTau2(plan.tau2()).withCi(plan.ci())
                .withLevel(plan.level());
        return new IpdRequest(covariates, IpdRequest.OrdinalModel.MIXED, plan.randomEffects(), plan.nAGQ(), plan.merge(), binary,
                plan.binaryModel(), List.of(), pooling, true, UtilityWeights.chaisinanunkul2015(), plan.level(), true, true, true,
                execution);
    }

    /** 0/1 outcomes of the cohort (sich) aligned with the analysed patients, by file line. */
    static Map<String, double[]> outcomeColumns(StrokeCohort c, PatientData d, AnalysisPlan plan) {
        Map<String, double[]> out = new HashMap<>();
        int[] row = c.rows(d);
        for (String b : binaryOutcomes(c, plan)) {
            if (b.matches("0-\\d+") || b.equalsIgnoreCase("death")) {
                continue;
            }
            double[] all = c.covariate(b);
            double[] v = new double[d.size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = all[row[i]];
            }
            out.put(b, v);
        }
        return out;
    }

    private static List<BaselineRow> baseline(StrokeCohort c) {
        List<BaselineRow> rows = new ArrayList<>();
        int[] arm = c.arm();
        int nEvt = 0;
        for (int a : arm) {
            nEvt += a;
        }
        rows.add(new BaselineRow("Patients", "count", new double[] {nEvt, nEvt}, new double[] {arm.length - nEvt, arm.length - nEvt},
                new int[2]));
        addNumber(rows, c, StrokeField.AGE, "Age, years", "mean_sd");
        if (c.has(StrokeField.SEX)) {
            rows.add(count("Women", c.covariate("female"), arm));
        }
        addNumber(rows, c, StrokeField.NIHSS, "Baseline NIHSS", "median_iqr");
        addNumber(rows, c, StrokeField.PRESTROKE_MRS, "Pre-stroke mRS", "median_iqr");
        if (c.has(StrokeField.IVT)) {
            rows.add(count("Intravenous thrombolysis", c.number(StrokeField.IVT), arm));
        }
        addNumber(rows, c, StrokeField.ONSET_TO_RANDOMISATION, "Onset to randomisation, minutes", "median_iqr");
        addNumber(rows, c, StrokeField.ASPECTS, "ASPECTS", "median_iqr");
        if (c.has(StrokeField.OCCLUSION_SITE)) {
            for (String site : StrokeField.OCCLUSION_SITE.codeList()) {
                rows.add(count("Occlusion: " + site, c.covariate(site.toLowerCase(java.util.Locale.ROOT)), arm));
            }
        }
        return rows;
    }

    private static void addNumber(List<BaselineRow> rows, StrokeCohort c, StrokeField f, String label, String kind) {
        if (!c.has(f)) {
            return;
        }
        double[] x = c.number(f);
        int[] arm = c.arm();
        double[][] by = new double[2][];
        int[] missing = new int[2];
        for (int a = 0; a < 2; a++) {
            double[] v = new double[x.length];
            int m = 0;
            for (int i = 0; i < x.length; i++) {
                if (arm[i] == 1 - a) {
                    if (Double.isNaN(x[i])) {
                        missing[a]++;
                    } else {
                        v[m++] = x[i];
                    }
                }
            }
            by[a] = kind.equals("mean_sd") ? meanSd(Arrays.copyOf(v, m)) : quartiles(Arrays.copyOf(v, m));
        }
        rows.add(new BaselineRow(label, kind, by[0], by[1], missing));
    }

    private static BaselineRow count(String label, double[] x, int[] arm) {
        double[][] by = new double[2][2];
        int[] missing = new int[2];
        for (int i = 0; i < x.length; i++) {
            int a = 1 - arm[i];
            if (Double.isNaN(x[i])) {
                missing[a]++;
            } else {
                by[a][0] += x[i] == 1 ? 1 : 0;
                by[a][1]++;
            }
        }
        return new BaselineRow(label, "count", by[0], by[1], missing);
    }

    static double[] meanSd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(ss / (v.length - 1))};
    }

    /** Median and quartiles as R's quantile(type = 7). */
    static double[] quartiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new double[] {quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75)};
    }

    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Each patient's group for a subgroup variable (−1 when missing) and the groups' names. */
    record Grouping(int[] group, List<String> names) {
    }

    static Grouping grouping(StrokeCohort c, PatientData d, String variable, List<Double> cuts) {
        int[] row = c.rows(d);
        StrokeField f = StrokeField.ofHeader(variable);
        int[] g = new int[d.size()];
        List<String> names = new ArrayList<>();
        if (f != null && f.type() == StrokeField.Type.CATEGORY) {
            int[] code = c.category(f);
            names.addAll(f.codeList());
            for (int i = 0; i < g.length; i++) {
                g[i] = code[row[i]];
            }
        } else {
            double[] x = c.covariate(variable);
            if (cuts.isEmpty()) {
                names.add("no");
                names.add("yes");
                for (int i = 0; i < g.length; i++) {
                    double v = x[row[i]];
                    g[i] = Double.isNaN(v) ? -1 : v == 1 ? 1 : 0;
                }
            } else {
                names.add("< " + plain(cuts.get(0)));
                for (int k = 1; k < cuts.size(); k++) {
                    names.add(plain(cuts.get(k - 1)) + " to < " + plain(cuts.get(k)));
                }
                names.add("≥ " + plain(cuts.get(cuts.size() - 1)));
                for (int i = 0; i < g.length; i++) {
                    double v = x[row[i]];
                    if (Double.isNaN(v)) {
                        g[i] = -1;
                        continue;
                    }
                    int k = 0;
                    while (k < cuts.size() && v >= cuts.get(k)) {
                        k++;
                    }
                    g[i] = k;
                }
            }
        }
        return new Grouping(g, names);
    }

    private static String plain(double v) {
        return v == Math.floor(v) ? Long.toString((long) v) : Double.toString(v);
    }

    /** The adjustment covariates that describe a subgrouping variable (left out of its models). */
    static List<String> describing(String variable) {
        return switch (variable) {
            case "occlusion_site" -> List.of("ica", "m1", "m2");
            case "sex" -> List.of("female");
            default -> List.of(variable);
        };
    }

    static SubgroupResult subgroup(StrokeCohort c, PatientData d, AnalysisPlan plan, List<String> covariates, String label,
                                   String variable, List<Double> cuts, Execution execution) {
        Grouping g = grouping(c, d, variable, cuts);
        List<String> adjust = new ArrayList<>(covariates);
        adjust.removeAll(describing(variable));
        List<Level> levels = new ArrayList<>();
        for (int k = 0; k < g.names().size(); k++) {
            levels.add(level(d, g.group(), k, g.names().get(k), plan, adjust, execution));
        }
        PoOptions po = IpdAnalysis.po(request(plan, adjust, List.of(), execution), Thresholds.STRATIFIED);
        SubgroupInteraction.Result test = SubgroupInteraction.test(d, g.group(), g.names().size(), adjust, po);
        return new SubgroupResult(label, variable, levels, test);
    }

    /** The primary model in one group's patients (covariates constant there left out). */
    private static Level level(PatientData d, int[] group, int k, String name, AnalysisPlan plan, List<String> adjust,
                               Execution execution) {
        int[] keep = new int[d.size()];
        int m = 0;
        int nEvt = 0;
        for (int i = 0; i < group.length; i++) {
            if (group[i] == k) {
                keep[m++] = i;
                nEvt += d.treatment(i);
            }
        }
        if (m == 0) {
            return new Level(name, 0, 0, null, "no patient");
        }
        PatientData sub = d.select(Arrays.copyOf(keep, m), "other subgroup");
        List<String> cov = new ArrayList<>();
        for (String a : adjust) {
            double[] x = sub.covariate(a);
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : x) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi > lo) {
                cov.add(a);
            }
        }
        try {
            IpdAnalysis.Shift s = IpdAnalysis.shift(sub.withCovariatesOnly(cov), request(plan, cov, List.of(), execution));
            if (!s.converged()) {
                return new Level(name, nEvt, m - nEvt, null, "not estimable: " + s.message());
            }
            return new Level(name, nEvt, m - nEvt, s.effect(), s.method());
        } catch (RuntimeException e) {
            return new Level(name, nEvt, m - nEvt, null, "not estimable: " + e.getMessage());
        }
    }

    private static M2Section m2(StrokeCohort c, PatientData d, AnalysisPlan plan, List<String> covariates, Execution execution) {
        double[] m2 = c.covariate("m2");
        int[] row = c.rows(d);
        int[] keep = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (m2[row[i]] == 1) {
                keep[n++] = i;
            }
        }
        if (n == 0) {
            return null;
        }
        PatientData sub = d.select(Arrays.copyOf(keep, n), "not an M2 occlusion");
        List<String> cov = new ArrayList<>(covariates);
        cov.removeAll(describing("occlusion_site"));
        sub = sub.withCovariatesOnly(cov);
        IpdAnalysis.Outcome a;
        try {
            a = IpdAnalysis.run(sub, null, outcomeColumns(c, sub, plan), request(plan, cov, binaryOutcomes(c, plan), execution));
        } catch (InputException | IllegalArgumentException | ArithmeticException e) {
            return new M2Section(null, List.of(), e.getMessage());
        }
        List<SubgroupResult> parts = new ArrayList<>();
        for (StrokeField f : List.of(StrokeField.M2_SEGMENT, StrokeField.M2_DIVISION, StrokeField.M2_DOMINANCE)) {
            if (c.has(f)) {
                String label = switch (f) {
                    case M2_SEGMENT -> "M2 segment";
                    case M2_DIVISION -> "M2 division";
                    default -> "M2 branch dominance";
                };
                parts.add(subgroup(c, sub, plan, cov, label, f.column(), List.of(), execution));
            }
        }
        return new M2Section(a, parts, null);
    }

    private static TimeEffect time(StrokeCohort c, AnalysisPlan plan, List<String> covariates, Execution execution) {
        List<String> cov = new ArrayList<>(new LinkedHashSet<>(covariates));
        if (!cov.contains("onset_to_randomisation")) {
            cov.add("onset_to_randomisation");
        }
        PatientData d = c.patients(cov);
        double[] t = d.covariate("onset_to_randomisation");
        double[] inter = new double[d.size()];
        for (int i = 0; i < inter.length; i++) {
            inter[i] = d.treatment(i) * t[i];
        }
        PatientData x = d.withExtraCovariates(List.of("treatment:onset_to_randomisation"), new double[][] {inter});
        PoOptions po = IpdAnalysis.po(request(plan, cov, List.of(), execution), Thresholds.STRATIFIED);
        ProportionalOddsFit f = ProportionalOdds.fit(x, po);
        double[] minutes = {60, 120, 180, 240, 300, 360, 420, 480};
        double[] est = new double[minutes.length];
        double[] lo = new double[minutes.length];
        double[] hi = new double[minutes.length];
        int a = f.indexOf("treatment");
        int b = f.indexOf("treatment:onset_to_randomisation");
        double z = Dist.zCrit(plan.level());
        for (int k = 0; k < minutes.length; k++) {
            // clm's sign: beta > 0 is worse; the log cOR (benefit) is −(beta_trt + beta_int · t)
            double e = -(f.beta(a) + f.beta(b) * minutes[k]);
            double v = f.vcov(a, a) + minutes[k] * minutes[k] * f.vcov(b, b) + 2 * minutes[k] * f.vcov(a, b);
            est[k] = f.converged() ? e : Double.NaN;
            lo[k] = est[k] - z * Math.sqrt(v);
            hi[k] = est[k] + z * Math.sqrt(v);
        }
        List<String> adjust = new ArrayList<>(cov);
        adjust.remove("onset_to_randomisation");
        EffectModification.Interaction w = EffectModification.shift(d, "onset_to_randomisation", adjust, po);
        return new TimeEffect(minutes, est, lo, hi, -60 * w.within(), 60 * w.withinSe(), w.withinP());
    }

    static double[][] counts(PatientData d) {
        double[][] c = new double[2][d.categories()];
        for (int i = 0; i < d.size(); i++) {
            c[1 - d.treatment(i)][d.outcome(i)]++;
        }
        return c;
    }

    /**
     * Every note of the analyses, without repeats.
     *
     * @return the notes, in order
     */
    public List<Note> notes() {
        List<Note> all = new ArrayList<>(cohort.notes());
        all.addAll(main.notes());
        return all.stream().distinct().toList();
    }
}
