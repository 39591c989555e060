package org.strokemeta.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.BinaryOptions;
import org.strokemeta.ipd.BinaryOutcome;
import org.strokemeta.ipd.BinaryParts;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.OrdinalParts;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.TwoStage;
import org.strokemeta.ordinal.TwoStageResult;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ordinal.ClinicalSummaries;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.UtilityWeights;
import scala.Tuple2;

/**
 * Patient-level models fitted to a Spark DataFrame where its partitions are, with the numbers of the single-machine
 * engine: the proportional-odds (shift) model with cut-points per trial or common ones, adjusted for covariates, and the
 * logistic regression of a binary outcome stratified by trial.
 *
 * <p>The patients are read as {@code strokemeta ipd} reads a file ({@link PatientLoader}: the same columns, checks,
 * complete cases and notes); each partition's patients are then held in memory, arranged for the likelihood, for as long
 * as the fit runs. Newton's method runs on the driver; each of its steps is one pass over the partitions, which return the
 * log-likelihood, gradient and Hessian of their patients, added in partition order ({@link OrdinalParts}). The estimates
 * equal those of {@link ProportionalOdds#fit(org.strokemeta.data.PatientData, PoOptions)} on the same patients to the
 * rounding of the sums.
 */
public final class SparkIpd {
    /** The label of the data in messages: errors name the DataFrame's row, in its order, from 1. */
    public static final String SOURCE = "DataFrame";
    /** Above this many patients Newton's method starts from the fit to a sample (as on one machine). */
    static final long SAMPLE_ABOVE = 250_000;
    /** The size of that sample, about. */
    static final long SAMPLE = 65_536;

    private SparkIpd() {
    }

    /**
     * The proportional-odds model of {@code strokemeta ipd} (cut-points per trial, or common ones, as the options say)
     * on the patients of a DataFrame.
     *
     * @param patients one row per patient, with the columns {@code columns} names (numbers or text, as in a file)
     * @param columns  the trial, arm, outcome, covariate and weight columns, and the number of categories (0: the
     *                 largest outcome + 1)
     * @param options  the fit options; their merge of categories applies to the outcome as read
     * @return the fit, as {@link ProportionalOdds#fit(org.strokemeta.data.PatientData, PoOptions)} gives it
     * @throws org.strokemeta.data.InputException for a missing column or a wrong cell (naming the row), or data from
     *                                            which nothing can be estimated
     */
    public static ProportionalOddsFit shift(Dataset<Row> patients, PatientLoader.Columns columns, PoOptions options) {
        SparkPatients sp = SparkPatients.scan(patients, columns, options.merge(), SOURCE, List.of());
        return shift(patients, sp, sp.all(), options);
    }

    /** The proportional-odds fit with the covariates read at the positions {@code select}. */
    static ProportionalOddsFit shift(Dataset<Row> patients, SparkPatients sp, int[] select, PoOptions options) {
        JavaRDD<OrdinalParts.Chunk> chunks = sp.chunks(patients, true, select).persist(StorageLevel.MEMORY_AND_DISK());
        try (Prepared<OrdinalParts.Prepared> prepared = new Prepared<>()) {
            OrdinalParts.Tally tally = tally(sp, chunks, select.length);
            List<String> names = names(sp, select);
            OrdinalParts.Model model = OrdinalParts.model(tally, sp.source, sp.trialNames, names, options, sp.ordinalNotes());
            double[] start = null;
            if (tally.rows() > SAMPLE_ABOVE) {
                int stride = (int) Math.min(Integer.MAX_VALUE, tally.rows() / SAMPLE);
                List<OrdinalParts.Chunk> sample = chunks.map(c -> c.every(stride)).collect();
                start = OrdinalParts.start(model, model.prepare(OrdinalParts.Chunk.concat(sample)), options);
            }
            return OrdinalParts.fit(model, sums(prepared.of(chunks.map(model::prepare)), model), options, start);
        } finally {
            chunks.unpersist();
        }
    }

