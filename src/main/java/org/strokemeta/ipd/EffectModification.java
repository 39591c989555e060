package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.pool.Dist;

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
        /** The estimate and standard error of each named coefficient, or null when the fit is not valid (with why). */
        Fitted fit(PatientData data);
    }

    /**
     * What one fit gives back.
     *
     * @param estimate estimate of each requested coefficient (model scale)
     * @param se       standard errors
     * @param valid    false when the model did not converge
     * @param message  why not, or null
     */
    public record Fitted(java.util.Map<String, Double> estimate, java.util.Map<String, Double> se, boolean valid, String message) {
    }

    /**
     * The interaction result.
     *
     * @param covariate  the covariate
     * @param within     the within-trial interaction (treatment × centred covariate), model scale
     * @param withinSe   its standard error
     * @param withinP    its two-sided p-value
     * @param across     the across-trial interaction (treatment × trial mean)
     * @param acrossSe   its standard error (NaN when the trial means do not vary)
     * @param valid      false when the model did not converge
     * @param notes      remarks
     */
    public record Interaction(String covariate, double within, double withinSe, double withinP, double across,
                              double acrossSe, boolean valid, List<Note> notes) {
        public Interaction {
            notes = List.copyOf(notes);
        }
    }

    /** Names of the derived columns for a covariate. */
    public static String centred(String covariate) {
        return covariate + "_centred";
    }

    public static String withinTerm(String covariate) {
        return "treatment:" + covariate + "_centred";
    }

    public static String acrossTerm(String covariate) {
        return "treatment:" + covariate + "_trial_mean";
    }

    /**
     * The data with the columns of the interaction model: the adjustment covariates, the centred
     * covariate, treatment × centred covariate and, when the trial means differ, treatment × trial mean.
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
            double m = mean[d.study()[i]];
            xc[i] = x[i] - m;
            within[i] = d.treatment()[i] * xc[i];
            across[i] = d.treatment()[i] * m;
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

    /** Fits the interaction model with the given outcome model. */
    public static Interaction estimate(PatientData d, String covariate, List<String> adjust, Model model) {
        PatientData x = design(d, covariate, adjust);
        List<Note> notes = new ArrayList<>();
        Fitted f = model.fit(x);
        if (!f.valid()) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the interaction model for " + covariate + " did not converge: " + f.message()));
            return new Interaction(covariate, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, notes);
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
        return new Interaction(covariate, w, wse, Dist.pNormal2(w / wse), a, ase, true, notes);
    }
}
