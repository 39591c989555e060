package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.pool.Execution;

/**
 * The data of a cumulative-logit fit arranged for the likelihood pass: observations sorted by cell
 * (stratum, outcome category and arm), so that within a cell the two cut-points an observation
 * touches and its treatment term are fixed and their sums are gathered once per cell; the
 * covariates are held as primitive columns in that order.
 *
 * <p>The parameter vector is laid out as: the cut-points of every stratum (stratum by stratum,
 * {@code cuts(s)} each), then the cut-point-specific treatment effects of a partial
 * proportional-odds model (if any), then the coefficients {@code beta} (treatment first unless it is
 * cut-point specific, then the covariates).
 *
 * <p>Building checks the data and says in plain words what cannot be estimated: a trial with one
 * arm, an empty category in a stratum, a covariate that does not vary.
 */
final class OrdinalDesign {
    final String source;
    final int categories;
    final Thresholds thresholds;
    final String[] strataNames;
    /** Per stratum: original category to compact category, or −1 for a dropped (empty) one. */
    final int[][] categoryMap;
    /** Per stratum: the number of cut-points (present categories − 1). */
    final int[] cuts;
    /** Per stratum: the index of its first cut-point in the parameter vector. */
    final int[] cutStart;
    /** Cut-point-specific treatment effects (partial proportional odds in treatment). */
    final boolean nominalTreatment;
    final int nominalStart;
    final int betaStart;
    final int parameters;
    final List<String> betaNames;
    /** Covariate columns in cell order: {@code x[k][i]} (treatment is a property of the cell, not a column). */
    final double[][] x;
    /** The parameter index of the first covariate coefficient. */
    final int covariateStart;
    /** The parameter index of the treatment coefficient, or −1 when treatment effects are cut-point specific. */
    final int treatmentIndex;
    /** Case weights in cell order, or null. */
    final double[] w;
    final int n;
    final double totalWeight;
    /** Weighted standard deviation of each coefficient's column (treatment first), to judge divergence. */
    final double[] columnSd;
    /** Cells: the observations of cell c are {@code cellStart[c]..cellStart[c+1]−1}. */
    final int[] cellStart;
    /** Per cell: the parameter indices of the upper cut (cut-point, nominal effect) and the lower one, −1 if none. */
    final int[] cellA;
    final int[] cellGa;
    final int[] cellB;
    final int[] cellGb;
    /** Per cell: the arm (1 treatment, 0 control). */
    final int[] cellArm;
    final List<Note> notes;
    /** Per stratum: total weight, and weight per original category (for start values and reporting). */
    final double[][] stratumCounts;

    private OrdinalDesign(Builder b) {
        source = b.rows.source();
        categories = b.rows.categories();
        thresholds = b.thresholds;
        strataNames = b.strataNames;
        categoryMap = b.categoryMap;
        cuts = b.cuts;
        cutStart = b.cutStart;
        nominalTreatment = b.nominal;
        nominalStart = b.nominalStart;
        betaStart = b.betaStart;
        parameters = b.parameters;
        betaNames = List.copyOf(b.betaNames);
        x = b.x;
        covariateStart = b.betaStart + (b.nominal ? 0 : 1);
        treatmentIndex = b.nominal ? -1 : b.betaStart;
        w = b.w;
        n = b.n;
        totalWeight = b.totalWeight;
        columnSd = b.columnSd;
        cellStart = b.cellStart;
        cellA = b.cellA;
        cellGa = b.cellGa;
        cellB = b.cellB;
        cellGb = b.cellGb;
        cellArm = b.cellArm;
        notes = List.copyOf(b.notes);
        stratumCounts = b.stratumCounts;
    }

    int strata() {
        return strataNames.length;
    }

    /** A systematic subsample: every {@code stride}-th observation of every cell (each non-empty cell keeps one at least). */
    OrdinalDesign subsample(int stride) {
        return new OrdinalDesign(this, stride);
    }