    /** The tally of the chunks, added in partition order. */
    private static OrdinalParts.Tally tally(SparkPatients sp, JavaRDD<OrdinalParts.Chunk> chunks, int covariates) {
        int trials = sp.trialNames.size();
        int cats = sp.categories;
        OrdinalParts.Tally none = OrdinalParts.Tally.of(OrdinalParts.Chunk.of(new int[0], new int[0], new int[0], null,
                new double[covariates][0]), trials, cats);
        return call(() -> PartitionSums.sum(chunks, c -> OrdinalParts.Tally.of(c, trials, cats), OrdinalParts.Tally::add,
                none));
    }

    /** The function that sums a model's prepared parts at given parameters: one pass over the partitions each call. */
    private static java.util.function.Function<double[], OrdinalParts.Sums> sums(JavaRDD<OrdinalParts.Prepared> parts,
                                                                                  OrdinalParts.Model model) {
        return par -> call(() -> PartitionSums.sum(parts, p -> model.sums(p, par), OrdinalParts.Sums::add, model.zero()));
    }

    private static List<String> names(SparkPatients sp, int[] select) {
        List<String> names = new ArrayList<>();
        for (int k : select) {
            names.add(sp.covariateNames().get(k));
        }
        return names;
    }

    /** The likelihood-ratio test of proportional odds with the covariates at {@code select}, over the partitions. */
    static org.strokemeta.ordinal.ProportionalOddsCheck poCheck(Dataset<Row> patients, SparkPatients sp, int[] select,
                                                                 PoOptions options) {
        JavaRDD<OrdinalParts.Chunk> chunks = sp.chunks(patients, true, select).persist(StorageLevel.MEMORY_AND_DISK());
        try (Prepared<OrdinalParts.Prepared> prepared = new Prepared<>()) {
            OrdinalParts.Tally tally = tally(sp, chunks, select.length);
            return OrdinalParts.check(tally, sp.source, sp.trialNames, names(sp, select), options, sp.ordinalNotes(),
                    m -> sums(prepared.of(chunks.map(m::prepare)), m));
        } finally {
            chunks.unpersist();
        }
    }

    /** Prepared parts held in memory while a fit runs, released at its end. */
    private static final class Prepared<T> implements AutoCloseable {
        private final List<JavaRDD<T>> held = new ArrayList<>();

        JavaRDD<T> of(JavaRDD<T> rdd) {
            JavaRDD<T> p = rdd.persist(StorageLevel.MEMORY_AND_DISK());
            p.count();
            held.add(p);
            return p;
        }

        @Override
        public void close() {
            held.forEach(JavaRDD::unpersist);
        }
    }

    /**
     * The two-stage analysis of {@code strokemeta ipd --two-stage}: each trial's own proportional-odds fit (adjusted for the
     * covariates within the trial), computed in one task per trial, then the trials' log common odds ratios pooled on the
     * driver. Each trial's patients reach its fit in the DataFrame's order, so every number equals
     * {@link TwoStage#run(org.strokemeta.data.PatientData, PoOptions, MetaOptions)} on the same patients, to the bit. One
     * trial's patients must fit in the memory of one task (about 8 bytes per covariate and 16 more per patient).
     *
     * @param patients one row per patient
     * @param columns  the trial, arm, outcome, covariate and weight columns
     * @param po       the options of each trial's fit; their merge of categories applies to the outcome as read
     * @param mo       the pooling options
     * @return each trial's log common odds ratio and their pooled estimate
     * @throws org.strokemeta.data.InputException for a missing column or a wrong cell (naming the row), or when no trial
     *                                            has an estimable common odds ratio
     */
    public static TwoStageResult twoStage(Dataset<Row> patients, PatientLoader.Columns columns, PoOptions po,
                                          MetaOptions mo) {
        SparkPatients sp = SparkPatients.scan(patients, columns, po.merge(), SOURCE, List.of());
        return twoStage(patients, sp, sp.all(), po, mo);
    }

