package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.CorrelationStudies;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.DataKind;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PrePostStudies;
import org.strokemeta.data.ProportionStudies;
import org.strokemeta.data.RateStudies;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Studies;
import org.strokemeta.data.Table;
import org.strokemeta.data.TwoArmRateStudies;
import org.strokemeta.data.WrongDataKind;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.Model;

/** Reads study-level data from a table and computes the per-study effects a request asks for. */
public final class StudyInput {
    private StudyInput() {
    }

    /**
     * The measure to use: the requested one, or one chosen from the kind of data ({@link DataKind#of(Table)}):
     * OR for binary data, MD for continuous data, GEN for generic estimates, PLO for single-arm counts
     * (proportions), IRLN for single-arm rates, IRR for two-arm rates, SMCR for pre-post data (it needs
     * only the first standard deviation) and ZCOR for correlations; OR becomes PETO when the request pools
     * with Peto's fixed-effect method.
     *
     * @param t the table
     * @param r the request
     * @return the measure of the per-study effects
     * @throws WrongDataKind when no measure is requested and the table holds patient-level data or
     *                       tabulated mRS distributions, which other analyses take
     * @throws InputException when no measure is requested and the kind of data cannot be told from the columns
     */
    public static Measure measureFor(Table t, MetaRequest r) {
        Measure m = r.measure();
        if (m == null) {
            DataKind kind = DataKind.of(t);
            m = switch (kind) {
                case BINARY -> Measure.OR;
                case CONTINUOUS -> Measure.MD;
                case GENERIC -> Measure.GEN;
                case PROPORTIONS -> Measure.PLO;
                case RATES -> Measure.IRLN;
                case TWO_ARM_RATES -> Measure.IRR;
                case PRE_POST -> Measure.SMCR;
                case CORRELATIONS -> Measure.ZCOR;
                case MRS_TABLE -> throw new WrongDataKind(t.source(), kind, "these are tabulated mRS distributions (one row per "
                        + "trial and arm), not study-level effects: the shift analysis (org.strokemeta.Shift) takes them");
                case NETWORK_ARMS, NETWORK_CONTRASTS -> throw new WrongDataKind(t.source(), kind, "these are the arms or contrasts of a "
                        + "network of treatments (study, treatment, ... per arm; or study, treat1, treat2, yi, vi): the network "
                        + "meta-analysis (org.strokemeta.multivariate.Network) takes them");
                case STROKE_PATIENTS -> throw new WrongDataKind(t.source(), kind, "these are patient-level thrombectomy trial data "
                        + "(one row per patient), not study-level data: the report (org.strokemeta.Study) or the patient-level "
                        + "analysis (org.strokemeta.Ipd) takes them");
                case PATIENTS -> throw new WrongDataKind(t.source(), kind, "these look like patient-level data (one row per "
                        + "patient), not study-level data: the patient-level analysis (org.strokemeta.Ipd) takes them");
                case UNKNOWN -> throw InputException.of(t.source(), "cannot tell the kind of data from the columns ("
                        + String.join(", ", t.columnNames()) + "): binary data need " + String.join(", ", BinaryStudies.COLUMNS)
                        + "; continuous data need " + String.join(", ", ContinuousStudies.COLUMNS)
                        + "; generic estimates need yi with vi or sei, or estimate, ci_lower and ci_upper"
                        + "; proportions need xi, ni; incidence rates need xi, ti (two arms: x1i, t1i, x2i, t2i)"
                        + "; pre-post data need m1i, m2i, sd1i, ni, ri (and sd2i for SMCC); correlations need ri, ni");
            };
        }
        if (r.options().model() == Model.FIXED && r.options().fixedMethod() == FixedMethod.PETO && m == Measure.OR) {
            m = Measure.PETO;
        }
        return m;
    }

    /**
     * Reads the studies for a measure.
     *
     * @param t the table
     * @param m the measure
     * @param r the request
     * @return the studies
     */
    public static Studies studies(Table t, Measure m, MetaRequest r) {
        return studies(t, m, r, true);
    }

    /**
     * Reads the studies for a measure, with or without the duplicate-label check.
     *
     * @param t          the table
     * @param m          the measure
     * @param r          the request
     * @param duplicates report duplicate study labels
     * @return the studies
     */
    public static Studies studies(Table t, Measure m, MetaRequest r, boolean duplicates) {
        return switch (m.kind()) {
            case BINARY -> StudyLoader.binary(t, duplicates);
            case CONTINUOUS -> StudyLoader.continuous(t, duplicates);
            case GENERIC -> StudyLoader.generic(t, genericInput(t, m, r), duplicates);
            case PROPORTIONS -> StudyLoader.proportions(t, duplicates);
            case RATES -> StudyLoader.rates(t, duplicates);
            case TWO_ARM_RATES -> StudyLoader.twoArmRates(t, duplicates);
            case PRE_POST -> StudyLoader.prePost(t, m == Measure.SMCC, duplicates);
            case CORRELATIONS -> StudyLoader.correlations(t, duplicates);
        };
    }

    /** The request's reading of generic estimates; the measure RATIO means ratios. */
    private static StudyLoader.GenericInput genericInput(Table t, Measure m, MetaRequest r) {
        StudyLoader.GenericInput g = r.genericInput();
        if (m == Measure.RATIO) {
            if (g.scale() == StudyLoader.Scale.ABSOLUTE) {
                throw InputException.of(t.source(), "the measure RATIO analyses ratios on the log scale; the scale 'absolute' contradicts it");
            }
            return g.withScale(StudyLoader.Scale.RATIO);
        }
        return g;
    }

