package org.strokemeta.data;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The data's other columns, carried with the units they describe: study characteristics (year,
 * latitude, allocation) with the studies of {@link org.strokemeta.effect.EffectSizes}, as
 * metafor::escalc keeps the data frame's other columns beside {@code yi} and {@code vi}, or patient
 * characteristics with the patients of {@link PatientData}. Each column holds one value per unit, in
 * the units' order, as text (null when blank) with a numeric view (NaN when blank or not a number).
 * Subgroup analyses, meta-regressions and patient subgroups read these columns directly, so nothing is
 * joined back to the file by row or line.
 *
 * <p>The file and the line of each unit are kept only to name the cell in a message (an
 * {@link InputException} says file, line and column); they are never used to find a unit. Column names
 * are matched without regard to case, as {@link Table} matches them, and reported as written.
 *
 * <p>A deeply immutable, serializable value: arrays are copied in and out, and equal columns give equal values.
 */
public final class DataColumns implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The file the units came from, or null when unknown; used in messages only. */
    private final String source;
    /** The 1-based file line of each unit (0 when unknown), one per unit; used in messages only. */
    private final int[] lines;
    /** The column names as written, in order; matched without regard to case. */
    private final List<String> names;
    /** Per column, the text of each unit (null when blank); null for a column given as numbers only. */
    private final Text[] text;
    /** Per column, the number of each unit (NaN when blank or not a finite number). */
    private final double[][] numbers;
    /** True when the file writes decimals with a comma (then a point in a cell is named in the message). */
    private final boolean decimalComma;
    private transient Map<String, Integer> index;

    private DataColumns(String source, int[] lines, List<String> names, Text[] text, double[][] numbers,
                        boolean decimalComma) {
        this.source = source;
        this.lines = lines;
        this.names = List.copyOf(names);
        this.text = text;
        this.numbers = numbers;
        this.decimalComma = decimalComma;
        for (int j = 0; j < numbers.length; j++) {
            if (numbers[j].length != lines.length || text[j] != null && text[j].size() != lines.length) {
                throw new IllegalArgumentException("the column " + names.get(j) + " has " + numbers[j].length
                        + " values for " + lines.length + " units");
            }
        }
        this.index = index(this.names);
    }

    private static Map<String, Integer> index(List<String> names) {
        Map<String, Integer> m = new HashMap<>();
        for (int j = 0; j < names.size(); j++) {
            if (m.putIfAbsent(key(names.get(j)), j) != null) {
                throw new IllegalArgumentException("the column " + names.get(j) + " is given twice");
            }
        }
        return m;
    }

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * No columns, for {@code size} units of unknown origin.
     *
     * @param size the number of units (studies or patients), at least 0
     * @return columns without any column, lines unknown (0)
     * @throws IllegalArgumentException when {@code size} is negative
     */
    public static DataColumns none(int size) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be at least 0");
        }
        return new DataColumns(null, new int[size], List.of(), new Text[0], new double[0][], false);
    }

    /**
     * No columns yet, for units read from a file (columns are then added with the {@code with} methods).
     *
     * @param source the file name, or null; used in messages only
     * @param lines  the 1-based file line of each unit (0 when unknown); used in messages only
     * @return columns without any column, one entry per line
     */
    public static DataColumns of(String source, int[] lines) {
        return new DataColumns(source, lines.clone(), List.of(), new Text[0], new double[0][], false);
    }

    /**
     * Reads columns of a table for every one of its rows, keeping each cell's text and its number as the
     * table reads numbers (decimal commas included).
     *
     * @param t       the table
     * @param columns the columns to carry, each present in the table (matched without regard to case)
     * @return the columns over the table's rows, named as written in the header
     * @throws InputException when a column is not in the table
     */
    public static DataColumns read(Table t, Collection<String> columns) {
        int n = t.rows();
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            lines[i] = t.line(i);
        }
        List<String> names = new ArrayList<>();
        List<Text> text = new ArrayList<>();
        List<double[]> numbers = new ArrayList<>();
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        for (String c : columns) {
            String name = t.headerName(c);
            if (names.stream().anyMatch(x -> key(x).equals(key(name)))) {
                continue;
            }
            // the text stays in the table's cells until asked for: a million patients' numbers make no strings
            double[] x = t.numbersOrNaN(c);
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(x[i])) {
                    x[i] = Double.NaN;
                }
            }
            names.add(name);
            text.add(new Text(t, name, rows));
            numbers.add(x);
        }
        return new DataColumns(t.source(), lines, names, text.toArray(new Text[0]), numbers.toArray(new double[0][]),
                t.decimalComma());
    }

    /**
     * The same units with a numeric column added (or replacing the column of that name).
     *
     * @param name   the column name
     * @param values one number per unit, in the units' order; NaN for a missing value
     * @return the columns with this one
     * @throws IllegalArgumentException when the name is blank or the number of values is not {@link #size()}
     */
    public DataColumns with(String name, double[] values) {
        checkNew(name, values.length);
        double[] x = values.clone();
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                x[i] = Double.NaN;
            }
        }
        return put(name, null, x);
    }

    /**
     * The same units with a text column added (or replacing the column of that name); a value that is a
     * number is also seen as one (numeric view).
     *
     * @param name   the column name
     * @param values one value per unit, in the units' order; null or blank for a missing value
     * @return the columns with this one
     * @throws IllegalArgumentException when the name is blank or the number of values is not {@link #size()}
     */
    public DataColumns with(String name, String[] values) {
        checkNew(name, values.length);
        String[] s = new String[values.length];
        double[] x = new double[values.length];
        for (int i = 0; i < s.length; i++) {
            String v = values[i] == null ? null : values[i].trim();
            s[i] = v == null || v.isEmpty() ? null : v;
            double d = s[i] == null ? Double.NaN : NumberParser.parse(s[i]);
            x[i] = Double.isFinite(d) ? d : Double.NaN;
        }
        return put(name, new Text(s), x);
    }

    /**
     * The same units with a column added from a list (or replacing the column of that name): numbers
     * make a numeric column; any other values are read as text (see {@link #with(String, String[])}).
     *
     * @param name   the column name
     * @param values one value per unit, in the units' order: {@link Number}s, or values whose
     *               {@code toString} is the text; null for a missing value
     * @return the columns with this one
     * @throws IllegalArgumentException when the name is blank or the number of values is not {@link #size()}
     */
    public DataColumns with(String name, List<?> values) {
        checkNew(name, values.size());
        boolean allNumbers = values.stream().allMatch(v -> v == null || v instanceof Number);
        if (allNumbers) {
            double[] x = new double[values.size()];
            for (int i = 0; i < x.length; i++) {
                Object v = values.get(i);
                x[i] = v == null ? Double.NaN : ((Number) v).doubleValue();
            }
            return with(name, x);
        }
        String[] s = new String[values.size()];
        for (int i = 0; i < s.length; i++) {
            Object v = values.get(i);
            s[i] = v == null ? null : v.toString();
        }
        return with(name, s);
    }

    private void checkNew(String name, int n) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
        if (n != lines.length) {
            throw new IllegalArgumentException("the column " + name + " has " + n + " values for " + lines.length + " units");
        }
    }

    private DataColumns put(String name, Text s, double[] x) {
        List<String> n = new ArrayList<>(names);
        List<Text> t = new ArrayList<>(Arrays.asList(text));
        List<double[]> v = new ArrayList<>(Arrays.asList(numbers));
        Integer j = index.get(key(name));
        if (j != null) {
            n.set(j, name.trim());
            t.set(j, s);
            v.set(j, x);
        } else {
            n.add(name.trim());
            t.add(s);
            v.add(x);
        }
        return new DataColumns(source, lines, n, t.toArray(new Text[0]), v.toArray(new double[0][]), decimalComma);
    }

    /**
     * The units at the given positions, in that order (for example the studies whose effects could be
     * computed, or the patients of one subgroup).
     *
     * @param positions positions of units in these columns
     * @return the columns over those units
     * @throws IndexOutOfBoundsException when a position is outside 0 to {@code size() − 1}
     */
    public DataColumns subset(int[] positions) {
        int m = positions.length;
        int[] l = new int[m];
        for (int i = 0; i < m; i++) {
            l[i] = lines[positions[i]];
        }
        Text[] s = new Text[text.length];
        double[][] x = new double[numbers.length][m];
        for (int j = 0; j < numbers.length; j++) {
            double[] from = numbers[j];
            for (int i = 0; i < m; i++) {
                x[j][i] = from[positions[i]];
            }
            if (text[j] != null) {
                s[j] = text[j].subset(positions);
            }
        }
        return new DataColumns(source, l, names, s, x, decimalComma);
    }

    /**
     * The number of units (studies or patients) the columns describe.
     *
     * @return the number of units
     */
    public int size() {
        return lines.length;
    }

    /**
     * The file the units came from, for messages.
     *
     * @return the file name, or null when not known
     */
    public String source() {
        return source;
    }

    /**
     * The file line of each unit, for messages only (never used to find a unit).
     *
     * @return a copy of the 1-based lines; 0 where not known
     */
    public int[] lines() {
        return lines.clone();
    }

    /**
     * The file line of unit {@code i}, for messages only.
     *
     * @param i the unit's position
     * @return the 1-based line, or 0 when not known
     */
    public int lines(int i) {
        return lines[i];
    }

    /**
     * The columns' names, as written.
     *
     * @return the names, in the order the columns were read or added
     */
    public List<String> names() {
        return names;
    }

    /**
     * Whether a column is carried.
     *
     * @param column the column name (any case)
     * @return true when there is such a column
     */
    public boolean has(String column) {
        return index.containsKey(key(column));
    }

    /**
     * The column's name as written in the data.
     *
     * @param column the column name (any case)
     * @return the name as written
     * @throws InputException naming the file when there is no such column
     */
    public String name(String column) {
        return names.get(col(column));
    }

    private int col(String column) {
        Integer j = index.get(key(column));
        if (j == null) {
            throw InputException.of(source, "the column '" + column + "' is missing (columns present: "
                    + (names.isEmpty() ? "none besides the analysed data" : Table.columnList(names)) + ")");
        }
        return j;
    }

    /**
     * True when the cell of unit {@code i} is blank (a missing value).
     *
     * @param column the column name (any case)
     * @param i      the unit's position
     * @return true when blank
     * @throws InputException when there is no such column
     */
    public boolean isBlank(String column, int i) {
        int j = col(column);
        return text[j] == null ? Double.isNaN(numbers[j][i]) : text[j].get(i) == null;
    }

    /**
     * The text of unit {@code i}'s cell: as written in the file, or the number written without a
     * trailing {@code .0} for a column given as numbers.
     *
     * @param column the column name (any case)
     * @param i      the unit's position
     * @return the text, or null when blank
     * @throws InputException when there is no such column
     */
    public String text(String column, int i) {
        int j = col(column);
        return text[j] == null ? format(numbers[j][i]) : text[j].get(i);
    }

    /**
     * A whole column as text (see {@link #text(String, int)}).
     *
     * @param column the column name (any case)
     * @return one entry per unit, null where blank
     * @throws InputException when there is no such column
     */
    public String[] text(String column) {
        int j = col(column);
        String[] out = new String[lines.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = text[j] == null ? format(numbers[j][i]) : text[j].get(i);
        }
        return out;
    }

    /**
     * The numeric view of unit {@code i}'s cell.
     *
     * @param column the column name (any case)
     * @param i      the unit's position
     * @return the number, or NaN when blank or not a number
     * @throws InputException when there is no such column
     */
    public double number(String column, int i) {
        return numbers[col(column)][i];
    }

    /**
     * The numeric view of a whole column, without checks.
     *
     * @param column the column name (any case)
     * @return one number per unit, NaN where blank or not a number
     * @throws InputException when there is no such column
     */
    public double[] numbersOrNaN(String column) {
        return numbers[col(column)].clone();
    }

    /**
     * A whole column as numbers where blank cells are missing values (NaN) and any other text is an
     * error, as {@link Table#optionalNumbers} reads a column.
     *
     * @param column the column name (any case)
     * @return one number per unit, NaN where blank
     * @throws InputException naming file, line and column for the first cell that is not a number, or
     *                        the file when there is no such column
     */
    public double[] optionalNumbers(String column) {
        int j = col(column);
        int bad = firstText(j);
        if (bad >= 0) {
            String v = text[j].get(bad);
            String hint = decimalComma && v.indexOf('.') >= 0
                    ? " (this file writes decimals with a comma, so a point is not read as one; write numbers without thousands separators)" : "";
            throw new InputException(source, lines[bad], names.get(j), "'" + v + "' is not a number" + hint);
        }
        return numbers[j].clone();
    }

    /**
     * Whether every non-blank cell of the column is a number.
     *
     * @param column the column name (any case)
     * @return true for a numeric column (also one with only blank cells)
     * @throws InputException when there is no such column
     */
    public boolean numeric(String column) {
        return firstText(col(column)) < 0;
    }

    /** The first unit whose cell is text that is not a number, or −1. */
    private int firstText(int j) {
        if (text[j] == null) {
            return -1;
        }
        for (int i = 0; i < lines.length; i++) {
            if (Double.isNaN(numbers[j][i]) && text[j].get(i) != null) {
                return i;
            }
        }
        return -1;
    }

    private static String format(double x) {
        if (Double.isNaN(x)) {
            return null;
        }
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DataColumns c
                && Objects.equals(source, c.source)
                && Arrays.equals(lines, c.lines)
                && names.equals(c.names)
                && decimalComma == c.decimalComma
                && sameText(c)
                && Arrays.deepEquals(numbers, c.numbers);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(source, Arrays.hashCode(lines), names, decimalComma, Arrays.deepHashCode(numbers));
        for (Text t : text) {
            h = 31 * h + (t == null ? 0 : Arrays.hashCode(t.all()));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("DataColumns[source=").append(source).append(", size=").append(lines.length);
        for (int j = 0; j < names.size(); j++) {
            b.append(", ").append(names.get(j)).append('=')
                    .append(text[j] != null ? Arrays.toString(text[j].all()) : Arrays.toString(numbers[j]));
        }
        return b.append(']').toString();
    }

    private boolean sameText(DataColumns c) {
        if (text.length != c.text.length) {
            return false;
        }
        for (int j = 0; j < text.length; j++) {
            if ((text[j] == null) != (c.text[j] == null) || text[j] != null && !Arrays.equals(text[j].all(), c.text[j].all())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Serialises the text itself, not the table it may still be read from.
     *
     * @return a value equal to this one whose text is held as strings
     */
    private Object writeReplace() {
        Text[] s = new Text[text.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = text[j] == null ? null : new Text(text[j].all());
        }
        return new DataColumns(source, lines, names, s, numbers, decimalComma);
    }

    /**
     * Deserialises through the constructor, so that a stream cannot make an inconsistent or shared value.
     *
     * @return a new value with copies of the read arrays, checked as the constructor checks them
     */
    private Object readResolve() {
        Text[] s = new Text[text.length];
        for (int j = 0; j < s.length; j++) {
            s[j] = text[j] == null ? null : new Text(text[j].all());
        }
        double[][] x = new double[numbers.length][];
        for (int j = 0; j < x.length; j++) {
            x[j] = numbers[j].clone();
        }
        return new DataColumns(source, lines.clone(), names, s, x, decimalComma);
    }

    /**
     * The text of one column: strings held, or the cells of the table the column was read from, read
     * when asked for (the table keeps the file's bytes; a string is made only for a cell someone reads).
     */
    private static final class Text implements Serializable {
        private static final long serialVersionUID = 1L;
        /** The text of each unit, null when blank; null when read from the table. */
        private final String[] held;
        private final transient Table table;
        private final String column;
        /** The table row of each unit. */
        private final int[] rows;

        Text(String[] held) {
            this.held = held;
            this.table = null;
            this.column = null;
            this.rows = null;
        }

        Text(Table table, String column, int[] rows) {
            this.held = null;
            this.table = table;
            this.column = column;
            this.rows = rows;
        }

        int size() {
            return held != null ? held.length : rows.length;
        }

        String get(int i) {
            if (held != null) {
                return held[i];
            }
            return table.isBlank(rows[i], column) ? null : table.text(rows[i], column);
        }

        Text subset(int[] positions) {
            int m = positions.length;
            if (held != null) {
                String[] s = new String[m];
                for (int i = 0; i < m; i++) {
                    s[i] = held[positions[i]];
                }
                return new Text(s);
            }
            int[] r = new int[m];
            for (int i = 0; i < m; i++) {
                r[i] = rows[positions[i]];
            }
            return new Text(table, column, r);
        }

        String[] all() {
            if (held != null) {
                return held.clone();
            }
            String[] s = new String[rows.length];
            for (int i = 0; i < s.length; i++) {
                s[i] = get(i);
            }
            return s;
        }
    }
}