    /** The two-stage analysis adjusted for the covariates at the positions {@code select}. */
    static TwoStageResult twoStage(Dataset<Row> patients, SparkPatients sp, int[] select, PoOptions po, MetaOptions mo) {
        List<String> trials = sp.trialNames;
        int cats = sp.categories;
        List<String> covariates = names(sp, select);
        int[] first = sp.firstRows;
        // each chunk's rows of each trial, keyed by trial, with their place in the DataFrame's order
        JavaPairRDD<Integer, Tuple2<Long, OrdinalParts.Chunk>> pieces = sp.chunks(patients, true, select)
                .mapPartitionsWithIndex((p, it) -> {
                    List<Tuple2<Integer, Tuple2<Long, OrdinalParts.Chunk>>> out = new ArrayList<>();
                    long j = 0;
                    while (it.hasNext()) {
                        OrdinalParts.Chunk c = it.next();
                        for (int t : c.trials()) {
                            out.add(new Tuple2<>(t, new Tuple2<>(((long) p << 32) + j, c.trial(t))));
                        }
                        j++;
                    }
                    return out.iterator();
                }, true).mapToPair(t -> t);
        List<Tuple2<Integer, TwoStage.Stage>> stages = pieces.groupByKey(Math.max(1, Math.min(trials.size(),
                        patients.javaRDD().getNumPartitions())))
                .mapValues(parts -> {
                    List<Tuple2<Long, OrdinalParts.Chunk>> l = new ArrayList<>();
                    parts.forEach(l::add);
                    l.sort(java.util.Comparator.comparing(Tuple2::_1));
                    return l.stream().map(Tuple2::_2).toList();
                })
                .map(t -> new Tuple2<>(t._1(), TwoStage.stage(OrdinalParts.Chunk.concat(t._2()), t._1(), trials, cats,
                        covariates, first[t._1()], po)))
                .collect();
        List<Tuple2<Integer, TwoStage.Stage>> sorted = new ArrayList<>(stages);
        sorted.sort(java.util.Comparator.comparing(Tuple2::_1));
        return TwoStage.pool(sp.source, sp.ordinalNotes(), sorted.stream().map(Tuple2::_2).toList(), mo);
    }

    /**
     * The logistic regression stratified by trial of {@code strokemeta ipd --binary} ({@code glm(event ~ 0 + study +
     * treatment + covariates, binomial)}, with the standardised risk difference) on the patients of a DataFrame.
     *
     * @param patients one row per patient
     * @param columns  the trial, arm, outcome, covariate and weight columns: the patients read are those with every value
     *                 there (as {@code ipd} reads them, whatever the outcome)
     * @param endpoint the event: mRS 0-K or death from the outcome column, or a 0/1 column (patients without a value
     *                 there are left out of this outcome, with a note)
     * @param options  the covariates of the model (those of {@code columns}, or some of them) and the level; the study
     *                 effect must be {@link StudyEffect#STRATIFIED}
     * @return the fit, as {@link StudyEffect#fit} gives it on one machine
     * @throws org.strokemeta.data.InputException for a missing column or a wrong cell (naming the row)
     * @throws IllegalArgumentException           for a random study effect, a covariate not among the columns, a cut-off
     *                                            out of range, or data from which nothing can be estimated
     */
    public static BinaryResult binary(Dataset<Row> patients, PatientLoader.Columns columns, BinaryEndpoint endpoint,
                                      BinaryOptions options) {
        String column = endpoint instanceof BinaryEndpoint.Column c ? c.name() : null;
        SparkPatients sp = SparkPatients.scan(patients, columns, null, SOURCE, column == null ? List.of() : List.of(column));
        return binary(patients, sp, endpoint, options).result();
    }

