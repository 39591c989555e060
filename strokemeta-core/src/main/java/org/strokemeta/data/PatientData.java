package org.strokemeta.data;

import java.util.List;

/**
 * Patient-level (individual participant) data of several trials, held column-wise in primitive
 * arrays (no object per patient), ready for model fitting.
 *
 * <p>Categories are 0 (best, as mRS 0) to {@code categories − 1} (worst). Trials are coded
 * 0..{@code studyNames.length − 1} in natural order of their labels (numbers by value). Patients left out (a missing
 * outcome, treatment or covariate under complete-case analysis) are not in the arrays; the notes
 * count them by reason and name the first lines.
 *
 * @param source         the file name
 * @param studyNames     the trial labels, indexed by trial code
 * @param study          the trial code of each patient
 * @param treatment      1 for the treatment arm, 0 for control
 * @param outcome        the outcome category of each patient, 0 = best
 * @param categories     the number of outcome categories (7 for mRS 0-6)
 * @param covariateNames the names of the covariate columns
 * @param covariates     one array per covariate, each over the patients
 * @param lines          the file line of each patient
 * @param excluded       the number of patients left out
 * @param notes          what was left out and why, and other remarks
 * @param columns        further patient-level columns of the data carried with the patients (for example
 *                       a subgroup variable or a 0/1 secondary outcome), aligned with the patients and kept
 *                       aligned by {@link #select}; not in the models; null for none
 * @param weights        case weights: the number of patients each row stands for (a whole number, at least 1), as
 *                       the {@code weights} of R's clm and glm; null when every row is one patient
 * @serial exclude
 */
