package org.strokemeta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.ipd.BinaryEndpoint;
import org.strokemeta.ipd.RandomEffects;
import org.strokemeta.ipd.StudyEffect;
import org.strokemeta.ordinal.CategoryMerge;
import org.strokemeta.ordinal.UtilityWeights;
import org.strokemeta.pool.Execution;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.study.IpdRequest;

/** {@link IpdRequest} is an options value: defaults, one with... method per field, errors naming the field. */
class IpdRequestTest {
    private static final IpdRequest D = IpdRequest.defaults();

    @Test
    void defaults_are_the_stratified_shift_with_three_binary_outcomes() {
        assertThat(D.covariates()).isEmpty();
        assertThat(D.ordinalModel()).isEqualTo(IpdRequest.OrdinalModel.STRATIFIED);
        assertThat(D.randomEffects()).isEqualTo(RandomEffects.INTERCEPT);
        assertThat(D.nAGQ()).isEqualTo(1);
        assertThat(D.merge()).isNull();
        assertThat(D.binary()).containsExactly(BinaryEndpoint.mrsAtMost(2), BinaryEndpoint.mrsAtMost(1), BinaryEndpoint.death());
        assertThat(D.binaryModel()).isEqualTo(StudyEffect.STRATIFIED);
        assertThat(D.interactions()).isEmpty();
        assertThat(D.twoStage()).isNull();
        assertThat(D.poTest()).isTrue();
        assertThat(D.utility()).isEqualTo(UtilityWeights.chaisinanunkul2015());
        assertThat(D.level()).isEqualTo(0.95);
        assertThat(D.ordinal()).isTrue();
        assertThat(D.unadjusted()).isTrue();
        assertThat(D.dropEmpty()).isFalse();
        assertThat(D.execution()).isEqualTo(Execution.defaults());
    }

    @Test
    void each_with_method_changes_its_own_field_only() {
        MetaOptions pooling = MetaOptions.defaults();
        CategoryMerge merge = new CategoryMerge(5, 6);
        List<BinaryEndpoint> binary = List.of(BinaryEndpoint.column("sich"));
        IpdRequest all = D.withCovariates(List.of("age")).withOrdinalModel(IpdRequest.OrdinalModel.MIXED)
                .withRandomEffects(RandomEffects.CORRELATED).withNAGQ(5).withMerge(merge).withBinary(binary)
                .withBinaryModel(StudyEffect.RANDOM_INTERCEPT).withInteractions(List.of("nihss")).withTwoStage(pooling)
                .withPoTest(false).withUtility(UtilityWeights.dawn()).withLevel(0.9).withOrdinal(false).withUnadjusted(false)
                .withDropEmpty(true).withExecution(Execution.singleThread()).withLink(org.strokemeta.ordinal.Link.PROBIT);
        assertThat(all).isEqualTo(new IpdRequest(List.of("age"), IpdRequest.OrdinalModel.MIXED, RandomEffects.CORRELATED, 5, merge,
                binary, StudyEffect.RANDOM_INTERCEPT, List.of("nihss"), pooling, false, UtilityWeights.dawn(), 0.9, false, false,
                true, Execution.singleThread(), org.strokemeta.ordinal.Link.PROBIT));
        assertThat(D.withNAGQ(7)).isEqualTo(new IpdRequest(D.covariates(), D.ordinalModel(), D.randomEffects(), 7, D.merge(),
                D.binary(), D.binaryModel(), D.interactions(), D.twoStage(), D.poTest(), D.utility(), D.level(), D.ordinal(),
                D.unadjusted(), D.dropEmpty(), D.execution(), D.link()));
        assertThat(D.withLevel(0.9).withLevel(0.95)).isEqualTo(D);
        assertThat(D.withUtility(null).utility()).isNull();
        assertThat(D.withTwoStage(pooling).withTwoStage(null)).isEqualTo(D);
    }

    @Test
    void lists_are_copied_so_the_request_cannot_change() {
        List<String> covariates = new ArrayList<>(List.of("age"));
        IpdRequest r = D.withCovariates(covariates);
        covariates.add("nihss");
        assertThat(r.covariates()).containsExactly("age");
        assertThatThrownBy(() -> r.covariates().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void errors_name_the_requests_field() {
        assertThatThrownBy(() -> D.withLevel(1.5)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("level must be in (0, 1)");
        assertThatThrownBy(() -> D.withExecution(null)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("execution");
        assertThatThrownBy(() -> D.withOrdinalModel(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ordinalModel");
        assertThatThrownBy(() -> D.withBinary(null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> D.withCovariates(java.util.Arrays.asList("age", null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covariates");
    }

    @Test
    void a_request_travels_through_serialization_unchanged() throws Exception {
        IpdRequest r = D.withCovariates(List.of("age")).withBinary(List.of(BinaryEndpoint.death(), BinaryEndpoint.column("sich")))
                .withMerge(new CategoryMerge(5, 6)).withTwoStage(MetaOptions.defaults());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(r);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(r);
        }
    }
}
