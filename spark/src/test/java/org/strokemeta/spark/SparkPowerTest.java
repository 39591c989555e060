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
        assertThat(rows.get(1).getDouble(8)).isGreaterThan(rows.get(0).getDouble(8));
    }
}
