package org.strokemeta.ipd;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.strokemeta.ordinal.Link;
import org.strokemeta.pool.Execution;

/**
 * The Laplace approximation to the marginal log-likelihood of a cumulative-link model with any
 * fixed-effect design and any number of random-effect terms, each a vector of effects per level of its
 * grouping factor (nested, crossed or single), and its exact gradient: the objective of ordinal::clmm
 * with a general random-effects formula (Christensen 2019) and, for two categories and the logit link,
 * of lme4::glmer's Laplace approximation (Bates et al. 2015, section 5.5; for a canonical link the
 * observed and expected curvature agree).
 *
 * <p>Model: {@code F⁻¹ P(Y <= j | u) = theta_j − eta}, eta = x'beta + a'u, with u standard normal and
 * a = Λ'z: for each term t the patient's design values z_t (an intercept, covariates, factor
 * indicators) enter the block of u that belongs to the patient's level of the term's grouping factor,
 * through that term's lower-triangular relative covariance factor Λ_t (unstructured, or diagonal for
 * uncorrelated effects), so the random effects are b = Λu with covariance ΛΛ'. The approximation is
 * {@code Σ w log p(y | û) − |û|²/2 − log det H(û)/2} with H = I − Σ w ℓ'' a a' at the conditional
 * mode û, found by Newton's method (H ≥ I: the densities of the three links are log-concave, so the
 * conditional log-likelihood is concave, Pratt 1981).
 *
 * <p>The random effects fall apart into independent blocks, the connected components of the graph
 * linking each patient's levels (one per trial when every factor is nested in the trial; one block for
 * crossed factors); each is solved and differentiated on its own, in parallel for large data, and
 * their sums are added in block order, so the value does not depend on the execution. The gradient is
 * exact for the approximation: with M = H⁻¹, c = a'Ma and s = M v, v = ½ Σ w ℓ''' c a (the derivative
 * of −½ log det H in û), the total derivative of the approximation in a parameter ψ is
 * {@code Σ w [∂_ψ log p + ½ c ∂_ψ ℓ'' + (s'a) ∂_ψ ℓ' + ...]}, the implicit derivative dû/dψ = M ∂_ψ h_u
 * entering through s (the same construction as {@link MixedLikelihood}, whose special case this is).
 *
 * <p>Parameters, in order: the J − 1 thresholds (for centred fixed-effect columns), the p
 * coefficients, then each term's entries of Λ_t (the diagonal first, then the lower triangle by
 * columns).
 */
final class LaplaceLikelihood {
    static final double INNER_TOL = 1e-11;
    static final int INNER_MAX = 80;
    private static final int PARALLEL_FROM = 30_000;

    private final Link link;
    private final int n;
    private final int[] y;
    private final double[] w;
    final int nth;
    final int np;
    private final double[][] x;
    private final Terms terms;
    final int nlam;
    final int dim;
    /** Entries per patient of the sparse vector a: Σ q_t. */
    private final int m;
    /** Per patient and entry: the block-local index of u. */
    private final int[] local;
    private final Block[] blocks;
    private final boolean parallel;
    private final Execution execution;
    // per evaluation
    private final double[] th;
    private final double[] off;
    private final double[] aval;
    private final double[][] lam;
    /** Inner Newton failures in the last evaluation. */
    int innerFailures;

    /**
     * The random-effect terms: for each term its dimension q, grouping levels per patient, design columns
     * (null for the intercept) and whether its covariance is diagonal.
     */
    record Terms(int[] q, int[][] group, int[] levels, double[][][] z, boolean[] diagonal) {
        int count() {
            return q.length;
        }

        int parameters(int t) {
            return diagonal[t] ? q[t] : q[t] * (q[t] + 1) / 2;
        }

        /** The row and column in Λ_t of the term's k-th parameter: the diagonal first, then the lower triangle by columns. */
        int[] entry(int t, int k) {
            int qt = q[t];
            if (k < qt) {
                return new int[] {k, k};
            }
            int c = k - qt;
            for (int j = 0; j < qt; j++) {
                for (int i = j + 1; i < qt; i++) {
                    if (c-- == 0) {
                        return new int[] {i, j};
                    }
                }
            }
            throw new IllegalArgumentException("no parameter " + k);
        }

        double z(int t, int c, int r) {
            double[] col = z[t][c];
            return col == null ? 1 : col[r];
        }
    }

    /** An independent instance on the same data (its own scratch space and warm starts). */
    LaplaceLikelihood copy() {
        return new LaplaceLikelihood(link, y, nth + 1, w, x, terms, execution);
    }

