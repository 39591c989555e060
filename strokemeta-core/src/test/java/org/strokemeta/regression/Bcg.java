package org.strokemeta.regression;

import static org.assertj.core.api.Assertions.assertThat;

import org.strokemeta.data.CsvReader;
import org.strokemeta.data.StudyLoader;
import org.strokemeta.data.Table;
import org.strokemeta.effect.Continuity;
import org.strokemeta.effect.EffectCalculator;
import org.strokemeta.effect.EffectSizes;
import org.strokemeta.effect.Measure;

/**
 * The BCG vaccine trials (Colditz et al. 1994; metafor's dat.bcg) as a CSV table with the moderators
 * {@code ablat} (absolute latitude), {@code year} and {@code alloc} (allocation method), the data of
 * strokemeta-core/src/test/r/regression_reference.R.
 */
public final class Bcg {
    /** study, tpos, tneg, cpos, cneg, ablat, year, alloc, in dat.bcg order. */
    private static final String[][] TRIALS = {
        {"Aronson 1948", "4", "119", "11", "128", "44", "1948", "random"},
        {"Ferguson & Simes 1949", "6", "300", "29", "274", "55", "1949", "random"},
        {"Rosenthal et al 1960", "3", "228", "11", "209", "42", "1960", "random"},
        {"Hart & Sutherland 1977", "62", "13536", "248", "12619", "52", "1977", "random"},
        {"Frimodt-Moller et al 1973", "33", "5036", "47", "5761", "13", "1973", "alternate"},
        {"Stein & Aronson 1953", "180", "1361", "372", "1079", "44", "1953", "alternate"},
        {"Vandiviere et al 1973", "8", "2537", "10", "619", "19", "1973", "random"},
        {"TPT Madras 1980", "505", "87886", "499", "87892", "13", "1980", "random"},
        {"Coetzee & Berjak 1968", "29", "7470", "45", "7232", "27", "1968", "random"},
        {"Rosenthal et al 1961", "17", "1699", "65", "1600", "42", "1961", "systematic"},
        {"Comstock et al 1974", "186", "50448", "141", "27197", "18", "1974", "systematic"},
        {"Comstock & Webster 1969", "5", "2493", "3", "2338", "33", "1969", "systematic"},
        {"Comstock et al 1976", "27", "16886", "29", "17825", "33", "1976", "systematic"},
    };

    /** The header of {@link #csv}. */
    public static final String HEADER = "study,events_treat,total_treat,events_ctrl,total_ctrl,ablat,year,alloc";

    private Bcg() {
    }

    /** The CSV text of the given trials (1-based trial numbers, in the order given; all 13 when none). */
    public static String csv(int... trials) {
        if (trials.length == 0) {
            trials = new int[TRIALS.length];
            for (int i = 0; i < trials.length; i++) {
                trials[i] = i + 1;
            }
        }
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (int t : trials) {
            String[] r = TRIALS[t - 1];
            int tpos = Integer.parseInt(r[1]);
            int cpos = Integer.parseInt(r[3]);
            sb.append(r[0]).append(',').append(tpos).append(',').append(tpos + Integer.parseInt(r[2])).append(',')
                    .append(cpos).append(',').append(cpos + Integer.parseInt(r[4])).append(',')
                    .append(r[5]).append(',').append(r[6]).append(',').append(r[7]).append('\n');
        }
        return sb.toString();
    }

    /** The table of the given trials (all when none). */
    public static Table table(int... trials) {
        return CsvReader.parse("bcg.csv", csv(trials));
    }

    /** Log risk ratios of the table's trials (metafor escalc(measure = "RR")), with the table's other columns. */
    public static EffectSizes rr(Table t) {
        return EffectCalculator.compute(Measure.RR, StudyLoader.binary(t), Continuity.defaults())
                .withInputCovariates(org.strokemeta.study.StudyInput.covariates(t, Measure.RR, org.strokemeta.study.MetaRequest.defaults()));
    }

    /** Asserts |actual − expected| ≤ 1e-9 + 1e-6 |expected|, the tolerance of the validation corpus. */
    public static void close(double actual, double expected) {
        assertThat(Math.abs(actual - expected)).as("actual %s, expected %s", actual, expected)
                .isLessThanOrEqualTo(1e-9 + 1e-6 * Math.abs(expected));
    }
}
