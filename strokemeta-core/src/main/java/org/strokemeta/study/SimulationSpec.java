package org.strokemeta.study;

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
 */
public record SimulationSpec(List<TrialSpec> trials, Map<String, Parameter> parameters) {
    private static final String DIR = "org/strokemeta/simulate/";

    /**
     * Copies the lists and checks that there is a trial.
     *
     * @param trials the trials, in order
     * @param parameters the model parameters by name
     * @throws IllegalArgumentException if there is no trial
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
     */
    public record TrialSpec(String name, int nEvt, int nControl, double[] age, double[] ageSpread, boolean ageMedian,
                            double[] nihss, double[] nihssIqr, double[] ivtShare, String source) {
        /**
         * Checks the arm sizes.
         *
         * @param name the trial
         * @param nEvt patients randomised to thrombectomy
         * @param nControl patients randomised to control
         * @param age age per arm {evt, control}: mean and SD, or median with quartiles (see ageMedian)
         * @param ageSpread per arm, the SD (mean form) or the interquartile range (median form)
         * @param ageMedian true when age is given as median and IQR
         * @param nihss median NIHSS per arm {evt, control}
         * @param nihssIqr interquartile range of NIHSS per arm (NaN when not published)
         * @param ivtShare share given intravenous thrombolysis per arm (0-1)
         * @param source where these numbers come from
         * @throws IllegalArgumentException if the trial has no patients or a negative arm
         */
        public TrialSpec {
            if (nEvt < 0 || nControl < 0 || nEvt + nControl == 0) {
                throw new IllegalArgumentException("trial " + name + " needs patients");
            }
        }
    }

    /**
     * A model parameter.
     *
     * @param name   its name
     * @param value  its value
     * @param source the publication it comes from, or "assumption: ..." when it is not a published figure
     */
    public record Parameter(String name, double value, String source) {
        /**
         * True when the value is not a published figure.
         *
         * @return whether the source starts with "assumption"
         */
        public boolean assumed() {
            return source.startsWith("assumption");
        }
    }

    /**
     * The value of a parameter; an error naming it when absent.
     *
     * @param name the parameter's name
     * @return its value
     * @throws IllegalArgumentException if there is no such parameter
     */
    public double value(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("the simulation parameter " + name + " is missing");
        }
        return p.value();
    }

    /**
     * Parameters name0, name1, ... as an array (for example control_mrs0..control_mrs6).
     *
     * @param prefix the names' prefix
     * @param count  the number of values
     * @return the values of prefix0 ... prefix(count − 1)
     * @throws IllegalArgumentException if one is missing
     */
    public double[] values(String prefix, int count) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = value(prefix + i);
        }
        return v;
    }

    /**
     * The patients of all trials.
     *
     * @return the sum of both arms over the trials
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
     * @return the calibration
     */
    public static SimulationSpec hermes() {
        return of(resource("hermes-trials.csv"), resource("hermes-parameters.csv"));
    }

    /**
     * Reads a calibration from its two tables.
     *
     * @param trials     the trials' table
     * @param parameters the parameters' table
     * @return the calibration
     * @throws InputException if a cell is missing or wrong
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
        try (InputStream in = SimulationSpec.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("the simulation calibration " + name + " is missing from the class path");
            }
            return CsvReader.read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
