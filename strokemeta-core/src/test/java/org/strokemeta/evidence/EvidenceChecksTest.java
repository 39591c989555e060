package org.strokemeta.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.data.InputException;

/** Reading evidence files strictly, and the consistency checks of published numbers. */
class EvidenceChecksTest {
    /** A consistent trial: counts, percentages, the distribution, mortality and mRS 0-2 agree. */
    static final String GOOD = """
            {
              "id": "example",
              "trial": "EXAMPLE",
              "kind": "trial",
              "population": "mevo",
              "comparison": "EVT plus best medical treatment vs best medical treatment",
              "design": { "occlusion_sites": "M2-M3", "m2_included": "yes", "time_window": "24 h",
                          "sources": [ { "ref": "doi:10.0000/example", "where": "Methods" } ] },
              "publications": [ { "ref": "doi:10.0000/example", "pmid": "1", "citation": "A et al. 2025", "role": "primary" } ],
              "arms": [
                { "arm": "evt", "randomised": 100, "analysed": 98, "analysed_population": "ITT with a 90-day mRS",
                  "source": { "ref": "doi:10.0000/example", "where": "Figure 1" }, "confidence": "primary" },
                { "arm": "control", "randomised": 100, "analysed": 100, "analysed_population": "ITT with a 90-day mRS",
                  "source": { "ref": "doi:10.0000/example", "where": "Figure 1" }, "confidence": "primary" }
              ],
              "values": [
                { "outcome": "mrs_distribution", "arm": "evt", "population": "ITT with a 90-day mRS",
                  "mrs": [10, 20, 20, 15, 13, 5, 15], "unit": "count", "total": 98,
                  "source": { "ref": "doi:10.0000/example", "where": "Figure 2" }, "confidence": "primary" },
                { "outcome": "mrs_0_2", "arm": "evt", "population": "ITT with a 90-day mRS", "events": 50, "total": 98, "percent": 51.0,
                  "source": { "ref": "doi:10.0000/example", "where": "Table 2" }, "confidence": "primary" },
                { "outcome": "mortality", "arm": "evt", "population": "ITT with a 90-day mRS", "events": 15, "total": 98, "percent": 15.3,
                  "timepoint": "90 days", "source": { "ref": "doi:10.0000/example", "where": "Table 3" }, "confidence": "primary" },
                { "outcome": "mrs_distribution", "arm": "control", "population": "ITT with a 90-day mRS",
                  "mrs": [8.0, 16.0, 21.0, 17.0, 16.0, 8.0, 14.0], "unit": "percent", "total": 100,
                  "source": { "ref": "doi:10.0000/example", "where": "Figure 2" }, "confidence": "primary" },
                { "outcome": "primary_effect", "measure": "adjusted common OR", "adjusted": true, "estimate": 0.9,
                  "ci_lower": 0.67, "ci_upper": 1.22, "ci_level": 0.95, "p": "0.50", "population": "ITT",
                  "source": { "ref": "doi:10.0000/example", "where": "abstract" }, "confidence": "primary" },
                { "outcome": "sich", "arm": "evt", "events": 6, "total": 98, "percent": 6.1, "definition": "SITS-MOST within 24 h",
                  "population": "safety population", "source": { "ref": "doi:10.0000/example", "where": "Table 3" },
                  "confidence": "derived", "note": "events = 6.1% of 98, the only whole number that rounds to it" }
              ],
              "missing": [ "mRS 0-1: not reported" ]
            }
            """;

