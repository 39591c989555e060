package org.strokemeta.evidence;

import java.io.Serializable;
import java.util.List;

/**
 * Who a trial enrolled, as its publications state it.
 *
 * @param occlusionSites   the occlusions eligible
 * @param m2Included       whether and which M2-segment occlusions were eligible
 * @param timeWindow       the time from onset or last seen well
 * @param imagingSelection the imaging that selected patients
 * @param countries        where it ran
 * @param enrolmentYears   when it enrolled
 * @param primaryOutcome   its primary outcome
 * @param other            further facts of the design (randomisation, severity criteria, early stopping), or null
 * @param sources          where these were read
 * @serial exclude
 */
public record Design(String occlusionSites, String m2Included, String timeWindow, String imagingSelection, String countries,
                     String enrolmentYears, String primaryOutcome, String other, List<Source> sources) implements Serializable {
    /**
     * Copies the sources.
     *
     * @param occlusionSites   the occlusions eligible
     * @param m2Included       whether and which M2-segment occlusions were eligible
     * @param timeWindow       the time from onset or last seen well
     * @param imagingSelection the imaging that selected patients
     * @param countries        where it ran
     * @param enrolmentYears   when it enrolled
     * @param primaryOutcome   its primary outcome
     * @param other            further facts of the design (randomisation, severity criteria, early stopping), or null
     * @param sources          where these were read
     */
    public Design {
        sources = sources == null ? List.of() : List.copyOf(sources);
    }
}
