package org.strokemeta.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.bias.EggerTest;
import org.strokemeta.bias.FunnelPlot;
import org.strokemeta.bias.RankTest;
import org.strokemeta.bias.SmallStudyEffects;
import org.strokemeta.bias.TrimFillResult;
import org.strokemeta.data.GenericStudies;
import org.strokemeta.data.Note;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.regression.Bcg;
import org.strokemeta.regression.MetaRegression;
import org.strokemeta.regression.Moderator;
import org.strokemeta.regression.PermutationResult;
import org.strokemeta.regression.PermutationTest;
import org.strokemeta.regression.RegressionResult;
import org.strokemeta.sensitivity.Sensitivity;
import org.strokemeta.subgroup.SubgroupAnalysis;
import org.strokemeta.subgroup.SubgroupResult;
import org.strokemeta.subgroup.SubgroupTest;

/**
 * Results are values: nothing a caller does to an array it passed in or got back changes a result,
 * equal inputs give equal results (with equal hash codes), and results survive Java serialization.
 */
public class ValueSemanticsTest {
    private static final double[] Y = {-0.9, -1.6, -1.4, -0.2, -0.3, -0.5, 0.4, 0.0, -0.5};
    private static final double[] V = {0.36, 0.19, 0.42, 0.01, 0.05, 0.01, 0.22, 0.004, 0.06};

