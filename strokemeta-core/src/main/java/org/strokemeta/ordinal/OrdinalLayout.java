package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;

/**
 * The shape of a cumulative-logit fit, decided from a tally of the data and nothing else: which trials
 * enter and in which stratum, the categories present in each stratum, the parameter vector and, for every
 * cell (stratum, outcome category, arm), the parameters its two cuts depend on. The patients themselves
 * are held by {@link OrdinalDesign}, which adds them in cell order; a layout built from the tallies of
 * several parts of the data is the one built from all of them at once, so every part can be arranged by it.
 *
 * <p>The parameter vector is laid out as: the cut-points of every stratum (stratum by stratum,
 * {@code cuts(s)} each), then the cut-point-specific treatment effects of a partial
 * proportional-odds model (if any), then the coefficients {@code beta} (treatment first unless it is
 * cut-point specific, then the covariates).
 *
 * <p>Building checks the data and says in plain words what cannot be estimated: a trial with one
 * arm, an empty category in a stratum, a covariate that does not vary.
 */
class OrdinalLayout implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    final String source;
    final int categories;
    final Thresholds thresholds;
    /** Trials of the tally, by code. */
    final String[] trialNames;
    /** Per trial code: its stratum, or −1 when the trial is left out. */
    final int[] stratumOfTrial;
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
    /** The parameter index of the first covariate coefficient. */
    final int covariateStart;
    /** The parameter index of the treatment coefficient, or −1 when treatment effects are cut-point specific. */
    final int treatmentIndex;
    /** The number of covariate columns. */
    final int covariates;
    /**
     * The rows the single-machine fit holds: the patients (rows of non-zero weight in trials that enter), or,
     * without covariates and with more patients than cells, the non-empty cells.
     */
    final long observations;
    final double totalWeight;
    /** Weighted standard deviation of each coefficient's column (treatment first), to judge divergence. */
    final double[] columnSd;
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

    /** A copy of another layout's fields (for {@link OrdinalDesign}, which adds the data). */
    OrdinalLayout(OrdinalLayout l) {
        source = l.source;
        categories = l.categories;
        thresholds = l.thresholds;
        trialNames = l.trialNames;
        stratumOfTrial = l.stratumOfTrial;
        strataNames = l.strataNames;
        categoryMap = l.categoryMap;
        cuts = l.cuts;
        cutStart = l.cutStart;
        nominalTreatment = l.nominalTreatment;
        nominalStart = l.nominalStart;
        betaStart = l.betaStart;
        parameters = l.parameters;
        betaNames = l.betaNames;
        covariateStart = l.covariateStart;
        treatmentIndex = l.treatmentIndex;
        covariates = l.covariates;
        observations = l.observations;
        totalWeight = l.totalWeight;
        columnSd = l.columnSd;
        cellA = l.cellA;
        cellGa = l.cellGa;
        cellB = l.cellB;
        cellGb = l.cellGb;
        cellArm = l.cellArm;
        notes = l.notes;
        stratumCounts = l.stratumCounts;
    }

    private OrdinalLayout(Builder b) {
        source = b.source;
        categories = b.t.categories;
        thresholds = b.thresholds;
        trialNames = b.trialNames;
        stratumOfTrial = b.stratumOfTrial;
        strataNames = b.strataNames;
        categoryMap = b.categoryMap;
        cuts = b.cuts;
        cutStart = b.cutStart;
        nominalTreatment = b.nominal;
        nominalStart = b.nominalStart;
        betaStart = b.betaStart;
        parameters = b.parameters;
        betaNames = List.copyOf(b.betaNames);
        covariateStart = b.betaStart + (b.nominal ? 0 : 1);
        treatmentIndex = b.nominal ? -1 : b.betaStart;
        covariates = b.t.covariates;
        observations = b.observations;
        totalWeight = b.totalWeight;
        columnSd = b.columnSd;
        cellA = b.cellA;
        cellGa = b.cellGa;
        cellB = b.cellB;
        cellGb = b.cellGb;
        cellArm = b.cellArm;
        notes = List.copyOf(b.notes);
        stratumCounts = b.stratumCounts;
    }

    /**
     * The layout of the tallied data.
     *
     * @param t                the tally of all the data
     * @param source           the input's name, for messages
     * @param trialNames       trial labels by code
     * @param covariateNames   the covariates, in the tally's column order
     * @param thresholds       common or stratified cut-points
     * @param empty            what an empty category does
     * @param nominalTreatment cut-point-specific treatment effects
     * @param notes            remarks on the input carried into the fit's notes
     * @return the layout
     * @throws InputException when the data cannot give an estimate (no trial with both arms, an empty category
     *                        that may not be dropped, a covariate that does not vary)
     */
    static OrdinalLayout of(OrdinalTally t, String source, String[] trialNames, List<String> covariateNames,
                            Thresholds thresholds, EmptyCategories empty, boolean nominalTreatment, List<Note> notes) {
        if (trialNames.length != t.trials || covariateNames.size() != t.covariates) {
            throw new IllegalArgumentException("the names do not match the tally: " + trialNames.length + " trials and "
                    + covariateNames.size() + " covariates for " + t.trials + " and " + t.covariates);
        }
        return new OrdinalLayout(new Builder(t, source, trialNames, covariateNames, thresholds, empty, nominalTreatment,
                notes).build());
    }

    final int strata() {
        return strataNames.length;
    }

    /** The number of coefficients beta (treatment, unless cut-point specific, and covariates). */
    final int p() {
        return betaNames.size();
    }

    /** The number of covariate columns. */
    final int q() {
        return covariates;
    }

    final int cells() {
        return cellA.length;
    }

    /** Number of cut-point-specific treatment effects (J − 1), 0 without them. */
    final int nominalCount() {
        return nominalTreatment ? categories - 1 : 0;
    }

    /**
     * Start values: each stratum's cut-points at the link's quantiles of its cumulative proportions
     * (their logits for the proportional-odds model), all coefficients 0.
     */
    final double[] start() {
        return start(Link.LOGIT);
    }

    /** Start values for the given link (see {@link #start()}). */
    final double[] start(Link link) {
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

    private static final class Builder {
        final OrdinalTally t;
        final String source;
        final String[] trialNames;
        final List<String> covariateNames;
        final Thresholds thresholds;
        final EmptyCategories empty;
        final boolean nominal;
        final List<Note> notes;
        int[] stratumOfTrial;
        String[] strataNames;
        int[][] categoryMap;
        int[] cuts;
        int[] cutStart;
        int nominalStart;
        int betaStart;
        int parameters;
        List<String> betaNames;
        long observations;
        double totalWeight;
        double[] columnSd;
        int[] cellA;
        int[] cellGa;
        int[] cellB;
        int[] cellGb;
        int[] cellArm;
        double[][] stratumCounts;

        Builder(OrdinalTally t, String source, String[] trialNames, List<String> covariateNames, Thresholds thresholds,
                EmptyCategories empty, boolean nominal, List<Note> notes) {
            this.t = t;
            this.source = source;
            this.trialNames = trialNames.clone();
            this.covariateNames = List.copyOf(covariateNames);
            this.thresholds = thresholds;
            this.empty = empty;
            this.nominal = nominal;
            this.notes = new ArrayList<>(notes);
        }

        Builder build() {
            int trials = t.trials;
            int cats = t.categories;
            if (cats < 2) {
                throw InputException.of(source, "the outcome needs at least two categories");
            }
            double[] tally = t.weight;
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
                String name = trialNames[s];
                boolean tr = arm[s][1] > 0;
                boolean c = arm[s][0] > 0;
                if (tr && c) {
                    twoArm++;
                    keepTrial[s] = true;
                } else if (!tr && !c) {
                    notes.add(new Note(0, name, Note.Kind.EXCLUDED, "no patients: left out"));
                } else {
                    String missing = tr ? "control" : "treatment";
                    if (thresholds == Thresholds.STRATIFIED) {
                        keepTrial[s] = true;
                        notes.add(new Note(0, name, Note.Kind.INFO, "no patient in the " + missing
                                + " arm: the treatment effect cannot be estimated within this trial; with cut-points"
                                + " stratified by trial it informs only its own cut-points"
                                + (t.covariates > 0 ? " and the covariate coefficients" : "")));
                    } else {
                        notes.add(new Note(0, name, Note.Kind.EXCLUDED, "no patient in the " + missing
                                + " arm: left out, since the treatment effect would otherwise be estimated by comparing"
                                + " patients of different trials"));
                    }
                }
            }
            if (twoArm == 0) {
                throw InputException.of(source, "the treatment effect cannot be estimated: no trial has patients in both arms"
                        + (trials == 1 ? " (" + trialNames[0] + " has patients only in the "
                        + (arm[0][1] > 0 ? "treatment" : "control") + " arm)" : ""));
            }
            // strata
            stratumOfTrial = new int[trials];
            List<String> names = new ArrayList<>();
            for (int s = 0; s < trials; s++) {
                if (!keepTrial[s]) {
                    stratumOfTrial[s] = -1;
                } else if (thresholds == Thresholds.COMMON) {
                    stratumOfTrial[s] = 0;
                } else {
                    stratumOfTrial[s] = names.size();
                    names.add(trialNames[s]);
                }
            }
            if (thresholds == Thresholds.COMMON) {
                names.add(trials == 1 ? trialNames[0] : "all trials");
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
            categoryMaps(cats, strata);
            // parameter layout
            cutStart = new int[strata];
            int k = 0;
            for (int s = 0; s < strata; s++) {
                cutStart[s] = k;
                k += cuts[s];
            }
            nominalStart = k;
            betaStart = k + (nominal ? cats - 1 : 0);
            betaNames = new ArrayList<>();
            if (!nominal) {
                betaNames.add("treatment");
            }
            betaNames.addAll(covariateNames);
            parameters = betaStart + betaNames.size();
            cells(cats, strata);
            count(cats, strata);
            checkColumns();
            return this;
        }

        private void categoryMaps(int cats, int strata) {
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
                        emptyCells.add((thresholds == Thresholds.COMMON && trialNames.length > 1 ? ""
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
                throw InputException.of(source, "no patient in " + list + ". The cut-points around an empty category cannot be"
                        + " estimated (" + where + "). Merge the empty category with a neighbour (for example mRS 5 and 6)"
                        + (thresholds == Thresholds.STRATIFIED ? ", use common cut-points," : "")
                        + (nominal ? "" : " or let empty categories drop their cut-point") + ".");
            }
            for (String e : emptyCells) {
                notes.add(new Note(0, null, Note.Kind.INFO, e + " has no patient: its cut-point is dropped (the maximum of"
                        + " the likelihood lies where it meets its neighbour)"));
            }
        }

        /** The parameters each cell's cuts depend on. */
        private void cells(int cats, int strata) {
            int cells = strata * cats * 2;
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

        /** Patients, total weight and the rows the single-machine design holds (see {@link #observations}). */
        private void count(int cats, int strata) {
            long[] cellRows = new long[strata * cats * 2];
            long patients = 0;
            double tw = 0;
            for (int tr = 0; tr < t.trials; tr++) {
                int st = stratumOfTrial[tr];
                for (int j = 0; st >= 0 && j < cats * 2; j++) {
                    long r = t.rows[tr * cats * 2 + j];
                    cellRows[st * cats * 2 + j] += r;
                    patients += r;
                    tw += t.weight[tr * cats * 2 + j];
                }
            }
            long nonEmpty = 0;
            for (long r : cellRows) {
                if (r > 0) {
                    nonEmpty++;
                }
            }
            // without covariates the patients of a cell are identical and the design holds one weighted row per cell
            observations = t.covariates == 0 && patients > cellRows.length ? nonEmpty : patients;
            totalWeight = tw;
        }

        /** Weighted SDs; a column without variation (within every stratum, when stratified) is not estimable. */
        private void checkColumns() {
            int p = betaNames.size();
            columnSd = new double[p];
            int strata = strataNames.length;
            int cats = t.categories;
            int k0 = 0;
            if (!nominal) {
                // treatment: a property of the cells
                double[] armW = new double[2];
                for (int tr = 0; tr < t.trials; tr++) {
                    for (int j = 0; stratumOfTrial[tr] >= 0 && j < cats * 2; j++) {
                        armW[j & 1] += t.weight[tr * cats * 2 + j];
                    }
                }
                double pt = armW[1] / (armW[0] + armW[1]);
                columnSd[0] = Math.sqrt(pt * (1 - pt));
                k0 = 1;
            }
            int q = t.covariates;
            for (int k = 0; k < q; k++) {
                // moments over the trials that enter, and variation within some stratum
                OrdinalTally merged = new OrdinalTally(1, 1, 1);
                boolean[] seen = new boolean[strata];
                double[] first = new double[strata];
                boolean variesWithin = false;
                for (int tr = 0; tr < t.trials; tr++) {
                    int st = stratumOfTrial[tr];
                    int j = tr * q + k;
                    if (st < 0 || t.sw[j] == 0) {
                        continue;
                    }
                    OrdinalTally one = new OrdinalTally(1, 1, 1);
                    one.sw[0] = t.sw[j];
                    one.mean[0] = t.mean[j];
                    one.m2[0] = t.m2[j];
                    one.first[0] = t.first[j];
                    merged.add(one);
                    variesWithin |= t.varies[j] || seen[st] && t.first[j] != first[st];
                    if (!seen[st]) {
                        seen[st] = true;
                        first[st] = t.first[j];
                    }
                }
                columnSd[k0 + k] = merged.sw[0] > 0 ? Math.sqrt(merged.m2[0] / merged.sw[0]) : 0;
                if (!variesWithin) {
                    String name = betaNames.get(k0 + k);
                    throw InputException.of(source, "the covariate '" + name + "' does not vary " + (strata > 1 ? "within any"
                            + " trial: with cut-points stratified by trial its effect cannot be separated from the trials'"
                            + " own cut-points" : "among the patients: its effect cannot be estimated")
                            + "; leave it out of the model");
                }
            }
        }
    }
}
