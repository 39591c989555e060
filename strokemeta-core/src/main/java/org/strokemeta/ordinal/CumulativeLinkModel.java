package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.CumulativeLogit;
import org.strokemeta.internal.Dist;
import org.strokemeta.regression.Coefficient;

/**
 * The cumulative link model with nominal and scale effects of R's {@code ordinal::clm} (Christensen 2022,
 * "Cumulative link models for ordinal regression with the R package ordinal", sections 2.3 and 2.4):
 * {@code P(Y <= j | x) = F((theta_{s,j} + n'gamma_j − x'beta) / exp(z'zeta))}, as
 * {@code clm(y ~ treatment + x, nominal = ~ study + n, scale = ~ z, link)} for cut-points per trial and
 * {@code clm(y ~ treatment + x, nominal = ~ n, scale = ~ z, link)} for common ones.
 *
 * <p>A nominal effect gamma_j of a covariate n shifts the cut-point j|j+1 by gamma_j per unit of n (clm's
 * rows of {@code alpha.mat}: a positive value makes categories at or below j more likely); a nominal covariate
 * has no location coefficient. A scale effect zeta_k divides the linear predictor by exp(z'zeta), so a
 * positive value spreads the latent distribution of the patients with larger z (clm's {@code zeta}). Treatment
 * stays a location effect (its cut-point-specific effects are the test of {@link PartialProportionalOdds}); it
 * may be a scale variable.
 *
 * <p>Maximum likelihood by Newton-Raphson with the analytic gradient and Hessian, per observation, with step
 * halving and a ridge when the Hessian is not positive definite (as clm's {@code clm.fit.NR}), to an absolute
 * Newton step below 1e-10; standard errors from the inverse observed information. Case weights of the patients
 * ({@link PatientData#weights()}) multiply each observation's terms, as clm's {@code weights}.
 */
public final class CumulativeLinkModel {
    private static final int MAX_ITERATIONS = 200;
    private static final double STEP_TOLERANCE = 1e-10;

    private CumulativeLinkModel() {
    }

    /**
     * The fitted model.
     *
     * @param method       the model in words, with the R call it matches
     * @param location     treatment and the location covariates (clm's {@code beta}; positive = worse)
     * @param nominal      the nominal effects, named {@code "j|j+1.x"} as clm names them (each added to its cut-point)
     * @param scale        the scale effects (clm's {@code zeta}), named by their variable
     * @param cutPoints    the cut-points at nominal covariates of 0: each trial's, or the common ones
     * @param logLik       the log-likelihood
     * @param parameters   the number of parameters
     * @param patients     the patients (the sum of the case weights)
     * @param iterations   Newton iterations
     * @param converged    false when the fit did not converge (then nothing is valid)
     * @param message      how the fit ended
     * @param notes        remarks
     * @serial exclude
     */
    public record Fit(String method, List<Coefficient> location, List<Coefficient> nominal, List<Coefficient> scale,
                      List<CutPoint> cutPoints, double logLik, int parameters, int patients, int iterations,
                      boolean converged, String message, List<Note> notes) implements java.io.Serializable {
        /**
         * Copies the lists (see the record's components).
         *
         * @param method     the model in words
         * @param location   treatment and the location covariates
         * @param nominal    the nominal effects
         * @param scale      the scale effects
         * @param cutPoints  the cut-points
         * @param logLik     the log-likelihood
         * @param parameters the number of parameters
         * @param patients   the patients
         * @param iterations Newton iterations
         * @param converged  whether the fit converged
         * @param message    how the fit ended
         * @param notes      remarks
         */
        public Fit {
            location = List.copyOf(location);
            nominal = List.copyOf(nominal);
            scale = List.copyOf(scale);
            cutPoints = List.copyOf(cutPoints);
            notes = List.copyOf(notes);
        }

        /**
         * The location coefficient of treatment.
         *
         * @return clm's beta of treatment (negative = better with treatment)
         */
        public Coefficient treatment() {
            return location.get(0);
        }

        /**
         * Akaike's information criterion, as clm's {@code AIC}.
         *
         * @return −2 log-likelihood + 2 × the parameters
         */
        public double aic() {
            return -2 * logLik + 2 * parameters;
        }
    }

