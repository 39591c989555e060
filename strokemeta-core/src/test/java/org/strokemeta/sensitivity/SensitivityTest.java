package org.strokemeta.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;

class SensitivityTest {
    static EffectSizes four() {
        return EffectCalculator.generic(StudyLoader.generic(CsvReader.parse("g.csv",
                "study,yi,vi\nA,0.1,0.02\nB,0.5,0.03\nC,-0.2,0.05\nD,0.3,0.01\n"), StudyLoader.GenericInput.defaults()));
    }

    @Test
    void leave_one_out_names_the_study_left_out_and_pools_the_others() {
        List<Sensitivity.Step> steps = Sensitivity.leaveOneOut(four(), MetaOptions.defaults());
        assertThat(steps).extracting(Sensitivity.Step::study).containsExactly("A", "B", "C", "D");
        EffectSizes withoutB = four().subset(new int[] {0, 2, 3});
        assertThat(steps.get(1).result().pooled().estimate())
                .isCloseTo(MetaAnalysis.run(withoutB, MetaOptions.defaults()).pooled().estimate(), within(1e-15));
        assertThat(steps).allSatisfy(s -> assertThat(s.result().k()).isEqualTo(3));
    }

    @Test
    void cumulative_analysis_starts_with_the_first_study_alone_and_ends_with_all() {
        List<Sensitivity.Step> steps = Sensitivity.cumulative(four(), MetaOptions.defaults());
        assertThat(steps.get(0).result().pooled().estimate()).isEqualTo(0.1);
        assertThat(steps.get(3).result().pooled().estimate())
                .isCloseTo(MetaAnalysis.run(four(), MetaOptions.defaults()).pooled().estimate(), within(1e-15));
        assertThat(steps).extracting(s -> s.result().k()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void leave_one_out_needs_two_studies() {
        assertThatThrownBy(() -> Sensitivity.leaveOneOut(four().subset(new int[] {0}), MetaOptions.defaults()))
                .hasMessageContaining("at least two studies");
    }
}
