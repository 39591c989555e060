package org.strokemeta.ordinal;

import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.pool.MetaResult;

/**
 * A two-stage ordinal meta-analysis: each trial's log common odds ratio from its own
 * proportional-odds fit, and their inverse-variance pooling.
 *
 * @param trials every trial, in input order, with its first-stage result
 * @param pooled the pooled analysis of the included trials (log common odds ratio scale)
 * @param notes  trials left out and why, and remarks from the fits
 * @serial exclude
 */
public record TwoStageResult(List<TrialEffect> trials, MetaResult pooled, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the lists.
     *
     * @param trials every trial, in input order, with its first-stage result
     * @param pooled the pooled analysis of the included trials (log common odds ratio scale)
     * @param notes trials left out and why, and remarks from the fits
     */
    public TwoStageResult {
        trials = List.copyOf(trials);
        notes = List.copyOf(notes);
    }

    /**
     * The trials that entered the pooling.
     *
     * @return the trials with {@code included} true
     */
    public List<TrialEffect> included() {
        return trials.stream().filter(TrialEffect::included).toList();
    }
}
