package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
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

    // ---- memory follows the content, not lines × columns ----

    /** Bytes allocated by this thread while running {@code read}, where the JVM can tell. */
    private static long allocated(Runnable read) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean m && m.isThreadAllocatedMemorySupported()
                && m.isThreadAllocatedMemoryEnabled());
        com.sun.management.ThreadMXBean m = (com.sun.management.ThreadMXBean) mx;
        long id = Thread.currentThread().getId();
        long before = m.getThreadAllocatedBytes(id);
        read.run();
        return m.getThreadAllocatedBytes(id) - before;
    }

    private static byte[] wideHeader(int columns) {
        StringBuilder sb = new StringBuilder();
        for (int j = 1; j <= columns; j++) {
            sb.append(j > 1 ? "," : "").append('c').append(j);
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void reads_a_2005_column_header_and_a_million_blank_lines_in_memory_proportional_to_the_file() {
        byte[] blank = new byte[1_000_000];
        Arrays.fill(blank, (byte) '\n');
        byte[] row = ("A" + ",1".repeat(2004) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = concat(wideHeader(2005), blank, row, blank);
        Table[] t = new Table[1];
        long bytes = allocated(() -> t[0] = CsvReader.parse("wide.csv", file));
        assertThat(t[0].rows()).isEqualTo(1);
        assertThat(t[0].line(0)).isEqualTo(1_000_002);
        assertThat(t[0].numbers("c2005")).containsExactly(1.0);
        // the blank lines before the row are reported; the ones after it (trailing) are not
        assertThat(t[0].notes()).extracting(Note::message)
                .containsExactly("1000000 empty lines between data rows skipped (the first is line 2)");
        // the file is 2 MB; reserving a cell per column and line would take 16 GB
        assertThat(bytes).isLessThan(64L << 20);
    }

    @Test
    void reads_a_header_of_100000_columns() {
        byte[] row = ("1" + ",2".repeat(99_999) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] file = concat(wideHeader(100_000), row, row);
        Table t = CsvReader.parse("wide.csv", file);
        assertThat(t.columnNames()).hasSize(100_000);
        assertThat(t.numbers("c100000")).containsExactly(2.0, 2.0);
        assertThatThrownBy(() -> t.numbers("c100001")).hasMessageContaining("c1, c2, c3").hasMessageContaining("(100000 columns)")
                .hasMessageNotContaining("c99999");
    }

    @Test
    void a_line_with_far_more_cells_than_the_header_is_an_error_with_its_line() {
        byte[] file = concat("study,yi,vi\nA,1,0.1\n".getBytes(StandardCharsets.US_ASCII),
                ("B" + ",2".repeat(1_000_000) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CsvReader.parse("x.csv", file)).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 3: the line has 1000001 cells but the header has 3 (study, yi, vi)");
    }

    @Test
    void names_only_the_first_columns_of_a_wide_header_in_messages() {
        byte[] file = concat(wideHeader(30), "1,2\n".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> CsvReader.parse("x.csv", file))
                .hasMessage("x.csv, line 2: the line has 2 cells but the header has 30 (c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, ... (30 columns))");
    }

    @Test
    void reads_one_extremely_long_line() {
        String label = "x".repeat(5_000_000);
        Table t = CsvReader.parse("x.csv", "study,yi,vi\n" + label + ",1,0.1");
        assertThat(t.text(0, "study")).hasSize(5_000_000);
    }

    @Test
    void a_file_of_only_commas_is_rejected_at_its_header_at_once() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", ",,,\n,,,\n")).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 1: column 1 of the header has no name");
        byte[] commas = new byte[5_000_000];
        Arrays.fill(commas, (byte) ',');
        long bytes = allocated(() -> assertThatThrownBy(() -> CsvReader.parse("x.csv", concat("\n\n".getBytes(StandardCharsets.US_ASCII), commas)))
                .hasMessage("x.csv, line 3: column 1 of the header has no name"));
        assertThat(bytes).isLessThan(16L << 20);
    }

    @Test
    void notes_empty_lines_between_rows_but_not_trailing_ones_and_skips_rows_of_separators() {
        Table t = CsvReader.parse("x.csv", "study,yi,vi\n\nA,1,0.1\n   \n,,\nB,2,0.2\n\n,,\n\n");
        assertThat(t.rows()).isEqualTo(2);
        assertThat(t.line(1)).isEqualTo(6);
        assertThat(t.notes()).extracting(Note::message).containsExactly("3 empty lines between data rows skipped (the first is line 2)");
        Table quiet = CsvReader.parse("x.csv", "study,yi,vi\nA,1,0.1\n\n\n");
        assertThat(quiet.notes()).isEmpty();
    }

    @Test
    void reading_notes_reach_the_loaded_studies() {
        Table t = CsvReader.parse("x.csv", "study;yi;vi\nA;-0,8;0,12\n\nB;0,1;0,2\n");
        GenericStudies s = StudyLoader.generic(t, StudyLoader.GenericInput.defaults());
        assertThat(s.notes()).extracting(Note::message).containsExactly(
                "semicolon-separated with decimal commas (such as -0,8 on line 2)",
                "1 empty line between data rows skipped (the first is line 3)");
        assertThat(s.subset(new int[] {1}).notes()).hasSize(2);
    }

    // ---- spreadsheet exports: encodings, line ends, separators, decimal marks ----

    private static byte[] bytes(String text, Charset cs) {
        return text.getBytes(cs);
    }

    private static byte[] withMark(byte[] mark, byte[] body) {
        return concat(mark, body);
    }

    private static final String ACCENTED = "study,yi,vi\nÉtude Zürich,-0.8,0.12\nB,-0.3,0.2\n";

    private static void readsAccented(Table t, String note) {
        assertThat(t.text(0, "study")).isEqualTo("Étude Zürich");
        assertThat(t.numbers("yi")).containsExactly(-0.8, -0.3);
        if (note == null) {
            assertThat(t.notes()).isEmpty();
        } else {
            assertThat(t.notes()).extracting(Note::message).containsExactly(note);
        }
    }

    @Test
    void reads_windows_1252_when_the_file_is_not_utf8_and_says_so() {
        readsAccented(CsvReader.parse("x.csv", bytes(ACCENTED, Charset.forName("windows-1252"))),
                "read as Windows-1252 (Western European) because the file is not valid UTF-8 (first on line 2);"
                        + " if names with accents look wrong, save it as 'CSV UTF-8'");
    }

    @Test
    void rejects_bytes_that_are_neither_utf8_nor_windows_1252() {
        byte[] b = concat("study,yi,vi\n".getBytes(StandardCharsets.US_ASCII), new byte[] {'A', (byte) 0x81, ',', '1', ',', '2', '\n'});
        assertThatThrownBy(() -> CsvReader.parse("x.csv", b)).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2: the file is neither UTF-8 nor Windows-1252 text; save it from the spreadsheet as 'CSV UTF-8'");
    }

    @Test
    void reads_utf8_with_and_without_a_byte_order_mark_without_a_note() {
        readsAccented(CsvReader.parse("x.csv", bytes(ACCENTED, StandardCharsets.UTF_8)), null);
        readsAccented(CsvReader.parse("x.csv", withMark(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                bytes(ACCENTED, StandardCharsets.UTF_8))), null);
    }

    @Test
    void reads_utf16_with_a_byte_order_mark_in_either_byte_order() {
        readsAccented(CsvReader.parse("x.csv", withMark(new byte[] {(byte) 0xFF, (byte) 0xFE}, bytes(ACCENTED, StandardCharsets.UTF_16LE))),
                "read as UTF-16 (little-endian, marked by its byte-order mark)");
        readsAccented(CsvReader.parse("x.csv", withMark(new byte[] {(byte) 0xFE, (byte) 0xFF}, bytes(ACCENTED, StandardCharsets.UTF_16BE))),
                "read as UTF-16 (big-endian, marked by its byte-order mark)");
    }

    @Test
    void recognises_utf16_without_a_byte_order_mark_by_its_zero_bytes() {
        readsAccented(CsvReader.parse("x.csv", bytes(ACCENTED, StandardCharsets.UTF_16LE)),
                "read as UTF-16 (little-endian, recognised by its zero bytes; the file has no byte-order mark)");
        readsAccented(CsvReader.parse("x.csv", bytes(ACCENTED, StandardCharsets.UTF_16BE)),
                "read as UTF-16 (big-endian, recognised by its zero bytes; the file has no byte-order mark)");
    }

    @Test
    void rejects_a_binary_file_such_as_a_workbook() {
        byte[] zip = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, (byte) 0x9a, 0x12, 'x', 'l', '/', 'w'};
        assertThatThrownBy(() -> CsvReader.parse("trials.xlsx", zip)).isInstanceOf(InputException.class)
                .hasMessage("trials.xlsx: the file holds zero bytes and is not CSV text (a workbook such as .xlsx?);"
                        + " save it from the spreadsheet as 'CSV UTF-8'");
    }

    @Test
    void reads_carriage_return_line_ends_of_classic_mac_files() {
        Table t = CsvReader.parse("x.csv", "study,yi,vi\rA,1,0.1\r\rB,2,0.2\r");
        assertThat(t.numbers("yi")).containsExactly(1.0, 2.0);
        assertThat(t.line(1)).isEqualTo(4);
        assertThat(t.notes()).extracting(Note::message).containsExactly(
                "line ends are carriage returns only (classic Mac OS): read as line ends",
                "1 empty line between data rows skipped (the first is line 3)");
    }

    @Test
    void reads_semicolon_separated_files_with_decimal_commas() {
        Table t = CsvReader.parse("x.csv", "study;yi;vi\nA;-0,8;0,12\nB;,5;1,5e-1\nC;2;1\n");
        assertThat(t.numbers("yi")).containsExactly(-0.8, 0.5, 2.0);
        assertThat(t.numbers("vi")).containsExactly(0.12, 0.15, 1.0);
        assertThat(t.decimalComma()).isTrue();
        assertThat(t.notes()).extracting(Note::message).containsExactly("semicolon-separated with decimal commas (such as -0,8 on line 2)");
    }

    @Test
    void reads_semicolon_separated_files_with_decimal_points() {
        Table t = CsvReader.parse("x.csv", "study;yi;vi\n\"Smith; A\";-0.8;0.12\n");
        assertThat(t.text(0, "study")).isEqualTo("Smith; A");
        assertThat(t.numbers("yi")).containsExactly(-0.8);
        assertThat(t.notes()).extracting(Note::message).containsExactly("semicolon-separated with decimal points");
    }

    @Test
    void reads_tab_separated_files_with_decimal_commas() {
        Table t = CsvReader.parse("x.tsv", "study\tyi\tvi\nA\t-0,8\t0,12\n");
        assertThat(t.numbers("vi")).containsExactly(0.12);
        assertThat(t.notes()).extracting(Note::message).containsExactly("tab-separated with decimal commas (such as -0,8 on line 2)");
    }

    @Test
    void takes_the_separator_from_an_excel_sep_line() {
        Table t = CsvReader.parse("x.csv", "sep=;\r\nstudy;yi;vi\r\nA;-0,8;0,12\r\n");
        assertThat(t.numbers("yi")).containsExactly(-0.8);
        assertThat(t.line(0)).isEqualTo(3);
        assertThat(t.notes()).extracting(Note::message).containsExactly("separator semicolon taken from the 'sep=' first line",
                "semicolon-separated with decimal commas (such as -0,8 on line 3)");
    }

    @Test
    void rejects_a_comma_that_could_be_decimal_or_thousands_when_nothing_decides() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study;n_treat\nA;1,234\nB;2,500\n")).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2, column n_treat: '1,234' could be 1.234 (decimal comma) or 1234 (thousands separator);"
                        + " remove thousands separators from the numbers, or save the file with decimal points");
    }

    @Test
    void a_comma_with_three_digits_is_decimal_when_other_cells_write_decimal_commas() {
        Table t = CsvReader.parse("x.csv", "study;yi;vi\nA;1,234;0,12\n");
        assertThat(t.numbers("yi")).containsExactly(1.234);
    }

    @Test
    void rejects_a_point_that_could_be_a_thousands_separator_in_a_semicolon_file() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study;n\nA;1.234\n")).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2, column n: in a semicolon-separated file '1.234' could be 1.234 (decimal point)"
                        + " or 1234 (thousands separator); remove thousands separators from the numbers, or save the file comma-separated");
        // a point that cannot be a thousands separator decides it
        assertThat(CsvReader.parse("x.csv", "study;n\nA;1.234\nB;0.5\n").numbers("n")).containsExactly(1.234, 0.5);
    }

    @Test
    void rejects_decimal_commas_and_points_mixed_in_one_file() {
        assertThatThrownBy(() -> CsvReader.parse("x.csv", "study;yi;vi\nA;-0,8;0.12\n")).isInstanceOf(InputException.class)
                .hasMessage("x.csv, line 2, column vi: '0.12' and '-0,8' (line 2, column yi) use different decimal marks;"
                        + " write every decimal with the same one");
    }

    @Test
    void a_point_in_a_decimal_comma_file_is_not_a_number_and_says_why() {
        Table t = CsvReader.parse("x.csv", "study;yi;n\nA;-0,8;1.234.567\n");
        assertThatThrownBy(() -> t.numbers("n")).hasMessageStartingWith("x.csv, line 2, column n: '1.234.567' is not a number (this file writes decimals with a comma");
    }

    @Test
    void never_reinterprets_a_comma_separated_file() {
        Table t = CsvReader.parse("x.csv", "study,yi;x,vi\nA,\"-0,8\",0.12\n");
        assertThat(t.columnNames()).containsExactly("study", "yi;x", "vi");
        assertThat(t.notes()).isEmpty();
        assertThatThrownBy(() -> t.numbers("yi;x")).hasMessage("x.csv, line 2, column yi;x: '-0,8' is not a number");
    }
}
