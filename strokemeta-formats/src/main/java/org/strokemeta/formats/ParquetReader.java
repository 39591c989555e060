package org.strokemeta.formats;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;

/**
 * A Parquet file of flat columns, read from the Apache Parquet format specification (parquet-format: the file layout,
 * the Thrift compact protocol of its metadata, the PLAIN, dictionary and RLE/bit-packed encodings, data pages of
 * version 1 and 2, the delta encodings of integers and strings, byte-stream-split numbers) without a Hadoop installation: booleans, 32- and 64-bit integers, floats, doubles, UTF-8 strings,
 * dates, timestamps (ms, µs, ns; ISO 8601 in UTC) and decimals; missing values blank; pages uncompressed, Snappy,
 * gzip, ZSTD or LZ4_RAW compressed (ZSTD and LZ4 with aircompressor; LZO, Brotli and Hadoop-framed LZ4 are refused
 * with what to do). Nested columns are refused. Rows are
 * numbered from 1.
 */
final class ParquetReader {
    private ParquetReader() {
    }

    /** A column of the schema. */
    private static final class Column {
        String name;
        int type;
        int typeLength;
        boolean optional;
        int converted = -1;
        int scale;
        int logical = -1;
        int timeUnit = -1;
    }

    static Table read(String name, byte[] b) {
        try {
            return parse(name, b);
        } catch (IndexOutOfBoundsException | java.nio.BufferUnderflowException | NegativeArraySizeException e) {
            throw InputException.of(name, "the Parquet file ends early or is damaged");
        }
    }

    private static Table parse(String name, byte[] b) {
        if (b.length < 12 || !ascii(b, 0, 4).equals("PAR1") || !ascii(b, b.length - 4, 4).equals("PAR1")) {
            throw InputException.of(name, "is not a Parquet file (no PAR1 marks at its start and end)");
        }
        int footerLen = ByteBuffer.wrap(b, b.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footer = b.length - 8 - footerLen;
        Thrift meta = new Thrift(b, footer);
        List<Column> columns = new ArrayList<>();
        long numRows = 0;
        List<List<long[]>> rowGroups = new ArrayList<>(); // per row group, per column: {codec, dataOffset, dictOffset, numValues, totalSize}
        Map<Integer, Object> fm = meta.struct();
        // schema: the root, then the leaf columns
        @SuppressWarnings("unchecked")
        List<Object> schema = (List<Object>) fm.get(2);
        for (int i = 1; i < schema.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<Integer, Object> se = (Map<Integer, Object>) schema.get(i);
            Column c = new Column();
            c.name = new String((byte[]) se.get(4), StandardCharsets.UTF_8);
            if (se.containsKey(5) && ((Number) se.get(5)).intValue() > 0) {
                throw InputException.of(name, "the column '" + c.name + "' is nested (a group): only flat columns are read");
            }
            c.type = ((Number) se.getOrDefault(1, 6)).intValue();
            c.typeLength = ((Number) se.getOrDefault(2, 0)).intValue();
            int rep = ((Number) se.getOrDefault(3, 0)).intValue();
            if (rep == 2) {
                throw InputException.of(name, "the column '" + c.name + "' is repeated (a list): only flat columns are read");
            }
            c.optional = rep == 1;
            c.converted = ((Number) se.getOrDefault(6, -1)).intValue();
            c.scale = ((Number) se.getOrDefault(7, 0)).intValue();
            if (se.get(10) instanceof Map<?, ?> lt) {
                for (var e : lt.entrySet()) {
                    c.logical = (Integer) e.getKey();
                    if (c.logical == 8 && e.getValue() instanceof Map<?, ?> ts && ts.get(2) instanceof Map<?, ?> unit) {
                        c.timeUnit = (Integer) unit.keySet().iterator().next();
                    }
                    if (c.logical == 5 && e.getValue() instanceof Map<?, ?> dec) {
                        c.scale = ((Number) dec.get(1)).intValue();
                    }
                }
            }
            columns.add(c);
        }
        numRows = ((Number) fm.get(3)).longValue();
        if (numRows > Integer.MAX_VALUE - 8) {
            throw InputException.of(name, "has " + numRows + " rows, more than can be read into memory here");
        }
        @SuppressWarnings("unchecked")
        List<Object> groups = (List<Object>) fm.getOrDefault(4, List.of());
        String[][] cells = new String[columns.size()][(int) numRows];
        int rowBase = 0;
        for (Object g : groups) {
            @SuppressWarnings("unchecked")
            Map<Integer, Object> rg = (Map<Integer, Object>) g;
            @SuppressWarnings("unchecked")
            List<Object> chunks = (List<Object>) rg.get(1);
            int groupRows = (int) ((Number) rg.get(3)).longValue();
            for (int j = 0; j < chunks.size(); j++) {
                @SuppressWarnings("unchecked")
                Map<Integer, Object> cc = (Map<Integer, Object>) chunks.get(j);
                @SuppressWarnings("unchecked")
                Map<Integer, Object> md = (Map<Integer, Object>) cc.get(3);
                int codec = ((Number) md.get(4)).intValue();
                long dataOffset = ((Number) md.get(9)).longValue();
                long dictOffset = md.containsKey(11) ? ((Number) md.get(11)).longValue() : -1;
                long start = dictOffset > 0 && dictOffset < dataOffset ? dictOffset : dataOffset;
                long size = ((Number) md.get(7)).longValue();
                readChunk(name, b, columns.get(j), codec, (int) start, (int) (start + size), groupRows, cells[j], rowBase);
            }
            rowBase += groupRows;
        }
        List<String> header = new ArrayList<>();
        for (Column c : columns) {
            header.add(c.name);
        }
        List<List<String>> rows = new ArrayList<>((int) Math.min(numRows, 1 << 16));
        for (int r = 0; r < numRows; r++) {
            List<String> row = new ArrayList<>(columns.size());
            for (int j = 0; j < columns.size(); j++) {
                row.add(cells[j][r] == null ? "" : cells[j][r]);
            }
            rows.add(row);
        }
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 1;
        }
        List<Note> notes = new ArrayList<>();
        if (fm.get(6) instanceof byte[] by) {
            notes.add(new Note(0, null, Note.Kind.INFO, "Parquet file written by " + new String(by, StandardCharsets.UTF_8)));
        }
        return Table.ofRows(name, header, rows, lines, notes);
    }

