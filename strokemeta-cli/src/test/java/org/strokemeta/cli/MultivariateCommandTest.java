package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strokemeta network}, {@code multilevel} and {@code glmm} as a user runs them, with their input errors. */
class MultivariateCommandTest {
    @TempDir
    Path dir;

    private Path write(String name, String csv) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, csv);
        return p;
    }

    private static final String NETWORK = """
            study,treatment,events,total
            A,placebo,20,100
            A,aspirin,15,100
            B,placebo,30,150
            B,warfarin,12,150
            C,aspirin,18,120
            C,warfarin,10,120
            D,placebo,25,110
            D,aspirin,19,105
            D,warfarin,11,108
            """;

    @Test
    void network_prints_the_relative_effects_league_table_and_ranking() throws Exception {
        Path f = write("net.csv", NETWORK);
        MainTest.Run r = MainTest.run("network", "--input", f.toString(), "--small-better");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Network meta-analysis").contains("reference placebo").contains("League table")
                .contains("Ranking (smaller effects better; P-score; SUCRA and mean rank from 100000 draws, seed 20150731)")
                .contains("Design-by-treatment interaction").contains("Node splitting (Dias et al. 2010").contains("placebo vs aspirin");
        MainTest.Run j = MainTest.run("network", "--input", f.toString(), "--format", "json", "--model", "fixed");
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.network/1");
        assertThat(n.path("relative_effects")).hasSize(2);
        assertThat(n.path("league")).hasSize(3);
        assertThat(n.path("tau2").asDouble()).isZero();
    }

    @Test
    void network_writes_its_html_report_with_node_splits_and_sucra_and_the_json_carries_them() throws Exception {
        Path f = write("net.csv", NETWORK);
        Path html = dir.resolve("out/net.html");
        MainTest.Run r = MainTest.run("network", "--input", f.toString(), "--small-better", "--html", html.toString(), "--simulations", "5000",
                "--seed", "7");
        assertThat(r.code()).as(r.err()).isZero();
        String h = Files.readString(html);
        assertThat(h).startsWith("<!DOCTYPE html>").contains("<h2>League table</h2>").contains("<h3>Node splitting: direct against indirect evidence</h3>")
                .contains("<th class=\"num\">SUCRA</th>").contains("5000 draws").contains("seed 7").contains("Dias et al. 2010")
                .contains("class=\"network-graph\"").contains(">Treatment</text>").contains(f.toString());
        MainTest.Run j = MainTest.run("network", "--input", f.toString(), "--format", "json", "--simulations", "5000", "--seed", "7");
        JsonNode n = new ObjectMapper().readTree(j.out());
        assertThat(n.path("rank_draws").path("simulations").asInt()).isEqualTo(5000);
        assertThat(n.path("ranking").get(0).path("rank_probabilities")).hasSize(3);
        // the three pairs of a loop: each has indirect evidence
        assertThat(n.path("node_split")).hasSize(3);
        JsonNode s = n.path("node_split").get(0);
        assertThat(s.path("difference").asDouble()).isCloseTo(s.path("direct").asDouble() - s.path("indirect").asDouble(), within(1e-12));
        assertThat(n.path("direct_only")).isEmpty();
        MainTest.Run none = MainTest.run("network", "--input", f.toString(), "--format", "json", "--simulations", "0", "--no-node-split");
        JsonNode m = new ObjectMapper().readTree(none.out());
        assertThat(m.has("node_split")).isFalse();
        assertThat(m.has("rank_draws")).isFalse();
        assertThat(m.path("ranking").get(0).has("sucra")).isFalse();
        MainTest.Run neg = MainTest.run("network", "--input", f.toString(), "--simulations", "-1");
        assertThat(neg.code()).isEqualTo(2);
        assertThat(neg.err()).contains("must not be negative");
    }

    @Test
    void network_of_mrs_distributions_pools_log_common_odds_ratios() throws Exception {
        String csv = """
                study,treatment,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6
                A,control,5,10,12,15,20,14,24
                A,alteplase,9,14,15,15,17,12,18
                B,control,4,9,11,16,22,15,23
                B,thrombectomy,14,18,16,14,14,10,14
                C,alteplase,7,12,14,16,18,13,20
                C,thrombectomy,12,17,16,15,15,11,14
                D,control,6,11,13,15,19,14,22
                D,alteplase,8,13,15,15,18,12,19
                D,thrombectomy,13,18,15,15,14,11,14
                """;
        MainTest.Run r = MainTest.run("network", "--input", write("mrs.csv", csv).toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.path("measure").asText()).isEqualTo("cOR");
        assertThat(n.path("relative_effects").get(1).path("name").asText()).isEqualTo("thrombectomy");
        assertThat(n.path("relative_effects").get(1).path("estimate").asDouble()).isPositive();
        MainTest.Run gap = MainTest.run("network", "--input", write("gap.csv", csv.replace("mrs2,mrs3", "mrs3,mrs4").replace("mrs4,mrs5,mrs6",
                "mrs5,mrs6,mrs7")).toString());
        assertThat(gap.code()).isEqualTo(2);
        assertThat(gap.err()).contains("skip a category");
        MainTest.Run empty = MainTest.run("network", "--input", write("empty.csv", csv.replace("B,control,4,9,11,16,22,15,23",
                "B,control,0,0,0,0,0,0,0")).toString());
        assertThat(empty.code()).isEqualTo(2);
        assertThat(empty.err()).contains("line 4").contains("has no patients");
    }

    @Test
    void network_input_errors_name_the_line_and_column() throws Exception {
        MainTest.Run one = MainTest.run("network", "--input", write("one.csv", NETWORK + "E,placebo,3,40\n").toString());
        assertThat(one.code()).isEqualTo(2);
        assertThat(one.err()).contains("line 11").contains("trial 'E' has one arm");
        MainTest.Run twice = MainTest.run("network", "--input", write("twice.csv", NETWORK + "E,placebo,3,40\nE,placebo,4,40\n").toString());
        assertThat(twice.err()).contains("line 12").contains("names 'placebo' twice");
        MainTest.Run apart = MainTest.run("network", "--input", write("apart.csv", NETWORK + "E,heparin,3,40\nE,tpa,4,40\n").toString());
        assertThat(apart.err()).contains("disconnected").contains("{heparin, tpa}");
        MainTest.Run over = MainTest.run("network", "--input", write("over.csv", NETWORK.replace("A,aspirin,15,100", "A,aspirin,150,100")).toString());
        assertThat(over.err()).contains("line 3").contains("column events").contains("exceed the total");
    }

    @Test
    void multilevel_fits_nested_random_effects_with_a_moderator() throws Exception {
        Path f = write("ml.csv", """
                study,es_id,yi,vi,days
                T1,a,0.2,0.04,30
                T1,b,0.5,0.03,90
                T2,a,0.1,0.05,90
                T2,b,0.3,0.04,180
                T3,a,0.6,0.02,90
                T4,a,-0.1,0.06,30
                T4,b,0.2,0.05,90
                T5,a,0.4,0.03,180
                T5,b,,0.03,90
                """);
        MainTest.Run r = MainTest.run("multilevel", "--input", f.toString(), "--mods", "days", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.multilevel/1");
        assertThat(n.path("k").asInt()).isEqualTo(8);
        assertThat(n.path("coefficients")).hasSize(2);
        assertThat(n.path("notes").get(0).asText()).contains("line 10").contains("yi missing");
        MainTest.Run bad = MainTest.run("multilevel", "--input", f.toString(), "--random", "~ x | study");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("must have 1 before the bar");
    }

    @Test
    void glmm_pools_sparse_events_without_continuity_corrections() throws Exception {
        MainTest.Run r = MainTest.run("glmm", "--example", "hine", "--model", "UM.RS");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("UM.RS").contains("odds ratio 1.789").contains("likelihood ratio");
        MainTest.Run el = MainTest.run("glmm", "--example", "hine", "--model", "CM.EL", "--method", "FE", "--format", "json");
        assertThat(el.code()).as(el.err()).isZero();
        JsonNode j = new ObjectMapper().readTree(el.out());
        assertThat(j.path("model").asText()).isEqualTo("CM.EL");
        assertThat(j.path("method").asText()).isEqualTo("FE");
        assertThat(j.path("tau2").asDouble()).isZero();
        MainTest.Run fe = MainTest.run("glmm", "--example", "hine", "--model", "UM.FS", "--method", "FE");
        assertThat(fe.code()).isEqualTo(2);
        assertThat(fe.err()).contains("available for CM.EL");
        MainTest.Run bad = MainTest.run("glmm", "--example", "hine", "--model", "CM.EL", "--method", "REML");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--method is ML or FE");
    }

    @Test
    void multivariate_reads_covariances_and_names_their_problems() throws Exception {
        String csv = """
                study,outcome,yi,vi,cov_PD,cov_AL
                T1,PD,0.47,0.0075,0.0075,0.0030
                T1,AL,-0.32,0.0077,0.0030,0.0077
                T2,PD,0.20,0.0057,0.0057,0.0009
                T2,AL,-0.60,0.0008,0.0009,0.0008
                T3,PD,0.40,0.0021,0.0021,0.0007
                T3,AL,-0.12,0.0014,0.0007,0.0014
                T4,PD,0.26,0.0029,0.0029,0.0009
                T4,AL,-0.31,0.0015,0.0009,0.0015
                T5,PD,0.56,0.0148,0.0148,0.0072
                T5,AL,-0.39,0.0304,0.0072,0.0304
                """;
        MainTest.Run r = MainTest.run("multivariate", "--input", write("mv.csv", csv).toString(), "--struct", "UN", "--format", "json",
                "--profile-ci");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode n = new ObjectMapper().readTree(r.out());
        // profile-likelihood intervals: one per variance and correlation, each around its estimate
        assertThat(n.path("tau2_ci")).hasSize(2);
        assertThat(n.path("rho_ci")).hasSize(1);
        for (int j = 0; j < 2; j++) {
            assertThat(n.path("tau2_ci").get(j).get(0).asDouble()).isLessThan(n.path("tau2").get(j).asDouble());
            assertThat(n.path("tau2_ci").get(j).get(1).asDouble()).isGreaterThan(n.path("tau2").get(j).asDouble());
        }
        assertThat(n.path("rho_ci").get(0).get(0).asDouble()).isBetween(-1.0, n.path("rho").get(0).asDouble());
        // t tests as rma.mv(test = "t"): F(df1 = 2, df2 = 8) = 54.4303, AL p 0.0048 (R 4.2.2, metafor 3.8.1, default tolerances)
        MainTest.Run t = MainTest.run("multivariate", "--input", write("mvt.csv", csv).toString(), "--struct", "UN", "--test", "t");
        assertThat(t.out()).contains("F(df1 = 2, df2 = 8) = 54.43").contains("0.0048");
        assertThat(n.path("schema").asText()).isEqualTo("strokemeta.multivariate/1");
        assertThat(n.path("outcomes").get(0).asText()).isEqualTo("AL");
        // metafor: tau2 0.0326513452887289, 0.0117330283013482; rho 0.608799 (validation case mv_berkey_un_reml)
        assertThat(n.path("tau2").get(0).asDouble()).isBetween(0.03264, 0.03266);
        MainTest.Run asym = MainTest.run("multivariate", "--input", write("asym.csv", csv.replace("T1,AL,-0.32,0.0077,0.0030", "T1,AL,-0.32,0.0077,0.0031")).toString());
        assertThat(asym.code()).isEqualTo(2);
        assertThat(asym.err()).contains("differs between its two rows");
        MainTest.Run twice = MainTest.run("multivariate", "--input", write("twice.csv", csv + "T5,AL,-0.1,0.01,0.001,0.01\n").toString());
        assertThat(twice.err()).contains("line 12").contains("gives the outcome 'AL' twice");
        MainTest.Run built = MainTest.run("multivariate", "--input", write("vc.csv", csv).toString(), "--within-rho", "0.5", "--struct", "CS");
        assertThat(built.code()).as(built.err()).isZero();
        assertThat(built.out()).contains("from a correlation of 0.5");
    }
}
