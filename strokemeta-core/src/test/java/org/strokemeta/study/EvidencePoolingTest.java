package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.effect.Measure;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.pool.PooledEstimate;

/**
 * Pooling a published binary outcome over a population's trials: the counts chosen per arm, the trials
 * left out with their reason, and the pooled estimate equal to metafor's on the same counts
 * (src/test/r/evidence_pooling_reference.R).
 */
class EvidencePoolingTest {
    private static String trial(String id, Population p, String values) {
        return """
                {"id": "%s", "trial": "%s", "kind": "trial", "population": "%s", "comparison": "EVT vs control",
                 "publications": [{"ref": "doi:10.0/%s", "citation": "x", "role": "primary"}],
                 "arms": [], "values": [%s], "missing": []}
                """.formatted(id, id.toUpperCase(), p.label(), id, values);
    }

    private static String count(String outcome, String arm, int events, int total, String confidence) {
        String note = confidence.equals("derived") ? ", \"note\": \"from the percentage and the arm size\"" : "";
        return """
                {"outcome": "%s", "arm": "%s", "events": %d, "total": %d, "population": "ITT",
                 "source": {"ref": "doi:10.0/x", "where": "Table 2"}, "confidence": "%s"%s}""".formatted(outcome, arm, events, total, confidence, note);
    }

    @Test
    void the_best_known_counts_enter_and_a_trial_without_counts_is_named_with_its_reason() {
        Population p = Population.MEVO;
        List<TrialEvidence> trials = List.of(
                EvidenceBase.parse("a.json", trial("a", p, String.join(",",
                        count("mrs_0_2", "evt", 49, 98, "secondary"), count("mrs_0_2", "evt", 50, 98, "primary"),
                        count("mrs_0_2", "control", 30, 100, "derived")))),
                EvidenceBase.parse("b.json", trial("b", p, String.join(",",
                        count("mrs_0_2", "evt", 40, 120, "secondary"), count("mrs_0_2", "control", 25, 118, "secondary")))),
                EvidenceBase.parse("c.json", trial("c", p, String.join(",",
                        count("mrs_0_2", "evt", 12, 60, "primary"), count("mrs_0_2", "control", 10, 61, "primary")))),
                EvidenceBase.parse("d.json", trial("d", p, """
                        {"outcome": "mrs_0_2", "arm": "evt", "percent": 41.0, "population": "ITT",
                         "source": {"ref": "doi:10.0/d", "where": "abstract"}, "confidence": "primary"}""")),
                EvidenceBase.parse("e.json", trial("e", Population.BASILAR, count("mrs_0_2", "evt", 1, 10, "primary"))));
        EvidencePooling.Pooled r = EvidencePooling.pool(trials, p, "mrs_0_2", MetaRequest.defaults().withMeasure(Measure.RR));
        assertThat(r.used()).extracting(EvidencePooling.Used::trial).containsExactly("A", "B", "C");
        // trial A: the primary count of the thrombectomy arm, not the secondary one before it
        assertThat(r.used().get(0).evt().events()).isEqualTo(50.0);
        assertThat(r.excluded()).containsExactly(new EvidencePooling.Excluded("D",
                "no count with its denominator for either arm (a percentage alone does not give one)"));
        PooledEstimate e = r.result().result().pooled();
        // metafor: rma(escalc("RR", 50/98 vs 30/100, 40/120 vs 25/118, 12/60 vs 10/61), method = "REML")
        assertThat(e.estimate()).isCloseTo(0.464601054618145, within(1e-6 * 0.4646));
        assertThat(e.se()).isCloseTo(0.131773416198218, within(1e-6 * 0.1318));
        assertThat(e.ciLower()).isCloseTo(0.206329904749831, within(1e-6 * 0.2063));
        assertThat(e.ciUpper()).isCloseTo(0.72287220448646, within(1e-6 * 0.7229));
    }

