package org.strokemeta.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.Evidence;
import org.strokemeta.evidence.EvidenceRow;

/** {@code strokemeta evidence}: the bundled trials, filtered and exported with the source of every number. */
class EvidenceCommandTest {
    @Test
    void lists_the_trials_by_population_with_the_2025_medium_vessel_trials() {
        MainTest.Run r = MainTest.run("evidence");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Published evidence: 26 trials").contains("DISTAL").contains("ESCAPE-MeVO").contains("HERMES M2")
                .contains("0.9 [0.67, 1.22] common OR");
        MainTest.Run mevo = MainTest.run("evidence", "--population", "mevo", "--sources");
        assertThat(mevo.out()).contains("5 trials (mevo)").contains("doi:10.1056/NEJMoa2408954, abstract (primary)")
                .contains("missing: ").doesNotContain("MR CLEAN");
        assertThat(MainTest.run("evidence", "--population", "m2").out()).contains("HERMES M2").contains("DISTAL").doesNotContain("BASICS");
    }

    @Test
    void csv_and_json_hold_one_row_per_published_number_each_with_its_source_and_confidence() throws Exception {
        List<EvidenceRow> rows = Evidence.rows(Evidence.bundled(), null);
        String csv = MainTest.run("evidence", "--format", "csv").out();
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo(String.join(",", EvidenceRow.COLUMNS));
        assertThat(rows).allMatch(x -> x.source() != null && !x.source().isBlank() && x.confidence() != null);
        JsonNode json = new ObjectMapper().readTree(MainTest.run("evidence", "--format", "json").out());
        assertThat(json.path("schema").asText()).isEqualTo("strokemeta.evidence/1");
        assertThat(json.path("rows").size()).isEqualTo(rows.size());
        assertThat(json.path("trials").size()).isEqualTo(26);
        JsonNode first = json.path("rows").get(0);
        for (String c : EvidenceRow.COLUMNS) {
            assertThat(first.has(c)).as(c).isTrue();
        }
    }

    @Test
    void an_unknown_population_is_a_usage_error() {
        MainTest.Run r = MainTest.run("evidence", "--population", "distal");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("population must be one of lvo-early, late-window, large-core, basilar, mevo, not 'distal' (or m2)");
    }
}
