package org.strokemeta.report;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.TreeNode;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.strokemeta.internal.ShortestDecimal;

/**
 * A compact JSON generator into a byte array, for the results of large batches: the UTF-8 bytes of the
 * text Jackson's generator writes without a pretty printer (the same escapes, the same shortest
 * round-trip decimals as Jackson's Schubfach writer gives them, by {@link ShortestDecimal}), with values at the root separated by commas. It writes
 * the structure, field names, strings, numbers, booleans and nulls that the result documents are made
 * of, and nothing else (no object codec, raw text or binary). Small and without per-value objects, it
 * costs a fraction of a general generator on documents of millions of values.
 */
final class CompactJson extends JsonGenerator {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

    private byte[] buf;
    private int len;
    /** Per open object or array: whether nothing has been written in it yet. Index 0 is the root. */
    private boolean[] empty = new boolean[16];
    private int depth;
    /** A field name was written and its value comes next. */
    private boolean named;

    CompactJson(int capacity) {
        buf = new byte[Math.max(64, capacity)];
        empty[0] = true;
    }

    /** What has been written: the first {@link #size()} bytes of the buffer (not a copy). */
    byte[] buffer() {
        return buf;
    }

    /** The number of bytes written. */
    int size() {
        return len;
    }

    /** A copy of what has been written. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void room(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void put(byte b) {
        room(1);
        buf[len++] = b;
    }

    private void put(byte[] b) {
        room(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
    }

    /** A comma before any value but the first of its container (a value after a field name has none). */
    private void beforeValue() {
        if (named) {
            named = false;
            return;
        }
        if (!empty[depth]) {
            put((byte) ',');
        }
        empty[depth] = false;
    }

    private void open(byte b) {
        beforeValue();
        put(b);
        if (++depth == empty.length) {
            empty = Arrays.copyOf(empty, depth * 2);
        }
        empty[depth] = true;
    }

    private void close(byte b) {
        if (depth == 0) {
            throw new IllegalStateException("no object or array is open");
        }
        depth--;
        put(b);
    }

    @Override
    public void writeStartArray() {
        open((byte) '[');
    }

    @Override
    public void writeEndArray() {
        close((byte) ']');
    }

    @Override
    public void writeStartObject() {
        open((byte) '{');
    }

    @Override
    public void writeEndObject() {
        close((byte) '}');
    }

    /** Field names already encoded, by the hash of the name: a document repeats a few dozen names millions of times. */
    private final String[] names = new String[256];
    private final byte[][] encoded = new byte[256][];

    @Override
    public void writeFieldName(String name) {
        if (!empty[depth]) {
            put((byte) ',');
        }
        empty[depth] = false;
        int slot = name.hashCode() & (names.length - 1);
        byte[] e = encoded[slot];
        if (names[slot] != name) {
            int at = len;
            quoted(name);
            put((byte) ':');
            e = Arrays.copyOfRange(buf, at, len);
            names[slot] = name;
            encoded[slot] = e;
        } else {
            put(e);
        }
        named = true;
    }

    @Override
    public void writeFieldName(SerializableString name) {
        writeFieldName(name.getValue());
    }

    @Override
    public void writeString(String text) {
        if (text == null) {
            writeNull();
            return;
        }
        beforeValue();
        quoted(text);
    }

    @Override
    public void writeString(char[] text, int offset, int length) {
        writeString(new String(text, offset, length));
    }

    @Override
    public void writeString(SerializableString text) {
        writeString(text.getValue());
    }

