package org.strokemeta.ipd;

import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.strokemeta.data.Note;
import org.strokemeta.internal.RowColumns;
import org.strokemeta.pool.Execution;

/**
 * The logistic regression stratified by trial of {@link StudyEffect#STRATIFIED} ({@code glm(event ~ 0 + study +
 * treatment + covariates, binomial)}, with the standardised risk difference) for patients held in parts that are never
 * brought together: the partitions of a cluster, files read one at a time. Newton's method runs where the caller calls
 * {@link #fit}; for each of its steps, and for the checks and the risk difference at its end, the caller passes over
 * the parts where they are ({@link Model#sums}, {@link Model#maxEta}, {@link Model#standardise}) and adds the parts'
 * results. Everything else is the single-machine fit's, so the two agree to the rounding of the sums.
 *
 * <p>The steps: each part's patients as a {@link Chunk} (trial codes shared by all parts); a {@link Tally} of each, added
 * up (events and patients per trial and arm); the {@link #model model} of the total (informative trials, parameters,
 * separation by treatment, notes); each chunk {@link Model#prepare prepared} once where it is; then {@link #fit} with
 * {@link Passes} that add the parts' results.
 */
public final class BinaryParts {
    private BinaryParts() {
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
        private final int[] event;
        private final double[] weight;
        private final double[][] covariates;

        private Chunk(RowColumns c) {
            trial = c.ints()[0];
            treatment = c.ints()[1];
            event = c.ints()[2];
            weight = c.weight();
            covariates = c.covariates();
        }

        /**
         * A part's patients.
         *
         * @param trial      each patient's trial code, 0 to trials − 1, the same codes in every part
         * @param treatment  1 treatment, 0 control
         * @param event      1 with the event, 0 without
         * @param weight     case weights (whole numbers of patients, at least 1), or null for one each
         * @param covariates one column per covariate, in the same order in every part
         * @return the chunk
         * @throws IllegalArgumentException if the columns differ in length, or an arm, event or weight is out of range
         */
        public static Chunk of(int[] trial, int[] treatment, int[] event, double[] weight, double[][] covariates) {
            RowColumns c = RowColumns.copyOf(new int[][] {trial, treatment, event}, weight, covariates);
            int n = trial.length;
            for (int i = 0; i < n; i++) {
                if ((treatment[i] & ~1) != 0 || (event[i] & ~1) != 0) {
                    throw new IllegalArgumentException("the arm and the event must be coded 0 or 1");
                }
                if (weight != null && !(weight[i] >= 1 && weight[i] == Math.rint(weight[i]) && weight[i] <= Integer.MAX_VALUE)) {
                    throw new IllegalArgumentException("a case weight must be a whole number of patients, at least 1 (got "
                            + weight[i] + ")");
                }
            }
            return new Chunk(c);
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
         * Every {@code stride}-th row, from the first: a systematic sample for {@link BinaryParts#start}.
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
            return new RowColumns(new int[][] {trial, treatment, event}, weight, covariates);
        }

        private static Chunk of(RowColumns c) {
            return new Chunk(c);
        }

        /** Events and patients per trial and arm. */
        private int[][][] table(int trials) {
            int[][][] t = new int[trials][2][2];
            for (int i = 0; i < trial.length; i++) {
                if (trial[i] < 0 || trial[i] >= trials) {
                    throw new IllegalArgumentException("trial code " + trial[i] + " outside 0.." + (trials - 1));
                }
                int w = weight == null ? 1 : (int) weight[i];
                int[] c = t[trial[i]][treatment[i]];
                c[0] += event[i] * w;
                c[1] += w;
            }
            return t;
        }
    }

    /**
     * Events and patients per trial and arm, and rows. Tallies of parts add up to the tally of the whole.
     *
     * @serial exclude
     */
    public static final class Tally implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final int[][][] table;
        private final long rows;

        private Tally(int[][][] table, long rows) {
            this.table = table;
            this.rows = rows;
        }

        /**
         * The tally of one chunk.
         *
         * @param c      the chunk
         * @param trials the number of trial codes
         * @return the tally
         * @throws IllegalArgumentException for a trial code out of range
         */
        public static Tally of(Chunk c, int trials) {
            return new Tally(c.table(trials), c.size());
        }

        /**
         * This tally and another, added (neither is changed).
         *
         * @param o the tally of other patients, with the same trials
         * @return the sum
         * @throws IllegalArgumentException if the two differ in trials
         */
        public Tally add(Tally o) {
            if (o.table.length != table.length) {
                throw new IllegalArgumentException("tallies of " + table.length + " and " + o.table.length + " trials");
            }
            int[][][] t = new int[table.length][2][2];
            for (int s = 0; s < t.length; s++) {
                for (int a = 0; a < 2; a++) {
                    for (int j = 0; j < 2; j++) {
                        t[s][a][j] = Math.addExact(table[s][a][j], o.table[s][a][j]);
                    }
                }
            }
            return new Tally(t, rows + o.rows);
        }

        /**
         * The number of rows.
         *
         * @return rows counted
         */
        public long rows() {
            return rows;
        }

        /**
         * Patients with the event in one arm, over all trials.
         *
         * @param arm 1 treatment, 0 control
         * @return the patients with the event
         */
        public int events(int arm) {
            int e = 0;
            for (int[][] t : table) {
                e += t[arm][0];
            }
            return e;
        }

        /**
         * Patients in one arm, over all trials.
         *
         * @param arm 1 treatment, 0 control
         * @return the patients
         */
        public int patients(int arm) {
            int n = 0;
            for (int[][] t : table) {
                n += t[arm][1];
            }
            return n;
        }
    }

