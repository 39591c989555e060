package org.strokemeta.regression;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.strokemeta.data.DataColumns;
import org.strokemeta.data.InputException;
import org.strokemeta.effect.EffectSizes;

/**
 * One moderator of a meta-regression: a covariate of the effects ({@link EffectSizes#covariates()},
 * for example a column of the table they were computed from) and how it enters the design.
 *
 * <p>A numeric moderator is one column of the design, named as the column. A categorical moderator
 * with L levels becomes L − 1 indicator (dummy) columns, as R's treatment contrasts of
 * {@code factor(x)} in {@code metafor::rma(mods = ~ factor(x))}: the first level in sorted order is the
 * reference and every other level gets a column named {@code column[level]}. For example
 * {@code alloc} with levels alternate, random and systematic becomes {@code alloc[random]} and
 * {@code alloc[systematic]}, each coefficient the difference from {@code alternate}. Levels are
 * sorted as R sorts text in an English or UTF-8 locale (Unicode collation: case and accents only
 * break ties, so {@code alternate} comes before {@code Random}), and only the levels present among
 * the studies that enter the model count.
 *
 * @param column the covariate's name (any case)
 * @param type   numeric or categorical
 * @serial exclude
 */
public record Moderator(String column, Type type) implements java.io.Serializable {
    /**
     * Checks the moderator.
     *
     * @param column the column of the input table
     * @param type numeric or categorical
     * @throws IllegalArgumentException if the column is null or blank, or the type is null
     */
    public Moderator {
        if (column == null || column.isBlank()) {
            throw new IllegalArgumentException("a moderator needs a column name");
        }
        if (type == null) {
            throw new IllegalArgumentException("a moderator needs a type (numeric or categorical)");
        }
    }

    /**
     * A numeric moderator (a covariate such as latitude or year).
     *
     * @param column the column of the input table
     * @return a numeric moderator of that column
     */
    public static Moderator numeric(String column) {
        return new Moderator(column, Type.NUMERIC);
    }

    /**
     * A categorical moderator (text levels such as the allocation method).
     *
     * @param column the column of the input table
     * @return a categorical moderator of that column
     */
    public static Moderator categorical(String column) {
        return new Moderator(column, Type.CATEGORICAL);
    }

    /**
     * A moderator whose type is read from the data: numeric when every non-blank value of the studies
     * analysed is a number, categorical otherwise. Use it only when the user did not declare the type:
     * a column declared numeric must fail on text, not silently become categorical.
     *
     * @param es     the effects, carrying the covariate
     * @param column the covariate's name (any case)
     * @return a numeric or categorical moderator of that column
     * @throws InputException naming the file when the effects carry no such column
     */
    public static Moderator detect(EffectSizes es, String column) {
        return es.covariates().numeric(column) ? numeric(column) : categorical(column);
    }

    /** How a moderator column is read and turned into design columns. */
    public enum Type {
        /** Numbers; a blank cell is a missing value, any other text is an input error. */
        NUMERIC {
            @Override
            Column read(DataColumns t, String column) {
                double[] x = t.optionalNumbers(column);
                String name = t.name(column);
                return new Column(name) {
                    @Override
                    boolean missing(int row) {
                        return Double.isNaN(x[row]);
                    }

                    @Override
                    Coded code(int[] rows) {
                        double[] c = new double[rows.length];
                        for (int i = 0; i < rows.length; i++) {
                            c[i] = x[rows[i]];
                        }
                        return new Coded(List.of(name), new double[][] {c}, null);
                    }
                };
            }
        },
        /** Text levels; a blank cell is a missing value. */
        CATEGORICAL {
            @Override
            Column read(DataColumns t, String column) {
                return labelled(t.name(column), t.text(column));
            }
        };

        /** Reads the column of the studies analysed; fails on values that do not fit the type. */
        abstract Column read(DataColumns t, String column);

        static Column labelled(String name, String[] text) {
            return new Column(name) {
                @Override
                boolean missing(int row) {
                    return text[row] == null;
                }

                @Override
                Coded code(int[] rows) {
                    List<String> levels = sortedLevels(text, rows);
                    List<String> names = new ArrayList<>();
                    double[][] cols = new double[levels.size() - 1][rows.length];
                    for (int l = 1; l < levels.size(); l++) {
                        names.add(name + "[" + levels.get(l) + "]");
                        String level = levels.get(l);
                        for (int i = 0; i < rows.length; i++) {
                            cols[l - 1][i] = level.equals(text[rows[i]]) ? 1 : 0;
                        }
                    }
                    return new Coded(names, cols, new Design.Factor(name, levels));
                }
            };
        }
    }

    /** R's order of text levels (Unicode collation, then code points to separate what collates equal). */
    static List<String> sortedLevels(String[] text, int[] rows) {
        Collator c = Collator.getInstance(Locale.ROOT);
        c.setStrength(Collator.TERTIARY);
        Comparator<String> byCollation = c::compare;
        TreeSet<String> set = new TreeSet<>(byCollation.thenComparing(Comparator.naturalOrder()));
        for (int r : rows) {
            set.add(text[r]);
        }
        return List.copyOf(set);
    }

    /** A moderator column as read for the studies analysed (indexed by position), before those of the model are known. */
    abstract static class Column {
        final String name;

        Column(String name) {
            this.name = name;
        }

        /** True when the value of the study at position {@code row} is blank. */
        abstract boolean missing(int row);

        /** The design columns over the studies at the given positions (none of them missing). */
        abstract Coded code(int[] rows);
    }

    /**
     * Design columns of one moderator.
     *
     * @param names   column names
     * @param columns the columns, each over the studies of the model
     * @param factor  the levels of a categorical moderator, null for a numeric one
     */
    record Coded(List<String> names, double[][] columns, Design.Factor factor) {
    }
}
