package org.strokemeta.bias;

import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Note;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.InverseVariance;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.ModelFit;

/**
 * The two regression tests for funnel plot asymmetry with the standard error as predictor, as
 * metafor::regtest computes them. A slope different from zero means that small studies (large
 * standard errors) report systematically different effects (Egger et al. 1997, BMJ 315:629;
 * Sterne and Egger 2001, J Clin Epidemiol 54:1046 for the choice of the standard error as axis and
 * predictor). The intercept is the "limit estimate", the effect expected of an infinitely precise
 * study.
 */
public enum EggerModel {
    /**
     * The classic test: weighted least squares of y<sub>i</sub> on se<sub>i</sub> with weights
     * 1/v<sub>i</sub> and a multiplicative residual variance, t test of the slope with k − 2 degrees
     * of freedom; metafor::regtest(model = "lm") on a fixed-effect fit. This is Egger's regression
     * of the standard normal deviate y/se on the precision 1/se, written the other way round:
     * Egger's intercept is this slope.
     */
    LM("classic Egger test: weighted linear regression on the standard error (metafor::regtest, model = \"lm\")") {
        @Override
        EggerTest fit(double[] yi, double[] vi, double[] x, MetaOptions o) {
            int k = yi.length;
            MetaModel m = design(yi, vi, x);
            MetaModel.Weighted w = m.at(0, false);
            int df = k - 2;
            // lm(weights = 1/vi): the residual variance s² = Σ w r² / (k − 2) scales (X'WX)⁻¹.
            double s2 = w.rss() / df;
            double se0 = Math.sqrt(w.vb(0, 0) * s2);
            double se1 = Math.sqrt(w.vb(1, 1) * s2);
            double b0 = w.beta(0);
            double b1 = w.beta(1);
            double t = b1 / se1;
            double crit = Dist.tCrit(o.level(), df);
            return new EggerTest(this, k, b1, se1, t, df, Dist.pT2(t, df), b0, se0, b0 - crit * se0, b0 + crit * se0,
                    o.level(), Double.NaN, true, label(), List.of());
        }
    },

    /**
     * The meta-regression test: a fixed- or random-effects meta-regression with the standard error
     * as moderator, fitted with the analysis' own tau² estimator and test (Wald z, or t with k − 2
     * degrees of freedom under Hartung-Knapp); metafor::regtest(model = "rma"), its default.
     */
    RMA("regression test: meta-regression on the standard error (metafor::regtest)") {
        @Override
        EggerTest fit(double[] yi, double[] vi, double[] x, MetaOptions o) {
            List<Note> notes = new ArrayList<>();
            MetaOptions fo = o;
            if (o.model() == Model.FIXED && o.fixedMethod() != FixedMethod.IV) {
                fo = o.withFixedMethod(FixedMethod.IV);
                notes.add(new Note(0, null, Note.Kind.INFO, "the regression test weights studies by inverse variance ("
                        + o.fixedMethod().label() + " pooling has no regression form)"));
            }
            ModelFit f = InverseVariance.fit(design(yi, vi, x), fo, false);
            if (!f.converged()) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "the meta-regression on the standard error did not converge"
                        + (f.tau2().message() == null ? "" : ": " + f.tau2().message()) + "; the test is not valid"));
            } else if (f.tau2() != null && f.tau2().message() != null) {
                notes.add(new Note(0, null, Note.Kind.INFO, f.tau2().message()));
            }
            double df = o.ciMethod() == CiMethod.KNHA ? f.df() : Double.NaN;
            return new EggerTest(this, yi.length, f.beta(1), f.se(1), f.statistic(1), df, f.p(1), f.beta(0),
                    f.se(0), f.ciLower(0), f.ciUpper(0), o.level(), f.heterogeneity().tau2(), f.converged(),
                    label() + ", " + fo.describe(), notes);
        }
    };

    /** The fewest studies the tests are computed for (two coefficients and at least one residual). */
    public static final int MIN_STUDIES = 3;

    private final String label;

    EggerModel(String label) {
        this.label = label;
    }

    /**
     * A short description of the test.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Runs the test.
     *
     * @param yi the effects
     * @param vi their sampling variances
     * @param o  the analysis options: the confidence level (both models); the model, tau² estimator
     *           and test of the meta-regression ({@link #RMA})
     * @throws IllegalArgumentException with fewer than three studies, or when all studies have the same standard error
     * @return the slope and intercept with their tests; the intercept is the limit estimate (the effect
     *         of a study with standard error 0) on the analysis scale
     */
    public EggerTest test(double[] yi, double[] vi, MetaOptions o) {
        Checks.studies(yi, vi, MIN_STUDIES, "Egger's regression test");
        if (allEqual(vi)) {
            throw new IllegalArgumentException(SAME_SE);
        }
        try {
            return fit(yi, vi, sqrt(vi), o);
        } catch (MetaModel.SingularDesignException e) {
            throw new IllegalArgumentException(SAME_SE, e);
        }
    }

    private static final String SAME_SE = "Egger's regression test needs studies of different precision: "
            + "all studies have the same standard error";

    private static boolean allEqual(double[] v) {
        for (double x : v) {
            if (x != v[0]) {
                return false;
            }
        }
        return true;
    }

    abstract EggerTest fit(double[] yi, double[] vi, double[] x, MetaOptions o);

    /** The design of both tests: an intercept and the standard error. */
    static MetaModel design(double[] yi, double[] vi) {
        return design(yi, vi, sqrt(vi));
    }

    static MetaModel design(double[] yi, double[] vi, double[] x) {
        return MetaModel.withModerators(yi, vi, List.of("predictor"), new double[][] {x});
    }

    static double[] sqrt(double[] vi) {
        double[] sei = new double[vi.length];
        for (int i = 0; i < vi.length; i++) {
            sei[i] = Math.sqrt(vi[i]);
        }
        return sei;
    }

    /**
     * The regression test with another predictor than the standard error (metafor's regtest
     * {@code predictor}): the sampling variance, the inverse sample size or its square root.
     *
     * @param yi the effects
     * @param vi their sampling variances
     * @param x  the predictor of each study
     * @param o  the analysis options
     * @return the test of the predictor's slope and the limit estimate (the intercept)
     * @throws IllegalArgumentException with fewer than three studies or a constant predictor
     */
    public EggerTest test(double[] yi, double[] vi, double[] x, MetaOptions o) {
        Checks.studies(yi, vi, MIN_STUDIES, "the regression test");
        if (allEqual(x)) {
            throw new IllegalArgumentException("the predictor is the same for every study: the regression test cannot be run");
        }
        try {
            return fit(yi, vi, x, o);
        } catch (MetaModel.SingularDesignException e) {
            throw new IllegalArgumentException("the predictor is collinear with the intercept", e);
        }
    }
}
