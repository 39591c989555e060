package org.strokemeta.multivariate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a multilevel model is asked (metafor {@code rma.mv(yi, vi, mods, random = ~ 1 | a/b/c, method, test)}).
 *
 * @param levels     the nested grouping columns, outermost first: {@code [study, es_id]} for effects within trials,
 *                   {@code [country, study, es_id]} for trials within countries
 * @param moderators numeric moderator columns (an intercept is always included, named {@code intercept})
 * @param method     REML (default) or ML
 * @param test       z tests (default) or t tests with k − p degrees of freedom (and an F test of the moderators)
 * @param level      the confidence level of every interval
 * @param profileCi  whether to compute the profile-likelihood confidence interval of each variance (metafor's confint)
 * @serial exclude
 */
public record MultilevelOptions(List<String> levels, List<String> moderators, Method method, Test test, double level, boolean profileCi)
        implements java.io.Serializable {
    /** The estimation method. */
    public enum Method {
        /** Restricted maximum likelihood. */
        REML,
        /** Maximum likelihood. */
        ML;

        /**
         * Reads REML or ML.
         *
         * @param s the text
         * @return the method
         */
        public static Method parse(String s) {
            return switch (s.trim().toUpperCase(Locale.ROOT)) {
                case "REML" -> REML;
                case "ML" -> ML;
                default -> throw new IllegalArgumentException("unknown method '" + s + "' (expected REML or ML)");
            };
        }
    }

    /** The tests and intervals of the coefficients. */
    public enum Test {
        /** Wald z tests and normal intervals. */
        Z,
        /** t tests with k − p degrees of freedom (metafor's test = "t"). */
        T;

        /**
         * Reads z or t.
         *
         * @param s the text
         * @return the test
         */
        public static Test parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "z" -> Z;
                case "t" -> T;
                default -> throw new IllegalArgumentException("unknown test '" + s + "' (expected z or t)");
            };
        }
    }

    /**
     * Checks and copies the options.
     *
     * @param levels     the nested grouping columns
     * @param moderators the moderator columns
     * @param method     the method
     * @param test       the test
     * @param level      the confidence level
     * @param profileCi  whether to compute the profile-likelihood intervals of the variances
     * @throws IllegalArgumentException when no level is given or the confidence level is outside (0, 1)
     */
    public MultilevelOptions {
        levels = List.copyOf(levels);
        moderators = List.copyOf(moderators == null ? List.of() : moderators);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("a multilevel model needs at least one grouping column, such as ~ 1 | study/es_id");
        }
        if (method == null || test == null) {
            throw new IllegalArgumentException("the method and the test are required");
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("the confidence level must lie between 0 and 1, not " + level);
        }
    }

    /**
     * Options without the profile-likelihood intervals.
     *
     * @param levels     the nested grouping columns
     * @param moderators the moderator columns
     * @param method     the method
     * @param test       the test
     * @param level      the confidence level
     */
    public MultilevelOptions(List<String> levels, List<String> moderators, Method method, Test test, double level) {
        this(levels, moderators, method, test, level, false);
    }

    /**
     * The same options with (or without) the profile-likelihood intervals of the variances.
     *
     * @param p whether to compute them
     * @return a copy
     */
    public MultilevelOptions withProfileCi(boolean p) {
        return new MultilevelOptions(levels, moderators, method, test, level, p);
    }

    /**
     * REML, z tests, 95%, no moderators, with the random structure written as in metafor.
     *
     * @param random such as {@code ~ 1 | study/es_id} (or just {@code study/es_id})
     * @return the options
     */
    public static MultilevelOptions of(String random) {
        return new MultilevelOptions(parseRandom(random), List.of(), Method.REML, Test.Z, 0.95);
    }

    /**
     * The same options with moderators.
     *
     * @param mods the moderator columns
     * @return a copy
     */
    public MultilevelOptions withModerators(List<String> mods) {
        return new MultilevelOptions(levels, mods, method, test, level, profileCi);
    }

    /**
     * The same options with another method.
     *
     * @param m REML or ML
     * @return a copy
     */
    public MultilevelOptions withMethod(Method m) {
        return new MultilevelOptions(levels, moderators, m, test, level, profileCi);
    }

    /**
     * The same options with another test.
     *
     * @param t z or t
     * @return a copy
     */
    public MultilevelOptions withTest(Test t) {
        return new MultilevelOptions(levels, moderators, method, t, level, profileCi);
    }

    /**
     * The same options with another confidence level.
     *
     * @param l the level
     * @return a copy
     */
    public MultilevelOptions withLevel(double l) {
        return new MultilevelOptions(levels, moderators, method, test, l, profileCi);
    }

    /**
     * Reads a nested random structure: {@code ~ 1 | study/es_id}, {@code 1 | study/es_id} or {@code study/es_id}.
     *
     * @param random the text
     * @return the grouping columns, outermost first
     * @throws IllegalArgumentException when it is not of that form
     */
    public static List<String> parseRandom(String random) {
        String s = random.trim();
        if (s.startsWith("~")) {
            s = s.substring(1).trim();
        }
        int bar = s.indexOf('|');
        if (bar >= 0) {
            String lhs = s.substring(0, bar).trim();
            if (!lhs.equals("1")) {
                throw new IllegalArgumentException("the random structure '" + random + "' must have 1 before the bar (~ 1 | study/es_id): "
                        + "random slopes are not part of a multilevel model");
            }
            s = s.substring(bar + 1).trim();
        }
        List<String> out = new ArrayList<>();
        for (String p : s.split("/")) {
            String n = p.trim();
            if (n.isEmpty() || !n.matches("[A-Za-z_.][A-Za-z0-9_.]*")) {
                throw new IllegalArgumentException("the random structure '" + random + "' is not of the form ~ 1 | study/es_id");
            }
            if (out.contains(n)) {
                throw new IllegalArgumentException("the random structure '" + random + "' names " + n + " twice");
            }
            out.add(n);
        }
        return out;
    }
}
