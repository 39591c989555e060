package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.BinaryOptions;
import org.strokemeta.ipd.BinaryOutcome;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ipd.MixedOptions;
import org.strokemeta.ipd.MixedOrdinal;
import org.strokemeta.ipd.MixedOrdinalResult;
import org.strokemeta.ipd.VarianceComponents;
import org.strokemeta.ordinal.ClinicalSummaries;
import org.strokemeta.ordinal.CommonOddsRatio;
import org.strokemeta.ordinal.CutPoint;
import org.strokemeta.ordinal.EmptyCategories;
import org.strokemeta.ordinal.Link;
import org.strokemeta.ordinal.NetBenefit;
import org.strokemeta.ordinal.PartialProportionalOdds;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.TwoStage;
import org.strokemeta.ordinal.TwoStageResult;
import org.strokemeta.ordinal.UtilityWeightedOutcome;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.regression.Coefficient;

/**
 * The patient-level analysis of randomised trials as a collaboration such as HERMES runs it: the
 * ordinal shift of the outcome (common odds ratio, adjusted for prognostic covariates and unadjusted),
 * binary outcomes (adjusted odds ratios and standardised risk differences), treatment-by-covariate
 * interactions within trials, the proportional-odds check, the net benefit with its NNT and the
 * utility-weighted mRS (each computed within trials and combined, {@link ClinicalSummaries}).
 */
public final class IpdAnalysis {
    private IpdAnalysis() {
    }

    /**
     * One ordinal (shift) model, whichever way trials entered it.
     *
     * @param method       the model in words
     * @param effect       the common odds ratio (positive log = better with treatment)
     * @param coefficients covariate coefficients on the model scale (positive = worse), treatment included
     * @param cutPoints    the cut-points (thresholds) with their standard errors: each trial's when stratified,
     *                     else the common ones (clm's and clmm's alpha parameters)
     * @param variance     the variance components of a mixed model, or null
     * @param logLik       the log-likelihood
     * @param parameters   the number of free parameters (cut-points, coefficients, variance parameters), as
     *                     clm's and clmm's {@code edf}
     * @param patients     patients in the model
     * @param converged    false when the fit did not converge (then nothing is valid)
     * @param message      how the fit ended
     * @param notes        remarks from the fit
     * @param nominal      the nominal effects of a model with them (clm's {@code nominal = ~x}), named
     *                     {@code "j|j+1.x"}, each added to its cut-point; empty otherwise
     * @param scale        the scale effects of a model with them (clm's {@code scale = ~z}); empty otherwise
     * @serial exclude
     */
    public record Shift(String method, CommonOddsRatio effect, List<Coefficient> coefficients, List<CutPoint> cutPoints,
                        VarianceComponents variance, double logLik, int parameters, int patients, boolean converged,
                        String message, List<Note> notes, List<Coefficient> nominal, List<Coefficient> scale)
            implements java.io.Serializable {
        /**
         * Copies the lists (see the record's components).
         *
         * @param method       the model in words
         * @param effect       the common odds ratio (positive log = better with treatment)
         * @param coefficients covariate coefficients on the model scale (positive = worse), treatment included
         * @param cutPoints    the cut-points with their standard errors
         * @param variance     the variance components of a mixed model, or null
         * @param logLik       the log-likelihood
         * @param parameters   the number of free parameters
         * @param patients     patients in the model
         * @param converged    false when the fit did not converge (then nothing is valid)
         * @param message      how the fit ended
         * @param notes        remarks from the fit
         * @param nominal      the nominal effects, or empty
         * @param scale        the scale effects, or empty
         */
        public Shift {
            nominal = nominal == null ? List.of() : List.copyOf(nominal);
            scale = scale == null ? List.of() : List.copyOf(scale);
            coefficients = List.copyOf(coefficients);
            cutPoints = List.copyOf(cutPoints);
            notes = List.copyOf(notes);
        }

        /**
         * A model without nominal or scale effects (see the record's components).
         *
         * @param method       the model in words
         * @param effect       the common odds ratio (positive log = better with treatment)
         * @param coefficients covariate coefficients on the model scale (positive = worse), treatment included
         * @param cutPoints    the cut-points with their standard errors
         * @param variance     the variance components of a mixed model, or null
         * @param logLik       the log-likelihood
         * @param parameters   the number of free parameters
         * @param patients     patients in the model
         * @param converged    false when the fit did not converge (then nothing is valid)
         * @param message      how the fit ended
         * @param notes        remarks from the fit
         */
        public Shift(String method, CommonOddsRatio effect, List<Coefficient> coefficients, List<CutPoint> cutPoints,
                     VarianceComponents variance, double logLik, int parameters, int patients, boolean converged,
                     String message, List<Note> notes) {
            this(method, effect, coefficients, cutPoints, variance, logLik, parameters, patients, converged, message, notes,
                    List.of(), List.of());
        }

        /**
         * Akaike's information criterion, as clm's and clmm's {@code AIC}: −2 log-likelihood + 2 × the free
         * parameters (the variance parameters of a mixed model included).
         *
         * @return the AIC
         */
        public double aic() {
            return -2 * logLik + 2 * parameters;
        }
    }

