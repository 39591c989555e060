package org.strokemeta.study;

import java.util.List;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaOptions;

/**
 * Everything a user asks of an aggregate-data meta-analysis, as one immutable value: what to
 * compute from the table (measure, continuity correction, how generic estimates are given), how to
 * pool, and what to add (subgroups, moderators, batch column).
 *
 * @param measure      the effect measure, or null to choose from the columns present (binary: OR,
 *                     continuous: MD, generic: GEN)
 * @param continuity   the continuity correction for binary data
 * @param genericInput how generic estimates are given
 * @param options      pooling options
 * @param tau2Ci       compute the Q-profile confidence interval of tau²
 * @param by           a column whose values each get their own analysis (batch mode), or null
 * @param subgroup     a column defining subgroups, or null
 * @param moderators   meta-regression moderators (empty for none)
 */
public record MetaRequest(Measure measure, Continuity continuity, StudyLoader.GenericInput genericInput,
                          MetaOptions options, boolean tau2Ci, String by, String subgroup, List<String> moderators) {
    public MetaRequest {
        if (continuity == null || genericInput == null || options == null) {
            throw new IllegalArgumentException("continuity, generic input and options are required");
        }
        moderators = moderators == null ? List.of() : List.copyOf(moderators);
    }

    /** metafor's defaults, measure chosen from the data, Q-profile interval on. */
    public static MetaRequest defaults() {
        return new MetaRequest(null, Continuity.defaults(), StudyLoader.GenericInput.defaults(), MetaOptions.defaults(),
                true, null, null, List.of());
    }

    public MetaRequest withMeasure(Measure m) {
        return new MetaRequest(m, continuity, genericInput, options, tau2Ci, by, subgroup, moderators);
    }

    public MetaRequest withOptions(MetaOptions o) {
        return new MetaRequest(measure, continuity, genericInput, o, tau2Ci, by, subgroup, moderators);
    }

    public MetaRequest withContinuity(Continuity c) {
        return new MetaRequest(measure, c, genericInput, options, tau2Ci, by, subgroup, moderators);
    }

    public MetaRequest withGenericInput(StudyLoader.GenericInput g) {
        return new MetaRequest(measure, continuity, g, options, tau2Ci, by, subgroup, moderators);
    }

    public MetaRequest withTau2Ci(boolean b) {
        return new MetaRequest(measure, continuity, genericInput, options, b, by, subgroup, moderators);
    }

    public MetaRequest withBy(String column) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, column, subgroup, moderators);
    }

    public MetaRequest withSubgroup(String column) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, column, moderators);
    }

    public MetaRequest withModerators(List<String> mods) {
        return new MetaRequest(measure, continuity, genericInput, options, tau2Ci, by, subgroup, mods);
    }
}
