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
 * An SPSS system file (.sav, and .zsav with zlib compression), read from the published description of the format
 * (GNU PSPP's "System File Format" appendix): both byte orders; uncompressed, bytecode-compressed and zlib-compressed
 * data; numeric and string variables (strings up to 255 bytes, and longer ones rebuilt from their segments);
 * long variable names; the file's character encoding; the system-missing value and user-missing values blank (a note
 * lists the variables whose user-missing values were blanked); value labels decoding the codes of a labelled numeric
 * variable (unless the codes are asked for); DATE, ADATE, EDATE, SDATE and DATETIME formats ISO 8601. Rows are case
 * numbers.
 */
final class SavReader {
    private SavReader() {
    }

    /** One 8-byte slot of a case: a variable's first slot or a continuation of a string. */
    private static final class Slot {
        String shortName;
        int type;
        int printFormat;
        double[] missing = new double[0];
        boolean range;
        double lo;
        double hi;
    }

    static Table read(String name, byte[] b, boolean keepCodes) {
        try {
            return parse(name, b, keepCodes);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException e) {
            throw InputException.of(name, "the SPSS file ends early or is damaged");
        }
    }

    private static Table parse(String name, byte[] b, boolean keepCodes) {
        String magic = b.length >= 4 ? new String(b, 0, 4, StandardCharsets.US_ASCII) : "";
        if (!magic.equals("$FL2") && !magic.equals("$FL3")) {
            throw InputException.of(name, "is not an SPSS system file (.sav or .zsav)");
        }
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int layout = buf.getInt(64);
        if (layout != 2 && layout != 3) {
            buf.order(ByteOrder.BIG_ENDIAN);
            layout = buf.getInt(64);
            if (layout != 2 && layout != 3) {
                throw InputException.of(name, "is not an SPSS system file this reader understands (layout code " + layout + ")");
            }
        }
        int compression = buf.getInt(72);
        int ncases = buf.getInt(80);
        double bias = buf.getDouble(84);
        int p = 176;
        List<Slot> slots = new ArrayList<>();
        Map<Integer, Map<Double, String>> labelsBySlot = new HashMap<>();
        Map<String, String> longNames = new HashMap<>();
        Map<String, Integer> veryLong = new LinkedHashMap<>();
        Charset cs = StandardCharsets.ISO_8859_1;
        double sysmis = -Double.MAX_VALUE;
        boolean encodingRecord = false;
        List<byte[]> pendingLabelValues = null;
        List<String> pendingLabels = null;
        while (true) {
            int rec = buf.getInt(p);
            p += 4;
            if (rec == 2) {
                Slot s = new Slot();
                s.type = buf.getInt(p);
                int hasLabel = buf.getInt(p + 4);
                int nMissing = buf.getInt(p + 8);
                s.printFormat = buf.getInt(p + 12);
                s.shortName = new String(b, p + 20, 8, StandardCharsets.ISO_8859_1).trim();
                p += 28;
                if (hasLabel == 1) {
                    int len = buf.getInt(p);
                    p += 4 + ((len + 3) / 4) * 4;
                }
                int m = Math.abs(nMissing);
                if (s.type == 0 && m > 0) {
                    double[] v = new double[m];
                    for (int i = 0; i < m; i++) {
                        v[i] = buf.getDouble(p + 8 * i);
                    }
                    if (nMissing < 0) {
                        s.range = true;
                        s.lo = v[0];
                        s.hi = v[1];
                        s.missing = nMissing == -3 ? new double[] {v[2]} : new double[0];
                    } else {
                        s.missing = v;
                    }
                }
                p += 8 * m;
                slots.add(s);
            } else if (rec == 3) {
                int count = buf.getInt(p);
                p += 4;
                pendingLabelValues = new ArrayList<>();
                pendingLabels = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    byte[] v = java.util.Arrays.copyOfRange(b, p, p + 8);
                    int len = Byte.toUnsignedInt(b[p + 8]);
                    pendingLabelValues.add(v);
                    pendingLabels.add(new String(b, p + 9, len, cs));
                    p += 8 + ((len + 1 + 7) / 8) * 8;
                }
            } else if (rec == 4) {
                int count = buf.getInt(p);
                p += 4;
                for (int i = 0; i < count; i++) {
                    int idx = buf.getInt(p + 4 * i) - 1;
                    Map<Double, String> m = labelsBySlot.computeIfAbsent(idx, k -> new LinkedHashMap<>());
                    for (int j = 0; pendingLabelValues != null && j < pendingLabelValues.size(); j++) {
                        m.put(ByteBuffer.wrap(pendingLabelValues.get(j)).order(buf.order()).getDouble(), pendingLabels.get(j));
                    }
                }
                p += 4 * count;
                pendingLabelValues = null;
                pendingLabels = null;
            } else if (rec == 6) {
                int lines = buf.getInt(p);
                p += 4 + 80 * lines;
            } else if (rec == 7) {
                int subtype = buf.getInt(p);
                int size = buf.getInt(p + 4);
                int count = buf.getInt(p + 8);
                int at = p + 12;
                int len = size * count;
                if (subtype == 3 && size == 4 && count >= 8 && !encodingRecord) {
                    // the machine integer record's character code (a code page); the encoding record (subtype 20) overrides it
                    cs = codePage(buf.getInt(at + 28), cs);
                } else if (subtype == 4 && size == 8) {
                    sysmis = buf.getDouble(at);
                } else if (subtype == 13) {
                    for (String pair : new String(b, at, len, cs).split("\t")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            longNames.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                        }
                    }
                } else if (subtype == 14) {
                    for (String pair : new String(b, at, len, cs).split("[\t\u0000]+")) {
                        int eq = pair.indexOf('=');
                        if (eq > 0) {
                            veryLong.put(pair.substring(0, eq).trim(), Integer.parseInt(pair.substring(eq + 1).trim()));
                        }
                    }
                } else if (subtype == 20) {
                    encodingRecord = true;
                    String enc = new String(b, at, len, StandardCharsets.US_ASCII).trim();
                    try {
                        cs = Charset.forName(enc);
                    } catch (IllegalArgumentException e) {
                        cs = StandardCharsets.UTF_8;
                    }
                }
                p = at + len;
            } else if (rec == 999) {
                p += 4;
                break;
            } else {
                throw InputException.of(name, "the SPSS dictionary has a record of unknown type " + rec + " at byte " + (p - 4));
            }
        }
        // the data stream, inflated for .zsav
        byte[] data = b;
        int dataStart = p;
        if (compression == 2) {
            long ztrailer = buf.getLong(p + 8);
            ByteBuffer t = ByteBuffer.wrap(b).order(buf.order());
            int tp = (int) ztrailer;
            int nBlocks = t.getInt(tp + 20);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (int i = 0; i < nBlocks; i++) {
                int e = tp + 24 + 24 * i;
                long cOfs = t.getLong(e + 8);
                int uSize = t.getInt(e + 16);
                int cSize = t.getInt(e + 20);
                java.util.zip.Inflater inf = new java.util.zip.Inflater();
                inf.setInput(b, (int) cOfs, cSize);
                byte[] chunk = new byte[uSize];
                try {
                    int got = inf.inflate(chunk);
                    out.write(chunk, 0, got);
                } catch (java.util.zip.DataFormatException ex) {
                    throw InputException.of(name, "a compressed block of the SPSS file is damaged: " + ex.getMessage());
                } finally {
                    inf.end();
                }
            }
            data = out.toByteArray();
            dataStart = 0;
        }
        // the variables: a first slot (type >= 0), string continuations (type -1) belong to it
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).type >= 0) {
                first.add(i);
            }
        }
        // very long strings (over 255 bytes): a first segment named in the very long string record and the segments after
        // it, n = (width + 251) / 252 in all, whose 255 bytes each (the last: its width) are the string packed tightly
        List<int[]> columns = new ArrayList<>();
        List<Integer> widths = new ArrayList<>();
        for (int f = 0; f < first.size(); f++) {
            Slot sl = slots.get(first.get(f));
            Integer w = veryLong.get(sl.shortName);
            if (w == null || sl.type == 0) {
                columns.add(new int[] {first.get(f)});
                widths.add(sl.type);
                continue;
            }
            int n = (w + 251) / 252;
            if (f + n > first.size()) {
                throw InputException.of(name, "the very long string " + sl.shortName + " (" + w + " bytes) needs " + n
                        + " segments, but the file has " + (first.size() - f) + " variables from it on");
            }
            int[] seg = new int[n];
            for (int k = 0; k < n; k++) {
                seg[k] = first.get(f + k);
                if (slots.get(seg[k]).type <= 0) {
                    throw InputException.of(name, "segment " + (k + 1) + " of the very long string " + sl.shortName + " is not a string");
                }
            }
            columns.add(seg);
            widths.add(w);
            f += n - 1;
        }
        int nSlots = slots.size();
        Cells in = new Cells(data, dataStart, compression != 0, bias, buf.order());
        List<List<String>> rows = new ArrayList<>();
        int cases = 0;
        while (ncases < 0 || cases < ncases) {
            byte[][] raw = new byte[nSlots][];
            boolean end = false;
            for (int s = 0; s < nSlots && !end; s++) {
                raw[s] = in.next();
                end = raw[s] == null;
            }
            if (end) {
                if (ncases >= 0 && cases < ncases) {
                    throw InputException.of(name, "the SPSS file holds " + cases + " of the " + ncases + " cases it announces");
                }
                break;
            }
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                int s0 = columns.get(c)[0];
                Slot sl = slots.get(s0);
                if (sl.type == 0) {
                    double x = raw[s0] == Cells.SYSMIS ? Double.NaN : ByteBuffer.wrap(raw[s0]).order(buf.order()).getDouble();
                    cells.add(numberText(x, sl, sysmis, labelsBySlot.get(s0), keepCodes));
                } else {
                    java.io.ByteArrayOutputStream sb = new java.io.ByteArrayOutputStream();
                    for (int seg : columns.get(c)) {
                        int width = slots.get(seg).type;
                        java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
                        for (int k = 0; k < (width + 7) / 8 && seg + k < nSlots; k++) {
                            byte[] cell8 = raw[seg + k] == Cells.SYSMIS ? "        ".getBytes(StandardCharsets.US_ASCII) : raw[seg + k];
                            one.write(cell8, 0, 8);
                        }
                        sb.write(one.toByteArray(), 0, Math.min(one.size(), width));
                    }
                    byte[] all = sb.toByteArray();
                    cells.add(new String(all, 0, Math.min(all.length, widths.get(c)), cs).replaceAll("[\\s\\u0000]+$", ""));
                }
            }
            rows.add(cells);
            cases++;
        }
        // names: long names; very long strings (over 255 bytes) rebuilt from their segments
        List<String> header = new ArrayList<>();
        for (int[] col : columns) {
            String sn = slots.get(col[0]).shortName;
            header.add(longNames.getOrDefault(sn, sn));
        }
        List<Note> notes = new ArrayList<>();
        List<String> decoded = new ArrayList<>();
        List<String> userMissing = new ArrayList<>();
        for (int f = 0; f < columns.size(); f++) {
            int s0 = columns.get(f)[0];
            Slot sl = slots.get(s0);
            Map<Double, String> m = labelsBySlot.get(s0);
            if (sl.type == 0 && m != null && !keepCodes) {
                decoded.add(header.get(f) + " (" + m.entrySet().stream().map(e -> DataFiles.number(e.getKey()) + " = " + e.getValue())
                        .reduce((x, y) -> x + ", " + y).orElse("") + ")");
            }
            if (sl.type == 0 && (sl.missing.length > 0 || sl.range)) {
                userMissing.add(header.get(f));
            }
        }
        if (!decoded.isEmpty()) {
            notes.add(new Note(0, null, Note.Kind.INFO, "codes replaced by their value labels: " + String.join("; ", decoded)
                    + " (--keep-codes keeps the codes)"));
        }
        if (!userMissing.isEmpty()) {
            notes.add(new Note(0, null, Note.Kind.INFO, "user-missing values read as missing, as SPSS treats them: " + String.join(", ", userMissing)));
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        return Table.ofRows(name, header, rows, lines, notes);
    }

    /** The character set of a Windows code page number (65001 UTF-8, 1252, 28591 ISO-8859-1...), or {@code dflt} when unknown. */
    private static Charset codePage(int code, Charset dflt) {
        String n = switch (code) {
            case 65001 -> "UTF-8";
            case 20127 -> "US-ASCII";
            case 28591 -> "ISO-8859-1";
            case 28605 -> "ISO-8859-15";
            case 2, 0 -> null;
            default -> code >= 1250 && code <= 1258 ? "windows-" + code : "x-windows-" + code;
        };
        if (n == null) {
            return dflt;
        }
        try {
            return Charset.forName(n);
        } catch (IllegalArgumentException e) {
            return dflt;
        }
    }

    /**
     * The stream of 8-byte cells: raw, or bytecode-compressed (blocks of 8 command bytes: 1-251 the number code − bias,
     * 253 the next 8 raw bytes, 254 eight spaces, 255 system-missing, 252 the end, 0 padding).
     */
    private static final class Cells {
        /** The marker of a system-missing cell. */
        static final byte[] SYSMIS = new byte[8];

        private final byte[] data;
        private int pos;
        private final boolean compressed;
        private final double bias;
        private final ByteOrder order;
        private final byte[] commands = new byte[8];
        private int next = 8;
        private boolean done;

        Cells(byte[] data, int start, boolean compressed, double bias, ByteOrder order) {
            this.data = data;
            this.pos = start;
            this.compressed = compressed;
            this.bias = bias;
            this.order = order;
        }

        /** The next cell, {@link #SYSMIS}, or null at the end of the data. */
        byte[] next() {
            if (done) {
                return null;
            }
            if (!compressed) {
                if (pos + 8 > data.length) {
                    done = true;
                    return null;
                }
                byte[] v = java.util.Arrays.copyOfRange(data, pos, pos + 8);
                pos += 8;
                return v;
            }
            while (true) {
                if (next == 8) {
                    if (pos + 8 > data.length) {
                        done = true;
                        return null;
                    }
                    System.arraycopy(data, pos, commands, 0, 8);
                    pos += 8;
                    next = 0;
                }
                int code = Byte.toUnsignedInt(commands[next++]);
                switch (code) {
                    case 0:
                        continue;
                    case 252:
                        done = true;
                        return null;
                    case 253: {
                        if (pos + 8 > data.length) {
                            done = true;
                            return null;
                        }
                        byte[] v = java.util.Arrays.copyOfRange(data, pos, pos + 8);
                        pos += 8;
                        return v;
                    }
                    case 254:
                        return "        ".getBytes(StandardCharsets.US_ASCII);
                    case 255:
                        return SYSMIS;
                    default: {
                        byte[] v = new byte[8];
                        ByteBuffer.wrap(v).order(order).putDouble(code - bias);
                        return v;
                    }
                }
            }
        }
    }

    private static String numberText(double x, Slot sl, double sysmis, Map<Double, String> labels, boolean keep) {
        if (Double.isNaN(x) || x == sysmis || x == -Double.MAX_VALUE) {
            return "";
        }
        for (double m : sl.missing) {
            if (x == m) {
                return "";
            }
        }
        if (sl.range && x >= sl.lo && x <= sl.hi) {
            return "";
        }
        int fmtType = (sl.printFormat >> 16) & 0xff;
        // SPSS dates count seconds from 14 October 1582
        if (fmtType == 20 || fmtType == 23 || fmtType == 38 || fmtType == 39 || fmtType == 24 || fmtType == 28 || fmtType == 29) {
            return LocalDate.of(1582, 10, 14).plusDays((long) Math.floor(x / 86400)).toString();
        }
        if (fmtType == 22) {
            LocalDateTime t = LocalDateTime.of(1582, 10, 14, 0, 0).plusSeconds((long) Math.floor(x));
            return t.toString();
        }
        if (!keep && labels != null && labels.containsKey(x)) {
            return labels.get(x);
        }
        return DataFiles.number(x);
    }
}
