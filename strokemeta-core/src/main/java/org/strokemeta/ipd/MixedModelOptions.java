package org.strokemeta.ipd;

import java.util.Map;
import org.strokemeta.ordinal.Link;
import org.strokemeta.pool.Execution;

/**
 * Options of a general one-stage mixed model ({@link MixedModel}).
 *
 * @param formula       the model in lme4/ordinal notation ({@link MixedFormula})
 * @param family        an ordinal outcome (clmm) or a binary one (glmer)
 * @param link          the link: logit, probit or complementary log-log
 * @param weights       a column of case weights (the number of patients a row stands for), or null
 * @param reference     the reference level of factors, by column (the first level in sorted order otherwise)
 * @param level         the confidence level of the intervals
 * @param maxIterations the most quasi-Newton iterations of the outer maximisation
 * @param execution     where the independent blocks of random effects are evaluated for large data; the
 *                      estimates do not depend on it
 * @serial exclude
 */
public record MixedModelOptions(String formula, Family family, Link link, String weights, Map<String, String> reference,
                                double level, int maxIterations, Execution execution) implements java.io.Serializable {

    /** The outcome's family. */
    public enum Family {
        /** An ordered outcome (mRS 0-6): the cumulative-link mixed model of ordinal::clmm. */
        ORDINAL,
        /** A 0/1 outcome (1 = the event): the binary mixed model of lme4::glmer, P(event) = F(x'beta + z'b). */
        BINOMIAL;

        /**
         * Reads a family: {@code ordinal} or {@code binomial} (also {@code binary}).
         *
         * @param s the name, any case
         * @return the family
         * @throws IllegalArgumentException for another name
         */
        public static Family parse(String s) {
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "ordinal", "clmm" -> ORDINAL;
                case "binomial", "binary", "glmer" -> BINOMIAL;
                default -> throw new IllegalArgumentException("unknown family '" + s + "' (expected ordinal or binomial)");
            };
        }
    }

    /**
     * Checks the options.
     *
     * @param formula the model formula
     * @param family the outcome's family
     * @param link the link
     * @param weights a column of case weights, or null
     * @param reference the reference level of factors, by column (null for none)
     * @param level the confidence level of the intervals
     * @param maxIterations the most quasi-Newton iterations
     * @param execution where the blocks of random effects are evaluated
     * @throws IllegalArgumentException when an option is missing or out of range
     */
    public MixedModelOptions {
        if (formula == null || formula.isBlank()) {
            throw new IllegalArgumentException("the model formula is missing");
        }
        if (family == null || link == null || execution == null) {
            throw new IllegalArgumentException("the family, the link and the execution are required");
        }
        reference = reference == null ? Map.of() : Map.copyOf(reference);
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie strictly between 0 and 1, not " + level);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("the iteration limit must be at least 1");
        }
    }

    /**
     * An ordinal logit model with the given formula, no weights, 95% intervals, on the library's pool.
     *
     * @param formula the model formula
     * @return the options
     */
    public static MixedModelOptions of(String formula) {
        return new MixedModelOptions(formula, Family.ORDINAL, Link.LOGIT, null, Map.of(), 0.95, 500, Execution.defaults());
    }

    /**
     * A copy for another family.
     *
     * @param f the family
     * @return these options with {@code family = f}
     */
    public MixedModelOptions withFamily(Family f) {
        return new MixedModelOptions(formula, f, link, weights, reference, level, maxIterations, execution);
    }

    /**
     * A copy with another link.
     *
     * @param l the link
     * @return these options with {@code link = l}
     */
    public MixedModelOptions withLink(Link l) {
        return new MixedModelOptions(formula, family, l, weights, reference, level, maxIterations, execution);
    }

    /**
     * A copy with case weights.
     *
     * @param column the weights column, or null for none
     * @return these options with {@code weights = column}
     */
    public MixedModelOptions withWeights(String column) {
        return new MixedModelOptions(formula, family, link, column, reference, level, maxIterations, execution);
    }

    /**
     * A copy with reference levels.
     *
     * @param r the reference level by column
     * @return these options with {@code reference = r}
     */
    public MixedModelOptions withReference(Map<String, String> r) {
        return new MixedModelOptions(formula, family, link, weights, r, level, maxIterations, execution);
    }

    /**
     * A copy with another confidence level.
     *
     * @param l the level, in (0, 1)
     * @return these options with {@code level = l}
     */
    public MixedModelOptions withLevel(double l) {
        return new MixedModelOptions(formula, family, link, weights, reference, l, maxIterations, execution);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param n the most quasi-Newton iterations
     * @return these options with {@code maxIterations = n}
     */
    public MixedModelOptions withMaxIterations(int n) {
        return new MixedModelOptions(formula, family, link, weights, reference, level, n, execution);
    }

    /**
     * A copy evaluated on another execution.
     *
     * @param e the execution
     * @return these options with {@code execution = e}
     */
    public MixedModelOptions withExecution(Execution e) {
        return new MixedModelOptions(formula, family, link, weights, reference, level, maxIterations, e);
    }
}
