package org.strokemeta.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.strokemeta.data.StrokeCohort;
import org.strokemeta.data.StrokeField;

/** Table 1 of the report: baseline characteristics by arm (thrombectomy, control). */
final class TableOne {
    private TableOne() {
    }

    /** The rows of the fields the cohort has: mean (SD), median (IQR) or n of N, with missing counts. */
    static List<StudyReport.BaselineRow> of(StrokeCohort c) {
        List<StudyReport.BaselineRow> rows = new ArrayList<>();
        int[] arm = c.arm();
        int nEvt = 0;
        for (int a : arm) {
            nEvt += a;
        }
        rows.add(new StudyReport.BaselineRow("Patients", "count", new double[] {nEvt, nEvt},
                new double[] {arm.length - nEvt, arm.length - nEvt}, new int[2]));
        addNumber(rows, c, StrokeField.AGE, "Age, years", "mean_sd");
        if (c.has(StrokeField.SEX)) {
            rows.add(count("Women", c.covariate("female"), arm));
        }
        addNumber(rows, c, StrokeField.NIHSS, "Baseline NIHSS", "median_iqr");
        addNumber(rows, c, StrokeField.PRESTROKE_MRS, "Pre-stroke mRS", "median_iqr");
        if (c.has(StrokeField.IVT)) {
            rows.add(count("Intravenous thrombolysis", c.number(StrokeField.IVT), arm));
        }
        addNumber(rows, c, StrokeField.ONSET_TO_RANDOMISATION, "Onset to randomisation, minutes", "median_iqr");
        addNumber(rows, c, StrokeField.ASPECTS, "ASPECTS", "median_iqr");
        if (c.has(StrokeField.OCCLUSION_SITE)) {
            for (String site : StrokeField.OCCLUSION_SITE.codeList()) {
                rows.add(count("Occlusion: " + site, c.covariate(site.toLowerCase(Locale.ROOT)), arm));
            }
        }
        return rows;
    }

    private static void addNumber(List<StudyReport.BaselineRow> rows, StrokeCohort c, StrokeField f, String label, String kind) {
        if (!c.has(f)) {
            return;
        }
        double[] x = c.number(f);
        int[] arm = c.arm();
        double[][] by = new double[2][];
        int[] missing = new int[2];
        for (int a = 0; a < 2; a++) {
            double[] v = new double[x.length];
            int m = 0;
            for (int i = 0; i < x.length; i++) {
                if (arm[i] == 1 - a) {
                    if (Double.isNaN(x[i])) {
                        missing[a]++;
                    } else {
                        v[m++] = x[i];
                    }
                }
            }
            by[a] = kind.equals("mean_sd") ? meanSd(Arrays.copyOf(v, m)) : quartiles(Arrays.copyOf(v, m));
        }
        rows.add(new StudyReport.BaselineRow(label, kind, by[0], by[1], missing));
    }

    private static StudyReport.BaselineRow count(String label, double[] x, int[] arm) {
        double[][] by = new double[2][2];
        int[] missing = new int[2];
        for (int i = 0; i < x.length; i++) {
            int a = 1 - arm[i];
            if (Double.isNaN(x[i])) {
                missing[a]++;
            } else {
                by[a][0] += x[i] == 1 ? 1 : 0;
                by[a][1]++;
            }
        }
        return new StudyReport.BaselineRow(label, "count", by[0], by[1], missing);
    }

    /** Mean and sample standard deviation (denominator n − 1). */
    static double[] meanSd(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - m) * (x - m);
        }
        return new double[] {m, Math.sqrt(ss / (v.length - 1))};
    }

    /** Median and quartiles as R's quantile(type = 7). */
    static double[] quartiles(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return new double[] {quantile(s, 0.5), quantile(s, 0.25), quantile(s, 0.75)};
    }

    private static double quantile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
