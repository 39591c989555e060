package org.strokemeta.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/**
 * Network meta-analysis: the frequentist consistency model of several treatments compared in different trials, as
 * metafor's {@code rma.mv} fits it in the network examples of metadat (dat.hasselblad1998, dat.senn2013) and as
 * netmeta's common-tau² model: each trial's arms give contrasts against its first arm (in the treatments' order), with
 * the covariance of contrasts sharing that arm; the relative effects d_t of the treatments against the reference are
 * the fixed effects (a contrast of t against u has mean d_t − d_u); one heterogeneity variance tau², every contrast
 * variance tau² and two contrasts of one trial covarying tau²/2 (Salanti et al. 2008, Stat Methods Med Res 17:279-301).
 * Inconsistency: the design-by-treatment interaction model (Higgins et al. 2012, Res Synth Methods 3:98-110; the
 * decomposition of Q of Krahn et al. 2013, BMC Med Res Methodol 13:35). Ranking: P-scores (Rücker and Schwarzer 2015,
 * BMC Med Res Methodol 15:58).
 */
public final class Network {
    private Network() {
    }

    /** One trial's contrasts against its baseline arm. */
    record Trial(String name, int firstLine, List<String> arms, double[] y, double[] s) {
    }

    /**
     * Fits the network to a table of arms ({@code study}, {@code treatment} and {@code events}, {@code total} for a binary
     * outcome, log odds ratios; or {@code mean}, {@code sd}, {@code n} for a continuous one, mean differences) or of
     * contrasts ({@code study}, {@code treat1}, {@code treat2}, {@code yi}, {@code vi}: treat1 relative to treat2, and for a
     * trial of three or more arms, whose contrasts must share treat2, {@code vbase}, the variance of treat2's arm, their
     * covariance).
     *
     * @param t the table
     * @param o the options
     * @return the fit
     * @throws InputException naming the line and column of a trial with one arm, a treatment named twice in a trial,
     *                        a disconnected network or a value out of range
     */
    public static NetworkResult fit(Table t, NetworkOptions o) {
        List<String> notes = new ArrayList<>();
        String measure;
        List<Trial> trials;
        if (t.has("treat1") && t.has("treat2")) {
            measure = "contrast";
            trials = contrasts(t, notes);
        } else {
            for (String c : List.of("study", "treatment")) {
                if (!t.has(c)) {
                    throw InputException.of(t.source(), "there is no column '" + c + "' (a network needs study and treatment with events and "
                            + "total, or mean, sd and n, per arm; or study, treat1, treat2, yi and vi per contrast)");
                }
            }
            boolean binary = t.has("events") && t.has("total");
            boolean continuous = t.has("mean") && t.has("sd") && t.has("n");
            boolean ordinal = org.strokemeta.data.OrdinalTableLoader.categories(t).size() >= 2;
            if ((binary ? 1 : 0) + (continuous ? 1 : 0) + (ordinal ? 1 : 0) != 1) {
                throw InputException.of(t.source(), binary || continuous || ordinal ? "the arms have more than one outcome (events/total, "
                        + "mean/sd/n, mRS counts): keep one outcome per file"
                        : "the arms need events and total (binary), mean, sd and n (continuous) or mRS counts mrs0, mrs1, ... (ordinal)");
            }
            if (ordinal) {
                measure = "cOR";
                trials = ordinalArms(t, o, notes);
            } else {
                measure = binary ? "OR" : "MD";
                trials = arms(t, o, binary, notes);
            }
        }
        return fit(trials, measure, o, notes, t.source());
    }

