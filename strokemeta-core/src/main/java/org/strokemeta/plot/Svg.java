package org.strokemeta.plot;

import java.math.BigDecimal;
import java.util.Locale;

/** Helpers for writing SVG: escaping of text from the data, and compact number formatting. */
public final class Svg {
    private Svg() {
    }

    /** The longest text from the data drawn or shown as a tooltip (longer ones are cut in the middle). */
    public static final int MAX_TEXT = 300;

    /**
     * A text from the data (a study or arm name) for a figure: cut in the middle when longer than
     * {@link #MAX_TEXT} characters, then escaped; the whole text stays in the JSON output.
     *
     * @param s the text
     * @return the escaped text, shortened when long
     */
    public static String data(String s) {
        return esc(org.strokemeta.data.InputException.shorten(s, MAX_TEXT));
    }

    /**
     * XML escaping of text and attribute values: a study named {@code <script>} or {@code &} renders as text.
     *
     * @param s the text, or null
     * @return the escaped text; "" for null
     */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A coordinate with one decimal. */
    static String f(double v) {
        return fixed(v, 1);
    }

    private static final long[] POW10 = {1, 10, 100, 1000, 10000, 100000, 1000000};

    /**
     * Fixed decimals (half away from zero), "NA" for NaN; figures write thousands of coordinates, so no Formatter.
     *
     * @param v        the number
     * @param decimals the decimals, 0 to 6
     * @return the text
     */
    public static String fixed(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        if (decimals > 6 || Math.abs(v) >= 1e12) {
            return String.format(Locale.ROOT, "%." + decimals + "f", v);
        }
        long scaled = Math.round(Math.abs(v) * POW10[decimals]);
        StringBuilder b = new StringBuilder(16);
        if (v < 0 && scaled != 0) {
            b.append('-');
        }
        b.append(scaled / POW10[decimals]);
        if (decimals > 0) {
            b.append('.');
            String f = Long.toString(scaled % POW10[decimals]);
            for (int i = f.length(); i < decimals; i++) {
                b.append('0');
            }
            b.append(f);
        }
        return b.toString();
    }

    /** The shortest plain decimal of a value (2, 0.5, 0.25). */
    static String trim(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
