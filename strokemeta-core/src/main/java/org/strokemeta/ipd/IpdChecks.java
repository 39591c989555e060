package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;

/**
 * The checks every one-stage model makes on patient-level data before fitting: arms and trials that
 * cannot inform the comparison are reported, data that cannot support the model stop the analysis
 * with a sentence saying why.
 */
final class IpdChecks {
    /** clmm refuses a grouping factor with fewer than 3 levels; so do we, for any variance component. */
    static final int MIN_TRIALS_RANDOM = 3;
    /** Below this many trials a between-trial variance is reported with a caution. */
    static final int FEW_TRIALS = 5;

    private IpdChecks() {
    }

    /**
     * Stops the specialised mixed models of {@code ipd} on rows with case weights (their likelihood is
     * computed one patient per row); the general mixed model ({@link MixedModel}) takes weights, raising
     * each row's probability to its weight inside the integral, as clmm and glmer do.
     */
    static void unweighted(PatientData d, String model) {
        if (d.weighted()) {
            throw new IllegalArgumentException("the " + model + " of the ipd analysis does not take case weights (its"
                    + " likelihood is computed with one patient per row); the general mixed model does: strokemeta mixed"
                    + " --weights COLUMN --formula \"mrs ~ treatment + (1 | study)\"; or use the stratified or common model");
        }
    }

    /** Notes on arms and trial sizes; stops when no patient or every patient is treated. */
    static List<Note> arms(PatientData d) {
        return arms(d.armSizes(), d.studyNames(), d.size(), d.patients());
    }

    /** Notes on arms and trial sizes from the patients per trial and arm; stops when no patient or every patient is treated. */
    static List<Note> arms(int[][] n, String[] trialNames, long rows, long patients) {
        if (rows == 0) {
            throw new IllegalArgumentException("there are no patients to analyse");
        }
        int treated = 0;
        for (int[] a : n) {
            treated += a[1];
        }
        if (treated == 0 || treated == patients) {
            throw new IllegalArgumentException("every patient is in the " + (treated == 0 ? "control" : "treatment")
                    + " arm: there is no comparison of treatment with control to estimate");
        }
        List<Note> notes = new ArrayList<>();
        for (int s = 0; s < n.length; s++) {
            String name = trialNames[s];
            int tot = n[s][0] + n[s][1];
            if (tot == 1) {
                notes.add(new Note(0, name, Note.Kind.INFO, "the trial has a single patient"));
            } else if (n[s][0] == 0 || n[s][1] == 0) {
                notes.add(new Note(0, name, Note.Kind.INFO, "the trial has no " + (n[s][0] == 0 ? "control" : "treated")
                        + " patients (" + tot + " in the other arm): it adds nothing to the within-trial comparison of treatment"));
            }
        }
        return notes;
    }

    /** The number of trials with patients in both arms. */
    static int twoArmTrials(PatientData d) {
        int k = 0;
        for (int[] a : d.armSizes()) {
            if (a[0] > 0 && a[1] > 0) {
                k++;
            }
        }
        return k;
    }

    /** Stops when there are too few trials for the variance components; notes when they are few. */
    static void trialsForVariance(PatientData d, RandomEffects re, List<Note> notes) {
        int k = d.studies();
        if (k < MIN_TRIALS_RANDOM) {
            throw new IllegalArgumentException("a random trial effect needs at least " + MIN_TRIALS_RANDOM
                    + " trials to estimate the between-trial variance, and the data have " + k
                    + ": use a model stratified by trial (separate intercepts) instead");
        }
        int both = twoArmTrials(d);
        if (re.hasTreatment() && both < MIN_TRIALS_RANDOM) {
            throw new IllegalArgumentException("a random treatment effect needs at least " + MIN_TRIALS_RANDOM
                    + " trials with patients in both arms, and the data have " + both
                    + ": the variation of the treatment effect between trials cannot be estimated");
        }
        if (k < FEW_TRIALS) {
            notes.add(new Note(0, null, Note.Kind.INFO, "only " + k + " trials: the between-trial variance is estimated "
                    + "imprecisely"));
        }
    }

    /** The categories that occur, in order; the model uses only these (as clmm drops empty levels). */
    static int[] observedCategories(int[] outcome, int categories) {
        boolean[] seen = new boolean[categories];
        for (int v : outcome) {
            seen[v] = true;
        }
        int m = 0;
        for (boolean b : seen) {
            m += b ? 1 : 0;
        }
        int[] out = new int[m];
        int k = 0;
        for (int j = 0; j < categories; j++) {
            if (seen[j]) {
                out[k++] = j;
            }
        }
        return out;
    }
}