    /** Arm-level rows: contrasts against each trial's first arm in the treatments' order. */
    private static List<Trial> arms(Table t, NetworkOptions o, boolean binary, List<String> notes) {
        String[] study = t.requiredText("study");
        String[] treat = t.requiredText("treatment");
        double[] a = binary ? t.counts("events") : t.numbers("mean");
        double[] b = binary ? t.counts("total") : t.numbers("sd");
        double[] n = binary ? null : t.counts("n");
        List<String> order = order(o, Arrays.asList(treat), t.source());
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i = 0; i < study.length; i++) {
            byStudy.computeIfAbsent(study[i], s -> new ArrayList<>()).add(i);
            if (!order.contains(treat[i])) {
                throw new InputException(t.source(), t.line(i), t.headerName("treatment"), "'" + treat[i] + "' is not among the treatments given ("
                        + String.join(", ", order) + ")");
            }
            if (binary && a[i] > b[i]) {
                throw new InputException(t.source(), t.line(i), t.headerName("events"), "events (" + fmt(a[i]) + ") exceed the total (" + fmt(b[i]) + ")");
            }
            if (binary && !(b[i] > 0)) {
                throw new InputException(t.source(), t.line(i), t.headerName("total"), "the total must be positive, not " + fmt(b[i]));
            }
            if (!binary && (!(b[i] > 0) || !(n[i] > 0))) {
                throw new InputException(t.source(), t.line(i), t.headerName(b[i] > 0 ? "n" : "sd"), b[i] > 0 ? "n must be positive, not " + fmt(n[i])
                        : "the SD must be positive, not " + fmt(b[i]));
            }
        }
        List<Trial> out = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            List<Integer> rows = trialArms(t, e.getKey(), e.getValue(), treat, order);
            int m = rows.size();
            double[] est = new double[m];
            double[] var = new double[m];
            if (binary) {
                boolean zero = false;
                boolean allNone = true;
                boolean allFull = true;
                for (int i : rows) {
                    zero |= a[i] == 0 || a[i] == b[i];
                    allNone &= a[i] == 0;
                    allFull &= a[i] == b[i];
                }
                if (allNone || allFull) {
                    notes.add("trial '" + e.getKey() + "' (line " + t.line(rows.get(0)) + "): left out, " + (allNone ? "no events" : "only events")
                            + " in every arm");
                    continue;
                }
                double add = zero ? 0.5 : 0;
                for (int j = 0; j < m; j++) {
                    int i = rows.get(j);
                    double x = a[i] + add;
                    double nx = b[i] - a[i] + add;
                    est[j] = Math.log(x / nx);
                    var[j] = 1 / x + 1 / nx;
                }
                if (zero) {
                    notes.add("trial '" + e.getKey() + "': 0.5 added to the events and non-events of every arm (an arm with no events or only events)");
                }
            } else {
                for (int j = 0; j < m; j++) {
                    int i = rows.get(j);
                    est[j] = a[i];
                    var[j] = b[i] * b[i] / n[i];
                }
            }
            List<String> armNames = new ArrayList<>();
            double[] y = new double[m - 1];
            double[] s = new double[(m - 1) * (m - 1)];
            for (int j = 0; j < m; j++) {
                armNames.add(treat[rows.get(j)]);
            }
            for (int j = 1; j < m; j++) {
                y[j - 1] = est[j] - est[0];
                for (int c = 1; c < m; c++) {
                    s[(j - 1) * (m - 1) + (c - 1)] = var[0] + (j == c ? var[j] : 0);
                }
            }
            out.add(new Trial(e.getKey(), t.line(rows.get(0)), armNames, y, s));
        }
        return out;
    }

    /**
     * Arm-level mRS distributions: each trial's proportional-odds model with one coefficient per arm other than its
     * first (ordinal::clm(mrs ~ arm, weights = count), the trial's empty categories dropped as R drops unused levels);
     * the contrasts are the log common odds ratios of a better outcome (minus clm's coefficients) with their covariance.
     */
    private static List<Trial> ordinalArms(Table t, NetworkOptions o, List<String> notes) {
        String[] study = t.requiredText("study");
        String[] treat = t.requiredText("treatment");
        var cats = org.strokemeta.data.OrdinalTableLoader.categories(t);
        List<Integer> levels = new ArrayList<>(cats.keySet());
        for (int j = 0; j < levels.size(); j++) {
            if (levels.get(j) != levels.get(0) + j) {
                throw InputException.of(t.source(), "the category columns skip a category: " + String.join(", ", cats.values())
                        + " (give one count column per category, from the best)");
            }
        }
        double[][] counts = new double[levels.size()][];
        int c = 0;
        for (String col : cats.values()) {
            counts[c++] = t.counts(col);
        }
        List<String> order = order(o, Arrays.asList(treat), t.source());
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i = 0; i < study.length; i++) {
            byStudy.computeIfAbsent(study[i], s -> new ArrayList<>()).add(i);
            if (!order.contains(treat[i])) {
                throw new InputException(t.source(), t.line(i), t.headerName("treatment"), "'" + treat[i] + "' is not among the treatments given ("
                        + String.join(", ", order) + ")");
            }
            double n = 0;
            for (double[] col : counts) {
                n += col[i];
            }
            if (!(n > 0)) {
                throw new InputException(t.source(), t.line(i), t.headerName(cats.get(levels.get(0))), "the arm '" + treat[i] + "' of trial '"
                        + study[i] + "' has no patients");
            }
        }
        List<Trial> out = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            List<Integer> rows = trialArms(t, e.getKey(), e.getValue(), treat, order);
            int m = rows.size();
            // one weighted row per arm and non-empty category; arm 1 is the "treatment", arms 2.. covariates
            List<int[]> cells = new ArrayList<>();
            for (int a = 0; a < m; a++) {
                for (int k = 0; k < counts.length; k++) {
                    double w = counts[k][rows.get(a)];
                    if (w > 0) {
                        cells.add(new int[] {a, k, (int) w});
                    }
                }
            }
            int nrow = cells.size();
            int[] st = new int[nrow];
            int[] tr = new int[nrow];
            int[] y = new int[nrow];
            int[] w = new int[nrow];
            int[] lines = new int[nrow];
            double[][] cov = new double[m - 2][nrow];
            List<String> covNames = new ArrayList<>();
            for (int a = 2; a < m; a++) {
                covNames.add("arm" + a);
            }
            for (int r = 0; r < nrow; r++) {
                int[] cell = cells.get(r);
                tr[r] = cell[0] == 1 ? 1 : 0;
                for (int a = 2; a < m; a++) {
                    cov[a - 2][r] = cell[0] == a ? 1 : 0;
                }
                y[r] = cell[1];
                w[r] = cell[2];
                lines[r] = t.line(rows.get(cell[0]));
            }
            var pd = new org.strokemeta.data.PatientData(t.source(), new String[] {e.getKey()}, st, tr, y, counts.length, covNames, cov, lines, 0,
                    List.of()).withWeights(w);
            var fit = org.strokemeta.ordinal.ProportionalOdds.fit(pd, org.strokemeta.ordinal.PoOptions.defaults()
                    .withEmptyCategories(org.strokemeta.ordinal.EmptyCategories.DROP));
            if (!fit.converged() || fit.diverged()) {
                notes.add("trial '" + e.getKey() + "' (line " + t.line(rows.get(0)) + "): left out, its proportional-odds model has no finite "
                        + "estimate (" + fit.message() + ")");
                continue;
            }
            for (var note : fit.notes()) {
                notes.add("trial '" + e.getKey() + "': " + note.message());
            }
            double[] yy = new double[m - 1];
            double[] ss = new double[(m - 1) * (m - 1)];
            for (int a = 0; a < m - 1; a++) {
                yy[a] = -fit.beta()[a];
                for (int b = 0; b < m - 1; b++) {
                    ss[a * (m - 1) + b] = fit.vcov(a, b);
                }
            }
            List<String> armNames = new ArrayList<>();
            for (int i : rows) {
                armNames.add(treat[i]);
            }
            out.add(new Trial(e.getKey(), t.line(rows.get(0)), armNames, yy, ss));
        }
        return out;
    }

    /**
     * One trial's arm rows in the treatments' order, refusing a treatment named twice and a trial with one arm (with the
     * line and column).
     */
    private static List<Integer> trialArms(Table t, String trial, List<Integer> lines, String[] treat, List<String> order) {
        List<Integer> rows = new ArrayList<>(lines);
        Set<String> seen = new LinkedHashSet<>();
        for (int i : rows) {
            if (!seen.add(treat[i])) {
                throw new InputException(t.source(), t.line(i), t.headerName("treatment"), "trial '" + trial + "' names '" + treat[i]
                        + "' twice (combine the arms, or give them different names)");
            }
        }
        if (rows.size() < 2) {
            throw new InputException(t.source(), t.line(rows.get(0)), t.headerName("study"), "trial '" + trial + "' has one arm: a "
                    + "network needs at least two arms per trial");
        }
        rows.sort((x, y) -> Integer.compare(order.indexOf(treat[x]), order.indexOf(treat[y])));
        return rows;
    }

    /** Contrast-level rows: treat1 relative to treat2, a multi-arm trial's contrasts sharing treat2 with vbase. */
    private static List<Trial> contrasts(Table t, List<String> notes) {
        for (String c : List.of("study", "treat1", "treat2", "yi", "vi")) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "there is no column '" + c + "' (contrast-level data need study, treat1, treat2, yi and vi, "
                        + "and vbase for trials of three or more arms)");
            }
        }
        String[] study = t.requiredText("study");
        String[] t1 = t.requiredText("treat1");
        String[] t2 = t.requiredText("treat2");
        double[] yi = t.numbers("yi");
        double[] vi = t.numbers("vi");
        double[] vbase = t.has("vbase") ? t.optionalNumbers("vbase") : null;
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i = 0; i < study.length; i++) {
            byStudy.computeIfAbsent(study[i], s -> new ArrayList<>()).add(i);
            if (!(vi[i] > 0)) {
                throw new InputException(t.source(), t.line(i), t.headerName("vi"), "a sampling variance must be positive, not " + fmt(vi[i]));
            }
            if (t1[i].equals(t2[i])) {
                throw new InputException(t.source(), t.line(i), t.headerName("treat2"), "a contrast compares two different treatments, not '"
                        + t1[i] + "' with itself");
            }
        }
        List<Trial> out = new ArrayList<>();
        for (var e : byStudy.entrySet()) {
            List<Integer> rows = e.getValue();
            int m = rows.size();
            String base = t2[rows.get(0)];
            List<String> arms = new ArrayList<>();
            arms.add(base);
            for (int i : rows) {
                if (!t2[i].equals(base)) {
                    throw new InputException(t.source(), t.line(i), t.headerName("treat2"), "the contrasts of trial '" + e.getKey() + "' must share "
                            + "treat2 (its baseline arm, here '" + base + "'), not '" + t2[i] + "'");
                }
                if (arms.contains(t1[i])) {
                    throw new InputException(t.source(), t.line(i), t.headerName("treat1"), "trial '" + e.getKey() + "' names '" + t1[i] + "' twice");
                }
                arms.add(t1[i]);
            }
            double[] y = new double[m];
            double[] s = new double[m * m];
            for (int j = 0; j < m; j++) {
                int i = rows.get(j);
                y[j] = yi[i];
                s[j * m + j] = vi[i];
                for (int c = 0; c < m; c++) {
                    if (c != j) {
                        if (vbase == null || Double.isNaN(vbase[i])) {
                            throw new InputException(t.source(), t.line(i), vbase == null ? "vbase" : t.headerName("vbase"), "trial '" + e.getKey()
                                    + "' has " + (m + 1) + " arms: its contrasts covary by the variance of the shared arm, which vbase must give");
                        }
                        s[j * m + c] = vbase[i];
                    }
                }
            }
            out.add(new Trial(e.getKey(), t.line(rows.get(0)), arms, y, s));
        }
        return out;
    }

    private static List<String> order(NetworkOptions o, List<String> seen, String source) {
        List<String> order = new ArrayList<>(o.treatments());
        if (order.isEmpty()) {
            order.addAll(new LinkedHashSet<>(seen));
            if (o.reference() != null && order.remove(o.reference())) {
                order.add(0, o.reference());
            }
        } else {
            for (String s : new LinkedHashSet<>(seen)) {
                if (!order.contains(s)) {
                    throw InputException.of(source, "the treatment '" + s + "' is not in the order given (" + String.join(", ", order) + ")");
                }
            }
        }
        return order;
    }

    /** The consistency model, its league table, ranking and the design-by-treatment test. */
    static NetworkResult fit(List<Trial> trials, String measure, NetworkOptions o, List<String> notes, String source) {
        if (trials.size() < 2) {
            throw InputException.of(source, "a network needs at least two trials with data, not " + trials.size());
        }
        // the treatments: the given order, or their order of appearance (the reference first)
        List<String> seen = new ArrayList<>();
        for (Trial tr : trials) {
            seen.addAll(tr.arms());
        }
        List<String> order = order(o, seen, source);
        order.retainAll(new LinkedHashSet<>(seen));
        String ref = o.reference() == null ? order.get(0) : o.reference();
        if (!order.contains(ref)) {
            throw InputException.of(source, "the reference '" + ref + "' is in no trial (treatments: " + String.join(", ", order) + ")");
        }
        connected(trials, order, source);
        List<String> others = new ArrayList<>(order);
        others.remove(ref);
        int p = others.size();
        int nb = trials.size();
        Design dz = design(trials, others, null, null);
        int k = dz.y.length;
        double[] y = dz.y;
        double[][] x = dz.x;
        int[][] blocks = dz.blocks;
        double[][] s = dz.s;
        MvEngine.Structure cs = halfCorrelated(blocks);
        MvEngine engine = new MvEngine(y, x, blocks, s, cs);
        boolean reml = o.method() == MultilevelOptions.Method.REML;
        double vbar = Arrays.stream(s).mapToDouble(a -> a[0]).average().orElse(1);
        MvFit.Result fit = fitModel(engine, o, vbar);
        MvEngine.Eval e = fit.eval();
        if (e.beta == null) {
            throw new IllegalArgumentException("the network could not be fitted: " + fit.message());
        }
        double crit = Dist.zCrit(o.level());
        List<Coefficient> rel = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(e.vb[j * p + j]);
            double z = e.beta[j] / se;
            rel.add(new Coefficient(others.get(j), e.beta[j], se, z, Dist.pNormal2(z), e.beta[j] - crit * se, e.beta[j] + crit * se));
        }
        // league table and P-scores
        List<NetworkResult.Pair> league = new ArrayList<>();
        int nt = order.size();
        double[][] diff = new double[nt][nt];
        double[][] sed = new double[nt][nt];
        for (int a = 0; a < nt; a++) {
            for (int c = 0; c < nt; c++) {
                int ia = others.indexOf(order.get(a));
                int ic = others.indexOf(order.get(c));
                double da = ia < 0 ? 0 : e.beta[ia];
                double dc = ic < 0 ? 0 : e.beta[ic];
                double v = (ia < 0 ? 0 : e.vb[ia * p + ia]) + (ic < 0 ? 0 : e.vb[ic * p + ic]) - 2 * (ia < 0 || ic < 0 ? 0 : e.vb[ia * p + ic]);
                diff[a][c] = da - dc;
                sed[a][c] = Math.sqrt(Math.max(0, v));
            }
        }
        for (int a = 0; a < nt; a++) {
            for (int c = a + 1; c < nt; c++) {
                double z = diff[a][c] / sed[a][c];
                league.add(new NetworkResult.Pair(order.get(a), order.get(c), diff[a][c], sed[a][c], z, Dist.pNormal2(z),
                        diff[a][c] - crit * sed[a][c], diff[a][c] + crit * sed[a][c]));
            }
        }
        double[] pScores = new double[nt];
        var n01 = org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);
        for (int a = 0; a < nt; a++) {
            double sum = 0;
            for (int c = 0; c < nt; c++) {
                if (c != a) {
                    double z = diff[a][c] / sed[a][c];
                    sum += n01.cumulativeProbability(o.smallBetter() ? -z : z);
                }
            }
            pScores[a] = nt > 1 ? sum / (nt - 1) : Double.NaN;
        }
        List<NetworkResult.Rank> ranking = ranks(order, others, e.beta, e.vb, pScores, o);
        double qe = engine.qe();
        int qeDf = k - p;
        List<NetworkResult.Edge> edges = edges(trials, order);
        List<NetworkResult.Split> splits = new ArrayList<>();
        List<NetworkResult.Edge> directOnly = new ArrayList<>();
        if (o.nodeSplit()) {
            for (NetworkResult.Edge ed : edges) {
                int a = order.indexOf(ed.treat1());
                int c = order.indexOf(ed.treat2());
                NetworkResult.Split sp = split(trials, others, ed, diff[a][c], sed[a][c], o, vbar);
                if (sp == null) {
                    directOnly.add(ed);
                } else {
                    splits.add(sp);
                    if (!sp.converged()) {
                        notes.add("node split " + ed.treat1() + " vs " + ed.treat2() + ": the estimation of tau² did not converge");
                    }
                }
            }
        }
        return new NetworkResult(o, measure, order, ref, rel, e.vb, fit.theta()[0], qe, qeDf, Dist.pChisq(qe, qeDf), nb, k, league, ranking,
                edges, inconsistency(trials, y, s, blocks, engine, qe, qeDf, p, order), splits, directOnly,
                reml && o.random() ? e.reml : e.ml, fit.converged(), fit.message(), notes);
    }

    /** The contrasts of every trial, their design matrix and covariance blocks; with a split, its indicator column last. */
    private record Design(double[] y, double[][] x, int[][] blocks, double[][] s) {
    }

    /**
     * Builds the contrasts. Without a split (a == null) each trial's contrasts are against its first arm; with the
     * split a vs c, a trial containing both takes a as its baseline and its contrast of c against a gets −1 in the last
     * column (its mean is d_c − d_a − delta, so that delta = direct − indirect of a relative to c).
     */
    private static Design design(List<Trial> trials, List<String> others, String a, String c) {
        int p = others.size();
        int cols = a == null ? p : p + 1;
        List<Trial> based = new ArrayList<>();
        for (Trial tr : trials) {
            based.add(a != null && tr.arms().contains(a) && tr.arms().contains(c) ? rebase(tr, tr.arms().indexOf(a)) : tr);
        }
        int k = based.stream().mapToInt(tr -> tr.y().length).sum();
        double[] y = new double[k];
        double[][] x = new double[k][cols];
        int[][] blocks = new int[based.size()][];
        double[][] s = new double[based.size()][];
        int row = 0;
        for (int b = 0; b < based.size(); b++) {
            Trial tr = based.get(b);
            int m = tr.y().length;
            blocks[b] = new int[m];
            s[b] = tr.s();
            int base = others.indexOf(tr.arms().get(0));
            boolean both = a != null && tr.arms().get(0).equals(a) && tr.arms().contains(c);
            for (int j = 0; j < m; j++) {
                y[row] = tr.y()[j];
                String arm = tr.arms().get(j + 1);
                int col = others.indexOf(arm);
                if (col >= 0) {
                    x[row][col] += 1;
                }
                if (base >= 0) {
                    x[row][base] -= 1;
                }
                if (both && arm.equals(c)) {
                    x[row][p] = -1;
                }
                blocks[b][j] = row++;
            }
        }
        return new Design(y, x, blocks, s);
    }

    /** The same trial with its contrasts against another arm: y' = L y, S' = L S L' (L: e_j − e_r). */
    private static Trial rebase(Trial tr, int r) {
        if (r == 0) {
            return tr;
        }
        int m = tr.y().length;
        // contrast j (1..m) of arm j against arm 0; arm 0's own contrast is 0
        double[][] l = new double[m][m];
        List<String> arms = new ArrayList<>();
        arms.add(tr.arms().get(r));
        int row = 0;
        for (int j = 0; j <= m; j++) {
            if (j == r) {
                continue;
            }
            arms.add(tr.arms().get(j));
            if (j > 0) {
                l[row][j - 1] += 1;
            }
            l[row][r - 1] -= 1;
            row++;
        }
        double[] y = new double[m];
        double[] s = new double[m * m];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                y[i] += l[i][j] * tr.y()[j];
            }
            for (int c = 0; c < m; c++) {
                double v = 0;
                for (int j = 0; j < m; j++) {
                    for (int q = 0; q < m; q++) {
                        v += l[i][j] * tr.s()[j * m + q] * l[c][q];
                    }
                }
                s[i * m + c] = v;
            }
        }
        return new Trial(tr.name(), tr.firstLine(), arms, y, s);
    }

    /** The random-effects fit (REML or ML), or the fixed-effect evaluation. */
    private static MvFit.Result fitModel(MvEngine engine, NetworkOptions o, double vbar) {
        if (o.random()) {
            return MvFit.fit(engine, o.method() == MultilevelOptions.Method.REML, new MvFit.Kind[] {MvFit.Kind.VARIANCE},
                    new double[] {0.1 * vbar + 0.01}, vbar);
        }
        MvEngine.Eval e = engine.evaluate(new double[] {0}, false);
        return new MvFit.Result(new double[] {0}, e, true, "fixed effects", new double[1]);
    }

    /**
     * Splits one comparison, or returns null when its indirect evidence does not identify it (the treatments are not
     * linked once the split contrasts are taken out).
     */
    private static NetworkResult.Split split(List<Trial> trials, List<String> others, NetworkResult.Edge ed, double network, double networkSe,
                                             NetworkOptions o, double vbar) {
        String a = ed.treat1();
        String c = ed.treat2();
        Design d = design(trials, others, a, c);
        int p = others.size();
        // identifiable iff a and c stay linked by the contrasts without the split indicator
        int[] parent = new int[p + 1];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (double[] row : d.x) {
            if (row[p] != 0) {
                continue;
            }
            int u = -1;
            int v = -1;
            for (int j = 0; j < p; j++) {
                if (row[j] > 0) {
                    u = j + 1;
                } else if (row[j] < 0) {
                    v = j + 1;
                }
            }
            union(parent, u < 0 ? 0 : u, v < 0 ? 0 : v);
        }
        int ia = others.indexOf(a) + 1;
        int ic = others.indexOf(c) + 1;
        if (find(parent, ia) != find(parent, ic)) {
            return null;
        }
        MvEngine engine = new MvEngine(d.y, d.x, d.blocks, d.s, halfCorrelated(d.blocks));
        MvFit.Result fit = fitModel(engine, o, vbar);
        MvEngine.Eval e = fit.eval();
        if (e.beta == null) {
            throw new IllegalArgumentException("the node split of " + a + " vs " + c + " could not be fitted: " + fit.message());
        }
        int q = p + 1;
        double[] ind = new double[q];
        if (ia > 0) {
            ind[ia - 1] += 1;
        }
        if (ic > 0) {
            ind[ic - 1] -= 1;
        }
        double[] dir = ind.clone();
        dir[p] = 1;
        double[] del = new double[q];
        del[p] = 1;
        double[] vi = contrast(e, ind);
        double[] vd = contrast(e, dir);
        double[] vx = contrast(e, del);
        double z = vx[0] / vx[1];
        return new NetworkResult.Split(a, c, ed.studies(), network, networkSe, vd[0], vd[1], vi[0], vi[1], vx[0], vx[1], z, Dist.pNormal2(z),
                o.level(), fit.theta()[0], fit.converged());
    }

    /** c'beta and its SE. */
    private static double[] contrast(MvEngine.Eval e, double[] c) {
        int q = c.length;
        double est = 0;
        double v = 0;
        for (int i = 0; i < q; i++) {
            est += c[i] * e.beta[i];
            for (int j = 0; j < q; j++) {
                v += c[i] * e.vb[i * q + j] * c[j];
            }
        }
        return new double[] {est, Math.sqrt(Math.max(0, v))};
    }

    /**
     * Rank probabilities, mean ranks and SUCRA from draws of the effects against the reference from their estimated
     * normal distribution N(beta, vb) (as netmeta's rankogram and Salanti et al. 2011 do), with a seeded generator.
     */
    private static List<NetworkResult.Rank> ranks(List<String> order, List<String> others, double[] beta, double[] vb, double[] pScores,
                                                  NetworkOptions o) {
        int nt = order.size();
        int p = others.size();
        int n = o.simulations();
        List<NetworkResult.Rank> out = new ArrayList<>();
        if (n == 0 || nt < 2) {
            for (int a = 0; a < nt; a++) {
                out.add(new NetworkResult.Rank(order.get(a), pScores[a], Double.NaN, Double.NaN, Double.NaN, new double[0]));
            }
            return out;
        }
        double[] l = cholesky(vb, p);
        int[] col = new int[nt];
        for (int a = 0; a < nt; a++) {
            col[a] = others.indexOf(order.get(a));
        }
        long[][] count = new long[nt][nt];
        double[] sumScore = new double[nt];
        double[] sumScore2 = new double[nt];
        java.util.SplittableRandom rng = new java.util.SplittableRandom(o.seed());
        double[] zz = new double[p];
        double[] d = new double[p];
        double[] eff = new double[nt];
        double sign = o.smallBetter() ? -1 : 1;
        for (int it = 0; it < n; it++) {
            for (int j = 0; j < p; j++) {
                zz[j] = rng.nextGaussian();
            }
            for (int i = 0; i < p; i++) {
                double v = beta[i];
                for (int j = 0; j <= i; j++) {
                    v += l[i * p + j] * zz[j];
                }
                d[i] = v;
            }
            for (int a = 0; a < nt; a++) {
                eff[a] = sign * (col[a] < 0 ? 0 : d[col[a]]);
            }
            for (int a = 0; a < nt; a++) {
                int better = 0;
                for (int c = 0; c < nt; c++) {
                    if (c != a && eff[c] > eff[a]) {
                        better++;
                    }
                }
                count[a][better]++;
                double score = (nt - 1 - better) / (double) (nt - 1);
                sumScore[a] += score;
                sumScore2[a] += score * score;
            }
        }
        for (int a = 0; a < nt; a++) {
            double[] prob = new double[nt];
            double mean = 0;
            for (int r = 0; r < nt; r++) {
                prob[r] = count[a][r] / (double) n;
                mean += (r + 1) * prob[r];
            }
            double sucra = sumScore[a] / n;
            double var = Math.max(0, sumScore2[a] / n - sucra * sucra);
            out.add(new NetworkResult.Rank(order.get(a), pScores[a], sucra, Math.sqrt(var / n), mean, prob));
        }
        return out;
    }

    /** The lower Cholesky factor of a p×p covariance (row-major); a semi-definite direction gets a zero column. */
    private static double[] cholesky(double[] v, int p) {
        double[] l = new double[p * p];
        for (int j = 0; j < p; j++) {
            double dsum = v[j * p + j];
            for (int k = 0; k < j; k++) {
                dsum -= l[j * p + k] * l[j * p + k];
            }
            double djj = dsum > 1e-14 * Math.max(1, v[j * p + j]) ? Math.sqrt(dsum) : 0;
            l[j * p + j] = djj;
            for (int i = j + 1; i < p; i++) {
                double sum = v[i * p + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * p + k] * l[j * p + k];
                }
                l[i * p + j] = djj == 0 ? 0 : sum / djj;
            }
        }
        return l;
    }

    /** Every contrast variance tau², two contrasts of one trial covarying tau²/2. */
    private static MvEngine.Structure halfCorrelated(int[][] blocks) {
        return new MvEngine.Structure() {
            @Override
            public int dim() {
                return 1;
            }

            @Override
            public void fill(int b, double[] theta, double[] r, double[][] dR) {
                int m = blocks[b].length;
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double c = i == j ? 1 : 0.5;
                        r[i * m + j] = theta[0] * c;
                        if (dR != null) {
                            dR[0][i * m + j] = c;
                        }
                    }
                }
            }
        };
    }

    private static List<NetworkResult.Edge> edges(List<Trial> trials, List<String> order) {
        Map<String, Integer> count = new TreeMap<>();
        for (Trial tr : trials) {
            for (int a = 0; a < tr.arms().size(); a++) {
                for (int c = a + 1; c < tr.arms().size(); c++) {
                    int ia = order.indexOf(tr.arms().get(a));
                    int ic = order.indexOf(tr.arms().get(c));
                    String key = String.format("%05d\u0000%05d", Math.min(ia, ic), Math.max(ia, ic));
                    count.merge(key, 1, Integer::sum);
                }
            }
        }
        List<NetworkResult.Edge> out = new ArrayList<>();
        for (var e : count.entrySet()) {
            String[] p = e.getKey().split("\u0000");
            out.add(new NetworkResult.Edge(order.get(Integer.parseInt(p[0])), order.get(Integer.parseInt(p[1])), e.getValue()));
        }
        return out;
    }

    /** Refuses a network in which some treatments cannot be compared with the others, naming the parts. */
    private static void connected(List<Trial> trials, List<String> order, String source) {
        int n = order.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (Trial tr : trials) {
            int first = order.indexOf(tr.arms().get(0));
            for (String a : tr.arms()) {
                union(parent, first, order.indexOf(a));
            }
        }
        Map<Integer, List<String>> parts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            parts.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(order.get(i));
        }
        if (parts.size() > 1) {
            List<String> desc = new ArrayList<>();
            for (List<String> part : parts.values()) {
                desc.add("{" + String.join(", ", part) + "}");
            }
            throw InputException.of(source, "the network is disconnected: no trial links " + String.join(" and ", desc)
                    + " (analyse the parts separately)");
        }
    }

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        p[find(p, a)] = find(p, b);
    }

    /** The design-by-treatment interaction test, or null when that model has no more parameters than the consistency model. */
    private static NetworkResult.Inconsistency inconsistency(List<Trial> trials, double[] y, double[][] s, int[][] blocks, MvEngine consistency,
                                                            double qTotal, int qTotalDf, int p, List<String> order) {
        // one free mean per design-specific contrast: design = the trial's set of treatments
        Map<String, Integer> column = new HashMap<>();
        int[] colOfRow = new int[y.length];
        for (int b = 0; b < trials.size(); b++) {
            Trial tr = trials.get(b);
            List<String> sorted = new ArrayList<>(tr.arms());
            sorted.sort((u, w) -> Integer.compare(order.indexOf(u), order.indexOf(w)));
            String design = String.join("\u0000", sorted);
            for (int j = 0; j < tr.y().length; j++) {
                String key = design + "\u0001" + tr.arms().get(j + 1) + "\u0001" + tr.arms().get(0);
                Integer c = column.get(key);
                if (c == null) {
                    c = column.size();
                    column.put(key, c);
                }
                colOfRow[blocks[b][j]] = c;
            }
        }
        int q = column.size();
        if (q <= p) {
            return null;
        }
        double[][] xd = new double[y.length][q];
        for (int i = 0; i < y.length; i++) {
            xd[i][colOfRow[i]] = 1;
        }
        MvEngine dbt = new MvEngine(y, xd, blocks, s, consistency.structure);
        double qWithin = dbt.qe();
        int qWithinDf = y.length - q;
        double qBetween = qTotal - qWithin;
        int df = q - p;
        double vbar = Arrays.stream(s).mapToDouble(a -> a[0]).average().orElse(1);
        MvFit.Result mc = MvFit.fit(consistency, false, new MvFit.Kind[] {MvFit.Kind.VARIANCE}, new double[] {0.1 * vbar + 0.01}, vbar);
        MvFit.Result md = MvFit.fit(dbt, false, new MvFit.Kind[] {MvFit.Kind.VARIANCE}, new double[] {0.1 * vbar + 0.01}, vbar);
        double lrt = 2 * (md.eval().ml - mc.eval().ml);
        return new NetworkResult.Inconsistency(qTotal, qTotalDf, qWithin, qWithinDf, qBetween, df, Dist.pChisq(qBetween, df), lrt, df,
                Dist.pChisq(Math.max(0, lrt), df), mc.theta()[0], md.theta()[0]);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
