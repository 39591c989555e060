package org.strokemeta.ordinal;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.ordinal.EmptyCategories;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;

/**
 * Power and sample size of a two-arm trial analysed by the ordinal shift (proportional-odds model,
 * Wald test of the common odds ratio): Whitehead's formula (Whitehead, Stat Med 1993;12:2257-71;
 * the same as R's Hmisc::popower and posamsize) and power by simulation of the trial itself.
 *
 * <p>Under the alternative the treatment arm's distribution is the control distribution shifted by
 * the common odds ratio: odds(mRS ≤ j | treatment) = cOR · odds(mRS ≤ j | control), cOR &gt; 1 meaning
 * a shift toward better (lower) categories. Whitehead's variance uses the mean of the two arms'
 * distributions weighted by allocation, p̄: V = n_T n_C N / (3 (N + 1)²) · (1 − Σ p̄_j³), and
 * power = Φ(|log cOR| √V − z_{1−α/2}).
 */
public final class ShiftPower {
    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    private ShiftPower() {
    }

    /**
     * A planned trial.
     *
     * @param control    the expected control-arm distribution over the categories (sums to 1)
     * @param cor        the common odds ratio to detect (&gt; 1 = better with treatment)
     * @param nTreatment patients in the treatment arm
     * @param nControl   patients in the control arm
     * @param alpha      two-sided significance level
     * @serial exclude
     */
    public record Design(double[] control, double cor, int nTreatment, int nControl, double alpha) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Checks and copies a planned trial.
         *
         * @param control    the expected control-arm distribution (sums to 1, at least two categories)
         * @param cor        the common odds ratio to detect (positive, finite)
         * @param nTreatment patients in the treatment arm (at least 1)
         * @param nControl   patients in the control arm (at least 1)
         * @param alpha      two-sided significance level, in (0, 1)
         * @throws IllegalArgumentException when a value is out of its range
         */
        public Design {
            control = control.clone();
            double s = 0;
            for (double p : control) {
                if (!(p >= 0)) {
                    throw new IllegalArgumentException("the control distribution has a negative or missing share");
                }
                s += p;
            }
            if (Math.abs(s - 1) > 1e-6) {
                throw new IllegalArgumentException("the control distribution sums to " + s + ", not 1");
            }
            if (control.length < 2) {
                throw new IllegalArgumentException("an ordinal outcome needs at least two categories");
            }
            if (!(cor > 0) || !Double.isFinite(cor)) {
                throw new IllegalArgumentException("the common odds ratio must be positive, not " + cor);
            }
            if (nTreatment < 1 || nControl < 1) {
                throw new IllegalArgumentException("each arm needs at least one patient");
            }
            if (!(alpha > 0 && alpha < 1)) {
                throw new IllegalArgumentException("the significance level must lie between 0 and 1, not " + alpha);
            }
        }

        int total() {
            return nTreatment + nControl;
        }

        /**
         * The expected control-arm distribution over the categories.
         *
         * @return a copy (shares summing to 1)
         */
        @Override
        public double[] control() {
            return control.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Design d && java.util.Arrays.equals(control, d.control) && Double.compare(cor, d.cor) == 0
                    && nTreatment == d.nTreatment && nControl == d.nControl && Double.compare(alpha, d.alpha) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(java.util.Arrays.hashCode(control), cor, nTreatment, nControl, alpha);
        }

