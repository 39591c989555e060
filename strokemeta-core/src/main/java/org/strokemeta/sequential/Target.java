package org.strokemeta.sequential;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.ordinal.ShiftPower;

/**
 * The anticipated effect of a trial sequential analysis, from which the required information size (patients,
 * both arms, 1:1) of a single adequately powered trial follows.
 */
public sealed interface Target extends java.io.Serializable permits Target.Binary, Target.Continuous, Target.Ordinal {
    /**
     * The required information size before any heterogeneity correction.
     *
     * @param alpha the two-sided type I error
     * @param power the power
     * @return patients in both arms
     */
    double informationSize(double alpha, double power);

    /**
     * The anticipated effect in words.
     *
     * @return for example {@code control risk 7%, relative risk reduction 50%}
     */
    String describe();

    /** (z_{1−α/2} + z_{1−β})². */
    private static double zz(double alpha, double power) {
        NormalDistribution n = NormalDistribution.of(0, 1);
        double z = n.inverseSurvivalProbability(alpha / 2) + n.inverseSurvivalProbability(1 - power);
        return z * z;
    }

    /**
     * A binary outcome: 4 (z_{1−α/2} + z_{1−β})² p̄(1 − p̄)/(p_C − p_I)², p_I = p_C (1 − RRR), p̄ = (p_C + p_I)/2
     * (Wetterslev et al. 2008).
     *
     * @param controlRisk           the anticipated control event proportion
     * @param relativeRiskReduction the anticipated relative risk reduction
     * @serial exclude
     */
    record Binary(double controlRisk, double relativeRiskReduction) implements Target {
        /**
         * Checks the values.
         *
         * @param controlRisk p_C, in (0, 1)
         * @param relativeRiskReduction RRR, non-zero, with p_I in (0, 1)
         * @throws IllegalArgumentException when out of range
         */
        public Binary {
            if (!(controlRisk > 0 && controlRisk < 1)) {
                throw new IllegalArgumentException("the control event proportion must lie strictly between 0 and 1, not " + controlRisk);
            }
            double pi = controlRisk * (1 - relativeRiskReduction);
            if (!(relativeRiskReduction != 0 && pi > 0 && pi < 1)) {
                throw new IllegalArgumentException("the relative risk reduction must be non-zero and give an intervention proportion in "
                        + "(0, 1), not " + relativeRiskReduction);
            }
        }

        @Override
        public double informationSize(double alpha, double power) {
            double pc = controlRisk;
            double pi = pc * (1 - relativeRiskReduction);
            double pbar = (pc + pi) / 2;
            return 4 * zz(alpha, power) * pbar * (1 - pbar) / ((pc - pi) * (pc - pi));
        }

        @Override
        public String describe() {
            return "control risk " + pct(controlRisk) + (relativeRiskReduction < 0 ? ", relative risk increase " + pct(-relativeRiskReduction)
                    : ", relative risk reduction " + pct(relativeRiskReduction));
        }
    }

    /**
     * A continuous outcome: 4 (z_{1−α/2} + z_{1−β})² σ²/δ² (the two-sample z-test's total).
     *
     * @param meanDifference the anticipated mean difference δ
     * @param sd             the anticipated standard deviation σ in each arm
     * @serial exclude
     */
    record Continuous(double meanDifference, double sd) implements Target {
        /**
         * Checks the values.
         *
         * @param meanDifference δ, non-zero and finite
         * @param sd σ, positive and finite
         * @throws IllegalArgumentException when out of range
         */
        public Continuous {
            if (!(meanDifference != 0 && Double.isFinite(meanDifference)) || !(sd > 0 && Double.isFinite(sd))) {
                throw new IllegalArgumentException("a continuous outcome needs a non-zero mean difference and a positive SD, not "
                        + meanDifference + " and " + sd);
            }
        }

        @Override
        public double informationSize(double alpha, double power) {
            return 4 * zz(alpha, power) * sd * sd / (meanDifference * meanDifference);
        }

        @Override
        public String describe() {
            return "mean difference " + meanDifference + ", SD " + sd;
        }
    }

    /**
     * The ordinal shift (mRS): Whitehead's total for the proportional-odds model with 1:1 allocation,
     * 12 (z_{1−α/2} + z_{1−β})²/((log cOR)² (1 − Σ p̄_j³)), p̄ the mean of the control distribution and the
     * treatment distribution the common odds ratio implies (Whitehead 1993, Stat Med 12:2257-71;
     * {@link ShiftPower#whiteheadSampleSize}).
     *
     * @param control the anticipated control distribution over the categories (proportions summing to 1)
     * @param cor     the anticipated common odds ratio (above 1: a shift to better categories)
     * @serial exclude
     */
    record Ordinal(double[] control, double cor) implements Target {
        /**
         * Checks and copies the values.
         *
         * @param control the control distribution
         * @param cor the common odds ratio, positive and not 1
         * @throws IllegalArgumentException when out of range
         */
        public Ordinal {
            if (control == null || control.length < 2) {
                throw new IllegalArgumentException("the ordinal target needs the control distribution over at least 2 categories");
            }
            control = control.clone();
            if (!(cor > 0 && cor != 1 && Double.isFinite(cor))) {
                throw new IllegalArgumentException("the anticipated common odds ratio must be positive and not 1, not " + cor);
            }
        }

        /**
         * The control distribution (a copy).
         *
         * @return the proportions per category
         */
        @Override
        public double[] control() {
            return control.clone();
        }

        @Override
        public double informationSize(double alpha, double power) {
            return ShiftPower.whiteheadSampleSize(control, cor, power, alpha, 0.5);
        }

        @Override
        public String describe() {
            return "common odds ratio " + cor + " on the control distribution given";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Ordinal x && java.util.Arrays.equals(control, x.control) && cor == x.cor;
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(control) + Double.hashCode(cor);
        }

        @Override
        public String toString() {
            return "Ordinal[control=" + java.util.Arrays.toString(control) + ", cor=" + cor + "]";
        }
    }

    private static String pct(double v) {
        return java.math.BigDecimal.valueOf(100 * v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString() + "%";
    }
}
