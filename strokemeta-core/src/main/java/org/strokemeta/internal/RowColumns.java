package org.strokemeta.internal;

import java.util.List;

/**
 * Rows of patients held column-wise (integer columns such as trial, arm and outcome; an optional weight column;
 * covariate columns), taken apart and put together: the rows at given positions, and several blocks one after another.
 * Shared by the chunks of the fits over parts ({@code OrdinalParts}, {@code BinaryParts}). Not part of the API.
 *
 * @param ints       the integer columns
 * @param weight     the weights, or null
 * @param covariates the covariate columns
 */
public record RowColumns(int[][] ints, double[] weight, double[][] covariates) {
    /**
     * Copies of the columns, checked to be of one length.
     *
     * @param ints       the integer columns (at least one)
     * @param weight     the weights, or null
     * @param covariates the covariate columns
     * @return the copies
     * @throws IllegalArgumentException if the columns differ in length
     */
    public static RowColumns copyOf(int[][] ints, double[] weight, double[][] covariates) {
        int n = ints[0].length;
        boolean ok = weight == null || weight.length == n;
        int[][] i = new int[ints.length][];
        for (int c = 0; c < i.length; c++) {
            ok &= ints[c].length == n;
            i[c] = ints[c].clone();
        }
        double[][] x = new double[covariates.length][];
        for (int k = 0; k < x.length; k++) {
            ok &= covariates[k].length == n;
            x[k] = covariates[k].clone();
        }
        if (!ok) {
            throw new IllegalArgumentException("the columns of a chunk differ in length");
        }
        return new RowColumns(i, weight == null ? null : weight.clone(), x);
    }

    /**
     * The number of rows.
     *
     * @return the rows
     */
    public int size() {
        return ints[0].length;
    }

    /**
     * The rows at the given positions, in that order.
     *
     * @param rows the positions
     * @return new columns
     */
    public RowColumns rows(int[] rows) {
        int[][] i = new int[ints.length][rows.length];
        double[] w = weight == null ? null : new double[rows.length];
        double[][] x = new double[covariates.length][rows.length];
        for (int r = 0; r < rows.length; r++) {
            int at = rows[r];
            for (int c = 0; c < i.length; c++) {
                i[c][r] = ints[c][at];
            }
            if (w != null) {
                w[r] = weight[at];
            }
            for (int k = 0; k < x.length; k++) {
                x[k][r] = covariates[k][at];
            }
        }
        return new RowColumns(i, w, x);
    }

    /**
     * Every {@code stride}-th row, from the first.
     *
     * @param stride the step, at least 1
     * @return new columns
     * @throws IllegalArgumentException if {@code stride} is below 1
     */
    public RowColumns every(int stride) {
        if (stride < 1) {
            throw new IllegalArgumentException("the stride must be at least 1, not " + stride);
        }
        int[] rows = new int[(size() + stride - 1) / stride];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = r * stride;
        }
        return rows(rows);
    }

    /**
     * The rows whose integer column {@code column} holds {@code value}, in order.
     *
     * @param column the integer column
     * @param value  the value
     * @return new columns
     */
    public RowColumns where(int column, int value) {
        int[] c = ints[column];
        int m = 0;
        for (int v : c) {
            if (v == value) {
                m++;
            }
        }
        int[] rows = new int[m];
        for (int i = 0, r = 0; i < c.length; i++) {
            if (c[i] == value) {
                rows[r++] = i;
            }
        }
        return rows(rows);
    }

    /**
     * Blocks one after another, as one.
     *
     * @param blocks the blocks, with the same columns, all weighted or none
     * @return new columns
     * @throws IllegalArgumentException if the list is empty or the blocks' columns differ
     */
    public static RowColumns concat(List<RowColumns> blocks) {
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("no chunk to join");
        }
        RowColumns f = blocks.get(0);
        int n = 0;
        for (RowColumns b : blocks) {
            if (b.ints.length != f.ints.length || b.covariates.length != f.covariates.length
                    || (b.weight == null) != (f.weight == null)) {
                throw new IllegalArgumentException("chunks with different covariates or weighting");
            }
            n += b.size();
        }
        int[][] i = new int[f.ints.length][n];
        double[] w = f.weight == null ? null : new double[n];
        double[][] x = new double[f.covariates.length][n];
        int at = 0;
        for (RowColumns b : blocks) {
            int m = b.size();
            for (int c = 0; c < i.length; c++) {
                System.arraycopy(b.ints[c], 0, i[c], at, m);
            }
            if (w != null) {
                System.arraycopy(b.weight, 0, w, at, m);
            }
            for (int k = 0; k < x.length; k++) {
                System.arraycopy(b.covariates[k], 0, x[k], at, m);
            }
            at += m;
        }
        return new RowColumns(i, w, x);
    }
}
