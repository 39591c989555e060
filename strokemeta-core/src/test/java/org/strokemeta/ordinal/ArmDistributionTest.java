package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.OrdinalTableLoader;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;

/** Per-arm mRS counts, checked against sums of the bundled example files' columns. */
class ArmDistributionTest {
    private static final OrdinalTable MRS_SIM = OrdinalTableLoader.load(Examples.table(Examples.get("mrs_sim")));

    private static PatientData ipdSim() {
        Table t = Examples.table(Examples.get("ipd_sim"));
        return PatientLoader.load(t, PatientLoader.Columns.defaults(t));
    }

    @Test
    void grotta_counts_of_mrs_sim_are_the_column_sums_of_the_file() {
        // awk sums of mrs0..mrs6 over the treatment and the control rows of mrs_sim.csv
        ArmDistribution a = ArmDistribution.pooled(MRS_SIM);
        assertThat(a.treatment()).containsExactly(61, 136, 200, 213, 243, 107, 174);
        assertThat(a.control()).containsExactly(28, 61, 121, 151, 228, 116, 243);
        assertThat(a.treatmentTotal()).isEqualTo(1134);
        assertThat(a.controlTotal()).isEqualTo(948);
        assertThat(a.categories()).isEqualTo(7);
        assertThat(a.treatmentProportions()[0]).isCloseTo(61.0 / 1134, within(1e-15));
        assertThat(sum(a.controlProportions())).isCloseTo(1, within(1e-12));
    }

    @Test
    void one_trial_of_a_table_is_its_two_rows() {
        ArmDistribution first = ArmDistribution.of(MRS_SIM, 0);
        assertThat(first.treatment()).containsExactly(14, 16, 30, 39, 46, 22, 26);
        assertThat(first.control()).containsExactly(2, 6, 14, 18, 38, 17, 39);
        assertThat(ArmDistribution.byTrial(MRS_SIM)).hasSize(MRS_SIM.size()).first().isEqualTo(first);
    }

    @Test
    void merged_categories_add_their_counts() {
        ArmDistribution merged = ArmDistribution.pooled(MRS_SIM.mergeCategories(5, 6));
        assertThat(merged.treatment()).containsExactly(61, 136, 200, 213, 243, 281);
        assertThat(merged.controlTotal()).isEqualTo(948);
    }

    @Test
    void patient_level_counts_of_ipd_sim_are_the_counts_of_the_file() {
        // awk counts of (treatment, mrs) over the rows of ipd_sim.csv
        PatientData d = ipdSim();
        ArmDistribution a = ArmDistribution.pooled(d);
        assertThat(a.treatment()).containsExactly(134, 149, 144, 116, 125, 81, 148);
        assertThat(a.control()).containsExactly(54, 96, 90, 129, 160, 88, 252);
        assertThat(a.treatmentTotal() + a.controlTotal()).isEqualTo(d.size());
    }

    @Test
    void trials_of_patient_level_data_add_up_to_the_pooled_counts_and_match_the_arm_sizes() {
        PatientData d = ipdSim();
        List<ArmDistribution> trials = ArmDistribution.byTrial(d);
        int[][] sizes = d.armSizes();
        double[] tr = new double[d.categories()];
        double[] co = new double[d.categories()];
        for (int s = 0; s < trials.size(); s++) {
            ArmDistribution t = trials.get(s);
            assertThat(t).isEqualTo(ArmDistribution.of(d, s));
            assertThat(t.treatmentTotal()).isEqualTo(sizes[s][1]);
            assertThat(t.controlTotal()).isEqualTo(sizes[s][0]);
            for (int j = 0; j < tr.length; j++) {
                tr[j] += t.treatment(j);
                co[j] += t.control(j);
            }
        }
        assertThat(ArmDistribution.pooled(d)).isEqualTo(new ArmDistribution(tr, co));
        assertThat(ArmDistribution.of(d, -1)).isEqualTo(ArmDistribution.pooled(d));
    }

    @Test
    void crude_summaries_start_from_the_same_counts() {
        ArmDistribution a = ArmDistribution.pooled(MRS_SIM);
        assertThat(NetBenefit.ofAllTrials(MRS_SIM, 0.95)).isEqualTo(NetBenefit.of(a.treatment(), a.control(), 0.95));
        PatientData d = ipdSim();
        ArmDistribution p = ArmDistribution.of(d, 2);
        assertThat(NetBenefit.of(d, 2, 0.95)).isEqualTo(NetBenefit.of(p.treatment(), p.control(), 0.95));
        UtilityWeights w = UtilityWeights.chaisinanunkul2015();
        assertThat(UtilityWeightedOutcome.of(d, -1, w, 0.95))
                .isEqualTo(UtilityWeightedOutcome.of(ArmDistribution.pooled(d).treatment(), ArmDistribution.pooled(d).control(), w, 0.95));
    }

    @Test
    void a_distribution_is_an_immutable_serializable_value() throws Exception {
        double[] tr = {1, 2, 3};
        ArmDistribution a = new ArmDistribution(tr, new double[] {3, 2, 1});
        tr[0] = 50;
        assertThat(a.treatment(0)).isEqualTo(1);
        a.treatment()[1] = 50;
        a.counts()[1][1] = 50;
        assertThat(a.treatment(1)).isEqualTo(2);
        assertThat(a.control(1)).isEqualTo(2);
        assertThat(a).isEqualTo(new ArmDistribution(new double[] {1, 2, 3}, new double[] {3, 2, 1}))
                .hasSameHashCodeAs(new ArmDistribution(new double[] {1, 2, 3}, new double[] {3, 2, 1}));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(a);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(a);
        }
    }

    @Test
    void invalid_counts_and_trials_are_refused() {
        assertThatThrownBy(() -> new ArmDistribution(new double[] {1, 2}, new double[] {1})).hasMessageContaining("as many in each arm");
        assertThatThrownBy(() -> new ArmDistribution(new double[] {1, -2}, new double[] {1, 2})).hasMessageContaining("not negative");
        assertThatThrownBy(() -> new ArmDistribution(null, new double[] {1})).hasMessageContaining("required");
        assertThatThrownBy(() -> ArmDistribution.of(ipdSim(), 99)).hasMessageStartingWith("trial must be -1 (all) or a trial code");
        assertThat(new ArmDistribution(new double[] {0, 0}, new double[] {1, 0}).treatmentProportions()).containsExactly(0, 0);
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