    /**
     * The fit's layout: informative trials, parameters, separation and notes; it arranges and sums each part.
     *
     * @serial exclude
     */
    public static final class Model implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final StratifiedLogistic.Layout layout;
        private final int covariates;

        private Model(StratifiedLogistic.Layout layout, int covariates) {
            this.layout = layout;
            this.covariates = covariates;
        }

        /**
         * A chunk arranged for the passes: without covariates, one weighted row per trial, arm and outcome.
         *
         * @param c the chunk, coded as the tally was
         * @return the prepared part
         * @throws IllegalArgumentException if the chunk has another number of covariates
         */
        public Prepared prepare(Chunk c) {
            if (c.covariates.length != covariates) {
                throw new IllegalArgumentException("the chunk has " + c.covariates.length + " covariates, the model "
                        + covariates);
            }
            StratifiedLogistic.Obs obs = covariates == 0 ? StratifiedLogistic.Obs.cells(c.table(layout.tab.length), layout.col)
                    : new StratifiedLogistic.Obs(c.trial, c.treatment, c.event, c.weight);
            return new Prepared(new StratifiedLogistic.Local(obs, c.covariates, layout.col, layout.k,
                    Execution.singleThread()));
        }

        /**
         * The log-likelihood of one part with its gradient and information at {@code par}, in the calling thread.
         *
         * @param p   a part prepared by this model
         * @param par the parameters, as many as {@link #parameters()}
         * @return the part's sums
         */
        public Sums sums(Prepared p, double[] par) {
            int np = check(par);
            double[] g = new double[np];
            DMatrixRMaj info = new DMatrixRMaj(np, np);
            double ll = p.local.evaluate(par, g, info);
            return new Sums(ll, g, info.data);
        }

        /**
         * The largest absolute linear predictor of the part's patients in informative trials (above 30, fitted risks of
         * 0 or 1: separation by the covariates).
         *
         * @param p   a part prepared by this model
         * @param par the parameters
         * @return the largest |eta| of the part (0 when it has none)
         */
        public double maxEta(Prepared p, double[] par) {
            check(par);
            return p.local.maxEta(par);
        }

        /**
         * The part's sums for the standardised risk difference: the weighted risks with and without treatment, then the
         * gradient of their difference over the parameters.
         *
         * @param p   a part prepared by this model
         * @param par the parameters
         * @return {@code parameters() + 2} sums (add the parts' arrays element by element)
         */
        public double[] standardise(Prepared p, double[] par) {
            check(par);
            return p.local.standardise(par);
        }

        private int check(double[] par) {
            if (par.length != layout.parameters()) {
                throw new IllegalArgumentException("expected " + layout.parameters() + " parameters, got " + par.length);
            }
            return par.length;
        }

        /**
         * The sums of no patients, to start an aggregation.
         *
         * @return zero sums
         */
        public Sums zero() {
            int np = layout.parameters();
            return new Sums(0, new double[np], new double[np * np]);
        }

        /**
         * The number of parameters: an intercept per informative trial, then treatment and the covariates.
         *
         * @return the length of the parameter vector
         */
        public int parameters() {
            return layout.parameters();
        }

        /**
         * The single-machine fit's start values: intercepts at the logits of the trials' event rates, slopes 0.
         *
         * @return the start values
         */
        public double[] start() {
            return layout.start();
        }

        /**
         * True when treatment separates the outcome: no pass is needed, {@link #fit} reports it.
         *
         * @return whether the odds ratio is infinite or zero
         */
        public boolean separated() {
            return layout.direction != 0;
        }

