package org.strokemeta.ipd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.strokemeta.internal.QuasiNewton;
import org.strokemeta.pool.Execution;

/**
 * Fits the cumulative-logit model with random trial effects of {@link MixedLikelihood} and turns the
 * optimum into reportable quantities: thresholds and coefficients on the scale of the original
 * covariates, their covariance from the Hessian of the approximate marginal log-likelihood (as
 * clmm's {@code vcov} and glmer's Hessian-based {@code vcov}), the variance components with a
 * boundary flag, and the trials' conditional modes. Shared by the ordinal model and by the binary
 * model with a random intercept, which is its two-category case.
 */
final class MixedFit {
    /** Decrement below which the outer maximisation has converged (log-likelihood units). */
    static final double TOL = 1e-11;
    /** A standard deviation smaller than this is taken as the boundary 0 (clmm's paratBoundary2 uses 1e-3). */
    static final double BOUNDARY = 1e-4;

    private MixedFit() {
    }

    /**
     * The raw fit, on the model's own scale ({@code logit P(Y <= j) = theta_j − x'beta − z'b}).
     *
     * @param thresholds  theta, for the covariates as given (not centred)
     * @param beta        treatment then covariate coefficients
     * @param cov         covariance of (thresholds, beta), row-major
     * @param loglik      the approximate marginal log-likelihood at the optimum
     * @param lambda      the variance parameters (entries of Λ, signs normalised)
     * @param components  the variance components
     * @param modes       the conditional modes of b_i = Λ û_i, per trial (q values each)
     * @param iterations  outer iterations
     * @param evaluations likelihood evaluations
     * @param converged   true when the maximisation converged to a maximum and every inner problem was solved
     * @param message     the optimiser's closing message
     * @param maxGradient the largest absolute gradient component with respect to the reported parameters
     * @param innerFailures trials whose conditional mode was not found at the optimum
     * @param passes      passes over the patients of a trial, all evaluations together
     */
    record Raw(double[] thresholds, double[] beta, double[] cov, double loglik, double[] lambda,
               VarianceComponents components, double[][] modes, int iterations, int evaluations, boolean converged,
               String message, double maxGradient, int innerFailures, long passes) {
        int fixedDim() {
            return thresholds.length + beta.length;
        }

        double se(int k) {
            return Math.sqrt(cov[k * fixedDim() + k]);
        }
    }

