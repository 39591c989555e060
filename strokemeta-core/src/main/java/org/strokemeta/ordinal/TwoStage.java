package org.strokemeta.ordinal;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;

/**
 * Two-stage meta-analysis of an ordinal outcome: in the first stage each trial's log common odds
 * ratio and its standard error come from the trial's own proportional-odds fit
 * ({@code ordinal::clm(y ~ treatment [+ covariates], weights = count)}, log cOR = −beta_treatment);
 * in the second they are pooled by inverse variance with any fixed or random-effects method of
 * {@link MetaAnalysis} ({@code metafor::rma(yi = log cOR, sei = se)}), as in Burke, Ensor and Riley
 * (Stat Med 2017) and the HERMES collaboration (Goyal et al., Lancet 2016).
 *
 * <p>A trial whose effect cannot be estimated (one arm without patients, a fit that diverges or does
 * not converge) is left out of the pooling with a note that says why; a category without patients
 * in a trial follows {@link PoOptions#emptyCategories()}.
 */
public final class TwoStage {
    private TwoStage() {
    }

    /**
     * Two-stage analysis of a table of counts.
     *
     * @param t  the table
     * @param po the options of each trial's fit
     * @param mo the pooling options
     * @return each trial's log common odds ratio and their pooled estimate
     */
    public static TwoStageResult run(OrdinalTable t, PoOptions po, MetaOptions mo) {
        return run(OrdinalRows.of(po.prepare(t)), t.lines(), po, mo);
    }

    /**
     * Two-stage analysis of patient-level data, adjusted within each trial for the data's covariates.
     *
     * @param d  the patients
     * @param po the options of each trial's fit
     * @param mo the pooling options
     * @return each trial's log common odds ratio and their pooled estimate
     */
    public static TwoStageResult run(PatientData d, PoOptions po, MetaOptions mo) {
        int[] lines = new int[d.studies()];
        for (int i = d.size() - 1; i >= 0; i--) {
            lines[d.study(i)] = d.lines(i);
        }
        return run(OrdinalRows.of(po.prepare(d)), lines, po, mo);
    }

    private static TwoStageResult run(OrdinalRows rows, int[] lines, PoOptions po, MetaOptions mo) {
        List<Stage> stages = new ArrayList<>();
        for (int s = 0; s < rows.trialNames().length; s++) {
            stages.add(stage(rows.trial(s), lines[s], po));
        }
        return pool(rows.source(), rows.notes(), stages, mo);
    }

    /**
     * The first stage for one trial: its own fit, or why it has none, with the remarks on it.
     *
     * @param effect the trial's effect, or the reason it is left out
     * @param notes  remarks on the trial (covariates left out of its adjustment, the fit's notes, its exclusion)
     * @serial exclude
     */
    public record Stage(TrialEffect effect, List<Note> notes) implements java.io.Serializable {
        /**
         * Copies the notes.
         *
         * @param effect the trial's effect, or the reason it is left out
         * @param notes  remarks on the trial
         */
        public Stage {
            notes = List.copyOf(notes);
        }
    }

    /**
     * The first stage for the patients of one trial held apart from the others (one task of a cluster per trial): the
     * same fit as {@link #run(PatientData, PoOptions, MetaOptions)} makes for that trial, given its patients in the same
     * order.
     *
     * @param patients       the patients, of this trial only or with others (only those of {@code trial} are used)
     * @param trial          the trial's code in {@code patients}
     * @param trialNames     trial names by code
     * @param categories     the outcome categories (after any merge, which must already be applied)
     * @param covariateNames the chunk's covariates, in order
     * @param line           the line or row of the trial's first patient in the data, for the notes (0 when unknown)
     * @param po             the options of the trial's fit (cut-points are the trial's own)
     * @return the trial's effect and notes
     */
    public static Stage stage(OrdinalParts.Chunk patients, int trial, List<String> trialNames, int categories,
                              List<String> covariateNames, int line, PoOptions po) {
        return stage(patients.rows(trialNames.toArray(new String[0]), categories, covariateNames).trial(trial), line, po);
    }

