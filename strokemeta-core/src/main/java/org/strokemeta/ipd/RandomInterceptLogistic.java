package org.strokemeta.ipd;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.CumulativeLogit;
import org.strokemeta.regression.Coefficient;

/**
 * Logistic regression with a normal random trial intercept, {@code lme4::glmer(event ~ treatment +
 * covariates + (1 | study), family = binomial, nAGQ)}: the Laplace approximation for nAGQ = 1 and
 * adaptive Gauss-Hermite quadrature otherwise (Pinheiro and Chao 2006; Bates et al. 2015).
 *
 * <p>A binary logit model is the two-category cumulative logit model: with category 0 = event,
 * {@code logit P(event) = theta − eta}, so the intercept is theta and each coefficient is −beta of
 * {@link MixedLikelihood}; the likelihood, its approximation and the Hessian-based standard errors
 * (glmer's default {@code vcov} for a GLMM) are the same functions. The standardised risk difference
 * uses each trial's conditional mode of the random intercept (the predictions of
 * {@code predict(fit, type = "response")}), held fixed in the delta method, which differentiates with
 * respect to the fixed effects only.
 */
final class RandomInterceptLogistic {
    private RandomInterceptLogistic() {
    }

    static BinaryResult fit(PatientData d, BinaryOutcome outcome, BinaryOptions o) {
        IpdChecks.unweighted(d, "logistic model with a random trial intercept");
        List<Note> notes = new ArrayList<>(d.notes());
        notes.addAll(IpdChecks.arms(d));
        IpdChecks.trialsForVariance(d, RandomEffects.INTERCEPT, notes);
        int[] y = outcome.event();
        int n = d.size();
        int events = outcome.events();
        if (events == 0 || events == n) {
            throw new IllegalArgumentException((events == 0 ? "no" : "every") + " patient had the event " + outcome.name()
                    + ": there is nothing to compare");
        }
        int[][][] tab = Separation.table(d, y);
        Separation.armNotes(d, tab, outcome.name(), notes);
        List<String> names = new ArrayList<>();
        names.add("treatment");
        names.addAll(o.covariates());
        String method = "logistic regression with a random trial intercept, " + (o.nAGQ() == 1 ? "Laplace approximation"
                : "adaptive Gauss-Hermite quadrature with " + o.nAGQ() + " points") + " (as lme4::glmer)";
        int dir = Separation.direction(tab, true);
        if (dir != 0) {
            notes.add(new Note(0, null, Note.Kind.WARNING, Separation.message(dir, true, outcome.name())));
            return StratifiedLogistic.separated(o, outcome.name(), method, names, notes, d.patients(), events, d.studies(), dir);
        }
        for (String c : o.covariates()) {
            d.covariate(c);
        }
        int[] cat = new int[n];
        for (int i = 0; i < n; i++) {
            cat[i] = 1 - y[i];
        }
        TrialBlocks tb = TrialBlocks.of(d, cat, 2, o.covariates());
        MixedFit.Raw r = MixedFit.fit(tb, RandomEffects.INTERCEPT, o.nAGQ(), 200, o.execution());
        MixedOrdinal.addFitNotes(r, notes);
        int nf = r.fixedDim();
        // (theta, beta) → (intercept, −beta)
        double[] par = new double[nf];
        double[] sign = new double[nf];
        par[0] = r.thresholds()[0];
        sign[0] = 1;
        for (int j = 1; j < nf; j++) {
            par[j] = -r.beta()[j - 1];
            sign[j] = -1;
        }
        double[] cov = new double[nf * nf];
        for (int a = 0; a < nf; a++) {
            for (int b = 0; b < nf; b++) {
                cov[a * nf + b] = sign[a] * sign[b] * r.cov()[a * nf + b];
            }
        }
        List<Coefficient> coefs = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            coefs.add(Estimates.wald(names.get(j), par[j + 1], Math.sqrt(cov[(j + 1) * nf + j + 1]), o.level()));
        }
        Coefficient intercept = Estimates.wald("intercept", par[0], Math.sqrt(cov[0]), o.level());
        // quasi-separation by covariates: fitted risks of 0 or 1
        double[][] x = new double[o.covariates().size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = d.covariate(o.covariates().get(j));
        }
        double[] b = new double[d.studies()];
        for (int s = 0; s < b.length; s++) {
            b[s] = -r.modes()[s][0];
        }
        boolean separation = false;
        double r1 = 0;
        double r0 = 0;
        double[] g = new double[nf];
        for (int i = 0; i < n; i++) {
            double e0 = par[0] + b[d.study(i)];
            for (int j = 0; j < x.length; j++) {
                e0 += par[2 + j] * x[j][i];
            }
            double e1 = e0 + par[1];
            separation |= Math.abs(d.treatment(i) == 1 ? e1 : e0) > 30;
            double p1 = CumulativeLogit.cdf(e1);
            double p0 = CumulativeLogit.cdf(e0);
            r1 += p1;
            r0 += p0;
            double f1 = p1 * (1 - p1);
            double f0 = p0 * (1 - p0);
            g[0] += f1 - f0;
            g[1] += f1;
            for (int j = 0; j < x.length; j++) {
                g[2 + j] += (f1 - f0) * x[j][i];
            }
        }
        if (separation) {
            notes.add(new Note(0, null, Note.Kind.WARNING, "the covariates separate some patients' outcomes (fitted risks of "
                    + "0 or 1): some coefficients are infinite and no estimate of this model is valid"));
        }
        double var = 0;
        for (int a = 0; a < nf; a++) {
            for (int c = 0; c < nf; c++) {
                var += g[a] / n * cov[a * nf + c] * g[c] / n;
            }
        }
        RiskDifference rd = separation || !r.converged() ? RiskDifference.undefined()
                : RiskDifference.of(r1 / n, r0 / n, Math.sqrt(var), o.level());
        return new BinaryResult(method, o, outcome.name(), coefs.get(0), coefs, List.of(intercept), rd, r.components(),
                r.loglik(), n, events, d.studies(), r.iterations(), r.maxGradient(), r.converged(), r.message(), separation,
                notes);
    }
}
