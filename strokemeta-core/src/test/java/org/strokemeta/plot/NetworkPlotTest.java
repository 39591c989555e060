package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strokemeta.Figures;
import org.strokemeta.data.Examples;
import org.strokemeta.multivariate.Network;
import org.strokemeta.multivariate.NetworkOptions;
import org.strokemeta.multivariate.NetworkResult;

/** The network graph and forest plot: one line per direct comparison, one row per treatment against the reference. */
class NetworkPlotTest {
    private static NetworkResult network() {
        return Network.fit(Examples.table(Examples.get("af_stroke_nma")), NetworkOptions.defaults().withSmallBetter(true));
    }

    @Test
    void the_graph_has_a_node_per_treatment_and_a_line_per_direct_comparison() {
        NetworkResult r = network();
        String svg = Figures.networkGraph(r);
        assertThat(svg).startsWith("<svg").contains("class=\"network-graph\"");
        assertThat(svg.split("<circle ", -1)).hasSize(r.treatments().size() + 1);
        assertThat(svg.split("<line ", -1)).hasSize(r.edges().size() + 1);
        assertThat(svg).contains("VKAs vs Aspirin: 8 trials").contains("reference " + r.reference());
    }

    @Test
    void the_forest_plot_has_every_treatment_against_the_reference_with_its_p_score() {
        NetworkResult r = network();
        ForestPlot.Spec spec = NetworkPlot.forest(r);
        assertThat(spec.rows()).hasSize(r.treatments().size() - 1);
        assertThat(spec.logScale()).isTrue();
        assertThat(spec.rows().get(0).label()).isEqualTo(r.relative().get(0).name());
        assertThat(spec.rows().get(0).est()).isEqualTo(r.relative().get(0).estimate());
        assertThat(spec.footer().get(1)).startsWith("Inconsistency between designs");
        assertThat(Figures.networkForest(r)).contains("P-score").contains("Odds ratio against VKAs");
    }
}
