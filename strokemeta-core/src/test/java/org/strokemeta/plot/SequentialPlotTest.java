package org.strokemeta.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.strokemeta.Figures;
import org.strokemeta.bayes.BayesResult;
import org.strokemeta.effect.Measure;
import org.strokemeta.sequential.TsaResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The structure of the trial sequential and Bayesian figures: well-formed SVG with one mark per trial and per boundary. */
class SequentialPlotTest {
    private static Document parse(String svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static int count(Document d, String tag, String cls) {
        NodeList l = d.getElementsByTagName(tag);
        int n = 0;
        for (int i = 0; i < l.getLength(); i++) {
            if (cls.equals(((Element) l.item(i)).getAttribute("class"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void the_tsa_plot_has_the_z_curve_both_boundaries_the_futility_wedge_and_the_information_size() throws Exception {
        TsaResult r = SequentialFigures.tsaHine();
        Document d = parse(Figures.tsa(r));
        assertThat(count(d, "circle", "look")).isEqualTo(6);
        assertThat(count(d, "path", "zcurve")).isEqualTo(1);
        assertThat(count(d, "path", "boundary")).isEqualTo(2);
        // the futility boundary is positive at the last two looks only
        assertThat(count(d, "path", "futility")).isEqualTo(2);
        assertThat(count(d, "line", "ris")).isEqualTo(1);
        assertThat(count(d, "line", "conventional")).isEqualTo(2);
        assertThat(Figures.tsa(r)).contains("RIS 1707").contains("O&#39;Brien et al.: z = 1.96");
    }

    @Test
    void the_bayes_figures_show_both_marginals_the_joint_map_and_a_shrinkage_interval_per_trial() throws Exception {
        BayesResult r = SequentialFigures.bayesHine();
        Document p = parse(Figures.bayesPosterior(r, Measure.OR));
        assertThat(count(p, "path", "marginal-mu")).isEqualTo(1);
        assertThat(count(p, "path", "marginal-tau")).isEqualTo(1);
        assertThat(count(p, "rect", "joint")).isGreaterThan(1000);
        assertThat(count(p, "line", "median")).isEqualTo(2);
        Document f = parse(Figures.bayesForest(r, Measure.OR));
        assertThat(count(f, "line", "shrinkage")).isEqualTo(6);
        assertThat(count(f, "line", "observed")).isEqualTo(6);
        assertThat(count(f, "polygon", "mu")).isEqualTo(1);
        assertThat(count(f, "polygon", "prediction")).isEqualTo(1);
        assertThat(Figures.bayesForest(r, Measure.OR)).contains("OR (log scale)");
    }
}
