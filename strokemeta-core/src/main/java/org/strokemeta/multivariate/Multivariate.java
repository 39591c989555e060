package org.strokemeta.multivariate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/**
 * Multivariate random-effects models: several outcomes (or time points) per trial, as metafor's
 * {@code rma.mv(yi, V, mods = ~ outcome - 1, random = ~ outcome | study, struct)} fits them (Berkey et al. 1998, Stat
 * Med 17:2537-2550; Jackson, Riley and White 2011, Stat Med 30:2481-2498). The effects of one trial have known sampling
 * covariances (given per row as {@code cov_<outcome>}, or rho·sqrt(v_i v_j) from one within-trial correlation, as
 * metafor's {@code vcalc}); their true effects covary between trials as the structure says (CS, HCS, UN, DIAG).
 */
public final class Multivariate {
    private Multivariate() {
    }

    /**
     * Fits the model to a table of {@code study}, {@code outcome}, {@code yi}, {@code vi} (and {@code cov_<outcome>}
     * columns unless the options give a within-trial correlation) and the moderators.
     *
     * @param t the table
     * @param o the options
     * @return the fit
     * @throws InputException naming the line and column of an outcome given twice in a trial, covariances that
     *                        disagree or a trial whose covariance matrix is not positive definite
     */
    public static MultivariateResult fit(Table t, MultivariateOptions o) {
        String needs = "a multivariate model needs study, outcome, yi, vi, and cov_<outcome> columns or a within-trial correlation";
        for (String c : List.of("study", "outcome")) {
            if (!t.has(c)) {
                throw InputException.of(t.source(), "there is no column '" + c + "' (" + needs + ")");
            }
        }
        List<String> notes = new ArrayList<>();
        // a blank trial or outcome is an error (below), a missing number leaves its row out
        List<Integer> complete = Rows.complete(t, Rows.concat(List.of("yi", "vi"), o.moderators()), List.of(), needs, notes);
        String[] study = t.requiredText("study");
        String[] outcome = t.requiredText("outcome");
        double[] yi = t.optionalNumbers("yi");
        double[] vi = t.optionalNumbers("vi");
        double[][] mods = new double[o.moderators().size()][];
        for (int j = 0; j < mods.length; j++) {
            mods[j] = t.optionalNumbers(o.moderators().get(j));
        }
        List<Integer> keep = new ArrayList<>();
        for (int i : complete) {
            if (!(vi[i] > 0)) {
                throw new InputException(t.source(), t.line(i), t.headerName("vi"), "a sampling variance must be positive, not " + t.text(i, "vi"));
            }
            keep.add(i);
        }
        // the outcomes, sorted as R sorts a factor's levels
        TreeSet<String> levelSet = new TreeSet<>((a, b) -> {
            int c = a.compareToIgnoreCase(b);
            return c != 0 ? c : a.compareTo(b);
        });
        for (int i : keep) {
            levelSet.add(outcome[i]);
        }
        List<String> levels = new ArrayList<>(levelSet);
        int m = levels.size();
        boolean fromColumns = Double.isNaN(o.withinRho());
        if (fromColumns) {
            for (String l : levels) {
                if (!t.has("cov_" + l)) {
                    throw InputException.of(t.source(), "there is no column 'cov_" + l + "': give each row's covariance with its trial's "
                            + "effect of every outcome (cov_<outcome>), or a within-trial correlation");
                }
            }
        }
        Map<String, List<Integer>> byStudy = new LinkedHashMap<>();
        for (int i : keep) {
            byStudy.computeIfAbsent(study[i], s -> new ArrayList<>()).add(i);
        }
        int k = keep.size();
        int nb = byStudy.size();
        int p = m + mods.length;
        double[] y = new double[k];
        double[][] x = new double[k][p];
        int[] out = new int[k];
        int[][] blocks = new int[nb][];
        double[][] s = new double[nb][];
        int row = 0;
        int b = 0;
        for (var e : byStudy.entrySet()) {
            List<Integer> rows = e.getValue();
            int n = rows.size();
            blocks[b] = new int[n];
            double[] sb = new double[n * n];
            for (int a = 0; a < n; a++) {
                int i = rows.get(a);
                for (int c = 0; c < a; c++) {
                    if (outcome[rows.get(c)].equals(outcome[i])) {
                        throw new InputException(t.source(), t.line(i), t.headerName("outcome"), "trial '" + e.getKey() + "' gives the outcome '"
                                + outcome[i] + "' twice (a multilevel model takes several effects of one outcome: strokemeta multilevel)");
                    }
                }
                y[row] = yi[i];
                out[row] = levels.indexOf(outcome[i]);
                x[row][out[row]] = 1;
                for (int j = 0; j < mods.length; j++) {
                    x[row][m + j] = mods[j][i];
                }
                blocks[b][a] = row++;
            }
            for (int a = 0; a < n; a++) {
                int i = rows.get(a);
                for (int c = 0; c < n; c++) {
                    int j = rows.get(c);
                    double v;
                    if (a == c) {
                        v = vi[i];
                        if (fromColumns) {
                            double own = t.optionalNumbers("cov_" + outcome[i])[i];
                            if (!Double.isNaN(own) && Math.abs(own - vi[i]) > 1e-12 * Math.max(1, Math.abs(vi[i]))) {
                                throw new InputException(t.source(), t.line(i), t.headerName("cov_" + outcome[i]), "the covariance of an effect "
                                        + "with itself is its variance vi (" + t.text(i, "vi") + "), not " + t.text(i, "cov_" + outcome[i]));
                            }
                        }
                    } else if (fromColumns) {
                        double cij = t.optionalNumbers("cov_" + outcome[j])[i];
                        double cji = t.optionalNumbers("cov_" + outcome[i])[j];
                        if (Double.isNaN(cij)) {
                            throw new InputException(t.source(), t.line(i), t.headerName("cov_" + outcome[j]), "the covariance with the trial's "
                                    + outcome[j] + " effect is missing");
                        }
                        if (!Double.isNaN(cji) && Math.abs(cij - cji) > 1e-12 * Math.max(1, Math.abs(cij))) {
                            throw new InputException(t.source(), t.line(i), t.headerName("cov_" + outcome[j]), "the covariance of the " + outcome[i]
                                    + " and " + outcome[j] + " effects of trial '" + e.getKey() + "' differs between its two rows (" + cij + " and " + cji
                                    + " on line " + t.line(j) + ")");
                        }
                        v = cij;
                    } else {
                        v = o.withinRho() * Math.sqrt(vi[i] * vi[j]);
                    }
                    sb[a * n + c] = v;
                }
            }
            double[] l = sb.clone();
            if (!MvEngine.cholesky(l, n)) {
                throw new InputException(t.source(), t.line(rows.get(0)), fromColumns ? "cov_" + outcome[rows.get(0)] : "vi", "the sampling "
                        + "covariance matrix of trial '" + e.getKey() + "' is not positive definite");
            }
            s[b++] = sb;
        }
        List<String> names = new ArrayList<>(levels);
        names.addAll(o.moderators());
        if (k <= p) {
            throw new IllegalArgumentException("a multivariate model with " + p + " coefficients needs more than " + p + " effects, not " + k);
        }
        // the parameters: variances (one for CS), then correlations
        MultivariateOptions.Struct st = o.struct();
        int nVar = st == MultivariateOptions.Struct.CS ? 1 : m;
        int nRho = switch (st) {
            case CS, HCS -> m > 1 ? 1 : 0;
            case UN -> m * (m - 1) / 2;
            case DIAG -> 0;
        };
        int[][] pair = new int[m][m];
        for (int a = 0, c = 0; a < m; a++) {
            for (int d = a + 1; d < m; d++) {
                pair[a][d] = c;
                pair[d][a] = c++;
            }
        }
        MvEngine.Structure structure = new MvEngine.Structure() {
            @Override
            public int dim() {
                return nVar + nRho;
            }

            @Override
            public void fill(int blk, double[] th, double[] r, double[][] dR) {
                int[] rows = blocks[blk];
                int n = rows.length;
                if (dR != null) {
                    for (double[] a : dR) {
                        Arrays.fill(a, 0);
                    }
                }
                for (int a = 0; a < n; a++) {
                    int oa = out[rows[a]];
                    for (int c = 0; c < n; c++) {
                        int oc = out[rows[c]];
                        int va = nVar == 1 ? 0 : oa;
                        int vc = nVar == 1 ? 0 : oc;
                        double ta = Math.sqrt(Math.max(0, th[va]));
                        double tc = Math.sqrt(Math.max(0, th[vc]));
                        if (oa == oc) {
                            r[a * n + c] = th[va];
                            if (dR != null) {
                                dR[va][a * n + c] = 1;
                            }
                            continue;
                        }
                        if (st == MultivariateOptions.Struct.DIAG) {
                            r[a * n + c] = 0;
                            continue;
                        }
                        int ri = nVar + (st == MultivariateOptions.Struct.UN ? pair[oa][oc] : 0);
                        double rho = th[ri];
                        r[a * n + c] = rho * ta * tc;
                        if (dR != null) {
                            dR[ri][a * n + c] = ta * tc;
                            if (nVar == 1) {
                                dR[0][a * n + c] = rho;
                            } else {
                                // d(rho ta tc)/d(ta²) = rho tc / (2 ta)
                                if (ta > 0) {
                                    dR[va][a * n + c] += rho * tc / (2 * ta);
                                }
                                if (tc > 0) {
                                    dR[vc][a * n + c] += rho * ta / (2 * tc);
                                }
                            }
                        }
                    }
                }
            }
        };
        MvEngine engine = new MvEngine(y, x, blocks, s, structure);
        boolean reml = o.method() == MultilevelOptions.Method.REML;
        MvFit.Kind[] kinds = new MvFit.Kind[nVar + nRho];
        double[] start = new double[nVar + nRho];
        double vbar = Arrays.stream(vi).filter(v -> v > 0).average().orElse(1);
        for (int j = 0; j < nVar + nRho; j++) {
            kinds[j] = j < nVar ? MvFit.Kind.VARIANCE : MvFit.Kind.CORRELATION;
            start[j] = j < nVar ? vbar : 0.3;
        }
        if (st == MultivariateOptions.Struct.UN && m > 2) {
            // start an unstructured covariance from the heteroscedastic compound-symmetric fit (its variances, its one
            // correlation for every pair): the unstructured likelihood has more than one local maximum
            MultivariateResult hcs = fit(t, o.withStruct(MultivariateOptions.Struct.HCS));
            for (int j = 0; j < nVar; j++) {
                start[j] = Math.max(hcs.tau2()[j], 1e-3 * vbar);
            }
            for (int j = nVar; j < nVar + nRho; j++) {
                start[j] = Math.max(-0.9, Math.min(0.9, hcs.rho()[0]));
            }
        }
        MvFit.Result fit = MvFit.fit(engine, reml, kinds, start, vbar);
        MvEngine.Eval e = fit.eval();
        if (e.beta == null) {
            throw new IllegalArgumentException("the model could not be fitted: " + fit.message());
        }
        boolean tt = o.test() == MultilevelOptions.Test.T;
        int df = k - p;
        double crit = tt ? Dist.tCrit(o.level(), df) : Dist.zCrit(o.level());
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            double se = Math.sqrt(e.vb[j * p + j]);
            double z = e.beta[j] / se;
            coefs.add(new Coefficient(names.get(j), e.beta[j], se, z, tt ? Dist.pT2(z, df) : Dist.pNormal2(z), e.beta[j] - crit * se,
                    e.beta[j] + crit * se));
        }
        double qe = engine.qe();
        // the Wald test of all coefficients (the model has no common intercept)
        double[] l = e.vb.clone();
        double qm = Double.NaN;
        if (MvEngine.cholesky(l, p)) {
            double[] sol = e.beta.clone();
            MvEngine.solveInPlace(l, p, sol, 1);
            qm = 0;
            for (int j = 0; j < p; j++) {
                qm += e.beta[j] * sol[j];
            }
        }
        double qmP = tt ? Dist.pF(qm / p, p, df) : Dist.pChisq(qm, p);
        if (tt) {
            qm /= p;
        }
        double[] theta = fit.theta();
        if (nRho > 0) {
            // metafor does not require the between-trial covariance to be positive semi-definite (only the marginal one);
            // say so when the estimate is not
            double[] c = new double[m * m];
            for (int a = 0; a < m; a++) {
                for (int d = 0; d < m; d++) {
                    c[a * m + d] = a == d ? 1 + 1e-10 : theta[nVar + (st == MultivariateOptions.Struct.UN ? pair[a][d] : 0)];
                }
            }
            if (!MvEngine.cholesky(c, m)) {
                notes.add("the estimated correlations of the outcomes' true effects do not form a valid correlation matrix (as metafor "
                        + "allows, only the marginal covariance must be positive definite): read them with care, or fit DIAG or fewer outcomes");
            }
        }
        if (!fit.converged()) {
            notes.add("the optimiser did not converge: " + fit.message());
        }
        double[][] tau2Ci = new double[0][];
        double[][] rhoCi = new double[0][];
        if (o.profileCi()) {
            double ll = reml ? e.reml : e.ml;
            tau2Ci = new double[nVar][];
            rhoCi = new double[nRho][];
            for (int j = 0; j < nVar + nRho; j++) {
                double[] ci = Multilevel.profileCi(engine, reml, kinds, theta, ll, j, o.level(), Math.max(vbar, j < nVar ? theta[j] : 0), notes);
                if (j < nVar) {
                    tau2Ci[j] = ci;
                } else {
                    rhoCi[j - nVar] = ci;
                }
            }
        }
        return new MultivariateResult(o, levels, coefs, e.vb, Arrays.copyOf(theta, nVar), Arrays.copyOfRange(theta, nVar, nVar + nRho), k, nb, qe, df,
                Dist.pChisq(qe, df), qm, p, qmP, reml ? e.reml : e.ml, fit.converged(), fit.message(), notes, tau2Ci, rhoCi);
    }

}
