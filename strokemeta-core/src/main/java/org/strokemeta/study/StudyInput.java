package org.strokemeta.study;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.data.ContinuousStudies;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Studies;
import org.strokemeta.data.Table;
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
     * The measure to use: the requested one, or one chosen from the columns present.
     *
     * @param t the table
     * @param r the request
     * @return the measure
     * @throws InputException if no measure fits the columns
     */
    public static Measure measureFor(Table t, MetaRequest r) {
        Measure m = r.measure();
        if (m == null) {
            if (BinaryStudies.COLUMNS.stream().allMatch(t::has)) {
                m = Measure.OR;
            } else if (ContinuousStudies.COLUMNS.stream().allMatch(t::has)) {
                m = Measure.MD;
            } else if ((t.has("yi") && (t.has("vi") || t.has("sei"))) || (t.has("estimate") && t.has("ci_lower"))) {
                m = Measure.GEN;
            } else if (org.strokemeta.data.StrokeLoader.recognises(t)) {
                throw InputException.of(t.source(), "these are patient-level thrombectomy trial data (one row per patient): use "
                        + "strokemeta report, or strokemeta ipd, with --input " + t.source());
            } else if (t.has("treatment") && (t.has("mrs") || t.has("outcome"))) {
                throw InputException.of(t.source(), "these look like patient-level data (one row per patient): use "
                        + "strokemeta ipd --input " + t.source());
            } else {
                throw InputException.of(t.source(), "cannot tell the kind of data from the columns ("
                        + String.join(", ", t.columnNames()) + "): binary data need " + String.join(", ", BinaryStudies.COLUMNS)
                        + "; continuous data need " + String.join(", ", ContinuousStudies.COLUMNS)
                        + "; generic estimates need yi with vi or sei, or estimate, ci_lower and ci_upper");
            }
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
     * The per-study effects of a table under a request, with a check of method and measure.
     *
     * @param t the table
     * @param r the request
     * @return the effects
     * @throws InputException if the data or the method do not fit the measure
     */
    public static EffectSizes effects(Table t, MetaRequest r) {
        Measure m = measureFor(t, r);
        checkMethod(t.source(), m, r);
        return effects(studies(t, m, r), m, r);
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
            es = new EffectSizes(es.measure(), es.study(), es.lines(), es.rows(), es.yi(), es.vi(), es.input(), notes);
        }
        return es;
    }
}
