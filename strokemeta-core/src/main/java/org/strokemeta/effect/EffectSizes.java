package org.strokemeta.effect;

import java.util.List;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Note;
import org.strokemeta.data.ProportionStudies;
import org.strokemeta.data.RateStudies;
import org.strokemeta.data.Studies;
import org.strokemeta.internal.SharedArrays;

/**
 * Per-study effect sizes and sampling variances on the analysis scale (metafor::escalc's output),
 * for the studies that enter the analysis, with the notes saying which studies were corrected or
 * left out and why, and the studies' other columns (their covariates: year, latitude, allocation...),
 * as escalc keeps the data frame's other columns beside {@code yi} and {@code vi}.
 *
 * <p>The covariates are aligned with the included studies: covariate value {@code i} belongs to study
 * {@code i}, whatever studies were left out before it. Subgroup analyses and meta-regressions read their
 * columns from here ({@link #covariates()}); they are filled when effects are computed from a table and
 * can be given by a caller ({@link #withCovariate(String, double[])}, {@link #withCovariates(DataColumns)}).
 *
 * @param measure the effect measure
 * @param study   labels of the included studies
 * @param lines   file lines of the included studies
 * @param rows    for each included study, its row in the input (to align moderators and subgroups)
 * @param yi      effect sizes
 * @param vi      sampling variances
 * @param input   the study data the effects came from (arm-level counts are needed by Mantel-Haenszel and Peto)
 * @param notes   what happened to individual studies
 * @param covariates the studies' other columns, one value per included study in study order; null for none
 * @serial exclude
 */
