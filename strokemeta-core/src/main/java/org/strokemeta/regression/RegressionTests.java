package org.strokemeta.regression;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.CiMethod;
import org.strokemeta.pool.FitStatistics;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;

/**
 * Inference on a fitted meta-regression beyond its coefficient table, as metafor gives it for
 * {@code rma.uni}: the Wald test of a subset of coefficients ({@code anova(res, btt=)}), tests of linear
 * combinations of the coefficients ({@code anova(res, X=)}), predictions at new moderator values with
 * confidence and prediction intervals ({@code predict(res, newmods=)}), and the likelihood-ratio test of
 * the model against the model without moderators ({@code anova(full, reduced)}). Under the
 * Hartung-Knapp adjustment the tests are F and t tests with k - p denominator degrees of freedom, as in
 * metafor.
 */
public final class RegressionTests {
    private RegressionTests() {
    }

    /**
     * One tested linear combination of the coefficients.
     *
     * @param row       its weights, one per coefficient in design order
     * @param estimate  the combination's estimate
     * @param se        its standard error
     * @param statistic z, or t under Hartung-Knapp
     * @param p         the two-sided p-value
     * @param ciLower   the lower confidence limit at the model's level
     * @param ciUpper   the upper limit
     * @serial exclude
     */
    public record Hypothesis(double[] row, double estimate, double se, double statistic, double p, double ciLower, double ciUpper)
            implements Serializable {
        /**
         * Copies the row.
         *
         * @param row       the weights
         * @param estimate  the estimate
         * @param se        its standard error
         * @param statistic z or t
         * @param p         the p-value
         * @param ciLower   the lower limit
         * @param ciUpper   the upper limit
         */
        public Hypothesis {
            row = row.clone();
        }

        /**
         * The weights, as a copy.
         *
         * @return the row
         */
        @Override
        public double[] row() {
            return row.clone();
        }
    }

    /**
     * The tests of linear combinations.
     *
     * @param hypotheses each combination on its own
     * @param joint      the Wald test that all are zero (chi-square, or F under Hartung-Knapp)
     * @serial exclude
     */
    public record LinearTests(List<Hypothesis> hypotheses, OmnibusTest joint) implements Serializable {
        /**
         * Copies the list.
         *
         * @param hypotheses the combinations
         * @param joint      the joint test
         */
        public LinearTests {
            hypotheses = List.copyOf(hypotheses);
        }
    }

    /**
     * A predicted effect at given moderator values.
     *
     * @param moderators the moderator values (without the intercept), in design order
     * @param estimate   the predicted average effect
     * @param se         its standard error
     * @param ciLower    the confidence interval of the average effect
     * @param ciUpper    its upper limit
     * @param piLower    the prediction interval of a true effect at these values (with tau²; the CI for fixed-effect models)
     * @param piUpper    its upper limit
     * @serial exclude
     */
    public record Prediction(double[] moderators, double estimate, double se, double ciLower, double ciUpper, double piLower, double piUpper)
            implements Serializable {
        /**
         * Copies the values.
         *
         * @param moderators the moderator values
         * @param estimate   the prediction
         * @param se         its standard error
         * @param ciLower    the lower confidence limit
         * @param ciUpper    the upper confidence limit
         * @param piLower    the lower prediction limit
         * @param piUpper    the upper prediction limit
         */
        public Prediction {
            moderators = moderators.clone();
        }

        /**
         * The moderator values, as a copy.
         *
         * @return the values
         */
        @Override
        public double[] moderators() {
            return moderators.clone();
        }
    }

    /**
     * The likelihood-ratio test of a meta-regression against the model without its moderators.
     *
     * @param full        the fit statistics of the meta-regression
     * @param reduced     those of the model without moderators
     * @param statistic   2 (ll full - ll reduced), on the likelihood the models were fitted by (REML for REML, ML otherwise)
     * @param df          the difference in the number of parameters
     * @param p           the chi-square p-value
     * @param tau2Full    the residual tau² of the meta-regression
     * @param tau2Reduced tau² without moderators
     * @param r2          100 (tau² reduced - tau² full) / tau² reduced, at least 0 (metafor's pseudo-R²)
     * @param reml        whether the REML likelihood was compared (comparing models with different moderators so is not
     *                    meaningful: refit with ML, as metafor warns)
     * @serial exclude
     */
    public record LikelihoodRatio(FitStatistics full, FitStatistics reduced, double statistic, int df, double p, double tau2Full,
                                  double tau2Reduced, double r2, boolean reml) implements Serializable {
    }