    /** The logistic model of a binary outcome with the counts of the patients in it (scanned with its 0/1 column). */
    static IpdAnalysis.Binary binary(Dataset<Row> patients, SparkPatients sp, BinaryEndpoint endpoint, BinaryOptions options) {
        if (options.studyEffect() != StudyEffect.STRATIFIED) {
            throw new UnsupportedOperationException("the logistic model with a random trial intercept runs on one machine:"
                    + " fit the model stratified by trial here (see docs/spark.md)");
        }
        int[] select = sp.select(options.covariates());
        String column = endpoint instanceof BinaryEndpoint.Column c ? c.name() : null;
        String event = BinaryOutcome.name(endpoint, sp.rawCategories);
        List<Note> notes = new ArrayList<>(sp.notes);
        if (column != null && sp.eventNote(column) != null) {
            notes.add(sp.eventNote(column));
        }
        JavaRDD<BinaryParts.Chunk> chunks = sp.binaryChunks(patients, endpoint, select)
                .persist(StorageLevel.MEMORY_AND_DISK());
        try (Prepared<BinaryParts.Prepared> prepared = new Prepared<>()) {
            int trials = sp.trialNames.size();
            BinaryParts.Tally none = BinaryParts.Tally.of(BinaryParts.Chunk.of(new int[0], new int[0], new int[0], null,
                    new double[select.length][0]), trials);
            BinaryParts.Tally tally = call(() -> PartitionSums.sum(chunks, c -> BinaryParts.Tally.of(c, trials),
                    BinaryParts.Tally::add, none));
            BinaryParts.Model model = BinaryParts.model(tally, sp.trialNames, notes, event, options);
            BinaryResult result;
            if (model.separated()) {
                result = BinaryParts.fit(model, null, options, null);
            } else {
                double[] start = null;
                if (select.length > 0 && tally.rows() > SAMPLE_ABOVE) {
                    int stride = (int) Math.min(Integer.MAX_VALUE, tally.rows() / SAMPLE);
                    List<BinaryParts.Chunk> sample = chunks.map(c -> c.every(stride)).collect();
                    start = BinaryParts.start(model, model.prepare(BinaryParts.Chunk.concat(sample)));
                }
                JavaRDD<BinaryParts.Prepared> parts = prepared.of(chunks.map(model::prepare));
                int np = model.parameters();
                result = BinaryParts.fit(model, new BinaryParts.Passes() {
                    @Override
                    public BinaryParts.Sums sums(double[] par) {
                        return call(() -> PartitionSums.sum(parts, p -> model.sums(p, par), BinaryParts.Sums::add,
                                model.zero()));
                    }

                    @Override
                    public double maxEta(double[] par) {
                        return parts.map(p -> model.maxEta(p, par)).fold(0.0, Math::max);
                    }

                    @Override
                    public double[] standardise(double[] par) {
                        return call(() -> PartitionSums.sum(parts, p -> model.standardise(p, par), SparkIpd::plus,
                                new double[np + 2]));
                    }
                }, options, start);
            }
            return new IpdAnalysis.Binary(result, tally.events(1), tally.patients(1), tally.events(0), tally.patients(0));
        } finally {
            chunks.unpersist();
        }
    }

    /**
     * The analysis of {@code strokemeta ipd} on the patients of a DataFrame: the same models, notes and result as
     * {@link IpdAnalysis#run(org.strokemeta.data.PatientData, IpdRequest)} on the same patients read from a file. The
     * stratified and common ordinal models, their test of proportional odds, the two-stage analysis, the stratified
     * logistic models and the clinical summaries are computed where the partitions are. Mixed models, a random trial
     * intercept, interactions, and nominal or scale effects need every patient in one place: they run after the
     * DataFrame is collected to the driver, when it has at most {@code collectLimit} patients, and are refused beyond.
     *
     * @param patients     one row per patient
     * @param columns      the trial, arm, outcome, covariate and weight columns (the covariates: those of the request and
     *                     of its interactions)
     * @param r            the request
     * @param collectLimit the most rows collected to the driver for the models that need them there
     * @return the analysis
     * @throws org.strokemeta.data.InputException for a missing column or a wrong cell (naming the row)
     * @throws UnsupportedOperationException      when a model needs the patients in one place and there are more rows
     *                                            than {@code collectLimit}
     */
    public static IpdAnalysis.Outcome analyze(Dataset<Row> patients, PatientLoader.Columns columns, IpdRequest r,
                                              long collectLimit) {
        return analyze(patients, columns, r, collectLimit, new Label(SOURCE, 1));
    }

    /**
     * How the data are named in messages and notes: a label, and the number of the first row.
     *
     * @param name      the label ("DataFrame", a file's name, a table's name)
     * @param firstLine the number of the first row: 1 for a DataFrame's rows; 2 for a CSV file read with its header, so
     *                  that rows are numbered as the file's lines (and a name ending in .csv makes messages say "line")
     * @serial exclude
     */
    public record Label(String name, int firstLine) implements java.io.Serializable {
    }

