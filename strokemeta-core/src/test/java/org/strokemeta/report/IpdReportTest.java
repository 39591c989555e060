package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.Ipd;
import org.strokemeta.data.PatientData;
import org.strokemeta.study.IpdRequest;

class IpdReportTest {
    /** One trial of {@code n} patients per arm: the treated arm better by one category for half its patients. */
    private static PatientData trial(int n) {
        int[] study = new int[2 * n];
        int[] trt = new int[2 * n];
        int[] y = new int[2 * n];
        int[] lines = new int[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            trt[i] = i % 2;
            int base = (i / 2) % 7;
            y[i] = trt[i] == 1 && base > 0 && (i / 2) % 2 == 0 ? base - 1 : base;
            lines[i] = i + 2;
        }
        return new PatientData("large", new String[] {"A"}, study, trt, y, 7, List.of(), new double[0][], lines, 0, List.of());
    }

    @Test
    void event_counts_of_large_trials_stay_in_separate_columns() {
        String text = IpdReport.text(Ipd.analyze(trial(600_000), IpdRequest.defaults()));
        List<String> rows = text.lines().filter(l -> l.startsWith("mRS 0-2") || l.startsWith("death")).toList();
        assertThat(rows).hasSize(2);
        for (String row : rows) {
            // "events T" and "events C": counts of five or six digits over their totals, with space between them
            assertThat(row).containsPattern("\\d{5,6}/600000 +\\d{5,6}/600000 ");
        }
    }
}
