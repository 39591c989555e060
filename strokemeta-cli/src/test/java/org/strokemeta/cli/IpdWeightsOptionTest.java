package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ipd --weights COLUMN} as a user runs it: aggregated rows, their errors and the models that refuse them. */
class IpdWeightsOptionTest {
    private static final String AGG = "study,treatment,sex,mrs,n\n"
            + "A,1,0,0,5\nA,1,1,2,7\nA,1,0,3,4\nA,1,1,5,3\nA,0,0,1,3\nA,0,1,3,6\nA,0,0,4,8\nA,0,1,6,4\n"
            + "B,1,1,1,6\nB,1,0,2,5\nB,1,1,4,4\nB,1,0,6,2\nB,0,1,0,2\nB,0,0,3,7\nB,0,1,5,6\nB,0,0,6,5\n";

    @TempDir
    Path dir;

    private MainTest.Run ipd(String csv, String... args) throws Exception {
        Path f = dir.resolve("agg.csv");
        Files.writeString(f, csv);
        String[] all = new String[args.length + 3];
        all[0] = "ipd";
        all[1] = "--input";
        all[2] = f.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return MainTest.run(all);
    }

    @Test
    void counts_the_patients_the_rows_stand_for() throws Exception {
        MainTest.Run r = ipd(AGG, "--weights", "n", "--covariates", "sex", "--categories", "7", "--merge", "5-6",
                "--binary", "0-2", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("patients").asInt()).isEqualTo(77);
        assertThat(j.path("rows").asInt()).isEqualTo(16);
        assertThat(j.path("binary").get(0).path("patients_treatment").asInt()).isEqualTo(36);
        MainTest.Run t = ipd(AGG, "--weights", "n", "--merge", "5-6", "--binary", "0-2");
        assertThat(t.out()).contains("77 patients in 2 trials (16 rows with case weights)");
    }

    @Test
    void a_bad_weight_names_file_line_and_column() throws Exception {
        MainTest.Run r = ipd(AGG.replace("A,1,1,2,7", "A,1,1,2,-7"), "--weights", "n");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("agg.csv, line 3, column n: the weight -7 is negative");
    }

    @Test
    void the_mixed_model_refuses_weights_with_its_reason() throws Exception {
        MainTest.Run r = ipd(AGG, "--weights", "n", "--model", "mixed", "--merge", "5-6");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not take case weights");
    }
}
