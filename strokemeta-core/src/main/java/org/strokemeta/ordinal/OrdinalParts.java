package org.strokemeta.ordinal;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.strokemeta.data.Note;
import org.strokemeta.internal.RowColumns;
import org.strokemeta.pool.Execution;

/**
 * The proportional-odds fit of {@link ProportionalOdds#fit(org.strokemeta.data.PatientData, PoOptions)} for
 * patients held in parts that are never brought together: the partitions of a cluster, files read one at a
 * time. Newton's method runs where the caller calls {@link #fit}; each of its steps asks the caller for the
 * log-likelihood, gradient and Hessian at the current parameters, which the caller computes part by part
 * where the parts are ({@link Model#sums}) and adds up ({@link Sums#add}, by tree aggregation for example).
 * The iteration, its convergence test and the reported quantities are those of the single-machine fit, so
 * the two agree to the rounding of the sums (their order differs).
 *
 * <p>The steps:
 * <ol>
 *   <li>each part's patients as a {@link Chunk}, with trial codes shared by all parts;</li>
 *   <li>a {@link Tally} of every chunk, added up: the data's shape (patients by trial, category and arm,
 *       the covariates' variation);</li>
 *   <li>the {@link #model model} of the total tally: which trials enter, the parameters, the checks and
 *       notes of the single-machine fit (a trial with one arm, an empty category, a constant covariate);</li>
 *   <li>each chunk {@link Model#prepare prepared} by the model, once, and kept where it is;</li>
 *   <li>{@link #fit} with a function that sums {@link Model#sums} over the prepared parts.</li>
 * </ol>
 * Above a quarter of a million patients the single-machine fit starts from the fit to a subsample; here
 * {@link #start} fits a sample the caller draws, which saves the same passes over the data.
 *
 * <p>The values are {@link java.io.Serializable}, so that a cluster can ship them: the model and the
 * parameters go to the parts, sums come back.
 */
public final class OrdinalParts {
    private OrdinalParts() {
    }

    /**
     * The patients of one part, column-wise (the arrays are copied).
     *
     * @serial exclude
     */
    public static final class Chunk implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[] trial;
        private final int[] treatment;
        private final int[] outcome;
        private final double[] weight;
        private final double[][] covariates;

        private Chunk(RowColumns c) {
            trial = c.ints()[0];
            treatment = c.ints()[1];
            outcome = c.ints()[2];
            weight = c.weight();
            covariates = c.covariates();
        }

        /**
         * A part's patients.
         *
         * @param trial      each patient's trial code, 0 to trials − 1, the same codes in every part
         * @param treatment  1 treatment, 0 control
         * @param outcome    the outcome category, 0 (best) to categories − 1
         * @param weight     case weights (the number of patients a row stands for), or null for one each
         * @param covariates one column per covariate, in the same order in every part
         * @return the chunk
         * @throws IllegalArgumentException if the columns differ in length
         */
        public static Chunk of(int[] trial, int[] treatment, int[] outcome, double[] weight, double[][] covariates) {
            return new Chunk(RowColumns.copyOf(new int[][] {trial, treatment, outcome}, weight, covariates));
        }

        /**
         * The number of rows.
         *
         * @return the rows of the chunk
         */
        public int size() {
            return trial.length;
        }

        /**
         * Every {@code stride}-th row, from the first: a systematic sample for {@link OrdinalParts#start}.
         *
         * @param stride the step, at least 1
         * @return the sampled rows
         * @throws IllegalArgumentException if {@code stride} is below 1
         */
        public Chunk every(int stride) {
            return of(columns().every(stride));
        }

        /**
         * Chunks one after another, as one.
         *
         * @param chunks the chunks, all with the same covariates and all weighted or none
         * @return their rows in order
         * @throws IllegalArgumentException if the list is empty, or the chunks differ in covariates or weighting
         */
        public static Chunk concat(List<Chunk> chunks) {
            return of(RowColumns.concat(chunks.stream().map(Chunk::columns).toList()));
        }

        private RowColumns columns() {
            return new RowColumns(new int[][] {trial, treatment, outcome}, weight, covariates);
        }

        private static Chunk of(RowColumns c) {
            return new Chunk(c);
        }

