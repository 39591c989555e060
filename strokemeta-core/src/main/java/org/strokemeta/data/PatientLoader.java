package org.strokemeta.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads patient-level data from a table into {@link PatientData}: trial, arm, ordinal outcome and
 * covariates, checked cell by cell. A blank outcome, arm or covariate leaves the patient out
 * (complete-case analysis, the default of every regression routine) and is counted and reported
 * with the first lines; a cell that is present but wrong (an arm other than 0/1, a category out of
 * range, text in a numeric column) stops with its line and column, since it is an error in the data,
 * not a missing value.
 *
 * <p>A weight column (case weights, {@link Columns#weight()}) gives the number of patients each row stands for,
 * so that patients with the same trial, arm, outcome and covariates can be one row (aggregated data), as the
 * {@code weights} of R's clm and glm. A weight must be a whole number of patients, 0 or more: a blank, text,
 * a negative, infinite or fractional weight stops with its line and column (clm and glm would take a
 * fraction as a frequency weight, and glm warns about non-integer binomial counts; a row cannot stand for
 * part of a patient). Rows of weight 0 are left out, with a note, as clm and glm leave them out.
 */
public final class PatientLoader {
    private PatientLoader() {
    }

    /**
     * Which columns hold what.
     *
     * @param study      the trial column
     * @param treatment  the arm column: 1 treatment, 0 control (also "treatment"/"control")
     * @param outcome    the ordinal outcome column: whole numbers 0 (best) to categories − 1
     * @param categories the number of outcome categories (7 for mRS 0-6), or 0 to take the largest value seen + 1
     * @param covariates adjustment columns (numeric)
     * @param weight     the case-weight column (the number of patients each row stands for), or null for one patient per row
     * @serial exclude
     */
    public record Columns(String study, String treatment, String outcome, int categories, List<String> covariates,
                          String weight) implements java.io.Serializable {
        /**
         * Checks the columns and copies the covariates (null means none).
         *
         * @param study the trial column
         * @param treatment the arm column: 1 treatment, 0 control (also "treatment"/"control")
         * @param outcome the ordinal outcome column: whole numbers 0 (best) to categories − 1
         * @param categories the number of outcome categories (7 for mRS 0-6), or 0 to take the largest value seen + 1
         * @param covariates adjustment columns (numeric)
         * @param weight the case-weight column, or null for one patient per row
         * @throws IllegalArgumentException if {@code categories} is negative or 1
         */
        public Columns {
            covariates = covariates == null ? List.of() : List.copyOf(covariates);
            if (categories < 0 || categories == 1) {
                throw new IllegalArgumentException("an ordinal outcome needs at least two categories");
            }
        }

        /**
         * Columns without case weights: one patient per row.
         *
         * @param study the trial column
         * @param treatment the arm column: 1 treatment, 0 control (also "treatment"/"control")
         * @param outcome the ordinal outcome column: whole numbers 0 (best) to categories − 1
         * @param categories the number of outcome categories (7 for mRS 0-6), or 0 to take the largest value seen + 1
         * @param covariates adjustment columns (numeric)
         * @throws IllegalArgumentException if {@code categories} is negative or 1
         */
        public Columns(String study, String treatment, String outcome, int categories, List<String> covariates) {
            this(study, treatment, outcome, categories, covariates, null);
        }

        /**
         * study, treatment, the outcome column (mrs or outcome, whichever the table has), mRS 0-6, no covariates.
         *
         * @param t the table, whose column names choose the outcome and trial columns
         * @return the default columns for that table
         */
        public static Columns defaults(Table t) {
            String outcome = t.has("outcome") ? "outcome" : t.has("mrs") ? "mrs" : "outcome";
            String study = t.has("study") ? "study" : t.has("trial") ? "trial" : "study";
            return new Columns(study, "treatment", outcome, 0, List.of());
        }

        /**
         * A copy with another outcome column.
         *
         * @param column the outcome column
         * @param cats   the number of categories, or 0 to take them from the data
         * @return these columns with {@code outcome = column} and {@code categories = cats}
         */
        public Columns withOutcome(String column, int cats) {
            return new Columns(study, treatment, column, cats, covariates, weight);
        }

        /**
         * A copy with other adjustment columns.
         *
         * @param cols the numeric covariate columns
         * @return these columns with {@code covariates = cols}
         */
        public Columns withCovariates(List<String> cols) {
            return new Columns(study, treatment, outcome, categories, cols, weight);
        }

        /**
         * A copy with a case-weight column.
         *
         * @param column the column holding the number of patients each row stands for, or null for one patient per row
         * @return these columns with {@code weight = column}
         */
        public Columns withWeight(String column) {
            return new Columns(study, treatment, outcome, categories, covariates, column);
        }
    }

    /**
     * Reads and checks the patients.
     *
     * @param t the table, one row per patient
     * @param c which columns hold what
     * @return the patients with a complete record, with notes counting those left out
     * @throws InputException for a missing column or a wrong cell
     */
    public static PatientData load(Table t, Columns c) {
        if (t.rows() == 0) {
            throw InputException.of(t.source(), "the file has a header but no data rows");
        }
        for (String col : List.of(c.study(), c.treatment(), c.outcome())) {
            if (!t.has(col)) {
                throw InputException.of(t.source(), "the column '" + col + "' is missing (columns present: "
                        + String.join(", ", t.columnNames()) + ")");
            }
        }
        for (String col : c.covariates()) {
            if (!t.has(col)) {
                throw InputException.of(t.source(), "the covariate column '" + col + "' is missing (columns present: "
                        + String.join(", ", t.columnNames()) + ")");
            }
        }
        if (c.weight() != null && !t.has(c.weight())) {
            throw InputException.of(t.source(), "the weight column '" + c.weight() + "' is missing (columns present: "
                    + String.join(", ", t.columnNames()) + ")");
        }
        int n = t.rows();
        int[] weight = c.weight() == null ? null : weights(t, c.weight());
        double[] y = t.optionalNumbers(c.outcome());
        double[] arm = armColumn(t, c.treatment());
        double[][] x = new double[c.covariates().size()][];
        for (int j = 0; j < x.length; j++) {
            x[j] = t.optionalNumbers(c.covariates().get(j));
        }
        // trial of each row by byte-level grouping: one String per trial, not per patient
        Map<String, int[]> groups = t.groupBy(c.study());
        String[] groupNames = groups.keySet().toArray(new String[0]);
        int[] groupOfRow = new int[n];
        int g0 = 0;
        for (int[] rows : groups.values()) {
            for (int row : rows) {
                groupOfRow[row] = g0;
            }
            g0++;
        }
        int maxCat = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i])) {
                if (y[i] < 0 || y[i] != Math.rint(y[i])) {
                    throw new InputException(t.source(), t.line(i), t.headerName(c.outcome()),
                            "the outcome must be a whole-number category from 0 (best) upwards, not " + t.text(i, c.outcome()));
                }
                maxCat = Math.max(maxCat, (int) y[i]);
            }
        }
        int cats = c.categories() > 0 ? c.categories() : maxCat + 1;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i]) && y[i] >= cats) {
                throw new InputException(t.source(), t.line(i), t.headerName(c.outcome()),
                        "the outcome " + (int) y[i] + " lies outside the categories 0 to " + (cats - 1));
            }
        }
        if (cats < 2) {
            throw InputException.of(t.source(), "the outcome takes a single value: there is nothing to compare");
        }
        // complete cases
        Map<String, int[]> missing = new LinkedHashMap<>();
        boolean[] keep = new boolean[n];
        int m = 0;
        int zero = 0;
        int firstZero = 0;
        long left = 0;
        for (int i = 0; i < n; i++) {
            String why = null;
            if (weight != null && weight[i] == 0) {
                if (zero++ == 0) {
                    firstZero = t.line(i);
                }
                continue;
            }
            if (Double.isNaN(y[i])) {
                why = c.outcome();
            } else if (Double.isNaN(arm[i])) {
                why = c.treatment();
            } else {
                for (int j = 0; j < x.length; j++) {
                    if (Double.isNaN(x[j][i])) {
                        why = c.covariates().get(j);
                        break;
                    }
                }
            }
            if (why == null) {
                keep[i] = true;
                m++;
            } else {
                int[] cnt = missing.get(why);
                if (cnt == null) {
                    cnt = new int[] {0, t.line(i)};
                    missing.put(why, cnt);
                }
                int w = weight == null ? 1 : weight[i];
                cnt[0] += w;
                left += w;
            }
        }
        List<Note> notes = new ArrayList<>(t.notes());
        if (zero > 0) {
            notes.add(new Note(firstZero, null, Note.Kind.EXCLUDED, zero + " row" + (zero == 1 ? "" : "s") + " of weight 0"
                    + " left out (first on " + InputException.rowWord(t.source()) + " " + firstZero + "): they stand for no patient"));
        }
        for (Map.Entry<String, int[]> e : missing.entrySet()) {
            notes.add(new Note(e.getValue()[1], null, Note.Kind.EXCLUDED, e.getValue()[0] + " patient"
                    + (e.getValue()[0] == 1 ? "" : "s") + " left out: " + e.getKey() + " is missing (first on "
                    + InputException.rowWord(t.source()) + " " + e.getValue()[1] + "; complete-case analysis)"));
        }
        if (m == 0) {
            throw InputException.of(t.source(), "no patient has every value needed (outcome, arm"
                    + (x.length > 0 ? ", covariates" : "") + ")");
        }
        // trials coded in natural sort order of their labels (numbers by value), as R orders factor levels
        boolean[] present = new boolean[groupNames.length];
        for (int i = 0; i < n; i++) {
            if (keep[i]) {
                present[groupOfRow[i]] = true;
            }
        }
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(PatientLoader::naturalOrder);
        for (int g = 0; g < groupNames.length; g++) {
            if (present[g]) {
                sorted.add(groupNames[g]);
            }
        }
        Map<String, Integer> codes = new LinkedHashMap<>();
        for (String s : sorted) {
            codes.put(s, codes.size());
        }
        int[] codeOfGroup = new int[groupNames.length];
        for (int g = 0; g < groupNames.length; g++) {
            codeOfGroup[g] = present[g] ? codes.get(groupNames[g]) : -1;
        }
        int[] st = new int[m];
        int[] tr = new int[m];
        int[] out = new int[m];
        int[] ln = new int[m];
        int[] wt = weight == null ? null : new int[m];
        long total = 0;
        double[][] cx = new double[x.length][m];
        int r = 0;
        for (int i = 0; i < n; i++) {
            if (!keep[i]) {
                continue;
            }
            if (wt != null) {
                wt[r] = weight[i];
                total += weight[i];
            }
            st[r] = codeOfGroup[groupOfRow[i]];
            tr[r] = (int) arm[i];
            out[r] = (int) y[i];
            ln[r] = t.line(i);
            for (int j = 0; j < x.length; j++) {
                cx[j][r] = x[j][i];
            }
            r++;
        }
        // The file's other columns travel with the patients (a 0/1 secondary outcome, a subgroup variable).
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String col : List.of(c.study(), c.treatment(), c.outcome())) {
            used.add(col.trim().toLowerCase(java.util.Locale.ROOT));
        }
        if (c.weight() != null) {
            used.add(c.weight().trim().toLowerCase(java.util.Locale.ROOT));
        }
        List<String> other = new ArrayList<>();
        for (String col : t.columnNames()) {
            if (!used.contains(col.trim().toLowerCase(java.util.Locale.ROOT))) {
                other.add(col.trim());
            }
        }
        int[] kept = new int[m];
        for (int i = 0, k = 0; i < n; i++) {
            if (keep[i]) {
                kept[k++] = i;
            }
        }
        DataColumns carried = other.isEmpty() ? null : DataColumns.read(t, other).subset(kept);
        if (wt != null) {
            if (total > Integer.MAX_VALUE) {
                throw InputException.of(t.source(), "the weights in column '" + c.weight() + "' add up to " + total
                        + " patients, more than " + Integer.MAX_VALUE + " can be analysed");
            }
            notes.add(new Note(0, null, Note.Kind.INFO, "case weights from column '" + t.headerName(c.weight()) + "': "
                    + m + " row" + (m == 1 ? "" : "s") + " stand" + (m == 1 ? "s" : "") + " for " + total + " patients"));
        }
        return new PatientData(t.source(), codes.keySet().toArray(new String[0]), st, tr, out, cats, c.covariates(), cx, ln,
                weight == null ? n - m : (int) Math.min(Integer.MAX_VALUE, left), notes, carried, wt);
    }

    /**
     * The case weights of every row: whole numbers of patients, 0 or more; anything else stops with its line and
     * column.
     */
    private static int[] weights(Table t, String col) {
        int n = t.rows();
        int[] w = new int[n];
        double[] v = t.numbersOrNaN(col);
        String name = t.headerName(col);
        for (int i = 0; i < n; i++) {
            double x = v[i];
            String problem = weightProblem(t.isBlank(i, col) ? "" : t.text(i, col), x);
            if (problem != null) {
                throw new InputException(t.source(), t.line(i), name, problem);
            }
            w[i] = (int) x;
        }
        return w;
    }

    /**
     * What is wrong with a cell of the case-weight column, in the words of the loader's messages: a weight is the whole
     * number of patients a row stands for, 0 or more. Front ends that read patients elsewhere use the same words.
     *
     * @param text  the cell's text ("" when blank)
     * @param value the cell as a number, NaN when it is not one
     * @return the problem, or null for a valid weight
     */
    public static String weightProblem(String text, double value) {
        String t = text.trim();
        if (t.isEmpty()) {
            return "the weight is missing: every row needs the number of patients it stands for";
        }
        if (Double.isNaN(value)) {
            return "the weight '" + t + "' is not a number of patients";
        }
        if (Double.isInfinite(value)) {
            return "the weight " + t + " is not finite: it must be a number of patients";
        }
        if (value < 0) {
            return "the weight " + t + " is negative: it must be the number of patients the row stands for, 0 or more";
        }
        if (value != Math.rint(value)) {
            return "the weight " + t + " is not a whole number: a row stands for a whole number of patients";
        }
        if (value > Integer.MAX_VALUE) {
            return "the weight " + t + " is more than " + Integer.MAX_VALUE + " patients";
        }
        return null;
    }

    /**
     * The order in which trials are coded: labels with numbers by value ("Trial 2" before "Trial 10"), otherwise as
     * text, as R orders factor levels of such labels. Front ends that read patients elsewhere (a Spark DataFrame)
     * code their trials in this order, so that cut-points and notes come in the same order.
     *
     * @param a a label
     * @param b another label
     * @return negative, zero or positive as {@code a} comes before, with or after {@code b}
     */
    public static int naturalOrder(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char ca = a.charAt(i);
            char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int si = i;
                int sj = j;
                while (i < a.length() && Character.isDigit(a.charAt(i))) {
                    i++;
                }
                while (j < b.length() && Character.isDigit(b.charAt(j))) {
                    j++;
                }
                java.math.BigInteger x = new java.math.BigInteger(a.substring(si, i));
                java.math.BigInteger y = new java.math.BigInteger(b.substring(sj, j));
                int c = x.compareTo(y);
                if (c != 0) {
                    return c;
                }
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }

    /**
     * The arm a cell of the arm column names: 1 or 0, or the words the loader accepts (treatment, treated,
     * intervention, EVT; control, placebo, medical, usual care; any case, spaces around ignored).
     *
     * @param text the cell's text
     * @return 1 for treatment, 0 for control, −1 for anything else
     */
    public static int armCode(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "treatment", "treated", "intervention", "evt" -> 1;
            case "0", "control", "placebo", "medical", "usual care" -> 0;
            default -> -1;
        };
    }

    /** The arm column as 1/0 (accepting 1/0, treatment/control, or names such as EVT/control), NaN when blank. */
    private static double[] armColumn(Table t, String col) {
        int n = t.rows();
        double[] out = new double[n];
        double[] num = t.numbersOrNaN(col);
        for (int i = 0; i < n; i++) {
            if (num[i] == 0 || num[i] == 1) {
                out[i] = num[i];
                continue;
            }
            if (t.isBlank(i, col)) {
                out[i] = Double.NaN;
                continue;
            }
            int a = armCode(t.text(i, col));
            if (a < 0) {
                throw new InputException(t.source(), t.line(i), t.headerName(col),
                        "the arm must be 1 (treatment) or 0 (control), not '" + t.text(i, col) + "'");
            }
            out[i] = a;
        }
        return out;
    }
}
