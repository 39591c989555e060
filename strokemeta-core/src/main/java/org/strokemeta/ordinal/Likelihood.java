package org.strokemeta.ordinal;

import org.strokemeta.internal.CumulativeLogit;
import org.strokemeta.pool.Execution;

/**
 * The log-likelihood of a cumulative-logit model with its gradient and Hessian, in one pass over
 * the observations.
 *
 * <p>For an observation in category y with upper cut {@code a = theta_y − eta} and lower cut
 * {@code b = theta_{y−1} − eta}, write {@code e_a = exp(−a)}, {@code e_b = exp(−b)} and
 * {@code r = 1 / ((1 + e_a)(1 + e_b))}. Then {@code F(a) = (1 + e_b) r}, {@code F(b) = (1 + e_a) r},
 * and the probability is {@code p = F(a) − F(b) = e_b r D} with {@code D = 1 − exp(−(a − b))}, an exact
 * identity in which every factor keeps its relative accuracy in both tails and when the cuts are
 * close; {@code a − b} is a difference of cut-points, so D is fixed within a cell. The derivatives
 * of log p follow without further division: {@code d/da = f(a)/p = (E/D)(1 + e_b)² r} with
 * {@code E = 1 − D}, {@code d/db = −f(b)/p = −(1/D)(1 + e_a)² r}, and the second derivatives from
 * {@code f'(x) = f(x)(1 − 2F(x))}. The first and last categories have one cut only. Where the
 * factors overflow or underflow (a linear predictor of several hundred) the terms come from
 * {@link CumulativeLogit#terms}, which works on the log scale.
 *
 * <p>Observations are visited cell by cell (stratum, category, arm): the cut-points and the
 * treatment term of a cell are constant, so their sums are gathered once per cell, and only the
 * covariate block is accumulated per observation, in short chunks of primitive arrays. Nothing is
 * allocated per observation. Large data are split into fixed blocks that are summed in parallel, as
 * tasks of the given {@link Execution}, and then added in block order, so the result does not depend on
 * the number of processors or on the execution.
 */
final class Likelihood implements LikelihoodEvaluator {
    /** Observations per block; fixed, so that the order of summation is too. */
    static final int BLOCK = 1 << 15;
    /** Observations per chunk within a cell (the per-observation scratch arrays). */
    private static final int CHUNK = 256;
    /** Below this the factors of p are no longer exact in double precision. */
    private static final double TINY = 1e-280;
    /**
     * Running products of probabilities (one log per several observations instead of one each)
     * are turned into logs once they fall below this; with factors of at least {@link #TINY} a
     * product never leaves the normal range of doubles.
     */
    private static final double FLUSH = 1e-20;

    private final OrdinalDesign d;
    private final Execution execution;
    /** The link; the cell passes above are the logit's, other links take the general terms of {@link Link#terms}. */
    private final Link link;

    Likelihood(OrdinalDesign d) {
        this(d, Execution.defaults());
    }

    Likelihood(OrdinalDesign d, Execution execution) {
        this(d, execution, Link.LOGIT);
    }

    Likelihood(OrdinalDesign d, Execution execution, Link link) {
        this.d = d;
        this.execution = execution;
        this.link = link;
    }

    /**
     * The negative log-likelihood, its gradient and Hessian (row-major, P × P) at {@code par}; the
     * value is +∞ (and no derivatives) where the cut-points of a stratum are not increasing.
     */
    record Value(double nll, double[] gradient, double[] hessian) {
        boolean finite() {
            return Double.isFinite(nll);
        }
    }

    @Override
    public Value evaluate(double[] par) {
        int blocks = (d.n + BLOCK - 1) / BLOCK;
        Partial total;
        if (blocks <= 1) {
            total = new Partial(d, link);
            total.accumulate(par, 0, d.n);
        } else {
            Partial[] parts = new Partial[blocks];
            execution.forEach(blocks, b -> {
                Partial part = new Partial(d, link);
                part.accumulate(par, b * BLOCK, Math.min(d.n, (b + 1) * BLOCK));
                parts[b] = part;
            });
            total = parts[0];
            for (int b = 1; b < blocks; b++) {
                total.add(parts[b]);
            }
        }
        if (total.invalid || !Double.isFinite(total.logLik)) {
            return new Value(Double.POSITIVE_INFINITY, null, null);
        }
        total.finishCovariates();
        double[] g = total.grad;
        double[] h = total.hess;
        for (int i = 0; i < g.length; i++) {
            g[i] = -g[i];
        }
        for (int i = 0; i < h.length; i++) {
            h[i] = -h[i];
        }
        return new Value(-total.logLik, g, h);
    }