    /**
     * The per-study effects of a table under a request, with a check of method and measure; the
     * table's other columns travel with the effects as their covariates (see {@link #covariates}).
     *
     * @param t the table of studies
     * @param r the request (measure, continuity correction, reading of generic estimates, pooling method)
     * @return the effects of the studies that enter the analysis, with their covariates
     * @throws org.strokemeta.data.InputException when the table does not hold valid study data for the request
     */
    public static EffectSizes effects(Table t, MetaRequest r) {
        Measure m = measureFor(t, r);
        checkMethod(t.source(), m, r);
        return withCovariates(effects(studies(t, m, r), m, r), covariates(t, m, r));
    }

    /** The effects with covariates given for every study of their input (nothing to do when there are none). */
    static EffectSizes withCovariates(EffectSizes es, DataColumns ofInput) {
        return ofInput.names().isEmpty() ? es : es.withInputCovariates(ofInput);
    }

    /**
     * The columns of a table that hold a measure's study data: the study labels and the columns the
     * measure's kind is read from ({@link BinaryStudies#COLUMNS}, {@link ContinuousStudies#COLUMNS}, the
     * generic estimates' {@code yi} with {@code vi} or {@code sei}, or {@code estimate},
     * {@code ci_lower} and {@code ci_upper}, in the order {@link StudyLoader#generic} looks for them, or
     * the {@code COLUMNS} of the other kinds of study data).
     *
     * @param t the table
     * @param m the measure
     * @return the names of those columns present in the table, in lower case
     */
    public static List<String> inputColumns(Table t, Measure m) {
        List<String> c = new ArrayList<>();
        c.add(StudyLoader.STUDY);
        switch (m.kind()) {
            case BINARY -> c.addAll(BinaryStudies.COLUMNS);
            case CONTINUOUS -> c.addAll(ContinuousStudies.COLUMNS);
            case PROPORTIONS -> c.addAll(ProportionStudies.COLUMNS);
            case RATES -> c.addAll(RateStudies.COLUMNS);
            case TWO_ARM_RATES -> c.addAll(TwoArmRateStudies.COLUMNS);
            case PRE_POST -> c.addAll(PrePostStudies.COLUMNS);
            case CORRELATIONS -> c.addAll(CorrelationStudies.COLUMNS);
            case GENERIC -> {
                if (t.has("yi") && t.has("vi")) {
                    c.addAll(List.of("yi", "vi"));
                } else if (t.has("yi") && t.has("sei")) {
                    c.addAll(List.of("yi", "sei"));
                } else {
                    c.addAll(List.of("estimate", "ci_lower", "ci_upper"));
                }
            }
        }
        c.removeIf(x -> !t.has(x));
        return c;
    }

    /**
     * The study-level covariates of a table for a request, one value per row: every column that is not
     * an {@link #inputColumns input column} of the measure, nor the request's {@link MetaRequest#by() by}
     * column (constant within each analysis of a batch), as metafor::escalc keeps the data's other
     * columns; the request's subgroup and moderator columns are always carried when the table has them.
     *
     * @param t the table of studies
     * @param m the measure
     * @param r the request
     * @return the columns, aligned with the table's rows (and so with the studies read from it)
     */
    public static DataColumns covariates(Table t, Measure m, MetaRequest r) {
        java.util.Set<String> skip = new java.util.HashSet<>(inputColumns(t, m));
        if (r.by() != null) {
            skip.add(r.by().toLowerCase(java.util.Locale.ROOT));
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        if (r.subgroup() != null) {
            named.add(r.subgroup().toLowerCase(java.util.Locale.ROOT));
        }
        r.moderators().forEach(x -> named.add(x.toLowerCase(java.util.Locale.ROOT)));
        List<String> carried = new ArrayList<>();
        for (String c : t.columnNames()) {
            String k = c.trim().toLowerCase(java.util.Locale.ROOT);
            if (!skip.contains(k) || named.contains(k)) {
                carried.add(c.trim());
            }
        }
        return DataColumns.read(t, carried);
    }

    /**
     * Checks that the fixed-effect method can pool the measure.
     *
     * @param source the input's name, for messages
     * @param m      the measure
     * @param r      the request
     * @throws InputException if the request's fixed-effect method cannot pool the measure
     */
    public static void checkMethod(String source, Measure m, MetaRequest r) {
        FixedMethod fm = r.options().fixedMethod();
        if (r.options().model() == Model.FIXED) {
            if (fm == FixedMethod.MH && m != Measure.OR && m != Measure.RR && m != Measure.RD) {
                throw InputException.of(source, "the Mantel-Haenszel method pools OR, RR or RD, not " + m);
            }
            if (fm == FixedMethod.PETO && m != Measure.PETO) {
                throw InputException.of(source, "Peto's method pools the Peto odds ratio (measure PETO or OR), not " + m);
            }
        }
    }

    /**
     * The per-study effects of already-read studies.
     *
     * @param studies the studies
     * @param m       the measure
     * @param r       the request
     * @return the effects
     */
    public static EffectSizes effects(Studies studies, Measure m, MetaRequest r) {
        EffectSizes es = EffectCalculator.compute(m, studies, r.continuity());
        if (m == Measure.PETO && r.measure() == Measure.OR) {
            List<Note> notes = new ArrayList<>(es.notes());
            notes.add(new Note(0, null, Note.Kind.INFO, "Peto's method: per-study effects are Peto log odds ratios"));
            es = new EffectSizes(es.measure(), es.study(), es.lines(), es.rows(), es.yi(), es.vi(), es.input(), notes,
                    es.covariates());
        }
        return es;
    }
}
