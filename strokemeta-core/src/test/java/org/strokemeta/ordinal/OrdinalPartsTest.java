package org.strokemeta.ordinal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.InputException;
import org.strokemeta.data.PatientData;

class OrdinalPartsTest {
    private static final PoOptions STRAT = PoOptions.defaults();
    private static final PoOptions COMMON = PoOptions.defaults().withThresholds(Thresholds.COMMON);

    /** Four trials of a shift with two covariates (age, sex as 0/1); trial D has no patient in category 6. */
    static PatientData data(int n, long seed, boolean emptyCategory) {
        Random r = new Random(seed);
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        double[] sex = new double[n];
        for (int i = 0; i < n; i++) {
            st[i] = r.nextInt(4);
            tr[i] = r.nextInt(2);
            age[i] = 50 + 30 * r.nextDouble();
            sex[i] = r.nextInt(2);
            double lat = -0.7 * tr[i] + 0.04 * (age[i] - 65) + 0.2 * sex[i] + 0.3 * st[i] + 2.5
                    + Math.log(1 / r.nextDouble() - 1);
            y[i] = Math.max(0, Math.min(emptyCategory && st[i] == 3 ? 5 : 6, (int) Math.floor(lat)));
        }
        return Tables.patients(new String[] {"A", "B", "C", "D"}, st, tr, y, 7, List.of("age", "sex"), age, sex);
    }

