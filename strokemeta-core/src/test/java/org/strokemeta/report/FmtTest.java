package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FmtTest {
    @Test
    void huge_numbers_are_written_in_scientific_notation_not_hundreds_of_digits() {
        assertThat(Fmt.f(1e300, 4)).isEqualTo("1.0000e+300");
        assertThat(Fmt.f(-2.5e15, 2)).isEqualTo("-2.50e+15");
        assertThat(Fmt.f(123.456, 2)).isEqualTo("123.46");
        assertThat(Fmt.f(Double.NaN, 2)).isEqualTo("NA");
    }
}
