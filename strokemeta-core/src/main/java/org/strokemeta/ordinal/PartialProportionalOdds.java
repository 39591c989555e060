package org.strokemeta.ordinal;

import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.Dist;

/**
 * Tests the proportional-odds assumption for the treatment effect: the likelihood-ratio test of
 * the proportional-odds model {@code logit P(Y <= j) = theta_{s,j} − beta_t t − x'beta} against the
 * partial proportional-odds model {@code logit P(Y <= j) = theta_{s,j} + gamma_j t − x'beta} with a
 * treatment effect gamma_j for every cut-point (Peterson and Harrell, Appl Stat 1990;39:205–217),
 * with J − 2 degrees of freedom. This is R's
 * {@code ordinal::clm(y ~ x, nominal = ~ study + treatment)} against
 * {@code clm(y ~ treatment + x, nominal = ~study)} for stratified cut-points, and
 * {@code clm(y ~ x, nominal = ~treatment)} against {@code clm(y ~ treatment + x)} for common ones,
 * as {@code ordinal::nominal_test} computes it.
 *
 * <p>gamma_j is the log odds ratio of a category at or below j for treatment against control, the
 * sign of the log common odds ratio: under proportional odds every gamma_j equals −beta_t.
 */
public final class PartialProportionalOdds {
    private PartialProportionalOdds() {
    }

    /**
     * The test on patient-level data (covariates as in the data).
     *
     * @param d the patients
     * @param o the fit options
     * @return both fits, the likelihood-ratio test of proportional odds and the treatment effect at each cut-point
     */
    public static ProportionalOddsCheck test(PatientData d, PoOptions o) {
        return test(OrdinalRows.of(o.prepare(d)), o);
    }

    /**
     * The test on a table of counts (treatment only).
     *
     * @param t the table
     * @param o the fit options
     * @return both fits, the likelihood-ratio test of proportional odds and the treatment effect at each cut-point
     */
    public static ProportionalOddsCheck test(OrdinalTable t, PoOptions o) {
        return test(OrdinalRows.of(o.prepare(t)), o);
    }

    static ProportionalOddsCheck test(OrdinalRows rows, PoOptions o) {
        checkCategories(rows.source(), rows.categories());
        // both models on exactly the same observations: empty categories are not allowed in either
        PoOptions strict = strict(o);
        ProportionalOddsFit po = ProportionalOdds.fit(rows, strict, false, null);
        OrdinalDesign nd = OrdinalDesign.build(rows, strict.thresholds(), EmptyCategories.REJECT, true, strict.execution());
        return test(nd, po, start -> ProportionalOdds.fit(nd, strict, start));
    }

    /** The options of both fits: no empty category in either. */
    static PoOptions strict(PoOptions o) {
        return o.withEmptyCategories(EmptyCategories.REJECT);
    }

    static void checkCategories(String source, int categories) {
        if (categories < 3) {
            throw org.strokemeta.data.InputException.of(source, "the proportional-odds assumption can only be"
                    + " tested with three or more outcome categories (there are " + categories + ")");
        }
    }

    /**
     * The test from the proportional-odds fit and the partial one (layout {@code nd}), which {@code partialFit} fits
     * from the start values it is given (null: its own); the partial fit starts at the proportional-odds estimates.
     */
    static ProportionalOddsCheck test(OrdinalLayout nd, ProportionalOddsFit po,
                                      java.util.function.Function<double[], ProportionalOddsFit> partialFit) {
        double[] start = new double[nd.parameters];
        int cuts = nd.nominalStart;
        int covariates = nd.q();
        int t = 0;
        for (double[] row : po.cutPoints()) {
            for (double v : row) {
                start[t++] = v;
            }
        }
        if (t != cuts) {
            throw new IllegalStateException("cut-point layouts differ between the two models");
        }
        double bt = po.beta(po.indexOf("treatment"));
        for (int j = 0; j < nd.nominalCount(); j++) {
            start[nd.nominalStart + j] = po.converged() ? -bt : 0;
        }
        for (int k = 0; k < covariates; k++) {
            start[nd.betaStart + k] = po.converged() ? po.beta(k + 1) : 0;
        }
        ProportionalOddsFit partial = partialFit.apply(po.converged() ? start : null);
        int df = nd.nominalCount() - 1;
        String message = null;
        if (!po.converged()) {
            message = "the proportional-odds fit did not converge: " + po.message();
        } else if (!partial.converged()) {
            message = "the partial proportional-odds fit did not converge: " + partial.message();
        }
        double lr = Double.NaN;
        double p = Double.NaN;
        if (message == null) {
            // the models are nested, so a negative difference is rounding only
            lr = Math.max(0, 2 * (partial.logLik() - po.logLik()));
            p = df > 0 ? Dist.pChisq(lr, df) : Double.NaN;
        }
        return new ProportionalOddsCheck(po, partial, lr, df, p, partial.cutEffects(), partial.cutEffectSe(), message);
    }
}
