package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;

/**
 * The result of a regression test for funnel plot asymmetry with the standard error as predictor
 * (Egger et al. 1997; metafor::regtest).
 *
 * @param model        which regression was fitted
 * @param k            the number of studies
 * @param slope        the coefficient of the standard error (the asymmetry)
 * @param slopeSe      its standard error
 * @param statistic    the test statistic of the slope: t, or z for a meta-regression with Wald tests
 * @param df           degrees of freedom of t (k − 2); NaN for z
 * @param p            two-sided p-value of the slope
 * @param intercept    the limit estimate: the expected effect of a study with standard error 0
 * @param interceptSe  its standard error
 * @param ciLower      lower confidence limit of the limit estimate
 * @param ciUpper      upper confidence limit of the limit estimate
 * @param level        the confidence level of that interval
 * @param tau2         residual tau² of the meta-regression (0 for a fixed-effect one); NaN for the linear model
 * @param converged    false when the tau² estimator of the meta-regression did not converge
 * @param method       a short description of the test
 * @param notes        what the user should know about the fit
 * @serial exclude
 */
public record EggerTest(EggerModel model, int k, double slope, double slopeSe, double statistic, double df, double p,
                        double intercept, double interceptSe, double ciLower, double ciUpper, double level,
                        double tau2, boolean converged, String method, List<Note> notes) implements java.io.Serializable {
    /**
     * Copies the notes.
     *
     * @param model which regression was fitted
     * @param k the number of studies
     * @param slope the coefficient of the standard error (the asymmetry)
     * @param slopeSe its standard error
     * @param statistic the test statistic of the slope: t, or z for a meta-regression with Wald tests
     * @param df degrees of freedom of t (k − 2); NaN for z
     * @param p two-sided p-value of the slope
     * @param intercept the limit estimate: the expected effect of a study with standard error 0
     * @param interceptSe its standard error
     * @param ciLower lower confidence limit of the limit estimate
     * @param ciUpper upper confidence limit of the limit estimate
     * @param level the confidence level of that interval
     * @param tau2 residual tau² of the meta-regression (0 for a fixed-effect one); NaN for the linear model
     * @param converged false when the tau² estimator of the meta-regression did not converge
     * @param method a short description of the test
     * @param notes what the user should know about the fit
     */
    public EggerTest {
        notes = List.copyOf(notes);
    }

    /**
     * A copy with further notes put first (such as the studies left out before the test).
     *
     * @param first the notes to put before this test's own
     * @return this test with {@code first} and then its notes
     */
    public EggerTest withNotesFirst(List<Note> first) {
        List<Note> all = new ArrayList<>(first);
        all.addAll(notes);
        return new EggerTest(model, k, slope, slopeSe, statistic, df, p, intercept, interceptSe, ciLower, ciUpper, level,
                tau2, converged, method, all);
    }

    /**
     * True when the statistic is a t (linear model or Hartung-Knapp), false for a z.
     *
     * @return true when {@code df} is a number
     */
    public boolean isT() {
        return !Double.isNaN(df);
    }
}
