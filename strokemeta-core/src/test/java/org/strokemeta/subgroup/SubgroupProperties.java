package org.strokemeta.subgroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.strokemeta.data.Table;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.regression.Bcg;

/** Properties of subgroup analysis that hold for any data. */
class SubgroupProperties {
    private static void near(double a, double b) {
        assertThat(Math.abs(a - b)).as("%s vs %s", a, b).isLessThanOrEqualTo(1e-12 + 1e-8 * Math.abs(b));
    }

    @Property(tries = 30)
    void study_order_does_not_change_subgroup_results(@ForAll long seed, @ForAll SubgroupTest test,
                                                      @ForAll Tau2Method method) {
        List<Integer> l = new ArrayList<>();
        for (int i = 1; i <= 13; i++) {
            l.add(i);
        }
        Collections.shuffle(l, new Random(seed));
        Table ordered = Bcg.table();
        Table shuffled = Bcg.table(l.stream().mapToInt(Integer::intValue).toArray());
        MetaOptions o = MetaOptions.defaults().withTau2(method);
        if (method.needsWeights()) {
            o = o.withWeights("year"); // GENQ and GENQM estimate tau² with user weights (any positive column serves)
        }
        SubgroupResult a = SubgroupAnalysis.run(Bcg.rr(ordered), "alloc", o, test);
        SubgroupResult b = SubgroupAnalysis.run(Bcg.rr(shuffled), "alloc", o, test);
        for (SubgroupResult.Group g : a.groups()) {
            MetaResult x = g.result();
            MetaResult y = b.group(g.label()).result();
            near(y.pooled().estimate(), x.pooled().estimate());
            near(y.pooled().se(), x.pooled().se());
            near(y.heterogeneity().tau2(), x.heterogeneity().tau2());
        }
        near(b.between().statistic(), a.between().statistic());
        near(b.between().p(), a.between().p());
    }
}
