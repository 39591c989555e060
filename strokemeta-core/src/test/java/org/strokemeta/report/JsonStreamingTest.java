package org.strokemeta.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Examples;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * The batch JSON written as it goes is the same document as the one built as a tree, and the same,
 * byte for byte, as the documents the tree-based writer wrote before (src/test/resources/report/).
 */
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

    /** A stored document, with the product version of this build in place of VERSION. */
    private static String expected(String name) throws Exception {
        try (InputStream in = JsonStreamingTest.class.getResourceAsStream("/report/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"version\" : \"VERSION\"", "\"version\" : \"" + Version.get() + "\"");
        }
    }

    @Test
    void a_single_analysis_is_written_the_same_indented() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest r = MetaRequest.defaults().withSubgroup("alloc");
        List<MetaRun.Outcome> o = MetaRun.run(bcg, r);
        assertThat(streamed(bcg, r, o)).isEqualTo(tree(bcg, r, o)).contains("\n  \"schema\"");
    }

    @Test
    void a_meta_regression_with_a_permutation_test_is_written_as_stored() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.valueOf(Examples.get("bcg").measure()))
                .withModerators(List.of("ablat", "year")).withPermutations(99, 1);
        List<MetaRun.Outcome> o = MetaRun.run(bcg, r);
        String expected = expected("bcg-moderators-permutations.json");
        assertThat(streamed(bcg, r, o)).isEqualTo(expected);
        assertThat(tree(bcg, r, o)).isEqualTo(expected);
    }

    @Test
    void subgroups_a_meta_regression_and_failed_groups_are_written_as_stored() throws Exception {
        Table t = CsvReader.parse("fail.csv", """
                review,study,events_treat,total_treat,events_ctrl,total_ctrl,x,arm
                a,s1,4,50,8,50,1.5,p
                a,s2,6,60,9,58,2.0,q
                a,s3,3,40,7,41,3.5,p
                a,s4,10,100,15,99,4.0,q
                z,s1,0,20,0,25,1,p
                z,s2,0,30,0,31,2,q
                one,s1,5,50,9,50,1,p
                """);
        MetaRequest r = MetaRequest.defaults().withBy("review").withSubgroup("arm").withModerators(List.of("x"))
                .withPermutations(20, 3);
        List<MetaRun.Outcome> o = MetaRun.run(t, r);
        assertThat(o).extracting(MetaRun.Outcome::failed).containsExactly(false, true, true);
        assertThat(o.get(0).subgroups()).isNotNull();
        assertThat(o.get(0).permutation()).isNotNull();
        String expected = expected("by-subgroups-regression-failed.json");
        assertThat(streamed(t, r, o)).isEqualTo(expected);
        assertThat(tree(t, r, o)).isEqualTo(expected);
    }

    @Test
    void the_tree_keeps_whole_numbers_as_integers_and_undefined_values_as_null() throws Exception {
        Table bcg = Examples.table(Examples.get("bcg"));
        MetaRequest r = MetaRequest.defaults().withModerators(List.of("ablat")).withPermutations(19, 1);
        ObjectNode d = JsonReport.document(bcg.source(), r, MetaRun.run(bcg, r));
        var result = d.path("results").path(0);
        assertThat(result.path("k").isInt()).isTrue();
        assertThat(result.path("pooled").path("estimate").isDouble()).isTrue();
        assertThat(result.path("pooled").path("df").isNull()).isTrue();
        assertThat(result.path("metaregression").path("permutation").path("permutations").isIntegralNumber()).isTrue();
        assertThat(d.path("request").path("subgroup").isNull()).isTrue();
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
        assertThat(bytes(r, o)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(MetaRequest r, List<MetaRun.Outcome> o) throws Exception {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        JsonReport.write("many.csv", r, o, b);
        return b.toByteArray();
    }

    /**
     * Hundreds of analyses with subgroups, meta-regressions, notes and labels that need escaping or are
     * not ASCII: formatted in parallel chunks as bytes, a writer's text, the tree, and in one thread, all the same.
     */
    @Test
    void a_large_batch_is_the_same_in_bytes_text_tree_and_one_thread() throws Exception {
        StringBuilder csv = new StringBuilder("review,study,events_treat,total_treat,events_ctrl,total_ctrl,x,arm\n");
        String[] labels = {"Zürich \"A\"", "s\\1", "日本", "\ud83d\ude00 trial", "plain"};
        for (int g = 0; g < 230; g++) {
            for (int s = 0; s < 5; s++) {
                csv.append("\"r").append(g).append(g % 7 == 0 ? " Ωmega" : "").append("\",\"").append(labels[s].replace("\"", "\"\""))
                        .append("\",").append(g % 13 == 0 && s == 0 ? 0 : 3 + (g + s) % 9).append(",50,")
                        .append(5 + (g * s) % 11).append(",52,").append(s + g % 3).append(',').append(s % 2 == 0 ? "p" : "q").append('\n');
            }
        }
        Table t = CsvReader.parse("many.csv", csv.toString());
        MetaRequest r = MetaRequest.defaults().withBy("review").withSubgroup("arm").withModerators(List.of("x"));
        List<MetaRun.Outcome> o = MetaRun.run(t, r);
        assertThat(o).hasSize(230);
        String s = streamed(t, r, o);
        assertThat(s).isEqualTo(tree(t, r, o)).contains("Zürich \\\"A\\\"").contains("\ud83d\ude00 trial").contains("\"notes\":[{");
        assertThat(bytes(r, o)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
        MetaRequest one = r.withExecution(org.strokemeta.pool.Execution.singleThread());
        assertThat(bytes(one, o)).isEqualTo(s.getBytes(StandardCharsets.UTF_8));
    }
}