    /**
     * The Wald test that a subset of coefficients are all zero.
     *
     * @param r   the meta-regression
     * @param btt the positions of the coefficients tested (0 is the intercept), at least one
     * @return QM with |btt| degrees of freedom (chi-square), or QM / |btt| as F with (|btt|, k - p) df under Hartung-Knapp
     * @throws IllegalArgumentException when a position is out of range or repeated
     */
    public static OmnibusTest coefficients(RegressionResult r, int[] btt) {
        int p = r.fit().beta().length;
        double[][] l = new double[btt.length][p];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < btt.length; i++) {
            if (btt[i] < 0 || btt[i] >= p) {
                throw new IllegalArgumentException("coefficient " + (btt[i] + 1) + " does not exist: the model has " + p);
            }
            for (int j = 0; j < i; j++) {
                if (btt[j] == btt[i]) {
                    throw new IllegalArgumentException("coefficient " + (btt[i] + 1) + " is named twice");
                }
            }
            l[i][btt[i]] = 1;
            names.add(r.names().get(btt[i]));
        }
        return wald(r, l, names);
    }

    /**
     * Tests of linear combinations of the coefficients: each on its own, and jointly.
     *
     * @param r the meta-regression
     * @param l one row of weights per combination, each with one weight per coefficient
     * @return the tests
     * @throws IllegalArgumentException when a row has the wrong length, or the rows are linearly dependent
     */
    public static LinearTests linear(RegressionResult r, double[][] l) {
        int p = r.fit().beta().length;
        double[] b = r.fit().beta();
        double[][] vb = r.fit().vb();
        boolean t = knha(r);
        double crit = t ? Dist.tCrit(r.options().level(), dfResidual(r)) : Dist.zCrit(r.options().level());
        List<Hypothesis> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (double[] row : l) {
            if (row.length != p) {
                throw new IllegalArgumentException("a combination needs " + p + " weights (one per coefficient), not " + row.length);
            }
            double est = dot(row, b);
            double se = Math.sqrt(quad(row, vb));
            double stat = est / se;
            double pv = t ? Dist.pT2(stat, dfResidual(r)) : Dist.pNormal2(stat);
            out.add(new Hypothesis(row, est, se, stat, pv, est - crit * se, est + crit * se));
            names.add(java.util.Arrays.toString(row));
        }
        return new LinearTests(out, wald(r, l, names));
    }

    /**
     * Predicted effects at new moderator values.
     *
     * @param r       the meta-regression
     * @param newMods one row per prediction, the moderator values in design order (without the intercept)
     * @return the predictions
     * @throws IllegalArgumentException when a row has the wrong length
     */
    public static List<Prediction> predict(RegressionResult r, double[][] newMods) {
        int p = r.fit().beta().length;
        double[] b = r.fit().beta();
        double[][] vb = r.fit().vb();
        boolean t = knha(r);
        double crit = t ? Dist.tCrit(r.options().level(), dfResidual(r)) : Dist.zCrit(r.options().level());
        double tau2 = r.options().model() == Model.RANDOM ? r.heterogeneity().tau2() : 0;
        List<Prediction> out = new ArrayList<>();
        for (double[] mods : newMods) {
            if (mods.length != p - 1) {
                throw new IllegalArgumentException("a prediction needs " + (p - 1) + " moderator values (" + String.join(", ",
                        r.names().subList(1, p)) + "), not " + mods.length);
            }
            double[] x = new double[p];
            x[0] = 1;
            System.arraycopy(mods, 0, x, 1, p - 1);
            double est = dot(x, b);
            double se = Math.sqrt(quad(x, vb));
            double pse = Math.sqrt(se * se + tau2);
            out.add(new Prediction(mods, est, se, est - crit * se, est + crit * se, est - crit * pse, est + crit * pse));
        }
        return out;
    }

    /**
     * The likelihood-ratio test of a meta-regression against the same studies without moderators, both
     * fitted with the same options (metafor's {@code anova(full, reduced)}).
     *
     * @param full    the meta-regression
     * @param reduced the model of the same studies without moderators
     * @return the test
     * @throws IllegalArgumentException when the models do not hold the same number of studies
     */
    public static LikelihoodRatio lrt(RegressionResult full, MetaResult reduced) {
        if (full.k() != reduced.k()) {
            throw new IllegalArgumentException("the models must hold the same studies (" + full.k() + " and " + reduced.k() + ")");
        }
        FitStatistics ff = full.fitStatistics();
        FitStatistics fr = FitStatistics.of(reduced);
        boolean reml = full.options().model() == Model.RANDOM && full.options().tau2Method() == Tau2Method.REML;
        double llF = reml ? ff.llReml() : ff.llMl();
        double llR = reml ? fr.llReml() : fr.llMl();
        double stat = Math.max(0, 2 * (llF - llR));
        int df = ff.parameters() - fr.parameters();
        double t2f = full.heterogeneity().tau2();
        double t2r = reduced.heterogeneity().tau2();
        double r2 = full.options().model() == Model.RANDOM && t2r > 0 ? Math.max(0, 100 * (t2r - t2f) / t2r) : Double.NaN;
        return new LikelihoodRatio(ff, fr, stat, df, Dist.pChisq(stat, df), t2f, t2r, r2, reml);
    }

    private static OmnibusTest wald(RegressionResult r, double[][] l, List<String> names) {
        int m = l.length;
        double[] lb = new double[m];
        double[][] lvl = new double[m][m];
        double[][] vb = r.fit().vb();
        double[] b = r.fit().beta();
        for (int i = 0; i < m; i++) {
            lb[i] = dot(l[i], b);
            for (int j = 0; j < m; j++) {
                lvl[i][j] = bilinear(l[i], vb, l[j]);
            }
        }
        DMatrixRMaj inv = new DMatrixRMaj(lvl);
        if (!CommonOps_DDRM.invert(inv)) {
            throw new IllegalArgumentException("the combinations are linearly dependent: they cannot be tested jointly");
        }
        double qm = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                qm += lb[i] * inv.get(i, j) * lb[j];
            }
        }
        if (knha(r)) {
            int df2 = dfResidual(r);
            double f = qm / m;
            return new OmnibusTest(names, f, m, df2, Dist.pF(f, m, df2));
        }
        return new OmnibusTest(names, qm, m, Double.NaN, Dist.pChisq(qm, m));
    }

    private static boolean knha(RegressionResult r) {
        return r.fit().options().ciMethod() == CiMethod.KNHA;
    }

    private static int dfResidual(RegressionResult r) {
        return r.k() - r.fit().beta().length;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double quad(double[] x, double[][] v) {
        return bilinear(x, v, x);
    }

    private static double bilinear(double[] x, double[][] v, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                s += x[i] * v[i][j] * y[j];
            }
        }
        return s;
    }
}
