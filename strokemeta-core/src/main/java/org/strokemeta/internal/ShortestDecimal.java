package org.strokemeta.internal;

import java.math.BigInteger;

/**
 * Writes a double as the text of {@code Double.toString} in Java 19 and later (the shortest decimal
 * that reads back to the same double, the closest such one, in Java's plain or computerised scientific
 * notation), straight into a byte array: no object is made per number. This is the text Jackson's
 * fast double writer and the JDK's own writer give; the result files of large batches write millions
 * of numbers, and the objects a string per number needs cost more than the conversion.
 *
 * <p>The conversion follows R. Giulietti, "The Schubfach way to render doubles" (2020, revised 2021),
 * the algorithm behind {@code Double.toString} since Java 19 (JDK-4511638):
 * with q and c the binary exponent and significand of v = c·2^q and k = ⌊log10 of the rounding
 * interval's scale⌋, the interval's bounds are multiplied by a 126-bit upper approximation g of
 * 10^−k, rounded to odd, which decides exactly whether the interval holds a multiple of 10 (one digit
 * fewer) or which of the two neighbouring integers it holds; ties go to the even digit. Each g is
 * computed from exact integers when first needed. The tests compare the text with Jackson's writer and
 * {@link Double#parseDouble} on millions of doubles.
 */
public final class ShortestDecimal {
    /** The most bytes one double takes ("-2.2250738585072014E-308" is 24). */
    public static final int MAX_BYTES = 24;

    private static final int P = 53;
    private static final int Q_MIN = -1074;
    private static final long C_MIN = 1L << (P - 1);
    /** Subnormal significands below this get one digit more of precision (the specification's two digits at least). */
    private static final long C_TINY = 3;
    private static final int K_MIN = flog10pow2(Q_MIN);
    private static final int K_MAX = flog10pow2(2046 - 1075);
    /** Digits of the decimal significand before it is written. */
    private static final int H = 17;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final long[] POW10 = new long[H + 1];
    /**
     * g(k) = ⌊10^−k · 2^−r⌋ + 1 in [2^125, 2^126), r = ⌊−k·log2 10⌋ − 125, made from exact integers the
     * first time k is needed (results use a few dozen values of k; all 617 at once would cost more than
     * a batch's numbers).
     */
    private static final G[] TABLE = new G[K_MAX - K_MIN + 1];

    /** One g: its upper 63 bits and its lower 63 bits (final fields: safely shared once made). */
    private static final class G {
        final long g1;
        final long g0;

        G(int k) {
            int r = flog2pow10(-k) - 125;
            BigInteger num = BigInteger.ONE.shiftLeft(Math.max(0, -r)).multiply(BigInteger.TEN.pow(Math.max(0, -k)));
            BigInteger den = BigInteger.ONE.shiftLeft(Math.max(0, r)).multiply(BigInteger.TEN.pow(Math.max(0, k)));
            BigInteger g = num.divide(den).add(BigInteger.ONE);
            g1 = g.shiftRight(63).longValueExact();
            g0 = g.longValue() & MASK_63;
        }
    }

