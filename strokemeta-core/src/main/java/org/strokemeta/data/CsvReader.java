package org.strokemeta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads comma-separated files (RFC 4180: quoted cells, doubled quotes, CRLF or LF line ends) into a
 * {@link Table}, including the shapes spreadsheets export.
 *
 * <p>Every way in (a path, a stream, bytes of an upload) goes through {@link #parse(String, byte[])},
 * which first settles how the bytes are to be read and says so in the table's {@link Table#notes()}
 * whenever it departs from plain UTF-8 CSV:
 * <ul>
 *   <li>encoding: UTF-8 (a byte-order mark is skipped); UTF-16 with a byte-order mark, or without one
 *       when every other byte is zero; otherwise, when the bytes are not valid UTF-8, Windows-1252
 *       (what spreadsheets on Western European Windows save as "CSV");</li>
 *   <li>line ends: LF, CRLF, or CR alone (classic Mac OS), which is read as a line end;</li>
 *   <li>separator, from the header line: comma; tab when the header has tabs and no commas; semicolon
 *       when it has semicolons and neither commas nor tabs (European spreadsheets); or the one named on
 *       an Excel {@code sep=;} first line. A header with commas is always read as comma-separated;</li>
 *   <li>decimal mark, in tab- and semicolon-separated files only: commas when number-like cells use
 *       them ({@code -0,8}). A cell such as {@code 1,234} could be a decimal comma or a thousands
 *       separator; when nothing else in the file decides it, or when commas and points are both used
 *       as decimal marks, the file is rejected with what to change.</li>
 * </ul>
 *
 * <p>The first non-blank line is the header. Blank lines, and lines whose cells are all empty (the
 * {@code ;;;;} rows spreadsheets append), are not data; those followed by data are counted in a note.
 * Every other line must have as many cells as the header, or the file is rejected with the line
 * number. Storage grows with the rows actually read, so memory follows the file's content, never its
 * line count times its width.
 */
public final class CsvReader {
    /** Bytes examined to tell UTF-16 without a byte-order mark from a binary file. */
    private static final int SNIFF = 1 << 16;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvReader() {
    }

    /**
     * Reads a file; the file name (not the whole path) is used in messages.
     *
     * @param path the file
     * @return the table
     * @throws InputException if the file cannot be read or is not a valid CSV table
     */
    public static Table read(Path path) {
        return parse(path.getFileName().toString(), FileProblem.readAllBytes(path));
    }

    /**
     * Reads a stream to its end (for bundled resources and uploads).
     *
     * @param source the name used in messages
     * @param in     the stream, read to its end but not closed
     * @return the table
     * @throws InputException if the stream cannot be read or is not a valid CSV table
     */
    public static Table read(String source, InputStream in) {
        try {
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw InputException.of(source, "the data cannot be read (" + e.getMessage() + ")");
        }
    }

    /**
     * Parses CSV text held in memory.
     *
     * @param source the name used in messages
     * @param text   the CSV text
     * @return the table
     * @throws InputException if the text is not a valid CSV table
     */
    public static Table parse(String source, String text) {
        return parse(source, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the bytes of a CSV file held in memory, detecting encoding, line ends, separator and
     * decimal mark as described in the class comment. The array is not modified.
     *
     * @param source the name used in messages
     * @param raw    the file's bytes
     * @return the table
     * @throws InputException if the bytes are not a valid CSV table
     */
    public static Table parse(String source, byte[] raw) {
        List<Note> notes = new ArrayList<>();
        Text text = decode(source, raw, notes);
        byte[] b = text.bytes();
        int n = b.length;
        int pos = text.start();
        int line = 1;
        while (pos < n && isBlankLine(b, pos, n)) {
            pos = nextLine(b, pos, n);
            line++;
        }
        if (pos >= n) {
            throw InputException.of(source, "the file is empty: a header line with column names is expected");
        }
        byte sep = declaredSeparator(b, pos, lineEnd(b, pos, n));
        if (sep != 0) {
            notes.add(new Note(0, null, Note.Kind.INFO, "separator " + name(sep) + " taken from the 'sep=' first line"));
            pos = nextLine(b, pos, n);
            line++;
            while (pos < n && isBlankLine(b, pos, n)) {
                pos = nextLine(b, pos, n);
                line++;
            }
            if (pos >= n) {
                throw InputException.of(source, "the file is empty: a header line with column names is expected");
            }
        } else {
            sep = separator(b, pos, lineEnd(b, pos, n));
        }
        int headerLine = line;
        List<String> header = new ArrayList<>();
        Cursor cur = new Cursor(pos, line);
        int[] se = new int[2];
        boolean more = true;
        while (more) {
            more = cell(b, n, sep, cur, se, source);
            int e = se[1];
            String name = e >= 0 ? new String(b, se[0], e - se[0], StandardCharsets.UTF_8)
                    : new String(b, se[0], -e - 1 - se[0], StandardCharsets.UTF_8).replace("\"\"", "\"");
            name = name.trim();
            if (name.isEmpty()) {
                // checked here, not only in Table, so that a line of a million separators fails at once
                throw new InputException(source, headerLine, null, "column " + (header.size() + 1) + " of the header has no name");
            }
            header.add(name);
        }
        int nc = header.size();
        // Rows are stored as they come; capacity doubles but never beyond what the remaining bytes can hold
        // (a row of nc cells takes at least nc bytes), so blank lines cost nothing.
        // The first capacity is the number of lines (counted while the text was checked, or by one quick
        // scan, so that an ordinary file is stored without any copy), but never more than the remaining
        // bytes can hold.
        long room = text.lineFeeds() >= 0 ? text.lineFeeds() + 1 : linesFrom(b, cur.pos, n);
        int cap = (int) Math.max(1, Math.min(room, rowBound(n, cur.pos, nc, 0)));
        int[][] st = new int[nc][cap];
        int[][] en = new int[nc][cap];
        int[] lines = new int[cap];
        int rows = 0;
        int pendingBlank = 0;
        int firstPendingBlank = 0;
        int skipped = 0;
        int firstSkipped = 0;
        while (cur.pos < n) {
            if (isBlankLine(b, cur.pos, n)) {
                if (pendingBlank++ == 0) {
                    firstPendingBlank = cur.line;
                }
                cur.pos = nextLine(b, cur.pos, n);
                cur.line++;
                continue;
            }
            if (rows == cap) {
                cap = (int) Math.max(rows + 1, Math.min(2L * cap, rowBound(n, cur.pos, nc, rows)));
                for (int j = 0; j < nc; j++) {
                    st[j] = Arrays.copyOf(st[j], cap);
                    en[j] = Arrays.copyOf(en[j], cap);
                }
                lines = Arrays.copyOf(lines, cap);
            }
            int rowLine = cur.line;
            int j = 0;
            boolean empty = true;
            more = true;
            while (more) {
                more = cell(b, n, sep, cur, se, source);
                if (j < nc) {
                    st[j][rows] = se[0];
                    en[j][rows] = se[1];
                }
                empty &= (se[1] < 0 ? -se[1] - 1 : se[1]) == se[0];
                j++;
            }
            if (empty) {
                // only separators: a spreadsheet's empty row, not data
                if (pendingBlank++ == 0) {
                    firstPendingBlank = rowLine;
                }
                continue;
            }
            if (j != nc) {
                throw new InputException(source, rowLine, null, "the line has " + j + " cells but the header has " + nc
                        + " (" + Table.columnList(header) + ")");
            }
            if (pendingBlank > 0) {
                if (skipped == 0) {
                    firstSkipped = firstPendingBlank;
                }
                skipped += pendingBlank;
                pendingBlank = 0;
            }
            lines[rows++] = rowLine;
        }
        if (rows < cap) {
            for (int j = 0; j < nc; j++) {
                st[j] = Arrays.copyOf(st[j], rows);
                en[j] = Arrays.copyOf(en[j], rows);
            }
            lines = Arrays.copyOf(lines, rows);
        }
        byte point = '.';
        if (sep != ',') {
            point = decimalMark(source, b, sep, header, st, en, lines, notes);
        }
        if (skipped > 0) {
            notes.add(new Note(0, null, Note.Kind.INFO, skipped + (skipped == 1 ? " empty line" : " empty lines")
                    + " between data rows skipped (the first is line " + firstSkipped + ")"));
        }
        return new Table(source, header.toArray(new String[0]), b, st, en, lines, notes, point);
    }

    /** The most rows the bytes from {@code pos} can still hold, plus those already read. */
    /** The lines from {@code pos} to the end: line feeds, plus one for a last line without one. */
    private static long linesFrom(byte[] b, int pos, int n) {
        long count = 0;
        for (int i = pos; i < n; i++) {
            if (b[i] == '\n') {
                count++;
            }
        }
        return n > pos && b[n - 1] != '\n' ? count + 1 : count;
    }

    private static long rowBound(int n, int pos, int nc, int rows) {
        return rows + (long) (n - pos) / Math.max(1, nc) + 1;
    }

    /** UTF-8 bytes of the file's text from {@code start}, every line ending in LF or CRLF. */
    private record Text(byte[] bytes, int start, long lineFeeds) {
        /** Text whose line feeds have not been counted. */
        Text(byte[] bytes, int start) {
            this(bytes, start, -1);
        }

    }

    private static Text decode(String source, byte[] b, List<Note> notes) {
        int n = b.length;
        Text t;
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            t = new Text(b, 3);
        } else if (n >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            t = utf16(source, b, 2, StandardCharsets.UTF_16LE);
            notes.add(new Note(0, null, Note.Kind.INFO, "read as UTF-16 (little-endian, marked by its byte-order mark)"));
        } else if (n >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            t = utf16(source, b, 2, StandardCharsets.UTF_16BE);
            notes.add(new Note(0, null, Note.Kind.INFO, "read as UTF-16 (big-endian, marked by its byte-order mark)"));
        } else {
            t = new Text(b, 0);
        }
        if (t.bytes() == b) {
            // one pass: zero bytes (UTF-16), bytes above ASCII (to check as UTF-8), line feeds (the
            // number of rows to make room for) and carriage returns without a line feed
            boolean high = false;
            long lf = 0;
            long lone = 0;
            for (int i = t.start(); i < n; i++) {
                byte c = b[i];
                if (c == '\n') {
                    lf++;
                } else if (c == '\r') {
                    if (i + 1 == n || b[i + 1] != '\n') {
                        lone++;
                    }
                } else if (c == 0) {
                    return lineEnds(utf16WithoutMark(source, b, notes), notes);
                }
                high |= c < 0;
            }
            int bad = high ? invalidUtf8(b, t.start()) : -1;
            if (bad < 0 && lone == 0) {
                return new Text(b, t.start(), lf);
            }
            if (bad >= 0) {
                int badLine = lineOf(b, t.start(), bad);
                String s;
                try {
                    s = strict(WINDOWS_1252).decode(ByteBuffer.wrap(b, t.start(), n - t.start())).toString();
                } catch (CharacterCodingException e) {
                    throw new InputException(source, badLine, null, "the file is neither UTF-8 nor Windows-1252 text;"
                            + " save it from the spreadsheet as 'CSV UTF-8'");
                }
                notes.add(new Note(0, null, Note.Kind.INFO, "read as Windows-1252 (Western European) because the file is not"
                        + " valid UTF-8 (first on line " + badLine + "); if names with accents look wrong, save it as 'CSV UTF-8'"));
                t = new Text(s.getBytes(StandardCharsets.UTF_8), 0);
            }
        }
        return lineEnds(t, notes);
    }

    /** UTF-16 without a byte-order mark, recognised by zero high bytes of ASCII characters; otherwise not text. */
    private static Text utf16WithoutMark(String source, byte[] b, List<Note> notes) {
        int m = Math.min(b.length, SNIFF) & ~1;
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int i = 0; i < m; i += 2) {
            zeroEven += b[i] == 0 ? 1 : 0;
            zeroOdd += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = m / 2;
        Text t;
        if (zeroOdd * 4 >= pairs && zeroEven * 10 <= zeroOdd) {
            t = utf16(source, b, 0, StandardCharsets.UTF_16LE);
            notes.add(new Note(0, null, Note.Kind.INFO, "read as UTF-16 (little-endian, recognised by its zero bytes; the file has no byte-order mark)"));
        } else if (zeroEven * 4 >= pairs && zeroOdd * 10 <= zeroEven) {
            t = utf16(source, b, 0, StandardCharsets.UTF_16BE);
            notes.add(new Note(0, null, Note.Kind.INFO, "read as UTF-16 (big-endian, recognised by its zero bytes; the file has no byte-order mark)"));
        } else {
            throw notText(source);
        }
        return t;
    }

    private static InputException notText(String source) {
        return InputException.of(source, "the file holds zero bytes and is not CSV text (a workbook such as .xlsx?);"
                + " save it from the spreadsheet as 'CSV UTF-8'");
    }

    private static Text utf16(String source, byte[] b, int from, Charset cs) {
        String s;
        try {
            s = strict(cs).decode(ByteBuffer.wrap(b, from, b.length - from)).toString();
        } catch (CharacterCodingException e) {
            throw InputException.of(source, "the file starts as UTF-16 text but is not valid UTF-16; save it from the"
                    + " spreadsheet as 'CSV UTF-8'");
        }
        if (s.indexOf('\0') >= 0) {
            throw notText(source);
        }
        return new Text(s.getBytes(StandardCharsets.UTF_8), s.startsWith("\uFEFF") ? 3 : 0);
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The offset of the first byte that is not valid UTF-8, or -1. */
    private static int invalidUtf8(byte[] b, int from) {
        CharsetDecoder d = strict(StandardCharsets.UTF_8);
        ByteBuffer in = ByteBuffer.wrap(b, from, b.length - from);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    private static int lineOf(byte[] b, int from, int at) {
        int line = 1;
        for (int i = from; i < at; i++) {
            if (b[i] == '\n' || b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) {
                line++;
            }
        }
        return line;
    }

    /** Carriage returns not followed by a line feed (classic Mac OS line ends) become line feeds, with a note. */
    private static Text lineEnds(Text t, List<Note> notes) {
        byte[] b = t.bytes();
        int n = b.length;
        int lf = 0;
        int lone = 0;
        for (int i = t.start(); i < n; i++) {
            if (b[i] == '\n') {
                lf++;
            } else if (b[i] == '\r' && (i + 1 == n || b[i + 1] != '\n')) {
                lone++;
            }
        }
        if (lone == 0) {
            return t;
        }
        byte[] c = b.clone();
        for (int i = t.start(); i < n; i++) {
            if (c[i] == '\r' && (i + 1 == n || c[i + 1] != '\n')) {
                c[i] = '\n';
            }
        }
        notes.add(new Note(0, null, Note.Kind.INFO, lf == 0 ? "line ends are carriage returns only (classic Mac OS): read as line ends"
                : lone + " carriage return" + (lone == 1 ? "" : "s") + " without a line feed read as line end" + (lone == 1 ? "" : "s")));
        return new Text(c, t.start());
    }

    /** The separator named by an Excel {@code sep=X} line, or 0 when the line is not one. */
    private static byte declaredSeparator(byte[] b, int pos, int end) {
        while (end > pos && (b[end - 1] == '\r' || b[end - 1] == ' ')) {
            end--;
        }
        if (end - pos == 5 && (b[pos] == 's' || b[pos] == 'S') && (b[pos + 1] == 'e' || b[pos + 1] == 'E')
                && (b[pos + 2] == 'p' || b[pos + 2] == 'P') && b[pos + 3] == '='
                && (b[pos + 4] == ',' || b[pos + 4] == ';' || b[pos + 4] == '\t')) {
            return b[pos + 4];
        }
        return 0;
    }

    /** The separator of a header line: comma if it has one, else tab, else semicolon (outside quotes). */
    private static byte separator(byte[] b, int pos, int end) {
        boolean comma = false;
        boolean tab = false;
        boolean semicolon = false;
        boolean quoted = false;
        for (int i = pos; i < end; i++) {
            if (b[i] == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                comma |= b[i] == ',';
                tab |= b[i] == '\t';
                semicolon |= b[i] == ';';
            }
        }
        return comma ? (byte) ',' : tab ? (byte) '\t' : semicolon ? (byte) ';' : (byte) ',';
    }

    private static String name(byte sep) {
        return sep == ',' ? "comma" : sep == ';' ? "semicolon" : "tab";
    }

    /** A number-like cell with its decimal mark: 0 when not one, 1 a decimal, 2 could be a thousands separator. */
    private static final int NOT = 0;
    private static final int DECIMAL = 1;
    private static final int AMBIGUOUS = 2;

    /**
     * Classifies a cell written as digits with one {@code mark} ({@code 1,5}, {@code -0,8}, {@code ,25},
     * {@code 1,5e-3}). One to three digits, the first not zero, then the mark and exactly three digits
     * ({@code 1,234}) read as a thousands group as well as a decimal.
     */
    static int shape(byte[] b, int s, int e, byte mark) {
        int i = s;
        if (i < e && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int intStart = i;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int intDigits = i - intStart;
        if (i >= e || b[i] != mark) {
            return NOT;
        }
        i++;
        int fracStart = i;
        while (i < e && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        int fracDigits = i - fracStart;
        boolean exponent = false;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            i++;
            if (i < e && (b[i] == '-' || b[i] == '+')) {
                i++;
            }
            int d = i;
            while (i < e && b[i] >= '0' && b[i] <= '9') {
                i++;
            }
            if (i == d) {
                return NOT;
            }
            exponent = true;
        }
        if (i != e || fracDigits == 0) {
            return NOT;
        }
        boolean group = !exponent && fracDigits == 3 && intDigits >= 1 && intDigits <= 3 && b[intStart] != '0';
        return group ? AMBIGUOUS : DECIMAL;
    }

    /**
     * The decimal mark of a tab- or semicolon-separated file, decided from its number-like cells (see
     * the class comment), with a note saying what was used.
     */
    private static byte decimalMark(String source, byte[] b, byte sep, List<String> header, int[][] st, int[][] en,
                                    int[] lines, List<Note> notes) {
        int[] firstComma = null;
        int[] firstPoint = null;
        int[] ambiguousComma = null;
        int[] ambiguousPoint = null;
        for (int r = 0; r < lines.length; r++) {
            for (int j = 0; j < st.length; j++) {
                int e = en[j][r];
                if (e < 0) {
                    continue;
                }
                int c = shape(b, st[j][r], e, (byte) ',');
                if (c == DECIMAL && firstComma == null) {
                    firstComma = new int[] {r, j};
                } else if (c == AMBIGUOUS && ambiguousComma == null) {
                    ambiguousComma = new int[] {r, j};
                }
                int p = shape(b, st[j][r], e, (byte) '.');
                if (p == DECIMAL && firstPoint == null) {
                    firstPoint = new int[] {r, j};
                } else if (p == AMBIGUOUS && ambiguousPoint == null) {
                    ambiguousPoint = new int[] {r, j};
                }
            }
        }
        String layout = sep == ';' ? "semicolon-separated" : "tab-separated";
        if (firstComma != null && firstPoint != null) {
            int[] later = lines[firstComma[0]] > lines[firstPoint[0]] || lines[firstComma[0]] == lines[firstPoint[0]]
                    && firstComma[1] > firstPoint[1] ? firstComma : firstPoint;
            int[] other = later == firstComma ? firstPoint : firstComma;
            throw new InputException(source, lines[later[0]], header.get(later[1]), "'" + text(b, st, en, later)
                    + "' and '" + text(b, st, en, other) + "' (line " + lines[other[0]] + ", column " + header.get(other[1])
                    + ") use different decimal marks; write every decimal with the same one");
        }
        if (firstComma != null) {
            notes.add(new Note(0, null, Note.Kind.INFO, layout + " with decimal commas (such as " + text(b, st, en, firstComma)
                    + " on line " + lines[firstComma[0]] + ")"));
            return ',';
        }
        if (ambiguousComma != null && firstPoint == null) {
            String v = text(b, st, en, ambiguousComma);
            throw new InputException(source, lines[ambiguousComma[0]], header.get(ambiguousComma[1]), "'" + v
                    + "' could be " + v.replace(',', '.') + " (decimal comma) or " + v.replace(",", "")
                    + " (thousands separator); remove thousands separators from the numbers, or save the file with decimal points");
        }
        if (sep == ';' && firstPoint == null && ambiguousPoint != null) {
            String v = text(b, st, en, ambiguousPoint);
            throw new InputException(source, lines[ambiguousPoint[0]], header.get(ambiguousPoint[1]), "in a semicolon-separated file '"
                    + v + "' could be " + v + " (decimal point) or " + v.replace(".", "")
                    + " (thousands separator); remove thousands separators from the numbers, or save the file comma-separated");
        }
        if (sep == ';') {
            notes.add(new Note(0, null, Note.Kind.INFO, layout + (firstPoint != null ? " with decimal points" : "")));
        }
        return '.';
    }

    private static String text(byte[] b, int[][] st, int[][] en, int[] rc) {
        return new String(b, st[rc[1]][rc[0]], en[rc[1]][rc[0]] - st[rc[1]][rc[0]], StandardCharsets.UTF_8);
    }

    private static final class Cursor {
        int pos;
        int line;

        Cursor(int pos, int line) {
            this.pos = pos;
            this.line = line;
        }
    }

    /**
     * Reads one cell starting at {@code cur.pos}; stores its trimmed extent in {@code se} and
     * returns true when another cell follows on the same line. On return after the last cell the
     * cursor stands at the start of the next line.
     */
    private static boolean cell(byte[] b, int n, byte sep, Cursor cur, int[] se, String source) {
        int i = cur.pos;
        while (i < n && (b[i] == ' ' || (b[i] == '\t' && sep != '\t'))) {
            i++;
        }
        if (i < n && b[i] == '"') {
            int startLine = cur.line;
            int s = ++i;
            boolean doubled = false;
            while (true) {
                if (i >= n) {
                    throw new InputException(source, startLine, null, "a quoted cell is not closed (missing \")");
                }
                if (b[i] == '"') {
                    if (i + 1 < n && b[i + 1] == '"') {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                if (b[i] == '\n') {
                    cur.line++;
                }
                i++;
            }
            int e = i;
            i++;
            while (i < n && (b[i] == ' ' || b[i] == '\t') && b[i] != sep) {
                i++;
            }
            se[0] = s;
            se[1] = doubled ? -e - 1 : e;
            return finish(b, n, sep, cur, i, source);
        }
        int s = i;
        while (i < n && b[i] != sep && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        int e = i;
        while (e > s && (b[e - 1] == ' ' || b[e - 1] == '\t')) {
            e--;
        }
        se[0] = s;
        se[1] = e;
        return finish(b, n, sep, cur, i, source);
    }

    private static boolean finish(byte[] b, int n, byte sep, Cursor cur, int i, String source) {
        if (i < n && b[i] == sep) {
            cur.pos = i + 1;
            return true;
        }
        if (i < n && b[i] == '\r') {
            i++;
        }
        if (i < n && b[i] == '\n') {
            i++;
            cur.pos = i;
            cur.line++;
            return false;
        }
        if (i >= n) {
            cur.pos = n;
            return false;
        }
        throw new InputException(source, cur.line, null, "unexpected text after a quoted cell");
    }

    private static boolean isBlankLine(byte[] b, int pos, int n) {
        for (int i = pos; i < n && b[i] != '\n'; i++) {
            if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static int nextLine(byte[] b, int pos, int n) {
        int i = pos;
        while (i < n && b[i] != '\n') {
            i++;
        }
        return Math.min(n, i + 1);
    }

    private static int lineEnd(byte[] b, int pos, int n) {
        int i = pos;
        while (i < n && b[i] != '\n') {
            i++;
        }
        return i;
    }
}
