package org.strokemeta.bayes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.bayes.EmpiricalPriors.ComparisonType;
import org.strokemeta.bayes.EmpiricalPriors.OutcomeType;

class EmpiricalPriorsTest {

    @Test
    void everySettingOfTableIvOnce() {
        Set<String> seen = new HashSet<>();
        for (EmpiricalPriors.Setting s : EmpiricalPriors.turner2015()) {
            assertThat(seen.add(s.outcome() + "/" + s.comparison())).isTrue();
            // Table IV's priors put the median tau² well below 1 and are proper log-normals
            assertThat(s.mean()).isBetween(-4.5, -0.5);
            assertThat(s.sd()).isBetween(1.0, 2.0);
        }
        assertThat(seen).hasSize(OutcomeType.values().length * ComparisonType.values().length).hasSize(80);
    }

    @Test
    void cellsAsPublished() {
        // all-cause mortality, pharmacological vs placebo / control: LN(-3.95, 1.34²)
        EmpiricalPriors.Setting m = EmpiricalPriors.turner(OutcomeType.ALL_CAUSE_MORTALITY, ComparisonType.PHARMA_VS_CONTROL);
        assertThat(m.mean()).isEqualTo(-3.95);
        assertThat(m.sd()).isEqualTo(1.34);
        // subjective outcomes, non-pharmacological vs pharmacological: LN(-1.67, 1.25²)
        EmpiricalPriors.Setting s = EmpiricalPriors.turner("subjective", "nonpharma-vs-pharma");
        assertThat(s.mean()).isEqualTo(-1.67);
        assertThat(s.sd()).isEqualTo(1.25);
        assertThat(m.medianTau()).isEqualTo(Math.exp(-3.95 / 2));
        assertThat(m.note()).isNull();
        // the two cells whose transcriptions disagree carry the disagreement into the prior's source
        EmpiricalPriors.Setting o = EmpiricalPriors.turner(OutcomeType.OBSTETRIC, ComparisonType.PHARMA_VS_CONTROL);
        assertThat(o.mean()).isEqualTo(-3.52);
        assertThat(o.prior().source()).contains("disputed", "-3.25");
        assertThat(EmpiricalPriors.turner2015().stream().filter(x -> x.note() != null).count()).isEqualTo(2);
    }

    @Test
    void parsedFromTheCommandLineWithItsSource() {
        TauPrior p = TauPrior.parse("turner:adverse-events:nonpharma-vs-control");
        EmpiricalPriors.Setting s = EmpiricalPriors.turner(OutcomeType.ADVERSE_EVENTS, ComparisonType.NONPHARMA_VS_CONTROL);
        assertThat(p.kind()).isEqualTo(TauPrior.Kind.LOGNORMAL_TAU2);
        assertThat(p.mean()).isEqualTo(s.mean());
        assertThat(p.sd()).isEqualTo(s.sd());
        assertThat(p.source()).contains("doi:10.1002/sim.6381", "Table IV", "adverse events", "non-pharmacological vs placebo / control");
        assertThat(p.describe()).contains("Turner et al. 2015");
        // the same density as the log-normal stated by hand
        TauPrior hand = TauPrior.logNormalTau2(s.mean(), s.sd());
        for (double tau : new double[] {0.01, 0.1, 0.3, 1, 3}) {
            assertThat(p.logDensity(tau)).isEqualTo(hand.logDensity(tau));
        }
    }

    @Test
    void unknownKeysNameTheValidOnes() {
        assertThatThrownBy(() -> TauPrior.parse("turner:death:nonpharma-vs-control"))
                .hasMessageContaining("unknown outcome type 'death'").hasMessageContaining("all-cause-mortality");
        assertThatThrownBy(() -> TauPrior.parse("turner:pain:surgery-vs-control"))
                .hasMessageContaining("unknown comparison type").hasMessageContaining("nonpharma-vs-control");
        assertThatThrownBy(() -> TauPrior.parse("turner")).hasMessageContaining("unknown outcome type ''");
    }
}