    /** The first stage for the rows of one trial (coded 0). */
    private static Stage stage(OrdinalRows own, int line, PoOptions po) {
        PoOptions within = po.withThresholds(Thresholds.COMMON);
        double[] arms = new double[2];
        for (int i = 0; i < own.size(); i++) {
            arms[own.treatment()[i]] += own.weight(i);
        }
        List<Note> notes = new ArrayList<>();
        String name = own.trialNames()[0];
        String why = null;
        ProportionalOddsFit fit = null;
        if (arms[1] == 0 || arms[0] == 0) {
            why = arms[1] == 0 && arms[0] == 0 ? "no patients"
                    : "no patient in the " + (arms[1] == 0 ? "treatment" : "control")
                    + " arm, so the trial cannot estimate a treatment effect";
        } else {
            List<String> constant = new ArrayList<>();
            OrdinalRows varying = own.withoutConstantCovariates(constant);
            if (!constant.isEmpty()) {
                notes.add(new Note(line, name, Note.Kind.INFO, String.join(", ", constant) + (constant.size() == 1 ? " is" : " are")
                        + " the same for every patient of the trial: left out of its adjustment"));
            }
            fit = ProportionalOdds.fit(varying, within, false, null);
            if (!fit.converged()) {
                why = "its proportional-odds fit " + (fit.diverged() ? "diverges" : "did not converge") + ": "
                        + fit.message();
            }
            for (Note n : fit.notes()) {
                if (n.kind() != Note.Kind.WARNING) {
                    notes.add(new Note(line, name, n.kind(), n.message()));
                }
            }
        }
        CommonOddsRatio e = fit != null && why == null ? fit.commonOddsRatio() : CommonOddsRatio.unavailable(po.level());
        if (why != null) {
            notes.add(new Note(line, name, Note.Kind.EXCLUDED, why + ": left out of the pooled analysis"));
        }
        return new Stage(new TrialEffect(name, line, fit, e, why == null, why), notes);
    }

    /**
     * The second stage: the trials' log common odds ratios pooled by inverse variance.
     *
     * @param source    the data's name, for messages
     * @param dataNotes remarks on the data, first in the result's notes
     * @param stages    the first stage of every trial, in trial order
     * @param mo        the pooling options
     * @return each trial's effect and their pooled estimate
     * @throws InputException when no trial has an estimable common odds ratio
     */
    public static TwoStageResult pool(String source, List<Note> dataNotes, List<Stage> stages, MetaOptions mo) {
        List<TrialEffect> trials = new ArrayList<>();
        List<Note> notes = new ArrayList<>(dataNotes);
        List<String> names = new ArrayList<>();
        List<Integer> ln = new ArrayList<>();
        List<Double> yi = new ArrayList<>();
        List<Double> vi = new ArrayList<>();
        for (Stage st : stages) {
            TrialEffect t = st.effect();
            trials.add(t);
            notes.addAll(st.notes());
            if (t.included()) {
                names.add(t.study());
                ln.add(t.line());
                yi.add(t.effect().logCor());
                vi.add(t.effect().se() * t.effect().se());
            }
        }
        if (names.isEmpty()) {
            throw InputException.of(source, "no trial has an estimable common odds ratio"
                    + (notes.isEmpty() ? "" : " (" + notes.get(0) + ")"));
        }
        int m = names.size();
        int[] l = new int[m];
        double[] y = new double[m];
        double[] v = new double[m];
        for (int i = 0; i < m; i++) {
            l[i] = ln.get(i);
            y[i] = yi.get(i);
            v[i] = vi.get(i);
        }
        GenericStudies gs = new GenericStudies(source, names.toArray(new String[0]), l, y, v, List.of());
        EffectSizes es = EffectCalculator.generic(gs);
        MetaResult pooled = MetaAnalysis.run(es, mo);
        return new TwoStageResult(trials, pooled, notes);
    }
}
