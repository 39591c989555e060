package org.strokemeta.bias;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison of the validation corpus: |actual − expected| ≤ 1e-9 + 1e-6·|expected|. */
final class Near {
    static final double RELATIVE = 1e-6;
    static final double ABSOLUTE = 1e-9;

    private Near() {
    }

    static void near(String what, double actual, double expected) {
        assertThat(Math.abs(actual - expected))
                .as("%s: actual %s, expected %s", what, actual, expected)
                .isLessThanOrEqualTo(ABSOLUTE + RELATIVE * Math.abs(expected));
    }

    static void near(String what, double[] actual, double... expected) {
        assertThat(actual).as(what + " length").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            near(what + "[" + i + "]", actual[i], expected[i]);
        }
    }
}