    /**
     * Fits the model to the patients: treatment and the data's covariates as location effects, except the
     * nominal ones.
     *
     * @param d       the patients (covariates: the location, nominal and scale columns)
     * @param o       the options: cut-points per trial or common, the link, the merge of categories, the level
     * @param nominal covariates with an effect per cut-point (not treatment)
     * @param scale   covariates (or treatment) of the scale
     * @return the fit
     * @throws IllegalArgumentException if a nominal or scale variable is not a covariate of the data, or treatment is nominal
     * @throws InputException           if a trial (or, with common cut-points, the data) lacks an outcome category
     */
    public static Fit fit(PatientData d, PoOptions o, List<String> nominal, List<String> scale) {
        d = o.prepare(d);
        List<String> nom = List.copyOf(new LinkedHashSet<>(nominal));
        List<String> sca = List.copyOf(new LinkedHashSet<>(scale));
        if (nom.contains("treatment")) {
            throw new IllegalArgumentException("treatment cannot have a nominal effect here: its cut-point-specific effects"
                    + " are the proportional-odds test");
        }
        for (String n : nom) {
            if (!d.covariateNames().contains(n)) {
                throw new IllegalArgumentException("the nominal variable '" + n + "' is not one of the covariates ("
                        + String.join(", ", d.covariateNames()) + ")");
            }
        }
        for (String n : sca) {
            if (!"treatment".equals(n) && !d.covariateNames().contains(n)) {
                throw new IllegalArgumentException("the scale variable '" + n + "' is neither treatment nor one of the"
                        + " covariates (" + String.join(", ", d.covariateNames()) + ")");
            }
        }
        return new Problem(d, o, nom, sca).fit();
    }

    /** The data and parameter layout of one fit. */
    private static final class Problem {
        final PatientData d;
        final PoOptions o;
        final Link link;
        final int n;
        final int cats;
        final int strata;
        final int[] stratum;
        final String[] strataNames;
        final List<String> locNames = new ArrayList<>();
        final double[][] x;
        final List<String> nomNames;
        final double[][] nx;
        final List<String> scaNames;
        final double[][] z;
        final int nomStart;
        final int betaStart;
        final int zetaStart;
        final int np;
        final List<Note> notes;

        Problem(PatientData d, PoOptions o, List<String> nom, List<String> sca) {
            this.d = d;
            this.o = o;
            link = o.link();
            n = d.size();
            cats = d.categories();
            boolean strat = o.thresholds() == Thresholds.STRATIFIED;
            strata = strat ? d.studies() : 1;
            strataNames = strat ? d.studyNames() : new String[] {d.studies() == 1 ? d.studyNames(0) : "all trials"};
            stratum = new int[n];
            double[][] counts = new double[strata][cats];
            for (int i = 0; i < n; i++) {
                stratum[i] = strat ? d.study(i) : 0;
                counts[stratum[i]][d.outcome(i)] += d.weight(i);
            }
            List<String> empty = new ArrayList<>();
            for (int s = 0; s < strata; s++) {
                for (int j = 0; j < cats; j++) {
                    if (counts[s][j] == 0) {
                        empty.add((strat ? strataNames[s] + ": " : "") + "category " + j);
                    }
                }
            }
            if (!empty.isEmpty()) {
                throw InputException.of(d.source(), "no patient in " + String.join("; ", empty.subList(0, Math.min(8, empty.size())))
                        + ". A model with nominal or scale effects needs patients in every category"
                        + (strat ? " of every trial" : "") + ": merge the empty category with a neighbour (for example mRS 5 and 6).");
            }
            locNames.add("treatment");
            List<double[]> loc = new ArrayList<>();
            double[] arm = new double[n];
            for (int i = 0; i < n; i++) {
                arm[i] = d.treatment(i);
            }
            loc.add(arm);
            for (String c : d.covariateNames()) {
                if (!nom.contains(c)) {
                    locNames.add(c);
                    loc.add(d.covariate(c));
                }
            }
            x = loc.toArray(new double[0][]);
            nomNames = nom;
            nx = new double[nom.size()][];
            for (int k = 0; k < nx.length; k++) {
                nx[k] = d.covariate(nom.get(k));
            }
            scaNames = sca;
            z = new double[sca.size()][];
            for (int k = 0; k < z.length; k++) {
                z[k] = "treatment".equals(sca.get(k)) ? arm : d.covariate(sca.get(k));
            }
            nomStart = strata * (cats - 1);
            betaStart = nomStart + nx.length * (cats - 1);
            zetaStart = betaStart + x.length;
            np = zetaStart + z.length;
            notes = new ArrayList<>(d.notes());
            start = new double[np];
            for (int s = 0; s < strata; s++) {
                double tot = 0;
                for (double c : counts[s]) {
                    tot += c;
                }
                double cum = 0;
                for (int j = 0; j < cats - 1; j++) {
                    cum += counts[s][j];
                    start[s * (cats - 1) + j] = link.quantile(cum / tot);
                }
            }
        }

