package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.report.IpdReport;
import org.junit.jupiter.api.Test;

/**
 * Case weights: an analysis of rows that stand for several patients equals the same analysis of the data expanded
 * to one row per patient, number for number (the likelihoods are the same sums, regrouped).
 */
class IpdWeightsTest {
    /** Rows of 4 trials with a 0/1 and a three-level covariate, and the number of patients of each. */
    private static String[] files() {
        Random rnd = new Random(20240611);
        StringBuilder agg = new StringBuilder("study,treatment,sex,band,mrs,n\n");
        StringBuilder full = new StringBuilder("study,treatment,sex,band,mrs\n");
        for (int s = 1; s <= 4; s++) {
            for (int r = 0; r < 60; r++) {
                int t = rnd.nextInt(2);
                int sex = rnd.nextInt(2);
                int band = rnd.nextInt(3);
                double eta = -0.7 * t + 0.3 * sex + 0.8 * band + 0.3 * s - 1.5 + Math.log(1 / rnd.nextDouble() - 1);
                int y = (int) Math.max(0, Math.min(6, Math.floor(eta + 3)));
                int w = 1 + rnd.nextInt(4);
                String row = "Trial " + s + "," + t + "," + sex + "," + band + "," + y;
                agg.append(row).append(',').append(w).append('\n');
                for (int k = 0; k < w; k++) {
                    full.append(row).append('\n');
                }
            }
        }
        return new String[] {agg.toString(), full.toString()};
    }

    private static PatientData load(String csv, boolean weighted) {
        Table t = CsvReader.parse("w.csv", csv);
        PatientLoader.Columns c = PatientLoader.Columns.defaults(t).withOutcome("mrs", 7).withCovariates(List.of("sex", "band"));
        return PatientLoader.load(t, weighted ? c.withWeight("n") : c);
    }

    private static IpdRequest request() {
        return IpdRequest.defaults().withCovariates(List.of("sex", "band"))
                .withBinary(BinaryEndpoint.parseAll(List.of("0-2", "death"))).withInteractions(List.of("band"))
                .withTwoStage(MetaOptions.defaults());
    }

    @Test
    void weighted_rows_give_the_analysis_of_the_expanded_patients() {
        String[] f = files();
        for (IpdRequest.OrdinalModel m : List.of(IpdRequest.OrdinalModel.STRATIFIED, IpdRequest.OrdinalModel.COMMON)) {
            IpdRequest r = request().withOrdinalModel(m);
            JsonNode w = IpdReport.json(IpdAnalysis.run(load(f[0], true), r));
            JsonNode e = IpdReport.json(IpdAnalysis.run(load(f[1], false), r));
            assertThat(w.path("patients").asInt()).isEqualTo(e.path("patients").asInt()).isGreaterThan(500);
            assertThat(w.path("rows").asInt()).isEqualTo(240);
            assertThat(w.path("po_test").isMissingNode()).isFalse();
            List<String> diffs = new ArrayList<>();
            compare("", w, e, diffs);
            assertThat(diffs).as(m.name()).isEmpty();
        }
    }

    @Test
    void the_mixed_models_refuse_case_weights() {
        PatientData d = load(files()[0], true);
        assertThatThrownBy(() -> IpdAnalysis.run(d, IpdRequest.defaults().withOrdinalModel(IpdRequest.OrdinalModel.MIXED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not take case weights");
        assertThatThrownBy(() -> IpdAnalysis.run(d, IpdRequest.defaults().withOrdinal(false)
                .withBinaryModel(StudyEffect.RANDOM_INTERCEPT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not take case weights");
    }

    private static final Set<String> SKIP = Set.of("rows", "notes", "excluded", "source", "version", "iterations",
            "max_gradient", "convergence", "message", "lines", "line");

    /** Every number equal to 1e-8 relative (with 1e-10 absolute), every text equal, keys that describe the rows left aside. */
    private static void compare(String path, JsonNode a, JsonNode b, List<String> diffs) {
        if (a.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
                String k = it.next().getKey();
                if (!SKIP.contains(k) && !a.has(k)) {
                    diffs.add(path + "/" + k + " missing");
                }
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> x = it.next();
                if (!SKIP.contains(x.getKey())) {
                    compare(path + "/" + x.getKey(), x.getValue(), b.path(x.getKey()), diffs);
                }
            }
        } else if (a.isArray()) {
            if (a.size() != b.size()) {
                diffs.add(path + " sizes " + a.size() + " " + b.size());
                return;
            }
            for (int i = 0; i < a.size(); i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), diffs);
            }
        } else if (a.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            if (!(Math.abs(x - y) <= 1e-10 + 1e-8 * Math.abs(y)) && !(Double.isNaN(x) && Double.isNaN(y))) {
                diffs.add(path + ": " + x + " vs " + y);
            }
        } else if (!a.equals(b)) {
            diffs.add(path + ": " + a + " vs " + b);
        }
    }
}
