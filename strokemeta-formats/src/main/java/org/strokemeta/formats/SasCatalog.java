package org.strokemeta.formats;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.strokemeta.data.InputException;

/**
 * The value labels of a SAS format catalog (.sas7bcat): for each user-defined format (PROC FORMAT's VALUE statement), its
 * values and their labels, numeric formats keyed by the value as strokemeta writes numbers, character formats ($NAME) by
 * the text.
 *
 * <p>SAS does not publish the layout of a catalog. It is read as ReadStat (the C library behind R's haven and Python's
 * pyreadstat) reads it, from its reverse-engineered description: the file header of a SAS data set (alignment, byte order,
 * encoding, header and page sizes), index records ("XLSR") on the first index page and on later pages, each pointing to a
 * format's block, which is a chain of links across pages; a block holds the format's name (short, or long when a flag says
 * so), the number of labels, the value entries and then the labels. Numeric values are stored big-endian with their bits
 * inverted for positive numbers and sign-flipped otherwise; a value whose bits mark a special missing value is skipped.
 */
final class SasCatalog {
    private SasCatalog() {
    }

    private static final byte[] MAGIC_TAIL = {(byte) 0xc2, (byte) 0xea, (byte) 0x81, 0x63, (byte) 0xb3, 0x14, 0x11, (byte) 0xcf, (byte) 0xbd,
        (byte) 0x92, 0x08, 0x00, 0x09, (byte) 0xc7, 0x31, (byte) 0x8c, 0x18, 0x1f, 0x10, 0x11};

