package org.strokemeta;

import java.nio.file.Path;
import java.util.List;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.EvidenceChecks;
import org.strokemeta.evidence.EvidenceRow;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.study.PublishedAnalysis;
import org.strokemeta.study.PublishedRequest;

/**
 * Published evidence: the bundled results of the randomised trials of thrombectomy against medical
 * management (every number with its source, population and confidence), evidence files of one's own,
 * their consistency checks and their flat export rows.
 */
public final class Evidence {
    private Evidence() {
    }

    /**
     * The bundled evidence base.
     *
     * @return the trials and pooled analyses, in the order of their ids
     */
    public static List<TrialEvidence> bundled() {
        return EvidenceBase.bundled();
    }

    /**
     * Evidence files of one's own: every {@code .json} file of a folder, in the format of the bundled ones.
     *
     * @param folder the folder
     * @return the trials
     * @throws org.strokemeta.data.InputException when a file cannot be read or breaks the format
     */
    public static List<TrialEvidence> read(Path folder) {
        return EvidenceBase.read(folder);
    }

    /**
     * The consistency checks of one trial's published numbers.
     *
     * @param t the trial
     * @return the problems, empty when every check passes
     */
    public static List<EvidenceChecks.Problem> check(TrialEvidence t) {
        return EvidenceChecks.check(t);
    }

    /**
     * The trials that say something of M2-segment occlusions: those that enrolled them (their design's
     * {@code m2_included} begins with yes or some) or that published a result or a count of M2 patients.
     *
     * @param trials the trials
     * @return those trials, in the same order
     */
    public static List<TrialEvidence> m2(List<TrialEvidence> trials) {
        return trials.stream().filter(t -> {
            String m2 = t.design() == null || t.design().m2Included() == null ? "" : t.design().m2Included().trim().toLowerCase(java.util.Locale.ROOT);
            return m2.startsWith("yes") || m2.startsWith("some") || t.values("m2_subgroup").stream()
                    .anyMatch(v -> v.n() != null && v.n() > 0 || v.estimate() != null);
        }).toList();
    }

    /**
     * The flat rows of trials (one per published number; one per mRS category of a distribution).
     *
     * @param trials     the trials
     * @param population only this population, or null for all
     * @return the rows
     */
    public static List<EvidenceRow> rows(List<TrialEvidence> trials, Population population) {
        return EvidenceRow.of(trials, population);
    }

    /**
     * The aggregate-data meta-analysis of the evidence by population, with the M2 section and the GRADE
     * summary of findings ({@link PublishedAnalysis}); {@code strokemeta report --published} writes it.
     *
     * @param trials  the evidence (for example {@link #bundled()})
     * @param request the pooling and the GRADE inputs ({@link PublishedRequest#defaults()})
     * @return the analysis
     * @throws org.strokemeta.data.InputException when a judgment names a trial or population not in the evidence
     */
    public static PublishedAnalysis.Result analyse(List<TrialEvidence> trials, PublishedRequest request) {
        return PublishedAnalysis.run(trials, request);
    }
}
