package org.strokemeta.bias;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.pool.MetaResult;

/**
 * The small-study analyses of one set of studies, as {@code org.strokemeta.Bias.analyze} computes them
 * from a {@link BiasRequest}: the analysis of the observed studies, the two regression tests for
 * funnel-plot asymmetry, the rank correlation test, trim-and-fill, and the data of the funnel plot and
 * of the contour-enhanced funnel plot. An immutable value; equal requests on equal data give equal
 * results.
 *
 * <p>References: Egger et al. (1997), BMJ 315:629; Begg and Mazumdar (1994), Biometrics 50:1088; Duval
 * and Tweedie (2000), Biometrics 56:455; Peters et al. (2008), J Clin Epidemiol 61:991; computed as
 * metafor's regtest, ranktest, trimfill and funnel (see {@link SmallStudyEffects}).
 *
 * @param analysis the analysis of the observed studies with the request's options
 * @param eggerLm  Egger's classic regression test: weighted linear model, t test with k − 2 df
 *                 (metafor's {@code regtest(model = "lm")}), at the analysis' confidence level
 * @param eggerRma the regression test as a meta-regression on the standard error with the analysis'
 *                 model, tau² estimator, test and level (metafor's default {@code regtest})
 * @param rank     Begg and Mazumdar's rank correlation test
 * @param trimFill trim-and-fill with the request's settings
 * @param funnel   the funnel-plot data of the observed studies with the request's {@code funnel} options
 * @param contours the contour-enhanced funnel-plot data with the request's {@code contours} options
 * @serial exclude
 */
public record BiasAnalysis(MetaResult analysis, EggerTest eggerLm, EggerTest eggerRma, RankTest rank,
                           TrimFillResult trimFill, FunnelPlot funnel, FunnelPlot contours) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks that every part is present.
     *
     * @param analysis the analysis of the observed studies
     * @param eggerLm  Egger's classic regression test
     * @param eggerRma the regression test as a meta-regression
     * @param rank     the rank correlation test
     * @param trimFill trim-and-fill
     * @param funnel   the funnel-plot data
     * @param contours the contour-enhanced funnel-plot data
     * @throws IllegalArgumentException when a part is missing
     */
    public BiasAnalysis {
        if (analysis == null || eggerLm == null || eggerRma == null || rank == null || trimFill == null || funnel == null
                || contours == null) {
            throw new IllegalArgumentException("a small-study analysis needs every part (analysis, eggerLm, eggerRma, rank, "
                    + "trimFill, funnel, contours)");
        }
    }

    /**
     * Whether every iterative fit converged: the analysis, trim-and-fill and the meta-regression test.
     * A result that did not is not valid.
     *
     * @return true when the analysis, trim-and-fill and {@link #eggerRma()} converged
     */
    public boolean converged() {
        return analysis.converged() && trimFill.converged() && eggerRma.converged();
    }

    /**
     * The notes of the analysis, the regression tests, the rank test and trim-and-fill, in that order,
     * each once.
     *
     * @return the notes (an unmodifiable list)
     */
    public List<Note> notes() {
        List<Note> all = new ArrayList<>(analysis.notes());
        all.addAll(eggerLm.notes());
        all.addAll(eggerRma.notes());
        all.addAll(rank.notes());
        all.addAll(trimFill.notes());
        return all.stream().distinct().toList();
    }
}
