package org.strokemeta.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.strokemeta.data.CsvReader;
import org.strokemeta.data.InputException;
import org.strokemeta.data.Table;

/**
 * What {@link CohortSimulator} draws from: the trials (arm sizes and baseline characteristics per arm,
 * as published) and the model parameters (outcome distribution, treatment effect, covariate effects,
 * shares of occlusion sites and safety risks), each value with the source it was taken from or marked
 * as an assumption. The bundled calibration is HERMES's: {@code simulate/hermes-trials.csv} and
 * {@code simulate/hermes-parameters.csv} in the product's resources.
 *
 * @param trials     the trials, in order
 * @param parameters the model parameters by name
 * @serial exclude
 */
public record SimulationSpec(List<TrialSpec> trials, Map<String, Parameter> parameters) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private static final String DIR = "org/strokemeta/simulate/";

    /**
     * Makes a calibration, copying the trials and parameters.
     *
     * @param trials     the trials, in order (at least one)
     * @param parameters the model parameters by name
     * @throws IllegalArgumentException when there is no trial
     */
    public SimulationSpec {
        trials = List.copyOf(trials);
        parameters = Map.copyOf(parameters);
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a simulation needs at least one trial");
        }
    }

    /**
     * One trial: arm sizes and, per arm, the published location and spread of age and NIHSS and the
     * share given intravenous thrombolysis.
     *
     * @param name        the trial
     * @param nEvt        patients randomised to thrombectomy
     * @param nControl    patients randomised to control
     * @param age         age per arm {evt, control}: mean and SD, or median with quartiles (see ageMedian)
     * @param ageSpread   per arm, the SD (mean form) or the interquartile range (median form)
     * @param ageMedian   true when age is given as median and IQR
     * @param nihss       median NIHSS per arm {evt, control}
     * @param nihssIqr    interquartile range of NIHSS per arm (NaN when not published)
     * @param ivtShare    share given intravenous thrombolysis per arm (0-1)
     * @param source      where these numbers come from
     * @serial exclude
     */
    public record TrialSpec(String name, int nEvt, int nControl, double[] age, double[] ageSpread, boolean ageMedian,
                            double[] nihss, double[] nihssIqr, double[] ivtShare, String source) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Checks a trial and copies its arrays.
         *
         * @param name      the trial
         * @param nEvt      patients randomised to thrombectomy
         * @param nControl  patients randomised to control
         * @param age       age per arm {evt, control}
         * @param ageSpread per arm, the SD or the interquartile range of age
         * @param ageMedian true when age is given as median and IQR
         * @param nihss     median NIHSS per arm
         * @param nihssIqr  interquartile range of NIHSS per arm
         * @param ivtShare  share given intravenous thrombolysis per arm (0-1)
         * @param source    where these numbers come from
         * @throws IllegalArgumentException when an arm size is negative or the trial has no patient
         */
        public TrialSpec {
            if (nEvt < 0 || nControl < 0 || nEvt + nControl == 0) {
                throw new IllegalArgumentException("trial " + name + " needs patients");
            }
            age = age.clone();
            ageSpread = ageSpread.clone();
            nihss = nihss.clone();
            nihssIqr = nihssIqr.clone();
            ivtShare = ivtShare.clone();
        }

        /**
         * Age per arm {evt, control}: mean, or median (see {@link #ageMedian()}), in years.
         *
         * @return a copy
         */
        @Override
        public double[] age() {
            return age.clone();
        }

        /**
         * Per arm, the SD of age (mean form) or its interquartile range (median form), in years.
         *
         * @return a copy
         */
        @Override
        public double[] ageSpread() {
            return ageSpread.clone();
        }

        /**
         * Median NIHSS per arm {evt, control}.
         *
         * @return a copy
         */
        @Override
        public double[] nihss() {
            return nihss.clone();
        }

        /**
         * Interquartile range of NIHSS per arm (NaN when not published).
         *
         * @return a copy
         */
        @Override
        public double[] nihssIqr() {
            return nihssIqr.clone();
        }

        /**
         * Share given intravenous thrombolysis per arm (0-1).
         *
         * @return a copy
         */
        @Override
        public double[] ivtShare() {
            return ivtShare.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TrialSpec t && name.equals(t.name) && nEvt == t.nEvt && nControl == t.nControl
                    && java.util.Arrays.equals(age, t.age) && java.util.Arrays.equals(ageSpread, t.ageSpread) && ageMedian == t.ageMedian
                    && java.util.Arrays.equals(nihss, t.nihss) && java.util.Arrays.equals(nihssIqr, t.nihssIqr)
                    && java.util.Arrays.equals(ivtShare, t.ivtShare) && java.util.Objects.equals(source, t.source);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(name, nEvt, nControl, java.util.Arrays.hashCode(age), java.util.Arrays.hashCode(ageSpread),
                    ageMedian, java.util.Arrays.hashCode(nihss), java.util.Arrays.hashCode(nihssIqr), java.util.Arrays.hashCode(ivtShare),
                    source);
        }

        @Override
        public String toString() {
            return "TrialSpec[name=" + name + ", nEvt=" + nEvt + ", nControl=" + nControl + ", age=" + java.util.Arrays.toString(age)
                    + ", ageSpread=" + java.util.Arrays.toString(ageSpread) + ", ageMedian=" + ageMedian + ", nihss="
                    + java.util.Arrays.toString(nihss) + ", nihssIqr=" + java.util.Arrays.toString(nihssIqr) + ", ivtShare="
                    + java.util.Arrays.toString(ivtShare) + ", source=" + source + "]";
        }
    }

    /**
     * A model parameter.
     *
     * @param name   its name
     * @param value  its value
     * @param source the publication it comes from, or "assumption: ..." when it is not a published figure
     * @serial exclude
     */
    public record Parameter(String name, double value, String source) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        /**
         * Tells whether the value is an assumption rather than a published figure.
         *
         * @return true when the source starts with "assumption"
         */
        public boolean assumed() {
            return source.startsWith("assumption");
        }
    }

    /**
     * The value of a parameter.
     *
     * @param name the parameter's name
     * @return its value
     * @throws IllegalArgumentException naming the parameter when it is absent
     */
    public double value(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("the simulation parameter " + name + " is missing");
        }
        return p.value();
    }

    /**
     * Parameters prefix0, prefix1, ... as an array (for example control_mrs0..control_mrs6).
     *
     * @param prefix the common start of their names
     * @param count  how many there are
     * @return their values in order
     * @throws IllegalArgumentException naming a parameter that is absent
     */
    public double[] values(String prefix, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = value(prefix + i);
        }
        return v;
    }

    /**
     * The number of patients of all trials.
     *
     * @return both arms of every trial
     */
    public int patients() {
        int n = 0;
        for (TrialSpec t : trials) {
            n += t.nEvt() + t.nControl();
        }
        return n;
    }

    /**
     * The bundled HERMES calibration.
     *
     * @return the calibration read from the product's resources
     */
    public static SimulationSpec hermes() {
        return of(resource("hermes-trials.csv"), resource("hermes-parameters.csv"));
    }

    /**
     * Reads a calibration from its two tables.
     *
     * @param trials     one row per trial (name, arm sizes, age, NIHSS and thrombolysis per arm, source)
     * @param parameters one row per parameter (name, value, source)
     * @return the calibration
     * @throws InputException when a value is missing or not a number
     */
    public static SimulationSpec of(Table trials, Table parameters) {
        List<TrialSpec> list = new ArrayList<>();
        for (int i = 0; i < trials.rows(); i++) {
            boolean median = trials.text(i, "age_form").equals("median_iqr");
            double[] age = {num(trials, i, "age_evt"), num(trials, i, "age_control")};
            double[] spread = {spread(trials, i, "age_spread_evt", median), spread(trials, i, "age_spread_control", median)};
            double[] nihss = {num(trials, i, "nihss_evt"), num(trials, i, "nihss_control")};
            double[] iqr = {iqr(trials, i, "evt"), iqr(trials, i, "control")};
            double[] ivt = {num(trials, i, "ivt_pct_evt") / 100, num(trials, i, "ivt_pct_control") / 100};
            list.add(new TrialSpec(trials.text(i, "trial"), (int) num(trials, i, "n_evt"), (int) num(trials, i, "n_control"),
                    age, spread, median, nihss, iqr, ivt, trials.text(i, "source")));
        }
        Map<String, Parameter> map = new LinkedHashMap<>();
        for (int i = 0; i < parameters.rows(); i++) {
            String name = parameters.text(i, "parameter");
            map.put(name, new Parameter(name, num(parameters, i, "value"), parameters.text(i, "source")));
        }
        return new SimulationSpec(list, map);
    }

    private static double num(Table t, int row, String col) {
        double v = optional(t, row, col);
        if (Double.isNaN(v)) {
            throw new InputException(t.source(), t.line(row), col, "a number is needed");
        }
        return v;
    }

    /** The cell as a number, NaN when blank. */
    private static double optional(Table t, int row, String col) {
        String s = t.text(row, col);
        if (s.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InputException(t.source(), t.line(row), col, "'" + s + "' is not a number");
        }
    }

    /** An SD, or an interquartile range written "q1-q3" (as its width). */
    private static double spread(Table t, int row, String col, boolean range) {
        String s = t.text(row, col);
        if (!range) {
            return num(t, row, col);
        }
        int dash = s.indexOf('-', 1);
        if (dash < 0) {
            throw new InputException(t.source(), t.line(row), col, "an interquartile range is written q1-q3, not " + s);
        }
        return Double.parseDouble(s.substring(dash + 1)) - Double.parseDouble(s.substring(0, dash));
    }

    private static double iqr(Table t, int row, String arm) {
        double q1 = optional(t, row, "nihss_q1_" + arm);
        double q3 = optional(t, row, "nihss_q3_" + arm);
        return q3 - q1;
    }

    private static Table resource(String name) {
        try (InputStream in = SimulationSpec.class.getResourceAsStream("/" + DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the simulation calibration " + name + " is missing from the class path");
            }
            return CsvReader.read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
