package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ReportTest {
    @Test
    void fixed_decimals_round_half_away_from_zero_and_keep_the_sign() {
        assertThat(Fmt.f(0.12345, 4)).isEqualTo("0.1235");
        assertThat(Fmt.f(-0.00004, 4)).isEqualTo("0.0000");
        assertThat(Fmt.f(-1.5, 0)).isEqualTo("-2");
        assertThat(Fmt.f(Double.NaN, 2)).isEqualTo("NA");
        assertThat(Fmt.p(3e-7)).isEqualTo("< 0.0001");
        assertThat(Fmt.pEq(0.04385)).isEqualTo("p = 0.0439");
    }

    @Test
    void right_aligned_numbers_equal_padded_fixed_text() {
        for (double x : new double[] {0, 1, -1, 9.99995, 123.456, -0.05, 1e-9, 99999.5}) {
            for (int d = 0; d <= 4; d++) {
                StringBuilder sb = new StringBuilder();
                Fmt.appendRight(sb, x, d, 12);
                assertThat(sb.toString()).as(x + " " + d).isEqualTo(Fmt.right(Fmt.f(x, d), 12));
            }
        }
    }

    @Test
    void csv_cells_are_quoted_only_when_needed() {
        assertThat(CsvReport.quote("plain")).isEqualTo("plain");
        assertThat(CsvReport.quote("a, b")).isEqualTo("\"a, b\"");
        assertThat(CsvReport.quote("say \"x\"")).isEqualTo("\"say \"\"x\"\"\"");
    }

    @Test
    void json_writes_undefined_numbers_as_null() {
        ObjectNode n = JsonReport.mapper().createObjectNode();
        JsonReport.num(n, "a", Double.NaN);
        JsonReport.num(n, "b", Double.POSITIVE_INFINITY);
        JsonReport.num(n, "c", 0.1 + 0.2);
        assertThat(n.get("a").isNull()).isTrue();
        assertThat(n.get("b").isNull()).isTrue();
        assertThat(JsonReport.write(n)).contains("0.30000000000000004");
    }
}
