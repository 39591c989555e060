package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.Examples;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Note;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.PatientLoader;
import org.strokemeta.data.Table;
import org.strokemeta.ordinal.Link;
import org.strokemeta.pool.Execution;

class MixedModelTest {
    /** Patients of 6 trials, 3 centres each, three arms in two trials, a site factor, age, an ordinal and a 0/1 outcome. */
    static Table patients(long seed, int perTrial) {
        Random r = new Random(seed);
        List<List<String>> rows = new ArrayList<>();
        String[] sites = {"ICA", "M1", "M2"};
        for (int s = 0; s < 6; s++) {
            double b = 0.5 * r.nextGaussian();
            double slope = 0.1 * r.nextGaussian();
            double[] centre = {0.3 * r.nextGaussian(), 0.3 * r.nextGaussian(), 0.3 * r.nextGaussian()};
            for (int i = 0; i < perTrial; i++) {
                int arms = s < 2 ? 3 : 2;
                int arm = r.nextInt(arms);
                int site = r.nextInt(3);
                int c = r.nextInt(3);
                double age = Math.round(68 + 11 * r.nextGaussian());
                double eta = -0.8 * (arm == 1 ? 1 : 0) - 1.0 * (arm == 2 ? 1 : 0) + 0.2 * (site == 1 ? 1 : 0)
                        + 0.4 * (arm > 0 && site == 2 ? 1 : 0) + (0.3 + slope) * (age - 70) / 10 + b + centre[c];
                double u = r.nextDouble();
                double latent = eta + Math.log(u / (1 - u));
                double[] th = {-1.2, 0.0, 0.8, 1.7, 2.9, 3.6};
                int y = 0;
                while (y < 6 && latent > th[y]) {
                    y++;
                }
                String armName = arm == 0 ? "control" : arm == 1 ? "evt" : "evt_ext";
                rows.add(List.of("T" + s, "C" + c, armName, sites[site], Double.toString(age), Double.toString((age - 70) / 10),
                        Integer.toString(y), y <= 2 ? "1" : "0"));
            }
        }
        return Table.ofRows("sim.csv", List.of("study", "centre", "arm", "site", "age", "age10", "mrs", "mrs02"), rows);
    }

