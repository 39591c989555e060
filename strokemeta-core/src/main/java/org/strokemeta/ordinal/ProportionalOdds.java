package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/**
 * Maximum-likelihood fitting of the proportional-odds (cumulative-logit) model
 * {@code logit P(Y <= j | x) = theta_{s,j} − x'beta} (McCullagh 1980) to patient-level data or to
 * tables of counts, with cut-points common to all trials or stratified by trial. The estimates,
 * standard errors and log-likelihood are those of R's {@code ordinal::clm} (Christensen 2022):
 * {@code clm(y ~ treatment + covariates)} for common cut-points,
 * {@code clm(y ~ treatment + covariates, nominal = ~study)} for stratified ones, with
 * {@code weights = count} for tables.
 *
 * <p>The algorithm is clm's Newton-Raphson ({@code clm.fit.NR}): analytic gradient and Hessian,
 * step halving when the log-likelihood does not increase, a ridge added to the Hessian when it is
 * not positive definite, and convergence when the largest absolute gradient is below
 * {@link PoOptions#gradientTolerance()}, the largest Newton step is below clm's {@code relTol} = 1e-6
 * and, measured in standard errors, below {@link PoOptions#stepTolerance()}. Standard errors come
 * from the inverse of the observed information at the solution. The log-likelihood is concave in
 * the parameters (Pratt, JASA 1981), so the iteration finds the maximum whenever one exists; when
 * none exists (complete or quasi-complete separation) the estimates run off to infinity, which is
 * detected and reported instead of a number, and so are parameters that are not identifiable.
 *
 * <p>Large data sets (more than {@link #SUBSAMPLE_ABOVE} rows) start from the fit to a systematic
 * subsample, so that the full data are passed over only three or four times.
 */
public final class ProportionalOdds {
    /** clm's limit on consecutive ridge-modified Newton steps ({@code maxModIter}). */
    private static final int MAX_MODIFIED = 5;

    /**
     * Above this many observations the iteration starts from a fit to a systematic subsample of
     * about {@link #SUBSAMPLE} observations: its estimate lies within a few standard errors of the
     * full one, where Newton's method converges quadratically, so the full data are passed over
     * fewer times. The final iterations and every reported quantity use all observations.
     */
    static final int SUBSAMPLE_ABOVE = 250_000;
    static final int SUBSAMPLE = 65_536;

    /**
     * A Newton step this long (absolute) while the gradient already meets its criterion means the
     * log-likelihood is flat along a direction in which the estimates move without end; clm stops
     * after 5 such iterations with a warning, strokemeta reports divergence after 3.
     */
    private static final double FLAT_STEP = 1e-3;
    /** The largest absolute Newton step at convergence, clm's {@code relTol} (1e-6). */
    private static final double ABS_STEP = 1e-6;
    private static final int FLAT_ITERATIONS = 3;

    /**
     * A scaled condition number beyond this means columns that are linearly dependent to within
     * rounding (for example the same covariate in two units): a flat ridge, not separation.
     */
    private static final double COLLINEAR = 1e13;

    /**
     * Above this condition number of the information scaled to unit diagonal (the correlation form,
     * free of the covariates' units) fewer than 6 digits of the standard errors are meaningful.
     */
    private static final double MAX_SCALED_CONDITION = 1e10;

    private ProportionalOdds() {
    }

    /**
     * Fits patient-level data: treatment and the data's covariates.
     *
     * @param d the patients
     * @param o the fit options
     * @return the fit: cut-points, coefficients (clm's sign: negative = better with treatment) and the log
     *         common odds ratio, as ordinal::clm
     */
    public static ProportionalOddsFit fit(PatientData d, PoOptions o) {
        return fit(OrdinalRows.of(o.prepare(d)), o, false, null);
    }

