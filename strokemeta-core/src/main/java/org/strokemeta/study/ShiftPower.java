package org.strokemeta.study;

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
     * @param cor        the common odds ratio to detect (> 1 = better with treatment)
     * @param nTreatment patients in the treatment arm
     * @param nControl   patients in the control arm
     * @param alpha      two-sided significance level
     */
    public record Design(double[] control, double cor, int nTreatment, int nControl, double alpha) {
        /**
         * Copies the control distribution and checks the design.
         *
         * @param control the expected control-arm distribution over the categories (sums to 1)
         * @param cor the common odds ratio to detect (> 1 = better with treatment)
         * @param nTreatment patients in the treatment arm
         * @param nControl patients in the control arm
         * @param alpha two-sided significance level
         * @throws IllegalArgumentException if a share is negative or missing, the shares do not sum to 1, there are
         *         fewer than two categories, the odds ratio is not positive, an arm is empty or
         *         {@code alpha} is not in (0, 1)
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
    }

    /**
     * Simulated power.
     *
     * @param power      the share of simulated trials whose two-sided Wald test of the common odds ratio rejects at alpha
     * @param mcSe       its Monte Carlo standard error
     * @param trials     simulated trials
     * @param notFitted  trials whose model had no finite estimate (counted as not significant)
     * @param seed       the seed used
     */
    public record Simulated(double power, double mcSe, int trials, int notFitted, long seed) {
    }

    /**
     * The treatment arm's distribution under proportional odds with the given common odds ratio.
     *
     * @param control the control arm's shares per category, summing to 1
     * @param cor     the common odds ratio (&gt; 1: better with treatment)
     * @return the treatment arm's shares per category
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
     * Whitehead's power.
     *
     * @param d the design
     * @return the power, a probability
     */
    public static double whitehead(Design d) {
        double[] p = mean(d.control(), d.cor(), d.nTreatment(), d.nControl());
        double n = d.total();
        double v = (double) d.nTreatment() * d.nControl() * n / (3 * (n + 1) * (n + 1)) * (1 - cubes(p));
        return NORMAL.cumulativeProbability(Math.abs(Math.log(d.cor())) * Math.sqrt(v) - zTwoSided(d.alpha()));
    }

    /**
     * Whitehead's total sample size for a power, with a share {@code fractionTreatment} of patients in
     * the treatment arm (0.5 for equal allocation); p̄ is taken at that allocation.
     *
     * @param control           the control arm's shares per category, summing to 1
     * @param cor               the common odds ratio
     * @param power             the power wanted, in (0, 1)
     * @param alpha             the two-sided significance level
     * @param fractionTreatment the share of patients in the treatment arm, in (0, 1)
     * @return the total number of patients, not rounded
     * @throws IllegalArgumentException if the power or the allocation fraction is out of range
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
     * @param d      the design
     * @param trials the number of simulated trials, at least 1
     * @param seed   the seed
     * @return the share of trials with p &lt; alpha, its Monte Carlo standard error and how many fits failed
     * @throws IllegalArgumentException if {@code trials} is below 1
     */
    public static Simulated simulate(Design d, int trials, long seed) {
        if (trials < 1) {
            throw new IllegalArgumentException("simulate at least one trial");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[] t = treatmentDistribution(d.control(), d.cor());
        int k = d.control().length;
        PoOptions po = PoOptions.defaults().withEmptyCategories(EmptyCategories.DROP).withLevel(1 - d.alpha());
        double z = zTwoSided(d.alpha());
        int hits = 0;
        int failed = 0;
        for (int r = 0; r < trials; r++) {
            org.strokemeta.pool.Cancellation.check();
            double[] ct = counts(rng, t, d.nTreatment());
            double[] cc = counts(rng, d.control(), d.nControl());
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