    /**
     * A binary outcome's model with its raw counts.
     *
     * @param result            the logistic model
     * @param eventsTreatment   patients with the event, treatment arm
     * @param patientsTreatment patients analysed, treatment arm
     * @param eventsControl     patients with the event, control arm
     * @param patientsControl   patients analysed, control arm
     * @serial exclude
     */
    public record Binary(BinaryResult result, int eventsTreatment, int patientsTreatment, int eventsControl, int patientsControl)
            implements java.io.Serializable {
        static Binary of(BinaryResult r, PatientData d, BinaryOutcome y) {
            int[] c = new int[4];
            int[] event = y.event();
            int[] arms = d.treatment();
            for (int i = 0; i < arms.length; i++) {
                int arm = arms[i];
                int w = d.weight(i);
                c[arm == 1 ? 1 : 3] += w;
                if (event[i] == 1) {
                    c[arm == 1 ? 0 : 2] += w;
                }
            }
            return new Binary(r, c[0], c[1], c[2], c[3]);
        }
    }

    /**
     * The patients of an analysis in numbers, as the reports show them.
     *
     * @param source   the data's name
     * @param patients patients analysed (case weights added)
     * @param size     rows (differs from {@code patients} with case weights)
     * @param weighted whether rows carry case weights
     * @param excluded patients left out (see the notes)
     * @param categories the outcome categories (before any merge)
     * @param trials   the trials, by code
     * @param arms     patients per trial and arm: {@code [trial][0 = control, 1 = treatment]}
     * @serial exclude
     */
    public record Summary(String source, int patients, int size, boolean weighted, int excluded, int categories,
                          List<String> trials, int[][] arms) implements java.io.Serializable {
        /**
         * Copies the lists and arrays.
         *
         * @param source     the data's name
         * @param patients   patients analysed
         * @param size       rows
         * @param weighted   whether rows carry case weights
         * @param excluded   patients left out
         * @param categories the outcome categories
         * @param trials     the trials, by code
         * @param arms       patients per trial and arm
         * @throws IllegalArgumentException if the arm sizes are not one pair per trial
         */
        public Summary {
            trials = List.copyOf(trials);
            int[][] a = new int[arms.length][];
            for (int s = 0; s < a.length; s++) {
                if (arms[s].length != 2) {
                    throw new IllegalArgumentException("arm sizes come in pairs (control, treatment)");
                }
                a[s] = arms[s].clone();
            }
            if (a.length != trials.size()) {
                throw new IllegalArgumentException(trials.size() + " trials but " + a.length + " pairs of arm sizes");
            }
            arms = a;
        }

        /**
         * The summary of patients held here.
         *
         * @param d the patients
         * @return their numbers
         */
        public static Summary of(PatientData d) {
            return new Summary(d.source(), d.patients(), d.size(), d.weighted(), d.excluded(), d.categories(),
                    List.of(d.studyNames()), d.armSizes());
        }

        /**
         * The {@code arms} component, as a copy.
         *
         * @return patients per trial and arm
         */
        @Override
        public int[][] arms() {
            int[][] a = new int[arms.length][];
            for (int s = 0; s < a.length; s++) {
                a[s] = arms[s].clone();
            }
            return a;
        }

        /**
         * The number of trials.
         *
         * @return the trials
         */
        public int studies() {
            return trials.size();
        }

        /**
         * Patients per trial and arm, as {@link PatientData#armSizes()}.
         *
         * @return {@code [trial][0 = control, 1 = treatment]}
         */
        public int[][] armSizes() {
            return arms();
        }

        /**
         * A trial's name.
         *
         * @param s the trial's code
         * @return its name
         */
        public String studyNames(int s) {
            return trials.get(s);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Summary x && source.equals(x.source) && patients == x.patients && size == x.size
                    && weighted == x.weighted && excluded == x.excluded && categories == x.categories
                    && trials.equals(x.trials) && java.util.Arrays.deepEquals(arms, x.arms);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(source, patients, size, trials) * 31 + java.util.Arrays.deepHashCode(arms);
        }

        @Override
        public String toString() {
            return "Summary[" + source + ", " + patients + " patients in " + trials.size() + " trials]";
        }
    }

