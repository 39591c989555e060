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
 * {@code meta --weights COLUMN}, {@code --unweighted}, {@code --tau2-value}, {@code --tau2-start} and the GENQ estimator as a user
 * runs them. Reference (metafor 3.8.1) on the five studies below: rma(yi, vi, weights=n, method="GENQ") gives estimate
 * -0.2032258064516, SE 0.1715877864258, tau² 0.0748083067093 (SE 0.0916515539023); rma(yi, vi, tau2=0.1) gives
 * -0.295044033230 (SE 0.176910895565); rma(yi, vi, weighted=FALSE, control=list(threshold=1e-12)) gives -0.34 (SE 0.16025642654478).
 */
class WeightsOptionTest {
    private static final String CSV = "study,yi,vi,n\nA,-0.5,0.04,200\nB,-0.2,0.09,100\nC,0.1,0.02,400\nD,-0.8,0.12,80\nE,-0.3,0.05,150\n";

    @TempDir
    Path dir;

    private JsonNode pooled(String... args) throws Exception {
        Path f = dir.resolve("w.csv");
        Files.writeString(f, CSV);
        String[] all = new String[args.length + 5];
        all[0] = "meta";
        all[1] = "--input";
        all[2] = f.toString();
        all[3] = "--format";
        all[4] = "json";
        System.arraycopy(args, 0, all, 5, args.length);
        MainTest.Run r = MainTest.run(all);
        assertThat(r.code()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out()).path("results").get(0);
    }

    @Test
    void genq_with_user_weights_equals_metafor() throws Exception {
        JsonNode r = pooled("--weights", "n", "--tau2", "GENQ");
        assertThat(r.path("pooled").path("estimate").asDouble()).isCloseTo(-0.2032258064516, within(1e-12));
        assertThat(r.path("pooled").path("se").asDouble()).isCloseTo(0.1715877864258, within(1e-12));
        assertThat(r.path("heterogeneity").path("tau2").asDouble()).isCloseTo(0.0748083067093, within(1e-12));
        assertThat(r.path("tau2_se").asDouble()).isCloseTo(0.0916515539023, within(1e-12));
        assertThat(r.path("method").asText()).contains("weights from column n");
    }

    @Test
    void a_fixed_tau2_and_an_unweighted_fit_equal_metafor() throws Exception {
        JsonNode f = pooled("--tau2-value", "0.1");
        assertThat(f.path("pooled").path("estimate").asDouble()).isCloseTo(-0.295044033230, within(1e-11));
        assertThat(f.path("pooled").path("se").asDouble()).isCloseTo(0.176910895565, within(1e-11));
        assertThat(f.path("heterogeneity").path("tau2_ci_lower").isNull()).isTrue();
        assertThat(f.path("tau2_fit").path("message").asText()).contains("tau² fixed at 0.1");
        JsonNode u = pooled("--unweighted");
        assertThat(u.path("pooled").path("estimate").asDouble()).isCloseTo(-0.34, within(1e-12));
        assertThat(u.path("pooled").path("se").asDouble()).isCloseTo(0.16025642654478, within(1e-10));
        // a start value changes nothing for REML but the path to it
        JsonNode s = pooled("--tau2-start", "5");
        assertThat(s.path("heterogeneity").path("tau2").asDouble()).isCloseTo(pooled().path("heterogeneity").path("tau2").asDouble(), within(1e-9));
    }

    @Test
    void wrong_weights_and_analyses_that_do_not_take_them_are_refused_with_their_reason() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "study,yi,vi,n\nA,-0.5,0.04,200\nB,-0.2,0.09,\nC,0.1,0.02,400\n");
        MainTest.Run blank = MainTest.run("meta", "--input", f.toString(), "--weights", "n");
        assertThat(blank.code()).isNotZero();
        assertThat(blank.err()).contains("bad.csv").contains("line 3").contains("the weight of B is blank");
        Files.writeString(f, "study,yi,vi,n\nA,-0.5,0.04,200\nB,-0.2,0.09,-3\nC,0.1,0.02,400\n");
        assertThat(MainTest.run("meta", "--input", f.toString(), "--weights", "n").err()).contains("the weight of B is -3.0");
        Path ok = dir.resolve("w.csv");
        Files.writeString(ok, CSV);
        assertThat(MainTest.run("meta", "--input", ok.toString(), "--tau2", "GENQM").err()).contains("GENQM").contains("user weights");
        assertThat(MainTest.run("meta", "--input", ok.toString(), "--weights", "size").err()).contains("no weights column 'size'");
        assertThat(MainTest.run("meta", "--input", ok.toString(), "--tau2-value", "-1").err()).contains("a fixed tau² must be");
        assertThat(MainTest.run("influence", "--input", ok.toString(), "--weights", "n").err())
                .contains("influence diagnostics are computed with tau² estimated and inverse-variance weights");
        assertThat(MainTest.run("meta", "--input", ok.toString(), "--unweighted", "--permutations", "exact").err())
                .contains("permutation tests are computed with tau² estimated");
    }
}