    private OrdinalDesign(OrdinalDesign f, int stride) {
        source = f.source;
        categories = f.categories;
        thresholds = f.thresholds;
        strataNames = f.strataNames;
        categoryMap = f.categoryMap;
        cuts = f.cuts;
        cutStart = f.cutStart;
        nominalTreatment = f.nominalTreatment;
        nominalStart = f.nominalStart;
        betaStart = f.betaStart;
        parameters = f.parameters;
        betaNames = f.betaNames;
        covariateStart = f.covariateStart;
        treatmentIndex = f.treatmentIndex;
        columnSd = f.columnSd;
        cellA = f.cellA;
        cellGa = f.cellGa;
        cellB = f.cellB;
        cellGb = f.cellGb;
        cellArm = f.cellArm;
        notes = f.notes;
        stratumCounts = f.stratumCounts;
        int cells = f.cells();
        cellStart = new int[cells + 1];
        for (int c = 0; c < cells; c++) {
            int size = f.cellStart[c + 1] - f.cellStart[c];
            cellStart[c + 1] = cellStart[c] + (size + stride - 1) / stride;
        }
        n = cellStart[cells];
        x = new double[f.x.length][n];
        w = f.w == null ? null : new double[n];
        double tw = 0;
        for (int c = 0; c < cells; c++) {
            int r = cellStart[c];
            for (int i = f.cellStart[c]; i < f.cellStart[c + 1]; i += stride, r++) {
                for (int k = 0; k < x.length; k++) {
                    x[k][r] = f.x[k][i];
                }
                if (w != null) {
                    w[r] = f.w[i];
                    tw += w[r];
                }
            }
        }
        totalWeight = w == null ? n : tw;
    }

    /** The number of coefficients beta (treatment, unless cut-point specific, and covariates). */
    int p() {
        return betaNames.size();
    }

    /** The number of covariate columns. */
    int q() {
        return x.length;
    }

    int cells() {
        return cellA.length;
    }

    /** Number of cut-point-specific treatment effects (J − 1), 0 without them. */
    int nominalCount() {
        return nominalTreatment ? categories - 1 : 0;
    }

    /**
     * Start values: each stratum's cut-points at the link's quantiles of its cumulative proportions
     * (their logits for the proportional-odds model), all coefficients 0.
     */
    double[] start() {
        return start(Link.LOGIT);
    }

    /** Start values for the given link (see {@link #start()}). */
    double[] start(Link link) {
        double[] par = new double[parameters];
        for (int s = 0; s < strata(); s++) {
            double tot = stratumCounts[s][categories];
            double cum = 0;
            int k = 0;
            for (int j = 0; j < categories && k < cuts[s]; j++) {
                if (categoryMap[s][j] < 0) {
                    continue;
                }
                cum += stratumCounts[s][j];
                double pr = cum / tot;
                par[cutStart[s] + k] = link.quantile(pr);
                k++;
            }
        }
        return par;
    }

    /** Builds and checks the design, its column passes on the library's pool. */
    static OrdinalDesign build(OrdinalRows rows, Thresholds thresholds, EmptyCategories empty, boolean nominalTreatment) {
        return build(rows, thresholds, empty, nominalTreatment, Execution.defaults());
    }

    /** Builds and checks the design; the covariate columns are gathered and summarised as tasks of {@code execution}. */
    static OrdinalDesign build(OrdinalRows rows, Thresholds thresholds, EmptyCategories empty, boolean nominalTreatment,
                               Execution execution) {
        return new Builder(rows, thresholds, empty, nominalTreatment, execution).build();
    }

    private static final class Builder {
        final OrdinalRows rows;
        final Thresholds thresholds;
        final EmptyCategories empty;
        final boolean nominal;
        final Execution execution;
        final List<Note> notes = new ArrayList<>();
        String[] strataNames;
        int[][] categoryMap;
        int[] cuts;
        int[] cutStart;
        int nominalStart;
        int betaStart;
        int parameters;
        List<String> betaNames;
        double[][] x;
        double[] w;
        int n;
        double totalWeight;
        double[] columnSd;
        int[] cellStart;
        int[] cellA;
        int[] cellGa;
        int[] cellB;
        int[] cellGb;
        int[] cellArm;
        double[][] stratumCounts;

        Builder(OrdinalRows rows, Thresholds thresholds, EmptyCategories empty, boolean nominal, Execution execution) {
            this.rows = rows;
            this.execution = execution;
            notes.addAll(rows.notes());
            this.thresholds = thresholds;
            this.empty = empty;
            this.nominal = nominal;
        }

