package org.strokemeta.sequential;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.strokemeta.data.BinaryStudies;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.pool.FixedMethod;
import org.strokemeta.pool.MetaOptions;
import org.strokemeta.pool.MetaResult;
import org.strokemeta.pool.Model;
import org.strokemeta.pool.Tau2Method;
import org.strokemeta.sensitivity.Sensitivity;

/**
 * Trial sequential analysis (Wetterslev et al. 2008, J Clin Epidemiol 61:64-75; Thorlund
 * et al. 2011, TSA manual; Wetterslev et al. 2009, BMC Med Res Methodol 9:86 for the diversity D²): the trials
 * are looked at cumulatively in data order; the z-curve of the cumulative meta-analysis is compared with
 * Lan-DeMets O'Brien-Fleming-type monitoring boundaries at the information fractions actually reached
 * (cumulative patients over the required information size), computed by {@link GroupSequential}.
 *
 * <p>Required information size: RIS = 4 (z_{1−α/2} + z_{1−β})² p̄(1 − p̄)/(pC − pI)² patients in both arms,
 * pI = pC (1 − RRR), p̄ = (pC + pI)/2, multiplied by 1/(1 − D²) (D² = 1 − v_F/v_R of all trials' effects, v_F
 * and v_R the fixed-effect and DerSimonian-Laird variances of the pooled effect) or by 1/(1 − I²) for a stated I².
 * The TSA-adjusted confidence interval replaces z_{1−α/2} by the monitoring boundary at the last look (Thorlund
 * et al. 2011, TSA manual, section on adjusted confidence intervals).
 */
public final class TrialSequential {
    private static final NormalDistribution N01 = NormalDistribution.of(0, 1);

    private TrialSequential() {
    }

    /**
     * The analysis.
     *
     * @param es      the trials' effects from two-arm data (binary: OR, RR or RD, with a {@link Target.Binary} target;
     *                continuous: MD or SMD, with a {@link Target.Continuous} target), in the order they were reported
     * @param random  true for the DerSimonian-Laird random-effects z-curve, false for Mantel-Haenszel (binary) or
     *                inverse-variance (continuous) fixed effect
     * @param o       the anticipated effect, error rates, heterogeneity correction, futility and spending
     * @return the z-curve and boundaries
     * @throws IllegalArgumentException when the data do not fit the target or hold no patient counts
     */
    public static TsaResult analyze(EffectSizes es, boolean random, TsaOptions o) {
        int k = es.size();
        if (k == 0) {
            throw new IllegalArgumentException("there are no trials to analyse");
        }
        double[] size = new double[k];
        if (es.input() instanceof BinaryStudies bs) {
            if (!(o.target() instanceof Target.Binary)) {
                throw new IllegalArgumentException("the data are a binary outcome: give the anticipated control event proportion and "
                        + "relative risk reduction");
            }
            for (int i = 0; i < k; i++) {
                size[i] = bs.totalTreat(es.rows(i)) + bs.totalCtrl(es.rows(i));
            }
        } else if (es.input() instanceof org.strokemeta.data.ContinuousStudies cs) {
            if (!(o.target() instanceof Target.Continuous)) {
                throw new IllegalArgumentException("the data are a continuous outcome: give the anticipated mean difference and SD");
            }
            for (int i = 0; i < k; i++) {
                size[i] = cs.nTreat(es.rows(i)) + cs.nCtrl(es.rows(i));
            }
        } else {
            throw new IllegalArgumentException("trial sequential analysis needs the patients of each trial: two-arm binary or continuous "
                    + "data, or tabulated mRS distributions, not " + es.measure().description());
        }
        boolean mh = !random && es.input() instanceof BinaryStudies;
        return run(es, size, random, mh, o, es.measure().description());
    }

    /**
     * The analysis of trials' estimates with their numbers of patients, for estimates not computed from two-arm data:
     * the log common odds ratios of a two-stage mRS shift analysis with an {@link Target.Ordinal} target.
     *
     * @param es       the trials' estimates, in the order they were reported
     * @param patients each trial's patients (both arms)
     * @param random   true for the DerSimonian-Laird z-curve, false for inverse-variance fixed effect
     * @param o        the options
     * @param effect   the estimates' name, such as {@code log common odds ratio (mRS shift)}
     * @return the z-curve and boundaries
     */
    public static TsaResult analyze(EffectSizes es, double[] patients, boolean random, TsaOptions o, String effect) {
        if (patients.length != es.size()) {
            throw new IllegalArgumentException("one number of patients per trial is needed");
        }
        return run(es, patients.clone(), random, false, o, effect);
    }

    /**
     * The analysis of the mRS shift of tabulated distributions: the trials' log common odds ratios of the two-stage
     * analysis (above 0: better outcomes with treatment) as the z-curve, each trial's patients (both arms) as its
     * information, with an {@link Target.Ordinal} target.
     *
     * @param shift  the shift analysis of the table (two-stage)
     * @param random true for the DerSimonian-Laird z-curve, false for inverse-variance fixed effect
     * @param o      the options, with an ordinal target
     * @return the z-curve and boundaries
     * @throws IllegalArgumentException when the target is not ordinal
     */
    public static TsaResult analyze(org.strokemeta.study.ShiftAnalysis.Outcome shift, boolean random, TsaOptions o) {
        if (!(o.target() instanceof Target.Ordinal)) {
            throw new IllegalArgumentException("tabulated mRS distributions: give the anticipated common odds ratio (an ordinal target)");
        }
        EffectSizes es = shift.twoStage().pooled().effects();
        var table = shift.table();
        java.util.List<String> names = java.util.Arrays.asList(table.study());
        double[] patients = new double[es.size()];
        for (int i = 0; i < es.size(); i++) {
            int s = names.indexOf(es.study(i));
            patients[i] = java.util.Arrays.stream(table.treatment(s)).sum() + java.util.Arrays.stream(table.control(s)).sum();
        }
        return analyze(es, patients, random, o, "log common odds ratio (mRS shift, two-stage; above 0: better outcomes)");
    }

