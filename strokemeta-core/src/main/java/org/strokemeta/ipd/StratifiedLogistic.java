package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.CumulativeLogit;
import org.strokemeta.pool.Execution;
import org.strokemeta.regression.Coefficient;

/**
 * Logistic regression stratified by trial, {@code glm(event ~ 0 + study + treatment + covariates,
 * family = binomial)}: maximum likelihood by Newton's method (for the canonical logit link the same
 * iterations as glm's IRLS, McCullagh and Nelder 1989, section 2.5), with step halving, to a Newton
 * decrement of 1e-20 (with many patients, of 1e-16 per patient, the rounding error of the sums), and standard errors from the inverse of the information, as summary.glm.
 *
 * <p>A trial in which every patient or no patient had the event has an infinite intercept and no
 * information on any coefficient: it is left out of the fit (with a note), and its patients enter the
 * standardised risk difference with their observed risk, 1 or 0 in both arms, the limit glm
 * approaches.
 *
 * <p>Large data (more than {@link #PARALLEL_ABOVE} patients) are summed in fixed blocks of
 * {@link #BLOCK} patients, as tasks of the options' {@link Execution}, and the block sums added in
 * block order (as the proportional-odds likelihood, {@code org.strokemeta.ordinal.Likelihood}), so the
 * result is the same, to the bit, whatever the execution. With more than {@link #SUBSAMPLE_ABOVE}
 * patients, Newton's method starts from the fit to a systematic subsample (as
 * {@code ProportionalOdds}), so that the full data are passed over fewer times.
 */
final class StratifiedLogistic {
    static final int MAX_ITER = 100;
    /** Patients per block of the blocked sums (a power of two). */
    private static final int SUM_BLOCK = 1024;
    /** Patients per task of a parallel evaluation; fixed, so that the order of summation is too (a multiple of {@link #SUM_BLOCK}). */
    static final int BLOCK = 1 << 15;
    /** Above this many observations an evaluation is split into blocks of {@link #BLOCK}; below, one pass. */
    static final int PARALLEL_ABOVE = 1 << 16;
    /**
     * Above this many observations Newton's method starts from the fit to a systematic subsample of
     * about {@link #SUBSAMPLE} patients: its estimate lies within a few standard errors of the full
     * one, where Newton's method converges quadratically (from a root-n-consistent start one Newton
     * step is already efficient: the one-step estimator, Lehmann and Casella 1998, section 6.4). The
     * final iterations and every reported quantity use all patients.
     */
    static final int SUBSAMPLE_ABOVE = 250_000;
    /** The approximate size of the subsample of the start. */
    static final int SUBSAMPLE = 65_536;

    private StratifiedLogistic() {
    }

    static BinaryResult fit(PatientData d, BinaryOutcome outcome, BinaryOptions o) {
        return fit(d, outcome, o, SUBSAMPLE_ABOVE);
    }

    /** The fit, starting from a subsample's fit above {@code subsampleAbove} patients (with covariates). */
    static BinaryResult fit(PatientData d, BinaryOutcome outcome, BinaryOptions o, int subsampleAbove) {
        int[] y = outcome.event();
        Layout l = Layout.of(Separation.table(d, y), d.studyNames(), d.notes(), d.size(), outcome.name(), o);
        if (l.direction != 0) {
            return l.separated(o);
        }
        double[][] x = new double[o.covariates().size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = d.covariate(o.covariates().get(j));
        }
        Obs obs = x.length == 0 ? Obs.cells(l.tab, l.col) : Obs.patients(d, y);
        double[] par = l.start();
        if (obs.size() > subsampleAbove) {
            double[] sub = subsampleStart(obs, x, l, par, o.execution());
            if (sub != null) {
                par = sub;
            }
        }
        return fit(l, new Local(obs, x, l.col, l.k, o.execution()), o, par);
    }

