package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/**
 * Treatment-by-covariate interaction estimated within trials, so that differences between trials
 * (in their patients and in their treatment effects) cannot masquerade as effect modification.
 *
 * <p>Following the "deft" approach of Fisher, Carpenter, Morris, Freeman and Tierney (BMJ
 * 2017;356:j573) and Riley et al. (BMJ 2020;369:m1564 / Stat Med 2020;39:2115): with x̄_s the mean
 * of the covariate in trial s, the model holds trial-specific intercepts (or cut-points), treatment,
 * the adjustment covariates, the centred covariate x − x̄_s, and two interactions: treatment ×
 * (x − x̄_s), estimated from the variation within trials only, and treatment × x̄_s, which absorbs the
 * across-trial association. The within-trial interaction is the one reported as the test of effect
 * modification (the p-value HERMES-style subgroup analyses report). For a binary covariate such as
 * M2 versus ICA/M1 occlusion, coded 0/1, the same model applies.
 */
public final class EffectModification {
    private EffectModification() {
    }

    /** Fits one model to patient data with the given covariates and returns it; used for any outcome model. */
    @FunctionalInterface
    public interface Model {
        /**
         * The estimate and standard error of each named coefficient, or null when the fit is not valid (with why).
         *
         * @param data the patients, with the interaction model's columns
         * @return the estimates and standard errors by coefficient name
         */
        Fitted fit(PatientData data);
    }

