package org.strokemeta.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Study data are values: copied in and out, equal by content, serializable. */
class DataValuesTest {
    static Object roundTrip(Object value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    static BinaryStudies binary(double[] events) {
        return new BinaryStudies("b.csv", new String[] {"A", "B"}, new int[] {2, 3}, events, new double[] {10, 20},
                new double[] {3, 4}, new double[] {10, 20}, List.of());
    }

    @Test
    void binary_studies_are_not_changed_through_their_arrays() {
        double[] events = {1, 2};
        BinaryStudies b = binary(events);
        events[0] = 9;
        b.eventsTreat()[1] = 9;
        b.study()[0] = "changed";
        assertThat(b.eventsTreat()).containsExactly(1, 2);
        assertThat(b.study(0)).isEqualTo("A");
        assertThat(b).isEqualTo(binary(new double[] {1, 2})).hasSameHashCodeAs(binary(new double[] {1, 2}));
        assertThat(b).isNotEqualTo(binary(new double[] {1, 3}));
        assertThat(roundTrip(b)).isEqualTo(b);
        assertThat(roundTrip(b.subset(new int[] {1}))).isEqualTo(b.subset(new int[] {1}));
    }

    @Test
    void continuous_studies_are_values() {
        double[] m = {1.5, 2.5};
        ContinuousStudies c = new ContinuousStudies("c.csv", new String[] {"A", "B"}, new int[] {2, 3}, m,
                new double[] {1, 1}, new double[] {10, 10}, new double[] {1, 2}, new double[] {1, 1}, new double[] {10, 10},
                List.of(new Note(2, "A", Note.Kind.WARNING, "check")));
        ContinuousStudies same = new ContinuousStudies("c.csv", new String[] {"A", "B"}, new int[] {2, 3},
                new double[] {1.5, 2.5}, new double[] {1, 1}, new double[] {10, 10}, new double[] {1, 2},
                new double[] {1, 1}, new double[] {10, 10}, List.of(new Note(2, "A", Note.Kind.WARNING, "check")));
        m[0] = 0;
        c.meanTreat()[1] = 0;
        assertThat(c).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(c.toString()).isEqualTo(same.toString()).contains("1.5, 2.5");
        assertThat(roundTrip(c)).isEqualTo(c);
    }

    @Test
    void ordinal_tables_copy_every_row() {
        double[][] t = {{1, 2, 3}, {4, 5, 6}};
        OrdinalTable o = new OrdinalTable("o.csv", new String[] {"A", "B"}, new int[] {2, 3}, t,
                new double[][] {{3, 2, 1}, {6, 5, 4}}, 3, List.of());
        OrdinalTable same = new OrdinalTable("o.csv", new String[] {"A", "B"}, new int[] {2, 3},
                new double[][] {{1, 2, 3}, {4, 5, 6}}, new double[][] {{3, 2, 1}, {6, 5, 4}}, 3, List.of());
        t[0][0] = 99;
        o.treatment()[1][1] = 99;
        o.treatment(1)[2] = 99;
        assertThat(o.treatment(0, 0)).isEqualTo(1);
        assertThat(o.treatment(1, 1)).isEqualTo(5);
        assertThat(o).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(roundTrip(o)).isEqualTo(o);
    }

    @Test
    void patient_data_are_values() {
        int[] outcome = {0, 3, 6, 2};
        double[] age = {70, 65, 80, 75};
        PatientData d = new PatientData("p.csv", new String[] {"T1"}, new int[] {0, 0, 0, 0}, new int[] {1, 0, 1, 0},
                outcome, 7, List.of("age"), new double[][] {age}, new int[] {2, 3, 4, 5}, 0, List.of());
        PatientData same = new PatientData("p.csv", new String[] {"T1"}, new int[] {0, 0, 0, 0}, new int[] {1, 0, 1, 0},
                new int[] {0, 3, 6, 2}, 7, List.of("age"), new double[][] {{70, 65, 80, 75}}, new int[] {2, 3, 4, 5}, 0,
                List.of());
        outcome[0] = 5;
        age[0] = 1;
        d.outcome()[1] = 5;
        d.covariate("age")[1] = 1;
        d.covariates()[0][2] = 1;
        assertThat(d).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(d.outcome(0)).isZero();
        assertThat(roundTrip(d)).isEqualTo(d);
    }
}
