package org.strokemeta.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/**
 * Multilevel random-effects models: effects nested in trials (and trials in, for example, countries), as metafor's
 * {@code rma.mv(yi, vi, mods, random = ~ 1 | study/es_id)} fits them (Konstantopoulos 2011, Res Synth Methods
 * 2:61-76; Viechtbauer 2010, J Stat Softw 36(3)). The effects y_i have known sampling variances v_i and one random
 * intercept at each level; the marginal covariance is block diagonal by the outermost level, so the (restricted)
 * likelihood costs time linear in the number of its clusters ({@link MvEngine}).
 */
public final class Multilevel {
    private Multilevel() {
    }

    /**
     * Fits the model to a table with the columns {@code yi} and {@code vi} (or {@code sei}), the grouping columns of
     * the options and their moderators. A row with a missing value in one of these columns is left out and named in
     * the notes by its line.
     *
     * @param t the table
     * @param o the options
     * @return the fit
     * @throws InputException when a column is missing, a variance is not positive or a moderator is not a number
     */
    public static MultilevelResult fit(Table t, MultilevelOptions o) {
        boolean se = !t.has("vi") && t.has("sei");
        String vcol = se ? "sei" : "vi";
        List<String> notes = new ArrayList<>();
        List<Integer> complete = Rows.complete(t, Rows.concat(List.of("yi", vcol), o.moderators()), o.levels(), "a multilevel model needs yi, "
                + "vi or sei, the grouping columns " + String.join(", ", o.levels()) + (o.moderators().isEmpty() ? "" : " and the moderators "
                + String.join(", ", o.moderators())), notes);
        double[] yi = t.optionalNumbers("yi");
        double[] vi = t.optionalNumbers(vcol);
        double[][] mods = new double[o.moderators().size()][];
        for (int j = 0; j < mods.length; j++) {
            mods[j] = t.optionalNumbers(o.moderators().get(j));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i : complete) {
            double v = se ? vi[i] * vi[i] : vi[i];
            if (!(v > 0) || (se && !(vi[i] > 0))) {
                throw new InputException(t.source(), t.line(i), t.headerName(vcol), (se ? "a standard error" : "a sampling variance")
                        + " must be positive, not " + t.text(i, vcol));
            }
            keep.add(i);
        }
        int k = keep.size();
        double[] y = new double[k];
        double[] v = new double[k];
        String[][] groups = new String[o.levels().size()][k];
        double[][] x = new double[k][1 + mods.length];
        for (int r = 0; r < k; r++) {
            int i = keep.get(r);
            y[r] = yi[i];
            v[r] = se ? vi[i] * vi[i] : vi[i];
            for (int l = 0; l < groups.length; l++) {
                groups[l][r] = t.text(i, o.levels().get(l));
            }
            x[r][0] = 1;
            for (int j = 0; j < mods.length; j++) {
                x[r][1 + j] = mods[j][i];
            }
        }
        List<String> names = new ArrayList<>();
        names.add("intercept");
        names.addAll(o.moderators());
        return fit(y, v, groups, x, names, o, notes);
    }

