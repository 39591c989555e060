package org.strokemeta.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * A Stata data set of Stata 13 or later (formats 117, 118 and 119), read from the published specification (Stata's
 * "help dta", "Description of .dta file format"): both byte orders; str1-str2045 and strL text; byte, int, long,
 * float and double numbers, Stata's missing values (. and .a-.z) blank; value labels decoding the codes of a labelled
 * variable (unless the codes are asked for); %td dates and %tc/%tC datetimes ISO 8601. Rows are observation numbers.
 */
final class DtaReader {
    private DtaReader() {
    }

    private static final int BYTE = 65530;
    private static final int INT = 65529;
    private static final int LONG = 65528;
    private static final int FLOAT = 65527;
    private static final int DOUBLE = 65526;
    private static final int STRL = 32768;

    static Table read(String name, byte[] b, boolean keepCodes) {
        try {
            return parse(name, b, keepCodes);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw InputException.of(name, "the Stata file ends early or is damaged");
        }
    }

    private static Table parse(String name, byte[] b, boolean keepCodes) {
        if (!startsWith(b, 0, "<stata_dta><header><release>")) {
            if (b.length > 3 && b[0] >= 104 && b[0] <= 115 && (b[1] == 1 || b[1] == 2) && b[2] == 1) {
                throw InputException.of(name, "a Stata file of version 12 or older (format " + b[0] + "): open it in Stata and save it "
                        + "again, or save it as CSV");
            }
            throw InputException.of(name, "is not a Stata data set (.dta of Stata 13 or later)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b);
        int pos = "<stata_dta><header><release>".length();
        int release = Integer.parseInt(new String(b, pos, 3, StandardCharsets.US_ASCII));
        if (release < 117 || release > 119) {
            throw InputException.of(name, "Stata format " + release + " is not read (117, 118 and 119 are)");
        }
        pos += 3;
        pos = expect(b, pos, "</release><byteorder>", name);
        String order = new String(b, pos, 3, StandardCharsets.US_ASCII);
        buf.order(order.equals("MSF") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        pos = expect(b, pos + 3, "</byteorder><K>", name);
        int k = release == 119 ? buf.getInt(pos) : Short.toUnsignedInt(buf.getShort(pos));
        pos += release == 119 ? 4 : 2;
        pos = expect(b, pos, "</K><N>", name);
        long n = release == 117 ? Integer.toUnsignedLong(buf.getInt(pos)) : buf.getLong(pos);
        if (n > Integer.MAX_VALUE - 8) {
            throw InputException.of(name, "has " + n + " observations, more than can be read into memory here");
        }
        Charset text = release == 117 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
        int nameLen = release == 117 ? 33 : 129;
        int fmtLen = release == 117 ? 49 : 57;
        int vlabLen = release == 117 ? 81 : 321;
        int mapAt = indexOf(b, "<map>", pos);
        if (mapAt < 0) {
            throw InputException.of(name, "the Stata file has no map of its sections");
        }
        long[] map = new long[14];
        for (int i = 0; i < 14; i++) {
            map[i] = buf.getLong(mapAt + 5 + 8 * i);
        }
        int types = (int) map[2] + "<variable_types>".length();
        int names = (int) map[3] + "<varnames>".length();
        int formats = (int) map[5] + "<formats>".length();
        int labelNames = (int) map[6] + "<value_label_names>".length();
        int data = (int) map[9] + "<data>".length();
        int[] type = new int[k];
        String[] var = new String[k];
        String[] fmt = new String[k];
        String[] lab = new String[k];
        int[] width = new int[k];
        int strlV = release == 117 ? 4 : release == 118 ? 2 : 3;
        int recLen = 0;
        for (int j = 0; j < k; j++) {
            type[j] = Short.toUnsignedInt(buf.getShort(types + 2 * j));
            var[j] = cString(b, names + nameLen * j, nameLen, text);
            fmt[j] = cString(b, formats + fmtLen * j, fmtLen, text);
            lab[j] = cString(b, labelNames + nameLen * j, nameLen, text);
            width[j] = switch (type[j]) {
                case BYTE -> 1;
                case INT -> 2;
                case LONG, FLOAT -> 4;
                case DOUBLE, STRL -> 8;
                default -> {
                    if (type[j] >= 1 && type[j] <= 2045) {
                        yield type[j];
                    }
                    throw InputException.of(name, "variable " + var[j] + " has a type (" + type[j] + ") this reader does not know");
                }
            };
            recLen += width[j];
        }
        // the strL strings, by their (v, o) key
        Map<Long, String> strls = new HashMap<>();
        if (map[10] > 0) {
            int p = (int) map[10] + "<strls>".length();
            while (startsWith(b, p, "GSO")) {
                long v = Integer.toUnsignedLong(buf.getInt(p + 3));
                long o = release == 117 ? Integer.toUnsignedLong(buf.getInt(p + 7)) : buf.getLong(p + 7);
                int q = p + 7 + (release == 117 ? 4 : 8);
                int t = Byte.toUnsignedInt(b[q]);
                int len = buf.getInt(q + 1);
                String s = t == 130 ? new String(b, q + 5, Math.max(0, len - 1), text) : "";
                strls.put(v * 1_000_000_007L + o, s);
                p = q + 5 + len;
            }
        }
        // value labels
        Map<String, Map<Integer, String>> labels = new HashMap<>();
        if (map[11] > 0) {
            int p = (int) map[11] + "<value_labels>".length();
            while (startsWith(b, p, "<lbl>")) {
                int len = buf.getInt(p + 5);
                String labname = cString(b, p + 9, nameLen, text);
                int t = p + 9 + nameLen + 3;
                int count = buf.getInt(t);
                int txtLen = buf.getInt(t + 4);
                int offs = t + 8;
                int vals = offs + 4 * count;
                int txt = vals + 4 * count;
                Map<Integer, String> m = new LinkedHashMap<>();
                for (int i = 0; i < count; i++) {
                    int off = buf.getInt(offs + 4 * i);
                    if (off >= 0 && off < txtLen) {
                        m.put(buf.getInt(vals + 4 * i), cString(b, txt + off, txtLen - off, text));
                    }
                }
                labels.put(labname, m);
                p = t + len + "</lbl>".length();
            }
        }
        if (recLen > 0 && n > (long) (b.length - data) / recLen) {
            throw InputException.of(name, "the Stata file says it has " + n + " observations but holds at most " + (b.length - data) / recLen
                    + ": it is damaged or cut short");
        }
        List<String> header = new ArrayList<>(List.of(var));
        List<List<String>> rows = new ArrayList<>((int) Math.min(n, 1 << 16));
        List<Note> notes = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            if (!keepCodes && !lab[j].isEmpty() && labels.containsKey(lab[j]) && type[j] >= FLOAT - 1 && type[j] <= BYTE) {
                decoded.add(var[j] + " (" + labels.get(lab[j]).entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).orElse("") + ")");
            }
        }
        int p = data;
        for (long i = 0; i < n; i++) {
            List<String> cells = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
                String cell;
                switch (type[j]) {
                    case BYTE -> {
                        int v = b[p];
                        cell = v > 100 ? "" : code(v, lab[j], labels, keepCodes);
                    }
                    case INT -> {
                        int v = buf.getShort(p);
                        cell = v > 32740 ? "" : code(v, lab[j], labels, keepCodes);
                    }
                    case LONG -> {
                        int v = buf.getInt(p);
                        cell = v > 2147483620 ? "" : code(v, lab[j], labels, keepCodes);
                    }
                    case FLOAT -> {
                        float v = buf.getFloat(p);
                        // the float's shortest decimal text, not its binary expansion as a double
                        cell = v >= 0x1.0p127f || Float.isNaN(v) ? "" : number(Double.parseDouble(Float.toString(v)), fmt[j], lab[j], labels,
                                keepCodes);
                    }
                    case DOUBLE -> {
                        double v = buf.getDouble(p);
                        cell = v >= 0x1.0p1023 || Double.isNaN(v) ? "" : number(v, fmt[j], lab[j], labels, keepCodes);
                    }
                    case STRL -> {
                        long key = buf.getLong(p);
                        long v;
                        long o;
                        if (release == 117) {
                            v = Integer.toUnsignedLong(buf.getInt(p));
                            o = Integer.toUnsignedLong(buf.getInt(p + 4));
                        } else if (buf.order() == ByteOrder.LITTLE_ENDIAN) {
                            v = key & ((1L << (8 * strlV)) - 1);
                            o = key >>> (8 * strlV);
                        } else {
                            v = key >>> (64 - 8 * strlV);
                            o = key & ((1L << (64 - 8 * strlV)) - 1);
                        }
                        cell = v == 0 && o == 0 ? "" : strls.getOrDefault(v * 1_000_000_007L + o, "");
                    }
                    default -> cell = cString(b, p, width[j], text).trim();
                }
                cells.add(cell);
                p += width[j];
            }
            rows.add(cells);
        }
        if (!decoded.isEmpty()) {
            notes.add(new Note(0, null, Note.Kind.INFO, "codes replaced by their value labels: " + String.join("; ", decoded)
                    + " (--keep-codes keeps the codes)"));
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return Table.ofRows(name, header, rows, lines, notes);
    }

    private static String code(int v, String lab, Map<String, Map<Integer, String>> labels, boolean keep) {
        if (!keep && !lab.isEmpty()) {
            Map<Integer, String> m = labels.get(lab);
            if (m != null && m.containsKey(v)) {
                return m.get(v);
            }
        }
        return Integer.toString(v);
    }

    private static String number(double v, String fmt, String lab, Map<String, Map<Integer, String>> labels, boolean keep) {
        String f = fmt.toLowerCase(java.util.Locale.ROOT);
        if (f.startsWith("%td") || f.startsWith("%d")) {
            return LocalDate.of(1960, 1, 1).plusDays((long) Math.floor(v)).toString();
        }
        if (f.startsWith("%tc")) {
            LocalDateTime t = LocalDateTime.of(1960, 1, 1, 0, 0).plusNanos((long) (v * 1e6));
            return t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? t.toLocalDate().toString() : t.toString();
        }
        if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
            return code((int) v, lab, labels, keep);
        }
        return DataFiles.number(v);
    }

    private static String cString(byte[] b, int at, int max, Charset cs) {
        int end = at;
        while (end < at + max && end < b.length && b[end] != 0) {
            end++;
        }
        return new String(b, at, end - at, cs);
    }

    private static boolean startsWith(byte[] b, int at, String s) {
        if (at < 0 || at + s.length() > b.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (b[at + i] != (byte) s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int expect(byte[] b, int at, String s, String name) {
        if (!startsWith(b, at, s)) {
            throw InputException.of(name, "is not a well-formed Stata file (expected " + s + " at byte " + at + ")");
        }
        return at + s.length();
    }

    private static int indexOf(byte[] b, String s, int from) {
        for (int i = from; i + s.length() <= b.length; i++) {
            if (startsWith(b, i, s)) {
                return i;
            }
        }
        return -1;
    }
}
