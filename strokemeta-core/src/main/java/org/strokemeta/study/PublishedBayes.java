package org.strokemeta.study;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.bayes.BayesMeta;
import org.strokemeta.bayes.BayesOptions;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.bayes.EmpiricalPriors;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.evidence.Population;

/**
 * The Bayesian random-effects analysis of the published evidence, by outcome and population
 * ({@link BayesMeta} on the same log effects as the frequentist random-effects analysis of
 * {@link PublishedAnalysis}): the published common odds ratios of the mRS shift and the risk ratios of mRS 0-2,
 * death and symptomatic ICH, with the posterior of the pooled effect, the effect of a new trial and the
 * probability that the ratio exceeds each threshold.
 */
public final class PublishedBayes {
    /** The outcomes analysed, in report order. */
    public static final List<String> OUTCOMES = List.of(PublishedAnalysis.SHIFT, "mrs_0_2", "mortality", "sich");

    private PublishedBayes() {
    }

    /**
     * What the Bayesian analysis of the published evidence is asked.
     *
     * @param tauPrior   the prior of tau for every outcome, or null for Turner et al.'s empirical prior of each outcome
     *                   ({@link #turnerPrior(String)})
     * @param muPrior    the prior of the pooled log effect
     * @param thresholds the ratios t of P(ratio &gt; t | data), at least one
     * @serial exclude
     */
    public record Request(TauPrior tauPrior, MuPrior muPrior, List<Double> thresholds) implements Serializable {
        /**
         * Checks the request.
         *
         * @param tauPrior   the tau prior, or null
         * @param muPrior    the mu prior
         * @param thresholds the ratio thresholds
         * @throws IllegalArgumentException when the mu prior is missing or a threshold is not a positive ratio
         */
        public Request {
            if (muPrior == null) {
                throw new IllegalArgumentException("the prior of mu is missing");
            }
            thresholds = List.copyOf(thresholds == null || thresholds.isEmpty() ? List.of(1.0) : thresholds);
            for (double t : thresholds) {
                if (!(t > 0) || Double.isInfinite(t)) {
                    throw new IllegalArgumentException("the thresholds of P(ratio > t) are ratios, so each must be positive, not " + t);
                }
            }
        }

        /**
         * Turner et al.'s prior of each outcome, a flat mu prior and P(ratio &gt; 1).
         *
         * @return the default request
         */
        public static Request turner() {
            return new Request(null, MuPrior.FLAT, List.of(1.0));
        }
    }

    /**
     * One outcome and population.
     *
     * @param outcome    the outcome ({@link #OUTCOMES})
     * @param measure    the ratio pooled ("common OR", "RR")
     * @param population the population
     * @param prior      the tau prior used
     * @param result     the posterior, or null when it could not be computed
     * @param note       why not, or a caution (one trial), or null
     * @serial exclude
     */
    public record Entry(String outcome, String measure, Population population, TauPrior prior, BayesResult result, String note)
            implements Serializable {
    }

    /**
     * Turner et al.'s (2015) empirical prior for an outcome of thrombectomy added to medical care (comparison type
     * non-pharmacological vs placebo / control): the mRS shift and mRS 0-2 as dichotomised functioning, death as
     * all-cause mortality, symptomatic ICH as an adverse event.
     *
     * @param outcome an outcome of {@link #OUTCOMES}
     * @return the prior, marked with its source and setting
     */
    public static TauPrior turnerPrior(String outcome) {
        EmpiricalPriors.OutcomeType t = switch (outcome) {
            case "mortality" -> EmpiricalPriors.OutcomeType.ALL_CAUSE_MORTALITY;
            case "sich" -> EmpiricalPriors.OutcomeType.ADVERSE_EVENTS;
            case PublishedAnalysis.SHIFT, PublishedAnalysis.SHIFT_TWO_STAGE, "mrs_0_2" -> EmpiricalPriors.OutcomeType.QUALITY_OF_LIFE_FUNCTIONING;
            default -> throw new IllegalArgumentException("no empirical prior is chosen for the outcome " + outcome);
        };
        return EmpiricalPriors.turner(t, EmpiricalPriors.ComparisonType.NONPHARMA_VS_CONTROL).prior();
    }

    static List<Entry> run(List<PublishedAnalysis.OutcomeAnalysis> outcomes, Request request, double level) {
        List<Entry> out = new ArrayList<>();
        for (String name : OUTCOMES) {
            PublishedAnalysis.OutcomeAnalysis o = outcomes.stream().filter(x -> x.outcome().equals(name)).findFirst().orElseThrow();
            TauPrior prior = request.tauPrior() != null ? request.tauPrior() : turnerPrior(name);
            List<Double> thresholds = request.thresholds().stream().map(Math::log).toList();
            BayesOptions opts = new BayesOptions(request.muPrior(), prior, level, thresholds);
            for (PublishedAnalysis.PopulationResult p : o.populations()) {
                EffectSizes es = p.randomEffects().effects();
                try {
                    BayesResult r = BayesMeta.fit(List.of(es.study()), es.yi(), es.vi(), opts);
                    out.add(new Entry(name, o.measure(), p.population(), prior, r,
                            es.size() == 1 ? "one trial: the between-trial SD is informed by its prior alone" : null));
                } catch (RuntimeException e) {
                    out.add(new Entry(name, o.measure(), p.population(), prior, null, e.getMessage()));
                }
            }
        }
        return List.copyOf(out);
    }
}
