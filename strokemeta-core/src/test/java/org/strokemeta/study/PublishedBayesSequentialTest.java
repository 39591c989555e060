package org.strokemeta.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.strokemeta.bayes.MuPrior;
import org.strokemeta.bayes.TauPrior;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.evidence.EvidenceBase;
import org.strokemeta.evidence.Population;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.sequential.TsaResult;

/**
 * The optional Bayesian and trial sequential analyses of the published evidence: present only when asked, on the
 * same trials as the frequentist analyses, and consistent with them.
 */
class PublishedBayesSequentialTest {

    private static PublishedAnalysis.Result run(PublishedRequest r) {
        return PublishedAnalysis.run(EvidenceBase.bundled(), r);
    }

    @Test
    void neither_without_being_asked() {
        PublishedAnalysis.Result r = run(PublishedRequest.defaults());
        assertThat(r.bayes()).isEmpty();
        assertThat(r.sequential()).isEmpty();
    }

    @Test
    void turner_priors_by_outcome_on_every_population_with_data() {
        PublishedAnalysis.Result r = run(PublishedRequest.defaults().withBayes(new PublishedBayes.Request(null, MuPrior.FLAT, List.of(1.0, 1.2))));
        int expected = 0;
        for (String o : PublishedBayes.OUTCOMES) {
            expected += r.outcome(o).populations().size();
        }
        assertThat(r.bayes()).hasSize(expected);
        for (PublishedBayes.Entry e : r.bayes()) {
            assertThat(e.result()).as(e.outcome() + " " + e.population()).isNotNull();
            assertThat(e.prior().source()).contains("Table IV", "non-pharmacological vs placebo / control")
                    .contains(e.outcome().equals("mortality") ? "all-cause mortality" : e.outcome().equals("sich") ? "adverse events"
                            : "quality of life / functioning");
            // the same trials as the random-effects analysis
            EffectSizes es = r.outcome(e.outcome()).of(e.population()).randomEffects().effects();
            assertThat(e.result().studies()).containsExactly(es.study());
            assertThat(e.result().exceedance()).hasSize(2);
            assertThat(e.result().exceedance()[0]).isGreaterThanOrEqualTo(e.result().exceedance()[1]);
            assertThat(e.note() != null).isEqualTo(es.size() == 1);
        }
    }

    @Test
    void a_prior_pinning_tau_at_the_reml_value_gives_the_frequentist_random_effects_interval() {
        MetaResult re = run(PublishedRequest.defaults()).outcome(PublishedAnalysis.SHIFT).of(Population.LVO_EARLY).randomEffects();
        double tau2 = re.heterogeneity().tau2();
        assertThat(tau2).isPositive();
        PublishedAnalysis.Result r = run(PublishedRequest.defaults().withBayes(
                new PublishedBayes.Request(TauPrior.logNormalTau2(Math.log(tau2), 1e-4), MuPrior.FLAT, List.of(1.0))));
        PublishedBayes.Entry e = r.bayes().stream().filter(x -> x.outcome().equals(PublishedAnalysis.SHIFT)
                && x.population() == Population.LVO_EARLY).findFirst().orElseThrow();
        // with tau fixed and a flat mu prior, mu | y ~ N(estimate, se²): the credible and confidence intervals coincide
        assertThat(e.result().mu().median()).isCloseTo(re.pooled().estimate(), within(1e-5));
        assertThat(e.result().mu().sd()).isCloseTo(re.pooled().se(), within(1e-5));
        assertThat(e.result().mu().lower()).isCloseTo(re.pooled().ciLower(), within(1e-5));
        assertThat(e.result().mu().upper()).isCloseTo(re.pooled().ciUpper(), within(1e-5));
    }

    @Test
    void sequential_analysis_in_publication_order_with_the_information_size_of_the_summary_of_findings() {
        PublishedAnalysis.Result r = run(PublishedRequest.defaults().withSequential(true));
        int expected = 0;
        for (String o : PublishedSequential.OUTCOMES) {
            expected += r.outcome(o).populations().size();
        }
        assertThat(r.sequential()).hasSize(expected);
        PublishedSequential.Entry e = r.sequential().stream().filter(x -> x.outcome().equals("mrs_0_2") && x.population() == Population.LVO_EARLY)
                .findFirst().orElseThrow();
        // MR CLEAN (PMID 25517348) before the other 2015 trials, then THRACE (2016) and PISTE (2017)
        assertThat(e.order()).containsExactly("MR CLEAN (2015)", "EXTEND-IA (2015)", "SWIFT PRIME (2015)", "REVASCAT (2015)",
                "THRACE (2016)", "PISTE (2017)");
        PublishedAnalysis.PopulationResult p = r.outcome("mrs_0_2").of(Population.LVO_EARLY);
        TsaResult t = e.result();
        int last = t.z().length - 1;
        assertThat(t.information()[last]).isEqualTo(p.participants());
        // the required information size of a 25% relative increase on the pooled control risk, with the D² correction
        double pc = p.controlEvents() / p.controlTotal();
        double pi = pc * 1.25;
        double pbar = (pc + pi) / 2;
        double z = 1.959963984540054 + 0.8416212335729143;
        double ris = 4 * z * z * pbar * (1 - pbar) / ((pi - pc) * (pi - pc));
        assertThat(t.risFixed()).isCloseTo(ris, within(1e-6 * ris));
        assertThat(t.ris()).isCloseTo(ris / (1 - t.diversity()), within(1e-6 * ris));
        // the last z is that of the DerSimonian-Laird random-effects analysis of all the trials
        MetaResult dl = MetaAnalysis.run(p.randomEffects().effects(), MetaOptions.defaults().withTau2(Tau2Method.DL));
        assertThat(t.z()[last]).isCloseTo(dl.pooled().estimate() / dl.pooled().se(), within(1e-9));
        // a crossing is reported exactly when the z-curve reaches the boundary
        for (PublishedSequential.Entry x : r.sequential()) {
            TsaResult s = x.result();
            assertThat(s).as(x.outcome() + " " + x.population()).isNotNull();
            int first = 0;
            for (int i = 0; i < s.z().length && first == 0; i++) {
                if (Math.abs(s.z()[i]) >= s.alphaBoundary()[i]) {
                    first = i + 1;
                }
            }
            assertThat(s.crossedAt()).as(x.outcome() + " " + x.population()).isEqualTo(first);
        }
        assertThat(e.result().crossed()).isTrue();
    }
}
