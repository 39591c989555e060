package org.strokemeta.internal;

import java.util.function.DoubleUnaryOperator;

/**
 * Adaptive Gauss-Kronrod quadrature (the 7-point Gauss and 15-point Kronrod pair of QUADPACK's QK15;
 * Piessens et al. 1983), globally adaptive as QUADPACK's QAG and R's {@code integrate} (which uses the
 * 21-point pair).
 */
public final class Quadrature {
    private Quadrature() {
    }

    private static final double[] XGK = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
        0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0.000000000000000000000000000000000};
    private static final double[] WGK = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
        0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};
    /** The most subintervals before the tolerance is declared out of reach (QUADPACK's limit is of this order). */
    private static final int MAX_PIECES = 5000;

    /**
     * ∫ f over [a, b] to an absolute tolerance, by the globally adaptive strategy of QUADPACK's QAG: the
     * piece with the largest error estimate is halved until the errors sum to the tolerance.
     *
     * @param f         the integrand, finite on [a, b]
     * @param a         the lower end
     * @param b         the upper end (finite)
     * @param tolerance the absolute error allowed for the whole integral
     * @return the integral, NaN when the integrand is not finite at a node or {@value #MAX_PIECES} pieces do not
     *         reach the tolerance
     */
    public static double integrate(DoubleUnaryOperator f, double a, double b, double tolerance) {
        java.util.PriorityQueue<double[]> pieces = new java.util.PriorityQueue<>((x, y) -> Double.compare(y[3], x[3]));
        double[] first = rule(f, a, b);
        if (first == null) {
            return Double.NaN;
        }
        pieces.add(first);
        double total = first[2];
        double error = first[3];
        while (error > tolerance) {
            if (pieces.size() >= MAX_PIECES) {
                return Double.NaN;
            }
            double[] worst = pieces.poll();
            double mid = (worst[0] + worst[1]) / 2;
            if (!(mid > worst[0] && mid < worst[1])) {
                return Double.NaN; // cannot be halved in double precision
            }
            double[] left = rule(f, worst[0], mid);
            double[] right = rule(f, mid, worst[1]);
            if (left == null || right == null) {
                return Double.NaN;
            }
            total += left[2] + right[2] - worst[2];
            error += left[3] + right[3] - worst[3];
            pieces.add(left);
            pieces.add(right);
        }
        // the running sum drifts by rounding: add the pieces afresh
        double sum = 0;
        for (double[] p : pieces) {
            sum += p[2];
        }
        return sum;
    }

    /**
     * The subdivision the adaptive strategy of {@link #integrate} reaches for {@code f} on [a, b]: the sorted
     * end points of its final pieces, on each of which the 15-point Kronrod rule ({@link #kronrod}) integrates
     * f (and functions as smooth as f) to the tolerance. Null when {@link #integrate} would return NaN.
     *
     * @param f         the integrand, finite on [a, b]
     * @param a         the lower end
     * @param b         the upper end (finite)
     * @param tolerance the absolute error allowed for the whole integral
     * @return the end points, from a to b
     */
    public static double[] subdivision(DoubleUnaryOperator f, double a, double b, double tolerance) {
        java.util.PriorityQueue<double[]> pieces = new java.util.PriorityQueue<>((x, y) -> Double.compare(y[3], x[3]));
        double[] first = rule(f, a, b);
        if (first == null) {
            return null;
        }
        pieces.add(first);
        double error = first[3];
        while (error > tolerance) {
            if (pieces.size() >= MAX_PIECES) {
                return null;
            }
            double[] worst = pieces.poll();
            double mid = (worst[0] + worst[1]) / 2;
            if (!(mid > worst[0] && mid < worst[1])) {
                return null;
            }
            double[] left = rule(f, worst[0], mid);
            double[] right = rule(f, mid, worst[1]);
            if (left == null || right == null) {
                return null;
            }
            error += left[3] + right[3] - worst[3];
            pieces.add(left);
            pieces.add(right);
        }
        double[] ends = new double[pieces.size() + 1];
        int i = 0;
        for (double[] p : pieces) {
            ends[i++] = p[0];
        }
        ends[i] = b;
        java.util.Arrays.sort(ends);
        return ends;
    }

    /**
     * The 15 nodes and weights of the Kronrod rule on [a, b].
     *
     * @param a the lower end
     * @param b the upper end
     * @param x the 15 nodes (filled)
     * @param w their weights (filled)
     */
    public static void kronrod(double a, double b, double[] x, double[] w) {
        double c = (a + b) / 2;
        double h = (b - a) / 2;
        for (int j = 0; j < 7; j++) {
            x[2 * j] = c - h * XGK[j];
            w[2 * j] = h * WGK[j];
            x[2 * j + 1] = c + h * XGK[j];
            w[2 * j + 1] = h * WGK[j];
        }
        x[14] = c;
        w[14] = h * WGK[7];
    }

    /** The 15-point Kronrod value of one piece and the difference from the 7-point Gauss value: {a, b, value, error}, null if not finite. */
    private static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double centre = (a + b) / 2;
        double half = (b - a) / 2;
        double fc = f.applyAsDouble(centre);
        double kronrod = fc * WGK[7];
        double gauss = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = half * XGK[j];
            double sum = f.applyAsDouble(centre - dx) + f.applyAsDouble(centre + dx);
            kronrod += WGK[j] * sum;
            if (j % 2 == 1) {
                gauss += WG[j / 2] * sum;
            }
        }
        kronrod *= half;
        gauss *= half;
        if (!Double.isFinite(kronrod) || !Double.isFinite(gauss)) {
            return null;
        }
        return new double[] {a, b, kronrod, Math.abs(kronrod - gauss)};
    }
}
