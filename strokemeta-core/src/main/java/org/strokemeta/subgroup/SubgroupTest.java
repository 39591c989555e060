package org.strokemeta.subgroup;

import java.util.List;
import java.util.Locale;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.internal.Dist;
import org.strokemeta.pool.MetaModel;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.regression.Design;
import org.strokemeta.regression.MetaRegression;
import org.strokemeta.regression.OmnibusTest;
import org.strokemeta.regression.RegressionResult;

/** The two usual definitions of the test for subgroup differences. */
public enum SubgroupTest {
    /**
     * Each subgroup pooled on its own (its own tau²), then Cochran's Q of the subgroup estimates with
     * weights 1/SE² under a fixed-effect model, chi-square with groups − 1 df (Borenstein et al. 2009,
     * Introduction to Meta-Analysis, ch. 19; the QE of metafor::rma(estimates, sei = SEs, method = "FE");
     * RevMan's test for subgroup differences).
     */
    SEPARATE_TAU2_WALD("separate tau², Wald-type Q between subgroups") {
        @Override
        BetweenTest test(EffectSizes used, String column, String[] labels, List<SubgroupResult.Group> groups,
                         MetaOptions o, List<Note> notes) {
            int g = groups.size();
            double[] est = new double[g];
            double[] var = new double[g];
            for (int i = 0; i < g; i++) {
                double se = groups.get(i).result().pooled().se();
                est[i] = groups.get(i).result().pooled().estimate();
                var[i] = se * se;
                if (!(var[i] > 0) || !Double.isFinite(est[i])) {
                    notes.add(new Note(0, null, Note.Kind.WARNING, "no test for subgroup differences: subgroup "
                            + groups.get(i).label() + " has no usable estimate and standard error"));
                    return null;
                }
            }
            double q = Math.max(0, MetaModel.interceptOnly(est, var).at(0, false).rss());
            return new BetweenTest(this, q, g - 1, Double.NaN, Dist.pChisq(q, g - 1));
        }
    },
    /**
     * One meta-regression on subgroup indicators with a common tau², and its omnibus test QM
     * (metafor::rma(yi, vi, mods = ~ factor(subgroup)): chi-square with groups − 1 df, or F with
     * (groups − 1, k − groups) df under Hartung-Knapp).
     */
    COMMON_TAU2_QM("common tau², QM of the meta-regression on subgroups") {
        @Override
        BetweenTest test(EffectSizes used, String column, String[] labels, List<SubgroupResult.Group> groups,
                         MetaOptions o, List<Note> notes) {
            RegressionResult r;
            try {
                r = MetaRegression.fit(used, Design.ofLabels(used, column, labels), o);
            } catch (InputException e) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "no test for subgroup differences: " + e.problem()));
                return null;
            }
            if (!r.converged()) {
                notes.add(new Note(0, null, Note.Kind.WARNING, "the test for subgroup differences is not valid: "
                        + r.tau2().message()));
            }
            OmnibusTest qm = r.omnibus();
            return new BetweenTest(this, qm.statistic(), qm.df1(), qm.df2(), qm.p());
        }
    };

    private final String label;

    SubgroupTest(String label) {
        this.label = label;
    }

    /**
     * A short description for reports.
     *
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Computes the test.
     *
     * @param used   the effects of the studies that have a subgroup
     * @param column the name of the subgroup column
     * @param labels the subgroup of each study of {@code used}
     * @param groups the pooled subgroups
     * @param o      the options of the analysis
     * @param notes  receives remarks; the test is null when it cannot be computed
     */
    abstract BetweenTest test(EffectSizes used, String column, String[] labels, List<SubgroupResult.Group> groups,
                              MetaOptions o, List<Note> notes);

    /**
     * Parses {@code separate_tau2_wald} or {@code common_tau2_qm} (case-insensitive; also "separate", "common").
     *
     * @param s the name
     * @return the test
     * @throws IllegalArgumentException if the name is unknown
     */
    public static SubgroupTest parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "separate_tau2_wald", "separate" -> SEPARATE_TAU2_WALD;
            case "common_tau2_qm", "common" -> COMMON_TAU2_QM;
            default -> throw new IllegalArgumentException("unknown test for subgroup differences '" + s
                    + "' (expected separate_tau2_wald or common_tau2_qm)");
        };
    }
}
