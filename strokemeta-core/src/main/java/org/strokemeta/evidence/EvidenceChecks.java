package org.strokemeta.evidence;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The checks published numbers must pass before they are pooled: every number has a source and a
 * confidence, counts imply the published percentages (to the paper's rounding), an mRS distribution
 * sums to its total, mortality equals the mRS 6 cell and mRS 0-2 the sum of its cells in the same
 * population, no arm analyses more patients than it randomised, and an estimate lies inside its
 * confidence interval.
 */
public final class EvidenceChecks {
    /** The outcomes an entry may report. */
    public static final Set<String> OUTCOMES = Set.of("mrs_distribution", "mrs_0_1", "mrs_0_2", "mrs_0_3", "mortality", "uw_mrs_mean", "sich",
            "any_ich", "asymptomatic_ich", "parenchymal_hematoma_1", "procedural_complications", "fatal_serious_adverse_events",
            "primary_effect", "effect", "m2_subgroup", "m2_proportion");
    private static final Set<String> ARMS = Set.of("evt", "control");

    /**
     * A check that failed.
     *
     * @param trial   the trial's id
     * @param where   the entry: {@code arms[0]}, {@code values[3]}
     * @param message what is wrong, as a sentence
     * @serial exclude
     */
    public record Problem(String trial, String where, String message) implements Serializable {
        @Override
        public String toString() {
            return trial + ", " + where + ": " + message;
        }
    }

    private EvidenceChecks() {
    }

    /**
     * Checks one trial.
     *
     * @param t the trial's evidence
     * @return the problems found, in file order; empty when every check passes
     */
    public static List<Problem> check(TrialEvidence t) {
        List<Problem> out = new ArrayList<>();
        if (t.trial() == null || t.trial().isBlank()) {
            out.add(new Problem(t.id(), "trial", "the trial has no name"));
        }
        if (t.population() == null) {
            out.add(new Problem(t.id(), "population", "the population is missing"));
        }
        if (t.publications().isEmpty()) {
            out.add(new Problem(t.id(), "publications", "no publication is given"));
        }
        for (int i = 0; i < t.arms().size(); i++) {
            Arm a = t.arms().get(i);
            String w = "arms[" + i + "]";
            sourced(t, w, a.source(), a.confidence(), a.note(), out);
            if (!ARMS.contains(a.arm())) {
                out.add(new Problem(t.id(), w, "the arm must be evt or control, not '" + a.arm() + "'"));
            }
            if (a.randomised() != null && a.analysed() != null && a.analysed() > a.randomised()) {
                out.add(new Problem(t.id(), w, "more patients analysed (" + a.analysed() + ") than randomised (" + a.randomised() + ")"));
            }
            for (int j = 0; j < i; j++) {
                if (a.arm() != null && a.arm().equals(t.arms().get(j).arm())) {
                    out.add(new Problem(t.id(), w, "a second entry for the " + a.arm() + " arm (the first is arms[" + j + "]): one entry per arm, "
                            + "other sources' counts in its note"));
                }
            }
        }
        for (int i = 0; i < t.values().size(); i++) {
            value(t, i, out);
        }
        return List.copyOf(out);
    }

    private static void sourced(TrialEvidence t, String w, Source s, Confidence c, String note, List<Problem> out) {
        if (s == null || blank(s.ref()) || blank(s.where())) {
            out.add(new Problem(t.id(), w, "the number has no source (a reference and where in it)"));
        }
        if (c == null) {
            out.add(new Problem(t.id(), w, "the number has no confidence (primary, secondary or derived)"));
        } else if (c == Confidence.DERIVED && blank(note)) {
            out.add(new Problem(t.id(), w, "a derived number must say in its note how it was derived"));
        }
    }

    private static void value(TrialEvidence t, int i, List<Problem> out) {
        PublishedValue v = t.values().get(i);
        String w = "values[" + i + "]";
        sourced(t, w, v.source(), v.confidence(), v.note(), out);
        if (!OUTCOMES.contains(v.outcome())) {
            out.add(new Problem(t.id(), w, "unknown outcome '" + v.outcome() + "'"));
            return;
        }
        if (v.arm() != null && !ARMS.contains(v.arm())) {
            out.add(new Problem(t.id(), w, "the arm must be evt or control, not '" + v.arm() + "'"));
        }
        if (v.mrs() != null) {
            distribution(t, w, v, out);
        }
        if (v.events() != null && v.total() != null) {
            if (v.events() < 0 || v.events() > v.total()) {
                out.add(new Problem(t.id(), w, "events (" + fmt(v.events()) + ") must lie between 0 and the total (" + fmt(v.total()) + ")"));
            } else if (v.percent() != null && v.total() > 0) {
                double implied = 100 * v.events() / v.total();
                double half = halfUnit(v.percent());
                if (Math.abs(implied - v.percent()) > half + 1e-9) {
                    out.add(new Problem(t.id(), w, String.format(Locale.ROOT, "%s of %s is %.2f%%, not the published %s%%",
                            fmt(v.events()), fmt(v.total()), implied, fmt(v.percent()))));
                }
            }
        }
        if (v.estimate() != null && v.ciLower() != null && v.ciUpper() != null
                && !(v.ciLower() <= v.estimate() && v.estimate() <= v.ciUpper())) {
            out.add(new Problem(t.id(), w, "the estimate " + fmt(v.estimate()) + " lies outside its interval ["
                    + fmt(v.ciLower()) + ", " + fmt(v.ciUpper()) + "]"));
        }
        if (v.measure() != null && ratio(v.measure())) {
            for (Double x : new Double[] {v.estimate(), v.ciLower(), v.ciUpper()}) {
                if (x != null && !(x > 0)) {
                    out.add(new Problem(t.id(), w, "a ratio (" + v.measure() + ") must be positive, not " + fmt(x)));
                    break;
                }
            }
        }
        crossChecks(t, w, v, out);
    }

    private static void distribution(TrialEvidence t, String w, PublishedValue v, List<Problem> out) {
        List<Double> m = v.mrs();
        if (m.size() != 7) {
            out.add(new Problem(t.id(), w, "an mRS distribution has 7 cells (mRS 0 to 6), not " + m.size()));
            return;
        }
        int[] group = combined(t, w, v, out);
        if (group == null) {
            return;
        }
        double sum = 0;
        double half = 0;
        for (int k = 0; k < 7; k++) {
            Double cell = m.get(k);
            boolean inside = k > group[0] && k <= group[1];
            if (cell == null) {
                if (!inside) {
                    out.add(new Problem(t.id(), w, "the mRS " + k + " cell is empty (give every cell, or name the combined ones)"));
                    return;
                }
                continue;
            }
            if (inside) {
                out.add(new Problem(t.id(), w, "the mRS " + k + " cell is combined with mRS " + group[0] + " and must be empty"));
                return;
            }
            double x = cell;
            if (x < 0) {
                out.add(new Problem(t.id(), w, "an mRS cell is negative (" + fmt(x) + ")"));
                return;
            }
            sum += x;
            half += halfUnit(x);
        }
        if ("count".equals(v.unit())) {
            for (Double x : m) {
                if (x != null && x != Math.rint(x)) {
                    out.add(new Problem(t.id(), w, "a count of patients must be whole, not " + fmt(x)));
                    return;
                }
            }
            if (v.total() != null && sum != v.total()) {
                out.add(new Problem(t.id(), w, "the mRS cells sum to " + fmt(sum) + ", not the total " + fmt(v.total())));
            }
        } else if ("percent".equals(v.unit())) {
            if (Math.abs(sum - 100) > half + 1e-9) {
                out.add(new Problem(t.id(), w, "the mRS percentages sum to " + fmt(sum) + ", more than their rounding allows from 100"));
            }
        } else {
            out.add(new Problem(t.id(), w, "the unit of an mRS distribution must be count or percent"));
        }
        Integer randomised = randomised(t, v.arm());
        if (v.total() != null && randomised != null && v.total() > randomised) {
            out.add(new Problem(t.id(), w, "the distribution's total (" + fmt(v.total()) + ") exceeds the " + randomised
                    + " randomised to the arm"));
        }
    }

    /** Mortality, mRS 0-1, 0-2 and 0-3 against the counted distribution of the same arm, population and total. */
    private static void crossChecks(TrialEvidence t, String w, PublishedValue v, List<Problem> out) {
        int upTo = switch (v.outcome()) {
            case "mrs_0_1" -> 1;
            case "mrs_0_2" -> 2;
            case "mrs_0_3" -> 3;
            case "mortality" -> 6;
            default -> -1;
        };
        if (upTo < 0 || v.events() == null || v.arm() == null) {
            return;
        }
        for (PublishedValue d : t.values("mrs_distribution")) {
            if (!"count".equals(d.unit()) || !v.arm().equals(d.arm()) || d.mrs() == null || d.mrs().size() != 7
                    || d.population() == null || !d.population().equals(v.population())
                    || (v.total() != null && d.total() != null && !v.total().equals(d.total()))) {
                continue;
            }
            int[] g = group(d.combined());
            if (g != null && (g[0] <= upTo && upTo < g[1] || upTo == 6 && g[1] == 6 && g[0] < 6)) {
                // the cut falls inside categories the source gives only together
                continue;
            }
            double n = 0;
            if (upTo == 6) {
                n = d.mrs().get(6);
            } else {
                for (int k = 0; k <= upTo; k++) {
                    Double cell = d.mrs().get(k);
                    n += cell == null ? 0 : cell;
                }
            }
            if (n != v.events()) {
                String what = upTo == 6 ? "the mRS 6 cell" : "the mRS 0-" + upTo + " cells";
                out.add(new Problem(t.id(), w, v.outcome() + " (" + fmt(v.events()) + ") is not " + what + " (" + fmt(n)
                        + ") of the distribution of the same arm and population"));
            }
        }
    }

    /** The combined categories {first, last} of a distribution ({-1, -1} when none), or null after reporting a bad one. */
    private static int[] combined(TrialEvidence t, String w, PublishedValue v, List<Problem> out) {
        if (v.combined() == null) {
            return new int[] {-1, -1};
        }
        int[] g = group(v.combined());
        if (g == null) {
            out.add(new Problem(t.id(), w, "combined categories are written as two mRS levels such as 5-6, not '" + v.combined() + "'"));
        }
        return g;
    }

    /** "5-6" as {5, 6}; null when it is not two increasing levels from 0 to 6. */
    private static int[] group(String s) {
        if (s == null) {
            return null;
        }
        String[] p = s.trim().split("-");
        if (p.length != 2 || !p[0].trim().matches("[0-6]") || !p[1].trim().matches("[0-6]")) {
            return null;
        }
        int a = Integer.parseInt(p[0].trim());
        int b = Integer.parseInt(p[1].trim());
        return a < b ? new int[] {a, b} : null;
    }

    private static Integer randomised(TrialEvidence t, String arm) {
        for (Arm a : t.arms()) {
            if (a.arm().equals(arm)) {
                return a.randomised();
            }
        }
        return null;
    }

    /** Ratio measures (odds, risk, rate and hazard ratios): positive by definition. */
    private static boolean ratio(String measure) {
        for (String word : measure.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (Set.of("or", "cor", "aor", "gor", "rr", "hr", "ratio").contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** Half a unit of the last decimal a published number is written with (0.05 for 53.1, 0.5 for 53). */
    static double halfUnit(double x) {
        int scale = Math.max(0, BigDecimal.valueOf(x).stripTrailingZeros().scale());
        return 0.5 * Math.pow(10, -scale);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