    /**
     * The patients of an analysis, wherever they are held, and the models {@link #run(Patients, IpdRequest)} fits to
     * them: patients held here ({@link #run(PatientData, IpdRequest)}), or spread over a cluster, where each model is
     * computed where the patients are. A holder that cannot fit a model (a mixed model over a cluster) throws
     * {@link UnsupportedOperationException} saying so.
     */
    public interface Patients {
        /**
         * The patients in numbers.
         *
         * @return the summary
         */
        Summary summary();

        /**
         * The patients held here, or null when they are not in one place.
         *
         * @return the patients, or null
         */
        PatientData data();

        /**
         * Remarks on the data read (patients left out and why), first in the analysis's notes.
         *
         * @return the notes
         */
        List<Note> notes();

        /**
         * The request's ordinal model with these covariates.
         *
         * @param covariates the adjustment (the request's covariates, or none for the unadjusted model)
         * @param r          the request
         * @param primary    true for the primary model, which takes the request's nominal and scale effects
         * @return the model
         */
        Shift shift(List<String> covariates, IpdRequest r, boolean primary);

        /**
         * The two-stage analysis adjusted for the request's covariates within each trial.
         *
         * @param r the request (its two-stage pooling options)
         * @return each trial's effect and the pooled one
         */
        TwoStageResult twoStage(IpdRequest r);

        /**
         * A binary outcome's logistic model.
         *
         * @param b the outcome
         * @param o the model's options
         * @return the model with the raw counts
         */
        Binary binary(BinaryEndpoint b, BinaryOptions o);

        /**
         * The likelihood-ratio test of proportional odds.
         *
         * @param covariates the adjustment of both fits
         * @param o          the options of the two fits
         * @return the test
         */
        ProportionalOddsCheck poCheck(List<String> covariates, PoOptions o);

        /**
         * The within-trial interaction of treatment with a covariate on the ordinal outcome.
         *
         * @param covariate the covariate
         * @param r         the request
         * @return the interaction
         */
        EffectModification.Interaction shiftInteraction(String covariate, IpdRequest r);

        /**
         * The within-trial interaction of treatment with a covariate on a binary outcome.
         *
         * @param b         the outcome
         * @param covariate the covariate
         * @param r         the request
         * @return the interaction
         */
        EffectModification.Interaction binaryInteraction(BinaryEndpoint b, String covariate, IpdRequest r);

        /**
         * Net benefit and utility-weighted outcome within trials, combined.
         *
         * @param weights utility weights, or null
         * @param level   the confidence level
         * @return the summaries
         */
        ClinicalSummaries clinical(UtilityWeights weights, double level);
    }

    /** Patients held here, with further 0/1 outcome columns given directly. */
    private record Local(PatientData d, Map<String, double[]> outcomes) implements Patients {
        @Override
        public Summary summary() {
            return Summary.of(d);
        }

        @Override
        public PatientData data() {
            return d;
        }