        final double[] start;

        /** The negative log-likelihood, its gradient and Hessian (row-major); +∞ where a probability is not positive. */
        double evaluate(double[] par, double[] g, double[] h) {
            java.util.Arrays.fill(g, 0);
            java.util.Arrays.fill(h, 0);
            int m = cats - 1;
            CumulativeLogit.Terms t = new CumulativeLogit.Terms();
            int width = 1 + nx.length + x.length + z.length;
            int[] ia = new int[width];
            double[] va = new double[width];
            int[] ib = new int[width];
            double[] vb = new double[width];
            double ll = 0;
            for (int i = 0; i < n; i++) {
                int y = d.outcome(i);
                double w = d.weight(i);
                double sz = 0;
                for (int k = 0; k < z.length; k++) {
                    sz += par[zetaStart + k] * z[k][i];
                }
                double sinv = Math.exp(-sz);
                double loc = 0;
                for (int k = 0; k < x.length; k++) {
                    loc += par[betaStart + k] * x[k][i];
                }
                int s = stratum[i];
                boolean hasA = y < m;
                boolean hasB = y > 0;
                double a = Double.POSITIVE_INFINITY;
                double b = Double.NEGATIVE_INFINITY;
                int na = 0;
                int nb = 0;
                if (hasA) {
                    double th = par[s * m + y];
                    for (int k = 0; k < nx.length; k++) {
                        th += par[nomStart + k * m + y] * nx[k][i];
                    }
                    a = (th - loc) * sinv;
                    na = gradientOf(s * m + y, y, i, sinv, a, ia, va);
                }
                if (hasB) {
                    double th = par[s * m + y - 1];
                    for (int k = 0; k < nx.length; k++) {
                        th += par[nomStart + k * m + y - 1] * nx[k][i];
                    }
                    b = (th - loc) * sinv;
                    nb = gradientOf(s * m + y - 1, y - 1, i, sinv, b, ib, vb);
                }
                if (hasA && hasB && !(a > b)) {
                    return Double.POSITIVE_INFINITY;
                }
                if (link == Link.LOGIT) {
                    CumulativeLogit.terms(a, b, t);
                } else {
                    link.terms(a, b, t);
                }
                if (!Double.isFinite(t.logP)) {
                    return Double.POSITIVE_INFINITY;
                }
                ll += w * t.logP;
                for (int u = 0; u < na; u++) {
                    g[ia[u]] += w * t.da * va[u];
                    for (int v = 0; v < na; v++) {
                        h[ia[u] * np + ia[v]] += w * t.daa * va[u] * va[v];
                    }
                    for (int v = 0; v < nb; v++) {
                        double c = w * t.dab * va[u] * vb[v];
                        h[ia[u] * np + ib[v]] += c;
                        h[ib[v] * np + ia[u]] += c;
                    }
                }
                for (int u = 0; u < nb; u++) {
                    g[ib[u]] += w * t.db * vb[u];
                    for (int v = 0; v < nb; v++) {
                        h[ib[u] * np + ib[v]] += w * t.dbb * vb[u] * vb[v];
                    }
                }
                // second derivatives of the cuts themselves: d²a/dlin dzeta_l = −(da/dlin) z_l, d²a/dzeta_k dzeta_l = a z_k z_l
                if (z.length > 0) {
                    if (hasA) {
                        secondOrder(w * t.da, a, na, ia, va, i, h);
                    }
                    if (hasB) {
                        secondOrder(w * t.db, b, nb, ib, vb, i, h);
                    }
                }
            }
            for (int k = 0; k < g.length; k++) {
                g[k] = -g[k];
            }
            for (int k = 0; k < h.length; k++) {
                h[k] = -h[k];
            }
            return -ll;
        }