    /** Sums of one block of observations: log-likelihood, gradient and Hessian of the log-likelihood. */
    private static final class Partial {
        private final OrdinalDesign d;
        private final int pp;
        private final int q;
        double logLik;
        boolean invalid;
        final double[] grad;
        final double[] hess;
        /** Covariate block, gathered apart and moved in at the end: gradient and lower triangle. */
        private final double[] gx;
        private final double[] hxx;
        // per-chunk scratch
        private final double[] eta = new double[CHUNK];
        private final double[] ge = new double[CHUNK];
        private final double[] ca = new double[CHUNK];
        private final double[] cb = new double[CHUNK];
        private final double[] cx = new double[CHUNK];
        // per-cell sums
        private double sLl;
        private double sGa;
        private double sGb;
        private double sHaa;
        private double sHbb;
        private double sHab;
        private final double[] hax;
        private final double[] hbx;
        private CumulativeLogit.Terms terms;
        private final Link link;

        Partial(OrdinalDesign d, Link link) {
            this.d = d;
            this.link = link;
            pp = d.parameters;
            q = d.q();
            grad = new double[pp];
            hess = new double[pp * pp];
            gx = new double[q];
            hxx = new double[q * q];
            hax = new double[q];
            hbx = new double[q];
        }

        void add(Partial o) {
            logLik += o.logLik;
            invalid |= o.invalid;
            for (int i = 0; i < grad.length; i++) {
                grad[i] += o.grad[i];
            }
            for (int i = 0; i < hess.length; i++) {
                hess[i] += o.hess[i];
            }
            for (int i = 0; i < gx.length; i++) {
                gx[i] += o.gx[i];
            }
            for (int i = 0; i < hxx.length; i++) {
                hxx[i] += o.hxx[i];
            }
        }

        void finishCovariates() {
            int cs = d.covariateStart;
            for (int k = 0; k < q; k++) {
                grad[cs + k] += gx[k];
                for (int l = 0; l <= k; l++) {
                    double v = hxx[k * q + l];
                    hess[(cs + k) * pp + cs + l] += v;
                    if (l != k) {
                        hess[(cs + l) * pp + cs + k] += v;
                    }
                }
            }
        }

        void accumulate(double[] par, int lo, int hi) {
            int cells = d.cells();
            int cs = d.covariateStart;
            double bt = d.treatmentIndex >= 0 ? par[d.treatmentIndex] : 0;
            for (int cell = firstCell(d.cellStart, lo, cells); cell < cells && d.cellStart[cell] < hi; cell++) {
                int from = Math.max(lo, d.cellStart[cell]);
                int to = Math.min(hi, d.cellStart[cell + 1]);
                int ia = d.cellA[cell];
                int ib = d.cellB[cell];
                if (from >= to || ia < 0 && ib < 0) {
                    // a stratum with one category: p = 1, no information
                    continue;
                }
                int ga = d.cellGa[cell];
                int gb = d.cellGb[cell];
                double armTerm = d.cellArm[cell] * bt;
                double aOff = ia >= 0 ? par[ia] + (ga >= 0 ? par[ga] : 0) - armTerm : Double.POSITIVE_INFINITY;
                double bOff = ib >= 0 ? par[ib] + (gb >= 0 ? par[gb] : 0) - armTerm : Double.NEGATIVE_INFINITY;
                double dd = 1;
                if (ia >= 0 && ib >= 0) {
                    dd = -Math.expm1(bOff - aOff);
                    if (!(dd > 0)) {
                        invalid = true;
                        return;
                    }
                }
                sLl = 0;
                sGa = 0;
                sGb = 0;
                sHaa = 0;
                sHbb = 0;
                sHab = 0;
                java.util.Arrays.fill(hax, 0);
                java.util.Arrays.fill(hbx, 0);
                for (int c0 = from; c0 < to; c0 += CHUNK) {
                    int m = Math.min(CHUNK, to - c0);
                    linearPredictor(par, cs, c0, m);
                    if (link != Link.LOGIT) {
                        anyLink(aOff, bOff, c0, m);
                    } else if (ia < 0) {
                        lastCategory(bOff, c0, m);
                    } else if (ib < 0) {
                        firstCategory(aOff, c0, m);
                    } else {
                        middleCategory(aOff, bOff, dd, c0, m);
                    }
                    covariateSums(c0, m);
                }
                logLik += sLl;
                scatter(cell, ia, ga, ib, gb);
            }
        }