        @Override
        public List<Note> notes() {
            return d.notes();
        }

        @Override
        public Shift shift(List<String> covariates, IpdRequest r, boolean primary) {
            return IpdAnalysis.shift(d.withCovariatesOnly(covariates), r, primary);
        }

        @Override
        public TwoStageResult twoStage(IpdRequest r) {
            return TwoStage.run(d.withCovariatesOnly(r.covariates()), po(r, Thresholds.STRATIFIED), r.twoStage());
        }

        @Override
        public Binary binary(BinaryEndpoint b, BinaryOptions o) {
            Recorded y = outcome(d.withCovariatesOnly(o.covariates()), outcomes, b);
            return Binary.of(o.studyEffect().fit(y.data(), y.outcome(), o), y.data(), y.outcome());
        }

        @Override
        public ProportionalOddsCheck poCheck(List<String> covariates, PoOptions o) {
            return PartialProportionalOdds.test(d.withCovariatesOnly(covariates), o);
        }

        @Override
        public EffectModification.Interaction shiftInteraction(String covariate, IpdRequest r) {
            return EffectModification.shift(d, covariate, r.covariates(), po(r, Thresholds.STRATIFIED));
        }

        @Override
        public EffectModification.Interaction binaryInteraction(BinaryEndpoint b, String covariate, IpdRequest r) {
            Recorded y = outcome(d, outcomes, b);
            return EffectModification.binary(y.data(), y.outcome(), covariate, r.covariates(), r.level());
        }

        @Override
        public ClinicalSummaries clinical(UtilityWeights weights, double level) {
            return ClinicalSummaries.of(d, weights, level);
        }
    }

