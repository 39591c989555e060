package org.strokemeta.sequential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.ShiftPower;
import org.strokemeta.study.MetaRequest;

class TrialSequentialTest {
    private static final double Z = 1.959963984540054 + 0.8416212335729143;

    @Test
    void the_information_sizes_follow_their_formulas() {
        assertThat(new Target.Continuous(-2, 8).informationSize(0.05, 0.8)).isCloseTo(4 * Z * Z * 64 / 4, within(1e-9));
        double[] control = {0.05, 0.1, 0.15, 0.2, 0.2, 0.1, 0.2};
        assertThat(new Target.Ordinal(control, 1.5).informationSize(0.05, 0.8))
                .isCloseTo(ShiftPower.whiteheadSampleSize(control, 1.5, 0.8, 0.05, 0.5), within(1e-9));
        // pC 7%, RRR 50%: p̄ = 0.0525
        double pbar = 0.0525;
        assertThat(new Target.Binary(0.07, 0.5).informationSize(0.05, 0.8)).isCloseTo(4 * Z * Z * pbar * (1 - pbar) / (0.035 * 0.035),
                within(1e-9));
        assertThatThrownBy(() -> new Target.Continuous(0, 1)).hasMessageContaining("non-zero mean difference");
        assertThatThrownBy(() -> new Target.Ordinal(control, 1)).hasMessageContaining("not 1");
    }

    @Test
    void a_continuous_outcome_counts_both_arms_and_pools_by_inverse_variance() {
        EffectSizes es = Meta.effects(Examples.table(Examples.get("normand")), MetaRequest.defaults().withMeasure(Measure.MD));
        TsaOptions o = new TsaOptions(new Target.Continuous(-2, 8), 0.05, 0.8, TsaOptions.Heterogeneity.NONE, 0, false,
                Spending.OBRIEN_FLEMING);
        TsaResult r = TrialSequential.analyze(es, false, o);
        assertThat(r.method()).startsWith("inverse-variance fixed effect");
        var cs = (org.strokemeta.data.ContinuousStudies) es.input();
        assertThat(r.information()[0]).isEqualTo(cs.nTreat(es.rows(0)) + cs.nCtrl(es.rows(0)));
        assertThat(r.ris()).isCloseTo(4 * Z * Z * 64 / 4, within(1e-9));
        assertThatThrownBy(() -> TrialSequential.analyze(es, false, new TsaOptions(0.2, 0.2, 0.05, 0.8,
                TsaOptions.Heterogeneity.NONE, 0, false))).hasMessageContaining("continuous outcome");
    }

    @Test
    void beyond_the_information_size_the_boundary_stays_at_its_last_value() {
        double[] t = {0.5, 1.0, 1.4};
        double[] spent = new double[3];
        for (int i = 0; i < 3; i++) {
            spent[i] = GroupSequential.alphaSpent(0.05, t[i]);
        }
        double[] b = GroupSequential.efficacy(t, spent);
        assertThat(b[2]).isEqualTo(b[1]);
        assertThat(b[1]).isBetween(1.96, 2.1);
    }
}