        /** eta over the chunk: the covariate part of the linear predictor. */
        private void linearPredictor(double[] par, int cs, int c0, int m) {
            double[] e = eta;
            java.util.Arrays.fill(e, 0, m, 0);
            for (int k = 0; k < q; k++) {
                double b = par[cs + k];
                double[] xk = d.x[k];
                for (int j = 0; j < m; j++) {
                    e[j] += b * xk[c0 + j];
                }
            }
        }

        /** Category 0: p = F(a). */
        private void firstCategory(double aOff, int c0, int m) {
            double[] w = d.w;
            double ll = 0;
            double prod = 1;
            double g = 0;
            double h = 0;
            for (int j = 0; j < m; j++) {
                double a = aOff - eta[j];
                double ea = Math.exp(-a);
                double fa = 1 / (1 + ea);
                double sa = ea * fa;
                double da;
                double daa;
                if (fa > TINY && Double.isFinite(ea)) {
                    da = sa;
                    daa = -sa * fa;
                    if (w == null) {
                        prod *= fa;
                    } else {
                        ll += w[c0 + j] * Math.log(fa);
                    }
                } else {
                    CumulativeLogit.Terms t = fallback(a, Double.NEGATIVE_INFINITY);
                    da = t.da;
                    daa = t.daa;
                    ll += (w == null ? 1 : w[c0 + j]) * t.logP;
                }
                if (prod < FLUSH) {
                    ll += Math.log(prod);
                    prod = 1;
                }
                double wi = w == null ? 1 : w[c0 + j];
                g += wi * da;
                h += wi * daa;
                ge[j] = -da * wi;
                ca[j] = -daa * wi;
                cb[j] = 0;
            }
            sLl += ll + Math.log(prod);
            sGa += g;
            sHaa += h;
        }

        /** The last category: p = S(b). */
        private void lastCategory(double bOff, int c0, int m) {
            double[] w = d.w;
            double ll = 0;
            double prod = 1;
            double g = 0;
            double h = 0;
            for (int j = 0; j < m; j++) {
                double b = bOff - eta[j];
                double eb = Math.exp(-b);
                double fb = 1 / (1 + eb);
                double sb = eb * fb;
                double db;
                double dbb;
                if (sb > TINY && Double.isFinite(eb)) {
                    db = -fb;
                    dbb = -fb * sb;
                    if (w == null) {
                        prod *= sb;
                    } else {
                        ll += w[c0 + j] * Math.log(sb);
                    }
                } else {
                    CumulativeLogit.Terms t = fallback(Double.POSITIVE_INFINITY, b);
                    db = t.db;
                    dbb = t.dbb;
                    ll += (w == null ? 1 : w[c0 + j]) * t.logP;
                }
                if (prod < FLUSH) {
                    ll += Math.log(prod);
                    prod = 1;
                }
                double wi = w == null ? 1 : w[c0 + j];
                g += wi * db;
                h += wi * dbb;
                ge[j] = -db * wi;
                ca[j] = 0;
                cb[j] = -dbb * wi;
            }
            sLl += ll + Math.log(prod);
            sGb += g;
            sHbb += h;
        }

