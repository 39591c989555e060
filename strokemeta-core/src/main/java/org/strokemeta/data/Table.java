package org.strokemeta.data;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rectangular table of cells read from a file, held column-wise, that knows where every cell came
 * from so that any problem can be reported with file, line and column.
 *
 * <p>The cells stay as bytes of the original file (one shared buffer plus start and end offsets per
 * cell) until a caller asks for a column as numbers or text, so a table of a million rows costs a few
 * bytes per cell. Numeric access validates every cell and names the first bad one. Blank cells are
 * "missing"; nothing is dropped here. How the file was read (an encoding other than UTF-8, a
 * semicolon separator, decimal commas, empty lines skipped) is kept in {@link #notes()}, which the
 * loaders pass on to every result built from the table.
 */
public final class Table {
    private final String source;
    private final String[] header;
    private final Map<String, Integer> index;
    private final byte[] buf;
    /** Per column, the start offset of each row's cell in {@link #buf}. */
    private final int[][] start;
    /** Per column, the end offset (exclusive); negative (-end-1) for a quoted cell with doubled quotes. */
    private final int[][] end;
    private final int[] lines;
    private final List<Note> notes;
    /** The decimal mark of numbers in the file: '.' or ','. */
    private final byte point;

    Table(String source, String[] header, byte[] buf, int[][] start, int[][] end, int[] lines, List<Note> notes, byte point) {
        this.source = source;
        this.notes = List.copyOf(notes);
        this.point = point;
        this.header = header.clone();
        this.buf = buf;
        this.start = start;
        this.end = end;
        this.lines = lines;
        this.index = new HashMap<>();
        for (int j = 0; j < header.length; j++) {
            String name = header[j].trim().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                throw new InputException(source, 1, null, "column " + (j + 1) + " of the header has no name");
            }
            if (index.putIfAbsent(name, j) != null) {
                throw new InputException(source, 1, header[j], "the column name appears twice in the header");
            }
        }
    }

    /**
     * Builds a table from text cells (used for data that does not come from a file, such as tests).
     *
     * @param source the name used in messages
     * @param header the column names
     * @param rows   the rows, each with one cell per column
     * @return the table
     */
    public static Table ofRows(String source, List<String> header, List<List<String>> rows) {
        int[] ln = new int[rows.size()];
        for (int r = 0; r < ln.length; r++) {
            ln[r] = r + 2;
        }
        return ofRows(source, header, rows, ln, List.of());
    }

    /**
     * Builds a table from text cells read from a file of another format (a spreadsheet or a data set), with the
     * position of every row in that file and what the reading did.
     *
     * @param source the name used in messages (its extension decides whether messages say "row" or "line":
     *               {@link InputException#rowWord(String)})
     * @param header the column names
     * @param rows   the rows, each with one cell per column; null or blank cells are missing
     * @param lines  the position of each row in its file (a spreadsheet's row number, a data set's observation number)
     * @param notes  how the file was read (value labels decoded, a sheet chosen, ...)
     * @return the table
     * @throws InputException when a row has another number of cells than the header, or a column name is empty or
     *                        appears twice
     */
    public static Table ofRows(String source, List<String> header, List<List<String>> rows, int[] lines, List<Note> notes) {
        if (lines.length != rows.size()) {
            throw new IllegalArgumentException("one position per row: " + lines.length + " for " + rows.size() + " rows");
        }
        int nc = header.size();
        int[][] st = new int[nc][rows.size()];
        int[][] en = new int[nc][rows.size()];
        int[] ln = lines.clone();
        int pos = 0;
        byte[][] parts = new byte[rows.size() * nc][];
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != nc) {
                throw new InputException(source, ln[r], null, "the row has " + row.size() + " cells but the header has " + nc);
            }
            for (int j = 0; j < nc; j++) {
                byte[] b = row.get(j) == null ? new byte[0] : row.get(j).trim().getBytes(StandardCharsets.UTF_8);
                parts[r * nc + j] = b;
                st[j][r] = pos;
                pos += b.length;
                en[j][r] = pos;
            }
        }
        byte[] all = new byte[pos];
        int p = 0;
        for (byte[] b : parts) {
            System.arraycopy(b, 0, all, p, b.length);
            p += b.length;
        }
        return new Table(source, header.toArray(new String[0]), all, st, en, ln, notes, (byte) '.');
    }

    /**
     * The name of the file (or data set) the table came from.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    /**
     * How the file was read, where it departs from comma-separated UTF-8 with decimal points (see {@link CsvReader}).
     *
     * @return the notes
     */
    public List<Note> notes() {
        return notes;
    }

    /**
     * True when numbers in the file are written with decimal commas ({@code -0,8}).
     *
     * @return whether the decimal mark is a comma
     */
    public boolean decimalComma() {
        return point == ',';
    }

    /** Column names for a message: all of them, or the first ones and how many there are. */
    static String columnList(List<String> names) {
        if (names.size() <= 20) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, 10)) + ", ... (" + names.size() + " columns)";
    }

    /**
     * The number of data rows (the header not counted).
     *
     * @return the number of rows
     */
    public int rows() {
        return lines.length;
    }

    /**
     * The column names, as written in the header.
     *
     * @return an unmodifiable list
     */
    public List<String> columnNames() {
        return Collections.unmodifiableList(Arrays.asList(header));
    }

    /**
     * Whether the table has a column, by name, ignoring case.
     *
     * @param column the column name
     * @return true when present
     */
    public boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    /**
     * The file line of row {@code row} (0-based row).
     *
     * @param row the 0-based row
     * @return its 1-based line
     */
    public int line(int row) {
        return lines[row];
    }

    /**
     * The column's name as written in the header.
     *
     * @param column the column name, any case
     * @return the name as written
     * @throws InputException if there is no such column
     */
    public String headerName(String column) {
        return header[col(column)];
    }

    private int col(String column) {
        Integer j = index.get(column.toLowerCase(Locale.ROOT));
        if (j == null) {
            throw InputException.of(source, "the column '" + column + "' is missing (columns present: "
                    + columnList(Arrays.asList(header)) + ")");
        }
        return j;
    }

    private boolean blank(int j, int row) {
        int e = end[j][row];
        return (e < 0 ? -e - 1 : e) == start[j][row];
    }

    private String cell(int j, int row) {
        int s = start[j][row];
        int e = end[j][row];
        if (e >= 0) {
            return new String(buf, s, e - s, StandardCharsets.UTF_8);
        }
        return new String(buf, s, -e - 1 - s, StandardCharsets.UTF_8).replace("\"\"", "\"");
    }

    /**
     * The text of one cell (trimmed, quotes removed); the empty string when blank.
     *
     * @param row    the 0-based row
     * @param column the column name
     * @return the cell's text
     * @throws InputException if there is no such column
     */
    public String text(int row, String column) {
        return cell(col(column), row);
    }

    /**
     * True when the cell is blank.
     *
     * @param row    the 0-based row
     * @param column the column name
     * @return whether the cell is blank
     * @throws InputException if there is no such column
     */
    public boolean isBlank(int row, String column) {
        return blank(col(column), row);
    }

    /**
     * A whole column as text; a blank cell is an error naming line and column.
     *
     * @param column the column name
     * @return the cells' text, one per row
     * @throws InputException if there is no such column or a cell is blank
     */
    public String[] requiredText(String column) {
        int j = col(column);
        String[] out = new String[lines.length];
        for (int i = 0; i < out.length; i++) {
            if (blank(j, i)) {
                throw new InputException(source, lines[i], header[j], "the value is missing");
            }
            out[i] = cell(j, i);
        }
        return out;
    }

    /**
     * A whole column as numbers; a blank or non-numeric cell is an error naming line and column.
     *
     * @param column the column name
     * @return one number per row
     * @throws InputException if there is no such column or a cell is blank or not a number
     */
    public double[] numbers(String column) {
        int j = col(column);
        double[] out = new double[lines.length];
        int[] st = start[j];
        int[] en = end[j];
        for (int i = 0; i < out.length; i++) {
            int e = en[i];
            double d = e < 0 ? Double.NaN : NumberParser.parse(buf, st[i], e, point);
            if (!Double.isFinite(d)) {
                if (blank(j, i)) {
                    throw new InputException(source, lines[i], header[j], "the value is missing");
                }
                throw notANumber(j, i);
            }
            out[i] = d;
        }
        return out;
    }

    private InputException notANumber(int j, int row) {
        String v = cell(j, row);
        String hint = point == ',' && v.indexOf('.') >= 0
                ? " (this file writes decimals with a comma, so a point is not read as one; write numbers without thousands separators)" : "";
        return new InputException(source, lines[row], header[j], "'" + v + "' is not a number" + hint);
    }

    /**
     * A whole column as numbers where blank cells are allowed and become NaN (non-numeric text is still an error).
     *
     * @param column the column name
     * @return one number per row, NaN for blank cells
     * @throws InputException if there is no such column or a cell holds text
     */
    public double[] optionalNumbers(String column) {
        int j = col(column);
        double[] out = new double[lines.length];
        for (int i = 0; i < out.length; i++) {
            if (blank(j, i)) {
                out[i] = Double.NaN;
                continue;
            }
            int e = end[j][i];
            double d = e < 0 ? Double.NaN : NumberParser.parse(buf, start[j][i], e, point);
            if (!Double.isFinite(d)) {
                throw notANumber(j, i);
            }
            out[i] = d;
        }
        return out;
    }

    /**
     * A whole column as numbers where anything that is not a number (blank or text) becomes NaN, without error.
     *
     * @param column the column name
     * @return one number per row, NaN where there is none
     * @throws InputException if there is no such column
     */
    public double[] numbersOrNaN(String column) {
        int j = col(column);
        double[] out = new double[lines.length];
        for (int i = 0; i < out.length; i++) {
            int e = end[j][i];
            out[i] = e < 0 ? Double.NaN : NumberParser.parse(buf, start[j][i], e, point);
        }
        return out;
    }

    /** The largest count held exactly: 2^53. */
    public static final double MAX_COUNT = 9_007_199_254_740_992d;

    /**
     * A whole column as non-negative whole numbers (counts of patients or events), at most {@link #MAX_COUNT}.
     *
     * @param column the column name
     * @return one count per row
     * @throws InputException if there is no such column or a cell is not a non-negative whole number
     */
    public double[] counts(String column) {
        double[] v = numbers(column);
        int j = col(column);
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                throw new InputException(source, lines[i], header[j], "a count cannot be negative (" + cell(j, i) + ")");
            }
            if (v[i] != Math.rint(v[i])) {
                throw new InputException(source, lines[i], header[j], "a count must be a whole number (" + cell(j, i) + ")");
            }
            if (v[i] > MAX_COUNT) {
                throw new InputException(source, lines[i], header[j], "a count above " + (long) MAX_COUNT
                        + " (2^53) cannot be held exactly in double precision (" + cell(j, i) + ")");
            }
        }
        return v;
    }

    /**
     * The rows holding each distinct value of {@code column}, in order of first appearance. Cells
     * are compared as bytes (an open-addressing table of group ids), so only one String is made
     * per distinct value; a blank cell is an error naming its line.
     *
     * @param column the column name
     * @return the 0-based rows of each value, in order of first appearance
     * @throws InputException if there is no such column or a cell is blank
     */
    public Map<String, int[]> groupBy(String column) {
        int j = col(column);
        int n = lines.length;
        int cap = Integer.highestOneBit(Math.max(16, n * 2)) << 1;
        int[] slots = new int[cap];
        java.util.Arrays.fill(slots, -1);
        int[] firstRow = new int[Math.max(1, n)];
        int[] gid = new int[n];
        int[] size = new int[Math.max(1, n)];
        int groups = 0;
        for (int i = 0; i < n; i++) {
            if (blank(j, i)) {
                throw new InputException(source, lines[i], header[j], "the value is missing");
            }
            int h = hash(j, i) & (cap - 1);
            while (true) {
                int g = slots[h];
                if (g < 0) {
                    slots[h] = groups;
                    firstRow[groups] = i;
                    g = groups++;
                } else if (!sameCell(j, firstRow[g], i)) {
                    h = (h + 1) & (cap - 1);
                    continue;
                }
                gid[i] = g;
                size[g]++;
                break;
            }
        }
        int[][] rows = new int[groups][];
        for (int g = 0; g < groups; g++) {
            rows[g] = new int[size[g]];
        }
        int[] at = new int[groups];
        for (int i = 0; i < n; i++) {
            rows[gid[i]][at[gid[i]]++] = i;
        }
        Map<String, int[]> out = new LinkedHashMap<>(groups * 2);
        for (int g = 0; g < groups; g++) {
            out.put(cell(j, firstRow[g]), rows[g]);
        }
        return out;
    }

    private int hash(int j, int row) {
        int st = start[j][row];
        int e = end[j][row];
        int en = e < 0 ? -e - 1 : e;
        int h = e < 0 ? 7 : 1;
        for (int p = st; p < en; p++) {
            h = 31 * h + buf[p];
        }
        return h ^ (h >>> 16);
    }

    private boolean sameCell(int j, int a, int b) {
        int ea = end[j][a];
        int eb = end[j][b];
        if ((ea < 0) != (eb < 0)) {
            return cell(j, a).equals(cell(j, b));
        }
        int sa = start[j][a];
        int sb = start[j][b];
        int la = (ea < 0 ? -ea - 1 : ea) - sa;
        int lb = (eb < 0 ? -eb - 1 : eb) - sb;
        return la == lb && java.util.Arrays.equals(buf, sa, sa + la, buf, sb, sb + lb);
    }

    /**
     * A view holding only the given rows, in the given order (cells are shared, not copied).
     *
     * @param rows the 0-based rows, in the order wanted
     * @return the view
     */
    public Table select(int[] rows) {
        int nc = header.length;
        int[][] st = new int[nc][rows.length];
        int[][] en = new int[nc][rows.length];
        int[] ln = new int[rows.length];
        for (int r = 0; r < rows.length; r++) {
            ln[r] = lines[rows[r]];
            for (int j = 0; j < nc; j++) {
                st[j][r] = start[j][rows[r]];
                en[j][r] = end[j][rows[r]];
            }
        }
        return new Table(source, header, buf, st, en, ln, notes, point);
    }
}
