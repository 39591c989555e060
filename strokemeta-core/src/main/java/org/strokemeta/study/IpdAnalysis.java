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
     * @serial exclude
     */
    public record Outcome(IpdRequest request, PatientData data, Shift adjusted, Shift unadjusted, TwoStageResult twoStage,
                          List<Binary> binary, List<EffectModification.Interaction> interactions,
                          ProportionalOddsCheck poCheck, ClinicalSummaries clinical, List<Note> notes)
            implements java.io.Serializable {
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
        List<Note> notes = new ArrayList<>(d.notes());
        PatientData base = d.withCovariatesOnly(List.of());
        PatientData adjustedData = d.withCovariatesOnly(r.covariates());
        boolean adjust = r.ordinal() && !r.covariates().isEmpty();
        BinaryOptions bo = new BinaryOptions(r.binaryModel(), r.covariates(), r.nAGQ(), r.level(), r.execution());
        // The models are independent of one another: they run side by side on the request's execution
        // (each also splits its own passes over the patients there), and what they give, and the first
        // error in the order below, are the same as one after the other.
        List<java.util.function.Supplier<Object>> models = new ArrayList<>();
        models.add(() -> adjust ? shift(adjustedData, r, true) : null);
        models.add(() -> r.ordinal() && (!adjust || r.unadjusted()) ? shift(base, r, !adjust) : null);
        models.add(() -> r.ordinal() && r.twoStage() != null ? TwoStage.run(adjustedData, po(r, Thresholds.STRATIFIED), r.twoStage()) : null);
        for (BinaryEndpoint b : r.binary()) {
            models.add(() -> {
                Recorded y = outcome(adjustedData, outcomes, b);
                return Binary.of(r.binaryModel().fit(y.data(), y.outcome(), bo), y.data(), y.outcome());
            });
        }
        int poTest = models.size();
        models.add(() -> {
            if (!r.ordinal() || !r.poTest()) {
                return null;
            }
            try {
                return PartialProportionalOdds.test(adjustedData,
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
            interactions.add(EffectModification.shift(d, x, r.covariates(), po(r, Thresholds.STRATIFIED)));
        }
        for (BinaryEndpoint b : r.binary()) {
            for (String x : r.interactions()) {
                Recorded y = outcome(d, outcomes, b);
                interactions.add(EffectModification.binary(y.data(), y.outcome(), x, r.covariates(), r.level()));
            }
        }
        ProportionalOddsCheck check = null;
        if (fitted[poTest] instanceof Note n) {
            notes.add(n);
        } else {
            check = (ProportionalOddsCheck) fitted[poTest];
        }
        ClinicalSummaries clinical = r.ordinal() ? ClinicalSummaries.of(d, r.utility(), r.level()) : null;
        if (clinical != null) {
            notes.addAll(clinical.notes());
        }
        return new Outcome(r, d, adjusted, unadjusted, two, binary, interactions, check, clinical, notes);
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
        ProportionalOddsFit f = ProportionalOdds.fit(d, po(r, th).withLink(r.link()));
        List<Coefficient> coefs = new ArrayList<>();
        for (String name : f.names()) {
            double b = f.coefficient(name);
            double se = f.coefficientSe(name);
            double z = b / se;
            double crit = org.strokemeta.internal.Dist.zCrit(r.level());
            coefs.add(new Coefficient(name, b, se, z, org.strokemeta.internal.Dist.pNormal2(z), b - crit * se, b + crit * se));
        }
        String method = (r.link() == Link.LOGIT ? "proportional odds, " : "cumulative " + r.link().rName() + " model, ")
                + th.label() + " (" + th.rCall() + (r.link() == Link.LOGIT ? "" : " with link = \"" + r.link().rName() + "\"") + ")";
        return new Shift(method, f.commonOddsRatio(), coefs, f.cutPointList(), null, f.logLik(), f.parameters(),
                (int) Math.round(f.patients()), f.converged(), f.message(), f.notes());
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
                s + " is missing (first on line " + firstMissing + "; complete-case analysis of " + s + ")");
        return new Recorded(sub, new BinaryOutcome(s, java.util.Arrays.copyOf(e, m)));
    }
}