        /** A middle category: p = F(a) − F(b) = e_b r D. */
        private void middleCategory(double aOff, double bOff, double dd, int c0, int m) {
            double[] w = d.w;
            double logD = Math.log(dd);
            double cA = (1 - dd) / dd;
            double cB = 1 / dd;
            double ll = 0;
            double prod = 1;
            double g1 = 0;
            double g2 = 0;
            double h11 = 0;
            double h22 = 0;
            double h12 = 0;
            for (int j = 0; j < m; j++) {
                double et = eta[j];
                double a = aOff - et;
                double b = bOff - et;
                double ea = Math.exp(-a);
                double eb = Math.exp(-b);
                double ua = 1 + ea;
                double ub = 1 + eb;
                double r = 1 / (ua * ub);
                double pr = eb * r;
                double da;
                double db;
                double daa;
                double dbb;
                double dab;
                if (pr > TINY) {
                    double fa = ub * r;
                    double sa = ea * fa;
                    double fb = ua * r;
                    double sb = eb * fb;
                    da = cA * ub * ub * r;
                    db = -cB * ua * ua * r;
                    daa = da * (sa - fa - da);
                    dbb = db * (sb - fb - db);
                    dab = -da * db;
                    if (w == null) {
                        prod *= pr;
                    } else {
                        ll += w[c0 + j] * Math.log(pr);
                    }
                } else {
                    CumulativeLogit.Terms t = fallback(a, b);
                    da = t.da;
                    db = t.db;
                    daa = t.daa;
                    dbb = t.dbb;
                    dab = t.dab;
                    ll += (w == null ? 1 : w[c0 + j]) * (t.logP - logD);
                }
                if (prod < FLUSH) {
                    ll += Math.log(prod);
                    prod = 1;
                }
                double wi = w == null ? 1 : w[c0 + j];
                g1 += wi * da;
                g2 += wi * db;
                h11 += wi * daa;
                h22 += wi * dbb;
                h12 += wi * dab;
                ge[j] = -(da + db) * wi;
                ca[j] = -(daa + dab) * wi;
                cb[j] = -(dab + dbb) * wi;
            }
            double wsum = 0;
            if (w == null) {
                wsum = m;
            } else {
                for (int j = 0; j < m; j++) {
                    wsum += w[c0 + j];
                }
            }
            sLl += ll + Math.log(prod) + wsum * logD;
            sGa += g1;
            sGb += g2;
            sHaa += h11;
            sHbb += h22;
            sHab += h12;
        }

        /** Any category under a link other than the logit: the general terms, observation by observation. */
        private void anyLink(double aOff, double bOff, int c0, int m) {
            double[] w = d.w;
            if (terms == null) {
                terms = new CumulativeLogit.Terms();
            }
            for (int j = 0; j < m; j++) {
                CumulativeLogit.Terms t = link.terms(aOff - eta[j], bOff - eta[j], terms);
                double wi = w == null ? 1 : w[c0 + j];
                sLl += wi * t.logP;
                sGa += wi * t.da;
                sGb += wi * t.db;
                sHaa += wi * t.daa;
                sHbb += wi * t.dbb;
                sHab += wi * t.dab;
                ge[j] = -(t.da + t.db) * wi;
                ca[j] = -(t.daa + t.dab) * wi;
                cb[j] = -(t.dab + t.dbb) * wi;
            }
        }

        private CumulativeLogit.Terms fallback(double a, double b) {
            if (terms == null) {
                terms = new CumulativeLogit.Terms();
            }
            return CumulativeLogit.terms(a, b, terms);
        }

