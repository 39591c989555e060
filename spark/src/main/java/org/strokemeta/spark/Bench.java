package org.strokemeta.spark;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.effect.Measure;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.study.MetaRequest;

/**
 * {@code strokemeta-spark bench}: the workloads of docs/benchmarks.md (Spark), timed in the launcher's process.
 * <ul>
 *   <li>{@code shift --patients N [--single]}: the adjusted stratified shift model on N patients generated inside Spark
 *       (or, with {@code --single}, the same patients in this process, fitted by the single-machine engine);</li>
 *   <li>{@code meta --analyses M [--csv FILE]}: M meta-analyses of k = 10 trials generated inside Spark, by
 *       {@link SparkMeta#metaBy}; {@code --csv} writes the same studies for {@code strokemeta meta --by review};</li>
 *   <li>{@code power --scenarios S --replicates R}: a grid of S scenarios with R simulated trials each.</li>
 * </ul>
 * Each prints the time, the peak of the Java heap and the process's peak resident memory.
 */
final class Bench {
    private Bench() {
    }

    static int run(SparkSession spark, String[] args, PrintWriter out) throws IOException {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--single")) {
                o.put("single", "1");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                o.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("bench: unexpected '" + args[i] + "'");
            }
        }
        String what = args.length > 0 ? args[0] : "";
        switch (what) {
            case "shift" -> shift(spark, Long.parseLong(o.getOrDefault("patients", "10000000")), o.containsKey("single"),
                    Integer.parseInt(o.getOrDefault("partitions", "0")), out);
            case "meta" -> meta(spark, Integer.parseInt(o.getOrDefault("analyses", "1000000")), o.get("csv"), out);
            case "power" -> power(spark, Integer.parseInt(o.getOrDefault("scenarios", "500")),
                    Integer.parseInt(o.getOrDefault("replicates", "1000")), out);
            default -> throw new IllegalArgumentException("bench shift|meta|power (see docs/benchmarks.md)");
        }
        out.flush();
        return 0;
    }

    /** 64-bit finaliser of SplitMix64: a well-mixed function of the patient's number and the stream. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A uniform in (0, 1) from patient i's stream s. */
    static double u(long i, int s) {
        return ((mix(i * 0x9e3779b97f4a7c15L + s * 0x632be59bd9b4e019L + 42) >>> 11) + 0.5) / (1L << 53);
    }

    /**
     * Patient i of the simulated registry: trial 1-10, arm, age 40-85, NIHSS 2-25, and mRS 0-6 from a proportional-odds
     * shift (common odds ratio 1.8) with those covariates.
     */
    static void patient(long i, int[] ints, double[] age) {
        int trial = (int) (u(i, 0) * 10);
        int arm = u(i, 1) < 0.5 ? 1 : 0;
        double a = 40 + 45 * u(i, 2);
        int nihss = 2 + (int) (u(i, 3) * 24);
        double v = u(i, 4);
        double lat = -Math.log(1.8) * arm + 0.035 * (a - 65) + 0.12 * (nihss - 15) + 0.1 * (trial - 4.5) + 2.4
                + Math.log(v / (1 - v));
        ints[0] = trial;
        ints[1] = arm;
        ints[2] = Math.max(0, Math.min(6, (int) Math.floor(lat)));
        ints[3] = nihss;
        age[0] = a;
    }

    static final StructType PATIENTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("study", DataTypes.StringType, false),
            DataTypes.createStructField("treatment", DataTypes.IntegerType, false),
            DataTypes.createStructField("mrs", DataTypes.IntegerType, false),
            DataTypes.createStructField("age", DataTypes.DoubleType, false),
            DataTypes.createStructField("nihss", DataTypes.IntegerType, false)));

    static Dataset<Row> patients(SparkSession spark, long n, int partitions) {
        int p = partitions > 0 ? partitions : Math.max(spark.sparkContext().defaultParallelism(), (int) (n / 2_000_000) + 1);
        String[] names = new String[10];
        for (int t = 0; t < 10; t++) {
            names[t] = "Trial " + (t + 1);
        }
        return spark.range(0, n, 1, p).mapPartitions((MapPartitionsFunction<Long, Row>) it -> new java.util.Iterator<>() {
            final int[] ints = new int[4];
            final double[] age = new double[1];

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                patient(it.next(), ints, age);
                return RowFactory.create(names[ints[0]], ints[1], ints[2], age[0], ints[3]);
            }
        }, Encoders.row(PATIENTS));
    }

    static void shift(SparkSession spark, long n, boolean single, int partitions, PrintWriter out) {
        PoOptions o = PoOptions.defaults();
        long t0 = System.nanoTime();
        ProportionalOddsFit f;
        String how;
        if (single) {
            int m = Math.toIntExact(n);
            int[] st = new int[m];
            int[] tr = new int[m];
            int[] y = new int[m];
            double[] age = new double[m];
            double[] nihss = new double[m];
            int[] ints = new int[4];
            double[] a = new double[1];
            for (int i = 0; i < m; i++) {
                patient(i, ints, a);
                st[i] = ints[0];
                tr[i] = ints[1];
                y[i] = ints[2];
                nihss[i] = ints[3];
                age[i] = a[0];
            }
            int[] lines = new int[m];
            String[] names = new String[10];
            for (int t = 0; t < 10; t++) {
                names[t] = "Trial " + (t + 1);
            }
            // natural order of the labels: Trial 1, Trial 2, ..., Trial 10, as the loaders code them
            PatientData d = new PatientData("simulated", names, st, tr, y, 7, List.of("age", "nihss"),
                    new double[][] {age, nihss}, lines, 0, List.of());
            long t1 = System.nanoTime();
            out.printf(Locale.ROOT, "generated %d patients in %.1f s%n", n, (t1 - t0) / 1e9);
            t0 = t1;
            f = ProportionalOdds.fit(d, o);
            how = "single machine, " + Runtime.getRuntime().availableProcessors() + " cores";
        } else {
            Dataset<Row> df = patients(spark, n, partitions);
            f = SparkIpd.shift(df, new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss")), o);
            how = "Spark " + spark.sparkContext().master() + ", " + df.javaRDD().getNumPartitions() + " partitions"
                    + " (patients generated in each pass)";
        }
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "shift, stratified, adjusted for age and nihss: %d patients, %s%n", n, how);
        out.printf(Locale.ROOT, "  time %.1f s (%.0f ns per patient), %d Newton iterations, converged %s%n", s, s * 1e9 / n,
                f.iterations(), f.converged());
        out.printf(Locale.ROOT, "  log cOR %.12f (SE %.12f), age %.12f, nihss %.12f, log-likelihood %.6f%n", f.logCor(),
                f.logCorSe(), f.coefficient("age"), f.coefficient("nihss"), f.logLik());
        memory(out);
    }

    static void meta(SparkSession spark, int analyses, String csv, PrintWriter out) throws IOException {
        int k = 10;
        long rows = (long) analyses * k;
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("review", DataTypes.StringType, false),
                DataTypes.createStructField("study", DataTypes.StringType, false),
                DataTypes.createStructField("events_treat", DataTypes.IntegerType, false),
                DataTypes.createStructField("total_treat", DataTypes.IntegerType, false),
                DataTypes.createStructField("events_ctrl", DataTypes.IntegerType, false),
                DataTypes.createStructField("total_ctrl", DataTypes.IntegerType, false)));
        if (csv != null) {
            try (BufferedWriter w = Files.newBufferedWriter(Path.of(csv), StandardCharsets.UTF_8)) {
                w.write("review,study,events_treat,total_treat,events_ctrl,total_ctrl\n");
                for (long i = 0; i < rows; i++) {
                    Object[] r = study(i, k);
                    w.write(r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "," + r[4] + "," + r[5] + "\n");
                }
            }
            out.printf(Locale.ROOT, "wrote %d analyses (%d rows) to %s%n", analyses, rows, csv);
            return;
        }
        int p = Math.max(spark.sparkContext().defaultParallelism() * 4, (int) (rows / 1_000_000));
        Dataset<Row> df = spark.range(0, rows, 1, p).map((org.apache.spark.api.java.function.MapFunction<Long, Row>) i ->
                RowFactory.create(study(i, k)), Encoders.row(schema));
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.OR).withTau2Ci(false);
        long t0 = System.nanoTime();
        SparkMeta.metaBy(df, List.of("review"), r).write().format("noop").mode("overwrite").save();
        double s = (System.nanoTime() - t0) / 1e9;
        int cores = spark.sparkContext().defaultParallelism();
        out.printf(Locale.ROOT, "metaBy: %d meta-analyses of k = %d (log OR, REML, no tau2 interval), Spark %s%n", analyses, k,
                spark.sparkContext().master());
        out.printf(Locale.ROOT, "  time %.1f s: %.0f analyses per second, %.0f per second per core (%d cores)%n", s,
                analyses / s, analyses / s / cores, cores);
        memory(out);
    }

    /** Study i of the generated collection: review i / k, a binary trial of 20-300 patients per arm. */
    static Object[] study(long i, int k) {
        long g = i / k;
        double base = 0.05 + 0.4 * u(g, 10);
        double or = Math.exp(0.5 * (u(g, 11) - 0.5) - 0.2);
        int n1 = 20 + (int) (u(i, 12) * 280);
        int n0 = 20 + (int) (u(i, 13) * 280);
        double odds1 = base / (1 - base) * or;
        double p1 = odds1 / (1 + odds1);
        int e1 = (int) Math.round(n1 * p1 + Math.sqrt(n1 * p1 * (1 - p1)) * 2 * (u(i, 14) - 0.5));
        int e0 = (int) Math.round(n0 * base + Math.sqrt(n0 * base * (1 - base)) * 2 * (u(i, 15) - 0.5));
        return new Object[] {"review " + g, "trial " + (i % k), Math.max(0, Math.min(n1, e1)), n1,
            Math.max(0, Math.min(n0, e0)), n0};
    }

    static void power(SparkSession spark, int scenarios, int replicates, PrintWriter out) {
        List<double[]> controls = List.of(
                new double[] {0.05, 0.10, 0.12, 0.15, 0.18, 0.20, 0.20},
                new double[] {0.10, 0.15, 0.15, 0.15, 0.15, 0.15, 0.15},
                new double[] {0.03, 0.07, 0.10, 0.20, 0.25, 0.15, 0.20},
                new double[] {0.20, 0.20, 0.15, 0.15, 0.10, 0.10, 0.10},
                new double[] {0.08, 0.12, 0.15, 0.20, 0.20, 0.10, 0.15});
        double[] cors = new double[10];
        for (int c = 0; c < cors.length; c++) {
            cors[c] = 1.1 + 0.1 * c;
        }
        int perControl = Math.max(1, scenarios / (controls.size() * cors.length));
        int[] n = new int[perControl];
        for (int j = 0; j < n.length; j++) {
            n[j] = 50 + 50 * j;
        }
        List<SparkPower.Scenario> grid = SparkPower.grid(controls, cors, n, 0.05, 2026);
        long t0 = System.nanoTime();
        List<Row> rows = SparkPower.simulate(spark, grid, replicates).collectAsList();
        double s = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "power grid: %d scenarios x %d simulated trials (50 to %d patients per arm), Spark %s, %d"
                + " cores%n", rows.size(), replicates, n[n.length - 1], spark.sparkContext().master(),
                spark.sparkContext().defaultParallelism());
        out.printf(Locale.ROOT, "  time %.1f s (%.2f ms per simulated trial)%n", s, s * 1e3 / ((double) rows.size() * replicates));
        memory(out);
    }

    /** The peak of the Java heap (all pools) and the process's peak resident memory. */
    static void memory(PrintWriter out) {
        long heap = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                heap += p.getPeakUsage().getUsed();
            }
        }
        String rss = "?";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    rss = line.substring(6).trim();
                }
            }
        } catch (IOException e) {
            rss = "unknown";
        }
        List<String> parts = new ArrayList<>();
        parts.add(String.format(Locale.ROOT, "heap peak %.2f GB (sum of the pools' peaks)", heap / 1e9));
        parts.add("peak resident memory " + rss);
        out.println("  " + String.join(", ", parts));
    }
}
