package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void meta_on_the_bundled_bcg_trials_prints_the_pooled_risk_ratio() {
        Run r = run("meta", "--example", "bcg");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Pooled RR (random effects): 0.49 [0.34, 0.70]").contains("I² = 92.2%")
                .contains("Aronson 1948").contains("95% prediction interval: [0.15, 1.55]");
    }

    @Test
    void json_output_carries_full_precision_values_matching_metafor() throws Exception {
        Run r = run("meta", "--example", "bcg", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("schema").asText()).isEqualTo("strokemeta.meta/1");
        JsonNode res = root.path("results").get(0);
        // metafor 3.8.1: rma(yi, vi, method="REML") on escalc("RR", dat.bcg) (validation/cases/pw_bcg_rr_reml.json)
        assertThat(res.path("pooled").path("estimate").asDouble()).isCloseTo(-0.714532342158212, within(1e-9));
        assertThat(res.path("heterogeneity").path("tau2").asDouble()).isCloseTo(0.313243258137274, within(1e-9));
        assertThat(res.path("studies")).hasSize(13);
        assertThat(res.path("pooled").path("exp").path("estimate").asDouble()).isCloseTo(Math.exp(-0.714532342158212), within(1e-9));
    }

    @Test
    void batch_mode_runs_one_analysis_per_group_and_reports_a_group_it_cannot_analyse() throws Exception {
        Path f = dir.resolve("many.csv");
        Files.writeString(f, "review,study,events_treat,total_treat,events_ctrl,total_ctrl\n"
                + "a,1,10,100,15,100\na,2,12,90,20,95\na,3,5,50,9,52\n"
                + "b,1,0,20,0,25\n"
                + "c,1,30,200,41,210\nc,2,22,150,30,148\n");
        Run r = run("meta", "--input", f.toString(), "--by", "review", "--measure", "OR", "--to", "none");
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(r.out()).contains("a ").contains("c ").contains("b").contains("not analysed").contains("3 analyses, 1 not analysed");
        Run csv = run("meta", "--input", f.toString(), "--by", "review", "--measure", "OR", "--to", "none", "--format", "csv");
        assertThat(csv.out().lines()).hasSize(4);
        assertThat(csv.out().lines().skip(2).findFirst().orElseThrow()).startsWith("b,").contains("no study can be analysed");
    }

    @Test
    void bad_input_gives_one_clear_sentence_with_line_and_column_and_exit_status_2() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "study,events_treat,total_treat,events_ctrl,total_ctrl\nA,1,10,2,10\nB,3,20,14,12\n");
        Run r = run("meta", "--input", f.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).isEqualTo("error: bad.csv, line 3, column events_ctrl: events (14) exceed the total (12)" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        Run missing = run("meta", "--input", dir.resolve("nope.csv").toString());
        assertThat(missing.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");
    }

    @Test
    void an_unknown_option_is_named_with_the_closest_known_one() {
        Run r = run("meta", "--example", "bcg", "--tua2", "DL");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("unknown option '--tua2'").contains("did you mean --tau2?");
        Run v = run("meta", "--example", "bcg", "--tau2", "XYZ");
        assertThat(v.err()).contains("unknown tau² estimator 'XYZ'");
    }

    @Test
    void every_command_has_help() {
        for (Command cmd : Main.commands()) {
            String c = cmd.name();
            Run r = run(c, "--help");
            assertThat(r.code()).as(c).isZero();
            assertThat(r.out()).as(c).startsWith("Usage: strokemeta " + c);
        }
        assertThat(run("--help").out()).contains("Commands:");
        assertThat(run("help", "meta").out()).contains("--tau2 METHOD");
    }

    @Test
    void verify_counts_an_unknown_analysis_type_as_failed() throws Exception {
        Files.writeString(dir.resolve("x.json"), "{\"id\":\"x\",\"analysis\":\"no_such_analysis\",\"data\":[],\"options\":{},"
                + "\"expected\":{\"estimate\":1},\"tolerance\":{\"relative\":1e-6,\"absolute\":1e-9}}");
        Run r = run("verify", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL x").contains("not supported").endsWith("0 passed, 1 failed" + System.lineSeparator());
    }

    @Test
    void verify_prints_key_expected_actual_and_tolerance_of_a_mismatch() throws Exception {
        Files.writeString(dir.resolve("y.json"), "{\"id\":\"y\",\"analysis\":\"pairwise\",\"data\":["
                + "{\"study\":\"a\",\"yi\":0.1,\"vi\":0.01},{\"study\":\"b\",\"yi\":0.3,\"vi\":0.02}],"
                + "\"options\":{\"measure\":\"GEN\",\"model\":\"fixed\"},\"expected\":{\"estimate\":0.5},"
                + "\"tolerance\":{\"relative\":1e-6,\"absolute\":1e-9}}");
        Run r = run("verify", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("estimate: expected 0.5, actual 0.16666").contains("tolerance 1.0E-9 + 1.0E-6·|expected|");
    }

    @Test
    void non_convergence_is_reported_with_exit_status_3() throws Exception {
        Path f = dir.resolve("osc.csv");
        Files.writeString(f, "study,events_treat,total_treat,events_ctrl,total_ctrl\n"
                + "1,85,194,78,198\n2,82,495,80,569\n3,15,94,18,112\n4,131,241,113,233\n5,67,97,56,95\n"
                + "6,131,475,173,566\n7,58,158,56,166\n8,79,198,67,193\n9,49,142,48,137\n10,48,119,47,115\n");
        Run strict = run("meta", "--input", f.toString(), "--measure", "OR", "--no-fallback");
        assertThat(strict.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(strict.out()).contains("did NOT converge").contains("not valid");
        Run dflt = run("meta", "--input", f.toString(), "--measure", "OR");
        assertThat(dflt.code()).isZero();
        assertThat(dflt.out()).contains("score equation was solved");
    }

    @Test
    void sensitivity_and_bias_commands_run_on_bundled_data() {
        Run loo = run("loo", "--example", "bcg");
        assertThat(loo.code()).isZero();
        assertThat(loo.out()).contains("Study left out").contains("TPT Madras 1980").contains("(all studies)");
        Run cum = run("cumulative", "--example", "bcg", "--format", "json");
        assertThat(cum.code()).isZero();
        assertThat(cum.out()).contains("\"kind\" : \"cumulative\"");
        Run bias = run("bias", "--example", "hackshaw");
        assertThat(bias.code()).isZero();
        assertThat(bias.out()).contains("7 studies estimated missing").contains("left side")
                .contains("Henmi-Copas").contains("ratio 1.20 [1.09, 1.33]");
    }

    @Test
    void bias_json_holds_the_henmi_copas_interval() throws Exception {
        Run bias = run("bias", "--example", "hackshaw", "--format", "json");
        JsonNode hc = new ObjectMapper().readTree(bias.out()).path("henmi_copas");
        // validation/extra/hc_hackshaw.json (metafor hc(), its equation solved at 1e-13)
        assertThat(hc.path("estimate").asDouble()).isCloseTo(0.185760203646787, within(1e-12));
        assertThat(hc.path("ci_lower").asDouble()).isCloseTo(0.0830225946937973, within(1e-9));
        assertThat(hc.path("ci_upper").asDouble()).isCloseTo(0.288497812599776, within(1e-9));
        // validation/extra/tes_hackshaw_reml.json (metafor tes(), chi-squared test chosen for 37 studies)
        JsonNode tes = new ObjectMapper().readTree(bias.out()).path("excess_significance");
        assertThat(tes.path("observed").asInt()).isEqualTo(7);
        assertThat(tes.path("test").asText()).isEqualTo("chi2");
        assertThat(tes.path("p").asDouble()).isCloseTo(0.50407609104347, within(1e-9));
        // generic estimates have no 2×2 tables: no Harbord or Peters test
        assertThat(new ObjectMapper().readTree(bias.out()).path("harbord").isNull()).isTrue();
        JsonNode or = new ObjectMapper().readTree(run("bias", "--example", "bcg", "--measure", "OR", "--format", "json").out());
        // validation/extra/asym_bcg.json (meta's metabias through metafor regtest)
        assertThat(or.path("harbord").path("p").asDouble()).isCloseTo(0.234971952122066, within(1e-10));
        assertThat(or.path("peters").path("p").asDouble()).isCloseTo(0.200291792284135, within(1e-10));
        // the selection model in the direction of the pooled effect: BCG's log RR is below 0 (validation/extra/sel_bcg_rr_less.json)
        JsonNode sel = new ObjectMapper().readTree(run("bias", "--example", "bcg", "--format", "json").out()).path("selection_model");
        assertThat(sel.path("alternative").asText()).isEqualTo("less");
        assertThat(sel.path("lrt_df").asInt()).isEqualTo(1);
        // the beta model (validation/extra/sel_beta_bcg_rr_less.json: metafor's LRT 1.42435...)
        JsonNode beta = new ObjectMapper().readTree(run("bias", "--example", "bcg", "--selection-model", "beta", "--format", "json").out())
                .path("selection_model");
        assertThat(beta.path("type").asText()).isEqualTo("beta");
        assertThat(beta.path("lrt_df").asInt()).isEqualTo(2);
        assertThat(beta.path("lrt").asDouble()).isCloseTo(1.424356, within(1e-6));
        assertThat(run("bias", "--example", "bcg", "--selection-model", "cauchy").err()).contains("--selection-model must be step, beta, halfnorm");
        Run bad = run("bias", "--example", "bcg", "--selection-steps", "1.5");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--selection-steps must lie between 0 and 1");
    }

    @Test
    void examples_lists_the_bundled_data_sets() {
        assertThat(run("examples").out()).contains("bcg").contains("normand").contains("hackshaw").contains("hine");
    }

    @Test
    void subgroups_and_meta_regression_with_a_permutation_test_match_metafor() throws Exception {
        Run r = run("meta", "--example", "bcg", "--measure", "RR", "--subgroup", "alloc", "--moderators", "ablat",
                "--permutations", "2000", "--seed", "7", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode res = new ObjectMapper().readTree(r.out()).path("results").get(0);
        JsonNode sg = res.path("subgroups");
        assertThat(sg.path("groups")).hasSize(3);
        // validation/cases/sg_bcg_alloc_separate.json (metafor 3.8.1)
        assertThat(sg.path("between").path("statistic").asDouble()).isCloseTo(1.86144494615453, within(1e-8));
        JsonNode reg = res.path("metaregression");
        // validation/cases/mr_bcg_ablat_reml.json (metafor 3.8.1)
        assertThat(reg.path("coefficients").get(1).path("estimate").asDouble()).isCloseTo(-0.0291017250116295, within(1e-6 * 0.0291));
        assertThat(reg.path("r2").asDouble()).isCloseTo(75.6266218110055, within(1e-6 * 75.6));
        assertThat(reg.path("permutation").path("exact").asBoolean()).isFalse();
        assertThat(reg.path("permutation").path("permutations").asInt()).isEqualTo(2000);
        Run exact = run("meta", "--example", "bcg", "--moderators", "ablat", "--permutations", "exact");
        assertThat(exact.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(exact.err()).contains("389,188,800 permutations").contains("random permutation test");
        Run text = run("meta", "--example", "bcg", "--subgroup", "alloc", "--subgroup-test", "common");
        assertThat(text.out()).contains("Subgroups by alloc").contains("Test for subgroup differences").contains("QM");
    }

    @Test
    void a_missing_moderator_column_is_an_input_error() {
        Run r = run("meta", "--example", "bcg", "--moderators", "latitude");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("latitude");
    }

    static final String IPD = "study,treatment,age,nihss,mrs,sich\n"
            + "A,1,70,15,2,0\nA,0,65,12,3,0\nA,1,80,20,6,1\nA,0,72,18,4,0\nA,1,55,10,0,0\nA,0,60,12,1,0\nA,1,68,16,3,0\nA,0,75,19,5,1\n"
            + "B,1,71,14,1,0\nB,0,66,13,4,0\nB,1,79,21,5,0\nB,0,73,17,6,1\nB,1,56,11,2,0\nB,0,61,12,3,\nB,1,64,9,0,0\nB,0,77,22,6,0\n"
            + "C,1,70,15,2,0\nC,0,65,14,4,0\nC,1,74,19,3,0\nC,0,70,18,5,0\nC,1,52,8,1,0\nC,0,59,11,2,0\nC,1,66,13,2,0\nC,0,81,23,6,1\n";

    @Test
    void ipd_gives_the_adjusted_shift_binary_outcomes_and_interactions() throws Exception {
        Path f = dir.resolve("ipd.csv");
        Files.writeString(f, IPD);
        Run stop = run("ipd", "--input", f.toString());
        assertThat(stop.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(stop.err()).contains("no patient in C: category 0").contains("Merge the empty category");
        Run r = run("ipd", "--input", f.toString(), "--covariates", "age", "--binary", "0-2,sich", "--interactions", "nihss",
                "--drop-empty", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("schema").asText()).isEqualTo("strokemeta.ipd/1");
        assertThat(root.path("patients").asInt()).isEqualTo(24);
        assertThat(root.path("trials")).hasSize(3);
        assertThat(root.path("adjusted").path("method").asText()).contains("stratified");
        assertThat(root.path("binary")).hasSize(2);
        assertThat(root.path("binary").get(1).path("event").asText()).isEqualTo("sich");
        assertThat(root.path("binary").get(1).path("patients_control").asInt()).isEqualTo(11);
        assertThat(root.path("notes").toString()).contains("sich is missing");
        assertThat(root.path("interactions").get(0).path("covariate").asText()).isEqualTo("nihss");
        // one interaction model per outcome: the shift, then each binary outcome; with 24 patients none is estimable,
        // which makes the run invalid (exit 3) with a reason for each
        assertThat(root.path("interactions")).extracting(n -> n.path("outcome").asText()).containsExactly("shift", "mRS 0-2", "sich");
        assertThat(root.path("interactions")).allSatisfy(n -> assertThat(n.path("valid").asBoolean()).isFalse());
        assertThat(r.code()).isEqualTo(Main.EXIT_INVALID);
        assertThat(root.path("notes").toString()).contains("the interaction model for nihss (outcome sich) is not estimable");
        Run text = run("ipd", "--input", f.toString(), "--covariates", "age", "--model", "common");
        assertThat(text.out()).contains("Ordinal shift analysis").contains("adjusted for age").contains("mRS 0-2");
    }

    @Test
    void ipd_reports_cut_points_fit_statistics_and_coefficient_tables_and_takes_another_link() throws Exception {
        Run r = run("ipd", "--example", "ipd_sim", "--covariates", "age", "--model", "common", "--binary", "0-2",
                "--binary-model", "random", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("link").asText()).isEqualTo("logit");
        JsonNode adj = root.path("adjusted");
        assertThat(adj.path("cut_points")).hasSize(6);
        assertThat(adj.path("cut_points").get(0).path("name").asText()).isEqualTo("0|1");
        assertThat(adj.path("cut_points").get(0).path("stratum").isNull()).isTrue();
        assertThat(adj.path("cut_points").get(0).path("se").asDouble()).isPositive();
        assertThat(adj.path("aic").asDouble()).isEqualTo(-2 * adj.path("loglik").asDouble() + 2 * adj.path("parameters").asInt());
        JsonNode bin = root.path("binary").get(0);
        assertThat(bin.path("coefficients")).hasSize(2);
        assertThat(bin.path("intercepts").get(0).path("name").asText()).isEqualTo("intercept");
        assertThat(bin.path("variance").path("intercept").isNumber()).isTrue();
        assertThat(bin.path("deviance").asDouble()).isEqualTo(-2 * bin.path("loglik").asDouble());
        assertThat(root.path("po_test").path("tested_model").asText()).contains("common cut-points");
        Run text = run("ipd", "--example", "ipd_sim", "--covariates", "age", "--link", "probit", "--binary", "");
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("on the probit scale").contains("Model details").contains("cut-points theta_j (SE)");
        Run mixed = run("ipd", "--example", "ipd_sim", "--model", "mixed", "--link", "probit", "--binary", "");
        assertThat(mixed.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(mixed.err()).startsWith("error: ").contains("logit link only");
        Run bad = run("ipd", "--example", "ipd_sim", "--link", "cauchit");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("cauchit").contains("logit, probit or cloglog");
    }

    @Test
    void ipd_two_stage_pools_per_trial_adjusted_estimates_with_the_chosen_tau2_and_interval_method() throws Exception {
        Run r = run("ipd", "--example", "ipd_sim", "--covariates", "age", "--two-stage", "--tau2", "DL", "--ci", "knha",
                "--binary", "", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode two = new ObjectMapper().readTree(r.out()).path("two_stage");
        assertThat(two.path("options").path("tau2_method").asText()).isEqualTo("DL");
        assertThat(two.path("options").path("ci_method").asText()).isEqualTo("knha");
        assertThat(two.path("pooled").path("df").asInt()).isEqualTo(two.path("k").asInt() - 1);
        Run text = run("ipd", "--example", "ipd_sim", "--covariates", "age", "--two-stage", "--ci", "knha", "--binary", "");
        assertThat(text.out()).contains("per-trial cOR adjusted for age").contains("Hartung-Knapp-Sidik-Jonkman (t) intervals")
                .contains("prediction interval");
        assertThat(run("ipd", "--example", "ipd_sim", "--two-stage", "--tau2", "XX").err()).contains("XX");
    }

    @Test
    void ipd_reads_thrombectomy_trial_data_by_the_data_dictionary() throws Exception {
        StringBuilder csv = new StringBuilder("trial,arm,age,sex,nihss,occlusion_site,mrs90\n");
        String[] site = {"ICA", "M1", "M2"};
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < 60; i++) {
            boolean evt = i % 2 == 0;
            int mrs = i < 14 ? i / 2 : Math.min(6, rng.nextInt(7) + (evt ? 0 : rng.nextInt(2)));
            csv.append(i < 30 ? "MR CLEAN" : "ESCAPE").append(',').append(evt ? "EVT" : "control").append(',').append(50 + i % 30)
                    .append(',').append(i % 3 == 0 ? "F" : "M").append(',').append(5 + i % 20).append(',').append(site[i % 3])
                    .append(',').append(mrs).append('\n');
        }
        Path f = dir.resolve("hermes.csv");
        Files.writeString(f, csv);
        Run r = run("ipd", "--input", f.toString(), "--covariates", "age,female,m2", "--binary", "0-2", "--no-po-test", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("patients").asInt()).isEqualTo(60);
        assertThat(root.path("trials")).hasSize(2);
        assertThat(root.path("covariates").toString()).contains("female").contains("m2");
        Files.writeString(f, csv.toString().replaceFirst("ESCAPE,EVT,(\\d+),F,", "ESCAPE,EVT,$1,X,"));
        Run bad = run("ipd", "--input", f.toString());
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("hermes.csv, line").contains("column sex: 'X' is not a code of sex (female, male)");
        assertThat(run("dictionary").out()).contains("| `occlusion_site` | category | `ICA`, `M1`, `M2` |");
    }

    @Test
    void simulate_writes_a_reproducible_cohort_and_lists_its_calibration_with_sources() throws Exception {
        Path f = dir.resolve("sim.csv");
        assertThat(run("simulate", "--seed", "9", "--out", f.toString()).code()).isZero();
        String first = Files.readString(f);
        assertThat(first).startsWith("trial,patient_id,arm,").contains(",1\n");
        assertThat(first.lines().count()).isEqualTo(1765);
        run("simulate", "--seed", "9", "--out", f.toString());
        assertThat(Files.readString(f)).isEqualTo(first);
        Run cal = run("simulate", "--calibration");
        assertThat(cal.out()).contains("MR CLEAN: 233 thrombectomy, 267 control").contains("log_cor = 0.912283: log of the HERMES")
                .contains("effect_age = 0.04: assumption");
        Run ipd = run("ipd", "--input", f.toString(), "--covariates", "age,nihss", "--binary", "0-2");
        assertThat(ipd.out()).startsWith("Patient-level analysis: sim.csv (simulated data), 1764 patients in 7 trials");
    }

    @Test
    void power_gives_whitehead_and_simulated_power_and_a_sample_size() {
        Run r = run("power", "--cor", "1.5", "--n-treatment", "150", "--n-control", "75", "--simulations", "200");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Whitehead's formula (Stat Med 1993): power 36.9%").contains("Simulation (200 trials, seed 1)")
                .contains("HERMES control arm");
        Run bad = run("power", "--control", "10,20,30");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("the --control shares sum to 60.0, not 1 (or 100%)");
    }

    @Test
    void power_with_a_share_of_m2_patients_is_simulated_with_their_own_outcomes() {
        Run r = run("power", "--cor", "2", "--n-per-arm", "120", "--simulations", "200", "--m2-share", "0.4",
                "--m2-control", "15,15,15,15,15,10,15", "--m2-cor", "1.2");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("of whom 40.0% with an M2 occlusion: control 15.0 / 15.0")
                .contains("treatment at cOR 1.2")
                .contains("Whitehead's formula assumes one population shifted by one odds ratio: with M2 patients the power is"
                        + " simulated only")
                .doesNotContain("sample size").contains("Simulation (200 trials, seed 1): power ");
        double shown = Double.parseDouble(r.out().replaceAll("(?s).*Simulation \\(200 trials, seed 1\\): power ([0-9.]+)%.*", "$1"));
        org.strokemeta.ordinal.ShiftPower.Design d = new org.strokemeta.ordinal.ShiftPower.Design(
                org.strokemeta.simulation.SimulationSpec.hermes().values("control_mrs", 7), 2.0, 120, 120, 0.05);
        double expected = org.strokemeta.ordinal.ShiftPower.simulate(d, new org.strokemeta.ordinal.ShiftPower.Subgroup(0.4,
                new double[] {0.15, 0.15, 0.15, 0.15, 0.15, 0.10, 0.15}, 1.2), 200, 1).power();
        assertThat(shown).isEqualTo(Math.round(1000 * expected) / 10.0);
        Run alone = run("power", "--m2-cor", "1.2");
        assertThat(alone.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(alone.err()).contains("give their share with --m2-share");
    }

    @Test
    void report_writes_the_html_and_json_of_the_default_plan_on_the_bundled_cohort() throws Exception {
        Run r = run("report", "--out-dir", dir.toString(), "--name", "hermes");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Simulated data: 1764 patients in 7 trials").contains("Primary outcome: common OR ");
        String html = Files.readString(dir.resolve("hermes.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("(simulated data)</h1>").contains("<section id=\"m2\">")
                .contains("<section id=\"published\">").contains("<td>MR CLEAN</td><td>1.67 [1.21, 2.30] (adjusted)</td><td>1.66 [1.21, 2.28]</td>");
        JsonNode j = new ObjectMapper().readTree(dir.resolve("hermes.json").toFile());
        assertThat(j.path("schema").asText()).isEqualTo("strokemeta.report/1");
        assertThat(j.path("published")).hasSize(8);
        assertThat(j.path("provenance").path("input_sha256").asText()).hasSize(64);
        assertThat(j.path("provenance").path("command").asText()).isEqualTo("strokemeta report --out-dir " + dir + " --name hermes");
        assertThat(run("report", "--print-plan").out()).contains("\"covariates\"").contains("\"subgroups\"");
    }

    @Test
    void report_runs_on_a_users_file_with_other_header_names_and_fewer_columns() throws Exception {
        Path f = dir.resolve("user.csv");
        StringBuilder csv = new StringBuilder("Study,Group,Age,Gender,mRS\n");
        java.util.Random rng = new java.util.Random(5);
        for (int i = 0; i < 400; i++) {
            boolean evt = i % 2 == 0;
            int mrs = i < 42 ? i / 6 : Math.min(6, rng.nextInt(7) + (evt ? 0 : rng.nextInt(2)));
            csv.append("T" + (i % 6 / 2 + 1)).append(',').append(evt ? "EVT" : "control").append(',').append(i % 37 == 0 ? "" : 50 + i % 40)
                    .append(',').append(i % 3 == 0 ? "F" : "M").append(',').append(mrs).append('\n');
        }
        Files.writeString(f, csv);
        Run refused = run("report", "--data", f.toString(), "--out-dir", dir.toString(), "--name", "user");
        assertThat(refused.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(refused.err()).contains("covariate 'nihss'").contains("subgroup variable 'aspects'").contains("--skip-missing");
        assertThat(dir.resolve("user.html")).doesNotExist();
        Run r = run("report", "--data", f.toString(), "--out-dir", dir.toString(), "--name", "user", "--skip-missing");
        assertThat(r.err()).contains("warning: left out of the analysis: the plan's covariate 'nihss' is not in the data");
        assertThat(r.code()).isZero();
        String html = Files.readString(dir.resolve("user.html"));
        assertThat(html).doesNotContain("simulated data").contains("not in the data").contains("are not in the data and were not used")
                .contains("patients left out: age is missing").contains("Departure from the plan");
        assertThat(html.indexOf("Departure from the plan")).isLessThan(html.indexOf("<h2>"));
    }

    @Test
    void a_misspelt_planned_covariate_is_an_error_unless_the_user_lets_it_be_skipped() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"covariates\": [\"age\", \"nihs\", \"female\"], \"subgroups\": [], \"m2_section\": false}");
        Run bad = run("report", "--plan", plan.toString(), "--out-dir", dir.toString(), "--name", "typo");
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("the plan names a variable the data lack: covariate 'nihs' (did you mean nihss?)")
                .contains("--skip-missing");
        assertThat(dir.resolve("typo.html")).doesNotExist();
        Files.writeString(plan, "{\"covariates\": [\"age\", \"nihs\", \"female\"], \"subgroups\": [], \"m2_section\": false, "
                + "\"skip_missing\": true}");
        Run skipped = run("report", "--plan", plan.toString(), "--out-dir", dir.toString(), "--name", "typo");
        assertThat(skipped.code()).isZero();
        assertThat(skipped.err()).contains("warning: left out of the analysis: the plan's covariate 'nihs' (did you mean nihss?)");
        assertThat(Files.readString(dir.resolve("typo.html"))).contains("Departure from the plan");
        JsonNode j = new ObjectMapper().readTree(dir.resolve("typo.json").toFile());
        assertThat(j.path("left_out_of_plan").get(0).path("name").asText()).isEqualTo("nihs");
        assertThat(j.path("left_out_of_plan").get(0).path("suggestion").asText()).isEqualTo("nihss");
    }

    @Test
    void report_refuses_a_bad_plan_and_data_outside_the_dictionary() throws Exception {
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"covariates\": [\"age\"], \"subgroup\": []}");
        Run bad = run("report", "--plan", plan.toString(), "--out-dir", dir.toString());
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("plan.json: unknown key 'subgroup' in the plan");
        Files.writeString(plan, "{\"covariates\": [\"age\"");
        assertThat(run("report", "--plan", plan.toString()).err()).contains("the plan is not valid JSON");
        Files.writeString(plan, "{\"random_effects\": \"sometimes\"}");
        assertThat(run("report", "--plan", plan.toString()).err()).contains("unknown random-effects structure 'sometimes'");
        assertThat(run("report", "--example", "mrs_sim", "--out-dir", dir.toString()).err())
                .contains("(mrs_sim.csv): the column mrs90 is missing");
    }

    @Test
    void the_published_versus_computed_table_in_the_docs_is_current() throws Exception {
        assertThat(Files.readString(Path.of("docs/published-vs-computed.md"))).isEqualTo(PublishedCommand.table());
        assertThat(run("published").out()).contains("| MR CLEAN | 1.67 [1.21, 2.30] | yes | 1.66 [1.21, 2.28] |");
    }

    @Test
    void plot_writes_svg_png_and_pdf() throws Exception {
        Run svg = run("plot", "forest", "--example", "bcg");
        assertThat(svg.code()).isZero();
        assertThat(svg.out()).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").contains("class=\"diamond\"");
        assertThat(run("plot", "grotta", "--example", "bcg").err()).contains("Grotta bars need tabulated mRS distributions");
        assertThat(run("plot", "violin", "--example", "bcg").err()).contains("unknown figure 'violin'");
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("rsvg-convert", "--version").start().waitFor() == 0,
                "rsvg-convert (librsvg2-bin, installed by scripts/setup.sh) renders PNG and PDF");
        Path png = dir.resolve("f.png");
        assertThat(run("plot", "funnel", "--example", "bcg", "--out", png.toString(), "--dpi", "150").code()).isZero();
        byte[] b = Files.readAllBytes(png);
        assertThat(java.util.Arrays.copyOf(b, 4)).containsExactly(0x89, 'P', 'N', 'G');
        Path pdf = dir.resolve("g.pdf");
        assertThat(run("plot", "grotta", "--example", "mrs_sim", "--out", pdf.toString()).code()).isZero();
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    void ipd_reports_bad_patient_rows_with_line_and_column() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "study,treatment,mrs\nA,1,2\nA,3,1\n");
        Run r = run("ipd", "--input", f.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("bad.csv, line 3, column treatment: the arm must be 1 (treatment) or 0 (control)");
        Run meta = run("meta", "--input", f.toString());
        assertThat(meta.err()).contains("patient-level data").contains("strokemeta ipd");
    }

    @Test
    void meta_runs_the_shift_analysis_on_tabulated_distributions() throws Exception {
        Path f = dir.resolve("mrs.csv");
        Files.writeString(f, "study,arm,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6\n"
                + "T1,treatment,14,16,30,39,46,22,26\nT1,control,2,6,14,18,38,17,39\n"
                + "T2,treatment,1,4,6,9,12,10,13\nT2,control,1,2,3,8,10,11,16\n");
        Run r = run("meta", "--input", f.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.path("schema").asText()).isEqualTo("strokemeta.shift/1");
        assertThat(root.path("trials")).hasSize(2);
        // Trial 01 of validation/cases/ord_sim11_two_stage_reml.json: clm log cOR 0.881432085154469
        assertThat(root.path("trials").get(0).path("log_cor").asDouble()).isCloseTo(0.881432085154469, within(1e-6));
        Run one = run("meta", "--input", f.toString(), "--stage", "one", "--merge", "5-6");
        assertThat(one.out()).contains("One-stage").contains("categories 5-6 merged");
    }

    /**
     * Two randomised trials of very different prognosis, the severe one randomised 4:1 to treatment, and
     * a registry of treated patients only (counts per mRS 0-6; strokemeta-core/src/test/r/clinical_summaries_reference.R).
     */
    private static final String[] SIMPSON_TRIALS = {"Good", "Poor", "Registry"};
    private static final int[][] SIMPSON_TREATMENT = {{30, 25, 15, 10, 8, 7, 5}, {4, 12, 24, 40, 50, 34, 36}, {2, 3, 4, 5, 6, 5, 5}};
    private static final int[][] SIMPSON_CONTROL = {{18, 20, 17, 15, 12, 10, 8}, {0, 1, 3, 7, 14, 11, 14}, {0, 0, 0, 0, 0, 0, 0}};

    @Test
    void ipd_computes_nnt_and_utility_within_trials_and_names_a_one_arm_trial() throws Exception {
        StringBuilder csv = new StringBuilder("study,treatment,mrs\n");
        for (int s = 0; s < 3; s++) {
            for (int j = 0; j < 7; j++) {
                csv.append((SIMPSON_TRIALS[s] + ",1," + j + "\n").repeat(SIMPSON_TREATMENT[s][j]));
                csv.append((SIMPSON_TRIALS[s] + ",0," + j + "\n").repeat(SIMPSON_CONTROL[s][j]));
            }
        }
        Path f = dir.resolve("simpson.csv");
        Files.writeString(f, csv);
        Run r = run("ipd", "--input", f.toString(), "--binary", "", "--no-po-test", "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode root = new ObjectMapper().readTree(r.out());
        JsonNode nb = root.path("net_benefit");
        // arms added across trials give NNT -50.9 (a number needed to harm); within trials 4.66
        assertThat(nb.path("nnt").asDouble()).isCloseTo(4.66393739959579, within(1e-9));
        assertThat(nb.path("difference").asDouble()).isCloseTo(0.214411111111111, within(1e-12));
        assertThat(nb.path("se").asDouble()).isCloseTo(0.0569272200508338, within(1e-12));
        assertThat(nb.path("method").asText()).isEqualTo("within_trials");
        assertThat(nb.path("method_description").asText()).contains("Mantel-Haenszel");
        assertThat(nb.path("trials")).hasSize(3);
        assertThat(nb.path("trials").get(1).path("weight").asDouble()).isCloseTo(0.444444444444444, within(1e-12));
        assertThat(nb.path("trials").get(2).path("included").asBoolean()).isFalse();
        assertThat(nb.path("trials").get(2).path("reason").asText()).contains("all 30 patients in the treatment arm");
        JsonNode u = root.path("utility");
        assertThat(u.path("difference").asDouble()).isCloseTo(0.116377777777778, within(1e-12));
        assertThat(u.path("se").asDouble()).isCloseTo(0.0339801606302213, within(1e-12));
        assertThat(u.path("method").asText()).isEqualTo("within_trials");
        assertThat(root.path("notes").toString()).contains("Registry").contains("cannot contribute");
        Run text = run("ipd", "--input", f.toString(), "--binary", "", "--no-po-test");
        assertThat(text.out()).contains("NNT for one more patient to be better by at least one category: 4.7 (within trials")
                .contains("Utility-weighted mRS (UW-mRS): 0.575 vs 0.459, difference 0.116 [0.050, 0.183] (within trials")
                .contains("Registry").doesNotContain("crude");
    }

    @Test
    void meta_on_mrs_tables_computes_nnt_within_trials() throws Exception {
        StringBuilder csv = new StringBuilder("study,arm,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6\n");
        for (int s = 0; s < 2; s++) {
            csv.append(SIMPSON_TRIALS[s]).append(",treatment,").append(join(SIMPSON_TREATMENT[s])).append('\n');
            csv.append(SIMPSON_TRIALS[s]).append(",control,").append(join(SIMPSON_CONTROL[s])).append('\n');
        }
        Path f = dir.resolve("simpson_tables.csv");
        Files.writeString(f, csv);
        Run r = run("meta", "--input", f.toString(), "--format", "json");
        JsonNode nb = new ObjectMapper().readTree(r.out()).path("net_benefit");
        assertThat(nb.path("nnt").asDouble()).isCloseTo(4.66393739959579, within(1e-9));
        assertThat(nb.path("method").asText()).isEqualTo("within_trials");
        assertThat(run("meta", "--input", f.toString()).out()).contains("(within trials, combined with Mantel-Haenszel weights");
    }

    private static String join(int[] x) {
        return java.util.Arrays.stream(x).mapToObj(Integer::toString).collect(java.util.stream.Collectors.joining(","));
    }

    /**
     * validation/cases/pw_hackshaw_gen_reml.json (metafor 3.8.1) written as a European spreadsheet saves it: semicolons,
     * decimal commas, CRLF, Windows-1252 with an accented study name.
     */
    static byte[] hackshawAsSpreadsheet(JsonNode c, java.nio.charset.Charset cs) {
        StringBuilder sb = new StringBuilder("study;yi;vi\r\n");
        for (JsonNode d : c.path("data")) {
            String study = d.path("study").asText().equals("Garfinkel 1981") ? "Étude Zürich 1981" : d.path("study").asText();
            sb.append(study).append(';').append(Double.toString(d.path("yi").asDouble()).replace('.', ','))
                    .append(';').append(Double.toString(d.path("vi").asDouble()).replace('.', ',')).append("\r\n");
        }
        return sb.toString().getBytes(cs);
    }

    @Test
    void meta_reads_a_windows_1252_semicolon_file_with_decimal_commas_and_says_so() throws Exception {
        JsonNode c = new ObjectMapper().readTree(Path.of("validation/cases/pw_hackshaw_gen_reml.json").toFile());
        Path f = dir.resolve("hackshaw.csv");
        Files.write(f, hackshawAsSpreadsheet(c, java.nio.charset.Charset.forName("windows-1252")));
        Run r = run("meta", "--input", f.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode res = new ObjectMapper().readTree(r.out()).path("results").get(0);
        double est = c.path("expected").path("estimate").asDouble();
        assertThat(res.path("pooled").path("estimate").asDouble()).isCloseTo(est, within(1e-9 + 1e-6 * Math.abs(est)));
        double tau2 = c.path("expected").path("tau2").asDouble();
        assertThat(res.path("heterogeneity").path("tau2").asDouble()).isCloseTo(tau2, within(1e-9 + 1e-6 * tau2));
        assertThat(res.path("studies")).hasSize(37);
        assertThat(res.path("notes").findValuesAsText("message")).containsExactly(
                "read as Windows-1252 (Western European) because the file is not valid UTF-8 (first on line 2);"
                        + " if names with accents look wrong, save it as 'CSV UTF-8'",
                "semicolon-separated with decimal commas (such as 0,165514438477573 on line 2)");
        Run text = run("meta", "--input", f.toString());
        assertThat(text.out()).contains("Étude Zürich 1981").contains("Pooled Estimate (random effects): 0.2189 [0.1221, 0.3157]")
                .contains("Notes:").contains("read as Windows-1252").contains("semicolon-separated with decimal commas");
    }

    @Test
    void meta_reads_a_utf16_file_and_says_so() throws Exception {
        JsonNode c = new ObjectMapper().readTree(Path.of("validation/cases/pw_hackshaw_gen_reml.json").toFile());
        Path f = dir.resolve("hackshaw.txt");
        Files.write(f, hackshawAsSpreadsheet(c, java.nio.charset.StandardCharsets.UTF_16));
        Run r = run("meta", "--input", f.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Étude Zürich 1981").contains("Pooled Estimate (random effects): 0.2189 [0.1221, 0.3157]")
                .contains("read as UTF-16 (big-endian, marked by its byte-order mark)");
    }

    @Test
    void an_ambiguous_thousands_separator_is_an_input_error_saying_what_to_do() throws Exception {
        Path f = dir.resolve("counts.csv");
        Files.writeString(f, "study;events_treat;total_treat;events_ctrl;total_ctrl\nA;12;1,200;15;1,180\n");
        Run r = run("meta", "--input", f.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).isEqualTo("error: counts.csv, line 2, column total_treat: '1,200' could be 1.200 (decimal comma) or 1200"
                + " (thousands separator); remove thousands separators from the numbers, or save the file with decimal points"
                + System.lineSeparator());
    }
}
