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
            Choice ce = choose(t, outcome, "evt");
            Choice cc = choose(t, outcome, "control");
            PublishedValue e = ce.value();
            PublishedValue c = cc.value();
            if (e == null || c == null) {
                excluded.add(new Excluded(t.trial(), whyNot(t, outcome, outcome, ce, cc)));
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

    /** Why a trial has no counts for both arms. */
    static String whyNot(TrialEvidence t, String outcome, String label, Choice e, Choice c) {
        if (t.values(outcome).isEmpty()) {
            return "no published " + label;
        }
        List<String> why = new ArrayList<>();
        for (Choice x : new Choice[] {e, c}) {
            if (x.value() == null && x.reason() != null) {
                why.add((x == e ? "thrombectomy arm: " : "control arm: ") + x.reason());
            }
        }
        if (!why.isEmpty()) {
            return String.join("; ", why);
        }
        return "no count with its denominator for " + (e.value() == null && c.value() == null ? "either arm" : e.value() == null
                ? "the thrombectomy arm" : "the control arm") + " (a percentage alone does not give one)";
    }

    /**
     * The count an arm enters with, or why it has none.
     *
     * @param value  the count used, or null
     * @param reason why there is none (null when there is one)
     */
    record Choice(PublishedValue value, String reason) {
    }

    /**
     * The best-known count of an arm: events and total given; primary, then derived, then secondary; the
     * first among equals. A count contradicted by a better-known published percentage of the same arm
     * (its events over total do not give that percentage to its printed decimals) is not used. When no
     * value gives the events but one gives a percentage with its denominator, and exactly one count of
     * that denominator gives the percentage, that count is used as a derived value whose note says so.
     */
    static PublishedValue best(TrialEvidence t, String outcome, String arm) {
        return choose(t, outcome, arm).value();
    }

    static Choice choose(TrialEvidence t, String outcome, String arm) {
        PublishedValue best = null;
        PublishedValue fromPercent = null;
        List<String> contradicted = new ArrayList<>();
        for (PublishedValue v : t.values(outcome)) {
            if (!arm.equals(v.arm()) || v.total() == null || v.total() <= 0) {
                continue;
            }
            if (v.events() == null) {
                if (fromPercent == null && v.percent() != null) {
                    fromPercent = fromPercent(v);
                }
                continue;
            }
            PublishedValue against = contradiction(t, outcome, arm, v);
            if (against != null) {
                contradicted.add(Math.round(v.events()) + "/" + Math.round(v.total()) + " (" + v.confidence().label() + ") does not give the "
                        + against.confidence().label() + " " + plain(against.percent()) + "%");
                continue;
            }
            if (best == null || rank(v.confidence()) < rank(best.confidence())) {
                best = v;
            }
        }
        if (best == null && fromPercent != null && contradiction(t, outcome, arm, fromPercent) != null) {
            fromPercent = null;
        }
        PublishedValue chosen = best != null ? best : fromPercent;
        if (chosen != null) {
            return new Choice(chosen, null);
        }
        if (!contradicted.isEmpty()) {
            return new Choice(null, "the count found contradicts a better-known published percentage: " + String.join("; ", contradicted));
        }
        return new Choice(null, null);
    }

    /** A published percentage of the arm, better known than the count, that the count does not give; null when none. */
    private static PublishedValue contradiction(TrialEvidence t, String outcome, String arm, PublishedValue count) {
        for (PublishedValue p : t.values(outcome)) {
            if (p == count || !arm.equals(p.arm()) || p.percent() == null || rank(p.confidence()) >= rank(count.confidence())) {
                continue;
            }
            if (!gives(count.events(), count.total(), p.percent())) {
                return p;
            }
        }
        return null;
    }

    /** Whether events over total give the percentage to its printed decimals. */
    static boolean gives(double events, double total, double percent) {
        int decimals = Math.max(0, java.math.BigDecimal.valueOf(percent).stripTrailingZeros().scale());
        return java.math.BigDecimal.valueOf(100.0 * events / total).setScale(decimals, java.math.RoundingMode.HALF_UP).doubleValue() == percent;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The only count of the value's denominator that gives its percentage as printed, as a derived value; null when none or several do. */
    static PublishedValue fromPercent(PublishedValue v) {
        long n = Math.round(v.total());
        long found = -1;
        for (long k = 0; k <= n; k++) {
            if (gives(k, n, v.percent())) {
                if (found >= 0) {
                    return null;
                }
                found = k;
            }
        }
        if (found < 0) {
            return null;
        }
        String note = "events " + found + " derived: the only count of " + n + " that gives the published " + plain(v.percent()) + "%"
                + (v.note() == null ? "" : ". " + v.note());
        return new PublishedValue(v.outcome(), v.of(), v.arm(), v.population(), v.timepoint(), v.definition(), v.mrs(), v.unit(), v.combined(),
                (double) found, v.total(), v.percent(), v.n(), v.mean(), v.measure(), v.adjusted(), v.estimate(), v.ciLower(), v.ciUpper(),
                v.ciLevel(), v.p(), v.posteriorProbability(), v.source(), Confidence.DERIVED, note);
    }

    private static int rank(Confidence c) {
        return c == Confidence.PRIMARY ? 0 : c == Confidence.DERIVED ? 1 : 2;
    }

    private static String count(double x) {
        return Long.toString(Math.round(x));
    }
}
