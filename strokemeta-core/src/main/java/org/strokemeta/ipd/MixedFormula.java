package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A mixed-model formula in the notation of lme4 and ordinal (Bates et al. 2015, section 2.1):
 * {@code response ~ fixed terms + (effects | grouping)}.
 *
 * <p>Fixed terms: variables (a numeric column is a covariate, a text column a factor; {@code factor(x)}
 * makes a numeric column a factor), interactions {@code a:b}, and crossings {@code a*b} (a + b + a:b).
 * Every interaction must come with its main effects (as {@code a*b} writes it), so that each factor is
 * coded by treatment contrasts against its reference level, as R codes it then. The intercept (the
 * cut-points of an ordinal model) is always present: {@code 0}, {@code -1} are refused.
 *
 * <p>Random terms: {@code (1 | g)} a random intercept per level of g; {@code (1 + x | g)} or
 * {@code (x | g)} an intercept and a slope of x with an unstructured covariance; {@code (0 + x | g)}
 * a slope alone; {@code (1 + x || g)} the same effects uncorrelated. Groupings: {@code g}, an
 * interaction {@code g:h}, and nesting {@code g/h}, which means {@code (… | g) + (… | g:h)}.
 *
 * @param text     the formula as written
 * @param response the response column
 * @param fixed    the fixed terms after expansion, by order (main effects, then two-way interactions, …),
 *                 each a list of variables
 * @param random   the random terms after expanding nesting
 * @serial exclude
 */