    @Test
    void a_consistent_trial_passes_every_check_and_reads_its_fields() {
        TrialEvidence t = EvidenceBase.parse("example.json", GOOD);
        assertThat(EvidenceChecks.check(t)).isEmpty();
        assertThat(t.population()).isEqualTo(Population.MEVO);
        assertThat(t.arms()).extracting(Arm::analysed).containsExactly(98, 100);
        assertThat(t.values("mrs_distribution")).hasSize(2);
        PublishedValue effect = t.values("primary_effect").get(0);
        assertThat(effect.ciUpper()).isEqualTo(1.22);
        assertThat(effect.confidence()).isEqualTo(Confidence.PRIMARY);
        assertThat(t.design().m2Included()).isEqualTo("yes");
        assertThat(t.missing()).containsExactly("mRS 0-1: not reported");
        assertThatThrownBy(() -> t.values().add(effect)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<String> problems(String from, String to) {
        assertThat(GOOD).contains(from);
        return EvidenceChecks.check(EvidenceBase.parse("example.json", GOOD.replace(from, to))).stream()
                .map(EvidenceChecks.Problem::toString).toList();
    }

    @Test
    void each_inconsistency_is_named_with_its_entry() {
        // a percentage the counts do not give (50 of 98 is 51.02%)
        assertThat(problems("\"percent\": 51.0", "\"percent\": 52.0")).containsExactly(
                "example, values[1]: 50 of 98 is 51.02%, not the published 52%");
        // cells that do not sum to the total, which also breaks mRS 0-2 and mortality against them
        assertThat(problems("[10, 20, 20, 15, 13, 5, 15]", "[10, 20, 20, 15, 13, 5, 16]")).containsExactly(
                "example, values[0]: the mRS cells sum to 99, not the total 98",
                "example, values[2]: mortality (15) is not the mRS 6 cell (16) of the distribution of the same arm and population");
        assertThat(problems("\"events\": 50", "\"events\": 49")).contains(
                "example, values[1]: mrs_0_2 (49) is not the mRS 0-2 cells (50) of the distribution of the same arm and population");
        // percentages that cannot round from 100
        assertThat(problems("[8.0, 16.0, 21.0, 17.0, 16.0, 8.0, 14.0]", "[8.0, 16.0, 21.0, 17.0, 16.0, 8.0, 19.0]")).containsExactly(
                "example, values[3]: the mRS percentages sum to 105, more than their rounding allows from 100");
        // more analysed than randomised; a distribution larger than its arm
        assertThat(problems("\"randomised\": 100, \"analysed\": 98", "\"randomised\": 97, \"analysed\": 98")).containsExactly(
                "example, arms[0]: more patients analysed (98) than randomised (97)",
                "example, values[0]: the distribution's total (98) exceeds the 97 randomised to the arm");
        // two entries for one arm
        assertThat(problems("{ \"arm\": \"control\", \"randomised\": 100", "{ \"arm\": \"evt\", \"randomised\": 100")).contains(
                "example, arms[1]: a second entry for the evt arm (the first is arms[0]): one entry per arm, other sources' counts in its note");
        // an estimate outside its interval; a ratio that is not positive
        assertThat(problems("\"estimate\": 0.9", "\"estimate\": 1.9")).containsExactly(
                "example, values[4]: the estimate 1.9 lies outside its interval [0.67, 1.22]");
        assertThat(problems("\"ci_lower\": 0.67", "\"ci_lower\": -0.67")).containsExactly(
                "example, values[4]: a ratio (adjusted common OR) must be positive, not -0.67");
        // no source, no confidence, a derived number without saying how
        assertThat(problems("\"where\": \"abstract\"", "\"where\": \"\"")).containsExactly(
                "example, values[4]: the number has no source (a reference and where in it)");
        assertThat(problems("\"confidence\": \"derived\", \"note\": \"events = 6.1% of 98, the only whole number that rounds to it\"",
                "\"confidence\": \"derived\"")).containsExactly("example, values[5]: a derived number must say in its note how it was derived");
        assertThat(problems("\"outcome\": \"sich\"", "\"outcome\": \"bleeding\"")).containsExactly("example, values[5]: unknown outcome 'bleeding'");
    }

    @Test
    void a_typing_error_is_an_error_with_the_file_the_line_and_the_field_never_a_dropped_value() {
        assertThatThrownBy(() -> EvidenceBase.parse("example.json", GOOD.replace("\"ci_upper\"", "\"ci_uper\"")))
                .isInstanceOf(InputException.class).hasMessageStartingWith("example.json, line 28, column values[4].ci_uper: unknown field 'ci_uper'");
        assertThatThrownBy(() -> EvidenceBase.parse("example.json", GOOD.replace("\"total\": 98,", "\"total\": \"98\",")))
                .isInstanceOf(InputException.class).hasMessageContaining("example.json, line ").hasMessageContaining("values[0].total");
        assertThatThrownBy(() -> EvidenceBase.parse("example.json", GOOD.replace("\"mevo\"", "\"distal\"")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("population must be one of lvo-early, late-window, large-core, basilar, mevo, not 'distal'");
        assertThatThrownBy(() -> EvidenceBase.parse("other.json", GOOD))
                .isInstanceOf(InputException.class).hasMessage("other.json: the id 'example' is not the file's name without .json");
        assertThatThrownBy(() -> EvidenceBase.parse("example.json", GOOD.substring(0, 200)))
                .isInstanceOf(InputException.class).hasMessageStartingWith("example.json, line ").hasMessageContaining("not valid JSON");
    }

    @Test
    void a_folder_is_read_in_the_order_of_its_files(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("example.json"), GOOD);
        Files.writeString(dir.resolve("another.json"), GOOD.replace("\"id\": \"example\"", "\"id\": \"another\""));
        Files.writeString(dir.resolve("README.md"), "not evidence");
        assertThat(EvidenceBase.read(dir)).extracting(TrialEvidence::id).containsExactly("another", "example");
        assertThatThrownBy(() -> EvidenceBase.read(dir.resolve("none"))).isInstanceOf(InputException.class);
    }

    @Test
    void half_a_unit_of_the_printed_decimals() {
        assertThat(EvidenceChecks.halfUnit(53)).isEqualTo(0.5);
        assertThat(EvidenceChecks.halfUnit(53.1)).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(EvidenceChecks.halfUnit(15.35)).isEqualTo(0.005, org.assertj.core.api.Assertions.within(1e-15));
    }
}
