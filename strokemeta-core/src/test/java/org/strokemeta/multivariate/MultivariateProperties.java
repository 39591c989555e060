package org.strokemeta.multivariate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.strokemeta.Meta;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Measure;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;

/** Properties of the multilevel and network models against the pairwise engine and under relabelling. */
class MultivariateProperties {

    private static Table table(String csv) {
        return CsvReader.parse("generated.csv", csv);
    }

    @Property(tries = 15)
    void a_network_of_two_treatments_is_the_pairwise_meta_analysis(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int k = 3 + rnd.nextInt(8);
        StringBuilder arms = new StringBuilder("study,treatment,events,total\n");
        StringBuilder pairs = new StringBuilder("study,events_treat,total_treat,events_ctrl,total_ctrl\n");
        for (int i = 0; i < k; i++) {
            int nt = 40 + rnd.nextInt(200);
            int nc = 40 + rnd.nextInt(200);
            int xt = 1 + rnd.nextInt(nt / 2);
            int xc = 1 + rnd.nextInt(nc / 2);
            arms.append("S").append(i).append(",control,").append(xc).append(',').append(nc).append('\n');
            arms.append("S").append(i).append(",drug,").append(xt).append(',').append(nt).append('\n');
            pairs.append("S").append(i).append(',').append(xt).append(',').append(nt).append(',').append(xc).append(',').append(nc).append('\n');
        }
        NetworkResult net = Network.fit(table(arms.toString()), NetworkOptions.defaults().withTreatments(List.of("control", "drug"), "control"));
        MetaResult pw = Meta.analyze(table(pairs.toString()), MetaRequest.defaults().withMeasure(Measure.OR)
                .withOptions(MetaOptions.defaults().withTau2(Tau2Method.REML))).get(0).result();
        assertThat(net.relative("drug").estimate()).isCloseTo(pw.pooled().estimate(), within(1e-6));
        assertThat(net.relative("drug").se()).isCloseTo(pw.pooled().se(), within(1e-6));
        // both REML fits stop at their own convergence tests: relative to tau² when it is large (seed 4735: tau² 4.93,
        // the two 1.6e-7 apart, 3e-8 relative), as the check of Q below
        assertThat(net.tau2()).isCloseTo(pw.heterogeneity().tau2(), within(1e-7 * Math.max(1, pw.heterogeneity().tau2())));
        assertThat(net.qe()).isCloseTo(pw.heterogeneity().q(), within(1e-8 * Math.max(1, pw.heterogeneity().q())));
        assertThat(net.inconsistency()).isNull();
    }

    @Property(tries = 10)
    void relabelling_the_treatments_permutes_the_league_table(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        List<String> treatments = new ArrayList<>(List.of("A", "B", "C", "D"));
        StringBuilder csv = new StringBuilder("study,treatment,mean,sd,n\n");
        for (int i = 0; i < 10; i++) {
            List<String> t = new ArrayList<>(treatments);
            Collections.shuffle(t, rnd);
            int arms = i == 0 ? 4 : 2 + rnd.nextInt(2);
            for (int a = 0; a < arms; a++) {
                csv.append("S").append(i).append(',').append(t.get(a)).append(',').append(rnd.nextGaussian() + treatments.indexOf(t.get(a)))
                        .append(',').append(1 + rnd.nextDouble()).append(',').append(20 + rnd.nextInt(80)).append('\n');
            }
        }
        Table tab = table(csv.toString());
        NetworkResult r1 = Network.fit(tab, NetworkOptions.defaults().withTreatments(treatments, "A"));
        List<String> other = new ArrayList<>(treatments);
        Collections.shuffle(other, rnd);
        NetworkResult r2 = Network.fit(tab, NetworkOptions.defaults().withTreatments(other, other.get(0)));
        assertThat(r2.tau2()).isCloseTo(r1.tau2(), within(1e-7));
        for (NetworkResult.Pair p : r1.league()) {
            NetworkResult.Pair q = r2.league().stream().filter(x -> x.treat1().equals(p.treat1()) && x.treat2().equals(p.treat2())
                    || x.treat1().equals(p.treat2()) && x.treat2().equals(p.treat1())).findFirst().orElseThrow();
            double sign = q.treat1().equals(p.treat1()) ? 1 : -1;
            assertThat(sign * q.estimate()).as(p.treat1() + " vs " + p.treat2()).isCloseTo(p.estimate(), within(1e-6));
            assertThat(q.se()).isCloseTo(p.se(), within(1e-6));
        }
        double sum1 = r1.ranking().stream().mapToDouble(NetworkResult.Rank::pScore).sum();
        assertThat(sum1).isCloseTo(treatments.size() / 2.0, within(1e-9));
    }

