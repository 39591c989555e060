package org.strokemeta.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.BinaryOptions;
import org.strokemeta.ipd.BinaryOutcome;
import org.strokemeta.ipd.BinaryResult;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.ordinal.TwoStage;
import org.strokemeta.ordinal.TwoStageResult;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;
import org.strokemeta.report.IpdReport;

/** Patient-level models on a local Spark (two cores, files split into several partitions) equal the single machine's. */
class SparkIpdTest {
    static SparkSession spark;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        spark = SparkSession.builder().master("local[2]").appName("strokemeta-test").config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "3").config("spark.sql.files.maxPartitionBytes", "200000")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
    }

    /**
     * Patients of seven trials (labels that sort by number: "Trial 2" before "Trial 10"), mRS 0-6 from a shift with age,
     * NIHSS and sex; {@code blanks} of the age cells left empty.
     */
    static Path patients(String name, int n, long seed, int blanks) throws IOException {
        return patients(dir, name, n, seed, blanks);
    }

    /** The same, written in {@code where}. */
    static Path patients(Path where, String name, int n, long seed, int blanks) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder b = new StringBuilder("study,treatment,mrs,age,nihss,sex,sich\n");
        for (int i = 0; i < n; i++) {
            int t = r.nextInt(7);
            int arm = r.nextInt(2);
            double age = Math.round((45 + 40 * r.nextDouble()) * 10) / 10.0;
            int nihss = 4 + r.nextInt(22);
            int sex = r.nextInt(2);
            double u = r.nextDouble();
            double lat = -0.6 * arm + 0.035 * (age - 65) + 0.12 * (nihss - 15) + 0.15 * sex + 0.25 * (t - 3) + 2.4
                    + Math.log(u / (1 - u));
            int mrs = Math.max(0, Math.min(6, (int) Math.floor(lat)));
            String sich = i % 101 == 7 ? "" : r.nextDouble() < 0.04 + 0.02 * arm + 0.002 * (nihss - 14) ? "1" : "0";
            b.append("Trial ").append(t == 0 ? 10 : t + 1).append(',').append(arm).append(',').append(mrs).append(',')
                    .append(i % 997 < blanks ? "" : Double.toString(age)).append(',').append(nihss).append(',').append(sex)
                    .append(',').append(sich).append('\n');
        }
        Path p = where.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    static Dataset<Row> read(Path p) {
        return spark.read().option("header", "true").option("inferSchema", "true").csv(p.toString());
    }

    static PatientData load(Path p, PatientLoader.Columns c) throws IOException {
        return PatientLoader.load(CsvReader.read(p), c);
    }

    static void assertSame(ProportionalOddsFit spark, ProportionalOddsFit one, double tol) {
        assertThat(spark.converged()).as(spark.message()).isTrue();
        assertThat(spark.names()).isEqualTo(one.names());
        assertThat(spark.strata()).isEqualTo(one.strata());
        for (int k = 0; k < one.beta().length; k++) {
            assertThat(rel(spark.beta(k), one.beta(k))).as(one.names().get(k)).isLessThanOrEqualTo(tol);
            assertThat(rel(spark.se(k), one.se(k))).isLessThanOrEqualTo(tol);
        }
        for (int s = 0; s < one.cutPoints().length; s++) {
            for (int j = 0; j < one.cutPoints()[s].length; j++) {
                assertThat(rel(spark.cutPoints(s, j), one.cutPoints(s, j))).isLessThanOrEqualTo(tol);
                assertThat(rel(spark.cutPointSe(s, j), one.cutPointSe(s, j))).isLessThanOrEqualTo(tol);
            }
        }
        assertThat(rel(spark.logLik(), one.logLik())).isLessThanOrEqualTo(tol);
        assertThat(spark.patients()).isEqualTo(one.patients());
        assertThat(spark.observations()).isEqualTo(one.observations());
    }

    static double rel(double a, double b) {
        return a == b ? 0 : Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
    }

    @Test
    void stratified_adjusted_shift_on_partitions_equals_the_single_machine_fit() throws IOException {
        Path p = patients("shift.csv", 40_000, 1, 0);
        Dataset<Row> df = read(p);
        assertThat(df.javaRDD().getNumPartitions()).isGreaterThan(3);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss", "sex"));
        PoOptions o = PoOptions.defaults();
        ProportionalOddsFit one = ProportionalOdds.fit(load(p, c), o);
        ProportionalOddsFit fit = SparkIpd.shift(df, c, o);
        assertSame(fit, one, 1e-10);
        assertThat(fit.iterations()).isEqualTo(one.iterations());
        assertThat(fit.strata()).startsWith("Trial 2", "Trial 3");
        assertThat(fit.strata()).endsWith("Trial 10");
        assertThat(fit.notes()).isEqualTo(one.notes());
        // the same again, to the bit: the partitions' sums are added in a fixed order
        ProportionalOddsFit again = SparkIpd.shift(df, c, o);
        assertThat(again.beta()).containsExactly(fit.beta());
        assertThat(again.se()).containsExactly(fit.se());
        // many partitions: the sums go through the tree
        ProportionalOddsFit tree = SparkIpd.shift(df.repartition(PartitionSums.DIRECT + 9), c, o);
        assertSame(tree, one, 1e-10);
    }

    @Test
    void common_cut_points_merged_categories_and_unadjusted_model_equal_the_single_machine_fit() throws IOException {
        Path p = patients("common.csv", 20_000, 2, 0);
        PoOptions o = PoOptions.defaults().withThresholds(Thresholds.COMMON).withMerge(CategoryMerge.mrs56());
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age"));
        assertSame(SparkIpd.shift(read(p), c, o), ProportionalOdds.fit(load(p, c), o), 1e-10);
        PatientLoader.Columns bare = new PatientLoader.Columns("study", "treatment", "mrs", 0, List.of());
        ProportionalOddsFit one = ProportionalOdds.fit(load(p, bare), o);
        ProportionalOddsFit fit = SparkIpd.shift(read(p), bare, o);
        assertSame(fit, one, 1e-10);
        assertThat(fit.categories()).isEqualTo(6);
        assertThat(fit.notes()).isEqualTo(one.notes());
    }

    @Test
    void more_than_a_quarter_million_patients_start_from_a_sample_and_reach_the_same_estimate() throws IOException {
        Path p = patients("large.csv", 300_000, 3, 0);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss"));
        PoOptions o = PoOptions.defaults();
        assertSame(SparkIpd.shift(read(p), c, o), ProportionalOdds.fit(load(p, c), o), 1e-8);
    }

    @Test
    void patients_with_a_missing_value_are_left_out_and_counted_as_on_one_machine() throws IOException {
        Path p = patients("blanks.csv", 5_000, 4, 3);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "sex"));
        PoOptions o = PoOptions.defaults();
        PatientData d = load(p, c);
        ProportionalOddsFit fit = SparkIpd.shift(read(p), c, o);
        assertSame(fit, ProportionalOdds.fit(d, o), 1e-10);
        // the loader numbers the file's lines (header = line 1), the DataFrame its rows
        Note file = d.notes().get(0);
        Note frame = fit.notes().get(0);
        assertThat(frame.line()).isEqualTo(file.line() - 1);
        assertThat(frame.message()).isEqualTo(file.message().replace("line " + file.line(), "row " + frame.line()))
                .startsWith((5_000 - d.size()) + " patients left out: age is missing (first on row 1;");
    }

    static void assertSame(BinaryResult a, BinaryResult b, double tol) {
        assertThat(a.converged()).as(a.convergence()).isTrue();
        assertThat(a.separation()).isEqualTo(b.separation());
        assertThat(a.event()).isEqualTo(b.event());
        for (int i = 0; i < b.coefficients().size(); i++) {
            assertThat(a.coefficients().get(i).name()).isEqualTo(b.coefficients().get(i).name());
            assertThat(rel(a.coefficients().get(i).estimate(), b.coefficients().get(i).estimate())).isLessThanOrEqualTo(tol);
            assertThat(rel(a.coefficients().get(i).se(), b.coefficients().get(i).se())).isLessThanOrEqualTo(tol);
        }
        assertThat(a.intercepts()).hasSameSizeAs(b.intercepts());
        for (int i = 0; i < b.intercepts().size(); i++) {
            assertThat(a.intercepts().get(i).name()).isEqualTo(b.intercepts().get(i).name());
            assertThat(rel(a.intercepts().get(i).estimate(), b.intercepts().get(i).estimate())).isLessThanOrEqualTo(tol);
        }
        assertThat(rel(a.riskDifference().estimate(), b.riskDifference().estimate())).isLessThanOrEqualTo(tol);
        assertThat(rel(a.riskDifference().se(), b.riskDifference().se())).isLessThanOrEqualTo(tol);
        assertThat(rel(a.logLik(), b.logLik())).isLessThanOrEqualTo(tol);
        assertThat(a.patients()).isEqualTo(b.patients());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.iterations()).isEqualTo(b.iterations());
    }

    @Test
    void logistic_models_of_binary_outcomes_equal_the_single_machine_fits() throws IOException {
        Path p = patients("binary.csv", 30_000, 6, 0);
        Dataset<Row> df = read(p);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss", "sex"));
        PatientData d = load(p, c);
        BinaryOptions o = BinaryOptions.defaults().withCovariates(List.of("age", "nihss"));
        BinaryResult good = SparkIpd.binary(df, c, new BinaryEndpoint.MrsAtMost(2), o);
        BinaryResult goodOne = StudyEffect.STRATIFIED.fit(d, BinaryOutcome.atMost(d, 2), o);
        assertSame(good, goodOne, 1e-10);
        assertThat(good.notes()).isEqualTo(goodOne.notes());
        assertSame(SparkIpd.binary(df, c, new BinaryEndpoint.Death(), BinaryOptions.defaults()),
                StudyEffect.STRATIFIED.fit(d, BinaryOutcome.atLeast(d, 6), BinaryOptions.defaults()), 1e-10);
        // a 0/1 column with blanks: those patients are left out of this outcome, with a note
        IpdAnalysis.Outcome ipd = IpdAnalysis.run(d, IpdRequest.defaults().withCovariates(List.of("age", "nihss"))
                .withOrdinal(false).withBinary(List.of(new BinaryEndpoint.Column("sich"))));
        BinaryResult sichOne = ipd.binary().get(0).result();
        BinaryResult sich = SparkIpd.binary(df, c, new BinaryEndpoint.Column("sich"), o);
        assertSame(sich, sichOne, 1e-10);
        Note file = sichOne.notes().get(sichOne.notes().size() - 1);
        assertThat(file.message()).contains("sich is missing (first on line 9;");
        assertThat(sich.notes()).anySatisfy(n -> assertThat(n.message()).isEqualTo(file.message().replace("line 9", "row 8")));
        assertThatThrownBy(() -> SparkIpd.binary(df, c, new BinaryEndpoint.MrsAtMost(2), o.withStudyEffect(StudyEffect.RANDOM_INTERCEPT)))
                .hasMessageContaining("runs on one machine");
    }

    @Test
    void two_stage_analysis_by_trial_equals_the_single_machine_to_the_bit() throws IOException {
        Path p = patients("twostage.csv", 30_000, 7, 0);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss"));
        PoOptions po = PoOptions.defaults().withMerge(CategoryMerge.mrs56());
        MetaOptions mo = MetaOptions.defaults().withTau2(Tau2Method.REML);
        TwoStageResult one = TwoStage.run(load(p, c), po, mo);
        TwoStageResult two = SparkIpd.twoStage(read(p), c, po, mo);
        assertThat(two.trials()).hasSize(7);
        for (int i = 0; i < 7; i++) {
            assertThat(two.trials().get(i).study()).isEqualTo(one.trials().get(i).study());
            assertThat(two.trials().get(i).effect().logCor()).isEqualTo(one.trials().get(i).effect().logCor());
            assertThat(two.trials().get(i).effect().se()).isEqualTo(one.trials().get(i).effect().se());
        }
        assertThat(two.pooled().pooled().estimate()).isEqualTo(one.pooled().pooled().estimate());
        assertThat(two.pooled().pooled().se()).isEqualTo(one.pooled().pooled().se());
        assertThat(two.pooled().tau2().tau2()).isEqualTo(one.pooled().tau2().tau2());
        assertThat(two.notes()).isEqualTo(one.notes());
    }

    /** Every number of two JSON documents equal to {@code tol} relative, everything else exactly. */
    static void assertSameJson(com.fasterxml.jackson.databind.JsonNode a, com.fasterxml.jackson.databind.JsonNode b,
                               String path, double tol) {
        if (b.isNumber() && a.isNumber()) {
            assertThat(rel(a.doubleValue(), b.doubleValue())).as(path).isLessThanOrEqualTo(tol);
        } else if (b.isObject()) {
            assertThat(a.isObject()).as(path).isTrue();
            List<String> an = new java.util.ArrayList<>();
            a.fieldNames().forEachRemaining(an::add);
            List<String> bn = new java.util.ArrayList<>();
            b.fieldNames().forEachRemaining(bn::add);
            assertThat(an).as(path).isEqualTo(bn);
            for (String f : bn) {
                assertSameJson(a.get(f), b.get(f), path + "." + f, tol);
            }
        } else if (b.isArray()) {
            assertThat(a.size()).as(path).isEqualTo(b.size());
            for (int i = 0; i < b.size(); i++) {
                assertSameJson(a.get(i), b.get(i), path + "[" + i + "]", tol);
            }
        } else if (b.isTextual() && b.asText().startsWith("converged: largest gradient")) {
            // the size of the last gradient and step is rounding, which differs with the order of the sums
            assertThat(a.asText()).as(path).startsWith("converged: largest gradient");
        } else {
            assertThat(a).as(path).isEqualTo(b);
        }
    }

    @Test
    void the_whole_patient_level_analysis_equals_the_single_machine_report() throws IOException {
        Path p = patients("analysis.csv", 24_000, 8, 2);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "nihss"));
        IpdRequest r = IpdRequest.defaults().withCovariates(List.of("age", "nihss"))
                .withBinary(List.of(new BinaryEndpoint.MrsAtMost(2), new BinaryEndpoint.Death(), new BinaryEndpoint.Column("sich")))
                .withTwoStage(MetaOptions.defaults()).withMerge(CategoryMerge.mrs56());
        PatientData d = load(p, c);
        IpdAnalysis.Outcome one = IpdAnalysis.run(d, r);
        IpdAnalysis.Outcome spark = SparkIpd.analyze(read(p), c, r, 0);
        assertThat(spark.data()).isNull();
        assertThat(spark.poCheck()).isNotNull();
        String source = d.source();
        // the file's lines are the DataFrame's rows + 1 (the header): the one difference
        String expected = IpdReport.text(one).replace(source, SparkIpd.SOURCE)
                .replaceAll("first on line (\\d+)", "first on row <n>").replaceAll("line (\\d+): ", "line <n>: ");
        String actual = IpdReport.text(spark).replaceAll("first on row (\\d+)", "first on row <n>")
                .replaceAll("line (\\d+): ", "line <n>: ");
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).contains("line <n>: 50 patients left out: age is missing").contains("proportional odds")
                .contains("sich").contains("two-stage");
        com.fasterxml.jackson.databind.node.ObjectNode jo = IpdReport.json(one);
        jo.put("source", SparkIpd.SOURCE);
        com.fasterxml.jackson.databind.JsonNode js = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(IpdReport.json(spark).toString().replaceAll("first on row (\\d+)", "first on row <n>"));
        com.fasterxml.jackson.databind.JsonNode jexp = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(jo.toString().replaceAll("first on line (\\d+)", "first on row <n>"));
        // note lines: the file's line is the DataFrame's row + 1
        List<com.fasterxml.jackson.databind.JsonNode> lined = new java.util.ArrayList<>();
        jexp.path("notes").forEach(lined::add);
        jexp.path("two_stage").path("studies").forEach(lined::add);
        for (com.fasterxml.jackson.databind.JsonNode n : lined) {
            if (n.path("line").asInt() > 0) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) n).put("line", n.path("line").asInt() - 1);
            }
        }
        assertSameJson(js, jexp, "$", 1e-8);
    }

    @Test
    void models_that_need_every_patient_in_one_place_run_on_the_driver_within_the_limit() throws IOException {
        Path p = patients("mixed.csv", 3_000, 9, 0);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age", "sex"));
        IpdRequest r = IpdRequest.defaults().withCovariates(List.of("age")).withInteractions(List.of("sex"));
        IpdAnalysis.Outcome one = IpdAnalysis.run(load(p, c), r);
        IpdAnalysis.Outcome spark = SparkIpd.analyze(read(p), c, r, 3_000);
        assertThat(spark.data()).isNotNull();
        assertThat(IpdReport.text(spark)).isEqualTo(IpdReport.text(one).replace(one.data().source(), SparkIpd.SOURCE));
        assertThatThrownBy(() -> SparkIpd.analyze(read(p), c, r, 2_999)).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("the treatment-by-covariate interactions runs on one machine")
                .hasMessageContaining("allowed up to 2999 rows; this DataFrame has 3000");
    }

    @Test
    void a_wrong_cell_names_its_row_and_column() throws IOException {
        Path p = patients("wrong.csv", 3_000, 5, 0);
        List<String> lines = Files.readAllLines(p);
        String[] f = lines.get(2501).split(",");
        f[2] = "2.5";
        lines.set(2501, String.join(",", f));
        Files.write(p, lines);
        PatientLoader.Columns c = new PatientLoader.Columns("study", "treatment", "mrs", 7, List.of("age"));
        assertThatThrownBy(() -> load(p, c)).hasMessageContaining("line 2502, column mrs: the outcome must be");
        assertThatThrownBy(() -> SparkIpd.shift(read(p), c, PoOptions.defaults())).isInstanceOf(InputException.class)
                .hasMessageContaining("DataFrame, row 2501, column mrs: the outcome must be a whole-number category");
        assertThatThrownBy(() -> SparkIpd.shift(read(p), new PatientLoader.Columns("study", "arm", "mrs", 7, List.of()),
                PoOptions.defaults())).isInstanceOf(InputException.class).hasMessageContaining("the column 'arm' is missing");
    }
}