        OrdinalDesign build() {
            int rowsN = rows.size();
            int trials = rows.trialNames().length;
            int cats = rows.categories();
            String src = rows.source();
            if (cats < 2) {
                throw InputException.of(src, "the outcome needs at least two categories");
            }
            // one pass: check every row and tally weights and rows by (trial, category, arm)
            int[] trialOf = rows.trial();
            int[] armOf = rows.treatment();
            int[] yOf = rows.outcome();
            double[] wt = rows.weight();
            double[] tally = new double[trials * cats * 2];
            int[] rowCount = new int[trials * cats * 2];
            for (int i = 0; i < rowsN; i++) {
                double wi = wt == null ? 1 : wt[i];
                int a = armOf[i];
                int y = yOf[i];
                if (!(wi >= 0) || wi == Double.POSITIVE_INFINITY || (a & ~1) != 0 || y < 0 || y >= cats) {
                    badRow(src, wi, a, y, cats);
                }
                int tc = (trialOf[i] * cats + y) * 2 + a;
                tally[tc] += wi;
                if (wi != 0) {
                    rowCount[tc]++;
                }
            }
            double[][] arm = new double[trials][2];
            for (int s = 0; s < trials; s++) {
                for (int j = 0; j < cats; j++) {
                    arm[s][0] += tally[(s * cats + j) * 2];
                    arm[s][1] += tally[(s * cats + j) * 2 + 1];
                }
            }
            boolean[] keepTrial = new boolean[trials];
            int twoArm = 0;
            for (int s = 0; s < trials; s++) {
                String name = rows.trialNames()[s];
                boolean t = arm[s][1] > 0;
                boolean c = arm[s][0] > 0;
                if (t && c) {
                    twoArm++;
                    keepTrial[s] = true;
                } else if (!t && !c) {
                    notes.add(new Note(0, name, Note.Kind.EXCLUDED, "no patients: left out"));
                } else {
                    String missing = t ? "control" : "treatment";
                    if (thresholds == Thresholds.STRATIFIED) {
                        keepTrial[s] = true;
                        notes.add(new Note(0, name, Note.Kind.INFO, "no patient in the " + missing
                                + " arm: the treatment effect cannot be estimated within this trial; with cut-points"
                                + " stratified by trial it informs only its own cut-points"
                                + (rows.covariates().length > 0 ? " and the covariate coefficients" : "")));
                    } else {
                        notes.add(new Note(0, name, Note.Kind.EXCLUDED, "no patient in the " + missing
                                + " arm: left out, since the treatment effect would otherwise be estimated by comparing"
                                + " patients of different trials"));
                    }
                }
            }
            if (twoArm == 0) {
                throw InputException.of(src, "the treatment effect cannot be estimated: no trial has patients in both arms"
                        + (trials == 1 ? " (" + rows.trialNames()[0] + " has patients only in the "
                        + (arm[0][1] > 0 ? "treatment" : "control") + " arm)" : ""));
            }
            // strata
            int[] stratumOfTrial = new int[trials];
            List<String> names = new ArrayList<>();
            for (int s = 0; s < trials; s++) {
                if (!keepTrial[s]) {
                    stratumOfTrial[s] = -1;
                } else if (thresholds == Thresholds.COMMON) {
                    stratumOfTrial[s] = 0;
                } else {
                    stratumOfTrial[s] = names.size();
                    names.add(rows.trialNames()[s]);
                }
            }
            if (thresholds == Thresholds.COMMON) {
                names.add(trials == 1 ? rows.trialNames()[0] : "all trials");
            }
            strataNames = names.toArray(new String[0]);
            int strata = strataNames.length;
            stratumCounts = new double[strata][cats + 1];
            for (int tr = 0; tr < trials; tr++) {
                int st = stratumOfTrial[tr];
                for (int j = 0; st >= 0 && j < cats; j++) {
                    double v = tally[(tr * cats + j) * 2] + tally[(tr * cats + j) * 2 + 1];
                    stratumCounts[st][j] += v;
                    stratumCounts[st][cats] += v;
                }
            }
            categoryMaps(cats, strata, src);
            // parameter layout
            cutStart = new int[strata];
            int t = 0;
            for (int s = 0; s < strata; s++) {
                cutStart[s] = t;
                t += cuts[s];
            }
            nominalStart = t;
            betaStart = t + (nominal ? cats - 1 : 0);
            betaNames = new ArrayList<>();
            if (!nominal) {
                betaNames.add("treatment");
            }
            betaNames.addAll(rows.covariateNames());
            parameters = betaStart + betaNames.size();
            sortIntoCells(stratumOfTrial, rowCount, trials, cats, strata);
            checkColumns(src);
            return new OrdinalDesign(this);
        }

