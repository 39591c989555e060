package org.strokemeta.regression;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;

/**
 * The moderator part of a meta-regression design (the intercept is implicit): which studies enter the
 * model, the design columns over them, and which studies were left out because a moderator is blank.
 *
 * <p>Like metafor::rma with R's default {@code na.action = "na.omit"}, a study with a missing
 * moderator is left out of the model, but here it is always reported, as a note naming the study,
 * its line and the missing moderators. A design that cannot be estimated (a moderator that is
 * constant over the studies used, or a column that is a linear combination of the intercept and the
 * other columns) is an input error; metafor would drop the redundant column with a warning.
 *
 * @param moderators the moderators, in the order given
 * @param names      the design column names (without the intercept)
 * @param columns    the design columns, each over the studies used
 * @param positions  the positions (in the effect sizes) of the studies used, in data order
 * @param factors    the levels of each categorical moderator (the first is the reference)
 * @param excluded   one note per study left out, naming the missing moderators
 * @serial exclude
 */
public record Design(List<Moderator> moderators, List<String> names, double[][] columns, int[] positions,
                     List<Factor> factors, List<Note> excluded) implements java.io.Serializable {
    /** Relative size below which a column counts as a combination of the others (R's lm.fit qr tolerance). */
    static final double COLLINEARITY_TOL = 1e-7;

    /**
     * Copies the lists and checks that there is one column per name.
     *
     * @param moderators the moderators, in the order given
     * @param names the design column names (without the intercept)
     * @param columns the design columns, each over the studies used
     * @param positions the positions (in the effect sizes) of the studies used, in data order
     * @param factors the levels of each categorical moderator (the first is the reference)
     * @param excluded one note per study left out, naming the missing moderators
     * @throws IllegalArgumentException if the names and columns differ in number or a column's length is not k
     */
    public Design {
        moderators = List.copyOf(moderators);
        names = List.copyOf(names);
        factors = List.copyOf(factors);
        excluded = List.copyOf(excluded);
        if (columns.length != names.size()) {
            throw new IllegalArgumentException("names and columns differ in number");
        }
        for (double[] c : columns) {
            if (c.length != positions.length) {
                throw new IllegalArgumentException("a design column differs in length from the studies used");
            }
        }
        columns = deepCopy(columns);
        positions = positions.clone();
    }

    /**
     * The {@code columns} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code columns}
     */
    @Override
    public double[][] columns() {
        return deepCopy(columns);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #columns()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code columns()[i][j]}
     */
    public double columns(int i, int j) {
        return columns[i][j];
    }

    /**
     * The {@code positions} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code positions}
     */
    @Override
    public int[] positions() {
        return positions.clone();
    }

    /**
     * Element {@code i} of {@link #positions()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code positions()[i]}
     */
    public int positions(int i) {
        return positions[i];
    }

    private static double[][] deepCopy(double[][] x) {
        if (x == null) {
            return null;
        }
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] == null ? null : x[i].clone();
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Design r
                && java.util.Objects.equals(moderators, r.moderators)
                && java.util.Objects.equals(names, r.names)
                && java.util.Arrays.deepEquals(columns, r.columns)
                && java.util.Arrays.equals(positions, r.positions)
                && java.util.Objects.equals(factors, r.factors)
                && java.util.Objects.equals(excluded, r.excluded);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(moderators, names, java.util.Arrays.deepHashCode(columns),
                java.util.Arrays.hashCode(positions), factors, excluded);
    }

    @Override
    public String toString() {
        return "Design[moderators=" + moderators + ", names=" + names + ", columns="
                + java.util.Arrays.deepToString(columns) + ", positions=" + java.util.Arrays.toString(positions)
                + ", factors=" + factors + ", excluded=" + excluded + "]";
    }

    /**
     * The levels of a categorical moderator.
     *
     * @param moderator the column name
     * @param levels    the levels present among the studies used, sorted; the first is the reference
     * @serial exclude
     */
    public record Factor(String moderator, List<String> levels) implements java.io.Serializable {
        /**
         * Copies the levels.
         *
         * @param moderator the column name
         * @param levels the levels present among the studies used, sorted; the first is the reference
         */
        public Factor {
            levels = List.copyOf(levels);
        }

        /**
         * The reference level, whose studies all columns of the factor give 0.
         *
         * @return the first level
         */
        public String reference() {
            return levels.get(0);
        }
    }

    /**
     * The number of studies that enter the model.
     *
     * @return the length of {@link #positions()}
     */
    public int k() {
        return positions.length;
    }

    /**
     * Builds the design of the given moderators for the studies of {@code es}, reading the moderators
     * from the effects' covariates ({@link EffectSizes#covariates()}).
     *
     * @param es         the effects, carrying the moderator columns
     * @param moderators the moderators, in the order their columns enter the design
     * @return the design over the studies with every moderator given
     * @throws InputException when a moderator column is missing (naming the file), a numeric moderator
     *                        holds text (naming file, line and column), a moderator is constant or the
     *                        columns are collinear
     * @throws IllegalArgumentException when no moderator is given
     */
    public static Design of(EffectSizes es, List<Moderator> moderators) {
        if (moderators.isEmpty()) {
            throw new IllegalArgumentException("a meta-regression needs at least one moderator");
        }
        List<Moderator.Column> cols = new ArrayList<>();
        for (Moderator m : moderators) {
            cols.add(m.type().read(es.covariates(), m.column()));
        }
        return build(es, source(es), moderators, cols);
    }

    private static String source(EffectSizes es) {
        return es.input() != null ? es.input().source() : es.covariates().source();
    }

    /**
     * The design of one categorical moderator given as a label per study of {@code es} (null or blank
     * for a missing value), for example subgroup membership.
     *
     * @param es     the per-study effects
     * @param name   the moderator's name (for coefficient names and reports)
     * @param labels the level of each study of {@code es}, in its order
     * @return the design of one categorical moderator with the first level (sorted) as reference
     * @throws IllegalArgumentException if there is not one label per study
     */
    public static Design ofLabels(EffectSizes es, String name, String[] labels) {
        if (labels.length != es.size()) {
            throw new IllegalArgumentException("one label per study is needed");
        }
        String[] text = new String[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String l = labels[i];
            text[i] = l == null || l.isBlank() ? null : l.trim();
        }
        return build(es, source(es), List.of(Moderator.categorical(name)), List.of(Moderator.Type.labelled(name, text)));
    }

    private static Design build(EffectSizes es, String source, List<Moderator> moderators, List<Moderator.Column> cols) {
        int k = es.size();
        int[] keep = new int[k];
        int n = 0;
        List<Note> excluded = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            List<String> missing = new ArrayList<>();
            for (Moderator.Column c : cols) {
                if (c.missing(i)) {
                    missing.add(c.name);
                }
            }
            if (missing.isEmpty()) {
                keep[n++] = i;
            } else {
                excluded.add(new Note(es.lines(i), es.study(i), Note.Kind.EXCLUDED,
                        "left out of the meta-regression: no value for the moderator" + (missing.size() > 1 ? "s " : " ")
                                + String.join(", ", missing)));
            }
        }
        int[] positions = java.util.Arrays.copyOf(keep, n);
        if (n == 0) {
            throw InputException.of(source, "no study has a value for every moderator (" + names(cols) + ")");
        }
        List<String> names = new ArrayList<>();
        List<double[]> columns = new ArrayList<>();
        List<Factor> factors = new ArrayList<>();
        for (Moderator.Column c : cols) {
            Moderator.Coded coded = c.code(positions);
            if (coded.factor() != null) {
                factors.add(coded.factor());
                if (coded.factor().levels().size() < 2) {
                    throw new InputException(source, 0, c.name, "the moderator takes only one value ("
                            + coded.factor().levels().get(0) + ") in the " + n + " stud" + (n == 1 ? "y" : "ies")
                            + " used, so its effect cannot be estimated");
                }
            }
            names.addAll(coded.names());
            columns.addAll(List.of(coded.columns()));
        }
        for (int a = 0; a < names.size(); a++) {
            for (int b = 0; b < a; b++) {
                if (names.get(a).equals(names.get(b))) {
                    throw InputException.of(source, "the moderator column " + names.get(a) + " is given twice");
                }
            }
        }
        double[][] design = columns.toArray(new double[0][]);
        checkEstimable(source, names, design);
        return new Design(moderators, names, design, positions, factors, excluded);
    }

    private static String names(List<Moderator.Column> cols) {
        List<String> s = new ArrayList<>();
        cols.forEach(c -> s.add(c.name));
        return String.join(", ", s);
    }

    /**
     * Fails on a constant column or one that is (numerically) a linear combination of the intercept and
     * the columns before it: modified Gram-Schmidt with re-orthogonalisation, with R's lm tolerance.
     */
    static void checkEstimable(String source, List<String> names, double[][] cols) {
        int n = cols.length == 0 ? 0 : cols[0].length;
        if (cols.length + 1 > n) {
            throw InputException.of(source, "the model has " + (cols.length + 1) + " coefficients but only " + n
                    + " stud" + (n == 1 ? "y" : "ies") + " with complete moderators");
        }
        List<double[]> basis = new ArrayList<>();
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1 / Math.sqrt(n));
        basis.add(one);
        for (int j = 0; j < cols.length; j++) {
            double[] x = cols[j];
            boolean constant = true;
            for (int i = 1; i < n && constant; i++) {
                constant = x[i] == x[0];
            }
            if (constant) {
                throw new InputException(source, 0, baseName(names.get(j)), "the moderator " + names.get(j)
                        + " has the same value (" + fmt(x[0]) + ") in all " + n + " studies used, so its effect cannot be estimated");
            }
            double[] r = x.clone();
            double norm0 = norm(r);
            for (int pass = 0; pass < 2; pass++) {
                for (double[] q : basis) {
                    double d = dot(q, r);
                    for (int i = 0; i < n; i++) {
                        r[i] -= d * q[i];
                    }
                }
            }
            double nr = norm(r);
            if (!(nr > COLLINEARITY_TOL * norm0)) {
                List<String> before = new ArrayList<>();
                before.add("the intercept");
                before.addAll(names.subList(0, j));
                throw new InputException(source, 0, baseName(names.get(j)), "the moderator " + names.get(j)
                        + " is a linear combination of " + String.join(", ", before)
                        + " in the studies used (collinear moderators): remove one of them");
            }
            for (int i = 0; i < n; i++) {
                r[i] /= nr;
            }
            basis.add(r);
        }
    }

    /** The table column behind a design column name ({@code alloc[random]} comes from {@code alloc}). */
    private static String baseName(String designName) {
        int b = designName.indexOf('[');
        return b > 0 && designName.endsWith("]") ? designName.substring(0, b) : designName;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
