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
        List<Scan> scans = data.javaRDD().mapPartitionsWithIndex((p, it) -> List.of(Scan.of(it, idx, fields, what)).iterator(),
                true).collect();
        long before = 0;
        Scan total = new Scan(fields, events.size());
        for (Scan s : scans) {
            if (s.error != null) {
                throw new InputException(source, row(before + s.errorRow), s.errorColumn, s.error);
            }
            total.add(s, before);
            before += s.rows;
        }
        if (before == 0) {
            throw InputException.of(source, "the DataFrame has no rows");
        }
        int cats = c.categories() > 0 ? c.categories() : total.maxOutcome + 1;
        if (total.maxOutcome >= cats) {
            throw InputException.of(source, "column " + what[2] + ": the outcome " + total.maxOutcome
                    + " lies outside the categories 0 to " + (cats - 1));
        }
        if (cats < 2) {
            throw InputException.of(source, "the outcome takes a single value: there is nothing to compare");
        }
        List<Note> notes = new ArrayList<>();
        if (total.zero > 0) {
            int first = row(total.firstZero);
            notes.add(new Note(first, null, Note.Kind.EXCLUDED, total.zero + " row" + (total.zero == 1 ? "" : "s")
                    + " of weight 0 left out (first on row " + first + "): they stand for no patient"));
        }
        // in the order the reasons first occur, as the loader lists them
        Integer[] order = new Integer[fields];
        java.util.Arrays.setAll(order, k -> k);
        java.util.Arrays.sort(order, java.util.Comparator.comparingLong(k -> total.firstMissing[k]));
        for (int k : order) {
            long m = total.missing[k];
            if (m > 0) {
                int first = row(total.firstMissing[k]);
                notes.add(new Note(first, null, Note.Kind.EXCLUDED, m + " patient" + (m == 1 ? "" : "s") + " left out: "
                        + what[k] + " is missing (first on row " + first + "; complete-case analysis)"));
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
            int first = row(total.firstEventMissing[e]);
            String col = what[fields + e];
            eventNotes.add(m == 0 ? null : new Note(0, null, Note.Kind.EXCLUDED, m + " patient" + (m == 1 ? "" : "s")
                    + " left out: " + col + " is missing (first on row " + first + "; complete-case analysis of " + col + ")"));
        }
        List<String> trialNames = new ArrayList<>(sorted);
        int[] first = new int[trialNames.size()];
        for (int s = 0; s < first.length; s++) {
            first[s] = row(total.firstRow.get(trialNames.get(s)));
        }
        return new SparkPatients(source, idx, fields, c.covariates(), merge, cats, merged, trialNames, first, notes,
                total.kept, events, eventNotes, total.keptWeight, java.util.Arrays.stream(total.missing).sum());
    }

    /** The 1-based row number of a 0-based index, as an int (capped). */
    private static int row(long index) {
        return (int) Math.min(Integer.MAX_VALUE, index + 1);
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

    /** Each partition's patients with every value, as chunks of at most {@link #CHUNK_ROWS}, the outcome merged. */
    JavaRDD<OrdinalParts.Chunk> chunks(Dataset<Row> data) {
        return chunks(data, true, all());
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
     * Each partition's patients with every value, as chunks, the outcome merged or as read, with the covariates read at
     * the positions {@code select}.
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
        eventName(endpoint);
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

    /** Checks that a 0/1 outcome column was scanned. */
    private void eventName(BinaryEndpoint endpoint) {
        if (endpoint instanceof BinaryEndpoint.Column c) {
            eventIndex(c.name());
        }
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
        String error;
        String errorColumn;
        long errorRow;

        /** Patients of the complete cases without a value in each event column, and the first such row. */
        final long[] eventMissing;
        final long[] firstEventMissing;

        Scan(int fields, int events) {
            missing = new long[fields];
            firstMissing = new long[fields];
            java.util.Arrays.fill(firstMissing, Long.MAX_VALUE);
            eventMissing = new long[events];
            firstEventMissing = new long[events];
            java.util.Arrays.fill(firstEventMissing, Long.MAX_VALUE);
        }

        static Scan of(Iterator<Row> it, int[] idx, int fields, String[] what) {
            Scan s = new Scan(fields, idx.length - fields);
            while (it.hasNext() && s.error == null) {
                s.row(it.next(), idx, fields, what);
                s.rows++;
            }
            return s;
        }

        /** Checks one row (the order of PatientLoader: weight, outcome, arm, covariates), counting it. */
        private void row(Row r, int[] idx, int fields, String[] what) {
            int field = 3;
            try {
                double w = 1;
                if (idx[3] >= 0) {
                    w = number(r.get(idx[3]));
                    String bad = Double.isNaN(w) ? "the weight is missing: every row needs the number of patients it stands"
                            + " for" : Double.isInfinite(w) ? "the weight " + w + " is not finite" : w < 0 ? "the weight " + w
                            + " is negative: it must be the number of patients the row stands for, 0 or more"
                            : w != Math.rint(w) ? "the weight " + w + " is not a whole number: a row stands for a whole"
                            + " number of patients" : null;
                    if (bad != null) {
                        fail(what[3], bad);
                        return;
                    }
                    if (w == 0) {
                        firstZero = Math.min(firstZero, rows);
                        zero++;
                        return;
                    }
                }
                field = 2;
                double y = number(r.get(idx[2]));
                if (!Double.isNaN(y) && (y < 0 || y != Math.rint(y))) {
                    fail(what[2], "the outcome must be a whole-number category from 0 (best) upwards, not " + y);
                    return;
                }
                field = 1;
                int a = arm(r.get(idx[1]));
                if (a == -2) {
                    fail(what[1], "the arm must be 1 (treatment) or 0 (control), not '" + r.get(idx[1]) + "'");
                    return;
                }
                int why = Double.isNaN(y) ? 2 : a < 0 ? 1 : r.get(idx[0]) == null ? 0 : -1;
                for (int k = 4; k < fields; k++) {
                    field = k;
                    if (Double.isNaN(number(r.get(idx[k]))) && why < 0) {
                        why = k;
                    }
                }
                if (why >= 0) {
                    firstMissing[why] = Math.min(firstMissing[why], rows);
                    missing[why] += (long) w;
                    return;
                }
                maxOutcome = Math.max(maxOutcome, (int) y);
                String trial = r.get(idx[0]).toString();
                trials.add(trial);
                firstRow.putIfAbsent(trial, rows);
                kept++;
                keptWeight += (long) w;
                for (int e = 0; e < eventMissing.length; e++) {
                    field = fields + e;
                    Object cell = r.get(idx[field]);
                    double v = number(cell);
                    if (Double.isNaN(v)) {
                        firstEventMissing[e] = Math.min(firstEventMissing[e], rows);
                        eventMissing[e] += (long) w;
                    } else if (v != 0 && v != 1) {
                        fail(what[field], "a binary outcome must be 0 or 1, not " + cell);
                        return;
                    }
                }
            } catch (IllegalArgumentException e) {
                fail(what[field], e.getMessage());
            }
        }

        private void fail(String column, String message) {
            error = message;
            errorColumn = column;
            errorRow = rows;
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
