package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Table;
import org.strokemeta.pool.Execution;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** The batch CSV formatted in parallel chunks as bytes is the text written a row at a time. */
class CsvBatchTest {
    @Test
    void the_rows_formatted_in_parallel_are_the_rows_written_one_at_a_time() throws Exception {
        StringBuilder csv = new StringBuilder("review,study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (int g = 0; g < 700; g++) {
            for (int s = 0; s < 3; s++) {
                csv.append(g % 5 == 0 ? "\"Zürich, " + g + "\"" : "r" + g).append(",s").append(s).append(',')
                        .append(3 + (g + s) % 9).append(",50,").append(5 + (g * s) % 11).append(",52\n");
            }
        }
        csv.append("bad,s0,0,20,0,25\n");
        Table t = CsvReader.parse("many.csv", csv.toString());
        MetaRequest r = MetaRequest.defaults().withBy("review").withContinuity(new org.strokemeta.effect.Continuity(0.5,
                org.strokemeta.effect.Continuity.To.NONE, false));
        List<MetaRun.Outcome> o = MetaRun.run(t, r);
        assertThat(o).hasSize(701).anyMatch(MetaRun.Outcome::failed);
        String text = CsvReport.batch(o);
        assertThat(text).startsWith(CsvReport.HEADER + "\n").contains("\"Zürich, 5\",OR,3,0,");
        assertThat(text.lines()).hasSize(702);
        for (Execution e : List.of(r.execution(), Execution.singleThread())) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            CsvReport.batch(o, b, e);
            assertThat(new String(b.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }
}
