package org.strokemeta.spark;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * {@code strokemeta-spark}: the command line's {@code meta} and {@code ipd} on Spark. Locally ({@code local[*]}) from the
 * launcher at the project's root, or on a cluster with {@code spark-submit --class org.strokemeta.spark.Main
 * target/strokemeta-spark.jar ...}. Its own options come before the command; the command's options are those of
 * {@code strokemeta meta} and {@code strokemeta ipd}, with the same output and exit status.
 */
public final class Main {
    /** Rows brought to the driver at most for the models that need every patient in one place. */
    static final long COLLECT_LIMIT = 5_000_000;

    private Main() {
    }

    /**
     * Runs the launcher and exits with its status.
     *
     * @param args launcher options, then the command and its options
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    static String usage() {
        return "strokemeta-spark: strokemeta's meta and ipd on Apache Spark, with the numbers of strokemeta on one machine.\n\n"
                + "Usage: strokemeta-spark [--master URL] [--collect-limit N] [--conf KEY=VALUE ...] meta|ipd [OPTIONS]\n\n"
                + "  --master URL         Spark master (default: local[*], or the one spark-submit gives)\n"
                + "  --collect-limit N    Rows brought to the driver at most for the models that need every patient in\n"
                + "                       one place (mixed models, interactions, nominal or scale effects; default "
                + COLLECT_LIMIT + ")\n"
                + "  --conf KEY=VALUE     A Spark setting (for example spark.sql.shuffle.partitions=400)\n\n"
                + "The options of meta and ipd are strokemeta's: strokemeta-spark meta --help. --input is a CSV file (with\n"
                + "a header), a Parquet file or directory, or a table name; --example NAME a bundled data set.\n"
                + "strokemeta-spark bench shift|meta|power times the workloads of docs/benchmarks.md.\n"
                + "Documentation: docs/spark.md\n";
    }

    /**
     * Runs the launcher with the given streams.
     *
     * @param args launcher options, then the command and its options
     * @param out  standard output
     * @param err  standard error
     * @return the exit status: 0 success, 2 bad input or usage, 3 results not valid, 4 internal error
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        String master = null;
        long limit = COLLECT_LIMIT;
        List<String[]> conf = new ArrayList<>();
        int i = 0;
        try {
            for (; i < args.length && args[i].startsWith("--"); i++) {
                String a = args[i];
                if (a.equals("--help") || a.equals("-h")) {
                    out.print(usage());
                    out.flush();
                    return 0;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(a + " needs a value");
                }
                switch (a) {
                    case "--master" -> master = args[++i];
                    case "--collect-limit" -> limit = Long.parseLong(args[++i].trim());
                    case "--conf" -> {
                        String kv = args[++i];
                        int eq = kv.indexOf('=');
                        if (eq <= 0) {
                            throw new IllegalArgumentException("--conf takes KEY=VALUE, not '" + kv + "'");
                        }
                        conf.add(new String[] {kv.substring(0, eq), kv.substring(eq + 1)});
                    }
                    default -> throw new IllegalArgumentException("unknown option '" + a + "' before the command (launcher"
                            + " options: --master, --collect-limit, --conf)");
                }
            }
        } catch (IllegalArgumentException e) {
            err.println("error: " + (e instanceof NumberFormatException ? "--collect-limit takes a number of rows" : e.getMessage()));
            err.println("(see: strokemeta-spark --help)");
            return org.strokemeta.cli.Main.EXIT_INPUT;
        }
        String[] rest = Arrays.copyOfRange(args, i, args.length);
        if (rest.length == 0 || rest[0].equals("--help") || rest[0].equals("help") && rest.length == 1) {
            (rest.length == 0 ? err : out).print(usage());
            (rest.length == 0 ? err : out).flush();
            return rest.length == 0 ? org.strokemeta.cli.Main.EXIT_INPUT : 0;
        }
        boolean helpOnly = Arrays.asList(rest).contains("--help") || Arrays.asList(rest).contains("-h") || rest[0].equals("help")
                || rest[0].equals("--version");
        if (helpOnly) {
            return org.strokemeta.cli.Main.run(rest, out, err, new SparkEngine(null, limit));
        }
        // meta --by brings every analysis to the driver for the report (about 1.2 KB each, serialised): no cap beyond the
        // driver's heap unless the user sets one
        SparkConf sc = new SparkConf().setAppName("strokemeta " + rest[0]).set("spark.ui.showConsoleProgress", "false")
                .set("spark.driver.maxResultSize", "0");
        if (master != null) {
            sc.setMaster(master);
        } else if (!sc.contains("spark.master")) {
            sc.setMaster("local[*]");
        }
        for (String[] kv : conf) {
            sc.set(kv[0], kv[1]);
        }
        SparkSession spark = SparkSession.builder().config(sc).getOrCreate();
        try {
            if (rest[0].equals("bench")) {
                try {
                    return Bench.run(spark, Arrays.copyOfRange(rest, 1, rest.length), out);
                } catch (IllegalArgumentException | java.io.IOException e) {
                    err.println("error: " + e.getMessage());
                    return org.strokemeta.cli.Main.EXIT_INPUT;
                }
            }
            return org.strokemeta.cli.Main.run(rest, out, err, new SparkEngine(spark, limit));
        } catch (Exception e) {
            // Spark's own failures (a lost executor, a result too large for the driver) arrive as checked exceptions
            err.println("error: Spark stopped the run: " + e.getMessage());
            err.flush();
            return org.strokemeta.cli.Main.EXIT_INTERNAL;
        } finally {
            spark.stop();
        }
    }
}
