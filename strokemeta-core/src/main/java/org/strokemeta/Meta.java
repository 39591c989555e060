package org.strokemeta;

import java.nio.file.Path;
import java.util.List;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.sensitivity.Influence;
import org.strokemeta.sensitivity.StudyDiagnostics;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;
import org.strokemeta.study.StudyInput;

/**
 * Aggregate-data meta-analysis: per-study effects computed from study-level data (as metafor::escalc),
 * pooled by fixed- or random-effects models (as metafor::rma), with subgroups, meta-regression and
 * permutation tests when the request asks for them. Every method takes a {@link MetaRequest}, whose
 * {@link MetaRequest#defaults() defaults} are metafor's.
 *
 * <pre>{@code
 * Table bcg = Examples.table(Examples.get("bcg"));
 * MetaResult r = Meta.analyze(bcg, MetaRequest.defaults().withMeasure(Measure.RR)).get(0).result();
 * }</pre>
 */
public final class Meta {
    private Meta() {
    }

    /**
     * Analyses a table of study-level data: one analysis, or one per value of the request's {@code by}
     * column. The kind of data (binary, continuous, generic) is told from the columns when the request
     * names no measure.
     *
     * @param t the studies, one row each
     * @param r the request
     * @return one outcome, or one per group of {@code by} in order of first appearance (a group that could
     *         not be analysed carries its reason in {@link MetaRun.Outcome#error()})
     * @throws org.strokemeta.data.WrongDataKind when the table holds patient-level data or tabulated mRS
     *                                           distributions ({@link Ipd}, {@link Study}, {@link Shift})
     * @throws org.strokemeta.data.InputException when the data have an error (file, line and column named)
     */
    public static List<MetaRun.Outcome> analyze(Table t, MetaRequest r) {
        return MetaRun.run(t, r);
    }

    /**
     * Reads a CSV file of study-level data (encoding, separator and decimal mark detected, as the command
     * line reads it) and analyses it as {@link #analyze(Table, MetaRequest)} does.
     *
     * @param csv the file
     * @param r   the request
     * @return one outcome, or one per group of {@code by}
     * @throws org.strokemeta.data.InputException when the file cannot be read or its data have an error
     */
    public static List<MetaRun.Outcome> analyze(Path csv, MetaRequest r) {
        return analyze(CsvReader.read(csv), r);
    }

    /**
     * The per-study effects of a table under a request (measure told from the columns when not given),
     * without pooling: the input of {@link #analyze(EffectSizes, MetaRequest)}, of small-study checks and of
     * sensitivity analyses.
     *
     * @param t the studies, one row each
     * @param r the request (its measure, continuity correction and reading of generic estimates)
     * @return the effects on the analysis scale, with notes on corrected or excluded studies
     * @throws org.strokemeta.data.WrongDataKind when the table holds patient-level data or tabulated mRS distributions
     * @throws org.strokemeta.data.InputException when the data have an error
     */
    public static EffectSizes effects(Table t, MetaRequest r) {
        return StudyInput.effects(t, r);
    }

    /**
     * Pools per-study effects already computed, with the subgroup analysis and meta-regression the request
     * asks for on the study-level covariates the effects carry ({@link EffectSizes#covariates()}: the
     * table's other columns, or those given with {@code withCovariate}). The request's measure, when given,
     * must be one that gives the effects' (itself; OR for Peto odds ratios; GEN for ratios read from
     * generic estimates).
     *
     * @param es the effects
     * @param r  the request (pooling options, tau² interval, subgroup, moderators, permutations); no {@code by}
     * @return the outcome
     * @throws IllegalArgumentException when the request has {@code by}, or a measure other than the effects'
     * @throws org.strokemeta.data.InputException when the fixed-effect method cannot pool the measure
     */
    public static MetaRun.Outcome analyze(EffectSizes es, MetaRequest r) {
        return MetaRun.run(es, r);
    }

    /**
     * Pools effect estimates given as plain arrays (as {@code metafor::rma(yi, vi)}): each study's effect on
     * the analysis scale and its sampling variance. The studies have no file lines (their notes carry
     * line 0); labels name them in results and figures.
     *
     * @param yi     the effects on the analysis scale (log ratios for ratio measures), finite
     * @param vi     their sampling variances (squared standard errors), positive and finite
     * @param labels the study labels, one per effect
     * @param r      the request; its measure must be null or GEN (effects as given) or RATIO (log ratios,
     *               shown exponentiated); {@code by}, {@code subgroup} and {@code moderators} must be unset
     * @return the outcome
     * @throws IllegalArgumentException when the arrays differ in length or are empty, a value is out of
     *                                  range, a label is null, or the request asks for what arrays cannot give
     */
    public static MetaRun.Outcome pool(double[] yi, double[] vi, List<String> labels, MetaRequest r) {
        if (yi == null || vi == null || labels == null || r == null) {
            throw new IllegalArgumentException("yi, vi, labels and the request are required");
        }
        int k = yi.length;
        if (vi.length != k || labels.size() != k) {
            throw new IllegalArgumentException("yi, vi and labels must have the same length (" + k + ", " + vi.length + ", "
                    + labels.size() + ")");
        }
        if (k == 0) {
            throw new IllegalArgumentException("yi must hold at least one effect");
        }
        Measure m = r.measure() == null ? Measure.GEN : r.measure();
        if (m != Measure.GEN && m != Measure.RATIO) {
            throw new IllegalArgumentException("measure must be GEN or RATIO for effects given as arrays, not " + m);
        }
        String[] study = new String[k];
        for (int i = 0; i < k; i++) {
            if (!Double.isFinite(yi[i])) {
                throw new IllegalArgumentException("yi[" + i + "] must be finite, not " + yi[i]);
            }
            if (!(vi[i] > 0) || !Double.isFinite(vi[i])) {
                throw new IllegalArgumentException("vi[" + i + "] must be positive and finite, not " + vi[i]);
            }
            study[i] = labels.get(i);
            if (study[i] == null) {
                throw new IllegalArgumentException("labels[" + i + "] is null");
            }
        }
        GenericStudies g = new GenericStudies("input", study, new int[k], yi, vi, m == Measure.RATIO, List.of());
        return analyze(EffectCalculator.compute(m, g, r.continuity()), r);
    }

    /**
     * Case diagnostics of the model of the effects (as {@code metafor::influence()} and {@code baujat()}):
     * studentised deleted residuals, DFFITS, Cook's distance, covariance ratios, tau² and Q without each
     * study, hat values, weights, DFBETAS, the influential-study flags and the Baujat coordinates.
     *
     * @param es the per-study effects, at least three
     * @param r  the request (its pooling options are used for the model and every refit)
     * @return the diagnostics
     * @throws IllegalArgumentException when there are fewer than three studies
     */
    public static Influence influence(EffectSizes es, MetaRequest r) {
        return Influence.of(es, r.options());
    }

    /**
     * Per-study residuals and predictions of an inverse-variance model without moderators (as metafor's
     * {@code fitted()}, {@code rstandard()}, {@code blup()}, {@code ranef()}, {@code hatvalues()}, {@code weights()}).
     *
     * @param model the pooled result (for example {@code analyze(es, r).result()})
     * @return one entry per study
     * @throws IllegalArgumentException for a Mantel-Haenszel or Peto model
     */
    public static StudyDiagnostics diagnostics(MetaResult model) {
        return StudyDiagnostics.of(model);
    }
}