    /** The fit, its parallel parts (trials of large data, or the two halves of the Hessian) run on {@code execution}. */
    static Raw fit(TrialBlocks tb, RandomEffects re, int nAGQ, int maxIter, Execution execution) {
        MixedLikelihood ml = new MixedLikelihood(tb, re, nAGQ, execution);
        int n = ml.dimension();
        int nth = ml.nth;
        int np = ml.np;
        int lo = ml.lambdaOffset();
        double[] x0 = new double[n];
        // thresholds from the cumulative proportions, coefficients 0, standard deviations 0.5
        int[] count = new int[tb.categories];
        for (int v : tb.y) {
            count[v]++;
        }
        double cum = 0;
        for (int j = 0; j < nth; j++) {
            cum += count[j];
            double pj = cum / tb.size();
            x0[j] = Math.log(pj / (1 - pj));
        }
        double[] typical = new double[n];
        Arrays.fill(typical, 0.2);
        for (int j = 0; j < np; j++) {
            double ss = 0;
            for (double v : tb.x[j]) {
                ss += v * v;
            }
            double sd = Math.sqrt(ss / tb.size());
            typical[nth + 1 + j] = sd > 0 ? 0.2 / sd : 0.2;
        }
        for (int k = 0; k < re.parameters(); k++) {
            x0[lo + k] = re.isDiagonal(k) ? 0.5 : 0;
        }
        double[] h0 = startFromFixedFit(ml, tb, x0, typical);
        // when an evaluation is not itself split over trials, a second instance computes half the Hessian
        // beside it; it is used whatever the execution and the number of processors (single-threaded, it
        // runs after the first half), because each instance's warm starts shape the last bits of its
        // evaluations and the numbers must not depend on where they were computed
        MixedLikelihood helper = ml.parallel() ? null : new MixedLikelihood(tb, re, nAGQ, execution);
        QuasiNewton.Result r = QuasiNewton.maximise(ml::evaluate, x0, typical, maxIter, TOL, h0,
                helper == null ? null : helper::evaluate, execution);
        double[] x = r.x().clone();
        double[] hess = r.hessian().clone();
        double value = r.value();
        double[] grad = r.gradient().clone();
        // the boundary: a standard deviation at 0 is a stationary point (the likelihood is even in it)
        boolean boundary = false;
        for (int k = 0; k < re.parameters(); k++) {
            if (re.isDiagonal(k) && Math.abs(x[lo + k]) < BOUNDARY) {
                boundary = true;
                x[lo + k] = 0;
                if (re == RandomEffects.CORRELATED && k == 0) {
                    // no intercept variance: the lower entry then carries the whole treatment variance
                    double l21 = x[lo + 2];
                    double l22 = x[lo + 1];
                    x[lo + 1] = Math.hypot(l21, l22);
                    x[lo + 2] = 0;
                }
            }
        }
        if (re == RandomEffects.CORRELATED && !boundary) {
            // correlation ±1: Λ singular
            double l11 = Math.abs(x[lo]);
            double l22 = Math.abs(x[lo + 1]);
            double l21 = Math.abs(x[lo + 2]);
            if (l22 < BOUNDARY * Math.max(1, Math.hypot(l21, l22)) || l11 < BOUNDARY) {
                boundary = true;
            }
        }
        if (boundary) {
            // the Hessian again at the boundary point
            value = ml.evaluate(x, grad);
            double[] h = new double[n];
            for (int i = 0; i < n; i++) {
                h[i] = 1e-4 * typical[i];
            }
            double[] again = QuasiNewton.centralHessian(ml::evaluate, x, h);
            if (again != null) {
                hess = again;
            }
        }
        // signs: each column of Λ up to sign
        double[] sign = new double[n];
        Arrays.fill(sign, 1);
        if (re == RandomEffects.CORRELATED) {
            if (x[lo] < 0) {
                sign[lo] = -1;
                sign[lo + 2] = -1;
            }
            if (x[lo + 1] < 0) {
                sign[lo + 1] = -1;
            }
        } else {
            for (int k = 0; k < re.parameters(); k++) {
                if (x[lo + k] < 0) {
                    sign[lo + k] = -1;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            x[i] *= sign[i];
            grad[i] *= sign[i];
            for (int k = 0; k < n; k++) {
                hess[i * n + k] *= sign[i] * sign[k];
            }
        }
        ml.evaluate(x, new double[n]);
        // covariance of the fixed part: Schur complement, the variance block pseudo-inverted
        int nf = lo;
        double[] covC = fixedCovariance(hess, n, nf);
        // back to uncentred covariates: theta_j = theta_c,j + mean'beta_cov (treatment is not centred)
        double[] means = new double[nf - nth];
        System.arraycopy(tb.mean, 0, means, 1, np);
        double[][] unc = uncentre(x, covC, nth, nf, means);
        double[] fixed = unc[0];
        double[] cov = unc[1] == null ? nanMatrix(nf) : unc[1];
        // gradient with respect to the reported parameters: g = T^{-T} g_c
        double maxGrad = 0;
        for (int i = 0; i < n; i++) {
            double gi = grad[i];
            if (i > nth && i <= nth + np) {
                double m = tb.mean[i - nth - 1];
                for (int j = 0; j < nth; j++) {
                    gi -= m * grad[j];
                }
            }
            maxGrad = Math.max(maxGrad, Math.abs(gi));
        }
        double[] lambda = Arrays.copyOfRange(x, lo, n);
        double[] l = new double[re.dimension() * re.dimension()];
        re.lambda(x, lo, l);
        VarianceComponents vc = re.components(l, boundary);
        double[][] modes = new double[tb.trials][];
        int q = re.dimension();
        for (int s = 0; s < tb.trials; s++) {
            double[] u = ml.mode(s);
            double[] b = new double[q];
            for (int i = 0; i < q; i++) {
                for (int k = 0; k < q; k++) {
                    b[i] += l[i * q + k] * u[k];
                }
            }
            modes[s] = b;
        }
        // a finite optimum has no odds ratio beyond e^20 per unit of treatment or per SD of a covariate and
        // no threshold beyond ±30: larger values are an optimiser running off to an infinite estimate
        // (the outcome separated by treatment or a covariate), whose last iterate is no estimate
        boolean diverged = Math.abs(x[nth]) > 20;
        for (int j = 0; j < nth; j++) {
            diverged |= Math.abs(fixed[j]) > 30;
        }
        for (int j = 0; j < np; j++) {
            diverged |= Math.abs(x[nth + 1 + j]) * 0.2 / typical[nth + 1 + j] > 20;
        }
        boolean converged = r.converged() && ml.innerFailures == 0 && covC != null && !diverged;
        String message = diverged ? "the estimates diverge: the outcome is separated by treatment or a covariate, and "
                + "the likelihood has no finite maximum"
                : !r.converged() ? r.message()
                : ml.innerFailures > 0 ? "the conditional mode of " + ml.innerFailures + " trial(s) was not found"
                : covC == null ? "the Hessian of the thresholds and coefficients is not negative definite" : r.message();
        return new Raw(Arrays.copyOfRange(fixed, 0, nth), Arrays.copyOfRange(fixed, nth, nf), cov, value, lambda, vc,
                modes, r.iterations(), r.evaluations(), converged, message, maxGrad, ml.innerFailures,
                ml.passes + (helper == null ? 0 : helper.passes));
    }

    /**
     * Moves the fixed part of x0 to the fit without random effects ({@link FixedStart}) and returns a
     * first Hessian: that fit's analytic Hessian for the fixed part, forward differences of the exact
     * gradient for the columns of the variance parameters. Null (x0 unchanged) when that fit fails.
     */
    private static double[] startFromFixedFit(MixedLikelihood ml, TrialBlocks tb, double[] x0, double[] typical) {
        int n = x0.length;
        int nf = ml.lambdaOffset();
        FixedStart.Fit fixed = FixedStart.fit(tb, Arrays.copyOf(x0, nf));
        if (fixed == null) {
            return null;
        }
        double[] x = x0.clone();
        System.arraycopy(fixed.x(), 0, x, 0, nf);
        // standard deviations from the trials' one-step shifts, away from 0 (a stationary point)
        RandomEffects re = ml.randomEffects();
        double sdIntercept = Math.max(fixed.sd(false), 0.05);
        double sdTreatment = Math.max(fixed.sd(true), 0.05);
        if (re == RandomEffects.TREATMENT) {
            x[nf] = sdTreatment;
        } else {
            x[nf] = sdIntercept;
            if (re.parameters() > 1) {
                x[nf + 1] = sdTreatment;
            }
        }
        double[] g = new double[n];
        if (!Double.isFinite(ml.evaluate(x, g))) {
            return null;
        }
        double[] h = new double[n * n];
        for (int i = 0; i < nf; i++) {
            System.arraycopy(fixed.hessian(), i * nf, h, i * n, nf);
        }
        double[] xp = x.clone();
        double[] gp = new double[n];
        for (int k = nf; k < n; k++) {
            double step = 1e-4 * typical[k];
            xp[k] = x[k] + step;
            if (!Double.isFinite(ml.evaluate(xp, gp))) {
                return null;
            }
            xp[k] = x[k];
            for (int i = 0; i < n; i++) {
                h[i * n + k] = (gp[i] - g[i]) / step;
            }
        }
        for (int k = nf; k < n; k++) {
            for (int i = 0; i < nf; i++) {
                h[k * n + i] = h[i * n + k];
            }
            for (int i = k + 1; i < n; i++) {
                double a = 0.5 * (h[i * n + k] + h[k * n + i]);
                h[i * n + k] = a;
                h[k * n + i] = a;
            }
        }
        System.arraycopy(x, 0, x0, 0, n);
        return h;
    }

    /**
     * The fixed part back on the scale of the uncentred columns: with the coefficient columns centred at
     * {@code means}, theta_j = theta_c,j + means'beta, the coefficients unchanged; {fixed, covariance T C T'}
     * (the covariance null when {@code covC} is).
     */
    static double[][] uncentre(double[] x, double[] covC, int nth, int nf, double[] means) {
        double[] t = new double[nf * nf];
        for (int i = 0; i < nf; i++) {
            t[i * nf + i] = 1;
        }
        for (int j = 0; j < nth; j++) {
            for (int c = 0; c < nf - nth; c++) {
                t[j * nf + nth + c] = means[c];
            }
        }
        double[] fixed = new double[nf];
        for (int i = 0; i < nf; i++) {
            double s = 0;
            for (int k = 0; k < nf; k++) {
                s += t[i * nf + k] * x[k];
            }
            fixed[i] = s;
        }
        return new double[][] {fixed, covC == null ? null : sandwich(t, covC, nf)};
    }

    private static double[] nanMatrix(int n) {
        double[] m = new double[n * n];
        Arrays.fill(m, Double.NaN);
        return m;
    }

    /** T C T'. */
    private static double[] sandwich(double[] t, double[] c, int n) {
        double[] tc = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int l = 0; l < n; l++) {
                    s += t[i * n + l] * c[l * n + k];
                }
                tc[i * n + k] = s;
            }
        }
        double[] out = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double s = 0;
                for (int l = 0; l < n; l++) {
                    s += tc[i * n + l] * t[k * n + l];
                }
                out[i * n + k] = s;
            }
        }
        return out;
    }

    /**
     * The covariance of the first nf parameters: the inverse of the Schur complement
     * A − B V^+ B' of the information I = −H = [A B; B' V], with V pseudo-inverted on its
     * positive eigenvalues so that flat directions of a variance parameter at a boundary (which have
     * no cross-information with the coefficients) do not make the coefficients' covariance undefined.
     * Null when the complement is not positive definite.
     */
    static double[] fixedCovariance(double[] hess, int n, int nf) {
        int nv = n - nf;
        DMatrixRMaj info = new DMatrixRMaj(n, n);
        for (int i = 0; i < n * n; i++) {
            info.data[i] = -hess[i];
        }
        DMatrixRMaj schur = new DMatrixRMaj(nf, nf);
        for (int i = 0; i < nf; i++) {
            for (int k = 0; k < nf; k++) {
                schur.set(i, k, info.get(i, k));
            }
        }
        if (nv > 0) {
            DMatrixRMaj v = new DMatrixRMaj(nv, nv);
            for (int i = 0; i < nv; i++) {
                for (int k = 0; k < nv; k++) {
                    v.set(i, k, info.get(nf + i, nf + k));
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(nv, true, true);
            if (!eig.decompose(v)) {
                return null;
            }
            double max = 0;
            for (int k = 0; k < nv; k++) {
                max = Math.max(max, eig.getEigenvalue(k).getReal());
            }
            for (int e = 0; e < nv; e++) {
                double lam = eig.getEigenvalue(e).getReal();
                if (lam < -1e-6 * Math.max(max, 1e-300)) {
                    return null;
                }
                if (!(lam > 1e-10 * max)) {
                    continue;
                }
                DMatrixRMaj vec = eig.getEigenVector(e);
                double norm = 0;
                for (int i = 0; i < nv; i++) {
                    norm += vec.get(i) * vec.get(i);
                }
                // B v
                double[] bv = new double[nf];
                for (int i = 0; i < nf; i++) {
                    double s = 0;
                    for (int k = 0; k < nv; k++) {
                        s += info.get(i, nf + k) * vec.get(k);
                    }
                    bv[i] = s;
                }
                for (int i = 0; i < nf; i++) {
                    for (int k = 0; k < nf; k++) {
                        schur.add(i, k, -bv[i] * bv[k] / (lam * norm));
                    }
                }
            }
        }
        var solver = org.ejml.dense.row.factory.LinearSolverFactory_DDRM.symmPosDef(nf);
        if (!solver.setA(schur.copy())) {
            return null;
        }
        DMatrixRMaj inv = new DMatrixRMaj(nf, nf);
        solver.invert(inv);
        for (double d : inv.data) {
            if (!Double.isFinite(d)) {
                return null;
            }
        }
        return inv.data;
    }
}
