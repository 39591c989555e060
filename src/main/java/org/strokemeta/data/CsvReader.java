package org.strokemeta.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads comma-separated files (RFC 4180: quoted cells, doubled quotes, CRLF or LF line ends, an
 * optional UTF-8 byte-order mark) into a {@link Table}.
 *
 * <p>The first non-blank line is the header. Blank lines are ignored; every other line must have as
 * many cells as the header, or the file is rejected with the line number. A tab-separated file is
 * recognised by a header that holds tabs and no commas.
 */
public final class CsvReader {
    private CsvReader() {
    }

    /** Reads a file; the file name (not the whole path) is used in messages. */
    public static Table read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw InputException.of(path.toString(), "the file does not exist");
        } catch (IOException e) {
            throw InputException.of(path.toString(), "the file cannot be read (" + e.getMessage() + ")");
        }
        return parse(path.getFileName().toString(), bytes);
    }

    /** Reads a stream to its end (for bundled resources and uploads). */
    public static Table read(String source, InputStream in) {
        try {
            return parse(source, in.readAllBytes());
        } catch (IOException e) {
            throw InputException.of(source, "the data cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Parses CSV text held in memory. */
    public static Table parse(String source, String text) {
        return parse(source, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses CSV bytes held in memory. */
    public static Table parse(String source, byte[] b) {
        int n = b.length;
        int pos = 0;
        if (n >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            pos = 3;
        }
        int newlines = 0;
        for (int i = pos; i < n; i++) {
            if (b[i] == '\n') {
                newlines++;
            }
        }
        // header
        int line = 1;
        while (pos < n && isBlankLine(b, pos, n)) {
            pos = nextLine(b, pos, n);
            line++;
        }
        if (pos >= n) {
            throw InputException.of(source, "the file is empty: a header line with column names is expected");
        }
        int headerEnd = lineEnd(b, pos, n);
        byte sep = ',';
        boolean comma = false;
        boolean tab = false;
        for (int i = pos; i < headerEnd; i++) {
            comma |= b[i] == ',';
            tab |= b[i] == '\t';
        }
        if (tab && !comma) {
            sep = '\t';
        }
        List<String> header = new ArrayList<>();
        Cursor cur = new Cursor(pos, line);
        int[] se = new int[2];
        boolean more = true;
        while (more) {
            more = cell(b, n, sep, cur, se, source);
            int e = se[1];
            String name = e >= 0 ? new String(b, se[0], e - se[0], StandardCharsets.UTF_8)
                    : new String(b, se[0], -e - 1 - se[0], StandardCharsets.UTF_8).replace("\"\"", "\"");
            header.add(name.trim());
        }
        int nc = header.size();
        int cap = Math.max(1, newlines + 1);
        int[][] st = new int[nc][cap];
        int[][] en = new int[nc][cap];
        int[] lines = new int[cap];
        int rows = 0;
        while (cur.pos < n) {
            if (isBlankLine(b, cur.pos, n)) {
                cur.pos = nextLine(b, cur.pos, n);
                cur.line++;
                continue;
            }
            int rowLine = cur.line;
            int j = 0;
            more = true;
            while (more) {
                more = cell(b, n, sep, cur, se, source);
                if (j < nc) {
                    st[j][rows] = se[0];
                    en[j][rows] = se[1];
                }
                j++;
            }
            if (j != nc) {
                throw new InputException(source, rowLine, null, "the line has " + j + " cells but the header has " + nc
                        + " (" + String.join(", ", header) + ")");
            }
            lines[rows++] = rowLine;
        }
        for (int j = 0; j < nc; j++) {
            st[j] = Arrays.copyOf(st[j], rows);
            en[j] = Arrays.copyOf(en[j], rows);
        }
        return new Table(source, header.toArray(new String[0]), b, st, en, Arrays.copyOf(lines, rows));
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
