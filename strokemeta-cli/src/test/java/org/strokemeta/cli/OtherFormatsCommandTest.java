package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole analyses from Excel and Stata files written by other software (validation/r/make_reader_files.R). */
class OtherFormatsCommandTest {
    @TempDir
    Path dir;

    private Path copy(String name) throws Exception {
        Path p = dir.resolve(name);
        try (InputStream in = OtherFormatsCommandTest.class.getResourceAsStream("/org/strokemeta/data/readers/" + name)) {
            Files.copy(in, p);
        }
        return p;
    }

    @Test
    void meta_reads_an_excel_workbook_as_its_csv() throws Exception {
        ObjectMapper m = new ObjectMapper();
        MainTest.Run x = MainTest.run("meta", "--input", copy("bcg.xlsx").toString(), "--measure", "RR", "--format", "json");
        MainTest.Run c = MainTest.run("meta", "--example", "bcg", "--measure", "RR", "--format", "json");
        assertThat(x.code()).as(x.err()).isZero();
        JsonNode a = m.readTree(x.out()).path("results").get(0);
        JsonNode b = m.readTree(c.out()).path("results").get(0);
        assertThat(a.path("pooled")).isEqualTo(b.path("pooled"));
        assertThat(a.path("heterogeneity")).isEqualTo(b.path("heterogeneity"));
        assertThat(x.err()).doesNotContain("StatusLogger").doesNotContain("SLF4J");
    }

    @Test
    void the_report_reads_a_stata_file_as_its_csv_and_errors_name_the_row() throws Exception {
        MainTest.Run d = MainTest.run("report", "--input", copy("hermes_sim.dta").toString(), "--out-dir", dir.resolve("d").toString());
        MainTest.Run c = MainTest.run("report", "--out-dir", dir.resolve("c").toString());
        assertThat(d.code()).as(d.err()).isZero();
        assertThat(d.out().lines().filter(l -> l.startsWith("Primary outcome")).findFirst())
                .isEqualTo(c.out().lines().filter(l -> l.startsWith("Primary outcome")).findFirst());
        MainTest.Run wrong = MainTest.run("meta", "--input", copy("patients118.dta").toString());
        assertThat(wrong.code()).isEqualTo(2);
        MainTest.Run fmt = MainTest.run("meta", "--input", copy("bcg.xlsx").toString(), "--input-format", "rdata");
        assertThat(fmt.code()).isEqualTo(2);
        assertThat(fmt.err()).contains("unknown input format 'rdata'");
    }

    @Test
    void harmonise_pools_seven_trials_and_report_and_ipd_take_the_mapping() throws Exception {
        for (String f : java.util.List.of("mapping.yaml", "mrclean.dta", "escape.sav", "revascat.xlsx", "swiftprm.xpt", "extendia.csv", "thrace.csv",
                "piste.dta")) {
            try (InputStream in = OtherFormatsCommandTest.class.getResourceAsStream("/org/strokemeta/data/harmonise/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        Path mapping = dir.resolve("mapping.yaml");
        MainTest.Run h = MainTest.run("harmonise", "--mapping", mapping.toString(), "--out", dir.resolve("out/pooled.csv").toString(), "--report",
                dir.resolve("out/report.json").toString());
        // two values could not be mapped: written, listed, exit status 3
        assertThat(h.code()).as(h.err()).isEqualTo(3);
        assertThat(h.out()).contains("Values left blank:").contains("piste.dta, row 3, column age (PISTE)");
        assertThat(Files.readAllLines(dir.resolve("out/pooled.csv"))).hasSize(141);
        assertThat(new ObjectMapper().readTree(dir.resolve("out/report.json").toFile()).path("issues")).hasSize(2);
        MainTest.Run r = MainTest.run("report", "--mapping", mapping.toString(), "--skip-missing", "--out-dir", dir.resolve("rep").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("138 patients in 7 trials");
        MainTest.Run i = MainTest.run("ipd", "--mapping", mapping.toString(), "--study", "trial", "--treatment", "arm", "--outcome", "mrs90",
                "--format", "json", "--merge", "5-6");
        assertThat(i.err()).doesNotContain("unknown option");
        MainTest.Run both = MainTest.run("meta", "--mapping", mapping.toString(), "--input", mapping.toString());
        assertThat(both.code()).isEqualTo(2);
        assertThat(both.err()).contains("either --mapping or --input");
    }
}
