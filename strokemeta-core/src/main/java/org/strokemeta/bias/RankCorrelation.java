package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;

/**
 * Begg and Mazumdar's rank correlation test for funnel plot asymmetry (Begg and Mazumdar 1994,
 * Biometrics 50:1088), as metafor::ranktest: Kendall's tau between the standardised deviates
 * (y<sub>i</sub> − θ<sub>FE</sub>)/√(v<sub>i</sub> − 1/Σw) and the variances v<sub>i</sub>, where
 * θ<sub>FE</sub> is the inverse-variance fixed-effect estimate and w = 1/v. metafor calls
 * {@code cor.test(..., method = "kendall", exact = TRUE)}: the exact null law is used whenever there
 * are no ties, whatever the number of studies (see {@link KendallTau}).
 */
final class RankCorrelation {
    /** The fewest studies the test is computed for. */
    public static final int MIN_STUDIES = 3;

    private RankCorrelation() {
    }

    /**
     * @param yi the effects
     * @param vi their sampling variances
     * @return Kendall's tau between the standardised effects and their sampling variances, with its p-value
     *         (as metafor::ranktest)
     * @throws IllegalArgumentException with too few studies or arrays of different lengths
     */
    public static RankTest test(double[] yi, double[] vi) {
        Checks.studies(yi, vi, MIN_STUDIES, "the rank correlation test");
        int k = yi.length;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < k; i++) {
            double w = 1.0 / vi[i];
            sw += w;
            swy += w * yi[i];
        }
        double theta = swy / sw;
        double vb = 1.0 / sw;
        double[] star = new double[k];
        for (int i = 0; i < k; i++) {
            star[i] = (yi[i] - theta) / Math.sqrt(vi[i] - vb);
        }
        KendallTau.Test t = KendallTau.test(star, vi);
        List<Note> notes = new ArrayList<>();
        RankTest.PValueMethod pm;
        if (Double.isNaN(t.tau())) {
            pm = RankTest.PValueMethod.UNDEFINED;
            notes.add(new Note(0, null, Note.Kind.WARNING,
                    "Kendall's tau is not defined: all studies have the same variance or the same standardised effect"));
        } else if (t.exact()) {
            pm = RankTest.PValueMethod.EXACT;
        } else {
            pm = RankTest.PValueMethod.NORMAL;
            if (t.counts().hasTies()) {
                notes.add(new Note(0, null, Note.Kind.INFO, "tied values (" + describeTies(t.counts())
                        + "): the p-value uses the normal approximation, as R's cor.test does"));
            } else {
                notes.add(new Note(0, null, Note.Kind.INFO, "more than " + KendallTau.EXACT_MAX_N
                        + " studies: the p-value uses the normal approximation instead of the exact law"));
            }
        }
        return new RankTest(t.tau(), t.p(), pm, t.statistic(), k, theta,
                "Begg and Mazumdar rank correlation (Kendall's tau, metafor::ranktest)", notes);
    }

    private static String describeTies(KendallTau.Counts c) {
        List<String> parts = new ArrayList<>();
        if (c.tiedY() > 0) {
            parts.add(c.tiedY() + " pair" + (c.tiedY() == 1 ? "" : "s") + " of studies with equal variances");
        }
        if (c.tiedX() > 0) {
            parts.add(c.tiedX() + " pair" + (c.tiedX() == 1 ? "" : "s") + " with equal standardised effects");
        }
        return String.join(", ", parts);
    }
}
