package org.strokemeta.qualify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.strokemeta.data.Table;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.subgroup.SubgroupAnalysis;
import org.strokemeta.subgroup.SubgroupResult;
import org.strokemeta.subgroup.SubgroupTest;

/** Runs a {@code subgroup} case: subgroups from the {@code subgroup} column, the test from {@code subgroup_test}. */
final class SubgroupCase {
    /** The data column that holds the subgroup of each study. */
    static final String COLUMN = "subgroup";

    private SubgroupCase() {
    }

    /**
     * Fills the keys of FORMAT.md's {@code subgroup} section.
     *
     * @param c   the case
     * @param out where the computed values go
     */
    public static void run(ValidationCase c, ObjectNode out) {
        Table t = c.table();
        Measure m = CaseInputs.measure(c);
        EffectSizes es = CaseInputs.effectsWithCovariates(c, t, m);
        SubgroupTest test = SubgroupTest.parse(c.option("subgroup_test", "separate_tau2_wald"));
        SubgroupResult r = SubgroupAnalysis.run(es, COLUMN, CaseInputs.options(c), test);
        ObjectNode groups = out.putObject("groups");
        for (SubgroupResult.Group g : r.groups()) {
            MetaResult mr = g.result();
            ObjectNode n = groups.putObject(g.label());
            n.put("estimate", mr.pooled().estimate());
            n.put("se", mr.pooled().se());
            n.put("ci_lower", mr.pooled().ciLower());
            n.put("ci_upper", mr.pooled().ciUpper());
            n.put("tau2", mr.heterogeneity().tau2());
            n.put("i2", mr.heterogeneity().i2());
            n.put("q", mr.heterogeneity().q());
            n.put("k", g.k());
        }
        if (r.between() != null) {
            out.put("q_between", r.between().statistic());
            out.put("q_between_df", r.between().df1());
            out.put("q_between_p", r.between().p());
        }
    }
}
