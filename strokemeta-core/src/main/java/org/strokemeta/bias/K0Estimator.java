package org.strokemeta.bias;

import java.util.Locale;

/**
 * The estimators of the number of missing studies k0 of trim-and-fill (Duval and Tweedie 2000,
 * Biometrics 56:455, section 3; JASA 95:89), computed from the signed ranks of the centred effects
 * |y<sub>i</sub> − θ| (ties ranked in order of appearance, R's {@code ties.method = "first"}) of all
 * k studies, as metafor::trimfill does. The estimate is rounded to the nearest integer (halves to
 * even, as R's round) and truncated at 0.
 */
public enum K0Estimator {
    /**
     * L0 = (4 S<sub>r</sub> − k(k+1)) / (2k − 1), with S<sub>r</sub> the sum of the positive ranks
     * (the Wilcoxon statistic), and its standard error from the variance of S<sub>r</sub> given k0
     * (Duval and Tweedie 2000, eq. 5 and 7).
     */
    L0("L0 (Wilcoxon rank sum)") {
        @Override
        Raw estimate(double[] centred, int[] rank) {
            int k = centred.length;
            double sr = 0;
            for (int i = 0; i < k; i++) {
                if (centred[i] > 0) {
                    sr += rank[i];
                }
            }
            double kd = k;
            double k0 = (4 * sr - kd * (kd + 1)) / (2 * kd - 1);
            double varSr = (kd * (kd + 1) * (2 * kd + 1) + 10 * k0 * k0 * k0 + 27 * k0 * k0 + 17 * k0
                    - 18 * kd * k0 * k0 - 18 * kd * k0 + 6 * kd * kd * k0) / 24;
            return new Raw(k0, 4 * Math.sqrt(varSr) / (2 * kd - 1));
        }

        @Override
        public double pValue(int k0) {
            return Double.NaN;
        }
    },

    /**
     * R0 = γ* − 1, with γ* the length of the rightmost run of positive ranks (k minus the largest
     * rank of a negative centred effect), and standard error √(2 max(0, R0) + 2) (Duval and Tweedie
     * 2000, eq. 4 and 6). Without any negative centred effect γ* = k.
     */
    R0("R0 (rightmost run of ranks)") {
        @Override
        Raw estimate(double[] centred, int[] rank) {
            int k = centred.length;
            int maxNegative = 0;
            for (int i = 0; i < k; i++) {
                if (centred[i] < 0) {
                    maxNegative = Math.max(maxNegative, rank[i]);
                }
            }
            double k0 = k - maxNegative - 1.0;
            return new Raw(k0, Math.sqrt(2 * Math.max(0, k0) + 2));
        }

        /** P(R0 ≥ k0) under no missing studies, 0.5<sup>k0+1</sup> (metafor's {@code p.k0}). */
        @Override
        public double pValue(int k0) {
            return Math.pow(0.5, k0 + 1);
        }
    };

    private final String label;

    K0Estimator(String label) {
        this.label = label;
    }

    /**
     * The estimator's name for reports.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * The unrounded estimate and its standard error.
     *
     * @param centred the oriented effects minus the current estimate, in ascending order of the effects
     * @param rank    the rank of each |centred| value (1..k)
     */
    abstract Raw estimate(double[] centred, int[] rank);

    /**
     * The p-value of the test of k0 = 0 that the estimator provides, or NaN when it has none.
     *
     * @param k0 the estimated number of missing studies
     * @return for R0, P(R0 ≥ k0) = 0.5^(k0+1) under no missing studies; NaN for L0
     */
    public abstract double pValue(int k0);

    /** An unrounded estimate of k0 with its standard error. */
    record Raw(double k0, double se) {
    }

    /**
     * Parses an estimator's name: {@code L0} or {@code R0}, case-insensitive.
     *
     * @param s the name, surrounding blanks ignored
     * @return the estimator
     * @throws IllegalArgumentException if the name is unknown
     */
    public static K0Estimator parse(String s) {
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "L0" -> L0;
            case "R0" -> R0;
            default -> throw new IllegalArgumentException("unknown k0 estimator '" + s + "' (expected L0 or R0)");
        };
    }
}