    /**
     * The analysis of {@link #analyze(Dataset, PatientLoader.Columns, IpdRequest, long)}, the data named as {@code label}
     * says (the launcher names a file's rows by its lines, as {@code strokemeta ipd} does).
     *
     * @param patients     one row per patient
     * @param columns      the trial, arm, outcome, covariate and weight columns
     * @param r            the request
     * @param collectLimit the most rows collected to the driver for the models that need them there
     * @param label        how messages name the data and their rows
     * @return the analysis
     * @throws org.strokemeta.data.InputException for a missing column or a wrong cell (naming the row)
     * @throws UnsupportedOperationException      when a model needs the patients in one place and there are more rows
     *                                            than {@code collectLimit}
     */
    public static IpdAnalysis.Outcome analyze(Dataset<Row> patients, PatientLoader.Columns columns, IpdRequest r,
                                              long collectLimit, Label label) {
        List<String> events = new ArrayList<>();
        for (BinaryEndpoint b : r.binary()) {
            if (b instanceof BinaryEndpoint.Column c && !events.contains(c.name())) {
                events.add(c.name());
            }
        }
        boolean cached = !patients.storageLevel().useMemory() && !patients.storageLevel().useDisk();
        Dataset<Row> data = cached ? patients.persist(StorageLevel.MEMORY_AND_DISK()) : patients;
        try {
            SparkPatients sp = SparkPatients.scan(data, columns, r.merge(), label.name(), label.firstLine(), events);
            String why = oneMachine(r);
            if (why != null) {
                if (sp.rows + sp.excluded > collectLimit) {
                    throw new UnsupportedOperationException(why + " runs on one machine, after the DataFrame is collected to"
                            + " the driver, which is allowed up to " + collectLimit + " rows; this DataFrame has "
                            + (sp.rows + sp.excluded) + " (see docs/spark.md)");
                }
                return IpdAnalysis.run(PatientLoader.load(collect(data, label), columns), r);
            }
            return IpdAnalysis.run(new Distributed(data, sp), r);
        } finally {
            if (cached) {
                data.unpersist();
            }
        }
    }

    /** What in the request needs every patient on one machine, or null. */
    static String oneMachine(IpdRequest r) {
        if (r.ordinal() && r.ordinalModel() == IpdRequest.OrdinalModel.MIXED) {
            return "the mixed ordinal model";
        }
        if (!r.binary().isEmpty() && r.binaryModel() == StudyEffect.RANDOM_INTERCEPT) {
            return "the logistic model with a random trial intercept";
        }
        if (!r.interactions().isEmpty()) {
            return "the treatment-by-covariate interactions";
        }
        if (r.ordinal() && (!r.nominal().isEmpty() || !r.scale().isEmpty())) {
            return "the ordinal model with nominal or scale effects";
        }
        return null;
    }

    /** Every row of the DataFrame as the table a CSV file of it would give, rows numbered as the label says. */
    static org.strokemeta.data.Table collect(Dataset<Row> data, Label label) {
        List<String> header = List.of(data.schema().fieldNames());
        List<Row> rows = data.collectAsList();
        List<List<String>> cells = new ArrayList<>(rows.size());
        int[] lines = new int[rows.size()];
        for (int i = 0; i < lines.length; i++) {
            Row row = rows.get(i);
            List<String> c = new ArrayList<>(header.size());
            for (int j = 0; j < header.size(); j++) {
                c.add(SparkMeta.text(row.get(j)));
            }
            cells.add(c);
            lines[i] = i + label.firstLine();
        }
        return org.strokemeta.data.Table.ofRows(label.name(), header, cells, lines, List.of());
    }

    /** The patients of a DataFrame as the analysis sees them: each model computed where the partitions are. */
    private static final class Distributed implements IpdAnalysis.Patients {
        private final Dataset<Row> data;
        private final SparkPatients sp;
        private OrdinalParts.Tally counts;

        Distributed(Dataset<Row> data, SparkPatients sp) {
            this.data = data;
            this.sp = sp;
        }

