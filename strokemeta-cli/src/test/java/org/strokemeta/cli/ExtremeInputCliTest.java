package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs on which Fisher scoring once never ended, through the command line: each now ends with a
 * result or a non-convergence report (exit 3). Reference values: strokemeta-core/src/test/r/extreme_variance_reference.R.
 * The timeouts are hang guards, not timing tests.
 */
class ExtremeInputCliTest {
    private static final Duration GUARD = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private MainTest.Run meta(String csv, String... more) throws Exception {
        Path f = dir.resolve("h.csv");
        Files.writeString(f, csv);
        String[] args = new String[3 + more.length];
        args[0] = "meta";
        args[1] = "--input";
        args[2] = f.toString();
        System.arraycopy(more, 0, args, 3, more.length);
        return assertTimeoutPreemptively(GUARD, () -> MainTest.run(args));
    }

    @Test
    void one_study_with_a_sampling_variance_of_1e_minus_10_gives_metafors_reml_answer() throws Exception {
        String csv = "study,yi,vi\nA,-0.8,1e-10\nB,-0.6,0.12\nC,-0.7,0.36\n";
        for (String[] more : new String[][] {{}, {"--no-fallback"}}) {
            MainTest.Run r = meta(csv, more);
            assertThat(r.code()).isZero();
            // metafor: tau² = 0 (se.tau2 0.07506519) [0, 0.3370], estimate −0.8000
            assertThat(r.out()).contains("tau² = 0 (SE 0.07507) [0, 0.3370] (Q-profile)").contains("REML converged")
                    .contains("Pooled Estimate (random effects): -0.8000");
        }
    }

    @Test
    void counts_of_ten_billion_give_metafors_reml_answer() throws Exception {
        String csv = "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,1e10,1e11,2e10,1e11\nB,10,100,20,100\nC,5,50,9,50\n";
        for (String[] more : new String[][] {{}, {"--no-fallback"}}) {
            MainTest.Run r = meta(csv, more);
            assertThat(r.code()).isZero();
            // metafor: log OR −0.8109 (OR 0.44), tau² = 0
            assertThat(r.out()).contains("Pooled OR (random effects): 0.44").contains("tau² = 0").contains("REML converged");
        }
    }

    @Test
    void effects_beyond_double_precision_end_with_a_non_convergence_report() throws Exception {
        String csv = "study,yi,vi\nA,-1e300,1\nB,1e300,2\nC,0,3\n";
        for (String[] more : new String[][] {{}, {"--no-fallback"}, {"--tau2", "ML"}, {"--tau2", "PM"}, {"--tau2", "DL"}}) {
            MainTest.Run r = meta(csv, more);
            assertThat(r.code()).isEqualTo(Main.EXIT_INVALID);
            assertThat(r.out()).contains("did not converge; these results are not valid");
        }
    }
}
