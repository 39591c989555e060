package org.strokemeta.ipd;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;

/**
 * Detects complete or quasi-complete separation of a binary outcome by treatment (Albert and
 * Anderson 1984), where the maximum-likelihood odds ratio is infinite, from the events per trial and
 * arm. Moving the treatment coefficient to +∞ (with trial intercepts free) never lowers the
 * likelihood exactly when, in every trial, all treated patients had the event or no control patient
 * had it; −∞ likewise with the roles exchanged. With a common intercept (random-intercept model) the
 * condition is on the arms pooled over trials. Covariates cannot remove such a separation.
 */
final class Separation {
    private Separation() {
    }

    /** Events and patients per trial and arm: {@code [trial][arm][0 = events, 1 = patients]}. */
    static int[][][] table(PatientData d, int[] event) {
        int[][][] t = new int[d.studies()][2][2];
        for (int i = 0; i < event.length; i++) {
            int[] c = t[d.study(i)][d.treatment(i)];
            c[0] += event[i] * d.weight(i);
            c[1] += d.weight(i);
        }
        return t;
    }

    /**
     * The direction in which the log odds ratio is infinite: +1, −1, or 0 when it is finite.
     *
     * @param pooled true for a common intercept (the arms are pooled over trials)
     */
    static int direction(int[][][] t, boolean pooled) {
        if (pooled) {
            int[][][] p = new int[1][2][2];
            for (int[][] s : t) {
                for (int arm = 0; arm < 2; arm++) {
                    p[0][arm][0] += s[arm][0];
                    p[0][arm][1] += s[arm][1];
                }
            }
            t = p;
        }
        boolean plus = true;
        boolean minus = true;
        for (int[][] s : t) {
            int e0 = s[0][0];
            int n0 = s[0][1];
            int e1 = s[1][0];
            int n1 = s[1][1];
            plus &= e1 == n1 || e0 == 0;
            minus &= e1 == 0 || e0 == n0;
        }
        return plus ? 1 : minus ? -1 : 0;
    }

    /** Notes on arms of a trial where no patient or every patient had the event. */
    static void armNotes(PatientData d, int[][][] t, String event, List<Note> notes) {
        armNotes(d.studyNames(), t, event, notes);
    }

    /** Notes on arms of a trial where no patient or every patient had the event; trials named by code. */
    static void armNotes(String[] trialNames, int[][][] t, String event, List<Note> notes) {
        for (int s = 0; s < t.length; s++) {
            for (int arm = 0; arm < 2; arm++) {
                int e = t[s][arm][0];
                int n = t[s][arm][1];
                if (n > 0 && (e == 0 || e == n) && t[s][1 - arm][1] > 0) {
                    notes.add(new Note(0, trialNames[s], Note.Kind.INFO, (e == 0 ? "no" : "every") + " patient in the "
                            + (arm == 1 ? "treatment" : "control") + " arm had the event " + event + " (" + e + " of " + n + ")"));
                }
            }
        }
    }

    /** The sentence reporting a separation in the given direction. */
    static String message(int dir, boolean pooled, String event) {
        String where = pooled ? "" : " in every trial";
        String how = dir > 0 ? "every treated patient had the event or no control patient had it"
                : "no treated patient had the event or every control patient had it";
        return "the outcome " + event + " is separated by treatment (" + how + where + "): the odds ratio is "
                + (dir > 0 ? "infinite" : "zero") + " and cannot be estimated by maximum likelihood; an exact or a "
                + "penalised (Firth) analysis is needed";
    }
}
