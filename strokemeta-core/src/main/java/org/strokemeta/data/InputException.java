package org.strokemeta.data;

/**
 * A problem with the user's input, located as precisely as it can be: file, line and column.
 *
 * <p>This is the one exception type for bad input (a subclass such as {@link WrongDataKind} adds what a
 * front end needs to word its advice). Its message is a sentence a clinician can act on,
 * for example {@code trials.csv, line 7, column total_ctrl: events (12) exceed the total (10)}.
 * Programming errors stay ordinary runtime exceptions.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The file name (or a label such as "input"), or null. */
    private final String file;
    /** The 1-based line, or 0 when the problem is not tied to a line. */
    private final int line;
    /** The column name, or null. */
    private final String column;
    /** What is wrong, as a sentence without location. */
    private final String problem;

    /**
     * @param file    the file name (or a label such as "input") or null
     * @param line    1-based line number in the file, or 0 when the problem is not tied to a line
     * @param column  the column name, or null
     * @param problem what is wrong, as a sentence without location
     */
    public InputException(String file, int line, String column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * An input problem that concerns the data as a whole (no line or column).
     *
     * @param file    the file name (or a label such as "input") or null
     * @param problem what is wrong, as a sentence without location
     * @return the exception, with no line and no column
     */
    public static InputException of(String file, String problem) {
        return new InputException(file, 0, null, problem);
    }

    /** The longest problem sentence and column name kept whole in a message (a cell can be megabytes long). */
    static final int MAX_PROBLEM = 600;
    static final int MAX_COLUMN = 80;

    /**
     * A text cut in the middle when it is longer than {@code max} characters, keeping its start and
     * end and saying how much was left out, so that a huge cell cannot flood a message or a figure.
     *
     * @param text the text, or null
     * @param max  the most characters kept whole
     * @return {@code text} itself when it is short enough or null, else its start and end around a remark
     */
    public static String shorten(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int head = Math.max(1, max * 2 / 3);
        int tail = Math.max(1, max - head);
        return text.substring(0, head) + " … (" + (text.length() - head - tail) + " characters left out) … "
                + text.substring(text.length() - tail);
    }

    /** Data sets, spreadsheets and DataFrames have rows, text files lines: decided by the file name's extension (or a DataFrame's label). */
    private static final java.util.regex.Pattern ROWS = java.util.regex.Pattern.compile(
            "(?i)(.*\\.(xlsx|xlsm|dta|sav|zsav|xpt|sas7bdat|parquet)(\\b.*)?|dataframe\\b.*)$");

    /**
     * The word for a position in a file: "row" for spreadsheets and data sets (Excel, Stata, SPSS, SAS, Parquet: a
     * spreadsheet's row number, a data set's observation number), "line" for text files.
     *
     * @param file the file name, or null
     * @return "row" or "line"
     */
    public static String rowWord(String file) {
        return file != null && ROWS.matcher(file).matches() ? "row" : "line";
    }

    private static String format(String file, int line, String column, String problem) {
        file = shorten(file, MAX_COLUMN * 3);
        column = shorten(column, MAX_COLUMN);
        problem = shorten(problem, MAX_PROBLEM);
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
        }
        if (line > 0) {
            sb.append(sb.length() > 0 ? ", " : "").append(rowWord(file)).append(' ').append(line);
        }
        if (column != null) {
            sb.append(sb.length() > 0 ? ", " : "").append("column ").append(column);
        }
        return sb.length() == 0 ? problem : sb + ": " + problem;
    }

    /**
     * The file name (or a label such as "input").
     *
     * @return the file, or null
     */
    public String file() {
        return file;
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, or 0 when the problem is not tied to a line
     */
    public int line() {
        return line;
    }

    /**
     * The column of the problem.
     *
     * @return the column name, or null
     */
    public String column() {
        return column;
    }

    /**
     * What is wrong, as a sentence without location.
     *
     * @return the problem
     */
    public String problem() {
        return problem;
    }
}
