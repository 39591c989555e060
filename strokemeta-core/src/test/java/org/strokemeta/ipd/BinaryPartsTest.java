package org.strokemeta.ipd;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.strokemeta.data.PatientData;
import org.strokemeta.regression.Coefficient;

class BinaryPartsTest {
    /** Five trials; trial E has no patient with mRS 0-2 when {@code eventless}. */
    static PatientData data(int n, long seed, boolean eventless) {
        Random r = new Random(seed);
        int[] st = new int[n];
        int[] tr = new int[n];
        int[] y = new int[n];
        double[] age = new double[n];
        double[] nihss = new double[n];
        int[] lines = new int[n];
        for (int i = 0; i < n; i++) {
            st[i] = r.nextInt(5);
            tr[i] = r.nextInt(2);
            age[i] = 50 + 30 * r.nextDouble();
            nihss[i] = 4 + r.nextInt(20);
            double lat = -0.7 * tr[i] + 0.04 * (age[i] - 65) + 0.1 * (nihss[i] - 14) + 0.3 * st[i] + 2.5
                    + Math.log(1 / r.nextDouble() - 1);
            y[i] = Math.max(eventless && st[i] == 4 ? 3 : 0, Math.min(6, (int) Math.floor(lat)));
            lines[i] = i + 2;
        }
        return new PatientData("test", new String[] {"A", "B", "C", "D", "E"}, st, tr, y, 7, List.of("age", "nihss"),
                new double[][] {age, nihss}, lines, 0, List.of());
    }

    static List<BinaryParts.Chunk> chunks(PatientData d, int[] event, List<String> covariates, int... sizes) {
        List<BinaryParts.Chunk> out = new ArrayList<>();
        int from = 0;
        for (int size : sizes) {
            int to = Math.min(d.size(), from + size);
            double[][] x = new double[covariates.size()][];
            for (int k = 0; k < x.length; k++) {
                x[k] = Arrays.copyOfRange(d.covariate(covariates.get(k)), from, to);
            }
            double[] w = null;
            if (d.weighted()) {
                w = new double[to - from];
                for (int i = from; i < to; i++) {
                    w[i - from] = d.weight(i);
                }
            }
            out.add(BinaryParts.Chunk.of(Arrays.copyOfRange(d.study(), from, to), Arrays.copyOfRange(d.treatment(), from, to),
                    Arrays.copyOfRange(event, from, to), w, x));
            from = to;
        }
        return out;
    }

    static BinaryResult partsFit(PatientData d, BinaryOutcome y, BinaryOptions o, List<BinaryParts.Chunk> chunks,
                                 boolean sample) {
        BinaryParts.Tally total = null;
        for (BinaryParts.Chunk c : chunks) {
            BinaryParts.Tally t = BinaryParts.Tally.of(c, d.studies());
            total = total == null ? t : total.add(t);
        }
        BinaryParts.Model m = BinaryParts.model(total, List.of(d.studyNames()), d.notes(), y.name(), o);
        List<BinaryParts.Prepared> parts = chunks.stream().map(m::prepare).toList();
        double[] start = sample ? BinaryParts.start(m, m.prepare(chunks.get(0).every(3))) : null;
        return BinaryParts.fit(m, new BinaryParts.Passes() {
            @Override
            public BinaryParts.Sums sums(double[] par) {
                BinaryParts.Sums s = m.zero();
                for (BinaryParts.Prepared p : parts) {
                    s = s.add(m.sums(p, par));
                }
                return s;
            }

            @Override
            public double maxEta(double[] par) {
                return parts.stream().mapToDouble(p -> m.maxEta(p, par)).max().orElse(0);
            }

            @Override
            public double[] standardise(double[] par) {
                double[] s = new double[m.parameters() + 2];
                for (BinaryParts.Prepared p : parts) {
                    double[] a = m.standardise(p, par);
                    for (int i = 0; i < s.length; i++) {
                        s[i] += a[i];
                    }
                }
                return s;
            }
        }, o, start);
    }