    /**
     * What a stratified logistic fit depends on besides the patients themselves, decided from the events and patients
     * per trial and arm: the informative trials (those with patients with and without the event) and their intercepts'
     * places in the parameter vector, the coefficients' names, the start values, separation, and the notes.
     */
    static final class Layout implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        /** Events and patients per trial and arm: {@code [trial][arm][0 = events, 1 = patients]}. */
        final int[][][] tab;
        final String[] trialNames;
        /** Per trial: its intercept's index, or −1 when it is left out (no patient, or every patient, had the event). */
        final int[] col;
        /** The number of intercepts: the treatment coefficient's index. */
        final int k;
        final List<String> names;
        final String method;
        final String event;
        final List<Note> notes;
        final int patients;
        final int events;
        /** The direction of a separation by treatment (+1, −1), or 0. */
        final int direction;

        private Layout(int[][][] tab, String[] trialNames, int[] col, int k, List<String> names, String method, String event,
                       List<Note> notes, int patients, int events, int direction) {
            this.tab = tab;
            this.trialNames = trialNames;
            this.col = col;
            this.k = k;
            this.names = List.copyOf(names);
            this.method = method;
            this.event = event;
            this.notes = notes;
            this.patients = patients;
            this.events = events;
            this.direction = direction;
        }

        /**
         * The layout of data with these counts.
         *
         * @param tab        events and patients per trial and arm
         * @param trialNames the trials, by code
         * @param dataNotes  remarks on the data, first in the fit's notes
         * @param rows       the rows of the data (0 stops the fit)
         * @param event      the outcome's name
         * @param o          the options (covariates)
         * @throws IllegalArgumentException when there is no patient, no comparison, or no informative trial with both arms
         */
        static Layout of(int[][][] tab, String[] trialNames, List<Note> dataNotes, long rows, String event, BinaryOptions o) {
            int s = tab.length;
            int[][] armSizes = new int[s][2];
            int patients = 0;
            int events = 0;
            for (int t = 0; t < s; t++) {
                for (int a = 0; a < 2; a++) {
                    armSizes[t][a] = tab[t][a][1];
                    patients += tab[t][a][1];
                    events += tab[t][a][0];
                }
            }
            List<Note> notes = new ArrayList<>(dataNotes);
            notes.addAll(IpdChecks.arms(armSizes, trialNames, rows, patients));
            String method = "logistic regression stratified by trial (as glm(event ~ 0 + study + treatment"
                    + (o.covariates().isEmpty() ? "" : " + " + String.join(" + ", o.covariates())) + ", binomial))";
            // informative trials
            int[] col = new int[s];
            int k = 0;
            for (int t = 0; t < s; t++) {
                int e = tab[t][0][0] + tab[t][1][0];
                int m = tab[t][0][1] + tab[t][1][1];
                if (e == 0 || e == m) {
                    col[t] = -1;
                    notes.add(new Note(0, trialNames[t], Note.Kind.INFO, (e == 0 ? "no" : "every") + " patient had the event "
                            + event + " (" + e + " of " + m + "): the trial's intercept is " + (e == 0 ? "−∞" : "+∞")
                            + " and the trial adds no information on treatment or covariates"));
                } else {
                    col[t] = k++;
                }
            }
            int informativeTwoArm = 0;
            for (int t = 0; t < s; t++) {
                if (col[t] >= 0 && tab[t][0][1] > 0 && tab[t][1][1] > 0) {
                    informativeTwoArm++;
                }
            }
            if (informativeTwoArm == 0) {
                throw new IllegalArgumentException("no trial has patients in both arms with and without the event "
                        + event + ": a model stratified by trial cannot estimate the treatment effect");
            }
            Separation.armNotes(trialNames, tab, event, notes);
            List<String> names = new ArrayList<>();
            names.add("treatment");
            names.addAll(o.covariates());
            int dir = Separation.direction(tab, false);
            if (dir != 0) {
                notes.add(new Note(0, null, Note.Kind.WARNING, Separation.message(dir, false, event)));
            }
            return new Layout(tab, trialNames.clone(), col, k, names, method, event, List.copyOf(notes), patients, events, dir);
        }

        /** The number of parameters: intercepts, treatment, covariates. */
        int parameters() {
            return k + names.size();
        }

