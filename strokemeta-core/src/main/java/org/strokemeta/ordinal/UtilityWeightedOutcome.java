package org.strokemeta.ordinal;

import org.strokemeta.data.InputException;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;
import org.strokemeta.internal.Dist;

/**
 * The mean utility of each arm and their difference, with utility weights attached to the outcome
 * categories (the utility-weighted mRS of Chaisinanunkul et al., Stroke 2015). Each arm's standard
 * error is its sample standard deviation (divisor n − 1) over √n; the difference has the unpooled
 * (Welch) standard error {@code √(s_T²/n_T + s_C²/n_C)}, as R's {@code t.test(var.equal = FALSE)}
 * reports it, and a Wald interval and z test (large trials).
 *
 * @param weights          the utility weights
 * @param meanTreatment    mean utility, treatment arm (trials combined: the weighted mean of the trials' arm means)
 * @param meanControl      mean utility, control arm (likewise)
 * @param sdTreatment      standard deviation of utility, treatment arm (NaN for trials combined)
 * @param sdControl        standard deviation of utility, control arm (NaN for trials combined)
 * @param nTreatment       patients, treatment arm
 * @param nControl         patients, control arm
 * @param difference       meanTreatment − meanControl (positive = better with treatment)
 * @param se               its standard error
 * @param ciLower          lower Wald limit
 * @param ciUpper          upper Wald limit
 * @param z                difference / se
 * @param p                two-sided p-value
 * @param level            the confidence level
 * @serial exclude
 */
public record UtilityWeightedOutcome(UtilityWeights weights, double meanTreatment, double meanControl,
                                     double sdTreatment, double sdControl, double nTreatment, double nControl,
                                     double difference, double se, double ciLower, double ciUpper, double z, double p,
                                     double level) implements java.io.Serializable {
    /**
     * Checks the weights and arm sizes.
     *
     * @param weights the utility weights
     * @param meanTreatment mean utility, treatment arm (trials combined: the weighted mean of the trials' arm means)
     * @param meanControl mean utility, control arm (likewise)
     * @param sdTreatment standard deviation of utility, treatment arm (NaN for trials combined)
     * @param sdControl standard deviation of utility, control arm (NaN for trials combined)
     * @param nTreatment patients, treatment arm
     * @param nControl patients, control arm
     * @param difference meanTreatment − meanControl (positive = better with treatment)
     * @param se its standard error
     * @param ciLower lower Wald limit
     * @param ciUpper upper Wald limit
     * @param z difference / se
     * @param p two-sided p-value
     * @param level the confidence level
     * @throws IllegalArgumentException if the weights are missing or an arm has fewer than two patients
     */
    public UtilityWeightedOutcome {
        if (weights == null) {
            throw new IllegalArgumentException("utility weights are needed");
        }
        if (!(nTreatment > 1 && nControl > 1)) {
            throw new IllegalArgumentException("each arm needs at least two patients");
        }
    }

    /**
     * From the number of patients in each category of the two arms.
     *
     * @param treatment patients per category, treatment arm
     * @param control   patients per category, control arm
     * @param w         the utility weights, one per category
     * @param level     the confidence level, in (0, 1)
     * @return the mean utility of each arm, their difference with Wald interval and test
     * @throws InputException if the weights are not for the outcome's number of categories
     */
    public static UtilityWeightedOutcome of(double[] treatment, double[] control, UtilityWeights w, double level) {
        if (treatment.length != w.categories() || control.length != w.categories()) {
            throw InputException.of(null, "the utility weights " + w.name() + " are for " + w.categories()
                    + " categories (mRS 0-6), the outcome has " + treatment.length
                    + "; with merged categories, give weights for the merged scale");
        }
        double[] t = moments(treatment, w, "treatment");
        double[] c = moments(control, w, "control");
        return of(w, t[1], c[1], t[2], c[2], t[0], c[0], Math.sqrt(t[2] * t[2] / t[0] + c[2] * c[2] / c[0]), level);
    }

    /** From the arms' means and the standard error of their difference: the Wald interval and test follow. */
    static UtilityWeightedOutcome of(UtilityWeights w, double meanT, double meanC, double sdT, double sdC, double nT, double nC,
                                     double se, double level) {
        double diff = meanT - meanC;
        double q = Dist.zCrit(level);
        double z = diff / se;
        return new UtilityWeightedOutcome(w, meanT, meanC, sdT, sdC, nT, nC, diff, se, diff - q * se, diff + q * se,
                z, Dist.pNormal2(z), level);
    }

    /**
     * For one trial of a table.
     *
     * @param t     the table
     * @param trial the 0-based trial
     * @param w     the utility weights
     * @param level the confidence level, in (0, 1)
     * @return the trial's utility-weighted outcome
     */
    public static UtilityWeightedOutcome of(OrdinalTable t, int trial, UtilityWeights w, double level) {
        return of(t.treatment(trial), t.control(trial), w, level);
    }

    /**
     * From patient-level data: one trial's arms, or all trials' arms added together (crude: it ignores
     * differences between trials in allocation and prognosis) when {@code trial} is −1.
     *
     * @param d     the patients
     * @param trial the 0-based trial, or −1 for all trials added together
     * @param w     the utility weights
     * @param level the confidence level, in (0, 1)
     * @return the utility-weighted outcome
     */
    public static UtilityWeightedOutcome of(PatientData d, int trial, UtilityWeights w, double level) {
        ArmDistribution a = ArmDistribution.of(d, trial);
        return of(a.treatment(), a.control(), w, level);
    }

    /** n, mean and standard deviation (divisor n − 1) of the utility in one arm. */
    private static double[] moments(double[] counts, UtilityWeights w, String arm) {
        double n = 0;
        double s = 0;
        for (int j = 0; j < counts.length; j++) {
            if (!(counts[j] >= 0) || Double.isInfinite(counts[j])) {
                throw InputException.of(null, "the " + arm + " arm has a count that is not a number of patients: " + counts[j]);
            }
            n += counts[j];
            s += counts[j] * w.weight(j);
        }
        if (!(n > 1)) {
            throw InputException.of(null, "the " + arm + " arm needs at least two patients for a standard error");
        }
        double mean = s / n;
        double ss = 0;
        for (int j = 0; j < counts.length; j++) {
            double d = w.weight(j) - mean;
            ss += counts[j] * d * d;
        }
        return new double[] {n, mean, Math.sqrt(ss / (n - 1))};
    }
}
