package org.strokemeta.study;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.strokemeta.data.PatientData;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.internal.Dist;
import org.strokemeta.ipd.EffectModification;
import org.strokemeta.ordinal.PoOptions;
import org.strokemeta.ordinal.ProportionalOdds;
import org.strokemeta.ordinal.ProportionalOddsFit;
import org.strokemeta.ordinal.Thresholds;
import org.strokemeta.pool.Execution;

/** The report's treatment effect against onset-to-randomisation time (a treatment-by-time term in the shift model). */
final class TimeStep {
    /** The times at which the curve is given, minutes from onset to randomisation. */
    private static final double[] MINUTES = {60, 120, 180, 240, 300, 360, 420, 480};

    private TimeStep() {
    }

    /** The curve of the log common odds ratio against time and the within-trial interaction per hour. */
    static StudyReport.TimeEffect of(StrokeCohort c, AnalysisPlan plan, List<String> covariates, Execution execution) {
        List<String> cov = new ArrayList<>(new LinkedHashSet<>(covariates));
        if (!cov.contains("onset_to_randomisation")) {
            cov.add("onset_to_randomisation");
        }
        PatientData d = c.patients(cov);
        double[] t = d.covariate("onset_to_randomisation");
        double[] inter = new double[d.size()];
        for (int i = 0; i < inter.length; i++) {
            inter[i] = d.treatment(i) * t[i];
        }
        PatientData x = d.withExtraCovariates(List.of("treatment:onset_to_randomisation"), new double[][] {inter});
        PoOptions po = IpdAnalysis.po(StudyRun.request(plan, cov, List.of(), execution), Thresholds.STRATIFIED);
        ProportionalOddsFit f = ProportionalOdds.fit(x, po);
        double[] minutes = MINUTES.clone();
        double[] est = new double[minutes.length];
        double[] lo = new double[minutes.length];
        double[] hi = new double[minutes.length];
        int a = f.indexOf("treatment");
        int b = f.indexOf("treatment:onset_to_randomisation");
        double z = Dist.zCrit(plan.level());
        for (int k = 0; k < minutes.length; k++) {
            // clm's sign: beta > 0 is worse; the log cOR (benefit) is −(beta_trt + beta_int · t)
            double e = -(f.beta(a) + f.beta(b) * minutes[k]);
            double v = f.vcov(a, a) + minutes[k] * minutes[k] * f.vcov(b, b) + 2 * minutes[k] * f.vcov(a, b);
            est[k] = f.converged() ? e : Double.NaN;
            lo[k] = est[k] - z * Math.sqrt(v);
            hi[k] = est[k] + z * Math.sqrt(v);
        }
        List<String> adjust = new ArrayList<>(cov);
        adjust.remove("onset_to_randomisation");
        EffectModification.Interaction w = EffectModification.shift(d, "onset_to_randomisation", adjust, po);
        return new StudyReport.TimeEffect(minutes, est, lo, hi, -60 * w.within(), 60 * w.withinSe(), w.withinP());
    }
}
