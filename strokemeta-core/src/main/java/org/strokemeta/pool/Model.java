package org.strokemeta.pool;

import java.util.Locale;

/** Fixed-effect (common-effect) or random-effects pooling. */
public enum Model {
    FIXED, RANDOM;

    public static Model parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "fixed", "fe", "common" -> FIXED;
            case "random", "re" -> RANDOM;
            default -> throw new IllegalArgumentException("unknown model '" + s + "' (expected fixed or random)");
        };
    }

    public String label() {
        return this == FIXED ? "fixed-effect" : "random-effects";
    }
}
