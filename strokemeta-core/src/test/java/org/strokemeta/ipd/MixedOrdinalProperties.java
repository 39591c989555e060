package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.strokemeta.data.PatientData;

class MixedOrdinalProperties {
    private static final PatientData DATA = SimulatedTrials.make(new Random(21), 6, 100, 0.5, 0.3);

    private static int[] shuffled(long seed, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        Random r = new Random(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    @Property(tries = 8)
    void trial_order_and_patient_order_do_not_change_the_mixed_ordinal_fit(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MixedOptions o = MixedOptions.defaults().withCovariates(List.of("age", "nihss")).withNagq(5);
        MixedOrdinalResult a = MixedOrdinal.fit(DATA, o);
        MixedOrdinalResult b = MixedOrdinal.fit(SimulatedTrials.permute(DATA, shuffled(seed, DATA.size())), o);
        assertThat(b.logLik()).isCloseTo(a.logLik(), within(1e-8));
        assertThat(b.logCommonOddsRatio().estimate()).isCloseTo(a.logCommonOddsRatio().estimate(), within(1e-7));
        assertThat(b.logCommonOddsRatio().se()).isCloseTo(a.logCommonOddsRatio().se(), within(1e-7));
        assertThat(b.variance().interceptVariance()).isCloseTo(a.variance().interceptVariance(), within(1e-7));
    }

    @Property(tries = 4)
    void trial_and_patient_order_do_not_change_a_random_treatment_effect_fit(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MixedOptions o = MixedOptions.defaults().withCovariates(List.of("age")).withRandomEffects(RandomEffects.INDEPENDENT);
        MixedOrdinalResult a = MixedOrdinal.fit(DATA, o);
        MixedOrdinalResult b = MixedOrdinal.fit(SimulatedTrials.permute(DATA, shuffled(seed, DATA.size())), o);
        assertThat(b.logLik()).isCloseTo(a.logLik(), within(1e-8));
        assertThat(b.logCommonOddsRatio().estimate()).isCloseTo(a.logCommonOddsRatio().estimate(), within(1e-6));
        assertThat(b.variance().treatmentVariance()).isCloseTo(a.variance().treatmentVariance(), within(1e-6));
    }

    @Property(tries = 6)
    void trial_and_patient_order_do_not_change_the_binary_models(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        PatientData p = SimulatedTrials.permute(DATA, shuffled(seed, DATA.size()));
        for (StudyEffect e : StudyEffect.values()) {
            BinaryOptions o = new BinaryOptions(e, List.of("age", "nihss"), 7, 0.95);
            BinaryResult a = IpdLogistic.fit(DATA, BinaryOutcome.atMost(DATA, 2), o);
            BinaryResult b = IpdLogistic.fit(p, BinaryOutcome.atMost(p, 2), o);
            assertThat(b.logOddsRatio().estimate()).isCloseTo(a.logOddsRatio().estimate(), within(1e-7));
            assertThat(b.logOddsRatio().se()).isCloseTo(a.logOddsRatio().se(), within(1e-7));
            assertThat(b.riskDifference().estimate()).isCloseTo(a.riskDifference().estimate(), within(1e-8));
            assertThat(b.riskDifference().se()).isCloseTo(a.riskDifference().se(), within(1e-8));
        }
    }
}
