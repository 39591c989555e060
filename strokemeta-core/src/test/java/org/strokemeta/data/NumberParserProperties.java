package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class NumberParserProperties {
    @Property
    void parses_every_shortest_representation_exactly(@ForAll double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        assertThat(NumberParser.parse(Double.toString(x))).isEqualTo(x);
    }

    @Property
    void parses_fixed_decimal_text_like_java(@ForAll @DoubleRange(min = -1e6, max = 1e6) double x, @ForAll @IntRange(min = 0, max = 12) int decimals) {
        String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
        assertThat(NumberParser.parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Property
    void parses_scientific_text_like_java(@ForAll double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        String s = String.format(Locale.ROOT, "%.10e", x);
        assertThat(NumberParser.parse(s)).isEqualTo(Double.parseDouble(s));
    }

    @Property
    void reads_a_decimal_comma_as_a_point_and_rejects_a_point_there(@ForAll double x) {
        if (!Double.isFinite(x)) {
            return;
        }
        byte[] comma = Double.toString(x).replace('.', ',').getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(NumberParser.parse(comma, 0, comma.length, (byte) ',')).isEqualTo(x);
        byte[] point = Double.toString(x).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(NumberParser.parse(point, 0, point.length, (byte) ',')).isNaN();
    }
}
