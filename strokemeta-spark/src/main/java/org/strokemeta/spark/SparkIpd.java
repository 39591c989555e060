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
        JavaRDD<OrdinalParts.Chunk> chunks = sp.chunks(patients).persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<OrdinalParts.Prepared> prepared = null;
        try {
            int trials = sp.trialNames.size();
            int cats = sp.categories;
            int q = sp.covariateNames().size();
            OrdinalParts.Tally none = OrdinalParts.Tally.of(OrdinalParts.Chunk.of(new int[0], new int[0], new int[0],
                    null, new double[q][0]), trials, cats);
            OrdinalParts.Tally tally = call(() -> PartitionSums.sum(chunks, c -> OrdinalParts.Tally.of(c, trials, cats),
                    OrdinalParts.Tally::add, none));
            OrdinalParts.Model model = OrdinalParts.model(tally, SOURCE, sp.trialNames, sp.covariateNames(), options,
                    sp.ordinalNotes());
            double[] start = null;
            if (tally.rows() > SAMPLE_ABOVE) {
                int stride = (int) Math.min(Integer.MAX_VALUE, tally.rows() / SAMPLE);
                List<OrdinalParts.Chunk> sample = chunks.map(c -> c.every(stride)).collect();
                start = OrdinalParts.start(model, model.prepare(OrdinalParts.Chunk.concat(sample)), options);
            }
            prepared = chunks.map(model::prepare).persist(StorageLevel.MEMORY_AND_DISK());
            prepared.count();
            chunks.unpersist();
            JavaRDD<OrdinalParts.Prepared> parts = prepared;
            return OrdinalParts.fit(model, par -> call(() -> PartitionSums.sum(parts, p -> model.sums(p, par),
                    OrdinalParts.Sums::add, model.zero())), options, start);
        } finally {
            chunks.unpersist();
            if (prepared != null) {
                prepared.unpersist();
            }
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
        List<String> trials = sp.trialNames;
        int cats = sp.categories;
        List<String> covariates = sp.covariateNames();
        // each chunk's rows of each trial, keyed by trial, with their place in the DataFrame's order
        JavaPairRDD<Integer, Tuple2<Long, OrdinalParts.Chunk>> pieces = sp.chunks(patients)
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
                        covariates, po)))
                .collect();
        List<Tuple2<Integer, TwoStage.Stage>> sorted = new ArrayList<>(stages);
        sorted.sort(java.util.Comparator.comparing(Tuple2::_1));
        return TwoStage.pool(SOURCE, sp.ordinalNotes(), sorted.stream().map(Tuple2::_2).toList(), mo);
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
        if (options.studyEffect() != StudyEffect.STRATIFIED) {
            throw new IllegalArgumentException("the logistic model with a random trial intercept runs on one machine: fit the"
                    + " model stratified by trial here (see docs/spark.md)");
        }
        int[] select = new int[options.covariates().size()];
        for (int k = 0; k < select.length; k++) {
            select[k] = columns.covariates().indexOf(options.covariates().get(k));
            if (select[k] < 0) {
                throw new IllegalArgumentException("the covariate " + options.covariates().get(k) + " of the model is not among"
                        + " the columns read (" + String.join(", ", columns.covariates()) + ")");
            }
        }
        String column = endpoint instanceof BinaryEndpoint.Column c ? c.name() : null;
        SparkPatients sp = SparkPatients.scan(patients, columns, null, SOURCE, column == null ? List.of() : List.of(column));
        String event = eventName(endpoint, sp.rawCategories);
        List<Note> notes = new ArrayList<>(sp.notes);
        if (column != null && sp.eventNote(column) != null) {
            notes.add(sp.eventNote(column));
        }
        JavaRDD<BinaryParts.Chunk> chunks = sp.binaryChunks(patients, endpoint, select)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaRDD<BinaryParts.Prepared> prepared = null;
        try {
            int trials = sp.trialNames.size();
            BinaryParts.Tally none = BinaryParts.Tally.of(BinaryParts.Chunk.of(new int[0], new int[0], new int[0], null,
                    new double[select.length][0]), trials);
            BinaryParts.Tally tally = call(() -> PartitionSums.sum(chunks, c -> BinaryParts.Tally.of(c, trials),
                    BinaryParts.Tally::add, none));
            BinaryParts.Model model = BinaryParts.model(tally, sp.trialNames, notes, event, options);
            if (model.separated()) {
                return BinaryParts.fit(model, null, options, null);
            }
            double[] start = null;
            if (select.length > 0 && tally.rows() > SAMPLE_ABOVE) {
                int stride = (int) Math.min(Integer.MAX_VALUE, tally.rows() / SAMPLE);
                List<BinaryParts.Chunk> sample = chunks.map(c -> c.every(stride)).collect();
                start = BinaryParts.start(model, model.prepare(BinaryParts.Chunk.concat(sample)));
            }
            prepared = chunks.map(model::prepare).persist(StorageLevel.MEMORY_AND_DISK());
            prepared.count();
            chunks.unpersist();
            JavaRDD<BinaryParts.Prepared> parts = prepared;
            int np = model.parameters();
            return BinaryParts.fit(model, new BinaryParts.Passes() {
                @Override
                public BinaryParts.Sums sums(double[] par) {
                    return call(() -> PartitionSums.sum(parts, p -> model.sums(p, par), BinaryParts.Sums::add, model.zero()));
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
        } finally {
            chunks.unpersist();
            if (prepared != null) {
                prepared.unpersist();
            }
        }
    }

    /** The outcome's name as {@code ipd} gives it; checks the cut-off. */
    static String eventName(BinaryEndpoint endpoint, int categories) {
        if (endpoint instanceof BinaryEndpoint.MrsAtMost m) {
            if (m.k() >= categories - 1) {
                throw new IllegalArgumentException("the cut-off must lie between 0 and " + (categories - 2));
            }
            return "mRS 0-" + m.k();
        }
        if (endpoint instanceof BinaryEndpoint.Death) {
            return categories == 7 ? "death (mRS 6)" : "outcome " + (categories - 1) + " or worse";
        }
        return ((BinaryEndpoint.Column) endpoint).name();
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
