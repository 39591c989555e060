package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference values from strokemeta-core/src/test/r/published_reference.R (R 4.2.2, ordinal 2022.11.16, metafor 3.8.1). */
class PublishedEvidenceTest {
    private static final Map<String, double[]> R = Map.of(
            "MR CLEAN", new double[] {0.508185047019638, 0.160690251985831},
            "ESCAPE", new double[] {0.991198062356414, 0.206606969337622},
            "REVASCAT", new double[] {0.453104853872821, 0.247327650383},
            "SWIFT PRIME", new double[] {0.938003623021564, 0.262003351802307},
            "EXTEND-IA", new double[] {1.16906299492884, 0.443523645641434},
            "THRACE", new double[] {0.332289902586686, 0.176040317129246},
            "PISTE", new double[] {0.426937313622273, 0.447870023482557});

    @Test
    void computed_trial_and_pooled_common_odds_ratios_match_clm_and_rma() {
        List<PublishedEvidence.Comparison> c = PublishedEvidence.reproduce();
        assertThat(c).hasSize(9);
        for (PublishedEvidence.Comparison x : c.subList(0, 7)) {
            double[] r = R.get(x.label());
            assertThat(x.computed().logCor()).as(x.label()).isCloseTo(r[0], within(1e-6 * Math.abs(r[0])));
            assertThat(x.computed().se()).as(x.label()).isCloseTo(r[1], within(1e-6 * r[1]));
        }
        assertThat(c.get(7).computed().logCor()).isCloseTo(0.743454800638198, within(1e-6));
        assertThat(c.get(7).computed().se()).isCloseTo(0.136033102503044, within(1e-6));
        assertThat(c.get(8).computed().logCor()).isCloseTo(0.642477420661912, within(1e-6));
    }

    @Test
    void published_estimates_carry_their_sources_and_explanations_name_the_differences() {
        List<PublishedEvidence.Comparison> c = PublishedEvidence.reproduce();
        PublishedEvidence.Comparison hermes = c.get(7);
        assertThat(hermes.published().estimate()).isEqualTo(2.49);
        assertThat(hermes.published().adjusted()).isTrue();
        assertThat(hermes.explanation()).contains("adjusted for age");
        assertThat(c.get(1).explanation()).contains("secondary transcription");
        for (PublishedEvidence.Published p : PublishedEvidence.effects()) {
            assertThat(p.source()).as(p.analysis() + " " + p.outcome()).isNotBlank();
        }
        assertThat(PublishedEvidence.distributions().size()).isEqualTo(7);
    }
}
