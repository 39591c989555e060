package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;

/** An interrupted thread stops the iterative fits, so that a caller's time limit frees the processor. */
class CancellationTest {
    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void an_interrupted_meta_analysis_stops_with_a_cancellation() {
        var bcg = Examples.table(Examples.get("bcg"));
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> MetaRun.run(bcg, MetaRequest.defaults())).isInstanceOf(CancellationException.class)
                .hasMessageContaining("stopped before it ended");
    }

    @Test
    void an_interrupted_patient_level_fit_stops_with_a_cancellation() {
        var ipd = Examples.table(Examples.get("ipd_sim"));
        var data = org.strokemeta.data.PatientLoader.load(ipd, org.strokemeta.data.PatientLoader.Columns.defaults(ipd).withCovariates(List.of("age")));
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> IpdAnalysis.run(data, IpdRequest.defaults())).isInstanceOf(CancellationException.class);
    }
}
