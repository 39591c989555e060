package org.strokemeta.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The evidence drafts of evidence/drafts (not yet bundled) are read strictly and pass every
 * consistency check: a draft that breaks the format or contradicts itself fails here.
 */
class EvidenceDraftsTest {
    @Test
    void every_draft_is_read_and_passes_the_checks() {
        List<TrialEvidence> drafts = EvidenceBase.read(Path.of("evidence/drafts"));
        assertThat(drafts).extracting(TrialEvidence::id).contains("distal", "escape-mevo", "hermes-m2", "mr-clean", "dawn", "basics");
        assertThat(drafts).hasSizeGreaterThanOrEqualTo(23);
        for (TrialEvidence t : drafts) {
            assertThat(EvidenceChecks.check(t)).as(t.id()).isEmpty();
            assertThat(t.values()).as(t.id()).isNotEmpty();
        }
        // the medium and distal vessel trials of 2025, with their published primary effects
        TrialEvidence distal = drafts.stream().filter(t -> t.id().equals("distal")).findFirst().orElseThrow();
        assertThat(distal.population()).isEqualTo(Population.MEVO);
        PublishedValue cor = distal.values("primary_effect").get(0);
        assertThat(List.of(cor.estimate(), cor.ciLower(), cor.ciUpper())).containsExactly(0.90, 0.67, 1.22);
        assertThat(cor.source().ref()).isEqualTo("doi:10.1056/NEJMoa2408954");
    }
}
