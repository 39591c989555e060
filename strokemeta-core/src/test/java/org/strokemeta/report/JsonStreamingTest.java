package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.Table;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/** The batch JSON written as it goes is the same document as the one built as a tree. */
class JsonStreamingTest {
    private static String streamed(Table t, MetaRequest r, List<MetaRun.Outcome> o) throws Exception {
        StringWriter w = new StringWriter();
        JsonReport.write(t.source(), r, o, w);
        return w.toString();
    }

    private static String tree(Table t, MetaRequest r, List<MetaRun.Outcome> o) throws Exception {
        StringWriter w = new StringWriter();
        JsonReport.write(JsonReport.document(t.source(), r, o), w);
        return w.toString();
    }

    @Test
    void a_single_analysis_is_written_the_same_indented() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest r = MetaRequest.defaults().withSubgroup("alloc");
        List<MetaRun.Outcome> o = MetaRun.run(bcg, r);
        assertThat(streamed(bcg, r, o)).isEqualTo(tree(bcg, r, o)).contains("\n  \"schema\"");
    }

    @Test
    void a_batch_of_hundreds_of_analyses_and_a_failed_group_is_written_the_same_compact() throws Exception {
        StringBuilder csv = new StringBuilder("review,study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (int g = 0; g < 150; g++) {
            for (int s = 0; s < 4; s++) {
                csv.append("r").append(g).append(",s").append(s).append(',').append(3 + (g + s) % 9).append(",50,").append(5 + (g * s) % 11)
                        .append(",52\n");
            }
        }
        csv.append("bad,s0,0,20,0,25\n");
        Table t = CsvReader.parse("many.csv", csv.toString());
        MetaRequest r = MetaRequest.defaults().withBy("review").withContinuity(new org.strokemeta.effect.Continuity(0.5,
                org.strokemeta.effect.Continuity.To.NONE, false));
        List<MetaRun.Outcome> o = MetaRun.run(t, r);
        assertThat(o).hasSize(151).anyMatch(MetaRun.Outcome::failed);
        String s = streamed(t, r, o);
        assertThat(s).isEqualTo(tree(t, r, o)).doesNotContain("\n  ");
    }
}