    /**
     * The result.
     *
     * @param request      what was asked
     * @param data         the patients analysed (complete cases, before merging)
     * @param adjusted     the ordinal model with the covariates (null when none were given)
     * @param unadjusted   the ordinal model with treatment only (null when not asked and covariates were given)
     * @param twoStage     per-trial common odds ratios (adjusted for the covariates within each trial), pooled (null unless asked)
     * @param binary       the binary outcomes, adjusted as the ordinal model
     * @param interactions within-trial interactions
     * @param poCheck      the proportional-odds test (null unless asked)
     * @param clinical     net benefit with its NNT and the utility-weighted mRS, within trials and combined; null
     *                     without the ordinal analyses
     * @param notes        remarks (those of the clinical summaries included)
     * @param summary      the patients analysed in numbers (trials, arm sizes, patients left out), as the reports show them
     * @serial exclude
     */
    public record Outcome(IpdRequest request, PatientData data, Shift adjusted, Shift unadjusted, TwoStageResult twoStage,
                          List<Binary> binary, List<EffectModification.Interaction> interactions,
                          ProportionalOddsCheck poCheck, ClinicalSummaries clinical, List<Note> notes, Summary summary)
            implements java.io.Serializable {
        /**
         * Checks that the patients are described; the summary of patients held here is computed from them.
         *
         * @param request      what was asked
         * @param data         the patients analysed, or null when they are not held in one place (a distributed analysis)
         * @param adjusted     the ordinal model with the covariates, or null
         * @param unadjusted   the ordinal model with treatment only, or null
         * @param twoStage     the two-stage analysis, or null
         * @param binary       the binary outcomes
         * @param interactions within-trial interactions
         * @param poCheck      the proportional-odds test, or null
         * @param clinical     net benefit and utility-weighted mRS, or null
         * @param notes        remarks
         * @param summary      the patients in numbers; null to compute it from {@code data}
         * @throws IllegalArgumentException when neither the patients nor their summary is given
         */
        public Outcome {
            if (summary == null) {
                if (data == null) {
                    throw new IllegalArgumentException("an analysis needs its patients or their summary");
                }
                summary = Summary.of(data);
            }
            binary = List.copyOf(binary);
            interactions = List.copyOf(interactions);
            notes = List.copyOf(notes);
        }

        /**
         * The result of an analysis of patients held here (see the record's components).
         *
         * @param request      what was asked
         * @param data         the patients analysed (complete cases, before merging)
         * @param adjusted     the ordinal model with the covariates, or null
         * @param unadjusted   the ordinal model with treatment only, or null
         * @param twoStage     the two-stage analysis, or null
         * @param binary       the binary outcomes
         * @param interactions within-trial interactions
         * @param poCheck      the proportional-odds test, or null
         * @param clinical     net benefit and utility-weighted mRS, or null
         * @param notes        remarks
         */
        public Outcome(IpdRequest request, PatientData data, Shift adjusted, Shift unadjusted, TwoStageResult twoStage,
                       List<Binary> binary, List<EffectModification.Interaction> interactions,
                       ProportionalOddsCheck poCheck, ClinicalSummaries clinical, List<Note> notes) {
            this(request, data, adjusted, unadjusted, twoStage, binary, interactions, poCheck, clinical, notes, null);
        }

        /**
         * The combined net benefit and NNT, as in {@link ClinicalSummaries#benefit()}.
         *
         * @return the net benefit (Δ = P(better) − P(worse), on [−1, 1]) with its NNT; null without the ordinal
         *         analyses or when no trial has patients in both arms
         */
        public NetBenefit benefit() {
            return clinical == null ? null : clinical.benefit();
        }

        /**
         * The combined utility-weighted mRS (null when not asked, not mRS 0-6, or no trial could contribute).
         *
         * @return the utility-weighted outcome, or null
         */
        public UtilityWeightedOutcome utility() {
            return clinical == null ? null : clinical.utility();
        }

        /**
         * The primary estimate: adjusted when covariates were given, else unadjusted (null without the ordinal analyses).
         *
         * @return the primary shift estimate, or null
         */
        public Shift primary() {
            return adjusted != null ? adjusted : unadjusted;
        }

        /**
         * True when the analyses a user relies on converged: the ordinal (shift) models and the
         * interactions; the binary outcomes are secondary and are judged by {@link #valid()}.
         *
         * @return whether the shift models and every interaction converged
         */
        public boolean primaryValid() {
            return (adjusted == null || adjusted.converged()) && (unadjusted == null || unadjusted.converged())
                    && interactions.stream().allMatch(EffectModification.Interaction::valid);
        }

        /**
         * The model whose proportional-odds assumption {@link #poCheck()} tests, in words: the likelihood-ratio
         * test is of a fixed-effects model (clm), with cut-points per trial unless the ordinal model has common
         * cut-points; a mixed model is not itself tested, and its check comes from the stratified model.
         *
         * @return the tested model, or null when there is no test
         */
        public String poTestModel() {
            if (poCheck == null) {
                return null;
            }
            return switch (request.ordinalModel()) {
                case COMMON -> "the common cut-points model (clm)";
                case STRATIFIED -> "the model with cut-points per trial (clm, nominal = ~study)";
                case MIXED -> "the stratified fixed-effects model (clm with cut-points per trial), not the mixed model";
            };
        }

        /**
         * True when every model converged.
         *
         * @return whether every fit converged and no logistic model met separation
         */
        public boolean valid() {
            return (adjusted == null || adjusted.converged()) && (unadjusted == null || unadjusted.converged())
                    && binary.stream().allMatch(b -> b.result().converged() && !b.result().separation())
                    && interactions.stream().allMatch(EffectModification.Interaction::valid);
        }
    }

    /**
     * Runs the analysis. The parallel parts of its models run on {@code r.execution()} (the library's pool
     * unless the caller passes its own executor or a single thread); the numbers do not depend on it.
     * A 0/1 outcome column named in the request's binary outcomes is read from the columns the patients
     * carry ({@link PatientData#columns()}, the file's other columns when loaded by
     * {@link org.strokemeta.data.PatientLoader}).
     *
     * @param d the patients (loaded with every covariate the request names, including interaction ones)
     * @param r the request
     * @return the analyses asked for
     * @throws InputException when a binary outcome is neither a known one nor a 0/1 column the patients carry
     */
    public static Outcome run(PatientData d, IpdRequest r) {
        return run(d, Map.of(), r);
    }