    /**
     * Fits the model to arrays.
     *
     * @param y      the effects
     * @param v      their sampling variances
     * @param groups the grouping of each level, outermost first ({@code groups[l][i]} the cluster of effect i at level l;
     *               a cluster is nested in its parent: the same name under two parents is two clusters)
     * @param x      the design, one row per effect (an intercept column first when wanted)
     * @param names  the design's column names
     * @param o      the options (its column names are not read)
     * @param notes  remarks carried into the result (for example the effects left out)
     * @return the fit
     */
    public static MultilevelResult fit(double[] y, double[] v, String[][] groups, double[][] x, List<String> names, MultilevelOptions o,
                                       List<String> notes) {
        int k = y.length;
        int levels = groups.length;
        int p = names.size();
        if (k <= p) {
            throw new IllegalArgumentException("a multilevel model with " + p + " coefficient" + (p == 1 ? "" : "s") + " needs more than "
                    + p + " effects, not " + k);
        }
        // cluster index of each effect at each level (nested: the key of a cluster includes its parents')
        int[][] cluster = new int[levels][k];
        int[] counts = new int[levels];
        for (int l = 0; l < levels; l++) {
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < k; i++) {
                String key = l == 0 ? groups[0][i] : cluster[l - 1][i] + "\u0000" + groups[l][i];
                Integer c = ids.get(key);
                if (c == null) {
                    c = ids.size();
                    ids.put(key, c);
                }
                cluster[l][i] = c;
            }
            counts[l] = ids.size();
        }
        // blocks: the outermost clusters in order of appearance
        Map<Integer, List<Integer>> byTop = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            byTop.computeIfAbsent(cluster[0][i], c -> new ArrayList<>()).add(i);
        }
        int nb = byTop.size();
        int[][] blocks = new int[nb][];
        double[][] s = new double[nb][];
        int b = 0;
        for (List<Integer> rows : byTop.values()) {
            int m = rows.size();
            blocks[b] = rows.stream().mapToInt(Integer::intValue).toArray();
            s[b] = new double[m * m];
            for (int i = 0; i < m; i++) {
                s[b][i * m + i] = v[blocks[b][i]];
            }
            b++;
        }
        MvEngine.Structure nested = new MvEngine.Structure() {
            @Override
            public int dim() {
                return levels;
            }

            @Override
            public void fill(int blk, double[] theta, double[] r, double[][] dR) {
                int[] rows = blocks[blk];
                int m = rows.length;
                Arrays.fill(r, 0);
                if (dR != null) {
                    for (double[] a : dR) {
                        Arrays.fill(a, 0);
                    }
                }
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < m; j++) {
                        double sum = 0;
                        for (int l = 0; l < levels; l++) {
                            if (cluster[l][rows[i]] == cluster[l][rows[j]]) {
                                sum += theta[l];
                                if (dR != null) {
                                    dR[l][i * m + j] = 1;
                                }
                            }
                        }
                        r[i * m + j] = sum;
                    }
                }
            }
        };
        MvEngine engine = new MvEngine(y, x, blocks, s, nested);
        boolean reml = o.method() == MultilevelOptions.Method.REML;
        // start: the residual variance beyond the sampling variances, shared equally among the levels
        double mean = Arrays.stream(y).average().orElse(0);
        double var = Arrays.stream(y).map(a -> (a - mean) * (a - mean)).sum() / Math.max(1, k - 1);
        double vbar = Arrays.stream(v).average().orElse(1);
        double total = Math.max(var - vbar, 0.05 * var + 1e-4 * vbar);
        double[] start = new double[levels];
        Arrays.fill(start, total / levels);
        MvFit.Kind[] kinds = new MvFit.Kind[levels];
        Arrays.fill(kinds, MvFit.Kind.VARIANCE);
        MvFit.Result fit = MvFit.fit(engine, reml, kinds, start, Math.max(vbar, var));
        MvEngine.Eval e = fit.eval();
        if (e.beta == null) {
            throw new IllegalArgumentException("the model could not be fitted: " + fit.message());
        }
        // coefficients
        boolean t = o.test() == MultilevelOptions.Test.T;
        int df = k - p;
        double crit = t ? Dist.tCrit(o.level(), df) : Dist.zCrit(o.level());
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(e.vb[j * p + j]);
            double z = e.beta[j] / se;
            double pv = t ? Dist.pT2(z, df) : Dist.pNormal2(z);
            coefs.add(new Coefficient(names.get(j), e.beta[j], se, z, pv, e.beta[j] - crit * se, e.beta[j] + crit * se));
        }
        double qe = engine.qe();
        double qeP = Dist.pChisq(qe, df);
        double qm = Double.NaN;
        double qmP = Double.NaN;
        int qmDf = 0;
        int[] modIdx = java.util.stream.IntStream.range(0, p).filter(j -> !names.get(j).equals("intercept")).toArray();
        if (modIdx.length > 0) {
            int m = modIdx.length;
            double[] sub = new double[m * m];
            double[] bm = new double[m];
            for (int a = 0; a < m; a++) {
                bm[a] = e.beta[modIdx[a]];
                for (int c = 0; c < m; c++) {
                    sub[a * m + c] = e.vb[modIdx[a] * p + modIdx[c]];
                }
            }
            double[] l = sub.clone();
            if (MvEngine.cholesky(l, m)) {
                double[] sol = bm.clone();
                MvEngine.solveInPlace(l, m, sol, 1);
                qm = 0;
                for (int a = 0; a < m; a++) {
                    qm += bm[a] * sol[a];
                }
                qmDf = m;
                if (t) {
                    qm /= m;
                    qmP = Dist.pF(qm, m, df);
                } else {
                    qmP = Dist.pChisq(qm, m);
                }
            }
        }
        double ll = reml ? e.reml : e.ml;
        int npar = p + levels;
        double aic = -2 * ll + 2 * npar;
        double bic = -2 * ll + npar * Math.log(reml ? k - p : k);
        List<String> allNotes = new ArrayList<>(notes);
        if (!fit.converged()) {
            allNotes.add("the optimiser did not converge: " + fit.message());
        }
        double[][] ci = new double[levels][];
        for (int l = 0; l < levels; l++) {
            ci[l] = o.profileCi() ? profileCi(engine, reml, kinds, fit.theta(), ll, l, o.level(), Math.max(vbar, var), allNotes)
                    : new double[] {Double.NaN, Double.NaN};
        }
        return new MultilevelResult(o, coefs, e.vb, fit.theta(), ci, counts, k, qe, df, qeP, qm, qmDf, qmP, ll, aic, bic, fit.converged(),
                fit.message(), allNotes);
    }

    /**
     * The profile-likelihood interval of one variance or correlation (metafor's confint.rma.mv): the values s whose
     * (restricted) log-likelihood, maximised over the other parameters with this one fixed at s, lies within χ²₁(level)/2
     * of the maximum; a variance's lower end is 0, a correlation's ends −1 or 1, when the profile there is still within.
     * Ends by Brent's method to 1e-10 relative.
     */
    static double[] profileCi(MvEngine engine, boolean reml, MvFit.Kind[] kinds, double[] theta, double llMax, int l, double level, double scale,
                              List<String> notes) {
        double target = llMax - 0.5 * org.apache.commons.statistics.distribution.ChiSquaredDistribution.of(1).inverseCumulativeProbability(level);
        int d = theta.length;
        java.util.function.DoubleUnaryOperator raw = s -> {
            if (d == 1) {
                MvEngine.Eval e = engine.evaluate(new double[] {s}, false);
                return reml ? e.reml : e.ml;
            }
            MvEngine.Structure full = engine.structure;
            MvEngine.Structure fixed = new MvEngine.Structure() {
                @Override
                public int dim() {
                    return d - 1;
                }

                @Override
                public void fill(int b, double[] th, double[] r, double[][] dR) {
                    double[] all = expand(th, l, s);
                    double[][] dAll = dR == null ? null : new double[d][r.length];
                    full.fill(b, all, r, dAll);
                    if (dR != null) {
                        for (int j = 0, c = 0; j < d; j++) {
                            if (j != l) {
                                System.arraycopy(dAll[j], 0, dR[c++], 0, r.length);
                            }
                        }
                    }
                }
            };
            MvEngine sub = new MvEngine(engine.y, engine.x, engine.blocks, engine.s, fixed);
            double[] start = new double[d - 1];
            MvFit.Kind[] k2 = new MvFit.Kind[d - 1];
            for (int j = 0, c = 0; j < d; j++) {
                if (j != l) {
                    start[c] = theta[j];
                    k2[c++] = kinds[j];
                }
            }
            MvFit.Result f = MvFit.fit(sub, reml, k2, start, scale);
            return reml ? f.eval().reml : f.eval().ml;
        };
        // where the marginal covariance is not positive definite the likelihood is undefined: far below the target
        java.util.function.DoubleUnaryOperator profile = s -> {
            double v = raw.applyAsDouble(s);
            return Double.isFinite(v) ? v : target - 1e6;
        };
        var solver = new org.apache.commons.numbers.rootfinder.BrentSolver(1e-12 * scale, 1e-10, 0);
        double est = theta[l];
        if (kinds[l] == MvFit.Kind.CORRELATION) {
            var rs = new org.apache.commons.numbers.rootfinder.BrentSolver(1e-12, 1e-10, 0);
            double edge = 1 - 1e-9;
            double lo = profile.applyAsDouble(-edge) >= target ? -1 : rs.findRoot(s -> profile.applyAsDouble(s) - target, -edge, est);
            double up = profile.applyAsDouble(edge) >= target ? 1 : rs.findRoot(s -> profile.applyAsDouble(s) - target, est, edge);
            return new double[] {lo, up};
        }
        double lower;
        if (profile.applyAsDouble(0) >= target) {
            lower = 0;
        } else {
            lower = solver.findRoot(s -> profile.applyAsDouble(s) - target, 0, est);
        }
        double hi = Math.max(est, 1e-3 * scale) * 2;
        int doublings = 0;
        while (profile.applyAsDouble(hi) >= target && doublings < 60) {
            hi *= 2;
            doublings++;
        }
        double upper;
        if (doublings == 60) {
            notes.add("the profile likelihood of variance " + (l + 1) + " does not fall far enough: no upper limit");
            upper = Double.POSITIVE_INFINITY;
        } else {
            upper = solver.findRoot(s -> profile.applyAsDouble(s) - target, est, hi);
        }
        return new double[] {lower, upper};
    }

    private static double[] expand(double[] th, int at, double value) {
        double[] all = new double[th.length + 1];
        for (int j = 0, c = 0; j < all.length; j++) {
            all[j] = j == at ? value : th[c++];
        }
        return all;
    }

}