    /**
     * Fits a table of counts (one-stage): treatment is the only covariate, counts are case weights.
     *
     * @param t the table
     * @param o the fit options
     * @return the fit, as ordinal::clm(mrs ~ treatment, weights = count)
     */
    public static ProportionalOddsFit fit(OrdinalTable t, PoOptions o) {
        return fit(OrdinalRows.of(o.prepare(t)), o, false, null);
    }

    static ProportionalOddsFit fit(OrdinalRows rows, PoOptions o, boolean nominal, double[] start) {
        OrdinalDesign d = OrdinalDesign.build(rows, o.thresholds(), o.emptyCategories(), nominal, o.execution());
        return fit(d, o, start);
    }

    /** Newton-Raphson from {@code start} (or from a subsample fit, or the design's start values, when null). */
    static ProportionalOddsFit fit(OrdinalDesign d, PoOptions o, double[] start) {
        if (start == null && d.n > SUBSAMPLE_ABOVE) {
            start = subsampleStart(d, o);
        }
        return fit(d, new Likelihood(d, o.execution(), o.link()), o, start);
    }

    /** The estimate on a subsample, or null when that fit does not settle. */
    private static double[] subsampleStart(OrdinalDesign d, PoOptions o) {
        OrdinalDesign sub = d.subsample(d.n / SUBSAMPLE);
        return sampleStart(sub, new Likelihood(sub, o.execution(), o.link()), o);
    }

