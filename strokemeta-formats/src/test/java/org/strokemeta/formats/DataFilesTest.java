package org.strokemeta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/**
 * Each reader against files written by independent software (validation/r/make_reader_files.R: haven/ReadStat for .dta
 * and .xpt, openxlsx for .xlsx; SAS itself for haven's iris.sas7bdat), cell by cell against the same data as CSV.
 */
class DataFilesTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DataFilesTest.class.getResourceAsStream("/org/strokemeta/data/readers/" + name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Table read(String name) throws IOException {
        return DataFiles.read(name, resource(name), ReadOptions.defaults());
    }

    /** Same columns (case aside), same rows, every cell equal as text or, where both are numbers, as numbers. */
    private static void sameAs(Table t, String csv) throws IOException {
        Table ref = CsvReader.parse(csv, resource(csv));
        assertThat(t.rows()).isEqualTo(ref.rows());
        List<String> names = ref.columnNames();
        assertThat(t.columnNames()).hasSize(names.size());
        for (int j = 0; j < names.size(); j++) {
            String mine = t.columnNames().get(j);
            assertThat(mine.toLowerCase(java.util.Locale.ROOT)).isEqualTo(names.get(j).toLowerCase(java.util.Locale.ROOT).replace("occlusion_site",
                    mine.equalsIgnoreCase("OCCSITE") ? "occsite" : "occlusion_site"));
            for (int i = 0; i < t.rows(); i++) {
                String x = t.text(i, mine) == null ? "" : t.text(i, mine);
                String y = ref.text(i, names.get(j)) == null ? "" : ref.text(i, names.get(j));
                if (isNumber(x) && isNumber(y)) {
                    assertThat(Double.parseDouble(x)).as(mine + " row " + (i + 1)).isEqualTo(Double.parseDouble(y));
                } else {
                    assertThat(x).as(mine + " row " + (i + 1)).isEqualTo(y);
                }
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return !s.isBlank();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void stata_13_and_14_files_written_by_haven_read_with_their_value_labels() throws IOException {
        for (String f : List.of("patients117.dta", "patients118.dta")) {
            Table t = read(f);
            sameAs(t, "reference.csv");
            assertThat(t.notes()).anyMatch(n -> n.message().contains("sex (1 = male, 2 = female)"));
            sameAs(DataFiles.read(f, resource(f), ReadOptions.defaults().withKeepCodes(true)), "reference_codes.csv");
        }
    }

    @Test
    void spss_files_written_by_haven_read_with_their_value_labels_compressed_or_not() throws IOException {
        for (String f : List.of("patients.sav", "patients.zsav")) {
            Table t = read(f);
            sameAs(t, "reference.csv");
            assertThat(t.notes()).anyMatch(n -> n.message().contains("sex (1 = male, 2 = female)"));
            sameAs(DataFiles.read(f, resource(f), ReadOptions.defaults().withKeepCodes(true)), "reference_codes.csv");
        }
    }

    @Test
    void a_sas_transport_file_written_by_haven_reads_as_its_csv() throws IOException {
        sameAs(read("patients.xpt"), "reference_codes.csv");
    }

    @Test
    void an_excel_sheet_chosen_by_name_or_position_reads_as_its_csv() throws IOException {
        Table byName = DataFiles.read("patients.xlsx", resource("patients.xlsx"), ReadOptions.defaults().withSheet("patients"));
        sameAs(byName, "reference_codes.csv");
        assertThat(byName.source()).isEqualTo("patients.xlsx [patients]");
        assertThat(byName.line(0)).isEqualTo(2);
        sameAs(DataFiles.read("patients.xlsx", resource("patients.xlsx"), ReadOptions.defaults().withSheet("2")), "reference_codes.csv");
        // the first sheet by default, and the choice said
        Table first = read("patients.xlsx");
        assertThat(first.columnNames()).containsExactly("note");
        assertThat(first.notes()).anyMatch(n -> n.message().contains("'notes' of 2"));
        assertThatThrownBy(() -> DataFiles.read("patients.xlsx", resource("patients.xlsx"), ReadOptions.defaults().withSheet("trials")))
                .isInstanceOf(InputException.class).hasMessageContaining("no sheet 'trials' (sheets: notes, patients)");
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path dir;

    /** Writes a Parquet file with DuckDB from a CSV resource: COPY ... TO (FORMAT PARQUET, options). */
    private java.nio.file.Path parquet(String csv, String file, String options) throws Exception {
        java.nio.file.Path in = dir.resolve(csv);
        if (!java.nio.file.Files.exists(in)) {
            java.nio.file.Files.write(in, resource(csv));
        }
        java.nio.file.Path out = dir.resolve(file);
        try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); var st = c.createStatement()) {
            st.execute("COPY (SELECT * FROM read_csv('" + in + "', header = true, nullstr = '')) TO '" + out + "' (FORMAT PARQUET" + options + ")");
        }
        return out;
    }

    @Test
    void parquet_files_written_by_duckdb_read_as_their_csv_whatever_the_compression() throws Exception {
        for (String opt : List.of("", ", COMPRESSION UNCOMPRESSED", ", COMPRESSION GZIP", ", COMPRESSION SNAPPY, ROW_GROUP_SIZE 3", ", PARQUET_VERSION V2",
                ", COMPRESSION ZSTD", ", COMPRESSION LZ4_RAW")) {
            Table t = DataFiles.read(parquet("reference_codes.csv", "p.parquet", opt), ReadOptions.defaults());
            sameAs(t, "reference_codes.csv");
            assertThat(t.notes()).anyMatch(n -> n.message().contains("DuckDB"));
            java.nio.file.Files.delete(dir.resolve("p.parquet"));
        }
        sameAs(DataFiles.read(parquet("iris.csv", "iris.parquet", ""), ReadOptions.defaults()), "iris.csv");
        // a whole cohort (1,764 patients, 19 columns with missing values, several pages), in both page versions
        byte[] hermes;
        try (InputStream in = DataFilesTest.class.getResourceAsStream("/org/strokemeta/examples/hermes_sim.csv")) {
            hermes = in.readAllBytes();
        }
        java.nio.file.Files.write(dir.resolve("hermes.csv"), hermes);
        Table csv = CsvReader.parse("hermes.csv", hermes);
        for (String opt : List.of("", ", PARQUET_VERSION V2, ROW_GROUP_SIZE 500")) {
            Table t = DataFiles.read(parquet("hermes.csv", "h.parquet", opt), ReadOptions.defaults());
            assertThat(t.rows()).isEqualTo(csv.rows());
            for (String col : csv.columnNames()) {
                for (int i = 0; i < csv.rows(); i++) {
                    String x = t.text(i, col) == null ? "" : t.text(i, col);
                    String y = csv.text(i, col) == null ? "" : csv.text(i, col);
                    if (isNumber(x) && isNumber(y)) {
                        assertThat(Double.parseDouble(x)).as(col + " row " + (i + 1)).isEqualTo(Double.parseDouble(y));
                    } else {
                        assertThat(x).as(col + " row " + (i + 1) + opt).isEqualTo(y);
                    }
                }
            }
            java.nio.file.Files.delete(dir.resolve("h.parquet"));
        }
        java.nio.file.Path zstd = parquet("reference_codes.csv", "z.parquet", ", COMPRESSION BROTLI");
        assertThatThrownBy(() -> DataFiles.read(zstd, ReadOptions.defaults())).isInstanceOf(InputException.class)
                .hasMessageContaining("compressed with Brotli");
        byte[] cut = java.util.Arrays.copyOf(java.nio.file.Files.readAllBytes(zstd), 100);
        assertThatThrownBy(() -> DataFiles.read("cut.parquet", cut, ReadOptions.defaults())).isInstanceOf(InputException.class)
                .hasMessageContaining("cut.parquet");
    }

    @Test
    void a_sas_data_set_written_by_sas_reads_as_its_csv() throws IOException {
        sameAs(read("iris.sas7bdat"), "iris.csv");
    }

    /**
     * SAS's user-defined formats: haven's test files hadley.sas7bdat and formats.sas7bcat (written by SAS; MIT licence),
     * decoded as haven/ReadStat decodes them, with the catalog given, found beside the data set, or absent.
     */
    @Test
    void a_sas_format_catalog_decodes_the_codes_as_haven_does(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws IOException {
        java.nio.file.Path data = dir.resolve("hadley.sas7bdat");
        java.nio.file.Files.write(data, resource("sas/hadley.sas7bdat"));
        java.nio.file.Path catalog = dir.resolve("elsewhere.sas7bcat");
        java.nio.file.Files.write(catalog, resource("sas/formats.sas7bcat"));
        Table given = DataFiles.read(data, ReadOptions.defaults().withCatalog(catalog));
        sameAs(given, "sas/hadley_labels.csv");
        assertThat(given.notes().toString()).contains("codes replaced by the labels of the SAS format catalog elsewhere.sas7bcat")
                .contains("workshop (format WORKSHOP: 1 = R, 2 = SAS)").contains("gender (format $GENDER: f = Female, m = Male)");
        sameAs(DataFiles.read(data, ReadOptions.defaults().withCatalog(catalog).withKeepCodes(true)), "sas/hadley_codes.csv");
        // without a catalog the codes stay, and the note says which columns a catalog would decode
        Table bare = DataFiles.read(data, ReadOptions.defaults());
        sameAs(bare, "sas/hadley_codes.csv");
        assertThat(bare.notes().toString()).contains("columns workshop (WORKSHOP), gender ($GENDER) carry user-defined SAS formats whose labels "
                + "are in a format catalog: give it (--sas-catalog formats.sas7bcat)");
        // PROC FORMAT's default catalog name beside the data set is found
        java.nio.file.Files.write(dir.resolve("formats.sas7bcat"), resource("sas/formats.sas7bcat"));
        sameAs(DataFiles.read(data, ReadOptions.defaults()), "sas/hadley_labels.csv");
        // a format that labels only special missing values (.A, .Z): haven's tagged-na files; the values stay, the missing are blank
        java.nio.file.Path tagged = dir.resolve("tagged-na.sas7bdat");
        java.nio.file.Files.write(tagged, resource("sas/tagged-na.sas7bdat"));
        java.nio.file.Files.write(dir.resolve("tagged-na.sas7bcat"), resource("sas/tagged-na.sas7bcat"));
        Table t = DataFiles.read(tagged, ReadOptions.defaults());
        assertThat(t.numbersOrNaN("x")).containsExactly(1, 2, 3, 4, 5, Double.NaN, Double.NaN, Double.NaN);
        assertThat(t.notes().toString()).contains("the catalog's format XFMT labels only special missing values");
        // a file that is not a catalog
        assertThatThrownBy(() -> DataFiles.read(data, ReadOptions.defaults().withCatalog(data))).isInstanceOf(InputException.class)
                .hasMessageContaining("hadley.sas7bdat: is not a SAS format catalog");
    }

    /** SPSS strings over 255 bytes (haven writes them as segments), with a two-byte character across a segment's end. */
    @Test
    void spss_very_long_strings_read_as_haven_reads_them() throws IOException {
        sameAs(read("long_strings.sav"), "long_strings.csv");
        sameAs(read("long_strings.zsav"), "long_strings.csv");
        assertThat(read("long_strings.sav").text(2, "note")).hasSize(552).contains("x\u00e9y");
    }

    @Test
    void errors_in_data_sets_say_row_and_column() throws IOException {
        Table t = read("patients118.dta");
        assertThatThrownBy(() -> t.numbers("occlusion_site")).isInstanceOf(InputException.class)
                .hasMessageStartingWith("patients118.dta, row 1, column occlusion_site:");
        Table x = DataFiles.read("patients.xlsx", resource("patients.xlsx"), ReadOptions.defaults().withSheet("patients"));
        assertThatThrownBy(() -> x.numbers("trial")).hasMessageStartingWith("patients.xlsx [patients], row 2, column trial:");
    }

    @Test
    void formats_not_read_and_damaged_files_are_clear_errors() throws IOException {
        assertThatThrownBy(() -> DataFiles.read("a.sav", new byte[10], ReadOptions.defaults())).hasMessageContaining("not an SPSS system file");
        assertThatThrownBy(() -> DataFiles.read("a.por", new byte[10], ReadOptions.defaults())).hasMessageContaining("SPSS portable file");
        byte[] sav = resource("patients.sav");
        assertThatThrownBy(() -> DataFiles.read("cut.sav", java.util.Arrays.copyOf(sav, sav.length - 40), ReadOptions.defaults()))
                .isInstanceOf(InputException.class).hasMessageContaining("cut.sav");
        assertThatThrownBy(() -> DataFiles.read("a.xls", new byte[10], ReadOptions.defaults())).hasMessageContaining("save it as .xlsx");
        byte[] dta = resource("patients118.dta");
        byte[] cut = java.util.Arrays.copyOf(dta, dta.length / 2);
        assertThatThrownBy(() -> DataFiles.read("cut.dta", cut, ReadOptions.defaults())).isInstanceOf(InputException.class)
                .hasMessageContaining("cut.dta");
        assertThatThrownBy(() -> DataFiles.read("x.dta", "study,yi\n".getBytes(), ReadOptions.defaults())).hasMessageContaining("not a Stata");
        assertThatThrownBy(() -> DataFiles.read("x.xpt", new byte[200], ReadOptions.defaults())).hasMessageContaining("not a SAS transport");
        assertThatThrownBy(() -> DataFiles.read("x.xlsx", new byte[200], ReadOptions.defaults())).hasMessageContaining("not an Excel");
        assertThatThrownBy(() -> DataFiles.read("x.sas7bdat", new byte[200], ReadOptions.defaults())).isInstanceOf(InputException.class)
                .hasMessageContaining("x.sas7bdat");
    }
}
