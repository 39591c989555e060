package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;
import org.strokemeta.internal.QuasiNewton;
import org.strokemeta.regression.Coefficient;

/**
 * General one-stage mixed models on patient-level data, written as lme4 and ordinal write them:
 * {@code mrs ~ arm * site + age + (1 + age | study) + (1 | study:centre)}. Multi-arm trials (a
 * treatment factor with any number of arms), interactions inside the mixed model (treatment ×
 * occlusion site), random slopes on any covariate, several random terms, nested or crossed, on an
 * ordinal outcome ({@code ordinal::clmm}, logit, probit or complementary log-log link) or a binary one
 * ({@code lme4::glmer(family = binomial)}), with case weights.
 *
 * <p>The likelihood is the Laplace approximation of {@link LaplaceLikelihood}, maximised with its exact
 * gradient (quasi-Newton, then Newton with a central-difference Hessian of that gradient, whose inverse
 * gives the standard errors, as clmm's and glmer's Hessian-based {@code vcov}). For the logit link of a
 * binary outcome it is glmer's objective; for probit and complementary log-log links of a binary outcome
 * it is the Laplace approximation with the observed curvature, as clmm computes it for two categories
 * (glmer's PIRLS uses the expected curvature of non-canonical links, which is a slightly different
 * approximation). Factors are coded by treatment contrasts against their reference level; rows with a
 * missing value in a column of the model are left out, each reported with its line.
 */
public final class MixedModel {
    /** The most random effects in one independent block (dense matrices of this size per evaluation). */
    public static final int MAX_BLOCK = 2000;
    private static final double BOUNDARY = 1e-4;
    /** The Newton decrement at which the optimum is taken as found (the rounding of the sums is about 1e-12). */
    private static final double POLISHED = 1e-18;

    private MixedModel() {
    }

    /** A variable's values: numbers, or factor codes with their levels. */
    private record Column(String name, double[] value, int[] code, List<String> levels, int reference) {
        boolean factor() {
            return code != null;
        }
    }

    /** One design column. */
    private record DesignColumn(String name, double[] values) {
    }