        /**
         * The covariate block of the chunk: gradient, cut-point × covariate and covariate ×
         * covariate sums, with ce = −(ca + cb) the weight of the linear predictor's second derivative.
         */
        private void covariateSums(int c0, int m) {
            double[][] x = d.x;
            for (int k = 0; k < q; k++) {
                double[] xk = x[k];
                int row = k * q;
                // the three sums of column k and the first up to three products x_k x_l in one pass
                int l0 = Math.min(k + 1, 3);
                double[] x0 = x[0];
                double[] x1 = l0 > 1 ? x[1] : x0;
                double[] x2 = l0 > 2 ? x[2] : x0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double h0 = 0;
                double h1 = 0;
                double h2 = 0;
                for (int j = 0; j < m; j++) {
                    int i = c0 + j;
                    double v = xk[i];
                    double a = ca[j];
                    double b = cb[j];
                    s1 += ge[j] * v;
                    s2 += a * v;
                    s3 += b * v;
                    double c = -(a + b) * v;
                    cx[j] = c;
                    h0 += c * x0[i];
                    h1 += c * x1[i];
                    h2 += c * x2[i];
                }
                gx[k] += s1;
                hax[k] += s2;
                hbx[k] += s3;
                hxx[row] += h0;
                if (l0 > 1) {
                    hxx[row + 1] += h1;
                }
                if (l0 > 2) {
                    hxx[row + 2] += h2;
                }
                // further products in groups of up to four (more than three covariates)
                for (int l = 3; l <= k; l += 4) {
                    int g = Math.min(4, k + 1 - l);
                    double[] y0 = x[l];
                    double[] y1 = g > 1 ? x[l + 1] : y0;
                    double[] y2 = g > 2 ? x[l + 2] : y0;
                    double[] y3 = g > 3 ? x[l + 3] : y0;
                    double t0 = 0;
                    double t1 = 0;
                    double t2 = 0;
                    double t3 = 0;
                    for (int j = 0; j < m; j++) {
                        int i = c0 + j;
                        double c = cx[j];
                        t0 += c * y0[i];
                        t1 += c * y1[i];
                        t2 += c * y2[i];
                        t3 += c * y3[i];
                    }
                    hxx[row + l] += t0;
                    if (g > 1) {
                        hxx[row + l + 1] += t1;
                    }
                    if (g > 2) {
                        hxx[row + l + 2] += t2;
                    }
                    if (g > 3) {
                        hxx[row + l + 3] += t3;
                    }
                }
            }
        }

        /**
         * Adds one cell's sums to the gradient and Hessian. The upper cut depends on its cut-point
         * (+1), its cut-point-specific treatment effect (+1, treated cells) and the treatment
         * coefficient (−arm); the lower cut likewise; every covariate enters both with −x.
         */
        private void scatter(int cell, int ia, int ga, int ib, int gb) {
            int arm = d.cellArm[cell];
            int t = d.treatmentIndex;
            boolean hasT = t >= 0 && arm != 0;
            int[] aIdx = new int[3];
            double[] aCoef = new double[3];
            int na = 0;
            if (ia >= 0) {
                aIdx[na] = ia;
                aCoef[na++] = 1;
                if (ga >= 0) {
                    aIdx[na] = ga;
                    aCoef[na++] = 1;
                }
                if (hasT) {
                    aIdx[na] = t;
                    aCoef[na++] = -arm;
                }
            }
            int[] bIdx = new int[3];
            double[] bCoef = new double[3];
            int nb = 0;
            if (ib >= 0) {
                bIdx[nb] = ib;
                bCoef[nb++] = 1;
                if (gb >= 0) {
                    bIdx[nb] = gb;
                    bCoef[nb++] = 1;
                }
                if (hasT) {
                    bIdx[nb] = t;
                    bCoef[nb++] = -arm;
                }
            }
            int cs = d.covariateStart;
            for (int u = 0; u < na; u++) {
                int iu = aIdx[u];
                double cu = aCoef[u];
                grad[iu] += cu * sGa;
                for (int v = 0; v < na; v++) {
                    hess[iu * pp + aIdx[v]] += cu * aCoef[v] * sHaa;
                }
                for (int v = 0; v < nb; v++) {
                    double x = cu * bCoef[v] * sHab;
                    hess[iu * pp + bIdx[v]] += x;
                    hess[bIdx[v] * pp + iu] += x;
                }
                for (int k = 0; k < q; k++) {
                    double x = cu * hax[k];
                    hess[iu * pp + cs + k] += x;
                    hess[(cs + k) * pp + iu] += x;
                }
            }
            for (int u = 0; u < nb; u++) {
                int iu = bIdx[u];
                double cu = bCoef[u];
                grad[iu] += cu * sGb;
                for (int v = 0; v < nb; v++) {
                    hess[iu * pp + bIdx[v]] += cu * bCoef[v] * sHbb;
                }
                for (int k = 0; k < q; k++) {
                    double x = cu * hbx[k];
                    hess[iu * pp + cs + k] += x;
                    hess[(cs + k) * pp + iu] += x;
                }
            }
        }
    }

    /** The cell that holds observation {@code i}: the largest c with cellStart[c] <= i. */
    private static int firstCell(int[] cs, int i, int cells) {
        int lo = 0;
        int hi = cs.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cs[mid] <= i) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return Math.min(lo, cells);
    }
}