    /**
     * Runs the analysis with further 0/1 outcome columns given directly (for example symptomatic ICH of a
     * {@link org.strokemeta.data.StrokeCohort}), each aligned with d's patients (NaN where not recorded).
     *
     * @param d        the patients (loaded with every covariate the request names, including interaction ones)
     * @param outcomes 0/1 outcome columns by name, each aligned with d's patients (NaN where not recorded)
     * @param r        the request
     * @return the analyses asked for
     * @throws InputException when a binary outcome is neither a known one, a given column, nor a 0/1 column the patients carry
     */
    public static Outcome run(PatientData d, Map<String, double[]> outcomes, IpdRequest r) {
        return run(new Local(d, outcomes), r);
    }

    /**
     * Runs the analysis on patients wherever they are held: the same models, in the same order, with the same notes, as
     * for patients held here. The models are independent of one another and run side by side on the request's
     * execution; what they give, and the first error in the order of the models, are the same as one after the other.
     *
     * @param p the patients (with every covariate the request names, including interaction ones)
     * @param r the request
     * @return the analyses asked for
     * @throws InputException                when a binary outcome is neither a known one nor a 0/1 column of the patients
     * @throws UnsupportedOperationException when the holder of the patients cannot fit a model the request asks for
     */
    public static Outcome run(Patients p, IpdRequest r) {
        List<Note> notes = new ArrayList<>(p.notes());
        boolean adjust = r.ordinal() && !r.covariates().isEmpty();
        BinaryOptions bo = new BinaryOptions(r.binaryModel(), r.covariates(), r.nAGQ(), r.level(), r.execution());
        List<java.util.function.Supplier<Object>> models = new ArrayList<>();
        models.add(() -> adjust ? p.shift(r.covariates(), r, true) : null);
        models.add(() -> r.ordinal() && (!adjust || r.unadjusted()) ? p.shift(List.of(), r, !adjust) : null);
        models.add(() -> r.ordinal() && r.twoStage() != null ? p.twoStage(r) : null);
        for (BinaryEndpoint b : r.binary()) {
            models.add(() -> p.binary(b, bo));
        }
        int poTest = models.size();
        models.add(() -> {
            if (!r.ordinal() || !r.poTest()) {
                return null;
            }
            try {
                return p.poCheck(r.covariates(),
                        po(r, r.ordinalModel() == IpdRequest.OrdinalModel.COMMON ? Thresholds.COMMON : Thresholds.STRATIFIED)
                                .withLink(r.link()));
            } catch (InputException | IllegalArgumentException e) {
                return new Note(0, null, Note.Kind.WARNING, "no proportional-odds test: " + e.getMessage());
            }
        });
        Object[] fitted = new Object[models.size()];
        RuntimeException[] failed = new RuntimeException[models.size()];
        r.execution().forEach(models.size(), i -> {
            try {
                fitted[i] = models.get(i).get();
            } catch (RuntimeException e) {
                failed[i] = e;
            }
        });
        for (RuntimeException e : failed) {
            if (e != null) {
                throw e;
            }
        }
        Shift adjusted = (Shift) fitted[0];
        Shift unadjusted = (Shift) fitted[1];
        TwoStageResult two = (TwoStageResult) fitted[2];
        List<Binary> binary = new ArrayList<>();
        for (int i = 3; i < poTest; i++) {
            binary.add((Binary) fitted[i]);
        }
        List<EffectModification.Interaction> interactions = new ArrayList<>();
        for (String x : r.ordinal() ? r.interactions() : List.<String>of()) {
            interactions.add(p.shiftInteraction(x, r));
        }
        for (BinaryEndpoint b : r.binary()) {
            for (String x : r.interactions()) {
                interactions.add(p.binaryInteraction(b, x, r));
            }
        }
        ProportionalOddsCheck check = null;
        if (fitted[poTest] instanceof Note n) {
            notes.add(n);
        } else {
            check = (ProportionalOddsCheck) fitted[poTest];
        }
        ClinicalSummaries clinical = r.ordinal() ? p.clinical(r.utility(), r.level()) : null;
        if (clinical != null) {
            notes.addAll(clinical.notes());
        }
        return new Outcome(r, p.data(), adjusted, unadjusted, two, binary, interactions, check, clinical, notes, p.summary());
    }