    @Property(tries = 15)
    void a_three_level_model_with_one_effect_per_trial_is_the_random_effects_model(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        int k = 4 + rnd.nextInt(12);
        StringBuilder csv = new StringBuilder("study,es_id,yi,vi\n");
        double[] y = new double[k];
        double[] v = new double[k];
        for (int i = 0; i < k; i++) {
            v[i] = 0.01 + 0.2 * rnd.nextDouble();
            y[i] = 0.3 + rnd.nextGaussian() * Math.sqrt(v[i] + 0.05);
            csv.append("T").append(i).append(",e").append(i).append(',').append(y[i]).append(',').append(v[i]).append('\n');
        }
        MultilevelResult ml = Multilevel.fit(table(csv.toString()), MultilevelOptions.of("~ 1 | study/es_id"));
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            labels.add("T" + i);
        }
        MetaResult re = Meta.pool(y, v, labels, MetaRequest.defaults().withOptions(MetaOptions.defaults().withTau2(Tau2Method.REML))).result();
        // the two variances are not separately identified: their sum is the random-effects model's tau²
        assertThat(ml.sigma2()[0] + ml.sigma2()[1]).isCloseTo(re.heterogeneity().tau2(), within(1e-7));
        assertThat(ml.coefficient("intercept").estimate()).isCloseTo(re.pooled().estimate(), within(1e-7));
        assertThat(ml.coefficient("intercept").se()).isCloseTo(re.pooled().se(), within(1e-7));
        assertThat(ml.qe()).isCloseTo(re.heterogeneity().q(), within(1e-8 * Math.max(1, re.heterogeneity().q())));
    }

    private static String randomArms(Random rnd, List<String> treatments, int trials) {
        StringBuilder csv = new StringBuilder("study,treatment,mean,sd,n\n");
        for (int i = 0; i < trials; i++) {
            List<String> t = new ArrayList<>(treatments);
            Collections.shuffle(t, rnd);
            int arms = i == 0 ? treatments.size() : 2 + rnd.nextInt(2);
            for (int a = 0; a < arms; a++) {
                csv.append("S").append(i).append(',').append(t.get(a)).append(',').append(rnd.nextGaussian() + 0.3 * treatments.indexOf(t.get(a)))
                        .append(',').append(1 + rnd.nextDouble()).append(',').append(20 + rnd.nextInt(80)).append('\n');
            }
        }
        return csv.toString();
    }

    @Property(tries = 8)
    void sucra_from_the_draws_agrees_with_the_p_score_and_the_rank_probabilities_add_up(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        List<String> treatments = List.of("A", "B", "C", "D", "E");
        Table tab = table(randomArms(rnd, treatments, 12));
        NetworkOptions o = NetworkOptions.defaults().withTreatments(treatments, "A").withNodeSplit(false).withSimulations(20_000, seed)
                .withSmallBetter(rnd.nextBoolean());
        NetworkResult r = Network.fit(tab, o);
        double[] column = new double[treatments.size()];
        for (NetworkResult.Rank x : r.ranking()) {
            // the P-score is SUCRA's exact expectation (Rücker and Schwarzer 2015); a probability below 1/n the draws cannot see
            assertThat(x.sucra()).as(x.treatment()).isCloseTo(x.pScore(), within(5 * x.sucraSe() + 5.0 / 20_000));
            double[] pr = x.probabilities();
            assertThat(java.util.Arrays.stream(pr).sum()).isCloseTo(1, within(1e-12));
            double mean = 0;
            for (int j = 0; j < pr.length; j++) {
                mean += (j + 1) * pr[j];
                column[j] += pr[j];
            }
            assertThat(x.meanRank()).isCloseTo(mean, within(1e-12));
            assertThat(x.sucra()).isCloseTo((treatments.size() - mean) / (treatments.size() - 1), within(1e-12));
        }
        for (double c : column) {
            assertThat(c).isCloseTo(1, within(1e-12));
        }
        NetworkResult again = Network.fit(tab, o);
        for (int i = 0; i < treatments.size(); i++) {
            assertThat(again.ranking().get(i).probabilities()).containsExactly(r.ranking().get(i).probabilities());
        }
    }

    @Property(tries = 10)
    void node_splitting_of_exactly_consistent_contrasts_finds_no_difference(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        Random rnd = new Random(seed);
        List<String> treatments = List.of("A", "B", "C", "D");
        double[] d = {0, rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()};
        StringBuilder csv = new StringBuilder("study,treat1,treat2,yi,vi,vbase\n");
        int trial = 0;
        for (int a = 0; a < 4; a++) {
            for (int c = a + 1; c < 4; c++) {
                int reps = 1 + rnd.nextInt(2);
                for (int r = 0; r < reps; r++) {
                    csv.append("S").append(trial++).append(',').append(treatments.get(c)).append(',').append(treatments.get(a)).append(',')
                            .append(d[c] - d[a]).append(',').append(0.02 + 0.2 * rnd.nextDouble()).append(",\n");
                }
            }
        }
        // one three-arm trial (A, B, C) with correlated contrasts
        double vb = 0.05 + 0.1 * rnd.nextDouble();
        csv.append("S3arm,B,A,").append(d[1]).append(',').append(vb + 0.05).append(',').append(vb).append('\n');
        csv.append("S3arm,C,A,").append(d[2]).append(',').append(vb + 0.08).append(',').append(vb).append('\n');
        NetworkResult r = Network.fit(table(csv.toString()), NetworkOptions.defaults().withTreatments(treatments, "A").withRandom(false)
                .withSimulations(0, 1));
        assertThat(r.splits()).hasSize(6);
        assertThat(r.directOnly()).isEmpty();
        for (NetworkResult.Split x : r.splits()) {
            double truth = d[treatments.indexOf(x.treat1())] - d[treatments.indexOf(x.treat2())];
            assertThat(x.network()).isCloseTo(truth, within(1e-9));
            assertThat(x.direct()).as(x.treat1() + " vs " + x.treat2()).isCloseTo(truth, within(1e-9));
            assertThat(x.indirect()).isCloseTo(truth, within(1e-9));
            assertThat(x.difference()).isCloseTo(0, within(1e-9));
            // the comparisons with D lie in two-arm trials only: their direct and indirect estimates are independent
            if (!x.treat2().equals("D")) {
                continue;
            }
            assertThat(x.differenceSe() * x.differenceSe()).isCloseTo(x.directSe() * x.directSe() + x.indirectSe() * x.indirectSe(), within(1e-6));
        }
    }

    @Test
    void a_star_network_has_nothing_to_split() {
        String csv = "study,treatment,events,total\nS1,A,10,100\nS1,B,15,100\nS2,A,12,90\nS2,C,20,95\nS3,A,8,80\nS3,D,11,85\nS4,A,9,70\nS4,B,13,75\n";
        NetworkResult r = Network.fit(table(csv), NetworkOptions.defaults().withTreatments(List.of("A", "B", "C", "D"), "A"));
        assertThat(r.splits()).isEmpty();
        assertThat(r.directOnly()).extracting(NetworkResult.Edge::treat2).containsExactly("B", "C", "D");
        assertThat(r.directOnly().get(0).studies()).isEqualTo(2);
    }
}
