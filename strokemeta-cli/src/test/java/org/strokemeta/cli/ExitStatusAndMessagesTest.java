package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.cli.MainTest.Run;

/** Exit statuses and messages of the command line for careless use: no stack trace, no wrong status. */
class ExitStatusAndMessagesTest {
    @TempDir
    Path dir;

    private static void oneCleanSentence(Run r) {
        assertThat(r.err()).startsWith("error: ").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void bare_invocation_prints_the_usage_and_exits_with_status_2() {
        Run r = MainTest.run();
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("Usage: strokemeta COMMAND").contains("say which command to run");
        assertThat(MainTest.run("--help").code()).isZero();
    }

    @Test
    void an_unknown_command_lists_every_command() {
        Run r = MainTest.run("frobnicate");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        for (Command c : Main.commands()) {
            assertThat(r.err()).as(c.name()).contains(c.name());
        }
        assertThat(r.err()).contains("(see: strokemeta --help)").doesNotContain("frobnicate --help");
    }

    @Test
    void missing_files_and_folders_are_named_with_what_is_wrong() throws Exception {
        Path missing = dir.resolve("x.csv");
        Run data = MainTest.run("report", "--data", missing.toString(), "--out-dir", dir.toString());
        assertThat(data.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(data.err()).contains("x.csv: the file does not exist").doesNotContain("cannot read " + missing + ": " + missing);
        Run plan = MainTest.run("report", "--plan", dir.resolve("plan.json").toString(), "--out-dir", dir.toString());
        assertThat(plan.err()).contains("plan.json: the file does not exist");
        Run folder = MainTest.run("report", "--plan", dir.toString(), "--out-dir", dir.toString());
        assertThat(folder.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(folder.err()).contains("this is a folder, not a file");
    }

    @Test
    void figures_into_a_missing_folder_or_at_an_impossible_resolution_are_input_errors() {
        for (String name : new String[] {"f.svg", "f.png", "f.pdf"}) {
            Run r = MainTest.run("plot", "forest", "--example", "bcg", "-o", dir.resolve("no-such-folder").resolve(name).toString());
            assertThat(r.code()).as(name).isEqualTo(Main.EXIT_INPUT);
            oneCleanSentence(r);
            assertThat(r.err()).contains("no-such-folder does not exist");
        }
        Run zero = MainTest.run("plot", "forest", "--example", "bcg", "--dpi", "0", "-o", dir.resolve("f.png").toString());
        assertThat(zero.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(zero.err()).contains("dpi must be between 10 and 2400, not 0");
        Run huge = MainTest.run("plot", "forest", "--example", "bcg", "--dpi", "100000", "-o", dir.resolve("f.png").toString());
        assertThat(huge.code()).isEqualTo(Main.EXIT_INPUT);
        oneCleanSentence(huge);
        assertThat(dir.resolve("f.png")).doesNotExist();
    }

    @Test
    void a_simulation_too_large_for_one_file_is_refused_before_any_work() {
        Run r = MainTest.run("simulate", "--scale", "1e9");
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        oneCleanSentence(r);
        assertThat(r.err()).contains("one file holds at most 5000000");
        assertThat(MainTest.run("simulate", "--scale", "0.0001").err()).contains("without patients");
        assertThat(MainTest.run("simulate", "--scale", "NaN").code()).isEqualTo(Main.EXIT_INPUT);
    }

    @Test
    void verify_on_an_empty_folder_is_an_error_not_a_pass() {
        Run r = MainTest.run("verify", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(r.err()).contains("holds no validation cases");
    }

    @Test
    void verify_fails_a_case_without_expected_values() throws Exception {
        Files.writeString(dir.resolve("empty.json"),
                "{\"id\":\"e\",\"analysis\":\"pairwise\",\"data\":[{\"yi\":0.1,\"vi\":0.01},{\"yi\":0.3,\"vi\":0.02}],\"expected\":{}}");
        Run r = MainTest.run("verify", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("the case has no expected values").contains("0 passed, 1 failed");
    }

    @Test
    void verify_names_the_file_line_and_column_of_a_case_that_is_not_json() throws Exception {
        Files.writeString(dir.resolve("broken.json"), "{\n  \"analysis\": pairwise\n}");
        Run r = MainTest.run("verify", dir.toString());
        assertThat(r.code()).isEqualTo(Main.EXIT_INPUT);
        oneCleanSentence(r);
        assertThat(r.err()).contains("broken.json, line 2: not valid JSON (column");
    }

    @Test
    void a_huge_study_name_is_shortened_in_messages_and_figures() throws Exception {
        String name = "Trial " + "x".repeat(2_000_000);
        Path f = dir.resolve("long.csv");
        Files.writeString(f, "study,yi,vi\nA,0.1,0.01\nB,\"" + name + "\",0.02\n");
        Run bad = MainTest.run("meta", "--input", f.toString());
        assertThat(bad.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(bad.err()).contains("line 3").contains("characters left out");
        assertThat(bad.err().length()).isLessThan(2_000);
        Files.writeString(f, "study,yi,vi\n\"" + name + "\",0.1,0.01\nB,0.2,0.02\nC,0.3,0.03\n");
        Run svg = MainTest.run("plot", "forest", "--input", f.toString(), "--max-label", "100000000");
        assertThat(svg.code()).isZero();
        assertThat(svg.out().length()).isLessThan(40_000);
        assertThat(svg.out()).contains("characters left out");
        Run cell = MainTest.run("meta", "--input", dir.resolve("x" + "y".repeat(300) + ".csv").toString());
        assertThat(cell.err().length()).isLessThan(2_000);
    }

    @Test
    void ratios_given_with_their_intervals_are_pooled_on_the_log_scale_and_shown_as_ratios() throws Exception {
        java.io.InputStream in = getClass().getClassLoader().getResourceAsStream("org/strokemeta/examples/hackshaw.csv");
        Path f = dir.resolve("ors.csv");
        Files.write(f, in.readAllBytes());
        Run r = MainTest.run("meta", "--input", f.toString(), "--format", "json");
        assertThat(r.code()).isZero();
        var res = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).path("results").get(0);
        // metafor 3.8.1: rma(yi, vi, method = "REML") on the log odds ratios (validation/cases/pw_hackshaw_gen_reml.json)
        assertThat(res.path("pooled").path("estimate").asDouble()).isCloseTo(0.218889231608985, org.assertj.core.api.Assertions.within(1e-7));
        assertThat(res.path("pooled").path("exp").path("estimate").asDouble())
                .isCloseTo(Math.exp(0.218889231608985), org.assertj.core.api.Assertions.within(1e-7));
        Run text = MainTest.run("meta", "--input", f.toString());
        assertThat(text.out()).contains("Pooled ratio (random effects): 1.24 [1.13, 1.37]").contains("estimates read as ratios")
                .doesNotContain("Estimate 0.2189");
        Run svg = MainTest.run("plot", "forest", "--input", f.toString());
        assertThat(svg.out()).contains("Ratio [95% CI]");
    }

    @Test
    void a_forest_plot_of_events_says_which_side_favours_treatment_only_when_told() {
        assertThat(MainTest.run("plot", "forest", "--example", "bcg").out()).doesNotContain("favours");
        assertThat(MainTest.run("plot", "forest", "--example", "bcg", "--outcome", "harmful").out())
                .contains("← favours treatment").contains("favours control →");
        assertThat(MainTest.run("plot", "forest", "--example", "mrs_sim").out()).contains("favours treatment →");
        assertThat(MainTest.run("plot", "forest", "--example", "bcg", "--outcome", "sideways").err()).contains("harmful or beneficial");
    }

    @Test
    void a_default_secondary_outcome_that_cannot_be_estimated_is_a_note_and_one_asked_for_fails_the_run() throws Exception {
        // no death in any treatment arm: the death model is separated; the shift analysis is fine
        StringBuilder csv = new StringBuilder("study,treatment,mrs\n");
        for (String s : new String[] {"A", "B", "C"}) {
            for (int i = 0; i < 42; i++) {
                csv.append(s).append(",1,").append(i % 6).append('\n').append(s).append(",0,").append(1 + i % 6).append('\n');
            }
        }
        Path f = dir.resolve("separated.csv");
        Files.writeString(f, csv.toString());
        Run defaults = MainTest.run("ipd", "--input", f.toString());
        assertThat(defaults.code()).isZero();
        assertThat(defaults.out()).contains("death (mRS 6)").contains("not estimable");
        assertThat(defaults.err()).contains("note: the default secondary outcome death (mRS 6) could not be estimated");
        Run asked = MainTest.run("ipd", "--input", f.toString(), "--binary", "0-2,death");
        assertThat(asked.code()).isEqualTo(Main.EXIT_INVALID);
    }

    @Test
    void escalc_measures_run_from_their_columns_and_their_input_errors_name_line_and_column() throws Exception {
        Path cohorts = dir.resolve("cohorts.csv");
        Files.writeString(cohorts, "study,xi,ni\nA,0,25\nB,3,40\nC,12,60\nD,7,33\n");
        Run plo = MainTest.run("meta", "--input", cohorts.toString(), "--measure", "PLO");
        assertThat(plo.code()).isZero();
        assertThat(plo.out()).startsWith("Meta-analysis of logit proportion (PLO)").contains("Pooled proportion (random effects): ")
                .contains("A: no events: 0.5 added to the events and the non-events");
        // without --add, PFT takes escalc's default for it: no correction
        Run pft = MainTest.run("meta", "--input", cohorts.toString(), "--measure", "PFT", "--format", "json");
        assertThat(pft.code()).isZero();
        assertThat(pft.out()).contains("\"add\" : 0.0").contains("\"scale\" : \"double_arcsine\"").contains("\"ipft_hm\" : {");
        Path bad = dir.resolve("prepost.csv");
        Files.writeString(bad, "study,m1i,m2i,sd1i,sd2i,ni,ri\nA,3,2,1,1.2,20,0.5\nB,3,2,1,1.1,12,\n");
        Run smcc = MainTest.run("meta", "--input", bad.toString(), "--measure", "SMCC");
        assertThat(smcc.code()).isEqualTo(Main.EXIT_INPUT);
        oneCleanSentence(smcc);
        assertThat(smcc.err()).contains("prepost.csv, line 3, column ri: the correlation between the two measurements is missing");
        Run unknown = MainTest.run("meta", "--input", cohorts.toString(), "--measure", "PLOGIT");
        assertThat(unknown.code()).isEqualTo(Main.EXIT_INPUT);
        assertThat(unknown.err()).contains("PR, PLN, PLO, PAS, PFT, IR, IRLN, IRS, IRFT, IRR, IRD, SMCC, SMCR, COR, ZCOR");
    }
}
