package org.strokemeta.evidence;

import java.io.Serializable;
import java.util.List;

/**
 * One published result of a trial: an mRS distribution, a count of patients with an outcome, or an
 * effect estimate, with the population it refers to and where it was read. Numbers a source does not
 * give are null.
 *
 * @param outcome    {@code mrs_distribution}, {@code mrs_0_1}, {@code mrs_0_2}, {@code mrs_0_3}, {@code mortality}, {@code uw_mrs_mean},
 *                   {@code sich}, {@code primary_effect}, {@code effect} or {@code m2_subgroup}
 * @param of         for {@code effect} and {@code m2_subgroup}: the outcome the entry is about, or null
 * @param arm        {@code evt} or {@code control} for an arm's result, null for an effect
 * @param population the patients it refers to ("intention to treat", "with a 90-day mRS", ...)
 * @param timepoint  when it was assessed ("90 days"), or null
 * @param definition how the outcome is defined (the sICH definition), or null
 * @param mrs        the seven cells mRS 0 to 6 of an mRS distribution, or null
 * @param unit       {@code count} or {@code percent} for {@code mrs}, or null
 * @param combined   categories the source gives only together ("0-1", "5-6"): their total is in the first cell of the
 *                    group and the others are null; null when every cell is given
 * @param events     patients with the outcome, or null
 * @param total      patients in the denominator, or null
 * @param percent    the published percentage, or null
 * @param n          patients in a subgroup ({@code m2_subgroup}), or null
 * @param mean       an arm's mean ({@code uw_mrs_mean}), or null
 * @param measure    an effect's measure ("common OR", "RR", "risk difference"), or null
 * @param adjusted   whether the effect is adjusted, or null when the source does not say
 * @param estimate   the effect's estimate, or null
 * @param ciLower    its lower confidence limit, or null
 * @param ciUpper    its upper confidence limit, or null
 * @param ciLevel    the confidence level (0.95), or null
 * @param p          the published p value as printed ("0.50", "&lt;0.001"), or null
 * @param posteriorProbability a Bayesian analysis's posterior probability as printed ("&gt;0.999"), or null
 * @param source     where it was read
 * @param confidence how it is known
 * @param note       anything a reader should know, or null
 * @serial exclude
 */
public record PublishedValue(String outcome, String of, String arm, String population, String timepoint, String definition,
                             List<Double> mrs, String unit, String combined, Double events, Double total, Double percent, Integer n, Double mean, String measure,
                             Boolean adjusted, Double estimate, Double ciLower, Double ciUpper, Double ciLevel, String p, String posteriorProbability,
                             Source source, Confidence confidence, String note) implements Serializable {
    /**
     * Copies the distribution (whose combined cells are null), so that the value cannot change.
     *
     * @param outcome    {@code mrs_distribution}, {@code mrs_0_1}, {@code mrs_0_2}, {@code mrs_0_3}, {@code mortality}, {@code uw_mrs_mean}, {@code sich}, {@code primary_effect}, {@code effect} or {@code m2_subgroup}
     * @param of         for {@code effect} and {@code m2_subgroup}: the outcome the entry is about, or null
     * @param arm        {@code evt} or {@code control} for an arm's result, null for an effect
     * @param population the patients it refers to ("intention to treat", "with a 90-day mRS", ...)
     * @param timepoint  when it was assessed ("90 days"), or null
     * @param definition how the outcome is defined (the sICH definition), or null
     * @param mrs        the seven cells mRS 0 to 6 of an mRS distribution, or null
     * @param unit       {@code count} or {@code percent} for {@code mrs}, or null
     * @param combined   categories the source gives only together ("0-1", "5-6"): their total is in the first cell of the
     *                    group and the others are null; null when every cell is given
     * @param events     patients with the outcome, or null
     * @param total      patients in the denominator, or null
     * @param percent    the published percentage, or null
     * @param n          patients in a subgroup ({@code m2_subgroup}), or null
     * @param mean       an arm's mean ({@code uw_mrs_mean}), or null
     * @param measure    an effect's measure ("common OR", "RR", "risk difference"), or null
     * @param adjusted   whether the effect is adjusted, or null when the source does not say
     * @param estimate   the effect's estimate, or null
     * @param ciLower    its lower confidence limit, or null
     * @param ciUpper    its upper confidence limit, or null
     * @param ciLevel    the confidence level (0.95), or null
     * @param p          the published p value as printed ("0.50", "&lt;0.001"), or null
     * @param posteriorProbability a Bayesian analysis's posterior probability as printed ("&gt;0.999"), or null
     * @param source     where it was read
     * @param confidence how it is known
     * @param note       anything a reader should know, or null
     */
    public PublishedValue {
        mrs = mrs == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(mrs));
    }
}