    /**
     * The pooled control arms of a table as proportions: the default anticipated control distribution of an ordinal target.
     *
     * @param table the tabulated distributions
     * @return the proportions per category
     */
    public static double[] pooledControl(org.strokemeta.data.OrdinalTable table) {
        double[] c = org.strokemeta.ordinal.ArmDistribution.pooled(table).control();
        double sum = java.util.Arrays.stream(c).sum();
        return java.util.Arrays.stream(c).map(x -> x / sum).toArray();
    }

    private static TsaResult run(EffectSizes es, double[] size, boolean random, boolean mh, TsaOptions o, String effect) {
        int k = es.size();
        double za = N01.inverseSurvivalProbability(o.alpha() / 2);
        double zb = N01.inverseSurvivalProbability(1 - o.power());
        double risFixed = o.target().informationSize(o.alpha(), o.power());
        // D² from all trials: DerSimonian-Laird tau² of the effects (continuity as requested)
        MetaOptions dl = MetaOptions.defaults().withModel(Model.RANDOM).withTau2(Tau2Method.DL);
        MetaResult all = org.strokemeta.Meta.analyze(es, org.strokemeta.study.MetaRequest.defaults().withOptions(dl)).result();
        double tau2 = k > 1 ? all.heterogeneity().tau2() : 0;
        double vf = 0;
        double vr = 0;
        for (int i = 0; i < k; i++) {
            vf += 1 / es.vi(i);
            vr += 1 / (es.vi(i) + tau2);
        }
        double d2 = tau2 > 0 ? 1 - (1 / vf) / (1 / vr) : 0;
        double af = switch (o.heterogeneity()) {
            case NONE -> 1;
            case D2 -> 1 / (1 - d2);
            case I2 -> 1 / (1 - o.i2() / 100);
        };
        double ris = risFixed * af;
        MetaOptions pooling = random ? dl : MetaOptions.defaults().withModel(Model.FIXED).withFixedMethod(mh ? FixedMethod.MH : FixedMethod.IV);
        List<Sensitivity.Step> steps = Sensitivity.cumulative(es, pooling);
        double[] info = new double[k];
        double[] t = new double[k];
        double[] z = new double[k];
        double[] spent = new double[k];
        List<String> names = new ArrayList<>();
        double n = 0;
        for (int i = 0; i < k; i++) {
            n += size[i];
            info[i] = n;
            t[i] = n / ris;
            z[i] = steps.get(i).result().pooled().statistic();
            spent[i] = o.spending().alpha(o.alpha(), t[i]);
            names.add(es.study(i));
        }
        double[] b = GroupSequential.efficacy(t, spent);
        int crossed = 0;
        for (int i = 0; i < k && crossed == 0; i++) {
            if (Math.abs(z[i]) >= b[i]) {
                crossed = i + 1;
            }
        }
        double[] betaSpent = new double[0];
        double[] f = new double[0];
        int futile = 0;
        if (o.futility()) {
            double beta = 1 - o.power();
            betaSpent = new double[k];
            for (int i = 0; i < k; i++) {
                betaSpent[i] = o.spending().beta(beta, t[i]);
            }
            f = GroupSequential.futility(t, b, betaSpent, za + zb);
            for (int i = 0; i < k && futile == 0; i++) {
                if (f[i] > 0 && Math.abs(z[i]) < f[i]) {
                    futile = i + 1;
                }
            }
        }
        List<String> notes = new ArrayList<>();
        if (t[k - 1] >= 1) {
            notes.add("the required information size (" + Math.round(Math.ceil(ris)) + " patients) has been reached");
        } else {
            notes.add("the trials hold " + Math.round(100 * t[k - 1]) + "% of the required information size (" + Math.round(Math.ceil(ris))
                    + " patients)");
        }
        // the TSA-adjusted interval: the boundary at the last look in place of the fixed-sample critical value
        var last = steps.get(k - 1).result().pooled();
        double bk = b[k - 1];
        double adjLo = Double.isFinite(bk) ? last.estimate() - bk * last.se() : Double.NEGATIVE_INFINITY;
        double adjHi = Double.isFinite(bk) ? last.estimate() + bk * last.se() : Double.POSITIVE_INFINITY;
        String method = (random ? "DerSimonian-Laird random effects" : mh ? "Mantel-Haenszel fixed effect" : "inverse-variance fixed effect")
                + ", " + effect;
        return new TsaResult(o, method, risFixed, d2, tau2, af, ris, names, info, t, z, spent, b, betaSpent, f, crossed, futile, notes,
                last.estimate(), last.se(), adjLo, adjHi, es.measure().logScale() || o.target() instanceof Target.Ordinal);
    }
}
