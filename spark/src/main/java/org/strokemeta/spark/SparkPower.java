package org.strokemeta.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.strokemeta.ordinal.ShiftPower;

/**
 * The power of planned shift-analysis trials by simulation, over a grid of scenarios spread across a cluster: each
 * scenario (control distribution, common odds ratio, arm sizes, significance level) is simulated in one task with its
 * own seed by {@link ShiftPower#simulate}, so its power and Monte Carlo standard error are the ones one machine computes
 * with the same seed, whatever the cluster, the number of tasks or the order they run in.
 */
public final class SparkPower {
    private SparkPower() {
    }

    /**
     * One scenario of the grid.
     *
     * @param name     the scenario's name (in the result)
     * @param design   the planned trial
     * @param subgroup the patients with an M2 occlusion, with their own outcomes, or null for none
     * @param seed     the seed of its simulation
     */
    public record Scenario(String name, ShiftPower.Design design, ShiftPower.Subgroup subgroup, long seed)
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Checks the scenario.
         *
         * @param name     the scenario's name
         * @param design   the planned trial
         * @param subgroup the M2 patients, or null
         * @param seed     the seed of its simulation
         */
        public Scenario {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(design, "design");
        }

        /**
         * A scenario of one population.
         *
         * @param name   the scenario's name
         * @param design the planned trial
         * @param seed   the seed of its simulation
         */
        public Scenario(String name, ShiftPower.Design design, long seed) {
            this(name, design, null, seed);
        }
    }

    /** The result's columns. */
    public static final StructType SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("scenario", DataTypes.StringType, false),
            DataTypes.createStructField("control", DataTypes.StringType, false),
            DataTypes.createStructField("cor", DataTypes.DoubleType, false),
            DataTypes.createStructField("n_treatment", DataTypes.IntegerType, false),
            DataTypes.createStructField("n_control", DataTypes.IntegerType, false),
            DataTypes.createStructField("alpha", DataTypes.DoubleType, false),
            DataTypes.createStructField("m2_share", DataTypes.DoubleType, false),
            DataTypes.createStructField("m2_control", DataTypes.StringType, true),
            DataTypes.createStructField("m2_cor", DataTypes.DoubleType, true),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("trials", DataTypes.IntegerType, false),
            DataTypes.createStructField("power", DataTypes.DoubleType, false),
            DataTypes.createStructField("mc_se", DataTypes.DoubleType, false),
            DataTypes.createStructField("not_fitted", DataTypes.IntegerType, false)));

    /**
     * A full grid: every combination of control distribution, common odds ratio and patients per arm, in that order of
     * nesting, scenario {@code i} (from 0) simulated with seed {@code seed + i}.
     *
     * @param controls  the control-arm distributions
     * @param cors      the common odds ratios
     * @param nPerArm   the patients per arm
     * @param alpha     the two-sided significance level
     * @param seed      the first scenario's seed
     * @return the scenarios
     */
    public static List<Scenario> grid(List<double[]> controls, double[] cors, int[] nPerArm, double alpha, long seed) {
        return grid(controls, cors, nPerArm, new double[] {0}, null, Double.NaN, alpha, seed);
    }

    /**
     * A full grid with a share of patients with an M2 occlusion as a fourth dimension: every combination of control
     * distribution, common odds ratio, patients per arm and M2 share, in that order of nesting, scenario {@code i} (from
     * 0) simulated with seed {@code seed + i}. The M2 patients have their own control distribution and common odds ratio
     * ({@link ShiftPower#simulate(ShiftPower.Design, ShiftPower.Subgroup, int, long)}); a share of 0 is a trial without them.
     *
     * @param controls  the control-arm distributions of the other patients
     * @param cors      the common odds ratios of the other patients
     * @param nPerArm   the patients per arm
     * @param m2Shares  the shares of M2 patients (0 to 1)
     * @param m2Control the M2 patients' control-arm distribution, or null for each scenario's own
     * @param m2Cor     the M2 patients' common odds ratio, or NaN for each scenario's own
     * @param alpha     the two-sided significance level
     * @param seed      the first scenario's seed
     * @return the scenarios
     */
    public static List<Scenario> grid(List<double[]> controls, double[] cors, int[] nPerArm, double[] m2Shares,
                                      double[] m2Control, double m2Cor, double alpha, long seed) {
        List<Scenario> out = new ArrayList<>();
        for (int c = 0; c < controls.size(); c++) {
            for (double cor : cors) {
                for (int n : nPerArm) {
                    for (double m2 : m2Shares) {
                        ShiftPower.Subgroup g = m2 == 0 ? null : new ShiftPower.Subgroup(m2,
                                m2Control != null ? m2Control : controls.get(c), Double.isNaN(m2Cor) ? cor : m2Cor);
                        out.add(new Scenario("control " + (c + 1) + ", cOR " + cor + ", " + n + " per arm"
                                + (m2 == 0 ? "" : ", M2 share " + m2), new ShiftPower.Design(controls.get(c), cor, n, n, alpha),
                                g, seed + out.size()));
                    }
                }
            }
        }
        return out;
    }

    /**
     * Simulates every scenario, one task each.
     *
     * @param spark     the session
     * @param scenarios the scenarios
     * @param trials    simulated trials per scenario (at least 1)
     * @return one row per scenario, in the scenarios' order: its settings, power, Monte Carlo SE and the trials without a
     *         finite estimate (counted as not significant)
     * @throws IllegalArgumentException when trials is less than 1
     */
    public static Dataset<Row> simulate(SparkSession spark, List<Scenario> scenarios, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("simulate at least one trial per scenario");
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Scenario> list = List.copyOf(scenarios);
        JavaRDD<Row> rows = sc.parallelize(list, Math.max(1, list.size())).map(s -> row(s, ShiftPower.simulate(s.design(), s.subgroup(), trials, s.seed())));
        return spark.createDataFrame(rows, SCHEMA);
    }

    /**
     * A scenario's row, as {@link #simulate} gives it (for the same row from one machine).
     *
     * @param s the scenario
     * @param r its simulation
     * @return the row
     */
    public static Row row(Scenario s, ShiftPower.Simulated r) {
        ShiftPower.Design d = s.design();
        ShiftPower.Subgroup g = s.subgroup();
        return RowFactory.create(s.name(), Arrays.toString(d.control()), d.cor(), d.nTreatment(), d.nControl(), d.alpha(),
                g == null ? 0.0 : g.share(), g == null ? null : Arrays.toString(g.control()), g == null ? null : g.cor(),
                s.seed(), r.trials(), r.power(), r.mcSe(), r.notFitted());
    }
}
