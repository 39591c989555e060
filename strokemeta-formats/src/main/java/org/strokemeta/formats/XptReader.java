package org.strokemeta.formats;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * A SAS transport file of version 5 (.xpt), the FDA's submission format, read from its published description (SAS
 * technical support document TS-140, "The record layout of a data set in SAS transport (XPORT) format"): 80-byte
 * records, a 140-byte NAMESTR per variable, observations as one stream. Numbers are IBM System/370 floating point
 * (truncated to their stored length), missing values (., .A-.Z, ._) blank; variables with a SAS date format (DATE,
 * YYMMDD, MMDDYY, DDMMYY, E8601DA, ...) ISO dates and with a datetime format ISO datetimes. The first member is read
 * (a note says when there are more). Rows are observation numbers.
 */
final class XptReader {
    private XptReader() {
    }

    private static final String LIBRARY = "HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!";
    private static final String MEMBER = "HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!";
    private static final String NAMESTR = "HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!";
    private static final String OBS = "HEADER RECORD*******OBS     HEADER RECORD!!!!!!!";

    static Table read(String name, byte[] b) {
        try {
            return parse(name, b);
        } catch (IndexOutOfBoundsException e) {
            throw InputException.of(name, "the SAS transport file ends early or is damaged");
        }
    }

    private static Table parse(String name, byte[] b) {
        if (!ascii(b, 0, LIBRARY.length()).equals(LIBRARY)) {
            if (ascii(b, 0, Math.min(b.length, 40)).contains("LIBV8")) {
                throw InputException.of(name, "a SAS transport file of version 8 or 9 (LIBV8): save it as version 5 (the FDA format) or CSV");
            }
            throw InputException.of(name, "is not a SAS transport file (version 5 .xpt)");
        }
        int member = find(b, MEMBER, 0);
        if (member < 0) {
            throw InputException.of(name, "the SAS transport file holds no data set");
        }
        int namestrLen = Integer.parseInt(ascii(b, member + 74, 4).trim());
        int ns = find(b, NAMESTR, member);
        int nvar = Integer.parseInt(ascii(b, ns + 54, 4).trim());
        int p = ns + 80;
        List<String> header = new ArrayList<>();
        int[] type = new int[nvar];
        int[] len = new int[nvar];
        int[] pos = new int[nvar];
        String[] format = new String[nvar];
        for (int j = 0; j < nvar; j++) {
            int q = p + j * namestrLen;
            type[j] = u16(b, q);
            len[j] = u16(b, q + 4);
            header.add(ascii(b, q + 8, 8).trim());
            format[j] = ascii(b, q + 56, 8).trim().toUpperCase(Locale.ROOT);
            pos[j] = (int) u32(b, q + 84);
        }
        int obsHeader = find(b, OBS, p + nvar * namestrLen);
        if (obsHeader < 0) {
            throw InputException.of(name, "the SAS transport file has no observations header");
        }
        int start = obsHeader + 80;
        int next = find(b, MEMBER, start);
        int end = next < 0 ? b.length : next;
        int obsLen = 0;
        for (int j = 0; j < nvar; j++) {
            obsLen = Math.max(obsLen, pos[j] + len[j]);
        }
        List<List<String>> rows = new ArrayList<>();
        if (obsLen > 0) {
            int n = (end - start) / obsLen;
            // the last record is padded with blanks: an observation made only of blanks there is padding
            while (n > 0 && start + n * obsLen > end - 80 && allBlank(b, start + (n - 1) * obsLen, obsLen)) {
                n--;
            }
            for (int i = 0; i < n; i++) {
                int o = start + i * obsLen;
                List<String> cells = new ArrayList<>(nvar);
                for (int j = 0; j < nvar; j++) {
                    cells.add(type[j] == 2 ? new String(b, o + pos[j], len[j], StandardCharsets.ISO_8859_1).trim()
                            : number(b, o + pos[j], len[j], format[j]));
                }
                rows.add(cells);
            }
        }
        List<Note> notes = new ArrayList<>();
        if (next >= 0) {
            notes.add(new Note(0, null, Note.Kind.INFO, "the transport file holds more than one data set: the first was read"));
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return Table.ofRows(name, header, rows, lines, notes);
    }

    /** IBM System/370 hexadecimal floating point, big-endian, 2 to 8 bytes (the rest zero). */
    private static String number(byte[] b, int at, int len, String format) {
        int first = Byte.toUnsignedInt(b[at]);
        boolean restZero = true;
        for (int i = 1; i < len; i++) {
            restZero &= b[at + i] == 0;
        }
        if (restZero && (first == 0x2e || first == 0x5f || first >= 0x41 && first <= 0x5a)) {
            return "";
        }
        long frac = 0;
        for (int i = 1; i < 8; i++) {
            frac = (frac << 8) | (i < len ? Byte.toUnsignedInt(b[at + i]) : 0);
        }
        if (frac == 0) {
            return "0";
        }
        int sign = first & 0x80;
        int exp = (first & 0x7f) - 64;
        // value = 0.frac (56 bits) * 16^exp
        double v = Math.scalb((double) frac, 4 * exp - 56);
        if (frac >>> 53 != 0) {
            // more than 53 significant bits: exact rounding through BigDecimal
            v = new java.math.BigDecimal(frac).multiply(java.math.BigDecimal.valueOf(2).pow(Math.max(0, 4 * exp - 56)))
                    .divide(java.math.BigDecimal.valueOf(2).pow(Math.max(0, 56 - 4 * exp))).doubleValue();
        }
        if (sign != 0) {
            v = -v;
        }
        if (isDate(format)) {
            return LocalDate.of(1960, 1, 1).plusDays((long) Math.floor(v)).toString();
        }
        if (format.startsWith("DATETIME") || format.startsWith("E8601DT")) {
            LocalDateTime t = LocalDateTime.of(1960, 1, 1, 0, 0).plusNanos((long) (v * 1e9));
            return t.toString();
        }
        return DataFiles.number(v);
    }

    private static boolean isDate(String f) {
        return f.startsWith("DATE") && !f.startsWith("DATETIME") || f.startsWith("YYMMDD") || f.startsWith("MMDDYY") || f.startsWith("DDMMYY")
                || f.startsWith("E8601DA") || f.startsWith("IS8601DA") || f.startsWith("WORDDATE");
    }

    private static boolean allBlank(byte[] b, int at, int len) {
        for (int i = at; i < at + len && i < b.length; i++) {
            if (b[i] != ' ') {
                return false;
            }
        }
        return true;
    }

    private static int find(byte[] b, String s, int from) {
        for (int i = from - from % 80; i + 80 <= b.length; i += 80) {
            if (ascii(b, i, s.length()).equals(s)) {
                return i;
            }
        }
        return -1;
    }

    private static String ascii(byte[] b, int at, int len) {
        return new String(b, at, Math.min(len, b.length - at), StandardCharsets.ISO_8859_1);
    }

    private static int u16(byte[] b, int at) {
        return (Byte.toUnsignedInt(b[at]) << 8) | Byte.toUnsignedInt(b[at + 1]);
    }

    private static long u32(byte[] b, int at) {
        return ((long) u16(b, at) << 16) | u16(b, at + 2);
    }
}
