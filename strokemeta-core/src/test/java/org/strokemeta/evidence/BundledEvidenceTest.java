package org.strokemeta.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bundled evidence base is read strictly and passes every consistency check: a file that breaks
 * the format or contradicts itself fails here; and the index lists every file of the folder.
 */
class BundledEvidenceTest {
    private static final Path FOLDER = Path.of("strokemeta-core/src/main/resources/org/strokemeta/evidence/trials");

    @Test
    void the_index_lists_every_file_and_the_folder_reads_the_same() {
        assertThat(EvidenceBase.bundled()).isEqualTo(EvidenceBase.read(FOLDER));
    }

    @Test
    void every_trial_is_read_and_passes_the_checks() {
        List<TrialEvidence> drafts = EvidenceBase.bundled();
        assertThat(drafts).extracting(TrialEvidence::id).contains("distal", "escape-mevo", "hermes-m2", "mr-clean", "dawn", "basics");
        assertThat(drafts).hasSizeGreaterThanOrEqualTo(26);
        assertThat(drafts).filteredOn(t -> t.population() == Population.MEVO).extracting(TrialEvidence::trial)
                .containsExactly("DISCOUNT", "DISTAL", "DISTALS", "ESCAPE-MeVO", "ORIENTAL-MeVO");
        for (TrialEvidence t : drafts) {
            assertThat(EvidenceChecks.check(t)).as(t.id()).isEmpty();
            // a trial whose results were reported but whose numbers no source read gives (DISCOUNT) says what was looked for
            assertThat(t.values().isEmpty() ? t.missing() : t.values()).as(t.id()).isNotEmpty();
        }
        // the medium and distal vessel trials of 2025, with their published primary effects
        TrialEvidence distal = drafts.stream().filter(t -> t.id().equals("distal")).findFirst().orElseThrow();
        assertThat(distal.population()).isEqualTo(Population.MEVO);
        PublishedValue cor = distal.values("primary_effect").get(0);
        assertThat(List.of(cor.estimate(), cor.ciLower(), cor.ciUpper())).containsExactly(0.90, 0.67, 1.22);
        assertThat(cor.source().ref()).isEqualTo("doi:10.1056/NEJMoa2408954");
    }
}
