package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.ipd.BinaryOptions;
import org.strokemeta.ipd.BinaryOutcome;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.SubgroupInteraction;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;

/**
 * Each section of the report against the engine called directly, on the bundled simulated cohort;
 * Table 1 against R (strokemeta-core/src/test/r/report_baseline_reference.R).
 */
class StudyReportTest {
    static StrokeCohort cohort;
    static StudyReport report;
    static final AnalysisPlan PLAN = AnalysisPlan.hermes();

    @BeforeAll
    static void run() {
        cohort = StrokeLoader.load(Examples.table(Examples.get("hermes_sim")));
        List<String> steps = new ArrayList<>();
        report = StudyReport.run(cohort, PLAN, new StudyReport.Provenance("hermes_sim", "x", "plan", "y", "test", "now", "cmd"), steps::add);
        assertThat(steps).contains("baseline", "primary outcome", "M2 occlusions", "effect against time").hasSize(4 + PLAN.subgroups().size());
    }

    private static StudyReport.BaselineRow row(String label) {
        return report.baseline().stream().filter(r -> r.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void table_1_matches_r() {
        assertThat(row("Patients").evt()[0]).isEqualTo(871);
        assertThat(row("Patients").control()[0]).isEqualTo(893);
        assertThat(row("Age, years").evt()[0]).isCloseTo(66.9908151549943, within(1e-10));
        assertThat(row("Age, years").evt()[1]).isCloseTo(15.0363516041839, within(1e-10));
        assertThat(row("Age, years").control()[1]).isCloseTo(14.3581335512671, within(1e-10));
        assertThat(row("Women").evt()).containsExactly(418, 871);
        assertThat(row("Baseline NIHSS").control()).containsExactly(17, 13, 21);
        assertThat(row("Onset to randomisation, minutes").control()).containsExactly(193, 142, 259);
        assertThat(row("Intravenous thrombolysis").control()).containsExactly(813, 893);
        assertThat(row("Occlusion: M2").evt()).containsExactly(64, 871);
        assertThat(row("Occlusion: ICA").control()).containsExactly(196, 893);
    }

    @Test
    void primary_and_secondary_outcomes_are_the_engines() {
        List<String> cov = PLAN.covariates();
        PatientData d = cohort.patients(cov);
        IpdAnalysis.Shift direct = IpdAnalysis.shift(d, StudyRun.request(PLAN, cov, List.of()));
        assertThat(report.main().adjusted().effect().logCor()).isEqualTo(direct.effect().logCor());
        assertThat(report.main().adjusted().method()).contains("mixed model");
        BinaryResult mrs02 = StudyEffect.RANDOM_INTERCEPT.fit(d, BinaryOutcome.atMost(d, 2), new BinaryOptions(StudyEffect.RANDOM_INTERCEPT, cov, 1, 0.95));
        assertThat(report.main().binary().get(0).result().logOddsRatio().estimate()).isEqualTo(mrs02.logOddsRatio().estimate());
        assertThat(report.main().binary()).extracting(b -> b.result().event()).containsExactly("mRS 0-2", "mRS 0-1", "death (mRS 6)", "sich");
        assertThat(report.main().twoStage().trials()).hasSize(7);
        assertThat(report.main().twoStage().notes()).anyMatch(n -> n.message().startsWith("ivt is the same for every patient of the trial"));
    }

    @Test
    void subgroups_are_the_primary_model_in_each_group_with_the_within_trial_test() {
        StudyReport.SubgroupResult site = report.subgroups().get(0);
        assertThat(site.variable()).isEqualTo("occlusion_site");
        assertThat(site.levels()).extracting(StudyReport.Level::name).containsExactly("ICA", "M1", "M2");
        assertThat(site.levels().get(2).nEvt()).isEqualTo(64);
        List<String> adjust = new ArrayList<>(PLAN.covariates());
        adjust.removeAll(List.of("ica", "m1", "m2"));
        PatientData d = cohort.patients(PLAN.covariates());
        SubgroupSections.Grouping g = SubgroupSections.grouping(cohort, d, "occlusion_site", List.of());
        SubgroupInteraction.Result test = SubgroupInteraction.test(d, g.group(), 3, adjust,
                IpdAnalysis.po(StudyRun.request(PLAN, adjust, List.of()), Thresholds.STRATIFIED));
        assertThat(site.interaction().p()).isEqualTo(test.p());
        assertThat(site.interaction().df()).isEqualTo(2);
        StudyReport.SubgroupResult age = report.subgroups().get(1);
        assertThat(age.levels()).extracting(StudyReport.Level::name).containsExactly("< 80", "≥ 80");
        assertThat(age.levels().get(0).nEvt() + age.levels().get(1).nEvt()).isEqualTo(871);
    }

    @Test
    void m2_section_time_effect_and_grotta_counts() {
        assertThat(report.m2().analysis().data().size()).isEqualTo(134);
        assertThat(report.m2().subdivisions()).hasSize(3);
        assertThat(report.m2().analysis().request().covariates()).doesNotContain("ica", "m2");
        StudyReport.TimeEffect t = report.time();
        PatientData d = cohort.patients(PLAN.covariates());
        double[] time = d.covariate("onset_to_randomisation");
        double[] inter = new double[d.size()];
        for (int i = 0; i < inter.length; i++) {
            inter[i] = d.treatment()[i] * time[i];
        }
        ProportionalOddsFit f = ProportionalOdds.fit(d.withExtraCovariates(List.of("treatment:onset_to_randomisation"), new double[][] {inter}),
                PoOptions.defaults().withEmptyCategories(org.strokemeta.ordinal.EmptyCategories.DROP));
        double expected = -(f.coefficient("treatment") + f.coefficient("treatment:onset_to_randomisation") * 180);
        assertThat(t.logCor()[2]).isCloseTo(expected, within(1e-9));
        double[][] all = report.grotta().get(0).counts();
        assertThat(java.util.Arrays.stream(all[0]).sum()).isEqualTo(871);
        assertThat(java.util.Arrays.stream(all[1]).sum()).isEqualTo(893);
        assertThat(report.grotta().get(1).label()).isEqualTo("M2 occlusions");
        assertThat(report.simulated()).isTrue();
        assertThat(report.missingCovariates()).isEmpty();
    }

    @Test
    void report_is_a_serializable_value_whose_arrays_cannot_be_changed_from_outside() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(report);
        }
        Object copy;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        assertThat(copy).isEqualTo(report).isNotSameAs(report);
        assertThat(copy.hashCode()).isEqualTo(report.hashCode());
        report.baseline().get(0).evt()[0] = -1;
        report.grotta().get(0).counts()[0][0] = -1;
        report.time().logCor()[0] = -1;
        assertThat(report.baseline().get(0).evt()[0]).isEqualTo(871);
        assertThat(report.grotta().get(0).counts()[0][0]).isNotEqualTo(-1);
        assertThat(report.time().logCor()[0]).isNotEqualTo(-1);
        assertThat(copy).isEqualTo(report);
    }
}