        private void categoryMaps(int cats, int strata, String src) {
            categoryMap = new int[strata][cats];
            cuts = new int[strata];
            List<String> emptyCells = new ArrayList<>();
            for (int s = 0; s < strata; s++) {
                int k = 0;
                for (int j = 0; j < cats; j++) {
                    if (stratumCounts[s][j] > 0) {
                        categoryMap[s][j] = k++;
                    } else {
                        categoryMap[s][j] = -1;
                        emptyCells.add((thresholds == Thresholds.COMMON && rows.trialNames().length > 1 ? ""
                                : strataNames[s] + ": ")
                                + "category " + j);
                    }
                }
                cuts[s] = Math.max(0, k - 1);
            }
            if (emptyCells.isEmpty()) {
                return;
            }
            String where = thresholds == Thresholds.STRATIFIED ? "with cut-points stratified by trial, "
                    + "each trial needs patients in every category" : "every category needs patients";
            if (empty == EmptyCategories.REJECT || nominal) {
                String list = String.join("; ", emptyCells.subList(0, Math.min(8, emptyCells.size())))
                        + (emptyCells.size() > 8 ? "; and " + (emptyCells.size() - 8) + " more" : "");
                throw InputException.of(src, "no patient in " + list + ". The cut-points around an empty category cannot be"
                        + " estimated (" + where + "). Merge the empty category with a neighbour (for example mRS 5 and 6)"
                        + (thresholds == Thresholds.STRATIFIED ? ", use common cut-points," : "")
                        + (nominal ? "" : " or let empty categories drop their cut-point") + ".");
            }
            for (String e : emptyCells) {
                notes.add(new Note(0, null, Note.Kind.INFO, e + " has no patient: its cut-point is dropped (the maximum of"
                        + " the likelihood lies where it meets its neighbour)"));
            }
        }

        private static void badRow(String src, double w, int arm, int y, int cats) {
            if (!(w >= 0) || w == Double.POSITIVE_INFINITY) {
                throw InputException.of(src, "case weights must be finite and not negative (got " + w + ")");
            }
            if (arm != 0 && arm != 1) {
                throw new IllegalArgumentException("the arm must be coded 0 or 1");
            }
            throw new IllegalArgumentException("outcome category " + y + " outside 0.." + (cats - 1));
        }

        private static double[] gather(double[] src, int[] order) {
            double[] col = new double[order.length];
            for (int r = 0; r < order.length; r++) {
                col[r] = src[order[r]];
            }
            return col;
        }

        /** One weighted row per non-empty cell, from the observations sorted by cell. */
        private void collapse(int[] order, double[] wt, int cells) {
            int[] start = new int[cells + 1];
            double[] cw = new double[cells];
            int m = 0;
            double tw = 0;
            for (int c = 0; c < cells; c++) {
                start[c] = m;
                double sum = 0;
                for (int r = cellStart[c]; r < cellStart[c + 1]; r++) {
                    sum += wt == null ? 1 : wt[order[r]];
                }
                if (cellStart[c + 1] > cellStart[c]) {
                    cw[m++] = sum;
                    tw += sum;
                }
            }
            start[cells] = m;
            cellStart = start;
            n = m;
            w = java.util.Arrays.copyOf(cw, m);
            totalWeight = tw;
        }

