package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The compact writer of large batches writes, byte for byte, what Jackson's character generator writes
 * (no pretty printer) encoded in UTF-8 by a writer: the path the batch documents took before it.
 */
class CompactJsonProperties {
    private static final JsonFactory JACKSON = JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

    @FunctionalInterface
    private interface Doc {
        void write(JsonGenerator g) throws IOException;
    }

    private static byte[] jackson(Doc d) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        Writer w = new OutputStreamWriter(b, StandardCharsets.UTF_8);
        JsonGenerator g = JACKSON.createGenerator(w);
        g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString(","));
        d.write(g);
        g.flush();
        w.flush();
        return b.toByteArray();
    }

    private static byte[] compact(Doc d) throws IOException {
        CompactJson g = new CompactJson(16);
        d.write(g);
        return g.toByteArray();
    }

    private static void same(Doc d) throws IOException {
        assertThat(new String(compact(d), StandardCharsets.UTF_8)).isEqualTo(new String(jackson(d), StandardCharsets.UTF_8));
        assertThat(compact(d)).isEqualTo(jackson(d));
    }

    @Provide
    Arbitrary<String> texts() {
        // ASCII with the characters JSON escapes, accented letters, other scripts, surrogate pairs (emoji) and lone surrogates
        return Arbitraries.oneOf(
                Arbitraries.strings().ascii().ofMaxLength(30),
                Arbitraries.strings().withCharRange('\u0000', '\u0040').ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(20),
                Arbitraries.strings().withChars("aé\"\\\n\t\r\b\f\u0001\u001f\u007f\u0080\u07ff\u0800\u2028\uffff")
                        .withChars("\ud83d\ude00\ud800\udfff").ofMaxLength(25));
    }

    @Property(tries = 400)
    void strings_and_names_are_escaped_as_jackson_escapes_them(@ForAll("texts") String value, @ForAll("texts") String name) throws IOException {
        same(g -> {
            g.writeStartObject();
            g.writeStringField(name, value);
            g.writeFieldName("list");
            g.writeStartArray();
            g.writeString(value);
            g.writeString(name);
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(
                Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles().between(-1e3, 1e3),
                Arbitraries.of(0.0, -0.0, 1.0, 0.1, 1e-3, 1e-4, 1e7, 1e-7, 9.999999999999999E22, 1e23, 2.0E-3,
                        Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, 2.589915940516521E-27));
    }

    @Property(tries = 2000)
    void numbers_are_written_as_jackson_writes_them(@ForAll("doubles") double v, @ForAll int i, @ForAll long l) throws IOException {
        same(g -> {
            g.writeStartObject();
            g.writeNumberField("v", v);
            g.writeNumberField("i", i);
            g.writeNumberField("l", l);
            g.writeEndObject();
        });
    }

    @Test
    void nesting_nulls_booleans_and_values_at_the_root_are_written_as_jackson_writes_them() throws IOException {
        same(g -> {
            for (int k = 0; k < 3; k++) {
                g.writeStartObject();
                g.writeNullField("a");
                g.writeBooleanField("b", k % 2 == 0);
                g.writeArrayFieldStart("c");
                g.writeStartArray();
                g.writeEndArray();
                g.writeStartObject();
                g.writeEndObject();
                g.writeNull();
                g.writeNumber(k);
                g.writeEndArray();
                g.writeObjectFieldStart("d");
                g.writeObjectFieldStart("e");
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeNumber(1.5);
            g.writeString("x");
        });
        for (List<Integer> depth : List.of(List.of(1), List.of(40))) {
            same(g -> {
                for (int k = 0; k < depth.get(0); k++) {
                    g.writeStartArray();
                }
                for (int k = 0; k < depth.get(0); k++) {
                    g.writeEndArray();
                }
            });
        }
    }
}
