package org.strokemeta.report;

import java.util.Locale;

/** Number formatting for human-readable output (JSON output keeps full precision instead). */
public final class Fmt {
    private Fmt() {
    }

    /**
     * A number with a fixed number of decimals; "NA" for NaN.
     *
     * @param x        the number
     * @param decimals the decimals
     * @return the text; "NA" for NaN, "Inf" or "-Inf" for infinities
     */
    public static String f(double x, int decimals) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (decimals <= 6 && Math.abs(x) < 1e12) {
            return fixed(x, decimals);
        }
        if (Math.abs(x) >= 1e12) {
            // a fixed-point 1e300 would be 300 digits wide: scientific notation keeps tables readable
            return String.format(Locale.ROOT, "%." + Math.max(2, Math.min(decimals, 6)) + "e", x);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", x);
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    /** Fast fixed-point formatting (half away from zero) for moderate magnitudes. */
    private static String fixed(double x, int decimals) {
        long scaled = Math.round(Math.abs(x) * POW10[decimals]);
        boolean neg = x < 0 && scaled != 0;
        long ip = scaled / POW10[decimals];
        long fp = scaled % POW10[decimals];
        StringBuilder sb = new StringBuilder(24);
        if (neg) {
            sb.append('-');
        }
        sb.append(ip);
        if (decimals > 0) {
            sb.append('.');
            String f = Long.toString(fp);
            for (int i = f.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(f);
        }
        return sb.toString();
    }

    /**
     * A p-value: four decimals, or "&lt; 0.0001".
     *
     * @param p the p-value
     * @return the text; "NA" for NaN
     */
    public static String p(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        if (p < 1e-4) {
            return "< 0.0001";
        }
        return f(p, 4);
    }

    /**
     * A p-value written as "p = 0.0123" or "p &lt; 0.0001".
     *
     * @param p the p-value
     * @return the text
     */
    public static String pEq(double p) {
        String s = p(p);
        return s.startsWith("<") ? "p " + s : "p = " + s;
    }

    /**
     * A number with about four significant digits.
     *
     * @param x the number
     * @return the text; "NA" for NaN
     */
    public static String g(double x) {
        if (Double.isNaN(x)) {
            return "NA";
        }
        if (x == 0) {
            return "0";
        }
        double a = Math.abs(x);
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", x);
        }
        int dec = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%." + Math.min(dec, 6) + "f", x);
    }

    /**
     * Pads or truncates text to a width (ellipsis when cut).
     *
     * @param s     the text
     * @param width the width, in characters
     * @return the text, padded with spaces or cut with an ellipsis
     */
    public static String pad(String s, int width) {
        if (s.length() > width) {
            return s.substring(0, Math.max(0, width - 1)) + "…";
        }
        return s + " ".repeat(width - s.length());
    }

    /**
     * Appends a number with fixed decimals, right-aligned in a width, without intermediate strings.
     *
     * @param sb       where the text goes
     * @param x        the number
     * @param decimals the decimals
     * @param width    the width, in characters
     */
    public static void appendRight(StringBuilder sb, double x, int decimals, int width) {
        if (!(decimals <= 6 && Math.abs(x) < 1e12)) {
            appendRight(sb, f(x, decimals), width);
            return;
        }
        long scaled = Math.round(Math.abs(x) * POW10[decimals]);
        boolean neg = x < 0 && scaled != 0;
        long ip = scaled / POW10[decimals];
        int intDigits = 1;
        for (long q = ip; q >= 10; q /= 10) {
            intDigits++;
        }
        int len = (neg ? 1 : 0) + intDigits + (decimals > 0 ? decimals + 1 : 0);
        for (int i = len; i < width; i++) {
            sb.append(' ');
        }
        if (neg) {
            sb.append('-');
        }
        sb.append(ip);
        if (decimals > 0) {
            sb.append('.');
            long fp = scaled % POW10[decimals];
            for (long d = POW10[decimals - 1]; d > 1 && fp < d; d /= 10) {
                sb.append('0');
            }
            sb.append(fp);
        }
    }

    /**
     * Appends text right-aligned in a width.
     *
     * @param sb    where the text goes
     * @param s     the text
     * @param width the width, in characters
     */
    public static void appendRight(StringBuilder sb, String s, int width) {
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    /**
     * Right-aligns text in a width.
     *
     * @param s     the text
     * @param width the width, in characters
     * @return the text, padded with spaces on the left (unchanged when wider)
     */
    public static String right(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
