package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code meta --cluster COLUMN --robust ...} as a user runs it. Reference (metafor 3.8.1, clubSandwich 0.5.8) on the
 * six effects of three trials below: robust(rma(yi, vi, method="DL"), cluster=trial) and with clubSandwich=TRUE.
 */
class RobustOptionTest {
    private static final String CSV = "study,yi,vi,trial\nA1,0.30,0.04,A\nA2,0.45,0.05,A\nB1,0.10,0.03,B\nB2,-0.05,0.06,B\n"
            + "C1,0.60,0.08,C\nC2,0.52,0.07,C\n";

    @TempDir
    Path dir;

    @Test
    void robust_tests_as_metafor_and_clubsandwich() throws Exception {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, CSV);
        MainTest.Run cr1 = MainTest.run("meta", "--input", f.toString(), "--tau2", "DL", "--cluster", "trial", "--format", "json");
        assertThat(cr1.code()).as(cr1.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(cr1.out()).path("results").get(0).path("robust");
        assertThat(r.path("method").asText()).isEqualTo("CR1");
        assertThat(r.path("clusters").asInt()).isEqualTo(3);
        assertThat(r.path("coefficients").get(0).path("df").asDouble()).isEqualTo(2.0);
        assertThat(r.path("coefficients").get(0).path("se").asDouble()).isCloseTo(CR1_SE, within(1e-12));
        MainTest.Run cr2 = MainTest.run("meta", "--input", f.toString(), "--tau2", "DL", "--cluster", "trial", "--robust", "CR2");
        assertThat(cr2.out()).contains("Cluster-robust inference (CR2, 3 clusters; Satterthwaite degrees of freedom");
    }

    @Test
    void wrong_requests_name_the_problem() throws Exception {
        Path f = dir.resolve("r.csv");
        Files.writeString(f, CSV.replace("B2,-0.05,0.06,B", "B2,-0.05,0.06,"));
        MainTest.Run blank = MainTest.run("meta", "--input", f.toString(), "--cluster", "trial");
        assertThat(blank.code()).isEqualTo(2);
        assertThat(blank.err()).contains("line 5").contains("the cluster of B2 is blank");
        Files.writeString(f, CSV);
        assertThat(MainTest.run("meta", "--input", f.toString(), "--cluster", "arm").err()).contains("no cluster column 'arm'");
        assertThat(MainTest.run("meta", "--input", f.toString(), "--cluster", "trial", "--robust", "HC3").err())
                .contains("--robust must be CR1, CR0 or CR2");
        Files.writeString(f, "study,yi,vi,trial\nA1,0.3,0.04,A\nA2,0.45,0.05,A\n");
        assertThat(MainTest.run("meta", "--input", f.toString(), "--cluster", "trial").err())
                .contains("needs more clusters (1) than coefficients (1)");
    }

    /** robust(rma(yi, vi, method = "DL", data = d), cluster = d$trial)$se on the data above. */
    private static final double CR1_SE = 0.14443369683828072;
}
