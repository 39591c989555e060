package org.strokemeta.sensitivity;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;

/**
 * Leave-one-out and cumulative meta-analysis (metafor::leave1out and metafor::cumul): the same
 * analysis repeated on subsets of the studies, in data order or, for the cumulative analysis, sorted by
 * a column with ties added one at a time or together.
 */
public final class Sensitivity {
    private Sensitivity() {
    }

    /**
     * One analysis per study, of all the other studies.
     *
     * @return one step per study, in data order; each step names the study left out
     * @param es the per-study effects, at least two
     * @param o  the pooling options, the same for every analysis
     * @throws IllegalArgumentException if there are fewer than two studies
     */
    public static List<Step> leaveOneOut(EffectSizes es, MetaOptions o) {
        int k = es.size();
        if (k < 2) {
            throw new IllegalArgumentException("leave-one-out analysis needs at least two studies");
        }
        List<Step> out = new ArrayList<>(k);
        for (int drop = 0; drop < k; drop++) {
            int[] keep = new int[k - 1];
            for (int i = 0, j = 0; i < k; i++) {
                if (i != drop) {
                    keep[j++] = i;
                }
            }
            out.add(new Step(es.study(drop), fit(es.subset(keep), o)));
        }
        return out;
    }

    /**
     * Cumulative analyses: the first study, the first two, ..., all studies (order them beforehand,
     * for example by year, to see how the evidence accumulated).
     *
     * @return one step per study, naming the study added
     * @param es the per-study effects, in the order in which they are added
     * @param o  the pooling options, the same for every analysis
     */
    public static List<Step> cumulative(EffectSizes es, MetaOptions o) {
        return cumulative(es, o, CumulativeOptions.defaults()).steps();
    }

