package org.strokemeta.evidence;

import java.io.Serializable;
import java.util.List;

/**
 * What the publications of one randomised trial (or one published pooled analysis) report, each
 * number with its source.
 *
 * @param id           the file's name without {@code .json}: lower case letters, digits and '-'
 * @param trial        the trial's name as published ("ESCAPE-MeVO")
 * @param kind         {@code trial} or {@code pooled-analysis}
 * @param population   the population it belongs to
 * @param comparison   the arms compared
 * @param design       who it enrolled
 * @param publications its publications
 * @param arms         its arms
 * @param values       its published results
 * @param missing      what was looked for and not found, and where it was looked for
 * @serial exclude
 */
public record TrialEvidence(String id, String trial, String kind, Population population, String comparison, Design design,
                            List<Publication> publications, List<Arm> arms, List<PublishedValue> values, List<String> missing)
        implements Serializable {
    /**
     * Copies the lists, so that the evidence cannot change.
     *
     * @param id           the file's name without {@code .json}: lower case letters, digits and '-'
     * @param trial        the trial's name as published ("ESCAPE-MeVO")
     * @param kind         {@code trial} or {@code pooled-analysis}
     * @param population   the population it belongs to
     * @param comparison   the arms compared
     * @param design       who it enrolled
     * @param publications its publications
     * @param arms         its arms
     * @param values       its published results
     * @param missing      what was looked for and not found, and where it was looked for
     */
    public TrialEvidence {
        publications = publications == null ? List.of() : List.copyOf(publications);
        arms = arms == null ? List.of() : List.copyOf(arms);
        values = values == null ? List.of() : List.copyOf(values);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /**
     * The published results of one outcome.
     *
     * @param outcome for example {@code mortality}
     * @return those values, in file order
     */
    public List<PublishedValue> values(String outcome) {
        return values.stream().filter(v -> outcome.equals(v.outcome())).toList();
    }
}
