package org.strokemeta.study;

import java.io.Serializable;
import java.util.Objects;
import org.strokemeta.pool.MetaOptions;

/**
 * What the analysis of the published evidence ({@link PublishedAnalysis}) is asked: the random-effects
 * pooling, the relative effect and error rates of the optimal information size used to judge
 * imprecision, and the risk-of-bias and indirectness judgments of the summary of findings.
 *
 * @param options        the random-effects pooling of every outcome (REML, Wald z, 95% by default)
 * @param relativeEffect the relative effect the optimal information size is computed for: a relative risk
 *                       reduction (harms) or increase (benefits) of this size; 0.25 by default (GRADE's
 *                       suggestion, Guyatt et al., J Clin Epidemiol 2011;64:1283)
 * @param alpha          the two-sided type I error of the optimal information size (0.05)
 * @param power          its power (0.80)
 * @param judgments      risk-of-bias and indirectness judgments (those bundled, or the user's)
 * @param bayes          the Bayesian random-effects analysis by outcome and population ({@link PublishedBayes}), or null
 *                       for none
 * @param sequential     whether to add the trial sequential analysis of the binary outcomes by population
 *                       ({@link PublishedSequential}), with this relative effect, alpha and power
 * @serial exclude
 */
public record PublishedRequest(MetaOptions options, double relativeEffect, double alpha, double power, GradeJudgments judgments,
                               PublishedBayes.Request bayes, boolean sequential) implements Serializable {
    /**
     * Checks the request.
     *
     * @param options        the random-effects pooling
     * @param relativeEffect the relative effect of the optimal information size, in (0, 1)
     * @param alpha          the type I error, in (0, 1)
     * @param power          the power, in (0, 1)
     * @param judgments      the judgments
     * @param bayes          the Bayesian analysis, or null
     * @param sequential     whether to add the trial sequential analysis
     * @throws IllegalArgumentException if a value is out of range or missing
     */
    public PublishedRequest {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(judgments, "judgments");
        if (!(relativeEffect > 0 && relativeEffect < 1)) {
            throw new IllegalArgumentException("the relative effect of the optimal information size must lie between 0 and 1 (got " + relativeEffect + ")");
        }
        if (!(alpha > 0 && alpha < 1) || !(power > 0 && power < 1)) {
            throw new IllegalArgumentException("alpha and power must lie between 0 and 1");
        }
    }

    /**
     * A request without the Bayesian and trial sequential analyses.
     *
     * @param options        the random-effects pooling
     * @param relativeEffect the relative effect of the optimal information size, in (0, 1)
     * @param alpha          the type I error, in (0, 1)
     * @param power          the power, in (0, 1)
     * @param judgments      the judgments
     */
    public PublishedRequest(MetaOptions options, double relativeEffect, double alpha, double power, GradeJudgments judgments) {
        this(options, relativeEffect, alpha, power, judgments, null, false);
    }

    /**
     * Random effects by REML, a 25% relative effect at alpha 0.05 and power 0.80, and the bundled judgments.
     *
     * @return the default request
     */
    public static PublishedRequest defaults() {
        return new PublishedRequest(MetaOptions.defaults(), 0.25, 0.05, 0.80, GradeJudgments.bundled());
    }

    /**
     * A copy with other judgments.
     *
     * @param j the judgments
     * @return this request with {@code judgments = j}
     */
    public PublishedRequest withJudgments(GradeJudgments j) {
        return new PublishedRequest(options, relativeEffect, alpha, power, j, bayes, sequential);
    }

    /**
     * A copy with another relative effect for the optimal information size.
     *
     * @param r the relative effect, in (0, 1)
     * @return this request with {@code relativeEffect = r}
     */
    public PublishedRequest withRelativeEffect(double r) {
        return new PublishedRequest(options, r, alpha, power, judgments, bayes, sequential);
    }

    /**
     * A copy with other pooling options.
     *
     * @param o the options
     * @return this request with {@code options = o}
     */
    public PublishedRequest withOptions(MetaOptions o) {
        return new PublishedRequest(o, relativeEffect, alpha, power, judgments, bayes, sequential);
    }

    /**
     * A copy with the Bayesian analysis by outcome and population.
     *
     * @param b what it is asked (for example {@link PublishedBayes.Request#turner()}), or null for none
     * @return this request with {@code bayes = b}
     */
    public PublishedRequest withBayes(PublishedBayes.Request b) {
        return new PublishedRequest(options, relativeEffect, alpha, power, judgments, b, sequential);
    }

    /**
     * A copy with or without the trial sequential analysis of the binary outcomes.
     *
     * @param s whether to add it
     * @return this request with {@code sequential = s}
     */
    public PublishedRequest withSequential(boolean s) {
        return new PublishedRequest(options, relativeEffect, alpha, power, judgments, bayes, s);
    }
}
