package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.ordinal.PartialProportionalOdds;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsCheck;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;

/**
 * The unadjusted models on a million patients equal R's fits to the patients' counts
 * (src/test/r/million_patients_reference.R): sums over a million patients must not lose the digits
 * that Newton's method needs to converge. The patients come sorted by trial, arm and category, the
 * order in which running sums drift most.
 */
class MillionPatientsTest {
    private static PatientData patients;
    private static final Map<String, double[]> REF = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        List<String> counts = lines("/ipd/million_counts.csv");
        int n = 0;
        for (String l : counts.subList(1, counts.size())) {
            n += Integer.parseInt(l.split(",")[3]);
        }
        int[] study = new int[n];
        int[] trt = new int[n];
        int[] y = new int[n];
        int[] lines = new int[n];
        int i = 0;
        for (String l : counts.subList(1, counts.size())) {
            String[] f = l.split(",");
            for (int c = Integer.parseInt(f[3]); c > 0; c--, i++) {
                study[i] = Integer.parseInt(f[0]) - 1;
                trt[i] = Integer.parseInt(f[1]);
                y[i] = Integer.parseInt(f[2]);
                lines[i] = i + 2;
            }
        }
        String[] names = {"1", "2", "3", "4", "5", "6", "7"};
        patients = new PatientData("million", names, study, trt, y, 7, List.of(), new double[0][], lines, 0, List.of());
        List<String> ref = lines("/ipd/million_reference.csv");
        for (String l : ref.subList(1, ref.size())) {
            String[] f = l.split(",");
            REF.put(f[0], new double[] {Double.parseDouble(f[1]), f[2].equals("NA") ? Double.NaN : Double.parseDouble(f[2]),
                    Double.parseDouble(f[3])});
        }
    }

    private static List<String> lines(String resource) throws IOException {
        try (InputStream in = MillionPatientsTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    private static void assertLogistic(BinaryOutcome outcome, String key) {
        BinaryResult r = IpdLogistic.fit(patients, outcome, new BinaryOptions(StudyEffect.STRATIFIED, List.of(), 1, 0.95));
        double[] ref = REF.get(key);
        assertThat(r.converged()).as(r.convergence()).isTrue();
        assertThat(r.iterations()).isLessThan(15);
        assertThat(r.logOddsRatio().estimate()).isCloseTo(ref[0], within(1e-6 * Math.abs(ref[0])));
        assertThat(r.logOddsRatio().se()).isCloseTo(ref[1], within(1e-6 * ref[1]));
        assertThat(r.logLik()).isCloseTo(ref[2], within(1e-9 * Math.abs(ref[2])));
    }

    @Test
    void stratified_logistic_of_mrs_0_2_converges_to_glm_on_a_million_patients() {
        assertLogistic(BinaryOutcome.atMost(patients, 2), "logit_mrs0-2");
    }

    @Test
    void stratified_logistic_of_mrs_0_1_converges_to_glm_on_a_million_patients() {
        assertLogistic(BinaryOutcome.atMost(patients, 1), "logit_mrs0-1");
    }

    @Test
    void stratified_logistic_of_death_converges_to_glm_on_a_million_patients() {
        assertLogistic(BinaryOutcome.atLeast(patients, 6), "logit_death");
    }

    @Test
    void unadjusted_shift_model_and_proportional_odds_check_equal_clm_on_a_million_patients() {
        PoOptions o = PoOptions.defaults().withThresholds(Thresholds.STRATIFIED);
        ProportionalOddsFit f = ProportionalOdds.fit(patients, o);
        double[] ref = REF.get("clm_treatment");
        assertThat(f.converged()).as(f.message()).isTrue();
        assertThat(f.patients()).isEqualTo(1_000_000);
        assertThat(f.logCor()).isCloseTo(ref[0], within(1e-6 * ref[0]));
        assertThat(f.logCorSe()).isCloseTo(ref[1], within(1e-6 * ref[1]));
        assertThat(f.logLik()).isCloseTo(ref[2], within(1e-9 * Math.abs(ref[2])));
        ProportionalOddsCheck c = PartialProportionalOdds.test(patients, o);
        assertThat(c.statistic()).isCloseTo(REF.get("po_check_lr")[0], within(1e-6 * REF.get("po_check_lr")[0]));
    }
}
