package org.strokemeta.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.ordinal.ShiftPower;

/** A grid of power simulations on a local Spark (two cores) gives each scenario's single-machine result for its seed. */
class SparkPowerTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("strokemeta-test").config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void every_scenario_equals_its_single_machine_simulation() {
        // the HERMES control arm's mRS 0-6 (the default of strokemeta power) and a worse one
        List<double[]> controls = List.of(new double[] {0.05, 0.08, 0.13, 0.16, 0.23, 0.10, 0.25},
                new double[] {0.02, 0.05, 0.10, 0.15, 0.28, 0.15, 0.25});
        List<SparkPower.Scenario> grid = SparkPower.grid(controls, new double[] {1.5, 2.0, 2.5}, new int[] {60, 120}, 0.05, 42);
        assertThat(grid).hasSize(12);
        List<Row> rows = SparkPower.simulate(spark, grid, 150).collectAsList();
        assertThat(rows).hasSize(12);
        for (int i = 0; i < grid.size(); i++) {
            SparkPower.Scenario s = grid.get(i);
            assertThat(s.seed()).isEqualTo(42 + i);
            Row local = SparkPower.row(s, ShiftPower.simulate(s.design(), 150, s.seed()));
            assertThat(rows.get(i)).isEqualTo(local);
        }
        // more patients, more power (same effect and control distribution)
        assertThat(rows.get(1).<Double>getAs("power")).isGreaterThan(rows.get(0).<Double>getAs("power"));
    }

    @Test
    void scenarios_with_a_share_of_m2_patients_equal_their_single_machine_simulation() {
        List<double[]> controls = List.of(new double[] {0.05, 0.08, 0.13, 0.16, 0.23, 0.10, 0.25});
        // M2 patients: a better control arm and a smaller effect
        double[] m2 = {0.15, 0.15, 0.15, 0.15, 0.15, 0.10, 0.15};
        List<SparkPower.Scenario> grid = SparkPower.grid(controls, new double[] {2.0}, new int[] {80, 160},
                new double[] {0, 0.3, 0.6}, m2, 1.3, 0.05, 7);
        assertThat(grid).hasSize(6);
        assertThat(grid.get(0).subgroup()).isNull();
        assertThat(grid.get(1).subgroup().share()).isEqualTo(0.3);
        List<Row> rows = SparkPower.simulate(spark, grid, 120).collectAsList();
        for (int i = 0; i < grid.size(); i++) {
            SparkPower.Scenario s = grid.get(i);
            assertThat(rows.get(i)).isEqualTo(SparkPower.row(s, ShiftPower.simulate(s.design(), s.subgroup(), 120, s.seed())));
        }
        // a share of 0 is the trial without M2 patients, on the same random stream
        assertThat(rows.get(0).<Double>getAs("power")).isEqualTo(ShiftPower.simulate(grid.get(0).design(), 120, 7).power());
        assertThat(rows.get(1).<Double>getAs("m2_cor")).isEqualTo(1.3);
    }
}