        /**
         * Remarks: the data's own, arms and trials without events, separation.
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
        private final StratifiedLogistic.Local local;

        private Prepared(StratifiedLogistic.Local local) {
            this.local = local;
        }
    }

    /**
     * The log-likelihood of some patients with its gradient and information (row-major).
     *
     * @serial exclude
     */
    public static final class Sums implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final double logLik;
        private final double[] gradient;
        private final double[] information;

        private Sums(double logLik, double[] gradient, double[] information) {
            this.logLik = logLik;
            this.gradient = gradient;
            this.information = information;
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
            double[] g = gradient.clone();
            double[] h = information.clone();
            for (int i = 0; i < g.length; i++) {
                g[i] += o.gradient[i];
            }
            for (int i = 0; i < h.length; i++) {
                h[i] += o.information[i];
            }
            return new Sums(logLik + o.logLik, g, h);
        }

        /**
         * The log-likelihood.
         *
         * @return the log-likelihood
         */
        public double logLik() {
            return logLik;
        }
    }

    /** The passes over all the parts a fit asks for; each adds the parts' results (in a fixed order, for repeatable bits). */
    public interface Passes {
        /**
         * The sums of all the parts at {@code par}.
         *
         * @param par the parameters
         * @return {@link Model#sums} added over the parts
         */
        Sums sums(double[] par);

        /**
         * The largest {@link Model#maxEta} over the parts.
         *
         * @param par the parameters
         * @return the largest |eta|
         */
        double maxEta(double[] par);

        /**
         * {@link Model#standardise} added over the parts.
         *
         * @param par the parameters
         * @return the summed arrays
         */
        double[] standardise(double[] par);
    }

    /**
     * The model of the tallied data, with the checks and notes of the single-machine fit.
     *
     * @param total      the tally of all the parts
     * @param trialNames the trials by code
     * @param dataNotes  remarks on the data to carry into the fit (patients left out, for example)
     * @param event      the outcome's name (mRS 0-2, death, sich...)
     * @param o          the options: their covariates name the chunks' columns, in order
     * @return the model
     * @throws IllegalArgumentException when there is no patient, no comparison of the arms, or no trial with both arms
     *                                  and patients with and without the event; or the names do not match the tally
     */
    public static Model model(Tally total, List<String> trialNames, List<Note> dataNotes, String event, BinaryOptions o) {
        if (trialNames.size() != total.table.length) {
            throw new IllegalArgumentException(trialNames.size() + " trial names for a tally of " + total.table.length);
        }
        return new Model(StratifiedLogistic.Layout.of(total.table, trialNames.toArray(new String[0]), dataNotes, total.rows,
                event, o), o.covariates().size());
    }

    /**
     * Start values from a sample of the patients (a few tens of thousands, drawn by the caller): the estimates of the fit
     * to the sample when it converges, else the model's own start values.
     *
     * @param m      the model
     * @param sample the sample, prepared by the model
     * @return the start values
     */
    public static double[] start(Model m, Prepared sample) {
        double[] s = StratifiedLogistic.sampleStart(sample.local, m.layout.start());
        return s != null ? s : m.start();
    }

    /**
     * Fits the model by Newton's method: the result of {@code glm(event ~ 0 + study + treatment + covariates, binomial)}
     * with the standardised risk difference, as {@link StudyEffect#STRATIFIED} gives it on one machine.
     *
     * @param m      the model
     * @param passes the passes over all the parts
     * @param o      the options given to {@link #model}
     * @param start  start values ({@link #start}), or null for the model's own
     * @return the fit (or, when treatment separates the outcome, the result saying so, without any pass)
     * @throws IllegalArgumentException if the start has the wrong length
     */
    public static BinaryResult fit(Model m, Passes passes, BinaryOptions o, double[] start) {
        if (m.separated()) {
            return m.layout.separated(o);
        }
        if (start != null && start.length != m.parameters()) {
            throw new IllegalArgumentException("expected " + m.parameters() + " start values, got " + start.length);
        }
        StratifiedLogistic.Passes p = new StratifiedLogistic.Passes() {
            @Override
            public double evaluate(double[] par, double[] grad, DMatrixRMaj info) {
                Sums s = passes.sums(par.clone());
                System.arraycopy(s.gradient, 0, grad, 0, grad.length);
                System.arraycopy(s.information, 0, info.data, 0, info.data.length);
                return s.logLik;
            }

            @Override
            public double maxEta(double[] par) {
                return passes.maxEta(par.clone());
            }

            @Override
            public double[] standardise(double[] par) {
                return passes.standardise(par.clone());
            }
        };
        return StratifiedLogistic.fit(m.layout, p, o, start == null ? m.start() : start.clone());
    }
}
