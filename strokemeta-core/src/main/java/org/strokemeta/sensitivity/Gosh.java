package org.strokemeta.sensitivity;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.InverseVariance;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.ModelFit;
import org.strokemeta.pool.Tau2Method;

/**
 * The GOSH analysis (graphical display of study heterogeneity; Olkin, Dahabreh and Trikalinos, Res Synth
 * Methods 2012;3:214-23; metafor's {@code gosh()}): the model fitted to every subset of the studies, or to a
 * seeded random sample of subsets when there are too many, with each fit's pooled estimate, Q, I², H² and
 * tau² and the studies it holds. Clusters in the plot of the estimates against I² point to the studies
 * that drive heterogeneity.
 *
 * <p>As metafor: the subsets are ordered by their number of studies, and within a size by the binary number
 * whose bit j is study j + 1 (the order of R's {@code expand.grid}); random subsets keep the order in which
 * they were drawn within a size. A fixed-effect inverse-variance model and DerSimonian-Laird's random-effects
 * model are fitted in closed form (O(k) per subset), with I² = max(0, 100 (Q − df)/Q) and H² = Q/df as
 * metafor's gosh computes them for these two; any other tau² estimator is iterated as the engine fits it
 * ({@link InverseVariance}, I² and H² from tau² and the typical within-study variance), and Mantel-Haenszel,
 * Peto and user-weighted models are refitted in full. A subset whose fit does not converge is kept with its
 * values NaN (metafor's NA) and counted in {@link #failed()}.
 *
 * @param studies    the studies, in data order (study j is bit j of a subset's membership)
 * @param full       the model of all the studies
 * @param exact      true when every subset was fitted, false for a random sample
 * @param possible   the number of subsets there are, 2^k − 1
 * @param seed       the seed of the random sample (unused when exact)
 * @param k          the number of studies in each subset
 * @param estimate   the pooled estimate of each subset (on the analysis scale)
 * @param q          Cochran's Q of each subset
 * @param i2         I² in percent
 * @param h2         H²
 * @param tau2       tau² (0 for a fixed-effect model)
 * @param membership the studies of each subset as bits, {@link #words()} longs per subset
 * @param failed     the number of subsets whose fit did not converge
 * @serial exclude
 */
