package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;

/**
 * The result of Begg and Mazumdar's rank correlation test for funnel plot asymmetry.
 *
 * @param tau       Kendall's tau-b between the standardised effects and their variances
 * @param p         two-sided p-value
 * @param pMethod   how p was obtained
 * @param statistic the number of concordant pairs (exact test) or the z statistic (normal approximation)
 * @param k         the number of studies
 * @param theta     the fixed-effect estimate the effects were standardised around
 * @param method    a short description of the test
 * @param notes     what the user should know (ties, an undefined tau)
 * @serial exclude
 */
public record RankTest(double tau, double p, PValueMethod pMethod, double statistic, int k, double theta,
                       String method, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the notes.
     *
     * @param tau Kendall's tau-b between the standardised effects and their variances
     * @param p two-sided p-value
     * @param pMethod how p was obtained
     * @param statistic the number of concordant pairs (exact test) or the z statistic (normal approximation)
     * @param k the number of studies
     * @param theta the fixed-effect estimate the effects were standardised around
     * @param method a short description of the test
     * @param notes what the user should know (ties, an undefined tau)
     */
    public RankTest {
        notes = List.copyOf(notes);
    }

    /**
     * A copy with further notes put first (such as the studies left out before the test).
     *
     * @param first the notes to put before this test's own
     * @return this test with {@code first} and then its notes
     */
    public RankTest withNotesFirst(List<Note> first) {
        List<Note> all = new ArrayList<>(first);
        all.addAll(notes);
        return new RankTest(tau, p, pMethod, statistic, k, theta, method, all);
    }

    /** How the p-value of Kendall's tau was obtained (R's cor.test). */
    public enum PValueMethod {
        /** The exact permutation law of the number of concordant pairs (no ties). */
        EXACT("exact null distribution of Kendall's statistic"),
        /** The normal approximation with the variance of S corrected for ties. */
        NORMAL("normal approximation, variance corrected for ties"),
        /** Not defined: one of the variables is constant. */
        UNDEFINED("not defined");

        private final String label;

        PValueMethod(String label) {
            this.label = label;
        }

        /**
         * The method's description for reports.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }
}
