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
        PoOptions within = po.withThresholds(Thresholds.COMMON);
        int k = rows.trialNames().length;
        double[][] arms = new double[k][2];
        for (int i = 0; i < rows.size(); i++) {
            arms[rows.trial()[i]][rows.treatment()[i]] += rows.weight(i);
        }
        List<TrialEffect> trials = new ArrayList<>();
        List<Note> notes = new ArrayList<>(rows.notes());
        List<String> names = new ArrayList<>();
        List<Integer> ln = new ArrayList<>();
        List<Double> yi = new ArrayList<>();
        List<Double> vi = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            String name = rows.trialNames()[s];
            String why = null;
            ProportionalOddsFit fit = null;
            if (arms[s][1] == 0 || arms[s][0] == 0) {
                why = arms[s][1] == 0 && arms[s][0] == 0 ? "no patients"
                        : "no patient in the " + (arms[s][1] == 0 ? "treatment" : "control")
                        + " arm, so the trial cannot estimate a treatment effect";
            } else {
                List<String> constant = new ArrayList<>();
                OrdinalRows own = rows.trial(s).withoutConstantCovariates(constant);
                if (!constant.isEmpty()) {
                    notes.add(new Note(lines[s], name, Note.Kind.INFO, String.join(", ", constant) + (constant.size() == 1 ? " is" : " are")
                            + " the same for every patient of the trial: left out of its adjustment"));
                }
                fit = ProportionalOdds.fit(own, within, false, null);
                if (!fit.converged()) {
                    why = "its proportional-odds fit " + (fit.diverged() ? "diverges" : "did not converge") + ": "
                            + fit.message();
                }
                for (Note n : fit.notes()) {
                    if (n.kind() != Note.Kind.WARNING) {
                        notes.add(new Note(lines[s], name, n.kind(), n.message()));
                    }
                }
            }
            CommonOddsRatio e = fit != null && why == null ? fit.commonOddsRatio() : CommonOddsRatio.unavailable(po.level());
            trials.add(new TrialEffect(name, lines[s], fit, e, why == null, why));
            if (why == null) {
                names.add(name);
                ln.add(lines[s]);
                yi.add(e.logCor());
                vi.add(e.se() * e.se());
            } else {
                notes.add(new Note(lines[s], name, Note.Kind.EXCLUDED, why + ": left out of the pooled analysis"));
            }
        }
        if (names.isEmpty()) {
            throw InputException.of(rows.source(), "no trial has an estimable common odds ratio"
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
        GenericStudies gs = new GenericStudies(rows.source(), names.toArray(new String[0]), l, y, v, List.of());
        EffectSizes es = EffectCalculator.generic(gs);
        MetaResult pooled = MetaAnalysis.run(es, mo);
        return new TwoStageResult(trials, pooled, notes);
    }
}