public record Gosh(List<String> studies, MetaResult full, boolean exact, double possible, long seed, int[] k, double[] estimate, double[] q,
                   double[] i2, double[] h2, double[] tau2, long[] membership, int failed) implements Serializable {
    /**
     * Copies the arrays.
     *
     * @param studies    the studies
     * @param full       the model of all the studies
     * @param exact      whether every subset was fitted
     * @param possible   the number of subsets there are
     * @param seed       the seed
     * @param k          the sizes
     * @param estimate   the estimates
     * @param q          the Q statistics
     * @param i2         the I² values
     * @param h2         the H² values
     * @param tau2       the tau² values
     * @param membership the memberships
     * @param failed     the fits that did not converge
     */
    public Gosh {
        studies = List.copyOf(studies);
        k = k.clone();
        estimate = estimate.clone();
        q = q.clone();
        i2 = i2.clone();
        h2 = h2.clone();
        tau2 = tau2.clone();
        membership = membership.clone();
        int n = k.length;
        if (estimate.length != n || q.length != n || i2.length != n || h2.length != n || tau2.length != n
                || membership.length != n * ((studies.size() + 63) / 64)) {
            throw new IllegalArgumentException("one value of each statistic and one membership per subset");
        }
    }

    /**
     * Fits every subset of the studies, or a random sample of them.
     *
     * @param es the per-study effects, at least two studies
     * @param o  the model (fixed or random effects, tau² estimator, fixed-effect method), used for every subset
     * @param g  the most subsets fitted and the seed of a random sample
     * @return the fits of the subsets
     * @throws IllegalArgumentException when there are fewer than two studies
     */
    public static Gosh of(EffectSizes es, MetaOptions o, GoshOptions g) {
        MetaResult full = MetaAnalysis.run(es, o, false);
        boolean iv = !(o.model() == Model.FIXED && o.fixedMethod() != FixedMethod.IV) && o.inverseVarianceWeights();
        // the studies inverse-variance weights can use (a variance of 0 is left out, with the note the full model carries)
        EffectSizes use = iv ? full.effects() : es;
        int k = use.size();
        if (k < 2) {
            throw new IllegalArgumentException("a GOSH analysis needs at least two studies, not " + k);
        }
        double possible = Math.pow(2, k) - 1;
        boolean exact = possible <= g.subsets();
        int n = exact ? (int) possible : g.subsets();
        int words = (k + 63) / 64;
        long[] members = exact ? allSubsets(k, n) : randomSubsets(k, n, words, new SplittableRandom(g.seed()));
        int[] size = new int[n];
        double[] est = new double[n];
        double[] q = new double[n];
        double[] i2 = new double[n];
        double[] h2 = new double[n];
        double[] t2 = new double[n];
        Fit fit = fitter(use, o, iv);
        int failed = 0;
        int[] pos = new int[k];
        double[] out = new double[5];
        for (int s = 0; s < n; s++) {
            int m = 0;
            for (int w = 0; w < words; w++) {
                long bits = members[s * words + w];
                while (bits != 0) {
                    pos[m++] = w * 64 + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                }
            }
            size[s] = m;
            if (!fit.fit(pos, m, out)) {
                Arrays.fill(out, Double.NaN);
                failed++;
            }
            est[s] = out[0];
            q[s] = out[1];
            i2[s] = out[2];
            h2[s] = out[3];
            t2[s] = out[4];
        }
        List<String> names = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            names.add(use.study(i));
        }
        return new Gosh(names, full, exact, possible, g.seed(), size, est, q, i2, h2, t2, members, failed);
    }

    /** The fit of one subset: positions pos[0..m) into estimate, Q, I², H², tau²; false when it did not converge. */
    private interface Fit {
        boolean fit(int[] pos, int m, double[] out);
    }

    private static Fit fitter(EffectSizes es, MetaOptions o, boolean iv) {
        double[] y = es.yi();
        double[] v = es.vi();
        boolean fixed = o.model() == Model.FIXED;
        if (iv && (fixed || (o.tau2Method() == Tau2Method.DL && !o.fixesTau2()))) {
            boolean dl = !fixed;
            return (pos, m, out) -> closedForm(y, v, pos, m, dl, out);
        }
        // the fits report no intervals here: Wald z, so that a subset of one study fits under Hartung-Knapp too
        MetaOptions u = o.withCi(CiMethod.Z);
        if (iv) {
            return (pos, m, out) -> {
                double[] ys = new double[m];
                double[] vs = new double[m];
                for (int i = 0; i < m; i++) {
                    ys[i] = y[pos[i]];
                    vs[i] = v[pos[i]];
                }
                if (m == 1) {
                    set(out, ys[0], 0, 0, 1, u.fixesTau2() ? u.tau2Fixed() : 0);
                    return true;
                }
                ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(ys, vs), u, false);
                var h = f.heterogeneity();
                set(out, f.beta(0), h.q(), h.i2(), h.h2(), h.tau2());
                return f.converged();
            };
        }
        return (pos, m, out) -> {
            MetaResult r;
            try {
                r = MetaAnalysis.run(es.subset(Arrays.copyOf(pos, m)), u, false);
            } catch (org.strokemeta.data.InputException | IllegalArgumentException e) {
                // a subset the model cannot be fitted to (metafor's try-error, NA)
                return false;
            }
            var h = r.heterogeneity();
            set(out, r.pooled().estimate(), h.q(), h.i2(), h.h2(), h.tau2());
            return r.converged();
        };
    }

    /**
     * The fixed-effect or DerSimonian-Laird fit as metafor's gosh() computes it (its ".profile.rma.uni" for
     * models 1 and 2): I² and H² from Q, tau² = max(0, (Q − df) / (Σw − Σw²/Σw)).
     */
    private static boolean closedForm(double[] y, double[] v, int[] pos, int m, boolean dl, double[] out) {
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < m; i++) {
            double w = 1 / v[pos[i]];
            sw += w;
            swy += w * y[pos[i]];
        }
        double est = swy / sw;
        if (m == 1) {
            set(out, est, 0, 0, 1, 0);
            return true;
        }
        double q = 0;
        double trP = 0;
        for (int i = 0; i < m; i++) {
            double w = 1 / v[pos[i]];
            double r = y[pos[i]] - est;
            q += w * r * r;
            // tr(P) = Σ w_i (Σw − w_i) / Σw, the sum of P's diagonal elements, without Σw² − (Σw)² cancelling
            trP += w * (sw - w) / sw;
        }
        int df = m - 1;
        double i2 = Math.max(0, 100 * (q - df) / q);
        double h2 = q / df;
        double tau2 = 0;
        if (dl) {
            tau2 = Math.max(0, (q - df) / trP);
            double sr = 0;
            double sry = 0;
            for (int i = 0; i < m; i++) {
                double w = 1 / (v[pos[i]] + tau2);
                sr += w;
                sry += w * y[pos[i]];
            }
            est = sry / sr;
        }
        set(out, est, q, i2, h2, tau2);
        return Double.isFinite(est);
    }

    private static void set(double[] out, double est, double q, double i2, double h2, double tau2) {
        out[0] = est;
        out[1] = q;
        out[2] = i2;
        out[3] = h2;
        out[4] = tau2;
    }

    /** Every non-empty subset of k studies (k at most 62), by size, then by the binary number of its members. */
    private static long[] allSubsets(int k, int n) {
        long[] out = new long[n];
        int s = 0;
        long limit = 1L << k;
        for (int m = 1; m <= k; m++) {
            // Gosper's hack: the next larger number with the same number of bits set
            long x = (1L << m) - 1;
            while (x < limit) {
                out[s++] = x;
                long c = x & -x;
                long r = x + c;
                x = (((r ^ x) >>> 2) / c) | r;
            }
        }
        return out;
    }

    /** n random non-empty subsets (each study in with probability 1/2), ordered by size, stably. */
    private static long[] randomSubsets(int k, int n, int words, SplittableRandom rng) {
        long[] drawn = new long[n * words];
        int[] size = new int[n];
        int[] count = new int[k + 2];
        for (int s = 0; s < n; s++) {
            int bits;
            do {
                bits = 0;
                for (int w = 0; w < words; w++) {
                    int in = Math.min(64, k - 64 * w);
                    long x = rng.nextLong();
                    if (in < 64) {
                        x &= (1L << in) - 1;
                    }
                    drawn[s * words + w] = x;
                    bits += Long.bitCount(x);
                }
            } while (bits == 0);
            size[s] = bits;
            count[bits + 1]++;
        }
        for (int m = 1; m <= k + 1; m++) {
            count[m] += count[m - 1];
        }
        long[] out = new long[n * words];
        for (int s = 0; s < n; s++) {
            int t = count[size[s]]++;
            System.arraycopy(drawn, s * words, out, t * words, words);
        }
        return out;
    }

    /**
     * The number of subsets fitted.
     *
     * @return the number of subsets
     */
    public int size() {
        return k.length;
    }

    /**
     * The number of longs that hold one subset's membership.
     *
     * @return (number of studies + 63) / 64
     */
    public int words() {
        return (studies.size() + 63) / 64;
    }

    /**
     * Whether a subset holds a study.
     *
     * @param subset the subset, 0-based in the order of the results
     * @param study  the study, 0-based in data order
     * @return true when the study is in the subset
     */
    public boolean includes(int subset, int study) {
        return (membership[subset * words() + study / 64] >>> (study % 64) & 1) != 0;
    }

    /**
     * The number of studies of one subset.
     *
     * @param subset the subset
     * @return its number of studies
     */
    public int k(int subset) {
        return k[subset];
    }

    /**
     * The pooled estimate of one subset.
     *
     * @param subset the subset
     * @return its estimate (NaN when its fit did not converge)
     */
    public double estimate(int subset) {
        return estimate[subset];
    }

    /**
     * Cochran's Q of one subset.
     *
     * @param subset the subset
     * @return its Q
     */
    public double q(int subset) {
        return q[subset];
    }

    /**
     * I² of one subset.
     *
     * @param subset the subset
     * @return its I² in percent
     */
    public double i2(int subset) {
        return i2[subset];
    }

    /**
     * H² of one subset.
     *
     * @param subset the subset
     * @return its H²
     */
    public double h2(int subset) {
        return h2[subset];
    }

    /**
     * tau² of one subset.
     *
     * @param subset the subset
     * @return its tau²
     */
    public double tau2(int subset) {
        return tau2[subset];
    }

    /**
     * The number of studies in each subset.
     *
     * @return a copy of the sizes
     */
    @Override
    public int[] k() {
        return k.clone();
    }

    /**
     * The pooled estimates.
     *
     * @return a copy of the estimates
     */
    @Override
    public double[] estimate() {
        return estimate.clone();
    }

    /**
     * The Q statistics.
     *
     * @return a copy
     */
    @Override
    public double[] q() {
        return q.clone();
    }

    /**
     * The I² values.
     *
     * @return a copy
     */
    @Override
    public double[] i2() {
        return i2.clone();
    }

    /**
     * The H² values.
     *
     * @return a copy
     */
    @Override
    public double[] h2() {
        return h2.clone();
    }

    /**
     * The tau² values.
     *
     * @return a copy
     */
    @Override
    public double[] tau2() {
        return tau2.clone();
    }

    /**
     * The memberships, {@link #words()} longs per subset, bit j for study j.
     *
     * @return a copy
     */
    @Override
    public long[] membership() {
        return membership.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gosh g && studies.equals(g.studies) && full.equals(g.full) && exact == g.exact && possible == g.possible
                && seed == g.seed && Arrays.equals(k, g.k) && Arrays.equals(estimate, g.estimate) && Arrays.equals(q, g.q)
                && Arrays.equals(i2, g.i2) && Arrays.equals(h2, g.h2) && Arrays.equals(tau2, g.tau2) && Arrays.equals(membership, g.membership)
                && failed == g.failed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(studies, exact, seed, Arrays.hashCode(estimate), Arrays.hashCode(membership));
    }

    @Override
    public String toString() {
        return "Gosh[studies=" + studies.size() + ", subsets=" + size() + (exact ? " (all)" : " (random, seed " + seed + ")") + ", failed="
                + failed + "]";
    }
}
