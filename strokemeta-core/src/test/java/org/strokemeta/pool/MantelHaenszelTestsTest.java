package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.Measure;
import org.strokemeta.report.JsonReport;
import org.strokemeta.report.TextReport;
import org.strokemeta.study.MetaRequest;
import org.strokemeta.study.MetaRun;

/**
 * The CMH, Breslow-Day and Tarone tests reach the text and JSON of a Mantel-Haenszel odds ratio (their
 * values are checked against metafor by the qualification cases {@code mht_*}).
 */
class MantelHaenszelTestsTest {
    private static final MetaRequest MH = MetaRequest.defaults().withMeasure(Measure.OR)
            .withOptions(MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH));

    @Test
    void printed_and_written_for_a_mantel_haenszel_odds_ratio_only() {
        MetaRun.Outcome o = Meta.analyze(Examples.table(Examples.get("bcg")), MH).get(0);
        // metafor: rma.mh(measure="OR", ai=tpos, bi=tneg, ci=cpos, di=cneg, data=dat.bcg)
        assertThat(TextReport.outcome(o, 60)).contains("Cochran-Mantel-Haenszel test: CMH = 135.6889 (df = 1), p < 0.0001")
                .contains("Tarone's test for heterogeneity: X² = 171.7567 (df = 12), p < 0.0001");
        var doc = JsonReport.document("bcg", MH, List.of(o));
        assertThat(doc.path("results").get(0).path("mh_tests").path("k_pos").asInt()).isEqualTo(13);
        MetaRequest iv = MH.withOptions(MetaOptions.defaults().withModel(Model.FIXED));
        MetaRun.Outcome other = Meta.analyze(Examples.table(Examples.get("bcg")), iv).get(0);
        assertThat(JsonReport.document("bcg", iv, List.of(other)).path("results").get(0).has("mh_tests")).isFalse();
        assertThatThrownBy(() -> MantelHaenszelTests.of(other.result(), true)).isInstanceOf(IllegalArgumentException.class);
    }
}