public record PatientData(String source, String[] studyNames, int[] study, int[] treatment, int[] outcome, int categories,
                          List<String> covariateNames, double[][] covariates, int[] lines, int excluded, List<Note> notes,
                          DataColumns columns, int[] weights) implements java.io.Serializable {
    /**
     * Checks the lengths and copies the arrays (see the record's components).
     *
     * @param source         the file name
     * @param studyNames     the trial labels, indexed by trial code
     * @param study          the trial code of each patient
     * @param treatment      1 for the treatment arm, 0 for control
     * @param outcome        the outcome category of each patient, 0 = best
     * @param categories     the number of outcome categories (7 for mRS 0-6)
     * @param covariateNames the names of the covariate columns
     * @param covariates     one array per covariate, each over the patients
     * @param lines          the file line of each patient
     * @param excluded       the number of patients left out
     * @param notes          what was left out and why, and other remarks
     * @param columns        further patient-level columns carried with the patients, aligned with them; not in
     *                       the models; null for none
     * @param weights        the number of patients each row stands for, or null for one each
     * @throws IllegalArgumentException when the arrays, covariates or columns differ in length, or a weight is below 1
     *                                  or the weights add up to more than {@link Integer#MAX_VALUE} patients
     */
    public PatientData {
        int n = study.length;
        if (treatment.length != n || outcome.length != n || lines.length != n || (weights != null && weights.length != n)) {
            throw new IllegalArgumentException("patient arrays of different lengths");
        }
        if (weights != null) {
            long total = 0;
            for (int w : weights) {
                if (w < 1) {
                    throw new IllegalArgumentException("a case weight must be a whole number of patients, at least 1 (got " + w + ")");
                }
                total += w;
            }
            if (total > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the case weights add up to " + total + " patients, more than "
                        + Integer.MAX_VALUE);
            }
            weights = weights.clone();
        }
        if (columns == null) {
            columns = DataColumns.none(n);
        } else if (columns.size() != n) {
            throw new IllegalArgumentException("the carried columns describe " + columns.size() + " patients, not " + n);
        }
        if (covariateNames.size() != covariates.length) {
            throw new IllegalArgumentException("covariate names and columns differ in number");
        }
        for (double[] c : covariates) {
            if (c.length != n) {
                throw new IllegalArgumentException("a covariate column differs in length");
            }
        }
        covariateNames = List.copyOf(covariateNames);
        notes = List.copyOf(notes);
        studyNames = studyNames.clone();
        study = study.clone();
        treatment = treatment.clone();
        outcome = outcome.clone();
        covariates = deepCopy(covariates);
        lines = lines.clone();
    }

    /**
     * Patient data with one patient per row (see the record's components).
     *
     * @param source         the file name
     * @param studyNames     the trial labels, indexed by trial code
     * @param study          the trial code of each patient
     * @param treatment      1 for the treatment arm, 0 for control
     * @param outcome        the outcome category of each patient, 0 = best
     * @param categories     the number of outcome categories (7 for mRS 0-6)
     * @param covariateNames the names of the covariate columns
     * @param covariates     one array per covariate, each over the patients
     * @param lines          the file line of each patient
     * @param excluded       the number of patients left out
     * @param notes          what was left out and why, and other remarks
     * @param columns        further patient-level columns carried with the patients, aligned with them; null for none
     * @throws IllegalArgumentException when the arrays, covariates or columns differ in length
     */
    public PatientData(String source, String[] studyNames, int[] study, int[] treatment, int[] outcome, int categories,
                       List<String> covariateNames, double[][] covariates, int[] lines, int excluded, List<Note> notes,
                       DataColumns columns) {
        this(source, studyNames, study, treatment, outcome, categories, covariateNames, covariates, lines, excluded, notes,
                columns, null);
    }

    /**
     * Patient data without further carried columns (see the record's components).
     *
     * @param source         the file name
     * @param studyNames     the trial labels, indexed by trial code
     * @param study          the trial code of each patient
     * @param treatment      1 for the treatment arm, 0 for control
     * @param outcome        the outcome category of each patient, 0 = best
     * @param categories     the number of outcome categories (7 for mRS 0-6)
     * @param covariateNames the names of the covariate columns
     * @param covariates     one array per covariate, each over the patients
     * @param lines          the file line of each patient
     * @param excluded       the number of patients left out
     * @param notes          what was left out and why, and other remarks
     * @throws IllegalArgumentException when the arrays or covariates differ in length
     */
    public PatientData(String source, String[] studyNames, int[] study, int[] treatment, int[] outcome, int categories,
                       List<String> covariateNames, double[][] covariates, int[] lines, int excluded, List<Note> notes) {
        this(source, studyNames, study, treatment, outcome, categories, covariateNames, covariates, lines, excluded, notes, null, null);
    }

    /**
     * The same patients carrying the given further columns.
     *
     * @param c the columns, one value per patient in the patients' order
     * @return the patient data with these columns
     * @throws IllegalArgumentException when {@code c} does not describe {@link #size()} patients
     */
    public PatientData withColumns(DataColumns c) {
        return new PatientData(source, studyNames, study, treatment, outcome, categories, covariateNames, covariates, lines,
                excluded, notes, java.util.Objects.requireNonNull(c, "c"), weights);
    }

    /**
     * The same rows, each standing for the given number of patients (case weights, as the {@code weights} of R's
     * clm and glm).
     *
     * @param w the number of patients of each row (whole numbers, at least 1), or null for one patient per row
     * @return the patient data with these weights
     * @throws IllegalArgumentException when {@code w} does not describe {@link #size()} rows or a weight is below 1
     */
    public PatientData withWeights(int[] w) {
        return new PatientData(source, studyNames, study, treatment, outcome, categories, covariateNames, covariates, lines,
                excluded, notes, columns, w);
    }

    /**
     * The {@code weights} component, as a copy.
     *
     * @return the number of patients each row stands for, or null when every row is one patient
     */
    @Override
    public int[] weights() {
        return weights == null ? null : weights.clone();
    }

    /**
     * True when rows carry case weights.
     *
     * @return whether {@link #weights()} is not null
     */
    public boolean weighted() {
        return weights != null;
    }

    /**
     * The number of patients row {@code i} stands for.
     *
     * @param i the 0-based row
     * @return its case weight, 1 without weights
     */
    public int weight(int i) {
        return weights == null ? 1 : weights[i];
    }

    /**
     * The number of patients analysed: the rows, or the sum of their weights.
     *
     * @return the number of patients the rows stand for
     */
    public int patients() {
        if (weights == null) {
            return study.length;
        }
        int t = 0;
        for (int w : weights) {
            t += w;
        }
        return t;
    }

    /**
     * The {@code studyNames} component, as a copy (the record cannot be changed through it).
     *
     * @return the trial labels, indexed by trial code
     */
    @Override
    public String[] studyNames() {
        return studyNames.clone();
    }

    /**
     * Element {@code i} of {@link #studyNames()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code studyNames()[i]}
     */
    public String studyNames(int i) {
        return studyNames[i];
    }

    /**
     * The {@code study} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code study}
     */
    @Override
    public int[] study() {
        return study.clone();
    }

    /**
     * Element {@code i} of {@link #study()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code study()[i]}
     */
    public int study(int i) {
        return study[i];
    }

    /**
     * The {@code treatment} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code treatment}
     */
    @Override
    public int[] treatment() {
        return treatment.clone();
    }

    /**
     * Element {@code i} of {@link #treatment()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code treatment()[i]}
     */
    public int treatment(int i) {
        return treatment[i];
    }

    /**
     * The {@code outcome} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code outcome}
     */
    @Override
    public int[] outcome() {
        return outcome.clone();
    }

    /**
     * Element {@code i} of {@link #outcome()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code outcome()[i]}
     */
    public int outcome(int i) {
        return outcome[i];
    }

    /**
     * The {@code covariates} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code covariates}
     */
    @Override
    public double[][] covariates() {
        return deepCopy(covariates);
    }

    /**
     * Element ({@code i}, {@code j}) of {@link #covariates()}, without a copy.
     *
     * @param i the 0-based row
     * @param j the 0-based column
     * @return {@code covariates()[i][j]}
     */
    public double covariates(int i, int j) {
        return covariates[i][j];
    }

    /**
     * The {@code lines} component, as a copy (the record cannot be changed through it).
     *
     * @return a fresh copy of {@code lines}
     */
    @Override
    public int[] lines() {
        return lines.clone();
    }

    /**
     * Element {@code i} of {@link #lines()}, without a copy.
     *
     * @param i the 0-based position
     * @return {@code lines()[i]}
     */
    public int lines(int i) {
        return lines[i];
    }

    private static double[][] deepCopy(double[][] x) {
        if (x == null) {
            return null;
        }
        double[][] o = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            o[i] = x[i] == null ? null : x[i].clone();
        }
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientData r
                && java.util.Objects.equals(source, r.source)
                && java.util.Arrays.equals(studyNames, r.studyNames)
                && java.util.Arrays.equals(study, r.study)
                && java.util.Arrays.equals(treatment, r.treatment)
                && java.util.Arrays.equals(outcome, r.outcome)
                && categories == r.categories
                && java.util.Objects.equals(covariateNames, r.covariateNames)
                && java.util.Arrays.deepEquals(covariates, r.covariates)
                && java.util.Arrays.equals(lines, r.lines)
                && excluded == r.excluded
                && java.util.Objects.equals(notes, r.notes)
                && columns.equals(r.columns)
                && java.util.Arrays.equals(weights, r.weights);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(source, java.util.Arrays.hashCode(studyNames),
                java.util.Arrays.hashCode(study), java.util.Arrays.hashCode(treatment), java.util.Arrays.hashCode(outcome), categories, covariateNames, java.util.Arrays.deepHashCode(covariates), java.util.Arrays.hashCode(lines), excluded, notes, columns, java.util.Arrays.hashCode(weights));
    }

    @Override
    public String toString() {
        return "PatientData[source=" + source + ", studyNames=" + java.util.Arrays.toString(studyNames)
                + ", study=" + java.util.Arrays.toString(study) + ", treatment="
                + java.util.Arrays.toString(treatment) + ", outcome=" + java.util.Arrays.toString(outcome)
                + ", categories=" + categories + ", covariateNames=" + covariateNames + ", covariates="
                + java.util.Arrays.deepToString(covariates) + ", lines=" + java.util.Arrays.toString(lines)
                + ", excluded=" + excluded + ", notes=" + notes + ", columns=" + columns
                + (weights == null ? "" : ", weights=" + java.util.Arrays.toString(weights)) + "]";
    }

    /**
     * The number of rows analysed: patients, or with case weights the rows that stand for {@link #patients()}.
     *
     * @return the length of {@link #study()}
     */
    public int size() {
        return study.length;
    }

    /**
     * The number of trials.
     *
     * @return the length of {@link #studyNames()}
     */
    public int studies() {
        return studyNames.length;
    }

    /**
     * The column of the named covariate.
     *
     * @param name the covariate's name
     * @return a copy of its column, one value per patient
     * @throws IllegalArgumentException if there is no covariate of that name
     */
    public double[] covariate(String name) {
        int j = covariateNames.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no covariate named " + name + " (covariates: " + String.join(", ", covariateNames) + ")");
        }
        return covariates[j].clone();
    }

    /**
     * The same patients with further (derived) covariate columns appended.
     *
     * @param names   the names of the new covariates
     * @param columns their columns, one value per patient
     * @return the patients with the covariates appended
     */
    public PatientData withExtraCovariates(List<String> names, double[][] columns) {
        List<String> n = new java.util.ArrayList<>(covariateNames);
        n.addAll(names);
        double[][] c = java.util.Arrays.copyOf(covariates, covariates.length + columns.length);
        System.arraycopy(columns, 0, c, covariates.length, columns.length);
        return new PatientData(source, studyNames, study, treatment, outcome, categories, n, c, lines, excluded, notes,
                this.columns, weights);
    }

    /**
     * The same patients with only the named covariates (in that order).
     *
     * @param names the covariates to keep, in the order wanted
     * @return the patients with only those covariates
     * @throws IllegalArgumentException if a name is not a covariate
     */
    public PatientData withCovariatesOnly(List<String> names) {
        double[][] c = new double[names.size()][];
        for (int j = 0; j < c.length; j++) {
            c[j] = covariate(names.get(j));
        }
        return new PatientData(source, studyNames, study, treatment, outcome, categories, names, c, lines, excluded, notes,
                columns, weights);
    }

    /**
     * The patients at the given positions (for example those with a secondary outcome recorded),
     * with a note saying how many were left out and why; the carried {@link #columns()} follow them.
     *
     * @param keep the 0-based positions of the patients to keep, in the order they take in the result
     * @param why  why the other patients are left out, ending the note "n patients left out: " (for example
     *             "not an M2 occlusion")
     * @return the selected patients; {@link #excluded()} grows by the number left out
     */
    public PatientData select(int[] keep, String why) {
        int m = keep.length;
        int[] st = new int[m];
        int[] tr = new int[m];
        int[] y = new int[m];
        int[] ln = new int[m];
        int[] wt = weights == null ? null : new int[m];
        double[][] c = new double[covariates.length][m];
        for (int i = 0; i < m; i++) {
            int p = keep[i];
            if (wt != null) {
                wt[i] = weights[p];
            }
            st[i] = study[p];
            tr[i] = treatment[p];
            y[i] = outcome[p];
            ln[i] = lines[p];
            for (int j = 0; j < c.length; j++) {
                c[j][i] = covariates[j][p];
            }
        }
        List<Note> n = new java.util.ArrayList<>(notes);
        int left = study.length - m;
        if (wt != null) {
            long kept = 0;
            for (int v : wt) {
                kept += v;
            }
            left = (int) (patients() - kept);
        }
        if (left > 0) {
            n.add(new Note(0, null, Note.Kind.EXCLUDED, left + " patient" + (left == 1 ? "" : "s") + " left out: " + why));
        }
        return new PatientData(source, studyNames, st, tr, y, categories, covariateNames, c, ln, excluded + left, n,
                columns.subset(keep), wt);
    }

    /**
     * The mean of a covariate within each trial, {@code [trial]} (over the patients the rows stand for).
     *
     * @param name the covariate's name
     * @return the mean over each trial's patients, indexed by trial
     */
    public double[] trialMeans(String name) {
        double[] x = covariate(name);
        double[] sum = new double[studyNames.length];
        long[] n = new long[studyNames.length];
        for (int i = 0; i < x.length; i++) {
            int w = weight(i);
            sum[study[i]] += w * x[i];
            n[study[i]] += w;
        }
        for (int s = 0; s < sum.length; s++) {
            sum[s] = n[s] == 0 ? Double.NaN : sum[s] / n[s];
        }
        return sum;
    }

    /**
     * Patients per trial and arm: {@code [trial][arm]} (the rows' weights added, with case weights).
     *
     * @return the counts, index 0 control and 1 treatment
     */
    public int[][] armSizes() {
        int[][] n = new int[studyNames.length][2];
        for (int i = 0; i < study.length; i++) {
            n[study[i]][treatment[i]] += weight(i);
        }
        return n;
    }

    /**
     * The same patients with outcome categories {@code from..to} merged into {@code from} (for
     * example mRS 5 and 6 merged, as HERMES did); later categories move down.
     *
     * @param from the first category merged (0-based)
     * @param to   the last category merged, above {@code from}
     * @return the patients with {@code categories − (to − from)} categories
     * @throws IllegalArgumentException if the range is not within the categories
     */
    public PatientData mergeCategories(int from, int to) {
        if (from < 0 || to <= from || to >= categories) {
            throw new IllegalArgumentException("cannot merge categories " + from + " to " + to + " of " + categories);
        }
        int[] y = new int[outcome.length];
        int width = to - from;
        for (int i = 0; i < y.length; i++) {
            int v = outcome[i];
            y[i] = v <= from ? v : v <= to ? from : v - width;
        }
        List<Note> n = new java.util.ArrayList<>(notes);
        n.add(new Note(0, null, Note.Kind.INFO, "outcome categories " + from + " to " + to + " merged"));
        return new PatientData(source, studyNames, study, treatment, y, categories - width, covariateNames, covariates,
                lines, excluded, n, columns, weights);
    }

    /**
     * The binary outcome {@code outcome <= cutoff} (for example mRS 0-2 with cutoff 2) as 0/1.
     *
     * @param cutoff the highest category counted as the event, 0 to {@code categories − 2}
     * @return 1 for patients with {@code outcome <= cutoff}, 0 for the others
     * @throws IllegalArgumentException if the cut-off is out of range
     */
    public int[] eventAtMost(int cutoff) {
        if (cutoff < 0 || cutoff >= categories - 1) {
            throw new IllegalArgumentException("the cut-off must lie between 0 and " + (categories - 2));
        }
        int[] e = new int[outcome.length];
        for (int i = 0; i < e.length; i++) {
            e[i] = outcome[i] <= cutoff ? 1 : 0;
        }
        return e;
    }
}