        /** Counting sort of the observations by cell; zero weights and left-out trials are dropped. */
        private void sortIntoCells(int[] stratumOfTrial, int[] rowCount, int trials, int cats, int strata) {
            int cells = strata * cats * 2;
            int rowsN = rows.size();
            int[] trialOf = rows.trial();
            int[] y = rows.outcome();
            int[] arm = rows.treatment();
            double[] wt = rows.weight();
            // (trial, category, arm) -> cell
            int[] cellOf = new int[trials * cats * 2];
            cellStart = new int[cells + 1];
            for (int tr = 0; tr < trials; tr++) {
                int st = stratumOfTrial[tr];
                for (int j = 0; j < cats * 2; j++) {
                    int c = st < 0 ? -1 : st * cats * 2 + j;
                    cellOf[tr * cats * 2 + j] = c;
                    if (c >= 0) {
                        cellStart[c + 1] += rowCount[tr * cats * 2 + j];
                    }
                }
            }
            double tw = 0;
            for (int c = 0; c < cells; c++) {
                cellStart[c + 1] += cellStart[c];
            }
            n = cellStart[cells];
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
                collapse(order, wt, cells);
                x = new double[0][];
            } else {
                x = new double[cov.length][];
                // one column per task: independent gathers, so the result does not depend on scheduling
                execution.forEach(cov.length, k -> x[k] = gather(cov[k], order));
                if (wt != null) {
                    w = new double[n];
                    for (int r = 0; r < n; r++) {
                        w[r] = wt[order[r]];
                        tw += w[r];
                    }
                } else {
                    tw = n;
                }
                totalWeight = tw;
            }
            cellA = new int[cells];
            cellGa = new int[cells];
            cellB = new int[cells];
            cellGb = new int[cells];
            cellArm = new int[cells];
            for (int s = 0; s < strata; s++) {
                for (int j = 0; j < cats; j++) {
                    int yc = categoryMap[s][j];
                    for (int a = 0; a < 2; a++) {
                        int c = (s * cats + j) * 2 + a;
                        boolean treated = nominal && a == 1;
                        cellArm[c] = a;
                        if (yc < 0) {
                            cellA[c] = cellB[c] = cellGa[c] = cellGb[c] = -1;
                            continue;
                        }
                        boolean upper = yc < cuts[s];
                        boolean lower = yc > 0;
                        cellA[c] = upper ? cutStart[s] + yc : -1;
                        cellB[c] = lower ? cutStart[s] + yc - 1 : -1;
                        // no categories are dropped when cut-points depend on the arm, so compact = original
                        cellGa[c] = treated && upper ? nominalStart + yc : -1;
                        cellGb[c] = treated && lower ? nominalStart + yc - 1 : -1;
                    }
                }
            }
        }

        /** Weighted SDs; a column without variation (within every stratum, when stratified) is not estimable. */
        private void checkColumns(String src) {
            int p = betaNames.size();
            columnSd = new double[p];
            int strata = strataNames.length;
            int cats = rows.categories();
            int k0 = 0;
            if (!nominal) {
                // treatment: a property of the cells
                double[] armW = new double[2];
                for (int c = 0; c < cellArm.length; c++) {
                    if (w == null) {
                        armW[cellArm[c]] += cellStart[c + 1] - cellStart[c];
                    } else {
                        for (int i = cellStart[c]; i < cellStart[c + 1]; i++) {
                            armW[cellArm[c]] += w[i];
                        }
                    }
                }
                double pt = armW[1] / (armW[0] + armW[1]);
                columnSd[0] = Math.sqrt(pt * (1 - pt));
                k0 = 1;
            }
            double[][] moments = new double[p][];
            int k1 = k0;
            execution.forEach(p - k0, i -> moments[i + k1] = moments(x[i], w));
            for (int k = k0; k < p; k++) {
                double[] col = x[k - k0];
                columnSd[k] = moments[k][1];
                boolean variesWithin = false;
                for (int s = 0; s < strata && !variesWithin; s++) {
                    variesWithin = varies(col, cellStart[s * cats * 2], cellStart[(s + 1) * cats * 2]);
                }
                if (!variesWithin) {
                    String name = betaNames.get(k);
                    throw InputException.of(src, "the covariate '" + name + "' does not vary " + (strata > 1 ? "within any"
                            + " trial: with cut-points stratified by trial its effect cannot be separated from the trials'"
                            + " own cut-points" : "among the patients: its effect cannot be estimated")
                            + "; leave it out of the model");
                }
            }
        }

        /** True when the column takes more than one value in lo..hi−1. */
        private static boolean varies(double[] col, int lo, int hi) {
            for (int i = lo + 1; i < hi; i++) {
                if (col[i] != col[lo]) {
                    return true;
                }
            }
            return false;
        }

        /** Weighted mean and standard deviation (divisor: total weight), from sums shifted by the first value. */
        private static double[] moments(double[] col, double[] w) {
            int n = col.length;
            double shift = n > 0 ? col[0] : 0;
            double sw = 0;
            double sum = 0;
            double sum2 = 0;
            if (w == null) {
                for (int i = 0; i < n; i++) {
                    double dv = col[i] - shift;
                    sum += dv;
                    sum2 += dv * dv;
                }
                sw = n;
            } else {
                for (int i = 0; i < n; i++) {
                    double dv = col[i] - shift;
                    sw += w[i];
                    sum += w[i] * dv;
                    sum2 += w[i] * dv * dv;
                }
            }
            double mean = sum / sw;
            return new double[] {shift + mean, Math.sqrt(Math.max(0, sum2 / sw - mean * mean))};
        }
    }
}