    /** One format's labels: value as text → label. */
    static Map<String, Map<String, String>> read(String name, byte[] b) {
        if (b.length < 1024 || !tailMatches(b)) {
            throw InputException.of(name, "is not a SAS format catalog (.sas7bcat)");
        }
        int pad1 = (b[35] & 0xff) == 0x33 ? 4 : 0;
        boolean u64 = (b[32] & 0xff) == 0x33;
        ByteOrder order = switch (b[37]) {
            case 0x01 -> ByteOrder.LITTLE_ENDIAN;
            case 0x00 -> ByteOrder.BIG_ENDIAN;
            default -> throw InputException.of(name, "is not a SAS format catalog: unknown byte order");
        };
        ByteBuffer buf = ByteBuffer.wrap(b).order(order);
        Charset cs = charset(b[70] & 0xff);
        int at = 164 + pad1 + 32;
        long headerSize = Integer.toUnsignedLong(buf.getInt(at));
        long pageSize = Integer.toUnsignedLong(buf.getInt(at + 4));
        long pageCount = u64 ? buf.getLong(at + 8) : Integer.toUnsignedLong(buf.getInt(at + 8));
        if (headerSize < 1024 || pageSize < 1024 || headerSize > (1 << 24) || pageSize > (1 << 24) || pageCount < 0 || pageCount > (1 << 24)
                || headerSize + pageCount * pageSize > b.length + pageSize) {
            throw InputException.of(name, "is not a SAS format catalog that can be read: its header gives pages beyond the end of the file");
        }
        Layout l = new Layout(u64, pad1, buf, (int) headerSize, (int) pageSize, (int) pageCount, cs);
        TreeSet<Long> pointers = new TreeSet<>();
        int xlsrOffset = 856 + 2 * pad1 + (u64 ? 144 : 0);
        if (headerSize + 2 * pageSize <= b.length) {
            index(l, (int) (headerSize + pageSize) + xlsrOffset, (int) (headerSize + 2 * pageSize), pointers);
        }
        for (int p = 3; p < pageCount; p++) {
            int start = (int) (headerSize + p * pageSize);
            if (start + pageSize > b.length) {
                break;
            }
            if (b[start + 16] == 'X' && b[start + 17] == 'L' && b[start + 18] == 'S' && b[start + 19] == 'R') {
                index(l, start + 16, (int) (start + pageSize), pointers);
            }
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (long ptr : pointers) {
            byte[] block = block(l, (int) (ptr >>> 32), (int) (ptr & 0xffff));
            if (block.length > 0) {
                formatBlock(name, l, block, out);
            }
        }
        return out;
    }

    private record Layout(boolean u64, int pad1, ByteBuffer buf, int headerSize, int pageSize, int pageCount, Charset cs) {
    }

    private static boolean tailMatches(byte[] b) {
        for (int i = 0; i < 12; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        for (int i = 0; i < MAGIC_TAIL.length; i++) {
            if (b[12 + i] != MAGIC_TAIL[i]) {
                return false;
            }
        }
        return true;
    }

    /** The index records from {@code from} to {@code end}: each 'O' record points to a format's block (page, offset). */
    private static void index(Layout l, int from, int end, TreeSet<Long> pointers) {
        int size = 212 + l.pad1() + (l.u64() ? 72 : 0);
        int oAt = 50 + l.pad1() + (l.u64() ? 24 : 0);
        byte[] b = l.buf().array();
        int x = from;
        while (x + size <= end) {
            if (!isXlsr(b, x)) {
                x += 8; // some records carry 8 bytes of padding before them
            }
            if (x + size > end || !isXlsr(b, x)) {
                break;
            }
            if (b[x + oAt] == 'O') {
                long page = l.u64() ? l.buf().getLong(x + 8) : Integer.toUnsignedLong(l.buf().getInt(x + 4));
                long pos = Short.toUnsignedInt(l.buf().getShort(x + (l.u64() ? 16 : 8)));
                pointers.add((page << 32) + pos);
            }
            x += size;
        }
    }

    private static boolean isXlsr(byte[] b, int x) {
        return x + 4 <= b.length && b[x] == 'X' && b[x + 1] == 'L' && b[x + 2] == 'S' && b[x + 3] == 'R';
    }

    /** A block: the links' contents in order, each link's header giving the next page, offset and this link's length. */
    private static byte[] block(Layout l, int page, int pos) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int header = l.u64() ? 32 : 16;
        int links = 0;
        while (page > 0 && pos > 0 && page <= l.pageCount() && links++ < l.pageCount()) {
            long at = (long) l.headerSize() + (long) (page - 1) * l.pageSize() + pos;
            if (at + header > l.buf().capacity()) {
                break;
            }
            int a = (int) at;
            int next = l.buf().getInt(a);
            int nextPos = Short.toUnsignedInt(l.buf().getShort(a + (l.u64() ? 8 : 4)));
            int len = Short.toUnsignedInt(l.buf().getShort(a + (l.u64() ? 10 : 6)));
            if (a + header + len > l.buf().capacity()) {
                break;
            }
            out.write(l.buf().array(), a + header, len);
            page = next;
            pos = nextPos;
        }
        return out.toByteArray();
    }

    private static void formatBlock(String file, Layout l, byte[] d, Map<String, Map<String, String>> out) {
        ByteBuffer b = ByteBuffer.wrap(d).order(l.buf().order());
        int payload = 106;
        if (d.length < payload) {
            return;
        }
        int flags = Short.toUnsignedInt(b.getShort(2));
        int pad = (flags & 0x08) != 0 ? 4 : 0;
        long capacity;
        long used;
        if (l.u64()) {
            capacity = b.getLong(42 + pad);
            used = b.getLong(50 + pad);
            payload += 32;
        } else {
            capacity = Integer.toUnsignedLong(b.getInt(38 + pad));
            used = Integer.toUnsignedLong(b.getInt(42 + pad));
        }
        String name = new String(d, 8, 8, l.cs()).trim();
        if (pad != 0) {
            pad += 16;
        }
        boolean longName = l.u64() ? (flags & 0x20) != 0 : (flags & 0x80) != 0;
        if (longName) {
            if (d.length < payload + pad + 32) {
                return;
            }
            name = new String(d, payload + pad, 32, l.cs()).trim();
            pad += 32;
        }
        if (used == 0 || d.length < payload + pad) {
            return;
        }
        if (used > capacity || capacity > d.length) {
            throw InputException.of(file, "format " + name + ": the catalog's label counts (" + used + " of " + capacity + ") do not fit its block");
        }
        int start = payload + pad;
        boolean string = name.startsWith("$");
        int[] valueAt = new int[(int) used];
        int p = start;
        for (int i = 0; i < capacity; i++) {
            if (p + 4 > d.length) {
                throw InputException.of(file, "format " + name + ": the catalog's value entries run past their block");
            }
            if (i < used) {
                if (p + 10 + l.pad1() + 4 > d.length) {
                    throw InputException.of(file, "format " + name + ": the catalog's value entries run past their block");
                }
                long labelPos = Integer.toUnsignedLong(b.getInt(p + 10 + l.pad1()));
                if (labelPos >= used) {
                    throw InputException.of(file, "format " + name + ": a value entry points to label " + labelPos + " of " + used);
                }
                valueAt[(int) labelPos] = p;
            }
            p += 6 + Short.toUnsignedInt(b.getShort(p + 2));
        }
        int q = p;
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < used; i++) {
            int v = valueAt[i];
            if (v + 30 > d.length || q + 10 > d.length) {
                throw InputException.of(file, "format " + name + ": the catalog's labels run past their block");
            }
            String value = null;
            if (string) {
                int entry = 6 + Short.toUnsignedInt(b.getShort(v + 2));
                value = new String(d, v + entry - 16, 16, l.cs()).stripTrailing();
            } else {
                long bits = ByteBuffer.wrap(d, v + 22, 8).order(ByteOrder.BIG_ENDIAN).getLong();
                if ((bits | 0xFF0000000000L) != 0xFFFFFFFFFFFFL) {
                    double x = Double.longBitsToDouble(bits);
                    x = x > 0 ? Double.longBitsToDouble(~bits) : -x;
                    value = DataFiles.number(x);
                }
            }
            int len = Short.toUnsignedInt(b.getShort(q + 8));
            len = Math.min(len, d.length - (q + 10));
            String label = new String(d, q + 10, len, l.cs()).trim();
            if (value != null) {
                labels.put(value, label);
            }
            q += 8 + 2 + len + 1;
        }
        out.put(name.toUpperCase(Locale.ROOT), labels);
    }

