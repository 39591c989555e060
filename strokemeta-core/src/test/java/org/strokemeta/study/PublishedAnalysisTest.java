package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.pool.MetaResult;

/**
 * The analysis of the published evidence: on the bundled base, every pooled figure equals metafor's and
 * ordinal's on the same published numbers (src/test/r/published_analysis_reference.R), the per-trial
 * common odds ratios of the HERMES trials equal the existing per-trial computations (those of
 * {@link PublishedEvidenceTest}), and every trial is either pooled or named with its reason; on small
 * constructed bases, each GRADE rule lowers the certainty as printed.
 */
class PublishedAnalysisTest {
    private static final double TOL = 1e-6;

    private static PublishedAnalysis.Result bundled() {
        return PublishedAnalysis.run(EvidenceBase.bundled(), PublishedRequest.defaults());
    }

    private static MetaResult re(PublishedAnalysis.Result r, String outcome, Population p) {
        return r.outcome(outcome).of(p).randomEffects();
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(TOL * Math.max(1e-3, Math.abs(expected))));
    }

    @Test
    void pooled_published_common_odds_ratios_equal_metafor_and_the_test_between_populations() {
        PublishedAnalysis.Result r = bundled();
        PublishedAnalysis.OutcomeAnalysis shift = r.outcome(PublishedAnalysis.SHIFT);
        assertThat(shift.used().stream().filter(u -> u.population() == Population.LVO_EARLY).map(PublishedAnalysis.Entry::trial))
                .containsExactly("ESCAPE", "MR CLEAN", "REVASCAT");
        MetaResult lvo = re(r, PublishedAnalysis.SHIFT, Population.LVO_EARLY);
        close(lvo.pooled().estimate(), 0.66191307124171);
        close(lvo.pooled().se(), 0.14792801458778);
        close(lvo.heterogeneity().tau2(), 0.0248692179710894);
        close(re(r, PublishedAnalysis.SHIFT, Population.LARGE_CORE).pooled().estimate(), 0.917643618472958);
        close(re(r, PublishedAnalysis.SHIFT, Population.LARGE_CORE).pooled().se(), 0.176866243278485);
        close(shift.byPopulation().between().statistic(), 26.1105486334947);
        close(shift.byPopulation().between().p(), 9.04237719297867e-06);
        // a generalized odds ratio is not pooled with common odds ratios
        assertThat(shift.excluded()).anySatisfy(x -> {
            assertThat(x.trial()).isEqualTo("SELECT2");
            assertThat(x.reason()).contains("generalized odds ratio");
        });
    }

    @Test
    void the_two_stage_shift_reproduces_the_existing_per_trial_computations_of_the_hermes_trials() {
        PublishedAnalysis.Result r = bundled();
        // ordinal::clm on each trial's distribution, as in PublishedEvidenceTest
        Map<String, double[]> clm = Map.of(
                "EXTEND-IA", new double[] {1.16906299492884, 0.443523645641434},
                "MR CLEAN", new double[] {0.508185047019638, 0.160690251985831},
                "PISTE", new double[] {0.426937313622273, 0.447870023482557},
                "REVASCAT", new double[] {0.453104853872821, 0.247327650383},
                "SWIFT PRIME", new double[] {0.938003623021564, 0.262003351802307},
                "THRACE", new double[] {0.332289902586686, 0.176040317129246});
        MetaResult lvo = re(r, PublishedAnalysis.SHIFT_TWO_STAGE, Population.LVO_EARLY);
        assertThat(lvo.k()).isEqualTo(6);
        for (int i = 0; i < lvo.k(); i++) {
            double[] x = clm.get(lvo.effects().study(i));
            close(lvo.effects().yi(i), x[0]);
            close(Math.sqrt(lvo.effects().vi(i)), x[1]);
        }
        close(lvo.pooled().estimate(), 0.53772675888362);
        close(lvo.pooled().se(), 0.0998802136362247);
        // ESCAPE has no distribution that agrees with its paper: left out, with the reason
        assertThat(r.outcome(PublishedAnalysis.SHIFT_TWO_STAGE).excluded()).contains(
                new PublishedAnalysis.Excluded("ESCAPE", Population.LVO_EARLY, "no published mRS distribution"));
        assertThat(r.distributions()).extracting(PublishedAnalysis.Distributions::population)
                .containsExactly(Population.LVO_EARLY, Population.LATE_WINDOW, Population.LARGE_CORE, Population.BASILAR);
    }

    @Test
    void binary_outcomes_equal_metafor_with_mantel_haenszel_and_peto_beside_random_effects() {
        PublishedAnalysis.Result r = bundled();
        PublishedAnalysis.PopulationResult m02 = r.outcome("mrs_0_2").of(Population.LVO_EARLY);
        close(m02.randomEffects().pooled().estimate(), 0.406075401281043);
        close(m02.randomEffects().pooled().se(), 0.0777473788161509);
        close(m02.mantelHaenszel().pooled().estimate(), 0.402525973742883);
        close(m02.mantelHaenszel().pooled().se(), 0.0672059750473046);
        // ESCAPE's only counts (a secondary data file) contradict its published percentages: not used, and said so
        assertThat(r.outcome("mrs_0_2").excluded()).anySatisfy(x -> {
            assertThat(x.trial()).isEqualTo("ESCAPE");
            assertThat(x.reason()).contains("89/164 (secondary) does not give the primary 53%");
        });
        PublishedAnalysis.PopulationResult sich = r.outcome("sich").of(Population.LVO_EARLY);
        assertThat(sich.trials()).isEqualTo(4);
        close(sich.randomEffects().pooled().estimate(), 0.101254018702215);
        close(sich.randomEffects().pooled().se(), 0.300099285884899);
        close(sich.mantelHaenszel().pooled().estimate(), 0.067230922396636);
        close(sich.mantelHaenszel().pooled().se(), 0.301607378680197);
        close(sich.peto().pooled().estimate(), 0.0719182716833386);
        close(sich.peto().pooled().se(), 0.322845751483917);
        PublishedAnalysis.PopulationResult basilar = r.outcome("sich").of(Population.BASILAR);
        close(basilar.mantelHaenszel().pooled().estimate(), 2.67238212072246);
        close(basilar.mantelHaenszel().pooled().se(), 1.10411160575835);
        close(basilar.peto().pooled().estimate(), 1.52371593087221);
        close(basilar.peto().pooled().se(), 0.469350651675914);
    }

    @Test
    void every_trial_is_pooled_or_named_with_its_reason_and_pooled_analyses_never_enter() {
        PublishedAnalysis.Result r = bundled();
        Set<String> trials = new HashSet<>();
        for (TrialEvidence t : r.evidence()) {
            if ("trial".equals(t.kind())) {
                trials.add(t.trial());
            }
        }
        assertThat(trials).hasSize(24);
        for (PublishedAnalysis.OutcomeAnalysis o : r.outcomes()) {
            List<String> seen = new ArrayList<>();
            o.used().forEach(u -> seen.add(u.trial()));
            o.excluded().forEach(x -> {
                seen.add(x.trial());
                assertThat(x.reason()).isNotBlank();
            });
            assertThat(seen).as(o.outcome()).containsExactlyInAnyOrderElementsOf(trials);
        }
    }

    @Test
    void the_summary_of_findings_applies_the_control_risk_and_the_optimal_information_size() {
        PublishedAnalysis.Result r = bundled();
        SummaryOfFindings.Row row = r.findings().rows().stream()
                .filter(x -> x.population() == Population.LVO_EARLY && x.outcome().equals("mrs_0_2")).findFirst().orElseThrow();
        double p0 = 0.306849315068493;
        close(row.controlPer1000(), 1000 * p0);
        close(row.evtPer1000(), 1000 * p0 * Math.exp(0.406075401281043));
        close(row.differencePer1000(), 1000 * p0 * (Math.exp(0.406075401281043) - 1));
        assertThat(row.ois()).isEqualTo(1200);
        assertThat(row.participants()).isEqualTo(35 + 35 + 233 + 267 + 33 + 30 + 103 + 103 + 98 + 93 + 200 + 202);
        assertThat(row.certainty()).isEqualTo(SummaryOfFindings.Certainty.HIGH);
        // no published risk-of-bias judgment is bundled: every row says so
        assertThat(row.provisional()).isTrue();
        assertThat(row.domains().get(0).judgment()).isEqualTo("not assessed");
        assertThat(r.findings().rules()).isEqualTo(SummaryOfFindings.RULES);
        // an outcome no trial of the population reports with counts: a row that says so, with the reasons
        SummaryOfFindings.Row none = r.findings().rows().stream()
                .filter(x -> x.population() == Population.MEVO && x.outcome().equals("mortality")).findFirst().orElseThrow();
        assertThat(none.certainty()).isNull();
        assertThat(none.note()).contains("DISTAL").contains("ESCAPE-MeVO");
    }

    @Test
    void optimal_information_size_matches_the_normal_approximation() {
        // R: 2 * ceiling((qnorm(0.975) + qnorm(0.8))^2 * (0.2 * 0.8 + 0.15 * 0.85) / 0.05^2) = 1806
        assertThat(SummaryOfFindings.optimalInformationSize(0.2, 0.15, 0.05, 0.8)).isEqualTo(1806);
        assertThat(SummaryOfFindings.optimalInformationSize(0.2, 0.2, 0.05, 0.8)).isNaN();
    }

    private static String trial(String id, Population p, int... counts) {
        StringBuilder v = new StringBuilder();
        for (String arm : List.of("evt", "control")) {
            int k = arm.equals("evt") ? 0 : 2;
            if (v.length() > 0) {
                v.append(',');
            }
            v.append("""
                    {"outcome": "mortality", "arm": "%s", "events": %d, "total": %d, "population": "ITT",
                     "source": {"ref": "doi:10.0/x", "where": "Table 2"}, "confidence": "primary"}""".formatted(arm, counts[k], counts[k + 1]));
        }
        return """
                {"id": "%s", "trial": "%s", "kind": "trial", "population": "%s", "comparison": "EVT vs control",
                 "publications": [{"ref": "doi:10.0/%s", "citation": "x", "role": "primary"}],
                 "arms": [], "values": [%s], "missing": []}
                """.formatted(id, id.toUpperCase(), p.label(), id, v);
    }

    private static SummaryOfFindings.Row mortality(List<TrialEvidence> ev, GradeJudgments j) {
        PublishedAnalysis.Result r = PublishedAnalysis.run(ev, PublishedRequest.defaults().withJudgments(j));
        return r.findings().rows().stream().filter(x -> x.outcome().equals("mortality")).findFirst().orElseThrow();
    }

    private static GradeJudgments judgments(String csv) {
        return GradeJudgments.read("judgments.csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void risk_of_bias_and_indirectness_judgments_lower_the_certainty_by_the_printed_rules() {
        Population p = Population.BASILAR;
        // two large consistent trials with a clear effect on mortality: high certainty when both are at low risk
        List<TrialEvidence> ev = List.of(EvidenceBase.parse("a.json", trial("a", p, 100, 1000, 200, 1000)),
                EvidenceBase.parse("b.json", trial("b", p, 110, 1000, 210, 1000)));
        String low = "scope,outcome,domain,judgment,reason,source\nA,,risk_of_bias,low,,\nB,all,risk_of_bias,low,,\n";
        SummaryOfFindings.Row high = mortality(ev, judgments(low));
        assertThat(high.certainty()).isEqualTo(SummaryOfFindings.Certainty.HIGH);
        assertThat(high.provisional()).isFalse();
        assertThat(high.domains()).allMatch(d -> d.downgrade() == 0);
        // both at high risk: all of the weight -> very serious, two levels
        SummaryOfFindings.Row rob = mortality(ev, judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,high\nB,mortality,risk_of_bias,high\n"));
        assertThat(rob.certainty()).isEqualTo(SummaryOfFindings.Certainty.LOW);
        assertThat(rob.domains().get(0).judgment()).isEqualTo("very serious");
        assertThat(rob.domains().get(0).reason()).contains("weight at high risk 100%");
        // the larger trial with some concerns (about two thirds of the weight) -> serious; the smaller one alone -> not serious
        List<TrialEvidence> unequal = List.of(EvidenceBase.parse("a.json", trial("a", p, 100, 1000, 200, 1000)),
                EvidenceBase.parse("b.json", trial("b", p, 220, 2000, 420, 2000)));
        SummaryOfFindings.Row some = mortality(unequal, judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,low\nB,,risk_of_bias,some concerns\n"));
        assertThat(some.domains().get(0).judgment()).isEqualTo("serious");
        assertThat(some.certainty()).isEqualTo(SummaryOfFindings.Certainty.MODERATE);
        SummaryOfFindings.Row minor = mortality(unequal, judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,some_concerns\nB,,risk_of_bias,low\n"));
        assertThat(minor.domains().get(0).judgment()).isEqualTo("not serious");
        // an outcome-specific judgment wins over the one for all outcomes
        SummaryOfFindings.Row specific = mortality(ev, judgments(
                "scope,outcome,domain,judgment\nA,all,risk_of_bias,high\nA,mortality,risk_of_bias,low\nB,,risk_of_bias,low\n"));
        assertThat(specific.domains().get(0).downgrade()).isZero();
        // indirectness: the panel's judgment for the population
        SummaryOfFindings.Row ind = mortality(ev, judgments(low + "basilar,mortality,indirectness,serious,older patients than the panel's,\n"));
        assertThat(ind.certainty()).isEqualTo(SummaryOfFindings.Certainty.MODERATE);
        assertThat(ind.domains().get(2).reason()).contains("older patients than the panel's").contains("judgments.csv, line 4");
        // a trial without a judgment: provisional
        SummaryOfFindings.Row half = mortality(ev, judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,low\n"));
        assertThat(half.provisional()).isTrue();
        assertThat(half.domains().get(0).reason()).contains("not assessed: B");
    }

    @Test
    void inconsistency_imprecision_and_publication_bias_follow_the_rules() {
        Population p = Population.MEVO;
        // opposite directions with high heterogeneity: very serious inconsistency
        List<TrialEvidence> opposite = List.of(EvidenceBase.parse("a.json", trial("a", p, 100, 1000, 200, 1000)),
                EvidenceBase.parse("b.json", trial("b", p, 200, 1000, 100, 1000)));
        SummaryOfFindings.Row o = mortality(opposite, GradeJudgments.none());
        assertThat(o.domains().get(1).judgment()).isEqualTo("very serious");
        assertThat(o.domains().get(1).reason()).contains("on both sides of no effect");
        // one small trial: imprecision by the optimal information size, inconsistency not applicable
        SummaryOfFindings.Row small = mortality(List.of(EvidenceBase.parse("c.json", trial("c", p, 10, 100, 20, 100))), GradeJudgments.none());
        assertThat(small.domains().get(1).judgment()).isEqualTo("not applicable");
        // its interval includes no effect and it falls short of the optimal information size: two levels
        assertThat(small.domains().get(3).judgment()).isEqualTo("very serious");
        assertThat(small.domains().get(3).reason()).contains("includes no effect").contains("200 participants against an OIS of");
        // a clear effect in too few patients: one level
        SummaryOfFindings.Row clear = mortality(List.of(EvidenceBase.parse("d.json", trial("d", p, 10, 300, 40, 300))), GradeJudgments.none());
        assertThat(clear.domains().get(3).judgment()).isEqualTo("serious");
        assertThat(clear.domains().get(3).reason()).contains("excludes no effect").contains("600 participants against an OIS of");
        assertThat(small.domains().get(4).judgment()).isEqualTo("not assessed");
        // ten trials: the small-study test is run
        List<TrialEvidence> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            int n = 100 + 60 * i;
            ten.add(EvidenceBase.parse("t" + i + ".json", trial("t" + i, p, n / 10 - (i < 5 ? 3 : 0), n, n / 5, n)));
        }
        SummaryOfFindings.Row many = mortality(ten, GradeJudgments.none());
        assertThat(many.trials()).isEqualTo(10);
        assertThat(many.domains().get(4).reason()).startsWith("Egger's test p = ");
    }

    @Test
    void judgments_are_checked_against_the_file_and_the_evidence() {
        assertThatThrownBy(() -> judgments("scope,outcome,domain,judgment\nA,,bias,low\n")).isInstanceOf(InputException.class)
                .hasMessageContaining("judgments.csv").hasMessageContaining("line 2").hasMessageContaining("unknown domain 'bias'");
        assertThatThrownBy(() -> judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,moderate\n"))
                .hasMessageContaining("expected low, some_concerns or high");
        assertThatThrownBy(() -> judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,low\nA,all,risk_of_bias,high\n"))
                .hasMessageContaining("line 3").hasMessageContaining("the first is on line 2");
        assertThatThrownBy(() -> judgments("scope,domain,judgment\nA,risk_of_bias,low\n")).hasMessageContaining("the column outcome is missing");
        GradeJudgments unknown = judgments("scope,outcome,domain,judgment\nMR CLEEN,,risk_of_bias,low\n");
        assertThatThrownBy(() -> PublishedAnalysis.run(EvidenceBase.bundled(), PublishedRequest.defaults().withJudgments(unknown)))
                .isInstanceOf(InputException.class).hasMessageContaining("judgments.csv").hasMessageContaining("line 2")
                .hasMessageContaining("no trial named 'MR CLEEN'");
        // a user's judgment replaces the bundled one of the same scope, outcome and domain
        GradeJudgments a = judgments("scope,outcome,domain,judgment\nA,,risk_of_bias,high\nB,,risk_of_bias,low\n");
        GradeJudgments b = GradeJudgments.read("user.csv", "scope,outcome,domain,judgment\na,all,risk_of_bias,low\n".getBytes(StandardCharsets.UTF_8));
        GradeJudgments both = a.withOverrides(b);
        assertThat(both.find("risk_of_bias", "A", "sich").file()).isEqualTo("user.csv");
        assertThat(both.judgments()).hasSize(2);
    }

    @Test
    void every_published_effect_the_published_numbers_can_give_is_reproduced_inside_its_interval() {
        PublishedAnalysis.Result r = bundled();
        assertThat(r.reproductions()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(r.reproductions()).allSatisfy(x -> assertThat(x.agrees()).as(x.trial() + " " + x.published().measure() + ": " + x.computed()).isTrue());
        // DEFUSE 3's unadjusted common odds ratio, 2.77 (1.63 to 4.70), from its distribution
        PublishedAnalysis.Reproduction d3 = r.reproductions().stream()
                .filter(x -> x.trial().equals("DEFUSE 3") && x.published().outcome().equals("primary_effect")).findFirst().orElseThrow();
        assertThat(d3.computed()).isCloseTo(2.77, within(0.005));
        // a risk ratio from the counts: 41/92 against 15/90
        PublishedAnalysis.Reproduction rr = r.reproductions().stream()
                .filter(x -> x.trial().equals("DEFUSE 3") && "mrs_0_2".equals(x.published().of())).findFirst().orElseThrow();
        close(rr.computed(), (41.0 / 92) / (15.0 / 90));
    }
}
