package org.strokemeta.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.strokemeta.cli.Engine;
import org.strokemeta.data.InputException;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * The engine of {@code strokemeta-spark}: the command line's {@code meta} and {@code ipd} reading their data with Spark
 * and computing where the partitions are ({@link SparkMeta#outcomes}, {@link SparkIpd#analyze}).
 *
 * <p>An input is a CSV file (read with its header, every cell as text, as {@code strokemeta} reads it, so that messages
 * name the file's lines), a Parquet file or directory, or the name of a table of the session's catalog.
 */
final class SparkEngine implements Engine {
    private final SparkSession spark;
    private final long collectLimit;

    SparkEngine(SparkSession spark, long collectLimit) {
        this.spark = spark;
        this.collectLimit = collectLimit;
    }

    @Override
    public String launcher() {
        return "strokemeta-spark";
    }

    /** The data and how messages name them. */
    private record Read(Dataset<Row> data, SparkIpd.Label label) {
    }

    private Read read(Input in) {
        if (in.table() != null) {
            return new Read(frame(in.table()), new SparkIpd.Label(in.table().source(), 2));
        }
        String name = in.name();
        String lower = name.toLowerCase(Locale.ROOT);
        boolean remote = name.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*");
        boolean exists = remote || Files.exists(Path.of(name));
        // messages name a file as strokemeta does: by its name, without the directories
        String label = exists && !remote && Path.of(name).getFileName() != null ? Path.of(name).getFileName().toString() : name;
        if (lower.endsWith(".csv") || lower.endsWith(".csv.gz")) {
            if (!exists) {
                throw InputException.of(label, "the file does not exist");
            }
            Dataset<Row> d = spark.read().option("header", "true").option("inferSchema", "false").option("encoding", "UTF-8")
                    .option("mode", "FAILFAST").csv(name);
            return new Read(d, new SparkIpd.Label(label, 2));
        }
        if (lower.endsWith(".parquet") || exists && Files.isDirectory(Path.of(name))) {
            if (!exists) {
                throw InputException.of(name, "the file does not exist");
            }
            return new Read(spark.read().parquet(name), new SparkIpd.Label(label, 1));
        }
        if (exists) {
            throw InputException.of(name, "strokemeta-spark reads CSV (.csv) and Parquet (.parquet or a directory of them)"
                    + " files, or a table by name; convert other formats first (./strokemeta reads Excel, Stata, SPSS and SAS"
                    + " files)");
        }
        if (!spark.catalog().tableExists(name)) {
            throw InputException.of(name, "neither a file nor a table of the Spark catalog");
        }
        return new Read(spark.table(name), new SparkIpd.Label(name, 1));
    }

    /** A table in memory (a bundled example) as a DataFrame of its cells' text. */
    private Dataset<Row> frame(Table t) {
        List<String> names = t.columnNames();
        List<StructField> fields = new ArrayList<>();
        for (String n : names) {
            fields.add(DataTypes.createStructField(n, DataTypes.StringType, true));
        }
        List<Row> rows = new ArrayList<>(t.rows());
        for (int i = 0; i < t.rows(); i++) {
            Object[] cells = new Object[names.size()];
            for (int j = 0; j < cells.length; j++) {
                String v = t.text(i, names.get(j));
                cells[j] = v == null || v.isEmpty() ? null : v;
            }
            rows.add(RowFactory.create(cells));
        }
        return spark.createDataFrame(rows, DataTypes.createStructType(fields));
    }

    @Override
    public Table header(Input in) {
        Read r = read(in);
        return Table.ofRows(r.label().name(), List.of(r.data().schema().fieldNames()), List.of());
    }

    @Override
    public Table table(Input in) {
        Read r = read(in);
        return SparkIpd.collect(r.data(), r.label());
    }

    @Override
    public List<MetaRun.Outcome> meta(Input in, MetaRequest request) {
        Read r = read(in);
        return SparkMeta.outcomes(r.data(), request, r.label().name(), r.label().firstLine());
    }

    @Override
    public IpdAnalysis.Outcome ipd(Input in, PatientLoader.Columns columns, IpdRequest request) {
        Read r = read(in);
        try {
            return SparkIpd.analyze(r.data(), columns, request, collectLimit, r.label());
        } catch (UnsupportedOperationException e) {
            // a model this data set is too large to bring to the driver for: the user's choice of options
            throw new IllegalArgumentException(e.getMessage() + "; raise --collect-limit, or leave that model out", e);
        }
    }
}
