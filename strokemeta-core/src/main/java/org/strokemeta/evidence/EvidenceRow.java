package org.strokemeta.evidence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * One published number in the flat form of exports (CSV, JSON): an arm's count or percentage, one cell
 * of an mRS distribution ({@code outcome} {@code mrs=k}), or an effect, with its trial, population,
 * source and confidence.
 *
 * @param trial              the trial's published name
 * @param id                 the trial's id
 * @param population         the trial's population
 * @param outcome            the outcome ({@code mrs_0_2}, {@code mortality}, {@code mrs=3}, {@code primary_effect}, ...)
 * @param of                 for effects and subgroups: what they are about, or null
 * @param arm                {@code evt}, {@code control}, or null for an effect
 * @param events             patients with the outcome (or in the mRS cell), or null
 * @param total              the denominator, or null
 * @param percent            the published percentage, or null
 * @param measure            an effect's measure, or null
 * @param estimate           its estimate, or null
 * @param ciLower            its lower limit, or null
 * @param ciUpper            its upper limit, or null
 * @param adjusted           whether it is adjusted, or null when the source does not say
 * @param p                  the p value as printed, or null
 * @param analysedPopulation the patients the number refers to
 * @param source             the reference ({@code doi:...}, {@code pmid:...} or a URL)
 * @param where              where in it
 * @param confidence         how the number is known
 * @param note               the entry's note, or null
 * @serial exclude
 */
public record EvidenceRow(String trial, String id, Population population, String outcome, String of, String arm, Double events,
                          Double total, Double percent, String measure, Double estimate, Double ciLower, Double ciUpper,
                          Boolean adjusted, String p, String analysedPopulation, String source, String where,
                          Confidence confidence, String note) implements Serializable {
    /** The columns of the CSV export, in order. */
    public static final List<String> COLUMNS = List.of("trial", "id", "population", "outcome", "of", "arm", "events", "total",
            "percent", "measure", "estimate", "ci_lower", "ci_upper", "adjusted", "p", "analysed_population", "source", "where",
            "confidence", "note");

    /**
     * The rows of trials, in trial and file order; an mRS distribution gives one row per category
     * given (a combined group is one row, {@code mrs=5-6}).
     *
     * @param trials     the trials
     * @param population only the trials of this population, or null for all
     * @return the rows
     */
    public static List<EvidenceRow> of(List<TrialEvidence> trials, Population population) {
        List<EvidenceRow> out = new ArrayList<>();
        for (TrialEvidence t : trials) {
            if (population != null && t.population() != population) {
                continue;
            }
            for (PublishedValue v : t.values()) {
                String ref = v.source() == null ? null : v.source().ref();
                String where = v.source() == null ? null : v.source().where();
                if (v.mrs() != null) {
                    for (int k = 0; k < v.mrs().size(); k++) {
                        Double cell = v.mrs().get(k);
                        if (cell == null) {
                            continue;
                        }
                        String label = "mrs=" + k;
                        if (v.combined() != null && v.combined().trim().startsWith(k + "-")) {
                            label = "mrs=" + v.combined().trim();
                        }
                        boolean count = "count".equals(v.unit());
                        out.add(new EvidenceRow(t.trial(), t.id(), t.population(), label, null, v.arm(), count ? cell : null,
                                v.total(), count ? null : cell, null, null, null, null, null, null, v.population(), ref, where,
                                v.confidence(), v.note()));
                    }
                    continue;
                }
                out.add(new EvidenceRow(t.trial(), t.id(), t.population(), v.outcome(), v.of(), v.arm(), v.events(), v.total(),
                        v.percent(), v.measure(), v.estimate(), v.ciLower(), v.ciUpper(), v.adjusted(), v.p(), v.population(),
                        ref, where, v.confidence(), v.note()));
            }
        }
        return List.copyOf(out);
    }
}