    LaplaceLikelihood(Link link, int[] y, int categories, double[] w, double[][] x, Terms terms, Execution execution) {
        this.link = link;
        this.n = y.length;
        this.y = y;
        this.w = w;
        this.nth = categories - 1;
        this.np = x.length;
        this.x = x;
        this.terms = terms;
        int nl = 0;
        int mm = 0;
        for (int t = 0; t < terms.count(); t++) {
            nl += terms.parameters(t);
            mm += terms.q()[t];
        }
        this.nlam = nl;
        this.m = mm;
        this.dim = nth + np + nl;
        this.execution = execution;
        this.th = new double[nth];
        this.off = new double[n];
        this.aval = new double[n * m];
        this.lam = new double[terms.count()][];
        for (int t = 0; t < terms.count(); t++) {
            lam[t] = new double[terms.q()[t] * terms.q()[t]];
        }
        // global indices of u: term offset + level × q + component; blocks by union-find over levels
        int[] uOff = new int[terms.count() + 1];
        for (int t = 0; t < terms.count(); t++) {
            uOff[t + 1] = uOff[t] + terms.levels()[t] * terms.q()[t];
        }
        int nodes = 0;
        int[] nodeOff = new int[terms.count() + 1];
        for (int t = 0; t < terms.count(); t++) {
            nodeOff[t + 1] = nodeOff[t] + terms.levels()[t];
        }
        nodes = nodeOff[terms.count()];
        int[] parent = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < n; r++) {
            int first = nodeOff[0] + terms.group()[0][r];
            for (int t = 1; t < terms.count(); t++) {
                union(parent, first, nodeOff[t] + terms.group()[t][r]);
            }
        }
        int[] blockOfRoot = new int[nodes];
        Arrays.fill(blockOfRoot, -1);
        int nb = 0;
        int[] rowBlock = new int[n];
        for (int r = 0; r < n; r++) {
            int root = find(parent, nodeOff[0] + terms.group()[0][r]);
            if (blockOfRoot[root] < 0) {
                blockOfRoot[root] = nb++;
            }
            rowBlock[r] = blockOfRoot[root];
        }
        int[] size = new int[nb];
        for (int b : rowBlock) {
            size[b]++;
        }
        int[][] rows = new int[nb][];
        for (int b = 0; b < nb; b++) {
            rows[b] = new int[size[b]];
        }
        int[] fill = new int[nb];
        for (int r = 0; r < n; r++) {
            rows[rowBlock[r]][fill[rowBlock[r]]++] = r;
        }
        // block-local indices of u, in order of first appearance
        int[] localOf = new int[uOff[terms.count()]];
        Arrays.fill(localOf, -1);
        int[] count = new int[nb];
        this.local = new int[n * m];
        this.blocks = new Block[nb];
        int[][] globalOfLocal = new int[nb][];
        for (int b = 0; b < nb; b++) {
            java.util.List<Integer> g = new java.util.ArrayList<>();
            for (int r : rows[b]) {
                int k = 0;
                for (int t = 0; t < terms.count(); t++) {
                    int qt = terms.q()[t];
                    int base = uOff[t] + terms.group()[t][r] * qt;
                    for (int c = 0; c < qt; c++, k++) {
                        int gi = base + c;
                        if (localOf[gi] < 0) {
                            localOf[gi] = count[b]++;
                            g.add(gi);
                        }
                        local[r * m + k] = localOf[gi];
                    }
                }
            }
            globalOfLocal[b] = g.stream().mapToInt(Integer::intValue).toArray();
            blocks[b] = new Block(rows[b], count[b]);
        }
        this.globalIndex = globalOfLocal;
        this.uOffset = uOff;
        this.parallel = n >= PARALLEL_FROM && nb > 1;
    }

    private final int[][] globalIndex;
    private final int[] uOffset;

    private static int find(int[] p, int i) {
        while (p[i] != i) {
            p[i] = p[p[i]];
            i = p[i];
        }
        return i;
    }

    private static void union(int[] p, int a, int b) {
        int ra = find(p, a);
        int rb = find(p, b);
        if (ra != rb) {
            p[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    int dimension() {
        return dim;
    }

    int blockCount() {
        return blocks.length;
    }

    /** The largest block of random effects (the size of the dense matrices of one block). */
    int largestBlock() {
        int max = 0;
        for (Block b : blocks) {
            max = Math.max(max, b.q);
        }
        return max;
    }

    int lambdaOffset() {
        return nth + np;
    }

    /** The conditional modes û at the last evaluation, in global order (term, level, component). */
    double[] modes() {
        double[] u = new double[uOffset[terms.count()]];
        for (int b = 0; b < blocks.length; b++) {
            for (int l = 0; l < blocks[b].q; l++) {
                u[globalIndex[b][l]] = blocks[b].u[l];
            }
        }
        return u;
    }

    /** Offset of term t in the global order of {@link #modes()}. */
    int modeOffset(int t) {
        return uOffset[t];
    }

    /** Fills Λ_t (row-major, q_t × q_t) from the parameters at {@code psi[lambdaOffset()..]}. */
    void lambda(double[] psi, int t, double[] out) {
        Arrays.fill(out, 0);
        int k0 = lambdaOffset();
        for (int s = 0; s < t; s++) {
            k0 += terms.parameters(s);
        }
        int qt = terms.q()[t];
        for (int k = 0; k < terms.parameters(t); k++) {
            int[] e = terms.entry(t, k);
            out[e[0] * qt + e[1]] = psi[k0 + k];
        }
    }

    /** The approximate marginal log-likelihood at psi (−∞ where undefined); fills grad when finite. */
    double evaluate(double[] psi, double[] grad) {
        for (int j = 0; j < nth; j++) {
            if (!Double.isFinite(psi[j]) || (j > 0 && !(psi[j] > psi[j - 1]))) {
                return Double.NEGATIVE_INFINITY;
            }
            th[j] = psi[j];
        }
        for (int k = nth; k < dim; k++) {
            if (!Double.isFinite(psi[k])) {
                return Double.NEGATIVE_INFINITY;
            }
        }
        Arrays.fill(off, 0);
        for (int j = 0; j < np; j++) {
            double b = psi[nth + j];
            double[] xj = x[j];
            for (int r = 0; r < n; r++) {
                off[r] += b * xj[r];
            }
        }
        for (int t = 0; t < terms.count(); t++) {
            lambda(psi, t, lam[t]);
        }
        // a = Λ'z per patient and entry
        for (int r = 0; r < n; r++) {
            int k = 0;
            for (int t = 0; t < terms.count(); t++) {
                int qt = terms.q()[t];
                double[] l = lam[t];
                for (int j = 0; j < qt; j++, k++) {
                    double s = 0;
                    for (int i = j; i < qt; i++) {
                        s += l[i * qt + j] * terms.z(t, i, r);
                    }
                    aval[r * m + k] = s;
                }
            }
        }
        if (parallel) {
            execution.forEach(blocks.length, b -> blocks[b].compute());
        } else {
            for (Block b : blocks) {
                b.compute();
            }
        }
        double value = 0;
        Arrays.fill(grad, 0);
        int fails = 0;
        for (Block b : blocks) {
            value += b.value;
            for (int k = 0; k < dim; k++) {
                grad[k] += b.grad[k];
            }
            fails += b.converged ? 0 : 1;
        }
        innerFailures = fails;
        return Double.isFinite(value) ? value : Double.NEGATIVE_INFINITY;
    }

    /**
     * The derivatives of one patient's log p in eta and the thresholds: out = {log p, ℓ', ℓ'', ℓ''',
     * ∂logp/∂θ_y, ∂ℓ'/∂θ_y, ∂ℓ''/∂θ_y, ∂logp/∂θ_{y−1}, ∂ℓ'/∂θ_{y−1}, ∂ℓ''/∂θ_{y−1}}, with a = θ_y − η,
     * b = θ_{y−1} − η, g = log(F(a) − F(b)) and ∂/∂η = −(∂_a + ∂_b).
     */
    private void derivatives(int yy, double eta, double[] out) {
        boolean hasA = yy < nth;
        boolean hasB = yy > 0;
        double a = hasA ? th[yy] - eta : Double.POSITIVE_INFINITY;
        double b = hasB ? th[yy - 1] - eta : Double.NEGATIVE_INFINITY;
        double p;
        if (!hasB) {
            p = link.cdf(a);
        } else if (!hasA) {
            p = link.survival(b);
        } else if (b > 0) {
            p = link.survival(b) - link.survival(a);
        } else {
            p = link.cdf(a) - link.cdf(b);
        }
        double pa = hasA ? link.pdf(a) / p : 0;
        double paa = hasA ? link.pdfDerivative(a) / p : 0;
        double paaa = hasA ? link.pdfSecondDerivative(a) / p : 0;
        double pb = hasB ? -link.pdf(b) / p : 0;
        double pbb = hasB ? -link.pdfDerivative(b) / p : 0;
        double pbbb = hasB ? -link.pdfSecondDerivative(b) / p : 0;
        double ga = pa;
        double gb = pb;
        double gaa = paa - ga * ga;
        double gbb = pbb - gb * gb;
        double gab = -ga * gb;
        double gaaa = paaa - 3 * ga * paa + 2 * ga * ga * ga;
        double gbbb = pbbb - 3 * gb * pbb + 2 * gb * gb * gb;
        double gaab = -gb * paa + 2 * ga * ga * gb;
        double gabb = 2 * ga * gb * gb - ga * pbb;
        out[0] = Math.log(p);
        out[1] = -(ga + gb);
        out[2] = gaa + 2 * gab + gbb;
        out[3] = -(gaaa + 3 * gaab + 3 * gabb + gbbb);
        out[4] = ga;
        out[5] = -(gaa + gab);
        out[6] = gaaa + 2 * gaab + gabb;
        out[7] = gb;
        out[8] = -(gab + gbb);
        out[9] = gaab + 2 * gabb + gbbb;
    }

    /** One independent block of random effects: its patients, its mode and its share of value and gradient. */
    private final class Block {
        final int[] rows;
        final int q;
        final double[] u;
        final double[] g;
        final double[] h;
        final double[] step;
        final double[] uPrev;
        final double[] v;
        final double[] s;
        final double[] grad;
        final double[] d = new double[10];
        final double[] ma;
        final double[] cr;
        double value;
        boolean converged;
        final DMatrixRMaj hm;
        final DMatrixRMaj minv;
        final CholeskyDecomposition_F64<DMatrixRMaj> chol;
        DMatrixRMaj lower;

        Block(int[] rows, int q) {
            this.rows = rows;
            this.q = q;
            u = new double[q];
            g = new double[q];
            h = new double[q * q];
            step = new double[q];
            uPrev = new double[q];
            v = new double[q];
            s = new double[q];
            grad = new double[dim];
            ma = new double[m];
            cr = new double[rows.length];
            hm = new DMatrixRMaj(q, q);
            minv = new DMatrixRMaj(q, q);
            chol = DecompositionFactory_DDRM.chol(q, true);
        }

        double eta(int r) {
            double e = off[r];
            int base = r * m;
            for (int k = 0; k < m; k++) {
                e += aval[base + k] * u[local[base + k]];
            }
            return e;
        }

        /** Σ w log p − |u|²/2 with its gradient g and H at the current u; NaN where undefined. */
        double inner() {
            double lp = 0;
            Arrays.fill(g, 0);
            Arrays.fill(h, 0);
            for (int r : rows) {
                derivatives(y[r], eta(r), d);
                double wr = w == null ? 1 : w[r];
                lp += wr * d[0];
                int base = r * m;
                for (int k = 0; k < m; k++) {
                    int li = local[base + k];
                    double ak = aval[base + k];
                    g[li] += wr * d[1] * ak;
                    double c = -wr * d[2] * ak;
                    for (int l = 0; l < m; l++) {
                        h[li * q + local[base + l]] += c * aval[base + l];
                    }
                }
            }
            double uu = 0;
            for (int i = 0; i < q; i++) {
                g[i] -= u[i];
                h[i * q + i] += 1;
                uu += u[i] * u[i];
            }
            double val = lp - 0.5 * uu;
            return Double.isFinite(val) ? val : Double.NaN;
        }

        boolean factor() {
            System.arraycopy(h, 0, hm.data, 0, q * q);
            if (!chol.decompose(hm)) {
                return false;
            }
            lower = chol.getT(lower);
            return true;
        }

        void compute() {
            Arrays.fill(grad, 0);
            converged = false;
            for (int i = 0; i < q; i++) {
                if (!Double.isFinite(u[i]) || Math.abs(u[i]) > 20) {
                    u[i] = 0;
                }
            }
            double val = inner();
            if (!(val == val)) {
                Arrays.fill(u, 0);
                val = inner();
                if (!(val == val)) {
                    value = Double.NEGATIVE_INFINITY;
                    return;
                }
            }
            for (int it = 0; it < INNER_MAX; it++) {
                if (!factor()) {
                    value = Double.NEGATIVE_INFINITY;
                    return;
                }
                solveChol(g, step);
                double smax = 0;
                for (int i = 0; i < q; i++) {
                    smax = Math.max(smax, Math.abs(step[i]));
                }
                if (smax < INNER_TOL) {
                    converged = true;
                    break;
                }
                System.arraycopy(u, 0, uPrev, 0, q);
                double f = 1;
                double nv = Double.NaN;
                for (int half = 0; half < 40; half++) {
                    for (int i = 0; i < q; i++) {
                        u[i] = uPrev[i] + f * step[i];
                    }
                    nv = inner();
                    if (nv == nv && nv >= val - 1e-12 * Math.abs(val)) {
                        break;
                    }
                    f /= 2;
                }
                if (!(nv == nv)) {
                    value = Double.NEGATIVE_INFINITY;
                    return;
                }
                val = nv;
            }
            if (!converged && !factor()) {
                value = Double.NEGATIVE_INFINITY;
                return;
            }
            // log det H from the Cholesky factor; M = H⁻¹
            double logdet = 0;
            for (int i = 0; i < q; i++) {
                logdet += 2 * Math.log(lower.get(i, i));
            }
            invert();
            value = val - 0.5 * logdet;
            if (!Double.isFinite(value)) {
                value = Double.NEGATIVE_INFINITY;
                return;
            }
            // first pass: c = a'Ma and v = ½ Σ w ℓ''' c a
            Arrays.fill(v, 0);
            double[] mi = minv.data;
            for (int ri = 0; ri < rows.length; ri++) {
                int r = rows[ri];
                int base = r * m;
                derivatives(y[r], eta(r), d);
                double wr = w == null ? 1 : w[r];
                double c = 0;
                for (int k = 0; k < m; k++) {
                    int li = local[base + k];
                    double sum = 0;
                    for (int l = 0; l < m; l++) {
                        sum += mi[li * q + local[base + l]] * aval[base + l];
                    }
                    c += aval[base + k] * sum;
                }
                cr[ri] = c;
                double f = 0.5 * wr * d[3] * c;
                for (int k = 0; k < m; k++) {
                    v[local[base + k]] += f * aval[base + k];
                }
            }
            for (int i = 0; i < q; i++) {
                double sum = 0;
                for (int l = 0; l < q; l++) {
                    sum += mi[i * q + l] * v[l];
                }
                s[i] = sum;
            }
            // second pass: the gradient
            int lo = lambdaOffset();
            for (int ri = 0; ri < rows.length; ri++) {
                int r = rows[ri];
                int base = r * m;
                derivatives(y[r], eta(r), d);
                double wr = w == null ? 1 : w[r];
                double c = cr[ri];
                double sigma = 0;
                for (int k = 0; k < m; k++) {
                    int li = local[base + k];
                    sigma += s[li] * aval[base + k];
                    double sum = 0;
                    for (int l = 0; l < m; l++) {
                        sum += mi[li * q + local[base + l]] * aval[base + l];
                    }
                    ma[k] = sum;
                }
                int yy = y[r];
                if (yy < nth) {
                    grad[yy] += wr * (d[4] + 0.5 * c * d[6] + sigma * d[5]);
                }
                if (yy > 0) {
                    grad[yy - 1] += wr * (d[7] + 0.5 * c * d[9] + sigma * d[8]);
                }
                double gr = wr * (d[1] + 0.5 * d[3] * c + d[2] * sigma);
                for (int j = 0; j < np; j++) {
                    grad[nth + j] += gr * x[j][r];
                }
                // variance parameters: entry (i, j) of Λ_t; e = z_i u_j, ea'Ma = z_i (Ma)_j, s'ea = z_i s_j
                int k0 = lo;
                int e0 = 0;
                for (int t = 0; t < terms.count(); t++) {
                    int qt = terms.q()[t];
                    for (int k = 0; k < terms.parameters(t); k++) {
                        int[] e = terms.entry(t, k);
                        double zi = terms.z(t, e[0], r);
                        if (zi != 0) {
                            int lj = local[base + e0 + e[1]];
                            grad[k0 + k] += zi * (u[lj] * gr + wr * (d[2] * ma[e0 + e[1]] + d[1] * s[lj]));
                        }
                    }
                    k0 += terms.parameters(t);
                    e0 += qt;
                }
            }
        }

        /** out = H⁻¹ b from the Cholesky factor. */
        void solveChol(double[] b, double[] out) {
            double[] z = new double[q];
            for (int i = 0; i < q; i++) {
                double sum = b[i];
                for (int k = 0; k < i; k++) {
                    sum -= lower.get(i, k) * z[k];
                }
                z[i] = sum / lower.get(i, i);
            }
            for (int i = q - 1; i >= 0; i--) {
                double sum = z[i];
                for (int k = i + 1; k < q; k++) {
                    sum -= lower.get(k, i) * out[k];
                }
                out[i] = sum / lower.get(i, i);
            }
        }

        /** M = (LL')⁻¹ into minv. */
        void invert() {
            double[] e = new double[q];
            double[] col = new double[q];
            for (int j = 0; j < q; j++) {
                Arrays.fill(e, 0);
                e[j] = 1;
                solveChol(e, col);
                for (int i = 0; i < q; i++) {
                    minv.data[i * q + j] = col[i];
                }
            }
        }
    }
}
