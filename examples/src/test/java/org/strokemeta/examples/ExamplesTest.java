package org.strokemeta.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.study.ShiftAnalysis;
import org.strokemeta.study.StudyReport;

/** The examples give the reference packages' numbers through the public API only. */
class ExamplesTest {
    @Test
    void bcg_random_effects_risk_ratio_equals_metafor() {
        MetaResult r = BcgRandomEffects.analyse();
        // metafor 3.8.1 rma(yi, vi, method = "REML") on escalc("RR", dat.bcg): validation/cases/pw_bcg_rr_reml.json
        assertThat(r.pooled().estimate()).isCloseTo(-0.714532342158212, within(1e-8));
        assertThat(r.heterogeneity().tau2()).isCloseTo(0.313243258137274, within(1e-8));
        assertThat(r.k()).isEqualTo(13);
    }

    @Test
    void shift_analyses_run_two_stage_and_one_stage() {
        ShiftAnalysis.Outcome two = ShiftAnalyses.twoStage();
        ShiftAnalysis.Outcome one = ShiftAnalyses.oneStage();
        assertThat(two.valid()).isTrue();
        assertThat(one.valid()).isTrue();
        assertThat(two.twoStage().trials()).hasSize(7);
        // the two approaches agree closely on these trials
        assertThat(Math.log(one.effect().cor())).isCloseTo(Math.log(two.effect().cor()), within(0.1));
    }

    @Test
    void the_hermes_report_runs_from_a_table(@TempDir Path dir) throws Exception {
        HermesReport.main(new String[] {dir.resolve("r.html").toString()});
        assertThat(Files.readString(dir.resolve("r.html"))).contains("<h1>").contains("M2");
        StudyReport r = HermesReport.run(org.strokemeta.data.Examples.table(org.strokemeta.data.Examples.get("hermes_sim")));
        assertThat(r.main().data().size()).isEqualTo(1764);
    }
}