    private static Charset charset(int code) {
        String n = switch (code) {
            case 20 -> "UTF-8";
            case 28 -> "US-ASCII";
            case 29 -> "ISO-8859-1";
            case 30 -> "ISO-8859-2";
            case 40 -> "ISO-8859-15";
            case 62 -> "windows-1252";
            case 60 -> "windows-1250";
            case 61 -> "windows-1251";
            default -> "windows-1252";
        };
        return Charset.isSupported(n) ? Charset.forName(n) : StandardCharsets.ISO_8859_1;
    }

    /** The SAS formats and informats that come with SAS (no catalog holds them). */
    static boolean builtIn(String format) {
        String f = format.toUpperCase(Locale.ROOT).replaceAll("[0-9.]+$", "");
        return f.isEmpty() || BUILT_IN.contains(f);
    }

    private static final List<String> BUILT_IN = new ArrayList<>(List.of("BEST", "BESTD", "F", "D", "E", "Z", "W", "COMMA", "COMMAX", "DOLLAR",
            "DOLLARX", "EURO", "EUROX", "PERCENT", "PERCENTN", "NEGPAREN", "NUMX", "PVALUE", "FRACT", "ROMAN", "WORDS", "WORDF", "SSN", "BINARY",
            "OCTAL", "HEX", "$HEX", "$", "$CHAR", "$ASCII", "$UPCASE", "$QUOTE", "$VARYING", "DATE", "DATETIME", "DTDATE", "TIME", "TOD",
            "HHMM", "MMSS", "MMDDYY", "DDMMYY", "YYMMDD", "YYMMDDN", "MMDDYYN", "DDMMYYN", "E8601DA", "E8601DT", "E8601TM", "IS8601DA",
            "IS8601DT", "B8601DA", "B8601DT", "WEEKDATE", "WORDDATE", "WORDDATX", "MONYY", "YEAR", "QTR", "MONTH", "DAY", "WEEKDAY", "JULIAN",
            "YYQ", "NLDATE", "NLNUM", "NLDATM", "DOWNAME", "MONNAME", "DATEAMPM", "YYMM", "YYMON", "ANYDTDTE", "ANYDTDTM", "BESTX"));
}
