package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.Model;

class MetaRunTest {
    static final String HEADER = "outcome,study,events_treat,total_treat,events_ctrl,total_ctrl\n";

    @Test
    void batch_results_come_in_order_of_first_appearance_and_equal_single_analyses() {
        Table t = CsvReader.parse("b.csv", HEADER
                + "mrs02,A,40,100,30,100\ndeath,A,10,100,15,100\nmrs02,B,55,120,41,118\ndeath,B,12,120,20,118\nmrs02,C,20,50,12,52\n");
        List<MetaRun.Outcome> all = MetaRun.run(t, MetaRequest.defaults().withBy("outcome"));
        assertThat(all).extracting(MetaRun.Outcome::group).containsExactly("mrs02", "death");
        Table mrs = CsvReader.parse("m.csv", HEADER + "mrs02,A,40,100,30,100\nmrs02,B,55,120,41,118\nmrs02,C,20,50,12,52\n");
        MetaRun.Outcome single = MetaRun.run(mrs, MetaRequest.defaults()).get(0);
        assertThat(all.get(0).result().pooled().estimate()).isCloseTo(single.result().pooled().estimate(), within(1e-15));
        assertThat(all.get(0).result().effects().lines()).containsExactly(2, 4, 6);
    }

    @Test
    void duplicate_labels_are_checked_within_each_batch_group_only() {
        Table t = CsvReader.parse("b.csv", HEADER + "x,A,4,10,3,10\nx,A,5,10,3,10\ny,A,4,10,3,10\ny,B,5,10,3,10\n");
        List<MetaRun.Outcome> all = MetaRun.run(t, MetaRequest.defaults().withBy("outcome"));
        assertThat(all.get(0).effects().notes()).anySatisfy(n -> assertThat(n.kind()).isEqualTo(Note.Kind.DUPLICATE_LABEL));
        assertThat(all.get(1).effects().notes()).noneSatisfy(n -> assertThat(n.kind()).isEqualTo(Note.Kind.DUPLICATE_LABEL));
    }

    @Test
    void a_bad_cell_stops_a_batch_run_with_its_line_but_an_unanalysable_group_does_not() {
        Table bad = CsvReader.parse("b.csv", HEADER + "x,A,4,10,3,10\ny,B,12,10,3,10\n");
        assertThatThrownBy(() -> MetaRun.run(bad, MetaRequest.defaults().withBy("outcome")))
                .isInstanceOf(InputException.class).hasMessageContaining("line 3");
        Table mh = CsvReader.parse("b.csv", HEADER + "x,A,4,10,3,10\nx,B,5,12,2,11\ny,A,0,10,0,10\n");
        MetaRequest fixedMh = MetaRequest.defaults().withBy("outcome")
                .withOptions(MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(FixedMethod.MH)).withMeasure(Measure.OR);
        List<MetaRun.Outcome> out = MetaRun.run(mh, fixedMh);
        assertThat(out.get(0).failed()).isFalse();
        assertThat(out.get(1).error()).contains("cannot be estimated");
        assertThat(out.get(1).valid()).isFalse();
    }

    @Test
    void the_measure_is_chosen_from_the_columns_when_not_given() {
        Table cont = CsvReader.parse("c.csv", "study,mean_treat,sd_treat,n_treat,mean_ctrl,sd_ctrl,n_ctrl\nA,1,1,10,0,1,10\n");
        assertThat(StudyInput.measureFor(cont, MetaRequest.defaults())).isEqualTo(Measure.MD);
        Table gen = CsvReader.parse("g.csv", "study,yi,sei\nA,1,0.1\n");
        assertThat(StudyInput.measureFor(gen, MetaRequest.defaults())).isEqualTo(Measure.GEN);
        Table none = CsvReader.parse("n.csv", "study,foo\nA,1\n");
        assertThatThrownBy(() -> StudyInput.measureFor(none, MetaRequest.defaults())).hasMessageContaining("cannot tell the kind of data");
    }

    @Test
    void peto_pooling_of_an_or_request_uses_peto_effects_and_says_so() {
        Table t = CsvReader.parse("p.csv", HEADER.replace("outcome,", "") + "A,4,10,3,10\nB,5,12,2,11\n");
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.OR)
                .withOptions(MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(FixedMethod.PETO));
        MetaRun.Outcome o = MetaRun.run(t, r).get(0);
        assertThat(o.effects().measure()).isEqualTo(Measure.PETO);
        assertThat(o.result().notes()).anySatisfy(n -> assertThat(n.message()).contains("Peto log odds ratios"));
    }
}