    /** The patients cut into consecutive parts of the given sizes, as chunks; weights optional. */
    static List<OrdinalParts.Chunk> chunks(PatientData d, int[] weights, int... sizes) {
        List<OrdinalParts.Chunk> out = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            int to = Math.min(d.size(), from + size);
            double[][] x = new double[d.covariateNames().size()][];
            for (int k = 0; k < x.length; k++) {
                x[k] = Arrays.copyOfRange(d.covariates()[k], from, to);
            }
            double[] w = null;
            if (weights != null) {
                w = new double[to - from];
                for (int i = from; i < to; i++) {
                    w[i - from] = weights[i];
                }
            }
            out.add(OrdinalParts.Chunk.of(Arrays.copyOfRange(d.study(), from, to), Arrays.copyOfRange(d.treatment(), from, to),
                    Arrays.copyOfRange(d.outcome(), from, to), w, x));
            from = to;
        }
        return out;
    }

    /** The distributed fit, the parts' sums added in part order. */
    static ProportionalOddsFit partsFit(PatientData d, List<OrdinalParts.Chunk> chunks, PoOptions o, boolean sampleStart) {
        OrdinalParts.Tally total = null;
        for (OrdinalParts.Chunk c : chunks) {
            OrdinalParts.Tally t = OrdinalParts.Tally.of(c, d.studies(), d.categories());
            total = total == null ? t : total.add(t);
        }
        OrdinalParts.Model m = OrdinalParts.model(total, d.source(), List.of(d.studyNames()), d.covariateNames(), o, d.notes());
        List<OrdinalParts.Prepared> parts = chunks.stream().map(m::prepare).toList();
        double[] start = null;
        if (sampleStart) {
            start = OrdinalParts.start(m, m.prepare(chunks.get(0)), o);
        }
        return OrdinalParts.fit(m, par -> {
            OrdinalParts.Sums s = m.zero();
            for (OrdinalParts.Prepared p : parts) {
                s = s.add(m.sums(p, par));
            }
            return s;
        }, o, start);
    }

    static void assertSameFit(ProportionalOddsFit parts, ProportionalOddsFit one, double tol) {
        assertThat(parts.converged()).isTrue();
        assertThat(one.converged()).isTrue();
        assertThat(parts.names()).isEqualTo(one.names());
        assertThat(parts.strata()).isEqualTo(one.strata());
        for (int k = 0; k < one.beta().length; k++) {
            assertThat(parts.beta(k)).isCloseTo(one.beta(k), org.assertj.core.data.Percentage.withPercentage(tol * 100));
            assertThat(parts.se(k)).isCloseTo(one.se(k), org.assertj.core.data.Percentage.withPercentage(tol * 100));
        }
        for (int s = 0; s < one.cutPoints().length; s++) {
            for (int j = 0; j < one.cutPoints()[s].length; j++) {
                double a = parts.cutPoints(s, j);
                double b = one.cutPoints(s, j);
                if (Double.isInfinite(b)) {
                    assertThat(a).isEqualTo(b);
                } else {
                    assertThat(Math.abs(a - b)).isLessThanOrEqualTo(tol * Math.max(1, Math.abs(b)));
                    assertThat(Math.abs(parts.cutPointSe(s, j) - one.cutPointSe(s, j)))
                            .isLessThanOrEqualTo(tol * one.cutPointSe(s, j));
                }
            }
        }
        assertThat(Math.abs(parts.logLik() - one.logLik())).isLessThanOrEqualTo(tol * Math.abs(one.logLik()));
        assertThat(parts.observations()).isEqualTo(one.observations());
        assertThat(parts.patients()).isEqualTo(one.patients());
        assertThat(parts.parameters()).isEqualTo(one.parameters());
        assertThat(parts.iterations()).isEqualTo(one.iterations());
        assertThat(parts.notes()).isEqualTo(one.notes());
    }

    @Test
    void stratified_fit_summed_over_parts_equals_the_single_machine_fit() {
        PatientData d = data(6000, 1, false);
        ProportionalOddsFit one = ProportionalOdds.fit(d, STRAT);
        assertSameFit(partsFit(d, chunks(d, null, 1000, 2500, 17, 2483), STRAT, false), one, 1e-10);
        // one part, and many small ones
        assertSameFit(partsFit(d, chunks(d, null, 6000), STRAT, false), one, 1e-10);
        int[] small = new int[60];
        Arrays.fill(small, 100);
        assertSameFit(partsFit(d, chunks(d, null, small), STRAT, false), one, 1e-10);
    }

    @Test
    void common_cut_points_weights_and_unadjusted_fits_equal_the_single_machine_fit() {
        PatientData d = data(5000, 2, false);
        assertSameFit(partsFit(d, chunks(d, null, 1200, 3800), COMMON, false), ProportionalOdds.fit(d, COMMON), 1e-10);
        int[] w = new int[d.size()];
        Random r = new Random(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + r.nextInt(4);
        }
        PatientData weighted = d.withWeights(w);
        assertSameFit(partsFit(weighted, chunks(weighted, w, 2000, 3000), STRAT, false), ProportionalOdds.fit(weighted, STRAT),
                1e-10);
        // without covariates each part collapses to one row per cell, as the single machine does
        PatientData bare = d.withCovariatesOnly(List.of());
        ProportionalOddsFit one = ProportionalOdds.fit(bare, STRAT);
        assertThat(one.observations()).isEqualTo(56);
        assertSameFit(partsFit(bare, chunks(bare, null, 700, 4300), STRAT, false), one, 1e-10);
    }

    @Test
    void an_empty_category_is_rejected_or_dropped_as_on_one_machine() {
        PatientData d = data(4000, 4, true);
        List<OrdinalParts.Chunk> chunks = chunks(d, null, 2000, 2000);
        assertThatThrownBy(() -> ProportionalOdds.fit(d, STRAT)).isInstanceOf(InputException.class);
        String expected = catchMessage(() -> ProportionalOdds.fit(d, STRAT));
        assertThat(catchMessage(() -> partsFit(d, chunks, STRAT, false))).isEqualTo(expected).contains("D: category 6");
        PoOptions drop = STRAT.withEmptyCategories(EmptyCategories.DROP);
        ProportionalOddsFit one = ProportionalOdds.fit(d, drop);
        assertThat(one.cutPoints(3, 5)).isEqualTo(Double.POSITIVE_INFINITY);
        assertSameFit(partsFit(d, chunks, drop, false), one, 1e-10);
    }

    @Test
    void a_start_from_a_sample_reaches_the_same_estimate() {
        PatientData d = data(20000, 5, false);
        ProportionalOddsFit one = ProportionalOdds.fit(d, STRAT);
        ProportionalOddsFit parts = partsFit(d, chunks(d, null, 3000, 17000), STRAT, true);
        assertThat(parts.converged()).isTrue();
        assertThat(parts.logCor()).isCloseTo(one.logCor(), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(parts.coefficient("age")).isCloseTo(one.coefficient("age"), org.assertj.core.data.Offset.offset(1e-10));
        assertThat(parts.logCorSe()).isCloseTo(one.logCorSe(), org.assertj.core.data.Offset.offset(1e-10));
    }

    @Test
    void the_test_of_proportional_odds_over_parts_equals_the_single_machine_test() {
        PatientData d = data(6000, 8, false);
        List<OrdinalParts.Chunk> chunks = chunks(d, null, 2500, 3500);
        OrdinalParts.Tally total = OrdinalParts.Tally.of(chunks.get(0), 4, 7).add(OrdinalParts.Tally.of(chunks.get(1), 4, 7));
        for (PoOptions o : List.of(STRAT, COMMON)) {
            ProportionalOddsCheck one = PartialProportionalOdds.test(d, o);
            ProportionalOddsCheck parts = OrdinalParts.check(total, d.source(), List.of(d.studyNames()), d.covariateNames(), o,
                    d.notes(), m -> {
                        List<OrdinalParts.Prepared> prepared = chunks.stream().map(m::prepare).toList();
                        return par -> {
                            OrdinalParts.Sums s = m.zero();
                            for (OrdinalParts.Prepared p : prepared) {
                                s = s.add(m.sums(p, par));
                            }
                            return s;
                        };
                    });
            assertThat(parts.message()).isEqualTo(one.message()).isNull();
            assertThat(parts.df()).isEqualTo(one.df());
            assertThat(Math.abs(parts.statistic() - one.statistic())).isLessThan(1e-7 * Math.max(1, one.statistic()));
            assertThat(Math.abs(parts.p() - one.p())).isLessThan(1e-8);
            for (int j = 0; j < one.cutLogOr().length; j++) {
                assertThat(parts.cutLogOr()[j]).isCloseTo(one.cutLogOr()[j], org.assertj.core.data.Offset.offset(1e-9));
                assertThat(parts.cutSe()[j]).isCloseTo(one.cutSe()[j], org.assertj.core.data.Offset.offset(1e-9));
            }
        }
    }

    @Test
    void a_constant_covariate_and_mismatched_parts_are_refused() {
        PatientData d = data(1000, 6, false);
        double[] one = new double[d.size()];
        Arrays.fill(one, 1);
        PatientData flat = d.withExtraCovariates(List.of("ivt"), new double[][] {one});
        String expected = catchMessage(() -> ProportionalOdds.fit(flat, STRAT));
        assertThat(expected).contains("'ivt' does not vary");
        assertThat(catchMessage(() -> partsFit(flat, chunks(flat, null, 400, 600), STRAT, false))).isEqualTo(expected);
        OrdinalParts.Tally a = OrdinalParts.Tally.of(chunks(d, null, 1000).get(0), 4, 7);
        OrdinalParts.Tally b = OrdinalParts.Tally.of(chunks(d.withCovariatesOnly(List.of()), null, 1000).get(0), 4, 7);
        assertThatThrownBy(() -> a.add(b)).isInstanceOf(IllegalArgumentException.class);
        assertThat(a.rows()).isEqualTo(1000);
        assertThatThrownBy(() -> OrdinalParts.Tally.of(chunks(d, null, 1000).get(0), 3, 7))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trial code 3");
    }

    @Test
    void parameters_out_of_order_give_invalid_sums() {
        PatientData d = data(500, 7, false);
        OrdinalParts.Chunk c = chunks(d, null, 500).get(0);
        OrdinalParts.Model m = OrdinalParts.model(OrdinalParts.Tally.of(c, 4, 7), "t", List.of(d.studyNames()),
                d.covariateNames(), STRAT, List.of());
        double[] par = m.start();
        assertThat(m.sums(m.prepare(c), par).logLik()).isFinite();
        par[0] = par[1] + 1;
        OrdinalParts.Sums bad = m.sums(m.prepare(c), par);
        assertThat(bad.logLik()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(bad.add(m.zero()).logLik()).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        return null;
    }
}
