package org.strokemeta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The shortest-decimal writer gives the text of Jackson's Schubfach writer (the text of
 * Double.toString in Java 19 and later), and that text reads back to the same double.
 */
class ShortestDecimalProperties {
    private static String written(double v) {
        byte[] b = new byte[ShortestDecimal.MAX_BYTES + 3];
        int end = ShortestDecimal.write(v, b, 3);
        assertThat(end - 3).isLessThanOrEqualTo(ShortestDecimal.MAX_BYTES);
        return new String(b, 3, end - 3, StandardCharsets.US_ASCII);
    }

    private static void same(double v) {
        String s = written(v);
        String expected = NumberOutput.toString(v, true);
        if (!s.equals(expected)) {
            throw new AssertionError("bits " + Long.toHexString(Double.doubleToRawLongBits(v)) + ": " + s + " instead of " + expected);
        }
        if (Double.isFinite(v) && Double.doubleToRawLongBits(Double.parseDouble(s)) != Double.doubleToRawLongBits(v)) {
            throw new AssertionError(s + " does not read back to the same double");
        }
    }

    @Property(tries = 20_000)
    void any_bit_pattern_is_written_as_jackson_writes_it(@ForAll long bits) {
        same(Double.longBitsToDouble(bits));
    }

    @Property(tries = 5_000)
    void any_double_is_written_as_jackson_writes_it(@ForAll double v) {
        same(v);
    }

    @Test
    void millions_of_doubles_of_every_exponent_and_of_results_scale() {
        SplittableRandom r = new SplittableRandom(20261206);
        for (int i = 0; i < 2_000_000; i++) {
            same(Double.longBitsToDouble(r.nextLong()));
            same(r.nextGaussian() * Math.pow(10, r.nextInt(-12, 12)));
        }
        // every binary exponent, its powers of two and their neighbours (the narrower interval below them)
        for (int e = 0; e < 2047; e++) {
            long b = (long) e << 52;
            for (long d : new long[] {0, 1, 2, 3, (1L << 52) - 1, (1L << 52) - 2}) {
                same(Double.longBitsToDouble(b | d));
                same(-Double.longBitsToDouble(b | d));
            }
        }
        // whole numbers, decimals of few digits, and the edges of the plain notation
        for (long n = 0; n < 100_000; n++) {
            same(n);
            same(n / 1000.0);
            same(n * 1e-7);
        }
        for (double v : new double[] {1e-3, 9.999999999999999E-4, 1e7, 9999999.999999998, 1e23, 9.999999999999999E22, 2e-3,
            Double.MIN_VALUE, 2 * Double.MIN_VALUE, 3 * Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -0.0, 0.0,
            Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.82879384806159E17, 1.0E-5, 4.9E-324}) {
            same(v);
        }
    }

    @Test
    void the_logarithm_approximations_are_exact_floors_over_the_exponents_of_doubles() {
        MathContext mc = new MathContext(60);
        BigDecimal log10of2 = new BigDecimal("0.301029995663981195213738894724493026768189881462108541310427");
        BigDecimal log2of10 = new BigDecimal("3.32192809488736234787031942948939017586483139302458061205476");
        BigDecimal log10ofThreeQuarters = new BigDecimal("-0.124938736608299953132449886193870744336250898733521217791");
        for (int q = -1200; q <= 1200; q++) {
            BigDecimal bq = BigDecimal.valueOf(q);
            assertThat(ShortestDecimal.flog10pow2(q)).isEqualTo(floor(bq.multiply(log10of2, mc)));
            assertThat(ShortestDecimal.flog2pow10(q)).isEqualTo(floor(bq.multiply(log2of10, mc)));
            assertThat(ShortestDecimal.flog10threeQuartersPow2(q)).isEqualTo(floor(bq.multiply(log10of2, mc).add(log10ofThreeQuarters)));
        }
    }

    private static int floor(BigDecimal x) {
        return x.setScale(0, RoundingMode.FLOOR).intValueExact();
    }
}
