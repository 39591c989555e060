package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.ipd.BinaryEndpoint;

/** Binary outcomes are values; their text form is read in one place, with errors that say what is wrong. */
class BinaryEndpointTest {
    @Test
    void parse_reads_ranges_death_and_column_names() {
        assertThat(BinaryEndpoint.parse("0-2")).isEqualTo(BinaryEndpoint.mrsAtMost(2));
        assertThat(BinaryEndpoint.parse(" 0-1 ")).isEqualTo(BinaryEndpoint.mrsAtMost(1));
        assertThat(BinaryEndpoint.parse("death")).isEqualTo(BinaryEndpoint.death());
        assertThat(BinaryEndpoint.parse("DEATH")).isEqualTo(BinaryEndpoint.death());
        assertThat(BinaryEndpoint.parse(" sich ")).isEqualTo(BinaryEndpoint.column("sich"));
        assertThat(BinaryEndpoint.parse("1-2")).isEqualTo(BinaryEndpoint.column("1-2"));
        assertThat(BinaryEndpoint.parseAll(List.of("0-2", "0-1", "death", "sich"))).containsExactly(BinaryEndpoint.mrsAtMost(2),
                BinaryEndpoint.mrsAtMost(1), BinaryEndpoint.death(), BinaryEndpoint.column("sich"));
    }

    @Test
    void text_is_read_back_by_parse() {
        for (BinaryEndpoint b : List.of(BinaryEndpoint.mrsAtMost(3), BinaryEndpoint.death(), BinaryEndpoint.column("sich"))) {
            assertThat(BinaryEndpoint.parse(b.text())).isEqualTo(b);
        }
        assertThat(BinaryEndpoint.mrsAtMost(2).text()).isEqualTo("0-2");
    }

    @Test
    void parse_rejects_blank_text_and_impossible_categories() {
        assertThatThrownBy(() -> BinaryEndpoint.parse(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> BinaryEndpoint.parse("  ")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("blank");
        assertThatThrownBy(() -> BinaryEndpoint.parse("0-99999999999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-99999999999");
        assertThatThrownBy(() -> BinaryEndpoint.parseAll(java.util.Arrays.asList("0-2", null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructors_name_the_wrong_field() {
        assertThatThrownBy(() -> BinaryEndpoint.mrsAtMost(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("k must be");
        assertThatThrownBy(() -> BinaryEndpoint.column(" ")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("name must");
        assertThatThrownBy(() -> BinaryEndpoint.column(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
