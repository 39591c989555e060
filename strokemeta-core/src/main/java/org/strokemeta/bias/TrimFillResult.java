package org.strokemeta.bias;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.pool.MetaResult;

/**
 * The result of trim-and-fill: how many studies were estimated missing, on which side, the mirror
 * images that were filled in, and the analysis of the observed studies with the filled ones.
 *
 * @param side          the side on which studies were taken to be missing
 * @param sideChosen    true when the side was chosen from the data, false when it was given
 * @param sideSlope     the slope of the meta-regression on the standard error that chose the side (NaN when given)
 * @param estimator     the estimator of k0
 * @param k0            the estimated number of missing studies
 * @param k0Se          its standard error (metafor's {@code se.k0})
 * @param k0P           the p-value of k0 = 0 (R0 only; NaN for L0)
 * @param iterations    trim-and-refit cycles used
 * @param maxIterations the limit on them
 * @param converged     true when k0 stopped changing within the limit; otherwise k0 and the filled
 *                      studies are those of the last cycle and are not a valid result
 * @param filled        the filled studies, in the order metafor appends them
 * @param observed      the analysis of the observed studies (the analysis' own options)
 * @param adjusted      the analysis of the observed and filled studies (the filled ones last);
 *                      the observed analysis itself when k0 = 0
 * @param fitSettings   the options of the fits inside trim-and-fill and of the analysis of the filled data set
 * @param method        a short description
 * @param notes         what the user should know
 * @serial exclude
 */
public record TrimFillResult(Side side, boolean sideChosen, double sideSlope, K0Estimator estimator, int k0,
                             double k0Se, double k0P, int iterations, int maxIterations, boolean converged,
                             List<FilledStudy> filled, MetaResult observed, MetaResult adjusted,
                             TrimFillOptions.FitSettings fitSettings, String method, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param side the side on which studies were taken to be missing
     * @param sideChosen true when the side was chosen from the data, false when it was given
     * @param sideSlope the slope of the meta-regression on the standard error that chose the side (NaN when given)
     * @param estimator the estimator of k0
     * @param k0 the estimated number of missing studies
     * @param k0Se its standard error (metafor's {@code se.k0})
     * @param k0P the p-value of k0 = 0 (R0 only; NaN for L0)
     * @param iterations trim-and-refit cycles used
     * @param maxIterations the limit on them
     * @param converged true when k0 stopped changing within the limit; otherwise k0 and the filled
     *                             studies are those of the last cycle and are not a valid result
     * @param filled the filled studies, in the order metafor appends them
     * @param observed the analysis of the observed studies (the analysis' own options)
     * @param adjusted the analysis of the observed and filled studies (the filled ones last);
     *                             the observed analysis itself when k0 = 0
     * @param fitSettings the options of the fits inside trim-and-fill and of the analysis of the filled data set
     * @param method a short description
     * @param notes what the user should know
     */
    public TrimFillResult {
        filled = List.copyOf(filled);
        notes = List.copyOf(notes);
    }

    /**
     * A study filled in as the mirror image of an observed one about the trimmed estimate.
     *
     * @param label    "Filled 1", "Filled 2", ... (metafor's labels)
     * @param yi       the mirrored effect, 2θ − y of the observed study
     * @param vi       the variance of the observed study
     * @param mirrorOf the label of the observed study it mirrors
     * @serial exclude
     */
    public record FilledStudy(String label, double yi, double vi, String mirrorOf) implements java.io.Serializable {
    }
}
