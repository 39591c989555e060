package org.strokemeta.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.strokemeta.Meta;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;
import org.strokemeta.pool.Execution;
import org.strokemeta.report.CsvReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * Meta-analyses of many groups of studies held in a Spark DataFrame: one analysis per value of the group columns (every
 * meta-analysis of a collection of reviews, every outcome, every sensitivity variant), each computed by strokemeta's engine
 * in the partition that holds it, with the results of {@code strokemeta meta --by COLUMN --format csv}.
 *
 * <p>Each group's rows reach the engine in the DataFrame's order (the order of a file read into it), as the command line
 * reads them, so each analysis is the one the command line computes on the same studies, to the bit. A group whose data
 * cannot be analysed gets a row with its error, and the job goes on. One difference: the command line checks a whole file
 * before it analyses any group and stops at the first bad cell; here a bad cell fails only its own group.
 */
public final class SparkMeta {
    private SparkMeta() {
    }

    /** The ordering column added while grouping (the rows' order in the data). */
    private static final String ORDER = "__strokemeta_order";
    /** The group's label as the batch column of the engine's table. */
    private static final String BY = "__strokemeta_group";

    /**
     * The schema of {@link #metaBy}'s result: the group columns as they are in the input, then the columns of
     * {@link CsvReport#COLUMNS} (group as text: the group's value, or its values joined by " / ").
     *
     * @param input        the data's schema
     * @param groupColumns the group columns
     * @return the result's schema
     */
    public static StructType resultSchema(StructType input, List<String> groupColumns) {
        List<StructField> fields = new ArrayList<>();
        for (String g : groupColumns) {
            StructField f = input.apply(g);
            fields.add(DataTypes.createStructField(f.name(), f.dataType(), true));
        }
        for (String c : CsvReport.COLUMNS) {
            String name = groupColumns.contains(c) ? "result_" + c : c;
            fields.add(DataTypes.createStructField(name, switch (c) {
                case "group", "measure", "error" -> DataTypes.StringType;
                case "k", "k_excluded" -> DataTypes.IntegerType;
                case "converged" -> DataTypes.BooleanType;
                default -> DataTypes.DoubleType;
            }, true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * One meta-analysis per group.
     *
     * @param data         the studies: strokemeta's columns of study-level data (events_treat, total_treat, ...; yi, vi; ...),
     *                     any other columns the request names (subgroups, moderators), and the group columns
     * @param groupColumns the columns whose values define the analyses (at least one)
     * @param request      the analysis (its {@code by} is set per group; its execution is the task's own thread)
     * @return one row per group: the group columns, then the columns of {@code meta --format csv}
     * @throws IllegalArgumentException when a group column is not in the data or none is given
     */
    public static Dataset<Row> metaBy(Dataset<Row> data, List<String> groupColumns, MetaRequest request) {
        Objects.requireNonNull(request, "request");
        if (groupColumns == null || groupColumns.isEmpty()) {
            throw new IllegalArgumentException("metaBy needs at least one group column");
        }
        StructType in = data.schema();
        List<String> names = List.of(in.fieldNames());
        for (String g : groupColumns) {
            if (!names.contains(g)) {
                throw new IllegalArgumentException("the data have no column '" + g + "' (columns: " + String.join(", ", names) + ")");
            }
        }
        StructType out = resultSchema(in, groupColumns);
        Column[] keys = groupColumns.stream().map(functions::col).toArray(Column[]::new);
        Column[] order = new Column[keys.length + 1];
        System.arraycopy(keys, 0, order, 0, keys.length);
        order[keys.length] = functions.col(ORDER);
        Dataset<Row> grouped = data.withColumn(ORDER, functions.monotonically_increasing_id()).repartition(keys).sortWithinPartitions(order);
        MetaRequest r = request.withExecution(Execution.singleThread());
        List<String> groups = List.copyOf(groupColumns);
        return grouped.mapPartitions((MapPartitionsFunction<Row, Row>) rows -> {
            Groups g = new Groups(rows, names, groups, r);
            return new Iterator<Row>() {
                @Override
                public boolean hasNext() {
                    return g.hasNext();
                }

                @Override
                public Row next() {
                    Group x = g.next();
                    Object[] cells = CsvReport.cells(x.outcome());
                    Object[] row = new Object[x.key().length + cells.length];
                    System.arraycopy(x.key(), 0, row, 0, x.key().length);
                    System.arraycopy(cells, 0, row, x.key().length, cells.length);
                    return RowFactory.create(row);
                }
            };
        }, Encoders.row(out));
    }

    /**
     * One meta-analysis per value of the request's {@code by} column, as {@code strokemeta meta --by} gives them: the
     * engine's outcomes, in the order of the groups' first appearance in the data, brought to the driver (for the text,
     * JSON and CSV reports of the command line; {@link #metaBy} keeps the results in a DataFrame).
     *
     * @param data    the studies, with the group column
     * @param request the analysis; its {@code by} names the group column
     * @return the outcomes, one per group
     * @throws IllegalArgumentException when the request has no {@code by} or the data have no such column
     */
    public static List<MetaRun.Outcome> outcomes(Dataset<Row> data, MetaRequest request) {
        return outcomes(data, request, "DataFrame", 1);
    }

    /**
     * The analyses of {@link #outcomes(Dataset, MetaRequest)}, messages naming the data {@code source} and its rows from
     * {@code firstLine} (2 for a CSV file read with its header: its lines). Each group's rows form a table of all the
     * columns, analysed as {@code strokemeta meta --by} analyses that group; a cell that cannot be read stops the run
     * with its line and column, as it does there (when several can't, the one with the lowest line).
     */
    static List<MetaRun.Outcome> outcomes(Dataset<Row> data, MetaRequest request, String source, int firstLine) {
        String by = request.by();
        if (by == null) {
            throw new IllegalArgumentException("outcomes runs one analysis per group: the request needs by");
        }
        List<String> names = List.of(data.schema().fieldNames());
        int col = -1;
        for (int j = 0; j < names.size() && col < 0; j++) {
            if (names.get(j).trim().equalsIgnoreCase(by.trim())) {
                col = j;
            }
        }
        if (col < 0) {
            throw InputException.of(source, "the column '" + by + "' is missing (columns present: " + String.join(", ", names)
                    + ")");
        }
        int at = col;
        MetaRequest r = request.withExecution(Execution.singleThread());
        int width = names.size();
        // the rows travel as their cells' text (cheaper to move between tasks than Spark's rows), to enough tasks for
        // every core
        int tasks = Math.max(data.javaRDD().getNumPartitions(), 4 * data.sparkSession().sparkContext().defaultParallelism());
        List<Group> all = new ArrayList<>(data.javaRDD().zipWithIndex()
                .mapToPair(t -> {
                    String[] c = new String[width];
                    for (int j = 0; j < width; j++) {
                        c[j] = text(t._1().get(j));
                    }
                    return new scala.Tuple2<>(c[at], new scala.Tuple2<>(t._2(), c));
                })
                .groupByKey(tasks)
                .map(g -> {
                    List<scala.Tuple2<Long, String[]>> rows = new ArrayList<>();
                    g._2().forEach(rows::add);
                    rows.sort(java.util.Comparator.comparing(scala.Tuple2::_1));
                    List<List<String>> cells = new ArrayList<>(rows.size());
                    int[] lines = new int[rows.size()];
                    for (int i = 0; i < lines.length; i++) {
                        cells.add(java.util.Arrays.asList(rows.get(i)._2()));
                        lines[i] = (int) Math.min(Integer.MAX_VALUE, rows.get(i)._1() + firstLine);
                    }
                    long first = rows.get(0)._1();
                    try {
                        Table t = Table.ofRows(source, names, cells, lines, List.of());
                        return new Group(new Object[] {g._1()}, first, Meta.analyze(t, r).get(0), null);
                    } catch (InputException e) {
                        return new Group(new Object[] {g._1()}, first, null, e);
                    }
                }).collect());
        all.sort(java.util.Comparator.comparingLong(Group::first));
        all.stream().filter(g -> g.error() != null).min(java.util.Comparator.comparingInt(g -> g.error().line()))
                .ifPresent(g -> {
                    throw g.error();
                });
        return all.stream().map(Group::outcome).toList();
    }

    /** One group's analysis: its key, the position of its first row in the data, and the outcome. */
    private record Group(Object[] key, long first, MetaRun.Outcome outcome, InputException error)
            implements java.io.Serializable {
    }

    /** Walks a partition sorted by group, one analysis per run of equal group values. */
    private static final class Groups implements Iterator<Group> {
        private final Iterator<Row> rows;
        private final List<String> names;
        private final int[] keyAt;
        private final MetaRequest request;
        private Row pending;

        Groups(Iterator<Row> rows, List<String> names, List<String> groups, MetaRequest request) {
            this.rows = rows;
            this.names = names;
            this.keyAt = groups.stream().mapToInt(names::indexOf).toArray();
            this.request = request;
            this.pending = rows.hasNext() ? rows.next() : null;
        }

        @Override
        public boolean hasNext() {
            return pending != null;
        }

        @Override
        public Group next() {
            if (pending == null) {
                throw new NoSuchElementException();
            }
            Object[] key = key(pending);
            List<Row> group = new ArrayList<>();
            group.add(pending);
            pending = null;
            while (rows.hasNext()) {
                Row r = rows.next();
                if (java.util.Arrays.equals(key(r), key)) {
                    group.add(r);
                } else {
                    pending = r;
                    break;
                }
            }
            return result(key, group);
        }

        private Object[] key(Row r) {
            Object[] k = new Object[keyAt.length];
            for (int i = 0; i < k.length; i++) {
                k[i] = r.get(keyAt[i]);
            }
            return k;
        }

        private Group result(Object[] key, List<Row> group) {
            String label = label(key);
            MetaRun.Outcome o;
            if (java.util.Arrays.stream(key).anyMatch(Objects::isNull)) {
                o = new MetaRun.Outcome(label, null, null, null, null, null, group.size() + " row" + (group.size() == 1 ? " has" : "s have")
                        + " no value in the group column" + (key.length == 1 ? "" : "s"));
            } else {
                o = analyse(label, group);
            }
            return new Group(key, group.get(0).getLong(names.size()), o, null);
        }

        /** The group's studies as a table of the data's other columns (numbers as their shortest exact text), analysed. */
        private MetaRun.Outcome analyse(String label, List<Row> group) {
            List<String> header = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                int column = j;
                if (java.util.Arrays.stream(keyAt).noneMatch(k -> k == column)) {
                    header.add(names.get(j));
                    at.add(j);
                }
            }
            header.add(BY);
            List<List<String>> cells = new ArrayList<>(group.size());
            int[] lines = new int[group.size()];
            for (int i = 0; i < group.size(); i++) {
                Row r = group.get(i);
                List<String> c = new ArrayList<>(at.size() + 1);
                for (int j : at) {
                    c.add(text(r.get(j)));
                }
                c.add(label);
                cells.add(c);
                lines[i] = i + 1;
            }
            // messages name the group and the row within it, in the data's order
            Table t = Table.ofRows("DataFrame group '" + label + "'", header, cells, lines, List.of());
            try {
                List<MetaRun.Outcome> outcomes = Meta.analyze(t, request.withBy(BY));
                return outcomes.get(0);
            } catch (InputException | IllegalArgumentException e) {
                return new MetaRun.Outcome(label, null, null, null, null, null, e.getMessage());
            }
        }
    }

    private static String label(Object[] key) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < key.length; i++) {
            if (i > 0) {
                b.append(" / ");
            }
            b.append(text(key[i]));
        }
        return b.toString();
    }

    /** A cell as the text a CSV file would hold: numbers as their shortest exact decimal, missing as empty. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? CsvReport.number(d) : d.isNaN() ? "" : d.toString();
        }
        if (v instanceof Float f) {
            return text(Double.parseDouble(f.toString()));
        }
        if (v instanceof java.math.BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }
}