    static void assertSame(BinaryResult a, BinaryResult b, double tol) {
        assertThat(a.converged()).isEqualTo(b.converged());
        assertThat(a.separation()).isEqualTo(b.separation());
        assertThat(a.coefficients()).hasSameSizeAs(b.coefficients());
        for (int i = 0; i < b.coefficients().size(); i++) {
            assertClose(a.coefficients().get(i), b.coefficients().get(i), tol);
        }
        assertThat(a.intercepts()).hasSameSizeAs(b.intercepts());
        for (int i = 0; i < b.intercepts().size(); i++) {
            assertClose(a.intercepts().get(i), b.intercepts().get(i), tol);
        }
        assertThat(rel(a.riskDifference().estimate(), b.riskDifference().estimate())).isLessThanOrEqualTo(tol);
        assertThat(rel(a.riskDifference().se(), b.riskDifference().se())).isLessThanOrEqualTo(tol);
        assertThat(rel(a.logLik(), b.logLik())).isLessThanOrEqualTo(tol);
        assertThat(a.patients()).isEqualTo(b.patients());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.trials()).isEqualTo(b.trials());
        assertThat(a.method()).isEqualTo(b.method());
        assertThat(a.notes()).isEqualTo(b.notes());
    }

    static void assertClose(Coefficient a, Coefficient b, double tol) {
        assertThat(a.name()).isEqualTo(b.name());
        assertThat(rel(a.estimate(), b.estimate())).as(a.name()).isLessThanOrEqualTo(tol);
        assertThat(rel(a.se(), b.se())).as(a.name()).isLessThanOrEqualTo(tol);
    }

    static double rel(double a, double b) {
        if (a == b || Double.isNaN(a) && Double.isNaN(b)) {
            return 0;
        }
        return Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
    }

    @Test
    void adjusted_logistic_summed_over_parts_equals_the_single_machine_fit() {
        PatientData d = data(8000, 1, false);
        BinaryOutcome y = BinaryOutcome.atMost(d, 2);
        BinaryOptions o = BinaryOptions.defaults().withCovariates(List.of("age", "nihss"));
        BinaryResult one = StudyEffect.STRATIFIED.fit(d, y, o);
        assertThat(one.converged()).isTrue();
        BinaryResult parts = partsFit(d, y, o, chunks(d, y.event(), o.covariates(), 3000, 11, 4989), false);
        assertSame(parts, one, 1e-10);
        assertThat(parts.iterations()).isEqualTo(one.iterations());
        // from a sample's fit: the same estimate
        assertSame(partsFit(d, y, o, chunks(d, y.event(), o.covariates(), 4000, 4000), true), one, 1e-9);
    }

    @Test
    void unadjusted_weighted_and_eventless_trials_equal_the_single_machine_fit() {
        PatientData d = data(6000, 2, true);
        BinaryOutcome y = BinaryOutcome.atMost(d, 2);
        BinaryOptions o = BinaryOptions.defaults();
        BinaryResult one = StudyEffect.STRATIFIED.fit(d, y, o);
        assertThat(one.intercepts().get(4).estimate()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertSame(partsFit(d, y, o, chunks(d, y.event(), List.of(), 2500, 3500), false), one, 1e-10);
        int[] w = new int[d.size()];
        Random r = new Random(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = 1 + r.nextInt(3);
        }
        PatientData weighted = d.withWeights(w);
        BinaryOptions adj = o.withCovariates(List.of("age"));
        BinaryResult oneW = StudyEffect.STRATIFIED.fit(weighted, y, adj);
        assertSame(partsFit(weighted, y, adj, chunks(weighted, y.event(), adj.covariates(), 1000, 5000), false), oneW, 1e-10);
    }

    @Test
    void separation_by_treatment_is_reported_without_a_pass() {
        PatientData d = data(600, 3, false);
        int[] ev = new int[d.size()];
        for (int i = 0; i < ev.length; i++) {
            ev[i] = d.treatment(i);
        }
        BinaryOutcome y = new BinaryOutcome("perfect", ev);
        BinaryOptions o = BinaryOptions.defaults();
        BinaryResult one = StudyEffect.STRATIFIED.fit(d, y, o);
        assertThat(one.separation()).isTrue();
        BinaryParts.Tally t = BinaryParts.Tally.of(chunks(d, ev, List.of(), 600).get(0), 5);
        BinaryParts.Model m = BinaryParts.model(t, List.of(d.studyNames()), d.notes(), y.name(), o);
        assertThat(m.separated()).isTrue();
        BinaryResult parts = BinaryParts.fit(m, null, o, null);
        assertThat(parts.convergence()).isEqualTo(one.convergence());
        assertThat(parts.logOddsRatio().estimate()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(parts.notes()).isEqualTo(one.notes());
    }
}
