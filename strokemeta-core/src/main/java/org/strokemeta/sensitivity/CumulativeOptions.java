package org.strokemeta.sensitivity;

import java.io.Serializable;

/**
 * How a cumulative meta-analysis adds the studies (metafor's {@code cumul(x, order=, collapse=)}): in the
 * order of the data, or sorted by a column of the data (for example the year of publication), increasing or
 * decreasing, one study at a time or, with {@code collapse}, all the studies that share a value of that
 * column in one step.
 *
 * @param order      the column whose values order the studies, or null for the order of the data
 * @param decreasing sort the values from the largest (metafor's {@code decreasing = TRUE})
 * @param collapse   add the studies with equal values together (metafor 4's {@code collapse = TRUE})
 * @serial exclude
 */
public record CumulativeOptions(String order, boolean decreasing, boolean collapse) implements Serializable {
    /**
     * Checks that sorting and collapsing have a column to go by.
     *
     * @param order      the column, or null
     * @param decreasing sort from the largest value
     * @param collapse   add tied studies together
     * @throws IllegalArgumentException when {@code decreasing} or {@code collapse} is asked for without an order column
     */
    public CumulativeOptions {
        if (order != null && order.isBlank()) {
            throw new IllegalArgumentException("order must name a column, not be blank");
        }
        if (order == null && (decreasing || collapse)) {
            throw new IllegalArgumentException((collapse ? "collapse" : "decreasing") + " needs an order column");
        }
    }

    /**
     * The studies in the order of the data, one at a time (metafor's default).
     *
     * @return the default options
     */
    public static CumulativeOptions defaults() {
        return new CumulativeOptions(null, false, false);
    }

    /**
     * Sorted by a column.
     *
     * @param column the column (null: the order of the data, which also drops decreasing and collapse)
     * @return the options with that order
     */
    public CumulativeOptions withOrder(String column) {
        return column == null ? defaults() : new CumulativeOptions(column, decreasing, collapse);
    }

    /**
     * From the largest value or the smallest.
     *
     * @param d true to sort from the largest
     * @return the options with that direction
     */
    public CumulativeOptions withDecreasing(boolean d) {
        return new CumulativeOptions(order, d, collapse);
    }

    /**
     * Ties added in one step or one study at a time.
     *
     * @param c true to add tied studies together
     * @return the options with that choice
     */
    public CumulativeOptions withCollapse(boolean c) {
        return new CumulativeOptions(order, decreasing, c);
    }
}