        @Override
        public String toString() {
            return "Design[control=" + java.util.Arrays.toString(control) + ", cor=" + cor + ", nTreatment=" + nTreatment
                    + ", nControl=" + nControl + ", alpha=" + alpha + "]";
        }
    }

    /**
     * Patients of a planned trial who differ from the others: a share of those enrolled, in both arms alike, with their own
     * control-arm distribution and common odds ratio; for example patients with an M2 occlusion in a trial of
     * large-vessel occlusions, who do better without treatment and may gain less from it. The trial's analysis stays
     * the one shift analysis of all its patients.
     *
     * @param share   the share of enrolled patients in the subgroup, 0 to 1
     * @param control the subgroup's control-arm distribution (sums to 1, as many categories as the trial's)
     * @param cor     the subgroup's common odds ratio (positive, finite)
     * @serial exclude
     */
    public record Subgroup(double share, double[] control, double cor) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Checks and copies the subgroup.
         *
         * @param share   the share of enrolled patients in the subgroup, 0 to 1
         * @param control the subgroup's control-arm distribution
         * @param cor     the subgroup's common odds ratio
         * @throws IllegalArgumentException when a value is out of its range
         */
        public Subgroup {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("the subgroup's share must lie between 0 and 1, not " + share);
            }
            // the same checks as a design's
            control = new Design(control, cor, 1, 1, 0.05).control();
        }

        /**
         * The subgroup's control-arm distribution.
         *
         * @return a copy
         */
        @Override
        public double[] control() {
            return control.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Subgroup g && Double.compare(share, g.share) == 0 && java.util.Arrays.equals(control, g.control)
                    && Double.compare(cor, g.cor) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(share, java.util.Arrays.hashCode(control), cor);
        }

        @Override
        public String toString() {
            return "Subgroup[share=" + share + ", control=" + java.util.Arrays.toString(control) + ", cor=" + cor + "]";
        }
    }

    /**
     * Simulated power.
     *
     * @param power      the share of simulated trials whose two-sided Wald test of the common odds ratio rejects at alpha
     * @param mcSe       its Monte Carlo standard error
     * @param trials     simulated trials
     * @param notFitted  trials whose model had no finite estimate (counted as not significant)
     * @param seed       the seed used
     * @serial exclude
     */
    public record Simulated(double power, double mcSe, int trials, int notFitted, long seed) implements java.io.Serializable {
    }

    /**
     * The treatment arm's distribution under proportional odds with the given common odds ratio.
     *
     * @param control the control arm's distribution over the categories (best first)
     * @param cor     the common odds ratio (&gt; 1 shifts toward the first categories)
     * @return the treatment arm's distribution, summing to 1
     */
    public static double[] treatmentDistribution(double[] control, double cor) {
        int k = control.length;
        double[] out = new double[k];
        double cum = 0;
        double prev = 0;
        for (int j = 0; j < k - 1; j++) {
            cum += control[j];
            double c = Math.min(1, cum);
            double shifted = c >= 1 ? 1 : cor * c / (1 - c + cor * c);
            out[j] = shifted - prev;
            prev = shifted;
        }
        out[k - 1] = 1 - prev;
        return out;
    }

    /** p̄: the two arms' distributions averaged with the allocation weights. */
    static double[] mean(double[] control, double cor, int nT, int nC) {
        double[] t = treatmentDistribution(control, cor);
        double[] m = new double[control.length];
        for (int j = 0; j < m.length; j++) {
            m[j] = (nT * t[j] + nC * control[j]) / (nT + nC);
        }
        return m;
    }

    /**
     * The power of the trial by Whitehead's formula (Whitehead 1993; Hmisc::popower).
     *
     * @param d the planned trial
     * @return the power, in (0, 1)
     */
    public static double whitehead(Design d) {
        double[] p = mean(d.control(), d.cor(), d.nTreatment(), d.nControl());
        double n = d.total();
        double v = (double) d.nTreatment() * d.nControl() * n / (3 * (n + 1) * (n + 1)) * (1 - cubes(p));
        return NORMAL.cumulativeProbability(Math.abs(Math.log(d.cor())) * Math.sqrt(v) - zTwoSided(d.alpha()));
    }

    /**
     * Whitehead's total sample size for a power, with a share {@code fractionTreatment} of patients in
     * the treatment arm (0.5 for equal allocation); p̄ is taken at that allocation (Hmisc::posamsize).
     *
     * @param control           the expected control-arm distribution (sums to 1)
     * @param cor               the common odds ratio to detect
     * @param power             the power wanted, in (0, 1)
     * @param alpha             two-sided significance level, in (0, 1)
     * @param fractionTreatment the share of patients in the treatment arm, in (0, 1)
     * @return the total number of patients (not rounded)
     * @throws IllegalArgumentException when a value is out of its range
     */
    public static double whiteheadSampleSize(double[] control, double cor, double power, double alpha, double fractionTreatment) {
        if (!(power > 0 && power < 1) || !(fractionTreatment > 0 && fractionTreatment < 1)) {
            throw new IllegalArgumentException("the power and the allocation fraction must lie between 0 and 1");
        }
        new Design(control, cor, 1, 1, alpha);
        double[] p = new double[control.length];
        double[] t = treatmentDistribution(control, cor);
        for (int j = 0; j < p.length; j++) {
            p[j] = fractionTreatment * t[j] + (1 - fractionTreatment) * control[j];
        }
        double a = (1 - fractionTreatment) / fractionTreatment;
        double z = zTwoSided(alpha) + NORMAL.inverseCumulativeProbability(power);
        double lor = Math.log(cor);
        return 3 * (a + 1) * (a + 1) * z * z / (a * lor * lor * (1 - cubes(p)));
    }

    /**
     * Power by simulation: each trial draws its arms' outcomes from the control and the shifted
     * distribution, fits the proportional-odds model and tests the common odds ratio (Wald, two-sided).
     *
     * @param d      the planned trial
     * @param trials the number of simulated trials (at least 1)
     * @param seed   the seed of the random stream (the same seed gives the same result)
     * @return the simulated power with its Monte Carlo standard error
     * @throws IllegalArgumentException when trials is less than 1
     */
    public static Simulated simulate(Design d, int trials, long seed) {
        return simulate(d, null, trials, seed);
    }

    /**
     * Power by simulation of a trial that enrols a subgroup with its own outcomes: each patient of each arm belongs to the
     * subgroup with the subgroup's share, and draws the outcome from that arm's distribution in the subgroup or in the
     * other patients; the analysis is the shift analysis of all the trial's patients. Without a subgroup, or with a share
     * of 0, this is {@link #simulate(Design, int, long)} (the same random stream).
     *
     * @param d        the planned trial (its control distribution and common odds ratio are those of the other patients)
     * @param subgroup the subgroup, or null
     * @param trials   the number of simulated trials (at least 1)
     * @param seed     the seed of the random stream (the same seed gives the same result)
     * @return the simulated power with its Monte Carlo standard error
     * @throws IllegalArgumentException when trials is less than 1, or the subgroup has another number of categories
     */
    public static Simulated simulate(Design d, Subgroup subgroup, int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("simulate at least one trial");
        }
        Subgroup sub = subgroup == null || subgroup.share() == 0 ? null : subgroup;
        if (sub != null && sub.control().length != d.control().length) {
            throw new IllegalArgumentException("the subgroup's control distribution has " + sub.control().length
                    + " categories, the trial's " + d.control().length);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = treatmentDistribution(d.control(), d.cor());
        double[] subT = sub == null ? null : treatmentDistribution(sub.control(), sub.cor());
        double[] subC = sub == null ? null : sub.control();
        int k = d.control().length;
        PoOptions po = PoOptions.defaults().withEmptyCategories(EmptyCategories.DROP).withLevel(1 - d.alpha());
        double z = zTwoSided(d.alpha());
        int hits = 0;
        int failed = 0;
        for (int r = 0; r < trials; r++) {
            org.strokemeta.internal.Cancellation.check();
            double[] ct = sub == null ? counts(rng, t, d.nTreatment()) : counts(rng, t, subT, sub.share(), d.nTreatment());
            double[] cc = sub == null ? counts(rng, d.control(), d.nControl())
                    : counts(rng, d.control(), subC, sub.share(), d.nControl());
            OrdinalTable table = new OrdinalTable("simulated", new String[] {"trial"}, new int[] {0}, new double[][] {ct},
                    new double[][] {cc}, k, List.of());
            ProportionalOddsFit f;
            try {
                f = ProportionalOdds.fit(table, po);
            } catch (RuntimeException e) {
                failed++;
                continue;
            }
            if (!f.converged()) {
                failed++;
                continue;
            }
            if (Math.abs(f.logCor() / f.logCorSe()) > z) {
                hits++;
            }
        }
        double power = (double) hits / trials;
        return new Simulated(power, Math.sqrt(power * (1 - power) / trials), trials, failed, seed);
    }

    private static double[] counts(SplittableRandom rng, double[] p, int n) {
        double[] c = new double[p.length];
        for (int i = 0; i < n; i++) {
            double v = rng.nextDouble();
            double s = 0;
            int j = 0;
            while (j < p.length - 1 && v >= (s += p[j])) {
                j++;
            }
            c[j]++;
        }
        return c;
    }

    /** Outcome counts of n patients, each in the subgroup (distribution {@code q}) with probability {@code share}, else p. */
    private static double[] counts(SplittableRandom rng, double[] p, double[] q, double share, int n) {
        double[] c = new double[p.length];
        for (int i = 0; i < n; i++) {
            double[] dist = rng.nextDouble() < share ? q : p;
            double v = rng.nextDouble();
            double s = 0;
            int j = 0;
            while (j < dist.length - 1 && v >= (s += dist[j])) {
                j++;
            }
            c[j]++;
        }
        return c;
    }

    private static double cubes(double[] p) {
        double s = 0;
        for (double x : p) {
            s += x * x * x;
        }
        return s;
    }

    private static double zTwoSided(double alpha) {
        return NORMAL.inverseSurvivalProbability(alpha / 2);
    }
}