    /**
     * A string in quotes, in UTF-8, escaped as Jackson escapes it by default: quote and backslash,
     * the control characters (\b \t \n \f \r by their short forms, the others as {@code \}{@code u00XX}); all
     * else in UTF-8, as a writer encoding the text Jackson's character generator writes would put it (a
     * surrogate pair as one four-byte character, a lone surrogate, which has no UTF-8 form, as '?').
     */
    private void quoted(String s) {
        int n = s.length();
        room(n * 6 + 2);
        byte[] b = buf;
        int at = len;
        b[at++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    b[at++] = (byte) c;
                    continue;
                }
                b[at++] = '\\';
                switch (c) {
                    case '"', '\\' -> b[at++] = (byte) c;
                    case '\b' -> b[at++] = 'b';
                    case '\t' -> b[at++] = 't';
                    case '\n' -> b[at++] = 'n';
                    case '\f' -> b[at++] = 'f';
                    case '\r' -> b[at++] = 'r';
                    default -> {
                        b[at++] = 'u';
                        b[at++] = '0';
                        b[at++] = '0';
                        b[at++] = HEX[c >> 4];
                        b[at++] = HEX[c & 0xF];
                    }
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xC0 | (c >> 6));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                b[at++] = (byte) (0xF0 | (cp >> 18));
                b[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                b[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                b[at++] = '?';
            } else {
                b[at++] = (byte) (0xE0 | (c >> 12));
                b[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                b[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        b[at++] = '"';
        len = at;
    }

    @Override
    public void writeNumber(int v) {
        beforeValue();
        room(11);
        len = NumberOutput.outputInt(v, buf, len);
    }

    @Override
    public void writeNumber(long v) {
        beforeValue();
        room(20);
        len = NumberOutput.outputLong(v, buf, len);
    }

    @Override
    public void writeNumber(double v) {
        if (!Double.isFinite(v)) {
            // as Jackson writes them by default: quoted
            writeString(Double.toString(v));
            return;
        }
        beforeValue();
        room(ShortestDecimal.MAX_BYTES);
        len = ShortestDecimal.write(v, buf, len);
    }

    @Override
    public void writeNumber(float v) {
        writeNumber((double) v);
    }

    @Override
    public void writeNumber(short v) {
        writeNumber((int) v);
    }

    @Override
    public void writeNumber(BigInteger v) {
        if (v == null) {
            writeNull();
            return;
        }
        beforeValue();
        ascii(v.toString());
    }

    @Override
    public void writeNumber(BigDecimal v) {
        if (v == null) {
            writeNull();
            return;
        }
        beforeValue();
        ascii(v.toString());
    }

    @Override
    public void writeNumber(String encoded) {
        beforeValue();
        ascii(encoded);
    }

    /**
     * Text known to be ASCII (the digits of a number), copied as it is: for such text the low byte of
     * each character is its encoding, which is what the deprecated {@link String#getBytes(int, int, byte[], int)}
     * copies (one array copy for a Latin-1 string, no intermediate array).
     */
    @SuppressWarnings("deprecation")
    private void ascii(String s) {
        int n = s.length();
        room(n);
        s.getBytes(0, n, buf, len);
        len += n;
    }

    @Override
    public void writeBoolean(boolean state) {
        beforeValue();
        put(state ? TRUE : FALSE);
    }

    @Override
    public void writeNull() {
        beforeValue();
        put(NULL);
    }

    @Override
    public void flush() {
        // everything is in the array already
    }

    @Override
    public boolean isClosed() {
        return false;
    }

    @Override
    public void close() {
        // nothing to release
    }

    // ---- the rest of a general generator: not used by the result documents -------------------------

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the compact result writer writes structure, names, strings, numbers, booleans and nulls only");
    }

    @Override
    public JsonGenerator setCodec(ObjectCodec oc) {
        throw unsupported();
    }

    @Override
    public ObjectCodec getCodec() {
        return null;
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public JsonStreamContext getOutputContext() {
        throw unsupported();
    }

    @Override
    public JsonGenerator enable(Feature f) {
        throw unsupported();
    }

    @Override
    public JsonGenerator disable(Feature f) {
        throw unsupported();
    }

    @Override
    public boolean isEnabled(Feature f) {
        return false;
    }

    @Override
    public int getFeatureMask() {
        return 0;
    }

    @Override
    @Deprecated
    public JsonGenerator setFeatureMask(int values) {
        throw unsupported();
    }

    @Override
    public JsonGenerator useDefaultPrettyPrinter() {
        throw unsupported();
    }

    @Override
    public void writeRawUTF8String(byte[] text, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeUTF8String(byte[] text, int offset, int length) {
        throw unsupported();
    }

    @Override
    public void writeRaw(String text) {
        throw unsupported();
    }

    @Override
    public void writeRaw(String text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRaw(char[] text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRaw(char c) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(String text) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(String text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeRawValue(char[] text, int offset, int len) {
        throw unsupported();
    }

    @Override
    public void writeBinary(Base64Variant bv, byte[] data, int offset, int len) {
        throw unsupported();
    }

    @Override
    public int writeBinary(Base64Variant bv, InputStream data, int dataLength) {
        throw unsupported();
    }

    @Override
    public void writeObject(Object pojo) {
        throw unsupported();
    }

    @Override
    public void writeTree(TreeNode rootNode) {
        throw unsupported();
    }
}