public record MixedFormula(String text, String response, List<List<Variable>> fixed, List<RandomTerm> random)
        implements java.io.Serializable {

    /**
     * A variable of the formula: a column, read as a factor when {@code factor} is true or when the column holds text.
     *
     * @param column the column name
     * @param factor true when written {@code factor(column)}
     * @serial exclude
     */
    public record Variable(String column, boolean factor) implements java.io.Serializable {
        /**
         * The variable as written.
         *
         * @return {@code factor(x)} or {@code x}
         */
        public String label() {
            return factor ? "factor(" + column + ")" : column;
        }
    }

    /**
     * One random-effects term.
     *
     * @param intercept  whether it has a random intercept
     * @param effects    the other effects (variables or interactions of variables)
     * @param grouping   the grouping factor: one column, or the interaction of several (nesting expanded)
     * @param correlated false for {@code ||} (a diagonal covariance)
     * @serial exclude
     */
    public record RandomTerm(boolean intercept, List<List<Variable>> effects, List<String> grouping, boolean correlated)
            implements java.io.Serializable {
        /**
         * The term as lme4 prints it.
         *
         * @return for example {@code (1 + age | study)}
         */
        public String label() {
            List<String> parts = new ArrayList<>();
            parts.add(intercept ? "1" : "0");
            for (List<Variable> e : effects) {
                parts.add(MixedFormula.label(e));
            }
            return "(" + String.join(" + ", parts) + (correlated ? " | " : " || ") + String.join(":", grouping) + ")";
        }

        /**
         * The grouping factor's name.
         *
         * @return for example {@code study} or {@code study:centre}
         */
        public String groupName() {
            return String.join(":", grouping);
        }
    }

    /**
     * The checked formula.
     *
     * @param text     the formula as written
     * @param response the response column
     * @param fixed    the fixed terms
     * @param random   the random terms
     */
    public MixedFormula {
        fixed = List.copyOf(fixed);
        random = List.copyOf(random);
    }

    static String label(List<Variable> term) {
        List<String> s = new ArrayList<>();
        for (Variable v : term) {
            s.add(v.label());
        }
        return String.join(":", s);
    }

    /**
     * Every column the formula reads (response, fixed and random variables, grouping factors).
     *
     * @return the column names, each once
     */
    public List<String> columns() {
        Set<String> c = new LinkedHashSet<>();
        c.add(response);
        for (List<Variable> t : fixed) {
            t.forEach(v -> c.add(v.column()));
        }
        for (RandomTerm r : random) {
            r.effects().forEach(t -> t.forEach(v -> c.add(v.column())));
            c.addAll(r.grouping());
        }
        return List.copyOf(c);
    }

    /**
     * Reads a formula.
     *
     * @param text the formula, such as {@code mrs ~ arm * site + age + (1 | study/centre)}
     * @return the formula
     * @throws IllegalArgumentException naming the position and the problem when the formula cannot be read
     */
    public static MixedFormula parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the formula is empty (write it as in R: mrs ~ treatment + age + (1 | study))");
        }
        return new Parser(text).formula();
    }

    private static final class Parser {
        final String s;
        int pos;

        Parser(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("formula '" + s + "', at character " + (pos + 1) + ": " + what);
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String tok) {
            skip();
            if (s.startsWith(tok, pos)) {
                pos += tok.length();
                return true;
            }
            return false;
        }

        boolean peek(String tok) {
            skip();
            return s.startsWith(tok, pos);
        }

        String name() {
            skip();
            if (pos < s.length() && s.charAt(pos) == '`') {
                int e = s.indexOf('`', pos + 1);
                if (e < 0) {
                    throw error("a name opened with ` is not closed");
                }
                String n = s.substring(pos + 1, e);
                pos = e + 1;
                return n;
            }
            int b = pos;
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_' || s.charAt(pos) == '.')) {
                pos++;
            }
            if (b == pos) {
                throw error(pos >= s.length() ? "a term is missing at the end" : "'" + s.charAt(pos) + "' is not expected here");
            }
            return s.substring(b, pos);
        }

        MixedFormula formula() {
            String response = name();
            if (!eat("~")) {
                throw error("expected '~' after the response " + response);
            }
            List<List<List<Variable>>> fixedGroups = new ArrayList<>();
            List<RandomTerm> random = new ArrayList<>();
            boolean first = true;
            do {
                skip();
                if (peek("-")) {
                    throw error("terms cannot be removed with '-' (the intercept, an ordinal model's cut-points, is always in the model)");
                }
                if (peek("(")) {
                    pos++;
                    random.addAll(randomTerm());
                } else if (peek("1") && isNumberToken()) {
                    pos++;
                } else if (peek("0") && isNumberToken()) {
                    throw error("the intercept cannot be removed (an ordinal model's cut-points, a binary model's intercept)");
                } else {
                    fixedGroups.add(product());
                }
                first = false;
            } while (eat("+"));
            skip();
            if (pos < s.length()) {
                throw error("'" + s.charAt(pos) + "' is not expected here (terms are joined by +)");
            }
            if (first) {
                throw error("no terms");
            }
            List<List<Variable>> fixed = expand(fixedGroups);
            if (random.isEmpty()) {
                throw new IllegalArgumentException("formula '" + s + "' has no random-effects term such as (1 | study): a model "
                        + "without random effects is the ipd command's stratified or common model");
            }
            return new MixedFormula(s.trim(), response, fixed, random);
        }

        boolean isNumberToken() {
            int e = pos + 1;
            return e >= s.length() || !(Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '_' || s.charAt(e) == '.');
        }

        Variable variable() {
            String n = name();
            if (n.equals("factor") && eat("(")) {
                String c = name();
                if (!eat(")")) {
                    throw error("expected ')' after factor(" + c);
                }
                return new Variable(c, true);
            }
            if (peek("(")) {
                throw error("the function " + n + "() is not offered (only factor() is); compute the column in the data");
            }
            return new Variable(n, false);
        }

        /** A chain a:b*c:d as its '*'-groups, each a ':'-product. */
        List<List<Variable>> product() {
            List<List<Variable>> groups = new ArrayList<>();
            List<Variable> cur = new ArrayList<>();
            cur.add(variable());
            while (true) {
                if (eat(":")) {
                    cur.add(variable());
                } else if (eat("*")) {
                    groups.add(cur);
                    cur = new ArrayList<>();
                    cur.add(variable());
                } else {
                    break;
                }
            }
            groups.add(cur);
            return groups;
        }

        List<RandomTerm> randomTerm() {
            boolean intercept = true;
            boolean explicitIntercept = false;
            List<List<List<Variable>>> groups = new ArrayList<>();
            do {
                skip();
                if (peek("1") && isNumberToken()) {
                    pos++;
                    explicitIntercept = true;
                } else if (peek("0") && isNumberToken()) {
                    pos++;
                    intercept = false;
                } else if (peek("-")) {
                    throw error("write (0 + x | g) for a term without a random intercept");
                } else {
                    groups.add(product());
                }
            } while (eat("+"));
            boolean correlated;
            if (eat("||")) {
                correlated = false;
            } else if (eat("|")) {
                correlated = true;
            } else {
                throw error("expected '|' in a random-effects term");
            }
            if (explicitIntercept && !intercept) {
                throw error("a random term cannot have both 1 and 0");
            }
            List<List<String>> nested = new ArrayList<>();
            List<String> g = new ArrayList<>();
            g.add(name());
            nested.add(List.copyOf(g));
            while (true) {
                if (eat("/")) {
                    g.add(name());
                    nested.add(List.copyOf(g));
                } else if (eat(":")) {
                    g.add(name());
                    nested.set(nested.size() - 1, List.copyOf(g));
                } else {
                    break;
                }
            }
            if (!eat(")")) {
                throw error("expected ')' to close the random-effects term");
            }
            List<List<Variable>> effects = expand(groups);
            if (!intercept && effects.isEmpty()) {
                throw error("the random term has no effect");
            }
            List<RandomTerm> out = new ArrayList<>();
            for (List<String> gr : nested) {
                out.add(new RandomTerm(intercept, effects, gr, correlated));
            }
            return out;
        }

        /** Expands each chain's '*'-groups into all their products, removes repeats, orders by degree. */
        List<List<Variable>> expand(List<List<List<Variable>>> chains) {
            List<List<Variable>> terms = new ArrayList<>();
            Set<Set<String>> seen = new java.util.HashSet<>();
            for (List<List<Variable>> chain : chains) {
                int k = chain.size();
                for (int mask = 1; mask < (1 << k); mask++) {
                    List<Variable> t = new ArrayList<>();
                    for (int i = 0; i < k; i++) {
                        if ((mask & (1 << i)) != 0) {
                            for (Variable v : chain.get(i)) {
                                if (!t.contains(v)) {
                                    t.add(v);
                                }
                            }
                        }
                    }
                    Set<String> key = new java.util.TreeSet<>();
                    t.forEach(v -> key.add(v.column()));
                    if (seen.add(key)) {
                        terms.add(t);
                    }
                }
            }
            List<List<Variable>> sorted = new ArrayList<>(terms);
            sorted.sort(java.util.Comparator.comparingInt(List::size));
            return sorted;
        }
    }
}