    @Test
    void the_gradient_is_the_derivative_of_the_laplace_approximation() {
        // nested intercepts, a correlated slope, probit and cloglog links, case weights: every part of the gradient
        Random r = new Random(9);
        int n = 400;
        int[] y = new int[n];
        double[] w = new double[n];
        double[][] x = new double[2][n];
        int[][] group = new int[3][n];
        double[] age = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextInt(4);
            w[i] = 1 + r.nextInt(3);
            x[0][i] = r.nextInt(2) - 0.5;
            x[1][i] = r.nextGaussian();
            age[i] = r.nextGaussian();
            group[0][i] = i % 5;
            group[1][i] = (i % 5) * 3 + r.nextInt(3);
            group[2][i] = i % 5;
        }
        LaplaceLikelihood.Terms terms = new LaplaceLikelihood.Terms(new int[] {1, 1, 2}, group, new int[] {5, 15, 5},
                new double[][][] {{null}, {null}, {null, age}}, new boolean[] {false, false, false});
        for (Link link : Link.values()) {
            LaplaceLikelihood ll = new LaplaceLikelihood(link, y, 4, w, x, terms, Execution.defaults());
            double[] psi = {-0.7, 0.1, 0.9, 0.3, -0.2, 0.4, 0.3, 0.5, 0.25, -0.1};
            assertThat(psi).hasSize(ll.dimension());
            double[] g = new double[psi.length];
            double v = ll.evaluate(psi, g);
            assertThat(v).isFinite();
            assertThat(ll.blockCount()).isEqualTo(5);
            for (int k = 0; k < psi.length; k++) {
                double h = 1e-5;
                double[] p = psi.clone();
                p[k] += h;
                double up = ll.evaluate(p, new double[psi.length]);
                p[k] -= 2 * h;
                double down = ll.evaluate(p, new double[psi.length]);
                assertThat(g[k]).as(link + " parameter " + k).isCloseTo((up - down) / (2 * h), within(2e-6 * Math.max(1, Math.abs(g[k]))));
            }
        }
    }

    @Test
    void crossed_factors_form_one_block_and_nested_ones_a_block_per_trial() {
        int n = 60;
        int[] y = new int[n];
        double[][] x = new double[0][];
        int[][] nested = new int[2][n];
        int[][] crossed = new int[2][n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            nested[0][i] = i % 4;
            nested[1][i] = (i % 4) * 2 + (i / 4) % 2;
            crossed[0][i] = i % 4;
            crossed[1][i] = (i / 4) % 3;
        }
        double[][][] z = {{null}, {null}};
        var a = new LaplaceLikelihood(Link.LOGIT, y, 3, null, x,
                new LaplaceLikelihood.Terms(new int[] {1, 1}, nested, new int[] {4, 8}, z, new boolean[2]), Execution.defaults());
        var b = new LaplaceLikelihood(Link.LOGIT, y, 3, null, x,
                new LaplaceLikelihood.Terms(new int[] {1, 1}, crossed, new int[] {4, 3}, z, new boolean[2]), Execution.defaults());
        assertThat(a.blockCount()).isEqualTo(4);
        assertThat(a.largestBlock()).isEqualTo(3);
        assertThat(b.blockCount()).isEqualTo(1);
        assertThat(b.largestBlock()).isEqualTo(7);
    }

    @Test
    void a_random_intercept_model_equals_the_specialised_fit() {
        Table t = Examples.table(Examples.get("ipd_sim"));
        MixedModelResult g = MixedModel.fit(t, MixedModelOptions.of("mrs ~ treatment + age + (1 + treatment | study)"));
        PatientData d = PatientLoader.load(t, PatientLoader.Columns.defaults(t).withCovariates(List.of("age")));
        MixedOrdinalResult s = MixedOrdinal.fit(d, MixedOptions.defaults().withCovariates(List.of("age"))
                .withRandomEffects(RandomEffects.CORRELATED));
        assertThat(g.converged()).isTrue();
        assertThat(g.logLik()).isCloseTo(s.logLik(), within(1e-7));
        assertThat(g.coefficient("treatment").estimate()).isCloseTo(s.coefficients().get(0).estimate(), within(1e-5));
        assertThat(g.coefficient("treatment").se()).isCloseTo(s.coefficients().get(0).se(), within(1e-5));
        assertThat(g.coefficient("age").estimate()).isCloseTo(s.coefficients().get(1).estimate(), within(1e-7));
        MixedModelResult.RandomComponent c = g.randomEffects().get(0);
        assertThat(c.sd()[0] * c.sd()[0]).isCloseTo(s.variance().interceptVariance(), within(1e-5));
        assertThat(c.sd()[1] * c.sd()[1]).isCloseTo(s.variance().treatmentVariance(), within(1e-5));
        assertThat(c.correlation()[1]).isCloseTo(s.variance().correlation(), within(1e-4));
    }

    @Test
    void codes_factors_by_treatment_contrasts_with_r_names_and_fits_interactions() {
        Table t = patients(4, 150);
        MixedModelResult r = MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm * site + age10 + (1 | study)"));
        assertThat(r.converged()).isTrue();
        assertThat(r.estimates().keySet()).containsExactly("armevt", "armevt_ext", "siteM1", "siteM2", "age10",
                "armevt:siteM1", "armevt_ext:siteM1", "armevt:siteM2", "armevt_ext:siteM2");
        assertThat(r.thresholds()).extracting(c -> c.name()).containsExactly("0|1", "1|2", "2|3", "3|4", "4|5", "5|6");
        MixedModelResult other = MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm * site + age10 + (1 | study)")
                .withReference(Map.of("site", "M2")));
        assertThat(other.estimates()).containsKeys("siteICA", "armevt:siteICA");
        // the same model, another coding: the likelihood does not change
        assertThat(other.logLik()).isCloseTo(r.logLik(), within(1e-6));
    }

    @Test
    void a_binary_model_reports_the_intercept_and_coefficients_on_the_event_scale() {
        Table t = patients(5, 150);
        MixedModelResult r = MixedModel.fit(t, MixedModelOptions.of("mrs02 ~ arm + age10 + (1 | study/centre)")
                .withFamily(MixedModelOptions.Family.BINOMIAL));
        assertThat(r.converged()).isTrue();
        assertThat(r.thresholds()).singleElement().extracting(c -> c.name()).isEqualTo("(Intercept)");
        // treatment lowers the latent mRS: more patients reach mRS 0-2
        assertThat(r.coefficient("armevt").estimate()).isPositive();
        assertThat(r.randomEffects()).extracting(MixedModelResult.RandomComponent::group).containsExactly("study", "study:centre");
        assertThat(r.randomEffects().get(1).levels()).isEqualTo(18);
    }

    @Test
    void the_estimates_do_not_depend_on_the_execution() {
        Table t = patients(6, 120);
        MixedModelOptions o = MixedModelOptions.of("mrs ~ arm + (1 | study) + (1 | centre)");
        MixedModelResult a = MixedModel.fit(t, o.withExecution(Execution.singleThread()));
        MixedModelResult b = MixedModel.fit(t, o);
        assertThat(a.logLik()).isEqualTo(b.logLik());
        assertThat(a.estimates()).isEqualTo(b.estimates());
    }

    @Test
    void large_data_split_over_threads_give_the_same_numbers() {
        // from 30,000 rows the blocks of an evaluation run in parallel; their sums are added in block order
        Table t = patients(13, 5_200);
        MixedModelOptions o = MixedModelOptions.of("mrs ~ arm + age10 + (1 | study/centre)");
        MixedModelResult a = MixedModel.fit(t, o.withExecution(Execution.singleThread()));
        MixedModelResult b = MixedModel.fit(t, o.withExecution(Execution.on(java.util.concurrent.ForkJoinPool.commonPool(), 4)));
        assertThat(t.rows()).isGreaterThan(30_000);
        assertThat(a.converged()).isTrue();
        assertThat(b.logLik()).isEqualTo(a.logLik());
        assertThat(b.estimates()).isEqualTo(a.estimates());
        assertThat(b.coefficient("armevt").se()).isEqualTo(a.coefficient("armevt").se());
    }

    @Test
    void rows_with_a_missing_value_are_left_out_and_listed() {
        Table base = patients(7, 80);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < base.rows(); i++) {
            List<String> row = new ArrayList<>();
            for (String c : base.columnNames()) {
                row.add(i % 50 == 3 && c.equals("age10") ? "" : base.text(i, c));
            }
            rows.add(row);
        }
        Table t = Table.ofRows("gaps.csv", base.columnNames(), rows);
        MixedModelResult r = MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + age10 + (1 | study)"));
        int missing = (base.rows() + 46) / 50;
        assertThat(r.patients()).isEqualTo(base.rows() - missing);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n.message()).contains(missing + " rows are left out of the model: age10 is missing")
                .contains("lines " + t.line(3) + ", " + t.line(53)));
    }

    @Test
    void explains_what_it_cannot_fit() {
        Table t = patients(8, 60);
        assertThatThrownBy(() -> MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + weight + (1 | study)")))
                .isInstanceOf(InputException.class).hasMessageContaining("column 'weight'");
        assertThatThrownBy(() -> MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + arm:site + (1 | study)")))
                .hasMessageContaining("the interaction arm:site needs the term site").hasMessageContaining("arm * site");
        assertThatThrownBy(() -> MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + age10 + (1 | study)")
                .withReference(Map.of("arm", "placebo")))).hasMessageContaining("'placebo' of arm does not occur");
        assertThatThrownBy(() -> MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + site + (1 | study)")
                .withFamily(MixedModelOptions.Family.BINOMIAL))).isInstanceOf(InputException.class)
                .hasMessageContaining("is not 0 or 1");
    }

    @Test
    void reports_an_empty_interaction_cell_by_its_column_name() {
        Table base = patients(10, 120);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < base.rows(); i++) {
            if (base.text(i, "arm").equals("evt_ext") && base.text(i, "site").equals("M2")) {
                continue;
            }
            List<String> row = new ArrayList<>();
            for (String c : base.columnNames()) {
                row.add(base.text(i, c));
            }
            rows.add(row);
        }
        Table t = Table.ofRows("cells.csv", base.columnNames(), rows);
        assertThatThrownBy(() -> MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm * site + (1 | study)")))
                .hasMessageContaining("armevt_ext:siteM2 is 0 for every patient");
    }

    @Test
    void notes_a_variance_at_its_boundary() {
        Table t = patients(11, 100);
        // the country column does not exist: reuse arm as a grouping with no true variation beyond the fixed effect
        MixedModelResult r = MixedModel.fit(t, MixedModelOptions.of("mrs ~ arm + (1 | study) + (1 | arm)"));
        MixedModelResult.RandomComponent c = r.randomEffects().get(1);
        assertThat(c.sd()[0]).isLessThan(1e-3);
        assertThat(c.atBoundary()).isTrue();
        assertThat(r.notes()).extracting(Note::message).anySatisfy(m -> assertThat(m).contains("(1 | arm)").contains("boundary"));
    }

    @Test
    void case_weights_give_the_fit_of_the_expanded_rows() {
        Table t = patients(12, 120);
        java.util.Map<List<String>, Integer> count = new java.util.LinkedHashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            count.merge(List.of(t.text(i, "study"), t.text(i, "arm"), t.text(i, "site"), t.text(i, "mrs")), 1, Integer::sum);
        }
        List<List<String>> rows = new ArrayList<>();
        count.forEach((k, v) -> {
            List<String> row = new ArrayList<>(k);
            row.add(Integer.toString(v));
            rows.add(row);
        });
        rows.add(List.of("T0", "evt", "M1", "3", "0"));
        Table agg = Table.ofRows("counts.csv", List.of("study", "arm", "site", "mrs", "n"), rows);
        String f = "mrs ~ arm + site + (1 | study)";
        MixedModelResult expanded = MixedModel.fit(t, MixedModelOptions.of(f));
        MixedModelResult weighted = MixedModel.fit(agg, MixedModelOptions.of(f).withWeights("n"));
        assertThat(rows.size()).isLessThan(t.rows() / 2);
        assertThat(weighted.weightTotal()).isEqualTo(t.rows());
        assertThat(weighted.logLik()).isCloseTo(expanded.logLik(), within(1e-8));
        assertThat(weighted.bic()).isCloseTo(expanded.bic(), within(1e-7));
        expanded.estimates().forEach((k, v) -> assertThat(weighted.estimates().get(k)).as(k).isCloseTo(v, within(1e-6)));
        assertThat(weighted.coefficient("armevt").se()).isCloseTo(expanded.coefficient("armevt").se(), within(1e-6));
        assertThat(weighted.notes()).extracting(Note::message).anySatisfy(m -> assertThat(m).contains("1 row has weight 0"));
        List<List<String>> bad = new ArrayList<>(rows);
        bad.set(2, List.of("T0", "evt", "M1", "2", "1.5"));
        Table half = Table.ofRows("half.csv", List.of("study", "arm", "site", "mrs", "n"), bad);
        assertThatThrownBy(() -> MixedModel.fit(half, MixedModelOptions.of(f).withWeights("n")))
                .isInstanceOf(InputException.class).hasMessageContaining("line 4").hasMessageContaining("whole number")
                .hasMessageContaining("'1.5'");
    }
}
