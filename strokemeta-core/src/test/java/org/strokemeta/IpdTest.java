package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.StrokeLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;

/** {@link Ipd} gives the numbers of {@link IpdAnalysis}, and reads patients as the front ends did. */
class IpdTest {
    private static void sameNumbers(IpdAnalysis.Outcome a, IpdAnalysis.Outcome b) {
        assertThat(a.data().size()).isEqualTo(b.data().size());
        assertThat(a.adjusted()).isEqualTo(b.adjusted());
        assertThat(a.unadjusted()).isEqualTo(b.unadjusted());
        assertThat(a.binary()).isEqualTo(b.binary());
        assertThat(a.poCheck()).isEqualTo(b.poCheck());
        assertThat(a.benefit()).isEqualTo(b.benefit());
        assertThat(a.notes()).isEqualTo(b.notes());
    }

    @Test
    void analyze_of_generic_patients_equals_ipd_analysis_run() {
        Table t = Examples.table(Examples.get("ipd_sim"));
        IpdRequest r = IpdRequest.defaults().withCovariates(List.of("age", "nihss"));
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(List.of("age", "nihss")));
        IpdAnalysis.Outcome engine = IpdAnalysis.run(d, r);
        IpdAnalysis.Outcome api = Ipd.analyze(t, r);
        sameNumbers(api, engine);
        sameNumbers(Ipd.analyze(d, r), engine);
        assertThat(api.adjusted().converged()).isTrue();
        // the labels of the binary outcomes are those of the reports
        assertThat(api.binary()).extracting(b -> b.result().event()).containsExactly("mRS 0-2", "mRS 0-1", "death (mRS 6)");
    }

    @Test
    void stroke_patients_are_read_by_the_data_dictionary_and_a_column_endpoint_reads_its_column() {
        Table t = Examples.table(Examples.get("hermes_sim"));
        IpdRequest r = IpdRequest.defaults().withOrdinal(false).withBinary(List.of(BinaryEndpoint.column("sich")));
        IpdAnalysis.Outcome engine = IpdAnalysis.run(StrokeLoader.load(t).patients(List.of()), r);
        IpdAnalysis.Outcome api = Ipd.analyze(t, r);
        sameNumbers(api, engine);
        assertThat(api.binary()).extracting(b -> b.result().event()).containsExactly("sich");
        assertThat(Ipd.patients(t, r).size()).isEqualTo(1764);
    }

    /**
     * The models of an analysis run side by side on the request's execution: the same numbers in one
     * thread, on the library's pool and on a wider pool; the first error in the order of the analysis
     * is the one reported, whichever model fails first in time.
     */
    @Test
    void the_models_side_by_side_give_the_numbers_of_one_thread_and_the_first_error_in_order() throws Exception {
        Table t = Examples.table(Examples.get("ipd_sim"));
        IpdRequest r = IpdRequest.defaults().withCovariates(List.of("age", "nihss"));
        // every number of the analysis, as the JSON report gives them (the requests differ in their execution only)
        String one = org.strokemeta.report.IpdReport.json(Ipd.analyze(t, r.withExecution(org.strokemeta.pool.Execution.singleThread()))).toString();
        assertThat(one).contains("\"mRS 0-2\"");
        assertThat(org.strokemeta.report.IpdReport.json(Ipd.analyze(t, r)).toString()).isEqualTo(one);
        java.util.concurrent.ExecutorService four = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            assertThat(org.strokemeta.report.IpdReport.json(Ipd.analyze(t, r.withExecution(org.strokemeta.pool.Execution.on(four, 4))))
                    .toString()).isEqualTo(one);
        } finally {
            four.shutdown();
        }
        IpdRequest twoMissing = r.withBinary(List.of(BinaryEndpoint.mrsAtMost(2), BinaryEndpoint.column("first_missing"),
                BinaryEndpoint.column("second_missing")));
        for (int i = 0; i < 5; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> Ipd.analyze(t, twoMissing))
                    .isInstanceOf(org.strokemeta.data.InputException.class).hasMessageContaining("'first_missing'");
        }
    }

    @Test
    void patients_are_read_with_the_interaction_covariates_too() {
        Table t = Examples.table(Examples.get("ipd_sim"));
        PatientData d = Ipd.patients(t, IpdRequest.defaults().withCovariates(List.of("age")).withInteractions(List.of("nihss", "age")));
        assertThat(d.covariateNames()).containsExactly("age", "nihss");
    }
}