        /** Patients by trial, outcome category (as read) and arm. */
        private synchronized OrdinalParts.Tally counts() {
            if (counts == null) {
                JavaRDD<OrdinalParts.Chunk> raw = sp.chunks(data, false, new int[0]);
                int trials = sp.trialNames.size();
                int cats = sp.rawCategories;
                OrdinalParts.Tally none = OrdinalParts.Tally.of(OrdinalParts.Chunk.of(new int[0], new int[0], new int[0],
                        null, new double[0][0]), trials, cats);
                counts = call(() -> PartitionSums.sum(raw, c -> OrdinalParts.Tally.of(c, trials, cats),
                        OrdinalParts.Tally::add, none));
            }
            return counts;
        }

        @Override
        public IpdAnalysis.Summary summary() {
            OrdinalParts.Tally t = counts();
            int[][] arms = new int[sp.trialNames.size()][2];
            for (int s = 0; s < arms.length; s++) {
                for (int j = 0; j < sp.rawCategories; j++) {
                    arms[s][0] += (int) t.weight(s, j, 0);
                    arms[s][1] += (int) t.weight(s, j, 1);
                }
            }
            return new IpdAnalysis.Summary(sp.source, (int) sp.patients, (int) sp.rows, sp.weighted(), (int) sp.excluded,
                    sp.rawCategories, sp.trialNames, arms);
        }

        @Override
        public org.strokemeta.data.PatientData data() {
            return null;
        }

        @Override
        public List<Note> notes() {
            return sp.notes;
        }

        @Override
        public IpdAnalysis.Shift shift(List<String> covariates, IpdRequest r, boolean primary) {
            Thresholds th = r.ordinalModel() == IpdRequest.OrdinalModel.COMMON ? Thresholds.COMMON : Thresholds.STRATIFIED;
            PoOptions o = IpdAnalysis.ordinalOptions(r, th).withLink(r.link());
            return IpdAnalysis.shift(SparkIpd.shift(data, sp, sp.select(covariates), o), r);
        }

        @Override
        public TwoStageResult twoStage(IpdRequest r) {
            return SparkIpd.twoStage(data, sp, sp.select(r.covariates()), IpdAnalysis.ordinalOptions(r, Thresholds.STRATIFIED),
                    r.twoStage());
        }

        @Override
        public IpdAnalysis.Binary binary(BinaryEndpoint b, BinaryOptions o) {
            return SparkIpd.binary(data, sp, b, o);
        }

        @Override
        public org.strokemeta.ordinal.ProportionalOddsCheck poCheck(List<String> covariates, PoOptions o) {
            return SparkIpd.poCheck(data, sp, sp.select(covariates), o);
        }

        @Override
        public EffectModification.Interaction shiftInteraction(String covariate, IpdRequest r) {
            throw new UnsupportedOperationException("interactions need every patient on one machine");
        }

        @Override
        public EffectModification.Interaction binaryInteraction(BinaryEndpoint b, String covariate, IpdRequest r) {
            throw new UnsupportedOperationException("interactions need every patient on one machine");
        }

        @Override
        public ClinicalSummaries clinical(UtilityWeights weights, double level) {
            OrdinalParts.Tally t = counts();
            int k = sp.trialNames.size();
            int cats = sp.rawCategories;
            double[][] tr = new double[k][cats];
            double[][] ct = new double[k][cats];
            for (int s = 0; s < k; s++) {
                for (int j = 0; j < cats; j++) {
                    tr[s][j] = t.weight(s, j, 1);
                    ct[s][j] = t.weight(s, j, 0);
                }
            }
            OrdinalTable table = new OrdinalTable(sp.source, sp.trialNames.toArray(new String[0]), new int[k], tr, ct, cats,
                    List.of());
            return ClinicalSummaries.of(table, table, weights, level);
        }
    }

    private static double[] plus(double[] a, double[] b) {
        double[] s = a.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] += b[i];
        }
        return s;
    }

    /** A Spark action whose checked exceptions are rethrown unchecked (runtime ones as they are). */
    static <T> T call(java.util.concurrent.Callable<T> action) {
        try {
            return action.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
