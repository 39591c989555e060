package org.strokemeta.data;

import java.nio.charset.StandardCharsets;

/**
 * Parses decimal numbers straight from the bytes of a file, without making a String per cell.
 *
 * <p>Numbers with at most 15 significant digits and a decimal exponent within 10^±22 are converted
 * exactly by the Clinger fast path (one correctly rounded multiplication or division of two exactly
 * representable doubles; Clinger 1990, "How to read floating point numbers accurately"). Anything else
 * falls back to {@link Double#parseDouble}, so every result is the correctly rounded double.
 * Returns NaN for text that is not a number. The decimal mark is a point, or a comma for files that
 * write decimals with commas (then a point makes the text not a number, as it would be a thousands
 * separator there).
 */
final class NumberParser {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
    };

    private NumberParser() {
    }

    static double parse(byte[] b, int from, int to) {
        return parse(b, from, to, (byte) '.');
    }

    /** Parses with the given decimal mark, '.' or ','. */
    static double parse(byte[] b, int from, int to, byte point) {
        int i = from;
        if (i >= to) {
            return Double.NaN;
        }
        boolean neg = false;
        if (b[i] == '-' || b[i] == '+') {
            neg = b[i] == '-';
            i++;
        }
        long mant = 0;
        int digits = 0;
        int scale = 0;
        boolean any = false;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            any = true;
            if (digits > 0 || b[i] != '0') {
                if (digits < 18) {
                    mant = mant * 10 + (b[i] - '0');
                    digits++;
                } else {
                    return slow(b, from, to, point);
                }
            }
            i++;
        }
        if (i < to && b[i] == point) {
            i++;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                any = true;
                if (digits > 0 || b[i] != '0') {
                    if (digits < 18) {
                        mant = mant * 10 + (b[i] - '0');
                        digits++;
                    } else {
                        return slow(b, from, to, point);
                    }
                }
                scale--;
                i++;
            }
        }
        if (!any) {
            return slow(b, from, to, point);
        }
        if (i < to && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            boolean eneg = false;
            if (i < to && (b[i] == '-' || b[i] == '+')) {
                eneg = b[i] == '-';
                i++;
            }
            int e = 0;
            boolean edig = false;
            while (i < to && b[i] >= '0' && b[i] <= '9' && e < 10000) {
                e = e * 10 + (b[i] - '0');
                edig = true;
                i++;
            }
            if (!edig) {
                return Double.NaN;
            }
            scale += eneg ? -e : e;
        }
        if (i != to) {
            return slow(b, from, to, point);
        }
        if (digits <= 15 && scale >= -22 && scale <= 22) {
            double m = mant;
            double v = scale >= 0 ? m * POW10[scale] : m / POW10[-scale];
            return neg ? -v : v;
        }
        return slow(b, from, to, point);
    }

    static double parse(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    private static double slow(byte[] b, int from, int to, byte point) {
        String s = new String(b, from, to - from, StandardCharsets.US_ASCII).trim();
        if (point != '.') {
            if (s.indexOf('.') >= 0) {
                return Double.NaN;
            }
            s = s.replace((char) point, '.');
        }
        // Accept plain decimal notation only: Java's parser would also take "NaN", "Infinity" or "1d".
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                return Double.NaN;
            }
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
