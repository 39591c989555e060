package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.regression.Coefficient;

/**
 * The one-stage proportional-odds model with random trial effects on patient-level data: common
 * thresholds, fixed effects of treatment and covariates, and a normal random trial intercept, a random
 * treatment effect, or both, as {@code ordinal::clmm(y ~ treatment + covariates + (1 | study), nAGQ)}
 * fits it (Christensen 2019, the clmm2 tutorial of package ordinal; Hedeker and Gibbons 1994).
 *
 * <p>The likelihood integrates each trial's random effect by the Laplace approximation (nAGQ = 1) or
 * by adaptive Gauss-Hermite quadrature centred at the trial's conditional mode and scaled by its
 * curvature (nAGQ > 1; Pinheiro and Bates 1995), exactly clmm's objective; the maximisation uses the
 * exact gradient of that approximation ({@link MixedLikelihood}) where clmm differentiates
 * numerically, so it reaches the same optimum more tightly. Standard errors come from the Hessian of
 * the approximate marginal log-likelihood over all parameters, as clmm's {@code vcov}. A random
 * treatment effect is fitted by the Laplace approximation only, as in clmm; the correlated
 * structure {@link RandomEffects#CORRELATED} is clmm's {@code (1 + treatment | study)}, the
 * independent one {@link RandomEffects#INDEPENDENT} its {@code (1 | study) + (0 + treatment | study)}.
 */
public final class MixedOrdinal {
    private MixedOrdinal() {
    }

    /**
     * Fits the model to the patients' ordinal outcome. Its parallel parts run on {@code o.execution()}
     * (the library's pool unless the caller passes its own executor or a single thread).
     *
     * @param d the patients
     * @param o the options
     * @return the log common odds ratio, the coefficients, cut-points and variance components, as
     *         ordinal::clmm
     */
    public static MixedOrdinalResult fit(PatientData d, MixedOptions o) {
        IpdChecks.unweighted(d, "mixed ordinal model");
        List<Note> notes = new ArrayList<>(d.notes());
        notes.addAll(IpdChecks.arms(d));
        IpdChecks.trialsForVariance(d, o.randomEffects(), notes);
        for (String c : o.covariates()) {
            d.covariate(c);
        }
        int[] cats = IpdChecks.observedCategories(d.outcome(), d.categories());
        if (cats.length < 2) {
            throw new IllegalArgumentException("every patient has the same outcome (category " + cats[0]
                    + "): there is nothing to compare");
        }
        int[] code = new int[d.categories()];
        for (int k = 0; k < cats.length; k++) {
            code[cats[k]] = k;
        }
        if (cats.length < d.categories()) {
            List<String> missing = new ArrayList<>();
            for (int j = 0, k = 0; j < d.categories(); j++) {
                if (k < cats.length && cats[k] == j) {
                    k++;
                } else {
                    missing.add(Integer.toString(j));
                }
            }
            notes.add(new Note(0, null, Note.Kind.INFO, "no patient has outcome " + String.join(", ", missing)
                    + ": the model uses the " + cats.length + " categories that occur (as clmm does)"));
        }
        int[] y = new int[d.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = code[d.outcome(i)];
        }
        TrialBlocks tb = TrialBlocks.of(d, y, cats.length, o.covariates());
        MixedFit.Raw r = MixedFit.fit(tb, o.randomEffects(), o.nAGQ(), o.maxIterations(), o.execution());
        int nth = r.thresholds().length;
        List<Coefficient> th = new ArrayList<>();
        for (int j = 0; j < nth; j++) {
            th.add(Estimates.wald(cats[j] + "|" + cats[j + 1], r.thresholds()[j], r.se(j), o.level()));
        }
        List<Coefficient> beta = new ArrayList<>();
        List<String> names = new ArrayList<>();
        names.add("treatment");
        names.addAll(o.covariates());
        for (int k = 0; k < names.size(); k++) {
            beta.add(Estimates.wald(names.get(k), r.beta()[k], r.se(nth + k), o.level()));
        }
        Coefficient cor = Estimates.wald("treatment", -r.beta()[0], r.se(nth), o.level());
        addFitNotes(r, notes);
        String method = "cumulative logit (proportional odds) mixed model, " + o.randomEffects().formula() + ", "
                + o.approximation() + " (as ordinal::clmm)";
        return new MixedOrdinalResult(method, o, cor, beta, th, r.components(), r.loglik(), d.size(), d.studies(),
                r.iterations(), r.evaluations(), r.maxGradient(), r.converged(), r.message(), notes);
    }

    /** Notes on the fit: non-convergence and boundary estimates of the variance components. */
    static void addFitNotes(MixedFit.Raw r, List<Note> notes) {
        if (!r.converged()) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the model did not converge (" + r.message()
                    + "): its estimates are not valid"));
        }
        VarianceComponents v = r.components();
        if (v.atBoundary()) {
            String what;
            if (v.structure() == RandomEffects.CORRELATED && v.interceptVariance() > 0 && v.treatmentVariance() > 0) {
                what = "the random intercept and treatment effect are estimated as perfectly correlated (correlation "
                        + (v.correlation() > 0 ? "+1" : "−1") + ", the boundary): the trials do not support a separate "
                        + "variance of the treatment effect; consider the independent or a simpler structure";
            } else if (v.structure().hasIntercept() && !(v.interceptVariance() > 0)) {
                what = "the between-trial variance of the intercept is estimated at 0, its boundary: the trials look "
                        + "homogeneous in their outcome levels";
            } else {
                what = "the between-trial variance of the treatment effect is estimated at 0, its boundary: no variation "
                        + "of the treatment effect between trials is detected";
            }
            notes.add(new Note(0, null, Note.Kind.INFO, what));
        }
    }
}