    /**
     * Fits the model to a table of patients.
     *
     * @param t the patients, one row each (or one row per covariate pattern with case weights)
     * @param o the options
     * @return the fit
     * @throws IllegalArgumentException when the formula names a column the table lacks, a value cannot be
     *                                  read (the message names line and column), or the design is degenerate
     */
    public static MixedModelResult fit(Table t, MixedModelOptions o) {
        MixedFormula f = MixedFormula.parse(o.formula());
        for (String c : f.columns()) {
            if (!t.has(c)) {
                throw new InputException(t.source(), 0, c, "the formula names column '" + c + "', which " + t.source()
                        + " does not have (columns: " + String.join(", ", t.columnNames()) + ")");
            }
        }
        if (o.weights() != null && !t.has(o.weights())) {
            throw new InputException(t.source(), 0, o.weights(), "there is no weights column '" + o.weights() + "'");
        }
        for (String c : o.reference().keySet()) {
            if (!f.columns().contains(c)) {
                throw new IllegalArgumentException("a reference level is given for '" + c + "', which the formula does not use");
            }
        }
        List<Note> notes = new ArrayList<>(t.notes());
        // rows with every column of the model present
        List<String> cols = new ArrayList<>(f.columns());
        if (o.weights() != null) {
            cols.add(o.weights());
        }
        int[] keep = new int[t.rows()];
        int n = 0;
        Map<String, List<Integer>> missing = new TreeMap<>();
        double[] allWeights = o.weights() == null ? null : t.numbersOrNaN(o.weights());
        List<Integer> zero = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            String miss = null;
            for (String c : cols) {
                if (t.isBlank(i, c)) {
                    miss = c;
                    break;
                }
            }
            if (miss != null) {
                missing.computeIfAbsent(miss, k -> new ArrayList<>()).add(t.line(i));
                continue;
            }
            if (allWeights != null) {
                double v = allWeights[i];
                if (!(v >= 0) || Double.isInfinite(v) || v != Math.rint(v)) {
                    throw new InputException(t.source(), t.line(i), o.weights(), "a case weight is the number of patients the row "
                            + "stands for, a whole number of 0 or more, not '" + t.text(i, o.weights()) + "'");
                }
                if (v == 0) {
                    zero.add(t.line(i));
                    continue;
                }
            }
            keep[n++] = i;
        }
        if (!zero.isEmpty()) {
            notes.add(new Note(zero.get(0), null, Note.Kind.INFO, zero.size() + (zero.size() == 1 ? " row has" : " rows have")
                    + " weight 0 and " + (zero.size() == 1 ? "is" : "are") + " left out (line" + (zero.size() == 1 ? " " : "s ")
                    + summarise(zero) + ")"));
        }
        keep = Arrays.copyOf(keep, n);
        for (Map.Entry<String, List<Integer>> e : missing.entrySet()) {
            List<Integer> lines = e.getValue();
            notes.add(new Note(lines.get(0), null, Note.Kind.WARNING, lines.size() + (lines.size() == 1 ? " row is" : " rows are")
                    + " left out of the model: " + e.getKey() + " is missing (line" + (lines.size() == 1 ? " " : "s ")
                    + summarise(lines) + ")"));
        }
        if (n == 0) {
            throw new IllegalArgumentException("no row of " + t.source() + " has every column of the model");
        }
        // the response
        boolean binomial = o.family() == MixedModelOptions.Family.BINOMIAL;
        double[] resp = numbers(t, f.response(), keep);
        TreeMap<Double, Integer> values = new TreeMap<>();
        for (int r = 0; r < n; r++) {
            double v = resp[r];
            if (v != Math.rint(v) || (binomial && v != 0 && v != 1)) {
                throw new InputException(t.source(), t.line(keep[r]), f.response(), "'" + t.text(keep[r], f.response())
                        + "' is not " + (binomial ? "0 or 1 (a binary outcome)" : "a whole number (an ordinal category)"));
            }
            values.merge(v, 1, Integer::sum);
        }
        if (values.size() < 2) {
            throw new IllegalArgumentException("every patient has the same outcome (" + fmt(values.firstKey())
                    + "): there is nothing to model");
        }
        List<String> categories = new ArrayList<>();
        Map<Double, Integer> code = new HashMap<>();
        for (double v : values.keySet()) {
            code.put(v, categories.size());
            categories.add(fmt(v));
        }
        int[] y = new int[n];
        for (int r = 0; r < n; r++) {
            int c = code.get(resp[r]);
            // binomial: category 0 = the event, so that P(event) = F(theta − eta) and the coefficients are −beta
            y[r] = binomial ? 1 - c : c;
        }
        double[] w = null;
        double wTotal = n;
        if (o.weights() != null) {
            w = numbers(t, o.weights(), keep);
            wTotal = 0;
            for (int r = 0; r < n; r++) {
                wTotal += w[r];
            }
        }
        // variables
        Map<String, Column> vars = new HashMap<>();
        for (List<MixedFormula.Variable> term : f.fixed()) {
            for (MixedFormula.Variable v : term) {
                variable(t, keep, v, o, vars);
            }
        }
        for (MixedFormula.RandomTerm rt : f.random()) {
            for (List<MixedFormula.Variable> term : rt.effects()) {
                for (MixedFormula.Variable v : term) {
                    variable(t, keep, v, o, vars);
                }
            }
        }
        // fixed design, marginality checked
        List<DesignColumn> design = new ArrayList<>();
        for (List<MixedFormula.Variable> term : f.fixed()) {
            if (term.size() > 1) {
                for (MixedFormula.Variable v : term) {
                    if (!vars.get(key(v)).factor()) {
                        continue;
                    }
                    List<MixedFormula.Variable> rest = new ArrayList<>(term);
                    rest.remove(v);
                    if (!containsTerm(f.fixed(), rest)) {
                        throw new IllegalArgumentException("the interaction " + MixedFormula.label(term) + " needs the term "
                                + MixedFormula.label(rest) + " in the model as well (write " + term.stream()
                                .map(MixedFormula.Variable::label).reduce((a, b) -> a + " * " + b).orElse("") + ")");
                    }
                }
            }
            design.addAll(columns(term, vars, true, n));
        }
        for (DesignColumn c : design) {
            boolean any = false;
            for (double v : c.values()) {
                any |= v != 0;
            }
            if (!any) {
                throw new IllegalArgumentException("the design column " + c.name() + " is 0 for every patient (no patient has "
                        + "that combination): its coefficient cannot be estimated; merge levels or leave the term out");
            }
        }
        int p = design.size();
        double[][] x = new double[p][];
        double[] mean = new double[p];
        for (int j = 0; j < p; j++) {
            double[] v = design.get(j).values().clone();
            double s = 0;
            for (int r = 0; r < n; r++) {
                s += (w == null ? 1 : w[r]) * v[r];
            }
            mean[j] = s / wTotal;
            for (int r = 0; r < n; r++) {
                v[r] -= mean[j];
            }
            x[j] = v;
        }
        String dependent = firstDependent(x, design);
        if (dependent != null) {
            throw new IllegalArgumentException("the design column " + dependent + " is a linear combination of the cut-points "
                    + "(intercept) and the columns before it: its coefficient cannot be estimated; leave a term out");
        }
        // random terms
        int nt = f.random().size();
        int[] q = new int[nt];
        int[][] group = new int[nt][];
        int[] levels = new int[nt];
        double[][][] z = new double[nt][][];
        boolean[] diagonal = new boolean[nt];
        List<List<String>> effectNames = new ArrayList<>();
        List<List<String>> levelNames = new ArrayList<>();
        for (int k = 0; k < nt; k++) {
            MixedFormula.RandomTerm rt = f.random().get(k);
            List<DesignColumn> zc = new ArrayList<>();
            List<String> names = new ArrayList<>();
            if (rt.intercept()) {
                zc.add(new DesignColumn("(Intercept)", null));
            }
            for (List<MixedFormula.Variable> term : rt.effects()) {
                boolean contrasts = rt.intercept() || term != rt.effects().get(0) || term.size() > 1;
                zc.addAll(columns(term, vars, contrasts, n));
            }
            q[k] = zc.size();
            z[k] = new double[q[k]][];
            for (int c = 0; c < q[k]; c++) {
                z[k][c] = zc.get(c).values();
                names.add(zc.get(c).name());
            }
            effectNames.add(names);
            diagonal[k] = !rt.correlated();
            TreeMap<String, Integer> lv = new TreeMap<>();
            String[] keys = new String[n];
            for (int r = 0; r < n; r++) {
                StringBuilder sb = new StringBuilder();
                for (String g : rt.grouping()) {
                    if (sb.length() > 0) {
                        sb.append(':');
                    }
                    sb.append(t.text(keep[r], g));
                }
                keys[r] = sb.toString();
                lv.put(keys[r], 0);
            }
            List<String> ln = new ArrayList<>(lv.keySet());
            for (int i = 0; i < ln.size(); i++) {
                lv.put(ln.get(i), i);
            }
            group[k] = new int[n];
            for (int r = 0; r < n; r++) {
                group[k][r] = lv.get(keys[r]);
            }
            levels[k] = ln.size();
            levelNames.add(ln);
            if (ln.size() < 3) {
                notes.add(new Note(0, null, Note.Kind.WARNING, rt.label() + ": the grouping factor " + rt.groupName() + " has "
                        + ln.size() + (ln.size() == 1 ? " level" : " levels") + "; a variance estimated from so few is unreliable"));
            }
        }
        LaplaceLikelihood.Terms terms = new LaplaceLikelihood.Terms(q, group, levels, z, diagonal);
        LaplaceLikelihood ll = new LaplaceLikelihood(o.link(), y, categories.size(), w, x, terms, o.execution());
        if (ll.largestBlock() > MAX_BLOCK) {
            throw new IllegalArgumentException("the random effects form a block of " + ll.largestBlock() + " linked effects (crossed "
                    + "grouping factors link all their levels), more than the " + MAX_BLOCK + " this implementation handles; "
                    + "nest the factors in the trial or use fewer levels");
        }
        return estimate(f, o, ll, terms, t, keep, y, w, wTotal, x, mean, design, categories, effectNames, levelNames, binomial,
                notes);
    }

    private static MixedModelResult estimate(MixedFormula f, MixedModelOptions o, LaplaceLikelihood ll,
                                             LaplaceLikelihood.Terms terms, Table t, int[] keep, int[] y, double[] w,
                                             double wTotal, double[][] x, double[] mean, List<DesignColumn> design,
                                             List<String> categories, List<List<String>> effectNames,
                                             List<List<String>> levelNames, boolean binomial, List<Note> notes) {
        int n = y.length;
        int nth = ll.nth;
        int p = ll.np;
        int dim = ll.dimension();
        int lo = ll.lambdaOffset();
        double[] x0 = new double[dim];
        double[] typical = new double[dim];
        double[] cum = new double[nth + 1];
        for (int r = 0; r < n; r++) {
            cum[y[r]] += w == null ? 1 : w[r];
        }
        double acc = 0;
        for (int j = 0; j < nth; j++) {
            acc += cum[j];
            x0[j] = o.link().quantile(Math.min(Math.max(acc / wTotal, 1e-6), 1 - 1e-6));
            typical[j] = 0.2;
        }
        for (int j = 0; j < p; j++) {
            typical[lo - p + j] = 0.2 / rms(x[j]);
        }
        int k = lo;
        for (int tm = 0; tm < terms.count(); tm++) {
            for (int c = 0; c < terms.parameters(tm); c++) {
                int[] e = terms.entry(tm, c);
                double sc = 1 / rmsOrOne(terms.z()[tm][e[1]]);
                typical[k] = 0.2 * sc;
                x0[k] = e[0] == e[1] ? 0.5 * sc : 0;
                k++;
            }
        }
        // a second instance computes half of the Hessian's columns beside the first (each keeps its own warm starts)
        LaplaceLikelihood helper = ll.copy();
        QuasiNewton.Result r = QuasiNewton.maximise(ll::evaluate, x0, typical, o.maxIterations(), MixedFit.TOL, null,
                helper::evaluate, o.execution());
        double[] xs = r.x().clone();
        double[] hess = r.hessian().clone();
        double[] grad = r.gradient().clone();
        double value = r.value();
        double[] steps = new double[dim];
        for (int i = 0; i < dim; i++) {
            steps[i] = 1e-4 * typical[i];
        }
        if (r.converged()) {
            // the optimiser's Hessian may come from an earlier iterate: Newton steps with the Hessian at the current
            // point until the decrement is at the rounding of the log-likelihood, so that the standard errors are the
            // curvature at the optimum itself
            for (int it = 0; it < 4; it++) {
                double[] hc = QuasiNewton.centralHessian(ll::evaluate, helper::evaluate, xs, steps, o.execution());
                if (hc == null) {
                    break;
                }
                hess = hc;
                double[] st = QuasiNewton.newtonStep(hc, grad, dim);
                double dec = 0;
                for (int i = 0; st != null && i < dim; i++) {
                    dec += st[i] * grad[i];
                }
                if (st == null || !(dec > POLISHED) || it == 3) {
                    break;
                }
                double[] xt = new double[dim];
                for (int i = 0; i < dim; i++) {
                    xt[i] = xs[i] + st[i];
                }
                double[] gt = new double[dim];
                double vt = ll.evaluate(xt, gt);
                if (!(vt >= value - 1e-9)) {
                    break;
                }
                xs = xt;
                grad = gt;
                value = vt;
            }
        }
        // the boundary: a standard deviation at 0 is a stationary point (the likelihood is even in each column of Λ)
        boolean boundary = false;
        k = lo;
        for (int tm = 0; tm < terms.count(); tm++) {
            for (int c = 0; c < terms.parameters(tm); c++) {
                int[] e = terms.entry(tm, c);
                if (e[0] == e[1] && Math.abs(xs[k]) < BOUNDARY * typical[k] / 0.2) {
                    boundary = true;
                    xs[k] = 0;
                }
                k++;
            }
        }
        if (boundary) {
            value = ll.evaluate(xs, grad);
            double[] again = QuasiNewton.centralHessian(ll::evaluate, helper::evaluate, xs, steps, o.execution());
            if (again != null) {
                hess = again;
            }
        }
        ll.evaluate(xs, new double[dim]);
        int nf = lo;
        double[] covC = MixedFit.fixedCovariance(hess, dim, nf);
        // back to uncentred columns: theta_j = theta_c,j + mean'beta
        double[][] unc = MixedFit.uncentre(xs, covC, nth, nf, mean);
        double[] fixed = unc[0];
        double[] cov = unc[1];
        double maxGrad = 0;
        for (int i = 0; i < dim; i++) {
            double gi = grad[i];
            if (i >= nth && i < nf) {
                for (int j = 0; j < nth; j++) {
                    gi -= mean[i - nth] * grad[j];
                }
            }
            maxGrad = Math.max(maxGrad, Math.abs(gi));
        }
        // binomial: intercept = theta, coefficients = −beta
        double sign = binomial ? -1 : 1;
        List<Coefficient> thresholds = new ArrayList<>();
        for (int j = 0; j < nth; j++) {
            String name = binomial ? "(Intercept)" : categories.get(j) + "|" + categories.get(j + 1);
            thresholds.add(Estimates.wald(name, fixed[j], cov == null ? Double.NaN : Math.sqrt(cov[j * nf + j]), o.level()));
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < p; j++) {
            int i = nth + j;
            coefs.add(Estimates.wald(design.get(j).name(), sign * fixed[i], cov == null ? Double.NaN : Math.sqrt(cov[i * nf + i]), o.level()));
        }
        // variance components and conditional modes b = Λu
        List<MixedModelResult.RandomComponent> comps = new ArrayList<>();
        List<MixedModelResult.Modes> modes = new ArrayList<>();
        double[] u = ll.modes();
        boolean anyBoundary = false;
        for (int tm = 0; tm < terms.count(); tm++) {
            int qt = terms.q()[tm];
            double[] l = new double[qt * qt];
            ll.lambda(xs, tm, l);
            double[] sigma = new double[qt * qt];
            for (int i = 0; i < qt; i++) {
                for (int j = 0; j < qt; j++) {
                    double s = 0;
                    for (int c = 0; c < qt; c++) {
                        s += l[i * qt + c] * l[j * qt + c];
                    }
                    sigma[i * qt + j] = s;
                }
            }
            double[] sd = new double[qt];
            double[] cor = new double[qt * qt];
            boolean bnd = false;
            for (int i = 0; i < qt; i++) {
                sd[i] = Math.sqrt(sigma[i * qt + i]);
                bnd |= !(sd[i] > 0);
            }
            for (int i = 0; i < qt; i++) {
                for (int j = 0; j < qt; j++) {
                    cor[i * qt + j] = i == j ? 1 : sd[i] > 0 && sd[j] > 0
                            ? Math.max(-1, Math.min(1, sigma[i * qt + j] / (sd[i] * sd[j]))) : Double.NaN;
                    if (i != j && Math.abs(cor[i * qt + j]) > 1 - 1e-6) {
                        bnd = true;
                    }
                }
            }
            anyBoundary |= bnd;
            MixedFormula.RandomTerm rt = f.random().get(tm);
            comps.add(new MixedModelResult.RandomComponent(rt.label(), rt.groupName(), terms.levels()[tm], effectNames.get(tm), sd,
                    cor, bnd));
            List<double[]> vals = new ArrayList<>();
            int base = ll.modeOffset(tm);
            for (int g = 0; g < terms.levels()[tm]; g++) {
                double[] b = new double[qt];
                for (int i = 0; i < qt; i++) {
                    double s = 0;
                    for (int c = 0; c < qt; c++) {
                        s += l[i * qt + c] * u[base + g * qt + c];
                    }
                    b[i] = sign * s;
                }
                vals.add(b);
            }
            modes.add(new MixedModelResult.Modes(rt.label(), levelNames.get(tm), vals));
            if (bnd) {
                notes.add(new Note(0, null, Note.Kind.INFO, rt.label() + ": an estimate lies on the boundary (a standard deviation "
                        + "of 0 or a correlation of ±1): the data do not support this random-effects structure in full; consider a "
                        + "simpler one"));
            }
        }
        boolean diverged = false;
        for (double v : fixed) {
            diverged |= Math.abs(v) > 1e3;
        }
        for (int j = 0; j < p; j++) {
            diverged |= Math.abs(xs[nth + j]) * 0.2 / typical[nth + j] > 20;
        }
        boolean converged = r.converged() && ll.innerFailures == 0 && covC != null && !diverged;
        String message = diverged ? "the estimates diverge: the outcome is separated by a term of the model, and the likelihood "
                + "has no finite maximum"
                : !r.converged() ? r.message()
                : ll.innerFailures > 0 ? "the conditional modes of " + ll.innerFailures + " block(s) of random effects were not found"
                : covC == null ? "the Hessian of the cut-points and coefficients is not negative definite" : r.message();
        if (!converged) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the model did not converge (" + message + "): its estimates are not valid"));
        }
        int npar = dim;
        double aic = -2 * value + 2 * npar;
        double bic = -2 * value + Math.log(wTotal) * npar;
        String method = (binomial ? "binary " + o.link().rName() + " mixed model (as lme4::glmer" + (o.link() == org.strokemeta.ordinal.Link.LOGIT
                ? ")" : "; the Laplace approximation with the observed curvature, as ordinal::clmm for two categories)")
                : "cumulative " + o.link().rName() + " mixed model (as ordinal::clmm)") + ", Laplace approximation"
                + (anyBoundary ? "" : "");
        return new MixedModelResult(method, f, o, n, wTotal, binomial ? List.of("0", "1") : categories, thresholds, coefs, comps,
                modes, value, npar, aic, bic, r.iterations(), r.evaluations(), maxGrad, converged, message, notes, simulated(t, keep));
    }

    /** Whether a kept row is marked simulated (the data dictionary's {@code simulated} column). */
    private static boolean simulated(Table t, int[] keep) {
        if (!t.has("simulated")) {
            return false;
        }
        for (int r : keep) {
            if (t.text(r, "simulated").equals("1")) {
                return true;
            }
        }
        return false;
    }

    private static String key(MixedFormula.Variable v) {
        return v.label();
    }

    private static boolean containsTerm(List<List<MixedFormula.Variable>> terms, List<MixedFormula.Variable> t) {
        for (List<MixedFormula.Variable> s : terms) {
            if (s.size() == t.size() && s.containsAll(t)) {
                return true;
            }
        }
        return false;
    }

    private static double[] numbers(Table t, String col, int[] keep) {
        double[] all = t.numbersOrNaN(col);
        double[] out = new double[keep.length];
        for (int r = 0; r < keep.length; r++) {
            out[r] = all[keep[r]];
            if (!Double.isFinite(out[r])) {
                throw new InputException(t.source(), t.line(keep[r]), col, "'" + t.text(keep[r], col) + "' is not a number");
            }
        }
        return out;
    }

    private static void variable(Table t, int[] keep, MixedFormula.Variable v, MixedModelOptions o, Map<String, Column> vars) {
        if (vars.containsKey(key(v))) {
            return;
        }
        String col = v.column();
        double[] all = t.numbersOrNaN(col);
        boolean numeric = true;
        for (int r : keep) {
            numeric &= Double.isFinite(all[r]);
        }
        if (numeric && !v.factor()) {
            double[] val = new double[keep.length];
            for (int r = 0; r < keep.length; r++) {
                val[r] = all[keep[r]];
            }
            if (o.reference().containsKey(col)) {
                throw new IllegalArgumentException("a reference level is given for '" + col + "', a numeric column; write factor("
                        + col + ") in the formula to treat it as a factor");
            }
            vars.put(key(v), new Column(v.label(), val, null, null, -1));
            return;
        }
        // a factor: levels sorted as R sorts them (numerically for numbers)
        String[] text = new String[keep.length];
        for (int r = 0; r < keep.length; r++) {
            text[r] = t.text(keep[r], col);
        }
        java.util.Comparator<String> order = numeric ? java.util.Comparator.comparingDouble(Double::parseDouble)
                : java.util.Comparator.naturalOrder();
        TreeMap<String, Integer> lv = new TreeMap<>(order);
        for (String s : text) {
            lv.put(numeric ? fmt(Double.parseDouble(s)) : s, 0);
        }
        List<String> levels = new ArrayList<>(lv.keySet());
        for (int i = 0; i < levels.size(); i++) {
            lv.put(levels.get(i), i);
        }
        int[] code = new int[keep.length];
        for (int r = 0; r < keep.length; r++) {
            code[r] = lv.get(numeric ? fmt(Double.parseDouble(text[r])) : text[r]);
        }
        int ref = 0;
        String want = o.reference().get(col);
        if (want != null) {
            ref = levels.indexOf(want);
            if (ref < 0) {
                throw new IllegalArgumentException("the reference level '" + want + "' of " + col + " does not occur (levels: "
                        + String.join(", ", levels) + ")");
            }
        }
        if (levels.size() < 2) {
            throw new IllegalArgumentException("the factor " + v.label() + " has a single level (" + levels.get(0)
                    + ") among the patients in the model: it has no effect to estimate");
        }
        vars.put(key(v), new Column(v.label(), null, code, levels, ref));
    }

    /**
     * The design columns of a term: the product of its numeric variables times, for each factor, its
     * indicators (the non-reference levels with {@code contrasts}, every level without), the first
     * factor's levels varying fastest, named as R names them.
     */
    private static List<DesignColumn> columns(List<MixedFormula.Variable> term, Map<String, Column> vars, boolean contrasts, int n) {
        List<DesignColumn> out = new ArrayList<>();
        out.add(new DesignColumn("", null));
        for (MixedFormula.Variable v : term) {
            Column c = vars.get(key(v));
            List<DesignColumn> next = new ArrayList<>();
            if (!c.factor()) {
                for (DesignColumn d : out) {
                    double[] val = new double[n];
                    for (int r = 0; r < n; r++) {
                        val[r] = (d.values() == null ? 1 : d.values()[r]) * c.value()[r];
                    }
                    next.add(new DesignColumn(join(d.name(), c.name()), val));
                }
            } else {
                for (int lv = 0; lv < c.levels().size(); lv++) {
                    if (contrasts && lv == c.reference()) {
                        continue;
                    }
                    for (DesignColumn d : out) {
                        double[] val = new double[n];
                        for (int r = 0; r < n; r++) {
                            val[r] = c.code()[r] == lv ? (d.values() == null ? 1 : d.values()[r]) : 0;
                        }
                        next.add(new DesignColumn(join(d.name(), c.name() + c.levels().get(lv)), val));
                    }
                }
                // R varies the first factor fastest: reorder so that earlier variables vary fastest
                List<DesignColumn> reordered = new ArrayList<>();
                int per = out.size();
                int lvls = next.size() / per;
                for (int lv = 0; lv < lvls; lv++) {
                    for (int d = 0; d < per; d++) {
                        reordered.add(next.get(lv * per + d));
                    }
                }
                next = reordered;
            }
            out = next;
        }
        return out;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : a + ":" + b;
    }

    /** The first column that is (numerically) a linear combination of the constant and the columns before it. */
    private static String firstDependent(double[][] x, List<DesignColumn> design) {
        int p = x.length;
        List<double[]> basis = new ArrayList<>();
        int n = p == 0 ? 0 : x[0].length;
        for (int j = 0; j < p; j++) {
            double[] v = x[j].clone();
            double norm0 = 0;
            for (double d : design.get(j).values()) {
                norm0 += d * d;
            }
            for (int pass = 0; pass < 2; pass++) {
                for (double[] b : basis) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += b[r] * v[r];
                    }
                    for (int r = 0; r < n; r++) {
                        v[r] -= dot * b[r];
                    }
                }
            }
            double norm = 0;
            for (double d : v) {
                norm += d * d;
            }
            if (!(norm > 1e-18 * Math.max(norm0, 1e-300))) {
                return design.get(j).name();
            }
            double s = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                v[r] /= s;
            }
            basis.add(v);
        }
        return null;
    }

    private static double rms(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        double r = Math.sqrt(s / v.length);
        return r > 0 ? r : 1;
    }

    private static double rmsOrOne(double[] v) {
        return v == null ? 1 : rms(v);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String summarise(List<Integer> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(lines.size(), 10); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(lines.get(i));
        }
        if (lines.size() > 10) {
            sb.append(", … and ").append(lines.size() - 10).append(" more");
        }
        return sb.toString();
    }
}