    @Test
    void the_bundled_medium_vessel_trials_publish_no_mortality_counts_and_say_so() {
        EvidencePooling.Pooled r = EvidencePooling.pool(EvidenceBase.bundled(), Population.MEVO, "mortality",
                MetaRequest.defaults().withMeasure(Measure.RR));
        assertThat(r.result()).isNull();
        assertThat(r.excluded()).extracting(EvidencePooling.Excluded::trial).containsExactly("DISCOUNT", "DISTAL", "DISTALS", "ESCAPE-MeVO",
                "ORIENTAL-MeVO");
        assertThat(r.excluded()).filteredOn(x -> !x.trial().equals("DISCOUNT") && !x.trial().equals("ORIENTAL-MeVO"))
                .allMatch(x -> x.reason().contains("a percentage alone does not give one"));
        assertThat(r.excluded()).filteredOn(x -> x.trial().equals("DISCOUNT") || x.trial().equals("ORIENTAL-MeVO"))
                .allMatch(x -> x.reason().equals("no published mortality"));
    }

    private static String percent(String arm, double pct, Integer total, String confidence) {
        return """
                {"outcome": "sich", "arm": "%s", "percent": %s, %s"population": "ITT",
                 "source": {"ref": "doi:10.0/p", "where": "abstract"}, "confidence": "%s"}""".formatted(arm, pct,
                total == null ? "" : "\"total\": " + total + ", ", confidence);
    }

    @Test
    void a_count_contradicting_a_better_known_percentage_is_not_used_and_a_unique_count_is_derived_from_a_percentage() {
        Population p = Population.BASILAR;
        // f: the secondary count 9/100 contradicts the primary 8.0%; the control arm's 2.7% of 150 can only be 4/150
        TrialEvidence f = EvidenceBase.parse("f.json", trial("f", p, String.join(",", count("sich", "evt", 9, 100, "secondary"),
                percent("evt", 8.0, null, "primary"), percent("control", 2.7, 150, "primary"))));
        EvidencePooling.Choice e = EvidencePooling.choose(f, "sich", "evt");
        assertThat(e.value()).isNull();
        assertThat(e.reason()).isEqualTo("the count found contradicts a better-known published percentage: 9/100 (secondary) does not give the primary 8%");
        PublishedValueAssert.derived(EvidencePooling.choose(f, "sich", "control").value(), 4, 150);
        // 3% of 100 could be 3 only; 3% of 250 could be 7 or 8 (2.8%, 3.2% round to 3): no count is derived
        TrialEvidence g = EvidenceBase.parse("g.json", trial("g", p, String.join(",", percent("evt", 3, 100, "secondary"),
                percent("control", 3, 250, "secondary"))));
        PublishedValueAssert.derived(EvidencePooling.choose(g, "sich", "evt").value(), 3, 100);
        assertThat(EvidencePooling.choose(g, "sich", "control").value()).isNull();
        EvidencePooling.Pooled r = EvidencePooling.pool(List.of(f, g), p, "sich", MetaRequest.defaults().withMeasure(Measure.RR));
        assertThat(r.used()).isEmpty();
        assertThat(r.excluded()).extracting(EvidencePooling.Excluded::reason).containsExactly(
                "thrombectomy arm: the count found contradicts a better-known published percentage: 9/100 (secondary) does not give the primary 8%",
                "no count with its denominator for the control arm (a percentage alone does not give one)");
    }

    /** Checks a count derived from a percentage. */
    private static final class PublishedValueAssert {
        static void derived(org.strokemeta.evidence.PublishedValue v, int events, int total) {
            assertThat(v).isNotNull();
            assertThat(v.events()).isEqualTo((double) events);
            assertThat(v.total()).isEqualTo((double) total);
            assertThat(v.confidence()).isEqualTo(org.strokemeta.evidence.Confidence.DERIVED);
            assertThat(v.note()).startsWith("events " + events + " derived: the only count of " + total + " that gives the published");
        }
    }
}
