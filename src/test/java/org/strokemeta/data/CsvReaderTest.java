package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CsvReaderTest {
    @Test
    void reads_quoted_cells_with_commas_doubled_quotes_and_crlf() {
        Table t = CsvReader.parse("x.csv", "study,yi,vi\r\n\"Smith, \"\"A\"\" 2001\",0.5,0.1\r\nJones,-0.25,0.2\r\n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.text(0, "study")).isEqualTo("Smith, \"A\" 2001");
        assertThat(t.numbers("yi")).containsExactly(0.5, -0.25);
        assertThat(t.line(1)).isEqualTo(3);
    }

    @Test
    void skips_a_byte_order_mark_and_blank_lines_and_keeps_true_line_numbers() {
        Table t = CsvReader.parse("x.csv", "\uFEFFstudy,yi,vi\n\nA,1,0.1\n   \nB,2,0.2\n");
        assertThat(t.columnNames()).containsExactly("study", "yi", "vi");
        assertThat(t.line(0)).isEqualTo(3);
        assertThat(t.line(1)).isEqualTo(5);
    }

    @Test
    void recognises_tab_separated_files() {
        Table t = CsvReader.parse("x.tsv", "study\tyi\tvi\nA\t1\t0.1\n");
        assertThat(t.numbers("vi")).containsExactly(0.1);
    }

    @Test
    void rejects_a_row_with_the_wrong_number_of_cells_with_its_line() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study,yi,vi\nA,1,0.1\nB,2\n"))
                .isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 3: the line has 2 cells but the header has 3 (study, yi, vi)");
    }

    @Test
    void rejects_an_unclosed_quote() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study,yi\n\"A,1\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("line 2").hasMessageContaining("not closed");
    }

    @Test
    void rejects_a_header_with_a_repeated_column() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study,yi,YI\nA,1,2\n"))
                .isInstanceOf(InputException.class).hasMessageContaining("appears twice");
    }

    @Test
    void rejects_an_empty_file_and_a_file_without_rows() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "")).hasMessageContaining("empty");
        Table t = CsvReader.parse("x.csv", "study,yi,vi\n");
        assertThatThrownBy(() -> StudyLoader.generic(t, StudyLoader.GenericInput.defaults())).hasMessageContaining("no data rows");
    }

    @Test
    void names_line_and_column_of_a_missing_or_non_numeric_value() {
        Table t = CsvReader.parse("x.csv", "study,yi,vi\nA,1,0.1\nB,,0.2\nC,abc,0.3\n");
        assertThatThrownBy(() -> t.numbers("yi")).hasMessage("x.csv, line 3, column yi: the value is missing");
        Table u = CsvReader.parse("x.csv", "study,yi,vi\nA,1,0.1\nC,abc,0.3\n");
        assertThatThrownBy(() -> u.numbers("yi")).hasMessage("x.csv, line 3, column yi: 'abc' is not a number");
    }

    @Test
    void does_not_accept_java_only_number_spellings() {
        Table t = CsvReader.parse("x.csv", "a,b,c\nNaN,Infinity,1d\n");
        assertThatThrownBy(() -> t.numbers("a")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> t.numbers("b")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> t.numbers("c")).hasMessageContaining("not a number");
    }

    @Test
    void groups_rows_by_a_column_in_order_of_first_appearance() {
        Table t = CsvReader.parse("x.csv", "g,yi\nb,1\na,2\nb,3\n");
        assertThat(t.groupBy("g").keySet()).containsExactly("b", "a");
        assertThat(t.groupBy("g").get("b")).containsExactly(0, 2);
        Table sub = t.select(t.groupBy("g").get("b"));
        assertThat(sub.numbers("yi")).containsExactly(1.0, 3.0);
        assertThat(sub.line(1)).isEqualTo(4);
    }
}
