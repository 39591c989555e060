package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.evidence.Population;
import org.strokemeta.evidence.Publication;
import org.strokemeta.evidence.TrialEvidence;
import org.strokemeta.sequential.Spending;
import org.strokemeta.sequential.Target;
import org.strokemeta.sequential.TrialSequential;
import org.strokemeta.sequential.TsaOptions;
import org.strokemeta.sequential.TsaResult;

/**
 * Trial sequential analysis of the published evidence, by binary outcome and population
 * ({@link TrialSequential}): the trials in the order of their primary publications (year, then PubMed identifier,
 * which PubMed assigns in indexing order), the DerSimonian-Laird
 * random-effects z-curve of the risk ratio, the required information size for the same relative effect,
 * alpha and power as the optimal information size of the summary of findings (an increase of mRS 0-2, a
 * reduction of death and of symptomatic ICH, on the pooled control risk of the population), corrected for
 * diversity (D²), with O'Brien-Fleming-type Lan-DeMets monitoring boundaries.
 */
public final class PublishedSequential {
    /** The outcomes analysed, in report order. */
    public static final List<String> OUTCOMES = PublishedAnalysis.BINARY;
    private static final Pattern YEAR_IN_CITATION = Pattern.compile("\\b((?:19|20)\\d\\d)\\s*;");
    private static final Pattern YEAR = Pattern.compile("\\b((?:19|20)\\d\\d)\\b");

    private PublishedSequential() {
    }

    /**
     * One outcome and population.
     *
     * @param outcome    the outcome ({@link #OUTCOMES})
     * @param population the population
     * @param order      the trials in the order analysed, each with the year of its primary publication
     * @param result     the analysis, or null when it could not be done
     * @param note       why not, or null
     * @serial exclude
     */
    public record Entry(String outcome, Population population, List<String> order, TsaResult result, String note) implements Serializable {
        /**
         * Copies the order.
         *
         * @param outcome    the outcome
         * @param population the population
         * @param order      the trials in order
         * @param result     the analysis, or null
         * @param note       why not, or null
         */
        public Entry {
            order = List.copyOf(order);
        }
    }

    /**
     * The year of a trial's primary publication (the first publication when none is marked primary), read from
     * its citation.
     *
     * @param t the trial
     * @return the year, or {@link Integer#MAX_VALUE} when no citation gives one (such trials come last)
     */
    public static int year(TrialEvidence t) {
        Publication first = primary(t);
        if (first == null || first.citation() == null) {
            return Integer.MAX_VALUE;
        }
        Matcher m = YEAR_IN_CITATION.matcher(first.citation());
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        m = YEAR.matcher(first.citation());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    /** The trial's primary publication (the first when none is marked primary), or null. */
    private static Publication primary(TrialEvidence t) {
        return t.publications().stream().filter(p -> "primary".equals(p.role())).findFirst()
                .orElse(t.publications().isEmpty() ? null : t.publications().get(0));
    }

    /** The PubMed identifier of the trial's primary publication (PubMed assigns them in indexing order), or Long.MAX_VALUE. */
    private static long pmid(TrialEvidence t) {
        Publication first = primary(t);
        if (first == null || first.pmid() == null || !first.pmid().trim().matches("\\d+")) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(first.pmid().trim());
    }

    static List<Entry> run(List<TrialEvidence> evidence, List<PublishedAnalysis.OutcomeAnalysis> outcomes, PublishedRequest r) {
        List<Entry> out = new ArrayList<>();
        for (String name : OUTCOMES) {
            PublishedAnalysis.OutcomeAnalysis o = outcomes.stream().filter(x -> x.outcome().equals(name)).findFirst().orElseThrow();
            boolean benefit = name.equals("mrs_0_2");
            for (PublishedAnalysis.PopulationResult p : o.populations()) {
                EffectSizes es = p.randomEffects().effects();
                // the trials in the order of their primary publications; the same year keeps the evidence order
                Integer[] idx = new Integer[es.size()];
                for (int i = 0; i < idx.length; i++) {
                    idx[i] = i;
                }
                int[] years = new int[es.size()];
                long[] pmids = new long[es.size()];
                for (int i = 0; i < years.length; i++) {
                    String trial = es.study(i);
                    TrialEvidence t = evidence.stream().filter(x -> x.trial().equals(trial)).findFirst().orElse(null);
                    years[i] = t == null ? Integer.MAX_VALUE : year(t);
                    pmids[i] = t == null ? Long.MAX_VALUE : pmid(t);
                }
                java.util.Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> years[i]).thenComparingLong(i -> pmids[i]));
                int[] pos = new int[idx.length];
                List<String> order = new ArrayList<>();
                for (int i = 0; i < idx.length; i++) {
                    pos[i] = idx[i];
                    order.add(es.study(idx[i]) + (years[idx[i]] == Integer.MAX_VALUE ? " (year unknown)" : " (" + years[idx[i]] + ")"));
                }
                double cr = p.controlEvents() / p.controlTotal();
                try {
                    double rrr = benefit ? -r.relativeEffect() : r.relativeEffect();
                    TsaOptions opts = new TsaOptions(new Target.Binary(cr, rrr), r.alpha(), r.power(), TsaOptions.Heterogeneity.D2, Double.NaN,
                            false, Spending.OBRIEN_FLEMING);
                    out.add(new Entry(name, p.population(), order, TrialSequential.analyze(es.subset(pos), true, opts), null));
                } catch (RuntimeException e) {
                    out.add(new Entry(name, p.population(), order, null, e.getMessage()));
                }
            }
        }
        return List.copyOf(out);
    }
}
