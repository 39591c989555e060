package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;

/**
 * The HERMES trials of the evidence base: reference values from
 * strokemeta-core/src/test/r/published_analysis_reference.R (R 4.2.2, ordinal 2022.11.16, metafor 3.8.1).
 */
class PublishedEvidenceTest {
    private static final Map<String, double[]> R = Map.of(
            "EXTEND-IA", new double[] {1.16906299492884, 0.443523645641434},
            "MR CLEAN", new double[] {0.508185047019638, 0.160690251985831},
            "PISTE", new double[] {0.426937313622273, 0.447870023482557},
            "REVASCAT", new double[] {0.453104853872821, 0.247327650383},
            "SWIFT PRIME", new double[] {0.938003623021564, 0.262003351802307},
            "THRACE", new double[] {0.332289902586686, 0.176040317129246});

    @Test
    void computed_trial_and_pooled_common_odds_ratios_match_clm_and_rma() {
        List<PublishedEvidence.Comparison> c = PublishedEvidence.reproduce();
        assertThat(c).hasSize(8);
        for (PublishedEvidence.Comparison x : c.subList(0, 6)) {
            double[] r = R.get(x.label());
            assertThat(x.computed().logCor()).as(x.label()).isCloseTo(r[0], within(1e-6 * Math.abs(r[0])));
            assertThat(x.computed().se()).as(x.label()).isCloseTo(r[1], within(1e-6 * r[1]));
        }
        assertThat(c.get(6).label()).isEqualTo("HERMES trials, 4 of 5 (two-stage, REML)");
        assertThat(c.get(6).computed().logCor()).isCloseTo(0.64462561805787, within(1e-6));
        assertThat(c.get(6).computed().se()).isCloseTo(0.13337081449858, within(1e-6));
        assertThat(c.get(7).computed().logCor()).isCloseTo(0.53772675888362, within(1e-6));
        assertThat(c.get(7).computed().se()).isCloseTo(0.0998802136362247, within(1e-6));
    }

    @Test
    void published_estimates_carry_their_sources_and_explanations_name_the_differences() {
        List<PublishedEvidence.Comparison> c = PublishedEvidence.reproduce();
        PublishedEvidence.Comparison mrClean = c.stream().filter(x -> x.label().equals("MR CLEAN")).findFirst().orElseThrow();
        assertThat(mrClean.published().estimate()).isEqualTo(1.67);
        assertThat(mrClean.published().adjusted()).isTrue();
        assertThat(mrClean.explanation()).contains("adjusted for baseline").contains("secondary source");
        assertThat(c.get(6).explanation()).contains("adjusted for age").contains("without ESCAPE")
                .contains("the HERMES common odds ratio was not found in a source read");
        for (PublishedEvidence.Published p : PublishedEvidence.effects()) {
            assertThat(p.source()).as(p.analysis() + " " + p.outcome()).isNotBlank();
        }
        assertThat(PublishedEvidence.distributions().size()).isEqualTo(6);
        String csv = PublishedEvidence.distributionsCsv(EvidenceBase.bundled(), Population.BASILAR);
        assertThat(csv.lines()).hasSize(5).first().isEqualTo("study,arm,mrs0,mrs1,mrs2,mrs3,mrs4,mrs5,mrs6,source,confidence");
    }
}