        /** The parameters a cut depends on and its derivatives by them; returns how many. */
        private int gradientOf(int cut, int j, int i, double sinv, double value, int[] idx, double[] v) {
            int m = cats - 1;
            int c = 0;
            idx[c] = cut;
            v[c++] = sinv;
            for (int k = 0; k < nx.length; k++) {
                idx[c] = nomStart + k * m + j;
                v[c++] = nx[k][i] * sinv;
            }
            for (int k = 0; k < x.length; k++) {
                idx[c] = betaStart + k;
                v[c++] = -x[k][i] * sinv;
            }
            for (int k = 0; k < z.length; k++) {
                idx[c] = zetaStart + k;
                v[c++] = -value * z[k][i];
            }
            return c;
        }

        private void secondOrder(double coef, double cut, int cnt, int[] idx, double[] v, int i, double[] h) {
            int lin = cnt - z.length;
            for (int l = 0; l < z.length; l++) {
                int zl = zetaStart + l;
                double zv = z[l][i];
                for (int u = 0; u < lin; u++) {
                    double c = -coef * v[u] * zv;
                    h[idx[u] * np + zl] += c;
                    h[zl * np + idx[u]] += c;
                }
                for (int k = 0; k < z.length; k++) {
                    h[(zetaStart + k) * np + zl] += coef * cut * z[k][i] * zv;
                }
            }
        }

        Fit fit() {
            double[] par = start.clone();
            double[] g = new double[np];
            double[] h = new double[np * np];
            double nll = evaluate(par, g, h);
            if (!Double.isFinite(nll)) {
                return result(par, nll, g, h, 0, false, "the log-likelihood cannot be computed at the start values");
            }
            boolean converged = false;
            String message = "did not converge in " + MAX_ITERATIONS + " iterations";
            int it = 0;
            double[] g2 = new double[np];
            double[] h2 = new double[np * np];
            double[] trial = new double[np];
            for (; it < MAX_ITERATIONS; it++) {
                org.strokemeta.internal.Cancellation.check();
                double[] step = newtonStep(h, g);
                if (step == null) {
                    message = "the information matrix is singular: some parameters are not identifiable";
                    break;
                }
                double maxStep = 0;
                for (double v : step) {
                    maxStep = Math.max(maxStep, Math.abs(v));
                }
                if (maxStep < STEP_TOLERANCE) {
                    converged = true;
                    message = "converged: largest Newton step " + String.format(java.util.Locale.ROOT, "%.3g", maxStep);
                    break;
                }
                double f = 1;
                double v2 = Double.POSITIVE_INFINITY;
                for (int k = 0; k < 40; k++) {
                    for (int q = 0; q < np; q++) {
                        trial[q] = par[q] - f * step[q];
                    }
                    v2 = evaluate(trial, g2, h2);
                    if (v2 <= nll + 1e-12 * Math.abs(nll)) {
                        break;
                    }
                    f /= 2;
                }
                if (!(v2 <= nll + 1e-12 * Math.abs(nll))) {
                    double maxGrad = ProportionalOdds.maxAbs(g);
                    converged = maxGrad < 1e-6;
                    message = converged ? "converged: no further increase of the log-likelihood is possible in double precision"
                            : "step halving failed to increase the log-likelihood";
                    break;
                }
                System.arraycopy(trial, 0, par, 0, np);
                System.arraycopy(g2, 0, g, 0, np);
                System.arraycopy(h2, 0, h, 0, h.length);
                nll = v2;
                for (double p : par) {
                    if (!(Math.abs(p) < 1e6)) {
                        return result(par, nll, g, h, it + 1, false, "the estimates diverge: the likelihood has no finite"
                                + " maximum (separation of the outcome by a nominal or scale variable)");
                    }
                }
            }
            return result(par, nll, g, h, it, converged, message);
        }