public record EffectSizes(Measure measure, String[] study, int[] lines, int[] rows, double[] yi, double[] vi,
                          Studies input, List<Note> notes, DataColumns covariates) implements java.io.Serializable {
    /**
     * Checks the lengths and copies the arrays (see the record's components).
     *
     * @param measure the effect measure
     * @param study   labels of the included studies
     * @param lines   file lines of the included studies
     * @param rows    for each included study, its row in the input (to align moderators and subgroups)
     * @param yi      effect sizes
     * @param vi      sampling variances
     * @param input   the study data the effects came from (arm-level counts are needed by Mantel-Haenszel and Peto)
     * @param notes   what happened to individual studies
     * @param covariates the studies' other columns, one value per included study in study order; null for none
     * @throws IllegalArgumentException when the arrays, or the covariates, differ in length
     */
    public EffectSizes {
        int k = yi.length;
        if (study.length != k || vi.length != k || rows.length != k || lines.length != k) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        if (covariates == null) {
            covariates = DataColumns.none(k);
        } else if (covariates.size() != k) {
            throw new IllegalArgumentException("the covariates describe " + covariates.size() + " studies, the effects " + k);
        }
        notes = List.copyOf(notes);
        // Arrays already held by the immutable input (which never hands them out) are shared, not copied.
        study = input != null && study == SharedArrays.study(input) ? study : study.clone();
        lines = input != null && lines == SharedArrays.lines(input) ? lines : lines.clone();
        rows = rows.clone();
        SharedArrays.Generic in = input instanceof GenericStudies g ? SharedArrays.of(g) : null;
        yi = in != null && yi == in.yi((GenericStudies) input) ? yi : yi.clone();
        vi = in != null && vi == in.vi((GenericStudies) input) ? vi : vi.clone();
    }

    /**
     * Effect sizes without covariates (see the record's components).
     *
     * @param measure the effect measure
     * @param study   labels of the included studies
     * @param lines   file lines of the included studies
     * @param rows    for each included study, its position in {@code input}
     * @param yi      effect sizes
     * @param vi      sampling variances
     * @param input   the study data the effects came from, or null
     * @param notes   what happened to individual studies
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public EffectSizes(Measure measure, String[] study, int[] lines, int[] rows, double[] yi, double[] vi, Studies input,
                       List<Note> notes) {
        this(measure, study, lines, rows, yi, vi, input, notes, null);
    }

    static {
        SharedArrays.registerEffects(new SharedArrays.Effects() {
            @Override
            public double[] yi(EffectSizes e) {
                return e.yi;
            }

            @Override
            public double[] vi(EffectSizes e) {
                return e.vi;
            }
        });
    }

    /**
     * The {@code study} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code study}
     */
    @Override
    public String[] study() {
        return study.clone();
    }

    /**
     * Element {@code i} of {@link #study()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code study()[i]}
     */
    public String study(int i) {
        return study[i];
    }

    /**
     * The {@code lines} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code lines}
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }

    /**
     * Element {@code i} of {@link #lines()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code lines()[i]}
     */
    public int lines(int i) {
        return lines[i];
    }

    /**
     * The {@code rows} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code rows}
     */
    @Override
    public int[] rows() {
        return rows.clone();
    }

    /**
     * Element {@code i} of {@link #rows()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code rows()[i]}
     */
    public int rows(int i) {
        return rows[i];
    }

    /**
     * The {@code yi} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code yi}
     */
    @Override
    public double[] yi() {
        return yi.clone();
    }

    /**
     * Element {@code i} of {@link #yi()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code yi()[i]}
     */
    public double yi(int i) {
        return yi[i];
    }

    /**
     * The {@code vi} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code vi}
     */
    @Override
    public double[] vi() {
        return vi.clone();
    }

    /**
     * Element {@code i} of {@link #vi()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code vi()[i]}
     */
    public double vi(int i) {
        return vi[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectSizes r
                && java.util.Objects.equals(measure, r.measure)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(lines, r.lines)
                && java.util.Arrays.equals(rows, r.rows)
                && java.util.Arrays.equals(yi, r.yi)
                && java.util.Arrays.equals(vi, r.vi)
                && java.util.Objects.equals(input, r.input)
                && java.util.Objects.equals(notes, r.notes)
                && covariates.equals(r.covariates);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(measure, java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(lines),
                java.util.Arrays.hashCode(rows), java.util.Arrays.hashCode(yi), java.util.Arrays.hashCode(vi), input, notes,
                covariates);
    }

    @Override
    public String toString() {
        return "EffectSizes[measure=" + measure + ", study=" + java.util.Arrays.toString(study) + ", lines="
                + java.util.Arrays.toString(lines) + ", rows=" + java.util.Arrays.toString(rows) + ", yi="
                + java.util.Arrays.toString(yi) + ", vi=" + java.util.Arrays.toString(vi) + ", input=" + input
                + ", notes=" + notes + ", covariates=" + covariates + "]";
    }

    /**
     * The measure's back-transformation of a pooled value of these effects (metafor's {@code transf}
     * applied by {@code predict}): exp for log measures, the inverse logit for PLO and so on
     * ({@link Measure#backTransform()}). The Freeman-Tukey inverses use the harmonic mean of the included
     * studies' sample sizes (PFT, as {@code transf.ipft.hm} with {@code targs = list(ni = ni)}) or
     * person-times (IRFT), from the {@link #input() input}.
     *
     * @return the function from the analysis scale to the natural one (the identity for untransformed
     *         measures); it gives NaN for PFT and IRFT effects without their studies' data
     */
    public java.util.function.DoubleUnaryOperator backTransform() {
        BackTransform b = measure.backTransform();
        if (!b.needsSize()) {
            return x -> b.apply(x, Double.NaN);
        }
        double inverse = 0;
        for (int i = 0; i < rows.length; i++) {
            inverse += 1 / size(i);
        }
        double harmonic = rows.length / inverse;
        return x -> b.apply(x, harmonic);
    }

    /**
     * The measure's back-transformation of a value of study {@code i} (its effect or a limit of its
     * interval), with the study's own sample size (PFT, {@code transf.ipft(x, ni)}) or person-time (IRFT,
     * {@code transf.iirft(x, ti)}) where the inverse needs one.
     *
     * @param i the 0-based position among the included studies
     * @param x the value on the analysis scale
     * @return the value on the natural scale
     */
    public double backTransform(int i, double x) {
        BackTransform b = measure.backTransform();
        return b.apply(x, b.needsSize() ? size(i) : Double.NaN);
    }

    /** The sample size (proportions) or person-time (rates) of included study {@code i}; NaN for other data. */
    private double size(int i) {
        if (input instanceof ProportionStudies p) {
            return p.total(rows[i]);
        }
        if (input instanceof RateStudies r) {
            return r.time(rows[i]);
        }
        return Double.NaN;
    }

    /**
     * The number of included studies.
     *
     * @return the length of {@link #yi()}
     */
    public int size() {
        return yi.length;
    }

    /**
     * The studies excluded from the analysis, as notes.
     *
     * @return the notes of kind {@link Note.Kind#EXCLUDED}, in input order
     */
    public List<Note> excluded() {
        // a loop, not a stream: asked for once per analysis of batches of thousands
        List<Note> out = null;
        for (Note n : notes) {
            if (n.kind() == Note.Kind.EXCLUDED) {
                if (out == null) {
                    out = new java.util.ArrayList<>();
                }
                out.add(n);
            }
        }
        return out == null ? List.of() : List.copyOf(out);
    }

    /**
     * A subset of these effect sizes (by position), keeping notes.
     *
     * @param positions 0-based positions among the included studies, in the order wanted
     * @return the selected studies, with the same measure, input and notes
     */
    public EffectSizes subset(int[] positions) {
        int m = positions.length;
        String[] s = new String[m];
        int[] l = new int[m];
        int[] r = new int[m];
        double[] y = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            int p = positions[i];
            s[i] = study[p];
            l[i] = lines[p];
            r[i] = rows[p];
            y[i] = yi[p];
            v[i] = vi[p];
        }
        return new EffectSizes(measure, s, l, r, y, v, input, notes, covariates.subset(positions));
    }

    /**
     * The same effects with the covariates replaced.
     *
     * @param c the studies' columns, one value per included study in study order
     * @return effect sizes carrying {@code c}
     * @throws IllegalArgumentException when {@code c} does not describe {@link #size()} studies
     */
    public EffectSizes withCovariates(DataColumns c) {
        return new EffectSizes(measure, study, lines, rows, yi, vi, input, notes, java.util.Objects.requireNonNull(c, "c"));
    }

    /**
     * The same effects with covariates given for every study of the {@link #input() input} (before any
     * was left out): the included studies' values are picked by {@link #rows()}, so the covariates stay
     * aligned with the studies analysed.
     *
     * @param ofInput one value per study of the input, in input order
     * @return effect sizes carrying the included studies' values
     * @throws IllegalArgumentException when the effects have no input or {@code ofInput} does not describe all its studies
     */
    public EffectSizes withInputCovariates(DataColumns ofInput) {
        if (input == null || ofInput.size() != input.size()) {
            throw new IllegalArgumentException("covariates of the input need one value per input study ("
                    + (input == null ? "there is no input" : input.size() + " studies") + "), not " + ofInput.size());
        }
        return withCovariates(ofInput.subset(rows));
    }

    /**
     * The same effects with one numeric covariate added (or replaced), for example the publication year.
     *
     * @param name   the covariate's name (as moderators and subgroups refer to it)
     * @param values one value per included study, in study order; NaN where missing
     * @return effect sizes carrying the covariate
     * @throws IllegalArgumentException when the name is blank or there is not one value per study
     */
    public EffectSizes withCovariate(String name, double[] values) {
        return withCovariates(base().with(name, values));
    }

    /**
     * The same effects with one text covariate added (or replaced), for example the allocation method;
     * values that are numbers are also seen as numbers.
     *
     * @param name   the covariate's name (as moderators and subgroups refer to it)
     * @param values one value per included study, in study order; null or blank where missing
     * @return effect sizes carrying the covariate
     * @throws IllegalArgumentException when the name is blank or there is not one value per study
     */
    public EffectSizes withCovariate(String name, String[] values) {
        return withCovariates(base().with(name, values));
    }

    /**
     * The same effects with one covariate added (or replaced) from a list: numbers make a numeric
     * covariate, other values a text one.
     *
     * @param name   the covariate's name (as moderators and subgroups refer to it)
     * @param values one value per included study, in study order; null where missing
     * @return effect sizes carrying the covariate
     * @throws IllegalArgumentException when the name is blank or there is not one value per study
     */
    public EffectSizes withCovariate(String name, List<?> values) {
        return withCovariates(base().with(name, values));
    }

    /** The covariates to add to: these studies' file and lines when none are carried yet. */
    private DataColumns base() {
        return covariates.names().isEmpty() ? DataColumns.of(input == null ? null : input.source(), lines) : covariates;
    }
}
