package org.strokemeta.bias;

/** Input checks shared by the small-study methods. */
final class Checks {
    private Checks() {
    }

    /**
     * Checks that effects and variances match, are finite, that the variances are positive, and
     * that there are at least {@code minK} studies.
     *
     * @param what the method, for the message ("Egger's regression test")
     */
    static void studies(double[] yi, double[] vi, int minK, String what) {
        if (yi.length != vi.length) {
            throw new IllegalArgumentException("effects and variances differ in number");
        }
        if (yi.length < minK) {
            throw new IllegalArgumentException(what + " needs at least " + minK + " studies; this analysis has "
                    + yi.length);
        }
        for (int i = 0; i < yi.length; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new IllegalArgumentException("study " + (i + 1) + " has no finite effect (" + yi[i] + ")");
            }
            if (!(vi[i] > 0) || !Double.isFinite(vi[i])) {
                throw new IllegalArgumentException("study " + (i + 1) + " needs a positive, finite variance (got "
                        + vi[i] + ")");
            }
        }
    }
}