        /** H⁻¹ g by Cholesky, with |smallest eigenvalue| + 1 added to the diagonal when H is not positive definite. */
        private double[] newtonStep(double[] h, double[] g) {
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(np);
            DMatrixRMaj hm = DMatrixRMaj.wrap(np, np, h.clone());
            if (!chol.setA(hm.copy())) {
                double min = ProportionalOdds.eigenvalues(hm)[0];
                if (!Double.isFinite(min)) {
                    return null;
                }
                DMatrixRMaj r = hm.copy();
                for (int i = 0; i < np; i++) {
                    r.add(i, i, Math.abs(min) + 1);
                }
                if (!chol.setA(r)) {
                    return null;
                }
            }
            DMatrixRMaj s = new DMatrixRMaj(np, 1);
            chol.solve(DMatrixRMaj.wrap(np, 1, g.clone()), s);
            return s.data;
        }

        private Fit result(double[] par, double nll, double[] g, double[] h, int it, boolean converged, String message) {
            double[] cov = new double[np * np];
            LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(np);
            if (Double.isFinite(nll) && chol.setA(DMatrixRMaj.wrap(np, np, h.clone()))) {
                DMatrixRMaj inv = new DMatrixRMaj(np, np);
                chol.invert(inv);
                cov = inv.data;
            } else {
                java.util.Arrays.fill(cov, Double.NaN);
                if (converged) {
                    converged = false;
                    message = "the information matrix is singular at the maximum: some parameters are not identifiable";
                }
            }
            List<Note> out = new ArrayList<>(notes);
            if (!converged) {
                out.add(new Note(0, null, Note.Kind.WARNING, "cumulative link model with nominal or scale effects: " + message
                        + "; its estimates are not valid"));
            }
            int m = cats - 1;
            List<CutPoint> cuts = new ArrayList<>();
            for (int s = 0; s < strata; s++) {
                for (int j = 0; j < m; j++) {
                    int k = s * m + j;
                    cuts.add(new CutPoint(o.thresholds() == Thresholds.STRATIFIED ? strataNames[s] : null, CutPoint.name(j),
                            par[k], Math.sqrt(cov[k * np + k])));
                }
            }
            List<Coefficient> nominal = new ArrayList<>();
            for (int k = 0; k < nx.length; k++) {
                for (int j = 0; j < m; j++) {
                    int q = nomStart + k * m + j;
                    nominal.add(wald(CutPoint.name(j) + "." + nomNames.get(k), par[q], Math.sqrt(cov[q * np + q])));
                }
            }
            List<Coefficient> location = new ArrayList<>();
            for (int k = 0; k < x.length; k++) {
                int q = betaStart + k;
                location.add(wald(locNames.get(k), par[q], Math.sqrt(cov[q * np + q])));
            }
            List<Coefficient> scale = new ArrayList<>();
            for (int k = 0; k < z.length; k++) {
                int q = zetaStart + k;
                scale.add(wald(scaNames.get(k), par[q], Math.sqrt(cov[q * np + q])));
            }
            return new Fit(method(), location, nominal, scale, cuts, -nll, np, d.patients(), it, converged, message, out);
        }

        private Coefficient wald(String name, double b, double se) {
            double zv = b / se;
            double crit = Dist.zCrit(o.level());
            return new Coefficient(name, b, se, zv, Dist.pNormal2(zv), b - crit * se, b + crit * se);
        }

        private String method() {
            boolean strat = o.thresholds() == Thresholds.STRATIFIED;
            List<String> nomTerms = new ArrayList<>();
            if (strat) {
                nomTerms.add("study");
            }
            nomTerms.addAll(nomNames);
            String call = "clm(y ~ " + String.join(" + ", locNames)
                    + (nomTerms.isEmpty() ? "" : ", nominal = ~" + String.join(" + ", nomTerms))
                    + (scaNames.isEmpty() ? "" : ", scale = ~" + String.join(" + ", scaNames))
                    + (link == Link.LOGIT ? "" : ", link = \"" + link.rName() + "\"") + ")";
            return "cumulative " + link.rName() + " model with " + (nomNames.isEmpty() ? "" : "nominal ")
                    + (nomNames.isEmpty() || scaNames.isEmpty() ? "" : "and ") + (scaNames.isEmpty() ? "" : "scale ")
                    + "effects, " + o.thresholds().label() + " (" + call + ")";
        }
    }
}
