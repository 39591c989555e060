package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.PatientData;
import org.strokemeta.study.IpdAnalysis;
import org.strokemeta.study.IpdRequest;

/** The cumulative link model with nominal and scale effects (reference values: the ipd_nomscale_* cases). */
class CumulativeLinkModelTest {
    private static PatientData sim() {
        return org.strokemeta.data.PatientLoader.load(Examples.table(Examples.get("ipd_sim")),
                org.strokemeta.data.PatientLoader.Columns.defaults(Examples.table(Examples.get("ipd_sim"))).withCovariates(List.of("age", "sex")));
    }

    @Test
    void without_nominal_or_scale_effects_it_is_the_proportional_odds_model() {
        PatientData d = sim();
        for (Thresholds th : Thresholds.values()) {
            PoOptions o = PoOptions.defaults().withThresholds(th);
            CumulativeLinkModel.Fit f = CumulativeLinkModel.fit(d, o, List.of(), List.of());
            ProportionalOddsFit p = ProportionalOdds.fit(d, o);
            assertThat(f.converged()).isTrue();
            assertThat(f.logLik()).isCloseTo(p.logLik(), within(1e-8));
            assertThat(f.treatment().estimate()).isCloseTo(p.coefficient("treatment"), within(1e-8));
            assertThat(f.treatment().se()).isCloseTo(p.coefficientSe("treatment"), within(1e-8));
            assertThat(f.parameters()).isEqualTo(p.parameters());
        }
    }

    @Test
    void refuses_a_nominal_treatment_and_unknown_variables() {
        PatientData d = sim();
        assertThatThrownBy(() -> CumulativeLinkModel.fit(d, PoOptions.defaults(), List.of("treatment"), List.of()))
                .hasMessageContaining("proportional-odds test");
        assertThatThrownBy(() -> CumulativeLinkModel.fit(d, PoOptions.defaults(), List.of(), List.of("nihss")))
                .hasMessageContaining("'nihss' is neither treatment nor one of the covariates");
        assertThatThrownBy(() -> IpdRequest.defaults().withCovariates(List.of("age")).withNominal(List.of("sex")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'sex' is not one of");
        assertThatThrownBy(() -> IpdAnalysis.run(d, IpdRequest.defaults().withCovariates(List.of("age", "sex"))
                .withScale(List.of("treatment")).withOrdinalModel(IpdRequest.OrdinalModel.MIXED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the mixed model");
    }

    @Test
    void the_analysis_reports_nominal_and_scale_effects_in_the_adjusted_model() {
        IpdAnalysis.Outcome o = IpdAnalysis.run(sim(), IpdRequest.defaults().withCovariates(List.of("age", "sex"))
                .withNominal(List.of("sex")).withScale(List.of("treatment")).withBinary(List.of()));
        assertThat(o.adjusted().nominal()).hasSize(6).first().extracting(c -> c.name()).isEqualTo("0|1.sex");
        assertThat(o.adjusted().scale()).singleElement().extracting(c -> c.name()).isEqualTo("treatment");
        assertThat(o.adjusted().coefficients()).extracting(c -> c.name()).containsExactly("treatment", "age");
        assertThat(o.unadjusted().nominal()).isEmpty();
        assertThat(o.adjusted().effect().logCor()).isCloseTo(-o.adjusted().coefficients().get(0).estimate(), within(1e-15));
    }
}
