package org.strokemeta.simulation;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.SplittableRandom;
import org.strokemeta.data.StrokeField;

/**
 * A seeded simulator of HERMES-like patient-level thrombectomy trial data, in the columns of the data
 * dictionary ({@link StrokeField}) and marked {@code simulated = 1} on every row, so that everything
 * made from it says "simulated data".
 *
 * <p>Per trial and arm it draws the published number of patients, then each patient's baseline:
 * age (normal, from the arm's mean and SD, or median and IQR with SD = IQR/1.349), sex, NIHSS (normal
 * around the arm's median with SD = IQR/1.349, rounded, 0-42), intravenous thrombolysis (the arm's
 * share), onset-to-randomisation time (log-normal from median and quartiles), ASPECTS, pre-stroke mRS,
 * occlusion site (ICA, M1, M2 with the M2 share of HERMES) and, for M2, segment, division and
 * dominance. The 90-day mRS follows a proportional-odds model
 * {@code logit P(mRS <= j) = theta_j − eta}, {@code eta = u_trial + x'b − evt·log cOR}, with a normal
 * random trial effect; the cut-points theta_j are solved (by bisection) so that the control patients'
 * expected mRS distribution equals the published control distribution exactly, whatever the
 * covariates. Symptomatic ICH is drawn with the arm's risk, independently of the mRS; death at 90 days
 * is mRS 6; thrombectomy patients get a final eTICI grade.
 *
 * <p>Every parameter and its source (publication, or "assumption") is in {@link SimulationSpec}; the
 * random stream is {@link SplittableRandom} with the given seed, so a seed always gives the same file.
 */
public final class CohortSimulator {
    /** The most patients one simulated file holds (it is built in memory, about 100 bytes a patient). */
    public static final int MAX_PATIENTS = 5_000_000;

    static final String HEADER = "trial,patient_id,arm,age,sex,nihss,prestroke_mrs,ivt,onset_to_randomisation,aspects,"
            + "occlusion_site,m2_segment,m2_division,m2_dominance,mrs90,sich,death90,reperfusion,simulated";
    private static final String[] ETICI = {"0", "1", "2a", "2b50", "2b67", "2c", "3"};
    private static final double IQR_PER_SD = 1.3489795;

    private CohortSimulator() {
    }

