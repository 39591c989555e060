package org.strokemeta.ordinal;

import org.strokemeta.pool.Execution;

/**
 * The data of a cumulative-logit fit arranged for the likelihood pass: observations sorted by cell
 * (stratum, outcome category and arm), so that within a cell the two cut-points an observation
 * touches and its treatment term are fixed and their sums are gathered once per cell; the
 * covariates are held as primitive columns in that order. The cells and the parameter vector are
 * those of its {@link OrdinalLayout}; a design may hold all the data or one part of them.
 */
final class OrdinalDesign extends OrdinalLayout {
    private static final long serialVersionUID = 1L;

    /** Covariate columns in cell order: {@code x[k][i]} (treatment is a property of the cell, not a column). */
    final double[][] x;
    /** Case weights in cell order, or null. */
    final double[] w;
    /** The rows held. */
    final int n;
    /** Cells: the observations of cell c are {@code cellStart[c]..cellStart[c+1]−1}. */
    final int[] cellStart;

    private OrdinalDesign(OrdinalLayout layout, double[][] x, double[] w, int[] cellStart) {
        super(layout);
        this.x = x;
        this.w = w;
        this.cellStart = cellStart;
        this.n = cellStart[cellStart.length - 1];
    }

    /** A systematic subsample: every {@code stride}-th observation of every cell (each non-empty cell keeps one at least). */
    OrdinalDesign subsample(int stride) {
        int cells = cells();
        int[] start = new int[cells + 1];
        for (int c = 0; c < cells; c++) {
            int size = cellStart[c + 1] - cellStart[c];
            start[c + 1] = start[c] + (size + stride - 1) / stride;
        }
        int m = start[cells];
        double[][] sx = new double[x.length][m];
        double[] sw = w == null ? null : new double[m];
        for (int c = 0; c < cells; c++) {
            int r = start[c];
            for (int i = cellStart[c]; i < cellStart[c + 1]; i += stride, r++) {
                for (int k = 0; k < x.length; k++) {
                    sx[k][r] = x[k][i];
                }
                if (sw != null) {
                    sw[r] = w[i];
                }
            }
        }
        return new OrdinalDesign(this, sx, sw, start);
    }

    /** Builds and checks the design, its column passes on the library's pool. */
    static OrdinalDesign build(OrdinalRows rows, Thresholds thresholds, EmptyCategories empty, boolean nominalTreatment) {
        return build(rows, thresholds, empty, nominalTreatment, Execution.defaults());
    }

    /** Builds and checks the design; the covariate columns are gathered and summarised as tasks of {@code execution}. */
    static OrdinalDesign build(OrdinalRows rows, Thresholds thresholds, EmptyCategories empty, boolean nominalTreatment,
                               Execution execution) {
        OrdinalLayout layout = OrdinalLayout.of(OrdinalTally.of(rows, execution), rows.source(), rows.trialNames(),
                rows.covariateNames(), thresholds, empty, nominalTreatment, rows.notes());
        return of(layout, rows, execution);
    }

    /**
     * The rows arranged by a layout (built from their tally, or from the tally of data they are part of):
     * sorted into its cells, rows of weight 0 and of trials the layout leaves out dropped.
     */
    static OrdinalDesign of(OrdinalLayout layout, OrdinalRows rows, Execution execution) {
        int cats = layout.categories;
        if (rows.categories() != cats || rows.trialNames().length != layout.trialNames.length
                || rows.covariates().length != layout.covariates) {
            throw new IllegalArgumentException("the rows do not match the layout (categories, trials or covariates)");
        }
        int cells = layout.cells();
        int rowsN = rows.size();
        int[] trialOf = rows.trial();
        int[] y = rows.outcome();
        int[] arm = rows.treatment();
        double[] wt = rows.weight();
        int[] cellOf = new int[layout.trialNames.length * cats * 2];
        for (int tr = 0; tr < layout.trialNames.length; tr++) {
            int st = layout.stratumOfTrial[tr];
            for (int j = 0; j < cats * 2; j++) {
                cellOf[tr * cats * 2 + j] = st < 0 ? -1 : st * cats * 2 + j;
            }
        }
        // counting sort of the observations by cell
        int[] cellStart = new int[cells + 1];
        for (int i = 0; i < rowsN; i++) {
            int c = cellOf[(trialOf[i] * cats + y[i]) * 2 + arm[i]];
            if (c >= 0 && (wt == null || wt[i] != 0)) {
                cellStart[c + 1]++;
            }
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        int n = cellStart[cells];
        int[] next = java.util.Arrays.copyOf(cellStart, cells);
        int[] order = new int[n];
        for (int i = 0; i < rowsN; i++) {
            int c = cellOf[(trialOf[i] * cats + y[i]) * 2 + arm[i]];
            if (c >= 0 && (wt == null || wt[i] != 0)) {
                order[next[c]++] = i;
            }
        }
        double[][] cov = rows.covariates();
        if (cov.length == 0 && n > cells) {
            // Without covariates the observations of a cell are identical: one row per cell with the
            // cell's total weight has the same likelihood, exactly (the sums only regroup), and a
            // million patients become a few hundred rows.
            int[] start = new int[cells + 1];
            double[] cw = new double[cells];
            int m = 0;
            for (int c = 0; c < cells; c++) {
                start[c] = m;
                double sum = 0;
                for (int r = cellStart[c]; r < cellStart[c + 1]; r++) {
                    sum += wt == null ? 1 : wt[order[r]];
                }
                if (cellStart[c + 1] > cellStart[c]) {
                    cw[m++] = sum;
                }
            }
            start[cells] = m;
            return new OrdinalDesign(layout, new double[0][], java.util.Arrays.copyOf(cw, m), start);
        }
        double[][] x = new double[cov.length][];
        // one column per task: independent gathers, so the result does not depend on scheduling
        execution.forEach(cov.length, k -> x[k] = gather(cov[k], order));
        double[] w = null;
        if (wt != null) {
            w = new double[n];
            for (int r = 0; r < n; r++) {
                w[r] = wt[order[r]];
            }
        }
        return new OrdinalDesign(layout, x, w, cellStart);
    }

    private static double[] gather(double[] src, int[] order) {
        double[] col = new double[order.length];
        for (int r = 0; r < order.length; r++) {
            col[r] = src[order[r]];
        }
        return col;
    }
}
