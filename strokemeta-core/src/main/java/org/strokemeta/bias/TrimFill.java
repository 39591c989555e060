package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.InverseVariance;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.ModelFit;

/**
 * Duval and Tweedie's trim-and-fill method (Duval and Tweedie 2000, Biometrics 56:455 and JASA
 * 95:89), as metafor::trimfill (3.8.1) implements it for a fixed- or random-effects model without
 * moderators.
 *
 * <p>With the effects oriented so that studies are missing on the left and sorted in ascending
 * order: trim the k0 largest effects, estimate θ from the rest with the analysis' model and tau²
 * estimator, re-estimate k0 from the ranks of |y − θ| of all k studies, and repeat from k0 = 0 until
 * k0 no longer changes. Then add the mirror images 2θ − y of the k0 trimmed studies, with their
 * variances, and analyse the completed data set. When no side is given it is chosen from the sign
 * of the slope of the meta-regression of the effects on their standard errors (see
 * {@link Side#fromSlope}).
 */
public final class TrimFill {
    /** The fewest studies trim-and-fill is run on. */
    public static final int MIN_STUDIES = 3;

    private TrimFill() {
    }

    /**
     * @param all the observed studies (those with a sampling variance of 0 are left out with a note)
     * @param o   the analysis options (model and tau² estimator of every fit)
     * @param t   the trim-and-fill settings
     * @throws IllegalArgumentException with fewer than three studies, or when the side is to be
     *         chosen but all studies have the same standard error
     * @return the estimated number of missing studies k0, the filled studies (mirror images about the
     *         trimmed estimate) and the analyses of the observed and of the filled data, as metafor::trimfill
     */
    public static TrimFillResult run(EffectSizes all, MetaOptions o, TrimFillOptions t) {
        // Studies with a sampling variance of 0 cannot be weighted: left out with a note, as in pooling.
        EffectSizes es = MetaAnalysis.weightable(all);
        double[] y = es.yi();
        double[] v = es.vi();
        Checks.studies(y, v, MIN_STUDIES, "trim-and-fill");
        int k = y.length;
        List<Note> notes = new ArrayList<>(es == all ? List.of() : es.notes().subList(all.notes().size(), es.notes().size()));
        MetaOptions fo = o;
        if (o.model() == Model.FIXED && o.fixedMethod() != FixedMethod.IV) {
            fo = o.withFixedMethod(FixedMethod.IV);
            notes.add(new Note(0, null, Note.Kind.INFO, "trim-and-fill pools by inverse variance ("
                    + o.fixedMethod().label() + " pooling is not used)"));
        }
        MetaResult observed = MetaAnalysis.run(es, fo, false);
        MetaOptions io = t.fitSettings().options(fo);

        Side side;
        double slope = Double.NaN;
        if (t.side().isPresent()) {
            side = t.side().get();
        } else {
            slope = sideSlope(y, v, io, notes);
            side = Side.fromSlope(slope);
        }

        // Orient so that studies are missing on the left, then sort (stably, as R's sort).
        Integer[] order = new Integer[k];
        double[] oriented = new double[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
            oriented[i] = side.orient(y[i]);
        }
        Arrays.sort(order, (a, b) -> Double.compare(oriented[a], oriented[b]));
        double[] ys = new double[k];
        double[] vs = new double[k];
        for (int i = 0; i < k; i++) {
            ys[i] = oriented[order[i]];
            vs[i] = v[order[i]];
        }

        int k0 = 0;
        int previous = -1;
        int iterations = 0;
        boolean converged = true;
        double theta = Double.NaN;
        double k0Se = Double.NaN;
        double[] centred = new double[k];
        while (k0 != previous) {
            org.strokemeta.internal.Cancellation.check();
            if (iterations == t.maxIterations()) {
                converged = false;
                break;
            }
            previous = k0;
            iterations++;
            int kept = k - k0;
            ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(Arrays.copyOf(ys, kept), Arrays.copyOf(vs, kept)),
                    io, false);
            if (!f.converged()) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "iteration " + iterations + ": the fit of the "
                        + kept + " untrimmed studies did not converge" + (f.tau2().message() == null ? ""
                        : " (" + f.tau2().message() + ")")));
            }
            theta = f.beta(0);
            for (int i = 0; i < k; i++) {
                centred[i] = ys[i] - theta;
            }
            K0Estimator.Raw raw = t.estimator().estimate(centred, ranksOfAbsolute(centred));
            k0 = (int) Math.max(0, Math.rint(raw.k0()));
            k0Se = Math.max(0, raw.se());
        }
        if (!converged) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "trim-and-fill did not converge in " + t.maxIterations()
                    + " iterations (the estimated number of missing studies was still changing: " + previous + " then "
                    + k0 + "); the filled studies and the adjusted estimate below are those of the last iteration "
                    + "and are not a valid result"));
        }

        List<TrimFillResult.FilledStudy> filled = new ArrayList<>(k0);
        for (int j = k - k0, n = 1; j < k; j++, n++) {
            filled.add(new TrimFillResult.FilledStudy("Filled " + n, side.orient(2 * theta - ys[j]), vs[j],
                    es.study(order[j])));
        }
        MetaResult adjusted = observed;
        if (k0 > 0) {
            String differences = differences(fo, io);
            if (!differences.isEmpty()) {
                notes.add(new Note(0, null, Note.Kind.INFO, "as metafor::trimfill does, the data set with the filled "
                        + "studies is analysed with " + differences));
            }
            adjusted = MetaAnalysis.run(withFilled(es, filled), io, false);
        }
        String method = "trim-and-fill (Duval and Tweedie 2000), estimator " + t.estimator().label() + ", side "
                + side.label() + (t.side().isPresent() ? " (given)" : " (chosen from the data)") + ", " + fo.describe();
        return new TrimFillResult(side, t.side().isEmpty(), slope, t.estimator(), k0, k0Se,
                t.estimator().pValue(k0), iterations, t.maxIterations(), converged, filled, observed, adjusted,
                t.fitSettings(), method, notes);
    }

    /**
     * The slope of the meta-regression of the effects on their standard errors, fitted with the
     * analysis' model and tau² estimator (metafor::trimfill with side missing).
     */
    static double sideSlope(double[] y, double[] v, MetaOptions fo, List<Note> notes) {
        for (double x : v) {
            if (x != v[0]) {
                ModelFit f;
                try {
                    f = InverseVariance.fit(EggerModel.design(y, v), fo.withCi(CiMethod.Z), false);
                } catch (org.strokemeta.pool.MetaModel.SingularDesignException e) {
                    throw new IllegalArgumentException("trim-and-fill cannot choose the side from the data: the regression of the "
                            + "effects on their standard errors cannot be fitted (the standard errors barely differ, or the effects "
                            + "span too many orders of magnitude); give the side (left or right)", e);
                }
                if (!f.converged()) {
                    notes.add(new Note(0, null, Note.Kind.WARNING, "the meta-regression that chooses the side did not"
                            + " converge; give the side explicitly"));
                }
                return f.beta(1);
            }
        }
        throw new IllegalArgumentException("trim-and-fill cannot choose the side from the data when all studies have "
                + "the same standard error: give the side (left or right)");
    }

    /** The options in which the fits inside trim-and-fill differ from the analysis, as text. */
    static String differences(MetaOptions analysis, MetaOptions inner) {
        List<String> d = new ArrayList<>();
        if (inner.ciMethod() != analysis.ciMethod()) {
            d.add(inner.ciMethod().label() + " (not " + analysis.ciMethod().label() + ")");
        }
        if (inner.level() != analysis.level()) {
            d.add("a " + percent(inner.level()) + " CI (not " + percent(analysis.level()) + ")");
        }
        if (!inner.control().equals(analysis.control())) {
            d.add("a tau² convergence threshold of " + inner.control().threshold() + " (not "
                    + analysis.control().threshold() + ")");
        }
        return String.join(", ", d);
    }

    static String percent(double level) {
        double p = level * 100;
        return (Math.abs(p - Math.rint(p)) < 1e-9 ? Long.toString(Math.round(p)) : Double.toString(p)) + "%";
    }

    /** Ranks 1..k of |x|, ties ranked in order of appearance (R's rank(ties.method = "first")). */
    static int[] ranksOfAbsolute(double[] x) {
        int k = x.length;
        Integer[] idx = new Integer[k];
        for (int i = 0; i < k; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(Math.abs(x[a]), Math.abs(x[b])));
        int[] rank = new int[k];
        for (int r = 0; r < k; r++) {
            rank[idx[r]] = r + 1;
        }
        return rank;
    }

    /**
     * The observed studies followed by the filled ones (labelled "Filled 1", ...; they have no file
     * line (0) and no input row (−1)).
     */
    static EffectSizes withFilled(EffectSizes es, List<TrimFillResult.FilledStudy> filled) {
        int k = es.size();
        int n = k + filled.size();
        String[] study = Arrays.copyOf(es.study(), n);
        int[] lines = Arrays.copyOf(es.lines(), n);
        int[] rows = Arrays.copyOf(es.rows(), n);
        double[] yi = Arrays.copyOf(es.yi(), n);
        double[] vi = Arrays.copyOf(es.vi(), n);
        for (int j = 0; j < filled.size(); j++) {
            TrimFillResult.FilledStudy f = filled.get(j);
            study[k + j] = f.label();
            lines[k + j] = 0;
            rows[k + j] = -1;
            yi[k + j] = f.yi();
            vi[k + j] = f.vi();
        }
        return new EffectSizes(es.measure(), study, lines, rows, yi, vi, es.input(), es.notes());
    }
}
