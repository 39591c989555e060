package org.strokemeta.sensitivity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.strokemeta.Figures;
import org.strokemeta.Meta;
import org.strokemeta.data.Examples;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;
import org.strokemeta.plot.GoshPlot;
import org.strokemeta.pool.MetaAnalysis;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.study.MetaRequest;

/**
 * The GOSH analysis beyond its reference cases ({@code gosh_*}, metafor's gosh() on six data sets): the
 * order and count of the subsets, the seeded random sample, the bounds, and the plot's two forms.
 */
class GoshTest {
    private static EffectSizes bcg() {
        MetaRequest r = MetaRequest.defaults().withMeasure(Measure.RR);
        return Meta.effects(Examples.table(Examples.get("bcg")), r);
    }

    @Test
    void fits_every_subset_by_size_then_in_expand_grid_order_and_the_last_is_all_studies() {
        EffectSizes es = bcg().subset(new int[] {0, 1, 2, 3, 4});
        Gosh g = Gosh.of(es, MetaOptions.defaults(), GoshOptions.defaults());
        assertThat(g.exact()).isTrue();
        assertThat(g.size()).isEqualTo(31);
        // singletons first, study 1 to 5; then the pairs {1,2}, {1,3}, {2,3}, {1,4}, ...
        for (int s = 0; s < 5; s++) {
            assertThat(g.k(s)).isEqualTo(1);
            assertThat(g.includes(s, s)).isTrue();
            assertThat(g.estimate(s)).isCloseTo(es.yi(s), within(1e-15));
        }
        assertThat(g.includes(5, 0) && g.includes(5, 1)).isTrue();
        assertThat(g.includes(6, 0) && g.includes(6, 2)).isTrue();
        assertThat(g.includes(7, 1) && g.includes(7, 2)).isTrue();
        MetaResult all = MetaAnalysis.run(es, MetaOptions.defaults());
        assertThat(g.k(30)).isEqualTo(5);
        assertThat(g.estimate(30)).isCloseTo(all.pooled().estimate(), within(1e-12));
        assertThat(g.tau2(30)).isCloseTo(all.heterogeneity().tau2(), within(1e-12));
        assertThat(g.i2(30)).isCloseTo(all.heterogeneity().i2(), within(1e-9));
        assertThat(g.failed()).isZero();
    }

    @Test
    void the_closed_form_dersimonian_laird_fit_equals_the_engine_on_every_subset() {
        EffectSizes es = bcg().subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
        MetaOptions dl = MetaOptions.defaults().withTau2(Tau2Method.DL);
        Gosh g = Gosh.of(es, dl, GoshOptions.defaults());
        for (int s = 0; s < g.size(); s += 7) {
            int[] pos = new int[g.k(s)];
            for (int j = 0, m = 0; j < 8; j++) {
                if (g.includes(s, j)) {
                    pos[m++] = j;
                }
            }
            MetaResult r = MetaAnalysis.run(es.subset(pos), dl, false);
            assertThat(g.estimate(s)).isCloseTo(r.pooled().estimate(), within(1e-12));
            assertThat(g.tau2(s)).isCloseTo(r.heterogeneity().tau2(), within(1e-12));
            assertThat(g.q(s)).isCloseTo(r.heterogeneity().q(), within(1e-9));
        }
    }

    @Test
    void draws_a_seeded_sample_of_distinct_sizes_in_order_when_there_are_more_subsets_than_asked_for() {
        EffectSizes es = bcg();
        GoshOptions o = GoshOptions.defaults().withSubsets(500).withSeed(42);
        Gosh a = Gosh.of(es, MetaOptions.defaults().withTau2(Tau2Method.DL), o);
        Gosh b = Gosh.of(es, MetaOptions.defaults().withTau2(Tau2Method.DL), o);
        assertThat(a.exact()).isFalse();
        assertThat(a.possible()).isEqualTo(8191);
        assertThat(a.size()).isEqualTo(500);
        assertThat(a).isEqualTo(b);
        assertThat(Gosh.of(es, MetaOptions.defaults().withTau2(Tau2Method.DL), o.withSeed(43))).isNotEqualTo(a);
        Set<Integer> sizes = new HashSet<>();
        for (int s = 0; s < a.size(); s++) {
            assertThat(a.k(s)).isBetween(1, 13);
            if (s > 0) {
                assertThat(a.k(s)).isGreaterThanOrEqualTo(a.k(s - 1));
            }
            sizes.add(a.k(s));
        }
        // each study in with probability 1/2: the sizes spread around 6.5
        assertThat(sizes.size()).isGreaterThan(5);
    }

    @Test
    void refuses_more_than_a_million_subsets_and_fewer_than_two_studies() {
        assertThatThrownBy(() -> GoshOptions.defaults().withSubsets(1_000_001)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subsets must be from 2 to 1000000");
        assertThatThrownBy(() -> Gosh.of(bcg().subset(new int[] {3}), MetaOptions.defaults(), GoshOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two studies");
    }

    @Test
    void the_plot_draws_points_for_few_subsets_and_a_small_density_raster_for_many() {
        EffectSizes es = bcg();
        Gosh few = Gosh.of(es.subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7}), MetaOptions.defaults(), GoshOptions.defaults());
        String points = Figures.gosh(few);
        assertThat(points).contains("aria-label=\"GOSH plot\"").contains("data-subsets=\"255\"").contains("class=\"all\"")
                .contains("I² (%)").contains("RR (log)").doesNotContain("class=\"density\"");
        assertThat(points.split("<circle ", -1)).hasSize(256);
        // 2^15 - 1 subsets of 15 studies: a raster, not 32,767 circles
        EffectSizes fifteen = Meta.effects(Examples.table(Examples.get("hackshaw")), MetaRequest.defaults())
                .subset(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
        Gosh many = Gosh.of(fifteen, MetaOptions.defaults().withTau2(Tau2Method.DL), GoshOptions.defaults());
        assertThat(many.size()).isEqualTo(32767);
        String raster = Figures.gosh(many);
        assertThat(raster).contains("class=\"density\"").contains("data-subsets=\"32767\"").doesNotContain("<circle");
        assertThat(raster.length()).isLessThan(120_000);
        assertThat(GoshPlot.MAX_POINTS).isLessThan(32767);
    }
}