    /**
     * Cumulative analyses in the order the options give, as metafor's {@code cumul(res, order=, collapse=)}:
     * the studies sorted by the order column (numbers by value; text in character-code order, as R's radix
     * sort; ties keep the order of the data), one study added at each step or, with {@code collapse}, all the
     * studies that share the next value of the column (metafor 4's {@code collapse = TRUE}, added after
     * metafor 3.8.1). A study with no value in the order column is left out, with a note, as metafor's
     * {@code order(..., na.last = NA)} drops it.
     *
     * @param es the per-study effects, with the order column among their covariates
     * @param o  the pooling options, the same for every analysis
     * @param c  the order of the studies and whether ties are added together
     * @return the steps, each naming the study added (or, collapsed, the value of the order column) and the
     *         studies it added, with the notes of the studies left out
     * @throws InputException when the effects carry no such column, or no study has a value in it
     */
    public static Cumulative cumulative(EffectSizes es, MetaOptions o, CumulativeOptions c) {
        int k = es.size();
        List<Step> out = new ArrayList<>();
        if (c.order() == null) {
            for (int n = 1; n <= k; n++) {
                int[] keep = new int[n];
                for (int i = 0; i < n; i++) {
                    keep[i] = i;
                }
                out.add(new Step(es.study(n - 1), fit(es.subset(keep), o), null, List.of(es.study(n - 1))));
            }
            return new Cumulative(c, out, List.of());
        }
        DataColumns cov = es.covariates();
        String source = es.input() != null ? es.input().source() : cov.source();
        if (!cov.has(c.order())) {
            throw InputException.of(source, "there is no column '" + c.order() + "' to order the cumulative analysis by");
        }
        boolean numeric = cov.numeric(c.order());
        List<Integer> with = new ArrayList<>();
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            if (cov.isBlank(c.order(), i)) {
                notes.add(new Note(es.lines(i), es.study(i), Note.Kind.EXCLUDED, "no value in column " + cov.name(c.order())
                        + ": left out of the cumulative analysis ordered by it"));
            } else {
                with.add(i);
            }
        }
        if (with.isEmpty()) {
            throw InputException.of(source, "no study has a value in column " + cov.name(c.order()) + " to order the cumulative analysis by");
        }
        // a stable sort: ties keep the order of the data, increasing or decreasing (as R's radix order)
        java.util.Comparator<Integer> by = numeric ? java.util.Comparator.comparingDouble(i -> cov.number(c.order(), i))
                : java.util.Comparator.comparing(i -> cov.text(c.order(), i));
        with.sort(c.decreasing() ? by.reversed() : by);
        int m = with.size();
        int[] sorted = new int[m];
        for (int i = 0; i < m; i++) {
            sorted[i] = with.get(i);
        }
        EffectSizes ordered = es.subset(sorted);
        int n = 0;
        while (n < m) {
            int end = n + 1;
            if (c.collapse()) {
                while (end < m && by.compare(sorted[end], sorted[n]) == 0) {
                    end++;
                }
            }
            List<String> added = new ArrayList<>();
            for (int i = n; i < end; i++) {
                added.add(ordered.study(i));
            }
            String value = cov.text(c.order(), sorted[n]);
            out.add(new Step(c.collapse() ? value : ordered.study(n), fit(ordered.subset(range(end)), o), value, added));
            n = end;
        }
        return new Cumulative(c, out, notes);
    }

    /**
     * The GOSH analysis: the model fitted to every subset of the studies, or to a seeded random sample of
     * subsets (metafor's {@code gosh()}); see {@link Gosh}.
     *
     * @param es the per-study effects, at least two studies
     * @param o  the model, used for every subset
     * @param g  the most subsets fitted and the seed of a random sample
     * @return each subset's estimate, Q, I², H², tau² and studies
     * @throws IllegalArgumentException when there are fewer than two studies
     */
    public static Gosh gosh(EffectSizes es, MetaOptions o, GoshOptions g) {
        return Gosh.of(es, o, g);
    }

    /**
     * One analysis of a subset; a single study is given Wald z intervals when the options ask for Hartung-Knapp,
     * which needs two, as metafor's rma() does ("Setting argument test="z" since k=1").
     */
    private static MetaResult fit(EffectSizes subset, MetaOptions o) {
        MetaOptions u = subset.size() == 1 && o.ciMethod() == org.strokemeta.pool.CiMethod.KNHA ? o.withCi(org.strokemeta.pool.CiMethod.Z) : o;
        return MetaAnalysis.run(subset, u, false);
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }

    /**
     * A cumulative meta-analysis.
     *
     * @param options how the studies were ordered and added
     * @param steps   one analysis per step, in order
     * @param notes   the studies left out because they have no value in the order column
     * @serial exclude
     */
    public record Cumulative(CumulativeOptions options, List<Step> steps, List<Note> notes) implements java.io.Serializable {
        /**
         * Copies the lists.
         *
         * @param options the options
         * @param steps   the steps
         * @param notes   the notes
         */
        public Cumulative {
            steps = List.copyOf(steps);
            notes = List.copyOf(notes);
        }
    }

    /**
     * One analysis of a sensitivity series.
     *
     * @param study  the study left out (leave-one-out) or added (cumulative); for a cumulative step that added
     *               the studies sharing a value of the order column, that value (as metafor labels it)
     * @param result the analysis of that subset
     * @param order  the value of the order column of the studies added (cumulative, ordered by a column), else null
     * @param added  the studies added at this step (cumulative) or left out (leave-one-out)
     * @serial exclude
     */
    public record Step(String study, MetaResult result, String order, List<String> added) implements java.io.Serializable {
        /**
         * Copies the list.
         *
         * @param study  the label of the step
         * @param result the analysis
         * @param order  the order column's value, or null
         * @param added  the studies added or left out
         */
        public Step {
            added = List.copyOf(added);
        }

        /**
         * A step of one study (left out or added), without an order column.
         *
         * @param study  the study
         * @param result the analysis
         */
        public Step(String study, MetaResult result) {
            this(study, result, null, List.of(study));
        }
    }
}
