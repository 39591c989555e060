package org.strokemeta.sequential;

import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Lan-DeMets spending functions (Lan and DeMets 1983, Biometrika 70:659-663): how much of the type I (or II)
 * error is spent by information fraction t, t capped at 1.
 */
public enum Spending {
    /**
     * The O'Brien-Fleming type: two-sided α(t) = 4 − 4Φ(z_{1−α/4}/√t) (each side α/2), beta β(t) =
     * 2 − 2Φ(z_{1−β/2}/√t); little is spent early, so early boundaries are wide (the TSA program's default).
     */
    OBRIEN_FLEMING("lan_demets_obf", "O'Brien-Fleming"),
    /** The Pocock type: α(t) = α ln(1 + (e − 1)t), likewise for beta; boundaries nearly equal at every look. */
    POCOCK("lan_demets_pocock", "Pocock");

    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);
    private final String key;
    private final String label;

    Spending(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /**
     * The key of the validation format and the JSON output ({@code lan_demets_obf}, {@code lan_demets_pocock}).
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The type's name in words.
     *
     * @return {@code O'Brien-Fleming} or {@code Pocock}
     */
    public String label() {
        return label;
    }

    /**
     * The cumulative two-sided alpha spent by t.
     *
     * @param alpha the two-sided level
     * @param t     the information fraction
     * @return the alpha spent
     */
    public double alpha(double alpha, double t) {
        if (t <= 0) {
            return 0;
        }
        double u = Math.min(t, 1);
        return switch (this) {
            case OBRIEN_FLEMING -> 4 * N01.survivalProbability(N01.inverseSurvivalProbability(alpha / 4) / Math.sqrt(u));
            case POCOCK -> alpha * Math.log1p((Math.E - 1) * u);
        };
    }

    /**
     * The cumulative beta spent by t.
     *
     * @param beta the type II error
     * @param t    the information fraction
     * @return the beta spent
     */
    public double beta(double beta, double t) {
        if (t <= 0) {
            return 0;
        }
        double u = Math.min(t, 1);
        return switch (this) {
            case OBRIEN_FLEMING -> 2 * N01.survivalProbability(N01.inverseSurvivalProbability(beta / 2) / Math.sqrt(u));
            case POCOCK -> beta * Math.log1p((Math.E - 1) * u);
        };
    }

    /**
     * Reads a type: {@code obf}, {@code obrien-fleming}, {@code lan_demets_obf}, {@code pocock}, {@code lan_demets_pocock}.
     *
     * @param s the name, any case
     * @return the spending function
     * @throws IllegalArgumentException for another name
     */
    public static Spending parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "obf", "obrien-fleming", "o'brien-fleming", "lan_demets_obf" -> OBRIEN_FLEMING;
            case "pocock", "lan_demets_pocock" -> POCOCK;
            default -> throw new IllegalArgumentException("unknown spending function '" + s + "' (expected obf or pocock)");
        };
    }
}