    /**
     * The options of the request's fixed-effects ordinal fits with these cut-points: the level, what an empty category
     * does, the merge of categories and the execution (the link is set by each model).
     *
     * @param r  the request
     * @param th common or stratified cut-points
     * @return the options
     */
    public static PoOptions ordinalOptions(IpdRequest r, Thresholds th) {
        return po(r, th);
    }

    /**
     * The request's stratified or common ordinal model from its fit, as the analysis reports it: the common odds ratio,
     * the coefficients with Wald tests and intervals at the request's level, and the model in words.
     *
     * @param f the proportional-odds fit (with the request's link)
     * @param r the request
     * @return the model
     */
    public static Shift shift(ProportionalOddsFit f, IpdRequest r) {
        List<Coefficient> coefs = new ArrayList<>();
        for (String name : f.names()) {
            double b = f.coefficient(name);
            double se = f.coefficientSe(name);
            double z = b / se;
            double crit = org.strokemeta.internal.Dist.zCrit(r.level());
            coefs.add(new Coefficient(name, b, se, z, org.strokemeta.internal.Dist.pNormal2(z), b - crit * se, b + crit * se));
        }
        Thresholds th = f.thresholds();
        String method = (r.link() == Link.LOGIT ? "proportional odds, " : "cumulative " + r.link().rName() + " model, ")
                + th.label() + " (" + th.rCall() + (r.link() == Link.LOGIT ? "" : " with link = \"" + r.link().rName() + "\"") + ")";
        return new Shift(method, f.commonOddsRatio(), coefs, f.cutPointList(), null, f.logLik(), f.parameters(),
                (int) Math.round(f.patients()), f.converged(), f.message(), f.notes());
    }

    static PoOptions po(IpdRequest r, Thresholds th) {
        PoOptions p = PoOptions.defaults().withThresholds(th).withLevel(r.level())
                .withEmptyCategories(r.dropEmpty() ? EmptyCategories.DROP : EmptyCategories.REJECT)
                .withExecution(r.execution());
        return r.merge() == null ? p : p.withMerge(r.merge());
    }

    /** The ordinal model of the request on these data (their covariates are the adjustment). */
    static Shift shift(PatientData d, IpdRequest r) {
        return shift(d, r, false);
    }

    /**
     * The ordinal model of the request on these data; the primary model (adjusted when there are covariates) takes
     * the request's nominal and scale effects.
     */
    static Shift shift(PatientData d, IpdRequest r, boolean primary) {
        boolean terms = primary && (!r.nominal().isEmpty() || !r.scale().isEmpty());
        if (terms && r.ordinalModel() == IpdRequest.OrdinalModel.MIXED) {
            throw new IllegalArgumentException("nominal and scale effects are fitted in the stratified and common ordinal"
                    + " models (clm), not in the mixed model");
        }
        if (terms) {
            Thresholds th = r.ordinalModel() == IpdRequest.OrdinalModel.COMMON ? Thresholds.COMMON : Thresholds.STRATIFIED;
            org.strokemeta.ordinal.CumulativeLinkModel.Fit f = org.strokemeta.ordinal.CumulativeLinkModel.fit(d,
                    po(r, th).withLink(r.link()), r.nominal(), r.scale());
            Coefficient t = f.treatment();
            CommonOddsRatio cor = new CommonOddsRatio(-t.estimate(), t.se(), -t.ciUpper(), -t.ciLower(), -t.statistic(), t.p(),
                    r.level());
            return new Shift(f.method(), cor, f.location(), f.cutPoints(), null, f.logLik(), f.parameters(), f.patients(),
                    f.converged(), f.message(), f.notes(), f.nominal(), f.scale());
        }
        if (r.ordinalModel() == IpdRequest.OrdinalModel.MIXED) {
            if (r.link() != Link.LOGIT) {
                throw new IllegalArgumentException("the mixed ordinal model is fitted with the logit link only, not "
                        + r.link().rName() + " (use the stratified or common model for another link)");
            }
            PatientData m = r.merge() == null ? d : d.mergeCategories(r.merge().from(), r.merge().to());
            MixedOrdinalResult f = MixedOrdinal.fit(m, new MixedOptions(d.covariateNames(), r.randomEffects(), r.nAGQ(), r.level(), 200, r.execution()));
            Coefficient c = f.logCommonOddsRatio();
            CommonOddsRatio cor = new CommonOddsRatio(c.estimate(), c.se(), c.ciLower(), c.ciUpper(), c.statistic(), c.p(), r.level());
            List<CutPoint> cuts = new ArrayList<>();
            for (Coefficient t : f.thresholds()) {
                cuts.add(new CutPoint(null, t.name(), t.estimate(), t.se()));
            }
            return new Shift(f.method(), cor, f.coefficients(), cuts, f.variance(), f.logLik(), f.parameters(), f.patients(),
                    f.converged(), f.convergence(), f.notes());
        }
        Thresholds th = r.ordinalModel() == IpdRequest.OrdinalModel.COMMON ? Thresholds.COMMON : Thresholds.STRATIFIED;
        // the request's link enters the one-stage models and their PO test; the two-stage fits and the
        // interactions report odds ratios and stay on the logit
        return shift(ProportionalOdds.fit(d, po(r, th).withLink(r.link())), r);
    }

