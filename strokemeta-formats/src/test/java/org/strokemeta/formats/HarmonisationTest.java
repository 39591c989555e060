package org.strokemeta.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/**
 * Seven trials in seven formats and codings (validation/r/make_harmonise_files.R) harmonised by mapping.yaml: the pooled
 * file equals the cohort's own rows except the two values the report lists.
 */
class HarmonisationTest {
    @TempDir
    Path dir;

    private Path copyAll() throws Exception {
        for (String f : List.of("mapping.yaml", "mrclean.dta", "escape.sav", "revascat.xlsx", "swiftprm.xpt", "extendia.csv", "thrace.csv",
                "piste.dta", "expected.csv")) {
            try (InputStream in = HarmonisationTest.class.getResourceAsStream("/org/strokemeta/data/harmonise/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        return dir.resolve("mapping.yaml");
    }

    @Test
    void seven_trials_in_seven_codings_become_one_dictionary_file_and_every_inconsistency_is_listed() throws Exception {
        Harmonisation.Result r = Harmonisation.run(copyAll());
        assertThat(r.rows()).hasSize(140);
        assertThat(r.trials()).hasSize(7).allMatch(t -> t.rows() == 20);
        assertThat(r.issues()).extracting(Harmonisation.Issue::file, Harmonisation.Issue::row, Harmonisation.Issue::column, Harmonisation.Issue::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("extendia.csv", 3, "occlusion_site", "M3"),
                        org.assertj.core.groups.Tuple.tuple("piste.dta", 3, "age", "150"));
        assertThat(r.issues().get(0).problem()).contains("not a code of occlusion_site (ICA, M1, M2)").contains("codes.occlusion_site");
        Table pooled = CsvReader.parse("pooled.csv", r.csv());
        Table expected = CsvReader.read(dir.resolve("expected.csv"));
        assertThat(pooled.columnNames()).containsExactlyElementsOf(expected.columnNames());
        for (String c : expected.columnNames()) {
            for (int i = 0; i < expected.rows(); i++) {
                String a = pooled.text(i, c) == null ? "" : pooled.text(i, c);
                String b = expected.text(i, c) == null ? "" : expected.text(i, c);
                assertThat(a).as(c + " row " + (i + 1) + " (" + expected.text(i, "trial") + ")").isEqualTo(b);
            }
        }
        String report = r.report();
        assertThat(report).contains("Trial MR CLEAN (mrclean.dta): 20 rows").contains("onset_to_randomisation   otr_h")
                .contains("extendia.csv, line 3, column occlusion_site (EXTEND-IA): 'M3' is not a code")
                .contains("piste.dta, row 3, column age (PISTE): '150' is not a number from 18 to 110");
        assertThat(r.json().path("issues")).hasSize(2);
        // the pooled data are analysable as they are
        assertThat(r.table().rows()).isEqualTo(140);
    }

    @Test
    void mapping_errors_name_the_trial_and_the_key() throws Exception {
        Path m = copyAll();
        String y = Files.readString(m);
        Files.writeString(m, y.replace("      patient_id: pid", "      patient_id: pid_x"));
        assertThatThrownBy(() -> Harmonisation.run(m)).isInstanceOf(InputException.class)
                .hasMessageContaining("trials[1]").hasMessageContaining("no column 'pid_x'");
        Files.writeString(m, y.replace("      arm: rand", "      armm: rand"));
        assertThatThrownBy(() -> Harmonisation.run(m)).hasMessageContaining("'armm' is not a field of the data dictionary");
        Files.writeString(m, y.replace("    sheet: data", "    sheet: data\n    colums: {}"));
        assertThatThrownBy(() -> Harmonisation.run(m)).hasMessageContaining("unknown key 'colums'");
        Files.writeString(m, "trials: []\n");
        assertThatThrownBy(() -> Harmonisation.run(m)).hasMessageContaining("needs a list 'trials'");
    }
}
