package org.strokemeta.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strokemeta-spark meta} and {@code ipd} (on {@code local[2]}) take strokemeta's options and write its output: the
 * same text, JSON and CSV as {@code strokemeta} on the same file.
 */
class LauncherTest {
    @TempDir
    static Path dir;

    /** Standard output, standard error and the exit status of a run. */
    record Run(String out, String err, int code) {
    }

    static Run strokemeta(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = org.strokemeta.cli.Main.run(args, new PrintWriter(o), new PrintWriter(e));
        return new Run(o.toString(), e.toString(), code);
    }

    static Run spark(String... args) {
        List<String> all = new ArrayList<>(List.of("--master", "local[2]", "--conf", "spark.ui.enabled=false",
                "--conf", "spark.sql.shuffle.partitions=3", "--conf", "spark.sql.files.maxPartitionBytes=100000"));
        all.addAll(List.of(args));
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = Main.run(all.toArray(new String[0]), new PrintWriter(o), new PrintWriter(e));
        return new Run(o.toString(), e.toString(), code);
    }

    static void assertSameRun(Run spark, Run one) {
        assertThat(spark.err()).isEqualTo(one.err());
        assertThat(spark.code()).isEqualTo(one.code());
        assertThat(spark.out()).isEqualTo(one.out());
    }

    @Test
    void ipd_writes_what_strokemeta_ipd_writes() throws Exception {
        Path p = SparkIpdTest.patients(dir, "launch.csv", 12_000, 21, 1);
        String[] args = {"ipd", "--input", p.toString(), "--covariates", "age,nihss", "--binary", "0-2,death,sich",
            "--two-stage", "--merge", "5-6"};
        Run one = strokemeta(args);
        assertThat(one.code()).as(one.err()).isZero();
        Run spark = spark(args);
        assertSameRun(spark, one);
        assertThat(spark.out()).contains("patients left out: age is missing (first on line").contains("two-stage");
        // the same patients in Parquet (typed columns): the same analysis; the rows are numbered from 1
        Path parquet = dir.resolve("launch.parquet");
        SparkSession s = SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
        try {
            s.read().option("header", "true").option("inferSchema", "true").csv(p.toString()).coalesce(1).write()
                    .parquet(parquet.toString());
        } finally {
            s.stop();
        }
        args[2] = parquet.toString();
        Run fromParquet = spark(args);
        assertThat(fromParquet.code()).as(fromParquet.err()).isZero();
        assertThat(normalise(fromParquet.out())).isEqualTo(normalise(one.out().replace("launch.csv", "launch.parquet")));
    }

    /** A report with the positions of notes blanked: a file's lines are its rows + 1. */
    static String normalise(String report) {
        return report.replaceAll("first on (line|row) \\d+", "first on <n>").replaceAll("line \\d+: ", "line <n>: ");
    }

    @Test
    void meta_by_group_writes_what_strokemeta_meta_by_writes() throws Exception {
        Path p = dir.resolve("reviews.csv");
        Files.writeString(p, SparkMetaTest.reviews(60, 22));
        for (String format : List.of("text", "csv", "json")) {
            String[] args = {"meta", "--input", p.toString(), "--by", "review", "--measure", "OR", "--format", format};
            Run one = strokemeta(args);
            assertThat(one.code()).as(one.err()).isZero();
            assertSameRun(spark(args), one);
        }
        // one analysis (no --by): the studies are brought to the driver and analysed as strokemeta does
        String[] single = {"meta", "--input", p.toString(), "--subgroup", "review", "--format", "json"};
        assertSameRun(spark(single), strokemeta(single));
    }

    @Test
    void errors_and_other_commands_are_reported_as_strokemeta_reports_them() throws Exception {
        Path p = SparkIpdTest.patients(dir, "bad.csv", 2_000, 23, 0);
        List<String> lines = new ArrayList<>(Files.readAllLines(p));
        lines.set(700, lines.get(700).replaceFirst("^([^,]*),([^,]*),([^,]*),", "$1,$2,9,"));
        Files.write(p, lines);
        String[] args = {"ipd", "--input", p.toString(), "--covariates", "age"};
        Run one = strokemeta(args);
        assertThat(one.err()).contains("line 701, column mrs");
        assertSameRun(spark(args), one);
        Run other = spark("bias", "--example", "bcg");
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("strokemeta-spark runs meta and ipd; run bias with ./strokemeta");
        Path good = SparkIpdTest.patients(dir, "good.csv", 2_000, 24, 0);
        Run limit = spark("--collect-limit", "10", "ipd", "--input", good.toString(), "--model", "mixed");
        assertThat(limit.code()).isEqualTo(2);
        assertThat(limit.err()).contains("the mixed ordinal model runs on one machine").contains("raise --collect-limit");
        Run help = spark("--help");
        assertThat(help.out()).contains("Usage: strokemeta-spark");
    }
}
