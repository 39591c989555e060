package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.strokemeta.data.Note;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.ipd.SubgroupInteraction;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.pool.Execution;

/**
 * The whole pooled analysis of thrombectomy trials that an {@link AnalysisPlan} prescribes, computed
 * on a {@link StrokeCohort}: baseline characteristics by arm; the primary ordinal shift (adjusted,
 * mixed model, and unadjusted) with per-trial estimates pooled by meta-analysis; secondary binary
 * outcomes with adjusted odds ratios and risk differences; subgroup analyses with within-trial
 * interaction tests; the M2 section with its subdivisions; the treatment effect against time to
 * randomisation; Grotta-bar distributions; NNT and utility-weighted mRS; provenance. Every number
 * the report prints comes from here (and its JSON holds all of them).
 *
 * <p>A report is an immutable value: its lists are unmodifiable, its arrays are copied in and out,
 * equal analyses give equal reports, and it is {@link Serializable}. {@link #run} computes it.
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
 * @param bayes      the Bayesian random-effects analysis of the trials' adjusted common odds ratios, or null (the
 *                   plan's {@code bayes})
 * @param sequential the trial sequential analysis of the trials' adjusted common odds ratios, or null (the plan's
 *                   {@code tsa})
 * @serial exclude
 */
public record StudyReport(AnalysisPlan plan, boolean simulated, StrokeCohort cohort, List<BaselineRow> baseline,
                          IpdAnalysis.Outcome main, List<SubgroupResult> subgroups, M2Section m2, TimeEffect time,
                          List<Grotta> grotta, Provenance provenance, List<PublishedEvidence.Comparison> published,
                          org.strokemeta.bayes.BayesResult bayes, org.strokemeta.sequential.TsaResult sequential)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Makes a report from its parts, copying the lists.
     *
     * @param plan       the plan followed
     * @param simulated  true when the data are simulated
     * @param cohort     the patients read
     * @param baseline   Table 1
     * @param main       the primary and secondary analyses
     * @param subgroups  subgroup analyses, in plan order
     * @param m2         the M2 section, or null
     * @param time       the effect against time, or null
     * @param grotta     mRS distributions per arm
     * @param provenance where the numbers come from
     * @param published  the published-versus-computed comparison, or null
     * @param bayes      the Bayesian analysis, or null
     * @param sequential the trial sequential analysis, or null
     */
    public StudyReport {
        baseline = List.copyOf(baseline);
        subgroups = List.copyOf(subgroups);
        grotta = List.copyOf(grotta);
        published = published == null ? null : List.copyOf(published);
    }

    /**
     * The same report with the published-versus-computed comparison of the bundled evidence.
     *
     * @param comparison the comparison, as {@link PublishedEvidence#reproduce()} gives it
     * @return a new report holding it
     */
    public StudyReport withPublished(List<PublishedEvidence.Comparison> comparison) {
        return new StudyReport(plan, simulated, cohort, baseline, main, subgroups, m2, time, grotta, provenance, List.copyOf(comparison),
                bayes, sequential);
    }

    /**
     * One row of Table 1.
     *
     * @param label   what it describes
     * @param kind    mean_sd, median_iqr or count
     * @param evt     thrombectomy arm: {mean, sd}, {median, q1, q3} or {n, of}
     * @param control control arm, likewise
     * @param missing patients without a value {thrombectomy, control}
     * @serial exclude
     */
    public record BaselineRow(String label, String kind, double[] evt, double[] control, int[] missing) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Makes a row, copying the arrays.
         *
         * @param label   what it describes
         * @param kind    mean_sd, median_iqr or count
         * @param evt     thrombectomy arm's numbers
         * @param control control arm's numbers
         * @param missing patients without a value {thrombectomy, control}
         */
        public BaselineRow {
            evt = evt.clone();
            control = control.clone();
            missing = missing.clone();
        }

        /**
         * The thrombectomy arm's numbers: {mean, sd}, {median, q1, q3} or {n, of}.
         *
         * @return a copy
         */
        @Override
        public double[] evt() {
            return evt.clone();
        }

        /**
         * The control arm's numbers, as {@link #evt()}.
         *
         * @return a copy
         */
        @Override
        public double[] control() {
            return control.clone();
        }

        /**
         * Patients without a value {thrombectomy, control}.
         *
         * @return a copy
         */
        @Override
        public int[] missing() {
            return missing.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BaselineRow r && label.equals(r.label) && kind.equals(r.kind) && Arrays.equals(evt, r.evt)
                    && Arrays.equals(control, r.control) && Arrays.equals(missing, r.missing);
        }

        @Override
        public int hashCode() {
            return Objects.hash(label, kind, Arrays.hashCode(evt), Arrays.hashCode(control), Arrays.hashCode(missing));
        }

        @Override
        public String toString() {
            return "BaselineRow[label=" + label + ", kind=" + kind + ", evt=" + Arrays.toString(evt) + ", control="
                    + Arrays.toString(control) + ", missing=" + Arrays.toString(missing) + "]";
        }
    }

    /**
     * A subgroup analysis.
     *
     * @param label       heading
     * @param variable    the grouping variable
     * @param levels      one entry per group
     * @param interaction the test for a difference of the effect between the groups
     * @serial exclude
     */
    public record SubgroupResult(String label, String variable, List<Level> levels, SubgroupInteraction.Result interaction)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Makes a subgroup analysis, copying the levels.
         *
         * @param label       heading
         * @param variable    the grouping variable
         * @param levels      one entry per group
         * @param interaction the test for a difference of the effect between the groups
         */
        public SubgroupResult {
            levels = List.copyOf(levels);
        }
    }

    /**
     * The effect in one group.
     *
     * @param name     the group
     * @param nEvt     thrombectomy patients (with the outcome)
     * @param nControl control patients
     * @param effect   the adjusted common odds ratio, or null when not estimable
     * @param note     why not, or the model used
     * @serial exclude
     */
    public record Level(String name, int nEvt, int nControl, CommonOddsRatio effect, String note) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * The M2-segment occlusions (Menon et al., J NeuroInterv Surg 2019).
     *
     * @param analysis     the shift and the binary outcomes in M2 patients (adjusted as the plan says, the
     *                     occlusion-site covariates left out)
     * @param subdivisions the effect by M2 segment, division and dominance, with interaction tests
     * @param reason       why the analysis could not be run (null when it was)
     * @serial exclude
     */
    public record M2Section(IpdAnalysis.Outcome analysis, List<SubgroupResult> subdivisions, String reason) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Makes the section, copying the subdivisions.
         *
         * @param analysis     the analyses in M2 patients, or null
         * @param subdivisions the effect by M2 segment, division and dominance
         * @param reason       why the analysis could not be run, or null
         */
        public M2Section {
            subdivisions = List.copyOf(subdivisions);
        }
    }

    /**
     * The treatment effect against onset-to-randomisation time.
     *
     * @param minutes      the times at which the curve is given
     * @param logCor       log common odds ratio at each time (model with a treatment-by-time term)
     * @param lower        lower confidence limits
     * @param upper        upper confidence limits
     * @param perHour      the within-trial interaction (log ratio of cORs per 60 minutes, benefit scale)
     * @param perHourSe    its SE
     * @param perHourP     its p-value
     * @serial exclude
     */
    public record TimeEffect(double[] minutes, double[] logCor, double[] lower, double[] upper, double perHour, double perHourSe,
                             double perHourP) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Makes the curve, copying the arrays.
         *
         * @param minutes   the times, minutes from onset to randomisation
         * @param logCor    log common odds ratio at each time
         * @param lower     lower confidence limits (log scale)
         * @param upper     upper confidence limits (log scale)
         * @param perHour   the within-trial interaction per 60 minutes (log ratio of cORs)
         * @param perHourSe its SE
         * @param perHourP  its p-value
         */
        public TimeEffect {
            minutes = minutes.clone();
            logCor = logCor.clone();
            lower = lower.clone();
            upper = upper.clone();
        }

        /**
         * The times at which the curve is given.
         *
         * @return a copy, minutes from onset to randomisation
         */
        @Override
        public double[] minutes() {
            return minutes.clone();
        }

        /**
         * The log common odds ratio at each time.
         *
         * @return a copy
         */
        @Override
        public double[] logCor() {
            return logCor.clone();
        }

        /**
         * The lower confidence limits (log scale).
         *
         * @return a copy
         */
        @Override
        public double[] lower() {
            return lower.clone();
        }

        /**
         * The upper confidence limits (log scale).
         *
         * @return a copy
         */
        @Override
        public double[] upper() {
            return upper.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TimeEffect t && Arrays.equals(minutes, t.minutes) && Arrays.equals(logCor, t.logCor)
                    && Arrays.equals(lower, t.lower) && Arrays.equals(upper, t.upper)
                    && Double.compare(perHour, t.perHour) == 0 && Double.compare(perHourSe, t.perHourSe) == 0
                    && Double.compare(perHourP, t.perHourP) == 0;
        }

        @Override
        public int hashCode() {
            return Objects.hash(Arrays.hashCode(minutes), Arrays.hashCode(logCor), Arrays.hashCode(lower), Arrays.hashCode(upper),
                    perHour, perHourSe, perHourP);
        }

        @Override
        public String toString() {
            return "TimeEffect[minutes=" + Arrays.toString(minutes) + ", logCor=" + Arrays.toString(logCor) + ", lower="
                    + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", perHour=" + perHour + ", perHourSe="
                    + perHourSe + ", perHourP=" + perHourP + "]";
        }
    }

    /**
     * mRS counts per arm for a Grotta bar chart.
     *
     * @param label  the patients counted
     * @param counts {@code [0]} thrombectomy, {@code [1]} control; one count per mRS category
     * @serial exclude
     */
    public record Grotta(String label, double[][] counts) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Makes the counts, copying them.
         *
         * @param label  the patients counted
         * @param counts per arm and mRS category
         */
        public Grotta {
            counts = deepCopy(counts);
        }

        /**
         * The counts per arm ({@code [0]} thrombectomy, {@code [1]} control) and mRS category.
         *
         * @return a copy
         */
        @Override
        public double[][] counts() {
            return deepCopy(counts);
        }

        private static double[][] deepCopy(double[][] a) {
            double[][] out = new double[a.length][];
            for (int i = 0; i < a.length; i++) {
                out[i] = a[i].clone();
            }
            return out;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Grotta g && label.equals(g.label) && Arrays.deepEquals(counts, g.counts);
        }

        @Override
        public int hashCode() {
            return 31 * label.hashCode() + Arrays.deepHashCode(counts);
        }

        @Override
        public String toString() {
            return "Grotta[label=" + label + ", counts=" + Arrays.deepToString(counts) + "]";
        }
    }

    /**
     * Where the numbers of a report come from.
     *
     * @param input       the data's name
     * @param inputSha256 its checksum
     * @param planName    the plan's name
     * @param planSha256  its checksum
     * @param version     the product version
     * @param generated   when (ISO-8601, UTC)
     * @param command     the command line
     * @serial exclude
     */
    public record Provenance(String input, String inputSha256, String planName, String planSha256, String version,
                             String generated, String command) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * A covariate, subgroup variable or outcome of the plan that the data lack.
     *
     * @param role       "covariate", "subgroup variable" or "outcome"
     * @param name       the name in the plan
     * @param suggestion the closest name the data have, or null
     * @serial exclude
     */
    public record MissingVariable(String role, String name, String suggestion) implements Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Describes the variable for a message.
         *
         * @return e.g. "covariate 'nihs' (did you mean nihss?)"
         */
        public String describe() {
            return role + " '" + name + "'" + (suggestion == null ? "" : " (did you mean " + suggestion + "?)");
        }
    }

    /**
     * Runs the plan on the cohort, its models' parallel parts on the library's pool ({@link Execution#defaults()}).
     *
     * @param cohort     the patients
     * @param plan       the analyses to run
     * @param provenance where the numbers come from (carried into the report)
     * @param progress   told the name of each step as it starts (for a progress bar); may be null
     * @return the report
     * @throws org.strokemeta.data.InputException when the plan names variables the data lack and the plan
     *                                            does not allow leaving them out ({@link AnalysisPlan#skipMissing()})
     */
    public static StudyReport run(StrokeCohort cohort, AnalysisPlan plan, Provenance provenance, Consumer<String> progress) {
        return StudyRun.run(cohort, plan, provenance, progress, Execution.defaults());
    }

    /**
     * Runs the plan on the cohort.
     *
     * @param cohort     the patients
     * @param plan       the analyses to run
     * @param provenance where the numbers come from (carried into the report)
     * @param progress   told the name of each step as it starts (for a progress bar); may be null
     * @param execution  where the parallel parts of the models run (see {@link IpdRequest#execution()}); the
     *                   numbers do not depend on it
     * @return the report
     * @throws org.strokemeta.data.InputException when the plan names variables the data lack and the plan
     *                                            does not allow leaving them out ({@link AnalysisPlan#skipMissing()})
     */
    public static StudyReport run(StrokeCohort cohort, AnalysisPlan plan, Provenance provenance, Consumer<String> progress,
                                  Execution execution) {
        return StudyRun.run(cohort, plan, provenance, progress, execution);
    }

    /**
     * Everything the plan names that the data lack, in plan order: covariates, outcomes, subgroup variables.
     *
     * @param cohort the patients
     * @param plan   the plan
     * @return the lacking variables with the closest name the data have, empty when none lacks
     */
    public static List<MissingVariable> missing(StrokeCohort cohort, AnalysisPlan plan) {
        return PlanVariables.missing(cohort, plan);
    }

    /**
     * The plan's variables the data lack, as one sentence.
     *
     * @param lacking what {@link #missing} found (not empty)
     * @return "the plan names 2 variables the data lack: ..."
     */
    public static String describe(List<MissingVariable> lacking) {
        return PlanVariables.describe(lacking);
    }

    /**
     * What the plan names and the data lack (left out only when the plan allows it).
     *
     * @return as {@link #missing} gives it for this report's cohort and plan
     */
    public List<MissingVariable> missingVariables() {
        return PlanVariables.missing(cohort, plan);
    }

    /**
     * The plan's binary outcomes that the data do not have.
     *
     * @return their names in plan order
     */
    public List<String> missingOutcomes() {
        List<String> out = new ArrayList<>(plan.binary());
        out.removeAll(PlanVariables.binaryOutcomes(cohort, plan));
        return out;
    }

    /**
     * The plan's covariates that the data do not have.
     *
     * @return their names in plan order
     */
    public List<String> missingCovariates() {
        List<String> out = new ArrayList<>(plan.covariates());
        out.removeAll(PlanVariables.available(cohort, plan.covariates()));
        return out;
    }

    /**
     * Every note of the reading and of the main analyses, without repeats.
     *
     * @return the cohort's notes, then the analyses'
     */
    public List<Note> notes() {
        List<Note> all = new ArrayList<>(cohort.notes());
        all.addAll(main.notes());
        return all.stream().distinct().toList();
    }
}