    /** The estimate on a sample of the data, whose log-likelihood {@code lik} gives, or null when that fit does not settle. */
    static double[] sampleStart(OrdinalLayout d, LikelihoodEvaluator lik, PoOptions o) {
        try {
            Iterate it = newton(d, lik, o, null);
            return it.converged ? it.par : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The state at the end of the iteration. */
    private record Iterate(double[] par, Likelihood.Value value, int iterations, boolean converged, boolean diverged,
                           String message) {
    }

    /**
     * Newton-Raphson on the log-likelihood {@code lik} gives, over data of layout {@code d}, and the fit at its end:
     * the one loop of every proportional-odds fit, whether the data are held in one design or summed over parts.
     */
    static ProportionalOddsFit fit(OrdinalLayout d, LikelihoodEvaluator lik, PoOptions o, double[] start) {
        Iterate it = newton(d, lik, o, start);
        return result(d, o, it.par, it.value, it.iterations, it.converged, it.diverged, it.message);
    }

    private static Iterate newton(OrdinalLayout d, LikelihoodEvaluator lik, PoOptions o, double[] start) {
        double gradTol = o.gradientTolerance();
        double stepTol = o.stepTolerance();
        int np = d.parameters;
        double[] par = start != null ? start.clone() : d.start(o.link());
        Likelihood.Value v = lik.evaluate(par);
        if (!v.finite() && start != null) {
            par = d.start(o.link());
            v = lik.evaluate(par);
        }
        if (!v.finite()) {
            return new Iterate(par, v, 0, false, false, "the log-likelihood cannot be computed at the start values "
                    + "(counts or covariates too extreme for double precision): no estimate");
        }
        boolean converged = false;
        boolean diverged = false;
        String message = null;
        int iter = 0;
        double startCond = scaledConditionNumber(DMatrixRMaj.wrap(np, np, v.hessian()));
        if (!(startCond < COLLINEAR)) {
            return new Iterate(par, v, 0, false, false, notIdentifiable(startCond));
        }
        int modified = 0;
        int flat = 0;
        double[] step = new double[np];
        while (true) {
            org.strokemeta.internal.Cancellation.check();
            double maxGrad = maxAbs(v.gradient());
            boolean absConv = maxGrad < gradTol;
            Newton nt = newtonStep(v, np, step);
            if (nt == null) {
                message = absConv ? "the information matrix is singular at the maximum: some parameters are not identifiable"
                        : "the Newton step could not be computed (information matrix singular)";
                break;
            }
            modified = nt.modified ? modified + 1 : 0;
            if (modified >= MAX_MODIFIED) {
                message = "the information matrix stayed indefinite for " + MAX_MODIFIED + " iterations";
                break;
            }
            flat = absConv && nt.absStep > FLAT_STEP ? flat + 1 : 0;
            if (flat >= FLAT_ITERATIONS) {
                double cond = scaledConditionNumber(DMatrixRMaj.wrap(np, np, v.hessian()));
                if (cond < COLLINEAR) {
                    diverged = true;
                    message = flatDirection(d, step);
                } else {
                    message = notIdentifiable(cond);
                }
                break;
            }
            if (absConv && !nt.modified && nt.relStep < stepTol && nt.absStep < ABS_STEP) {
                converged = true;
                message = "converged: largest gradient " + fmt(maxGrad) + ", largest step " + fmt(nt.relStep)
                        + " standard errors";
                break;
            }
            if (iter >= o.maxIterations()) {
                message = "did not converge in " + o.maxIterations() + " iterations (largest gradient " + fmt(maxGrad) + ")";
                break;
            }
            // step halving on the log-likelihood
            double factor = 1;
            double[] trial = new double[np];
            Likelihood.Value tv;
            int halvings = 0;
            boolean accepted;
            while (true) {
                for (int i = 0; i < np; i++) {
                    trial[i] = par[i] - factor * step[i];
                }
                tv = lik.evaluate(trial);
                accepted = tv.finite() && (tv.nll() <= v.nll()
                        || (Math.abs(tv.nll() - v.nll()) < 1e-10 * Math.max(1, Math.abs(v.nll()))
                        && maxAbs(tv.gradient()) < maxGrad));
                if (accepted || halvings >= o.maxHalvings()) {
                    break;
                }
                factor /= 2;
                halvings++;
            }
            iter++;
            if (!accepted) {
                if (absConv) {
                    // the gradient criterion holds and no step improves the log-likelihood: clm's
                    // convergence code 1, the maximum to the precision of the arithmetic
                    converged = true;
                    message = "converged: largest gradient " + fmt(maxGrad)
                            + " (no further increase of the log-likelihood is possible in double precision)";
                } else {
                    message = "step halving failed to increase the log-likelihood (largest gradient " + fmt(maxGrad) + ")";
                }
                break;
            }
            par = trial;
            v = tv;
            String div = divergence(d, par, o.divergenceBound());
            if (div != null) {
                diverged = true;
                message = div;
                break;
            }
        }
        return new Iterate(par, v, iter, converged, diverged, message);
    }

    private record Newton(boolean modified, double relStep, double absStep) {
    }

    private static String notIdentifiable(double cond) {
        return "the information matrix is singular (condition number " + fmt(cond) + " after scaling to unit diagonal):"
                + " some parameters are not identifiable, for example collinear covariates or a covariate that is a"
                + " combination of others";
    }

    private static String flatDirection(OrdinalLayout d, double[] step) {
        int worst = 0;
        for (int i = 1; i < step.length; i++) {
            if (Math.abs(step[i]) > Math.abs(step[worst])) {
                worst = i;
            }
        }
        String what = worst >= d.betaStart ? "the coefficient of " + d.betaNames.get(worst - d.betaStart)
                : worst >= d.nominalStart && d.nominalCount() > 0 ? "a cut-point-specific treatment effect" : "a cut-point";
        return "the estimates diverge: the log-likelihood keeps increasing while " + what + " moves without bound, so the"
                + " likelihood has no finite maximum. This is complete or quasi-complete separation (no overlap of the"
                + " outcome between the arms, or along a covariate, across some cut-point). Merge categories, or leave out"
                + " the trial or covariate concerned.";
    }

    /**
     * Solves H step = g with a Cholesky factorisation of the negative log-likelihood's Hessian,
     * adding |smallest eigenvalue| + 1 to its diagonal when it is not positive definite (as clm).
     */
    private static Newton newtonStep(Likelihood.Value v, int np, double[] step) {
        DMatrixRMaj h = DMatrixRMaj.wrap(np, np, v.hessian().clone());
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(np);
        boolean modified = false;
        if (!chol.setA(h.copy())) {
            double min = eigenvalues(h)[0];
            if (!Double.isFinite(min)) {
                return null;
            }
            DMatrixRMaj r = h.copy();
            double add = Math.abs(min) + 1;
            for (int i = 0; i < np; i++) {
                r.add(i, i, add);
            }
            if (!chol.setA(r)) {
                return null;
            }
            modified = true;
        }
        DMatrixRMaj g = DMatrixRMaj.wrap(np, 1, v.gradient().clone());
        DMatrixRMaj s = new DMatrixRMaj(np, 1);
        chol.solve(g, s);
        DMatrixRMaj inv = new DMatrixRMaj(np, np);
        chol.invert(inv);
        double rel = 0;
        double abs = 0;
        for (int i = 0; i < np; i++) {
            step[i] = s.get(i, 0);
            double se = Math.sqrt(inv.get(i, i));
            rel = Math.max(rel, Math.abs(step[i]) / se);
            abs = Math.max(abs, Math.abs(step[i]));
        }
        return new Newton(modified, Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel,
                Double.isNaN(abs) ? Double.POSITIVE_INFINITY : abs);
    }

    /** A message when a coefficient has run off beyond any plausible value, else null. */
    private static String divergence(OrdinalLayout d, double[] par, double bound) {
        for (int k = 0; k < d.p(); k++) {
            double b = par[d.betaStart + k];
            double sd = d.columnSd[k];
            if (Math.abs(b) * sd > bound) {
                String name = d.betaNames.get(k);
                return "the estimates diverge: the coefficient of " + name + " passed " + fmt(b)
                        + (sd > 0 ? " (" + fmt(Math.abs(b) * sd) + " on the log-odds scale per standard deviation)" : "")
                        + ", so the likelihood has no finite maximum. This is complete or quasi-complete separation: "
                        + ("treatment".equals(name) ? "the outcome categories of the two arms do not overlap across some"
                        + " cut-point" : "the outcome is perfectly ordered by " + name + " across some cut-point")
                        + ". Merge categories, or leave out the trial or covariate concerned.";
            }
        }
        for (int j = 0; j < d.nominalCount(); j++) {
            double g = par[d.nominalStart + j];
            if (Math.abs(g) > 2 * bound) {
                return "the estimates diverge: the treatment effect at cut-point " + j + "|" + (j + 1) + " passed "
                        + fmt(g) + ", so the partial proportional-odds model has no finite maximum (the arms do not"
                        + " overlap across that cut-point)";
            }
        }
        for (double p : par) {
            if (!(Math.abs(p) < 1e8)) {
                return "the estimates diverge: a cut-point passed " + fmt(p) + ", so the likelihood has no finite maximum";
            }
        }
        return null;
    }

    private static ProportionalOddsFit result(OrdinalLayout d, PoOptions o, double[] par,
                                              Likelihood.Value v, int iter, boolean converged, boolean diverged,
                                              String message) {
        int np = d.parameters;
        DMatrixRMaj h = DMatrixRMaj.wrap(np, np, v.hessian().clone());
        DMatrixRMaj inv = new DMatrixRMaj(np, np);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(np);
        boolean pd = chol.setA(h.copy());
        double[] eig = eigenvalues(h);
        double cond = eig[0] > 0 ? eig[eig.length - 1] / eig[0] : Double.POSITIVE_INFINITY;
        double scaledCond = scaledConditionNumber(h);
        if (pd && scaledCond < MAX_SCALED_CONDITION) {
            chol.invert(inv);
        } else if (pd) {
            chol.invert(inv);
            if (converged) {
                converged = false;
                message = "the information matrix is nearly singular (condition number " + fmt(scaledCond) + " after"
                        + " scaling to unit diagonal): some parameters are not identifiable, for example collinear"
                        + " covariates";
            }
        } else {
            inv.fill(Double.NaN);
            if (converged) {
                converged = false;
                message = "the information matrix is singular at the maximum (condition number " + fmt(cond)
                        + "): some parameters are not identifiable, for example collinear covariates";
            }
        }
        List<Note> notes = new ArrayList<>(d.notes);
        if (!converged) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "proportional-odds fit: " + message
                    + "; its estimates are not valid"));
        }
        int strata = d.strata();
        int cats = d.categories;
        double[][] cut = new double[strata][cats - 1];
        double[][] cutSe = new double[strata][cats - 1];
        for (int s = 0; s < strata; s++) {
            int present = 0;
            for (int j = 0; j < cats - 1; j++) {
                if (d.categoryMap[s][j] >= 0) {
                    present++;
                }
                // cut j separates categories <= j from > j: the (present)-th compact cut
                if (present == 0) {
                    cut[s][j] = Double.NEGATIVE_INFINITY;
                    cutSe[s][j] = Double.NaN;
                } else if (present > d.cuts[s]) {
                    cut[s][j] = Double.POSITIVE_INFINITY;
                    cutSe[s][j] = Double.NaN;
                } else {
                    // a cut-point beside an empty category shares its parameter with its neighbour
                    int idx = d.cutStart[s] + present - 1;
                    cut[s][j] = par[idx];
                    cutSe[s][j] = Math.sqrt(inv.get(idx, idx));
                }
            }
        }
        int p = d.p();
        double[] beta = new double[p];
        double[] se = new double[p];
        double[][] vc = new double[p][p];
        for (int k = 0; k < p; k++) {
            beta[k] = par[d.betaStart + k];
            se[k] = Math.sqrt(inv.get(d.betaStart + k, d.betaStart + k));
            for (int l = 0; l < p; l++) {
                vc[k][l] = inv.get(d.betaStart + k, d.betaStart + l);
            }
        }
        int nn = d.nominalCount();
        double[] ce = new double[nn];
        double[] ceSe = new double[nn];
        for (int j = 0; j < nn; j++) {
            ce[j] = par[d.nominalStart + j];
            ceSe[j] = Math.sqrt(inv.get(d.nominalStart + j, d.nominalStart + j));
        }
        return new ProportionalOddsFit(d.thresholds, List.of(d.strataNames), cut, cutSe, d.betaNames, beta, se, vc, ce,
                ceSe, -v.nll(), (int) d.observations, d.totalWeight, np, iter, converged, message, maxAbs(v.gradient()), cond, diverged,
                o.level(), notes);
    }

    /** The condition number of D^−½ H D^−½ with D the diagonal of H. */
    private static double scaledConditionNumber(DMatrixRMaj h) {
        int n = h.numRows;
        DMatrixRMaj c = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            double di = h.get(i, i);
            if (!(di > 0)) {
                return Double.POSITIVE_INFINITY;
            }
            for (int j = 0; j < n; j++) {
                c.set(i, j, h.get(i, j) / Math.sqrt(di * h.get(j, j)));
            }
        }
        double[] e = eigenvalues(c);
        return e[0] > 0 ? e[n - 1] / e[0] : Double.POSITIVE_INFINITY;
    }

    /** Eigenvalues of a symmetric matrix, ascending (NaN when the decomposition fails). */
    static double[] eigenvalues(DMatrixRMaj m) {
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, false, true);
        double[] out = new double[n];
        if (!eig.decompose(m.copy())) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int i = 0; i < n; i++) {
            out[i] = eig.getEigenvalue(i).real;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) {
            m = Math.max(m, Math.abs(v));
        }
        return Double.isNaN(m) ? Double.POSITIVE_INFINITY : m;
    }

    static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, "%.3g", v);
    }
}