    /** A binary outcome and the patients in whom it is recorded. */
    record Recorded(PatientData data, BinaryOutcome outcome) {
    }

    /**
     * A binary outcome: mRS 0-K, death, or a 0/1 column (given directly, or one the patients carry); patients without a
     * value in that column are left out of that outcome's analysis, with a note.
     */
    static Recorded outcome(PatientData d, Map<String, double[]> given, BinaryEndpoint endpoint) {
        if (endpoint instanceof BinaryEndpoint.MrsAtMost m) {
            return new Recorded(d, BinaryOutcome.atMost(d, m.k()));
        }
        if (endpoint instanceof BinaryEndpoint.Death) {
            return new Recorded(d, BinaryOutcome.atLeast(d, d.categories() - 1));
        }
        String s = ((BinaryEndpoint.Column) endpoint).name();
        if (given.containsKey(s)) {
            double[] v = given.get(s);
            if (v.length != d.size()) {
                throw new IllegalArgumentException("the outcome column " + s + " does not match the patients");
            }
            int[] keep = new int[v.length];
            int[] e = new int[v.length];
            int m = 0;
            for (int i = 0; i < v.length; i++) {
                if (!Double.isNaN(v[i])) {
                    keep[m] = i;
                    e[m++] = v[i] == 1 ? 1 : 0;
                }
            }
            PatientData sub = m == d.size() ? d : d.select(java.util.Arrays.copyOf(keep, m), s + " is missing (complete-case analysis of " + s + ")");
            return new Recorded(sub, new BinaryOutcome(s, java.util.Arrays.copyOf(e, m)));
        }
        DataColumns t = d.columns();
        if (!t.has(s)) {
            throw InputException.of(d.source(), "the binary outcome '" + s + "' is neither 0-K (outcome 0 to K), death, "
                    + "nor a column of the file");
        }
        double[] v = t.optionalNumbers(s);
        int[] keep = new int[d.size()];
        int[] e = new int[d.size()];
        int m = 0;
        int firstMissing = 0;
        for (int i = 0; i < d.size(); i++) {
            double x = v[i];
            if (Double.isNaN(x)) {
                if (firstMissing == 0) {
                    firstMissing = d.lines(i);
                }
                continue;
            }
            if (x != 0 && x != 1) {
                throw new InputException(d.source(), d.lines(i), t.name(s), "a binary outcome must be 0 or 1, not " + t.text(s, i));
            }
            keep[m] = i;
            e[m++] = (int) x;
        }
        PatientData sub = m == d.size() ? d : d.select(java.util.Arrays.copyOf(keep, m),
                s + " is missing (first on " + InputException.rowWord(d.source()) + " " + firstMissing
                        + "; complete-case analysis of " + s + ")");
        return new Recorded(sub, new BinaryOutcome(s, java.util.Arrays.copyOf(e, m)));
    }
}
