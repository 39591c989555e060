package org.strokemeta.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.strokemeta.internal.ShortestDecimal;
import org.strokemeta.pool.Heterogeneity;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.PooledEstimate;
import org.strokemeta.study.MetaRun;

/** Results as CSV, one row per analysis, at full precision (for batch runs and spreadsheets). */
public final class CsvReport {
    /** The header of the batch CSV. */
    public static final String HEADER = "group,measure,k,k_excluded,estimate,se,ci_lower,ci_upper,statistic,df,p,"
            + "pi_lower,pi_upper,tau2,tau2_ci_lower,tau2_ci_upper,i2,h2,q,q_df,q_p,converged,error";

    private CsvReport() {
    }

    /**
     * One row per analysis.
     *
     * @param outcomes the analyses
     * @return the CSV text, with a header
     */
    public static String batch(List<MetaRun.Outcome> outcomes) {
        StringBuilder sb = new StringBuilder(outcomes.size() * 200);
        try {
            batch(outcomes, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * One row per analysis, written as it goes (a row at a time).
     *
     * @param outcomes the analyses
     * @param out      where the rows go
     * @throws java.io.IOException if {@code out} fails
     */
    public static void batch(List<MetaRun.Outcome> outcomes, Appendable out) throws java.io.IOException {
        out.append(HEADER).append('\n');
        StringBuilder sb = new StringBuilder(256);
        byte[] digits = new byte[ShortestDecimal.MAX_BYTES];
        for (MetaRun.Outcome o : outcomes) {
            sb.setLength(0);
            row(o, sb, digits);
            out.append(sb);
        }
    }

    /**
     * One row per analysis, in UTF-8 (the text of {@link #batch(List, Appendable)}); the rows are
     * formatted in parallel on an execution, a window of rows at a time, and written in order.
     *
     * @param outcomes  the analyses
     * @param out       where the rows go (not closed)
     * @param execution where the rows are formatted
     * @throws java.io.IOException if {@code out} fails
     */
    public static void batch(List<MetaRun.Outcome> outcomes, java.io.OutputStream out, org.strokemeta.pool.Execution execution)
            throws java.io.IOException {
        out.write((HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        Chunks.write(outcomes.size(), CHUNK, execution, c -> {
            StringBuilder sb = new StringBuilder(CHUNK * 256);
            byte[] digits = new byte[ShortestDecimal.MAX_BYTES];
            for (int i = c * CHUNK; i < Math.min(outcomes.size(), (c + 1) * CHUNK); i++) {
                row(outcomes.get(i), sb, digits);
            }
            return new Chunks.Piece(sb.toString().getBytes(StandardCharsets.UTF_8));
        }, null, (b, n) -> out.write(b, 0, n));
    }

    /** Rows formatted by one task. */
    private static final int CHUNK = 128;

    private static void row(MetaRun.Outcome o, StringBuilder sb, byte[] digits) {
        sb.append(quote(o.group() == null ? "" : o.group())).append(',');
        if (o.failed()) {
            sb.append(",,,,,,,,,,,,,,,,,,,,,false,").append(quote(o.error())).append('\n');
            return;
        }
        MetaResult r = o.result();
        sb.append(r.effects().measure().name()).append(',').append(r.k()).append(',').append(r.effects().excluded().size());
        for (double v : numbers(r)) {
            sb.append(',');
            if (Double.isFinite(v)) {
                // shortest round-trip decimal (Schubfach), the digits of Double.toString since Java 19
                int end = ShortestDecimal.write(v, digits, 0);
                for (int i = 0; i < end; i++) {
                    sb.append((char) digits[i]);
                }
            }
        }
        sb.append(',').append(r.converged()).append(",\n");
    }

    /** The numeric columns from estimate to q_p, in the header's order. */
    private static double[] numbers(MetaResult r) {
        PooledEstimate p = r.pooled();
        Heterogeneity h = r.heterogeneity();
        return new double[] {p.estimate(), p.se(), p.ciLower(), p.ciUpper(), p.statistic(), p.df(), p.p(),
            p.piLower(), p.piUpper(), h.tau2(), h.tau2Ci() == null ? Double.NaN : h.tau2Ci().lower(),
            h.tau2Ci() == null ? Double.NaN : h.tau2Ci().upper(), h.i2(), h.h2(), h.q(), h.qDf(), h.qP()};
    }

    /** The columns of {@link #HEADER}, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /**
     * One analysis's row as values in the order of {@link #COLUMNS}: the group (a String, null for a single analysis),
     * the measure (String), k and k_excluded (Integer), the numbers from estimate to q_p (Double, null where the CSV cell is
     * empty), converged (Boolean) and the error (String, null when the analysis ran). A failed analysis has only its group,
     * converged false and its error. The CSV writes the same values, numbers as their shortest round-trip decimals.
     *
     * @param o the analysis
     * @return the row's values
     */
    public static Object[] cells(MetaRun.Outcome o) {
        Object[] c = new Object[COLUMNS.size()];
        c[0] = o.group();
        if (o.failed()) {
            c[c.length - 2] = Boolean.FALSE;
            c[c.length - 1] = o.error();
            return c;
        }
        MetaResult r = o.result();
        c[1] = r.effects().measure().name();
        c[2] = r.k();
        c[3] = r.effects().excluded().size();
        double[] v = numbers(r);
        for (int i = 0; i < v.length; i++) {
            c[4 + i] = Double.isFinite(v[i]) ? v[i] : null;
        }
        c[c.length - 2] = r.converged();
        return c;
    }

    /**
     * A number as a CSV cell: the shortest decimal that reads back as the same double, empty when it is
     * not finite.
     *
     * @param v the number
     * @return the cell's text
     */
    public static String number(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        byte[] digits = new byte[ShortestDecimal.MAX_BYTES];
        return new String(digits, 0, ShortestDecimal.write(v, digits, 0), StandardCharsets.US_ASCII);
    }

    /**
     * Quotes a CSV cell when needed (RFC 4180).
     *
     * @param s the cell's text
     * @return the text, in double quotes with inner quotes doubled when it holds a comma, quote or line end
     */
    public static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