        private OrdinalRows rows(String[] trialNames, int categories) {
            return rows(trialNames, categories, covariateNames(covariates.length));
        }

        OrdinalRows rows(String[] trialNames, int categories, List<String> covariateNames) {
            return new OrdinalRows("part", trialNames, trial, treatment, outcome, weight, categories, covariateNames,
                    covariates, List.of());
        }

        /**
         * The trial codes present, ascending.
         *
         * @return the distinct codes of the chunk's rows
         */
        public int[] trials() {
            return Arrays.stream(trial).distinct().sorted().toArray();
        }

        /**
         * The rows of one trial, in order.
         *
         * @param code the trial's code
         * @return its rows (none when the chunk has none of it)
         */
        public Chunk trial(int code) {
            return of(columns().where(0, code));
        }
    }

    /**
     * The shape of the data: weights and rows by trial, outcome category and arm, and each covariate's
     * moments and variation within each trial. Tallies of parts add up to the tally of the whole.
     *
     * @serial exclude
     */
    public static final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final OrdinalTally t;

        private Tally(OrdinalTally t) {
            this.t = t;
        }

        /**
         * The tally of one chunk.
         *
         * @param c          the chunk
         * @param trials     the number of trial codes
         * @param categories the number of outcome categories
         * @return the tally
         * @throws org.strokemeta.data.InputException   for a negative or infinite weight
         * @throws IllegalArgumentException for an arm other than 0/1, or a trial code or category out of range
         */
        public static Tally of(Chunk c, int trials, int categories) {
            return new Tally(OrdinalTally.of(c.rows(new String[trials], categories), Execution.singleThread()));
        }

        /**
         * This tally and another, added (neither is changed).
         *
         * @param other the tally of other patients, with the same trials, categories and covariates
         * @return the sum
         * @throws IllegalArgumentException if the two differ in trials, categories or covariates
         */
        public Tally add(Tally other) {
            OrdinalTally sum = new OrdinalTally(t.trials, t.categories, t.covariates);
            sum.add(t);
            sum.add(other.t);
            return new Tally(sum);
        }

        /**
         * The weight (patients) of one trial, outcome category and arm.
         *
         * @param trial    the trial's code
         * @param category the outcome category
         * @param arm      1 treatment, 0 control
         * @return the patients tallied there
         * @throws IndexOutOfBoundsException if a code is out of range
         */
        public double weight(int trial, int category, int arm) {
            if (trial < 0 || trial >= t.trials || category < 0 || category >= t.categories || (arm & ~1) != 0) {
                throw new IndexOutOfBoundsException("no trial " + trial + ", category " + category + ", arm " + arm);
            }
            return t.weight[(trial * t.categories + category) * 2 + arm];
        }

        /**
         * The number of rows of non-zero weight.
         *
         * @return rows counted
         */
        public long rows() {
            long n = 0;
            for (long r : t.rows) {
                n += r;
            }
            return n;
        }
    }

    /**
     * The fit's layout: which trials enter, in which stratum, the parameters and the cells; it arranges
     * each part's patients and computes their sums.
     *
     * @serial exclude
     */
    public static final class Model implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final OrdinalLayout layout;
        private final Link link;

        private Model(OrdinalLayout layout, Link link) {
            this.layout = layout;
            this.link = link;
        }

        /**
         * A chunk arranged for the likelihood: sorted into the model's cells, rows of weight 0 and of trials
         * left out dropped; without covariates, one weighted row per cell.
         *
         * @param c the chunk, coded as the tally was
         * @return the prepared part
         */
        public Prepared prepare(Chunk c) {
            return new Prepared(OrdinalDesign.of(layout, c.rows(layout.trialNames, layout.categories),
                    Execution.singleThread()));
        }

        /**
         * The log-likelihood of one part with its gradient and Hessian at {@code par}, in the calling thread.
         *
         * @param p   a part prepared by this model
         * @param par the parameters, as many as {@link #parameters()}
         * @return the part's sums
         * @throws IllegalArgumentException if the number of parameters is wrong
         */
        public Sums sums(Prepared p, double[] par) {
            if (par.length != layout.parameters) {
                throw new IllegalArgumentException("expected " + layout.parameters + " parameters, got " + par.length);
            }
            if (p.design.parameters != layout.parameters) {
                throw new IllegalArgumentException("the part was prepared by another model");
            }
            Likelihood.Value v = new Likelihood(p.design, Execution.singleThread(), link).evaluate(par);
            return v.finite() ? new Sums(v.nll(), v.gradient(), v.hessian()) : Sums.invalid(layout.parameters);
        }

        /**
         * The sums of no patients, to start an aggregation.
         *
         * @return zero sums
         */
        public Sums zero() {
            return new Sums(0, new double[layout.parameters], new double[layout.parameters * layout.parameters]);
        }

        /**
         * The number of parameters: cut-points, then coefficients (treatment first, then the covariates).
         *
         * @return the length of the parameter vector
         */
        public int parameters() {
            return layout.parameters;
        }

        /**
         * The start values of the single-machine fit: cut-points at the logits of the cumulative proportions,
         * coefficients 0.
         *
         * @return the start values
         */
        public double[] start() {
            return layout.start(link);
        }

        /**
         * The strata: each trial that enters, or one ("all trials") with common cut-points.
         *
         * @return the strata names
         */
        public List<String> strata() {
            return List.of(layout.strataNames);
        }

        /**
         * Remarks on the data: trials left out, empty categories, the caller's own notes.
         *
         * @return the notes
         */
        public List<Note> notes() {
            return layout.notes;
        }
    }

    /**
     * A part's patients arranged by a {@link Model}.
     *
     * @serial exclude
     */
    public static final class Prepared implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final OrdinalDesign design;

        private Prepared(OrdinalDesign design) {
            this.design = design;
        }

        /**
         * The rows held.
         *
         * @return rows (patients, or weighted cells without covariates)
         */
        public int size() {
            return design.n;
        }
    }

    /**
     * The negative log-likelihood of some patients with its gradient and Hessian (row-major); invalid where the
     * parameters leave the model (cut-points out of order).
     *
     * @serial exclude
     */
    public static final class Sums implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double nll;
        private final double[] gradient;
        private final double[] hessian;
        private final boolean invalid;

        private Sums(double nll, double[] gradient, double[] hessian) {
            this.nll = nll;
            this.gradient = gradient;
            this.hessian = hessian;
            this.invalid = false;
        }

        private Sums(int parameters) {
            nll = Double.POSITIVE_INFINITY;
            gradient = new double[parameters];
            hessian = new double[parameters * parameters];
            invalid = true;
        }

        private static Sums invalid(int parameters) {
            return new Sums(parameters);
        }

        /**
         * These sums and another, added (neither is changed).
         *
         * @param o the sums of other patients at the same parameters
         * @return the sum
         * @throws IllegalArgumentException if the two have different numbers of parameters
         */
        public Sums add(Sums o) {
            if (o.gradient.length != gradient.length) {
                throw new IllegalArgumentException("sums of " + gradient.length + " and " + o.gradient.length + " parameters");
            }
            if (invalid || o.invalid) {
                return invalid(gradient.length);
            }
            double[] g = gradient.clone();
            double[] h = hessian.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] += o.gradient[i];
            }
            for (int i = 0; i < h.length; i++) {
                h[i] += o.hessian[i];
            }
            return new Sums(nll + o.nll, g, h);
        }

        /**
         * The log-likelihood.
         *
         * @return the log-likelihood, −∞ where the parameters leave the model
         */
        public double logLik() {
            return -nll;
        }

        Likelihood.Value value() {
            return invalid || !Double.isFinite(nll) ? new Likelihood.Value(Double.POSITIVE_INFINITY, null, null)
                    : new Likelihood.Value(nll, gradient.clone(), hessian.clone());
        }
    }

    /**
     * The model of the tallied data, with the checks of the single-machine fit.
     *
     * @param total          the tally of all the parts
     * @param source         the data's name, for messages
     * @param trialNames     the trials by code
     * @param covariateNames the covariates, in the chunks' column order
     * @param o              the fit options (their merge of categories must already be applied to the chunks)
     * @param notes          remarks on the data to carry into the fit (patients left out, for example)
     * @return the model
     * @throws org.strokemeta.data.InputException when the data cannot give an estimate: no trial with both arms, an
     *                                            empty category that may not be dropped, a covariate that does not vary
     * @throws IllegalArgumentException           if the names do not match the tally
     */
    public static Model model(Tally total, String source, List<String> trialNames, List<String> covariateNames, PoOptions o,
                              List<Note> notes) {
        OrdinalLayout layout = OrdinalLayout.of(total.t, source, trialNames.toArray(new String[0]), covariateNames,
                o.thresholds(), o.emptyCategories(), false, notes);
        return new Model(layout, o.link());
    }

    /**
     * The likelihood-ratio test of proportional odds of {@link PartialProportionalOdds#test(org.strokemeta.data.PatientData,
     * PoOptions)} over parts: the proportional-odds fit and the partial one with a treatment effect per cut-point, both
     * without empty categories. The caller prepares the parts for each of the two models it is handed and returns the
     * function that sums them.
     *
     * @param total          the tally of all the parts
     * @param source         the data's name, for messages
     * @param trialNames     the trials by code
     * @param covariateNames the covariates, in the chunks' column order
     * @param o              the fit options
     * @param notes          remarks on the data to carry into the fits
     * @param sumsOver       for a model, the function that sums its prepared parts at given parameters
     * @return both fits, the test and the treatment effect at each cut-point
     * @throws org.strokemeta.data.InputException with fewer than three categories, an empty category, or data from which
     *                                            nothing can be estimated
     */
    public static ProportionalOddsCheck check(Tally total, String source, List<String> trialNames, List<String> covariateNames,
                                              PoOptions o, List<Note> notes,
                                              Function<Model, Function<double[], Sums>> sumsOver) {
        PartialProportionalOdds.checkCategories(source, total.t.categories);
        PoOptions strict = PartialProportionalOdds.strict(o);
        Model po = model(total, source, trialNames, covariateNames, strict, notes);
        ProportionalOddsFit fit = fit(po, sumsOver.apply(po), strict, null);
        Model partial = new Model(OrdinalLayout.of(total.t, source, trialNames.toArray(new String[0]), covariateNames,
                strict.thresholds(), EmptyCategories.REJECT, true, notes), strict.link());
        Function<double[], Sums> partialSums = sumsOver.apply(partial);
        return PartialProportionalOdds.test(partial.layout, fit, start -> fit(partial, partialSums, strict, start));
    }

    /**
     * Start values from a sample of the patients (a few tens of thousands, drawn by the caller): the estimates
     * of the fit to the sample when it converges, else the model's own start values. Newton's method then
     * needs fewer passes over all the data; the estimate it reaches does not depend on the start.
     *
     * @param m      the model
     * @param sample the sample, prepared by the model
     * @param o      the fit options
     * @return the start values
     */
    public static double[] start(Model m, Prepared sample, PoOptions o) {
        checkLink(m, o);
        double[] s = ProportionalOdds.sampleStart(m.layout, par -> m.sums(sample, par).value(), o);
        return s != null ? s : m.start();
    }

    /**
     * Fits the model by Newton's method; {@code sums} gives the sums over all the parts at the parameters it is
     * given (each call is one pass over the data).
     *
     * @param m     the model
     * @param sums  the sums of all the parts at given parameters
     * @param o     the fit options, as given to {@link #model}
     * @param start start values ({@link #start}), or null for the model's own
     * @return the fit, as {@link ProportionalOdds#fit(org.strokemeta.data.PatientData, PoOptions)} gives it
     * @throws IllegalArgumentException if the options' link is not the model's, or the start has the wrong length
     */
    public static ProportionalOddsFit fit(Model m, Function<double[], Sums> sums, PoOptions o, double[] start) {
        checkLink(m, o);
        if (start != null && start.length != m.parameters()) {
            throw new IllegalArgumentException("expected " + m.parameters() + " start values, got " + start.length);
        }
        return ProportionalOdds.fit(m.layout, par -> sums.apply(par.clone()).value(), o,
                start == null ? null : start.clone());
    }

    private static void checkLink(Model m, PoOptions o) {
        if (o.link() != m.link) {
            throw new IllegalArgumentException("the options' link (" + o.link() + ") is not the model's (" + m.link + ")");
        }
    }

    private static List<String> covariateNames(int q) {
        String[] names = new String[q];
        Arrays.setAll(names, k -> "x" + k);
        return List.of(names);
    }
}
