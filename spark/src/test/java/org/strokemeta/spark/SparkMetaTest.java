package org.strokemeta.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.Meta;
import org.strokemeta.data.CsvReader;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.report.CsvReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** Grouped meta-analyses on a local Spark (two cores) equal the command line's batch mode, value for value. */
class SparkMetaTest {
    static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("strokemeta-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3").getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /** Reviews of binary two-arm trials, 3 to 12 trials each, some with zero cells. */
    static String reviews(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("review,study,events_treat,total_treat,events_ctrl,total_ctrl,year\n");
        for (int g = 0; g < n; g++) {
            int k = 3 + rnd.nextInt(10);
            double base = 0.05 + 0.4 * rnd.nextDouble();
            double or = Math.exp(rnd.nextGaussian() * 0.5 - 0.2);
            for (int i = 0; i < k; i++) {
                int n1 = 20 + rnd.nextInt(300);
                int n0 = 20 + rnd.nextInt(300);
                double odds1 = base / (1 - base) * or * Math.exp(0.3 * rnd.nextGaussian());
                double p1 = odds1 / (1 + odds1);
                int e1 = binomial(rnd, n1, p1);
                int e0 = binomial(rnd, n0, base);
                b.append("review ").append(g).append(",trial ").append(i).append(',').append(e1).append(',').append(n1).append(',').append(e0)
                        .append(',').append(n0).append(',').append(1990 + rnd.nextInt(30)).append('\n');
            }
        }
        return b.toString();
    }

    private static int binomial(SplittableRandom rnd, int n, double p) {
        int x = 0;
        for (int i = 0; i < n; i++) {
            x += rnd.nextDouble() < p ? 1 : 0;
        }
        return x;
    }

    private static Map<String, Object[]> byGroup(List<Row> rows, int groupColumns) {
        Map<String, Object[]> m = new HashMap<>();
        for (Row r : rows) {
            Object[] cells = new Object[CsvReport.COLUMNS.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = r.get(groupColumns + i);
            }
            m.put((String) cells[0], cells);
        }
        return m;
    }

    @Test
    void every_group_equals_the_command_lines_batch_analysis(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("reviews.csv");
        Files.writeString(csv, reviews(240, 7));
        Dataset<Row> data = spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString());
        MetaRequest reml = MetaRequest.defaults().withMeasure(Measure.OR);
        MetaRequest mh = reml.withOptions(reml.options().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH));
        MetaRequest dlRr = MetaRequest.defaults().withMeasure(Measure.RR).withOptions(reml.options().withTau2(Tau2Method.DL));
        for (MetaRequest r : List.of(reml, mh, dlRr)) {
            List<MetaRun.Outcome> local = Meta.analyze(CsvReader.read(csv), r.withBy("review"));
            Map<String, Object[]> distributed = byGroup(SparkMeta.metaBy(data, List.of("review"), r).collectAsList(), 1);
            assertThat(distributed).hasSize(local.size());
            for (MetaRun.Outcome o : local) {
                assertThat(distributed.get(o.group())).as(o.group()).containsExactly(CsvReport.cells(o));
            }
        }
    }

    @Test
    void a_group_that_cannot_be_analysed_gets_its_error_and_the_others_go_on() {
        List<Row> rows = List.of(
                org.apache.spark.sql.RowFactory.create("a", "t1", 5, 50, 9, 50), org.apache.spark.sql.RowFactory.create("a", "t2", 7, 60, 12, 61),
                org.apache.spark.sql.RowFactory.create("b", "t1", 80, 50, 9, 50), org.apache.spark.sql.RowFactory.create("b", "t2", 7, 60, 12, 61),
                org.apache.spark.sql.RowFactory.create(null, "t3", 7, 60, 12, 61));
        var schema = org.apache.spark.sql.types.DataTypes.createStructType(List.of(
                org.apache.spark.sql.types.DataTypes.createStructField("review", org.apache.spark.sql.types.DataTypes.StringType, true),
                org.apache.spark.sql.types.DataTypes.createStructField("study", org.apache.spark.sql.types.DataTypes.StringType, true),
                org.apache.spark.sql.types.DataTypes.createStructField("events_treat", org.apache.spark.sql.types.DataTypes.IntegerType, true),
                org.apache.spark.sql.types.DataTypes.createStructField("total_treat", org.apache.spark.sql.types.DataTypes.IntegerType, true),
                org.apache.spark.sql.types.DataTypes.createStructField("events_ctrl", org.apache.spark.sql.types.DataTypes.IntegerType, true),
                org.apache.spark.sql.types.DataTypes.createStructField("total_ctrl", org.apache.spark.sql.types.DataTypes.IntegerType, true)));
        Dataset<Row> data = spark.createDataFrame(rows, schema);
        List<Row> out = SparkMeta.metaBy(data, List.of("review"), MetaRequest.defaults()).collectAsList();
        assertThat(out).hasSize(3);
        Map<String, Row> by = new HashMap<>();
        for (Row r : out) {
            by.put(r.getAs("group"), r);
        }
        assertThat((Integer) by.get("a").getAs("k")).isEqualTo(2);
        assertThat((String) by.get("a").getAs("error")).isNull();
        assertThat((String) by.get("b").getAs("error")).isEqualTo("DataFrame group 'b', row 1, column events_treat: events (80) exceed the total (50)");
        assertThat((Boolean) by.get("b").getAs("converged")).isFalse();
        assertThat((String) by.get("").getAs("error")).isEqualTo("1 row has no value in the group column");
        assertThat((Object) by.get("").getAs("review")).isNull();
    }
}
