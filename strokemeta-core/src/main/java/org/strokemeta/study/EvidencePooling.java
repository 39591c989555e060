package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Table;
import org.strokemeta.evidence.Confidence;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.PublishedValue;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.report.CsvReport;

/**
 * Pools a binary outcome (mRS 0-2, mortality, symptomatic ICH, ...) over the published trials of a
 * population: each trial enters with the events and totals its publications give for both arms, and a
 * trial without them is reported with the reason, never dropped silently. When a trial has several
 * counts of an arm, the best-known one is used (primary before derived before secondary; the first in
 * the file among equals) and reported with its source.
 */
public final class EvidencePooling {
    private EvidencePooling() {
    }

    /**
     * The counts a trial entered with.
     *
     * @param trial   the trial
     * @param evt     the thrombectomy arm's count
     * @param control the control arm's count
     * @serial exclude
     */
    public record Used(String trial, PublishedValue evt, PublishedValue control) implements Serializable {
    }

    /**
     * A trial of the population that could not enter.
     *
     * @param trial  the trial
     * @param reason why
     * @serial exclude
     */
    public record Excluded(String trial, String reason) implements Serializable {
    }

    /**
     * The pooled analysis of an outcome over a population's trials.
     *
     * @param outcome    the outcome ({@code mrs_0_2}, {@code mortality}, {@code sich}, ...)
     * @param population the population
     * @param result     the meta-analysis, or null when fewer than one trial has counts
     * @param used       the trials that entered, with the counts used
     * @param excluded   the trials left out, with the reason
     * @serial exclude
     */
    public record Pooled(String outcome, Population population, MetaRun.Outcome result, List<Used> used, List<Excluded> excluded)
            implements Serializable {
        /**
         * Copies the lists.
         *
         * @param outcome    the outcome
         * @param population the population
         * @param result     the meta-analysis, or null
         * @param used       the trials that entered
         * @param excluded   the trials left out
         */
        public Pooled {
            used = List.copyOf(used);
            excluded = List.copyOf(excluded);
        }
    }

    /**
     * Pools an outcome over the trials of a population (pooled analyses such as HERMES are not trials and
     * do not enter).
     *
     * @param trials     the evidence
     * @param population the population
     * @param outcome    the outcome of the arms' counts
     * @param request    the pooling (measure, model, method); its {@code by} must be unset
     * @return the pooled analysis with the trials used and left out
     */
    public static Pooled pool(List<TrialEvidence> trials, Population population, String outcome, MetaRequest request) {
        List<Used> used = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        StringBuilder csv = new StringBuilder("study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (TrialEvidence t : trials) {
            if (t.population() != population || !"trial".equals(t.kind())) {
                continue;
            }
            PublishedValue e = best(t, outcome, "evt");
            PublishedValue c = best(t, outcome, "control");
            if (e == null || c == null) {
                excluded.add(new Excluded(t.trial(), t.values(outcome).isEmpty() ? "no published " + outcome
                        : "no count with its denominator for " + (e == null && c == null ? "either arm" : e == null ? "the thrombectomy arm" : "the control arm")
                        + " (a percentage alone does not give one)"));
                continue;
            }
            used.add(new Used(t.trial(), e, c));
            csv.append(CsvReport.quote(t.trial())).append(',').append(count(e.events())).append(',').append(count(e.total())).append(',')
                    .append(count(c.events())).append(',').append(count(c.total())).append('\n');
        }
        MetaRun.Outcome result = null;
        if (!used.isEmpty()) {
            Table table = CsvReader.parse("published " + outcome + " (" + population.label() + ")", csv.toString());
            result = MetaRun.run(table, request).get(0);
        }
        return new Pooled(outcome, population, result, used, excluded);
    }

    /** The best-known count of an arm: events and total given; primary, then derived, then secondary; the first among equals. */
    static PublishedValue best(TrialEvidence t, String outcome, String arm) {
        PublishedValue best = null;
        for (PublishedValue v : t.values(outcome)) {
            if (!arm.equals(v.arm()) || v.events() == null || v.total() == null || v.total() <= 0) {
                continue;
            }
            if (best == null || rank(v.confidence()) < rank(best.confidence())) {
                best = v;
            }
        }
        return best;
    }

    private static int rank(Confidence c) {
        return c == Confidence.PRIMARY ? 0 : c == Confidence.DERIVED ? 1 : 2;
    }

    private static String count(double x) {
        return Long.toString(Math.round(x));
    }
}
