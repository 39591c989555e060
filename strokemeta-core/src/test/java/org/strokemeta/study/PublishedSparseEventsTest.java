package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;
import org.strokemeta.glmm.BinaryGlmm;
import org.strokemeta.glmm.GlmmOptions;
import org.strokemeta.glmm.GlmmResult;

/** Sparse events of death and symptomatic ICH: the logistic mixed model is fitted and its reason given. */
class PublishedSparseEventsTest {

    @Test
    void sparse_symptomatic_ich_gets_the_logistic_mixed_model_of_the_same_counts() {
        PublishedAnalysis.Result r = PublishedAnalysis.run(EvidenceBase.bundled(), PublishedRequest.defaults());
        PublishedAnalysis.OutcomeAnalysis sich = r.outcome("sich");
        PublishedAnalysis.PopulationResult lvo = sich.of(Population.LVO_EARLY);
        assertThat(lvo.sparse()).contains("fewer than 5 events").contains("PISTE (0 and 0 events)");
        assertThat(lvo.glmm()).isNotNull();
        // the same counts through the API directly
        StringBuilder csv = new StringBuilder("study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (PublishedAnalysis.Entry e : sich.used()) {
            if (e.population() == Population.LVO_EARLY) {
                csv.append(e.trial()).append(',').append(Math.round(e.evt().events())).append(',').append(Math.round(e.evt().total())).append(',')
                        .append(Math.round(e.control().events())).append(',').append(Math.round(e.control().total())).append('\n');
            }
        }
        GlmmResult direct = BinaryGlmm.fit(CsvReader.parse("sich.csv", csv.toString()), GlmmOptions.defaults());
        assertThat(lvo.glmm().estimate()).isEqualTo(direct.estimate());
        assertThat(lvo.glmm().notes()).anyMatch(n -> n.contains("PISTE") && n.contains("no events in both arms"));
        // mRS 0-2 is never sparse in this sense and gets no mixed model
        assertThat(r.outcome("mrs_0_2").populations()).allMatch(p -> p.sparse() == null && p.glmm() == null);
    }
}