    /** Reads one column chunk's pages into the column's cells from row {@code base}. */
    private static void readChunk(String name, byte[] b, Column c, int codec, int pos, int end, int rows, String[] out, int base) {
        List<String> dictionary = null;
        int row = base;
        while (pos < end && row < base + rows) {
            Thrift t = new Thrift(b, pos);
            Map<Integer, Object> ph = t.struct();
            pos = t.pos;
            int type = ((Number) ph.get(1)).intValue();
            int uncompressed = ((Number) ph.get(2)).intValue();
            int compressed = ((Number) ph.get(3)).intValue();
            int bodyStart = pos;
            pos += compressed;
            if (type == 2) {
                @SuppressWarnings("unchecked")
                Map<Integer, Object> dh = (Map<Integer, Object>) ph.get(7);
                int n = ((Number) dh.get(1)).intValue();
                byte[] page = decompress(name, codec, b, bodyStart, compressed, uncompressed);
                dictionary = new ArrayList<>(n);
                int[] p = {0};
                for (int i = 0; i < n; i++) {
                    dictionary.add(plain(c, page, p));
                }
            } else if (type == 0 || type == 3) {
                byte[] page;
                int numValues;
                int encoding;
                int[] defs;
                int valuesAt;
                if (type == 0) {
                    @SuppressWarnings("unchecked")
                    Map<Integer, Object> dh = (Map<Integer, Object>) ph.get(5);
                    numValues = ((Number) dh.get(1)).intValue();
                    encoding = ((Number) dh.get(2)).intValue();
                    page = decompress(name, codec, b, bodyStart, compressed, uncompressed);
                    int p = 0;
                    if (c.optional) {
                        int len = ByteBuffer.wrap(page, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                        defs = hybrid(page, 4, 4 + len, 1, numValues);
                        p = 4 + len;
                    } else {
                        defs = null;
                    }
                    valuesAt = p;
                } else {
                    @SuppressWarnings("unchecked")
                    Map<Integer, Object> dh = (Map<Integer, Object>) ph.get(8);
                    numValues = ((Number) dh.get(1)).intValue();
                    encoding = ((Number) dh.get(4)).intValue();
                    int defLen = ((Number) dh.get(5)).intValue();
                    int repLen = ((Number) dh.getOrDefault(6, 0)).intValue();
                    boolean isCompressed = !Boolean.FALSE.equals(dh.get(7));
                    defs = c.optional ? hybrid(b, bodyStart + repLen, bodyStart + repLen + defLen, 1, numValues) : null;
                    int valStart = bodyStart + repLen + defLen;
                    int valLen = compressed - repLen - defLen;
                    page = isCompressed ? decompress(name, codec, b, valStart, valLen, uncompressed - repLen - defLen)
                            : java.util.Arrays.copyOfRange(b, valStart, valStart + valLen);
                    valuesAt = 0;
                }
                int present = 0;
                for (int i = 0; i < numValues; i++) {
                    if (defs == null || defs[i] == 1) {
                        present++;
                    }
                }
                String[] values = new String[present];
                if (encoding == 0) {
                    int[] p = {valuesAt};
                    if (c.type == 0) {
                        for (int i = 0; i < present; i++) {
                            values[i] = ((page[valuesAt + i / 8] >> (i % 8)) & 1) == 1 ? "TRUE" : "FALSE";
                        }
                    } else {
                        for (int i = 0; i < present; i++) {
                            values[i] = plain(c, page, p);
                        }
                    }
                } else if (encoding == 2 || encoding == 8) {
                    if (dictionary == null) {
                        throw InputException.of(name, "the column '" + c.name + "' uses a dictionary the file does not hold");
                    }
                    int width = page[valuesAt];
                    int[] idx = hybrid(page, valuesAt + 1, page.length, width, present);
                    for (int i = 0; i < present; i++) {
                        values[i] = dictionary.get(idx[i]);
                    }
                } else if (encoding == 3 && c.type == 0) {
                    int len = ByteBuffer.wrap(page, valuesAt, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                    int[] v = hybrid(page, valuesAt + 4, valuesAt + 4 + len, 1, present);
                    for (int i = 0; i < present; i++) {
                        values[i] = v[i] == 1 ? "TRUE" : "FALSE";
                    }
                } else if (encoding == 5 && (c.type == 1 || c.type == 2)) {
                    long[] v = new long[present];
                    deltaBinaryPacked(page, valuesAt, v, present);
                    for (int i = 0; i < present; i++) {
                        values[i] = integer(c, c.type == 1 ? (int) v[i] : v[i]);
                    }
                } else if (encoding == 9 && (c.type == 1 || c.type == 2 || c.type == 4 || c.type == 5 || c.type == 7)) {
                    // BYTE_STREAM_SPLIT: byte j of every value in stream j; gathered back, the values read as PLAIN
                    int width = c.type == 1 || c.type == 4 ? 4 : c.type == 7 ? c.typeLength : 8;
                    byte[] joined = new byte[present * width];
                    for (int i = 0; i < present; i++) {
                        for (int j = 0; j < width; j++) {
                            joined[i * width + j] = page[valuesAt + j * present + i];
                        }
                    }
                    int[] q = {0};
                    for (int i = 0; i < present; i++) {
                        values[i] = plain(c, joined, q);
                    }
                } else if ((encoding == 6 || encoding == 7) && c.type == 6) {
                    long[] prefix = new long[present];
                    int at = valuesAt;
                    if (encoding == 7) {
                        at = deltaBinaryPacked(page, at, prefix, present);
                    }
                    long[] len = new long[present];
                    at = deltaBinaryPacked(page, at, len, present);
                    byte[] prev = new byte[0];
                    for (int i = 0; i < present; i++) {
                        byte[] cur = new byte[(int) (prefix[i] + len[i])];
                        System.arraycopy(prev, 0, cur, 0, (int) prefix[i]);
                        System.arraycopy(page, at, cur, (int) prefix[i], (int) len[i]);
                        at += (int) len[i];
                        values[i] = c.converted == 5 || c.logical == 5 ? decimal(new java.math.BigInteger(cur), c.scale)
                                : new String(cur, StandardCharsets.UTF_8);
                        prev = cur;
                    }
                } else {
                    throw InputException.of(name, "the column '" + c.name + "' uses the Parquet encoding " + encoding
                            + " for its type, which is not read: write the file with PLAIN or dictionary encoding, or as CSV");
                }
                int k = 0;
                for (int i = 0; i < numValues && row < out.length; i++) {
                    out[row++] = defs == null || defs[i] == 1 ? values[k++] : null;
                }
            }
        }
    }

    /** One PLAIN value as text (not for booleans, which are bit-packed). */
    private static String plain(Column c, byte[] page, int[] p) {
        ByteBuffer bb = ByteBuffer.wrap(page).order(ByteOrder.LITTLE_ENDIAN);
        switch (c.type) {
            case 0: {
                String v = page[p[0]] != 0 ? "TRUE" : "FALSE";
                p[0] += 1;
                return v;
            }
            case 1: {
                int v = bb.getInt(p[0]);
                p[0] += 4;
                return integer(c, v);
            }
            case 2: {
                long v = bb.getLong(p[0]);
                p[0] += 8;
                return integer(c, v);
            }
            case 3: {
                // INT96: nanoseconds of the day, then the Julian day (legacy timestamps)
                long nanos = bb.getLong(p[0]);
                int julian = bb.getInt(p[0] + 8);
                p[0] += 12;
                return time(Instant.ofEpochSecond((julian - 2_440_588L) * 86_400L + Math.floorDiv(nanos, 1_000_000_000L),
                        Math.floorMod(nanos, 1_000_000_000L)));
            }
            case 4: {
                float v = bb.getFloat(p[0]);
                p[0] += 4;
                return Float.isNaN(v) ? "" : DataFiles.number(Double.parseDouble(Float.toString(v)));
            }
            case 5: {
                double v = bb.getDouble(p[0]);
                p[0] += 8;
                return Double.isNaN(v) ? "" : DataFiles.number(v);
            }
            case 6: {
                int len = bb.getInt(p[0]);
                String v = c.converted == 5 || c.logical == 5 ? decimal(new java.math.BigInteger(java.util.Arrays.copyOfRange(page, p[0] + 4, p[0] + 4 + len)),
                        c.scale) : new String(page, p[0] + 4, len, StandardCharsets.UTF_8);
                p[0] += 4 + len;
                return v;
            }
            default: {
                int len = c.typeLength;
                String v = c.converted == 5 || c.logical == 5 ? decimal(new java.math.BigInteger(java.util.Arrays.copyOfRange(page, p[0], p[0] + len)),
                        c.scale) : new String(page, p[0], len, StandardCharsets.UTF_8);
                p[0] += len;
                return v;
            }
        }
    }

    /** An INT32 or INT64 value as text: a date, a timestamp, a decimal or the integer. */
    private static String integer(Column c, long v) {
        if (c.type == 1 && (c.converted == 6 || c.logical == 6)) {
            return LocalDate.ofEpochDay(v).toString();
        }
        if (c.type == 2 && (c.converted == 9 || c.logical == 8 && c.timeUnit == 1)) {
            return time(Instant.ofEpochMilli(v));
        }
        if (c.type == 2 && (c.converted == 10 || c.logical == 8 && c.timeUnit == 2)) {
            return time(Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000));
        }
        if (c.type == 2 && c.logical == 8 && c.timeUnit == 3) {
            return time(Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L)));
        }
        return c.converted == 5 || c.logical == 5 ? decimal(v, c.scale) : Long.toString(v);
    }

    /**
     * DELTA_BINARY_PACKED: block size, miniblocks per block, value count, first value; then per block the minimum delta
     * and each miniblock's bit width, the miniblocks' deltas bit-packed. Fills {@code out}; returns the position after.
     */
    static int deltaBinaryPacked(byte[] b, int at, long[] out, int n) {
        int[] p = {at};
        int blockSize = (int) uvarint(b, p);
        int miniblocks = (int) uvarint(b, p);
        int total = (int) uvarint(b, p);
        long value = zigzag(uvarint(b, p));
        int perMini = blockSize / miniblocks;
        int k = 0;
        if (total > 0 && k < n) {
            out[k++] = value;
        }
        int read = 1;
        while (read < total) {
            long minDelta = zigzag(uvarint(b, p));
            int[] widths = new int[miniblocks];
            for (int i = 0; i < miniblocks; i++) {
                widths[i] = b[p[0]++] & 0xff;
            }
            for (int m = 0; m < miniblocks && read < total; m++) {
                int w = widths[m];
                long buffer = 0;
                int bits = 0;
                int q = p[0];
                for (int i = 0; i < perMini; i++) {
                    long d = 0;
                    if (w > 0) {
                        // w may reach 64: read bit by bit through a 128-bit window
                        long lo = 0;
                        int got = 0;
                        while (got < w) {
                            if (bits == 0) {
                                buffer = b[q++] & 0xff;
                                bits = 8;
                            }
                            int take = Math.min(bits, w - got);
                            lo |= (buffer & ((1L << take) - 1)) << got;
                            buffer >>>= take;
                            bits -= take;
                            got += take;
                        }
                        d = lo;
                    }
                    if (read < total) {
                        value += minDelta + d;
                        if (k < n) {
                            out[k++] = value;
                        }
                        read++;
                    }
                }
                p[0] += perMini * w / 8;
            }
        }
        return p[0];
    }

    private static long uvarint(byte[] b, int[] p) {
        long v = 0;
        int shift = 0;
        int x;
        do {
            x = b[p[0]++] & 0xff;
            v |= (long) (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        return v;
    }

    private static long zigzag(long n) {
        return (n >>> 1) ^ -(n & 1);
    }

    private static String decimal(long unscaled, int scale) {
        return new java.math.BigDecimal(java.math.BigInteger.valueOf(unscaled), scale).stripTrailingZeros().toPlainString();
    }

    private static String decimal(java.math.BigInteger unscaled, int scale) {
        return new java.math.BigDecimal(unscaled, scale).stripTrailingZeros().toPlainString();
    }

    private static String time(Instant t) {
        var d = t.atZone(ZoneOffset.UTC).toLocalDateTime();
        return d.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? d.toLocalDate().toString() : d.toString();
    }

    /** The RLE/bit-packed hybrid encoding: n values of the given bit width from b[from, to). */
    static int[] hybrid(byte[] b, int from, int to, int width, int n) {
        int[] out = new int[n];
        int k = 0;
        int p = from;
        int bytes = (width + 7) / 8;
        while (k < n && p < to) {
            long header = 0;
            int shift = 0;
            int x;
            do {
                x = b[p++] & 0xff;
                header |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            if ((header & 1) == 1) {
                int count = (int) (header >>> 1) * 8;
                long buffer = 0;
                int bits = 0;
                for (int i = 0; i < count; i++) {
                    while (bits < width) {
                        buffer |= (long) (p < to ? b[p] & 0xff : 0) << bits;
                        p++;
                        bits += 8;
                    }
                    int v = (int) (buffer & ((1L << width) - 1));
                    buffer >>>= width;
                    bits -= width;
                    if (k < n) {
                        out[k++] = v;
                    }
                }
            } else {
                int count = (int) (header >>> 1);
                int v = 0;
                for (int i = 0; i < bytes; i++) {
                    v |= (b[p++] & 0xff) << (8 * i);
                }
                for (int i = 0; i < count && k < n; i++) {
                    out[k++] = v;
                }
            }
        }
        return out;
    }

    private static byte[] decompress(String name, int codec, byte[] b, int at, int len, int size) {
        switch (codec) {
            case 0:
                return java.util.Arrays.copyOfRange(b, at, at + len);
            case 1:
                return snappy(b, at, at + len, size);
            case 2:
                try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(b, at, len))) {
                    return in.readNBytes(size);
                } catch (IOException e) {
                    throw InputException.of(name, "a gzip-compressed page is damaged: " + e.getMessage());
                }
            case 6:
            case 7: {
                // ZSTD and LZ4_RAW with aircompressor (pure Java)
                byte[] out = new byte[size];
                try {
                    io.airlift.compress.Decompressor d = codec == 6 ? new io.airlift.compress.zstd.ZstdDecompressor()
                            : new io.airlift.compress.lz4.Lz4Decompressor();
                    int got = d.decompress(b, at, len, out, 0, size);
                    return got == size ? out : java.util.Arrays.copyOf(out, got);
                } catch (RuntimeException e) {
                    throw InputException.of(name, "a " + (codec == 6 ? "ZSTD" : "LZ4") + "-compressed page is damaged: " + e.getMessage());
                }
            }
            default:
                throw InputException.of(name, "the file is compressed with " + switch (codec) {
                    case 3 -> "LZO";
                    case 4 -> "Brotli";
                    case 5 -> "Hadoop-framed LZ4";
                    default -> "codec " + codec;
                } + ", which is not read: write it uncompressed or with Snappy, gzip, ZSTD or LZ4_RAW, or as CSV");
        }
    }

    /** Snappy's raw format (its published format description): a length, then literals and back-references. */
    static byte[] snappy(byte[] b, int from, int to, int size) {
        int p = from;
        int n = 0;
        int shift = 0;
        int x;
        do {
            x = b[p++] & 0xff;
            n |= (x & 0x7f) << shift;
            shift += 7;
        } while ((x & 0x80) != 0);
        byte[] out = new byte[n];
        int o = 0;
        while (p < to) {
            int tag = b[p++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int len = tag >>> 2;
                if (len >= 60) {
                    int extra = len - 59;
                    len = 0;
                    for (int i = 0; i < extra; i++) {
                        len |= (b[p++] & 0xff) << (8 * i);
                    }
                }
                len += 1;
                System.arraycopy(b, p, out, o, len);
                p += len;
                o += len;
            } else {
                int len;
                int offset;
                if (kind == 1) {
                    len = ((tag >>> 2) & 7) + 4;
                    offset = ((tag >>> 5) << 8) | (b[p++] & 0xff);
                } else if (kind == 2) {
                    len = (tag >>> 2) + 1;
                    offset = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
                    p += 2;
                } else {
                    len = (tag >>> 2) + 1;
                    offset = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
                    p += 4;
                }
                for (int i = 0; i < len; i++) {
                    out[o] = out[o - offset];
                    o++;
                }
            }
        }
        return out;
    }

    private static String ascii(byte[] b, int at, int len) {
        return new String(b, at, len, StandardCharsets.US_ASCII);
    }

    /** Apache Thrift's compact protocol, as Parquet's metadata uses it: structs as maps from field id to value. */
    private static final class Thrift {
        final byte[] b;
        int pos;

        Thrift(byte[] b, int pos) {
            this.b = b;
            this.pos = pos;
        }

        Map<Integer, Object> struct() {
            Map<Integer, Object> m = new HashMap<>();
            int last = 0;
            while (true) {
                int h = b[pos++] & 0xff;
                if (h == 0) {
                    return m;
                }
                int type = h & 0x0f;
                int delta = h >>> 4;
                int id = delta == 0 ? (int) zigzag(varint()) : last + delta;
                last = id;
                m.put(id, value(type));
            }
        }

        Object value(int type) {
            switch (type) {
                case 1:
                    return Boolean.TRUE;
                case 2:
                    return Boolean.FALSE;
                case 3:
                    return (int) b[pos++];
                case 4:
                case 5:
                    return (int) zigzag(varint());
                case 6:
                    return zigzag(varint());
                case 7: {
                    double d = ByteBuffer.wrap(b, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getDouble();
                    pos += 8;
                    return d;
                }
                case 8: {
                    int len = (int) varint();
                    byte[] v = java.util.Arrays.copyOfRange(b, pos, pos + len);
                    pos += len;
                    return v;
                }
                case 9:
                case 10: {
                    int h = b[pos++] & 0xff;
                    int size = h >>> 4;
                    int et = h & 0x0f;
                    if (size == 15) {
                        size = (int) varint();
                    }
                    List<Object> l = new ArrayList<>(Math.min(size, 1 << 16));
                    for (int i = 0; i < size; i++) {
                        l.add(et == 1 || et == 2 ? (Object) (b[pos++] == 1) : value(et));
                    }
                    return l;
                }
                case 11: {
                    int size = (int) varint();
                    Map<Object, Object> m = new HashMap<>();
                    if (size > 0) {
                        int kv = b[pos++] & 0xff;
                        for (int i = 0; i < size; i++) {
                            Object k = value(kv >>> 4);
                            m.put(k instanceof byte[] kb ? new String(kb, StandardCharsets.UTF_8) : k, value(kv & 0x0f));
                        }
                    }
                    return m;
                }
                case 12:
                    return struct();
                default:
                    throw new IndexOutOfBoundsException("Thrift type " + type);
            }
        }

        long varint() {
            long v = 0;
            int shift = 0;
            int x;
            do {
                x = b[pos++] & 0xff;
                v |= (long) (x & 0x7f) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            return v;
        }

        static long zigzag(long n) {
            return (n >>> 1) ^ -(n & 1);
        }
    }
}
