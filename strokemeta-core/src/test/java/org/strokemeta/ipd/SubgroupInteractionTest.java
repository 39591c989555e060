package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.qualify.ValidationCase;

/** Reference values from strokemeta-core/src/test/r/subgroup_interaction_reference.R (R 4.2.2, ordinal 2022.11.16). */
class SubgroupInteractionTest {
    @Test
    void likelihood_ratio_test_of_within_trial_interactions_matches_clm() throws Exception {
        Path file = Path.of("validation/extra/ipd_sim41_ord_strat.json");
        ValidationCase c = ValidationCase.of(file.toString(), new ObjectMapper().readTree(file.toFile()));
        Table t = c.table();
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(List.of("age", "nihss", "sex")));
        double[] nihss = d.covariate("nihss");
        int[] g = new int[d.size()];
        int[] count = new int[3];
        for (int i = 0; i < g.length; i++) {
            g[i] = nihss[i] < 10 ? 0 : nihss[i] < 18 ? 1 : 2;
            count[g[i]]++;
        }
        assertThat(count).containsExactly(154, 891, 655);
        SubgroupInteraction.Result r = SubgroupInteraction.test(d, g, 3, List.of("age", "sex"), PoOptions.defaults());
        assertThat(r.valid()).isTrue();
        assertThat(r.df()).isEqualTo(2);
        assertThat(r.statistic()).isCloseTo(0.0261900499426702, within(1e-7));
        assertThat(r.p()).isCloseTo(0.98699034183507, within(1e-7));
    }

    @Test
    void one_group_gives_no_test_with_a_reason() {
        PatientData d = SimulatedPatients.small();
        SubgroupInteraction.Result r = SubgroupInteraction.test(d, new int[d.size()], 2, List.of(), PoOptions.defaults());
        assertThat(r.valid()).isFalse();
        assertThat(r.message()).contains("fewer than two subgroups");
    }
}