        /** Start values: each informative trial's intercept at the logit of its event rate (+0.5), the slopes 0. */
        double[] start() {
            double[] par = new double[parameters()];
            for (int t = 0; t < tab.length; t++) {
                if (col[t] >= 0) {
                    double e = tab[t][0][0] + tab[t][1][0];
                    double m = tab[t][0][1] + tab[t][1][1];
                    par[col[t]] = Math.log((e + 0.5) / (m - e + 0.5));
                }
            }
            return par;
        }

        /** The result of a fit the separation prevents. */
        BinaryResult separated(BinaryOptions o) {
            return StratifiedLogistic.separated(o, event, method, names, notes, patients, events, tab.length, direction);
        }
    }

    /** The passes over the patients a fit makes, however they are held. */
    interface Passes {
        /**
         * The log-likelihood at {@code par}; its gradient and information (row-major) into the arrays given.
         *
         * @param par  the parameters
         * @param grad the gradient, filled
         * @param info the information, filled
         * @return the log-likelihood
         */
        double evaluate(double[] par, double[] grad, DMatrixRMaj info);

        /**
         * The largest absolute linear predictor over the informative trials' patients.
         *
         * @param par the parameters
         * @return the largest |eta|
         */
        double maxEta(double[] par);

        /**
         * The sums of the standardised risks: with and without treatment, then the gradient of their difference.
         *
         * @param par the parameters
         * @return {@code p + 2} sums over all patients
         */
        double[] standardise(double[] par);
    }

    /** The passes over patients held on this machine, in blocks on the options' execution. */
    static final class Local implements Passes, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final Obs obs;
        private final double[][] x;
        private final int[] col;
        private final int k;
        private final Execution ex;

        Local(Obs obs, double[][] x, int[] col, int k, Execution ex) {
            this.obs = obs;
            this.x = x;
            this.col = col;
            this.k = k;
            this.ex = ex;
        }

        @Override
        public double evaluate(double[] par, double[] grad, DMatrixRMaj info) {
            return StratifiedLogistic.evaluate(obs, x, col, k, par, grad, info, ex);
        }

        @Override
        public double maxEta(double[] par) {
            double maxEta = 0;
            for (int i = 0; i < obs.size(); i++) {
                int c = col[obs.study[i]];
                if (c >= 0) {
                    maxEta = Math.max(maxEta, Math.abs(eta(par, c, k, obs.treatment[i], x, i)));
                }
            }
            return maxEta;
        }

        @Override
        public double[] standardise(double[] par) {
            return StratifiedLogistic.standardise(obs, x, col, k, par, ex);
        }
    }

    /** The estimate on a sample held here, from {@code start}, or null when that fit does not converge. */
    static double[] sampleStart(Local sample, double[] start) {
        Newton fit = newton(sample, start, sample.obs.total());
        return fit.converged ? fit.par : null;
    }

    /** Newton's method from {@code start} over the passes, and the result at its end. */
    static BinaryResult fit(Layout l, Passes passes, BinaryOptions o, double[] start) {
        List<Note> notes = new ArrayList<>(l.notes);
        int p = l.parameters();
        int k = l.k;
        Newton fit = newton(passes, start, l.patients);
        double[] par = fit.par;
        double ll = fit.ll;
        double[] grad = fit.grad;
        DMatrixRMaj info = fit.info;
        int it = fit.iterations;
        boolean converged = fit.converged;
        String message = fit.message;
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        double[] cov = null;
        if (solver.setA(info.copy())) {
            DMatrixRMaj inv = new DMatrixRMaj(p, p);
            solver.invert(inv);
            cov = inv.data;
        } else {
            converged = false;
            message = "the information matrix is singular (a covariate is constant within trials or collinear)";
        }
        // quasi-separation by covariates: fitted risks of 0 or 1 in informative trials
        boolean separation = false;
        if (passes.maxEta(par) > 30) {
            separation = true;
            notes.add(new Note(0, null, Note.Kind.WARNING, "the covariates separate some patients' outcomes (fitted risks of "
                    + "0 or 1): some coefficients are infinite and no estimate of this model is valid"));
        }
        if (!converged) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the logistic regression did not converge (" + message
                    + "): its estimates are not valid"));
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < l.names.size(); j++) {
            int idx = k + j;
            coefs.add(cov == null ? Estimates.undefined(l.names.get(j), par[idx])
                    : Estimates.wald(l.names.get(j), par[idx], Math.sqrt(cov[idx * p + idx]), o.level()));
        }
        List<Coefficient> intercepts = new ArrayList<>();
        int[][][] tab = l.tab;
        for (int t = 0; t < tab.length; t++) {
            if (l.col[t] < 0) {
                intercepts.add(Estimates.undefined(l.trialNames[t], tab[t][0][0] + tab[t][1][0] == 0
                        ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY));
            } else {
                int c = l.col[t];
                intercepts.add(cov == null ? Estimates.undefined(l.trialNames[t], par[c])
                        : Estimates.wald(l.trialNames[t], par[c], Math.sqrt(cov[c * p + c]), o.level()));
            }
        }
        RiskDifference rd = cov == null || separation ? RiskDifference.undefined()
                : riskDifference(passes.standardise(par), l.patients, cov, o.level());
        double maxGrad = 0;
        for (double g : grad) {
            maxGrad = Math.max(maxGrad, Math.abs(g));
        }
        return new BinaryResult(l.method, o, l.event, coefs.get(0), coefs, intercepts, rd, null, ll, l.patients, l.events,
                tab.length, it, maxGrad, converged, message, separation, notes);
    }

    /** The state at the end of Newton's method. */
    private record Newton(double[] par, double ll, double[] grad, DMatrixRMaj info, int iterations, boolean converged,
                          String message) {
    }

    /**
     * Newton's method with step halving from {@code start}, to a Newton decrement of 1e-20 or, with
     * {@code n} patients, of 1e-16 n.
     */
    private static Newton newton(Passes passes, double[] start, double n) {
        int p = start.length;
        double[] par = start.clone();
        double[] grad = new double[p];
        DMatrixRMaj info = new DMatrixRMaj(p, p);
        double ll = passes.evaluate(par, grad, info);
        int it = 0;
        boolean converged = false;
        String message = "iteration limit reached";
        LinearSolverDense<DMatrixRMaj> solver = LinearSolverFactory_DDRM.symmPosDef(p);
        DMatrixRMaj step = new DMatrixRMaj(p, 1);
        double decrement = Double.NaN;
        for (; it < MAX_ITER; it++) {
            if (!solver.setA(info.copy())) {
                message = "the information matrix is singular (a covariate is constant within trials or collinear)";
                break;
            }
            solver.solve(new DMatrixRMaj(p, 1, true, grad.clone()), step);
            decrement = 0;
            for (int i = 0; i < p; i++) {
                decrement += step.data[i] * grad[i];
            }
            if (decrement < 1e-20) {
                converged = true;
                message = "converged";
                break;
            }
            if (decrement < 1e-16 * n) {
                // below the rounding error of sums over n patients the likelihood cannot rank two points
                // this close; the last Newton step is taken without a line search (its error is of the
                // order of the decrement squared) and the information evaluated there
                for (int i = 0; i < p; i++) {
                    par[i] += step.data[i];
                }
                ll = passes.evaluate(par, grad, info);
                converged = true;
                message = "converged";
                break;
            }
            double f = 1;
            double[] trial = new double[p];
            double llNew = Double.NEGATIVE_INFINITY;
            double[] g2 = new double[p];
            DMatrixRMaj i2 = new DMatrixRMaj(p, p);
            for (int h = 0; h < 40; h++) {
                for (int i = 0; i < p; i++) {
                    trial[i] = par[i] + f * step.data[i];
                }
                llNew = passes.evaluate(trial, g2, i2);
                if (llNew >= ll - 1e-12 * Math.abs(ll)) {
                    break;
                }
                f /= 2;
            }
            if (!(llNew >= ll - 1e-12 * Math.abs(ll))) {
                message = "step halving failed to increase the likelihood";
                break;
            }
            par = trial;
            ll = llNew;
            grad = g2;
            info = i2;
        }
        return new Newton(par, ll, grad, info, it, converged, message);
    }

    /**
     * The estimate on a systematic subsample (every stride-th patient of every trial, arm and outcome,
     * each non-empty one keeping one at least, so every trial of the fit keeps patients with and
     * without the event), or null when that fit does not converge.
     */
    private static double[] subsampleStart(Obs obs, double[][] x, Layout l, double[] start, Execution ex) {
        int stride = Math.max(1, obs.size() / SUBSAMPLE);
        int[] seen = new int[l.col.length * 4];
        int[] keep = new int[obs.size() / stride + seen.length];
        int m = 0;
        for (int i = 0; i < obs.size(); i++) {
            int cell = obs.study[i] * 4 + obs.treatment[i] * 2 + obs.event[i];
            if (seen[cell]++ % stride == 0) {
                keep[m++] = i;
            }
        }
        int[] st = new int[m];
        int[] tr = new int[m];
        int[] ev = new int[m];
        double[] wt = obs.weight == null ? null : new double[m];
        double[][] xs = new double[x.length][m];
        for (int r = 0; r < m; r++) {
            int i = keep[r];
            if (wt != null) {
                wt[r] = obs.weight[i];
            }
            st[r] = obs.study[i];
            tr[r] = obs.treatment[i];
            ev[r] = obs.event[i];
            for (int j = 0; j < x.length; j++) {
                xs[j][r] = x[j][i];
            }
        }
        Newton fit = newton(new Local(new Obs(st, tr, ev, wt), xs, l.col, l.k, ex), start, m);
        return fit.converged ? fit.par : null;
    }

    private static double eta(double[] par, int c, int k, int trt, double[][] x, int i) {
        double e = par[c] + par[k] * trt;
        for (int j = 0; j < x.length; j++) {
            e += par[k + 1 + j] * x[j][i];
        }
        return e;
    }

    /**
     * The log-likelihood, its gradient and the information (row-major) over the informative trials.
     * Up to {@link #PARALLEL_ABOVE} observations in one pass; beyond, in blocks of {@link #BLOCK}
     * observations summed as tasks of {@code ex}, whose sums are then added in block order, so the
     * result does not depend on the execution (as {@code org.strokemeta.ordinal.Likelihood}).
     */
    private static double evaluate(Obs obs, double[][] x, int[] col, int k, double[] par, double[] grad,
                                   DMatrixRMaj info, Execution ex) {
        int p = par.length;
        int n = obs.size();
        java.util.Arrays.fill(grad, 0);
        info.zero();
        double ll;
        if (n <= PARALLEL_ABOVE) {
            ll = accumulate(obs, x, col, k, par, 0, n, grad, info.data);
        } else {
            int blocks = (n + BLOCK - 1) / BLOCK;
            double[] lls = new double[blocks];
            double[][] grads = new double[blocks][];
            double[][] infos = new double[blocks][];
            ex.forEach(blocks, blk -> {
                double[] g = new double[p];
                double[] h = new double[p * p];
                lls[blk] = accumulate(obs, x, col, k, par, blk * BLOCK, Math.min(n, (blk + 1) * BLOCK), g, h);
                grads[blk] = g;
                infos[blk] = h;
            });
            // the blocks' sums in block order: a second level of the blocked summation (Higham 2002,
            // section 4.2), in an order that does not depend on which thread summed which block
            ll = 0;
            for (int blk = 0; blk < blocks; blk++) {
                ll += lls[blk];
                double[] g = grads[blk];
                for (int a = 0; a < p; a++) {
                    grad[a] += g[a];
                }
                double[] h = infos[blk];
                for (int a = 0; a < h.length; a++) {
                    info.data[a] += h[a];
                }
            }
        }
        // intercept–slope blocks were accumulated in the rows of the intercepts; mirror them
        for (int c = 0; c < k; c++) {
            for (int a = k; a < p; a++) {
                info.data[a * p + c] = info.data[c * p + a];
            }
        }
        for (int a = k; a < p; a++) {
            for (int b = k; b < a; b++) {
                info.data[b * p + a] = info.data[a * p + b];
            }
        }
        return ll;
    }

    /**
     * Adds the log-likelihood's terms of observations {@code from} to {@code to} (exclusive) to
     * {@code grad} and to the intercept rows and the slopes' lower triangle of {@code info}
     * (row-major), and returns their log-likelihood.
     */
    private static double accumulate(Obs obs, double[][] x, int[] col, int k, double[] par, int from, int to,
                                     double[] grad, double[] info) {
        int p = par.length;
        double[] z = new double[p];
        double ll = 0;
        // The log-likelihood and the gradient are summed in blocks of patients and the block sums added
        // to the totals (blocked summation, Higham 2002, section 4.2): a running sum over a million
        // patients loses about 1e-5 of the log-likelihood to rounding, more than a converging Newton step
        // gains, and its gradient never reaches the convergence tolerance.
        double llBlock = 0;
        double[] gBlock = new double[p];
        int[] y = obs.event;
        for (int i = from; i < to; i++) {
            if (((i - from) & (SUM_BLOCK - 1)) == 0 && i > from) {
                ll += llBlock;
                llBlock = 0;
                for (int a = 0; a < p; a++) {
                    grad[a] += gBlock[a];
                    gBlock[a] = 0;
                }
            }
            int c = col[obs.study[i]];
            if (c < 0) {
                continue;
            }
            double e = eta(par, c, k, obs.treatment[i], x, i);
            double wi = obs.weight(i);
            // log p and log(1 − p) on the stable side
            double ex = Math.exp(-Math.abs(e));
            double lp = e >= 0 ? -CumulativeLogit.log1p(ex) : e - CumulativeLogit.log1p(ex);
            double lq = lp - e;
            llBlock += wi * (y[i] == 1 ? lp : lq);
            double pr = e >= 0 ? 1 / (1 + ex) : ex / (1 + ex);
            double w = wi * pr * (1 - pr);
            double r = wi * (y[i] - pr);
            z[k] = obs.treatment[i];
            for (int j = 0; j < x.length; j++) {
                z[k + 1 + j] = x[j][i];
            }
            gBlock[c] += r;
            for (int a = k; a < p; a++) {
                gBlock[a] += r * z[a];
                info[c * p + a] += w * z[a];
                for (int b = k; b <= a; b++) {
                    info[a * p + b] += w * z[a] * z[b];
                }
            }
            info[c * p + c] += w;
        }
        ll += llBlock;
        for (int a = 0; a < p; a++) {
            grad[a] += gBlock[a];
        }
        return ll;
    }

    /**
     * The sums of the standardised risks over all observations: {@code [0]} and {@code [1]} the weighted risks with and
     * without treatment, {@code [2 + a]} the gradient of their difference over the parameters; in blocks of
     * {@link #BLOCK} patients on {@code ex} beyond {@link #PARALLEL_ABOVE}, added in block order (as the likelihood's).
     */
    static double[] standardise(Obs obs, double[][] x, int[] col, int k, double[] par, Execution ex) {
        int p = par.length;
        int m = obs.size();
        double[] sums = new double[p + 2];
        if (m <= PARALLEL_ABOVE) {
            standardise(obs, x, col, k, par, 0, m, sums);
        } else {
            int blocks = (m + BLOCK - 1) / BLOCK;
            double[][] parts = new double[blocks][];
            ex.forEach(blocks, blk -> {
                double[] part = new double[p + 2];
                standardise(obs, x, col, k, par, blk * BLOCK, Math.min(m, (blk + 1) * BLOCK), part);
                parts[blk] = part;
            });
            for (double[] part : parts) {
                for (int a = 0; a < sums.length; a++) {
                    sums[a] += part[a];
                }
            }
        }
        return sums;
    }

    /**
     * The standardised risk difference (the risks averaged over all {@code n} patients) and its delta-method SE
     * (gradient over intercepts and slopes), from the sums of {@link #standardise}.
     */
    static RiskDifference riskDifference(double[] sums, double n, double[] cov, double level) {
        int p = sums.length - 2;
        double var = 0;
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                var += sums[2 + a] / n * cov[a * p + b] * sums[2 + b] / n;
            }
        }
        return RiskDifference.of(sums[0] / n, sums[1] / n, Math.sqrt(var), level);
    }

    /**
     * Adds to {@code sums} the risks of observations {@code from} to {@code to} (exclusive) with and
     * without treatment ({@code sums[0]}, {@code sums[1]}) and the gradient of their difference over
     * the parameters ({@code sums[2 + a]}).
     */
    private static void standardise(Obs obs, double[][] x, int[] col, int k, double[] par, int from, int to,
                                    double[] sums) {
        int[] y = obs.event;
        double r1 = sums[0];
        double r0 = sums[1];
        for (int i = from; i < to; i++) {
            int c = col[obs.study[i]];
            double wi = obs.weight(i);
            if (c < 0) {
                // every or no patient of the trial had the event: risk 1 or 0 in both arms
                r1 += wi * y[i];
                r0 += wi * y[i];
                continue;
            }
            double e0 = par[c];
            for (int j = 0; j < x.length; j++) {
                e0 += par[k + 1 + j] * x[j][i];
            }
            double e1 = e0 + par[k];
            double p1 = CumulativeLogit.cdf(e1);
            double p0 = CumulativeLogit.cdf(e0);
            r1 += wi * p1;
            r0 += wi * p0;
            double f1 = wi * p1 * (1 - p1);
            double f0 = wi * p0 * (1 - p0);
            sums[2 + c] += f1 - f0;
            sums[2 + k] += f1;
            for (int j = 0; j < x.length; j++) {
                sums[2 + k + 1 + j] += (f1 - f0) * x[j][i];
            }
        }
        sums[0] = r1;
        sums[1] = r0;
    }

    /** The result when the treatment effect is infinite. */
    static BinaryResult separated(BinaryOptions o, String event, String method, List<String> names, List<Note> notes,
                                  int patients, int events, int trials, int dir) {
        List<Coefficient> coefs = new ArrayList<>();
        for (String nm : names) {
            coefs.add(Estimates.undefined(nm, nm.equals("treatment") ? dir * Double.POSITIVE_INFINITY : Double.NaN));
        }
        return new BinaryResult(method, o, event, coefs.get(0), coefs, List.of(), RiskDifference.undefined(),
                null, Double.NaN, patients, events, trials, 0, Double.NaN, false,
                "not fitted: the outcome is separated by treatment", true, notes);
    }

    /**
     * The observations of a fit, column-wise: one per patient, or, without covariates, one per trial, arm
     * and outcome with the number of patients as weight (the likelihood is the same sum, regrouped).
     */
    static final class Obs implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        final int[] study;
        final int[] treatment;
        final int[] event;
        /** Patients per observation, or null for one each. */
        final double[] weight;

        Obs(int[] study, int[] treatment, int[] event, double[] weight) {
            this.study = study;
            this.treatment = treatment;
            this.event = event;
            this.weight = weight;
        }

        static Obs patients(PatientData d, int[] y) {
            int n = d.size();
            int[] st = new int[n];
            int[] tr = new int[n];
            double[] w = d.weighted() ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                st[i] = d.study(i);
                tr[i] = d.treatment(i);
                if (w != null) {
                    w[i] = d.weight(i);
                }
            }
            return new Obs(st, tr, y, w);
        }

        /** From {@code tab[trial][arm]} = {events, patients}; trials left out of the fit keep their cells for the risk difference. */
        static Obs cells(int[][][] tab, int[] col) {
            int m = tab.length * 4;
            int[] st = new int[m];
            int[] tr = new int[m];
            int[] ev = new int[m];
            double[] w = new double[m];
            int r = 0;
            for (int t = 0; t < tab.length; t++) {
                for (int a = 0; a < 2; a++) {
                    int e = tab[t][a][0];
                    int none = tab[t][a][1] - e;
                    for (int v = 1; v >= 0; v--) {
                        int cnt = v == 1 ? e : none;
                        if (cnt > 0) {
                            st[r] = t;
                            tr[r] = a;
                            ev[r] = v;
                            w[r] = cnt;
                            r++;
                        }
                    }
                }
            }
            return new Obs(java.util.Arrays.copyOf(st, r), java.util.Arrays.copyOf(tr, r), java.util.Arrays.copyOf(ev, r),
                    java.util.Arrays.copyOf(w, r));
        }

        int size() {
            return study.length;
        }

        double weight(int i) {
            return weight == null ? 1 : weight[i];
        }

        double total() {
            if (weight == null) {
                return study.length;
            }
            double t = 0;
            for (double v : weight) {
                t += v;
            }
            return t;
        }
    }
}
