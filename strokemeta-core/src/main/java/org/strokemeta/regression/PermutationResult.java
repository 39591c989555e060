package org.strokemeta.regression;

import java.util.List;

/**
 * Permutation p-values of a meta-regression (metafor::permutest): for each coefficient the share of
 * permutations whose |z| (or |t|) reaches the observed one, and the same for QM.
 *
 * @param exact         true when every distinct arrangement of the moderators was evaluated
 * @param permutations  the number of permutations whose model could be fitted and that count in the
 *                      p-values (the observed arrangement included)
 * @param failed        permutations whose model could not be fitted (tau² did not converge); they
 *                      are left out of the p-values, as metafor does
 * @param names         the coefficient names, intercept first
 * @param p             the permutation p-value of each coefficient
 * @param qmP           the permutation p-value of the omnibus test QM
 * @param requested     the permutations asked for (the exact count for the exact test)
 * @param stopped       null when all requested permutations were evaluated; otherwise why the test
 *                      stopped early (its time limit). A random test's p-values are then based on the
 *                      permutations done; an exact test's are not available (NaN), since the
 *                      arrangements are visited in a fixed order, not at random
 * @param ci            the permutation-based confidence interval of each coefficient ({lower, upper}, design order), or
 *                      null when not asked for ({@link PermutationInterval})
 * @serial exclude
 */
public record PermutationResult(boolean exact, long permutations, long failed, List<String> names, double[] p,
                                double qmP, long requested, String stopped, double[][] ci) implements java.io.Serializable {
    /**
     * Copies the names and p-values and checks that there is one p-value per coefficient.
     *
     * @param exact true when every distinct arrangement of the moderators was evaluated
     * @param permutations the number of permutations whose model could be fitted and that count in the
     *                             p-values (the observed arrangement included)
     * @param failed permutations whose model could not be fitted (tau² did not converge); they
     *                             are left out of the p-values, as metafor does
     * @param names the coefficient names, intercept first
     * @param p the permutation p-value of each coefficient
     * @param qmP the permutation p-value of the omnibus test QM
     * @param requested the permutations asked for (the exact count for the exact test)
     * @param stopped null when all requested permutations were evaluated; otherwise why the test
     *                             stopped early (its time limit). A random test's p-values are then based on the
     *                             permutations done; an exact test's are not available (NaN), since the
     *                             arrangements are visited in a fixed order, not at random
     * @param ci the permutation-based confidence interval of each coefficient, or null
     * @throws IllegalArgumentException if {@code p} and {@code names} differ in length, or the intervals are not one per coefficient
     */
    public PermutationResult {
        names = List.copyOf(names);
        if (p.length != names.size()) {
            throw new IllegalArgumentException("one p-value per coefficient is needed");
        }
        p = p.clone();
        if (ci != null) {
            if (ci.length != names.size()) {
                throw new IllegalArgumentException("one interval per coefficient is needed");
            }
            double[][] c = new double[ci.length][];
            for (int j = 0; j < ci.length; j++) {
                c[j] = ci[j].clone();
            }
            ci = c;
        }
    }

    /**
     * A result without permutation-based intervals.
     *
     * @param exact true when every distinct arrangement was evaluated
     * @param permutations the permutations that count in the p-values
     * @param failed permutations whose model could not be fitted
     * @param names the coefficient names, intercept first
     * @param p the permutation p-value of each coefficient
     * @param qmP the permutation p-value of QM
     * @param requested the permutations asked for
     * @param stopped null, or why the test stopped early
     */
    public PermutationResult(boolean exact, long permutations, long failed, List<String> names, double[] p, double qmP, long requested,
                             String stopped) {
        this(exact, permutations, failed, names, p, qmP, requested, stopped, null);
    }

    /**
     * The same result with permutation-based intervals.
     *
     * @param intervals {lower, upper} per coefficient
     * @return the result carrying them
     */
    public PermutationResult withIntervals(double[][] intervals) {
        return new PermutationResult(exact, permutations, failed, names, p, qmP, requested, stopped, intervals);
    }

    /**
     * The {@code ci} component, as a copy (null when not computed).
     *
     * @return a fresh copy of the intervals, or null
     */
    @Override
    public double[][] ci() {
        if (ci == null) {
            return null;
        }
        double[][] c = new double[ci.length][];
        for (int j = 0; j < ci.length; j++) {
            c[j] = ci[j].clone();
        }
        return c;
    }

    /**
     * The {@code p} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code p}
     */
    @Override
    public double[] p() {
        return p.clone();
    }

    /**
     * Element {@code i} of {@link #p()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code p()[i]}
     */
    public double p(int i) {
        return p[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PermutationResult r
                && exact == r.exact
                && permutations == r.permutations
                && failed == r.failed
                && java.util.Objects.equals(names, r.names)
                && java.util.Arrays.equals(p, r.p)
                && Double.compare(qmP, r.qmP) == 0
                && requested == r.requested
                && java.util.Objects.equals(stopped, r.stopped)
                && java.util.Arrays.deepEquals(ci, r.ci);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(exact, permutations, failed, names, java.util.Arrays.hashCode(p), qmP,
                requested, stopped, java.util.Arrays.deepHashCode(ci));
    }

    @Override
    public String toString() {
        return "PermutationResult[exact=" + exact + ", permutations=" + permutations + ", failed=" + failed
                + ", names=" + names + ", p=" + java.util.Arrays.toString(p) + ", qmP=" + qmP + ", requested="
                + requested + ", stopped=" + stopped + (ci == null ? "" : ", ci=" + java.util.Arrays.deepToString(ci)) + "]";
    }

    /**
     * The permutation p-value of the named coefficient.
     *
     * @param name the coefficient's name, as in {@link #names()}
     * @return its permutation p-value, a proportion in (0, 1]
     * @throws IllegalArgumentException if there is no coefficient of that name
     */
    public double p(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no coefficient named " + name);
        }
        return p[j];
    }

    /**
     * True when every requested permutation was evaluated.
     *
     * @return whether {@link #stopped()} is null
     */
    public boolean complete() {
        return stopped == null;
    }

    /**
     * A one-line description, such as "exact permutation test (10080 permutations)", or for a test
     * stopped early "random permutation test (STOPPED EARLY after 5000 of 100000 permutations: ...;
     * the p-values are based on the 5000 done)".
     *
     * @return the description
     */
    public String describe() {
        String left = failed > 0 ? ", " + failed + " left out because the model could not be fitted" : "";
        if (stopped == null) {
            return (exact ? "exact" : "random") + " permutation test (" + permutations + " permutations" + left + ")";
        }
        long done = permutations + failed;
        return (exact ? "exact" : "random") + " permutation test (STOPPED EARLY after " + done + " of " + requested
                + " permutations: " + stopped + left + "; "
                + (exact ? "an incomplete exact test has no p-values" : "the p-values are based on the " + permutations + " done")
                + ")";
    }
}