    /**
     * What one fit gives back.
     *
     * @param estimate estimate of each requested coefficient (model scale)
     * @param se       standard errors
     * @param valid    false when the model did not converge
     * @param message  why not, or null
     * @serial exclude
     */
    public record Fitted(Map<String, Double> estimate, Map<String, Double> se, boolean valid, String message)
            implements java.io.Serializable {
        /**
         * Copies the maps, keeping their order.
         *
         * @param estimate estimate of each requested coefficient (model scale)
         * @param se standard errors
         * @param valid false when the model did not converge
         * @param message why not, or null
         */
        public Fitted {
            // Unmodifiable copies that keep the order of the coefficients (Map.copyOf would not).
            estimate = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(estimate));
            se = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(se));
        }
    }

    /**
     * The interaction result.
     *
     * @param outcome    the outcome modelled: {@link #SHIFT} for the ordinal (proportional-odds) model, else
     *                   the binary outcome's name (logistic model)
     * @param covariate  the covariate
     * @param within     the within-trial interaction (treatment × centred covariate), model scale
     * @param withinSe   its standard error
     * @param withinP    its two-sided p-value
     * @param across     the across-trial interaction (treatment × trial mean)
     * @param acrossSe   its standard error (NaN when the trial means do not vary)
     * @param valid      false when the model did not converge
     * @param notes      remarks
     * @serial exclude
     */
    public record Interaction(String outcome, String covariate, double within, double withinSe, double withinP, double across,
                              double acrossSe, boolean valid, List<Note> notes) implements java.io.Serializable {
        /**
         * Copies the notes.
         *
         * @param outcome the outcome modelled: {@link #SHIFT} for the ordinal (proportional-odds) model, else
         *                          the binary outcome's name (logistic model)
         * @param covariate the covariate
         * @param within the within-trial interaction (treatment × centred covariate), model scale
         * @param withinSe its standard error
         * @param withinP its two-sided p-value
         * @param across the across-trial interaction (treatment × trial mean)
         * @param acrossSe its standard error (NaN when the trial means do not vary)
         * @param valid false when the model did not converge
         * @param notes remarks
         */
        public Interaction {
            notes = List.copyOf(notes);
        }
    }

    /** The outcome name of an interaction in the ordinal shift model. */
    public static final String SHIFT = "shift";

    /**
     * Names of the derived columns for a covariate.
     *
     * @param covariate the covariate's name
     * @return the name of the covariate centred on its trial mean
     */
    public static String centred(String covariate) {
        return covariate + "_centred";
    }

    /**
     * The name of the within-trial interaction term.
     *
     * @param covariate the covariate's name
     * @return {@code treatment:<covariate>_centred}
     */
    public static String withinTerm(String covariate) {
        return "treatment:" + covariate + "_centred";
    }

    /**
     * The name of the across-trial interaction term.
     *
     * @param covariate the covariate's name
     * @return {@code treatment:<covariate>_trial_mean}
     */
    public static String acrossTerm(String covariate) {
        return "treatment:" + covariate + "_trial_mean";
    }

    /**
     * The data with the columns of the interaction model: the adjustment covariates, the centred
     * covariate, treatment × centred covariate and, when the trial means differ, treatment × trial mean.
     *
     * @param d         the patients
     * @param covariate the candidate effect modifier
     * @param adjust    the adjustment covariates
     * @return the patients with the columns of the interaction model
     */
    public static PatientData design(PatientData d, String covariate, List<String> adjust) {
        double[] x = d.covariate(covariate);
        double[] mean = d.trialMeans(covariate);
        int n = d.size();
        double[] xc = new double[n];
        double[] within = new double[n];
        double[] across = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double m : mean) {
            lo = Math.min(lo, m);
            hi = Math.max(hi, m);
        }
        for (int i = 0; i < n; i++) {
            double m = mean[d.study(i)];
            xc[i] = x[i] - m;
            within[i] = d.treatment(i) * xc[i];
            across[i] = d.treatment(i) * m;
        }
        List<String> keep = new ArrayList<>();
        for (String a : adjust) {
            if (!a.equals(covariate)) {
                keep.add(a);
            }
        }
        PatientData base = d.withCovariatesOnly(keep);
        boolean acrossVaries = hi - lo > 1e-12 * Math.max(1, Math.abs(hi));
        if (acrossVaries) {
            return base.withExtraCovariates(List.of(centred(covariate), withinTerm(covariate), acrossTerm(covariate)),
                    new double[][] {xc, within, across});
        }
        return base.withExtraCovariates(List.of(centred(covariate), withinTerm(covariate)), new double[][] {xc, within});
    }

    /**
     * The within-trial interaction in the ordinal shift: proportional odds with cut-points stratified by
     * trial ({@code clm(y ~ treatment + adjust + x_c + treatment:x_c + treatment:x_mean, nominal = ~study)}).
     *
     * @param po the proportional-odds options (level, merging, empty categories); the cut-points are
     *           stratified whatever po says, so that only within-trial information enters
     * @param d         the patients
     * @param covariate the candidate effect modifier
     * @param adjust    the adjustment covariates
     * @return the within-trial and across-trial interactions on the log common odds ratio scale
     */
    public static Interaction shift(PatientData d, String covariate, List<String> adjust, PoOptions po) {
        PoOptions stratified = po.withThresholds(Thresholds.STRATIFIED);
        return estimate(SHIFT, d, covariate, adjust, data -> {
            ProportionalOddsFit f = ProportionalOdds.fit(data, stratified);
            Map<String, Double> est = new HashMap<>();
            Map<String, Double> se = new HashMap<>();
            for (String name : f.names()) {
                est.put(name, f.coefficient(name));
                se.put(name, f.coefficientSe(name));
            }
            return new Fitted(est, se, f.converged(), f.message());
        });
    }

    /**
     * The within-trial interaction for a binary outcome: logistic regression with an intercept per trial
     * ({@code glm(event ~ 0 + study + treatment + adjust + x_c + treatment:x_c + treatment:x_mean)}),
     * whatever model the outcome's main analysis uses.
     *
     * @param d the patients in whom the outcome is recorded (in the order of y)
     * @param y         the binary outcome
     * @param covariate the candidate effect modifier
     * @param adjust    the adjustment covariates
     * @param level     the confidence level, in (0, 1)
     * @return the within-trial and across-trial interactions on the log odds ratio scale
     */
    public static Interaction binary(PatientData d, BinaryOutcome y, String covariate, List<String> adjust, double level) {
        return estimate(y.name(), d, covariate, adjust, data -> {
            BinaryResult f = StratifiedLogistic.fit(data, y,
                    new BinaryOptions(StudyEffect.STRATIFIED, data.covariateNames(), 1, level));
            Map<String, Double> est = new HashMap<>();
            Map<String, Double> se = new HashMap<>();
            for (Coefficient c : f.coefficients()) {
                est.put(c.name(), c.estimate());
                se.put(c.name(), c.se());
            }
            String why = f.converged() && f.separation()
                    ? "the covariates separate some patients' outcomes (fitted risks of 0 or 1), so some coefficients are infinite"
                    : f.convergence();
            return new Fitted(est, se, f.valid(), why);
        });
    }

    /**
     * Fits the interaction model with the given outcome model.
     *
     * @param outcome   the outcome's name, for the result ({@link #SHIFT} for the ordinal model)
     * @param d         the patients, with the covariate and the adjustment covariates
     * @param covariate the candidate effect modifier
     * @param adjust    the adjustment covariates
     * @param model     fits the outcome model to the design
     * @return the within-trial and across-trial interactions on the model's scale, with notes
     */
    public static Interaction estimate(String outcome, PatientData d, String covariate, List<String> adjust, Model model) {
        PatientData x = design(d, covariate, adjust);
        List<Note> notes = new ArrayList<>();
        Fitted f = model.fit(x);
        if (!f.valid()) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the interaction model for " + covariate
                    + (SHIFT.equals(outcome) ? "" : " (outcome " + outcome + ")") + " is not estimable: " + f.message()));
            return new Interaction(outcome, covariate, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, notes);
        }
        double w = f.estimate().get(withinTerm(covariate));
        double wse = f.se().get(withinTerm(covariate));
        double a = Double.NaN;
        double ase = Double.NaN;
        if (f.estimate().containsKey(acrossTerm(covariate))) {
            a = f.estimate().get(acrossTerm(covariate));
            ase = f.se().get(acrossTerm(covariate));
        } else {
            notes.add(new Note(0, null, Note.Kind.INFO, "the trials have the same mean " + covariate
                    + ": there is no across-trial interaction to separate"));
        }
        return new Interaction(outcome, covariate, w, wse, Dist.pNormal2(w / wse), a, ase, true, notes);
    }
}
