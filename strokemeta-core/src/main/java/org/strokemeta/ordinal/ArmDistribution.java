package org.strokemeta.ordinal;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.strokemeta.data.OrdinalTable;
import org.strokemeta.data.PatientData;

/**
 * The distribution of an ordinal outcome (the 90-day mRS) in the two arms: patients per outcome category
 * in the treatment and the control arm, of one trial or of several trials added together, with their
 * totals and proportions. It is what Grotta bars show and what crude (all trials added) summaries start
 * from; every front end and report takes the per-arm counts from here.
 *
 * <p>Adding the arms of several trials ignores that trials differ in their patients and in their
 * allocation ratio (Simpson's paradox): the pooled distribution is a description, not an estimate of
 * the treatment effect, which the analyses compute within trials.
 *
 * @param treatment patients per category in the treatment arm, category 0 (best) first
 * @param control   patients per category in the control arm
 * @serial exclude
 */
public record ArmDistribution(double[] treatment, double[] control) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Checks and copies the counts.
     *
     * @param treatment patients per category in the treatment arm, category 0 (best) first
     * @param control   patients per category in the control arm
     * @throws IllegalArgumentException when an arm is missing, the arms differ in their number of
     *                                  categories, there is no category, or a count is negative or not finite
     */
    public ArmDistribution {
        if (treatment == null || control == null) {
            throw new IllegalArgumentException("treatment and control counts are required");
        }
        if (treatment.length != control.length || treatment.length == 0) {
            throw new IllegalArgumentException("treatment and control need one count per category, as many in each arm (got "
                    + treatment.length + " and " + control.length + ")");
        }
        for (int j = 0; j < treatment.length; j++) {
            if (!(treatment[j] >= 0 && control[j] >= 0) || Double.isInfinite(treatment[j]) || Double.isInfinite(control[j])) {
                throw new IllegalArgumentException("counts must be finite and not negative (category " + j + ": treatment "
                        + treatment[j] + ", control " + control[j] + ")");
            }
        }
        treatment = treatment.clone();
        control = control.clone();
    }

    /**
     * The arms of all trials of a table added together, trial by trial in the table's order.
     *
     * @param t the tabulated trials
     * @return the pooled distribution
     */
    public static ArmDistribution pooled(OrdinalTable t) {
        double[] tr = new double[t.categories()];
        double[] co = new double[t.categories()];
        for (int s = 0; s < t.size(); s++) {
            for (int j = 0; j < tr.length; j++) {
                tr[j] += t.treatment(s, j);
                co[j] += t.control(s, j);
            }
        }
        return new ArmDistribution(tr, co);
    }

    /**
     * The arms of one trial of a table.
     *
     * @param t     the tabulated trials
     * @param trial the trial's position in the table, from 0
     * @return its distribution
     * @throws IndexOutOfBoundsException when there is no such trial
     */
    public static ArmDistribution of(OrdinalTable t, int trial) {
        return new ArmDistribution(t.treatment(trial), t.control(trial));
    }

    /**
     * The arms of each trial of a table.
     *
     * @param t the tabulated trials
     * @return one distribution per trial, in the table's order
     */
    public static List<ArmDistribution> byTrial(OrdinalTable t) {
        List<ArmDistribution> out = new ArrayList<>(t.size());
        for (int s = 0; s < t.size(); s++) {
            out.add(of(t, s));
        }
        return List.copyOf(out);
    }

    /**
     * The arms of all trials of patient-level data added together.
     *
     * @param d the patients
     * @return the pooled distribution
     */
    public static ArmDistribution pooled(PatientData d) {
        return of(d, -1);
    }

    /**
     * The arms of one trial of patient-level data, or of all trials added together when {@code trial} is −1.
     *
     * @param d     the patients
     * @param trial the trial code (0 to {@code d.studies() − 1}), or −1 for all trials
     * @return the distribution
     * @throws IllegalArgumentException when there is no such trial
     */
    public static ArmDistribution of(PatientData d, int trial) {
        if (trial < -1 || trial >= d.studies()) {
            throw new IllegalArgumentException("trial must be -1 (all) or a trial code from 0 to " + (d.studies() - 1) + " (got " + trial + ")");
        }
        double[][] c = new double[2][d.categories()];
        int[] st = d.study();
        int[] tr = d.treatment();
        int[] y = d.outcome();
        for (int i = 0; i < y.length; i++) {
            if (trial < 0 || st[i] == trial) {
                c[1 - tr[i]][y[i]] += d.weight(i);
            }
        }
        return new ArmDistribution(c[0], c[1]);
    }

    /**
     * The arms of each trial of patient-level data.
     *
     * @param d the patients
     * @return one distribution per trial, by trial code
     */
    public static List<ArmDistribution> byTrial(PatientData d) {
        int k = d.studies();
        double[][] t = new double[k][d.categories()];
        double[][] c = new double[k][d.categories()];
        int[] st = d.study();
        int[] tr = d.treatment();
        int[] y = d.outcome();
        for (int i = 0; i < y.length; i++) {
            (tr[i] == 1 ? t : c)[st[i]][y[i]] += d.weight(i);
        }
        List<ArmDistribution> out = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
            out.add(new ArmDistribution(t[s], c[s]));
        }
        return List.copyOf(out);
    }

    /**
     * The treatment-arm counts per category.
     *
     * @return a copy, category 0 (best) first
     */
    @Override
    public double[] treatment() {
        return treatment.clone();
    }

    /**
     * The control-arm counts per category.
     *
     * @return a copy, category 0 (best) first
     */
    @Override
    public double[] control() {
        return control.clone();
    }

    /**
     * The number of outcome categories.
     *
     * @return the categories of each arm
     */
    public int categories() {
        return treatment.length;
    }

    /**
     * The treatment-arm count of one category.
     *
     * @param j the category, 0 (best) first
     * @return the patients
     */
    public double treatment(int j) {
        return treatment[j];
    }

    /**
     * The control-arm count of one category.
     *
     * @param j the category, 0 (best) first
     * @return the patients
     */
    public double control(int j) {
        return control[j];
    }

    /**
     * The patients in the treatment arm.
     *
     * @return the sum of the treatment-arm counts
     */
    public double treatmentTotal() {
        return sum(treatment);
    }

    /**
     * The patients in the control arm.
     *
     * @return the sum of the control-arm counts
     */
    public double controlTotal() {
        return sum(control);
    }

    /**
     * The share of the treatment arm in each category.
     *
     * @return proportions between 0 and 1 summing to 1, or zeros when the arm is empty
     */
    public double[] treatmentProportions() {
        return proportions(treatment);
    }

    /**
     * The share of the control arm in each category.
     *
     * @return proportions between 0 and 1 summing to 1, or zeros when the arm is empty
     */
    public double[] controlProportions() {
        return proportions(control);
    }

    /**
     * The counts as a two-row array, treatment first.
     *
     * @return {@code [0]} the treatment-arm counts, {@code [1]} the control-arm counts (a copy)
     */
    public double[][] counts() {
        return new double[][] {treatment.clone(), control.clone()};
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }

    private static double[] proportions(double[] x) {
        double n = sum(x);
        double[] p = new double[x.length];
        for (int j = 0; j < x.length; j++) {
            p[j] = n > 0 ? x[j] / n : 0;
        }
        return p;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArmDistribution a && Arrays.equals(treatment, a.treatment) && Arrays.equals(control, a.control);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(treatment) + Arrays.hashCode(control);
    }

    @Override
    public String toString() {
        return "ArmDistribution[treatment=" + Arrays.toString(treatment) + ", control=" + Arrays.toString(control) + "]";
    }
}
