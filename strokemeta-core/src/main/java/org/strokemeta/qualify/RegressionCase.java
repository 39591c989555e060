package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.regression.Coefficient;
import org.strokemeta.regression.MetaRegression;
import org.strokemeta.regression.Moderator;
import org.strokemeta.regression.PermutationResult;
import org.strokemeta.regression.PermutationTest;
import org.strokemeta.regression.RegressionResult;

/**
 * Runs a {@code metaregression} case: the moderators named in {@code options.moderators} (numeric or
 * categorical as their cells show), and with {@code "permutation": "exact"} the exact permutation test.
 */
final class RegressionCase {
    private RegressionCase() {
    }

    /**
     * Fills the keys of FORMAT.md's {@code metaregression} section.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void run(ValidationCase c, ObjectNode out) {
        Table t = c.table();
        Measure m = CaseInputs.measure(c);
        EffectSizes es = CaseInputs.effectsWithCovariates(c, t, m);
        RegressionResult r = fit(c, es, CaseInputs.options(c));
        ObjectNode coefs = out.putObject("coefficients");
        for (Coefficient co : r.coefficients()) {
            ObjectNode n = coefs.putObject(co.name());
            n.put("estimate", co.estimate());
            n.put("se", co.se());
            n.put("z_or_t", co.statistic());
            n.put("p", co.p());
            n.put("ci_lower", co.ciLower());
            n.put("ci_upper", co.ciUpper());
        }
        out.put("qm", r.omnibus().statistic());
        out.put("qm_df", r.omnibus().df1());
        out.put("qm_p", r.omnibus().p());
        out.put("qe", r.heterogeneity().q());
        out.put("qe_df", r.heterogeneity().qDf());
        out.put("qe_p", r.heterogeneity().qP());
        out.put("tau2", r.heterogeneity().tau2());
        if (r.options().model() == org.strokemeta.pool.Model.RANDOM) {
            out.put("tau2_se", org.strokemeta.pool.Tau2StandardError.of(r.fit().model(), r.options().tau2Method(), r.heterogeneity().tau2(), r.options().control()));
        }
        out.put("i2", r.heterogeneity().i2());
        out.put("r2", r.r2());
        String perm = c.option("permutation", null);
        if (perm != null) {
            if (!perm.equalsIgnoreCase("exact")) {
                throw new IllegalArgumentException("unknown permutation option '" + perm + "' (expected exact)");
            }
            PermutationResult pr = PermutationTest.of(r).exact();
            ObjectNode pp = out.putObject("permutation_p");
            for (int j = 0; j < pr.names().size(); j++) {
                pp.put(pr.names().get(j), pr.p(j));
            }
            out.put("permutation_qm_p", pr.qmP());
        }
    }

    /**
     * The meta-regression of a case: its effects on the moderators its options name.
     *
     * @param c  the case
     * @param es its effects, with the moderator columns
     * @param o  its pooling options
     * @return the fit
     */
    static RegressionResult fit(ValidationCase c, EffectSizes es, org.strokemeta.pool.MetaOptions o) {
        List<Moderator> mods = new ArrayList<>();
        for (String col : c.optionList("moderators")) {
            mods.add(Moderator.detect(es, col));
        }
        return MetaRegression.fit(es, mods, o);
    }
}