    static GenericStudies studies(double[] y, double[] v) {
        String[] labels = new String[y.length];
        int[] lines = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = "study " + (i + 1);
            lines[i] = i + 2;
        }
        return new GenericStudies("test.csv", labels, lines, y, v, List.of(new Note(0, null, Note.Kind.INFO, "read")));
    }

    static MetaResult pool(double[] y, double[] v) {
        return MetaAnalysis.run(EffectCalculator.generic(studies(y, v)), MetaOptions.defaults());
    }

    @SuppressWarnings("unchecked")
    public static <T extends Serializable> T roundTrip(T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(value);
            }
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                return (T) in.readObject();
            }
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("serialization failed for " + value.getClass().getName(), e);
        }
    }

    static void assertValue(Object a, Object b) {
        assertThat(a).isEqualTo(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.toString()).isEqualTo(b.toString());
    }

    @Test
    void mutating_returned_weights_does_not_change_the_result() {
        MetaResult r = pool(Y, V);
        double w0 = r.weights()[0];
        r.weights()[0] = -5;
        assertThat(r.weights()[0]).isEqualTo(w0);
        assertThat(r.weights(0)).isEqualTo(w0);
    }

    @Test
    void mutating_the_input_arrays_afterwards_does_not_change_studies_effects_or_results() {
        double[] y = Y.clone();
        double[] v = V.clone();
        GenericStudies s = studies(y, v);
        EffectSizes es = EffectCalculator.generic(s);
        MetaResult r = MetaAnalysis.run(es, MetaOptions.defaults());
        MetaResult before = pool(Y, V);
        y[0] = 99;
        v[0] = 1e-9;
        assertThat(s.yi()[0]).isEqualTo(Y[0]);
        assertThat(es.vi(0)).isEqualTo(V[0]);
        assertThat(r).isEqualTo(before);
    }

    @Test
    void mutating_returned_arrays_of_effects_and_studies_does_not_change_them() {
        GenericStudies s = studies(Y, V);
        s.yi()[1] = 42;
        s.study()[1] = "changed";
        s.lines()[1] = -1;
        assertThat(s).isEqualTo(studies(Y, V));
        EffectSizes es = EffectCalculator.generic(s);
        es.yi()[0] = 42;
        es.vi()[0] = 42;
        es.study()[0] = "changed";
        es.rows()[0] = 7;
        es.lines()[0] = 7;
        assertThat(es).isEqualTo(EffectCalculator.generic(studies(Y, V)));
        MetaResult r = pool(Y, V);
        r.effects().yi()[0] = 42;
        assertThat(r.effects().yi(0)).isEqualTo(Y[0]);
    }

    @Test
    void mutating_the_arrays_of_a_model_fit_does_not_change_it() {
        ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(Y, V), MetaOptions.defaults(), true);
        ModelFit g = InverseVariance.fit(MetaModel.interceptOnly(Y, V), MetaOptions.defaults(), true);
        f.beta()[0] = 1;
        f.vb()[0][0] = 1;
        f.se()[0] = 1;
        f.p()[0] = 1;
        f.ciLower()[0] = 1;
        f.ciUpper()[0] = 1;
        f.statistic()[0] = 1;
        f.weights()[0] = 1;
        f.model().y()[0] = 1;
        f.model().v()[0] = 1;
        assertValue(f, g);
    }

    @Test
    void a_model_does_not_keep_the_callers_arrays() {
        double[] y = Y.clone();
        MetaModel m = MetaModel.interceptOnly(y, V);
        y[0] = 99;
        assertThat(m.y(0)).isEqualTo(Y[0]);
        assertThat(m).isEqualTo(MetaModel.interceptOnly(Y, V));
    }

    @Test
    void equal_inputs_give_equal_results_with_equal_hash_codes() {
        assertValue(studies(Y, V), studies(Y, V));
        assertValue(EffectCalculator.generic(studies(Y, V)), EffectCalculator.generic(studies(Y, V)));
        assertValue(pool(Y, V), pool(Y, V));
        assertThat(pool(Y, V)).isNotEqualTo(pool(Y, new double[] {0.36, 0.19, 0.42, 0.01, 0.05, 0.01, 0.22, 0.004, 0.07}));
    }

    @Test
    void aggregate_results_survive_serialization() {
        MetaResult r = pool(Y, V);
        assertValue(roundTrip(r), r);
        assertValue(roundTrip(r.effects()), r.effects());
        assertValue(roundTrip(r.effects().input()), r.effects().input());
        ModelFit f = InverseVariance.fit(MetaModel.interceptOnly(Y, V), MetaOptions.defaults(), true);
        assertValue(roundTrip(f), f);
        assertValue(roundTrip(MetaOptions.defaults()), MetaOptions.defaults());
        MetaResult fixed = MetaAnalysis.run(EffectCalculator.generic(studies(Y, V)), MetaOptions.defaults().withModel(Model.FIXED));
        assertValue(roundTrip(fixed), fixed);
    }

    @Test
    void a_deserialized_result_does_not_share_arrays_with_another() {
        MetaResult r = pool(Y, V);
        MetaResult copy = roundTrip(r);
        copy.weights()[0] = -5;
        assertThat(copy).isEqualTo(r);
    }

    @Test
    void analyses_built_on_pooling_are_values() {
        EffectSizes es = Bcg.rr(Bcg.table());
        MetaOptions o = MetaOptions.defaults();

        RegressionResult reg = MetaRegression.fit(es, List.of(Moderator.numeric("ablat")), o);
        RegressionResult reg2 = MetaRegression.fit(Bcg.rr(Bcg.table()), List.of(Moderator.numeric("ablat")), o);
        assertValue(reg, reg2);
        assertValue(roundTrip(reg), reg);
        reg.design().columns()[0][0] = 99;
        reg.design().positions()[0] = 99;
        assertThat(reg).isEqualTo(reg2);

        PermutationResult perm = PermutationTest.of(MetaRegression.fit(Bcg.rr(Bcg.table(1, 2, 3, 4, 5, 6)),
                List.of(Moderator.numeric("ablat")), o)).exact();
        assertValue(roundTrip(perm), perm);
        perm.p()[0] = -1;
        assertThat(perm.p()[0]).isNotEqualTo(-1);

        SubgroupResult sub = SubgroupAnalysis.run(es, "alloc", o, SubgroupTest.SEPARATE_TAU2_WALD);
        assertValue(sub, SubgroupAnalysis.run(Bcg.rr(Bcg.table()), "alloc", o, SubgroupTest.SEPARATE_TAU2_WALD));
        assertValue(roundTrip(sub), sub);
        int p0 = sub.groups().get(0).positions()[0];
        sub.groups().get(0).positions()[0] = 99;
        assertThat(sub.groups().get(0).positions()[0]).isEqualTo(p0);

        EggerTest egger = SmallStudyEffects.egger(es, o);
        assertValue(egger, SmallStudyEffects.egger(Bcg.rr(Bcg.table()), o));
        assertValue(roundTrip(egger), egger);
        RankTest rank = SmallStudyEffects.rankTest(es);
        assertValue(roundTrip(rank), rank);
        TrimFillResult tf = SmallStudyEffects.trimFill(es, o);
        assertValue(tf, SmallStudyEffects.trimFill(Bcg.rr(Bcg.table()), o));
        assertValue(roundTrip(tf), tf);
        FunnelPlot funnel = SmallStudyEffects.contourFunnel(es, o);
        assertValue(funnel, SmallStudyEffects.contourFunnel(Bcg.rr(Bcg.table()), o));
        assertValue(roundTrip(funnel), funnel);
        funnel.contours().get(0).se()[0] = -1;
        assertThat(funnel.contours().get(0).se()[0]).isNotEqualTo(-1);

        List<Sensitivity.Step> loo = Sensitivity.leaveOneOut(es, o);
        assertThat(loo).isEqualTo(Sensitivity.leaveOneOut(Bcg.rr(Bcg.table()), o));
        assertValue(roundTrip(loo.get(0)), loo.get(0));
    }
}