    static {
        POW10[0] = 1;
        for (int i = 1; i <= H; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private static G g(int k) {
        G g = TABLE[k - K_MIN];
        if (g == null) {
            // two threads may both make it; either result is the same
            g = new G(k);
            TABLE[k - K_MIN] = g;
        }
        return g;
    }

    private ShortestDecimal() {
    }

    /** ⌊q·log10 2⌋, exact for |q| ≤ 5456721 (the paper's constants). */
    static int flog10pow2(int q) {
        return (int) (q * 661_971_961_083L >> 41);
    }

    /** ⌊log10(3/4 · 2^q)⌋, exact for |q| ≤ 2^20. */
    static int flog10threeQuartersPow2(int q) {
        return (int) (q * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** ⌊e·log2 10⌋, exact for |e| ≤ 1838394. */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /**
     * Writes the text of a double.
     *
     * @param v   the number
     * @param out where it goes; it must have {@link #MAX_BYTES} bytes from {@code at}
     * @param at  where it starts
     * @return the position after the text
     */
    public static int write(double v, byte[] out, int at) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & (C_MIN - 1);
        int bq = (int) (bits >>> (P - 1)) & 0x7FF;
        if (bq == 0x7FF) {
            return ascii(t != 0 ? "NaN" : bits > 0 ? "Infinity" : "-Infinity", out, at);
        }
        if (bits < 0) {
            out[at++] = '-';
        }
        if (bq != 0) {
            int q = bq - 1075;
            long c = C_MIN | t;
            // a whole number below 2^53: its own digits
            if (0 < -q && -q < P) {
                long f = c >> -q;
                if (f << -q == c) {
                    return chars(f, 0, out, at);
                }
            }
            return decimal(q, c, 0, out, at);
        }
        if (t != 0) {
            return t < C_TINY ? decimal(Q_MIN, 10 * t, -1, out, at) : decimal(Q_MIN, t, 0, out, at);
        }
        return ascii("0.0", out, at);
    }

    private static int ascii(String s, byte[] out, int at) {
        for (int i = 0; i < s.length(); i++) {
            out[at++] = (byte) s.charAt(i);
        }
        return at;
    }

    /** The shortest decimal in the rounding interval of c·2^q (the closest of them, ties to even). */
    private static int decimal(int q, long c, int dk, byte[] out, int at) {
        // an even significand's interval includes its bounds, an odd one's does not
        int odd = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN || q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            // a power of two: the interval below is half as wide
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        G g = g(k);
        long g1 = g.g1;
        long g0 = g.g0;
        long vb = roundToOdd(g1, g0, cb << h);
        long vbl = roundToOdd(g1, g0, cbl << h);
        long vbr = roundToOdd(g1, g0, cbr << h);
        long s = vb >> 2;
        if (s >= 100) {
            // one digit fewer: a multiple of ten in the interval
            // s/10 as ⌊s·⌈2^64/10⌉ / 2^64⌋, exact for 0 ≤ s < 2^62 (Granlund and Montgomery 1994): no division
            long sp10 = Math.multiplyHigh(s, 1_844_674_407_370_955_162L) * 10;
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) {
                return chars(upin ? sp10 : tp10, k, out, at);
            }
        }
        long tt = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (tt << 2) + odd <= vbr;
        if (uin != win) {
            return chars(uin ? s : tt, k + dk, out, at);
        }
        long cmp = vb - (s + tt << 1);
        return chars(cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : tt, k + dk, out, at);
    }

    /** ⌊g·cp / 2^127⌋, its lowest bit set when the division is not exact (rounding to odd). */
    private static long roundToOdd(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** Writes f·10^e (f > 0) in Java's notation: plain from 10^−3 to below 10^7, computerised scientific otherwise. */
    private static int chars(long f, int e, byte[] out, int at) {
        int len = flog10pow2(Long.SIZE - Long.numberOfLeadingZeros(f));
        if (f >= POW10[len]) {
            len++;
        }
        // f as exactly H digits, and e the exponent of 0.d1d2...dH
        f *= POW10[H - len];
        e += len;
        if (0 < e && e <= 7) {
            // plain, at least one digit after the point: 1234567.0, 12.5; the digits are written one
            // place to the right and the integer part (at most 7 digits) moved back before the point
            int digits = writeDigits(f, out, at + 1);
            for (int i = 0; i < e; i++) {
                out[at + i] = out[at + 1 + i];
            }
            out[at + e] = '.';
            if (digits <= e) {
                out[at + e + 1] = '0';
                return at + e + 2;
            }
            return at + digits + 1;
        }
        if (-3 < e && e <= 0) {
            // 0.001 to below 1: 0.00123
            out[at++] = '0';
            out[at++] = '.';
            for (int i = 0; i < -e; i++) {
                out[at++] = '0';
            }
            return at + writeDigits(f, out, at);
        }
        // computerised scientific: d.ddd followed by E and the exponent, 1.0E7, 2.5E-4
        int digits = writeDigits(f, out, at + 1);
        out[at] = out[at + 1];
        out[at + 1] = '.';
        at += digits + 1;
        if (digits == 1) {
            out[at++] = '0';
        }
        out[at++] = 'E';
        int x = e - 1;
        if (x < 0) {
            out[at++] = '-';
            x = -x;
        }
        if (x >= 100) {
            out[at++] = (byte) ('0' + x / 100);
            x %= 100;
            out[at++] = (byte) ('0' + x / 10);
        } else if (x >= 10) {
            out[at++] = (byte) ('0' + x / 10);
        }
        out[at++] = (byte) ('0' + x % 10);
        return at;
    }

    /** "00", "01", ... "99": two digits at a time. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    /**
     * Writes the H digits of f (10^(H−1) ≤ f < 10^H) at out[at] and returns how many there are without
     * the trailing zeros (at least one). A multiplication splits f into 9 and 8 digits; those are cut
     * two at a time by another (x/100 = x·1374389535 >> 37 for 0 ≤ x < 2^32).
     */
    private static int writeDigits(long f, byte[] out, int at) {
        // f/10^8 as ⌊f·⌈2^84/10^8⌉ / 2^84⌋, exact for 0 ≤ f < 10^17 (Granlund and Montgomery 1994)
        long hi = Math.multiplyHigh(f, 193_428_131_138_340_668L) >>> 20;
        long lo = f - hi * 100_000_000L;
        for (int i = at + H - 2; i >= at + H - 8; i -= 2) {
            long q = lo * 1374389535L >>> 37;
            int r = (int) (lo - 100 * q) << 1;
            out[i] = PAIRS[r];
            out[i + 1] = PAIRS[r + 1];
            lo = q;
        }
        for (int i = at + H - 10; i >= at + 1; i -= 2) {
            long q = hi * 1374389535L >>> 37;
            int r = (int) (hi - 100 * q) << 1;
            out[i] = PAIRS[r];
            out[i + 1] = PAIRS[r + 1];
            hi = q;
        }
        out[at] = (byte) ('0' + hi);
        int n = H;
        while (n > 1 && out[at + n - 1] == '0') {
            n--;
        }
        return n;
    }
}
