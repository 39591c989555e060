package org.strokemeta.spark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.BinaryParts;
import org.strokemeta.ordinal.OrdinalParts;

/**
 * Patients of a DataFrame read as {@link PatientLoader} reads a file: the same columns, checks and complete-case rule,
 * the same trial codes (natural order of the labels) and the same notes, but in passes over the partitions where the
 * rows are. A first pass checks every row and counts; then each partition's rows become {@link OrdinalParts.Chunk}s of
 * at most {@link #CHUNK_ROWS} patients.
 *
 * <p>Rows are numbered in the DataFrame's order (partition by partition), from 1, so that an error names the row as
 * {@code strokemeta ipd} names the line of a file read in the same order.
 */
final class SparkPatients implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** Patients per chunk: a partition of more becomes several chunks (their sums are added in order). */
    static final int CHUNK_ROWS = 1 << 20;

    final String source;
    /** The fields read, by position in the schema: study, treatment, outcome, weight (−1 if none), covariates. */
    private final int study;
    private final int treatment;
    private final int outcome;
    private final int weight;
    private final int[] covariates;
    private final List<String> covariateNames;
    private final CategoryMerge merge;
    /** Outcome categories after the merge, and trials in code order. */
    final int categories;
    /** Outcome categories as read. */
    final int rawCategories;
    /** 0/1 outcome columns scanned, by position in the schema, and their names. */
    private final int[] eventColumns;
    private final List<String> eventNames;
    /** Per event column: the note on the patients without a value there, or null when every patient has one. */
    private final List<Note> eventNotes;
    final List<String> trialNames;
    /** Each trial's first row with every value, from 1, by code. */
    final int[] firstRows;
    private final Map<String, Integer> codes;
    /** Remarks on the patients read: those left out and why. */
    final List<Note> notes;
    /** Rows kept (of non-zero weight, with every value), the patients they stand for, and the patients left out. */
    final long rows;
    final long patients;
    final long excluded;

    private SparkPatients(String source, int[] idx, int fields, List<String> covariateNames, CategoryMerge merge,
                          int rawCategories, int categories, List<String> trialNames, int[] firstRows, List<Note> notes,
                          long rows,
                          List<String> eventNames, List<Note> eventNotes, long patients, long excluded) {
        this.source = source;
        study = idx[0];
        treatment = idx[1];
        outcome = idx[2];
        weight = idx[3];
        covariates = java.util.Arrays.copyOfRange(idx, 4, fields);
        eventColumns = java.util.Arrays.copyOfRange(idx, fields, idx.length);
        this.eventNames = List.copyOf(eventNames);
        this.eventNotes = new ArrayList<>(eventNotes);
        this.rawCategories = rawCategories;
        this.covariateNames = List.copyOf(covariateNames);
        this.merge = merge;
        this.categories = categories;
        this.trialNames = List.copyOf(trialNames);
        this.firstRows = firstRows.clone();
        Map<String, Integer> c = new java.util.HashMap<>();
        for (String t : trialNames) {
            c.put(t, c.size());
        }
        codes = c;
        this.notes = List.copyOf(notes);
        this.rows = rows;
        this.patients = patients;
        this.excluded = excluded;
    }

    /**
     * Checks every row and counts: errors as {@link PatientLoader#load} gives them (with the row), the patients left
     * out for a missing value, the trials and the outcome's categories.
     */
    static SparkPatients scan(Dataset<Row> data, PatientLoader.Columns c, CategoryMerge merge, String source,
                              List<String> events) {
        return scan(data, c, merge, source, 1, events);
    }

    /**
     * As {@link #scan(Dataset, PatientLoader.Columns, CategoryMerge, String, List)}, the first row numbered
     * {@code firstLine} in messages (2 for a CSV file read with its header, so that rows are the file's lines).
     */
    static SparkPatients scan(Dataset<Row> data, PatientLoader.Columns c, CategoryMerge merge, String source, int firstLine,
                              List<String> events) {
        StructType schema = data.schema();
        List<String> names = List.of(schema.fieldNames());
        int fields = 4 + c.covariates().size();
        int[] idx = new int[fields + events.size()];
        idx[0] = column(names, c.study(), "column", source);
        idx[1] = column(names, c.treatment(), "column", source);
        idx[2] = column(names, c.outcome(), "column", source);
        idx[3] = c.weight() == null ? -1 : column(names, c.weight(), "weight column", source);
        for (int k = 0; k < c.covariates().size(); k++) {
            idx[4 + k] = column(names, c.covariates().get(k), "covariate column", source);
        }
        for (int e = 0; e < events.size(); e++) {
            idx[fields + e] = column(names, events.get(e), "binary outcome column", source);
        }
        String[] what = new String[idx.length];
        for (int k = 0; k < idx.length; k++) {
            what[k] = idx[k] < 0 ? null : names.get(idx[k]);
        }
        int given = c.categories();
        List<Scan> scans = data.javaRDD().mapPartitionsWithIndex((p, it) -> List.of(Scan.of(it, idx, fields, what, given))
                .iterator(), true).collect();
        // the first error of the kind the loader checks first, at its first row
        long[] offset = new long[scans.size()];
        for (int p = 1; p < offset.length; p++) {
            offset[p] = offset[p - 1] + scans.get(p - 1).rows;
        }
        for (int kind = 0; kind < Scan.kinds(fields, events.size()); kind++) {
            for (int p = 0; p < scans.size(); p++) {
                Scan s = scans.get(p);
                if (s.errors[kind] != null) {
                    throw new InputException(source, row(offset[p] + s.errorRows[kind], firstLine), s.errorColumns[kind],
                            s.errors[kind]);
                }
            }
        }
        long before = 0;
        Scan total = new Scan(fields, events.size());
        for (Scan s : scans) {
            total.add(s, before);
            before += s.rows;
        }
        if (before == 0) {
            throw InputException.of(source, firstLine == 2 ? "the file has a header but no data rows" : "the data have no rows");
        }
        int cats = given > 0 ? given : total.maxOutcome + 1;
        if (cats < 2) {
            throw InputException.of(source, "the outcome takes a single value: there is nothing to compare");
        }
        List<Note> notes = new ArrayList<>();
        String word = InputException.rowWord(source);
        if (total.zero > 0) {
            int first = row(total.firstZero, firstLine);
            notes.add(new Note(first, null, Note.Kind.EXCLUDED, total.zero + " row" + (total.zero == 1 ? "" : "s")
                    + " of weight 0 left out (first on " + word + " " + first + "): they stand for no patient"));
        }
        // in the order the reasons first occur, as the loader lists them
        Integer[] order = new Integer[fields];
        java.util.Arrays.setAll(order, k -> k);
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(k -> total.firstMissing[k]));
        for (int k : order) {
            long m = total.missing[k];
            if (m > 0) {
                int first = row(total.firstMissing[k], firstLine);
                notes.add(new Note(first, null, Note.Kind.EXCLUDED, m + " patient" + (m == 1 ? "" : "s") + " left out: "
                        + what[k] + " is missing (first on " + word + " " + first + "; complete-case analysis)"));
            }
        }
        if (total.kept == 0) {
            throw InputException.of(source, "no patient has every value needed (outcome, arm"
                    + (c.covariates().isEmpty() ? "" : ", covariates") + ")");
        }
        TreeSet<String> sorted = new TreeSet<>(PatientLoader::naturalOrder);
        sorted.addAll(total.trials);
        int merged = merge == null ? cats : merge.categories(source, cats);
        List<Note> eventNotes = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            long m = total.eventMissing[e];
            int first = row(total.firstEventMissing[e], firstLine);
            String col = what[fields + e];
            eventNotes.add(m == 0 ? null : new Note(0, null, Note.Kind.EXCLUDED, m + " patient" + (m == 1 ? "" : "s")
                    + " left out: " + col + " is missing (first on " + word + " " + first + "; complete-case analysis of " + col
                    + ")"));
        }
        List<String> trialNames = new ArrayList<>(sorted);
        int[] first = new int[trialNames.size()];
        for (int s = 0; s < first.length; s++) {
            first[s] = row(total.firstRow.get(trialNames.get(s)), firstLine);
        }
        return new SparkPatients(source, idx, fields, c.covariates(), merge, cats, merged, trialNames, first, notes,
                total.kept, events, eventNotes, total.keptWeight, java.util.Arrays.stream(total.missing).sum());
    }

    /** The number in messages of the row at a 0-based index (the first is {@code firstLine}), as an int (capped). */
    private static int row(long index, int firstLine) {
        return (int) Math.min(Integer.MAX_VALUE, index + firstLine);
    }

    private static int column(List<String> names, String col, String what, String source) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).trim().equalsIgnoreCase(col.trim())) {
                return i;
            }
        }
        throw InputException.of(source, "the " + what + " '" + col + "' is missing (columns present: "
                + String.join(", ", names) + ")");
    }

    List<String> covariateNames() {
        return covariateNames;
    }

    /** Whether rows carry case weights. */
    boolean weighted() {
        return weight >= 0;
    }

    /** The notes of the ordinal fit: those on the patients read, then the merge of categories. */
    List<Note> ordinalNotes() {
        if (merge == null) {
            return notes;
        }
        List<Note> n = new ArrayList<>(notes);
        n.add(new Note(0, null, Note.Kind.INFO, "outcome categories " + merge.from() + " to " + merge.to() + " merged"));
        return n;
    }

    /** The note on the patients without a value in a scanned 0/1 column, or null when none is missing. */
    Note eventNote(String name) {
        for (int e = 0; e < eventNames.size(); e++) {
            if (eventNames.get(e).equalsIgnoreCase(name)) {
                return eventNotes.get(e);
            }
        }
        return null;
    }

    /** The positions of all the covariates read. */
    int[] all() {
        return java.util.stream.IntStream.range(0, covariates.length).toArray();
    }

    /** The positions of these covariates among those read. */
    int[] select(List<String> names) {
        int[] s = new int[names.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = covariateNames.indexOf(names.get(k));
            if (s[k] < 0) {
                throw new IllegalArgumentException("the covariate " + names.get(k) + " of the model is not among the columns"
                        + " read (" + String.join(", ", covariateNames) + ")");
            }
        }
        return s;
    }

    /**
     * Each partition's patients with every value, as chunks of at most {@link #CHUNK_ROWS}, the outcome merged or as read,
     * with the covariates read at the positions {@code select}.
     */
    JavaRDD<OrdinalParts.Chunk> chunks(Dataset<Row> data, boolean merged, int[] select) {
        SparkPatients p = this;
        return data.javaRDD().mapPartitions(it -> new Blocks<>(p, it, -1, b -> {
            int[] y = b.outcome;
            if (merged && p.merge != null) {
                for (int i = 0; i < y.length; i++) {
                    y[i] = p.merge.category(y[i]);
                }
            }
            double[][] x = new double[select.length][];
            for (int k = 0; k < x.length; k++) {
                x[k] = b.covariates[select[k]];
            }
            return OrdinalParts.Chunk.of(b.trial, b.treatment, y, b.weight, x);
        }), true);
    }

    /**
     * Each partition's patients as chunks for a binary outcome: mRS 0-K or death from the outcome as read (before any
     * merge), or a 0/1 column of those scanned, leaving out the patients without a value there; the covariates are those
     * read at the positions {@code select}.
     */
    JavaRDD<BinaryParts.Chunk> binaryChunks(Dataset<Row> data, BinaryEndpoint endpoint, int[] select) {
        SparkPatients p = this;
        int col = endpoint instanceof BinaryEndpoint.Column c ? eventIndex(c.name()) : -1;
        int death = rawCategories - 1;
        return data.javaRDD().mapPartitions(it -> new Blocks<>(p, it, col, b -> {
            int[] ev = new int[b.trial.length];
            for (int i = 0; i < ev.length; i++) {
                ev[i] = endpoint instanceof BinaryEndpoint.MrsAtMost m ? (b.outcome[i] <= m.k() ? 1 : 0)
                        : endpoint instanceof BinaryEndpoint.Death ? (b.outcome[i] == death ? 1 : 0) : b.event[i];
            }
            double[][] x = new double[select.length][];
            for (int k = 0; k < x.length; k++) {
                x[k] = b.covariates[select[k]];
            }
            return BinaryParts.Chunk.of(b.trial, b.treatment, ev, b.weight, x);
        }), true);
    }

    /** The scanned event column of that name. */
    private int eventIndex(String name) {
        for (int e = 0; e < eventNames.size(); e++) {
            if (eventNames.get(e).equalsIgnoreCase(name)) {
                return eventColumns[e];
            }
        }
        throw new IllegalArgumentException("the column '" + name + "' was not scanned as a binary outcome");
    }

    /** A block of complete patients, column-wise. */
    private record Block(int[] trial, int[] treatment, int[] outcome, double[] weight, double[][] covariates, int[] event) {
    }

    /** The blocks of a partition's rows, filled as they are asked for, each turned into a chunk. */
    private static final class Blocks<C> implements Iterator<C> {
        private final SparkPatients p;
        private final Iterator<Row> rows;
        /** A 0/1 event column: rows without a value there are left out; −1 for none. */
        private final int event;
        private final java.util.function.Function<Block, C> chunk;
        private C next;

        Blocks(SparkPatients p, Iterator<Row> rows, int event, java.util.function.Function<Block, C> chunk) {
            this.p = p;
            this.rows = rows;
            this.event = event;
            this.chunk = chunk;
        }

        @Override
        public boolean hasNext() {
            if (next == null) {
                Block b = fill();
                next = b == null ? null : chunk.apply(b);
            }
            return next != null;
        }

        @Override
        public C next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            C c = next;
            next = null;
            return c;
        }

        private Block fill() {
            int cap = 1024;
            int[] t = new int[cap];
            int[] a = new int[cap];
            int[] y = new int[cap];
            int[] ev = new int[cap];
            double[] w = p.weight >= 0 ? new double[cap] : null;
            double[][] x = new double[p.covariates.length][cap];
            int m = 0;
            while (m < CHUNK_ROWS && rows.hasNext()) {
                Row r = rows.next();
                double wi = p.weight >= 0 ? number(r.get(p.weight)) : 1;
                if (wi == 0) {
                    continue;
                }
                Object st = r.get(p.study);
                double yi = number(r.get(p.outcome));
                int ai = arm(r.get(p.treatment));
                double ei = event >= 0 ? number(r.get(event)) : 0;
                if (st == null || Double.isNaN(yi) || ai < 0 || Double.isNaN(ei)) {
                    continue;
                }
                boolean complete = true;
                for (int k = 0; k < x.length && complete; k++) {
                    complete = !Double.isNaN(number(r.get(p.covariates[k])));
                }
                if (!complete) {
                    continue;
                }
                if (m == cap) {
                    cap = Math.min(CHUNK_ROWS, cap * 2);
                    t = java.util.Arrays.copyOf(t, cap);
                    a = java.util.Arrays.copyOf(a, cap);
                    y = java.util.Arrays.copyOf(y, cap);
                    ev = java.util.Arrays.copyOf(ev, cap);
                    if (w != null) {
                        w = java.util.Arrays.copyOf(w, cap);
                    }
                    for (int k = 0; k < x.length; k++) {
                        x[k] = java.util.Arrays.copyOf(x[k], cap);
                    }
                }
                t[m] = p.codes.get(st.toString());
                a[m] = ai;
                y[m] = (int) yi;
                ev[m] = (int) ei;
                if (w != null) {
                    w[m] = wi;
                }
                for (int k = 0; k < x.length; k++) {
                    x[k][m] = number(r.get(p.covariates[k]));
                }
                m++;
            }
            if (m == 0) {
                return null;
            }
            double[][] xs = new double[x.length][];
            for (int k = 0; k < x.length; k++) {
                xs[k] = java.util.Arrays.copyOf(x[k], m);
            }
            return new Block(java.util.Arrays.copyOf(t, m), java.util.Arrays.copyOf(a, m), java.util.Arrays.copyOf(y, m),
                    w == null ? null : java.util.Arrays.copyOf(w, m), xs, java.util.Arrays.copyOf(ev, m));
        }
    }

    /** A cell as a number: NaN when null or blank; text is parsed. */
    static double number(Object v) {
        if (v == null) {
            return Double.NaN;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = v.toString().trim();
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + InputException.shorten(s, 60) + "' is not a number");
        }
    }

    /** The arm of a cell: 1, 0, −1 when missing, −2 when not an arm. */
    static int arm(Object v) {
        if (v == null) {
            return -1;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            return d == 1 ? 1 : d == 0 ? 0 : Double.isNaN(d) ? -1 : -2;
        }
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        String s = v.toString();
        if (s.isBlank()) {
            return -1;
        }
        int a = PatientLoader.armCode(s);
        return a >= 0 ? a : -2;
    }

    /** One partition's checks and counts. */
    static final class Scan implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        long rows;
        long kept;
        long keptWeight;
        long zero;
        int maxOutcome;
        /** Patients left out, by the first missing field (study, treatment, outcome, weight, covariates as in idx). */
        final long[] missing;
        /** The row (0-based, within the partition until added to the total) where each reason and weight 0 first occur. */
        final long[] firstMissing;
        long firstZero = Long.MAX_VALUE;
        final Set<String> trials = new HashSet<>();
        /** Each trial's first row with every value (0-based, within the partition until added to the total). */
        final Map<String, Long> firstRow = new java.util.HashMap<>();
        /**
         * The first error of each kind, in the order the loader checks them over the whole file: weights, outcome as a
         * number, arm, each covariate as a number, outcome as a category, outcome within the categories given, then each
         * 0/1 outcome column among the patients kept.
         */
        final String[] errors;
        final String[] errorColumns;
        final long[] errorRows;
        private final int fields;

        /** Patients of the complete cases without a value in each event column, and the first such row. */
        final long[] eventMissing;
        final long[] firstEventMissing;

        Scan(int fields, int events) {
            this.fields = fields;
            missing = new long[fields];
            firstMissing = new long[fields];
            java.util.Arrays.fill(firstMissing, Long.MAX_VALUE);
            eventMissing = new long[events];
            firstEventMissing = new long[events];
            java.util.Arrays.fill(firstEventMissing, Long.MAX_VALUE);
            int k = kinds(fields, events);
            errors = new String[k];
            errorColumns = new String[k];
            errorRows = new long[k];
        }

        /** The kinds of error: weight, outcome number, arm, covariates, outcome category, outcome range, event columns. */
        static int kinds(int fields, int events) {
            return fields + 1 + events;
        }

        static Scan of(Iterator<Row> it, int[] idx, int fields, String[] what, int categories) {
            Scan s = new Scan(fields, idx.length - fields);
            while (it.hasNext()) {
                s.row(it.next(), idx, what, categories);
                s.rows++;
            }
            return s;
        }

        /** The text of a cell as the file holds it. */
        private static String text(Row r, int at) {
            return SparkMeta.text(r.get(at));
        }

        /** A number, or NaN with the error recorded for text that is not one. */
        private double number(Row r, int at, int kind, String column) {
            try {
                return SparkPatients.number(r.get(at));
            } catch (IllegalArgumentException e) {
                fail(kind, column, e.getMessage());
                return Double.NaN;
            }
        }

        /** Checks one row and counts it. */
        private void row(Row r, int[] idx, String[] what, int categories) {
            int q = fields - 4;
            double w = 1;
            if (idx[3] >= 0) {
                w = weight(r, idx[3], what[3]);
            }
            double y = number(r, idx[2], 1, what[2]);
            int a = arm(r.get(idx[1]));
            if (a == -2) {
                fail(2, what[1], "the arm must be 1 (treatment) or 0 (control), not '" + text(r, idx[1]) + "'");
            }
            boolean complete = !Double.isNaN(y) && a >= 0 && r.get(idx[0]) != null;
            int why = Double.isNaN(y) ? 2 : a < 0 ? 1 : r.get(idx[0]) == null ? 0 : -1;
            for (int k = 0; k < q; k++) {
                if (Double.isNaN(number(r, idx[4 + k], 3 + k, what[4 + k])) && why < 0) {
                    why = 4 + k;
                }
            }
            if (!Double.isNaN(y)) {
                if (y < 0 || y != Math.rint(y)) {
                    fail(3 + q, what[2], "the outcome must be a whole-number category from 0 (best) upwards, not "
                            + text(r, idx[2]));
                } else {
                    maxOutcome = (int) Math.max(maxOutcome, Math.min(Integer.MAX_VALUE, y));
                    if (categories > 0 && y >= categories) {
                        fail(4 + q, what[2], "the outcome " + (long) y + " lies outside the categories 0 to " + (categories - 1));
                    }
                }
            }
            if (w == 0 || Double.isNaN(w)) {
                if (w == 0) {
                    firstZero = Math.min(firstZero, rows);
                    zero++;
                }
                return;
            }
            if (why >= 0) {
                firstMissing[why] = Math.min(firstMissing[why], rows);
                missing[why] += (long) w;
                return;
            }
            if (!complete) {
                return;
            }
            String trial = r.get(idx[0]).toString();
            trials.add(trial);
            firstRow.putIfAbsent(trial, rows);
            kept++;
            keptWeight += (long) w;
            for (int e = 0; e < eventMissing.length; e++) {
                int field = fields + e;
                double v = number(r, idx[field], 5 + q + e, what[field]);
                if (Double.isNaN(v)) {
                    if (r.get(idx[field]) == null || text(r, idx[field]).isBlank()) {
                        firstEventMissing[e] = Math.min(firstEventMissing[e], rows);
                        eventMissing[e] += (long) w;
                    }
                } else if (v != 0 && v != 1) {
                    fail(5 + q + e, what[field], "a binary outcome must be 0 or 1, not " + text(r, idx[field]));
                }
            }
        }

        /** The row's case weight as the loader reads it: a whole number of patients; NaN (with the error) otherwise. */
        private double weight(Row r, int at, String column) {
            String text = text(r, at);
            double x;
            try {
                x = SparkPatients.number(r.get(at));
            } catch (IllegalArgumentException e) {
                x = Double.NaN;
            }
            String bad = PatientLoader.weightProblem(text, x);
            if (bad != null) {
                fail(0, column, bad);
                return Double.NaN;
            }
            return x;
        }

        /** Records the first error of a kind. */
        private void fail(int kind, String column, String message) {
            if (errors[kind] == null) {
                errors[kind] = message;
                errorColumns[kind] = column;
                errorRows[kind] = rows;
            }
        }

        /** Adds a partition's scan whose rows follow {@code before} earlier ones. */
        void add(Scan o, long before) {
            rows += o.rows;
            kept += o.kept;
            keptWeight += o.keptWeight;
            zero += o.zero;
            if (o.zero > 0) {
                firstZero = Math.min(firstZero, before + o.firstZero);
            }
            for (int k = 0; k < missing.length; k++) {
                if (o.missing[k] > 0) {
                    firstMissing[k] = Math.min(firstMissing[k], before + o.firstMissing[k]);
                }
            }
            for (int e = 0; e < eventMissing.length; e++) {
                if (o.eventMissing[e] > 0) {
                    firstEventMissing[e] = Math.min(firstEventMissing[e], before + o.firstEventMissing[e]);
                }
                eventMissing[e] += o.eventMissing[e];
            }
            maxOutcome = Math.max(maxOutcome, o.maxOutcome);
            for (int k = 0; k < missing.length; k++) {
                missing[k] += o.missing[k];
            }
            trials.addAll(o.trials);
            o.firstRow.forEach((t, r) -> firstRow.putIfAbsent(t, before + r));
        }
    }
}