    /**
     * Simulates the cohort.
     *
     * @param spec  the calibration
     * @param seed  the seed of the random stream
     * @param scale a factor on every arm's size (1 = the published trials; more for larger test data)
     * @return the CSV file, UTF-8
     */
    public static byte[] simulate(SimulationSpec spec, long seed, double scale) {
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("the size factor must be a positive number, not " + scale);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int trials = spec.trials().size();
        long published = 0;
        for (SimulationSpec.TrialSpec t : spec.trials()) {
            published += t.nEvt() + t.nControl();
        }
        if (published * scale > MAX_PATIENTS) {
            throw new IllegalArgumentException("a size factor of " + scale + " would simulate about " + Math.round(published * scale)
                    + " patients; one file holds at most " + MAX_PATIENTS + " (a size factor of at most " + MAX_PATIENTS / published + ")");
        }
        int n = 0;
        int[][] size = new int[trials][2];
        for (int s = 0; s < trials; s++) {
            SimulationSpec.TrialSpec t = spec.trials().get(s);
            size[s][0] = (int) Math.round(t.nEvt() * scale);
            size[s][1] = (int) Math.round(t.nControl() * scale);
            if (size[s][0] == 0 || size[s][1] == 0) {
                throw new IllegalArgumentException("a size factor of " + scale + " leaves an arm of " + t.name()
                        + " without patients; the factor must give every arm at least one patient");
            }
            n += size[s][0] + size[s][1];
        }
        Patients p = new Patients(n);
        double trialSd = spec.value("trial_sd");
        int i = 0;
        for (int s = 0; s < trials; s++) {
            SimulationSpec.TrialSpec t = spec.trials().get(s);
            double u = trialSd * rng.nextGaussian();
            for (int arm = 0; arm < 2; arm++) {
                for (int k = 0; k < size[s][arm]; k++) {
                    p.trial[i] = s;
                    p.evt[i] = arm == 0;
                    baseline(spec, t, arm, rng, p, i);
                    p.eta[i] = u + linear(spec, p, i);
                    i++;
                }
            }
        }
        double[] theta = cutPoints(spec.values("control_mrs", 7), p);
        double logCor = spec.value("log_cor");
        double m2Extra = spec.value("m2_extra_log_cor");
        double[] etici = spec.values("etici", 7);
        StringBuilder out = new StringBuilder(n * 96 + 256).append(HEADER).append('\n');
        int[] serial = new int[trials];
        for (int r = 0; r < n; r++) {
            double eta = p.eta[r] - (p.evt[r] ? logCor + (p.site[r] == 2 ? m2Extra : 0) : 0);
            double v = rng.nextDouble();
            int mrs = 6;
            for (int j = 0; j < 6; j++) {
                if (v < logistic(theta[j] - eta)) {
                    mrs = j;
                    break;
                }
            }
            boolean sich = rng.nextDouble() < spec.value(p.evt[r] ? "sich_evt" : "sich_control");
            String reperfusion = p.evt[r] ? ETICI[draw(rng, etici)] : "";
            SimulationSpec.TrialSpec t = spec.trials().get(p.trial[r]);
            row(out, t.name(), ++serial[p.trial[r]], p, r, mrs, sich, reperfusion);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The columns drawn before the outcome. */
    private static final class Patients {
        final int[] trial;
        final boolean[] evt;
        final double[] age;
        final boolean[] female;
        final int[] nihss;
        final int[] prestroke;
        final boolean[] ivt;
        final int[] otr;
        final int[] aspects;
        final int[] site;
        final int[] segment;
        final int[] division;
        final int[] dominance;
        final double[] eta;

        Patients(int n) {
            trial = new int[n];
            evt = new boolean[n];
            age = new double[n];
            female = new boolean[n];
            nihss = new int[n];
            prestroke = new int[n];
            ivt = new boolean[n];
            otr = new int[n];
            aspects = new int[n];
            site = new int[n];
            segment = new int[n];
            division = new int[n];
            dominance = new int[n];
            eta = new double[n];
        }
    }

    private static void baseline(SimulationSpec spec, SimulationSpec.TrialSpec t, int arm, SplittableRandom rng, Patients p, int i) {
        double sd = t.ageMedian() ? t.ageSpread()[arm] / IQR_PER_SD : t.ageSpread()[arm];
        p.age[i] = Math.round(clamp(t.age()[arm] + sd * rng.nextGaussian(), 18, 100));
        p.female[i] = rng.nextDouble() < spec.value("share_female");
        double iqr = Double.isNaN(t.nihssIqr()[arm]) ? spec.value("nihss_default_iqr") : t.nihssIqr()[arm];
        p.nihss[i] = (int) Math.round(clamp(t.nihss()[arm] + iqr / IQR_PER_SD * rng.nextGaussian(), 0, 42));
        p.prestroke[i] = draw(rng, spec.values("prestroke_mrs", 3));
        p.ivt[i] = rng.nextDouble() < t.ivtShare()[arm];
        double q1 = spec.value("otr_q1");
        double q3 = spec.value("otr_q3");
        double sigma = Math.log(q3 / q1) / IQR_PER_SD;
        p.otr[i] = (int) Math.round(clamp(spec.value("otr_median") * Math.exp(sigma * rng.nextGaussian()), 20, 1440));
        double aq = (spec.value("aspects_q3") - spec.value("aspects_q1")) / IQR_PER_SD;
        p.aspects[i] = (int) Math.round(clamp(spec.value("aspects_median") + aq * rng.nextGaussian(), 0, 10));
        double ica = spec.value("share_ica");
        double m2 = spec.value("share_m2");
        p.site[i] = draw(rng, new double[] {ica, 1 - ica - m2, m2});
        if (p.site[i] == 2) {
            p.segment[i] = rng.nextDouble() < spec.value("m2_proximal") ? 0 : 1;
            p.division[i] = rng.nextDouble() < spec.value("m2_anterior") ? 0 : 1;
            double dom = spec.value("m2_dominant");
            double co = spec.value("m2_codominant");
            p.dominance[i] = draw(rng, new double[] {dom, co, 1 - dom - co});
        }
    }

    /** x'b of the outcome model, centred near a typical patient (the cut-points absorb the rest). */
    private static double linear(SimulationSpec spec, Patients p, int i) {
        return spec.value("effect_age") * (p.age[i] - 68) + spec.value("effect_nihss") * (p.nihss[i] - 17)
                + spec.value("effect_aspects") * (p.aspects[i] - 9) + (p.site[i] == 0 ? spec.value("effect_ica") : 0)
                + (p.site[i] == 2 ? spec.value("effect_m2") : 0) + (p.ivt[i] ? spec.value("effect_ivt") : 0);
    }

    /**
     * Cut-points theta_0..theta_5 such that the mean over the control patients of
     * F(theta_j − eta_i) equals the target cumulative share of mRS 0..j (bisection: the mean is
     * increasing in theta).
     */
    static double[] cutPoints(double[] target, Patients p) {
        double total = 0;
        for (double v : target) {
            total += v;
        }
        if (Math.abs(total - 1) > 1e-6) {
            throw new IllegalArgumentException("the control mRS distribution sums to " + total + ", not 1");
        }
        double[] theta = new double[6];
        double cum = 0;
        for (int j = 0; j < 6; j++) {
            cum += target[j];
            double lo = -30;
            double hi = 30;
            for (int it = 0; it < 200 && hi - lo > 1e-12; it++) {
                double mid = 0.5 * (lo + hi);
                double s = 0;
                int m = 0;
                for (int i = 0; i < p.eta.length; i++) {
                    if (!p.evt[i]) {
                        s += logistic(mid - p.eta[i]);
                        m++;
                    }
                }
                if (s / m < cum) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            theta[j] = 0.5 * (lo + hi);
        }
        return theta;
    }

    private static void row(StringBuilder out, String trial, int serial, Patients p, int r, int mrs, boolean sich,
                            String reperfusion) {
        String name = trial.contains(",") ? "\"" + trial + "\"" : trial;
        out.append(name).append(',').append(String.format(Locale.ROOT, "%s-%04d", trial.replaceAll("[^A-Za-z0-9]", ""), serial))
                .append(',').append(p.evt[r] ? "evt" : "control").append(',').append((int) p.age[r]).append(',')
                .append(p.female[r] ? "female" : "male").append(',').append(p.nihss[r]).append(',').append(p.prestroke[r])
                .append(',').append(p.ivt[r] ? 1 : 0).append(',').append(p.otr[r]).append(',').append(p.aspects[r]).append(',')
                .append(StrokeField.OCCLUSION_SITE.codeList().get(p.site[r])).append(',');
        if (p.site[r] == 2) {
            out.append(StrokeField.M2_SEGMENT.codeList().get(p.segment[r])).append(',')
                    .append(StrokeField.M2_DIVISION.codeList().get(p.division[r])).append(',')
                    .append(StrokeField.M2_DOMINANCE.codeList().get(p.dominance[r])).append(',');
        } else {
            out.append(",,,");
        }
        out.append(mrs).append(',').append(sich ? 1 : 0).append(',').append(mrs == 6 ? 1 : 0).append(',').append(reperfusion)
                .append(",1\n");
    }

    /** An index drawn with the given probabilities (the last takes any rounding remainder). */
    private static int draw(SplittableRandom rng, double[] prob) {
        double v = rng.nextDouble();
        double c = 0;
        for (int k = 0; k < prob.length - 1; k++) {
            c += prob[k];
            if (v < c) {
                return k;
            }
        }
        return prob.length - 1;
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double clamp(double x, double lo, double hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
